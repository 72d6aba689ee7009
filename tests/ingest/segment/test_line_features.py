from brief.ingest.segment.features import _kicker_words, dateline_reach, page_features


def test_a_headline_line_that_ends_on_a_speakers_verb_or_a_columns_name_says_so():
    assert _kicker_words("市委书记在全市秋粮生产调度会上强调", "title") == ["speech_end"]
    assert _kicker_words("省长在调研时指出——", "kicker") == ["speech_end"]
    assert _kicker_words("◎相关链接", "title") == ["series_end"]
    assert _kicker_words("【记者观察】", "kicker") == ["series_end"]
    assert _kicker_words("秋 收 一 线", "title") == ["series_end"]
    assert _kicker_words("全市秋粮收获进度过九成", "title") == []


def test_only_headline_lines_are_asked():
    # Running text ends on these words too (``……负责人表示``): there it means nothing.
    assert _kicker_words("市农业农村局有关负责人表示", "body") == []
    assert _kicker_words("新闻观察", "caption") == []


def test_the_tagger_sees_it_on_the_line_and_its_neighbours():
    page = "全市秋粮喜获丰收\n\n市委书记在全市秋粮生产调度会上强调\n抢抓晴好天气确保颗粒归仓\n\n本报讯 连日来，全市各地组织农机手抢收秋粮。\n"
    lines, features = page_features(page)
    at = next(i for i, line in enumerate(lines) if line.raw.endswith("强调"))
    assert features[at].get("0speech_end") == 1.0
    assert features[at + 1].get("-1speech_end") == 1.0


def _cohesion_at(page: str, needle: str) -> dict[str, float]:
    lines, features = page_features(page)
    at = next(i for i, line in enumerate(lines) if line.raw == needle)
    return {k: v for k, v in features[at].items() if k.startswith("0coh_")}


# Two stories with no words in common, a title between them, a subhead inside the second.
_TWO_STORIES = (
    "今年以来，全市新建改建农村公路\n三百二十公里，农村公路通达率持续\n提升。农村公路建设带动沿线乡村\n"
    "发展特色产业，群众出行更加便捷。\n\n"
    "沿海港口集装箱吞吐量创新高\n\n"
    "本报讯 前十个月，沿海港口完成集装\n箱吞吐量一千二百万标准箱，同比\n增长百分之九。港口集装箱航线持续\n加密，外贸集装箱业务量稳步增长。\n"
    "航线网络加密\n"
    "港口新开通集装箱航线十二条，外贸\n集装箱航线覆盖主要贸易伙伴，港口\n集装箱吞吐能力进一步增强。\n"
)


def test_a_title_between_two_stories_shares_few_words_with_the_text_across_it():
    # Two stories still share a common word or two (here 持续): few, not none.
    assert _cohesion_at(_TWO_STORIES, "沿海港口集装箱吞吐量创新高") == {"0coh_across=low": 1.0, "0coh_gap=low": 1.0}


def test_a_subhead_inside_a_story_shares_words_with_the_text_around_it():
    assert _cohesion_at(_TWO_STORIES, "航线网络加密") == {"0coh_across=high": 1.0, "0coh_gap=high": 1.0}


def test_too_little_text_on_one_side_is_not_read_as_a_change_of_story():
    assert _cohesion_at(_TWO_STORIES, "今年以来，全市新建改建农村公路") == {"0coh_across=short": 1.0, "0coh_gap=short": 1.0}


def test_a_dateline_justified_letter_by_letter_is_read_closed_up_when_asked():
    # a short dateline line spread over the column's width, broken before ``讯``: the assembly reads
    # it closed up; the tagger's features read lines as printed, as its model was trained
    lines, _ = page_features("市文旅局发布国庆假期数据\n\n本 报 武 威 4 月 13 日\n讯（记者 孔辉）市文旅局日前发布\n消息，全市接待游客三百万人次。")
    assert dateline_reach(lines, 1, justified=True)[:2] == ("dl", 2)
    assert dateline_reach(lines, 1) is None
    # a byline's space between role and name is no justification: no dateline runs through it
    lines, _ = page_features("市文旅局发布国庆假期数据\n\n本报记者 孙芬\n孟雪\n\n本报讯（记者 孔辉）市文旅局日前发布消息。")
    assert dateline_reach(lines, 1, justified=True) is None
