"""Chinese figures -> English, and the placeholders that carry them through translation."""

import pytest

from brief.deliver.numbers_en import find_figures, protect


def english(text):
    return [english for _, english in find_figures(text)]


@pytest.mark.parametrize("chinese,expected", [
    ("36.54万人", "365,400 people"),
    ("5887.6亿元", "588.76 billion yuan"),
    ("577.74万元", "5.7774 million yuan"),
    ("1.2万亿元", "1.2 trillion yuan"),
    ("3000万元", "30 million yuan"),
    ("0.8万户", "8,000 households"),
    ("11142件", "11,142"),
    ("11142", "11142"),  # a bare integer counts nothing (a code, a hotline): kept as printed
    ("12315机构", "12315"),
    ("11,142人", "11,142 people"),
    ("1人", "1 person"),
    ("15万吨", "150,000 tonnes"),
    ("3千米", "3 kilometres"),
    ("5千", "5,000"),
    ("3.5%", "3.5%"),
    ("2.1个百分点", "2.1 percentage points"),
    ("1.5倍", "1.5 times"),
    ("120平方米", "120 square metres"),
    ("37个", "37"),
    ("1400多项", "more than 1,400"),
    ("2万余人", "more than 20,000 people"),
    ("1—8月", "January-August"),
    ("1-8月份", "January-August"),
    ("3至5月", "March-May"),
    ("10月17日", "October 17"),
    ("2024年10月17日", "October 17, 2024"),
    ("2024年9月份", "September 2024"),
    ("2024年", "2024"),
    ("9月", "September"),
    ("2025", "2025"),  # a bare year is never written 2,025
])
def test_figure_to_english(chinese, expected):
    assert english(f"据统计{chinese}。") == [expected]


def test_sentence_with_many_figures():
    protected = protect("1—8月我省累计新增城镇就业36.54万人，带动投资5887.6亿元，惠及企业11142家。", dates=False)
    assert protected.text == "[[N1]]我省累计新增城镇就业[[N2]]，带动投资[[N3]]，惠及企业[[N4]]。"
    assert [f.source for f in protected.figures] == ["1—8月", "36.54万人", "5887.6亿元", "11142家"]


def test_repeated_figure_shares_its_placeholder():
    protected = protect("增长3.5%，其中城镇增长3.5%。")
    assert protected.text == "增长[[N1]]，其中城镇增长[[N1]]。"
    assert len(protected.figures) == 1


def test_impossible_month_is_not_a_figure():
    assert english("第13月") == []


def test_restore_and_check_accept_a_faithful_translation():
    protected = protect("1—8月，新增就业36.54万人。", dates=False)
    output = "From [[N1]], [[ N2 ]] new jobs were created."
    assert protected.check(output) == []
    assert protected.restore(output) == "From January-August, 365,400 people new jobs were created."


def test_check_catches_a_lost_placeholder():
    protected = protect("完成投资5887.6亿元，惠及企业11142家。")
    problems = protected.check("Investment reached [[N1]], benefiting many firms.")
    assert problems == ["missing 11142家 (11,142)"]


def test_check_catches_numbers_the_model_wrote_itself():
    protected = protect("惠及企业11142家。")
    assert protected.check("It benefited [[N1]] firms, up 111,420.") == ["number not in the source: 111, 420"]


def test_check_catches_unknown_placeholders():
    protected = protect("增长3.5%。")
    assert protected.check("Up [[N1]] and [[N2]].") == ["unknown placeholder [[N2]]"]


def test_unprotected_digits_of_the_source_may_be_copied():
    protected = protect("第13月的说法并不存在。")
    assert protected.text == "第13月的说法并不存在。"
    assert protected.check("There is no 13th month.") == []


def test_restore_drops_words_of_the_figure_the_model_wrote_again():
    protected = protect("10月17日上午，总投资5887.6亿元，吸纳36.54万人，签约项目1638个。", dates=False)
    english = ("At noon on October [[N1]], investment reached [[N2]] billion yuan, employing [[N3]] people "
               "and signing [[N4]] projects.")
    assert protected.restore(english) == ("At noon on October 17, investment reached 588.76 billion yuan, "
                                          "employing 365,400 people and signing 1,638 projects.")


def test_a_month_written_out_instead_of_its_placeholder_is_the_figure():
    protected = protect("今年9月，全市新增就业3.2万人。", dates=False)
    assert protected.text == "今年[[N1]]，全市新增就业[[N2]]。"
    assert protected.check("In September, new jobs in the city numbered [[N2]].") == []
    assert protected.restore("In September, new jobs in the city numbered [[N2]].") == (
        "In September, new jobs in the city numbered 32,000 people.")
    # Not a word that merely contains it, and never a figure with digits (32,000 must be the marker).
    assert protected.check("In Septembers the city added [[N2]] jobs.") == ["missing 9月 (September)"]
    assert protected.check("In [[N1]] the city added 32,000 jobs.")[0].startswith("missing 3.2万人")


def test_a_figure_whose_english_is_its_own_digits_stays_in_the_text():
    # a hotline, a year, a small count: the model copies the digits; no marker to read as a quantity
    protected = protect("市场监管12315机构自2018年起共受理投诉4006件，联合10部门，增长3.6%。")
    assert protected.text == "市场监管12315机构自2018年起共受理投诉[[N1]]，联合10部门，增长[[N2]]。"
    assert [f.english for f in protected.figures] == ["4,006", "3.6%"]
    assert [(c.source, c.english) for c in protected.codes] == [("12315", "12315"), ("2018年", "2018"),
                                                                 ("10", "10")]
    good = "Since 2018 the 12315 hotline received [[N1]] complaints, with 10 departments, up [[N2]]."
    assert protected.check(good) == []
    # each one must come back digit for digit, and none of the model's own
    assert protected.check(good.replace("Since 2018 ", "")) == ["missing 2018年 (2018)"]
    assert protected.check(good.replace("12315", "12,315")) == [
        "missing 12315 (12315)", "number not in the source: 12, 315"]
    # as before, when asked: every figure a marker
    assert protect("市场监管12315机构", codes=False).text == "市场监管[[N1]]机构"


def test_dates_and_months_are_written_in_english_where_they_stand():
    protected = protect("10月17日上午，全县1—8月新增就业3.2万人，2024年9月以来增长3.6%。")
    assert protected.text == "October 17 上午，全县 January-August 新增就业[[N1]]，September 2024 以来增长[[N2]]。"
    assert [(d.source, d.english) for d in protected.dates] == [
        ("10月17日", "October 17"), ("1—8月", "January-August"), ("2024年9月", "September 2024")]
    good = ("On the morning of October 17, the county added [[N1]] jobs from January to August, "
            "up [[N2]] since September 2024.")
    assert protected.check(good) == []
    # the model may not drop the day, write another one, or leave a month out
    assert protected.check(good.replace("October 17", "October")) == ["missing 10月17日 (October 17)"]
    assert protected.check(good.replace("October 17", "October 18")) == [
        "missing 10月17日 (October 17)", "number not in the source: 18"]
    assert protected.check(good.replace(" since September 2024", "")) == ["missing 2024年9月 (September 2024)"]


def test_a_small_count_may_be_spelled_out_but_not_changed():
    protected = protect("召开7次推进会，联合12315热线。")
    assert [c.english for c in protected.codes] == ["7", "12315"]
    assert protected.check("Seven meetings were held with the 12315 hotline.") == []
    assert protected.check("7 meetings were held with the 12315 hotline.") == []
    assert protected.check("Several meetings were held with the 12315 hotline.") == ["missing 7次 (7)"]
    assert protected.check("Eight meetings were held with the 12315 hotline.") == ["missing 7次 (7)"]
    # a code of ten or more is never a word
    assert protect("联合12部门。").check("Twelve departments joined.") == ["missing 12 (12)"]
