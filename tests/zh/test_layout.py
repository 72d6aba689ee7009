"""Jump lines and page labels, on page text written for these tests."""

from brief.zh.layout import JUMP, JUMP_MARK, page_label


def test_a_jump_line_names_its_direction_and_page():
    match = JUMP.search("外贸进出口稳中有升（下转第 2 版）")
    assert match and match.group(1) == "下转" and match.group(2) == "第 2 版"
    assert JUMP.search("（上接A1版）").group(1) == "上接"
    assert not JUMP.search("（转载）") and not JUMP.search("（接上期）")


def test_a_banner_line_with_a_jump_mark_is_seen_even_without_its_page():
    import re

    assert re.search(JUMP_MARK, "（接上期）") and not re.search(JUMP_MARK, "第2版 要闻")


def test_page_labels_read_digits_letters_and_chinese_numerals():
    assert [page_label(w) for w in ("第2版", "a03", "第十二版", "二十一", "要闻", " ", None)] == [
        "2", "A3", "12", "21", "要闻", None, None]
