"""Each input format, written by the test, read through ``read_file`` (detection + reader + cleaning)."""

import json

import pytest

from brief.config import defaults
from brief.errors import InputError
from brief.ingest import read_file
from pdfmaker import make_pdf

BODY1 = "市交通运输局昨日宣布，本月二十日起市区新开通三条公交线路，方便城东新区居民出行。"
BODY2 = "新线路全程共设站点四十二个，首班车早上六点发车，末班车晚上十点收车，票价统一为两元。"
BODY3 = "交通部门表示，下一步将根据客流情况适时调整发车间隔，进一步提升公交服务水平。"


def read(tmp_path, name, content, **ingest):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    config = defaults()
    config["ingest"].update(ingest)
    return read_file(str(path), config=config).articles


def problem(tmp_path, name, content, **ingest):
    with pytest.raises(InputError) as info:
        read(tmp_path, name, content, **ingest)
    message = str(info.value)
    assert message.startswith(str(tmp_path / name) + ": ") and "\n" not in message
    return info.value.problem


# --- plain articles ---------------------------------------------------------------------------

def test_plain_article_one_paragraph_per_line(tmp_path):
    [article] = read(tmp_path, "公交.txt", f"市区新开通三条公交线路\n{BODY1}\n{BODY2}\n")
    assert article.title == "市区新开通三条公交线路"
    assert article.paragraphs == [BODY1, BODY2]
    assert article.source == "公交" and article.page is None


def test_markdown_blocks_join_wrapped_lines(tmp_path):
    text = (f"# 市区新开通三条公交线路\n\n{BODY1[:20]}\n{BODY1[20:]}\n\n"
            f"Line one of\nEnglish text\n\n## 票价\n\n{BODY2}\n")
    [article] = read(tmp_path, "bus.md", text)
    assert article.title == "市区新开通三条公交线路"
    assert article.paragraphs == [BODY1, "Line one of English text", "票价", BODY2]


def test_hard_wrapped_article_is_joined(tmp_path):
    wrapped = "\n".join(body[i:i + 30] for body in (BODY1, BODY2) for i in range(0, len(body), 30))
    [article] = read(tmp_path, "wrapped.txt", f"公交线路\n{wrapped}\n")
    assert article.paragraphs == [BODY1, BODY2]


def test_title_without_body(tmp_path):
    assert problem(tmp_path, "title.txt", "只有一个标题\n") == "no article text found"


def test_plain_extension_does_not_decide_the_format(tmp_path):
    # A .txt that holds JSON is read as JSON.
    [article] = read(tmp_path, "export.txt", json.dumps({"title": "公交", "text": BODY1}, ensure_ascii=False))
    assert article.title == "公交" and article.paragraphs == [BODY1]


# --- JSON and JSON Lines ---------------------------------------------------------------------

def test_json_array_with_all_fields(tmp_path):
    records = [
        {"title": "新开三条公交线路", "body": f"{BODY1}\n{BODY2}", "source": "城市晚报", "date": "20241018",
         "url": "https://example.org/a/1", "page": 2},
        {"title": "公交服务将再提升", "content": BODY3},
    ]
    first, second = read(tmp_path, "day.json", json.dumps(records, ensure_ascii=False))
    assert (first.title, first.paragraphs, first.source, first.date, first.url, first.page) == (
        "新开三条公交线路", [BODY1, BODY2], "城市晚报", "2024-10-18", "https://example.org/a/1", "2")
    assert (second.paragraphs, second.source, second.date, second.url) == ([BODY3], "day", None, None)


@pytest.mark.parametrize("raw, iso", [
    ("20241018", "2024-10-18"), ("2024-10-18", "2024-10-18"), ("2024-10-18T08:30:00+08:00", "2024-10-18"),
    ("2024/10/8 08:30", "2024-10-08"), ("2024年10月18日", "2024-10-18"), (None, None),
])
def test_record_dates_become_iso(raw, iso):
    from brief.ingest.records import normalize_date

    assert normalize_date(raw) == iso


@pytest.mark.parametrize("raw", ["9999-99-99", "2024-02-30", "20241340", "昨天"])
def test_record_dates_that_are_not_dates_are_refused(raw):
    from brief.ingest.records import normalize_date

    with pytest.raises(ValueError, match="date"):
        normalize_date(raw)


def test_json_export_wrapper(tmp_path):
    export = {"exported": "2024-10-18", "count": 2,
              "articles": [{"title": "甲", "text": BODY1}, {"title": "乙", "text": BODY2}]}
    articles = read(tmp_path, "export.json", json.dumps(export, ensure_ascii=False))
    assert [(a.title, a.paragraphs) for a in articles] == [("甲", [BODY1]), ("乙", [BODY2])]


def test_json_lines(tmp_path):
    lines = [json.dumps({"title": f"第{n}条", "text": BODY1, "date": "2024-10-18"}, ensure_ascii=False)
             for n in range(3)]
    articles = read(tmp_path, "feed.jsonl", "\n".join(lines) + "\n\n")
    assert [a.title for a in articles] == ["第0条", "第1条", "第2条"]
    assert {a.date for a in articles} == {"2024-10-18"}


def test_malformed_json_says_the_line(tmp_path):
    text = '[\n  {"title": "公交",\n   "body": "正文"\n  ,,\n]'
    assert problem(tmp_path, "bad.json", text).startswith("malformed JSON at line 4")


def test_a_bad_json_line_is_skipped_and_named_and_the_rest_kept(tmp_path):
    from brief.ingest.origin import Notes

    good = [json.dumps({"title": t, "text": BODY1}, ensure_ascii=False) for t in ("甲", "乙")]
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{good[0]}\n{{\"title\": \"断\n{good[1]}\n", encoding="utf-8")
    notes = Notes()
    articles = read_file(str(path), config=defaults(), notes=notes).articles
    assert [a.title for a in articles] == ["甲", "乙"]
    [skipped] = notes.skipped
    assert str(skipped).startswith(f"{path}: malformed JSON Lines at line 2")


def test_json_record_without_text_is_skipped_and_named(tmp_path):
    from brief.ingest.origin import Notes

    notes = Notes()
    path = tmp_path / "r.json"
    path.write_text('[{"title": "a", "body": "正文"}, {"title": "c"}]', encoding="utf-8")
    assert [a.title for a in read_file(str(path), config=defaults(), notes=notes).articles] == ["a"]
    assert "record 2: no text" in str(notes.skipped[0])
    assert "record 1: no text" in problem(tmp_path, "none.json", '[{"title": "c"}]')


def test_an_invalid_record_date_is_ignored_with_a_warning(tmp_path):
    from brief.ingest.origin import Notes

    notes = Notes()
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"title": "甲", "text": BODY1, "date": "9999-99-99"}), encoding="utf-8")
    [article] = read_file(str(path), config=defaults(), notes=notes).articles
    assert article.date is None
    assert notes.warnings == [f"{path}: record 1: date '9999-99-99' is not a valid date; ignored"]


# --- HTML, RSS, Atom ------------------------------------------------------------------------

HTML = f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>市区新开通三条公交线路 - 城市晚报</title>
<meta property="og:site_name" content="城市晚报">
<link rel="canonical" href="https://example.org/news/bus.html">
<meta name="date" content="2024-10-18"></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/about">关于我们</a></nav>
<article><h1>市区新开通三条公交线路</h1><p>{BODY1}</p><p>{BODY2}</p><p>{BODY3}</p></article>
<footer>版权所有 城市晚报 广告热线 12345678</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    [article] = read(tmp_path, "page.html", HTML)
    assert article.title == "市区新开通三条公交线路"
    assert article.paragraphs == [BODY1, BODY2, BODY3]
    assert (article.source, article.date, article.url) == (
        "城市晚报", "2024-10-18", "https://example.org/news/bus.html")


def test_a_short_html_article_keeps_its_paragraphs_and_names_the_site_its_title_names(tmp_path):
    # Under 250 characters trafilatura ran headline, date line and text into one paragraph.
    page = (
        "<html><head><meta charset='utf-8'><title>县医院新门诊楼启用 - 山河日报</title></head><body>"
        "<nav>首页 | 要闻</nav><article><h1>县医院新门诊楼启用</h1><p class='meta'>2024-11-02 09:10 来源：山河日报</p>"
        "<p>11月1日，县医院新门诊楼正式启用，设置诊室60间，日接诊能力提高到3000人次。</p>"
        "<p>新楼引入智慧导诊系统，患者平均候诊时间缩短20分钟。</p></article><footer>版权所有</footer></body></html>"
    )
    [article] = read(tmp_path, "news.html", page)
    assert article.title == "县医院新门诊楼启用"
    assert article.paragraphs == ["11月1日，县医院新门诊楼正式启用，设置诊室60间，日接诊能力提高到3000人次。",
                                  "新楼引入智慧导诊系统，患者平均候诊时间缩短20分钟。"]
    assert article.source == "山河日报"


def test_html_without_text(tmp_path):
    assert "no article text" in problem(
        tmp_path, "empty.html", "<html><head><script>var a = 1;</script></head><body><img src=x.png></body></html>")


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>城市晚报 要闻</title><link>https://example.org/</link>
<item><title>市区新开通三条公交线路</title><link>https://example.org/1</link>
<pubDate>Fri, 18 Oct 2024 07:30:00 +0800</pubDate>
<description>摘要：新开三条线路。</description>
<content:encoded><![CDATA[<p>{BODY1}</p><p>{BODY2}<br/>{BODY3}</p>]]></content:encoded></item>
<item><title>公交服务将再提升</title><link>https://example.org/2</link>
<description><![CDATA[<p>{BODY3}</p>]]></description></item>
</channel></rss>"""


def test_rss_full_content_else_summary(tmp_path):
    first, second = read(tmp_path, "news.xml", RSS)
    assert first.title == "市区新开通三条公交线路"
    assert first.paragraphs == [BODY1, BODY2, BODY3]
    assert (first.source, first.url, first.date) == ("城市晚报 要闻", "https://example.org/1", "2024-10-18")
    assert second.paragraphs == [BODY3] and second.position == 1


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>城东区政务</title><id>urn:x</id>
<updated>2024-10-18T09:00:00Z</updated>
<entry><title>公交线路调整</title><id>urn:x:1</id><updated>2024-10-17T09:00:00Z</updated>
<link href="https://example.org/atom/1"/>
<content type="html">&lt;p&gt;{BODY2}&lt;/p&gt;</content></entry></feed>"""


def test_feed_without_text(tmp_path):
    titles_only = RSS.replace("<content:encoded>", "<!--").replace("</content:encoded>", "-->")
    titles_only = titles_only.replace("<description>摘要：新开三条线路。</description>", "")
    titles_only = titles_only.replace(f"<description><![CDATA[<p>{BODY3}</p>]]></description>", "")
    assert problem(tmp_path, "titles.xml", titles_only) == "feed has no entries with text"


def test_atom(tmp_path):
    [article] = read(tmp_path, "gov.atom", ATOM)
    assert (article.title, article.paragraphs, article.source, article.date, article.url) == (
        "公交线路调整", [BODY2], "城东区政务", "2024-10-17", "https://example.org/atom/1")


def test_malformed_feed_says_the_line(tmp_path):
    broken = RSS.replace("</title><link>https://example.org/2", "</titel><link>https://example.org/2")
    assert problem(tmp_path, "broken.xml", broken).startswith("malformed XML at line 8")


def test_xml_that_is_not_a_feed(tmp_path):
    assert "neither an RSS nor an Atom" in problem(tmp_path, "c.xml", "<?xml version='1.0'?><config/>")


# --- PDF --------------------------------------------------------------------------------------

PAGE1 = ["市区新开通三条公交线路", "市交通运输局昨日宣布，本月二十", "日起市区新开通三条公交线",
         "路，方便城东新区居民出行。"]
PAGE2 = ["公交服务将再提升", "交通部门表示，下一步将根据客", "流情况适时调整发车间隔。"]


def test_pdf_text_layer_one_page_each(tmp_path):
    articles = read(tmp_path, "晚报.pdf", make_pdf([PAGE1, PAGE2]))
    assert {a.page for a in articles} == {"1", "2"}
    assert {a.source for a in articles} == {"晚报"}
    for number, lines in (("1", PAGE1), ("2", PAGE2)):
        text = "".join(a.title + "".join(a.paragraphs) for a in articles if a.page == number)
        assert text.replace(" ", "") == "".join(lines).replace(" ", "")


def test_pdf_gaps_come_back_as_blank_lines():
    # The page segmenter reads column breaks from blank lines; pypdf alone drops them.
    import io

    from pypdf import PdfReader

    from brief.ingest.pdf import page_text

    lines = ["第一段第一行", "第一段第二行", "", "第二段第一行", "", "", "第三段"]
    [page] = PdfReader(io.BytesIO(make_pdf([lines]))).pages
    assert page_text(page).text == "第一段第一行\n第一段第二行\n\n第二段第一行\n\n第三段"


def test_pdf_lines_keep_their_type_size_and_a_headline_s_lines_of_one_size_stay_one_block():
    import io

    from pypdf import PdfReader

    from brief.ingest.pdf import page_text

    lines = ["正文第一行", "小标题", "正文第二行", "", "标题的第一行", "标题的第二行", "副题一行"]
    sizes = [10, 12, 10, 0, 22, 22, 13]
    [page] = PdfReader(io.BytesIO(make_pdf([lines], sizes=[sizes]))).pages
    read = page_text(page)
    # the title's lines step further than the body's, as their size does: no gap between them;
    # the subtitle's much smaller size sets it apart; a subhead a size up from the body does not
    # part it from the text it heads
    assert read.text == "正文第一行\n小标题\n正文第二行\n\n标题的第一行\n标题的第二行\n\n副题一行"
    assert read.sizes == [10, 12, 10, 0, 22, 22, 0, 13]


@pytest.mark.parametrize("lower, title, subtitle", [(13, "全市秋粮喜获丰收", "颗粒归仓有保障"),
                                                    (22, "全市秋粮喜获丰收颗粒归仓有保障", "")])
def test_a_pdf_s_type_sizes_tell_a_title_from_its_subtitle(tmp_path, lower, title, subtitle):
    body = ["本报讯（记者 周凯）全市今年", "新建高标准农田十二万亩，粮食", "播种面积稳定在四百万亩以上。",
            "各县区组织农机手和种粮大户", "抢抓农时，秋粮收获进度快于去", "年同期。"]
    lines = body + ["", "全市秋粮喜获丰收", "颗粒归仓有保障"]
    sizes = [10] * len(body) + [0, 22, lower]
    [article] = read(tmp_path, "page.pdf", make_pdf([lines], sizes=[sizes]))
    assert (article.title, article.subtitle) == (title, subtitle)
    assert article.reporters == ["周凯"] and article.body.endswith("快于去年同期。")


@pytest.mark.parametrize("gap_above", [False, True])
def test_a_pdf_s_subheads_set_a_size_up_stay_in_their_story(tmp_path, gap_above):
    # many papers set a story's subheads a size or two up from the body (12 points over 10): no
    # headline's size, so neither a block of their own nor a title; the story stays one
    body = [["本报讯（记者 周凯）全市今年", "新建高标准农田十二万亩，粮食", "播种面积稳定在四百万亩以上。"],
            ["市农业农村局介绍，新建农田", "全部配套节水灌溉设施，亩均", "增产一成以上。"],
            ["各县区组织农机手和种粮大户", "抢抓农时，秋粮收获进度快于去", "年同期。"]]
    gap = [""] if gap_above else []
    lines = body[0] + gap + ["良田建设提速"] + body[1] + gap + ["农机作业提效"] + body[2] + ["", "全市秋粮喜获丰收"]
    sizes = [12 if line in ("良田建设提速", "农机作业提效") else 0 if not line else 22 if line == "全市秋粮喜获丰收" else 10
             for line in lines]
    [article] = read(tmp_path, "page.pdf", make_pdf([lines], sizes=[sizes]))
    assert article.title == "全市秋粮喜获丰收"
    assert article.paragraphs[1::2] == ["良田建设提速", "农机作业提效"]
    assert article.body.endswith("快于去年同期。")


def test_pdf_pages_without_text_are_skipped(tmp_path):
    articles = read(tmp_path, "mixed.pdf", make_pdf([PAGE2], image_pages=1))
    assert {a.page for a in articles} == {"1"}


def test_pdf_without_text_layer(tmp_path):
    assert "no text layer" in problem(tmp_path, "scan.pdf", make_pdf(image_pages=2))


def test_truncated_pdf(tmp_path):
    data = make_pdf([PAGE1, PAGE2])
    assert problem(tmp_path, "cut.pdf", data[: len(data) // 2]).startswith("truncated PDF")


def test_corrupt_pdf(tmp_path):
    data = make_pdf([PAGE1])
    garbled = data[:9] + b"\x00garbage\x00" * 20 + b"\n%%EOF\n"
    assert problem(tmp_path, "bad.pdf", garbled).startswith("corrupt PDF")


def test_encrypted_pdf(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([PAGE1]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    assert problem(tmp_path, "locked.pdf", locked.getvalue()) == "encrypted PDF (needs a password)"


def test_pdf_extension_without_pdf_content(tmp_path):
    assert "corrupt" in problem(tmp_path, "x.pdf", b"\x00\x01\x02 not a pdf at all \x00" * 10)


# --- encodings and conversion ----------------------------------------------------------------

def test_gbk_page_of_text(tmp_path):
    [article] = read(tmp_path, "gbk.txt", f"公交线路\n{BODY1}\n".encode("gbk"))
    assert article.paragraphs == [BODY1]


def test_big5_to_simplified_when_asked(tmp_path):
    text = "市區新開通三條公交線路\n本月二十日起，市區將新開通三條公交線路，方便居民出行。\n".encode("big5")
    [kept] = read(tmp_path, "tw.txt", text)
    [converted] = read(tmp_path, "tw.txt", text, to_simplified=True)
    assert kept.title == "市區新開通三條公交線路"
    assert converted.title == "市区新开通三条公交线路"
    assert converted.paragraphs == ["本月二十日起，市区将新开通三条公交线路，方便居民出行。"]
    assert converted.id != kept.id


# --- bad input ----------------------------------------------------------------------------------

def test_empty_and_blank_files(tmp_path):
    assert problem(tmp_path, "empty.txt", b"") == "file is empty"
    assert problem(tmp_path, "blank.txt", b" \n\t\n") == "file is empty"


def test_binary_file(tmp_path):
    assert problem(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)).startswith("binary")


def test_file_over_the_limit_is_refused_unread(tmp_path):
    message = problem(tmp_path, "big.txt", "公交" * 400_000, max_file_mb=1)
    assert message == "larger than the 1 MB limit (ingest.max_file_mb)"
