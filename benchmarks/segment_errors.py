"""Why the page segmenter fails: per generator and headline position, the benchmark's figures and
the failing pages sorted into classes, with counts, each also when the assembly gets the true line
tags (so that tagging errors and assembly errors are told apart: the figures with the true tags
are what a perfect line tagger would give).

    python benchmarks/segment_errors.py [--pages N] [--seed S] [--generators a,b] [--model PATH] [--show K] [--oracle]

Classes of a wrong title: ``furniture`` (a dateline or byline pattern printed as a title, or a
clause of some body that is no piece of the true title), ``cut`` (the true title's start only),
``over`` (the true title and more: a kicker or subtitle read into it; ``over=headline`` where
that is the news item's own headline whole), ``piece`` (another piece of the true title),
``missing`` (no title), ``other`` (the benchmark's furniture-title count also
takes in a cut, over-long or partial title whose words a body restates: here those are told apart);
of a wrong count: ``more`` / ``fewer`` items than the truth. Line tags: the confusion of the
tagger's tags against the tags recovered from the page's truth (``linetags.py``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linetags import line_tags  # noqa: E402
from pagegen import AFTER, BEFORE, TEST_DATES, load_items  # noqa: E402
from generators import generator  # noqa: E402
from segmentation import _FURNITURE_TITLE, _bare, char_f1, score_pages  # noqa: E402

from brief.zh import clean_inline  # noqa: E402
from brief.ingest.segment.assemble import build, segment_page  # noqa: E402
from brief.ingest.segment.features import page_features, rules_reading  # noqa: E402
from brief.ingest.segment.tagger import MODEL, tag  # noqa: E402


def title_class(predicted: str, true: str, bodies: list[str], headlines: frozenset[str] = frozenset()) -> str:
    if not predicted:
        return "missing"
    if _FURNITURE_TITLE.search(predicted):
        return "furniture"
    if true.startswith(predicted):
        return "cut"
    if predicted.startswith(true) or true in predicted:
        # (``over=headline``: the editors' own headline, whole, that the generator printed as a
        # title and an undashed subtitle or kicker: the page cannot tell the two apart)
        return "over=headline" if predicted in headlines else "over"
    if predicted in true:
        return "piece"
    return "furniture" if any(predicted in body for body in bodies) else "other"


def page_errors(page, articles, headlines: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(class, predicted title, true title) for every wrong thing on the page (``headlines``: the
    news items' own headlines, bare)."""
    out = []
    if len(articles) != len(page.truth):
        out.append(("count:" + ("more" if len(articles) > len(page.truth) else "fewer"), str(len(articles)), str(len(page.truth))))
    bodies = [_bare(item.body) for item in page.truth]
    predicted = [(_bare(a.title), clean_inline(a.body)) for a in articles]
    for item in page.truth:
        if item.kind != "article":
            continue
        body = clean_inline(item.body)
        best = max(predicted, key=lambda p: char_f1(body, p[1]), default=("", ""))
        if best[0] != _bare(item.title):
            out.append(("title:" + title_class(best[0], _bare(item.title), bodies, headlines), best[0], _bare(item.title)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generators", default="a,b")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--show", type=int, default=3, help="examples per class")
    parser.add_argument("--oracle", action="store_true", help="show examples of the assembly given the true tags")
    args = parser.parse_args()
    items = load_items()
    headlines = frozenset(_bare(text) for item in items for text in (item["title"], re.sub(r"^【[^】]*】", "", item["title"])))
    for name in args.generators.split(","):
        module = generator(name)
        for position in (AFTER, BEFORE):
            pages = module.generate_pages(args.pages, position, args.seed, items=items, date_range=TEST_DATES)
            classes: Counter = Counter()
            oracle: Counter = Counter()
            examples: dict[str, list] = {}
            oracle_examples: dict[str, list] = {}
            confusion: Counter = Counter()
            lines_total = 0
            by_tagger: dict[str, list] = {}
            by_truth: dict[str, list] = {}
            for n, page in enumerate(pages):
                articles = by_tagger[page.text] = segment_page(page.text, model=args.model)
                for cls, got, want in page_errors(page, articles, headlines):
                    classes[cls] += 1
                    examples.setdefault(cls, []).append((n, got, want))
                lines, true_tags, _ = line_tags(page)
                lines2, features = page_features(page.text)
                predicted = tag(features, args.model)
                lines_total += len(lines)
                confusion.update((t, p) for t, p in zip(true_tags, predicted) if t != p)
                judged, heads_first = rules_reading(features)
                built = build(lines2, true_tags, heads_first=heads_first, judged=judged) if lines2 else []
                by_truth[page.text] = built
                for cls, got, want in page_errors(page, built, headlines):
                    oracle[cls] += 1
                    oracle_examples.setdefault(cls, []).append((n, got, want))
            print(f"== {name} {position}: {len(pages)} pages, {lines_total} lines, "
                  f"{sum(confusion.values())} mistagged ({sum(confusion.values()) / max(1, lines_total):.2%})")
            for name_, found in (("tagger", by_tagger), ("true tags", by_truth)):
                row = score_pages(pages, found.__getitem__)
                print(f"  with the {name_ + ':':<11} exact count {row['exact_count']:.1%}, title exact {row['title_exact']:.1%}, "
                      f"body F1 {row['body_f1']:.4f}, furniture titles {row['furniture_titles']}")
            print("  failures (tagger | true tags):")
            for cls in sorted(set(classes) | set(oracle), key=lambda c: -classes[c]):
                print(f"    {cls:<20} {classes[cls]:>5} | {oracle[cls]:>5}")
            print("  top confusions (true -> tagged):")
            for (t, p), count in confusion.most_common(10):
                print(f"    {t:>9} -> {p:<9} {count}")
            for cls, shown in (oracle_examples if args.oracle else examples).items():
                for n, got, want in shown[: args.show]:
                    print(f"    e.g. {cls} page {n}: got {got!r} want {want!r}")


if __name__ == "__main__":
    main()
