"""Inputs that used to crash, hang or fool ingestion: each is one line naming the file, never a
traceback, and in a folder it costs only itself (issue 13, cases 1 and 5)."""

import json
import os
import subprocess
import sys

import pytest

from brief.config import defaults
from brief.errors import InputError
from brief.ingest import read_file, read_inputs

BODY = "市交通运输局昨日宣布，本月二十日起市区新开通三条公交线路，方便城东新区居民出行。"


def problem(path):
    with pytest.raises(InputError) as info:
        read_file(str(path), config=defaults()).articles
    assert "\n" not in str(info.value) and str(info.value).startswith(f"{path}: ")
    return info.value.problem


@pytest.mark.parametrize("content", [
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "\u3000\u3000\n\u3000".encode(), b"\xef\xbb\xbf\xe3\x80\x80\n",
    "\ufeff\u200b\u202e\x1b[0m\n".encode(),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "ideographic-spaces", "bom-and-space", "invisible"])
def test_files_with_nothing_visible_are_empty(tmp_path, content):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    assert problem(path) == "file is empty"


def test_deeply_nested_json_is_refused(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 50_000 + "1" + "}" * 50_000)
    assert problem(path) == "malformed JSON at line 1: nested too deeply"
    path.write_text('[{"title": "t", "body": ' + "[" * 50_000 + "]" * 50_000 + "}]")
    assert "nested too deeply" in problem(path)


def test_a_hundred_thousand_digit_number_is_refused(tmp_path):
    path = tmp_path / "big.json"
    path.write_text('{"title": "t", "body": "' + BODY + '", "page": ' + "9" * 100_000 + "}")
    assert problem(path) == "malformed JSON at line 1: a number of 100000 digits"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert problem(fifo).startswith("not a regular file (a FIFO)")


def test_a_device_is_refused(tmp_path):
    assert problem("/dev/null").startswith("not a regular file (a device)")


def test_a_script_inside_the_headline_is_not_title_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>公交线路开通<script>alert(1)</script></h1><p>{BODY}</p>"
                    f"<p>{BODY}</p></body></html>", encoding="utf-8")
    [article] = read_file(str(path), config=defaults()).articles
    assert article.title == "公交线路开通"
    assert "alert" not in article.body


def test_control_and_bidi_characters_are_stripped_at_ingest(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "公交\x1b[31m线路\u202e开通", "body": "市区\x1b[0m新开通\u2066三条\x00线路。",
                                "source": "晚\u202e报\x07", "url": "https://example.org/\x1b[2Ja"}), encoding="utf-8")
    [article] = read_file(str(path), config=defaults()).articles
    assert (article.title, article.body, article.source) == ("公交线路开通", "市区新开通三条线路。", "晚报")
    assert article.url == "https://example.org/a"


def test_a_text_of_brackets_only_is_no_article(tmp_path):
    path = tmp_path / "marks.txt"
    path.write_text("[" * 1000 + "\n" + "]" * 1000)
    assert problem(path) == "no article text found"


ODD_FILES = {
    "bom.txt": b"\xef\xbb\xbf",
    "utf16.txt": b"\xff\xfe",
    "spaces.txt": "\u3000\u3000".encode(),
    "deep.json": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "digits.json": b'{"title": "t", "body": "x", "date": ' + b"9" * 100_000 + b"}",
}


def test_odd_files_in_a_folder_cost_only_themselves(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for name, content in ODD_FILES.items():
        (news / name).write_bytes(content)
    os.mkfifo(news / "pipe.txt")
    (news / "good.txt").write_text(f"公交线路开通\n{BODY}\n", encoding="utf-8")
    result = read_inputs([str(news)], config=defaults())
    assert [a.title for a in result.articles] == ["公交线路开通"]
    assert len(result.errors) == len(ODD_FILES) + 1
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    run = subprocess.run([sys.executable, "-m", "brief", "daily", str(news), "--date", "2024-10-18",
                          "--no-history", "--backend", "extractive"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 1, run.stderr  # partial: the brief came out, some inputs were skipped
    assert "公交线路开通" in run.stdout
    errors = [line for line in run.stderr.splitlines() if "warning: " in line and str(news) in line]
    assert len(errors) == len(ODD_FILES) + 1 and "Traceback" not in run.stderr


def test_a_reader_failure_costs_only_its_file(tmp_path, monkeypatch):
    """The shared rule: whatever a reader raises becomes one line about that file."""
    from brief.ingest import plain

    def broken(text, origin):
        raise IndexError("list index out of range")

    monkeypatch.setattr(plain, "read_article", broken)
    (tmp_path / "a.txt").write_text(f"标题\n{BODY}\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "乙", "body": BODY}), encoding="utf-8")
    result = read_inputs([str(tmp_path)], config=defaults())
    assert [a.title for a in result.articles] == ["乙"]
    [error] = result.errors
    assert str(error) == f"{tmp_path / 'a.txt'}: could not be read (IndexError: list index out of range)"
    with pytest.raises(InputError, match="IndexError"):
        read_inputs([str(tmp_path)], strict=True, config=defaults())
