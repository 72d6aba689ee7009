"""SMTP transport: one message to some recipients, each recipient's outcome, retries with backoff.

The transaction is spelled out (MAIL, RCPT each, DATA) rather than left to ``sendmail`` so that
each step can be recorded where it happens: a recipient is ``sending`` just before the message's
last line goes out and ``accepted`` the moment the server answers 250 to it. What the server
answers to QUIT after that changes nothing (a busy server may well say 421 there).

Failures are sorted by what retrying can do about them: a 4xx reply, a timeout before the
message was handed over, or a dropped connection are transient and retried after ``backoff``,
``2 x backoff``, ...; a 5xx reply, an unknown host, a refused connection, a server without
STARTTLS or AUTH, a certificate that is not trusted are permanent and tried once. Those of them
that the configuration must fix name its key (``Failure.setting``). No answer once the whole
message is out (``data_timeout``, long, as RFC 5321 asks) is neither: the server may have queued
the message, so the recipients are left ``sending`` (unknown), not retried into a second copy.
"""

from __future__ import annotations

import logging
import re
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Callable

log = logging.getLogger("brief.deliver.mail")


@dataclass
class SendSettings:
    """Everything sending needs, checked and resolved from ``[mail]`` (``brief.deliver.mail.settings_from``)."""

    host: str
    port: int
    security: str
    sender: str
    to: list[str]
    user: str
    password: str
    password_env: str
    subject: str
    timeout: float
    data_timeout: float  # for the answer to the message itself (RFC 5321 4.5.3.2.6)
    retries: int
    backoff: float
    lock_wait: float
    state_dir: Path
    cafile: str  # PEM bundle to trust instead of the system's (a relay with an internal CA)
    tls: ssl.SSLContext | None = field(repr=False)

    @property
    def ledger_path(self) -> Path:
        return self.state_dir / "sent.sqlite3"

    @property
    def outbox(self) -> Path:
        return self.state_dir / "outbox"

    @property
    def envelope_sender(self) -> str:
        return parseaddr(self.sender)[1]


@dataclass(frozen=True)
class Failure:
    kind: str  # "permanent" or "transient"
    reason: str  # the server's reply ("550 5.1.1 mailbox unavailable") or the error, as it was
    setting: str = ""  # the [mail] key to fix, when the configuration is at fault (exit 2)


@dataclass
class SendResult:
    accepted: list[str] = field(default_factory=list)
    failed: dict[str, Failure] = field(default_factory=dict)  # after the last attempt
    unknown: dict[str, str] = field(default_factory=dict)  # handed over, no answer: address -> why
    attempts: int = 0


# record(state, recipients, failure): called at each state change, before the next SMTP command.
Recorder = Callable[[str, "list[str]", "Failure | None"], None]


def _ignore(state: str, recipients: list[str], failure: Failure | None) -> None:
    """The default recorder: nothing to record."""


def _text(reply: bytes | str) -> str:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def by_reply(code: int, reply: bytes | str) -> Failure:
    return Failure("transient" if 400 <= code < 500 else "permanent", f"{code} {_text(reply)}".strip())


def classify(exc: BaseException, settings: SendSettings, timeout: float | None = None) -> Failure:
    """The failure an exception stands for, with the real reply code or error in its reason.

    ``timeout``: the one the failed read had, when not ``settings.timeout``.
    """
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, smtplib.SMTPResponseException):
        failure = by_reply(exc.smtp_code, exc.smtp_error)
        if isinstance(exc, smtplib.SMTPAuthenticationError) and failure.kind == "permanent":
            return Failure("permanent", f"{where} refused the login of {settings.user!r}: {failure.reason}",
                           "user")
        return failure
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        if "STARTTLS" in str(exc):
            return Failure("permanent", f"{where} does not offer STARTTLS", "security")
        return Failure("permanent", f"{where} does not offer AUTH (login) on this connection", "user")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return Failure("permanent", f"{where}: certificate not trusted ({exc.verify_message})", "cafile")
    if isinstance(exc, ssl.SSLError):
        return Failure("permanent", f"TLS with {where} failed ({exc.reason or exc}): does it speak "
                       f"{settings.security.upper()} on port {settings.port}?", "security")
    if isinstance(exc, socket.gaierror):
        if exc.errno == socket.EAI_AGAIN:  # the resolver did not answer: the network may be back soon
            return Failure("transient", f"cannot resolve {settings.host} now ({exc.strerror})")
        return Failure("permanent", f"{settings.host}: no such host ({exc.strerror})", "host")
    if isinstance(exc, ConnectionRefusedError):
        return Failure("permanent", f"{where} refused the connection")
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return Failure("transient", f"{where} did not answer within {timeout or settings.timeout:g} s")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return Failure("transient", f"{where} closed the connection ({exc})")
    if isinstance(exc, smtplib.SMTPException):
        return Failure("permanent", f"{type(exc).__name__}: {exc}")
    return Failure("transient", f"{where}: {getattr(exc, 'strerror', None) or exc}")


def connect(settings: SendSettings) -> smtplib.SMTP:
    """A connection that has said EHLO, is encrypted as configured and logged in: ready for MAIL."""
    if settings.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                              context=settings.tls)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        smtp.ehlo_or_helo_if_needed()
        if settings.security == "starttls":
            smtp.starttls(context=settings.tls)  # certificates are always verified
            smtp.ehlo()
        if settings.user:
            smtp.login(settings.user, settings.password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def quit_politely(smtp: smtplib.SMTP) -> None:
    """Say QUIT and close; whatever the server answers, or fails to, is only logged."""
    try:
        code, reply = smtp.docmd("QUIT")
        if code != 221:
            log.info("the server answered QUIT with %d %s (ignored)", code, _text(reply))
    except (smtplib.SMTPException, OSError) as exc:
        log.info("no answer to QUIT (%s; ignored)", exc)
    finally:
        smtp.close()


def _dot_stuffed(payload: bytes) -> bytes:
    """The DATA body: CRLF line ends, a leading dot doubled, ending in CRLF.CRLF (RFC 5321 4.5.2)."""
    payload = re.sub(rb"\r?\n", b"\r\n", payload)
    payload = re.sub(rb"(?m)^\.", b"..", payload)
    if not payload.endswith(b"\r\n"):
        payload += b"\r\n"
    return payload + b".\r\n"


def _transaction(payload: bytes, sender: str, recipients: list[str], settings: SendSettings,
                 record: Recorder, result: SendResult) -> dict[str, Failure]:
    """One connection, one MAIL/RCPT/DATA; fills ``result`` and returns this attempt's failures."""
    try:
        smtp = connect(settings)
    except (smtplib.SMTPException, OSError) as exc:
        return dict.fromkeys(recipients, classify(exc, settings))
    failed: dict[str, Failure] = {}
    handed_over: list[str] = []
    healthy = True
    try:
        code, reply = smtp.mail(sender)
        if code != 250:
            return dict.fromkeys(recipients, by_reply(code, reply))
        for address in recipients:
            code, reply = smtp.rcpt(address)
            if code in (250, 251):
                handed_over.append(address)
            else:
                failed[address] = by_reply(code, reply)
        if not handed_over:
            return failed
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            failed.update(dict.fromkeys(handed_over, by_reply(code, reply)))
            return failed
        record("sending", handed_over, None)
        smtp.send(_dot_stuffed(payload))  # fails before the final dot is out: nothing delivered
        try:
            smtp.sock.settimeout(settings.data_timeout)
            code, reply = smtp.getreply()
        except (smtplib.SMTPException, OSError) as exc:
            healthy = False
            why = classify(exc, settings, settings.data_timeout).reason
            result.unknown.update(dict.fromkeys(handed_over, why))  # stays "sending"
            return failed
        smtp.sock.settimeout(settings.timeout)
        if code == 250:
            record("accepted", handed_over, None)
            result.accepted += handed_over
        else:
            failed.update(dict.fromkeys(handed_over, by_reply(code, reply)))
        return failed
    except (smtplib.SMTPException, OSError) as exc:
        healthy = False
        failure = classify(exc, settings)
        failed.update({r: failure for r in recipients if r not in failed and r not in result.accepted
                       and r not in result.unknown})
        return failed
    finally:
        if healthy:
            quit_politely(smtp)
        else:
            smtp.close()


def send(payload: bytes, sender: str, recipients: list[str], settings: SendSettings, *,
         record: Recorder = _ignore, sleep: Callable[[float], None] = time.sleep) -> SendResult:
    """Send ``payload`` (a whole message) to ``recipients``, retrying transient failures.

    ``sender`` and ``recipients`` are bare addresses. Each attempt opens its own connection and
    offers only the recipients still failing transiently; ``record`` hears of each change.
    """
    result = SendResult()
    remaining = list(recipients)
    for attempt in range(settings.retries + 1):
        result.attempts = attempt + 1
        failed = _transaction(payload, sender, remaining, settings, record, result)
        for failure in set(failed.values()):
            record("failed", [r for r, f in failed.items() if f == failure], failure)
        result.failed.update(failed)
        remaining = [r for r, failure in failed.items() if failure.kind == "transient"]
        if not remaining or any(f.setting for f in failed.values()) or attempt == settings.retries:
            break
        delay = settings.backoff * 2 ** attempt
        log.warning("attempt %d of %d did not reach %s (%s); trying again in %g s", attempt + 1,
                    settings.retries + 1, ", ".join(remaining), failed[remaining[0]].reason, delay)
        sleep(delay)
    for address in result.accepted:
        result.failed.pop(address, None)
    return result


def probe(settings: SendSettings) -> list[str]:
    """Connect, say EHLO, STARTTLS and log in as configured, then QUIT: what a real run would do
    before it sends. Returns what it found; raises what it could not do as a ``Failure`` reason."""
    smtp = connect(settings)
    try:
        greeting = (smtp.ehlo_resp or b"").decode(errors="replace").splitlines() or ["(no name)"]
        lines = [f"connected to {settings.host}:{settings.port}, EHLO answered by {greeting[0]}"]
        if settings.security != "none":
            lines.append(f"TLS: {smtp.sock.version()}, certificate verified for {settings.host}")
        if settings.user:
            lines.append(f"logged in as {settings.user} (AUTH {smtp.esmtp_features.get('auth', '').strip()})")
        size = smtp.esmtp_features.get("size", "").strip()
        if size.isdigit() and int(size):
            lines.append(f"the server takes messages up to {int(size):,} bytes")
    finally:
        quit_politely(smtp)
    return lines
