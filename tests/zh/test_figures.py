"""Figures on Chinese news text written for these tests."""

from brief.zh import Figure, chinese_number, extract_figures, key_figures, to_halfwidth


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


def test_a_count_of_months_or_hours_in_chinese_numerals_is_a_duration_not_a_key_figure():
    # 前两个月 listed ``两个`` as the item's key figure, bold in the brief.
    text = "今年前两个月，全市新建两个公园，两个多月来完成投资3.2亿元，五个小时后恢复通车，三个星期内完工。"
    assert [f.text for f in key_figures(text)] == ["两个", "3.2亿元"]


def test_a_duration_in_chinese_numerals_is_read_whole_and_equals_its_digit_form():
    figures = extract_figures("前两个月完工，两个多月来，历时两个半月，五个小时后通车，建成两个项目")
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("两个月", 2.0, "个月"), ("两个多月", 2.0, "个月"), ("两个半月", 2.5, "个月"),
        ("五个小时", 5.0, "小时"), ("两个", 2.0, "个")]
    three_months, five_hours = extract_figures("3个月后，5个小时内")
    assert figures[0].same_as(Figure("2个月", 2.0, "个月"))
    assert (three_months.unit, five_hours.unit) == ("个月", "小时")
    assert not figures[-1].same_as(figures[0]) and not figures[0].same_as(figures[-1])


def test_key_figures_are_listed_once_and_keep_full_width_forms():
    assert [f.text for f in key_figures("增长５％，其中农村增长５％，城市增长3.2万人")] == ["５％", "3.2万人"]


def test_quantity_before_is_the_cheap_test_and_key_figures_the_exact_one():
    from brief.zh.figures import quantity_before

    people = quantity_before("人次|人|户|名|家")
    assert people.search("惠及36.54万人") and people.search("新增就业1.2万名")
    assert not people.search("召开2024年会议")
    # What the cheap test gets wrong and the exact reading gets right:
    counts = quantity_before("个|项")
    assert counts.search("第5个试点") and not key_figures("第5个试点")  # an ordinal
    assert not counts.search("推出五项措施") and [f.text for f in key_figures("推出五项措施")] == ["五项"]


def test_english_forms_read_each_figure_as_extract_figures_does():
    from decimal import Decimal

    from brief.deliver.numbers_en import find_figures

    text = "惠及36.54万人，投资5887.6亿元，１—８月增长1.85%，新增1,200户"
    english = [form for _, form in find_figures(text)]
    assert english == ["365,400 people", "588.76 billion yuan", "January-August", "1.85%", "1,200 households"]
    values = [f.value for f in extract_figures(text) if f.kind == "number"]
    assert [Decimal(str(v)) for v in values] == [Decimal("365400.0"), Decimal("588760000000.0"),
                                                 Decimal("1.85"), Decimal("1200.0")]
