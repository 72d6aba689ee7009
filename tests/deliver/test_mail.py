"""Mail through a real SMTP server (aiosmtpd on 127.0.0.1, ``tests/mailserver.py``) started by the test.

Every fault ends with the copies each recipient got at the server: one, or none where SMTP leaves
no way to know and the run says so. Whole ``brief daily --email`` processes are killed at each step
and run side by side on one HOME. ``BRIEF_MAIL_RACE_REPEAT=20`` repeats the parallel runs 20 times.
"""

import email
import json
import os
import socket
import sqlite3
import ssl
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.deliver.compose import compose
from brief.config import defaults
from brief.errors import EXIT_DELIVERY_FAILED, EXIT_OK, EXIT_PARTIAL, ConfigError
from brief.deliver.mail import build_message, deliver, settings_from
from brief.document import Article, BriefItem, Summary
from tests.mailserver import Inbox, free_port, smtp_server  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[2]
CHIEF, DEPUTY = "chief@example.org", "deputy@example.org"
BOTH = {CHIEF: 1, DEPUTY: 1}


def mail_config(tmp_path, port, to=(CHIEF, DEPUTY)):
    config = defaults()
    config["mail"].update({
        "host": "127.0.0.1", "port": port, "security": "none",
        "from": "每日简报 <brief@example.org>", "to": list(to),
        "retries": 2, "backoff": 0.01, "timeout": 5, "state_dir": str(tmp_path / "state"),
    })
    return config


def a_brief(config, date="2024-10-18"):
    items = [BriefItem(article=Article(title="全市新增城镇就业2.3万人", source="晋中日报", page="1",
                                       paragraphs=["前三季度就业形势稳定。"]),
                       summary=Summary(text="1—9月，全市新增城镇就业2.3万人。", method="extractive"))]
    return compose(items, date=date, config=config, meta={"articles_read": 3})


def states(config, date="2024-10-18"):
    with sqlite3.connect(Path(config["mail"]["state_dir"]) / "sent.sqlite3") as db:
        return dict(db.execute("SELECT recipient, state FROM deliveries WHERE date = ?", (date,)))


def test_delivered_message_has_both_parts_and_encoded_subject(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    result = deliver(a_brief(config), config)
    assert result.exit_code == EXIT_OK
    [(rcpts, message)] = inbox.delivered
    assert rcpts == [CHIEF, DEPUTY]
    assert message["Subject"] == "每日要闻简报 2024年10月18日 星期五"
    assert message["From"].addresses[0].display_name == "每日简报"
    assert message.get_content_type() == "multipart/alternative"
    plain, html = list(message.iter_parts())
    assert plain.get_content_type() == "text/plain" and plain.get_content_charset() == "utf-8"
    assert html.get_content_type() == "text/html" and html.get_content_charset() == "utf-8"
    assert "1—9月，全市新增城镇就业2.3万人。" in plain.get_content()
    assert "<strong" in html.get_content() and "2.3万人" in html.get_content()
    assert states(config) == {CHIEF: "accepted", DEPUTY: "accepted"}


def test_raw_subject_is_mime_encoded_ascii(tmp_path):
    config = mail_config(tmp_path, 25)
    raw = build_message(a_brief(config), settings_from(config), config).as_bytes()
    headers = raw.split(b"\r\n\r\n", 1)[0]
    headers.decode("ascii")  # 8-bit headers would be mangled by some relays
    assert b"Subject: =?utf-8?" in headers


def test_the_ledger_sends_each_date_once_and_force_never_resends_an_accepted_one(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    again = deliver(a_brief(config), config)
    assert again.exit_code == EXIT_OK and again.lines == [f"already sent the brief of 2024-10-18 to {CHIEF}, {DEPUTY}"]
    assert deliver(a_brief(config), config, force=True).exit_code == EXIT_OK
    assert inbox.copies() == BOTH
    assert deliver(a_brief(config, date="2024-10-19"), config).exit_code == EXIT_OK
    assert inbox.copies() == {CHIEF: 2, DEPUTY: 2}


def test_recipients_differing_only_in_case_get_one_copy(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox), to=(CHIEF, "Chief@EXAMPLE.org", "张三 <deputy@example.org>",
                                                           "DEPUTY@example.org"))
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    [(rcpts, message)] = inbox.delivered
    assert rcpts == [CHIEF, DEPUTY] and inbox.copies() == BOTH
    assert [a.addr_spec for a in message["To"].addresses] == [CHIEF, DEPUTY]


def test_permanent_refusal_is_partial_kept_in_the_outbox_and_resent_only_to_the_missing(tmp_path, smtp_server):
    inbox = Inbox(reject={DEPUTY})
    config = mail_config(tmp_path, smtp_server(inbox))
    result = deliver(a_brief(config), config)
    assert result.exit_code == EXIT_PARTIAL and inbox.transactions == 1  # 5xx: no retry
    assert f"not delivered to {DEPUTY}: 550 5.1.1 mailbox unavailable (permanent)" in result.lines
    assert states(config) == {CHIEF: "accepted", DEPUTY: "failed"}
    [kept] = (tmp_path / "state" / "outbox").glob("*.eml")
    assert email.message_from_bytes(kept.read_bytes(), policy=policy.default)["X-Brief-Date"] == "2024-10-18"
    inbox.reject.clear()
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    assert [rcpts for rcpts, _ in inbox.delivered][-1] == [DEPUTY]
    assert inbox.copies() == BOTH
    assert not kept.exists()  # everyone has it now


def test_everyone_refused_is_delivery_failure(tmp_path, smtp_server):
    inbox = Inbox(reject={CHIEF, DEPUTY})
    config = mail_config(tmp_path, smtp_server(inbox))
    assert deliver(a_brief(config), config).exit_code == EXIT_DELIVERY_FAILED
    assert inbox.delivered == []


def test_transient_refusal_is_retried_with_backoff(tmp_path, smtp_server):
    inbox = Inbox(busy={DEPUTY: 2})
    config = mail_config(tmp_path, smtp_server(inbox))
    waits = []
    assert deliver(a_brief(config), config, sleep=waits.append).exit_code == EXIT_OK
    assert waits == [0.01, 0.02] and inbox.transactions == 3
    assert [rcpts for rcpts, _ in inbox.delivered] == [[CHIEF], [DEPUTY]]
    assert inbox.copies() == BOTH


def test_transient_refusal_that_never_clears_gives_up(tmp_path, smtp_server):
    inbox = Inbox(busy={DEPUTY: 99})
    config = mail_config(tmp_path, smtp_server(inbox))
    result = deliver(a_brief(config), config, sleep=lambda s: None)
    assert result.exit_code == EXIT_PARTIAL and inbox.copies() == {CHIEF: 1}
    assert (f"not delivered to {DEPUTY}: 451 4.3.2 try again later (transient; gave up after 3 attempts)"
            in result.lines)


def test_4xx_to_the_message_then_success_sends_one_copy(tmp_path, smtp_server):
    inbox = Inbox(data_replies=["451 4.3.0 queue full, try later"])
    config = mail_config(tmp_path, smtp_server(inbox))
    waits = []
    assert deliver(a_brief(config), config, sleep=waits.append).exit_code == EXIT_OK
    assert waits == [0.01] and inbox.transactions == 2 and inbox.copies() == BOTH


def test_5xx_to_the_message_is_permanent(tmp_path, smtp_server):
    inbox = Inbox(data_replies=["554 5.6.0 content rejected"])
    config = mail_config(tmp_path, smtp_server(inbox))
    waits = []
    result = deliver(a_brief(config), config, sleep=waits.append)
    assert result.exit_code == EXIT_DELIVERY_FAILED and waits == [] and inbox.transactions == 1
    assert f"not delivered to {CHIEF}, {DEPUTY}: 554 5.6.0 content rejected (permanent)" in result.lines
    assert inbox.copies() == {}


@pytest.mark.parametrize("reply", ["421 4.3.2 closing, too busy", "554 5.0.0 go away"])
def test_a_reply_to_quit_does_not_undo_a_delivery(reply, tmp_path, smtp_server):
    inbox = Inbox(quit_reply=reply)
    config = mail_config(tmp_path, smtp_server(inbox))
    waits = []
    result = deliver(a_brief(config), config, sleep=waits.append)
    assert result.exit_code == EXIT_OK and waits == [] and inbox.copies() == BOTH
    assert states(config) == {CHIEF: "accepted", DEPUTY: "accepted"}
    assert not (tmp_path / "state" / "outbox").exists()
    assert deliver(a_brief(config), config).exit_code == EXIT_OK and inbox.copies() == BOTH


def test_no_answer_to_quit_does_not_undo_a_delivery(tmp_path, smtp_server, caplog):
    inbox = Inbox(hold="QUIT")
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"]["timeout"] = 0.3  # data_timeout (600 s) is for the answer to the message only
    with caplog.at_level("INFO", logger="brief.deliver.mail"):
        assert deliver(a_brief(config), config).exit_code == EXIT_OK and inbox.copies() == BOTH
    assert caplog.messages == ["no answer to QUIT (Connection unexpectedly closed: timed out; ignored)"]


def test_timeout_before_the_message_is_handed_over_is_retried(tmp_path, smtp_server):
    inbox = Inbox(hold="MAIL")  # the first MAIL gets no answer
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"]["timeout"] = 0.3
    waits = []
    assert deliver(a_brief(config), config, sleep=waits.append).exit_code == EXIT_OK
    assert waits == [0.01] and inbox.transactions == 2 and inbox.copies() == BOTH


def test_no_answer_after_the_message_is_unknown_and_never_resent_blindly(tmp_path, smtp_server):
    """The server queued the message and did not say so in time: a retry would be a second copy."""
    inbox = Inbox(hold="DATA", keep_held=True)
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"]["data_timeout"] = 0.3
    waits = []
    result = deliver(a_brief(config), config, sleep=waits.append)
    assert result.exit_code == EXIT_DELIVERY_FAILED and waits == [] and inbox.transactions == 1
    assert any(line.startswith(f"the brief of 2024-10-18 may or may not have reached {CHIEF}, {DEPUTY}: it was "
                               "handed to the server, which did not answer (127.0.0.1") for line in result.lines)
    assert states(config) == {CHIEF: "sending", DEPUTY: "sending"}
    again = deliver(a_brief(config), config)
    assert again.exit_code == EXIT_DELIVERY_FAILED and "a run stopped after handing it" in again.lines[0]
    assert inbox.copies() == BOTH


def test_refused_connection_is_permanent_and_not_retried(tmp_path):
    port = free_port()  # nothing listens there
    config = mail_config(tmp_path, port)
    waits = []
    result = deliver(a_brief(config), config, sleep=waits.append)
    assert result.exit_code == EXIT_DELIVERY_FAILED and waits == []
    assert (f"not delivered to {CHIEF}, {DEPUTY}: 127.0.0.1:{port} refused the connection (permanent)"
            in result.lines)
    assert states(config) == {CHIEF: "failed", DEPUTY: "failed"}
    assert list((tmp_path / "state" / "outbox").glob("*.eml"))


def test_unknown_host_is_a_configuration_error_found_at_once(tmp_path):
    host = "smtp.no-such-host.invalid"
    try:
        socket.getaddrinfo(host, 25)
        pytest.skip(f"{host} resolves here")
    except socket.gaierror as exc:
        if exc.errno == socket.EAI_AGAIN:
            pytest.skip("no DNS resolver answers here")
    config = mail_config(tmp_path, 25)
    config["mail"]["host"] = host
    waits = []
    with pytest.raises(ConfigError, match=r"no such host .*; check mail\.host \(BRIEF_MAIL__HOST\)"):
        deliver(a_brief(config), config, sleep=waits.append)
    assert waits == []


def test_a_server_without_starttls_or_auth_is_a_configuration_error(tmp_path, smtp_server, monkeypatch):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"]["security"] = "starttls"
    with pytest.raises(ConfigError, match=r"does not offer STARTTLS; check mail\.security \(BRIEF_MAIL__SECURITY\)"):
        deliver(a_brief(config), config, sleep=lambda s: pytest.fail("retried"))
    monkeypatch.setenv("BRIEF_SMTP_PASSWORD", "s3cret")
    config["mail"].update({"security": "none", "user": "brief"})
    with pytest.raises(ConfigError, match=r"does not offer AUTH .*check mail\.user .* and the password in "
                                          "BRIEF_SMTP_PASSWORD"):
        deliver(a_brief(config), config, sleep=lambda s: pytest.fail("retried"))
    assert inbox.transactions == 0 and inbox.copies() == {}


def test_an_unreadable_ca_file_is_named_before_connecting(tmp_path):
    config = mail_config(tmp_path, 25)
    config["mail"].update({"security": "starttls", "cafile": str(tmp_path / "missing.pem")})
    with pytest.raises(ConfigError, match=r"mail\.cafile \(BRIEF_MAIL__CAFILE\) .*missing\.pem: cannot read it: "
                                          "No such file"):
        settings_from(config)
    (tmp_path / "junk.pem").write_text("not a certificate\n", encoding="utf-8")
    config["mail"]["cafile"] = str(tmp_path / "junk.pem")
    with pytest.raises(ConfigError, match="junk.pem: cannot read it: not a PEM bundle"):
        settings_from(config)


def test_dry_run_needs_the_password_and_sends_nothing(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"].update({"user": "brief", "password_env": "H6_TEST_SMTP_PASS"})
    with pytest.raises(ConfigError, match="H6_TEST_SMTP_PASS"):
        deliver(a_brief(config), config, dry_run=True)
    config["mail"]["user"] = ""
    result = deliver(a_brief(config), config, dry_run=True)
    assert result.exit_code == EXIT_OK and inbox.delivered == [] and inbox.transactions == 0
    assert f"To: {CHIEF}, {DEPUTY}" in result.lines
    assert any(line.startswith("Parts: text/plain, text/html") for line in result.lines)
    assert not (tmp_path / "state").exists()  # not even an empty ledger


def test_password_only_from_the_named_environment_variable(tmp_path):
    config = mail_config(tmp_path, 25)
    config["mail"].update({"user": "brief", "password_env": "H6_TEST_SMTP_PASS"})
    with pytest.raises(ConfigError, match="H6_TEST_SMTP_PASS"):
        settings_from(config, environ={})
    assert settings_from(config, environ={"H6_TEST_SMTP_PASS": "s3cret"}).password == "s3cret"


@pytest.mark.parametrize("security,port", [("ssl", 465), ("starttls", 587), ("none", 25)])
def test_port_zero_is_the_usual_port_for_the_security(tmp_path, security, port):
    config = mail_config(tmp_path, 0)
    config["mail"]["security"] = security
    assert settings_from(config).port == port
    config["mail"]["port"] = 2525
    assert settings_from(config).port == 2525


@pytest.mark.parametrize("key,value,problem", [
    ("host", "", r"mail.host is not set \(brief.toml under \[mail\], or BRIEF_MAIL__HOST in the environment\)"),
    ("to", [], "mail.to is not set"),
    ("to", ["not-an-address"], r"mail.to \(BRIEF_MAIL__TO\): 'not-an-address' is not an e-mail address"),
])
def test_bad_mail_settings_are_named(tmp_path, key, value, problem):
    config = mail_config(tmp_path, 25)
    config["mail"][key] = value
    with pytest.raises(ConfigError, match=problem):
        settings_from(config, environ={})


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def test_starttls_and_login_with_the_password_from_the_environment(tmp_path, certificate, smtp_server,
                                                                   monkeypatch):
    from aiosmtpd.smtp import AuthResult

    cert, key = certificate
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    logins, sessions = [], set()

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password, session.ssl is not None))
        sessions.add(id(session))
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)

    inbox = Inbox()
    port = smtp_server(inbox, tls_context=tls, require_starttls=True, auth_required=True,
                       authenticator=authenticator)
    config = mail_config(tmp_path, port)
    config["mail"].update({"security": "starttls", "user": "brief", "password_env": "H6_PASS",
                           "cafile": str(cert)})
    monkeypatch.setenv("H6_PASS", "s3cret")
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    assert logins == [(b"brief", b"s3cret", True)] and inbox.copies() == BOTH
    # a wrong password is a configuration error (535), found once, not retried
    monkeypatch.setenv("H6_PASS", "guess")
    with pytest.raises(ConfigError, match=r"refused the login of 'brief': 535 .*check mail\.user \(BRIEF_MAIL__USER\) "
                                          "and the password in H6_PASS"):
        deliver(a_brief(config, date="2024-10-19"), config, sleep=lambda s: pytest.fail("retried"))
    assert len(sessions) == 2 and logins[-1][1] == b"guess"  # one connection (smtplib tries PLAIN, LOGIN)
    tried = len(logins)
    # without the CA the server's certificate is not trusted: nothing is sent
    monkeypatch.setenv("H6_PASS", "s3cret")
    config["mail"]["cafile"] = ""
    with pytest.raises(ConfigError, match=r"certificate not trusted .*check mail\.cafile \(BRIEF_MAIL__CAFILE\)"):
        deliver(a_brief(config, date="2024-10-19"), config, sleep=lambda s: pytest.fail("retried"))
    assert len(logins) == tried and inbox.copies() == BOTH


# Whole `brief daily --email` processes: killed at each step, and run side by side on one HOME.

NEWS = [
    {"title": "我市前三季度新增城镇就业2.3万人", "source": "晋中日报", "page": "1",
     "text": "1—9月，全市新增城镇就业2.3万人，完成全年目标的92.5%。重点群体就业保持稳定。"},
    {"title": "老旧小区改造惠及4120户居民", "source": "晋中日报", "page": "2",
     "text": "今年改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。工程将于年底前完工。"},
]


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.json"
    path.write_text(json.dumps(NEWS, ensure_ascii=False), encoding="utf-8")
    return path


def brief_env(home, port):
    """The environment of a cron job: a HOME (the ledger under ~/.local/state/brief), [mail] in BRIEF_*."""
    return {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "HOME": str(home),
            "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
            "BRIEF_MAIL__HOST": "127.0.0.1", "BRIEF_MAIL__PORT": str(port), "BRIEF_MAIL__SECURITY": "none",
            "BRIEF_MAIL__FROM": "brief@example.org", "BRIEF_MAIL__TO": f"{CHIEF},{DEPUTY}",
            "BRIEF_MAIL__TIMEOUT": "5", "BRIEF_MAIL__RETRIES": "1", "BRIEF_MAIL__BACKOFF": "0.01"}


def daily_args(news, *extra):
    return ["daily", str(news), "--date", "2024-10-18", "--backend", "extractive", "--email", *extra]


def start_daily(news, env, cwd):
    return subprocess.Popen([sys.executable, "-m", "brief", *daily_args(news)], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def rerun(news, env, *extra):
    """The next run, in this process (start-up paid once); the environment holds only ``env``."""
    unset = {k: None for k in os.environ if k.startswith("BRIEF_") or k == "XDG_STATE_HOME"}
    return CliRunner().invoke(app, daily_args(news, *extra), env={**unset, **env})


def home_states(home):
    with sqlite3.connect(home / ".local" / "state" / "brief" / "sent.sqlite3") as db:
        return dict(db.execute("SELECT recipient, state FROM deliveries"))


@pytest.mark.parametrize("stage,keep,state,code,copies", [
    ("RCPT", False, "pending", EXIT_OK, 1),  # nothing handed over yet: the rerun sends it
    ("DATA", True, "sending", EXIT_DELIVERY_FAILED, 1),  # the server had it: a resend is a 2nd copy
    ("DATA", False, "sending", EXIT_DELIVERY_FAILED, 0),  # it had not: no way to know, say so
    ("QUIT", False, "accepted", EXIT_OK, 1),  # the 250 was recorded before QUIT
])
def test_a_run_killed_at_each_step_is_never_resent_blindly(stage, keep, state, code, copies, tmp_path, news,
                                                           smtp_server):
    inbox = Inbox(hold=stage, keep_held=keep)
    home = tmp_path / "home"
    env = brief_env(home, smtp_server(inbox))
    process = start_daily(news, env, tmp_path)
    try:
        assert inbox.reached.wait(60), process.communicate()[1]
        assert home_states(home) == {CHIEF: state, DEPUTY: state}
    finally:
        process.kill()  # SIGKILL: no cleanup of any kind
        process.wait()
    after = rerun(news, env)
    assert after.exit_code == code, after.stderr
    assert inbox.copies() == {r: copies for r in (CHIEF, DEPUTY) if copies}
    if state != "sending":
        return
    assert f"may or may not have reached {CHIEF}, {DEPUTY}: a run stopped" in after.stderr
    assert "--force sends it" in after.stderr
    if not keep:  # the person asked them: nothing came. --force sends it once
        forced = rerun(news, env, "--force")
        assert forced.exit_code == EXIT_OK, forced.stderr
        assert rerun(news, env, "--force").exit_code == EXIT_OK
        assert inbox.copies() == BOTH


RACE_REPEAT = int(os.environ.get("BRIEF_MAIL_RACE_REPEAT", "2"))


def lock_holder(home):
    return int((home / ".local" / "state" / "brief" / "locks" / "2024-10-18.lock").read_text())


@pytest.mark.parametrize("runs", [2, 4])
def test_parallel_runs_on_one_home_send_one_copy(runs, tmp_path, news, smtp_server):
    """The run that reaches the server first is held at the end of DATA until every other run is
    waiting for the date's lock; then the others must find the deliveries and send nothing."""
    for trial in range(RACE_REPEAT):
        home = tmp_path / f"home{trial}"
        inbox = Inbox(hold="DATA", slow=0.2)
        env = brief_env(home, smtp_server(inbox))
        processes = [start_daily(news, env, tmp_path) for _ in range(runs)]
        assert inbox.reached.wait(120)
        others = [p for p in processes if p.pid != lock_holder(home)]
        assert len(others) == runs - 1
        for process in others:  # read its stderr up to the line that says it waits
            assert any("waiting for it" in line for line in iter(process.stderr.readline, "")), \
                f"trial {trial + 1}: a run went on without waiting for the lock"
        inbox.release.set()
        outcomes = [(p.communicate(timeout=120)[1], p.returncode)[::-1] for p in processes]
        assert [code for code, _ in outcomes] == [EXIT_OK] * runs, outcomes
        assert inbox.copies() == BOTH, f"trial {trial + 1}: {inbox.copies()}"
        assert sum("already sent the brief of 2024-10-18" in stderr for _, stderr in outcomes) == runs - 1
