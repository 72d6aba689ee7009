"""English for a bilingual brief: translate each item's title and summary, figures kept exact.

A translator is anything with a ``name`` and ``translate(texts, retry=False) -> texts``. Figures
never reach it as figures: :mod:`brief.deliver.numbers_en` swaps them for placeholders and puts the English
form back, and an item whose figures do not survive two tries stays Chinese-only and is marked.

The llm translator runs llama.cpp under a grammar (:func:`english_grammar`) that admits no Chinese
character, no digit of its own and each placeholder of the text at most once, and tells the model the English names of
the official bodies and posts the text mentions (``prompts/translate/glossary.toml``): a 1.5B
model otherwise leaves words in Chinese (民生) or writes a figure of its own for a marker.
"""

from __future__ import annotations

import itertools
from collections import Counter
import logging
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, Sequence

from brief.errors import ModelError
from brief.document import Brief
from brief.deliver.numbers_en import PLACEHOLDER, Protected, code_written, protect, written_out

log = logging.getLogger("brief.deliver.translate")
# A small model leaves words it cannot translate in Chinese ("The招商引资 efforts"): not English.
_CJK = re.compile(r"[\u4e00-\u9fff]")


class Translator(Protocol):
    name: str

    def translate(self, texts: Sequence[str], *, retry: bool = False,
                  figures: Sequence[Sequence[str]] | None = None) -> list[str]:
        """Chinese in, English out, one for one. ``retry``: a second, more careful attempt.
        ``figures``: for each text, the English its placeholders stand for (``[[N1]]`` first), for
        a translator that can tell its model what each one means."""
        ...


class MarianTranslator:
    """A transformers encoder-decoder (opus-mt-zh-en style) read from a local directory."""

    name = "marian"

    def __init__(self, config: dict[str, Any]):
        settings = config["english"]
        if not settings["marian_dir"]:
            raise ModelError("english.backend is marian but english.marian_dir is not set")
        model_dir = Path(settings["marian_dir"]).expanduser()
        if not (model_dir / "config.json").is_file():
            raise ModelError(f"{model_dir}: no translation model here (config.json missing)")
        try:
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError:
            raise ModelError("the marian translator needs the neural extra: "
                             "pip install 'brief[neural]'") from None
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"{model_dir}: cannot load translation model: {exc}") from None
        self.model.eval()
        self.max_new_tokens = settings["max_new_tokens"]

    def translate(self, texts: Sequence[str], *, retry: bool = False,
                  figures: Sequence[Sequence[str]] | None = None) -> list[str]:
        import torch

        if not texts:
            return []
        batch = self.tokenizer(list(texts), return_tensors="pt", padding=True, truncation=True,
                               max_length=512)
        with torch.inference_mode():
            # Greedy first; the retry searches wider, which is what most often recovers a marker.
            output = self.model.generate(**batch, num_beams=4 if retry else 1,
                                         max_new_tokens=self.max_new_tokens)
        return [t.strip() for t in self.tokenizer.batch_decode(output, skip_special_tokens=True)]


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, str]:
    """Chinese name of an official body or post -> its English (``prompts/translate/glossary.toml``)."""
    from brief.resources import data_dir

    path = data_dir("prompts") / "translate" / "glossary.toml"
    try:
        terms = tomllib.loads(path.read_text(encoding="utf-8"))["terms"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{path}: unusable glossary: {exc}") from None
    return {str(chinese): str(english) for chinese, english in terms.items()}


def glossary_for(text: str, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """The glossary entries ``text`` uses, in order of appearance; the longest match wins
    (省政府新闻办, not also 省政府 inside it)."""
    taken = [False] * len(text)
    found: dict[str, int] = {}
    for chinese in sorted(glossary, key=len, reverse=True):
        for match in re.finditer(re.escape(chinese), text):
            span = range(match.start(), match.end())
            if any(taken[i] for i in span):
                continue
            for i in span:
                taken[i] = True
            found.setdefault(chinese, match.start())
    return [(chinese, glossary[chinese]) for chinese in sorted(found, key=found.get)]


# What the English may contain besides the placeholders: ASCII letters and punctuation (no digits,
# no square brackets, no per cent sign: numbers come only through the placeholders) and a few
# typographic marks.
_ENGLISH_CHARS = r"""[A-Za-z ,.;:!?'"()/&+*\-] | [\u2018\u2019\u201C\u201D\u2013\u2014\u00E9]"""
# Up to this many distinct placeholders the grammar admits each at most once (one rule per subset
# still unwritten: 2^n rules); beyond it, any of them any number of times.
_AT_MOST_ONCE_UP_TO = 8


def english_grammar(text: str) -> str:
    """A GBNF grammar for the English of ``text`` (Chinese with ``[[N1]]`` placeholders).

    It admits no CJK character, no digit of the model's own (the digit runs the text itself has
    outside its markers, such as a hotline ``12315``, only whole, as written) and each placeholder of ``text`` at most once, written as it is. It does not force a
    placeholder the model left out: a model made to write one it did not place goes on inventing
    a sentence to put it in (``complaints increased by [[N3]]``), so a missing one is left to
    the figure check, which sends the text back once and then keeps the item Chinese-only.
    """
    markers = list(dict.fromkeys(m.group(0).replace(" ", "") for m in PLACEHOLDER.finditer(text)))
    loose = PLACEHOLDER.sub("", text)
    rules = [
        # it starts with a letter, a quote or a placeholder: never empty, never blank
        "root ::= [A-Za-z\"'\u2018\u201C(]" + ("? " if markers else " ") + _rest_rule(markers),
        "text ::= char*",
        f"char ::= {_ENGLISH_CHARS}" + "".join(f' | "{code}"' for code in _codes(loose)),
    ]
    if 0 < len(markers) <= _AT_MOST_ONCE_UP_TO:
        for size in range(1, len(markers) + 1):
            for subset in itertools.combinations(range(len(markers)), size):
                rest = [f'"{markers[i]}" {_rest_rule([markers[j] for j in subset if j != i])}'
                        for i in subset]
                rules.append(f"{_rest_rule([markers[i] for i in subset])} ::= text ({' | '.join(rest)})?")
    elif markers:
        alternatives = " | ".join(f'"{m}"' for m in markers)
        rules.append(f"{_rest_rule(markers)} ::= text (({alternatives}) text)*")
    return "\n".join(rules) + "\n"


def _codes(loose: str) -> list[str]:
    """The digit runs of the text outside its markers (12315, 2018), longest first: the grammar
    admits each only whole, so the model can copy them and write no number of its own."""
    return sorted(set(re.findall(r"\d+", loose)), key=lambda code: (-len(code), code))


def _rest_rule(markers: Sequence[str]) -> str:
    """The rule name for "English still to come, with these placeholders in it"."""
    if not markers:
        return "text"
    return "rest-" + "-".join(sorted(PLACEHOLDER.match(m).group(1) for m in markers))


class LLMTranslator:
    """Translation by the configured chat model (``brief.llm.runtime.ChatModel``, the one the
    summaries use), prompted with ``prompts/translate/en.toml`` and the glossary entries the text
    uses, under :func:`english_grammar` on llama.cpp."""

    name = "llm"

    def __init__(self, config: dict[str, Any]):
        from brief.llm.prompts import load_prompt
        from brief.llm.runtime import ChatModel

        self.chat_model = ChatModel(config)  # the model choice, lazy loading and kept prefixes
        self.prompt = load_prompt("translate", "en")
        self.glossary = load_glossary()
        self.max_new_tokens = config["english"]["max_new_tokens"]
        # the first try's conversation and reply per text, for the retry to continue
        self.first_tries: dict[str, tuple[list[dict[str, str]], str]] = {}
        self.stats: Counter[str] = Counter()  # how retried texts were made (benchmarks print it)

    def request(self, text: str, figures: Sequence[str] = ()) -> str:
        """What the model reads: what each placeholder of ``text`` stands for (so that it puts
        ``[[N2]]`` where that figure belongs, not just somewhere; ``figures`` are those of the whole
        text, ``[[N1]]`` first), the glossary entries ``text`` uses, then the text."""
        lines = []
        used = sorted({int(m.group(1)) for m in PLACEHOLDER.finditer(text)})
        named = [f"[[N{i}]] = {figures[i - 1]}" for i in used if 0 < i <= len(figures)]
        if named:
            lines += ["Markers:", *named, ""]
        terms = glossary_for(text, self.glossary)
        if terms:
            lines += ["Terms:", *(f"{zh} = {en}" for zh, en in terms), ""]
        return "\n".join([*lines, "Chinese:", text])

    def translate(self, texts: Sequence[str], *, retry: bool = False,
                  figures: Sequence[Sequence[str]] | None = None) -> list[str]:
        from brief.logs import progress

        if not retry:
            self.first_tries.clear()
        replies = []
        for index, text in enumerate(progress(texts, "翻译", total=len(texts))):
            named = figures[index] if figures else ()
            replies.append(self._retry(text, named) if retry else self._first(text, named))
        return replies

    def _first(self, text: str, figures: Sequence[str]) -> str:
        """The whole text in one request; the conversation is kept for a retry to continue."""
        messages, reply = self._ask(self._messages(text, figures, strict=False), text, strict=False)
        self.first_tries[text] = (messages, reply)
        return reply

    def _retry(self, text: str, figures: Sequence[str]) -> str:
        """A text whose first English failed the checks: first the same conversation goes on with
        what was wrong ("the translation is missing [[N2]] (3.6%)"), llama.cpp evaluating only the
        new turn after the prefix it already holds; if that fails too, the text goes sentence by
        sentence (runs of clauses in a sentence of many markers, :func:`pieces`), each piece
        checked on its own and, when it fails, told what it left out once, as above."""
        first = self.first_tries.pop(text, None)
        if first is not None:
            messages, reply = first
            problems = piece_problems(text, reply, figures)
            # a loop is not cured by asking again in the same words: straight to the pieces
            if problems and not rambling(text, reply) and not misplaced_markers(reply):
                _, again = self._ask([*messages, {"role": "assistant", "content": reply},
                                      {"role": "user", "content": retry_message(problems)}], text, strict=False)
                if not piece_problems(text, again, figures):
                    self.stats["continued"] += 1
                    return again
        parts = [[self._piece(part, figures) for part in sentence] for sentence in pieces(text)]
        self.stats["pieces"] += 1
        return join_pieces(parts)

    def _piece(self, part: str, figures: Sequence[str]) -> str:
        """One piece on the careful prompt; if it fails its own checks, once more in the same
        conversation, told what was wrong; the attempt with fewer problems is kept."""
        messages, reply = self._ask(self._messages(part, figures, strict=True), part, strict=True)
        problems = piece_problems(part, reply, figures)
        if not problems:
            return reply
        _, again = self._ask([*messages, {"role": "assistant", "content": reply},
                              {"role": "user", "content": retry_message(problems)}], part, strict=True)
        self.stats["piece retries"] += 1
        return again if len(piece_problems(part, again, figures)) < len(problems) else reply

    def _messages(self, text: str, figures: Sequence[str], *, strict: bool) -> list[dict[str, str]]:
        return self.prompt.messages(self.request(text, figures), limit=0, key_figures=0, strict=strict)

    def _ask(self, messages: list[dict[str, str]], text: str, *, strict: bool) -> tuple[list[dict[str, str]], str]:
        if not text.strip():
            return messages, ""
        # English takes about one token per Chinese character; the cap stops a model that loops.
        cap = min(self.max_new_tokens, int(len(text) * 1.3) + 24)
        reply = self.chat_model.chat([messages], cap, prompt=f"{self.prompt.name}@{self.prompt.version}|{strict}",
                                     grammar=english_grammar(text))
        return messages, reply[0][0].strip()

    def _one(self, text: str, figures: Sequence[str], retry: bool) -> str:
        """One request for ``text`` as it is (the plain prompt, or the careful one for ``retry``)."""
        return self._ask(self._messages(text, figures, strict=retry), text, strict=retry)[1]


def piece_problems(text: str, translated: str, figures: Sequence[str]) -> list[str]:
    """What is wrong with the English of ``text`` (a whole text or a piece of one, with markers
    numbered as in the whole; ``figures`` are the English of the whole text's markers): markers
    of ``text`` neither written nor (a figure in words only, September) written out, digit runs of
    ``text`` outside its markers (12315) not copied, numbers of the model's own, markers piled up,
    a loop. The same rules as the check on the whole text, applied to the part it names."""
    problems = []
    loose = PLACEHOLDER.sub(" ", text)
    plain = PLACEHOLDER.sub(" ", translated)
    seen = {int(m.group(1)) for m in PLACEHOLDER.finditer(translated)}
    for index in dict.fromkeys(int(m.group(1)) for m in PLACEHOLDER.finditer(text)):
        english = figures[index - 1] if 0 < index <= len(figures) else ""
        if index not in seen and not (english and written_out(english, translated)):
            problems.append(f"[[N{index}]] ({english})" if english else f"[[N{index}]]")
    written = re.findall(r"\d+", plain)
    problems += [code for code in _codes(loose) if not code_written(code, translated)]
    stray = sorted(set(written) - set(re.findall(r"\d+", loose)))
    if stray:
        problems.append("numbers not in the Chinese: " + ", ".join(stray))
    problems += misplaced_markers(translated) + rambling(text, translated)
    if text.strip() and not translated.strip():
        problems.append("no translation")
    return problems


def retry_message(problems: Sequence[str]) -> str:
    """The next turn after an English that failed its checks: what it left out, by name."""
    missing = [p for p in problems if p.startswith("[[N") or p.isdigit()]
    other = [p for p in problems if p not in missing]
    lines = []
    if missing:
        lines.append(f"The translation is missing {_and(missing)}. Translate the same Chinese text again, "
                     "leaving no clause out: every marker exactly once, where its figure belongs, "
                     "and every number in the Chinese exactly as it is written.")
    if other:
        lines.append(f"The translation has problems: {'; '.join(other)}. Translate the same Chinese "
                     "text again, once, with nothing added.")
    return " ".join(lines)


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# At most this many markers per request on the retry (a sentence with more is split at its commas).
PIECE_MARKERS = 3
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]*")
_CLAUSE = re.compile(r"[^，、：]+[，、：]*")


def pieces(text: str) -> list[list[str]]:
    """``text`` as sentences, each a list of parts with at most :data:`PIECE_MARKERS` markers: the
    sentence whole when it has that few, else runs of its clauses."""
    out = []
    for sentence in _SENTENCE.findall(text):
        if len(PLACEHOLDER.findall(sentence)) <= PIECE_MARKERS:
            out.append([sentence])
            continue
        parts, current = [], ""
        for clause in _CLAUSE.findall(sentence):
            if current and len(PLACEHOLDER.findall(current + clause)) > PIECE_MARKERS:
                parts.append(current)
                current = ""
            current += clause
        out.append([*parts, current] if current else parts)
    return out


_LOWER_AFTER_COMMA = {"The", "It", "A", "An", "This", "These", "In", "On", "Of", "And", "With", "Which"}


def join_pieces(sentences: list[list[str]]) -> str:
    """English sentences joined by spaces; the parts of one sentence by commas (their own full
    stops dropped, a capital only where a name keeps it)."""
    out = []
    for parts in sentences:
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            continue
        joined = parts[0]
        for part in parts[1:]:
            first, _, rest = part.partition(" ")
            if first in _LOWER_AFTER_COMMA:
                part = first.lower() + (" " + rest if rest else "")
            joined = joined.rstrip(" .;,") + ", " + part
        out.append(joined)
    return " ".join(out)


def get_translator(config: dict[str, Any]) -> Translator:
    """The translator named in ``[english]``; ModelError with the reason when none can run."""
    from brief.registry import TRANSLATORS, load

    backend = config["english"]["backend"]
    if backend == "auto":
        backend = "marian" if config["english"]["marian_dir"] else "llm"
    if backend == "llm":
        from brief.llm.runtime import llm_available

        reason = llm_available(config)
        if reason:
            raise ModelError(f"no translator for --english: {reason}, and english.marian_dir is not set")
    return load(TRANSLATORS, backend, "english.backend")(config)


_PILED = re.compile(r"\[\[N\d+\]\]\s*\[\[N\d+\]\]")
_TRAILING = re.compile(r"[.!?]\s*(?:\[\[N\d+\]\][\s,.;]*)+$")


def rambling(chinese: str, translated: str) -> list[str]:
    """An English text that says a sentence twice, or is far longer than any translation of its
    Chinese would be (English runs to about three letters per Chinese character): the model
    looped or added something of its own."""
    problems = []
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", translated) if len(s.strip()) > 12]
    if len(sentences) != len(set(sentences)):
        problems.append("a sentence said twice")
    if len(translated) > 5 * len(chinese) + 40:
        problems.append(f"{len(translated)} letters for {len(chinese)} Chinese characters")
    return problems


def misplaced_markers(translated: str) -> list[str]:
    """Placeholders a model put nowhere in particular: side by side with nothing between them, or
    piled up after the last sentence (what a model forced to write them all does with the ones it
    did not place). Their figures would be read with the wrong words."""
    problems = []
    if _PILED.search(translated):
        problems.append("markers side by side with no words between them")
    if _TRAILING.search(translated.strip()):
        problems.append("markers left over after the last sentence")
    return problems


def translate_brief(brief: Brief, translator: Translator) -> None:
    """Give each item ``en = {title, summary}``, or None (marked in meta) when figures failed twice,
    and the day overview its ``en`` the same way.

    Both tries are batched over the whole brief, so a model runs twice at most, not per item.
    """
    # What to translate: item index -> [title, summary]; "overview" -> [its text].
    pending: dict[int | str, list[Protected]] = {}
    for index, item in enumerate(brief.items):
        summary = item.summary.text if item.summary else ""
        pending[index] = [protect(item.title_line), protect(summary)]
        item.en = None
    if brief.overview is not None:
        brief.overview.en = None
        if brief.overview.text:
            pending["overview"] = [protect(brief.overview.text)]
    # A part (title or summary) whose English passed is kept: the retry sends only those that failed.
    accepted: dict[int | str, list[str | None]] = {
        key: ["" if not p.text.strip() else None for p in parts] for key, parts in pending.items()}
    for retry in (False, True):
        if not pending:
            break
        order = list(pending)
        todo = [(key, i) for key in order for i, english in enumerate(accepted[key]) if english is None]
        texts = [pending[key][i].text for key, i in todo]
        figures = [[f.english for f in pending[key][i].figures] for key, i in todo]
        outputs = translator.translate(texts, retry=retry, figures=figures) if texts else []
        if len(outputs) != len(texts):
            raise ModelError(f"the {translator.name} translator returned {len(outputs)} texts "
                             f"for {len(texts)}")
        failed: dict[int | str, list[str]] = {}
        for (key, i), out in zip(todo, outputs):
            part = pending[key][i]
            problems = part.check(out) + misplaced_markers(out) + rambling(part.text, out)
            if not out.strip():
                problems.append("empty translation")
            if _CJK.search(out):
                problems.append("Chinese left untranslated")
            if problems:
                failed.setdefault(key, []).extend(problems)
            else:
                accepted[key][i] = out
        for key in order:
            if key in failed:
                log.info("%s: figures did not survive translation%s: %s",
                         "overview" if key == "overview" else f"item {brief.items[key].rank}",
                         " (retry)" if retry else "", "; ".join(failed[key]))
                continue
            english = [p.restore(out) for p, out in zip(pending[key], accepted[key], strict=True)]
            if key == "overview":
                brief.overview.en = english[0]
            else:
                brief.items[key].en = {"title": english[0], "summary": english[1]}
            del pending[key]
    brief.meta["english"] = {
        "backend": translator.name,
        "translated": sum(item.en is not None for item in brief.items),
        "chinese_only": [brief.items[key].rank for key in pending if key != "overview"],
    }
    if brief.overview is not None and brief.overview.text:
        brief.meta["english"]["overview"] = brief.overview.en is not None
