"""The faithfulness guard on summaries written for these tests: planted errors fail, paraphrases pass."""

import pytest

from brief.summarize.guard import GuardReport, check_summary, repeated_phrases, unsupported_figures

SOURCE = (
    "本报太原10月17日讯（记者 郝薇）记者从山西省人力资源和社会保障厅了解到，1—8月，全省城镇新增就业"
    "36.54万人，同比增长1.85%，城镇调查失业率为0.15%。省人社厅厅长王建军表示，下一步将在太原市、"
    "晋中市开展三项专项行动，重点帮扶高校毕业生，C919航空维修培训也将启动。"
)


@pytest.mark.parametrize(
    "summary",
    [
        "1—8月，山西城镇新增就业36.54万人，同比增长1.85%。",
        "山西前8个月城镇新增就业365400人。",  # the same figure written out, the range as words
        "山西1-8月新增就业３６．５４万人，失业率0.15％。",  # other dash, full-width digits and sign
        "王建军表示，太原、晋中将开展3项专项行动。",  # 三项 == 3项, 太原 for 太原市
        "省人社厅：C919航空维修培训将启动。",
        "10月17日，山西发布前8个月就业数据。",
        "山西17日发布前8个月就业数据。",  # the day alone, of a full date in the source
        "全省城镇就业保持稳定，高校毕业生得到重点帮扶。",  # nothing checkable, nothing wrong
    ],
)
def test_faithful_paraphrases_pass(summary):
    report = check_summary(summary, SOURCE)
    assert report.ok, report.problems
    assert report.problems == []


def test_a_month_range_turned_into_the_whole_year_fails():
    report = check_summary("全年山西城镇新增就业36.54万人。", SOURCE)
    assert not report.ok
    assert report.problems == ["时段“全年”原文没有（原文是1—8月）"]


def test_another_period_word_fails_unless_its_months_are_the_source_range():
    assert not check_summary("上半年新增就业36.54万人。", SOURCE).ok
    assert not check_summary("前9个月新增就业36.54万人。", SOURCE).ok
    half_year = "1—6月，全县完成投资8亿元。"
    assert check_summary("上半年全县完成投资8亿元。", half_year).ok


def test_a_count_of_things_is_not_supported_by_a_count_of_months():
    source = "今年前两个月，全县新开工项目进展顺利，5个小时完成抢修。"
    assert check_summary("全县新开工两个项目。", source).problems == ["数字“两个”原文没有"]
    assert check_summary("前2个月，全县新开工项目进展顺利。", source).ok
    assert check_summary("五个小时完成抢修。", source).ok


def test_a_changed_magnitude_fails():
    report = check_summary("山西城镇新增就业365万人。", SOURCE)
    assert report.problems == ["数字“365万人”原文没有"]


def test_a_rounded_percentage_fails():
    report = check_summary("城镇调查失业率为0.1%。", SOURCE)
    assert report.problems == ["数字“0.1%”原文没有"]


def test_an_invented_percentage_fails():
    report = check_summary("近90%的高校毕业生已就业。", SOURCE)
    assert report.problems == ["数字“90%”原文没有"]


def test_a_figure_with_the_wrong_unit_fails():
    assert not check_summary("全省新增就业36.54万户。", SOURCE).ok


def test_a_wrong_place_fails():
    report = check_summary("大同市将开展三项专项行动。", SOURCE)
    assert report.problems == ["地名“大同市”原文没有"]


def test_a_wrong_person_fails():
    report = check_summary("李明表示，太原将开展三项专项行动。", SOURCE)
    assert report.problems == ["人名“李明”原文没有"]


def test_a_wrong_post_for_a_named_person_fails():
    assert check_summary("厅长王建军表示将开展三项专项行动。", SOURCE).ok
    report = check_summary("省长王建军表示将开展三项专项行动。", SOURCE)
    assert report.problems == ["职务“省长王建军”原文没有"]


def test_dropping_deputy_from_a_post_fails():
    source = "副市长赵刚出席开工仪式。"
    assert check_summary("副市长赵刚出席开工仪式", source).ok
    assert check_summary("市长赵刚出席开工仪式", source).problems == ["职务“市长赵刚”原文没有"]


def test_a_post_stated_after_the_name_counts():
    source = "国家主席致电张伟，祝贺他就任某国总统。"
    assert check_summary("总统张伟就任", source).ok


def test_a_foreign_name_split_by_the_tagger_is_checked_whole():
    report = check_summary("布林肯表示支持。", "国务卿表示支持。")
    assert report.problems == ["人名“布林肯”原文没有"]


@pytest.mark.parametrize(
    "summary",
    [
        "乌称击退多次进攻。",  # jieba tags 乌称 a person: no surname, not a name
        "各地坚持公正执法，维护和平稳定。",  # 公正 (nr) and 和平 (nz) are plain words
        "各区集中开展专项行动。",
    ],
)
def test_plain_words_that_jieba_tags_as_names_pass(summary):
    source = "对方称已击退多次进攻。各地集中开展专项行动，执法做到公平公开，社会保持稳定。"
    assert check_summary(summary, source).ok, check_summary(summary, source).problems


def test_a_wrong_organisation_fails():
    report = check_summary("省教育厅将开展三项专项行动。", SOURCE)
    assert not report.ok
    assert any("教育厅" in p for p in report.problems)


def test_a_wrong_code_fails():
    report = check_summary("C929航空维修培训也将启动。", SOURCE)
    assert report.problems == ["编号“C929”原文没有"]


def test_a_phrase_said_twice_fails_unless_the_source_says_it_twice():
    source = "全省城镇新增就业稳步增长，高校毕业生就业保持稳定。"
    looping = "全省城镇新增就业稳步增长，全省城镇新增就业稳步增长。"
    assert check_summary(looping, source).problems == ["重复“全省城镇新增就业稳步增长”"]
    twice = "省政府召开常务会议。会后，省政府召开常务会议专题部署。"
    assert check_summary("省政府召开常务会议，省政府召开常务会议", twice).ok
    assert repeated_phrases("稳就业稳就业") == []  # shorter than six characters


def test_several_errors_are_all_reported():
    report = check_summary("全年大同市新增就业365万人。", SOURCE)
    assert len(report.problems) == 3


def test_report_round_trips_to_json_ready_dict():
    assert GuardReport(False, ["数字“1”原文没有"]).to_dict() == {"ok": False, "problems": ["数字“1”原文没有"]}


def test_unsupported_figures_alone_needs_no_tagger():
    assert [f.text for f in unsupported_figures("增长1.9%，新增36.54万人", SOURCE)] == ["1.9%"]


def test_a_post_given_the_wrong_country_fails():
    source = "应法国总统邀请，国务院总理张明抵达巴黎，开始对法国进行正式访问。"
    assert check_summary("国务院总理张明抵达巴黎", source).ok
    assert check_summary("总理张明抵达巴黎进行正式访问", source).ok
    report = check_summary("法国总理张明抵达巴黎", source)
    assert report.problems == ["职务“法国总理张明”原文没有"]
