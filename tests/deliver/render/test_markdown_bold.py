"""Bold figures in the Markdown brief render as bold under CommonMark, next to CJK and punctuation."""

import re

import pytest

from brief.deliver.compose import compose
from brief.document import Article, BriefItem, Summary
from brief.deliver.rendering import figure_spans, markdown_strong, render

markdown_it = pytest.importorskip("markdown_it")


def _html(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").render(text)


@pytest.mark.parametrize("text", [
    "达标率保持在95%以上。",                      # a closing ** after % and before a letter would not close
    "完成投资1.86亿元，增长12.5%，带动就业3200人。",
    "（增长5%）全年约6.5%",                        # after an opening bracket, at the very end
    "两项指标分别为12%和3.2万人",
    "占比“12%”，同比增长5%。",
])
def test_every_figure_renders_bold_and_no_asterisk_is_left(text):
    spans = figure_spans(text)
    assert spans
    html = _html(markdown_strong(text, spans))
    assert "*" not in html
    assert re.findall(r"<strong>(.*?)</strong>", html) == [text[a:b] for a, b in spans]


def test_figures_that_touch_are_one_bold_span():
    text = "新增就业3.2万人5%来自农村"
    assert figure_spans(text) == [(4, 11)]
    assert "*" not in _html(markdown_strong(text, figure_spans(text)))


def test_the_rendered_brief_has_no_stray_asterisks(config):
    summaries = ["全市空气优良天数比例达到95%以上，较上年提高2.1个百分点。",
                 "9月24日0—24时，全市暂停办理业务，涉及8.5万户次。",
                 "累计投资5887.6亿元、签约项目1638个，增长5%，其中外资项目占12%。"]
    items = [BriefItem(article=Article(title=f"标题{i}", paragraphs=[s]), summary=Summary(s, "extractive"),
                       score=1.0) for i, s in enumerate(summaries)]
    brief = compose(items, date="2024-10-18", config=config, meta={"articles_read": 3})
    html = _html(render(brief, "md", config))
    assert "*" not in html
    for figure in ("95%", "2.1个百分点", "8.5万户次", "5887.6亿元", "1638个", "5%", "12%"):
        assert f"<strong>{figure}</strong>" in html
