"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5, then charset-normalizer.

charset-normalizer alone mis-guesses short Chinese text (GBK and Big5 share most byte ranges), so
when strict UTF-8 fails, three readings are judged by how much of each is everyday Chinese: damaged
UTF-8 (a character cut off at the end, or a stray byte or two), GB18030 and Big5.
"""

from __future__ import annotations

import codecs
import functools

from brief.errors import InputError

CHINESE_ENCODINGS = ("gb18030", "big5")
SNIFF_BYTES = 8192
SCORE_CHARS = 4000  # judging the start of a long file is enough


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters near the start: an image, archive or executable."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _is_common(ch: str) -> bool:
    """A character of GB2312 level 1 or Big5 level 1: the everyday simplified or traditional set."""
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return b"\xa4\x40" <= ch.encode("big5") <= b"\xc6\x7e"
    except UnicodeEncodeError:
        return False


def _chinese_score(text: str) -> float:
    """Share of everyday characters, minus private-use and replacement characters (signs of a wrong codec)."""
    sample = [ch for ch in text[:SCORE_CHARS] if ord(ch) > 0x7F]
    good = sum(1 for ch in sample if _is_common(ch))
    bad = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return (good - 5 * bad) / max(len(sample), 1)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 cut inside its last character (dropped), or with rare stray bytes (marked U+FFFD)."""
    for cut in range(1, 4):
        if len(data) > cut + 8 and data[-cut] >= 0xC0:
            try:
                return data[:-cut].decode("utf-8-sig")
            except UnicodeDecodeError:
                pass
    text = data.decode("utf-8-sig", errors="replace")
    return text if text.count("\ufffd") * 200 <= len(text) else None


def decode(data: bytes, path: str) -> str:
    """Decode ``data`` or raise ``InputError`` naming ``path``."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "undecodable text (broken UTF-16)") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    readings = [_damaged_utf8(data)]
    for encoding in CHINESE_ENCODINGS:
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    scored = [(_chinese_score(text), text) for text in readings if text is not None]
    if scored:
        # max() keeps the first of equals: ties (text too short to judge) go to damaged UTF-8, then GB18030.
        score, text = max(scored, key=lambda c: c[0])
        if score >= 0:
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "undecodable text (not UTF-8, GB18030, Big5 or any known encoding)")
    return str(best)


@functools.lru_cache(maxsize=1)
def _t2s():
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese (OpenCC's t2s table); simplified text passes unchanged."""
    return _t2s().convert(text)
