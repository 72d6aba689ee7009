"""Delivery: how many printed figures reach the translator protected, and what rendering costs.

    python -m benchmarks.delivery [PAGE ...] [--xwlb N]   (default: the seed pages in ../shared/seeds)

Figures: every figure ``brief.zh.extract_figures`` finds in the pages' sentences, and how many of
them ``brief.deliver.numbers_en.protect`` turns into a placeholder with an English form (the rest reach the
model as they are: Chinese numerals such as 三项, or forms it does not convert). Rendering: the brief
of those pages (extractive summaries) in every format, and the mail message built from it,
best of five runs each. ``--xwlb N`` also counts figures in the first N evening-news items of
``../shared/eval/xwlb``. Inputs are read by path, never copied.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEF_SHARED") or ROOT.parent / "shared")


def best_ms(work, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6}


def english_value(english: str) -> float | None:
    """``588.76 billion yuan`` -> 588760000000.0; None for months, dates and the like."""
    words = english.removeprefix("more than ").replace(",", "").rstrip("%").split()
    try:
        value = float(words[0])
    except (IndexError, ValueError):
        return None
    return value * SCALE.get(words[1], 1) if len(words) > 1 else value


def figure_coverage(texts: list[str]) -> tuple[int, int, int, int, collections.Counter]:
    """(figures found, protected, numbers among them, whose English value equals brief.zh's)."""
    from brief.deliver.numbers_en import find_figures
    from brief.zh import extract_figures, split_sentences

    found = covered = numbers = agree = 0
    missed: collections.Counter = collections.Counter()
    for text in texts:
        for sentence in split_sentences(text):
            protected = [(m.span(), english) for m, english in find_figures(sentence)]
            cursor = 0
            for figure in extract_figures(sentence):
                start = sentence.find(figure.text, cursor)
                if start < 0:
                    continue
                cursor = start + len(figure.text)
                found += 1
                english = next((e for (a, b), e in protected if a <= start < b), None)
                if english is None:
                    missed[figure.text] += 1
                    continue
                covered += 1
                if figure.kind == "number" and figure.value is not None:
                    numbers += 1
                    mine = english_value(english)
                    agree += mine is not None and abs(mine - figure.value) <= 1e-9 * max(1, figure.value)
    return found, covered, numbers, agree, missed


def print_coverage(label: str, texts: list[str]) -> None:
    found, covered, numbers, agree, missed = figure_coverage(texts)
    print(f"\n{label}\n")
    print("| figures found | protected with English form | quantities | English value = brief.zh value |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| {found} | {covered} | {numbers} | {agree} |")
    if missed:
        print("\nnot protected (reach the model as printed): "
              + ", ".join(f"{text} x{n}" for text, n in missed.most_common(15)))


def xwlb_texts(limit: int) -> list[str]:
    texts = []
    with gzip.open(SHARED / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(texts) == limit:
                break
            item = json.loads(line)
            texts.append(item["title"] + "\n" + item["text"])
    return texts


def main(argv: list[str]) -> None:
    from brief.config import defaults
    from brief.deliver.docx import render_docx
    from brief.ingest import read_inputs
    from brief.deliver.mail import build_message, settings_from
    from brief.pipeline import build_brief
    from brief.deliver.rendering import render

    parser = argparse.ArgumentParser(prog="python -m benchmarks.delivery")
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--xwlb", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    pages = args.pages or sorted((SHARED / "seeds").glob("*.txt"))
    if not pages:
        sys.exit(f"no pages given and none found in {SHARED / 'seeds'}")
    config = defaults()
    articles = read_inputs([str(p) for p in pages], strict=False, config=config).articles
    print_coverage(f"pages: {len(pages)}, articles: {len(articles)}",
                   [a.title + "\n" + a.body for a in articles])
    if args.xwlb:
        print_coverage(f"xwlb items: {args.xwlb}", xwlb_texts(args.xwlb))

    brief = build_brief([str(p) for p in pages], backend="extractive", config=config).brief
    config["mail"].update({"host": "127.0.0.1", "from": "brief@example.org", "to": ["a@example.org"]})
    settings = settings_from(config, environ={})
    rows = [(fmt, best_ms(lambda f=fmt: render(brief, f, config)), len(render(brief, fmt, config).encode()))
            for fmt in ("md", "txt", "html", "json")]
    rows.append(("docx", best_ms(lambda: render_docx(brief, config)), len(render_docx(brief, config))))
    rows.append(("mail (txt+html)", best_ms(lambda: build_message(brief, settings, config).as_bytes()),
                 len(build_message(brief, settings, config).as_bytes())))
    print(f"\nbrief of {len(brief.items)} items")
    print()
    print("| output | ms (best of 5) | bytes |")
    print("| --- | ---: | ---: |")
    for name, ms, size in rows:
        print(f"| {name} | {ms:.1f} | {size} |")


if __name__ == "__main__":
    main(sys.argv[1:])
