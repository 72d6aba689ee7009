"""What a PDF's type sizes add to the page segmenter: generated pages read as text, and typeset as
PDFs whose headline lines are set larger than the body, read without and with the sizes.

    python benchmarks/pdf_headlines.py [--pages N] [--seed S] [--generators c,j] [--bodies 9,10,11]

Each page's lines are typeset one per PDF line (``tests/ingest/pdfmaker.make_pdf``, a real text
layer) at a size for the role its truth gives it (``linetags.py``), as a paper sets them: the body
at 10 points (``--bodies``: each story's text in a size drawn from these); a title at 16-28 (one size per title, drawn for each); a brief's marked title
(``■``) at the body's size (set bold, which a size does not show); subheads at the body's size or
one to three points up (one size per page, as a paper sets all its subheads alike); a kicker or
subtitle at 11-14, one size per element, smaller than its title; captions at 9; furniture set as
a label (ten characters at most, no clause mark or digit: a section's or banner's name, an
advert's brand) at 10-20, other furniture (credits, notices, the folio, the editors) at 9-10.
Pages whose truth could not be placed line by line are left out of all three readings. The PDF is
read by ``brief.ingest.pdf.page_texts`` (which puts a blank line where the size changes much) and
segmented with and without its sizes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

from generators import generator  # noqa: E402
from linetags import line_tags  # noqa: E402
from pagegen import AFTER, BEFORE, TEST_DATES, load_items  # noqa: E402
from pdfmaker import make_pdf  # noqa: E402  (the tests' PDF writer: a real text layer, no font needed)
from segmentation import score_pages  # noqa: E402

from brief.ingest.pdf import page_texts  # noqa: E402
from brief.ingest.segment import segment_page  # noqa: E402

BRIEF_MARKS = "■□●◆◇▲△★☆▶►"
BODY, CAPTION = 10.0, 9.0
TITLE_SIZES = (16, 18, 20, 22, 24, 28)
MINOR_SIZES = (11, 12, 13, 14)  # a kicker's or a subtitle's: between the body's and any title's
LABEL_SIZES = (10, 12, 16, 20)
SMALL_SIZES = (9, 10)
SUBHEAD_SIZES = (10, 11, 12, 13)  # bold at the body's size, or a size or two up


def typeset_sizes(
    text: str, lines: list, tags: list[str], rng: random.Random, subhead: float = BODY,
    bodies: Sequence[float] = (BODY,), body_rng: random.Random | None = None,
) -> list[float]:
    """A size for every line of ``text`` (0 for a blank one) from the true tags of the lines read
    from it (a printed line that carries a brief's run-in title takes the title's: the body's).
    One size for each headline element, whatever its lines; ``subhead``: the page's subheads';
    each story's text in one of ``bodies`` (drawn from ``body_rng`` at its first line)."""
    role_at: dict[int, tuple[str, str]] = {}
    for line, role in zip(lines, tags, strict=True):
        role_at.setdefault(line.at, (role, line.raw))
    sizes: list[float] = []
    previous, size, body = "", 10.0, bodies[0]
    for at, raw in enumerate(text.splitlines()):
        if not raw.strip():
            sizes.append(0.0)
            continue
        role, read = role_at.get(at, ("body", raw))
        if role == "lead" and len(bodies) > 1:
            body = float((body_rng or rng).choice(bodies))
        if role == "title":
            size = BODY if read.strip()[:1] in BRIEF_MARKS else float(rng.choice(TITLE_SIZES))
        elif role in ("kicker", "subtitle"):
            size = size if role == previous else float(rng.choice(MINOR_SIZES))
        elif role == "furniture":
            # a label (a section's or a banner's name, an advert's brand) may be set large; the
            # rest (credits, notices, the folio, the editors) in small type
            label = len(read.replace(" ", "")) <= 10 and not re.search(r"[，。、；：（）()\d]", read)
            size = size if role == previous else float(rng.choice(LABEL_SIZES if label else SMALL_SIZES))
        elif role != "title+":
            size = {"caption": CAPTION, "subhead": subhead}.get(role, body)
        sizes.append(size)
        previous = role
    return sizes


def typeset(pages: list, seed: int = 0, bodies: Sequence[float] = (BODY,)) -> tuple[list, list]:
    """The pages whose truth is placed line by line, and each as read back from a PDF typeset with
    sizes by role (``brief.ingest.pdf.PageText``: its text and its lines' sizes); ``bodies``: the
    sizes a story's text is set in (one drawn per story)."""
    rng = random.Random(seed)
    subheads = random.Random(seed + 1)  # (drawn apart: the other sizes are as before subheads had a size of their own)
    body_rng = random.Random(seed + 2)
    kept, sized = [], []
    for page in pages:
        lines, tags, misses = line_tags(page)
        if not misses:
            kept.append(page)
            subhead = float(subheads.choice(SUBHEAD_SIZES))
            sized.append(typeset_sizes(page.text, lines, tags, rng, subhead=subhead, bodies=bodies, body_rng=body_rng))
    read, _ = page_texts(make_pdf([page.text.splitlines() for page in kept], sizes=sized), path="bench.pdf")
    return kept, read


def score_pdf(pages: list, seed: int = 0, bodies: Sequence[float] = (BODY,)) -> dict:
    """The benchmark's figures for ``pages`` typeset as a PDF and read with their sizes."""
    return _scored(*typeset(pages, seed, bodies), sizes=True)


def _scored(kept: list, read: list, sizes: bool) -> dict:
    by_text = {page.text: pdf_page for page, pdf_page in zip(kept, read, strict=True)}
    return score_pages(kept, lambda text: segment_page(by_text[text].text, sizes=by_text[text].sizes if sizes else None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="pages per generator and headline position")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generators", default="c,j")
    parser.add_argument("--bodies", default="10", help="sizes a story's text is set in, one drawn per story (e.g. 9,10,11)")
    args = parser.parse_args()
    items = load_items()
    print(f"{'gen':<4}{'headlines':<10}{'pages':>6}  {'read as':<16}{'exact count':>12}{'title exact':>12}"
          f"{'body F1':>9}{'furniture titles':>18}")
    for name in args.generators.split(","):
        for position, label in ((AFTER, "after"), (BEFORE, "before")):
            pages = generator(name).generate_pages(args.pages, position, args.seed, items=items, date_range=TEST_DATES)
            kept, read = typeset(pages, args.seed, bodies=[float(b) for b in args.bodies.split(",")])
            readings = (
                ("the text", score_pages(kept)),
                ("PDF, text only", _scored(kept, read, sizes=False)),
                ("PDF with sizes", _scored(kept, read, sizes=True)),
            )
            for reading, row in readings:
                print(f"{name:<4}{label:<10}{row['pages']:>6}  {reading:<16}{row['exact_count']:>11.1%}"
                      f"{row['title_exact']:>12.1%}{row['body_f1']:>9.4f}{row['furniture_titles']:>18}", flush=True)


if __name__ == "__main__":
    main()
