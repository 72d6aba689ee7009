"""Score the page segmenter on generated pages from three page generators written apart.

    python benchmarks/segmentation.py [--pages N] [--seed S] [--generators a,b,c] [--model PATH | --rules] [--issue]

Pages carry 2024 news (the tagger is trained on news up to 2023). Prints one row per generator
(``a``: pagegen.py, ``b``: pagegen_b.py, written apart from it, ``c``: pagegen_c.py, written blind
from a spec and never tuned on: the held-out one) and headline position (after /
before the body): pages, share of pages with the exact number of items (articles + captions),
share of articles whose title comes out exactly (whitespace aside), mean body character F1 (bag
of characters, whitespace aside, each true item against its best-matching segment), furniture
titles (predicted titles that are a dateline, a byline or a clause of a true body: should be 0),
and CPU milliseconds per page. Leave one generator out: train a model on one generator
(``train_segmenter.py --generators a --out A.crfsuite``) and pass it with ``--model`` while scoring
the other. ``score_pages`` and ``run`` return the same figures as dicts for the quality gate.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators import available, generator  # noqa: E402
from pagegen import AFTER, BEFORE, TEST_DATES, Page, generate_pages, load_items  # noqa: E402

from brief.zh import clean_inline  # noqa: E402
from brief.ingest.segment import segment_page  # noqa: E402


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
    """Text without whitespace; for a title also without a brief's marker (``■``, ``【…】``): the
    generators disagree on whether the marker is part of the title (h keeps it), the page does not say."""
    text = "".join(clean_inline(text).split())
    while text and unicodedata.category(text[0]) == "So":
        text = text[1:]
    if text.startswith("【") and text.endswith("】") and text.count("【") == 1:
        text = text[1:-1]
    return text


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


def segmenter(model: Path | None = None, rules: bool = False):
    """brief's segmenter with its shipped model, another model file, or the hand-written rules."""
    if rules:
        from brief.ingest.segment.rules import segment_page as by_rules

        return by_rules
    if model is None:
        return segment_page
    return lambda text: segment_page(text, model=model)


def run(pages: int = 200, seed: int = 0, generators: list[str] | None = None, segment=None) -> dict:
    """Figures per generator and headline position on pages of 2024 news (the tagger trains on
    news up to 2023), with the seconds per page."""
    items = load_items()
    figures = {}
    for name in generators or available():
        module = generator(name)
        for position in (AFTER, BEFORE):
            generated = module.generate_pages(pages, position, seed, items=items, date_range=TEST_DATES)
            started = time.process_time()
            row = score_pages(generated, segment)
            row["ms_per_page"] = 1000 * (time.process_time() - started) / max(1, len(generated))
            figures[(name, position)] = row
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per generator and headline position")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generators", default=",".join(available()), help="a list of a ... j (default: all; c and j are held out from training)")
    parser.add_argument("--model", type=Path, help="a tagger model file (default: the shipped one)")
    parser.add_argument("--rules", action="store_true", help="score the hand-written rules instead")
    parser.add_argument("--issue", action="store_true", help="also time ingest+clean of a 10-page issue")
    args = parser.parse_args()
    figures = run(args.pages, args.seed, args.generators.split(","), segmenter(args.model, args.rules))
    print(f"{'gen':<4} {'headlines':<10} {'pages':>6} {'exact count':>12} {'title exact':>12} {'body F1':>8} "
          f"{'furniture titles':>17} {'ms/page':>8}")
    for (name, position), row in figures.items():
        print(
            f"{name:<4} {position:<10} {row['pages']:>6} {row['exact_count']:>12.1%} {row['title_exact']:>12.1%} "
            f"{row['body_f1']:>8.4f} {row['furniture_titles']:>17} {row['ms_per_page']:>8.1f}"
        )
    if args.issue:
        seconds, count = time_issue(generate_pages(10, AFTER, args.seed + 1, date_range=TEST_DATES))
        print(f"10-page issue through read_inputs: {seconds:.3f}s, {count} articles")


if __name__ == "__main__":
    main()
