"""The training labels: each line of a generated page gets the tag its truth gives it."""

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from linetags import line_tags  # noqa: E402


def _item(title, body, **fields):
    return SimpleNamespace(kind="article", title=title, body=body, reporters=[], kicker="", subtitle="", **fields)


def test_a_title_broken_after_its_first_character_is_still_the_title():
    body = "市农业农村局介绍，全市今年新建高标准农田十二万亩，秋粮播种面积稳中有增。"
    text = "\n".join(["全", "", "市秋粮喜获丰收", "", "市农业农村局介绍，全市今年", "新建高标准农田十二万亩，秋", "粮播种面积稳中有增。"])
    lines, tags, missed = line_tags(SimpleNamespace(text=text, truth=[_item("全市秋粮喜获丰收", body)]))
    assert missed == 0
    assert tags == ["title", "title+", "lead", "body", "body"]


def test_a_one_character_line_that_starts_nothing_is_furniture():
    body = "市农业农村局介绍，全市今年新建高标准农田十二万亩。"
    text = "\n".join(["全市秋粮喜获丰收", "", "市农业农村局介绍，全市今年", "新建高标准农田十二万亩。", "", "全"])
    _, tags, missed = line_tags(SimpleNamespace(text=text, truth=[_item("全市秋粮喜获丰收", body)]))
    assert missed == 0
    assert tags[-1] == "furniture"
