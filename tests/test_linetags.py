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


def test_a_body_that_opens_on_a_one_character_line_is_found():
    body = "气象部门介绍，全市今年秋季降水偏少，各地抓紧抗旱播种。"
    text = "\n".join(["全市秋季降水偏少", "", "气", "象部门介绍，全市今年秋季降", "水偏少，各地抓紧抗旱播种。"])
    _, tags, missed = line_tags(SimpleNamespace(text=text, truth=[_item("全市秋季降水偏少", body)]))
    assert missed == 0
    assert tags == ["title", "lead", "body", "body"]


def test_a_dateline_after_an_editor_s_note_opens_the_story_inside_the_same_body():
    body = "编者按：今起本报推出系列报道，敬请关注。\n连日来，全市农机手抢收玉米，进度快于去年。"
    text = "\n".join([
        "全市秋粮收获过半", "", "编者按：今起本报推出系列", "报道，敬请关注。",
        "本报讯（记者 王芳）连日来，", "全市农机手抢收玉米，进度", "快于去年。",
    ])
    _, tags, missed = line_tags(SimpleNamespace(text=text, truth=[_item("全市秋粮收获过半", body)]))
    assert missed == 0
    assert tags == ["title", "lead", "body", "lead", "body", "body"]


def test_a_brief_s_run_in_title_is_tagged_on_a_line_of_its_own():
    body = "记者从市农业农村局获悉，全市秋粮已收获六成。"
    text = "\n".join(["■全市秋粮收获过半 记者从市农业", "农村局获悉，全市秋粮已收获六成。"])
    lines, tags, missed = line_tags(SimpleNamespace(text=text, truth=[_item("全市秋粮收获过半", body)]))
    assert missed == 0
    assert [line.raw for line in lines] == ["■全市秋粮收获过半", "记者从市农业", "农村局获悉，全市秋粮已收获六成。"]
    assert tags == ["title", "lead", "body"]


def test_a_byline_broken_after_its_role_is_a_byline_and_opens_no_body_that_starts_with_it():
    body = "本报记者日前从市农业农村局获悉，全市今年新建高标准农田十二万亩。"
    text = "\n".join(["全市秋粮喜获丰收", "□ 本报记者", "赵晓磊", "", "本报记者日前从市农业农", "村局获悉，全市今年新建高", "标准农田十二万亩。"])
    item = _item("全市秋粮喜获丰收", body)
    item.reporters = ["赵晓磊"]
    _, tags, missed = line_tags(SimpleNamespace(text=text, truth=[item]))
    assert missed == 0
    assert tags == ["title", "byline", "byline", "lead", "body", "body"]


def test_a_dateline_s_bracket_broken_after_its_first_letter_is_no_body_s_start():
    # another story's body opens with the same words as the bracket's reporters
    first = "市文旅局介绍，国庆假期全市接待游客三百万人次。"
    second = "本报记者从市农业农村局获悉，全市今年新建高标准农田十二万亩。"
    text = "\n".join([
        "本报讯（本", "报记者", "王芳）市文旅局介绍，", "国庆假期全市接待游客三百万", "人次。", "", "全市国庆假期游客三百万人次", "",
        "本报记者从市农业农村局获悉，", "全市今年新建高标准农田十二", "万亩。", "", "全市秋粮喜获丰收",
    ])
    truth = [_item("全市国庆假期游客三百万人次", first), _item("全市秋粮喜获丰收", second)]
    truth[0].reporters = ["王芳"]
    _, tags, missed = line_tags(SimpleNamespace(text=text, truth=truth))
    assert missed == 0
    assert tags == ["lead", "body", "body", "body", "body", "title", "lead", "body", "body", "title"]
