"""Text normalizers shared by every reader: what a PDF text layer or a paste does to Chinese text, undone.

Printed pages justify their columns by spacing characters out (``10 月 17 日 上 午 ，省 委``) and wrap
lines every 12-17 characters; PDF extraction keeps both. The rules here remove exactly that and
nothing else: spaces only go where a Chinese character or punctuation mark stands on one side (so
``Apple Watch`` keeps its space), and the only characters rewritten are full-width digits, Latin
letters and the percent sign, which become their ASCII forms once so that ``0.94％`` and ``0.94%``
are the same figure everywhere downstream. Dashes (``1—8月``), book-title marks and brackets stay.
"""

from __future__ import annotations

import re

# Full-width digits, Latin letters, ％ and the full-width full stop between digits (０．９４).
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_FULLWIDTH[ord("％")] = ord("%")
_FULLWIDTH[0x3000] = ord(" ")  # ideographic space
_FULLWIDTH[0x00A0] = ord(" ")
_DIGIT_POINT = re.compile(r"(?<=\d)．(?=\d)")

# Characters that are never news text but can fool a reader or a terminal: terminal escape sequences
# (``\x1b[31m``), other C0/C1 control characters (tab and line breaks excepted), bidirectional
# overrides and isolates (U+202E turns ``txt.exe`` around), zero-width marks and stray byte-order marks.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# A "wide" character: CJK ideographs, CJK/full-width punctuation, kana.
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
_SPACES = r"[ \t\u3000\u00a0]+"
# Whitespace with a wide character on either side, or between two digits (a wrap inside a number).
_SPACE_NEXT_TO_WIDE = re.compile(rf"(?<=[{_WIDE}]){_SPACES}|{_SPACES}(?=[{_WIDE}])")
_SPACE_IN_NUMBER = re.compile(rf"(?<=[\d.]){_SPACES}(?=[\d.%])")
_RUNS = re.compile(_SPACES)

SENTENCE_END = "。！？…；"  # a list item ending in ； ends its paragraph too
_CLOSERS = "”’」』）)》"
# Characters that only occur inside running text, never in a headline line.
BODY_PUNCT = "，。；"


def strip_controls(text: str) -> str:
    """Remove escape sequences, control, bidi and zero-width characters; every line break becomes ``\\n``.

    Run on each input's decoded text and again on every cleaned field, so nothing an article carries
    can recolour a terminal, reverse a line in a mail client or forge a line break downstream.
    """
    text = _LINE_BREAKS.sub("\n", text)
    return _INVISIBLE.sub("", _ESCAPE_SEQUENCE.sub("", text))


def normalize_chars(text: str) -> str:
    """Full-width digits, letters and ％ to ASCII; ideographic and no-break spaces to plain spaces;
    control and bidi characters removed (``strip_controls``)."""
    return _DIGIT_POINT.sub(".", strip_controls(text).translate(_FULLWIDTH))


def clean_inline(text: str) -> str:
    """One paragraph's text: characters normalized, justification and wrap spaces dropped."""
    text = _SPACE_NEXT_TO_WIDE.sub("", normalize_chars(text))
    text = _SPACE_IN_NUMBER.sub("", text)
    return _RUNS.sub(" ", text).strip()


def clean_heading(text: str) -> str:
    """A headline line: like ``clean_inline`` but a single space between two phrases is kept.

    Titles use a space as a separator (``把脉行业痛点 对接供应链条``); a line that is spaced out
    letter by letter (justified) loses its spaces instead.
    """
    text = normalize_chars(text).strip()
    gaps = len(re.findall(_SPACES, text))
    if gaps and gaps >= len(text.replace(" ", "")) / 3:  # letter-spaced, not phrase-separated
        return clean_inline(text)
    text = re.sub(rf"(?<=[\d.%]){_SPACES}(?=[{_WIDE}])|(?<=[{_WIDE}]){_SPACES}(?=[\d.%])", "", text)
    return _RUNS.sub(" ", text).strip()


def ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence: ``。！？…``, possibly followed by closing quotes or brackets."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


_PUNCT = set("，、。；：？！“”‘’（）《》「」『』")


def visual_width(text: str) -> float:
    """Printed width in em: a Chinese character or full-width mark is 1, an ASCII character 1/2,
    and a punctuation mark next to another one 1/2 (typesetters squeeze ``”，`` into one em)."""
    chars = [ch for ch in text if not ch.isspace()]
    width = 0.0
    for n, ch in enumerate(chars):
        if ord(ch) < 0x2000:
            width += 0.5
        elif ch in _PUNCT and ((n and chars[n - 1] in _PUNCT) or (n + 1 < len(chars) and chars[n + 1] in _PUNCT)):
            width += 0.5
        else:
            width += 1.0
    return width


def unbalanced(text: str) -> bool:
    """An opening quote or bracket that the text does not close: the sentence must go on."""
    pairs = ("“”", "（）", "《》", "‘’", "「」", "【】")
    return any(text.count(a) > text.count(b) for a, b in pairs)


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph; a wrap between two Latin words keeps a space."""
    return clean_inline(" ".join(line.strip() for line in lines))


def clean_text(text: str) -> str:
    """Clean a whole text: paragraphs separated by ``\\n``, hard wraps and column breaks joined.

    A line break ends a paragraph when the line ends a sentence and either a blank line follows, or
    the line is visibly shorter than the text's wrap width, or the lines are too long to be a
    newspaper column's; any other break is a wrap and is joined. Text that was never wrapped (one
    paragraph per line) therefore keeps its paragraphs.
    """
    lines = [normalize_chars(line).strip() for line in text.splitlines()]
    widths = sorted(visual_width(line) for line in lines if line)
    if not widths:
        return ""
    wrap = widths[int(len(widths) * 0.8)] if len(widths) > 2 else widths[-1]
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if not line:
            continue
        paragraphs[-1].append(line)
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if wrap > 40 or (ends_sentence(line) and (not after or visual_width(line) < wrap - 1 or wrap > 20)):
            paragraphs.append([])
        elif not ends_sentence(line) and not after and visual_width(line) < wrap - 3:
            paragraphs.append([])  # a short line standing alone: a heading, not a wrap
    return "\n".join(joined for joined in (join_lines(p) for p in paragraphs if p) if joined)
