"""Train the page segmenter's line tagger (``brief/ingest/segment/lines.crfsuite``) on generated pages.

    python benchmarks/train_segmenter.py [--generators a,b,d,e] [--pages N] [--out PATH] [--c1 X] [--c2 Y]

Pages come by default from every page generator but the held-out ones (c, j, k, l, m and n, which may be
named for a leave-one-generator-out experiment): ``benchmarks/pagegen.py`` (a), ``pagegen_b.py`` (b) and
``pagegen_d.py`` to ``pagegen_i.py`` (d to i), each written apart from the others; every headline
position each makes, from news dated up to 2023 (``pagegen.TRAIN_DATES``: the benchmark tests on
2024). Each line's true tag is recovered from the page's truth (``linetags.py``). Deterministic:
fixed seeds, and L-BFGS on the same data gives the same model. After training, the real seed page
(``../shared/seeds``) is read with the new model and every item it reads otherwise than the shipped
model is printed (``$BRIEF_SHARED`` moves the shared data).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators import available, generator  # noqa: E402
from linetags import line_tags  # noqa: E402
from pagegen import AFTER, BEFORE, TRAIN_DATES, load_items  # noqa: E402

from brief.ingest.segment import segment_page  # noqa: E402
from brief.ingest.segment.features import page_features  # noqa: E402
from brief.ingest.segment.tagger import MODEL  # noqa: E402

PARAMS = {"c1": 0.3, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def training_pages(generators: list[str], pages: int, items: list[dict], seed: int = 100) -> list:
    """``pages`` pages per generator and headline position (seeds apart from the benchmark's)."""
    out = []
    for name in generators:
        module = generator(name)
        # Every headline position the generator makes (generator b also mixes them on one page).
        for position in getattr(module, "POSITIONS", (AFTER, BEFORE)):
            out += module.generate_pages(pages, position, seed, items=items, date_range=TRAIN_DATES)
    return out


def tagged_pages(generators: list[str], pages: int, items: list[dict]):
    """Each training page's line features and true tags, page by page; (None, None) for a page
    whose truth could not be placed line by line (a title run into its body's first line, say):
    its tags would teach noise, so it is left out."""
    for page in training_pages(generators, pages, items):
        lines, tags, misses = line_tags(page)
        if misses or not lines:
            yield None, None
            continue
        yield page_features(page.text)[1], tags


def train(generators: list[str], pages: int, out: Path, items: list[dict] | None = None) -> dict:
    import pycrfsuite

    items = items if items is not None else load_items()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    lines_total = used = skipped = 0
    for features, tags in tagged_pages(generators, pages, items):
        if features is None:
            skipped += 1
            continue
        lines_total += len(tags)
        used += 1
        trainer.append(features, tags)
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"pages": used, "pages_not_aligned": skipped, "lines": lines_total, "seconds": time.perf_counter() - started,
            "bytes": out.stat().st_size}


# The real page, where the shared data is (``../shared`` or ``$BRIEF_SHARED``, as for every benchmark).
SEED_PAGE = (
    Path(os.environ.get("BRIEF_SHARED") or Path(__file__).resolve().parents[2] / "shared") / "seeds" / "000_51ec7926e3b4d3b2.txt"
)


def headline_rows(articles: list) -> list[str]:
    """One line per item: what an official would see of it (kind, kicker, title, subtitle, paragraphs)."""
    return [f"{a.kind} | {a.kicker} | {a.title} | {a.subtitle} | {len(a.paragraphs)} paragraphs" for a in articles]


def seed_page_changes(shipped: list, trained: list) -> list[str]:
    """The real page's items that the trained tagger reads otherwise than the shipped one (``-`` the
    shipped reading, ``+`` the new one): generated pages are not the world, and this page must come
    out right, so a retrained model is read on it before it replaces the shipped one."""
    before, after = headline_rows(shipped), headline_rows(trained)
    return [f"- {row}" for row in before if row not in after] + [f"+ {row}" for row in after if row not in before]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generators", default=",".join(available(training=True)), help="a list of a ... n (default: all but the held-out c, j, k, l, m and n)")
    parser.add_argument("--pages", type=int, default=500, help="pages per generator and headline position")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularization")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularization")
    args = parser.parse_args()
    PARAMS.update(c1=args.c1, c2=args.c2)
    shipped = None
    if SEED_PAGE.is_file():  # read before training: --out may be the shipped model itself
        shipped = segment_page(SEED_PAGE.read_text(encoding="utf-8"), model=MODEL)
    report = train(args.generators.split(","), args.pages, args.out)
    print(f"{args.out}: {report}")
    if shipped is None:
        print(f"seed page not found ({SEED_PAGE}): the trained model is not read on the real page")
        return
    changes = seed_page_changes(shipped, segment_page(SEED_PAGE.read_text(encoding="utf-8"), model=args.out))
    print("seed page: read as by the shipped model" if not changes else "seed page: read otherwise than by the shipped model")
    for change in changes:
        print(f"  {change}")


if __name__ == "__main__":
    main()
