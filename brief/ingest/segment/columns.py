"""Text with no hard wraps, set in a column before it is segmented; an e-paper's copy cut into the
views its reader showed.

An e-paper's or a web page's copy of a page puts each paragraph on one line, and a line of running
text is then a hundred characters wide where a printed column holds twelve to twenty-two. The line
tagger learned what a page's lines look like from printed columns (how wide a headline is against
the text under it, where a sentence ends against the line's end), so such a copy is set in a column
of the width a paper prints: every paragraph wrapped and set off by a blank line, the short lines
between paragraphs (headlines, bylines) kept as they are. Joining the wrapped lines gives back the
paragraph: nothing is added to the text but line breaks, and no word of Latin letters or figures is
broken.
"""

from __future__ import annotations

import re
from collections import Counter

from brief.zh import ends_sentence
from brief.zh.bylines import PHOTO_CREDIT, credit_alone
from brief.zh.chars import CLOSERS, HANGING, OPENERS, visual_width
from brief.zh.layout import VIEWER_CHROME

COLUMN = 16.0
"""The column's width in em: the seed page's columns hold 12-17 characters."""
_WIDER_THAN_ANY_COLUMN = 30.0
_ASCII_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,:%/\-]*[0-9A-Za-z%]|[0-9A-Za-z]")
_NO_LINE_START = set("，。、；：！？”’」』）》〉】,.;:!?)%…—")
_OPENING = OPENERS + "〈"
# Closing marks that go back to the line above (not a dash or an ellipsis, which open a subtitle or a
# quote's tail, nor a point, which may open a figure's decimals).
_CLOSING = HANGING + CLOSERS + "〉,;:!?%％"


def unwrapped(text: str) -> bool:
    """Whether the text puts whole paragraphs on one line: a few lines of running text are wider
    than any column, more than the lines a column broke at its width (narrow lines that end no
    sentence, as wide as most of them: a printed page has scores of them beside a caption or two
    set on one line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not VIEWER_CHROME.match(line.strip())]
    wide = sum(visual_width(line) > _WIDER_THAN_ANY_COLUMN and "  " not in line and not _captioned(lines, at)
               for at, line in enumerate(lines))
    widths = Counter(round(visual_width(line)) for line in lines if visual_width(line) <= 24 and not ends_sentence(line))
    column = widths.most_common(1)[0][0] if widths else 0
    broken = sum(count for width, count in widths.items() if abs(width - column) <= 1)
    return wide >= 3 and wide > broken


def _captioned(lines: list[str], at: int) -> bool:
    """The line is a photo's caption: its credit ends it or stands on the next line."""
    return bool(PHOTO_CREDIT.search(lines[at])) or credit_alone(next((below for below in lines[at + 1:] if below), ""))


def _pieces(paragraph: str) -> list[str]:
    """The paragraph cut where a line may break: between characters, never inside a run of Latin
    letters or figures (``2024``, ``3.5%``, ``5G``)."""
    pieces, at = [], 0
    for run in _ASCII_RUN.finditer(paragraph):
        pieces += list(paragraph[at:run.start()]) + [run.group()]
        at = run.end()
    return pieces + list(paragraph[at:])


def wrap(paragraph: str, width: float = COLUMN) -> list[str]:
    """The paragraph's lines in a column ``width`` em wide; a closing mark hangs at the line's end
    rather than open the next line, as typesetters do."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(paragraph):
        if line and visual_width(line + piece) > width and piece[0] not in _NO_LINE_START:
            lines.append(line)
            line = ""
        line += piece
    return lines + [line] if line else lines


def set_in_column(text: str, width: float = COLUMN) -> str:
    """The text with every line wider than the column (a paragraph) wrapped and set off by blank
    lines; shorter lines are kept as they are, a sentence alone as a paragraph of its own, and a
    photo's caption on one line (its credit at its end or on the line below) as it is: what a
    page's captions look like in any text layer."""
    out: list[str] = []
    lines = [raw.strip() for raw in text.splitlines()]
    for at, line in enumerate(lines):
        if line and (visual_width(line) > width or ends_sentence(line)):
            if out and out[-1]:
                out.append("")
            captioned = _captioned(lines, at)
            out += [line] if captioned else wrap(line, width) + [""]
        else:
            out.append(line)
    return "\n".join(out)


_TURNS_THE_PAGE = re.compile(r"上一篇|下一篇|返回目录|返回本版")


def article_views(text: str) -> list[str]:
    """An e-paper's copy cut where its reader's buttons stand (``上一篇`` / ``下一篇``, ``返回目录``):
    each piece is what one view of the reader showed, an article and its pictures. Text without
    such buttons is one piece."""
    lines = text.splitlines()
    if sum(bool(_TURNS_THE_PAGE.search(line) and VIEWER_CHROME.match(line.strip())) for line in lines) < 2:
        return [text]
    views: list[list[str]] = [[]]
    for line in lines:
        if VIEWER_CHROME.match(line.strip()) or (line.strip() == "默认" and views[-1] == []):
            if views[-1]:
                views.append([])
        else:
            views[-1].append(line)
    return ["\n".join(view) for view in views if any(line.strip() for line in view)]


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _cells(line: str) -> list[tuple[int, str]]:
    """The runs of text of a line and where each starts, parted where two or more spaces stand."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^ ]+(?: [^ ]+)*", line) if m.group().strip()]


def _side_by_side(line: str) -> bool:
    """Two or more runs of running text (four characters or more, three of them Chinese), two or
    more spaces apart: not a letter-spaced headline's runs (a character or two), nor a table's row
    (its figures), nor a caption and its credit set apart (``……阅读。  本报记者 王芳 摄``)."""
    cells = _cells(line)
    return len(cells) > 1 and not credit_alone(cells[-1][1]) and all(
        len(text.replace(" ", "")) >= 4 and len(_HAN.findall(text)) >= 3 for _, text in cells)


def _beside(block: list[str]) -> list[str]:
    """The lines of a run that set text side by side, where three or more do, half of its lines or
    more (else none: a folio's or an editor's line with a gap is no column)."""
    rows = [line for line in block if line.strip()]
    beside = [line for line in rows if _side_by_side(line)]
    return beside if len(beside) >= 3 and 2 * len(beside) >= len(rows) else []


def _aligned(block: list[str]) -> bool:
    """Whether a run of lines sets columns side by side: their second column starts at one place
    (within two characters) on three of them."""
    beside = _beside(block)
    if not beside:
        return False
    seconds = Counter(_cells(line)[1][0] for line in beside)
    return max(sum(n for at, n in seconds.items() if abs(at - edge) <= 2) for edge in seconds) >= 3


def _side_by_side_runs(lines: list[str]):
    """The runs of lines that set text side by side, as (first, last) line indexes: from a line that
    does to a blank line with none right after it; the left column may go on alone below the others,
    but a line at the left edge under lines whose left column had ended starts what follows the run."""
    i = 0
    while i < len(lines):
        if not _side_by_side(lines[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and (lines[end + 1].strip() or any(
                _side_by_side(lines[k]) for k in range(end + 2, min(end + 4, len(lines))))):
            below = lines[end + 1]
            if below.strip() and not below.startswith(" ") and not _side_by_side(below) and lines[end].startswith(" "):
                break
            end += 1
        yield i, end
        i = end + 1


def columns_apart(text: str) -> str:
    """A text that sets columns side by side on its lines (as ``pdftotext -layout`` gives a page),
    read column by column: each run of lines that do so is rewritten as its left column's lines, a
    blank line, the next column's, and so on; a column is known by where its runs of text start.
    Every other line is kept as it is."""
    kept = text.splitlines(keepends=True)
    lines = [line.rstrip("\r\n") for line in kept]
    out: list[str] = []
    done = 0
    for first, last in _side_by_side_runs(lines):
        out.extend(kept[done:first])
        done = last + 1
        block = lines[first : last + 1]
        if not _aligned(block):
            out.extend(kept[first : last + 1])
            continue
        starts = sorted({at for line in block for at, _ in _cells(line) if at})
        edges: list[int] = []
        for at in starts:
            if not edges or at - edges[-1] > 3:
                edges.append(at)
        columns: list[list[str]] = [[] for _ in range(len(edges) + 1)]
        for line in block:
            for at, cell in _cells(line):
                columns[sum(at >= edge - 3 for edge in edges) if at else 0].append(cell)
        for n, column in enumerate(c for c in columns if c):
            out.extend(["\n"] * bool(n) + [cell + "\n" for cell in column])
    out.extend(kept[done:])
    return "".join(out)


def marks_rejoined(text: str) -> str:
    """A text whose tool broke lines where the font changed (pypdf puts a Latin-font quote mark, a
    figure's run, on a line of its own): a line of closing marks alone (``”``, ``、``, ``”，``) goes
    back to the end of the line above, a line of opening marks alone (``“``, ``《``) to the start of
    the line below. No column prints a line of marks alone."""
    lines = text.split("\n")
    out: list[str] = []
    opening = ""
    for line in lines:
        bare = line.strip()
        if bare and not bare.strip(_CLOSING + " ") and out and out[-1].strip() and not opening:
            out[-1] = out[-1].rstrip() + bare.replace(" ", "")
            continue
        if bare and all(ch in _OPENING or ch == " " for ch in bare):  # (opening marks alone)
            opening += bare
        else:
            out.append(opening + line.lstrip() if opening and bare else line)
            opening = "" if bare else opening
    if opening:
        out.append(opening)
    return "\n".join(out)


def tangled(text: str) -> bool:
    """Whether the text sets text side by side on three or more lines of a run that
    :func:`columns_apart` cannot part into columns (no common place where the second one starts):
    its lines are read as printed, and the reader is told."""
    lines = text.splitlines()
    return any(_beside(lines[first : last + 1]) and not _aligned(lines[first : last + 1])
               for first, last in _side_by_side_runs(lines))
