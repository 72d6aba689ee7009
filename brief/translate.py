"""English for a bilingual brief: translate each item's title and summary, figures kept exact.

A translator is anything with a ``name`` and ``translate(texts, retry=False) -> texts``. Figures
never reach it as figures: :mod:`brief.numbers_en` swaps them for placeholders and puts the English
form back, and an item whose figures do not survive two tries stays Chinese-only and is marked.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Protocol, Sequence

from brief.errors import ModelError
from brief.model import Brief
from brief.numbers_en import Protected, protect

log = logging.getLogger("brief.translate")
# A small model leaves words it cannot translate in Chinese ("The招商引资 efforts"): not English.
_CJK = re.compile(r"[\u4e00-\u9fff]")


class Translator(Protocol):
    name: str

    def translate(self, texts: Sequence[str], *, retry: bool = False) -> list[str]:
        """Chinese in, English out, one for one. ``retry``: a second, more careful attempt."""
        ...


class MarianTranslator:
    """A transformers encoder-decoder (opus-mt-zh-en style) read from a local directory."""

    name = "marian"

    def __init__(self, model_dir: str | Path, *, max_new_tokens: int = 256):
        model_dir = Path(model_dir).expanduser()
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
        self.max_new_tokens = max_new_tokens

    def translate(self, texts: Sequence[str], *, retry: bool = False) -> list[str]:
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


class LLMTranslator:
    """Translation by the ``llm`` summarizer's chat model, prompted with ``prompts/translate/en.toml``."""

    name = "llm"

    def __init__(self, config: dict[str, Any]):
        from brief.summarize.llm import LLMSummarizer, load_prompt

        self.summarizer = LLMSummarizer(config)  # owns model choice and lazy loading
        self.prompt = load_prompt("translate", "en")
        self.max_new_tokens = config.get("english", {}).get("max_new_tokens", 256)

    def translate(self, texts: Sequence[str], *, retry: bool = False) -> list[str]:
        from brief.logs import progress

        runtime = self.summarizer.runtime
        replies = []
        for text in progress(texts, "翻译", total=len(texts)):
            if not text:
                replies.append("")
                continue
            messages = self.prompt.messages(text, limit=0, key_figures=0, strict=retry)
            replies.append(runtime.chat([messages], max_tokens=self.max_new_tokens)[0][0].strip())
        return replies


def get_translator(config: dict[str, Any]) -> Translator:
    """The translator named in ``[english]``; ModelError with the reason when none can run."""
    settings = config.get("english", {})
    backend = settings.get("backend", "auto")
    marian_dir = settings.get("marian_dir", "")
    if backend == "marian" or (backend == "auto" and marian_dir):
        if not marian_dir:
            raise ModelError("english.backend is marian but english.marian_dir is not set")
        return MarianTranslator(marian_dir, max_new_tokens=settings.get("max_new_tokens", 256))
    if backend in ("llm", "auto"):
        from brief.summarize.llm import llm_available

        reason = llm_available(config)
        if reason:
            raise ModelError(f"no translator for --english: {reason}, and english.marian_dir is not set")
        return LLMTranslator(config)
    raise ModelError(f"unknown english.backend {backend!r} (choose auto, llm or marian)")


def translate_brief(brief: Brief, translator: Translator) -> None:
    """Give each item ``en = {title, summary}``, or None (marked in meta) when figures failed twice.

    Both tries are batched over the whole brief, so a model runs twice at most, not per item.
    """
    pending: dict[int, list[Protected]] = {}
    for index, item in enumerate(brief.items):
        summary = item.summary.text if item.summary else ""
        pending[index] = [protect(item.article.title), protect(summary)]
        item.en = None
    for retry in (False, True):
        if not pending:
            break
        order = list(pending)
        texts = [p.text for index in order for p in pending[index]]
        outputs = translator.translate(texts, retry=retry)
        if len(outputs) != len(texts):
            raise ModelError(f"the {translator.name} translator returned {len(outputs)} texts "
                             f"for {len(texts)}")
        for position, index in enumerate(order):
            parts = pending[index]
            raw = outputs[2 * position: 2 * position + 2]
            problems = [problem for p, out in zip(parts, raw, strict=True) for problem in p.check(out)]
            if parts[1].text and not raw[1].strip():
                problems.append("empty translation")
            if any(_CJK.search(out) for out in raw):
                problems.append("Chinese left untranslated")
            if problems:
                log.info("item %d: figures did not survive translation: %s",
                         brief.items[index].rank, "; ".join(problems))
                continue
            title, summary = (p.restore(out) for p, out in zip(parts, raw, strict=True))
            brief.items[index].en = {"title": title, "summary": summary}
            del pending[index]
    brief.meta["english"] = {
        "backend": translator.name,
        "translated": len(brief.items) - len(pending),
        "chinese_only": [brief.items[index].rank for index in pending],
    }
