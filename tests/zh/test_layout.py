"""Jump lines and page labels, on page text written for these tests."""

import pytest

from brief.zh.layout import JUMP, JUMP_MARK, page_label, rejoin_jumps


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


@pytest.mark.parametrize(
    ("lines", "joined"),
    [(["增产增收有保障。 （", "下转第 2 版）"], ["增产增收有保障。", "（下转第 2 版）"]),
     (["增产增收有保障。（下转第2", "版）"], ["增产增收有保障。", "（下转第2版）"]),
     (["增产增收有保障。（", "", "下转第2版）"], ["增产增收有保障。", "", "（下转第2版）"])],
)
def test_a_jump_line_broken_by_the_column_end_is_put_back_together(lines, joined):
    assert rejoin_jumps(lines) == joined


def test_an_open_bracket_that_starts_no_jump_stays_where_it_is():
    lines = ["全市新建高标准农田（", "含改造提升）12万亩。"]
    assert rejoin_jumps(lines) == lines


@pytest.mark.parametrize("line", ["本版责编：田斌 美编：邹慧", "责任编辑 王芳", "本版编辑 刘晓燕 美编 陈东",
                                  "编辑 赵敏 组版 孙亮", "本版主编：周红", "扫描二维码阅读全文", "扫码看视频",
                                  "扫码下载客户端", "晋北日报 2024年8月10日 星期六", "本报地址：太原市迎泽大街88号",
                                  "邮编：030001", "广告经营许可证：晋工商广字001号", "零售定价：1.50元"])
def test_lines_of_the_page_itself(line):
    from brief.zh.layout import PAGE_FURNITURE

    assert PAGE_FURNITURE.search(line)


@pytest.mark.parametrize("line", ["基因编辑技术助力育种", "全省编辑记者培训班开班", "码头装卸效率提升",
                                  "编辑 出版 发行一体推进", "主编教材进课堂", "8月10日（星期六）起全市供暖",
                                  "药品定价机制改革稳步推进", "邮政快递业务量同比增长"])
def test_headlines_that_merely_share_a_word_with_page_furniture(line):
    from brief.zh.layout import PAGE_FURNITURE

    assert not PAGE_FURNITURE.search(line)


@pytest.mark.parametrize("line", ["放大+ 缩小- 默认", "上一篇", "下一篇", "<<上一篇  下一篇>>", "返回目录",
                                  "第06版：综合新闻", "晋中日报 2024年10月18日", "中国交通报 2024年2月24日 星期六"])
def test_an_epaper_reader_s_buttons_and_headings(line):
    from brief.zh.layout import VIEWER_CHROME

    assert VIEWER_CHROME.match(line)


@pytest.mark.parametrize("line", ["默认", "放大", "上一篇文章里说到的事", "第6版", "本报讯", "全市默认开通电子社保卡",
                                  "2024年10月18日", "记者 王芳 2024年10月18日"])
def test_lines_that_are_no_reader_s_buttons(line):
    from brief.zh.layout import VIEWER_CHROME

    assert not VIEWER_CHROME.match(line)
