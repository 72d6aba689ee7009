"""Score the page segmenter on generated pages and time ingest+clean of a 10-page issue.

    python benchmarks/segmentation.py [--pages N] [--seed S]

Prints one row per headline position (after / before the body): pages, share of pages with the
exact number of items (articles + captions), share of articles whose title comes out exactly
(whitespace aside), mean body character F1 (bag of characters, whitespace aside, each true item
against its best-matching segment), and the seconds to ingest and clean a 10-page issue on one
core. ``score_pages`` and ``run`` return the same figures as dicts for a quality gate.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pagegen import AFTER, BEFORE, Page, generate_pages, load_items  # noqa: E402

from brief.clean import clean_inline  # noqa: E402
from brief.segment import segment_page  # noqa: E402


def char_f1(truth: str, predicted: str) -> float:
    """F1 of the two texts' character multisets, whitespace ignored."""
    a = Counter(ch for ch in truth if not ch.isspace())
    b = Counter(ch for ch in predicted if not ch.isspace())
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(b.values()), overlap / sum(a.values())
    return 2 * precision * recall / (precision + recall)


def _bare(text: str) -> str:
    return "".join(clean_inline(text).split())


_FURNITURE_TITLE = re.compile(r"^(?:本报|新华社|中新社)\S{0,8}?(?:\d+月)?(?:\d+日)?(?:讯|电)?|^\S{0,4}[日月]?\s*(?:讯|电)[（(]|记者")


def furniture_titles(articles, truth) -> int:
    """Predicted titles that are no title: a dateline or byline (or a piece of one), or a clause of
    some true body, and no true title."""
    titles = {_bare(item.title) for item in truth}
    bodies = [_bare(item.body) for item in truth]
    count = 0
    for article in articles:
        title = _bare(article.title)
        if not title or title in titles:
            continue
        if _FURNITURE_TITLE.search(title) or any(title in body for body in bodies):
            count += 1
    return count


def score_pages(pages: list[Page], segment=None) -> dict:
    """Segment every page (with ``segment``, by default brief's) and score it against its truth."""
    segment = segment or segment_page
    exact = titles = title_total = furniture = 0
    f1s: list[float] = []
    for page in pages:
        articles = segment(page.text)
        exact += len(articles) == len(page.truth)
        furniture += furniture_titles(articles, page.truth)
        predicted = [(a.kind, _bare(a.title), clean_inline(a.body)) for a in articles]
        for item in page.truth:
            body = clean_inline(item.body)
            best = max(predicted, key=lambda p: char_f1(body, p[2]), default=None)
            f1s.append(char_f1(body, best[2]) if best else 0.0)
            if item.kind == "article":
                title_total += 1
                titles += bool(best) and best[1] == _bare(item.title)
    return {
        "pages": len(pages),
        "exact_count": exact / len(pages) if pages else 0.0,
        "title_exact": titles / title_total if title_total else 0.0,
        "body_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "furniture_titles": furniture,
    }


def time_issue(pages: list[Page], repeats: int = 3) -> tuple[float, int]:
    """Best-of-``repeats`` seconds for ``read_inputs`` on the pages written as files, and the article count."""
    from brief.config import defaults
    from brief.ingest import read_inputs

    config = defaults()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, page in enumerate(pages, 1):
            path = Path(folder) / f"page-{number:02d}.txt"
            path.write_text(page.text, encoding="utf-8")
            paths.append(str(path))
        best, count = float("inf"), 0
        for _ in range(repeats):
            start = time.perf_counter()
            result = read_inputs(paths, strict=True, config=config)
            best = min(best, time.perf_counter() - start)
            count = len(result.articles)
    return best, count


def run(pages: int = 200, seed: int = 0) -> dict:
    items = load_items()
    figures = {}
    for position in (AFTER, BEFORE):
        generated = generate_pages(pages, position, seed, items=items)
        figures[position] = score_pages(generated)
        seconds, count = time_issue(generate_pages(10, position, seed + 1, items=items))
        figures[position].update(issue_seconds=seconds, issue_articles=count)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per headline position")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    figures = run(args.pages, args.seed)
    print(f"{'headlines':<10} {'pages':>6} {'exact count':>12} {'title exact':>12} {'body F1':>8} {'10-page issue':>16}")
    for position, row in figures.items():
        issue = f"{row['issue_seconds']:.3f}s/{row['issue_articles']}"
        print(
            f"{position:<10} {row['pages']:>6} {row['exact_count']:>12.1%} {row['title_exact']:>12.1%} "
            f"{row['body_f1']:>8.4f} {issue:>16}"
        )


if __name__ == "__main__":
    main()
