"""Sources: directories (recursive, sorted, hidden skipped), several inputs, strict and non-strict."""

import pytest

from brief.config import defaults
from brief.errors import InputError
from brief.ingest import read_inputs
from brief.ingest.sources import date_from_name, expand, page_from_name, page_from_text, source_name

BODY = "今年以来全市新增城镇就业两万余人，就业形势总体稳定。"


def write(path, title):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n{BODY}\n", encoding="utf-8")


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    write(tmp_path / "b.txt", "乙")
    write(tmp_path / "a" / "z.txt", "甲")
    write(tmp_path / "c" / "d" / "e.md", "丙")
    write(tmp_path / ".git" / "x.txt", "隐藏目录")
    write(tmp_path / "c" / ".draft.txt", "隐藏文件")
    assert expand(str(tmp_path)) == [str(tmp_path / p) for p in ("a/z.txt", "b.txt", "c/d/e.md")]
    result = read_inputs([str(tmp_path)], config=defaults())
    assert [a.title for a in result.articles] == ["甲", "乙", "丙"] and result.errors == []


def test_a_file_named_twice_is_read_once(tmp_path):
    write(tmp_path / "a.txt", "甲")
    result = read_inputs([str(tmp_path), str(tmp_path / "a.txt"), f"{tmp_path}/./a.txt"], config=defaults())
    assert [a.title for a in result.articles] == ["甲"]


def test_directory_without_inputs(tmp_path):
    write(tmp_path / ".hidden.txt", "隐藏")
    with pytest.raises(InputError, match="directory has no input files"):
        read_inputs([str(tmp_path)], strict=True, config=defaults())


def test_good_inputs_survive_bad_ones(tmp_path):
    write(tmp_path / "good.txt", "好")
    (tmp_path / "empty.txt").write_bytes(b"")
    sources = [str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "good.txt")]
    result = read_inputs(sources, config=defaults())
    assert [a.title for a in result.articles] == ["好"]
    assert [e.problem for e in result.errors] == ["no such file or directory", "file is empty"]


def test_strict_stops_at_the_first_bad_input(tmp_path):
    write(tmp_path / "good.txt", "好")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError) as info:
        read_inputs([str(tmp_path / "good.txt"), str(tmp_path / "empty.txt")], strict=True, config=defaults())
    assert info.value.path == str(tmp_path / "empty.txt")


@pytest.mark.parametrize("name, page", [
    ("山西日报_01.pdf", "1"), ("2024-10-18-12.txt", "12"), ("A03.txt", "A3"), ("晚报第2版.pdf", "2"),
    ("page 4.txt", "4"), ("000_51ec7926e3b4d3b2.txt", None), ("report2024.txt", None), ("a1b2.txt", None),
    ("2024-10-18.txt", None), ("2024.10.18.pdf", None), ("20241018.txt", None),
    ("page-0.txt", None), ("A00.pdf", None),  # no paper prints a page 0: an input's own count
])
def test_page_from_name(name, page):
    assert page_from_name(name) == page


@pytest.mark.parametrize("name, date", [
    ("山西日报_2024-10-18_01.pdf", "2024-10-18"), ("20241018.txt", "2024-10-18"), ("2024.10.18.md", "2024-10-18"),
    ("2024-1018.txt", None), ("20241318.txt", None), ("120241018.txt", None), ("report.txt", None),
])
def test_date_from_name(name, date):
    assert date_from_name(name) == date


def test_articles_take_the_date_in_their_file_name(tmp_path):
    write(tmp_path / "晚报_20241018.txt", "甲")
    [article] = read_inputs([str(tmp_path)], config=defaults()).articles
    assert article.date == "2024-10-18"


@pytest.mark.parametrize("name, source", [
    ("山西日报_2024-10-18_01.pdf", "山西日报"), ("晚报第2版.txt", "晚报"), ("20241018-城市晚报.txt", "城市晚报"),
    ("公交.txt", "公交"), ("A03.txt", "A03"), ("-", "stdin"),
    # machine-made names are no source (the label shows the page alone, or 未注明)
    ("2024-10-18.txt", ""), ("000_51ec7926e3b4d3b2.txt", ""), ("20241018_03.txt", ""), ("cafe.txt", "cafe"),
    # nor are generic ones ("来源：page 第23版" told the reader nothing)
    ("page-23.txt", ""), ("Page_03.pdf", ""), ("版面_03.txt", ""), ("pagemaker.txt", "pagemaker"),
])
def test_source_name_drops_date_and_page(name, source):
    assert source_name(name) == source


@pytest.mark.parametrize("text, page", [
    ("第2版\n正文", "2"),
    ("2024年10月18日 星期五 第02版 要闻\n正文", "2"),
    ("要闻 A3版\n正文", "A3"),
    ("正文第一行\n正文第二行\n正文第三行\n正文第四行\n第7版", "7"),
    ("新版教材今年秋季启用\n正文", None),  # a word, not a banner
    ("第2版教材修订工作启动\n正文", None),
    ("正文\n一段话。（下转第2版）", None),  # a jump names another page
    ("正文\n" * 8 + "第3版\n" + "正文\n" * 8, None),  # only the first or last three lines
])
def test_page_from_text(text, page):
    assert page_from_text(text) == page
