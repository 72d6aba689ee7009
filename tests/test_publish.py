"""``brief daily`` publishing options end to end: --eml, --dry-run, --english, docx, --log-json,
and ``brief config init``."""

import email
import json
import os
import tomllib
from email import policy

import pytest
from typer.testing import CliRunner

from brief.cli import app

ARTICLES = [
    {"title": "我市前三季度新增城镇就业2.3万人", "source": "晋中日报", "page": "1",
     "text": "1—9月，全市新增城镇就业2.3万人，完成全年目标的92.5%。重点群体就业保持稳定。"},
    {"title": "老旧小区改造惠及4120户居民", "source": "晋中日报", "page": "2",
     "text": "今年改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。工程将于年底前完工。"},
]


def run(*args, cwd=None, env=None):
    """The CLI in this process (start-up is paid once); the environment holds only ``env``'s BRIEF_*."""
    unset = {k: None for k in os.environ if k.startswith("BRIEF_")}
    here = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return CliRunner().invoke(app, list(args), env={**unset, **(env or {})})
    finally:
        os.chdir(here)


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.json"
    path.write_text(json.dumps(ARTICLES, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def mail_env(tmp_path):
    return {"BRIEF_MAIL__HOST": "127.0.0.1", "BRIEF_MAIL__SECURITY": "none",
            "BRIEF_MAIL__FROM": "brief@example.org", "BRIEF_MAIL__TO": "chief@example.org,deputy@example.org",
            "BRIEF_MAIL__STATE_DIR": str(tmp_path / "state")}


def daily(news, *args, env=None):
    return run("daily", str(news), "--date", "2024-10-18", "--backend", "extractive", *args, env=env)


def test_eml_writes_the_message_and_nothing_to_stdout(news, tmp_path, mail_env):
    target = tmp_path / "out" / "brief.eml"
    result = daily(news, "--eml", str(target), env=mail_env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["Subject"] == "每日要闻简报 2024年10月18日 星期五"
    assert message["To"] == "chief@example.org, deputy@example.org"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert not list((tmp_path / "state").glob("**/*.eml"))  # nothing was sent, nothing kept


def test_dry_run_shows_what_would_be_sent(news, mail_env):
    result = daily(news, "--email", "--dry-run", env=mail_env)
    assert result.exit_code == 0, result.stderr
    assert "To: chief@example.org, deputy@example.org" in result.stdout
    assert "Subject: 每日要闻简报 2024年10月18日 星期五" in result.stdout


def test_email_without_settings_is_one_line_exit_2(news, tmp_path):
    result = daily(news, "--email", env={"BRIEF_MAIL__STATE_DIR": str(tmp_path / "state")})
    assert result.exit_code == 2
    assert result.stderr.strip() == "brief: mail.host is not set (put it in brief.toml under [mail])"


def test_email_to_a_dead_server_exits_3_and_keeps_the_brief(news, tmp_path, mail_env):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**mail_env, "BRIEF_MAIL__PORT": str(port), "BRIEF_MAIL__RETRIES": "1",
           "BRIEF_MAIL__BACKOFF": "0.01"}
    result = daily(news, "--email", env=env)
    assert result.exit_code == 3, result.stderr
    assert "kept the unsent brief in" in result.stderr and "Traceback" not in result.stderr
    assert len(list((tmp_path / "state" / "outbox").glob("*.eml"))) == 1


def test_english_without_a_translator_warns_and_exits_1(news, tmp_path):
    result = daily(news, "--english", "--format", "json",
                   env={"BRIEF_ENGLISH__MARIAN_DIR": str(tmp_path / "no-model")})
    assert result.exit_code == 1
    assert "no translation model here" in result.stderr and "Chinese only" in result.stderr
    data = json.loads(result.stdout)
    assert [item["en"] for item in data["items"]] == [None, None]


def test_log_json_puts_one_object_per_line_on_stderr(news, tmp_path):
    result = daily(news, "--english", "--log-json",
                   env={"BRIEF_ENGLISH__MARIAN_DIR": str(tmp_path / "no-model")})
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    assert records and all({"time", "level", "message"} <= set(r) for r in records)
    assert records[-1]["level"] == "warning"


def test_docx_needs_a_file_and_writes_word(news, tmp_path):
    docx = pytest.importorskip("docx")
    refused = daily(news, "--format", "docx")
    assert refused.exit_code == 2 and "needs -o FILE" in refused.stderr
    target = tmp_path / "brief.docx"
    result = daily(news, "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "每日要闻简报" and texts[1] == "2024年10月18日 星期五"
    summary = next(p for p in document.paragraphs if p.text.startswith("今年改造老旧小区"))
    assert [run.text for run in summary.runs if run.bold] == ["37个", "4120户", "1.86亿元"]


def test_config_init_writes_the_commented_default_once(tmp_path):
    result = run("config", "init", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "brief.toml").read_text(encoding="utf-8")
    assert written.startswith("# brief: default configuration.")
    assert tomllib.loads(written)["mail"]["password_env"] == "BRIEF_SMTP_PASSWORD"
    (tmp_path / "brief.toml").write_text("# mine\n", encoding="utf-8")
    again = run("config", "init", cwd=tmp_path)
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (tmp_path / "brief.toml").read_text(encoding="utf-8") == "# mine\n"
    other = tmp_path / "etc" / "brief.toml"
    assert run("config", "init", str(other)).exit_code == 0 and other.is_file()
    assert run("config", "init", "--force", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "brief.toml").read_text(encoding="utf-8") == written
