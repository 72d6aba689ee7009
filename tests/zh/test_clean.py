from brief.zh import clean_heading, clean_inline, clean_text


def test_justification_spaces_between_chinese_and_digits_go():
    assert clean_inline("10 月 20 日 下 午 ，市 政 府 召 开") == "10月20日下午，市政府召开"
    assert clean_inline("新 建 “口 袋 公 园 ”36 处 ，总 面 积 4215.6") == "新建“口袋公园”36处，总面积4215.6"
    assert clean_inline("全市 11 个县（市、区）") == "全市11个县（市、区）"


def test_figures_and_marks_stay_exact():
    text = "1—8月，全省12315热线受理投诉下降0.94%，印发《进一步深化开发区改革行动方案》，覆盖11个县（市、区）。"
    assert clean_inline(text) == text


def test_full_width_digits_and_percent_are_normalized_once():
    assert clean_inline("同比减少０．９４％，环比减少13.12％") == "同比减少0.94%，环比减少13.12%"
    assert clean_inline("２０２４年ＡＩ大会") == "2024年AI大会"
    # Idempotent: cleaning clean text changes nothing.
    once = clean_inline("同比减少 0.94％ ，共 5 万 人")
    assert clean_inline(once) == once == "同比减少0.94%，共5万人"


def test_spaces_between_latin_words_stay():
    assert clean_inline("发布 Apple Watch 新款") == "发布Apple Watch新款"
    assert clean_inline("采用 Windows 11 系统") == "采用Windows 11系统"


def test_heading_keeps_a_phrase_separator_but_not_letter_spacing():
    assert clean_heading("聚焦群众关切 办好民生实事") == "聚焦群众关切 办好民生实事"
    assert clean_heading("全 省 秋 粮 收 获 过 九 成") == "全省秋粮收获过九成"
    assert clean_heading("第 12 届 大 赛 开 幕") == "第12届大赛开幕"


def test_clean_text_joins_hard_wraps_and_column_breaks():
    text = "近年来，全省持续推进稳就\n\n业扩就业，城镇新增就业36\n万人，完成全年目标的81%。\n\n今年以来，各地举办招聘\n会1200余场。\n"
    assert clean_text(text) == "近年来，全省持续推进稳就业扩就业，城镇新增就业36万人，完成全年目标的81%。\n今年以来，各地举办招聘会1200余场。"


def test_clean_text_keeps_unwrapped_paragraphs():
    text = "第一段讲的是全省秋粮收获进度已经超过九成，比去年同期快了两个多百分点。\n第二段讲的是各地组织农机手和种粮大户抢抓晴好天气。\n"
    assert clean_text(text).split("\n") == [line for line in text.splitlines() if line]


def test_clean_text_of_nothing_is_empty():
    assert clean_text("") == ""
    assert clean_text(" \n\u3000\n") == ""


def test_latin_marks_in_chinese_text_become_chinese_ones_and_figures_and_english_keep_theirs():
    from brief.zh import normalize_chars

    assert normalize_chars("全省GDP增长5.3%,达到3.5万亿元;其中:工业(制造业)增长6%") == \
        "全省GDP增长5.3%，达到3.5万亿元；其中：工业（制造业）增长6%"
    assert normalize_chars("本报太原10月17日讯(记者 郝薇)") == "本报太原10月17日讯（记者 郝薇）"
    for kept in ("3,000吨", "10:30开幕", "Hello, world: a test", "增长(GDP)", "http://example.cn"):
        assert normalize_chars(kept) == kept
