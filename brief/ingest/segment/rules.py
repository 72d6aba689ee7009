"""The hand-written page segmenter: its line judgements are the tagger's evidence (features).

A page arrives as hard-wrapped columns 12-17 characters wide, with blank lines wherever the text
jumped to the next column (often mid-sentence), and headline blocks printed either after their
body (as PDF extraction of many Chinese dailies yields) or before it. Nothing marks which line is
which, so every line is judged on features that hold for any page:

* its role by pattern: byline (``本报记者 王龙飞 王佳丽``), dateline (``本报太原 10 月 17 日讯``),
  kicker (ending ``——``), subtitle (starting ``——``), photo caption (ending ``…… 摄``), jump line;
* whether it is running text: it ends a sentence, or the text flows on into the next line. Body
  lines fill the column's wrap width, except a paragraph's first line, which is indented; so a
  line continues into the next when it is full, or when the next one is (column breaks included);
* what is left are headline lines. One sitting between two paragraphs of a body, with the text
  going on right below it, is an in-article subhead and stays in that body.

Runs of body lines are the articles; runs of headline lines are split into headline groups
(kicker, title, subtitle, byline). Each group is matched to the body right before or right after
it, choosing the reading (headlines after or before their bodies) that pairs the most; groups that
pair with nothing are page furniture (banners, column labels) and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from brief.zh.bylines import (
    ANY_ROLE, BYLINE_LINE, DATELINE_LINE, DATELINE_REPORTERS, PAGE_MARKS as _MARKS, PHOTO_CREDIT, RANK,
)
from brief.zh.layout import JUMP, VIEWER_CHROME, rejoin_jumps
from brief.zh.words import breaks_word
from brief.zh import (
    clean_heading,
    clean_inline,
    ends_sentence,
    normalize_chars,
    unbalanced,
    visual_width,
)
from brief.document import ARTICLE, CAPTION, Article, Dateline

_ROLE_WORD = re.compile(ANY_ROLE)
_AUTHORSHIP = re.compile(r"文\s*[/／]\s*图|图\s*[/／]\s*文|[文图]\s*[/／]|[/／]")
# Right after a dateline, brackets that hold only roles and letters are its reporters, even where
# their names are printed run together (``（记者许斌赖刚辉）``) and cannot be told apart.
_CREDIT_BRACKETS = re.compile(rf"^\s*[（(]\s*(?P<names>{ANY_ROLE}[\u4e00-\u9fff·\s、，,]{{2,40}}?)\s*[）)]")
_LETTER = "[\u4e00-\u9fff·]"
_ROLE_BROKEN = re.compile(rf"([报刊社台网]|{RANK})\n(?={RANK}?(?:记者|通讯员|摄影))")
_SENTENCE_INSIDE = re.compile(r"[。！？；]")
_HANGING = "，、。；：”’）》"
_SENTENCE_PUNCT = re.compile(r"[，。！？；]")
# A line spaced out letter by letter was stretched to its column's width: running text, not a title.
_LETTER_GAP = re.compile(r"(?<=[\u4e00-\u9fff，、])\s+(?=[\u4e00-\u9fff，、])")
# A title separates its phrases with a space (``张灯结彩庆新春 喜庆祥和中国年``); running text has no
# space between two Chinese characters unless the whole line is spaced out.
_PHRASE_GAP = re.compile(r"(?<=[\u4e00-\u9fff”》])\s+(?=[\u4e00-\u9fff“《])")
# PDF text layers put a space around runs of half-width digits and letters; in print that space is
# real (about half an em), unlike the spaces of a letter-spaced, justified line.
_LATIN_GAP = re.compile(r"(?<=[0-9A-Za-z%.])\s+|\s+(?=[0-9A-Za-z])")
# A brief's title run in at the head of its text, printed bold on the text's first line:
# ``【太原地铁2号线客流创新高】10月19日，……`` or ``■我省秋粮收获过半 记者从省……`` (a title of
# two lines runs in on its second: ``■华南地区降雨持续`` / ``北方将迎大范围高温 气象……``).
_RUN_IN_BRACKETS = re.compile(r"^(【[^【】\s]{5,40}】)\s*(\S.*)$")
_RUN_IN_MARKED = re.compile(rf"^([{_MARKS}]\s*[^\s{_MARKS}。！？，；]{{4,30}})\s+(\S.*)$")
_RUN_IN_CLOSING = re.compile(r"^([^【】\s]+】)\s*(\S.*)$")  # a bracketed title's last line
# (Not at a space that a PDF's text layer puts before digits: ``当地时间 15 日`` opens a text.)
_RUN_IN_SECOND = re.compile(r"^([^\s。！？，；]{2,30})\s+(?![0-9A-Za-z])(\S.*)$")
_DATELINE_OPENER = re.compile(r"本报|新华社|中新社")
# How running text opens: a dateline or a source (``本报讯``, ``记者从``, ``据新华社电``).
_TEXT_OPENS = re.compile(r"^(?:本报\S{0,8}?[讯电]|新华社|中新社|据|(?:本报)?记者|今天|昨天|日前|近日|当地时间|\d+\s*月\s*\d+\s*日[，,]|[（(]\s*(?:记者|通讯员|本报))")

BYLINE, CAPTION_LINE, DATELINE, KICKER, SUBTITLE, TEXT = (
    "byline", "caption", "dateline", "kicker", "subtitle", "text"
)
BODY, HEAD, SUBHEAD = "body", "head", "subhead"
SOLID = 2  # sample lines a block needs to tell its own column width


@dataclass
class _Line:
    raw: str  # characters normalized, jump line removed, spacing as printed
    blank_before: bool
    role: str = TEXT
    vis: float = 0.0
    label: str = HEAD
    jumps: list[tuple[str, str]] = field(default_factory=list)
    block: int = 0  # index of the run of lines between blank lines it belongs to
    at: int = 0  # the line of the page's text it was read from
    # What the rules found, kept as evidence for the line tagger: the wrap width of the column
    # judged from the text before / after the line, and whether the line's text flows on into the next.
    wrap_before: float = 0.0
    wrap_after: float = 0.0
    link: bool = False


@dataclass
class _Unit:
    kind: str  # BODY, HEAD or CAPTION_LINE
    lines: list[int] = field(default_factory=list)


def segment_page(text: str, *, source: str = "", page: str | None = None) -> list[Article]:
    """Articles printed on one page, in page order; a plain article comes out as one article."""
    lines = _read_lines(text)
    if not lines:
        return []
    _label(lines)
    units = _units(lines)
    articles = _pair(units, lines)
    for position, article in enumerate(articles):
        article.source, article.page, article.position = source, page, position
        article.id = article.content_hash
    return articles


# --- lines ---------------------------------------------------------------------------------------


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    gaps: list[int] = []  # blank lines before each line
    blank = 0
    pending_from: list[tuple[str, str]] = []
    buttons = False  # the line above was an e-paper reader's buttons
    for at, raw in enumerate(rejoin_jumps([normalize_chars(line) for line in text.splitlines()])):
        raw = raw.strip()
        jumps = [(m.group(1), re.sub(r"\s", "", m.group(2))) for m in JUMP.finditer(raw)]
        raw = JUMP.sub("", raw).strip()
        jumps = [(kind, where if where.startswith("第") else f"第{where}") for kind, where in jumps]
        buttons = not jumps and bool(VIEWER_CHROME.match(raw) or (raw == "默认" and buttons))
        if not raw or buttons:  # an e-paper's buttons (``放大+`` / ``缩小-`` / ``默认``) part two articles
            if jumps:  # a jump line on its own: 下转 belongs to the text above, 上接 to the text below
                if lines:
                    lines[-1].jumps += [j for j in jumps if j[0] in ("下转", "转")]
                pending_from += [j for j in jumps if j[0] in ("上接", "接")]
            else:
                blank += 1
            continue
        line = _Line(raw=raw, blank_before=bool(blank) or not lines, jumps=pending_from + jumps, at=at)
        gaps.append(blank)
        pending_from, blank = [], 0
        line.vis = visual_width(raw) + 0.5 * len(_LATIN_GAP.findall(raw))
        line.role = _role(raw)
        lines.append(line)
    lines, gaps = _split_run_in(lines, gaps)
    if len(lines) >= 8 and sum(gap >= 1 for gap in gaps[1:]) >= 0.9 * (len(lines) - 1):
        # A text layer that puts a blank line after every line says nothing by one: only a
        # longer gap is a break (a column's end doubled with the rest).
        for line, gap in zip(lines[1:], gaps[1:]):
            line.blank_before = gap >= 2
    for k, line in enumerate(lines):
        line.block = (lines[k - 1].block + line.blank_before) if k else 0
    return lines


def _split_run_in(lines: list[_Line], gaps: list[int]) -> tuple[list[_Line], list[int]]:
    """Lines that carry a brief's run-in title read as two: the title, then the text's first line
    (as wide as the printed line: it fills the column)."""
    out: list[_Line] = []
    out_gaps: list[int] = []
    title_open = False  # the lines above opened a marked title that has not run into its text yet
    above = 0.0  # the width of the title's last line: a title broken by its column fills it
    for k, line in enumerate(lines):
        below = lines[k + 1].raw if k + 1 < len(lines) and not lines[k + 1].blank_before else ""
        title_open = title_open and not line.blank_before
        spaced = len(_LETTER_GAP.findall(line.raw)) >= 3  # stretched to the column: running text ...
        if spaced:  # ... unless it closes a bracketed title opened above
            parts = _spaced_run_in(line.raw, below) if title_open else None
        else:
            parts = _run_in(line.raw, below, title_open)
        opens = line.raw[:1] in _MARKS or (line.raw.startswith("【") and "】" not in line.raw)
        goes_on = title_open and line.vis >= above - 1.5  # (a shorter line ended the title)
        title_open = parts is None and not spaced and (goes_on or opens) and _may_head(line.raw)
        above = line.vis
        out.append(line)
        out_gaps.append(gaps[k])
        if parts:
            title, text = parts
            rest = _Line(raw=text, blank_before=False, jumps=[j for j in line.jumps if j[0] in ("下转", "转")], vis=line.vis, at=line.at)
            rest.role = _role(text)
            line.raw, line.jumps = title, [j for j in line.jumps if j[0] not in ("下转", "转")]
            line.vis = visual_width(title) + 0.5 * len(_LATIN_GAP.findall(title))
            line.role = _role(title)
            out.append(rest)
            out_gaps.append(0)
    return out, out_gaps


def _may_head(raw: str) -> bool:
    """A line that may be (part of) a headline: short, no clause mark in it, no byline."""
    return len(raw) <= 30 and not _SENTENCE_PUNCT.search(raw) and not BYLINE_LINE.match(raw)


def _run_in(raw: str, below: str, title_goes_on: bool) -> tuple[str, str] | None:
    """(title, text) where a line opens with a brief's title (or goes on with one opened above) run
    in with its text. The text must read as running text: a dateline glued to the title, or after
    a space a clause mark, a dateline or source opening it, or a word it breaks with the line below."""
    match = _RUN_IN_BRACKETS.match(raw) or (title_goes_on and _RUN_IN_CLOSING.match(raw))
    if not match and (raw[:1] in _MARKS or title_goes_on):
        for opener in _DATELINE_OPENER.finditer(raw, 3):
            if DATELINE_LINE.match(raw[opener.start():] + below):
                title, text = raw[: opener.start()].rstrip(), raw[opener.start():]
                return (title, text) if _may_head(title) and not _ROLE_WORD.search(title) else None
        match = _RUN_IN_MARKED.match(raw) or (title_goes_on and _RUN_IN_SECOND.match(raw))
    if not match:
        return None
    title, text = match.group(1), match.group(2)
    if BYLINE_LINE.match(raw) or _ROLE_WORD.search(title) or title.rstrip().endswith(("讯", "电")):
        return None  # a byline or dateline behind the page's mark (``■本报记者 王龙``)
    # A column's tag before a title (``【新思想引领新征程】坚持……，……``) is no title run in: after
    # a bracket the text must open as text does, or end a sentence.
    # (A title may end on ``？`` or ``！``: a mark counts inside the text, not at its end.)
    clause = _clause(text if match.re is _RUN_IN_MARKED else text[:6])
    # A word broken by the line's end joins running text only where the next line reads as text
    # too (a title broken by its column breaks words as well).
    runs_on = bool(below) and _clause(below) and breaks_word(text, below)
    opens = _TEXT_OPENS.match(clean_inline(text + below)[: len(text) + 8])  # ``本`` / ``报记者日前从……``
    return (title, text) if clause or opens or runs_on else None


def _spaced_run_in(raw: str, below: str) -> tuple[str, str] | None:
    """(title, text) where a line spaced out to its column closes a bracketed title opened above
    and its text opens after the bracket (``【……工作会`` / ``议 在 京 召 开 】 记 者`` / ``近日从……``)."""
    title, bracket, text = raw.partition("】")
    text = text.strip()
    if not bracket or not text or "【" in title:
        return None
    return (title + bracket, text) if _TEXT_OPENS.match(clean_inline("".join(text.split()) + below)) else None


def _clause(text: str) -> bool:
    """A clause mark inside the text, or a comma or full stop ending it: running text."""
    return bool(_SENTENCE_PUNCT.search(text[:-1]) or text[-1:] in "，。；")


def _role(raw: str) -> str:
    if BYLINE_LINE.match(raw):
        return BYLINE
    if DATELINE_LINE.match(raw):
        return DATELINE
    if not _SENTENCE_PUNCT.search(raw):  # a dash inside running text is no headline mark
        if raw.startswith("——"):
            return SUBTITLE
        if raw.endswith("——"):
            return KICKER
    if PHOTO_CREDIT.search(raw) and "摄" in raw[-3:]:
        return CAPTION_LINE
    return TEXT


# --- body or headline ----------------------------------------------------------------------------


def _label(lines: list[_Line]) -> None:
    """Set each line's label: BODY (running text), SUBHEAD (heading inside a body) or HEAD."""
    # A dash-led line with running text right below it in the same block is a list item, not a
    # subtitle (nor is a line ending in a dash a kicker, when a sentence follows, not a title).
    for n, line in enumerate(lines):
        if line.role not in (SUBTITLE, KICKER):
            continue
        below = lines[n + 1] if n + 1 < len(lines) else None
        above = lines[n - 1] if n and not line.blank_before else None
        if below and below.role == TEXT and not below.blank_before and re.search(r"[，。！？；、]", below.raw):
            line.role = TEXT
        elif above and above.role == TEXT and not ends_sentence(above.raw):
            # The dash ends (or starts) a line in the middle of a sentence: the text above is
            # running text (a comma, a quote or bracket left open), not a title.
            if line.role == KICKER or "，" in above.raw or unbalanced(_sentence_above(lines, n)):
                line.role = TEXT
    widths = _block_widths(lines)
    every = sorted(w for w, count in widths if w is not None and count >= SOLID)
    page_width = every[len(every) // 2] if every else 40.0
    # The nearest block before / after each block that tells its own width (linear, for long texts).
    solid_before: list[float | None] = []
    last = None
    for own, count in widths:
        solid_before.append(last)
        last = own if count >= SOLID else last
    solid_after: list[float | None] = []
    last = None
    for own, count in reversed(widths):
        solid_after.append(last)
        last = own if count >= SOLID else last
    solid_after.reverse()

    def width(i: int, forward: bool) -> float:
        """The wrap width of line i's column. A block with two sample lines or more tells it; a
        smaller one borrows from the nearest such block on the given side or, when its one sample
        hints at a width, from whichever neighbour comes closer to that hint."""
        k = lines[i].block
        own, count = widths[k]
        if count >= SOLID:
            return own
        before, after = solid_before[k], solid_after[k]
        near = [w for w in ((after, before) if forward else (before, after)) if w is not None]
        if not near:
            return page_width
        if count:
            return min(near, key=lambda w: abs(w - own))
        return near[0]

    def full(i: int, forward: bool) -> bool:
        """Whether line i reaches its column's right edge (is not a paragraph's indented first
        line), judged by the wrap width of the text on the given side of it, or spaced out letter by
        letter (justified) to fill it."""
        if len(_LETTER_GAP.findall(lines[i].raw)) >= 3:
            return True
        return fills(i, width(i, forward))

    def fills(i: int, wrap: float) -> bool:
        return wrap - 1 <= _text_width(lines[i]) <= wrap + 1.5

    def full_as(i: int, other: int) -> bool:
        """Whether line i fills the column of line ``other``, when that block shows its width."""
        own, count = widths[lines[other].block]
        return count >= SOLID and fills(i, own)

    def goes_on(b: int) -> bool:
        """Whether line b, below a break, is full: in its own column or, when its block is too
        short to tell one, in the column the text above it was set in."""
        return full(b, True) or (not widths[lines[b].block][1] and full(b, False))

    def indented(i: int) -> bool:
        """Shaped like a paragraph's first line: about two characters short of the column on
        either side of it, or spaced out letter by letter to fill it."""
        line = lines[i]
        if len(_LETTER_GAP.findall(line.raw)) >= 3:
            return True
        return any(wrap - 3.5 <= _text_width(line) <= wrap - 1 for wrap in (width(i, True), width(i, False)))

    def flows(a: int, b: int) -> bool:
        """Whether line b carries on the sentence of line a."""
        la, lb = lines[a], lines[b]
        if lb.role != TEXT or la.role not in (TEXT, DATELINE) or ends_sentence(la.raw):
            return False
        if unbalanced(la.raw) or la.role == DATELINE or la.raw[-1] in "，、：":
            return True  # an open quote, a dateline or a clause mark: the sentence must go on
        continuing = a > 0 and links[a - 1]  # a is itself inside a sentence that started above
        if continuing:  # past a column break the text goes on at a's width, or ends
            if lb.blank_before and _text_width(la) > max(width(a, False), width(a, True), width(b, True)) + 1.5:
                # A column breaks when it is full: a line wider than the columns on both sides of
                # the break is a title's.
                return False
            return not lb.blank_before or goes_on(b) or full_as(b, a) or ends_sentence(lb.raw)
        # a starts a paragraph, or is a headline line. Text flows on only from a line shaped like
        # the column (full, or an indented first line) into a full one: a title's width is its own,
        # and an article's first line is indented. (A headline that happens to fit the column is
        # caught below: it never ends a sentence.)
        if not lb.blank_before and "，" in la.raw and ends_sentence(lb.raw):
            return True  # a two-line paragraph, whatever the width: no title has both
        if "，" in la.raw[:-1] and ends_sentence(lb.raw):
            return True  # a clause, and its sentence ended past a column break
        if not (indented(a) or full(a, False) or full(a, True)):
            return False
        if la.blank_before and lb.blank_before and _phrase_spaced(la.raw):
            return False  # a title, however well it fits the column
        # b is full, or a paragraph's short last line (right below a or past a column break).
        return goes_on(b) or ends_sentence(lb.raw)

    links: list[bool] = []
    for i in range(len(lines) - 1):
        links.append(flows(i, i + 1))
    links.append(False)
    for i, line in enumerate(lines):
        line.wrap_before, line.wrap_after = width(i, False), width(i, True)
    # Running text ends its sentences. A short chain of lines that flows but stops mid-sentence
    # (nothing ending it, nothing carrying it on) is a wrapped headline that merely looked like text.
    start = 0
    for i in range(len(lines)):
        if i and not links[i - 1]:
            start = i
        chain = range(start, i + 1)
        if not links[i] and i > start and i - start < 5 and not ends_sentence(lines[i].raw) and lines[start].role == TEXT:
            # Up to three lines with no sentence inside, up to five without even a comma.
            marks = _SENTENCE_INSIDE if i - start < 3 else _SENTENCE_PUNCT
            if not any(marks.search(lines[j].raw) for j in chain):
                for j in chain[:-1]:
                    links[j] = False
    for i, line in enumerate(lines):
        line.link = links[i]
        if line.role == DATELINE:
            line.label = BODY
        elif line.role == CAPTION_LINE:
            line.label = CAPTION_LINE
        elif line.role != TEXT:
            line.label = HEAD
        elif ends_sentence(line.raw) or "。" in line.raw or "；" in line.raw or links[i] or (i and links[i - 1]):
            line.label = BODY
        else:
            line.label = HEAD
    # Headings between two stretches of body (one line, or up to three stacked), with the text
    # going on right below them, are subheads of that body.
    for i in range(1, len(lines)):
        if lines[i - 1].label != BODY:
            continue
        for run in (1, 2, 3):
            heads = lines[i : i + run]
            after = lines[i + run] if i + run < len(lines) else None
            if (
                after is not None
                and all(h.label == HEAD and h.role == TEXT for h in heads)
                and not any(h.blank_before for h in heads[1:])
                and after.label == BODY
                and after.role == TEXT
                and not after.blank_before
            ):
                for h in heads:
                    h.label = SUBHEAD
                break
    # A photo caption may be wrapped: the lines of its block before the credit belong to it.
    for i, line in enumerate(lines):
        if line.role == CAPTION_LINE:
            j = i
            while j > 0 and not lines[j].blank_before and lines[j - 1].role == TEXT:
                lines[j - 1].label = CAPTION_LINE
                j -= 1


def _phrase_spaced(raw: str) -> bool:
    """A headline line: one or two spaces between phrases, no clause mark, no bracket (a
    dateline's ``（记者 王佳丽）`` has its spaces too)."""
    gaps = len(_PHRASE_GAP.findall(raw))
    return 1 <= gaps <= 2 and len(_LETTER_GAP.findall(raw)) == gaps and not re.search(r"[，。；！？、（）()]", raw)


def _sentence_above(lines: list[_Line], n: int) -> str:
    """The text of line n's block above it, back to the last sentence end."""
    parts: list[str] = []
    for line in reversed(lines[:n]):
        if ends_sentence(line.raw):
            break
        parts.insert(0, line.raw)
        if line.blank_before:
            break
    return "".join(parts)


def _block_widths(lines: list[_Line]) -> list[tuple[float | None, int]]:
    """Each block's wrap width and how many lines it rests on: the upper median of its lines that
    run on from the line above and into the next (first lines are indented or headings, a last
    line's length says nothing) and are not spaced out."""
    samples: list[list[float]] = [[] for _ in range(lines[-1].block + 1)]
    for n, line in enumerate(lines):
        starts = line.blank_before or ends_sentence(lines[n - 1].raw) or lines[n - 1].role != TEXT
        if (
            line.role == TEXT
            and not starts
            and not ends_sentence(line.raw)
            and line.vis <= 20  # no column is wider; a longer line is a heading
            and len(_LETTER_GAP.findall(line.raw)) < 3
        ):
            samples[line.block].append((_text_width(line), line.raw[-1] in _HANGING))
    widths: list[tuple[float | None, int]] = []
    for sample in samples:
        # A heading line that slipped in among the samples is far shorter than the column.
        sample = [(v, mark) for v, mark in sample if v >= 0.7 * max(v for v, _ in sample)] if sample else sample
        # A line ending in a mark may stop half a mark short of the edge (the mark squeezed in),
        # so many such lines pull the median below the column: the lines that end in a character
        # tell the width exactly, when there are any.
        every = sorted(v for v, _ in sample)
        exact = sorted(v for v, mark in sample if not mark)
        upper = max(every[len(every) // 2], exact[len(exact) // 2]) if exact else every[len(every) // 2] if every else None
        widths.append((upper, len(sample)))
    return widths


def _text_width(line: _Line) -> float:
    """A line's width, half a mark at its end discounted: such a mark may hang in the margin (or
    be squeezed), so an indented first line ending in ``，`` must not pass for a full one."""
    return line.vis - (0.5 if line.raw[-1] in _HANGING else 0.0)


def _percentile(values: list[float], share: float = 0.8) -> float:
    ordered = sorted(values)
    return ordered[int((len(ordered) - 1) * share)]


# --- units and headline groups -------------------------------------------------------------------


def _units(lines: list[_Line]) -> list[_Unit]:
    """Runs of body lines (a dateline or a 上接 jump line starts a new one), captions, and
    headline groups, in page order."""
    units: list[_Unit] = []
    for i, line in enumerate(lines):
        kind = BODY if line.label in (BODY, SUBHEAD) else line.label
        starts_caption = kind == CAPTION_LINE and (line.blank_before or lines[i - 1].label != CAPTION_LINE)
        starts_story = line.role == DATELINE or any(j[0] in ("上接", "接") for j in line.jumps)
        if units and units[-1].kind == kind and not starts_caption and not starts_story:
            units[-1].lines.append(i)
        else:
            units.append(_Unit(kind, [i]))
    split: list[_Unit] = []
    for unit in units:
        split.extend(_head_groups(unit, lines) if unit.kind == HEAD else [unit])
    return split


def _head_groups(unit: _Unit, lines: list[_Line]) -> list[_Unit]:
    """Split a run of headline lines into groups (kicker, title, subtitle, byline).

    A byline closes a group. A kicker opens one, and so does a block of plain headline lines once
    the group has its title: a second block after a kicker-or-title block, or any block after a
    wrapped title or a subtitle. A lone line of four characters or fewer is a column label
    (``记者观察``), a group of its own.
    """
    groups = [_Unit(HEAD)]
    blocks, titled = 0, False
    for n, i in enumerate(unit.lines):
        line, current = lines[i], groups[-1]
        new_block = line.blank_before or not current.lines
        closes_block = n + 1 == len(unit.lines) or lines[unit.lines[n + 1]].blank_before
        label = line.role == TEXT and new_block and closes_block and line.vis <= 4
        roles = {lines[j].role for j in current.lines}
        if current.lines and (
            label
            or (BYLINE in roles and line.role != BYLINE)
            or (line.role == KICKER and new_block)
            or (line.role == TEXT and new_block and (blocks >= 2 or titled))
        ):
            groups.append(_Unit(HEAD))
            current, blocks, titled = groups[-1], 0, False
        if line.role == TEXT and new_block:
            blocks += 1
        elif line.role == SUBTITLE or (line.role == TEXT and lines[unit.lines[n - 1]].role == TEXT):
            titled = True  # a subtitle, or the second line of a wrapped title
        current.lines.append(i)
        if label:
            groups.append(_Unit(HEAD))
            blocks, titled = 0, False
    return [group for group in groups if group.lines]


# --- pairing headlines with bodies and building the articles -------------------------------------


def _pair(units: list[_Unit], lines: list[_Line]) -> list[Article]:
    best: tuple[int, dict[int, int]] | None = None
    for heads_first in (False, True):
        score, matching = _matching(units, heads_first)
        if best is None or score > best[0] or (score == best[0] and heads_first == (units[0].kind == HEAD)):
            best = (score, matching)
    head_of = best[1] if best else {}
    articles = []
    for k, unit in enumerate(units):
        if unit.kind == BODY:
            head = units[head_of[k]] if k in head_of else None
            articles.append(_article(unit, head, lines))
        elif unit.kind == CAPTION_LINE:
            articles.append(_caption(unit, lines))
    return articles


def _matching(units: list[_Unit], heads_first: bool,
              bonus: Callable[[int, int], float] | None = None) -> tuple[float, dict[int, int]]:
    """Maximum-weight matching of headline groups to adjacent bodies (a path, so a simple DP).

    Pairing on the side the page's reading expects weighs 2, on the other side 1, plus
    ``bonus(head, body)`` (the tagger's assembly adds the words they share). Returns the score and
    {body unit: headline unit}.
    """
    # score[k]: best over the first k units; paired[k]: whether units k-2 and k-1 pair in it.
    score, paired = [0.0, 0.0], [False, False]
    for k in range(1, len(units)):
        left, right = units[k - 1].kind, units[k].kind
        take = -1.0
        if {left, right} == {BODY, HEAD}:
            head, body = (k - 1, k) if left == HEAD else (k, k - 1)
            take = score[k - 1] + (2 if (left == HEAD) == heads_first else 1) + (bonus(head, body) if bonus else 0)
        paired.append(take > score[k])
        score.append(max(take, score[k]))
    matching: dict[int, int] = {}
    k = len(units)
    while k > 1:
        if paired[k]:
            body, head = (k - 1, k - 2) if units[k - 2].kind == HEAD else (k - 2, k - 1)
            matching[body] = head
            k -= 2
        else:
            k -= 1
    return score[len(units)], matching


def _article(body: _Unit, head: _Unit | None, lines: list[_Line]) -> Article:
    article = Article(kind=ARTICLE)
    if head is not None:
        _fill_headline(article, [lines[i] for i in head.lines])
    paragraphs = _paragraphs([lines[i] for i in body.lines])
    if paragraphs and lines[body.lines[0]].role == DATELINE:
        paragraphs[0] = _take_dateline(article, paragraphs[0])
    article.paragraphs = [clean_inline(" ".join(p)) for p in paragraphs]
    article.paragraphs = [p for p in article.paragraphs if p]
    _record_jumps(article, [lines[i] for i in body.lines + (head.lines if head else [])])
    return article


def _record_jumps(article: Article, lines: list[_Line]) -> None:
    """The first ``（下转第N版）`` / ``（上接第M版）`` among ``lines`` says where the article goes on or came from."""
    for line in lines:
        for kind, where in line.jumps:
            if kind in ("下转", "转"):
                article.continued_to = article.continued_to or where
            else:
                article.continued_from = article.continued_from or where


def _paragraphs(body: list[_Line], alone: set[int] = frozenset()) -> list[list[str]]:
    """Group body lines into paragraphs: one ends where a sentence ends at a blank line or short of
    the column's width (every sentence end, in text that was never wrapped); a subhead is a
    paragraph of its own, and so is each line at the positions ``alone`` (a table's rows)."""
    widths = [ln.vis for ln in body if ln.label == BODY and ln.role == TEXT and not ends_sentence(ln.raw)]
    wrap = _percentile(widths) if widths else 1000.0
    paragraphs: list[list[str]] = [[]]
    for n, line in enumerate(body):
        after = body[n + 1] if n + 1 < len(body) else None
        if (line.label == SUBHEAD or n in alone) and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(line.raw)
        if after is None:
            break
        if (
            line.label == SUBHEAD or n in alone
            or after.label == SUBHEAD
            or (ends_sentence(line.raw) and (after.blank_before or line.vis < wrap - 1 or wrap > 26))
        ):
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _take_dateline(article: Article, paragraph: list[str]) -> list[str]:
    """Move ``本报太原 10 月 17 日讯（记者 郝薇）`` from the first paragraph into the article's fields."""
    text = "\n".join(paragraph)
    match = DATELINE_LINE.match(text)
    if match:
        end = match.end()
    else:
        # Printed justified (``本 报 上 海   12   月   7   日 讯``) or parted by the column's end
        # (``7月2`` / ``7日电``): a dateline has no space of its own, so read it closed up; the
        # reporters after it keep theirs, which part one name from the next.
        kept = [k for k, char in enumerate(text) if not char.isspace()]
        match = DATELINE_LINE.match("".join(text[k] for k in kept))
        if not match:
            return paragraph
        end = kept[match.end() - 1] + 1
    place = match.group("place") or None
    date = re.sub(r"\s", "", match.group("date")) if match.group("date") else None
    article.dateline = Dateline(place=place, date=date)
    rest = _close_broken_names(text[end:])
    reporters = DATELINE_REPORTERS.match(rest) or _CREDIT_BRACKETS.match(rest)
    if reporters:
        named = _names(reporters.group("names") or reporters.group("reported"))
        article.reporters = named + [n for n in article.reporters if n not in named]  # keep a closing credit's
        rest = rest[reporters.end():]
    return [rest]


def _close_broken_names(text: str) -> str:
    """Lines joined where the column's end may have parted a name (``（记者 孟华 汪`` / ``雪浩）``):
    no name has one letter, so a letter left alone at a line's end or start belongs to the letters
    across the break; every other break parts two words, as a space does."""
    text = re.sub(rf"(?<!{_LETTER})({_LETTER})\n(?={_LETTER})", r"\1", text)
    # (unless it opens a name printed letter by letter: ``姚伟芳`` / ``阎 红 俊``)
    text = re.sub(rf"(?<={_LETTER})\n({_LETTER})(?!{_LETTER})(?!\s+{_LETTER}(?!{_LETTER}))", r"\1", text)
    text = _ROLE_BROKEN.sub(r"\1", text)  # ``见习`` / ``记者``, ``本报`` / ``记者``: one role
    return text.replace("\n", " ")


def _names(text: str) -> list[str]:
    """The names of a byline or credit, each role closing the names before it. A justified line
    spaces a name's letters (``余 昊``, ``牛 蔚刚``), and no name has one character: letters in a
    row are one name, and a letter left alone joins the piece after it, else the one before. The
    role may carry its outlet (``西坝晨报记者``) and the line a mark of who wrote and who took the
    pictures (``文/图``): neither is a name."""
    names: list[str] = []
    for part in _ROLE_WORD.split(_AUTHORSHIP.sub(" ", text)):
        letters = ""  # single letters in a row
        for piece in (p for p in re.split(r"[\s、，,]+", part) if p):
            if len(piece) == 1:
                letters += piece
                continue
            if len(letters) == 1:
                piece = letters + piece
            elif letters:
                names.append(letters)
            letters = ""
            names.append(piece)
        if len(letters) == 1 and names:
            names[-1] += letters
        elif letters:
            names.append(letters)
    return names


def _fill_headline(article: Article, head: list[_Line]) -> None:
    titles: list[list[str]] = []
    for line in head:
        if line.role == BYLINE:
            article.reporters += [n for n in _names(line.raw) if n not in article.reporters]
        elif line.role == SUBTITLE:
            article.subtitle = clean_heading(line.raw)
        elif line.role == KICKER:
            article.kicker = clean_heading(line.raw.rstrip("—").strip())
        elif line.blank_before or not titles:
            titles.append([line.raw])
        else:
            titles[-1].append(line.raw)
    if len(titles) >= 2 and not article.kicker:
        article.kicker = _join_heading(titles[0])
    if titles:
        title = titles[-1] if len(titles) >= 2 else titles[0]
        if len(title) == 2 and not article.subtitle and _parallel(title):
            article.subtitle = clean_heading(title[1])
            title = title[:1]
        article.title = _join_heading(title)


def _parallel(pair: list[str]) -> bool:
    """Two equally long headline lines are a main title and its subtitle, not one wrapped title."""
    first, second = (visual_width(line) for line in pair)
    return first == second and first >= 12


def _join_heading(lines: list[str]) -> str:
    cleaned = [clean_heading(line) for line in lines]
    joined = cleaned[0]
    for part in cleaned[1:]:
        glue = " " if joined[-1:].isascii() and joined[-1:].isalpha() and part[:1].isascii() and part[:1].isalpha() else ""
        joined += glue + part
    return joined


def _caption(unit: _Unit, lines: list[_Line]) -> Article:
    text = " ".join(lines[i].raw for i in unit.lines)
    credit = PHOTO_CREDIT.search(text)
    reporters = _names(credit.group("names")) if credit else []
    body = clean_inline(text[: credit.start()] if credit else text)
    return Article(kind=CAPTION, reporters=reporters, paragraphs=[body] if body else [])


# --- the rules' reading of each line, as evidence for the tagger -----------------------------------


def read_page(text: str) -> tuple[list[_Line], list[str], bool]:
    """The page's lines, what the rules make of each (``title``, ``kicker``, ``subtitle``,
    ``byline``, ``body``, ``subhead``, ``caption`` or ``furniture`` for an unpaired headline group),
    and whether the rules read headlines before their bodies."""
    lines = _read_lines(text)
    if not lines:
        return lines, [], False
    _label(lines)
    units = _units(lines)
    scores = {first: _matching(units, first) for first in (False, True)}
    heads_first = scores[True][0] > scores[False][0] or (scores[True][0] == scores[False][0] and units[0].kind == HEAD)
    paired = set(scores[heads_first][1].values())
    tags = [""] * len(lines)
    for k, unit in enumerate(units):
        for i in unit.lines:
            line = lines[i]
            if unit.kind == BODY:
                tags[i] = SUBHEAD if line.label == SUBHEAD else BODY
            elif unit.kind == CAPTION_LINE:
                tags[i] = CAPTION_LINE
            elif k not in paired:
                tags[i] = "furniture"
            else:
                tags[i] = line.role if line.role in (BYLINE, KICKER, SUBTITLE) else "title"
    return lines, tags, heads_first
