"""A page copied from an e-paper (one paragraph a line, the reader's buttons between articles) is
read as the printed page it came from."""

from brief.document import ARTICLE
from brief.ingest.segment import segment_page
from brief.ingest.segment.columns import marks_rejoined, set_in_column, unwrapped, wrap

EPAPER = """第03版：经济
晋中日报 2024年10月18日
放大+
缩小-
默认
前三季度全市工业增加值增长6.8%
本报记者 郭晓东 任佳
本报晋中10月17日讯 记者从市统计局获悉，前三季度全市规模以上工业增加值同比增长6.8%，增速比上半年加快0.4个百分点，高于全省平均水平。
分行业看，装备制造业增加值增长12.1%，新能源汽车、锂电池等新产品产量保持两位数增长，成为拉动增长的主要力量。
市统计局有关负责人表示，四季度将继续盯紧重点企业和重点项目，确保全年目标任务圆满完成。
上一篇
下一篇
返回目录
放大+ 缩小- 默认
老旧小区加装电梯惠及三千余户
今年以来，全市已为两百一十个老旧小区单元加装电梯，三千余户居民告别“爬楼难”，财政补助资金累计下达四千六百万元。
市住建局相关负责人介绍，加装电梯由居民自主申请，审批时限压缩至十五个工作日，施工期间实行一梯一档管理。
下一篇
"""


def test_an_epaper_copy_gives_each_article_once_with_its_title_and_whole_paragraphs():
    articles = segment_page(EPAPER)
    assert [(a.kind, a.title) for a in articles] == [
        (ARTICLE, "前三季度全市工业增加值增长6.8%"), (ARTICLE, "老旧小区加装电梯惠及三千余户")]
    first, second = articles
    assert first.reporters == ["郭晓东", "任佳"] and first.kicker == ""
    assert len(first.paragraphs) == 3 and first.paragraphs[0].startswith("记者从市统计局获悉")
    assert first.paragraphs[1].endswith("成为拉动增长的主要力量。")
    assert len(second.paragraphs) == 2 and second.paragraphs[-1].endswith("一梯一档管理。")
    for article in articles:  # none of the reader's buttons or headings is text
        assert not any(word in article.body for word in ("放大", "默认", "上一篇", "返回目录", "第03版"))


def test_a_printed_column_or_a_caption_on_one_line_is_not_taken_for_an_unwrapped_copy():
    column = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路，市民\n可刷卡或扫码乘车。\n\n"
              "市交通局负责人介绍，年内还将新增\n新能源公交车两百辆，更新充电桩\n五十个，实现主城区全覆盖。\n")
    assert not unwrapped(column)
    captions = column + "".join(
        f"\n{text}新华社记者 李明 摄\n" for text in (
            "10月17日，市民在城东公交站排队等候首班新能源公交车，站台上的电子屏实时显示到站时间。",
            "10月17日，工作人员在充电站为新能源公交车充电，每辆车充满电可运行两百公里以上。",
            "10月17日，志愿者在公交站台为老年乘客讲解扫码乘车的步骤，帮助他们熟悉新的乘车方式。"))
    assert not unwrapped(captions)
    assert unwrapped(EPAPER)


def test_wrapping_adds_only_line_breaks_and_keeps_figures_and_latin_words_whole():
    paragraph = "前三季度，全省GDP增长5.3%，达到3.5万亿元，5G基站新增2.1万个，比去年同期多0.4万个。"
    lines = wrap(paragraph, 16)
    assert "".join(lines) == paragraph
    for figure in ("GDP", "5.3%", "3.5", "5G", "2.1", "0.4"):
        assert any(figure in line for line in lines)
    assert not any(line[0] in "，。、%" for line in lines)  # a closing mark hangs on the line above
    set_text = set_in_column("标题一行\n" + paragraph + "\n")
    assert set_text.splitlines()[0] == "标题一行" and set_text.splitlines()[1] == ""


# pdftotext -layout keeps a page's columns side by side on one line, padded with spaces
LAYOUT = """全市秋粮收获进度过九成

本报讯 连日来，全市各地抓住     一台台收割机来回穿梭，晾晒
晴好天气抢收秋粮，田间地头     场上堆满了金灿灿的玉米，烘
一派繁忙景象。截至昨日，全     干塔日夜运转，确保颗粒归仓。
市已收获玉米一百二十万亩，     农业部门提醒各地做好仓储管
进度过九成。在城郊的农场里，   理，防止霉变造成损失。
"""


def test_columns_side_by_side_on_a_line_are_read_one_column_after_the_other():
    from brief.ingest.segment.columns import columns_apart

    read = columns_apart(LAYOUT)
    assert "进度过九成。在城郊的农场里，\n\n一台台收割机来回穿梭，晾晒\n" in read
    (article,) = segment_page(LAYOUT)
    assert article.title == "全市秋粮收获进度过九成"
    # the left column's sentences, then the right column's: no line of one run into the other's
    assert "截至昨日，全市已收获玉米一百二十万亩，进度过九成。在城郊的农场里，一台台收割机来回穿梭" in article.body


def test_a_table_s_rows_a_letter_spaced_headline_and_a_lone_gap_are_no_columns():
    from brief.ingest.segment.columns import columns_apart

    table = "表：前三季度主要指标\n指标  总量（亿元）  增长（%）\n工业增加值  1286.4  6.8\n社会消费品零售总额  756.2  5.1\n固定资产投资  903.7  4.2\n"
    spaced = "全  省  秋  粮  喜  获  丰  收\n全  市  冬  小  麦  播  种  过  半\n新  能  源  汽  车  产  值  增  长\n"
    lone = "2024年10月18日 星期五  第3版  编辑：王芳\n本报讯 全市秋粮收获进度过九成。\f"
    for text in (table, spaced, lone):
        assert columns_apart(text) == text


def test_columns_side_by_side_that_cannot_be_parted_are_read_as_printed_and_the_reader_is_told(tmp_path):
    from brief.config import defaults
    from brief.ingest import read_inputs

    # the second column starts somewhere else on every line: no gutter to part them at
    tangled = ("本报讯 今年以来，全市新建改建\n农村公路一千二百公里，年底前\n全部完工，惠及沿线群众三十\n余万人。\n\n"
               "全市农村公路建设提速\n\n"
               "本报讯 连日来，全市各地抓住  一台台收割机来回穿梭，晾晒\n"
               "晴好天气抢收秋粮，田间地头           场上堆满了金灿灿的玉米\n一派繁忙景象。截至昨日，全市已收获玉米          烘干塔日夜运转\n"
               "进度过九成。   农业部门提醒各地做好仓储管理\n\n全市秋粮收获进度过九成\n")
    page, aligned = tmp_path / "page-01.txt", tmp_path / "page-02.txt"
    page.write_text(tangled, encoding="utf-8")
    aligned.write_text(LAYOUT, encoding="utf-8")
    result = read_inputs([str(page)], config=defaults())
    assert len(result.warnings) == 1 and str(page) in result.warnings[0] and "side by side" in result.warnings[0]
    assert read_inputs([str(aligned)], config=defaults()).warnings == []


def test_a_line_of_marks_alone_goes_back_where_the_column_printed_it():
    # pypdf breaks a line where a Latin-font quote mark or a figure's run starts or ends
    text = "会议强调，要深刻领悟\n“\n两个确立\n”\n的决定性意义，增强\n“四个意识”\n、\n坚定信心。\n"
    assert marks_rejoined(text) == "会议强调，要深刻领悟\n“两个确立”\n的决定性意义，增强\n“四个意识”、\n坚定信心。\n"


def test_marks_that_open_or_close_a_line_of_text_and_dashes_stay_as_printed():
    text = "全市秋粮收获进度过九成\n——来自田间地头的报道\n“两个确立”的决定性意义\n\n”\n"
    assert marks_rejoined(text) == text  # (a mark alone under a blank line has no line above to join)


def test_a_story_broken_at_its_quote_marks_by_the_text_tool_reads_whole():
    text = ("本报讯 （记者 林涛）全市今年新建改建\n农村公路一千二百公里，实现\n“\n村村通\n”\n"
            "，群众出行更加便利。\n\n全市农村公路实现村村通\n")
    (article,) = segment_page(text)
    assert article.title == "全市农村公路实现村村通"
    assert "实现“村村通”，群众出行更加便利。" in article.body
