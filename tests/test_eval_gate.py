"""The quality gate: figures measured on fixed evaluation subsets must not drop below their floors.

Floors live in ``benchmarks/floors.json`` (metric -> floor, and the value measured when it was set).
Raising a floor is a normal commit; lowering one needs a stated reason in the commit message.
The subsets are small, fixed and deterministic so the gate runs in seconds without the LLM or the
peers. It reads ``../shared/eval`` (or ``$BRIEF_SHARED``) and is skipped, saying why, without it.

    python tests/test_eval_gate.py           # print every figure next to its floor
    python tests/test_eval_gate.py --raise   # raise floors to today's figures less a margin (never lowers)
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BRIEF_SHARED") or ROOT.parent / "shared")
XWLB = SHARED / "eval" / "xwlb" / "items-dev.jsonl.gz"
GATE = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
SUBSETS = GATE["subsets"]

pytestmark = pytest.mark.skipif(
    not XWLB.is_file(), reason=f"quality gate needs the shared evaluation data: {XWLB} not found (set BRIEF_SHARED)"
)


@functools.cache
def segmentation_figures() -> dict[str, float]:
    """Page segmentation on pages of 2024 news from each generator, per headline position, and on
    the example pages. Generator b's figures only where ``benchmarks/pagegen_b.py`` is present."""
    from benchmarks.pagegen import AFTER, BEFORE, TEST_DATES, load_items
    from benchmarks.segmentation import available, generator, score_pages

    items = load_items(XWLB)
    figures = {}
    for name in available():
        module = generator(name)
        for position in (AFTER, BEFORE):
            pages = module.generate_pages(
                SUBSETS["pages_per_position"], position, SUBSETS["pages_seed"], items=items, date_range=TEST_DATES
            )
            for key, value in score_pages(pages).items():
                if key != "pages":
                    figures[f"segmentation.{name}.{position}.{key}"] = value
    figures.update(example_page_figures())
    return figures


def example_page_figures() -> dict[str, float]:
    """Share of the example pages' known articles (kind and title) that the segmenter gives back exactly."""
    from brief.segment import segment_page

    pages = SUBSETS["example_pages"]
    found = total = exact_pages = 0
    for name, truth in pages.items():
        articles = segment_page((ROOT / "examples" / name).read_text(encoding="utf-8"))
        got = [(a.kind, "".join(a.title.split())) for a in articles]
        want = [(kind, "".join(title.split())) for kind, title in truth]
        found += sum(1 for item in want if item in got)
        total += len(want)
        exact_pages += got == want
    if not pages:
        return {}
    return {"segmentation.examples.items_exact": found / total,
            "segmentation.examples.pages_exact": exact_pages / len(pages)}


@functools.cache
def extractive_figures() -> dict[str, float]:
    """Our extractive summarizer: one-line summaries of xwlb items (title as reference), CLTS summaries."""
    from benchmarks.run import load_clts, load_xwlb
    from brief.config import defaults
    from brief.evaluate import Pair, evaluate
    from brief.summarize import get_summarizer

    summarizer = get_summarizer("extractive", defaults())
    figures = {}
    sets = {"xwlb": (load_xwlb(SHARED, SUBSETS["xwlb_items"], seed=SUBSETS["xwlb_seed"]), "headline"),
            "clts": (load_clts(SHARED), "summary")}
    for name, (items, kind) in sets.items():
        result = evaluate([Pair(i["text"], i["ref"]) for i in items], summarizer, kind=kind)
        for key in ("rouge1", "rouge2", "rougeL", "numbers_supported"):
            figures[f"extractive.{name}.{key}"] = getattr(result, key)
    return figures


@functools.cache
def ranking_figures() -> dict[str, float]:
    """NDCG@5 and Kendall's tau of our ranking against the broadcast order, on every k-th day."""
    from benchmarks.ranking import brief_ranker, evaluate, load_days
    from brief.config import defaults

    days = load_days(XWLB)
    every = SUBSETS["ranking_every_kth_day"]
    subset = {day: rows for i, (day, rows) in enumerate(days.items()) if i % every == 0}
    ndcg, tau = evaluate(subset, brief_ranker(defaults()), seed=SUBSETS["ranking_seed"])
    return {"ranking.ndcg@5": ndcg, "ranking.kendall_tau": tau}


AREAS = {"segmentation": segmentation_figures, "extractive": extractive_figures, "ranking": ranking_figures}


def measure(metric: str) -> float:
    figures = AREAS[metric.split(".")[0]]()
    if metric not in figures:
        raise KeyError(f"{metric}: floors.json names a figure the gate does not compute "
                       f"(known: {', '.join(sorted(figures))})")
    return figures[metric]


def _present(metric: str) -> bool:
    """Generator b's figures need its file (written apart from brief, it may be absent)."""
    return not metric.startswith("segmentation.b.") or (ROOT / "benchmarks" / "pagegen_b.py").is_file()


@pytest.mark.parametrize("metric", sorted(GATE["floors"]))
def test_figure_holds_its_floor(metric):
    if not _present(metric):
        pytest.skip(f"{metric}: benchmarks/pagegen_b.py is not here")
    entry = GATE["floors"][metric]
    value = measure(metric)
    if "ceiling" in entry:  # a count of errors: it must not rise
        assert value <= entry["ceiling"], f"{metric} = {value} is above its ceiling {entry['ceiling']} (benchmarks/floors.json)"
    else:
        assert value >= entry["floor"], f"{metric} = {value:.4f} is below its floor {entry['floor']} (benchmarks/floors.json)"


def margin(metric: str) -> float:
    """How far below today's value a floor sits: room for harmless change, not for a regression."""
    if ".rouge" in metric:
        return 1.0
    # One generated page is 1/100 of a count share: leave room for three.
    return 0.03 if metric.endswith("exact_count") else 0.02


def raise_floors() -> None:
    """Set each floor to the measured value less its margin, never lower than it was (a ceiling:
    the measured count plus one, never higher than it was)."""
    for metric, entry in GATE["floors"].items():
        if not _present(metric):
            continue
        value = measure(metric)
        entry["measured"] = round(value, 4)
        if "ceiling" in entry:
            entry["ceiling"] = min(entry["ceiling"], value + 1)
        else:
            entry["floor"] = max(entry["floor"], round(value - margin(metric), 2))
    path = ROOT / "benchmarks" / "floors.json"
    path.write_text(json.dumps(GATE, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    if "--raise" in sys.argv[1:]:
        raise_floors()
    for metric in sorted(GATE["floors"]):
        if not _present(metric):
            continue
        entry = GATE["floors"][metric]
        value = measure(metric)
        if "ceiling" in entry:
            bound, flag = f"ceiling {entry['ceiling']:<6}", "" if value <= entry["ceiling"] else "   ABOVE CEILING"
        else:
            bound, flag = f"floor {entry['floor']:<8}", "" if value >= entry["floor"] else "   BELOW FLOOR"
        print(f"{metric:<45} {value:8.4f}  {bound} set at {entry.get('measured', '-')}{flag}")
