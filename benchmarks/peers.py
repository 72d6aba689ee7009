"""The systems of the side-by-side benchmark, each behind one small adapter, and the worker that runs one.

A peer is what a Chinese NLP user reaches for today: textrank4zh, snownlp, jiagu, sumy (TextRank,
LexRank with jieba). Each adapter ranks the sentences of a text the tool's own way and returns the
best ones; the harness asks every system for the same length (one sentence, or a character budget).
Peers get the text exactly as the benchmark has it, with no cleaning of ours: a newspaper page goes in
as the raw page text, because that is what a user of the peer would feed it.

Every system runs in its own process (``python -m benchmarks.peers SYSTEM IN.json OUT.json``) so that
its start-up, memory and speed are its own: peers in the peers venv, ours in the interpreter that runs
the benchmark (where the llm extra may be installed).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import dataclass
from typing import Callable

# The most sentences a peer is asked for when it fills a character budget.
_MAX_SENTENCES = 8


@dataclass(frozen=True)
class System:
    name: str
    module: str  # what `python -c "import X"` imports to measure start-up
    ours: bool = False
    label: str = ""  # how the table names it (package and call)


SYSTEMS = [
    System("textrank4zh", "textrank4zh", label="textrank4zh `TextRank4Sentence`"),
    System("snownlp", "snownlp", label="snownlp `SnowNLP.summary`"),
    System("jiagu", "jiagu", label="jiagu `summarize`"),
    System("sumy-textrank", "sumy.summarizers.text_rank", label="sumy TextRank + jieba"),
    System("sumy-lexrank", "sumy.summarizers.lex_rank", label="sumy LexRank + jieba"),
    System("extractive", "brief.summarize.extractive", ours=True, label="brief `extractive`"),
    System("llm", "brief.summarize.llm", ours=True, label="brief `llm`"),
]
BY_NAME = {s.name: s for s in SYSTEMS}

# A ranker: (text, k) -> up to k sentences, best first.
Ranker = Callable[[str, int], list[str]]


def _textrank4zh() -> Ranker:
    from textrank4zh import TextRank4Sentence

    engine = TextRank4Sentence()

    def rank(text: str, k: int) -> list[str]:
        engine.analyze(text=text, lower=True, source="all_filters")
        return [row.sentence for row in engine.get_key_sentences(num=k)]

    return rank


def _snownlp() -> Ranker:
    from snownlp import SnowNLP

    return lambda text, k: list(SnowNLP(text).summary(k))


def _jiagu() -> Ranker:
    import jiagu

    def rank(text: str, k: int) -> list[str]:
        # jiagu indexes past the end when asked for more sentences than the text has.
        for n in range(k, 0, -1):
            try:
                return list(jiagu.summarize(text, n))
            except IndexError:
                continue
        return []

    return rank


def _sumy(kind: str) -> Callable[[], Ranker]:
    def load() -> Ranker:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser

        if kind == "textrank":
            from sumy.summarizers.text_rank import TextRankSummarizer as Summarizer
        else:
            from sumy.summarizers.lex_rank import LexRankSummarizer as Summarizer
        summarizer = Summarizer(Stemmer("chinese"))
        tokenizer = Tokenizer("chinese")

        def rank(text: str, k: int) -> list[str]:
            document = PlaintextParser.from_string(text, tokenizer).document
            return [str(s) for s in summarizer(document, k)]  # sumy gives them in document order

        return rank

    return load


PEER_LOADERS: dict[str, Callable[[], Ranker]] = {
    "textrank4zh": _textrank4zh,
    "snownlp": _snownlp,
    "jiagu": _jiagu,
    "sumy-textrank": _sumy("textrank"),
    "sumy-lexrank": _sumy("lexrank"),
}


def within_budget(rank: Ranker, text: str, chars: int) -> list[str]:
    """The most sentences the tool picks that still fit ``chars`` (always at least one).

    Asking the tool for k = 1, 2, ... keeps its own choice and order of sentences at every length.
    """
    chosen = rank(text, 1)
    for k in range(2, _MAX_SENTENCES + 1):
        more = rank(text, k)
        if len(more) < k or sum(map(len, more)) > chars:
            break
        chosen = more
    return chosen


def peer_runner(name: str) -> Callable[[dict, dict], list[str]]:
    """(item, task) -> output lines for a peer."""
    rank = PEER_LOADERS[name]()

    def run(item: dict, task: dict) -> list[str]:
        text = item["text"]
        if task["unit"] == "page":
            # One sentence per article on the page, from the raw page text.
            return [s.strip() for s in rank(text, item["k"])]
        if task["kind"] == "headline":
            return [s.strip() for s in rank(text, 1)[:1]]
        return ["".join(s.strip() for s in within_budget(rank, text, task["chars"]))]

    return run


def ours_runner(name: str) -> Callable[[dict, dict], list[str]]:
    """(item, task) -> output lines for one of our backends, through the public library calls."""
    from brief.config import defaults
    from brief.document import ARTICLE, Article
    from brief.ingest.segment import segment_page
    from brief.summarize import get_summarizer

    summarizers: dict[int, object] = {}

    def summarizer_for(chars: int | None):
        key = chars or 0
        if key not in summarizers:
            config = defaults()
            config["summarize"]["cache"] = False  # measure the work, not the summary cache
            if chars:
                config["summarize"]["max_chars"] = chars
            summarizers[key] = get_summarizer(name, config)
        return summarizers[key]

    def run(item: dict, task: dict) -> list[str]:
        summarizer = summarizer_for(task.get("chars"))
        if task["unit"] == "page":
            articles = [a for a in segment_page(item["text"]) if a.kind == ARTICLE]
            return [s.text for s in summarizer.summarize(articles, kind="headline")] if articles else []
        article = Article(paragraphs=[p for p in item["text"].split("\n") if p.strip()])
        return [summarizer.summarize([article], kind=task["kind"])[0].text]

    return run


def work(system: str, tasks: dict) -> dict:
    """Run ``system`` over every task; time each task after one warm-up call (dictionaries, models).

    An item the system fails on gives no output and is counted, with the first error kept.
    """
    started = time.perf_counter()
    runner = ours_runner(system) if BY_NAME[system].ours else peer_runner(system)
    result: dict = {"outputs": {}, "seconds": {}, "failures": {}, "first_error": None}

    def attempt(item: dict, task: dict) -> list[str] | None:
        try:
            return runner(item, task)
        except Exception as exc:  # a tool that crashes on an input is a finding, not a harness bug
            result["first_error"] = result["first_error"] or f"{type(exc).__name__}: {str(exc)[:100]}"
            return None

    first = next((t for t in tasks.values() if t["items"]), None)
    if first:
        attempt(first["items"][0], first)
    result["load_s"] = time.perf_counter() - started
    for task_name, task in tasks.items():
        t0 = time.perf_counter()
        outputs = [attempt(item, task) for item in task["items"]]
        result["seconds"][task_name] = time.perf_counter() - t0
        result["failures"][task_name] = sum(o is None for o in outputs)
        result["outputs"][task_name] = [o or [] for o in outputs]
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result


def main(argv: list[str]) -> int:
    system, source, target = argv
    with open(source, encoding="utf-8") as handle:
        tasks = json.load(handle)
    try:
        result = work(system, tasks)
    except ImportError as exc:
        result = {"error": f"not installed ({exc.name or exc})"}
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
