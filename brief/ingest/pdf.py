"""PDF pages: the text layer via pypdf, one text per page, for the page segmenter.

pypdf repairs what it can, so a cut-off file could pass as a short one: a PDF whose last kilobyte
has no ``%%EOF`` marker is refused as truncated before pypdf sees it.

Some producers write a page line by line across its columns, so that pypdf runs the columns
together; each piece of text is then placed by its position (the text matrix pypdf's visitor
gives), columns found by the gaps between them, and the page read column by column.

pypdf's text has no blank lines, but the page segmenter reads them (a column break, a gap between
blocks), so each line's baseline is kept and a blank line goes wherever the text jumps back up
(the next column), drops by more than ``GAP_FACTOR`` ordinary line steps or changes its type size
(a headline above its body).
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import math
from collections import Counter
from dataclasses import dataclass

from brief.errors import InputError
from brief.zh.chars import HANGING

EOF_WINDOW = 1024
GAP_FACTOR = 1.6
MERGE_EM = 0.6  # pieces on one baseline closer than this many ems are one run of text
WIDE_EM = 1.5  # a wider gap between consecutive pieces on one baseline may be two columns
GUTTER_EM = 0.8  # narrowest gap between columns
GUTTER_SHARE = 0.34  # a gutter may be crossed by a third as many runs as its columns hold (spanning headlines)
BAND_EM = 1.0  # a gap this many ems high across a region separates blocks stacked in it
ASCENT = 0.8  # share of a line's size above its baseline
HEADLINE_SIZE = 1.15  # a run this many times the body's size is set as a headline
TITLE_SIZE = 1.3  # ... and more than this, as a title (a subhead, set a size up, runs on with its text)
NARROW_EM = 0.3
RUN_TOGETHER = 3  # this many unexplained wide gaps on one page: columns interleave beyond repair


class ReadingOrderError(Exception):
    """The text layer interleaves columns that cannot be told apart."""


@dataclass
class _Run:
    """Text drawn on one baseline without a gap, with its extent (x from the estimated glyph widths)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float


def _width(text: str) -> float:
    """Width in em: a CJK or full-width character is 1, any other 1/2 (the text layer has no metrics)."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


def _runs(page) -> list[_Run]:
    """The page's text in content-stream order, pieces on one baseline and close together merged."""
    runs: list[_Run] = []

    def visit(text, cm, tm, font_dict, font_size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size or 1) * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]) or 1.0
        for index, piece in enumerate(text.split("\n")):
            piece_y = y - index * 1.2 * size  # a line pypdf ran on without a new position
            last = runs[-1] if runs else None
            if not piece.strip():
                if piece and last and index == 0:
                    last.text += piece  # the space pypdf saw between two pieces of a line
                continue
            width = _width(piece.rstrip()) * size
            if (last and index == 0 and abs(last.y - piece_y) < 0.3 * size
                    and -0.5 * size <= x - last.x1 and x - _core(last)[1] <= MERGE_EM * size):
                last.text += piece
                last.x1 = max(last.x1, x + width)
            else:
                start = x if index == 0 else last.x0 if last else x
                runs.append(_Run(piece, start, start + width, piece_y, size))

    page.extract_text(visitor_text=visit)
    return _without_overprints(runs)


def _without_overprints(runs: list[_Run]) -> list[_Run]:
    """Runs less those drawn twice at about the same place (fake bold, shadows)."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for run in runs:
        key = (run.text.strip(), round(run.x0 / run.size), round(run.y / run.size))
        if key not in seen:
            seen.add(key)
            out.append(run)
    return out


def _core(run: _Run) -> tuple[float, float]:
    """The extent a run surely covers: its width counted low (half-width characters at ``NARROW_EM``,
    as proportional Latin and digits may be narrower than half an em), less a punctuation mark
    hanging past its column's edge. Gutters are found between cores, so that an estimate does not
    close them."""
    text = run.text.rstrip()
    if text[-1:] in HANGING and run.x1 - run.x0 > 2 * run.size:
        text = text[:-1]
    width = sum(1.0 if ord(ch) >= 0x2E80 else NARROW_EM for ch in text)
    return run.x0, min(run.x1, run.x0 + width * run.size)


def _same_line(a: _Run, b: _Run) -> bool:
    return abs(a.y - b.y) < 0.3 * min(a.size, b.size)


def _gutters(runs: list[_Run], *, clean: bool) -> list[tuple[float, float]]:
    """Vertical strips at least ``GUTTER_EM`` wide between the region's text, left to right: crossed by
    no run (``clean``), or by at most ``GUTTER_SHARE`` of the runs of the busiest strip on either side
    (a headline spanning columns crosses their gutter)."""
    size = sorted(r.size for r in runs)[len(runs) // 2]
    extents = [_core(r) for r in runs]
    edges = sorted({x for extent in extents for x in extent})
    starts = [0] * len(edges)  # runs covering each strip between neighbouring edges, by a sweep
    for x0, x1 in extents:
        starts[bisect.bisect_left(edges, x0)] += 1
        starts[bisect.bisect_left(edges, x1)] -= 1
    crossing = list(itertools.accumulate(starts))[:-1]
    before = list(itertools.accumulate(crossing, max))
    after = list(itertools.accumulate(reversed(crossing), max))[::-1]
    gutters: list[tuple[float, float]] = []
    for i, count in enumerate(crossing):
        if i == 0 or i == len(crossing) - 1:
            continue
        sides = min(before[i - 1], after[i + 1])
        if count and (clean or sides < 2 or count > GUTTER_SHARE * sides):
            continue
        a, b = edges[i], edges[i + 1]
        if gutters and gutters[-1][1] == a:
            gutters[-1] = (gutters[-1][0], b)
        else:
            gutters.append((a, b))
    return [(a, b) for a, b in gutters if b - a >= GUTTER_EM * size]


def _reading_order(runs: list[_Run]) -> list[list[_Run]]:
    """Blocks of runs in reading order: column by column, left to right, each top to bottom; a headline
    spanning columns goes between what is above it and what is below it (recursive X-Y cut)."""
    if len(runs) < 2:
        return [runs] if runs else []
    bands = _bands(runs)
    if len(bands) > 1:
        return [block for band in bands for block in _reading_order(band)]
    size = sorted(r.size for r in runs)[len(runs) // 2]
    near = _gutters(runs, clean=False)
    spanning = [r for r in runs if any(_spans(r, gutter, size) for gutter in near)]
    ordered = sorted(runs, key=lambda r: (-r.y, r.x0))
    spans = {id(r) for r in spanning}
    top = 0  # the region's top lines, each one headline spanning columns or set large, come first
    while top < len(ordered) and (id(ordered[top]) in spans or ordered[top].size > HEADLINE_SIZE * size):
        if top + 1 < len(ordered) and _same_line(ordered[top], ordered[top + 1]):
            break  # headlines side by side head their own columns
        top += 1
    if 0 < top < len(ordered):
        return [ordered[:top]] + _reading_order(ordered[top:])
    clean = _gutters(runs, clean=True)
    if clean:
        bounds = [a for a, _ in clean] + [math.inf]
        columns: list[list[_Run]] = [[] for _ in bounds]
        for run in runs:  # no core crosses a clean gutter, so the core's middle tells the side
            middle = sum(_core(run)) / 2
            columns[next(i for i, a in enumerate(bounds) if middle < a)].append(run)
        return [block for column in columns for block in _reading_order(column)]
    if not spanning or len(spanning) == len(runs):
        return [ordered]
    spanning.sort(key=lambda r: -r.y)
    between: list[list[_Run]] = [[] for _ in range(len(spanning) + 1)]  # runs under k spanning ones
    heights = [-s.y for s in spanning]
    for run in runs:
        if id(run) not in spans:
            between[bisect.bisect_left(heights, -run.y)].append(run)
    blocks = _reading_order(between[0])
    for index, head in enumerate(spanning):
        if index and not between[index] and blocks:
            blocks[-1].append(head)  # a headline of several lines is one block
        else:
            blocks.append([head])
        blocks += _reading_order(between[index + 1])
    return blocks


def _spans(run: _Run, gutter: tuple[float, float], body_size: float) -> bool:
    """Whether a run is a headline over columns: it crosses their gutter, or, set larger than the
    body, reaches into it (a centred headline need not cover the outer columns)."""
    x0, x1 = _core(run)
    if x0 < gutter[0] and x1 > gutter[1]:
        return True
    return run.size > HEADLINE_SIZE * body_size and min(x1, gutter[1]) - max(x0, gutter[0]) > 0.25 * run.size


def _bands(runs: list[_Run]) -> list[list[_Run]]:
    """The region cut top to bottom wherever a gap wider than ``BAND_EM`` runs across all of it."""
    size = sorted(r.size for r in runs)[len(runs) // 2]
    bands: list[list[_Run]] = []
    bottom = math.inf
    for run in sorted(runs, key=lambda r: (-r.y, r.x0)):
        if not bands or run.y + ASCENT * run.size < bottom - BAND_EM * size:
            bands.append([])
            bottom = math.inf
        bands[-1].append(run)
        bottom = min(bottom, run.y - (1 - ASCENT) * run.size)
    return bands


def _reordered(runs: list[_Run]) -> list[list[_Run]] | None:
    """The runs in reading order when the stream runs across columns line by line, else None (the
    stream's order stands); raises ``ReadingOrderError`` when it does and the columns cannot be told
    apart (text drawn over text)."""
    pairs = [(a, b) for a, b in zip(runs, runs[1:], strict=False)
             if _same_line(a, b) and not -0.5 * a.size <= b.x0 - a.x1 <= WIDE_EM * a.size]
    if not pairs:
        return None
    blocks = _reading_order(runs)
    block_of = {id(run): index for index, block in enumerate(blocks) for run in block}
    if any(block_of[id(a)] != block_of[id(b)] for a, b in pairs):  # one line of the stream, two columns
        if _overlapping(runs):
            raise ReadingOrderError("columns interleave and text boxes overlap")
        return blocks
    drawn_over = [(a, b) for a, b in pairs if min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * a.size]
    if len(drawn_over) >= RUN_TOGETHER:
        raise ReadingOrderError("columns interleave with no clear gap between them")
    return None  # other wide gaps on a line (a jump mark set flush right) keep the stream order


def _overlapping(runs: list[_Run]) -> bool:
    """Whether two runs of text are drawn over each other."""
    rows: dict[int, list[_Run]] = {}
    for run in runs:
        rows.setdefault(round(run.y / run.size), []).append(run)
    for key, row in rows.items():
        near = row + rows.get(key + 1, [])
        for i, a in enumerate(row):
            for b in near[i + 1:]:
                if abs(a.y - b.y) < 0.5 * a.size and min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * a.size:
                    return True
    return False


def _lines(block: list[_Run]) -> list[tuple[str, float, float]]:
    """A block's text lines with their baselines and sizes: consecutive runs on one baseline make one line."""
    lines: list[tuple[str, float, float]] = []
    previous = None
    for run in block:
        if previous is not None and _same_line(previous, run):
            text, y, size = lines[-1]
            lines[-1] = (text + run.text, y, max(size, run.size))
        else:
            lines.append((run.text, run.y, run.size))
        previous = run
    return lines


@dataclass
class PageText:
    """A page's text, and the type size of each of its lines (0 for a blank one): the size tells
    a headline's title from its kicker and subtitle, which the text alone cannot."""

    text: str
    sizes: list[float]


def page_text(page) -> PageText:
    """The text of one page in reading order, blank lines at column breaks and wide gaps.

    The content stream's order is kept unless it runs across columns line by line; then the runs
    are put in reading order from their positions. Raises ``ReadingOrderError`` when that cannot be done.
    """
    runs = _runs(page)
    blocks = _reordered(runs) or [runs]
    out: list[str] = []
    sizes: list[float] = []
    for block in blocks:
        lines = _lines(block)
        # The ordinary line step is the most common one (the smallest of equally common ones).
        steps = Counter(round(a[1] - b[1], 1) for a, b in zip(lines, lines[1:], strict=False) if a[1] - b[1] > 0)
        step = max(steps, key=lambda s: (steps[s], -s)) if steps else 0
        # (a larger type steps further: a headline's lines of one size are one block)
        common = Counter(round(size, 1) for _, _, size in lines).most_common(1)[0][0] if lines else 1.0
        for index, (text, y, size) in enumerate(lines):
            if index:
                drop = lines[index - 1][1] - y
                resized = max(size, lines[index - 1][2]) > TITLE_SIZE * min(size, lines[index - 1][2])
                scale = max(1.0, min(size, lines[index - 1][2]) / common)
                if drop <= 0 or drop > GAP_FACTOR * step * scale or resized:
                    out.append("")
                    sizes.append(0.0)
            elif out:
                out.append("")  # the next column or block
                sizes.append(0.0)
            out.append(text.rstrip())
            sizes.append(round(size, 2))
    return PageText("\n".join(out), sizes)


def page_texts(data: bytes, *, path: str) -> tuple[list[PageText], list[InputError]]:
    """The text of each page, in order, and one error naming the pages whose reading order is lost
    (their text is left empty rather than run together); raises ``InputError`` for truncated,
    corrupt, locked or image-only PDFs."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "truncated PDF (no %%EOF end marker)")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repaired; that is not the user's business (what it cannot repair, it raises).
    pypdf_log = logging.getLogger("pypdf")
    level, pypdf_log.level = pypdf_log.level, logging.CRITICAL + 1
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (needs a password)")
        texts, lost = [], []
        for number, page in enumerate(reader.pages, 1):
            try:
                texts.append(page_text(page))
            except ReadingOrderError as exc:
                texts.append(PageText("", []))
                lost.append((number, str(exc)))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"corrupt PDF ({detail})") from None
    finally:
        pypdf_log.setLevel(level)
    problems = []
    if lost:
        pages = ", ".join(str(number) for number, _ in lost)
        problems.append(InputError(path, f"page {pages}: reading order lost ({lost[0][1]}); skipped"))
    if not any(page.text.strip() for page in texts) and not lost:
        raise InputError(path, f"PDF has no text layer ({len(texts)} page(s) of images?); run OCR first")
    return texts, problems
