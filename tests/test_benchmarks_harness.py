"""The side-by-side benchmark's own logic: what counts as junk, how peers fill a budget, how outputs score."""

from benchmarks.peers import within_budget
from benchmarks.run import junk_kinds, score


def test_page_furniture_is_junk():
    assert junk_kinds("本报晋中 9 月 3 日讯（记者 韩雪）全市秋粮收获过半。") == ["dateline", "byline"]
    assert junk_kinds("本报记者 赵一鸣 钱多多") == ["byline"]
    assert junk_kinds("园区已签约项目四十二个。 （下转第3版）") == ["jump"]
    assert junk_kinds("农户在田间晾晒新收的玉米。 本报记者 孙小林 摄") == ["caption"]


def test_plain_news_sentences_are_not_junk():
    for sentence in ("前三季度全省新增城镇就业28.4万人，同比增长2.1%。",
                     "记者从省交通运输厅获悉，新建高速公路将于年底通车。",
                     "市政府召开记者会，介绍今年十件民生实事进展。"):
        assert junk_kinds(sentence) == [], sentence


def longest_first(text: str, k: int) -> list[str]:
    """A real (if naive) ranker: the longest sentences first."""
    sentences = [s + "。" for s in text.split("。") if s]
    return sorted(sentences, key=len, reverse=True)[:k]


def test_budget_takes_the_most_sentences_that_fit_and_at_least_one():
    text = "甲乙丙丁戊己庚辛。子丑寅卯。天地。"
    assert within_budget(longest_first, text, 15) == ["甲乙丙丁戊己庚辛。", "子丑寅卯。"]
    assert within_budget(longest_first, text, 100) == ["甲乙丙丁戊己庚辛。", "子丑寅卯。", "天地。"]
    assert within_budget(longest_first, text, 3) == ["甲乙丙丁戊己庚辛。"]


def test_score_counts_rouge_invented_figures_and_junk():
    task = {"unit": "article"}
    items = [{"text": "全省今年新建5G基站1.2万个，覆盖所有乡镇。", "ref": "全省新建5G基站1.2万个"},
             {"text": "全省今年新建5G基站1.2万个，覆盖所有乡镇。", "ref": "全省新建5G基站1.2万个"}]
    outputs = [["全省新建5G基站1.2万个"], ["本报太原 5 月 6 日讯 全省新建基站3万个"]]
    row = score(task, items, outputs, seconds=1.0)
    assert row["n"] == 2 and row["per_s"] == 2.0
    assert 50 < row["rougeL"] < 100  # one exact output (100), one partial
    assert row["faithful"] == 0.5  # "3万个" and "5月6日" are not in the source
    assert row["junk"] == 0.5
    assert row["mean_len"] == (len(outputs[0][0]) + len(outputs[1][0])) / 2
