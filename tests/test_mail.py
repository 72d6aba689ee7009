"""Mail through a real SMTP server (aiosmtpd on 127.0.0.1) started by the test."""

import email
import socket
from email import policy

import pytest

from brief.compose import compose
from brief.config import defaults
from brief.errors import EXIT_DELIVERY_FAILED, EXIT_OK, EXIT_PARTIAL, ConfigError
from brief.mail import build_message, deliver, send, settings_from
from brief.model import Article, BriefItem, Summary

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    """An SMTP handler that keeps what it accepts and refuses by rule, like a real server's policy.

    ``reject``: addresses refused permanently (550); ``busy``: how many times each of these
    addresses is refused with 451 (try again later) before it is accepted.
    """

    def __init__(self, reject=(), busy=None):
        self.reject = set(reject)
        self.busy = dict(busy or {})
        self.delivered = []  # (envelope recipients, message)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.3.2 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.delivered.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    servers = []

    def start(handler):
        controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        servers.append(controller)
        return controller.port

    yield start
    for controller in servers:
        controller.stop()


def mail_config(tmp_path, port, to=("chief@example.org", "deputy@example.org")):
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


def test_delivered_message_has_both_parts_and_encoded_subject(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    result = deliver(a_brief(config), config)
    assert result.exit_code == EXIT_OK
    [(rcpts, message)] = inbox.delivered
    assert rcpts == ["chief@example.org", "deputy@example.org"]
    assert message["Subject"] == "每日要闻简报 2024年10月18日 星期五"
    assert message["From"].addresses[0].display_name == "每日简报"
    assert message.get_content_type() == "multipart/alternative"
    plain, html = list(message.iter_parts())
    assert plain.get_content_type() == "text/plain" and plain.get_content_charset() == "utf-8"
    assert html.get_content_type() == "text/html" and html.get_content_charset() == "utf-8"
    assert "1—9月，全市新增城镇就业2.3万人。" in plain.get_content()
    assert "<strong" in html.get_content() and "2.3万人" in html.get_content()


def test_raw_subject_is_mime_encoded_ascii(tmp_path):
    config = mail_config(tmp_path, 25)
    raw = build_message(a_brief(config), settings_from(config), config).as_bytes()
    headers = raw.split(b"\r\n\r\n", 1)[0]
    headers.decode("ascii")  # 8-bit headers would be mangled by some relays
    assert b"Subject: =?utf-8?" in headers


def test_ledger_prevents_second_send_unless_forced(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    again = deliver(a_brief(config), config)
    assert again.exit_code == EXIT_OK and len(inbox.delivered) == 1
    assert "already sent" in again.lines[0]
    assert deliver(a_brief(config, date="2024-10-19"), config).exit_code == EXIT_OK
    assert deliver(a_brief(config), config, force=True).exit_code == EXIT_OK
    assert len(inbox.delivered) == 3


def test_permanent_refusal_is_partial_and_kept_in_outbox(tmp_path, smtp_server):
    inbox = Inbox(reject={"deputy@example.org"})
    config = mail_config(tmp_path, smtp_server(inbox))
    result = deliver(a_brief(config), config)
    assert result.exit_code == EXIT_PARTIAL
    assert [rcpts for rcpts, _ in inbox.delivered] == [["chief@example.org"]]
    assert any("deputy@example.org" in line and "550" in line for line in result.lines)
    [kept] = (tmp_path / "state" / "outbox").glob("*.eml")
    assert email.message_from_bytes(kept.read_bytes(), policy=policy.default)["X-Brief-Date"] == "2024-10-18"
    # the next run sends only to the one who did not get it
    inbox.reject.clear()
    assert deliver(a_brief(config), config).exit_code == EXIT_OK
    assert [rcpts for rcpts, _ in inbox.delivered][-1] == ["deputy@example.org"]


def test_everyone_refused_is_delivery_failure(tmp_path, smtp_server):
    inbox = Inbox(reject={"chief@example.org", "deputy@example.org"})
    config = mail_config(tmp_path, smtp_server(inbox))
    assert deliver(a_brief(config), config).exit_code == EXIT_DELIVERY_FAILED
    assert inbox.delivered == []


def test_transient_refusal_is_retried_with_backoff(tmp_path, smtp_server):
    inbox = Inbox(busy={"deputy@example.org": 2})
    config = mail_config(tmp_path, smtp_server(inbox))
    waits = []
    settings = settings_from(config)
    message = build_message(a_brief(config), settings, config)
    result = send(message, settings.to, settings, sleep=waits.append)
    assert result.accepted == ["chief@example.org", "deputy@example.org"]
    assert result.refused == {} and result.attempts == 3
    assert waits == [0.01, 0.02]
    assert [rcpts for rcpts, _ in inbox.delivered] == [["chief@example.org"], ["deputy@example.org"]]


def test_transient_refusal_that_never_clears_gives_up(tmp_path, smtp_server):
    inbox = Inbox(busy={"deputy@example.org": 99})
    config = mail_config(tmp_path, smtp_server(inbox))
    settings = settings_from(config)
    result = send(build_message(a_brief(config), settings, config), settings.to, settings,
                  sleep=lambda s: None)
    assert result.accepted == ["chief@example.org"]
    assert result.refused["deputy@example.org"].startswith("451")
    assert result.attempts == 3


def test_no_server_is_delivery_failure_after_retries(tmp_path):
    config = mail_config(tmp_path, free_port())  # nothing listens there
    result = deliver(a_brief(config), config, sleep=lambda s: None)
    assert result.exit_code == EXIT_DELIVERY_FAILED
    assert list((tmp_path / "state" / "outbox").glob("*.eml"))


def test_dry_run_sends_nothing(tmp_path, smtp_server):
    inbox = Inbox()
    config = mail_config(tmp_path, smtp_server(inbox))
    config["mail"]["user"] = "brief"  # no password in the environment: a dry run needs none
    result = deliver(a_brief(config), config, dry_run=True)
    assert result.exit_code == EXIT_OK and inbox.delivered == []
    assert "To: chief@example.org, deputy@example.org" in result.lines
    assert any(line.startswith("Parts: text/plain, text/html") for line in result.lines)


def test_password_only_from_the_named_environment_variable(tmp_path):
    config = mail_config(tmp_path, 25)
    config["mail"].update({"user": "brief", "password_env": "H6_TEST_SMTP_PASS"})
    with pytest.raises(ConfigError, match="H6_TEST_SMTP_PASS"):
        settings_from(config, environ={})
    assert settings_from(config, environ={"H6_TEST_SMTP_PASS": "s3cret"}).password == "s3cret"


@pytest.mark.parametrize("key,value,problem", [
    ("host", "", "mail.host is not set"),
    ("to", [], "mail.to is not set"),
    ("to", ["not-an-address"], "is not an e-mail address"),
    ("security", "tls13", "mail.security"),
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
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def test_starttls_and_login_with_the_password_from_the_environment(tmp_path, certificate):
    import ssl

    from aiosmtpd.smtp import AuthResult

    cert, key = certificate
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password, session.ssl is not None))
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)

    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=free_port(), tls_context=tls,
                                     require_starttls=True, auth_required=True,
                                     authenticator=authenticator)
    controller.start()
    try:
        config = mail_config(tmp_path, controller.port)
        config["mail"].update({"security": "starttls", "user": "brief", "password_env": "H6_PASS",
                               "cafile": str(cert)})
        settings = settings_from(config, environ={"H6_PASS": "s3cret"})
        message = build_message(a_brief(config), settings, config)
        result = send(message, settings.to, settings, sleep=lambda s: None)
        assert result.accepted == settings.to and logins == [(b"brief", b"s3cret", True)]
        assert len(inbox.delivered) == 1
        # a wrong password is a permanent (535) failure: no retries
        wrong = settings_from(config, environ={"H6_PASS": "guess"})
        result = send(message, wrong.to, wrong, sleep=lambda s: None)
        assert result.accepted == [] and result.attempts == 1
        assert all("535" in why for why in result.refused.values())
        # without the CA the server's certificate is not trusted: nothing is sent
        config["mail"]["cafile"] = ""
        untrusted = settings_from(config, environ={"H6_PASS": "s3cret"})
        result = send(message, untrusted.to, untrusted, sleep=lambda s: None)
        assert result.accepted == [] and "CERTIFICATE_VERIFY_FAILED" in next(iter(result.refused.values()))
    finally:
        controller.stop()
