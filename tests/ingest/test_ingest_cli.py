"""Ingest through the CLI: exit codes and one line per bad input on stderr, never a traceback."""

import json
import os
import subprocess
import sys

BODY = "今年以来全市新增城镇就业两万余人，就业形势总体稳定，重点群体就业得到保障。"


def run(*args, stdin=None, env=None):
    return subprocess.run([sys.executable, "-m", "brief", *args], input=stdin, capture_output=True,
                          text=True, timeout=60, env={**os.environ, **(env or {})})


def lines(stderr):
    return [line for line in stderr.splitlines() if line.strip()]


def test_stdin_json_to_articles():
    record = json.dumps({"title": "就业形势稳定", "text": BODY, "source": "日报"}, ensure_ascii=False)
    result = run("ingest", "-", "--json", stdin=record)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert (row["title"], row["body"], row["source"]) == ("就业形势稳定", BODY, "日报")


def test_bad_inputs_warn_and_exit_1_strict_exits_2(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"就业形势稳定\n{BODY}\n", encoding="utf-8")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x",\n "body": }', encoding="utf-8")

    result = run("ingest", str(good), str(cut), str(broken))
    assert result.returncode == 1
    assert "就业形势稳定" in result.stdout
    assert lines(result.stderr) == [
        f"brief: warning: {cut}: truncated PDF (no %%EOF end marker)",
        f"brief: warning: {broken}: malformed JSON at line 2: Expecting value",
    ]

    strict = run("ingest", "--strict", str(good), str(cut), str(broken))
    assert strict.returncode == 2
    assert lines(strict.stderr) == [f"brief: {cut}: truncated PDF (no %%EOF end marker)"]


def test_daily_makes_the_brief_from_the_good_inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"就业形势稳定\n{BODY}\n", encoding="utf-8")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = run("daily", str(good), str(binary), "--date", "2024-10-18", "--backend", "extractive")
    assert result.returncode == 1, result.stderr
    assert "就业形势稳定" in result.stdout
    assert lines(result.stderr) == [f"brief: warning: {binary}: binary file, not text"]


def test_size_limit_from_the_environment(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("就业" * 400_000, encoding="utf-8")
    result = run("ingest", str(big), env={"BRIEF_INGEST__MAX_FILE_MB": "1"})
    assert result.returncode == 2
    assert lines(result.stderr) == [f"brief: {big}: larger than the 1 MB limit (ingest.max_file_mb)"]


def test_empty_stdin():
    result = run("ingest", "-", stdin="")
    assert result.returncode == 2
    assert lines(result.stderr) == ["brief: stdin: file is empty"]
