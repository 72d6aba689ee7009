"""``brief daily`` publishing options end to end: --eml, --dry-run [--connect], --english, docx,
--log-json; ``brief outbox list | send`` and ``brief config init``."""

import email
import json
import os
import tomllib
from email import policy

import pytest
from typer.testing import CliRunner

from brief.cli import app
from tests.mailserver import Inbox, free_port, smtp_server  # noqa: F401  (a fixture)

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


def test_eml_writes_the_message_sends_nothing_and_needs_no_host(news, tmp_path, mail_env):
    target = tmp_path / "out" / "brief.eml"
    env = {k: v for k, v in mail_env.items() if k != "BRIEF_MAIL__HOST"}
    result = daily(news, "--eml", str(target), env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["Subject"] == "每日要闻简报 2024年10月18日 星期五"
    assert message["To"] == "chief@example.org, deputy@example.org"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert not (tmp_path / "state").exists()  # nothing was sent, nothing recorded or kept
    asked = daily(news, "--eml", str(target), "-o", "-", env=env)  # the brief on stdout too, when asked
    assert asked.exit_code == 0 and asked.stdout.startswith("# 每日要闻简报")


def test_eml_without_addresses_writes_placeholders_and_says_so(news, tmp_path):
    target = tmp_path / "brief.eml"
    result = daily(news, "--eml", str(target), env={"BRIEF_MAIL__STATE_DIR": str(tmp_path / "state")})
    assert result.exit_code == 0, result.stderr
    assert "mail.from is not set (mail.from (BRIEF_MAIL__FROM))" in result.stderr
    assert "the file says To: recipient@example.invalid" in result.stderr
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["From"] == "brief@example.invalid" and message["To"] == "recipient@example.invalid"


@pytest.mark.parametrize("args,problem", [
    (["--email", "--eml", "x.eml"], "--eml writes the mail to a file instead of sending it"),
    (["--dry-run", "--eml", "x.eml"], "--eml writes the mail to a file instead of sending it"),
    (["--email", "--connect"], "--connect goes with --dry-run"),
])
def test_contradicting_mail_options_are_refused(news, tmp_path, mail_env, args, problem):
    result = run("daily", str(news), "--backend", "extractive", *args, cwd=tmp_path, env=mail_env)
    assert result.exit_code == 2 and problem in result.stderr
    assert not list(tmp_path.glob("*.eml"))


def test_dry_run_shows_what_would_be_sent(news, mail_env):
    result = daily(news, "--email", "--dry-run", env=mail_env)
    assert result.exit_code == 0, result.stderr
    assert "To: chief@example.org, deputy@example.org" in result.stdout
    assert "Subject: 每日要闻简报 2024年10月18日 星期五" in result.stdout


def test_dry_run_checks_what_the_real_run_needs(news, tmp_path, mail_env):
    no_password = daily(news, "--dry-run", env={**mail_env, "BRIEF_MAIL__USER": "brief"})
    assert no_password.exit_code == 2
    assert "BRIEF_SMTP_PASSWORD (mail.password_env (BRIEF_MAIL__PASSWORD_ENV))" in no_password.stderr
    no_ca = daily(news, "--dry-run", env={**mail_env, "BRIEF_MAIL__SECURITY": "starttls",
                                          "BRIEF_MAIL__CAFILE": str(tmp_path / "ca.pem")})
    assert no_ca.exit_code == 2 and "mail.cafile (BRIEF_MAIL__CAFILE)" in no_ca.stderr


def test_dry_run_connect_says_hello_and_sends_nothing(news, mail_env, smtp_server):
    inbox = Inbox()
    port = smtp_server(inbox)
    result = daily(news, "--dry-run", "--connect", env={**mail_env, "BRIEF_MAIL__PORT": str(port)})
    assert result.exit_code == 0, result.stderr
    assert f"connected to 127.0.0.1:{port}, EHLO answered by" in result.stdout
    assert inbox.transactions == 0 and inbox.delivered == []
    refused = daily(news, "--dry-run", "--connect", env={**mail_env, "BRIEF_MAIL__PORT": str(free_port())})
    assert refused.exit_code == 3 and "refused the connection (permanent)" in refused.stderr


def test_email_without_settings_is_one_line_exit_2_before_any_work(tmp_path):
    result = run("daily", str(tmp_path / "missing.txt"), "--email",
                 env={"BRIEF_MAIL__STATE_DIR": str(tmp_path / "state")})
    assert result.exit_code == 2
    assert result.stderr.strip() == ("brief: mail.host is not set "
                                     "(brief.toml under [mail], or BRIEF_MAIL__HOST in the environment)")


def test_email_to_a_dead_server_exits_3_and_keeps_the_brief(news, tmp_path, mail_env):
    env = {**mail_env, "BRIEF_MAIL__PORT": str(free_port()), "BRIEF_MAIL__RETRIES": "1",
           "BRIEF_MAIL__BACKOFF": "0.01"}
    result = daily(news, "--email", env=env)
    assert result.exit_code == 3, result.stderr
    assert "refused the connection (permanent)" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "state" / "outbox").glob("*.eml")] == ["brief-2024-10-18.eml"]


def test_outbox_lists_and_resends_through_the_same_ledger(news, tmp_path, mail_env, smtp_server):
    inbox = Inbox(reject={"deputy@example.org"})
    env = {**mail_env, "BRIEF_MAIL__PORT": str(smtp_server(inbox))}
    assert daily(news, "--email", env=env).exit_code == 1
    listed = run("outbox", "list", env=env)
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.splitlines()[1:] == [
        "  chief@example.org: accepted",
        "  deputy@example.org: failed (permanent): 550 5.1.1 mailbox unavailable",
    ]
    assert run("outbox", "send", "--date", "2024-10-18", env=env).exit_code == 1  # still refused
    inbox.reject.clear()
    sent = run("outbox", "send", env=env)
    assert sent.exit_code == 0, sent.stderr
    assert "sent the brief of 2024-10-18 to deputy@example.org" in sent.stderr
    assert inbox.copies() == {"chief@example.org": 1, "deputy@example.org": 1}
    assert run("outbox", "list", env=env).stdout.startswith("no brief in ")
    assert run("outbox", "send", env=env).exit_code == 0
    assert run("outbox", "send", "--date", "18.10.2024", env=env).exit_code == 2
    assert inbox.copies() == {"chief@example.org": 1, "deputy@example.org": 1}


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
