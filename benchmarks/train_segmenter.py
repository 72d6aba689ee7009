"""Train the page segmenter's line tagger (``brief/ingest/segment/lines.crfsuite``) on generated pages.

    python benchmarks/train_segmenter.py [--generators a,b,d,e] [--pages N] [--out PATH] [--c1 X] [--c2 Y]

Pages come from every page generator but the held-out ones (c and j): ``benchmarks/pagegen.py``
(a), ``pagegen_b.py`` (b) and ``pagegen_d.py`` to ``pagegen_i.py`` (d to i), each written apart
from the others; every headline position each makes, from news dated up to 2023
(``pagegen.TRAIN_DATES``: the benchmark tests on 2024). Each line's true tag is recovered from the
page's truth (``linetags.py``). Deterministic: fixed seeds, and L-BFGS on the same data gives the
same model.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linetags import line_tags  # noqa: E402
from pagegen import AFTER, BEFORE, TRAIN_DATES, load_items  # noqa: E402

from brief.ingest.segment.features import page_features  # noqa: E402
from brief.ingest.segment.tagger import MODEL  # noqa: E402

# Generators c and j (pagegen_c.py, pagegen_j.py) are held out: never trained on.
GENERATORS = {"a": "pagegen", "b": "pagegen_b", "d": "pagegen_d", "e": "pagegen_e", "f": "pagegen_f", "g": "pagegen_g",
              "h": "pagegen_h", "i": "pagegen_i"}
PARAMS = {"c1": 0.3, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    return [name for name, module in GENERATORS.items() if (here / f"{module}.py").is_file()]


def training_pages(generators: list[str], pages: int, items: list[dict], seed: int = 100) -> list:
    """``pages`` pages per generator and headline position (seeds apart from the benchmark's)."""
    out = []
    for name in generators:
        module = importlib.import_module(GENERATORS[name])
        # Every headline position the generator makes (generator b also mixes them on one page).
        for position in getattr(module, "POSITIONS", (AFTER, BEFORE)):
            out += module.generate_pages(pages, position, seed, items=items, date_range=TRAIN_DATES)
    return out


def train(generators: list[str], pages: int, out: Path, items: list[dict] | None = None) -> dict:
    import pycrfsuite

    items = items if items is not None else load_items()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    lines_total = used = skipped = 0
    for page in training_pages(generators, pages, items):
        lines, tags, misses = line_tags(page)
        if misses or not lines:
            # Some field of the truth was not found line by line (a title run into its body's first
            # line, say): the page's tags would teach noise, so it is left out and counted.
            skipped += 1
            continue
        _, features = page_features(page.text)
        lines_total += len(lines)
        used += 1
        trainer.append(features, tags)
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"pages": used, "pages_not_aligned": skipped, "lines": lines_total, "seconds": time.perf_counter() - started,
            "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generators", default=",".join(available()), help="a list of a, b, d ... i (c and j are held out)")
    parser.add_argument("--pages", type=int, default=500, help="pages per generator and headline position")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularization")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularization")
    args = parser.parse_args()
    PARAMS.update(c1=args.c1, c2=args.c2)
    report = train(args.generators.split(","), args.pages, args.out)
    print(f"{args.out}: {report}")


if __name__ == "__main__":
    main()
