"""The informativeness check: a summary under its title must say what the title does not."""

from brief.document import Article
from brief.summarize.informative import (
    informativeness_problems, keeps_a_lead_figure, key_fact_figures, lead_figures, novelty)

PRESS = Article(
    title="我市举行稳就业新闻发布会",
    paragraphs=["本报讯（记者 李明）10月9日，市政府新闻办举行新闻发布会，介绍稳就业工作情况。",
                "今年以来，全市新增城镇就业3.2万人，发放创业担保贷款4.6亿元，帮扶困难人员再就业1200人。",
                "发布会宣布，全市将新建零工市场15个。"],
)


def test_novelty_is_the_share_of_new_bigrams():
    assert novelty("我市举行稳就业新闻发布会。", PRESS.title) == 0.0
    assert novelty("全市新增城镇就业3.2万人", "") == 1.0
    share = novelty("我市举行稳就业新闻发布会，全市新增城镇就业3.2万人。", PRESS.title)
    assert 0.3 < share < 0.7


def test_lead_figures_come_from_the_first_two_sentences_without_the_byline():
    assert [f.text for f in lead_figures(PRESS)] == ["3.2万人", "4.6亿元", "1200人"]
    assert lead_figures(Article(title="t", paragraphs=["会议在京召开。", "与会代表讨论了报告。", "共有300人参加。"])) == []


def test_a_lead_figure_may_drop_its_unit_but_not_change_its_value():
    lead = lead_figures(PRESS)
    assert keeps_a_lead_figure("全市新增城镇就业3.2万。", lead)
    assert keeps_a_lead_figure("新增就业32000人。", lead)
    assert not keeps_a_lead_figure("新增就业3万人，新建零工市场15个。", lead)


def test_a_summary_that_restates_the_title_or_drops_the_lead_figures_is_reported():
    assert informativeness_problems("今年以来，全市新增城镇就业3.2万人，将新建零工市场15个。", PRESS) == []
    restates = informativeness_problems("我市举行了稳就业新闻发布会。", PRESS)[0]
    assert restates.startswith(f"重复标题“{PRESS.title}”（新内容仅占")
    problems = informativeness_problems("市政府新闻办介绍了稳就业工作情况，全市将新建零工市场。", PRESS)
    assert problems == ["未保留关键数字（3.2万人、4.6亿元、1200人）"]


def test_a_press_conference_whose_lead_has_no_figure_must_keep_what_was_announced():
    article = Article(title="我省举行优化营商环境新闻发布会", paragraphs=[
        "10月9日，省政府新闻办举行新闻发布会。", "省发展改革委有关负责人介绍了相关情况。",
        "今年以来，全省新设经营主体28.6万户，同比增长11.3%。", "全省政务服务事项网上可办率达到98%。"])
    assert lead_figures(article) == []
    assert [f.text for f in key_fact_figures(article)] == ["28.6万户", "11.3%"]
    (problem,) = informativeness_problems("省发展改革委介绍了优化营商环境的工作成效和下一步安排。", article)
    assert problem == "未保留关键数字（28.6万户、11.3%）"
    assert informativeness_problems("今年以来全省新设经营主体28.6万户，网上可办率达到98%。", article) == []
