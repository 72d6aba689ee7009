"""rank(): one item per story, best first, with its score breakdown, reasons and sections."""

import json

import pytest

from brief.config import defaults
from brief.errors import ConfigError
from brief.document import Article
from brief.rank import rank
from brief.rank.diversity import mmr_order
from brief.rank.learn import pairwise_weights
from brief.rank.reasons import reasons_for
from brief.rank.sections import classify

from rank_stories import BRIDGE_A, BRIDGE_B, CENTRAL, CONCERT, HARVEST

DAY = [CONCERT, BRIDGE_B, HARVEST, CENTRAL, BRIDGE_A]


def test_items_are_sorted_numbered_and_explained():
    items = rank(DAY, config=defaults(), date="2024-10-17")
    assert [i.rank for i in items] == list(range(1, len(items) + 1))
    assert items[0].article.title == CENTRAL.title  # central decision, page-1 lead
    assert items[-1].article.title == CONCERT.title
    for item in items:
        assert item.score == pytest.approx(sum(item.features.values()), abs=1e-3)
        json.dumps(item.features)  # JSON-able floats
        assert all(isinstance(v, float) for v in item.features.values())
    assert "中央发布" in items[0].reasons and "头版头条" in items[0].reasons


def test_same_story_appears_once_with_its_other_source():
    items = rank(DAY, config=defaults(), date="2024-10-17")
    assert len(items) == 4
    bridge = next(i for i in items if "汾河" in i.article.title)
    assert {bridge.article.source, *(a.source for a in bridge.related)} == {"晋城日报", "太行晚报"}
    assert bridge.article is BRIDGE_A  # the page-1 telling scores higher
    assert bridge.features["coverage"] > 0 and "多家媒体报道" in bridge.reasons


def test_grouping_can_be_turned_off():
    config = defaults()
    config["rank"]["group"] = False
    assert len(rank(DAY, config=config)) == 5


def test_profile_lifts_the_readers_topics():
    config = defaults()
    config["rank"]["profile"] = {"音乐会": 1.0}
    plain = {i.article.title: i.score for i in rank(DAY, config=defaults())}
    tuned = {i.article.title: i for i in rank(DAY, config=config)}
    assert tuned[CONCERT.title].score > plain[CONCERT.title]
    assert "符合关注领域" in tuned[CONCERT.title].reasons


def test_weights_can_be_overridden_and_must_be_numbers():
    config = defaults()
    config["rank"]["weights"] = {"central_title": 0.0, "central_lead": 0.0, "lead_article": 0.0,
                                 "front_page": 0.0}
    assert rank(DAY, config=config)[0].article.title != CENTRAL.title
    with pytest.raises(ConfigError, match="central_title"):
        config["rank"]["weights"] = {"central_title": "high"}


def test_sections_only_when_asked():
    assert all(i.section is None for i in rank(DAY, config=defaults()))
    config = defaults()
    config["rank"]["sections"] = True
    sections = {i.article.title: i.section for i in rank(DAY, config=config)}
    assert sections[CENTRAL.title] == "时政"
    assert sections[CONCERT.title] == "文化"


def test_classifier_categories():
    assert classify(HARVEST) == "经济"
    assert classify(Article(title="我市新增养老床位", paragraphs=["今年全市养老服务和医保报销再扩容。"])) == "民生"
    assert classify(Article(title="美国总统会见来访首相", paragraphs=["当地时间周二双方举行会谈。"])) == "国际"
    assert classify(Article(title="无题", paragraphs=["一些事情。"])) == "社会"


def test_mmr_pushes_a_second_story_on_one_topic_down():
    scores = [1.0, 0.95, 0.6]
    similarity = [[1, 0.9, 0], [0.9, 1, 0], [0, 0, 1]].__getitem__
    assert mmr_order(scores, similarity, lam=1.0, depth=3) == [0, 1, 2]
    assert mmr_order(scores, similarity, lam=0.5, depth=3) == [0, 2, 1]
    assert mmr_order(scores, similarity, lam=0.5, depth=1) == [0, 1, 2]


def test_reasons_are_the_largest_positive_contributions():
    parts = {"provincial": 0.5, "department": 0.1, "scope_province": 0.3, "figures": 0.2,
             "foreign": -1.0, "length": 0.16}
    assert reasons_for(parts) == ["省委省政府发布", "涉及全省", "含关键数据"]
    assert reasons_for({"foreign": -2.0}) == []
    assert reasons_for({"length": 0.3, "figures": 0.2}) == ["含关键数据", "篇幅长"]


def test_pairwise_learning_recovers_the_deciding_feature():
    # Editors order by "a"; "b" is noise; "c" is fixed by hand and must stay as set.
    days = [[{"a": 1.0, "b": 0.0, "c": 0.3}, {"a": 0.5, "b": 1.0, "c": 0.0}, {"a": 0.0, "b": 0.5, "c": 1.0}],
            [{"a": 0.9, "b": 1.0, "c": 1.0}, {"a": 0.2, "b": 0.0, "c": 0.0}]]
    weights = pairwise_weights(days, ["a", "b", "c"], fixed={"c": 0.1}, nonnegative=["b"])
    assert weights["a"] > 1.0
    assert weights["b"] >= 0.0 and weights["b"] < weights["a"]
    assert weights["c"] == 0.1


def test_no_articles_no_items():
    assert rank([], config=defaults()) == []


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_group_threshold_must_be_a_similarity(threshold):
    config = defaults()
    with pytest.raises(ConfigError, match="group_threshold"):
        config["rank"]["group_threshold"] = threshold
