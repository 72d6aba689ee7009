"""The CLI as a new user and a cron job meet it (issue 13): stale news, pasted text, signs of life,
conventions, the brief's own date and sources, and -o that cannot harm."""

import json
import os
import stat
import subprocess
import sys

import pytest

BODY1 = "今年1—8月，全省城镇新增就业36.54万人，完成全年目标任务的81.2%。城镇调查失业率保持在5.2%左右。"
BODY2 = "全省新开工改造城镇老旧小区1200个，惠及居民15.6万户，完成投资38.7亿元。工程将于年底前完工。"
STORIES = [{"title": "全省城镇新增就业36.54万人", "text": BODY1, "source": "太行日报", "page": "1",
            "url": "https://example.org/news/jobs.html", "date": "2024-10-18"},
           {"title": "老旧小区改造惠及15.6万户", "text": BODY2, "source": "太行日报", "page": "2",
            "date": "2024-10-18"}]


def run(*args, stdin=None, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "brief", *args], input=stdin, capture_output=True, text=True,
                          timeout=120, cwd=cwd, env={**os.environ, "PYTHONPATH": os.getcwd(), **(env or {})})


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "day.json"
    path.write_text(json.dumps(STORIES, ensure_ascii=False), encoding="utf-8")
    return path


def daily(*args, **kwargs):
    return run("daily", "--backend", "extractive", *args, **kwargs)


# --- 2. stale news ---------------------------------------------------------------------------------

def test_nothing_new_is_no_brief_one_line_and_exit_4(news, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    first = daily(str(news), "--date", "2024-10-18", env=env)
    assert first.returncode == 0, first.stderr
    again = daily(str(news), "--date", "2024-10-20", "--eml", str(tmp_path / "b.eml"), env=env)
    assert again.returncode == 4
    assert again.stdout == "" and not (tmp_path / "b.eml").exists()
    assert again.stderr.strip().count("\n") == 0
    assert again.stderr.startswith("brief: nothing new for 2024-10-20: all 2 stories were already briefed")


# --- 4. pasted text --------------------------------------------------------------------------------

def test_pasted_text_without_a_title_is_summarized_whole():
    one = run("summarize", "-", "--backend", "extractive", stdin="今年1—8月，全省城镇新增就业36.54万人……\n")
    assert one.returncode == 0, one.stderr
    assert "36.54万人" in one.stdout
    two = run("summarize", "-", "--backend", "extractive", stdin=f"{BODY1}\n\n{BODY2}\n")
    assert two.returncode == 0, two.stderr
    assert "36.54万人" in two.stdout


def test_a_title_line_is_still_a_title():
    from brief.ingest.plain import looks_like_title

    assert looks_like_title("全省城镇新增就业36.54万人")
    assert looks_like_title("# 今年1—8月，全省城镇新增就业36.54万人。")
    assert not looks_like_title("今年1—8月，全省城镇新增就业36.54万人……")
    assert not looks_like_title(BODY1)


# --- 6. signs of life, verbosity, explicit backends ------------------------------------------------

def test_quiet_and_verbose(news, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    loud = daily(str(news), str(bad), "--no-history")
    assert loud.returncode == 1 and "empty.txt" in loud.stderr
    quiet = daily(str(news), str(bad), "--no-history", "-q")
    assert quiet.returncode == 1 and quiet.stderr == "" and "36.54万人" in quiet.stdout
    verbose = run("daily", str(news), "--no-history", "-v", "--backend", "auto")
    assert verbose.returncode == 0 and "summarizing 2 items" in verbose.stderr
    assert run("daily", str(news), "-q", "-v").returncode == 2


def test_an_explicit_llm_backend_that_cannot_run_is_exit_2(news, tmp_path):
    env = {"BRIEF_SUMMARIZE__MODEL_PATH": str(tmp_path / "no-model.gguf")}
    result = run("daily", str(news), "--backend", "llm", "--no-history", env=env)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("brief: --backend llm cannot run: model_path")
    seq2seq = run("daily", str(news), "--backend", "seq2seq", "--no-history")
    assert seq2seq.returncode == 2 and seq2seq.stderr.startswith("brief: --backend seq2seq cannot run: ")
    auto = run("daily", str(news), "--backend", "auto", "--no-history", env=env)
    assert auto.returncode == 0 and "using the extractive summarizer" in auto.stderr


def test_the_extractive_notice_is_said_once(news, tmp_path):
    env = {"BRIEF_SUMMARIZE__MODEL_PATH": str(tmp_path / "no-model.gguf"), "XDG_STATE_HOME": str(tmp_path / "s")}
    first = run("summarize", str(news), env=env)
    second = run("summarize", str(news), env=env)
    verbose = run("summarize", str(news), "-v", env=env)
    assert "using the extractive summarizer" in first.stderr
    assert "using the extractive summarizer" not in second.stderr
    assert "using the extractive summarizer" in verbose.stderr


# --- 7. conventions -------------------------------------------------------------------------------

def test_dash_h_completion_and_choices_in_help():
    short = run("-h")
    assert short.returncode == 0 and "daily" in short.stdout
    assert "--install-completion" in short.stdout
    helped = run("daily", "-h", env={"COLUMNS": "200"})
    assert "md|html|txt|json|docx" in helped.stdout
    assert "auto|extractive|llm|seq2seq" in helped.stdout


def test_bad_choices_fail_before_the_run(news):
    for args in (["--format", "doc"], ["--backend", "gpt"], ["--format", "docx"]):
        result = run("daily", str(news), *args)
        assert result.returncode == 2 and result.stdout == "", args
    assert run("summarize", str(news), "--kind", "long").returncode == 2


def test_the_format_comes_from_the_output_extension(news, tmp_path):
    for name, check in (("b.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
                        ("b.json", lambda b: json.loads(b)["date"] == "2024-10-18"),
                        ("b.docx", lambda b: b.startswith(b"PK"))):
        result = daily(str(news), "--no-history", "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert check((tmp_path / name).read_bytes()), name


# --- 8. the brief's facts about itself ------------------------------------------------------------

def test_the_brief_takes_the_inputs_date(news, tmp_path):
    result = daily(str(news), "--no-history", "--format", "json")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["date"] == "2024-10-18"
    first = brief["items"][0]
    assert first["source"] == "太行日报 第1版" and first["url"] == "https://example.org/news/jobs.html"
    other = tmp_path / "other.json"
    other.write_text(json.dumps([{**STORIES[1], "title": "另一天", "date": "2024-10-17"}], ensure_ascii=False))
    mixed = daily(str(news), str(other), "--no-history", "--format", "json")
    assert json.loads(mixed.stdout)["date"] == "2024-10-18"
    assert "the inputs carry 2 dates (2024-10-17, 2024-10-18); the brief is dated 2024-10-18" in mixed.stderr


def test_the_date_in_a_file_name(tmp_path):
    page = tmp_path / "晚报_2024-10-16.txt"
    page.write_text(f"全省城镇新增就业36.54万人\n{BODY1}\n", encoding="utf-8")
    result = daily(str(page), "--no-history", "--format", "json")
    assert json.loads(result.stdout)["date"] == "2024-10-16"


def test_urls_and_sources_in_every_text_format(news):
    for fmt in ("md", "html", "txt"):
        result = daily(str(news), "--no-history", "--format", fmt)
        assert "https://example.org/news/jobs.html" in result.stdout, fmt
        assert "太行日报 第1版" in result.stdout, fmt


def test_word_is_a4(news, tmp_path):
    import docx

    target = tmp_path / "b.docx"
    assert daily(str(news), "--no-history", "-o", str(target)).returncode == 0
    section = docx.Document(str(target)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


# --- 9. -o that cannot harm -----------------------------------------------------------------------

def test_output_onto_an_input_or_into_an_input_folder_is_refused(news, tmp_path):
    before = news.read_bytes()
    result = daily(str(news), "--no-history", "-o", str(news))
    assert result.returncode == 2 and "is one of the inputs" in result.stderr
    assert news.read_bytes() == before
    inside = daily(str(tmp_path), "--no-history", "-o", str(tmp_path / "brief.md"))
    assert inside.returncode == 2 and "inside the input directory" in inside.stderr


def test_output_dash_and_dev_stdout_are_stdout(news, tmp_path):
    dash = daily(str(news), "--no-history", "-o", "-", cwd=tmp_path)
    assert dash.returncode == 0 and "36.54万人" in dash.stdout and not (tmp_path / "-").exists()
    dev = daily(str(news), "--no-history", "-o", "/dev/stdout")
    assert dev.returncode == 0 and "36.54万人" in dev.stdout
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert daily(str(news), "--no-history", "-o", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_keeps_an_existing_files_mode(news, tmp_path):
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o600)
    assert daily(str(news), "--no-history", "-o", str(target)).returncode == 0
    assert target.stat().st_mode & 0o777 == 0o600 and "36.54万人" in target.read_text()
