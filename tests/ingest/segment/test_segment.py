import re
from pathlib import Path

import pytest

from brief.zh import ends_sentence
from brief.document import ARTICLE, CAPTION, Dateline
from brief.ingest.segment import segment_page

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seeds" / "000_51ec7926e3b4d3b2.txt"
CJK_SPACE = re.compile(r"[\u4e00-\u9fff，。、][ \u3000]+[\u4e00-\u9fff\d]|\d[ \u3000]+[\u4e00-\u9fff]")


def _front():
    return segment_page((EXAMPLES / "page-front.txt").read_text(encoding="utf-8"), source="示例日报", page="1")


def test_front_page_gives_five_articles_and_a_caption_in_page_order():
    articles = _front()
    assert [a.kind for a in articles] == [ARTICLE] * 5 + [CAPTION]
    assert [a.position for a in articles] == list(range(6))
    assert {(a.source, a.page) for a in articles} == {("示例日报", "1")}
    assert len({a.id for a in articles}) == 6


def test_front_page_headlines_printed_after_their_bodies():
    lead, trade, bus, factory, contest, _ = _front()
    assert (lead.kicker, lead.title, lead.subtitle) == ("", "全省秋粮收获进度过九成", "——各地抢抓晴好天气确保颗粒归仓")
    assert lead.reporters == ["张晓明", "刘思远"]
    assert (bus.kicker, bus.title) == ("新开通3条城乡公交线路", "大同建制村通公交率达98.6%")
    assert (factory.kicker, factory.title, factory.reporters) == ("", "长治：数字化改造为制造业添动能", ["郭丽娟"])
    # A two-line title is joined; the line above it is the kicker.
    assert (contest.kicker, contest.title) == ("860名学生同台竞技", "第十二届全省中小学生科技创新大赛在太原落幕")


def test_front_page_article_with_its_headline_before_the_body():
    trade = _front()[1]
    assert (trade.kicker, trade.title, trade.reporters) == ("前三季度", "我省外贸进出口同比增长6.8%", ["陈雨桐"])
    assert len(trade.paragraphs) == 3
    assert trade.paragraphs[0].startswith("记者从太原海关获悉，今年前三季度")
    assert trade.paragraphs[-1].endswith("占出口总值的65.4%。")


def test_front_page_subheads_stay_inside_their_article_and_the_jump_is_recorded():
    lead = _front()[0]
    assert len(lead.paragraphs) == 9
    assert lead.paragraphs[3] == "农机作业提速增效"
    assert lead.paragraphs[6] == "烘干仓储保障到位"
    # A column break in mid-sentence is joined; justification spaces are gone.
    assert lead.paragraphs[0] == "连日来，全省各地抢抓晴好天气，组织农机手和种粮大户加快秋粮收获进度。"
    assert lead.paragraphs[1].startswith("记者从省农业农村厅了解到，截至10月16日，全省秋粮已收获2860万亩")
    assert lead.paragraphs[-1].endswith("确保全年粮食产量稳定在300亿斤以上。")
    assert lead.continued_to == "第2版" and lead.continued_from is None
    assert "下转" not in lead.body


def test_front_page_datelines_become_fields():
    _, _, bus, _, contest, _ = _front()
    assert bus.dateline == Dateline(place="大同", date="10月17日")
    assert bus.reporters == ["周凯"]
    assert bus.paragraphs[0].startswith("日前，大同市新开通3条城乡公交线路")
    # The reporter's name wrapped onto the next line.
    assert contest.dateline == Dateline(place="太原", date="10月17日")
    assert contest.reporters == ["李文博"]
    assert contest.paragraphs[0].startswith("为期三天的第十二届全省中小学生科技创新大赛17日落下帷幕。")


def test_front_page_caption_banner_and_figures():
    articles = _front()
    caption = articles[-1]
    assert caption.reporters == ["张晓明"]
    assert caption.paragraphs == ["10月16日，太谷区一处农田里，收获机正在收割玉米。"]
    everything = "".join(a.title + a.kicker + a.subtitle + a.body for a in articles)
    assert "聚焦" not in everything  # the page banner belongs to no article
    assert "1—9月" in articles[3].body
    assert all(not CJK_SPACE.search(a.body) for a in articles)


def test_inner_page_headlines_before_bodies_and_continued_story():
    articles = segment_page((EXAMPLES / "page-inner.txt").read_text(encoding="utf-8"), page="2")
    assert [a.title for a in articles] == [
        "全省秋粮收获进度过九成",
        "城乡居民医保参保率稳定在95%以上",
        "太原至绵山城际旅游专线开通",
        "我省新增4家国家级绿色工厂",
    ]
    continued, insurance, rail, green = articles
    assert continued.continued_from == "第1版" and continued.continued_to is None
    assert continued.paragraphs[0].startswith("据了解，今年全省还新建高标准农田110万亩")
    assert [len(a.paragraphs) for a in articles] == [2, 3, 2, 2]
    assert insurance.reporters == ["赵一鸣"]
    assert insurance.paragraphs[0].endswith("城乡居民医保参保率稳定在95%以上。")
    assert rail.subtitle == "——每日往返两班"
    assert (rail.dateline, rail.reporters) == (Dateline(place="介休", date="10月17日"), ["韩雪"])
    assert green.reporters == ["孙立平"]
    assert green.paragraphs[-1].endswith("工业固体废物综合利用率达到92%。")


def test_a_plain_article_comes_out_whole_with_its_title():
    text = "全省冬小麦播种进度过半\n\n记者从省农业农村厅获悉，截至10月20日，全省冬小麦已播种510万亩。\n各地正抢抓墒情，加快播种进度。\n"
    (article,) = segment_page(text, source="稿件")
    assert article.title == "全省冬小麦播种进度过半"
    assert article.body.startswith("记者从省农业农村厅获悉") and article.body.endswith("加快播种进度。")
    assert article.source == "稿件" and article.position == 0


def test_a_plain_article_without_a_blank_line_after_the_title():
    (article,) = segment_page("冬季供暖准备就绪\n全省供热企业已完成管网检修。\n11月1日起试供暖。\n")
    assert article.title == "冬季供暖准备就绪"
    assert article.paragraphs == ["全省供热企业已完成管网检修。", "11月1日起试供暖。"]


def test_nothing_in_nothing_out():
    assert segment_page("") == []
    assert segment_page("\n \n\u3000\n") == []


def test_column_label_is_not_a_byline_and_several_reporters_in_a_dateline():
    text = (
        "本报长治 10 月 9 日讯（记者 王明\n"
        "李华）9日，长治市举办秋季招聘\n"
        "会，120家企业提供岗位3600\n"
        "个，现场达成就业意向980人。\n"
        "\n"
        "长治秋季招聘会提供岗位3600个\n"
        "\n"
        "记者观察\n"
    )
    (article,) = segment_page(text)
    assert article.title == "长治秋季招聘会提供岗位3600个"
    assert article.reporters == ["王明", "李华"]
    assert article.dateline == Dateline(place="长治", date="10月9日")
    assert article.body == "9日，长治市举办秋季招聘会，120家企业提供岗位3600个，现场达成就业意向980人。"


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed page is not here")
def test_seed_page_structure():
    articles = segment_page(SEED.read_text(encoding="utf-8"), source="seed", page="1")
    assert [a.kind for a in articles] == [ARTICLE] * 6 + [CAPTION]
    assert [len(a.reporters) for a in articles] == [2, 1, 1, 1, 1, 1, 1]
    assert all(a.title for a in articles[:6])
    assert [a.continued_to for a in articles] == [None, "第2版"] + [None] * 5
    assert [bool(a.dateline) for a in articles[:6]] == [False, False, True, True, True, True]
    assert all(not a.paragraphs[0].startswith("本报") for a in articles)
    # The second article keeps its four subheads as paragraphs of their own.
    subheads = [p for p in articles[1].paragraphs if not ends_sentence(p)]
    assert len(subheads) == 4 and all(len(p) <= 15 for p in subheads)
    # Headlines are in no body, and no article swallowed a neighbour's text.
    for article in articles:
        for other in articles:
            if other is not article and other.title:
                assert other.title not in article.body
    assert all(not CJK_SPACE.search(a.body) for a in articles)
    assert sum(len(a.body) for a in articles) > 5000


_HARVEST = (
    "全省秋粮收获进度过半\n\n"
    "连日来，全省各地抓住晴好\n天气，组织农机手抢收秋粮，截\n至昨日，全省秋粮收获已过半程，\n进度快于去年同期。\n\n"
)


def test_phrase_spaced_title_as_wide_as_the_column_above_is_not_running_text():
    # The second title fills the first article's column and the next body's first line fits it
    # too; its phrase space marks it as a title all the same.
    page = _HARVEST + (
        "古城夜游人气旺 文旅消费添活力\n\n"
        "国庆假期，古城景区推出夜间灯\n光秀，七天接待游客三十八万人次。\n\n"
        "景区周边餐饮住宿预订量明显上升，\n夜间消费占比接近四成，带动当地\n文化旅游产业加快回暖。\n"
    )
    first, second = segment_page(page)
    assert (first.title, second.title) == ("全省秋粮收获进度过半", "古城夜游人气旺 文旅消费添活力")
    assert first.paragraphs[-1].endswith("进度快于去年同期。")
    assert second.paragraphs == [
        "国庆假期，古城景区推出夜间灯光秀，七天接待游客三十八万人次。",
        "景区周边餐饮住宿预订量明显上升，夜间消费占比接近四成，带动当地文化旅游产业加快回暖。",
    ]


def test_a_phrase_spaced_line_that_goes_on_with_the_same_story_is_a_subhead_never_running_text():
    # Nothing opens a new story after it (no dateline, no byline) and the text below goes on with
    # the words of the text above: a subhead of the same story, on a paragraph of its own.
    page = _HARVEST + (
        "秋收时节机声隆 颗粒归仓保丰年\n\n"
        "今年全省新增高标准农田一百二\n十万亩，机收率达到九成以上。\n\n"
        "各地农业部门组织农机专家深入\n田间地头，指导农户科学调整机具，\n减少收获环节的粮食损失，全力确保\n颗粒归仓。\n"
    )
    [article] = segment_page(page)
    assert article.title == "全省秋粮收获进度过半"
    assert article.paragraphs[1] == "秋收时节机声隆颗粒归仓保丰年"
    assert article.paragraphs[2] == "今年全省新增高标准农田一百二十万亩，机收率达到九成以上。"


def test_a_blank_line_after_every_line_says_nothing_but_a_longer_gap_is_a_break():
    from brief.ingest.segment.rules import _read_lines

    body = _wrap(_FIRST_BODY[0] + _FIRST_BODY[1], 9)
    assert len(body) >= 8
    doubled = "\n\n".join(body[:3]) + "\n\n\n" + "\n\n".join(body[3:] + ["", "全市秋粮喜获丰收"])
    lines = _read_lines(doubled)
    assert [line.blank_before for line in lines] == [True, False, False, True] + [False] * (len(lines) - 5) + [True]
    assert segment_page(doubled)[0].body == segment_page("\n".join(body[:3] + [""] + body[3:] + ["", "全市秋粮喜获丰收"]))[0].body


def test_column_width_comes_from_lines_that_end_in_a_character():
    # Most lines of the second body end in a squeezed clause mark, half an em short of the edge;
    # its column is still 12 wide, so its indented first line is not a full one that the title
    # above (as wide as the first article's column) would flow into.
    page = (
        "秋季农产品产销对接活动举行\n\n"
        "近日，全市秋季农产品产销对\n接活动在城区会展中心举行，来自\n各地的一百余家企业参加，现场签\n约金额超过三亿元。\n\n"
        "本市粮食生产提质增效成效明显\n\n"
        "作为全省重要粮食产区，\n全市持续优化种植业结构，\n推广节水灌溉和绿色防控、\n测土配方施肥等技术，推动\n粮食生产提质增效。\n"
    )
    first, second = segment_page(page)
    assert (first.title, second.title) == ("秋季农产品产销对接活动举行", "本市粮食生产提质增效成效明显")
    assert first.body == "近日，全市秋季农产品产销对接活动在城区会展中心举行，来自各地的一百余家企业参加，现场签约金额超过三亿元。"
    assert second.body.startswith("作为全省重要粮食产区，") and second.body.endswith("粮食生产提质增效。")


def test_a_clause_whose_sentence_ends_past_a_column_break_is_running_text():
    # The lone line is neither full nor indented for any column near it, but it holds a clause and
    # the line past the break ends the sentence: no title does both.
    page = (
        "全市举行秋季消防安全演练\n\n"
        "本次演练设置了火灾扑救、人员\n疏散和伤员救护等科目，来自全市各\n单位的三百余名人员参加，参演人员\n按照预案迅速就位，各环节衔接有序。\n\n"
        "演练结束后，消防部门\n\n"
        "逐项点评了各环节的表现。\n"
    )
    (article,) = segment_page(page)
    assert article.title == "全市举行秋季消防安全演练"
    assert article.paragraphs[-1] == "演练结束后，消防部门逐项点评了各环节的表现。"


def test_a_line_wider_than_the_columns_around_a_break_does_not_flow_across_it():
    # The bracket left open carries the title onto its second line, which is wider than any
    # column on the page: a column never breaks there, so the title ends at the blank line.
    page = (
        "全市今年新建改建农村公\n路一千二百公里，全部达到三\n级以上标准，群众出行更加便\n捷。截至目前，全市建制村通\n"
        "硬化路比例达到百分之百，农\n村物流服务网络基本建成。\n\n"
        "【奋进新征程 建功新时代——2024年\n观察】本市交通基础设施建设迈出坚实步伐\n\n"
        "记者日前从市交通运输局获悉，\n今年以来，全市新开通城乡公交线\n路三十二条。\n\n"
        "城乡公交线路实现全覆盖\n"
    )
    roads, buses = segment_page(page)
    assert roads.title == "【奋进新征程 建功新时代——2024年观察】本市交通基础设施建设迈出坚实步伐"
    assert roads.body.endswith("农村物流服务网络基本建成。")
    assert buses.title == "城乡公交线路实现全覆盖"
    assert buses.body == "记者日前从市交通运输局获悉，今年以来，全市新开通城乡公交线路三十二条。"


# --- pages broken where no rule expected: datelines, titles and clauses wrapped anywhere -----------

_FIRST_BODY = (
    "树立大食物观，全市今年新建高标准农田十二万亩，粮食播种面积稳定在四百万亩以上。",
    "各县区组织农机手和种粮大户抢抓农时，秋粮收获进度快于去年同期，颗粒归仓有保障。",
)
_SECOND = (
    "市文旅局日前发布消息，今年国庆假期全市接待游客三百二十万人次，同比增长百分之十一。",
    "各景区推出夜游、研学等新产品，带动住宿餐饮消费明显回升。",
)


def _wrap(text: str, width: int, first_indent: bool = True) -> list[str]:
    lines, room, current = [], width - (2 if first_indent else 0), ""
    for ch in text:
        if len(current) >= room and ch not in "，。、；：”）":
            lines.append(current)
            current, room = "", width
        current += ch
    return lines + [current] if current else lines


def _page(dateline_lines: list[str], first_lines: list[str], title_lines: list[str]) -> str:
    second = []
    for paragraph in _SECOND:
        second += _wrap(paragraph, 15)
    first_rest = _wrap(_FIRST_BODY[1], 15)
    return "\n".join(
        dateline_lines + first_lines + first_rest + [""] + title_lines + ["", "本报记者 周凯"]
        + [""] + second + ["", "国庆假期全市接待游客三百二十万人次", ""]
    )


@pytest.mark.parametrize(
    "dateline",
    [
        ["本报吕梁 10 月 23", "日讯（记者 赵磊）"],
        ["本报吕", "梁 10 月 23 日讯（记者 赵磊）"],
        ["本报吕梁 10 月 23 日讯（记", "者 赵磊）"],
        ["本报吕梁 10 月 23 日讯", "（记者 赵磊）"],
    ],
)
def test_a_dateline_broken_anywhere_is_no_title(dateline):
    body = _wrap(_FIRST_BODY[0], 15, first_indent=False)
    head, tail = dateline[:-1], dateline[-1]
    page = _page(head, [tail + body[0]] + body[1:], ["全市秋粮喜获丰收"])
    first, second = segment_page(page)
    assert first.title == "全市秋粮喜获丰收"
    assert first.dateline == Dateline(place="吕梁", date="10月23日")
    assert first.reporters[0] == "赵磊"
    assert first.paragraphs[0].startswith("树立大食物观，全市今年新建高标准农田")
    assert second.title == "国庆假期全市接待游客三百二十万人次"
    assert "讯" not in first.title + second.title


@pytest.mark.parametrize(
    "title_lines",
    [["全市秋粮收获进度过", "九成 颗粒归仓有保障"], ["全市秋粮收", "获进度过九成 颗粒", "归仓有保障"]],
)
def test_a_title_broken_mid_word_is_joined(title_lines):
    page = _page([], _wrap(_FIRST_BODY[0], 15), title_lines)
    first, _ = segment_page(page)
    assert first.title == "全市秋粮收获进度过九成 颗粒归仓有保障"


def test_a_title_cut_mid_word_by_a_column_break_is_no_kicker():
    # A short first line, a column break, then a far wider line: a kicker above its title only
    # where the break falls between words (a kicker ends on a whole word).
    page = _page([], _wrap(_FIRST_BODY[0], 15), ["省气象", "", "台发布今冬首个寒潮蓝色预警"])
    first, _ = segment_page(page)
    assert (first.kicker, first.title) == ("", "省气象台发布今冬首个寒潮蓝色预警")


@pytest.mark.parametrize(
    ("head", "kicker", "title"),
    [
        # a whole phrase far narrower than the line below: the kicker
        (["抢抓农时保丰收", "", "全市秋粮收获进度过九成颗粒归仓"], "抢抓农时保丰收", "全市秋粮收获进度过九成颗粒归仓"),
        # a name or one word is no kicker: the title broken early by the column
        (["王建国", "", "会见来访的友好城市代表团一行"], "", "王建国会见来访的友好城市代表团一行"),
    ],
)
def test_a_short_line_a_column_break_above_a_title_is_a_kicker_when_it_is_a_phrase(head, kicker, title):
    body = _wrap(_FIRST_BODY[0], 15)
    (article,) = _built_from("\n".join(body + [""] + head), ["lead"] + ["body"] * (len(body) - 1) + ["title", "title+"])
    assert (article.kicker, article.title) == (kicker, title)


def test_a_wrapped_clause_is_no_title():
    # A clause that stops mid-word at a column break, with the rest of its sentence in the next
    # column: running text, however short the line.
    body = _wrap(_FIRST_BODY[0], 15)
    page = _page([], body[:2] + ["", "增长6.2%，增速比上月加", ""] + ["快0.4个百分点。"] + body[2:], ["全市秋粮喜获丰收"])
    articles = segment_page(page)
    assert [a.title for a in articles] == ["全市秋粮喜获丰收", "国庆假期全市接待游客三百二十万人次"]
    assert "增速比上月加快0.4个百分点。" in articles[0].body



BANNER_PAGE = """第3版

{label}

本报讯（记者 张华）今年以来，全县
新修和改造农村公路八十公里，通
客车的村达到一百二十个，群众出
行更加方便。

县医院新门诊楼启用

本报讯 县医院新门诊楼日前正式启
用，设置诊室六十间，日接诊能力
提高到三千人次。
"""


def _built(label: str, label_tag: str):
    from brief.ingest.segment.assemble import build
    from brief.ingest.segment.features import page_features, rules_reading

    lines, features = page_features(BANNER_PAGE.format(label=label))
    judged, _ = rules_reading(features)
    # what a tagger misled by the banner makes of it: the line under the banner is furniture too
    tags = ["furniture", label_tag, "lead", "body", "body", "body", "title", "lead", "body", "body"]
    return build(lines, tags, judged=judged)


@pytest.mark.parametrize("label_tag", ["furniture", "lead"])
def test_a_lone_line_above_a_dateline_is_its_title_when_that_pairs_every_headline(label_tag):
    articles = _built("全县新修农村公路八十公里", label_tag)
    assert [(a.title, a.body[:4]) for a in articles] == [("全县新修农村公路八十公里", "今年以来"), ("县医院新门诊楼启用", "县医院新")]
    assert articles[0].reporters == ["张华"]


def test_a_label_framed_by_marks_above_a_dateline_is_no_title():
    assert "·简讯·" not in [a.title for a in _built("·简讯·", "furniture")]


def _built_from(text: str, tags: list[str], heads_first: bool = False):
    from brief.ingest.segment.assemble import build
    from brief.ingest.segment.features import page_features, rules_reading

    lines, features = page_features(text)
    judged, _ = rules_reading(features)
    assert len(lines) == len(tags)
    return build(lines, tags, heads_first=heads_first, judged=judged)


def test_a_title_printed_right_under_its_story_s_closing_credit_is_not_read_on_into_the_text():
    # headlines after their bodies, no blank line between the credit and the title's first line,
    # which the column broke inside a word: the story ended at its credit
    first = _wrap("本报讯 " + _FIRST_BODY[0] + _FIRST_BODY[1] + "（通讯员 唐炜嘉）", 15, first_indent=False)
    second = _wrap("本报讯 " + _SECOND[0], 15, first_indent=False)
    text = "\n".join([*first, "全市秋", "粮喜获丰收", "", *second, "国庆假期文旅消费回暖"])
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "title+", "lead"] + ["body"] * (len(second) - 1) + ["title"]
    story, _ = _built_from(text, tags)
    assert (story.title, story.reporters) == ("全市秋粮喜获丰收", ["唐炜嘉"])
    assert story.body.endswith("颗粒归仓有保障。")


def test_a_title_printed_right_under_its_writer_s_name_in_brackets_is_not_read_on_into_the_text():
    # as above, the story signed with its writer's name alone (``……有保障。（钱悦）``)
    first = _wrap("本报讯 " + _FIRST_BODY[0] + _FIRST_BODY[1] + "（钱悦）", 15, first_indent=False)
    second = _wrap("本报讯 " + _SECOND[0], 15, first_indent=False)
    assert first[-1].endswith("。（钱悦）")
    text = "\n".join([*first, "全市秋", "粮喜获丰收", "", *second, "国庆假期文旅消费回暖"])
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "title+", "lead"] + ["body"] * (len(second) - 1) + ["title"]
    story, _ = _built_from(text, tags)
    assert story.title == "全市秋粮喜获丰收"
    assert story.body.endswith("（钱悦）")


def test_a_series_name_read_as_the_title_is_the_kicker_of_the_headline_line_below_it():
    # the series' name tagged as the title, the real title as the page's furniture
    second = _wrap("新华社北京10月9日电 " + _SECOND[0], 15)
    text = "\n".join(["推动高质量发展系列主题新闻发布会", "", "全市文旅消费持续回暖", "", *second])
    tags = ["title", "furniture", "lead"] + ["body"] * (len(second) - 1)
    (article,) = _built_from(text, tags)
    assert (article.kicker, article.title) == ("推动高质量发展系列主题新闻发布会", "全市文旅消费持续回暖")


def test_a_kicker_printed_under_its_title_keeps_the_undashed_subtitle_below_it():
    # headlines before their bodies: the title broken over two lines, then (after a blank line) the
    # series' kicker and an undashed subtitle; before, the subtitle became the title and the real
    # title, paired with no body, was lost
    first = _wrap("本报讯（记者 钱悦）" + _SECOND[0] + _SECOND[1], 15)
    text = "\n".join(["全市文旅消费持续回暖 国庆", "假期接待游客创新高", "", "奋进新征程", "夜游研学等新产品带动住宿", "餐饮消费", "", *first])
    tags = ["title", "title+", "kicker", "subtitle", "subtitle", "lead"] + ["body"] * (len(first) - 1)
    (article,) = _built_from(text, tags, heads_first=True)
    assert (article.kicker, article.title) == ("奋进新征程", "全市文旅消费持续回暖 国庆假期接待游客创新高")
    assert article.subtitle == "夜游研学等新产品带动住宿餐饮消费"


def test_a_byline_above_the_first_story_does_not_make_a_page_read_its_headlines_first():
    # headlines after their bodies, the first story's byline above its text: paired as a headline
    # above its story, it tipped the page to headlines-first and moved every title onto the next
    # story; a byline stands above its story either way, and is that story's
    first = _wrap(_FIRST_BODY[0] + _FIRST_BODY[1], 15)
    second = _wrap("本报讯（记者 钱悦）" + _SECOND[0], 15)
    third = _wrap("全市新建充电桩一千二百个，覆盖所有乡镇，新能源汽车下乡更方便。", 15)
    text = "\n".join([
        "本报记者 赵磊", "", *first, "", "全市重点项目集中开工", "——总投资超过两百亿元", "", *second, "",
        "老旧小区改造进度过半", "", *third, "", "城区新增三条公交线路",
    ])
    tags = (
        ["byline", "lead"] + ["body"] * (len(first) - 1) + ["title", "subtitle", "lead"] + ["body"] * (len(second) - 1)
        + ["title", "lead"] + ["body"] * (len(third) - 1) + ["title"]
    )
    assert [(a.title, a.reporters) for a in _built_from(text, tags)] == [
        ("全市重点项目集中开工", ["赵磊"]), ("老旧小区改造进度过半", ["钱悦"]), ("城区新增三条公交线路", []),
    ]


def test_a_dateline_the_tagger_took_for_a_headline_still_opens_the_body():
    body = _wrap(_FIRST_BODY[0], 15, first_indent=False)
    text = "\n".join(["全市秋粮喜获丰收", "", "本报吕梁 10 月 23", "日讯（记者 赵磊）" + body[0]] + body[1:])
    # a tagger misled by the break: the dateline's first line a title, its second a byline
    tags = ["title", "title+", "byline"] + ["body"] * (len(body) - 1)
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收"
    assert article.dateline == Dateline(place="吕梁", date="10月23日")
    assert article.reporters == ["赵磊"]
    assert article.paragraphs[0].startswith("树立大食物观")


_CAPTIONED = """本报讯（记者 赵磊）全市今年新建高
标准农田十二万亩，粮食播种面积稳
定在四百万亩以上。

{title}
10月20日，农机手在田间收割玉米。（本报记者 王强 摄）

本报讯（记者 钱悦）今年国庆假期全
市接待游客三百二十万人次，同比增
长百分之十一。

国庆假期全市接待游客三百二十万人次
"""
# what a tagger misled by the photo caption under it makes of the first title: a caption's line
_MISLED = ["lead", "body", "body", "caption", "caption", "lead", "body", "body", "title"]


def _built_with_model(text: str, tags: list[str]):
    from brief.ingest.segment.assemble import build
    from brief.ingest.segment.features import page_features, rules_reading

    lines, features = page_features(text)
    judged, _ = rules_reading(features)
    return build(lines, tags, judged=judged), build(lines, tags, judged=judged, features=features)


def test_a_story_left_untitled_gets_the_line_the_model_thinks_likeliest_its_title():
    without, with_model = _built_with_model(_CAPTIONED.format(title="全市新建高标准农田十二万亩"), _MISLED)
    assert [a.title for a in without if a.kind == ARTICLE] == ["", "国庆假期全市接待游客三百二十万人次"]
    assert [(a.kind, a.title) for a in with_model] == [
        (ARTICLE, "全市新建高标准农田十二万亩"), (CAPTION, ""), (ARTICLE, "国庆假期全市接待游客三百二十万人次"),
    ]
    assert with_model[1].body.startswith("10月20日，农机手")


def test_an_untitled_storys_title_broken_over_two_lines_comes_back_whole():
    text = _CAPTIONED.format(title="全市今年新建高标准\n农田十二万亩")
    without, with_model = _built_with_model(text, _MISLED[:4] + ["caption"] + _MISLED[4:])
    assert [a.title for a in without if a.kind == ARTICLE] == ["", "国庆假期全市接待游客三百二十万人次"]
    assert [(a.kind, a.title) for a in with_model] == [
        (ARTICLE, "全市今年新建高标准农田十二万亩"), (CAPTION, ""), (ARTICLE, "国庆假期全市接待游客三百二十万人次"),
    ]


def test_a_title_set_above_a_photos_caption_is_found_past_the_caption():
    text = "\n".join([
        "国庆假期全市接待游客三百二十万人次", "", "本报讯（记者 钱悦）今年国庆假期全", "市接待游客三百二十万人次，同比增",
        "长百分之十一。", "", "全市新建高标准农田十二万亩", "10月20日，农机手在田间收割玉米，",
        "一派丰收景象。（本报记者 王强 摄）", "本报讯（记者 赵磊）全市今年新建高", "标准农田十二万亩，粮食播种面积稳",
        "定在四百万亩以上。",
    ])
    # the headline, the photo's caption and its credit all read as one caption
    tags = ["title", "lead", "body", "body", "caption", "caption", "caption", "lead", "body", "body"]
    without, with_model = _built_with_model(text, tags)
    assert [(a.kind, a.title) for a in without][-1] == (ARTICLE, "")
    assert [(a.kind, a.title) for a in with_model] == [
        (ARTICLE, "国庆假期全市接待游客三百二十万人次"), (CAPTION, ""), (ARTICLE, "全市新建高标准农田十二万亩"),
    ]
    assert with_model[1].body.startswith("10月20日，农机手")


def test_a_line_that_shares_nothing_with_the_untitled_story_is_not_its_title():
    # the same place, a title-like line about something else: the story stays untitled
    _, with_model = _built_with_model(_CAPTIONED.format(title="县医院新门诊楼正式启用"), _MISLED)
    assert [a.title for a in with_model if a.kind == ARTICLE] == ["", "国庆假期全市接待游客三百二十万人次"]


def test_an_untitled_storys_title_is_found_where_the_model_reads_a_dated_line_on_into_it():
    # title / its dated restatement, both read as the page's furniture under a photo's caption: the
    # model, once the first is a title, reads the second as its next line, which no title goes on with
    first, second = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap(_SECOND[0], 15)
    text = "\n".join([
        "全市秋粮喜获丰收", "", *first, "", "游客在古城墙下拍照留念。 本报记者 王强 摄", "", "国庆假期旅游收入增长", "",
        "国庆假期全市旅游收入今天（10月9日）公布", "", *second,
    ])
    tags = ["title", "lead"] + ["body"] * (len(first) - 1) + ["caption", "furniture", "furniture", "lead"] + ["body"] * (len(second) - 1)
    without, with_model = _built_with_model(text, tags)
    assert [a.title for a in without] == ["全市秋粮喜获丰收", "", ""]
    assert [(a.kind, a.title) for a in with_model] == [(ARTICLE, "全市秋粮喜获丰收"), (CAPTION, ""), (ARTICLE, "国庆假期旅游收入增长")]


def test_a_headline_set_among_photos_captions_above_its_story_s_byline_is_its_title():
    # credit / a picture's line / the headline / another picture's caption / byline / text: the model
    # is sure the headline is a caption's line; it restates the story, which has only a byline above
    first = _wrap("本报讯 " + _FIRST_BODY[0], 15)
    second = _wrap(_SECOND[0], 15) + _wrap(_SECOND[1], 15)
    text = "\n".join([
        "全市秋粮喜获丰收", "", *first, "", "农机手在田间抢收玉米。", "本报记者 孔辉 摄", "10月1日，市民在广场上观看升旗仪式。", "",
        "国庆假期文旅消费回暖", "", "图为游客在古城墙下拍照留念。", "本报记者 王强 摄", "", "本报记者 钱悦", "", *second,
    ])
    tags = ["title", "lead"] + ["body"] * (len(first) - 1) + ["caption"] * 6 + ["byline", "lead"] + ["body"] * (len(second) - 1)
    without, with_model = _built_with_model(text, tags)
    assert [(a.kind, a.title) for a in without][-1] == (ARTICLE, "")
    assert [(a.kind, a.title, a.reporters) for a in with_model][-2:] == [
        (CAPTION, "", ["王强"]), (ARTICLE, "国庆假期文旅消费回暖", ["钱悦"]),
    ]


def test_a_headline_read_as_a_subhead_with_only_a_caption_above_it_is_the_first_story_s():
    # no story's text above it on the page: a subhead parts a story's text, so this is a headline
    body = _wrap(_FIRST_BODY[0], 15) + _wrap(_FIRST_BODY[1], 15)
    text = "\n".join(["10月20日，农机手在田间收割玉米。", "本报记者 王强 摄", "", "全市秋粮喜获丰收", "", *body])
    tags = ["caption", "caption", "subhead", "subhead"] + ["body"] * (len(body) - 1)
    without, with_model = _built_with_model(text, tags)
    assert [(a.kind, a.title) for a in without] == [(CAPTION, ""), (ARTICLE, "")]
    assert [(a.kind, a.title) for a in with_model] == [(CAPTION, ""), (ARTICLE, "全市秋粮喜获丰收")]
    assert with_model[1].body.startswith("树立大食物观")


def test_a_headline_read_as_a_subhead_right_above_the_next_dateline_is_that_story_s():
    first, last = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap(_FIRST_BODY[1], 15)
    second = _wrap("本报讯（记者 钱悦）" + _SECOND[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", "", *first, "", *last, "", "国庆假期文旅消费回暖", "", *second])
    tags = ["title", "lead"] + ["body"] * (len(first) + len(last) - 1) + ["subhead"] + ["body"] * len(second)
    without, with_model = _built_with_model(text, tags)
    assert [a.title for a in without] == ["全市秋粮喜获丰收", ""]
    assert [a.title for a in with_model] == ["全市秋粮喜获丰收", "国庆假期文旅消费回暖"]
    assert with_model[0].body.endswith("颗粒归仓有保障。") and with_model[1].reporters == ["钱悦"]


def test_subheads_inside_a_story_above_its_next_paragraph_stay_subheads():
    # the same subhead with the story going on below it (no dateline): it parts that story's text
    first, last = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap(_FIRST_BODY[1], 15)
    text = "\n".join(["全市秋粮喜获丰收", "", *first, "", "农机作业提速增效", "", *last])
    tags = ["title", "lead"] + ["body"] * (len(first) - 1) + ["subhead"] + ["body"] * len(last)
    _, with_model = _built_with_model(text, tags)
    assert [(a.title, a.paragraphs[1]) for a in with_model] == [("全市秋粮喜获丰收", "农机作业提速增效")]


def test_a_headline_pairs_with_the_body_that_shares_its_words():
    # One headline between two bodies, nothing else on the page to tell the reading: the title
    # goes with the story it restates (the one below), not with the one above.
    first = _wrap(_FIRST_BODY[0], 15)
    second = _wrap(_SECOND[0], 15)
    text = "\n".join(first + ["", "全市国庆假期接待游客三百二十万人次", ""] + second)
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "lead"] + ["body"] * (len(second) - 1)
    untitled, titled = _built_from(text, tags)
    assert (untitled.title, titled.title) == ("", "全市国庆假期接待游客三百二十万人次")
    assert titled.paragraphs[0].startswith("市文旅局日前发布消息")


@pytest.mark.parametrize(
    "text",
    ["本报吕梁10月23", "本报吕梁 10 月 23", "日讯（记者 赵磊）", "讯（记者 秦若 杨怡）", "新华社北京10月17日电",
     "本报记者 王龙飞 王佳丽", "新华社记者 石媛娜 龚彬文", "（记者 赵磊）", "专线。", "全市新建高标准农田，",
     "，增速比上月加快", "本报记者", "晋中日报记者", "本报记者周凯实习生钱悦", "市长表示，今冬供暖将提前五",
     "张卫东指出，全市农田", "本报", "新华社", "本报记者樊芸梅严海蔚", "【编者按】近年来", "编者按：全市",
     "（三）全市已建成博物馆体系", "二、加快建设高标准农田", "（资料图片）", "图表：数说变化", "市长指出",
     "责编：黄立 校对：宋雨", "本版编辑 刘丽", "滨江晚报 A05 要闻", "临川日报 第3版",
     "省长在全省经济工作会议上的讲话中指出", "外电报道称", "今天（6月5日）是世界环境日", "相关链接", "延伸阅读",
     "昨晚（11月30日）我国成功发射一颗卫星", "2024年6月25日", "6 月 25 日"],
)
def test_what_is_never_a_title(text):
    from brief.ingest.segment.assemble import no_title

    assert no_title(text)


@pytest.mark.parametrize(
    "text",
    ["全市秋粮喜获丰收", "习近平同巴西总统共见记者", "第三届链博会：为全球供应链注入新动能",
     "人民日报评论员文章：更加注重改革实效，以钉钉子精神抓好改革落实", "本报评论员：把惠民实事办到群众心坎上",
     "守好粮袋子，护好菜篮子", "王丽：扎根乡村二十年", "人民日报评论员文章：稳住农业基本盘", "C919 大飞机完成第1000架次飞行",
     "省委书记在全省乡村振兴推进会上强调", "（受权发布）中华人民共和国粮食安全保障法", "一图读懂全市秋粮收获",
     "6月25日起全省实行新规"],
)
def test_titles_pass_the_no_title_guard(text):
    from brief.ingest.segment.assemble import no_title

    assert not no_title(text)


def test_a_headline_broken_inside_a_figure_is_one_title():
    first = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(first + ["", "全市粮食产量同比增长3.", "4%"])
    # the tagger read the figure's second half as a kicker of its own
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "kicker"]
    (article,) = _built_from(text, tags)
    assert article.title == "全市粮食产量同比增长3.4%"


def test_reporters_named_right_under_a_headline_are_its_storys_not_the_pages():
    first = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(first + ["", "全市秋粮收获进度过九成", "", "本报记者 张晓明 刘思远", "", "聚焦秋收"])
    # the tagger read the byline as page furniture, like the column label below it
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "furniture", "furniture"]
    (article,) = _built_from(text, tags)
    assert (article.title, article.reporters) == ("全市秋粮收获进度过九成", ["张晓明", "刘思远"])


def test_a_columns_name_printed_under_a_title_is_no_part_of_it():
    page = _page([], _wrap(_FIRST_BODY[0], 15), ["全市秋粮收获进度过九成", "新闻观察"])
    first, _ = segment_page(page)
    assert (first.kicker, first.title) == ("新闻观察", "全市秋粮收获进度过九成")


@pytest.mark.parametrize(
    ("lines", "title"),
    [(["【全市粮食产量同比", "增长3.4%】"], "全市粮食产量同比增长3.4%"),
     (["■全市粮食产量同比增长3.4%"], "全市粮食产量同比增长3.4%"),
     (["【秋收进行时】全市粮食产量同比", "增长3.4%"], "【秋收进行时】全市粮食产量同比增长3.4%")],
)
def test_a_brief_title_loses_its_marks_but_keeps_a_column_tag(lines, title):
    # A brief printed as 【title】 or ■title: the marks frame it, they are no part of it; a 【tag】
    # in front of the title's words is part of what was printed as the title.
    first = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(first + [""] + lines)
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title"] + ["title+"] * (len(lines) - 1)
    (article,) = _built_from(text, tags)
    assert article.title == title


def test_a_jump_line_broken_over_two_lines_is_still_the_jump():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body[:-1] + [body[-1] + " （", "下转第 2 版）", "", "全市秋粮喜获丰收"])
    (article,) = segment_page(text)
    assert article.continued_to == "第2版"
    assert "下转" not in article.body and not article.body.endswith("（")


@pytest.mark.parametrize("credit", [["（记者 赵磊 通讯员 王芳）"], ["（记者 赵磊", "通讯员 王芳）"]])
def test_reporters_credited_after_the_last_sentence_leave_the_text(credit):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body[:-1] + [body[-1] + credit[0]] + credit[1:] + ["", "全市秋粮喜获丰收"])
    tags = ["lead"] + ["body"] * (len(body) - 1 + len(credit) - 1) + ["title"]
    (article,) = _built_from(text, tags)
    assert article.reporters == ["赵磊", "王芳"]
    assert article.body.endswith("。") and "记者" not in article.body
    assert article.title == "全市秋粮喜获丰收"


@pytest.mark.parametrize("credit", [["（晋中晚报记者高蕾实习生孟丽）连日"], ["（全媒体记者 高", "蕾 实习生 孟丽）连日"]])
def test_reporters_credited_where_a_body_opens_without_a_dateline_leave_the_text(credit):
    body = credit + ["来，全市秋粮收获进度", "过九成，农民抢抓晴好天", "气晾晒归仓。"]
    text = "\n".join(["全市秋粮喜获丰收", ""] + body)
    (article,) = _built_from(text, ["title", "lead"] + ["body"] * (len(body) - 1))
    assert article.reporters == ["高蕾", "孟丽"]
    assert article.paragraphs[0].startswith("连日来，全市秋粮")


def test_a_city_paper_s_own_dateline_and_letter_spaced_reporters_leave_the_text():
    body = ["汾河晚报讯（首席记者 武 岚", "欣 实习生 赵 磊）连日来，全市", "秋粮收获进度过九成。"]
    (article,) = _built_from("\n".join(["全市秋粮喜获丰收", ""] + body), ["title", "lead", "body", "body"])
    assert article.dateline is not None
    assert article.reporters == ["武岚欣", "赵磊"]
    assert article.paragraphs == ["连日来，全市秋粮收获进度过九成。"]


@pytest.mark.parametrize(
    "dateline, reporters",
    [
        # the column's end parts a name: a letter left alone belongs across the break
        (["本报吕梁 10 月 23 日讯（记者 赵磊 王", "晓芳）"], ["赵磊", "王晓芳"]),
        (["本报吕梁 10 月 23 日讯（记者 赵磊", "芳 王晓芳 通讯员 李", "明）"], ["赵磊芳", "王晓芳", "李明"]),
        # a break that parts two names is a space, not one name
        (["本报吕梁 10 月 23 日讯（记者 赵磊", "王晓芳）"], ["赵磊", "王晓芳"]),
        # a dateline printed justified, and one whose date the column's end parts
        (["本 报 吕 梁   10   月   23   日 讯", "（记者 赵磊 王晓芳）"], ["赵磊", "王晓芳"]),
        (["新华社吕梁10月2", "3日电（记者 赵磊", "芳 王晓芳）"], ["赵磊芳", "王晓芳"]),
        # names printed run together cannot be told apart, but they are no part of the text
        (["本报吕梁 10 月 23 日讯（记者赵磊王晓芳）"], ["赵磊王晓芳"]),
        # a role parted from its rank or outlet, a role carrying its outlet, a name printed letter by letter
        (["本报吕梁 10 月 23 日讯（见习", "记者 赵磊 通讯员 王晓芳）"], ["赵磊", "王晓芳"]),
        (["本报吕梁 10 月 23 日讯（本报", "记者 赵磊 王晓芳）"], ["赵磊", "王晓芳"]),
        (["本报吕梁 10 月 23 日讯（汾河晚报记者 赵", "磊）"], ["赵磊"]),
        (["新华社吕梁10月23日电（记者 李明 王晓芳", "赵 小 明 ）"], ["李明", "王晓芳", "赵小明"]),
        # an evening paper's form, its colon carried to the next line
        (["本报讯 记者赵磊 通讯员王晓芳报道", "："], ["赵磊", "王晓芳"]),
    ],
)
def test_a_dateline_s_reporters_leave_the_text_however_the_column_broke_them(dateline, reporters):
    body = _wrap(_FIRST_BODY[0], 15, first_indent=False)
    lines = dateline[:-1] + [dateline[-1] + body[0]] + body[1:]
    (article,) = _built_from("\n".join(["全市秋粮喜获丰收", ""] + lines), ["title", "lead"] + ["body"] * (len(lines) - 1))
    assert article.dateline is not None
    assert article.reporters == reporters
    assert article.paragraphs[0].startswith("树立大食物观")


@pytest.mark.parametrize("byline", ["文/图 本报记者 赵磊 王晓芳", "图/文 记者 赵磊 王晓芳"])
def test_who_wrote_and_who_took_the_pictures_is_no_reporter(byline):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", byline, ""] + body)
    (article,) = _built_from(text, ["title", "byline", "lead"] + ["body"] * (len(body) - 1))
    assert article.reporters == ["赵磊", "王晓芳"]


def test_a_one_paragraph_story_credited_at_its_end_keeps_its_dateline_s_line_breaks():
    # the closing credit is cut from the paragraph's text; the reporters above must still be read
    # with the column's breaks, not as one run of spaced letters
    lines = ["本报吕梁 10 月 23 日讯（记者 赵磊 王", "晓芳）" + _FIRST_BODY[0][:12]] + _wrap(_FIRST_BODY[0][12:], 15) + ["（记者 李明）"]
    (article,) = _built_from("\n".join(["全市秋粮喜获丰收", ""] + lines), ["title", "lead"] + ["body"] * (len(lines) - 1))
    assert sorted(article.reporters) == sorted(["李明", "赵磊", "王晓芳"])
    assert article.paragraphs == [_FIRST_BODY[0]]


def test_a_bracket_at_the_end_of_a_body_that_credits_no_one_stays():
    body = _wrap("全市新建高标准农田十二万亩，其中改造提升四万亩（不含在建项目）", 15)
    text = "\n".join(body + ["", "全市新建高标准农田十二万亩"])
    (article,) = _built_from(text, ["lead"] + ["body"] * (len(body) - 1) + ["title"])
    assert article.body.endswith("（不含在建项目）") and article.reporters == []


def test_captions_in_a_row_split_after_each_credit_whoever_gave_the_picture():
    body = _wrap(_FIRST_BODY[0], 15)
    captions = ["农机手在田间抢收玉米。 新华", "社发", "收获后的玉米晾晒在村口。", "（本报资料图片）",
                "村民在合作社分拣谷物。 县农业", "农村局供图"]
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + captions)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title"] + ["caption"] * len(captions)
    article, *pictures = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收"
    assert [p.kind for p in pictures] == ["caption"] * 3
    assert [p.body[:4] for p in pictures] == ["农机手在", "收获后的", "村民在合"]


def test_an_uncredited_caption_ends_where_a_block_opens_after_its_last_sentence():
    # two pictures, the first caption without a credit: the blank line after its sentence parts
    # them; a credit alone, or a ``图为`` naming the same picture, after such a break stays with it
    body = _wrap(_FIRST_BODY[0], 15)
    captions = ["10月16日，农机手在田间抢收", "玉米。", "", "收获后的玉米晾晒在村口。", "本报记者 周凯 摄",
                "", "村民在合作社分拣谷物。", "", "图为县城粮库一角。", "", "本报记者 孔辉 摄"]
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + captions)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title"] + ["caption"] * (len(captions) - captions.count(""))
    article, *pictures = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收"
    assert [p.body.rstrip("。") for p in pictures] == [
        "10月16日，农机手在田间抢收玉米", "收获后的玉米晾晒在村口", "村民在合作社分拣谷物。图为县城粮库一角",
    ]


def test_text_read_back_from_caption_tags_keeps_its_first_line_and_no_byline():
    # headlines after bodies: a credited caption, then a byline broken after ``本报记`` and the
    # story's first line, all tagged caption, the second line tagged as the lead
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["10月16日，农机手在田间抢收玉米。", "本报记者 周凯 摄", "", "本报记", "者 张宸帅", ""] + body + ["", "全市秋粮喜获丰收"])
    tags = ["caption"] * 5 + ["lead"] + ["body"] * (len(body) - 2) + ["title"]
    articles = _built_from(text, tags)
    [harvest] = [a for a in articles if a.kind == ARTICLE]
    assert (harvest.title, harvest.body) == ("全市秋粮喜获丰收", _FIRST_BODY[0])
    assert [a.body.rstrip("。") for a in articles if a.kind == CAPTION] == ["10月16日，农机手在田间抢收玉米"]


@pytest.mark.parametrize(("kicker", "title", "subtitle"), [
    ("全市秋粮收获工作推进会召开", "全市秋粮收获工作推进会召开", "副市长张强10月16日主持召开全市秋粮收获工作推进会"),
    # a series' name above a lead's words stays the kicker: it says nothing the dated line says
    ("新思想引领新征程", "副市长张强10月16日主持召开全市秋粮收获工作推进会", ""),
])
def test_a_dated_line_under_a_headline_line_that_it_restates_is_the_subtitle(kicker, title, subtitle):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", kicker, "副市长张强10月16日主持召开全市", "秋粮收获工作推进会"])
    article, = _built_from(text, ["lead"] + ["body"] * (len(body) - 1) + ["kicker", "title", "title+"])
    assert (article.title, article.subtitle) == (title, subtitle)
    assert article.kicker == ("" if subtitle else kicker)


@pytest.mark.parametrize("head", [
    ["推动高质量发展系列主题新闻", "发布会", "全市秋粮收获取得重大进展"],
    # the name alone on the last line; the title above it broken inside a word
    ["全市秋粮收获取得重", "大进展", "推动高质量发展系列主题新闻发布会"],
])
def test_a_series_name_broken_over_lines_is_no_part_of_the_title(head):
    body = _wrap(_FIRST_BODY[0], 15)
    article, = _built_from("\n".join(body + [""] + head), ["lead"] + ["body"] * (len(body) - 1) + ["title", "title+", "title+"])
    assert (article.kicker, article.title) == ("推动高质量发展系列主题新闻发布会", "全市秋粮收获取得重大进展")


def test_a_dateline_justified_letter_by_letter_opens_its_story():
    # a brief with no title right below another story's text: its dateline, spaced out letter by
    # letter over the column and broken before ``讯``, is what opens it
    text = "\n".join([
        "全市秋粮收获进度过九成", "", "本报长治10月16日讯（记者 周凯）", "连日来，全市各地抓住晴好天气，",
        "组织农机手抢收秋粮，进度快于去", "年同期。", "", "本 报 武 威 4 月 13 日", "讯（记者 孔辉）市文旅局日前发布",
        "消息，今年国庆假期全市接待游客", "三百二十万人次。",
    ])
    harvest, tourism = _built_from(text, ["title", "lead", "body", "body", "body", "lead", "body", "body", "body"])
    assert harvest.body.endswith("进度快于去年同期。")
    assert (tourism.dateline, tourism.reporters) == (Dateline(place="武威", date="4月13日"), ["孔辉"])
    assert tourism.body.startswith("市文旅局日前发布消息")


@pytest.mark.parametrize("title", [["文旅消费持续升温 假日经济亮点纷呈"], ["文旅消费持续升温 假日经", "济亮点纷呈"]])
def test_what_follows_a_credit_above_a_lead_is_no_part_of_that_caption(title):
    # headlines first: a credited caption, then the first story's text and the second story's
    # column name and title, all tagged caption; the credit ends the picture's words
    first, second = _wrap(_FIRST_BODY[0], 15), _wrap(_SECOND[0], 15)
    text = "\n".join(
        ["全市秋粮喜获丰收", "", "10月16日，农机手在田间抢收玉米。", "（资料图片）", ""] + first + ["", "记者观察"] + title + second
    )
    tags = ["title"] + ["caption"] * (2 + len(first) + 1 + len(title)) + ["lead"] + ["body"] * (len(second) - 1)
    articles = _built_from(text, tags, heads_first=True)
    [picture] = [a for a in articles if a.kind == CAPTION]
    harvest, tourism = [a for a in articles if a.kind == ARTICLE]
    assert (harvest.title, harvest.body) == ("全市秋粮喜获丰收", _FIRST_BODY[0])
    assert picture.body == "10月16日，农机手在田间抢收玉米。（资料图片）"
    assert (tourism.kicker, tourism.title) == ("记者观察", "文旅消费持续升温 假日经济亮点纷呈")
    assert tourism.body == _SECOND[0]


@pytest.mark.parametrize(("lines", "kept"), [(["喜迎丰收季 共绘新画卷"], False), (["图表：全市秋粮收获主要数据"], True)])
def test_a_line_tagged_caption_that_neither_says_nor_credits_anything_is_no_caption(lines, kept):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", "全市秋粮喜获丰收", "", "农机手在田间抢收玉米。 本报记者 孔辉 摄", ""] + lines)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title", "caption"] + ["caption"] * len(lines)
    article, *pictures = _built_from(text, tags)
    assert [p.body for p in pictures][1:] == (["".join(lines)] if kept else [])


@pytest.mark.parametrize("caption", [["图③：10月16日，农机手在田间", "抢收玉米。"], ["图为村民在合作社分拣", "谷物。"]])
def test_a_caption_that_names_its_picture_stays_a_caption_without_a_credit(caption):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + caption)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title", "caption", "caption"]
    article, picture = _built_from(text, tags)
    assert article.body.endswith(_FIRST_BODY[0][-6:])
    assert picture.kind == "caption" and picture.body == "".join(caption)


@pytest.mark.parametrize("credit_tag", ["caption", "furniture"])
def test_a_credit_printed_alone_above_its_caption_is_no_part_of_its_text(credit_tag):
    body = _wrap(_FIRST_BODY[0], 15)
    captions = ["本报记者 周凯 摄", "10月16日，农机手在田间抢收", "玉米。"]
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + captions)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title", credit_tag, "caption", "caption"]
    article, picture = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收" and "玉米。" not in article.body
    assert picture.kind == "caption"
    assert picture.body == "10月16日，农机手在田间抢收玉米。"
    if credit_tag == "caption":
        assert picture.reporters == ["周凯"]


def test_a_photographer_s_credit_closes_its_caption_however_it_is_printed():
    # Glued to the sentence, broken before 摄, or signed 摄影报道: each closes one caption.
    body = _wrap(_FIRST_BODY[0], 15)
    captions = ["农机手在田间抢收玉米。孙小", "林摄", "收获后的玉米晾晒在村口。王", "晓东", "摄",
                "村民在合作社分拣谷物。 周凯 摄影报道", "合作社的新仓库投入使用。", "新华社发",
                "孩子们在村口放风筝。图/记者 龙梅", "游客在古镇拍照留念。 记者 宋 娜 摄", "夜市灯火通明。"]
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + captions)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title"] + ["caption"] * len(captions)
    article, *pictures = _built_from(text, tags)
    assert [p.kind for p in pictures] == ["caption"] * 7
    assert [p.body[:4] for p in pictures] == ["农机手在", "收获后的", "村民在合", "合作社的", "孩子们在", "游客在古", "夜市灯火"]
    assert [p.reporters for p in pictures] == [["孙小林"], ["王晓东"], ["周凯"], [], ["龙梅"], ["宋娜"], []]


@pytest.mark.parametrize(
    "notice",
    [["李敏不慎遗失身份证一张，证号", "尾号0312，声明作废。"],
     ["本店因业务发展需要，诚聘厨师", "两名。有意者请联系：0351-4567890"]],
)
def test_an_untitled_notice_or_advert_is_no_story(notice):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + notice)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title", "lead", "body"]
    assert [a.title for a in _built_from(text, tags)] == ["全市秋粮喜获丰收"]


def test_a_notice_tagged_as_a_caption_is_no_caption_but_a_credited_one_stays():
    body = _wrap(_FIRST_BODY[0], 15)
    notice = ["李敏不慎遗失身份证一张，证号", "尾号0312，声明作废。"]
    picture = ["市民在商场营业时间内选购年货。", "本报记者 周凯 摄"]
    text = "\n".join(body + ["", "全市秋粮喜获丰收", ""] + picture + [""] + notice)
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title", "caption", "caption", "caption", "caption"]
    built = _built_from(text, tags)
    assert [(a.kind, a.title) for a in built] == [("article", "全市秋粮喜获丰收"), ("caption", "")]
    assert built[1].reporters == ["周凯"]


def test_a_dated_story_that_gives_a_phone_number_stays_a_story():
    body = _wrap("本报太原10月17日讯 市人社局今天举办招聘会，咨询电话：0351-4567890。", 15)
    text = "\n".join(body + ["", "全市秋粮喜获丰收"])
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["title"]
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收" and "咨询电话" in article.body


@pytest.mark.parametrize("signature", ["本报评论员", "■ 本报评论员", "□本报评论部"])
def test_a_commentary_signature_is_no_part_of_its_title(signature):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", signature, "全市秋粮喜获丰收"])
    (article,) = _built_from(text, ["lead"] + ["body"] * (len(body) - 1) + ["title", "title+"])
    assert article.title == "全市秋粮喜获丰收"


def test_a_byline_behind_the_page_s_mark_broken_over_two_lines_is_no_title():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["□本报记者朱悦", "霞 邹飞颖", ""] + body)
    (article,) = _built_from(text, ["title", "title+", "lead"] + ["body"] * (len(body) - 1))
    assert article.title == ""


def test_the_page_editors_line_is_never_part_of_a_title():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + ["", "全市秋粮喜获丰收", "本版责编：田斌 美编：邹慧"])
    (article,) = _built_from(text, ["lead"] + ["body"] * (len(body) - 1) + ["title", "title+"])
    assert article.title == "全市秋粮喜获丰收"


def test_a_caption_credit_broken_off_by_the_column_end_stays_with_its_caption():
    body = _wrap(_FIRST_BODY[0], 15)
    caption = ["农机手在田间抢收玉米。 记者 孔辉", "国 摄"]
    text = "\n".join(["全市秋粮喜获丰收", ""] + caption + [""] + body)
    tags = ["title", "caption", "furniture", "lead"] + ["body"] * (len(body) - 1)
    built = _built_from(text, tags)
    assert sorted((a.kind, a.title) for a in built) == [("article", "全市秋粮喜获丰收"), ("caption", "")]
    caption_item = next(a for a in built if a.kind == "caption")
    assert caption_item.body.startswith("农机手在田间抢收玉米。")


def test_the_tagger_sees_a_word_cut_by_the_column_and_a_line_ending_on_a_particle():
    from brief.ingest.segment.features import page_features

    lines, features = page_features("全市秋粮收获进度过九成 颗粒归仓有保\n障\n\n本报讯 全市秋粮收获已近尾声，农民的\n收成比去年更好。\n")
    assert [line.raw for line in lines][:2] == ["全市秋粮收获进度过九成 颗粒归仓有保", "障"]
    assert features[0].get("1word_split") and features[1].get("-1word_split")
    assert not features[1].get("1word_split")
    assert features[2].get("0end_open") and features[3].get("-1end_open")


def test_a_reporter_line_tagged_as_a_title_line_goes_to_the_reporters():
    from brief.document import Article
    from brief.ingest.segment.assemble import _fill_headline
    from brief.ingest.segment.tagger import TITLE, TITLE_ON

    article = Article()
    _fill_headline(article, [("全市秋粮收获进度", TITLE), ("过九成", TITLE_ON), ("本报记者 王芳", TITLE_ON)])
    assert article.title == "全市秋粮收获进度过九成" and article.reporters == ["王芳"]


@pytest.mark.parametrize(
    "printed, expected",
    [
        # a marked title, then a space and the text's first words
        (["■全市秋粮收获过半 记者从市农业", "农村局获悉，全市秋粮已收获六成。"], ["■全市秋粮收获过半", "记者从市农业"]),
        (["●冬季供暖管网检修完成 10月20日，", "全市供暖管网检修全部完成。"], ["●冬季供暖管网检修完成", "10月20日，"]),
        # a bracketed title glued to its text
        (["【城区新增公交线路三条】本报讯 市交", "通局日前开通三条公交线路。"], ["【城区新增公交线路三条】", "本报讯 市交"]),
        # a title of two lines that runs in on its second, glued to a dateline broken by the column
        (["■全市冬小麦播种", "进度过八成本报晋", "城10月20日讯 记者从市农业农村局获悉。"], ["■全市冬小麦播种", "进度过八成", "本报晋"]),
        # a bracketed title of two lines closed on its second
        (["【全市冬小麦播", "种进度过八成】连日来，", "各地抢抓墒情播种。"], ["【全市冬小麦播", "种进度过八成】", "连日来，"]),
        # a word broken by the line's end: the text runs on into the next line
        (["■冬储菜集中上市 大白", "菜每斤八角，比去年便宜。"], ["■冬储菜集中上市", "大白"]),
        # the text's opening broken by the line's end: ``本`` / ``报记者……``
        (["●秋粮收购价格公布 本", "报记者日前从市粮食局了解到，"], ["●秋粮收购价格公布", "本"]),
    ],
)
def test_a_brief_s_title_run_in_with_its_text_is_read_as_lines_of_its_own(printed, expected):
    from brief.ingest.segment.rules import _read_lines

    lines = _read_lines("\n".join(printed))
    assert [line.raw for line in lines][: len(expected)] == expected
    split = len(expected) - 1
    # the text's first line keeps the printed line's width (it fills the column) and its block
    assert lines[split].vis > lines[split - 1].vis and not lines[split].blank_before


@pytest.mark.parametrize(
    "printed",
    [
        ["■张灯结彩庆新春 喜庆祥和中国年", "", "本报讯 春节将至，全市各地张灯结彩。"],  # a title's two phrases
        ["■ 冬小麦播种在即 各地准备就绪？", "本报讯 连日来，全市各地抢抓墒情。"],  # a title that asks
        ["■李强会见巴基斯坦参议院主席和国民议会议长", "当地时间 15 日，国务院总理李强在伊斯", "兰堡会见巴基斯坦客人。"],
        ["■李强签署国务院令 公布修订后的《中华人民共", "和国保守国家秘密法实施条例》！", "本报讯 国务院总理李强日前签署。"],
        ["■本报记者 王龙 李娜", "全市秋粮收获过半，农民喜获丰收。"],  # a byline behind the page's mark
        ["■本报讯 全市秋粮收获过半，", "农民喜获丰收。"],  # a dateline behind it
        ["【编者按】 今起本报推出系列报道，", "敬请关注。"],  # a label shorter than a title
        # a marked title ended by a shorter line, its text below opening with a time given apart
        ["■李强出席第27次东盟与中日韩领导", "人会议", "当地时间 10 月10日，国务院总", "理李强在万象出席会议。"],
        # a title, then a text whose letter-spaced lines carry spaces everywhere
        ["□ 中央宣传部追授杨士莪“时代楷模”称号", "中央宣传部日前追授杨士莪", "“时 代 楷 模 ”称 号 。杨 士 莪 ，生", "前系中国工程院院士。"],
    ],
)
def test_a_line_that_only_looks_run_in_stays_whole(printed):
    from brief.ingest.segment.rules import _read_lines

    assert [line.raw for line in _read_lines("\n".join(printed))] == [line for line in printed if line]


def test_an_editor_s_note_and_the_dated_story_below_it_are_one_article():
    note = _wrap("编者按：今起本报推出“秋收一线”系列报道，记录各地抢收抢种的故事，敬请关注。", 15)
    story = _wrap("本报讯（记者 王芳）连日来，全市农机手抢抓晴好天气收获玉米，进度快于去年同期。", 15)
    text = "\n".join(["全市秋粮收获进度过半", ""] + note + story)
    tags = ["title", "lead"] + ["body"] * (len(note) - 1) + ["lead"] + ["body"] * (len(story) - 1)
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮收获进度过半"
    assert article.paragraphs[0].startswith("编者按：今起本报推出") and article.paragraphs[0].endswith("敬请关注。")
    # the story's dateline, after the note, is taken out of the text into the fields
    assert article.paragraphs[1].startswith("连日来，全市农机手") and article.reporters == ["王芳"]
    assert article.dateline is not None


def test_an_editor_s_note_is_never_a_caption():
    caption = ["图/记者 孔辉", "农机手在田间抢收玉米。"]
    note = _wrap("编者按：今起本报推出“秋收一线”系列报道，敬请关注。", 15)
    story = _wrap("本报讯 连日来，全市农机手抢抓晴好天气收获玉米，进度快于去年同期。", 15)
    text = "\n".join(caption + [""] + note + story + ["", "全市秋粮收获进度过半"])
    tags = ["caption", "caption"] + ["caption"] + ["body"] * (len(note) - 1) + ["lead"] + ["body"] * (len(story) - 1) + ["title"]
    built = _built_from(text, tags)
    assert [(a.kind, a.title) for a in built] == [("caption", ""), ("article", "全市秋粮收获进度过半")]
    assert built[1].paragraphs[0].startswith("编者按：")


def test_a_lost_person_notice_or_a_job_offer_printed_as_text_is_no_story():
    story = _wrap(_FIRST_BODY[0], 15)
    notice = _wrap("张某，男，78岁，身高约170厘米，于10月2日在城南附近走失，有知情者请联系13900000000，必有酬谢。", 15)
    text = "\n".join(story + ["", "全市秋粮喜获丰收", ""] + notice)
    tags = ["lead"] + ["body"] * (len(story) - 1) + ["title"] + ["furniture"] * len(notice)
    assert [(a.kind, a.title) for a in _built_from(text, tags)] == [("article", "全市秋粮喜获丰收")]


def test_reporters_signed_after_the_last_sentence_leave_the_text_also_where_the_column_broke_a_name():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body[:-1] + [body[-1] + " ■记者 上官宇", "岚", "", "全市秋粮喜获丰收"])
    (article,) = _built_from(text, ["lead"] + ["body"] * len(body) + ["title"])
    assert article.body == _FIRST_BODY[0] and article.reporters == ["上官宇岚"]


def test_a_paragraph_opening_on_someone_s_words_goes_on_with_its_story():
    # headlines after their bodies: a one-line heading inside the story, then a paragraph that
    # opens on the words of someone the story introduced, is a subhead, not the next story's title
    first = _wrap(_FIRST_BODY[0], 15)
    quote = _wrap("王建国说，全市今年还将新建高标准农田五万亩，确保粮食稳产增产。", 15)
    text = "\n".join(first + ["", "高标准农田建设提速"] + quote + ["", "全市秋粮喜获丰收"])
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "lead"] + ["body"] * (len(quote) - 1) + ["title"]
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收"
    assert article.paragraphs == [_FIRST_BODY[0], "高标准农田建设提速", "王建国说，全市今年还将新建高标准农田五万亩，确保粮食稳产增产。"]


def test_a_heading_read_as_a_title_between_two_parts_of_one_story_is_its_subhead():
    # headlines after their bodies; the text below the heading goes on with the story above it
    first = _wrap("本报讯 今年以来，全市新建高标准农田十二万亩，高标准农田建设完成全年任务的九成，粮食播种面积稳定在四百万亩以上。", 15, first_indent=False)
    rest = _wrap("全市高标准农田建设坚持先建机制、后建工程，新建农田全部落实管护主体，粮食播种面积有保障。", 15)
    text = "\n".join(first + ["", "管护机制同步建立"] + rest + ["", "全市高标准农田建设提速"])
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "lead"] + ["body"] * (len(rest) - 1) + ["title"]
    without, (article,) = _built_with_model(text, tags)
    assert [a.title for a in without] == ["管护机制同步建立", "全市高标准农田建设提速"]  # (the tags as given)
    assert article.title == "全市高标准农田建设提速"
    assert article.paragraphs[1:] == ["管护机制同步建立", "全市高标准农田建设坚持先建机制、后建工程，新建农田全部落实管护主体，粮食播种面积有保障。"]


def test_a_title_between_two_stories_that_share_little_stays_a_title():
    first = _wrap("本报讯 今年以来，全市新建高标准农田十二万亩，高标准农田建设完成全年任务的九成，粮食播种面积稳定在四百万亩以上。", 15, first_indent=False)
    other = _wrap(_SECOND[0], 15)
    text = "\n".join(first + ["", "管护机制同步建立"] + other + ["", "国庆假期文旅消费回暖"])
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["title", "lead"] + ["body"] * (len(other) - 1) + ["title"]
    assert [a.title for a in _built_with_model(text, tags)[1]] == ["管护机制同步建立", "国庆假期文旅消费回暖"]


@pytest.mark.parametrize("broken", [("全市秋粮收", "获进度过九成"), ("我省新建高标准农", "田十二万亩")])
def test_a_title_s_second_line_goes_on_with_it_once_its_kicker_is_settled(broken):
    # the tagger read a column label and the title's first line as two kickers, the second line
    # as a subtitle: with the title settled, the model reads the line below as its second line
    body = _wrap("本报讯（记者 王芳）" + _FIRST_BODY[0] + _FIRST_BODY[1], 15, first_indent=False)
    text = "\n".join(body + ["", "【记者观察】", broken[0], "", broken[1]])
    tags = ["lead"] + ["body"] * (len(body) - 1) + ["kicker", "kicker", "subtitle"]
    (without,), (article,) = _built_with_model(text, tags)
    assert (without.title, without.subtitle) == broken
    assert (article.title, article.subtitle) == ("".join(broken), "")


def test_an_editor_s_note_below_its_story_s_dateline_stays_with_it():
    note = _wrap("编者按：今起本报推出“秋收一线”系列报道，敬请关注。", 15)
    story = _wrap("连日来，全市农机手抢抓晴好天气收获玉米，进度快于去年同期。", 15)
    text = "\n".join(["全市秋粮收获进度过半", "", "本报讯（记者 王芳 通讯员 李明）"] + note + story)
    tags = ["title", "lead"] + ["body"] * (len(note) + len(story))
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮收获进度过半" and article.reporters == ["王芳", "李明"]
    assert article.paragraphs[0].startswith("编者按：")


def _headed(head: list[str], head_tags: list[str]):
    """One story whose headline lines, printed after its body, carry the tags given."""
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(body + [""] + head)
    (article,) = _built_from(text, ["lead"] + ["body"] * (len(body) - 1) + head_tags)
    return article


@pytest.mark.parametrize(
    "opening",
    ["当地时间10月9日上午", "据市气象台12日消息", "市应急管理局12日称", "记者从市农业农村局获悉",
     "市政府新闻办今天（10月9日）召开发布会", "眼下全市秋收进入扫尾阶段", "随着新粮陆续上市"],
)
def test_a_lead_s_opening_printed_under_a_title_is_no_part_of_it(opening):
    article = _headed(["全市秋粮收获进度过九成", opening], ["title", "title+"])
    assert (article.title, article.subtitle) == ("全市秋粮收获进度过九成", opening)


def test_a_lead_s_opening_broken_by_the_column_under_a_title_is_no_part_of_it():
    article = _headed(["全市秋粮收获进度过九成", "记者从市农业农村局了", "解到"], ["title", "title+", "title+"])
    assert (article.title, article.subtitle) == ("全市秋粮收获进度过九成", "记者从市农业农村局了解到")


@pytest.mark.parametrize(
    ("head", "title"),
    [(["市长会见外国友好城市代表团并共同会见", "记者"], "市长会见外国友好城市代表团并共同会见记者"),  # 记者 alone opens nothing
     (["全市秋粮收获进度过九成 农业农村局", "称"], "全市秋粮收获进度过九成 农业农村局称"),  # 称 after no source's date
     (["全市秋粮收获进度过九成 各县区同", "时推进秋种"], "全市秋粮收获进度过九成 各县区同时推进秋种")],  # a word cut
)
def test_a_title_that_only_looks_like_it_ends_on_a_lead_keeps_its_lines(head, title):
    assert "".join(_headed(head, ["title", "title+"]).title.split()) == "".join(title.split())


@pytest.mark.parametrize(
    ("head", "kicker"),
    [(["“乡村振兴在行动”系列报道之三", "全市秋粮收获进度过九成"], "“乡村振兴在行动”系列报道之三"),
     (["【秋收进行时】", "全市秋粮收获进度过九成"], "【秋收进行时】"),
     (["全市秋粮收获进度过九成", "专题"], "专题"),
     (["全市秋粮收获进度过九成", "深度"], "深度"),
     (["全市秋粮收获进度过九成", "记者蹲点"], "记者蹲点"),
     (["本报独家", "全市秋粮收获进度过九成"], "本报独家")],
)
def test_a_column_s_name_on_a_title_line_of_its_own_is_the_kicker(head, kicker):
    article = _headed(head, ["title", "title+"])
    assert (article.title, article.kicker) == ("全市秋粮收获进度过九成", kicker)


def test_a_column_s_name_broken_over_the_title_s_lines_stays_in_the_title():
    # a bracket the two lines share, and a name that would leave a stub of five characters
    article = _headed(["【乡村振兴系列报道之三", "】全市秋粮收获进度过九成"], ["title", "title+"])
    assert article.title.endswith("全市秋粮收获进度过九成") and not article.kicker
    # read whole, it is a series' name, and that is no title
    article = _headed(["乡村振兴在", "行动系列报道之三"], ["title", "title+"])
    assert article.title == ""


@pytest.mark.parametrize(
    "head", [["“乡村振兴在行动”系列报道之三"], ["聚焦“秋收秋种”系列主题新闻发布会"], ["“文旅融合”专题报道"], ["·秋收秋种系列报道·"]]
)
def test_a_series_name_alone_is_no_title(head):
    assert _headed(head, ["title"]).title == ""


def test_a_special_report_s_name_run_into_a_title_line_goes_to_the_kicker():
    article = _headed(["国庆特别报道", "全市秋粮收获进度过九成"], ["title", "title+"])
    assert (article.title, article.kicker) == ("全市秋粮收获进度过九成", "国庆特别报道")


def test_a_title_that_ends_on_what_someone_said_goes_on_in_the_line_read_as_its_subtitle():
    article = _headed(["全市防汛工作持续推进 市气象台称", "未来三天仍有强降雨"], ["title", "subtitle"])
    assert (article.title, article.subtitle) == ("全市防汛工作持续推进 市气象台称未来三天仍有强降雨", "")
    # a subtitle printed as one (after a dash) stays one
    article = _headed(["全市防汛工作持续推进 市气象台称", "——未来三天仍有强降雨"], ["title", "subtitle"])
    assert article.title == "全市防汛工作持续推进 市气象台称" and article.subtitle.endswith("未来三天仍有强降雨")


@pytest.mark.parametrize("byline", [["□ 本报记者", "赵晓磊"], ["■ 记者", "赵晓磊 王芳"]])
def test_a_byline_broken_after_its_role_under_a_title_is_its_story_s_though_tagged_furniture(byline):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", *byline, ""] + body)
    (article,) = _built_from(text, ["title", "furniture", "furniture", "lead"] + ["body"] * (len(body) - 1))
    assert article.title == "全市秋粮喜获丰收"
    assert article.reporters == byline[1].split()
    assert "记者" not in article.body


def test_a_subtitle_under_what_is_never_a_title_is_the_title_read_a_line_too_low():
    article = _headed(["“乡村振兴在行动”系列报道之三", "全市秋粮收获进度过九成"], ["title", "subtitle"])
    assert (article.title, article.subtitle) == ("全市秋粮收获进度过九成", "")
    # one set off by a dash stays a subtitle
    article = _headed(["“乡村振兴在行动”系列报道之三", "——全市秋粮收获进度过九成"], ["title", "subtitle"])
    assert article.title == "" and article.subtitle.endswith("全市秋粮收获进度过九成")


@pytest.mark.parametrize("tag", ["title+", "subtitle"])
@pytest.mark.parametrize("byline", ["融 媒 记 者 宋 芳 睿", "文 /记 者 宋 芳 睿"])
def test_a_byline_printed_letter_by_letter_under_a_title_is_no_part_of_it(tag, byline):
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["全市秋粮喜获丰收 颗粒归仓", byline, ""] + body)
    (article,) = _built_from(text, ["title", tag, "lead"] + ["body"] * (len(body) - 1))
    assert (article.title, article.subtitle, article.reporters) == ("全市秋粮喜获丰收 颗粒归仓", "", ["宋芳睿"])


def test_a_reporter_s_role_whose_name_the_column_broke_off_is_no_kicker_or_title():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", "颗粒归仓有保障", "■本报记者", "赵晓磊", ""] + body)
    (article,) = _built_from(text, ["title", "title+", "kicker", "furniture", "lead"] + ["body"] * (len(body) - 1))
    assert (article.kicker, article.title, article.reporters) == ("", "全市秋粮喜获丰收颗粒归仓有保障", ["赵晓磊"])
    # the same printed after its story
    article = _headed(["全市秋粮喜获丰收", "颗粒归仓有保障", "■本报记者", "赵晓磊"], ["title", "title+", "kicker", "furniture"])
    assert (article.kicker, article.title, article.reporters) == ("", "全市秋粮喜获丰收颗粒归仓有保障", ["赵晓磊"])


def test_a_byline_printed_letter_by_letter_and_broken_after_its_role_above_a_title_is_no_part_of_it():
    body = _wrap(_FIRST_BODY[0], 15)
    text = "\n".join(["□ 本 报 记 者", "赵晓磊 王芳", "全市秋粮喜获丰收", ""] + body)
    (article,) = _built_from(text, ["title", "title+", "title+", "lead"] + ["body"] * (len(body) - 1))
    assert (article.title, article.reporters) == ("全市秋粮喜获丰收", ["赵晓磊", "王芳"])


@pytest.mark.parametrize(("line", "title"), [("国庆假期文旅消费回暖", "国庆假期文旅消费回暖"), ("（新华社发）", "")])
def test_a_headline_line_tagged_caption_right_above_a_lead_is_its_title_but_a_credit_is_not(line, title):
    first, second = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap("本报讯 " + _SECOND[0], 15)
    text = "\n".join(first + ["", "农机手在田间抢收玉米。 本报记者 孔辉 摄", "", line, ""] + second)
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["caption", "caption", "lead"] + ["body"] * (len(second) - 1)
    built = _built_from(text, tags)
    assert next(a for a in built if a.body.startswith("市文旅局")).title == title


def test_a_byline_that_a_caption_parts_from_its_title_stays_with_that_title():
    # title / photo caption / byline / lead: the byline is the titled headline's, not a headline of its own
    first, second = _wrap(_FIRST_BODY[0], 15), _wrap(_SECOND[0], 15)
    text = "\n".join(
        ["全市秋粮喜获丰收", "", "农机手在田间抢收玉米。 本报记者 孔辉 摄", "", "本报记者 赵晓磊", ""] + first
        + ["", "国庆假期文旅消费回暖", "", "本报记者 王芳", ""] + second
    )
    tags = ["title", "caption", "byline"] + ["lead"] + ["body"] * (len(first) - 1) + ["title", "byline", "lead"] + ["body"] * (len(second) - 1)
    built = _built_from(text, tags)
    assert [(a.kind, a.title, a.reporters) for a in built] == [
        (CAPTION, "", ["孔辉"]), (ARTICLE, "全市秋粮喜获丰收", ["赵晓磊"]), (ARTICLE, "国庆假期文旅消费回暖", ["王芳"]),
    ]


def test_a_title_inside_lines_misread_as_a_caption_without_a_credit_is_still_the_title():
    # the body's last paragraph and the headline printed after it, all tagged caption, no credit:
    # the paragraph is running text, the headline line right above the next dateline is the title
    first = _wrap(_FIRST_BODY[0], 15)
    last = _wrap(_FIRST_BODY[1], 15)
    second = _wrap("本报讯 " + _SECOND[0], 15)
    text = "\n".join(first + [""] + last + ["", "全市秋粮喜获丰收", ""] + second)
    tags = ["lead"] + ["body"] * (len(first) - 1) + ["caption"] * (len(last) + 1) + ["lead"] + ["body"] * (len(second) - 1)
    built = _built_from(text, tags)
    assert [(a.kind, a.title) for a in built][0] == (ARTICLE, "全市秋粮喜获丰收")
    assert built[0].body.endswith("颗粒归仓有保障。")


def test_a_whole_sentence_tagged_title_under_running_text_goes_on_with_that_text():
    # a paragraph of one sentence, alone in its block, tagged title: no title is a sentence, and the
    # story is not parted by it
    first = _wrap("本报讯 " + _FIRST_BODY[0], 15)
    sentence = _wrap("全市还新建农产品冷链仓库十二座。", 15)
    last = _wrap(_FIRST_BODY[1], 15)
    text = "\n".join(["全市秋粮喜获丰收", ""] + first + [""] + sentence + [""] + last)
    tags = ["title", "lead"] + ["body"] * (len(first) - 1) + ["title"] + ["title+"] * (len(sentence) - 1) + ["lead"] + ["body"] * (len(last) - 1)
    (article,) = _built_from(text, tags)
    assert article.title == "全市秋粮喜获丰收"
    assert "冷链仓库十二座。" in article.body and article.body.endswith("颗粒归仓有保障。")


@pytest.mark.parametrize("credit_tag", ["furniture", "body"])
def test_a_block_read_as_text_that_names_its_picture_is_a_caption_with_the_credit_below_it(credit_tag):
    first, second = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap("本报讯 " + _SECOND[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", ""] + first + ["", "图为农机手在田间抢收", "玉米。", "新华社发", "", "国庆假期文旅消费回暖", ""] + second)
    tags = ["title"] + ["lead"] + ["body"] * (len(first) - 1) + ["body", "body", credit_tag, "title", "lead"] + ["body"] * (len(second) - 1)
    built = _built_from(text, tags)
    assert [(a.kind, a.title) for a in built] == [(ARTICLE, "全市秋粮喜获丰收"), (CAPTION, ""), (ARTICLE, "国庆假期文旅消费回暖")]
    assert built[0].body.endswith("四百万亩以上。") and built[1].body.startswith("图为农机手在田间抢收玉米")


def test_an_uncredited_caption_between_a_headline_and_its_lead_stays_a_caption():
    # a block of one finished sentence, tagged caption, under the title and above the dateline's
    # lead: no story's text (that would be the lead), so the picture's caption, credit or none
    second = _wrap("本报讯 " + _SECOND[0], 15)
    text = "\n".join(["国庆假期文旅消费回暖", "", "游客在古城墙下拍照留念。", ""] + second)
    tags = ["title", "caption", "lead"] + ["body"] * (len(second) - 1)
    built = _built_from(text, tags)
    assert [(a.kind, a.title) for a in built] == [(CAPTION, ""), (ARTICLE, "国庆假期文旅消费回暖")]
    assert built[1].body.startswith("市文旅局")


@pytest.mark.parametrize("heads_first", [True, False])
def test_an_uncredited_caption_after_a_finished_story_is_a_caption_where_headlines_come_first(heads_first):
    # story, a described picture, the next headline: where headlines stand above their stories the
    # picture's line is no story's text; where they stand below, it is the next story's own
    first, second = _wrap("本报讯 " + _FIRST_BODY[0], 15), _wrap(_SECOND[0], 15)
    text = "\n".join(["全市秋粮喜获丰收", ""] + first + ["游客在古城墙下拍照留念。", "国庆假期文旅消费回暖", ""] + second)
    tags = ["title", "lead"] + ["body"] * (len(first) - 1) + ["caption", "title", "lead"] + ["body"] * (len(second) - 1)
    kinds = [a.kind for a in _built_from(text, tags, heads_first=heads_first)]
    assert kinds == ([ARTICLE, CAPTION, ARTICLE] if heads_first else [ARTICLE, ARTICLE])


def test_a_byline_naming_writer_and_photographer_is_no_part_of_the_title():
    text = "\n".join(["新华社北京 3 月 2 日电 国家主席习近平", "2 日在人民大会堂同来华进行国事访问的", "赤道几内亚总统举行会谈。", "",
                      "习近平同赤道几内亚总统会谈", "文/记者 贺立 图/记者 李楠"])
    [article] = segment_page(text)
    assert (article.title, article.reporters) == ("习近平同赤道几内亚总统会谈", ["贺立", "李楠"])


def test_a_bracketed_title_closed_on_a_letter_spaced_line_leaves_its_text_s_opening_to_the_text():
    # ``【……工作会`` / ``议 在 太 原 召 开 】  记 者``: the column stretched the line that closes the
    # title; ``记者`` opens the text (``记者近日从……获悉``), no part of the title
    text = "\n".join(["本报讯 全市今年新建高标准农田十二", "万亩，粮食播种面积稳定在四百万亩", "以上。", "", "【全省秋粮收购工作会",
                      "议 在 太 原 召 开 】  记 者", "近日从省粮食和物资储备局获悉，", "全省秋粮收购工作会议20日在太原", "召开，会议部署今年秋粮收购。"])
    article = segment_page(text)[-1]
    assert article.title == "全省秋粮收购工作会议在太原召开"
    assert article.body.startswith("记者近日从省粮食和物资储备局获悉")


def _two_line_headline_page() -> tuple[str, int]:
    """Two stories, headlines after their bodies, the first headline two plain lines apart; and
    the index of its first line in the text."""
    first = _wrap("本报讯（记者 周凯）" + _FIRST_BODY[0], 15) + _wrap(_FIRST_BODY[1], 15)
    second = _wrap("本报讯（记者 林岚）" + _SECOND[0], 15) + _wrap(_SECOND[1], 15)
    text = "\n".join(first + ["", "全市秋粮喜获丰收", "", "颗粒归仓有保障", ""] + second + ["", "国庆假期文旅消费回暖"])
    return text, len(first) + 1


@pytest.mark.parametrize(
    "upper, lower, headline",
    [
        (22, 22, ("", "全市秋粮喜获丰收颗粒归仓有保障", "")),  # one size: one title over two lines
        (22, 13, ("", "全市秋粮喜获丰收", "颗粒归仓有保障")),  # smaller below: its subtitle
        (13, 22, ("全市秋粮喜获丰收", "颗粒归仓有保障", "")),  # smaller above: its kicker
    ],
)
def test_type_sizes_decide_which_plain_headline_line_is_the_title(upper, lower, headline):
    # the text alone cannot tell a title broken over two lines from a title and its kicker or
    # subtitle; the sizes a PDF sets them in can
    text, at = _two_line_headline_page()
    sizes = [10.0 if line.strip() else 0.0 for line in text.splitlines()]
    sizes[at], sizes[at + 2], sizes[-1] = upper, lower, 20.0
    first, second = segment_page(text, sizes=sizes)
    assert (first.kicker, first.title, first.subtitle) == headline
    assert first.body.startswith("树立大食物观") and second.title == "国庆假期文旅消费回暖"


def test_sizes_that_do_not_fit_the_text_are_not_read():
    text, _ = _two_line_headline_page()
    assert [a.title for a in segment_page(text, sizes=[22.0, 13.0])] == [a.title for a in segment_page(text)]


def _sized_lines(raws: list[str]) -> list:
    from brief.ingest.segment.rules import _Line

    return [_Line(raw=raw, blank_before=not raw.startswith(" ")) for raw in raws]


def test_a_headline_with_two_titles_close_in_size_or_set_in_the_body_s_size_keeps_the_tagger_s_roles():
    # a run of headline lines holding two titles of nearly one size may be two stories' headlines,
    # and lines no larger than the body's type are no headline set apart by size (a brief's bold
    # title): the sizes say nothing of them
    from brief.ingest.segment.assemble import _sized

    tags = ["body", "title", "title+", "body", "title", "title", "body"]
    lines = _sized_lines(["正文", "简讯标题", " 的下一行", "正文", "第一个标题", "第二个标题", "正文"])
    assert _sized(lines, tags, [10, 10, 10, 10, 22, 18, 10]) == tags
    # one title far larger than the other headline lines: those are its kicker or subtitle
    assert _sized(lines, tags, [10, 10, 10, 10, 22, 12, 10])[4:6] == ["title", "subtitle"]


@pytest.mark.parametrize(
    "raw, size, becomes",
    [
        ("全市秋粮喜获丰收", 22, "title"),  # set large: a headline the tagger read as text
        ("全市秋粮喜获丰收", 10, "body"),  # the body's size: text
        ("粮食播种面积稳定在四百万亩以上。", 22, "body"),  # a sentence set large: a lead, not a headline
        ("（本报记者 周凯 摄）", 22, "body"),  # a credit is no headline at any size
        ("晋北商贸公司不慎遗失公章一枚", 22, "body"),  # nor a notice
        ("订购热线13912345678", 22, "body"),  # nor a number to call
        ("第 3 版", 22, "body"),  # nor the page's number
    ],
)
def test_a_line_set_larger_than_the_body_is_a_headline_s_line_whatever_the_tagger_read(raw, size, becomes):
    from brief.ingest.segment.assemble import _sized

    lines = _sized_lines(["各县区抢抓农时", " 秋粮收获进度快于去年同期。", raw, "本报讯 全市今年", " 新建高标准农田"])
    tags = ["body", "body", "body", "lead", "body"]
    assert _sized(lines, tags, [10, 10, size, 10, 10])[2] == becomes


@pytest.mark.parametrize(
    "size, below, becomes",
    [
        (12, " 新建高标准农田", "subhead"),  # a size up, the story going on: its subhead
        (12, "本报讯 全市今年", "title"),  # a size up, a story opening below: a brief's title
        (16, " 新建高标准农田", "title"),  # set as a title: a title, whatever follows
    ],
)
def test_a_line_set_a_size_up_is_a_title_only_over_a_story_s_opening(size, below, becomes):
    # papers set subheads and briefs' titles alike a size or two up from the body: a size that
    # small says a line is set apart, not that a story starts there
    from brief.ingest.segment.assemble import _sized

    lines = _sized_lines(["各县区抢抓农时", " 秋粮收获进度快于去年同期。", "良田建设提速", below, " 十二万亩。"])
    tags = ["body", "body", "subhead", "body", "body"]
    assert _sized(lines, tags, [10, 10, size, 10, 10])[2] == becomes


def test_a_story_set_in_larger_type_than_the_page_s_others_keeps_its_text():
    # one story's text a size larger than the rest of the page (a commentary, the lead story):
    # its lines are set apart from the page's usual size, but a line of running text is no
    # heading over the next story's opening, however its paragraph ends above that
    from brief.ingest.segment.assemble import _sized

    lines = _sized_lines(["本报讯 全市今年", " 新建高标准农田", " 十二万亩。", "各县区组织农机手和种粮大户", " 抢抓农时，秋粮收获进度快于去",
                          " 年同期。", "本报讯 市文旅局", " 统计显示，假期", " 接待游客三百万。"])
    tags = ["lead", "body", "body", "lead", "body", "body", "lead", "body", "body"]
    assert _sized(lines, tags, [9, 9, 9, 11, 11, 11, 9, 9, 9]) == tags


def test_a_brief_s_marked_title_stays_its_title_beside_a_label_set_larger():
    # ``■……`` marks a brief's title, set in the body's size; a column's name set large below it
    # is no title over it
    from brief.ingest.segment.assemble import _sized

    lines = _sized_lines(["签约项目", " 总额过百亿。", "■全省招商引资签约项目总额过百亿", "深度", "本报讯 正文", " 开始"])
    tags = ["lead", "body", "title", "title+", "lead", "body"]
    assert _sized(lines, tags, [10, 10, 10, 16, 10, 10]) == tags


def test_furniture_beside_a_headline_line_of_its_size_is_that_headline_s():
    from brief.ingest.segment.assemble import _sized

    lines = _sized_lines(["俄中两国", " 合作良好。", "普京表示俄中在多领域合作", " 良好", "本报讯 正文", " 开始"])
    tags = ["lead", "body", "title", "furniture", "lead", "body"]
    assert _sized(lines, tags, [10, 10, 18, 18, 10, 10]) == ["lead", "body", "title", "title+", "lead", "body"]
    assert _sized(lines, tags, [10, 10, 18, 12, 10, 10])[3] == "furniture"  # another size: not the title's


_PHOTO_INSIDE = (
    "本报长治 5 月 6 日讯（记者 李明）今年\n以来，我市持续推进太行山区\n生态修复，累计完成造林 12\n"
    "万亩。在浊漳河上游，当地结\n合山区地形实际，施行\n\n"
    "浊漳河畔，护林员在新造林地里巡查。（本报记者 王强 摄）\n\n"
    "分区分类治理，宜林则林、宜\n草则草，全市森林覆盖率已提\n高到 33.5%。\n\n"
    "太行山区生态修复成效明显\n"
)


@pytest.mark.parametrize("below", ["body", "lead"])
def test_a_photo_set_inside_a_story_s_columns_does_not_cut_the_story_in_two(below):
    # The text layer gives the picture's caption between two columns of the story, whose sentence
    # runs on across it (``……施行`` / caption / ``分区分类治理，……``).
    tags = ["lead"] + ["body"] * 4 + ["caption", below, "body", "body", "title"]
    articles = _built_from(_PHOTO_INSIDE, tags)
    if below == "lead":  # read as a story's opening, the text below stays a story of its own
        assert [a.kind for a in articles] == [ARTICLE, CAPTION, ARTICLE]
        assert articles[0].title == "" and articles[2].title == "太行山区生态修复成效明显"
        return
    story, caption = articles
    assert (story.kind, caption.kind, story.title) == (ARTICLE, CAPTION, "太行山区生态修复成效明显")
    assert "施行分区分类治理" in story.body and story.body.endswith("全市森林覆盖率已提高到33.5%。")
    assert "护林员" not in story.body and caption.body.startswith("浊漳河畔")
    # A paragraph that ended above the picture goes on below it too (no story opens there); a
    # reporters' credit closing it ends the story.
    ended = _built_from(_PHOTO_INSIDE.replace("合山区地形实际，施行", "合山区地形实际施策。"), tags)
    assert [a.kind for a in ended] == [ARTICLE, CAPTION] and ended[0].title == "太行山区生态修复成效明显"
    closed = _built_from(_PHOTO_INSIDE.replace("合山区地形实际，施行", "合山区地形施策。（王芳）"), tags)
    assert [a.kind for a in closed] == [ARTICLE, CAPTION, ARTICLE] and closed[0].title == ""


def test_a_commentary_s_signature_above_the_text_is_no_article_of_its_own():
    page = (
        "全市新增城镇就业两万人\n\n"
        "本报晋中 9 月 25 日讯（记者 张敏）今年\n以来，全市新增城镇就业2.1万人，\n完成全年目标的87.5%。\n\n"
        "全市中小学新学期开学\n\n"
        "本报评论员\n\n"
        "本报晋中 9 月 25 日讯（记者 王强）新学\n期首日，全市中小学秩序井然，\n共有在校生31.2万人。\n"
    )
    articles = segment_page(page)
    assert "本报评论员" not in [a.body for a in articles]
    assert [a.title for a in articles if a.kind == ARTICLE] == ["全市新增城镇就业两万人", "全市中小学新学期开学"]
    assert articles[-1].body.startswith("新学期首日")


_STORY_INSIDE = (
    "本报长治 5 月 6 日讯（记者 李明）今年\n以来，我市持续推进太行山区\n生态修复，累计完成造林 12\n"
    "万亩。在浊漳河上游，当地结\n合山区地形实际，施行\n\n"
    "本报讯 新学期首日，全市中小学秩序井然，\n共有在校生三十一万二千人，新建校舍\n一百二十间全部投入使用。\n\n"
    "全市中小学新学期开学\n\n"
    "分区分类治理，宜林则林、宜\n草则草，全市森林覆盖率已提\n高到 33.5%。\n\n"
    "太行山区生态修复成效明显\n"
)
_STORY_INSIDE_TAGS = ["lead"] + ["body"] * 4 + ["lead", "body", "body", "title", "body", "body", "body", "title"]


def test_a_story_set_inside_another_s_columns_does_not_cut_that_one_in_two():
    # The text layer gives a short story (its headline after it) between two columns of a longer
    # one, whose sentence runs on across it (``……施行`` / story / ``分区分类治理，……``).
    outer, inner = _built_from(_STORY_INSIDE, _STORY_INSIDE_TAGS)
    assert (outer.title, inner.title) == ("太行山区生态修复成效明显", "全市中小学新学期开学")
    assert "施行分区分类治理" in outer.body and outer.body.endswith("全市森林覆盖率已提高到33.5%。")
    assert inner.body.startswith("新学期首日") and "森林" not in inner.body


def test_a_story_that_finished_its_sentence_is_not_continued_past_another_story():
    ended = _STORY_INSIDE.replace("合山区地形实际，施行", "合山区地形实际施策。")
    assert [a.title for a in _built_from(ended, _STORY_INSIDE_TAGS)] == [
        "", "全市中小学新学期开学", "太行山区生态修复成效明显"]
    # nor by text set in a column of another width: another story's
    wider = _STORY_INSIDE.replace("分区分类治理，宜林则林、宜\n草则草，全市森林覆盖率已提\n高到 33.5%。",
                                  "分区分类治理，宜林则林、宜草则草，\n全市森林覆盖率已提高到 33.5%，\n林草覆盖率稳步上升。")
    assert len(_built_from(wider, _STORY_INSIDE_TAGS)) == 3


def test_a_story_opening_on_its_reporter_s_attribution_inside_another_s_columns_stays_its_own():
    # No dateline opens the inner story (``记者 6 日从……获悉，``), and the tagger's lead there sits
    # right under the outer story's text; that text stopped mid-sentence, so the attribution
    # cannot go on with it. The inner story ends on a credit, so its headline below is no subhead.
    text = _STORY_INSIDE.replace(
        "本报讯 新学期首日，全市中小学秩序井然，\n共有在校生三十一万二千人，新建校舍\n一百二十间全部投入使用。\n\n"
        "全市中小学新学期开学\n\n",
        "记者 6 日从市教育局获悉，新学期首日，全市\n中小学秩序井然，共有在校生三十一万二\n千人，新建校舍一百二十间全部投入使\n"
        "用。（新华社）\n\n全市\n中小学新学期开学\n\n")
    tags = ["lead"] + ["body"] * 4 + ["lead", "body", "body", "body", "title", "title+", "body", "body", "body", "title"]
    outer, inner = _built_from(text, tags)
    assert (outer.title, inner.title) == ("太行山区生态修复成效明显", "全市中小学新学期开学")
    assert "施行分区分类治理" in outer.body and inner.body.startswith("记者6日从市教育局获悉")


def test_a_two_line_headline_right_under_a_closing_credit_is_no_subhead_of_the_text_around_it():
    # A story that ends on its credit (``……（新华社）``) is over: the short headline line below it
    # and the line under that are its headline, not a subhead and the first line of a paragraph
    # going on with the text above, however the rules judged them.
    from brief.ingest.segment.assemble import _sandwiched
    from brief.ingest.segment.features import page_features, rules_reading

    text = (
        "本报长治 5 月 6 日讯（记者 李明）今年\n以来，我市持续推进太行山区\n生态修复，累计完成造林 12\n"
        "万亩。在浊漳河上游，当地结\n合山区地形实际，施行\n\n"
        "新学期首日，全市中小学秩序井然，共有在校生\n三十一万二千人，新建校舍一百二十间全部投\n"
        "入使用，全市教育事业迈上新台阶。 （新华社）\n\n"
        "全市\n中小学新学期开学\n\n"
        "分区分类治理，宜林则林、宜\n草则草，全市森林覆盖率已提\n高到 33.5%。\n\n"
        "太行山区生态修复成效明显\n"
    )
    lines, features = page_features(text)
    judged = rules_reading(features)[0]
    judged[8:10] = ["subhead", "body"]  # as the rules may read a short line over a full one
    lines[9].link, lines[10].wrap_after = True, lines[10].vis
    tags = ["lead"] + ["body"] * 4 + ["lead", "body", "body", "title", "title+", "body", "body", "body", "title"]
    assert _sandwiched(lines, tags, judged) == tags
    lines[7].raw = lines[7].raw.replace(" （新华社）", "")  # no credit: the sentence may go on below
    assert _sandwiched(lines, tags, judged)[8:11] == ["subhead", "body", "body"]


@pytest.mark.parametrize("head", [["省政府常务会议强调", "紧抓秋粮收购 守好群众粮袋子"],
                                  ["紧抓秋粮收购 守好群众粮袋子", "省政府常务会议强调"]])
def test_a_headline_line_ending_on_who_spoke_is_the_kicker_wherever_the_text_layer_puts_it(head):
    # No title ends on 强调 / 指出 / 表示: such a line, read as the title over a subtitle or as a
    # subtitle under the title, is the kicker over what was said.
    text = "本报讯 省政府10月16日召开常务会议，\n部署秋粮收购工作。\n\n" + "\n".join(head) + "\n"
    (article,) = _built_from(text, ["lead", "body", "title", "subtitle"])
    assert (article.kicker, article.title, article.subtitle) == ("省政府常务会议强调", "紧抓秋粮收购 守好群众粮袋子", "")


def test_a_title_over_a_dashed_subtitle_stays_the_title_even_ending_on_a_speech_verb():
    text = "本报讯 省政府10月16日召开常务会议，\n部署秋粮收购工作。\n\n省政府常务会议强调\n——紧抓秋粮收购 守好群众粮袋子\n"
    (article,) = _built_from(text, ["lead", "body", "title", "subtitle"])
    assert (article.kicker, article.title) == ("", "省政府常务会议强调")


def test_a_byline_by_name_alone_under_a_title_is_no_part_of_it():
    text = "本报讯 全市秋粮收购于10月8日启动，\n首日收购玉米一万二千吨。\n\n全市秋粮收购启动\n文/王强 图/李明\n"
    (article,) = _built_from(text, ["lead", "body", "title", "title+"])
    assert (article.title, article.reporters) == ("全市秋粮收购启动", ["王强", "李明"])


@pytest.mark.parametrize("printed, title", [
    ("1.全市秋粮收购启动", "全市秋粮收购启动"), ("2．2024年秋粮收购启动", "2024年秋粮收购启动"),
    ("（3）秋粮收购启动", "秋粮收购启动"), ("④秋粮收购启动", "秋粮收购启动"),
    ("1.2万吨秋粮入库", "1.2万吨秋粮入库"), ("5G基站建设提速", "5G基站建设提速"),
])
def test_a_numbered_brief_s_number_is_no_part_of_its_title_but_a_figure_is(printed, title):
    text = f"本报讯 全市秋粮收购于10月8日启动，\n首日收购玉米一万二千吨。\n\n{printed}\n"
    (article,) = _built_from(text, ["lead", "body", "title"])
    assert article.title == title


def test_headlines_stacked_after_the_bodies_they_head_go_with_them_in_order():
    # A briefs column whose text layer gives two stories' texts, then both headlines: each headline
    # goes with the story whose opening shares its words, not the second with nothing and the first
    # with its neighbour.
    text = ("本报讯 全市秋粮收购10月8日启动，首日\n收购玉米一万二千吨。\n\n"
            "本报讯 市供热公司完成管网改造，今冬\n供暖将提前5天开始。\n\n"
            "■全市秋粮收购启动\n\n■今冬供暖提前5天开始\n")
    first, second = _built_from(text, ["lead", "body", "lead", "body", "title", "title"])
    assert (first.title, second.title) == ("全市秋粮收购启动", "今冬供暖提前5天开始")
    assert first.body.startswith("全市秋粮收购") and second.body.startswith("市供热公司")


def test_a_city_paper_s_dateline_under_an_editor_s_note_opens_the_same_story():
    # ``吉安日报讯（记者`` / ``单红斌）……``: a city paper dates its stories by its own name; read as a
    # byline and a lead, the note above would be cut from its report.
    text = ("神舟飞船返回舱成功着陆\n\n　　编者按：今天17时46分，返回\n舱在东风着陆场成功着陆，飞行\n任务圆满成功。\n"
            "　　吉安日报讯（记者\n单红斌）16时56分，北京航天飞\n行控制中心发出返回指令，返回\n舱成功分离。\n")
    (article,) = _built_from(text, ["title", "lead", "body", "body", "byline", "lead", "body", "body"], heads_first=True)
    assert (article.title, article.reporters) == ("神舟飞船返回舱成功着陆", ["单红斌"])
    assert article.paragraphs[0].startswith("编者按") and article.paragraphs[-1].startswith("16时56分")


def test_a_short_block_ending_on_a_photographer_s_credit_is_a_caption_however_its_lines_were_read():
    # Under a story's headline, a photo's words read as the story's lead, the credit broken so that
    # ``摄`` stands alone: no story's text ends on a picture's credit.
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n"
            "新能源公交车今天投入运营\n\n"
            "南沙汽车口岸今年前两个月出口汽车\n超过四万辆。\n本报记者 严英 通讯员 何晋磊\n摄\n")
    tags = ["lead", "body", "title", "lead", "body", "furniture", "furniture"]
    article, caption = _built_from(text, tags)
    assert (article.kind, article.title, caption.kind) == (ARTICLE, "新能源公交车今天投入运营", CAPTION)
    assert caption.body.startswith("南沙汽车口岸") and caption.reporters == ["严英", "何晋磊"]


def test_a_caption_parted_by_a_blank_line_inside_its_sentence_stays_one_caption():
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n"
            "新能源公交车今天投入运营\n\n"
            "在城东公园，小朋友在参\n\n加植树活动。 （资料图片）\n")
    article, caption = _built_from(text, ["lead", "body", "title", "body", "body"])
    assert article.title == "新能源公交车今天投入运营" and caption.kind == CAPTION
    assert caption.body.startswith("在城东公园，小朋友在参加植树活动")


def test_a_story_s_text_under_a_dateline_ending_on_its_reporters_is_no_caption():
    text = ("本报讯 全市首批新能源公交车今天投入\n运营，覆盖十二条线路。（余静婷\n曾婷）\n\n新能源公交车今天投入运营\n")
    (article,) = _built_from(text, ["lead", "body", "body", "title"])
    assert article.kind == ARTICLE and article.title == "新能源公交车今天投入运营"


def test_a_story_s_text_goes_on_past_a_photo_set_between_two_of_its_paragraphs():
    # The text layer gives the picture's caption where it stands in the story's columns, between two
    # paragraphs: the text below it, opening no story, is the same story's.
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n"
            "市公交集团介绍，新车续航超过三百公里，\n年内还将再投放两百辆。\n\n"
            "新能源公交车在城东站待发。 （资料图片）\n\n"
            "据测算，全部投放后每年可减少碳排放\n约一万吨。\n\n新能源公交车今天投入运营\n")
    tags = ["lead", "body", "body", "body", "caption", "body", "body", "title"]
    article, caption = _built_from(text, tags)
    assert (article.title, caption.kind) == ("新能源公交车今天投入运营", CAPTION)
    assert article.paragraphs[-1].startswith("据测算")


def test_a_story_closed_by_its_reporters_credit_does_not_go_on_past_a_photo():
    text = ("本报讯 全市首批新能源公交车今天投入\n运营，覆盖十二条线路。（记者 林涛）\n\n"
            "新能源公交车在城东站待发。 （资料图片）\n\n"
            "据测算，全部投放后每年可减少碳排放\n约一万吨。\n")
    first, caption, second = _built_from(text, ["lead", "body", "caption", "body", "body"])
    assert caption.kind == CAPTION and second.body.startswith("据测算")


def test_a_brief_s_list_mark_before_its_dateline_leaves_the_dateline_whole():
    text = ("简讯\n●本报昆明11月19日讯（记者\n方杰红）全市首批新能源公交车今天\n投入运营。\n"
            "■ 本报讯（记者 贺润文）市供热公司\n完成管网改造，今冬供暖提前5天。\n")
    first, second = segment_page(text)
    assert (first.dateline.place, first.reporters, first.body) == ("昆明", ["方杰红"], "全市首批新能源公交车今天投入运营。")
    assert second.reporters == ["贺润文"] and second.body.startswith("市供热公司")


def test_a_chart_credited_to_its_paper_is_a_caption():
    text = ("图表：全市普法宣传主要数据一览\n本报制图\n"
            "本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n新能源公交车今天投入运营\n")
    caption, article = _built_from(text, ["caption", "furniture", "lead", "body", "title"])
    assert caption.kind == CAPTION and caption.body.startswith("图表：") and caption.body.endswith("本报制图")
    assert (article.title, article.reporters) == ("新能源公交车今天投入运营", ["林涛"])


@pytest.mark.parametrize("number", ["1．", "2.", "③"])
def test_a_numbered_brief_s_bracketed_title_is_a_title_however_its_line_was_read(number):
    # The tagger may read a numbered 【title】 as a subhead of the brief above or as the page's label.
    text = (f"城事快报\n\n{number}【全市首批新能源公交车投入运营】\n\n本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营。\n\n"
            "4．【市供热公司完成管网改造】\n\n本报讯（记者 贺文）市供热公司完成管网\n改造，今冬供暖提前5天。\n")
    tags = ["furniture", "subhead", "lead", "body", "furniture", "lead", "body"]
    first, second = _built_from(text, tags)
    assert (first.title, second.title) == ("全市首批新能源公交车投入运营", "市供热公司完成管网改造")
    assert first.body == "全市首批新能源公交车今天投入运营。"


def test_a_photographer_credited_with_a_slash_closes_a_caption():
    text = ("市民在城东公园赏花。 高海/摄\n\n游客在古城墙下拍照留念。 记者 王芳/摄\n\n"
            "本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营。\n\n新能源公交车今天投入运营\n")
    first, second, article = _built_from(text, ["caption", "caption", "lead", "body", "title"])
    assert (first.kind, second.kind) == (CAPTION, CAPTION)
    assert (first.reporters, second.reporters) == (["高海"], ["王芳"])


def test_captions_stacked_with_no_blank_line_between_them_are_read_one_by_one():
    # A text layer with no blank lines: each caption ends on its credit, the next opens right below.
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n新能源公交车今天投入运营\n"
            "市民在城东公园赏花。\n本报记者 高海 摄\n8月15日，游客在古城墙下\n拍照留念。\n本报记者 王芳 摄（资料图片）\n")
    tags = ["lead", "body", "title", "caption", "caption", "lead", "body", "body"]
    article, first, second = _built_from(text, tags)
    assert (first.kind, second.kind) == (CAPTION, CAPTION) and second.body.startswith("8月15日，游客")
    assert (first.reporters, second.reporters) == (["高海"], ["王芳"])


@pytest.mark.parametrize("read_as", ["lead", "body"])
def test_a_band_of_stacked_headlines_waits_for_as_many_stories_below_it(read_as):
    # Two headlines read before the columns under them (a headline band): the text below holds
    # two stories, the second opening on a reporter's attribution under a finished sentence.
    text = ("全市春灌大面积展开\n\n新能源公交车今天投入运营\n\n"
            "眼下，随着全市进入春耕用水高峰，春灌\n大面积展开，各地开展设施改造升级。\n\n"
            "记者1日从市交通局获悉，全市首批新能\n源公交车今天投入运营，覆盖十二条线路。\n")
    first, second = _built_from(text, ["title", "title", "lead", "body", read_as, "body"], heads_first=True)
    assert (first.title, second.title) == ("全市春灌大面积展开", "新能源公交车今天投入运营")
    assert second.body.startswith("记者1日从市交通局获悉")


def test_a_paragraph_opening_on_an_attribution_inside_a_story_stays_in_it():
    text = ("全市春灌大面积展开\n\n眼下，随着全市进入春耕用水高峰，春灌\n大面积展开。\n\n"
            "记者1日从市水利局获悉，全市已完成灌溉\n面积两百万亩。\n")
    (article,) = _built_from(text, ["title", "lead", "body", "lead", "body"], heads_first=True)
    assert article.paragraphs[-1].startswith("记者1日从市水利局获悉")


def test_the_page_s_editors_and_a_correction_notice_are_neither_caption_nor_story():
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n新能源公交车今天投入运营\n\n"
            "市民在城东站候车。\n薛梦 摄\n\n责编：夏兰 版式：姜秀 校对：曹蓉\n\n更正：本报昨日13版一文中有误，特此更正。\n")
    articles = _built_from(text, ["lead", "body", "title", "caption", "caption", "caption", "caption"])
    assert [(a.kind, a.title) for a in articles] == [(ARTICLE, "新能源公交车今天投入运营"), (CAPTION, "")]
    assert articles[1].body == "市民在城东站候车。" and articles[1].reporters == ["薛梦"]


def test_a_sentence_read_as_a_headline_right_above_a_photographer_s_credit_is_the_caption():
    text = ("本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n新能源公交车今天投入运营\n\n"
            "市民在城东站排队等候首班新能源\n公交车。\n融媒体记者 诸葛昊 摄\n")
    article, caption = _built_from(text, ["lead", "body", "title", "title", "title+", "caption"])
    assert (article.title, caption.kind, caption.reporters) == ("新能源公交车今天投入运营", CAPTION, ["诸葛昊"])
    assert caption.body == "市民在城东站排队等候首班新能源公交车。"


def test_a_credit_read_as_a_subhead_still_closes_its_caption_but_a_photo_report_stays_a_story():
    head = "本报讯（记者 林涛）全市首批新能源公交车\n今天投入运营，覆盖十二条线路。\n\n新能源公交车今天投入运营\n\n"
    shot = "市民在城东站排队等候首班新能源\n公交车。\n"
    tags = ["lead", "body", "title", "body", "body", "subhead"]
    article, caption = _built_from(head + shot + "方文/摄\n", tags)
    assert (caption.kind, caption.reporters) == (CAPTION, ["方文"])
    kinds = [a.kind for a in _built_from(head + shot + "武岩华 摄影报道\n", tags)]
    assert CAPTION not in kinds


def test_a_byline_the_column_broke_before_its_role_ended_is_no_title():
    # ``人民日报`` / ``记者 ……`` and ``法治日报全媒体记`` / ``者 ……``: the title stays the title
    for first, second in (("人民日报", "记者 钱然 李宇胜"), ("法治日报全媒体记", "者 钱然 李宇胜")):
        text = (f"全市新能源公交车今天投入运营\n{first}\n{second}\n\n"
                "本报讯 全市首批新能源公交车今天投入运\n营，覆盖十二条线路，市民可刷卡乘车。\n")
        (article,) = segment_page(text)
        assert (article.kicker, article.title) == ("", "全市新能源公交车今天投入运营")
        assert article.reporters == ["钱然", "李宇胜"]


def test_a_table_set_in_a_story_is_its_text_and_no_story_of_its_own():
    story = ("本报讯（记者 林涛）前三季度全市规模以上工业\n增加值同比增长6.8%，增速比上半年加\n快0.4个百分点。\n\n"
             "表：2024年前三季度主要指标\n指标 数值（亿元） 增长（%）\n工业增加值 1286.4 6.8\n固定资产投资 902.7 4.1\n"
             "社会消费品零售总额\n733.5\n5.2\n数据来源：市统计局\n\n"
             "分行业看，装备制造业增加值增长12.1%，\n成为拉动增长的主要力量。\n\n全市工业增加值增长6.8%\n")
    articles = segment_page(story)
    assert [(a.kind, a.title) for a in articles] == [(ARTICLE, "全市工业增加值增长6.8%")]
    # each row a paragraph of its own, its figures kept apart (not 1286.46.8)
    assert "工业增加值 1286.4 6.8" in articles[0].paragraphs and "数据来源：市统计局" in articles[0].paragraphs
    assert articles[0].paragraphs[-1] == "分行业看，装备制造业增加值增长12.1%，成为拉动增长的主要力量。"


def test_figures_with_nothing_to_head_them_are_no_table():
    from brief.ingest.segment.assemble import _table_lines
    from brief.ingest.segment.features import page_features

    for text in ("3\n晋 中 日 报\n2024.06.01\n短讯\n", "茄子  28.6\n西红柿  16.3\n草鱼  6.8\n",
                 "（记者 邱兰明）\n8\n2\n"):
        lines, _ = page_features(text)
        assert not _table_lines(lines)


def test_a_headline_line_ending_on_a_comma_is_the_kicker_over_the_title():
    text = ("夯实全年丰收基础，\n各地多举措推进粮食稳产\n增产\n\n"
            "本报讯（记者 林涛）眼下正是早稻栽插的\n关键时期，各地抢抓农时推进春播。\n")
    (article,) = _built_from(text, ["title", "title+", "title+", "lead", "body"], heads_first=True)
    assert (article.kicker, article.title) == ("夯实全年丰收基础，", "各地多举措推进粮食稳产增产")


def test_a_title_s_last_line_above_a_paper_s_byline_stays_in_the_title():
    text = ("本报讯 全市首批新能源公交车今天投入运\n营，覆盖十二条线路，市民可刷卡乘车。\n\n"
            "今年前8个月全市物流总额保持平稳增\n长\n经济日报记者 黎胜男 钱俊\n")
    articles = segment_page(text)
    assert [(a.title, a.reporters) for a in articles] == [("今年前8个月全市物流总额保持平稳增长", ["黎胜男", "钱俊"])]


def test_stacked_headlines_pair_in_order_with_the_bodies_whose_words_they_share_past_a_box():
    from brief.ingest.segment.assemble import _in_order

    # bodies 1, 2 (a box headed elsewhere), 3; headlines 10 (for 1) and 30 (for 3)
    words = {(10, 1): 0.5, (10, 2): 0.1, (30, 3): 0.6, (30, 2): 0.2}
    assert _in_order([10, 30], [1, 2, 3], lambda h, b: words.get((h, b), 0.0)) == [(10, 1), (30, 3)]
    # in order only: a headline is never paired with a body before the last one paired
    words = {(10, 3): 0.9, (30, 1): 0.5}
    assert len(_in_order([10, 30], [1, 2, 3], lambda h, b: words.get((h, b), 0.0))) == 1


def test_a_year_alone_above_the_rest_of_its_title_is_the_title_s_first_line():
    text = ("本报讯 全市首批新能源公交车今天投入运\n营，覆盖十二条线路，市民可刷卡乘车。\n\n"
            "2025\n年全市冰雪运动季启动\n\n本报讯 昨天，2025年全市冰雪运动季在\n市体育中心启动。\n")
    # the tagger took the year for a page number
    first, second = _built_from(text, ["lead", "body", "furniture", "title", "lead", "body"], heads_first=True)
    assert second.title == "2025年全市冰雪运动季启动"


def test_a_chart_named_by_its_title_under_a_story_is_no_caption():
    text = ("本报讯（记者 林涛）国庆假期全市客流\n保持高位，各景区秩序井然。\n\n"
            "图表：国庆假期各区客流情况\n城区 客流（万人次） 同比增长\n东城 39.4 0.7%\n西城 28.1 2.3%\n\n"
            "国庆假期全市客流保持高位\n")
    articles = segment_page(text)
    assert [(a.kind, a.title) for a in articles] == [(ARTICLE, "国庆假期全市客流保持高位")]
    assert "东城 39.4 0.7%" in articles[0].paragraphs


def test_a_table_ends_where_its_story_jumps_to_another_page():
    from brief.ingest.segment.assemble import _table_lines
    from brief.ingest.segment.features import page_features

    text = ("表：1—3月各地春灌主要指标\n地区 面积（万亩） 同比增幅\n东城 842.9 4.8%\n西城 565.9 2.2%\n（下转第2版）\n"
            "图表：春灌主要数据一览\n制图：常宁\n")
    lines, _ = page_features(text)
    assert {lines[j].raw for j in _table_lines(lines)} == {
        "表：1—3月各地春灌主要指标", "地区 面积（万亩） 同比增幅", "东城 842.9 4.8%", "西城 565.9 2.2%"}


def test_a_headline_broken_between_a_figure_and_its_unit_is_one_title_not_a_kicker_over_a_title():
    text = ("本报讯 省政府日前印发意见，从市场准\n入、融资、用地等方面支持民营经济。\n\n"
            "全省出台30\n\n条措施支持民营经济发展\n")
    # the first line is far narrower than the second: read alone, a kicker's width
    (article,) = _built_from(text, ["lead", "body", "title", "title+"])
    assert article.title == "全省出台30条措施支持民营经济发展"


@pytest.mark.parametrize("head, tail, title", [
    ("全市今年建成的农村公路里程上升至", "1200公里", "全市今年建成的农村公路里程上升至1200公里"),  # stops on 至
    ("城西老旧小区改造工程全面开", "工", "城西老旧小区改造工程全面开工"),  # cuts a word
])
def test_a_headline_s_last_line_however_short_is_its_title_s_end_not_the_page_s_furniture(head, tail, title):
    text = ("本报讯 今年以来，全市新建改建农村公\n路一千二百公里，年底前全部完工。\n\n"
            f"{head}\n{tail}\n")
    # the tagger read the short last line as a page's furniture (a section's name is as short)
    (article,) = _built_from(text, ["lead", "body", "title", "furniture"])
    assert article.title == title


@pytest.mark.parametrize("head", ["在昨晚进行的联赛第十三轮比赛中主队以", "国家主席习近平11月8日"])
def test_running_text_cut_at_a_line_s_end_is_no_title_whatever_the_tags_say(head):
    # the tagger read a clause of text as a headline: a title never stops on 以 or on a day
    text = f"{head}\n本报讯 今年以来，全市新建改建农村公\n路一千二百公里，年底前全部完工。\n"
    (article,) = _built_from(text, ["title", "lead", "body"], heads_first=True)
    assert article.title == ""
    assert article.paragraphs[0].startswith("今年以来")


def test_a_section_s_name_under_a_whole_title_stays_the_page_s_furniture():
    text = ("本报讯 今年以来，全市新建改建农村公\n路一千二百公里，年底前全部完工。\n\n"
            "全市农村公路建设提速\n要闻\n")
    (article,) = _built_from(text, ["lead", "body", "title", "furniture"])
    assert article.title == "全市农村公路建设提速"


def test_a_source_in_brackets_under_a_story_closes_its_text_and_heads_nothing():
    text = ("本报讯 全市今年新建改建农村公路\n一千二百公里，年底前全部完工。\n（来源：新华网）\n\n"
            "全市新建改建农村公路1200公里\n")
    (article,) = _built_from(text, ["lead", "body", "title", "title+"])
    assert article.title == "全市新建改建农村公路1200公里"
    assert "来源" not in article.body


@pytest.mark.parametrize("label", ["新闻观察", "链接", "要目", "今日导读"])
def test_a_box_s_or_column_s_name_beside_a_title_is_no_part_of_it(label):
    text = ("本报讯 全省秋粮收获进度已过九成，\n各地抓紧晾晒入仓。\n\n"
            f"全省秋粮收获进度过九成\n{label}\n")
    (article,) = _built_from(text, ["lead", "body", "title", "title+"])
    assert article.title == "全省秋粮收获进度过九成"


def test_text_that_ends_a_word_broken_above_its_own_headline_goes_on_with_that_story():
    # headlines after their bodies; the story's headline is set between two of its columns, and the
    # column broke 表示 in two: what follows the headline is no new story
    text = ("本报讯 全省组织工作会议昨日召开。\n省委常委、组织部部长李明主持会议\n并作工作部署，表\n\n"
            "全省组织工作会议召开\n\n示要抓好干部队伍建设，把各项任务\n落到实处，为全省高质量发展提供\n坚强组织保证。\n")
    articles = _built_from(text, ["lead", "body", "body", "title", "lead", "body", "body"])
    assert [a.title for a in articles] == ["全省组织工作会议召开"]
    assert "工作部署，表示要抓好" in articles[0].body


_CLOSED = ("本报讯 记者从省铁路部门获悉，今年以来\n全省铁路运输市场供需两旺，1至9月份\n全省铁路发送旅客2.1亿人次，同比增长\n"
           "百分之十二，创历史同期新高。\n\n{heading}\n\n秋收时节，各地农机手抢抓晴好天气下\n田作业，玉米收获进度过半，烘干晾晒\n"
           "和仓储工作同步推进。\n\n各地秋收进度过半\n")


@pytest.mark.parametrize("heading, closes", [("全省铁路发送旅客超2亿人次", True), ("玉米收获进度过半", False)])
def test_a_subhead_that_repeats_the_text_above_and_not_below_is_the_title_of_the_story_above(heading, closes):
    from brief.ingest.segment.assemble import MODEL, _lattice_once, _subheads_closing, page_features

    lines, features = page_features(_CLOSED.format(heading=heading))
    read = ["lead", "body", "body", "body", "subhead", "body", "body", "body", "title"]  # the tagger's reading
    tags = _subheads_closing(lines, read, _lattice_once(features, MODEL))
    # a headline printed after its story's text; a subhead heads the text that follows it
    assert tags[4:6] == (["title", "lead"] if closes else ["subhead", "body"])
