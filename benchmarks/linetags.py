"""The true tag of every line of a generated page, recovered from the page's truth items.

Any generator with the ``Page``/``TruthItem`` interface will do: each line is found in its item's
title, kicker, subtitle, body or caption, reading each field from where the last line left it, so
a phrase that occurs in two fields is placed by its order on the page. A dateline (and its
reporters) before an item's first body text starts the body; what matches nothing is furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.zh import normalize_chars
from brief.zh.bylines import PAGE_MARKS, RANK, REPORTER_ROLE
from brief.ingest.segment import rules
from brief.ingest.segment.assemble import _unnumbered
from brief.ingest.segment.tagger import BODY, BYLINE, CAPTION, FURNITURE, KICKER, LEAD, SUBHEAD, SUBTITLE, TITLE, TITLE_ON

_SENTENCE_END = re.compile(r"[。！？…；：][”’」』）)]*$")
_DATELINE_ISH = re.compile(r"本报|新华社|中新社|讯|电|记者|通讯员|报道|[0-9]+月|[0-9]+日|[（(）)]")
_DATELINE_ISH_STRICT = re.compile(r"^[（(]|本报\S{0,10}讯|新华社\S{0,10}电|日讯|日电")
# How a dateline (or the reporters in its brackets) broken over lines starts: not a column label
# such as ``简讯`` or ``记者观察`` that merely shares a word with one.
_DATELINE_OPENING = re.compile(rf"^(?:本报|新华社|中新社|人民日报|中新网|央视网|[（(]\s*{RANK}?(?:记者|通讯员|本报))")
_BYLINE_ISH = re.compile(rf"^{REPORTER_ROLE}")
_PENDING = "?"
_ROLE_ONLY = re.compile(rf"^[{PAGE_MARKS}]?(?:文/图|文/|图/)?{REPORTER_ROLE}$")
# A credit after a body's last sentence, whole or broken off by the line's end: ``（记者 石`` / ``晓涛）``.
_CREDIT_TAIL = re.compile(r"(?<=[。！？”’」])[（(][^（()）]{0,30}[）)]?$")
# or signed without brackets, the name perhaps broken off: ``……喜悦。 □记者 上官宇`` / ``岚``.
_SIGNED_TAIL = re.compile(r"(?<=[。！？”’」])[■□●◆▲★]?(?:本报|新华社)?(?:记者|通讯员)[^。，；（()）]{1,16}$")
_CREDIT_LINE = re.compile(r"^[（(][^（()）]*(?:记者|通讯员|据|来源)[^（()）]*[）)]?$")


def bare(text: str) -> str:
    return "".join(normalize_chars(text or "").split())


@dataclass
class _Field:
    text: str
    at: int = 0

    def goes_on(self, x: str) -> bool:
        return 0 < self.at < len(self.text) and self.text.startswith(x, self.at)

    def starts(self, x: str, upcoming: list[str] = ()) -> bool:
        """The field starts with line x: a line of one character only where the next line goes on
        with the field (a title broken after its first character, ``各`` / ``地多措并举……``)."""
        if self.at or not self.text or not self.text.startswith(x):
            return False
        return len(x) >= 2 or x == self.text or _reach(self.text, x, list(upcoming)[:1]) > len(x)


@dataclass
class _Item:
    kind: str
    title: _Field
    kicker: _Field
    subtitle: _Field
    body: _Field
    headings: list[tuple[int, int]] = field(default_factory=list)  # body spans that end no sentence
    reporters: list[str] = field(default_factory=list)


def _items(truth) -> list[_Item]:
    items = []
    for t in truth:
        spans, at = [], 0
        for paragraph in (bare(p) for p in t.body.split("\n")):
            if paragraph and not _SENTENCE_END.search(paragraph):
                spans.append((at, at + len(paragraph)))
            at += len(paragraph)
        items.append(_Item(
            t.kind, _Field(bare(t.title)), _Field(bare(getattr(t, "kicker", "")).strip("—")),
            _Field(bare(getattr(t, "subtitle", "")).strip("—")), _Field(bare(t.body)), spans, list(t.reporters),
        ))
    return items


def line_tags(page) -> tuple[list[rules._Line], list[str], int]:
    """The page's lines, their tags, and how many truth fields were not found in full (0 when the
    alignment is complete)."""
    lines = rules._read_lines(page.text)
    items = _items(page.truth)
    tags: list[str] = []
    last = 0
    open_credit = False  # a credit after a body's last sentence goes on in this line
    signed_open = False  # a body's line ended on its reporters signed, whose name may go on
    for n, line in enumerate(lines):
        x = bare(line.raw)
        head = _unnumbered(x).strip("—").removeprefix("【").removesuffix("】")  # a brief's 【title】, ``1．【title】``
        upcoming = [bare(other.raw) for other in lines[n + 1 : n + 5]]
        tag, last = _tag(x, head, items, last, tags[-1] if tags else "", upcoming)
        if tag == _PENDING and tags and tags[-1] in (BODY, LEAD) and (open_credit or _CREDIT_LINE.match(x)):
            tag = BODY  # the reporters or source credited at the end: the body's line, as the segmenter reads it
            open_credit = open_credit and not re.search(r"[）)]", x)
        elif tag == _PENDING and signed_open and len(x) <= 3 and not line.blank_before:
            tag = BODY  # the rest of a signed name
        else:
            open_credit = tag in (BODY, LEAD) and bool(_CREDIT_TAIL.search(x)) and not re.search(r"[）)]$", x)
        signed_open = tag in (BODY, LEAD) and bool(_SIGNED_TAIL.search(x))
        tags.append(tag)
    _datelines(lines, tags)
    missed = sum(
        f.at < len(f.text)
        for item in items
        for f in ((item.body,) if item.kind == "caption" else (item.title, item.body))
    )
    return lines, tags, missed


def _reach(text: str, first: str, upcoming: list[str]) -> int:
    """How far into ``text`` the line ``first`` and the lines after it read on."""
    at = len(first)
    for line in upcoming:
        if not line or not text.startswith(line, at):
            break
        at += len(line)
    return at


def _tag(x: str, head: str, items: list[_Item], last: int, previous: str, upcoming: list[str]) -> tuple[str, int]:
    order = sorted(range(len(items)), key=lambda k: abs(k - last))
    for k in order:  # the text goes on where a line of the same field stopped
        item = items[k]
        if item.body.goes_on(x):
            return _advance_body(item, x), k
        trimmed = _SIGNED_TAIL.sub("", _CREDIT_TAIL.sub("", x))
        if trimmed != x and trimmed and item.body.goes_on(trimmed) and item.body.at + len(trimmed) == len(item.body.text):
            return _advance_body(item, trimmed), k  # the body's last words, then its credit
        if item.kind == "caption" and 0 < item.body.at < len(item.body.text) and x.startswith(item.body.text[item.body.at:]):
            item.body.at = len(item.body.text)
            return CAPTION, k
    for k in order:
        item = items[k]
        for name, fld in ((TITLE_ON, item.title), (KICKER, item.kicker), (SUBTITLE, item.subtitle)):
            for y in (x, head):
                if y and fld.goes_on(y):
                    fld.at += len(y)
                    return name, k
    # A field starts: of the fields this line may open, the one that the next lines go on with
    # furthest (a body that opens with its title's words goes on past the title).
    options = []
    for k in range(len(items)):
        item = items[k]
        if item.kind == "caption":
            if item.body.starts(x, upcoming) or (item.body.at == 0 and item.body.text and x.startswith(item.body.text)):
                options.append((_reach(item.body.text, x, upcoming), 0, k, CAPTION, item.body, x))
            continue
        for rank, (name, fld) in enumerate(((TITLE, item.title), (KICKER, item.kicker), (SUBTITLE, item.subtitle))):
            for y in (x, head):
                if y and fld.starts(y, upcoming):
                    options.append((_reach(fld.text, y, upcoming), -rank, k, name, fld, y))
        # (a byline's role on a line of its own, ``本报记者`` / ``阎轩瑞``, opens no body that
        # happens to start with the same words: ``本报记者日前从……获悉``)
        if item.body.starts(x, upcoming) and not (_ROLE_ONLY.match(x) and _reach(item.body.text, x, upcoming) == len(x)):
            options.append((_reach(item.body.text, x, upcoming), -3, k, LEAD, item.body, x))
    if options:
        reach, _, k, name, fld, y = max(options, key=lambda o: (o[0], o[1], -o[2]))
        if fld is items[k].body and name == LEAD:
            return _advance_body(items[k], y, lead=True), k
        fld.at = min(len(y), len(fld.text))
        return name, k
    for k in range(len(items)):
        item = items[k]
        # A dateline opens the body, or its story after an editor's note (``编者按：……`` / ``本报讯……``).
        at = item.body.at
        if item.kind != "caption" and item.body.text and (at == 0 or _after_note(item.body)):
            rest = item.body.text[at:]
            for m in range(min(len(x), len(rest)), 0, -1):
                if (
                    # (a byline's line only where the body starts past its closing bracket)
                    (not _BYLINE_ISH.match(x) or x[:-m].endswith(("）", ")")))
                    # (a bracket the dateline opens holds its reporters, not the body's first words)
                    and not x[:-m].endswith(("（", "("))
                    and x.endswith(rest[:m])
                    and _DATELINE_ISH.search(x[:-m])
                    and _reach(rest, rest[:m], upcoming) > m
                ):
                    item.body.at = at + m
                    return LEAD, k
    if previous == CAPTION and "摄" in x:
        return CAPTION, last
    for k in order:
        if _ROLE_ONLY.match(x) and upcoming and any(name in upcoming[0] for name in items[k].reporters):
            return BYLINE, k  # a byline broken after its role: the names follow
        if (
            any(name in x for name in items[k].reporters)
            and ("记者" in x or "通讯员" in x or previous == BYLINE)
            and not _DATELINE_ISH_STRICT.search(x)
        ):
            return BYLINE, k
    return _PENDING, last


_NOTE = re.compile(r"^[【\[]?(?:编者按|编者的话|编前)")


def _after_note(body: _Field) -> bool:
    """The body read so far is an editor's note, ended: its story's dateline may come next."""
    return 0 < body.at < len(body.text) and bool(_NOTE.match(body.text)) and bool(_SENTENCE_END.search(body.text[: body.at]))


def _advance_body(item: _Item, x: str, lead: bool = False) -> str:
    start = item.body.at
    item.body.at += len(x)
    if item.kind == "caption":
        return CAPTION
    if any(a <= start < b for a, b in item.headings):
        return SUBHEAD
    return LEAD if lead else BODY


def _datelines(lines: list[rules._Line], tags: list[str]) -> None:
    """Unplaced lines right above an item's first body line that look like a dateline start that
    body; any other unplaced line is furniture."""
    for i, t in enumerate(tags):
        if t != LEAD:
            continue
        j = i
        while j > 0 and tags[j - 1] in (_PENDING, BYLINE) and _DATELINE_ISH.search(lines[j - 1].raw) and i - j < 3:
            if tags[j - 1] == BYLINE and _BYLINE_ISH.match(bare(lines[j - 1].raw)):
                break  # a byline of its own (``本报记者 某某``), not the reporters of a broken dateline
            j -= 1
        while j < i and not _DATELINE_OPENING.match(bare("".join(line.raw for line in lines[j : i + 1]))):
            j += 1  # the part above where the dateline opens is no part of it
        if j < i:
            tags[j] = LEAD
            for k in range(j + 1, i + 1):
                tags[k] = BODY
    for i, t in enumerate(tags):
        if t == _PENDING:
            tags[i] = FURNITURE
