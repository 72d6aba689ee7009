"""Characters of Chinese text: widths, invisible characters, and the punctuation every stage reads.

Each set is written once here. Where two stages really need different sets, both are here under
their own names, and the docstring line of each says why (``SENTENCE_END`` vs ``PARAGRAPH_END``,
``CLOSERS`` vs ``STOP_CLOSERS``, ``TEXT_WIDTH`` vs ``FIGURE_WIDTH``).
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------------------------
# Widths

# Full-width digits, Latin letters and ％: the forms that must compare equal to ASCII everywhere.
_ALNUM_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                  *range(0xFF41, 0xFF5B))}
_ALNUM_WIDTH[ord("％")] = ord("%")

TEXT_WIDTH = {**_ALNUM_WIDTH, 0x3000: ord(" "), 0x00A0: ord(" ")}
"""What cleaning rewrites in text a reader sees: digits, letters, ％ and ideographic or no-break
spaces. Signs and dashes (``１～８月``, ``－``) stay as printed: they are typography, not figures."""

FIGURE_WIDTH = {**_ALNUM_WIDTH, ord("＋"): ord("+"), ord("－"): ord("-"), ord("～"): ord("~")}
"""What reading a figure rewrites: digits, letters, ％ and the signs ＋－～ that a range or a change
is written with, so that ``１～８月`` and ``1~8月`` are one range. Spaces are left to the patterns."""

DIGIT_POINT = re.compile(r"(?<=\d)．(?=\d)")
"""A full-width full stop between digits is a decimal point (``０．９４``)."""


def to_halfwidth(text: str) -> str:
    """``FIGURE_WIDTH`` applied, and a ``．`` between digits to ``.``; the length never changes, so
    a span found in the result is the same span in ``text``."""
    return DIGIT_POINT.sub(".", text.translate(FIGURE_WIDTH))


# Characters that are never news text but can fool a reader or a terminal: terminal escape sequences
# (``\x1b[31m``), other C0/C1 control characters (tab and line breaks excepted), bidirectional
# overrides and isolates (U+202E turns ``txt.exe`` around), zero-width marks and stray byte-order marks.
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

WIDE = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
"""A regex class body: characters printed one em wide (CJK ideographs, CJK and full-width
punctuation, kana, and the dash, ellipsis, curly quotes and middle dot Chinese sets full width)."""

SPACES = r"[ \t\u3000\u00a0]+"

# ---------------------------------------------------------------------------------------------
# Brackets and quotes

BRACKETS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
QUOTES = {opener: BRACKETS[opener] for opener in "“‘「『"}
OPENERS = "".join(BRACKETS)
CLOSERS = "".join(BRACKETS.values())
"""Every closing quote or bracket: what a sentence end may carry after its mark (``……。”``)."""

STOP_CLOSERS = "”’」』）)"
"""The closers that may follow a sentence's own full stop (``“……。”``, ``（……。）``). A text that
ends in a title's ``》`` or a tag's ``】`` has not ended its sentence: a summary cut there still needs
its ``。``, and a short paragraph ending there is a subhead."""


def unbalanced(text: str) -> bool:
    """An opening quote or bracket that the text does not close: the sentence must go on."""
    return any(text.count(opener) > text.count(closer) for opener, closer in BRACKETS.items())


def balanced(text: str) -> bool:
    """Every quote and bracket opened in ``text`` is closed, and none closed that was not opened."""
    return all(text.count(opener) == text.count(closer) for opener, closer in BRACKETS.items())


# ---------------------------------------------------------------------------------------------
# Sentence and clause marks

FULL_STOPS = "。！？!?"
"""The marks that end a sentence for good: a summary ending otherwise gets a ``。``."""

SENTENCE_END = FULL_STOPS + "；;…"
"""Where a sentence is cut (``split_sentences``): a full stop, and the ``；`` and ``…`` that close a
statement in Chinese news, full width or ASCII (a model's or a paste's ``!?;``)."""

PARAGRAPH_END = "。！？…；"
"""The marks that let a line break end a paragraph (``ends_sentence``): full width only. On a
printed page a line ending in ASCII ``!?;`` is wrapped Latin text (a URL, an English quote), which
flows on like any other line; a list item ending in ``；`` ends its paragraph."""

CLAUSE_BREAKS = "，,：" + SENTENCE_END
"""Where a sentence may be cut into clauses (``clauses``, ``fit``): a comma, a colon or a sentence end.
Not the ASCII ``:``, which in Chinese text writes times, ratios and scores (``10:30``, ``2.5:1``) and
web addresses, not a clause's colon."""

LIST_BREAK = "、"
"""The enumeration comma: a finer cut, inside a list."""

DANGLING = "，,、：；;"
"""The clause marks a cut text may not end in, as the sentence went on after them: a summary cut
there drops them and ends with ``。``. The other ``CLAUSE_BREAKS`` end it (``……`` stays)."""

HANGING = "，。、；：？！”’）》』」"
"""Punctuation a justified column lets hang past its right edge, so a line's text may end one
character outside the column."""

PUNCTUATION = "，、。；：？！“”‘’（）《》「」『』"
"""Full-width punctuation that typesetters squeeze to half an em when two stand together (``”，``)."""


def visual_width(text: str) -> float:
    """Printed width in em: a Chinese character or full-width mark is 1, an ASCII character 1/2,
    and a punctuation mark next to another one 1/2 (typesetters squeeze ``”，`` into one em)."""
    chars = [ch for ch in text if not ch.isspace()]
    width = 0.0
    for n, ch in enumerate(chars):
        if ord(ch) < 0x2000 or ch in PUNCTUATION and ((n and chars[n - 1] in PUNCTUATION)
                                    or (n + 1 < len(chars) and chars[n + 1] in PUNCTUATION)):
            width += 0.5
        else:
            width += 1.0
    return width


def unmarked(line: str) -> str:
    """A line without the list marks that open it (``■``, ``●``, ``▲``: symbols, and the spaces
    around them), as a briefs column prints them before each item's title or dateline."""
    line = line.lstrip()
    while line and unicodedata.category(line[0]) == "So":
        line = line[1:].lstrip()
    return line
