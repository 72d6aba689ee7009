"""The quality gate: figures measured on fixed evaluation subsets must not drop below their floors.

Floors live in ``benchmarks/floors.json`` (metric -> floor, and the value measured when it was set).
Raising a floor is a normal commit; lowering one needs a stated reason in the commit message.
The subsets are small, fixed and deterministic so the gate runs in seconds without the LLM or the
peers. The example pages' figures need only ``examples/`` and run on any clean clone; the rest read
``../shared/eval`` (or ``$BRIEF_SHARED``) and are skipped, saying why, without it.

``floors.json`` keeps a sha256 of every subset the figures are measured on (``subset_sha256``): a
changed subset (other data, a changed generator, another sample) fails its own test, so that a figure
is never compared with a floor set on different data. After a deliberate change, re-measure and
record: ``--raise --record``.

    python tests/test_eval_gate.py                    # print every figure next to its floor
    python tests/test_eval_gate.py --raise            # raise floors to today's figures less a margin (never lowers)
    python tests/test_eval_gate.py --record           # record the subsets' sha256 as they are now
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import pytest

from benchmarks.generators import GENERATORS

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BRIEF_SHARED") or ROOT.parent / "shared")
XWLB = SHARED / "eval" / "xwlb" / "items-dev.jsonl.gz"
GATE = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
SUBSETS = GATE["subsets"]

# One worker runs the whole gate file (pytest-xdist, --dist loadfile): its pages are made once.
NO_SHARED = f"needs the shared evaluation data: {XWLB} not found (set BRIEF_SHARED)"


# --- the subsets: what each figure is measured on ------------------------------------------------

@functools.cache
def generated_pages(name: str) -> dict[str, list]:
    """Generator ``name``'s pages of 2024 news, per headline position."""
    from benchmarks.pagegen import AFTER, BEFORE, TEST_DATES, load_items
    from benchmarks.generators import generator

    items = load_items(XWLB)
    return {position: generator(name).generate_pages(SUBSETS["pages_per_position"], position,
                                                       SUBSETS["pages_seed"], items=items, date_range=TEST_DATES)
            for position in (AFTER, BEFORE)}


@functools.cache
def summary_items() -> dict[str, list[dict]]:
    from benchmarks.run import load_clts, load_xwlb

    return {"xwlb": load_xwlb(SHARED, SUBSETS["xwlb_items"], seed=SUBSETS["xwlb_seed"]), "clts": load_clts(SHARED)}


@functools.cache
def ranking_days() -> dict[str, list[dict]]:
    from benchmarks.ranking import load_days

    days = load_days(XWLB)
    every = SUBSETS["ranking_every_kth_day"]
    return {day: rows for i, (day, rows) in enumerate(days.items()) if i % every == 0}


def subset_content(subset: str) -> object:
    """What ``subset`` is, as JSON-able data: the example files, the pages, the items, the days."""
    if subset == "examples":
        return {name: (ROOT / "examples" / name).read_text(encoding="utf-8") for name in sorted(SUBSETS["example_pages"])}
    if subset.startswith("pages."):
        return {position: [page.text for page in pages] for position, pages in generated_pages(subset[6:]).items()}
    if subset in ("xwlb", "clts"):
        return summary_items()[subset]
    if subset == "ranking":
        return ranking_days()
    raise KeyError(subset)


def subsets() -> list[str]:
    from benchmarks.generators import available

    return ["examples", *(f"pages.{name}" for name in available()), "xwlb", "clts", "ranking"]


def subset_sha256(subset: str) -> str:
    data = json.dumps(subset_content(subset), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def needs_shared(subset: str) -> bool:
    return subset != "examples"


# --- the figures ------------------------------------------------------------------------------------

@functools.cache
def segmentation_figures() -> dict[str, float]:
    """Page segmentation on pages of 2024 news from each generator, per headline position."""
    from benchmarks.generators import available
    from benchmarks.segmentation import score_pages

    figures = {}
    for name in available():
        for position, pages in generated_pages(name).items():
            for key, value in score_pages(pages).items():
                if key != "pages":
                    figures[f"segmentation.{name}.{position}.{key}"] = value
    return figures


@functools.cache
def pdf_figures(area: str = "segmentation_pdf") -> dict[str, float]:
    """The held-out generators' pages typeset as PDFs, their headlines set larger than the body
    (``benchmarks/pdf_headlines.py``), segmented with the sizes the PDF gives; in the area
    ``segmentation_pdf_mixed`` each story's text set in a size of its own (9, 10 or 11 points)."""
    from benchmarks.generators import HELD_OUT, available
    from benchmarks.pdf_headlines import score_pdf

    bodies = (9.0, 10.0, 11.0) if area == "segmentation_pdf_mixed" else (10.0,)
    figures = {}
    for name in HELD_OUT:
        if name not in available():
            continue
        for position, pages in generated_pages(name).items():
            for key, value in score_pdf(pages, seed=SUBSETS["pages_seed"], bodies=bodies).items():
                if key != "pages":
                    figures[f"{area}.{name}.{position}.{key}"] = value
    return figures


def pdf_mixed_figures() -> dict[str, float]:
    return pdf_figures("segmentation_pdf_mixed")


@functools.cache
def example_page_figures() -> dict[str, float]:
    """Share of the example pages' known articles (kind and title) that the segmenter gives back exactly."""
    from brief.ingest.segment import segment_page

    pages = SUBSETS["example_pages"]
    found = total = exact_pages = 0
    for name, truth in pages.items():
        articles = segment_page(subset_content("examples")[name])
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
    from brief.config import defaults
    from brief.evaluate import Pair, evaluate
    from brief.summarize import get_summarizer

    summarizer = get_summarizer("extractive", defaults())
    figures = {}
    for name, kind in (("xwlb", "headline"), ("clts", "summary")):
        items = summary_items()[name]
        result = evaluate([Pair(i["text"], i["ref"]) for i in items], summarizer, kind=kind)
        for key in ("rouge1", "rouge2", "rougeL", "numbers_supported"):
            figures[f"extractive.{name}.{key}"] = getattr(result, key)
    return figures


@functools.cache
def ranking_figures() -> dict[str, float]:
    """NDCG@5 and Kendall's tau of our ranking against the broadcast order, on every k-th day."""
    from benchmarks.ranking import brief_ranker, evaluate
    from brief.config import defaults

    ndcg, tau = evaluate(ranking_days(), brief_ranker(defaults()), seed=SUBSETS["ranking_seed"])
    return {"ranking.ndcg@5": ndcg, "ranking.kendall_tau": tau}


def measure(metric: str) -> float:
    figures = example_page_figures() if metric.startswith("segmentation.examples.") else {
        "segmentation": segmentation_figures, "segmentation_pdf": pdf_figures,
        "segmentation_pdf_mixed": pdf_mixed_figures, "extractive": extractive_figures,
        "ranking": ranking_figures,
    }[metric.split(".")[0]]()
    if metric not in figures:
        raise KeyError(f"{metric}: floors.json names a figure the gate does not compute "
                       f"(known: {', '.join(sorted(figures))})")
    return figures[metric]


def subset_of(metric: str) -> str:
    """The subset a figure is measured on."""
    area, name = metric.split(".")[:2]
    if area in ("segmentation", "segmentation_pdf", "segmentation_pdf_mixed"):
        return "examples" if name == "examples" else f"pages.{name}"
    return name if area == "extractive" else "ranking"


def _present(metric: str) -> bool:
    """A generator's figures need its file (written apart from brief, it may be absent)."""
    return subset_of(metric) in subsets()


def _skip_reason(subset: str) -> str | None:
    if subset not in subsets():
        return f"benchmarks/pagegen_{subset[6:]}.py is not here"
    if needs_shared(subset) and not XWLB.is_file():
        return NO_SHARED
    return None


@pytest.mark.parametrize("subset", ["examples", *(f"pages.{name}" for name in GENERATORS), "xwlb", "clts", "ranking"])
def test_subset_is_the_one_the_floors_were_set_on(subset):
    reason = _skip_reason(subset)
    if reason:
        pytest.skip(reason)
    recorded = GATE["subset_sha256"].get(subset)
    assert recorded, f"{subset}: no sha256 recorded in benchmarks/floors.json (python tests/test_eval_gate.py --record)"
    assert subset_sha256(subset) == recorded, (
        f"{subset}: the subset changed since its floors were set; re-measure (python tests/test_eval_gate.py "
        "--raise --record) and say why in the commit message")


@pytest.mark.parametrize("metric", sorted(GATE["floors"]))
def test_figure_holds_its_floor(metric):
    reason = _skip_reason(subset_of(metric))
    if reason:
        pytest.skip(f"{metric}: {reason}")
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
    # Leave room for three generated pages in a count share.
    return round(3 / SUBSETS["pages_per_position"], 2) if metric.endswith("exact_count") else 0.02


def raise_floors() -> None:
    """Set each floor to the measured value less its margin, never lower than it was (a ceiling:
    the measured count plus one, never higher than it was); a generator new to the gate gets its
    floors and ceilings set so."""
    for metric in {**segmentation_figures(), **pdf_figures(), **pdf_mixed_figures()}:
        if metric not in GATE["floors"]:
            GATE["floors"][metric] = {"ceiling": 10**6} if metric.endswith("furniture_titles") else {"floor": 0.0}
    GATE["floors"] = dict(sorted(GATE["floors"].items()))
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


def record_subsets() -> None:
    """Write each present subset's sha256 into floors.json."""
    GATE["subset_sha256"] = {subset: subset_sha256(subset) for subset in subsets()
                             if not (needs_shared(subset) and not XWLB.is_file())}
    path = ROOT / "benchmarks" / "floors.json"
    path.write_text(json.dumps(GATE, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    if "--raise" in sys.argv[1:]:
        raise_floors()
    if "--record" in sys.argv[1:]:
        record_subsets()
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
