"""Datelines, bylines and attributions on Chinese news text written for these tests."""

import pytest

from brief.zh import strip_attribution, strip_source_tag


def test_strip_dateline_byline_and_attribution():
    sentence = "本报太原10月17日讯（记者 郝薇）记者从省人社厅了解到，1—8月全省新增就业36.54万人。"
    assert strip_attribution(sentence) == "1—8月全省新增就业36.54万人。"
    assert strip_attribution("据介绍，该项目年底投产。") == "该项目年底投产。"
    assert strip_attribution("记者了解到，今年秋粮长势良好。") == "今年秋粮长势良好。"
    assert strip_attribution("日前，记者从市卫健委获悉，全市新建社区医院5家。") == "全市新建社区医院5家。"
    assert strip_attribution("新华社北京3月5日电（记者 李华）大会今天开幕。") == "大会今天开幕。"
    assert strip_attribution("本报太原 10 月 17 日讯（记者 郝薇）全省秋收过半。") == "全省秋收过半。"
    assert strip_attribution("10月17日电视剧《山河》开机。") == "10月17日电视剧《山河》开机。"
    # a sentence that merely mentions a reporter keeps its words
    assert strip_attribution("记者在现场看到，工人们正忙着浇筑。") == "记者在现场看到，工人们正忙着浇筑。"


def test_strip_a_leading_source_tag_of_any_outlet():
    assert strip_source_tag("央视网消息（新闻联播）：今天是秋分。") == "今天是秋分。"
    assert strip_source_tag("本台消息(晚间新闻)：大桥通车。") == "大桥通车。"
    assert strip_source_tag("消息传来，大家很高兴。") == "消息传来，大家很高兴。"


def test_a_page_dateline_needs_an_outlet_a_sentence_dateline_a_date():
    from brief.zh.bylines import DATELINE_LINE, SENTENCE_DATELINE

    # On a page: the outlet is the mark, the date may be missing; the place and date are read.
    line = DATELINE_LINE.match("本报太原 10 月 17 日讯（记者 郝薇）")
    assert line and line["place"] == "太原" and line["date"] == "10 月 17 日"
    assert DATELINE_LINE.match("本报讯 近日，")
    assert not DATELINE_LINE.match("太原10月17日讯")
    # A city paper's own name, or the agency quoted, opens a story too.
    assert DATELINE_LINE.match("汾河晚报讯（记者 王某）")
    assert DATELINE_LINE.match("据新华社电 当地时间")
    assert not DATELINE_LINE.match("晚报讯")
    # ``消息`` marks a story right after the outlet's name, not after other words
    assert DATELINE_LINE.match("本报消息 近日，") and DATELINE_LINE.match("本报消息（记者 王某）")
    assert not DATELINE_LINE.match("本报记者消息灵通")
    # At the front of a sentence: any outlet or none, but a date.
    assert SENTENCE_DATELINE.match("太原10月17日讯 全省")
    assert SENTENCE_DATELINE.match("晋中日报社榆次10月17日电（记者 王某）")
    assert not SENTENCE_DATELINE.match("本报讯 近日，")


def test_page_bylines_and_photo_credits():
    from brief.zh.bylines import BYLINE_LINE, PHOTO_CREDIT

    assert BYLINE_LINE.match("本报记者 王龙飞 王佳丽")
    assert BYLINE_LINE.match("本报记者王龙飞")
    assert BYLINE_LINE.match("本报记者王龙飞实习生刘畅")
    assert BYLINE_LINE.match("文/图 本报记者 董颖 钟林") and BYLINE_LINE.match("文/融媒记者高梅")
    assert BYLINE_LINE.match("首席记者汪玲")
    assert not BYLINE_LINE.match("记者手记") and not BYLINE_LINE.match("记者调查")
    assert BYLINE_LINE.match("记者 王龙飞 实习生 刘畅")
    assert not BYLINE_LINE.match("记者观察")
    # a paper that names itself before its reporter
    assert BYLINE_LINE.match("经济日报记者 李明") and BYLINE_LINE.match("法治日报全媒体记者 史静　马建")
    assert BYLINE_LINE.match("农民日报·中国农网记者 王芳") and BYLINE_LINE.match("人民日报记者 钱然  李宇胜")
    assert not BYLINE_LINE.match("今日报记者节活动举行") and not BYLINE_LINE.match("晋中日报记者站揭牌")
    # who wrote and who took the pictures, each with a role (the evening papers' form)
    assert BYLINE_LINE.match("文/记者 贺立 图/记者 李楠") and BYLINE_LINE.match("图/记者 李楠")
    assert not BYLINE_LINE.match("图/文 记者手记")
    # a correspondent sent to cover an event, and who took the pictures said after the names
    assert BYLINE_LINE.match("本报特派记者 梅卓") and BYLINE_LINE.match("新华社特派记者 王芳")
    assert BYLINE_LINE.match("本报记者 严露 文/图") and BYLINE_LINE.match("本报记者 严露/图")
    assert not BYLINE_LINE.match("本报记者 王芳 摄")  # a photo's credit, not a byline
    # or by name alone, as the evening papers also print it, closed up or not
    assert BYLINE_LINE.match("文/王强 图/李明") and BYLINE_LINE.match("文/王强图/李明")
    assert BYLINE_LINE.match("文 / 欧阳立新　图 / 李明") and BYLINE_LINE.match("图/李明")
    assert not BYLINE_LINE.match("文化/旅游融合发展") and not BYLINE_LINE.match("图/文 记者观察")
    assert PHOTO_CREDIT.search("村民在晾晒玉米。 本报记者 李明 摄")["names"].endswith("李明")
    assert not PHOTO_CREDIT.search("摄影展开幕")


@pytest.mark.parametrize("byline", ["本报驻河内记者 周敏", "新华社驻伦敦记者 孙立 赵磊", "本报驻京记者王芳"])
def test_a_correspondent_signs_with_the_place_they_are_posted_to(byline):
    from brief.zh.bylines import BYLINE_LINE, ROLE_ALONE

    assert BYLINE_LINE.match(byline)
    assert ROLE_ALONE.match("本报驻河内记者")  # the names broken off by the column
    assert not BYLINE_LINE.match("驻村第一书记 王芳")


@pytest.mark.parametrize("note", ["（融媒体记者 傅海 见习记者 程瑞）", "（全媒体记者 王芳）", "（首席记者 李明 通讯员 赵磊）"])
def test_reporters_of_every_rank_are_read_after_a_dateline(note):
    from brief.zh.bylines import DATELINE_REPORTERS

    assert DATELINE_REPORTERS.match(note)


@pytest.mark.parametrize(
    ("text", "names"),
    [("秋粮已入仓。（晚报记者 王芳 李明）", "晚报记者 王芳 李明"), ("秋粮已入仓。（据新华社）", None),
     ("秋粮已入仓。（来源：省农业农村厅）", None), ("（本报记者 赵磊 通讯员 王芳）", "本报记者 赵磊 通讯员 王芳"),
     ("秋粮已入仓。（新华社）", None), ("秋粮已入仓。（新华）", None), ("秋粮已入仓。（本报综合）", None)],
)
def test_what_a_body_ends_with_after_its_last_sentence(text, names):
    from brief.zh.bylines import CLOSING_CREDIT

    assert CLOSING_CREDIT.search(text)["names"] == names


@pytest.mark.parametrize(
    ("text", "signed"),
    [("秋粮已入仓。 ■记者 王芳 李明", "记者 王芳 李明"), ("秋粮已入仓。□本报记者 上官宇岚", "本报记者 上官宇岚"),
     ("他说：“秋粮已入仓。”记者 王芳", "记者 王芳")],
)
def test_reporters_signed_after_the_last_sentence_without_brackets(text, signed):
    from brief.zh.bylines import CLOSING_CREDIT

    assert CLOSING_CREDIT.search(text)["signed"] == signed


@pytest.mark.parametrize("text", ["全市（记者 李明）", "新建农田（含改造提升）", "增长三成（同比）", "他是记者王芳的同事。", "这是记者 王芳",
                                  "新华社（新华）发布消息"])
def test_a_bracket_inside_a_sentence_is_no_closing_credit(text):
    from brief.zh.bylines import CLOSING_CREDIT

    assert not CLOSING_CREDIT.search(text)


def test_reporters_as_evening_papers_print_them_after_the_dateline():
    from brief.zh.bylines import DATELINE_REPORTERS

    match = DATELINE_REPORTERS.match("记者张伟 通讯员刘洋、陈静报道 全市秋粮")
    assert match["reported"] == "记者张伟 通讯员刘洋、陈静"


@pytest.mark.parametrize("line", ["本报评论员", "晋北日报特约评论员", "本报评论部", "本报调研组", "新华社联合采访组"])
def test_lines_that_sign_as_an_author(line):
    from brief.zh.bylines import COMMENTATOR

    assert COMMENTATOR.match(line)


@pytest.mark.parametrize("line", ["评论员文章引发热议", "本报调研组走进乡村", "课题组成果发布"])
def test_headlines_that_merely_name_an_author_group(line):
    from brief.zh.bylines import COMMENTATOR

    assert not COMMENTATOR.match(line)


@pytest.mark.parametrize(
    "byline, names",
    [("本报记者 崔琪 余 昊 通讯员 孟骁海", ["崔琪", "余昊", "孟骁海"]), ("全媒体记者 顾 霞 通讯员 牛 蔚刚", ["顾霞", "牛蔚刚"]),
     ("本报记者 王龙飞 王佳丽", ["王龙飞", "王佳丽"]), ("本报记者王龙飞实习生刘畅", ["王龙飞", "刘畅"])],
)
def test_a_letter_spaced_name_is_one_name(byline, names):
    from brief.ingest.segment.rules import _names

    assert _names(byline) == names


def test_a_letter_spaced_byline_is_read_and_a_long_spaced_line_is_not():
    from brief.zh.bylines import BYLINE_LINE, PHOTO_CREDIT

    assert BYLINE_LINE.match("本报记者 崔琪 余 昊 通讯员 孟骁海") and PHOTO_CREDIT.search("游客在古镇拍照留念。 记者 宋 娜 摄")
    # (a pattern that let every space part two letters or two names took minutes on such a line)
    spaced = "记者 " + " ".join("全市秋粮收获进度过九成农民抢抓晴好天气晾晒归仓各地农机手连夜作业确保颗粒归仓") + " 。"
    assert not PHOTO_CREDIT.search(spaced) and not BYLINE_LINE.match(spaced)


@pytest.mark.parametrize("printed", ["人民日报评论员文章本报讯 今天出版的", "本报制图新华社北京9月6日电"])
def test_a_dateline_s_place_holds_no_outlet_s_name(printed):
    from brief.zh.bylines import DATELINE_LINE

    # A headline or a credit run on into the dateline below it is no place: ``评论员文章本报`` is none.
    assert DATELINE_LINE.match(printed) is None
    assert DATELINE_LINE.match(printed[printed.index("本报讯") if "本报讯" in printed else printed.index("新华社"):])


@pytest.mark.parametrize("opening", ["13日，记者从市应急管理局了解到，", "13日记者从市应急管理局获悉，"])
def test_an_attribution_after_the_day_it_was_given_comes_off_too(opening):
    assert strip_attribution(opening + "全市防汛工作有序推进。") == "全市防汛工作有序推进。"
