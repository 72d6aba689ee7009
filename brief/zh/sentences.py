"""Sentences and clauses of Chinese text: where to cut, and where a cut may not fall.

Every stage that cuts text cuts it here: the summarizers (sentences, clauses, ``fit``), the
readers and the page segmenter (``ends_sentence``: may a line break end a paragraph?). The marks
each one uses are named in :mod:`brief.zh.chars`.
"""

from __future__ import annotations

import re

from brief.zh.chars import (
    CLAUSE_BREAKS,
    CLOSERS,
    LIST_BREAK,
    OPENERS,
    PARAGRAPH_END,
    QUOTES,
    SENTENCE_END,
    balanced,
)
from brief.zh.figures import UNIT_CHARS


def ends_sentence(line: str) -> bool:
    """Whether a line break after ``line`` may end a paragraph: it ends in a ``PARAGRAPH_END`` mark,
    possibly followed by closing quotes or brackets."""
    stripped = line.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in PARAGRAPH_END


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences.

    A sentence ends at ``。！？；…`` (plus any closing quotes or brackets after it) and at every line
    break. Inside a quotation the full stops belong to the quote: ``他说：“甲。乙。”`` is one
    sentence, cut after the closing quote. An unbalanced quote on a line is ignored rather than
    swallowing the rest of the text. ASCII ``.`` never splits, so ``1.85%`` stays whole.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            sentences.extend(_split_line(line))
    return sentences


_PLAIN_SENTENCE = re.compile(rf"[^{SENTENCE_END}]+(?:[{SENTENCE_END}]+[{CLOSERS}]*|$)")


_MARKS = re.compile(rf"[{''.join(QUOTES)}{''.join(QUOTES.values())}]|[{SENTENCE_END}]+")


def _split_line(line: str) -> list[str]:
    if not any(o in line for o in QUOTES):  # no quotes: a regex does it (most lines)
        return [s.strip() for s in _PLAIN_SENTENCE.findall(line) if s.strip() and not _is_punctuation(s)]
    balanced = all(line.count(o) == line.count(c) for o, c in QUOTES.items())
    out: list[str] = []
    depth = 0
    start = 0
    for mark in _MARKS.finditer(line):
        at, token = mark.start(), mark.group()
        if at < start:  # already taken as a closer of the previous sentence
            continue
        if token in QUOTES:
            depth += balanced
        elif token in QUOTES.values():
            if balanced and depth:
                depth -= 1
                # A quote that closes on its own full stop ends the sentence: “……。”
                if depth == 0 and at > start and line[at - 1] in SENTENCE_END:
                    end = _skip_closers(line, at + 1)
                    out.append(line[start:end])
                    start = end
        elif depth == 0:
            end = _skip_closers(line, mark.end())
            out.append(line[start:end])
            start = end
    if start < len(line):
        out.append(line[start:])
    return _join_speakers([s.strip() for s in out if s.strip() and not _is_punctuation(s)])


# Who spoke, after the quote: “……。”王春花说。 The tag alone says nothing; it belongs to the quote.
_SPEAKER_TAG = re.compile(r"^[^，,。；！？“”]{1,24}(?:说|表示|介绍|称|告诉记者|坦言|感慨道?)[。！]?$")


def _join_speakers(sentences: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].endswith(("”", "」")) and _SPEAKER_TAG.match(sentence):
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


def _skip_closers(line: str, i: int) -> int:
    while i < len(line) and line[i] in CLOSERS:
        i += 1
    return i


def _is_punctuation(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def clauses(sentence: str, *, lists: bool = False) -> list[str]:
    """The sentence cut after each comma, colon or semicolon outside quotes and brackets, and
    outside a number: ``12,500`` and ``10:30`` stay whole.

    With ``lists`` it is also cut inside enumerations (after ``、``): finer, for when a clause is
    too long to keep whole.
    """
    breaks = CLAUSE_BREAKS + (LIST_BREAK if lists else "")
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(sentence):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
        elif ch in breaks and depth == 0 and not _inside_number(sentence, i):
            out.append(sentence[start : i + 1])
            start = i + 1
    if start < len(sentence):
        out.append(sentence[start:])
    return [c for c in out if c.strip()]


def _inside_number(text: str, i: int) -> bool:
    """Is the mark at ``text[i]`` a thousands separator (``12,500``)?"""
    return text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def fit(sentence: str, budget: int) -> str:
    """``sentence`` within ``budget`` characters, cut at a clause boundary (never mid-number).

    Keeps as many leading clauses as fit, trying whole clauses before list items (``、``). When that
    keeps less than half the budget, it cuts instead before a function word (的, 在, 和 ...) or a
    quote so that
    a long first clause still says something; a cut never splits a figure, a Latin word, or a
    quoted or bracketed span.
    """
    if len(sentence) <= budget:
        return sentence
    kept = ""
    for lists in (False, True):
        for clause in clauses(sentence, lists=lists):
            if len(kept) + len(clause) > budget:
                break
            kept += clause
        if kept:
            break
    kept = kept.rstrip(CLAUSE_BREAKS + LIST_BREAK)
    if len(kept) * 2 >= budget:
        return kept
    soft = _soft_cut(sentence, budget)
    if len(soft) > len(kept):
        return soft
    return kept or _hard_cut(sentence, budget)


def _hard_cut(sentence: str, budget: int) -> str:
    """The longest prefix within ``budget`` that splits no figure, nor a word where a cut a few
    characters earlier splits none (``……蓝皮书`` rather than ``……蓝皮书正`` of ``正式发布``)."""
    from brief.zh.words import breaks_word  # (jieba's table: only for the rare clause too long to fit)

    cut = budget
    while cut > 0 and _splits_token(sentence, cut):
        cut -= 1
    whole = next((k for k in range(cut, max(cut - _WORD_REACH, 0), -1) if not breaks_word(sentence[:k], sentence[k:])), cut)
    return (sentence[:whole] if whole > 0 else sentence[:budget]).rstrip(OPENERS)


# A hard cut moves back at most this many characters to end on a whole word.
_WORD_REACH = 4


_FUNCTION_CHARS = "的在和与及并对向将把被从于为是已"


def _soft_cut(sentence: str, budget: int) -> str:
    """The longest prefix within ``budget`` that ends before a function word or an opening quote
    and splits nothing."""
    for cut in range(min(budget, len(sentence) - 1), budget // 2, -1):
        if sentence[cut] in _FUNCTION_CHARS + "《“" and not _splits_token(sentence, cut) and balanced(sentence[:cut]):
            return sentence[:cut].rstrip(CLAUSE_BREAKS + LIST_BREAK)
    return ""


def _splits_token(text: str, cut: int) -> bool:
    """Would cutting before ``text[cut]`` split a figure (``36.54万人``, ``1—8月``) or a Latin word?"""
    before, after = text[cut - 1], text[cut]
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return True
    return (before.isdigit() or before in ".—-~") and (after.isdigit() or after in UNIT_CHARS + ".%—–-~至到")
