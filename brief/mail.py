"""Mail the brief: a multipart/alternative message (plain text + HTML), sent over SMTP.

Settings come from ``[mail]`` in the config; the password only from the environment variable it
names. Transient failures (connection lost, 4xx replies) are retried with exponential backoff;
permanent ones (5xx) are not. A send ledger keeps a date's brief from reaching anyone twice, and a
message that did not reach everyone is kept in the outbox so that nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import smtplib
import ssl
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Any, Callable

from brief.errors import EXIT_DELIVERY_FAILED, EXIT_OK, EXIT_PARTIAL, ConfigError
from brief.model import Brief

log = logging.getLogger("brief.mail")

SECURITY = ("starttls", "ssl", "none")


@dataclass
class MailSettings:
    host: str
    port: int
    security: str
    sender: str
    to: list[str]
    user: str = ""
    password: str = ""
    subject: str = "{title} {date_label}"
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 5.0
    state_dir: Path = field(default_factory=Path)
    cafile: str = ""  # PEM bundle to trust instead of the system's (a relay with an internal CA)

    @property
    def ledger_path(self) -> Path:
        return self.state_dir / "sent.sqlite3"

    @property
    def outbox(self) -> Path:
        return self.state_dir / "outbox"


def state_dir(configured: str) -> Path:
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "brief"


def settings_from(config: dict[str, Any], environ: dict[str, str] | None = None,
                  *, need_password: bool = True) -> MailSettings:
    """Check ``[mail]`` and read the password from the environment; ConfigError names what is wrong."""
    mail = config.get("mail") or {}
    environ = dict(os.environ if environ is None else environ)
    to = mail.get("to") or []
    if isinstance(to, str):
        to = [part.strip() for part in to.split(",") if part.strip()]
    for key, value in (("host", mail.get("host")), ("from", mail.get("from")), ("to", to)):
        if not value:
            raise ConfigError(f"mail.{key} is not set (put it in brief.toml under [mail])")
    for address in [mail["from"], *to]:
        if "@" not in parseaddr(address)[1]:
            raise ConfigError(f"mail: {address!r} is not an e-mail address")
    security = mail.get("security", "starttls")
    if security not in SECURITY:
        raise ConfigError(f"mail.security {security!r}: expected one of {', '.join(SECURITY)}")
    user = mail.get("user", "")
    password = ""
    if user and need_password:
        variable = mail.get("password_env") or "BRIEF_SMTP_PASSWORD"
        password = environ.get(variable, "")
        if not password:
            raise ConfigError(f"mail.user is set but the environment variable {variable} "
                              "(mail.password_env) holding the password is empty")
    return MailSettings(
        host=mail["host"], port=int(mail.get("port") or (465 if security == "ssl" else 587)),
        security=security, sender=mail["from"], to=list(to), user=user, password=password,
        subject=mail.get("subject") or MailSettings.subject,
        timeout=float(mail.get("timeout", 30)), retries=int(mail.get("retries", 3)),
        backoff=float(mail.get("backoff", 5)), state_dir=state_dir(mail.get("state_dir", "")),
        cafile=str(Path(mail["cafile"]).expanduser()) if mail.get("cafile") else "",
    )


def build_message(brief: Brief, settings: MailSettings, config: dict[str, Any]) -> EmailMessage:
    """The brief as text/plain and text/html alternatives, subject and headers in UTF-8."""
    from brief.render import render

    message = EmailMessage(policy=SMTP_POLICY)
    message["Subject"] = settings.subject.format(
        title=brief.title, date=brief.date, date_label=brief.meta.get("date_label", brief.date))
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(settings.sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(idstring=f"brief.{brief.date}", domain=domain)
    message["X-Brief-Date"] = brief.date
    message.set_content(render(brief, "txt", config), subtype="plain", charset="utf-8")
    message.add_alternative(render(brief, "html", config), subtype="html", charset="utf-8")
    return message


@dataclass
class SendResult:
    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # address -> why, after all retries
    attempts: int = 0


def _connect(settings: MailSettings) -> smtplib.SMTP:
    """A connection, encrypted as configured; certificates are always verified."""
    if settings.security == "none":
        return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    context = ssl.create_default_context(cafile=settings.cafile or None)
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                context=context)
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        smtp.starttls(context=context)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _transient(exc: Exception) -> bool:
    """Worth retrying: a 4xx reply, a dropped connection, a network error; not a 5xx refusal."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, (smtplib.SMTPServerDisconnected, OSError))


def send(message: EmailMessage, recipients: list[str], settings: MailSettings,
         *, sleep: Callable[[float], None] = time.sleep) -> SendResult:
    """Send to ``recipients``; retry transient failures (whole or per recipient) with backoff."""
    result = SendResult()
    remaining = list(recipients)
    for attempt in range(settings.retries + 1):
        result.attempts = attempt + 1
        try:
            with _connect(settings) as smtp:
                if settings.user:
                    smtp.login(settings.user, settings.password)
                refused = smtp.send_message(message, from_addr=parseaddr(settings.sender)[1],
                                            to_addrs=remaining)
        except smtplib.SMTPRecipientsRefused as exc:  # every recipient refused
            refused = exc.recipients
        except (smtplib.SMTPException, OSError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if not _transient(exc):
                result.refused.update({r: reason for r in remaining})
                return result
            log.warning("attempt %d of %d failed: %s", attempt + 1, settings.retries + 1, reason)
            refused = {r: (421, reason.encode()) for r in remaining}
        result.accepted += [r for r in remaining if r not in refused]
        remaining = []
        for address, (code, text) in refused.items():
            reason = f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
            if 400 <= code < 500:
                remaining.append(address)
            result.refused[address] = reason
        if not remaining:
            break
        if attempt < settings.retries:
            delay = settings.backoff * 2 ** attempt
            log.info("retrying %d recipient(s) in %.1f s", len(remaining), delay)
            sleep(delay)
    for address in result.accepted:
        result.refused.pop(address, None)
    return result


def keep_in_outbox(message: EmailMessage, settings: MailSettings, date: str) -> Path:
    """Write the unsent message where it can be resent by hand (any mail client opens .eml)."""
    from brief.io import atomic_write

    stamp = dt.datetime.now().strftime("%H%M%S")
    path = settings.outbox / f"brief-{date}-{stamp}.eml"
    atomic_write(path, message.as_bytes())
    return path


@dataclass
class Delivery:
    """What ``deliver`` did, for the user (``lines``) and for cron (``exit_code``)."""

    exit_code: int
    lines: list[str]


def deliver(brief: Brief, config: dict[str, Any], *, force: bool = False, dry_run: bool = False,
            sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """Mail the brief to ``mail.to`` less those the ledger says already have it (unless ``force``)."""
    import sqlite3

    from brief.ledger import Ledger

    settings = settings_from(config, need_password=not dry_run)
    message = build_message(brief, settings, config)
    try:
        ledger = Ledger(settings.ledger_path)
        done = set() if force else ledger.already_sent(brief.date, settings.to)
    except (sqlite3.Error, OSError) as exc:
        raise ConfigError(f"{settings.ledger_path}: cannot use the send ledger: {exc}") from None
    pending = [r for r in settings.to if r not in done]
    lines = [f"already sent the brief of {brief.date} to {r} (--force sends again)" for r in done]
    if dry_run:
        parts = ", ".join(part.get_content_type() for part in message.iter_parts())
        lines += [
            f"dry run: would send via {settings.host}:{settings.port} ({settings.security})",
            f"From: {settings.sender}",
            f"To: {', '.join(pending) or '(nobody: all already sent)'}",
            f"Subject: {message['Subject']}",
            f"Parts: {parts}; {len(message.as_bytes())} bytes",
        ]
        return Delivery(EXIT_OK, lines)
    if not pending:
        return Delivery(EXIT_OK, lines)
    result = send(message, pending, settings, sleep=sleep)
    if result.accepted:
        ledger.record(brief.date, result.accepted, message["Message-ID"])
        lines.append(f"sent the brief of {brief.date} to {', '.join(result.accepted)}")
    if not result.refused:
        return Delivery(EXIT_OK, lines)
    lines += [f"not delivered to {r}: {why}" for r, why in result.refused.items()]
    kept = keep_in_outbox(message, settings, brief.date)
    lines.append(f"kept the unsent brief in {kept}")
    return Delivery(EXIT_PARTIAL if result.accepted else EXIT_DELIVERY_FAILED, lines)
