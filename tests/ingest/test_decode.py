"""Encodings: each test text is encoded here and must come back exactly."""

import codecs

import pytest

from brief.errors import InputError
from brief.ingest.decode import decode, looks_binary, to_simplified

SIMPLIFIED = "本市今年前三季度新增城镇就业两万余人，比去年同期增长百分之五。"
TRADITIONAL = "本市今年前三季度新增城鎮就業兩萬餘人，比去年同期增長百分之五。"


@pytest.mark.parametrize("data", [
    SIMPLIFIED.encode("utf-8"),
    codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
    SIMPLIFIED.encode("gbk"),
    SIMPLIFIED.encode("gb18030"),
    SIMPLIFIED.encode("utf-16"),
])
def test_simplified_in_every_encoding(data):
    assert decode(data, "x.txt") == SIMPLIFIED


def test_big5():
    assert decode(TRADITIONAL.encode("big5"), "x.txt") == TRADITIONAL


@pytest.mark.parametrize("word, encoding", [("經濟", "big5"), ("就业", "gbk"), ("短讯", "gbk")])
def test_short_text(word, encoding):
    assert decode(word.encode(encoding), "x.txt") == word


def test_gb18030_beyond_gbk():
    text = "企业名称中的生僻字𠀾也要保留。"  # a character outside GBK, four bytes in GB18030
    assert decode(text.encode("gb18030"), "x.txt") == text


def test_undecodable_names_the_file():
    with pytest.raises(InputError) as info:
        decode(bytes(range(128, 256)) * 4, "odd.txt")
    assert str(info.value).startswith("odd.txt: undecodable")


def test_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(bytes(range(0, 32)) * 10)
    assert not looks_binary(SIMPLIFIED.encode("utf-8"))
    assert not looks_binary(SIMPLIFIED.encode("utf-16"))


def test_traditional_to_simplified():
    assert to_simplified(TRADITIONAL) == SIMPLIFIED
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


def test_utf8_cut_inside_its_last_character():
    data = SIMPLIFIED.encode("utf-8")[:-1]
    assert decode(data, "x.txt") == SIMPLIFIED[:-1]


def test_utf8_with_a_stray_byte():
    text = SIMPLIFIED * 10
    data = text.encode("utf-8")
    damaged = data[:30] + b"\xff" + data[30:]
    assert decode(damaged, "x.txt") == text[:10] + "\ufffd" + text[10:]


def test_gbk_english_text_with_a_chinese_word_is_not_damaged_utf8():
    text = "The delegation arrived on Monday for talks on trade and investment. " * 15 + "Venue: 北京."
    assert decode(text.encode("gbk"), "x.txt") == text
