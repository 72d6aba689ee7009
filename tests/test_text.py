"""Sentence splitting, figures and cleaning on Chinese news text written for these tests."""

from brief.text import (
    chinese_number,
    clauses,
    extract_figures,
    fit,
    key_figures,
    split_sentences,
    strip_attribution,
    strip_source_tag,
    to_halfwidth,
)


def test_split_keeps_decimals_and_percentages_whole():
    text = "今年前三季度全市粮食播种面积10714.9亩，同比增长1.85%。秋粮收购进展顺利！下一步怎么办？"
    assert split_sentences(text) == [
        "今年前三季度全市粮食播种面积10714.9亩，同比增长1.85%。",
        "秋粮收购进展顺利！",
        "下一步怎么办？",
    ]


def test_split_at_semicolon_ellipsis_and_line_break():
    text = "一是稳就业；二是保民生……\n三是促发展"
    assert split_sentences(text) == ["一是稳就业；", "二是保民生……", "三是促发展"]


def test_quote_with_its_own_full_stops_is_one_sentence():
    text = "厅长在会上说：“就业形势总体稳定。下一步还要加力。”与会代表表示认同。"
    assert split_sentences(text) == [
        "厅长在会上说：“就业形势总体稳定。下一步还要加力。”",
        "与会代表表示认同。",
    ]


def test_the_speaker_after_a_quote_stays_with_it():
    text = "“现在机器三天就能收完。”种粮大户李建国说。全省秋收进度过半。"
    assert split_sentences(text) == ["“现在机器三天就能收完。”种粮大户李建国说。", "全省秋收进度过半。"]


def test_closing_quote_and_bracket_stay_with_their_sentence():
    text = "他称这是“关键一步。”会议通过了方案（详见附件。）随后闭幕。"
    assert split_sentences(text) == ["他称这是“关键一步。”", "会议通过了方案（详见附件。）", "随后闭幕。"]


def test_unbalanced_quote_does_not_swallow_the_line():
    text = "标题写着“春耕忙。农民说今年雨水足。会议随后闭幕。"
    assert split_sentences(text) == ["标题写着“春耕忙。", "农民说今年雨水足。", "会议随后闭幕。"]


def test_punctuation_only_pieces_are_dropped():
    assert split_sentences("。。\n……\n新的一天开始了。") == ["新的一天开始了。"]


def test_figures_normalize_value_and_unit():
    figures = extract_figures("全省新增就业36.54万人，增长1.85%，新建项目三项，投资2.5亿元，提高0.7个百分点。")
    got = [(f.text, f.value, f.unit, f.kind) for f in figures]
    assert got == [
        ("36.54万人", 365400.0, "人", "number"),
        ("1.85%", 1.85, "%", "number"),
        ("三项", 3.0, "项", "number"),
        ("2.5亿元", 250000000.0, "元", "number"),
        ("0.7个百分点", 0.7, "百分点", "number"),
    ]


def test_figures_know_where_they_are():
    text = "去年增长5%，今年增长1.85%。"
    assert [(f.span, text[f.span[0]:f.span[1]]) for f in extract_figures(text)] == [
        ((4, 6), "5%"),
        ((11, 16), "1.85%"),
    ]


def test_full_width_digits_and_percent_sign():
    (figure,) = extract_figures("出口增长１２．５％")
    assert figure.text == "１２．５％"  # the surface form as printed
    assert (figure.value, figure.unit) == (12.5, "%")
    assert to_halfwidth("１２．５％") == "12.5%"


def test_ranges_and_dates():
    figures = extract_figures("1—8月和1-8月，1月至8月，2023—2024年，10月17日，2024年3月，2023年")
    assert [(f.kind, f.value, f.high, f.unit) for f in figures[:4]] == [
        ("range", 1.0, 8.0, "月"),
        ("range", 1.0, 8.0, "月"),
        ("range", 1.0, 8.0, "月"),
        ("range", 2023.0, 2024.0, "年"),
    ]
    assert [f.parts for f in figures[4:]] == [(None, 10, 17), (2024, 3, None), (2023, None, None)]
    (day,) = extract_figures("王华17日在大同调研")
    assert (day.kind, day.parts) == ("date", (None, None, 17))


def test_codes_and_lone_yi_are_not_figures():
    assert extract_figures("5G基站和C919大飞机") == []
    assert extract_figures("一个重要举措") == []


def test_thousands_separator_and_approximate_counts():
    a, b = extract_figures("搬迁21,597人，发现问题1400多项")
    assert (a.value, a.unit) == (21597.0, "人")
    assert (b.value, b.unit) == (1400.0, "项")


def test_same_as_allows_a_dropped_unit_but_not_a_changed_value():
    (source,) = extract_figures("36.54万人")
    (bare,) = extract_figures("36.54万")
    (plain,) = extract_figures("365400人")
    (rounded,) = extract_figures("365万人")
    assert bare.same_as(source) and plain.same_as(source)
    assert not rounded.same_as(source)
    (households,) = extract_figures("36.54万户")
    assert not households.same_as(source)


def test_chinese_numerals():
    assert chinese_number("十二") == 12
    assert chinese_number("两万") == 20000
    assert chinese_number("三百五十") == 350
    assert chinese_number("一千零八") == 1008
    assert chinese_number("十") == 10
    assert chinese_number("两岸") is None


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


def test_clauses_respect_quotes_and_lists():
    sentence = "他说：“好，很好。”会议强调，要稳就业、保民生，促发展。"
    assert clauses(sentence) == ["他说：", "“好，很好。”会议强调，", "要稳就业、保民生，", "促发展。"]
    assert clauses("要稳就业、保民生", lists=True) == ["要稳就业、", "保民生"]


def test_fit_cuts_at_clause_boundaries_and_never_mid_number():
    sentence = "全省城镇新增就业36.54万人，同比增长1.85%，较上年同期有所提高。"
    assert fit(sentence, 20) == "全省城镇新增就业36.54万人"
    assert fit(sentence, 100) == sentence
    no_commas = "全省城镇新增就业人数同比增长1.85%较上年同期有所提高"
    cut = fit(no_commas, 16)
    assert len(cut) <= 16 and no_commas.startswith(cut)
    assert not cut.endswith(("1", "1.", "1.8", "1.85"))


def test_fit_does_not_cut_a_range_in_half():
    sentence = "规划纲要（2024—2028年）明确了今后五年的目标任务和工作举措"
    cut = fit(sentence, 10)
    assert not cut.endswith("2024")


def test_fit_prefers_a_cut_before_a_function_word_to_a_fragment():
    sentence = "国家主席在人民大会堂同来华进行国事访问的外国元首举行会谈。"
    assert fit(sentence, 24) == "国家主席在人民大会堂同来华进行国事访问"


def test_a_unit_that_starts_a_word_is_not_a_unit():
    (figure,) = extract_figures("国家卫健委联合10部门发布通知")
    assert figure.text == "10" and figure.unit == ""


def test_kilometres_are_not_thousands_of_metres():
    (figure,) = extract_figures("新建高速公路全长720千米")
    assert figure.value == 720 and figure.unit == "公里"


def test_key_figures_are_quantities_an_official_reads_for():
    text = ("近两年，全省组织开展了7次“三个一批”活动，签约项目1638个，总投资5887.6亿元，"
            "累计服务1120.1万户次，同比增长12.5%，提高0.7个百分点。")
    assert [f.text for f in key_figures(text)] == [
        "7次", "1638个", "5887.6亿元", "1120.1万户次", "12.5%", "0.7个百分点"]


def test_key_figures_leave_out_names_ordinals_hotlines_clocks_and_durations():
    text = ("第十二届论坛和第七届展会10月17日开幕，三个一批项目三天内落地，市民可拨打12315热线，"
            "也可拨打服务热线96110咨询，9月24日0—24时暂停办理，8时30分恢复，历时两年，今年1—8月，"
            "“六进”活动，“两个确立”")
    assert key_figures(text) == []


def test_key_figures_are_listed_once_and_keep_full_width_forms():
    assert [f.text for f in key_figures("增长５％，其中农村增长５％，城市增长3.2万人")] == ["５％", "3.2万人"]
