"""Rendering one Brief to Markdown, plain text, HTML and JSON."""

import json
import re

from brief.deliver.rendering import english_date, render


def test_markdown_layout(sample_brief, config):
    text = render(sample_brief, "md", config)
    assert text.startswith("# 每日要闻简报\n\n2024年10月18日 星期五\n")
    highlights = text.split("## 要点速览")[1].split("## ")[0]
    assert [line for line in highlights.splitlines() if line.strip()] == [
        "1. 我市前三季度新增城镇就业2.3万人",
        "2. 老旧小区改造惠及4120户居民",
        "3. \\<script\\>alert('x')\\</script\\>标题里的尖括号",  # shown, not run
    ]
    # sections in order of first appearance, items keep their rank numbers
    assert text.index("## 经济") < text.index("### 1. 我市") < text.index("### 3. \\<script")
    assert text.index("### 3. \\<script") < text.index("## 民生") < text.index("### 2. 老旧小区")
    assert "### 2. 老旧小区改造惠及4120户居民【持续关注】" in text
    assert "惠及居民**4120户**，完成投资**1.86亿元**" in text
    assert "关键数据：**37个**、**4120户**、**1.86亿元**" in text
    assert "来源：晋中日报 第2版" in text
    assert "相关报道：太行日报 第3版：改造工程进入收尾阶段" in text
    assert "> **City adds 23,000 urban jobs in three quarters**" in text
    assert "阅读 9 篇文章，摘要方法 extractive。" in text
    assert "排序依据" not in text


def test_reasons_only_when_configured(sample_brief, config):
    config["render"]["show_reasons"] = True
    assert "排序依据：头版头条；含关键数据" in render(sample_brief, "md", config)


def test_plain_text_has_no_markup(sample_brief, config):
    text = render(sample_brief, "txt", config)
    assert "【要点速览】" in text and "**" not in text and "<strong" not in text
    assert "关键数据：2.3万人、92.5%" in text


def test_html_escapes_article_text(sample_brief, config):
    html = render(sample_brief, "html", config)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;标题里的尖括号" in html
    assert '<strong style="color:#b3261e">1.86亿元</strong>' in html


def test_html_is_self_contained_for_mail_clients(sample_brief, config):
    html = render(sample_brief, "html", config)
    lowered = html.lower()
    for forbidden in ("<script", "<link", "<style", "src=", "url(", "http://", "https://", "@import"):
        assert forbidden not in lowered, forbidden
    assert 'name="viewport"' in html and "max-width:640px" in html


def test_untranslated_items_are_marked_when_english_was_asked(sample_brief, config):
    sample_brief.meta["english"] = {"backend": "marian", "translated": 1, "chinese_only": [2, 3, 4]}
    html = render(sample_brief, "html", config)
    assert html.count("英文译文未通过数字核对") == 3
    assert "Friday, 18 October 2024" in html and "英文由 marian 翻译" in html
    assert "英文译文未通过" not in render(sample_brief.__class__.from_dict(
        {**sample_brief.to_dict(), "meta": {**sample_brief.meta, "english": None}}), "md", config)


def test_json_contract_and_english(sample_brief, config):
    data = json.loads(render(sample_brief, "json", config))
    assert set(data) >= {"date", "title", "items"}
    first, second = data["items"][0], data["items"][1]
    assert set(first) >= {"rank", "title", "summary", "score", "reasons", "source", "en"}
    assert first["en"]["summary"] == "From January-September the city added 23,000 urban jobs."
    assert second["en"] is None
    assert second["page"] == "2" and second["status"] == "持续关注"
    assert second["figures"] == ["37个", "4120户", "1.86亿元"]


def test_template_dir_overrides_one_file(sample_brief, config, tmp_path):
    (tmp_path / "brief.txt.j2").write_text("{{ brief.title }}|{{ highlights | length }}\n", encoding="utf-8")
    config["render"]["template_dir"] = str(tmp_path)
    assert render(sample_brief, "txt", config) == "每日要闻简报|3\n"
    assert render(sample_brief, "md", config).startswith("# 每日要闻简报")  # others still packaged


def test_english_date():
    assert english_date("2024-10-18") == "Friday, 18 October 2024"


def test_footer_says_when_in_local_time(sample_brief, config):
    sample_brief.meta["generated_at"] = "2024-10-18T06:30:05+08:00"
    assert "2024-10-18 06:30 (UTC+08:00) 由 brief" in render(sample_brief, "txt", config)


# --- article text that tries to escape its place (issue 13, case 10) ----------------------------

HOSTILE_TITLE = "标题\r\n### 伪造\n| a | b |\nBcc: x@example.org [点我](javascript:alert(1)) <img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = "摘要\x1b[31m红字\u202e反转 共**5万人**\n<script>alert(1)</script>"


def _hostile(sample_brief):
    item = sample_brief.items[0]
    item.article.title = HOSTILE_TITLE
    item.summary.text = HOSTILE_SUMMARY
    item.article.url = "javascript:alert(1)"
    sample_brief.items[1].article.url = "https://example.org/a?b=1&c=<2>"
    sample_brief.items[2].article.url = "https://example.org/news/1.html"
    return sample_brief


def _lines_from_article_text(text):
    return [line for line in text.splitlines()
            if line.startswith(("### 伪造", "| a", "Bcc:", "<script", "<img"))]


def test_markdown_keeps_article_text_as_text(sample_brief, config):
    text = render(_hostile(sample_brief), "md", config)
    assert _lines_from_article_text(text) == []
    for live in ("](javascript:", "<script", "<img"):
        assert not re.search(r"(?<!\\)" + re.escape(live), text), live  # only escaped, never live
    assert "\\[点我\\](javascript:alert(1))" in text and "\\<img src=x onerror=alert(1)\\>" in text
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert "javascript:alert(1)>" not in text  # a javascript: URL is never a link
    assert "<https://example.org/news/1.html>" in text
    lines = text.splitlines()  # the link does not eat the line break after the source line
    assert all(not after.startswith("### ") for line, after in zip(lines, lines[1:]) if line.startswith("来源"))
    assert "https://example.org/a?b=1&c=<2>" not in text  # not a clean URL: no link


def test_plain_text_and_html_are_one_line_per_field_without_controls(sample_brief, config):
    brief = _hostile(sample_brief)
    for fmt in ("txt", "html"):
        text = render(brief, fmt, config)
        assert _lines_from_article_text(text) == [], fmt
        assert "\x1b" not in text and "\u202e" not in text and "\r" not in text, fmt
    html = render(brief, "html", config)
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    assert '<a href="https://example.org/news/1.html"' in html


def test_json_carries_only_safe_urls(sample_brief, config):
    data = json.loads(render(_hostile(sample_brief), "json", config))
    assert [item["url"] for item in data["items"][:3]] == [None, None, "https://example.org/news/1.html"]


def test_an_untitled_article_gets_a_heading_from_its_text_marked_as_made(config):
    from brief.deliver.compose import compose
    from brief.document import Article, BriefItem, Summary

    untitled = Article(title="", source="晋中日报", page="2", paragraphs=[
        "市政府10月16日召开常务会议，研究部署今冬供暖保障工作。", "会议决定全市供暖期提前5天开始。"])
    titled = Article(title="秋粮收购启动", source="晋中日报", page="1", paragraphs=["全市秋粮收购于10月8日启动。"])
    items = [BriefItem(article=a, summary=Summary(text=a.paragraphs[0], method="extractive"), score=1.0)
             for a in (titled, untitled)]
    brief = compose(items, date="2024-10-18", config=config, meta={"articles_read": 2})
    heading = "市政府召开常务会议，研究部署今冬供暖保障工作（据正文）"
    assert brief.items[1].heading == heading and brief.items[0].heading == "秋粮收购启动"
    for kind in ("md", "txt", "html"):
        text = render(brief, kind, config)
        assert heading in text, kind
        assert not re.search(r"^(?:### )?2\. *$", text, re.M), kind  # never a bare number
    data = json.loads(render(brief, "json", config))["items"][1]
    assert data["title"] == "" and data["made_heading"] == "市政府召开常务会议，研究部署今冬供暖保障工作"
    assert BriefItem.from_dict(brief.items[1].to_dict()).heading == heading
    # With no sentence to make one from, the item still says it has no title.
    assert BriefItem(article=Article(title="", paragraphs=[])).heading == "（无标题）"


def test_a_related_report_without_a_title_is_labelled_by_its_source_alone():
    from brief.deliver.rendering import related_label
    from brief.document import Article

    assert related_label(Article(title="", source="太行日报", page="3")) == "太行日报 第3版"
    assert related_label(Article(title="改造工程收尾", source="太行日报", page="3")) == "太行日报 第3版：改造工程收尾"


def test_a_kicker_naming_who_spoke_is_printed_before_the_title(config):
    # ``……强调`` over ``紧抓秋粮收购……``: the title alone does not say whose words it gives.
    from brief.deliver.compose import compose
    from brief.document import Article, BriefItem, Summary

    spoke = Article(title="紧抓秋粮收购 守好群众粮袋子", kicker="省政府常务会议强调", source="晋中日报", page="1",
                    paragraphs=["省政府10月16日召开常务会议，部署秋粮收购工作。"])
    themed = Article(title="全市秋粮收购启动", kicker="金秋时节", source="晋中日报", page="2",
                     paragraphs=["全市秋粮收购于10月8日启动。"])
    items = [BriefItem(article=a, summary=Summary(text=a.paragraphs[0], method="extractive"), score=1.0)
             for a in (spoke, themed)]
    brief = compose(items, date="2024-10-18", config=config, meta={"articles_read": 2})
    assert brief.items[0].heading == "省政府常务会议强调：紧抓秋粮收购 守好群众粮袋子"
    assert brief.items[0].title_line == brief.items[0].heading
    assert brief.items[1].heading == "全市秋粮收购启动"  # a theme's kicker is no part of the heading
    assert "省政府常务会议强调：紧抓秋粮收购" in render(brief, "md", config)
    data = json.loads(render(brief, "json", config))["items"][0]
    assert (data["title"], data["kicker"]) == ("紧抓秋粮收购 守好群众粮袋子", "省政府常务会议强调")
