"""Format detection from content, and the page-versus-article rule."""

import pytest

from brief.ingest import detect

PAGE = """本报讯 今年以来，我市持续推进老旧
小区改造，全年计划改造小区一百二
十个，目前已完成八十六个，惠及居

民两万三千余户。改造内容包括加装
电梯、更新管网和增设停车位等，居
民满意度明显提升。

城东街道负责人介绍，改造前广泛征
求居民意见，做到一小区一方案，确
保工程质量和进度两不误。
老旧小区改造惠及两万余户
"""

ARTICLE = """老旧小区改造惠及两万余户

今年以来，我市持续推进老旧小区改造，全年计划改造小区一百二十个，目前已完成八十六个，惠及居民两万三千余户。

改造内容包括加装电梯、更新管网和增设停车位等，居民满意度明显提升。
"""


def test_hard_wrapped_columns_are_a_page():
    assert detect.looks_like_page(PAGE)
    assert detect.detect_text(PAGE) == detect.PAGE


def test_wider_columns_are_a_page_too():
    body = "".join(PAGE.split()) * 2
    wide = "\n".join(body[i:i + 26] for i in range(0, len(body), 26))
    assert detect.looks_like_page(wide)


def test_title_and_long_paragraphs_are_an_article():
    assert not detect.looks_like_page(ARTICLE)
    assert detect.detect_text(ARTICLE) == detect.TEXT


def test_short_whole_sentences_are_not_a_page():
    # A list of short complete lines (a bulletin) ends every line with punctuation: not hard wraps.
    bulletin = "今日要闻\n" + "\n".join(f"第{n}条：全市天气晴好。" for n in range(1, 12))
    assert not detect.looks_like_page(bulletin)


def test_few_lines_are_never_a_page():
    assert not detect.looks_like_page("短标题\n一行正文没有句号\n又一行")


@pytest.mark.parametrize("text, fmt", [
    ('{"title": "标题", "body": "正文。"}', detect.JSON),
    ('[{"title": "标题"}]', detect.JSON),
    ('\ufeff  {"title": "x"}\n{"title": "y"}', detect.JSON),
    ('<?xml version="1.0"?>\n<!-- 订阅 -->\n<rss version="2.0"><channel></channel></rss>', detect.FEED),
    ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', detect.FEED),
    ('<rdf:RDF xmlns:rdf="x"></rdf:RDF>', detect.FEED),
    ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "<p>">]><rss><channel><title>t</title></channel></rss>',
     detect.FEED),
    ("<!DOCTYPE html><html><body><p>正文</p></body></html>", detect.HTML),
    ("<div><p>没有html标签的片段</p></div>", detect.HTML),
    ('<?xml version="1.0"?><config><item>1</item></config>', detect.XML),
    ("[快讯] 市区今天举办秋季招聘会", detect.TEXT),
])
def test_detect_from_content(text, fmt):
    assert detect.detect_text(text) == fmt


def test_pdf_magic():
    assert detect.is_pdf(b"%PDF-1.7\n...")
    assert not detect.is_pdf(b"PDF-1.7")
