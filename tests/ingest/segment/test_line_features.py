from brief.ingest.segment.features import _kicker_words, page_features


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
