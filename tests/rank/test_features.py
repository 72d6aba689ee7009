"""Features: authority, scope, hard facts, prominence, profile and freshness, on stories written here."""

import math

from brief.document import Article
from brief.rank.features import article_features, freshness, hard_figures, profile_score

from rank_stories import CENTRAL, CONCERT, HARVEST


def test_central_decision_reads_as_central_authority_with_national_scope():
    f = article_features(CENTRAL)
    assert f["central_title"] == 1.0 and f["central_lead"] > 0
    assert f["scope_national"] > 0
    assert f["leader_title"] == 0.0 and f["foreign"] == 0.0


def test_provincial_department_and_local_bodies_are_told_apart():
    meeting = Article(title="省政府召开常务会议", paragraphs=["会议研究部署秋冬季安全生产。"])
    assert article_features(meeting)["provincial"] > 0
    harvest = article_features(HARVEST)
    assert harvest["department"] > 0 and harvest["provincial"] == 0.0  # 省农业农村厅
    assert harvest["scope_province"] > 0  # 全省
    assert article_features(CONCERT)["local"] > 0  # 社区


def test_top_leader_in_the_title_lead_and_body():
    story = Article(title="习近平在省里考察调研", paragraphs=["习近平总书记来到一家企业考察。" * 3])
    f = article_features(story)
    assert f["leader_first"] == f["leader_title"] == f["leader_lead"] == 1.0
    assert 0 < f["leader_body"] < 1


def test_story_set_abroad_reads_as_foreign():
    story = Article(title="某国举行大选", paragraphs=["当地时间15日，美国多地举行投票，联合国官员表示关注。"])
    assert article_features(story)["foreign"] >= 0.5


def test_hard_figures_are_amounts_not_dates():
    found = [f.text for f in hard_figures("10月16日上午，总投资18.6亿元的大桥通车，日均车流3万辆次。")]
    assert found == ["18.6亿元", "3万辆"]
    assert article_features(HARVEST)["figures"] > article_features(CONCERT)["figures"] == 0.0


def test_prominence_needs_a_page():
    lead = Article(title="甲", page="1", position=0, paragraphs=["正文。"])
    inside = Article(title="甲", page="A6", position=3, paragraphs=["正文。"])
    broadcast = Article(title="甲", paragraphs=["正文。"])
    f_lead, f_inside, f_none = (article_features(a) for a in (lead, inside, broadcast))
    assert f_lead["lead_article"] == f_lead["front_page"] == 1.0
    assert f_inside["front_page"] == 0.0 and math.isclose(f_inside["page"], 1 / 6)
    assert f_inside["position"] == 0.25
    assert all(f_none[k] == 0.0 for k in ("front_page", "page", "position", "lead_article"))
    # A page 0 (an input numbered from zero, a JSON record's "page": "0") is no page: no crash.
    f_zero = article_features(Article(title="甲", page="0", position=0, paragraphs=["正文。"]))
    assert f_zero["page"] == f_zero["front_page"] == 0.0


def test_profile_counts_title_hits_double_and_is_capped():
    assert profile_score("稳就业新举措", "", {"就业": 0.3}) == 0.6
    assert profile_score("新举措", "事关就业", {"就业": 0.3}) == 0.3
    assert profile_score("就业社保", "", {"就业": 0.8, "社保": 0.8}) == 1.0
    assert profile_score("文艺演出", "", {"就业": 0.8}) == 0.0


def test_freshness_halves_by_day_and_is_one_when_unknown():
    assert freshness("2024-10-18", "2024-10-18") == 1.0
    assert freshness("2024-10-16", "2024-10-18") == 0.25
    assert freshness(None, "2024-10-18") == 1.0
    assert freshness("not a date", "2024-10-18") == 1.0
