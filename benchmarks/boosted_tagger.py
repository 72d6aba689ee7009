"""An experiment, not shipped: the line tagger's CRF with a gradient-boosted line classifier beside it.

    pip install lightgbm   # not a dependency of brief: only this experiment needs it
    python benchmarks/boosted_tagger.py --train [--pages 500] [--out DIR]
    python benchmarks/boosted_tagger.py [--out DIR] [--weights 0.25,0.5] [--rounds 40,150] [--generators c,j] [--score-pages 100]
    python benchmarks/boosted_tagger.py --leave-out "a,b;d,e;f,g;h,i" --pages 150 --score-pages 50 [--weights ...] [--rounds ...]

``--train`` fits a LightGBM classifier (10 tags, 150 rounds) on the same pages, features and line
tags as the shipped CRF (``train_segmenter.py``: every generator but the held-out c and j, news up to
2023); about 11 minutes of features and 7 of training for 500 pages on two cores. Scoring then decodes
each page with the CRF's emissions plus ``weight`` times the classifier's (log p(tag | line) less the
tag's log prior) under the CRF's transitions, hands the tags to the same assembly (whose repairs ask
the same mixed scores), and prints the benchmark's figures beside the shipped CRF's on the same
pages, and what either reading makes of the real seed page (``docs/segmentation.md``, sessions 22
and 23). ``--rounds`` scores with the classifier's first rounds only (the same trees as a model
trained for that many rounds). ``--leave-out`` chooses the weight and the rounds without the
held-out generators: for each group of training generators left out, a CRF and a classifier are
trained on the others' pages and scored on the group's (about 16 minutes a group at 150 pages).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from array import array
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators import available, generator  # noqa: E402
from pagegen import AFTER, BEFORE, TEST_DATES, load_items  # noqa: E402
from segmentation import score_pages  # noqa: E402
from train_segmenter import SEED_PAGE, seed_page_changes, tagged_pages  # noqa: E402
from train_segmenter import train as train_crf  # noqa: E402

from brief.ingest.segment.assemble import build, segment_page  # noqa: E402
from brief.ingest.segment.features import page_features, rules_reading  # noqa: E402
from brief.ingest.segment.tagger import MODEL, TAGS, Lattice  # noqa: E402

PARAMS = {
    "objective": "multiclass", "num_class": len(TAGS), "learning_rate": 0.15, "num_leaves": 31, "min_data_in_leaf": 100,
    "feature_fraction": 0.5, "bagging_fraction": 0.5, "bagging_freq": 1, "lambda_l2": 1.0, "num_threads": 2,
    "verbose": -1, "seed": 1, "deterministic": True,
}
ROUNDS = 150
# A feature seen on fewer training lines than this says nothing the classifier can learn.
MIN_COUNT = 5


def train(generators: list[str], pages: int, out: Path, items: list[dict]) -> dict:
    """Fit the classifier on the generators' pages and write ``out/lines.lgb`` (the model) and
    ``out/lines.json`` (its features' names and the tags' prior)."""
    import lightgbm
    import numpy as np
    from scipy import sparse

    names: dict[str, int] = {}
    counts: Counter = Counter()
    # Page by page into flat arrays: 1.7 million lines of feature dicts would not fit in memory.
    columns, values, starts, labels = array("i"), array("f"), array("q", [0]), array("b")
    for features, tags in tagged_pages(generators, pages, items):
        if features is None:
            continue
        for line, tag in zip(features, tags, strict=True):
            for name, value in line.items():
                column = names.setdefault(name, len(names))
                counts[column] += 1
                columns.append(column)
                values.append(value)
            starts.append(len(columns))
            labels.append(TAGS.index(tag))
    matrix = sparse.csr_matrix(
        (np.frombuffer(values, np.float32), np.frombuffer(columns, np.int32), np.frombuffer(starts, np.int64)),
        shape=(len(labels), len(names)),
    )
    kept = sorted(column for column, count in counts.items() if count >= MIN_COUNT)
    by_column = {column: name for name, column in names.items()}
    y = np.frombuffer(labels, np.int8).astype(int)
    started = time.perf_counter()
    booster = lightgbm.train(PARAMS, lightgbm.Dataset(matrix[:, kept], y), num_boost_round=ROUNDS)
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "lines.lgb"))
    prior = np.bincount(y, minlength=len(TAGS)) / len(y)
    (out / "lines.json").write_text(json.dumps({"features": [by_column[c] for c in kept], "prior": prior.tolist()}))
    return {"lines": len(labels), "features": len(kept), "seconds": round(time.perf_counter() - started)}


class Boosted:
    """The trained classifier's score of every tag on every line, in the CRF lattice's tag order."""

    def __init__(self, folder: Path):
        import lightgbm
        import numpy as np

        meta = json.loads((folder / "lines.json").read_text())
        self.column = {name: n for n, name in enumerate(meta["features"])}
        self.log_prior = np.log(np.asarray(meta["prior"]))
        self.booster = lightgbm.Booster(model_file=str(folder / "lines.lgb"))

    def scores(self, features: list[dict[str, float]], labels: list[str], rounds: int | None = None):
        import numpy as np
        from scipy import sparse

        columns, values, starts = [], [], [0]
        for line in features:
            for name, value in line.items():
                if (column := self.column.get(name)) is not None:
                    columns.append(column)
                    values.append(value)
            starts.append(len(columns))
        matrix = sparse.csr_matrix((values, columns, starts), shape=(len(features), len(self.column)))
        chances = self.booster.predict(matrix, num_threads=1, num_iteration=rounds)
        scores = np.log(chances + 1e-9) - self.log_prior
        return scores[:, [TAGS.index(label) for label in labels]]


def mixed_segmenter(boosted: Boosted, weight: float, rounds: int | None = None, model: Path = MODEL):
    """``segment_page`` with the tags decoded from the CRF's emissions plus ``weight`` times the
    classifier's, and the assembly's repairs asking the same scores."""
    def segment(text: str) -> list:
        lines, features = page_features(text)
        if not lines:
            return []
        lattice = Lattice(features, model)
        lattice.emissions = lattice.emissions + weight * boosted.scores(features, lattice.labels, rounds)
        tags = lattice.best({})[0]
        judged, heads_first = rules_reading(features)
        return build(lines, tags, heads_first=heads_first, judged=judged, features=features, lattice=lattice)
    return segment


def readers(boosted: Boosted, weights: list[float], rounds: list[int | None], model: Path = MODEL) -> dict:
    """The CRF alone and mixed with the classifier at each weight and number of rounds, by label."""
    mixed = {
        f"crf+{w}" + (f"x{r}" if r else ""): mixed_segmenter(boosted, w, r, model) for w in weights for r in rounds
    }
    return {"crf": functools.partial(segment_page, model=model)} | mixed


def score_rows(names: list[str], pages: int, readers_by_label: dict, items: list[dict], fold: str = "") -> None:
    """Print each reader's figures on the generators' pages of both headline positions."""
    for name in names:
        for position in (AFTER, BEFORE):
            sample = generator(name).generate_pages(pages, position, 0, items=items, date_range=TEST_DATES)
            for label, reader in readers_by_label.items():
                row = score_pages(sample, reader)
                print(f"{fold:<6}{name:<4}{position:<10}{label:<14}{row['exact_count']:>12.1%}{row['title_exact']:>12.1%}"
                      f"{row['body_f1']:>9.4f}{row['furniture_titles']:>17}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="fit the classifier first")
    parser.add_argument("--pages", type=int, default=500, help="training pages per generator and headline position")
    parser.add_argument("--out", type=Path, default=Path("/tmp/brief-boosted-tagger"), help="where the classifier is kept")
    parser.add_argument("--weights", default="0.25,0.5", help="the classifier's weights against the CRF's")
    parser.add_argument("--rounds", default="", help="the classifier's first rounds only, one or several (default: all)")
    parser.add_argument("--generators", default="c,j")
    parser.add_argument("--score-pages", type=int, default=100, help="pages per generator and headline position")
    parser.add_argument("--leave-out", help="groups of training generators to leave out in turn (a,b;d,e)")
    args = parser.parse_args()
    weights = [float(w) for w in args.weights.split(",")]
    rounds = [int(r) for r in args.rounds.split(",")] if args.rounds else [None]
    items = load_items()
    print(f"{'fold':<6}{'gen':<4}{'headlines':<10}{'tagger':<14}{'exact count':>12}{'title exact':>12}{'body F1':>9}"
          f"{'furniture titles':>17}")
    if args.leave_out:
        for group in args.leave_out.split(";"):
            left = group.split(",")
            folder = args.out / f"without-{''.join(left)}"
            kept = [name for name in available(training=True) if name not in left]
            train_crf(kept, args.pages, folder / "lines.crfsuite", items)
            train(kept, args.pages, folder, items)
            fold = readers(Boosted(folder), weights, rounds, folder / "lines.crfsuite")
            score_rows(left, args.score_pages, fold, items, fold="-" + "".join(left))
        return
    if args.train:
        print(f"{args.out}: {train(available(training=True), args.pages, args.out, items)}")
    shipped_and_mixed = readers(Boosted(args.out), weights, rounds)
    score_rows(args.generators.split(","), args.score_pages, shipped_and_mixed, items)
    if SEED_PAGE.is_file():
        text = SEED_PAGE.read_text(encoding="utf-8")
        shipped = segment_page(text)
        for label, reader in list(shipped_and_mixed.items())[1:]:
            changes = seed_page_changes(shipped, reader(text))
            print(f"seed page, {label}: " + ("read as by the shipped model" if not changes else "read otherwise"))
            for change in changes:
                print(f"  {change}")


if __name__ == "__main__":
    main()
