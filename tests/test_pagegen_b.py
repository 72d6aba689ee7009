"""The independent page generator: deterministic, truth that is really on the page, every trait present."""

import gzip
import json
import re

import pytest

from benchmarks.pagegen_b import (AFTER, BEFORE, MIXED, generate_pages, load_items, main,
                                  trait_counts)

PLACES = ["东湖区", "西山县", "南岭镇", "北塘村", "青石乡", "白水县", "红河谷", "金沙湾"]
THINGS = ["智慧农场", "物流园区", "养老驿站", "光伏电站", "文创街区", "职业学校", "污水处理厂", "冷链仓库"]


def _sentence(k: int, i: int) -> str:
    """Sentence ``i`` of item ``k``: its figures make it unique to the item."""
    place, thing = PLACES[(k + i) % len(PLACES)], THINGS[(k * 3 + i) % len(THINGS)]
    n = k * 1000 + i
    forms = [f"{place}今年新建{thing}{n}个，带动周边{120 + i * 7}户群众增收。",
             f"据介绍，{place}的{thing}总投资{n}.{i % 10}亿元，预计年底前全部建成投用。",
             f"当地负责人说：“我们把{n}个{thing}建在群众家门口，办事更方便了。”",
             f"截至{i % 12 + 1}月底，{place}累计完成投资{n}万元，同比增长{i % 30 + 1}.5%。",
             f"下一步，{place}将再建{n}处{thing}配套设施，让更多群众共享发展成果。"]
    return forms[i % len(forms)]


def _items() -> list[dict]:
    titles = ["东湖区新建一批养老驿站", "【一线见闻】西山县 物流园区带旺乡村经济", "南岭镇光伏电站并网发电",
              "北塘村文创街区开街 游客纷至沓来", "青石乡职业学校迎来首批学员", "白水县冷链仓库投用",
              "【民生实事】红河谷污水处理厂提标改造", "金沙湾智慧农场喜获丰收", "全省新增一批 重点项目",
              "东湖区推进城乡融合发展", "西山县 “家门口”就业增收", "南岭镇 产业兴旺 百姓富足"]
    items = []
    for k, title in enumerate(titles):
        n_paragraphs = 12 if k % 4 == 0 else 2 + k % 4
        paragraphs = ["".join(_sentence(k, j * 3 + s) for s in range(3)) for j in range(n_paragraphs)]
        if k % 4 == 0:
            paragraphs.insert(3, "产业链条不断延伸")
        items.append({"title": title, "paragraphs": paragraphs, "date": f"2024{k % 9 + 1:02d}{k + 10:02d}"})
    return items


ITEMS = _items()


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_same_seed_same_pages_and_page_i_does_not_depend_on_n():
    a = generate_pages(6, AFTER, seed=3, items=ITEMS)
    b = generate_pages(6, AFTER, seed=3, items=ITEMS)
    assert [(p.text, p.truth) for p in a] == [(p.text, p.truth) for p in b]
    assert [p.text for p in generate_pages(3, AFTER, seed=3, items=ITEMS)] == [p.text for p in a[:3]]
    assert [p.text for p in generate_pages(6, AFTER, seed=4, items=ITEMS)] != [p.text for p in a]
    assert [p.text for p in generate_pages(6, BEFORE, seed=3, items=ITEMS)] != [p.text for p in a]


@pytest.mark.parametrize("position", [AFTER, BEFORE, MIXED])
def test_truth_is_on_the_page_in_reading_order(position):
    for page in generate_pages(70, position, seed=1, items=ITEMS):
        assert page.position == position
        flat = _squeeze(page.text)
        last = 0
        for item in page.truth:
            assert item.kind in ("article", "caption")
            for part in (item.title, item.kicker, item.subtitle, item.dateline, *item.reporters):
                assert _squeeze(part) in flat, (part, page.text)
            body = _squeeze(item.body)
            assert body and not re.search(r"[转接]第\d+版", item.body)
            start = flat.find(body, last)
            assert start >= 0, (item.body, page.text)  # whole, and after the item before it
            last = start + len(body)
            if item.kind == "caption":
                assert item.title == "" and item.reporters and not item.body.endswith("摄")
            elif position != MIXED:
                title_at = flat.find(_squeeze(item.title))
                assert (title_at > start) if position == AFTER else (title_at < start), (item.title, page.text)
            assert item.dateline == _squeeze(item.dateline)
            if item.continued_to:
                assert f"转第{item.continued_to}版" in flat


def test_every_trait_occurs_across_200_pages():
    pages = [p for position in (AFTER, BEFORE, MIXED) for p in generate_pages(67, position, seed=2, items=ITEMS)]
    counts = trait_counts(pages)
    assert counts["pages"] == 201
    wanted = ["indent_fullwidth", "indent_space", "digit_spaced", "justified_line", "mid_sentence_column_break",
              "column_break_in_dateline", "column_break_in_byline", "column_break_in_figure",
              "column_break_in_title", "paragraphs_blank_between", "paragraphs_no_blank_between",
              "dateline_benbao_place_date", "dateline_benbao_plain", "dateline_xinhua",
              "dateline_phrase_from_office", "dateline_with_reporter", "reporter_wrapped_in_dateline",
              "byline_line", "kicker_dash", "kicker_phrase",
              "kicker_below_title", "title_multiline", "title_three_lines", "title_phrase_space",
              "title_ends_punct_or_quote", "subtitle_dash", "subtitle_plain", "subheads", "caption",
              "captions_2_or_more", "caption_credit", "furniture_editor", "furniture_date", "furniture_page_no",
              "furniture_advert", "furniture_label", "jump_to", "jump_from", "continued_to", "brief_marker",
              "shape_one_long_article", "shape_3_to_8_articles", "shape_eight_briefs"]
    missing = {name: counts[name] for name in wanted if counts[name] < 3}
    assert not missing, missing


def test_headline_after_body_puts_the_title_below_its_text():
    page = generate_pages(1, AFTER, seed=0, items=ITEMS)[0]
    first = page.truth[0] if page.truth[0].kind == "article" else page.truth[1]
    flat = _squeeze(page.text)
    assert flat.find(_squeeze(first.title)) > flat.find(_squeeze(first.body))


def test_date_range_keeps_other_news_off_the_page():
    pages = generate_pages(20, MIXED, seed=5, items=ITEMS, date_range=("20240101", "20240831"))
    inside = "".join("".join(it["paragraphs"]) for it in ITEMS if it["date"] <= "20240831")
    outside = ["".join(it["paragraphs"]) for it in ITEMS if it["date"] > "20240831"]
    assert outside
    for page in pages:
        for item in page.truth:
            sentence = max(re.split("[。\n]", item.body)[-3:], key=len).removeprefix("图为")  # own figures
            assert sentence in inside and not any(sentence in text for text in outside)
    with pytest.raises(ValueError):
        generate_pages(1, AFTER, seed=0, items=ITEMS, date_range=("20300101", "20301231"))


def _write_items(path):
    rows = [
        {"date": "20240105", "title": "某县 新建\u3000一座桥", "is_roundup": False,
         "text": "央视网消息（新闻联播）：某县新建一座桥。\n---\n桥长三百米，年内通车。\n(更新时间戳: 1700000000000)\n \xa0"},
        {"date": "20240106", "title": "国内联播快讯", "is_roundup": True, "text": "央视网消息（新闻联播）：\n甲\n乙"},
        {"date": "20240107", "title": "无正文", "is_roundup": False, "text": "央视网消息（新闻联播）：\nundefined"},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def test_load_items_skips_roundups_prefix_and_scraper_junk(tmp_path):
    path = tmp_path / "items.jsonl.gz"
    _write_items(path)
    assert load_items(path) == [{"title": "某县 新建 一座桥", "paragraphs": ["某县新建一座桥。", "桥长三百米，年内通车。"],
                                 "date": "20240105"}]


def test_items_path_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "items.jsonl.gz"
    _write_items(path)
    monkeypatch.setenv("BRIEF_XWLB_ITEMS", str(path))
    assert [it["title"] for it in load_items()] == ["某县 新建 一座桥"]


def test_cli_prints_pages_and_their_truth(tmp_path, capsys):
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps({"date": it["date"], "title": it["title"], "is_roundup": False,
                                          "text": "\n".join(it["paragraphs"])}, ensure_ascii=False)
                              for it in ITEMS), encoding="utf-8")
    assert main(["--pages", "2", "--seed", "1", "--position", "before", "--items", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("===== page") == 2 and "----- truth:" in out
    assert main(["--pages", "20", "--items", str(path), "--stats"]) == 0
    assert "| trait |" in capsys.readouterr().out
    assert main(["--items", str(tmp_path / "missing.jsonl")]) == 2
