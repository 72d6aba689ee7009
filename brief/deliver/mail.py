"""Mail the brief: a multipart/alternative message (plain text + HTML), to each recipient once.

Settings come from ``[mail]`` in the config or ``BRIEF_MAIL__*`` variables; the password only from
the environment variable ``mail.password_env`` names. ``deliver`` sends through the send ledger
(``brief.deliver.ledger``): under the date's lock, only to the recipients who do not have the brief yet,
recording each step; what did not reach everyone is kept in the outbox (``brief.deliver.outbox``), which
``resend_kept`` (``brief outbox send``) sends through the same ledger.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import ssl
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Any, Callable

from brief.config import ENV_PREFIX
from brief.errors import EXIT_DELIVERY_FAILED, EXIT_OK, EXIT_PARTIAL, BriefError, ConfigError, DeliveryError
from brief.document import Brief
from brief.deliver.smtp import SendSettings

log = logging.getLogger("brief.deliver.mail")

USUAL_PORT = {"ssl": 465, "starttls": 587, "none": 25}  # mail.port = 0
PLACEHOLDER_FROM = "brief@example.invalid"
PLACEHOLDER_TO = "recipient@example.invalid"


def setting(key: str) -> str:
    """A ``[mail]`` key as a user sets it: ``mail.host (BRIEF_MAIL__HOST)``."""
    return f"mail.{key} ({ENV_PREFIX}MAIL__{key.upper()})"


def state_dir(configured: str) -> Path:
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "brief"


def tls_context(cafile: str) -> ssl.SSLContext:
    """The context every TLS connection uses: certificates verified, against ``cafile`` if given."""
    try:
        context = ssl.create_default_context(cafile=cafile or None)
    except ssl.SSLError as exc:  # before OSError, of which it is one
        problem = f"not a PEM bundle ({exc.reason or exc})"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    else:
        return context
    raise ConfigError(f"{setting('cafile')} {cafile}: cannot read it: {problem}")


def _recipients(mail: dict[str, Any]) -> list[str]:
    from brief.deliver.ledger import unique_recipients

    to = mail["to"]
    if isinstance(to, str):
        to = [part.strip() for part in to.split(",") if part.strip()]
    return unique_recipients(to)


def _check_address(key: str, address: str) -> None:
    if "@" not in parseaddr(address)[1]:
        raise ConfigError(f"{setting(key)}: {address!r} is not an e-mail address")


def _not_set(key: str) -> ConfigError:
    return ConfigError(f"mail.{key} is not set (brief.toml under [mail], or {ENV_PREFIX}MAIL__{key.upper()} "
                       "in the environment)")


def settings_from(config: dict[str, Any], environ: dict[str, str] | None = None) -> SendSettings:
    """Everything sending needs, checked: addresses, the password, the CA file.

    Raises ConfigError naming the key (and its environment variable) that is wrong. Types and
    ranges were checked when the config was loaded (``brief.config``).
    """
    mail = config["mail"]
    environ = dict(os.environ if environ is None else environ)
    to = _recipients(mail)
    for key, value in (("host", mail["host"]), ("from", mail["from"]), ("to", to)):
        if not value:
            raise _not_set(key)
    for key, address in [("from", mail["from"])] + [("to", address) for address in to]:
        _check_address(key, address)
    variable = mail["password_env"]
    password = environ.get(variable, "") if mail["user"] else ""
    if mail["user"] and not password:
        raise ConfigError(f"{setting('user')} is set but the environment variable {variable} "
                          f"({setting('password_env')}) that holds the password is empty")
    cafile = str(Path(mail["cafile"]).expanduser()) if mail["cafile"] else ""
    return _settings(mail, to=to, sender=mail["from"], password=password, cafile=cafile,
                     tls=tls_context(cafile) if mail["security"] != "none" else None)


def file_settings(config: dict[str, Any]) -> tuple[SendSettings, list[str]]:
    """What writing the message to a file needs (``--eml``): sender and recipients, or placeholders.

    Returns the settings and a warning for each placeholder used.
    """
    mail = config["mail"]
    to = _recipients(mail)
    sender = mail["from"]
    warnings = []
    if not sender:
        sender = PLACEHOLDER_FROM
        warnings.append(f"mail.from is not set ({setting('from')}): the file says From: {sender}")
    if not to:
        to = [PLACEHOLDER_TO]
        warnings.append(f"mail.to is not set ({setting('to')}): the file says To: {to[0]}")
    for key, address in [("from", sender)] + [("to", address) for address in to]:
        _check_address(key, address)
    return _settings(mail, to=to, sender=sender, password="", cafile="", tls=None), warnings


def _settings(mail: dict[str, Any], **resolved: Any) -> SendSettings:
    """The ``[mail]`` values as they are, and what ``resolved`` worked out (addresses, secrets, TLS)."""
    return SendSettings(
        host=mail["host"], port=mail["port"] or USUAL_PORT[mail["security"]], security=mail["security"], user=mail["user"],
        password_env=mail["password_env"], subject=mail["subject"], timeout=mail["timeout"],
        data_timeout=mail["data_timeout"], retries=mail["retries"], backoff=mail["backoff"],
        lock_wait=mail["lock_wait"], state_dir=state_dir(mail["state_dir"]), **resolved,
    )


def build_message(brief: Brief, settings: SendSettings, config: dict[str, Any]) -> EmailMessage:
    """The brief as text/plain and text/html alternatives, subject and headers in UTF-8."""
    from brief.deliver.rendering import render

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
class Delivery:
    """What a delivery did, for the user (``lines``) and for cron (``exit_code``).

    ``problems``: those of the lines that say what did not go as it should (logged as warnings).
    """

    exit_code: int
    lines: list[str]
    problems: list[str] = field(default_factory=list)


def deliver(brief: Brief, config: dict[str, Any], *, force: bool = False, dry_run: bool = False,
            connect: bool = False, sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """Mail the brief to those of ``mail.to`` the ledger does not show as having it.

    ``force`` also sends to recipients whose delivery is unknown (a run died while sending);
    ``dry_run`` checks what the real run would and sends nothing (``connect``: also says EHLO).
    """
    settings = settings_from(config)
    message = build_message(brief, settings, config)
    if dry_run:
        return check(message, brief.date, settings, connect=connect, force=force)
    return dispatch(message.as_bytes(), message["Message-ID"], brief.date, settings.to, settings,
                    force=force, sleep=sleep)


def _ledger_error(settings: SendSettings, exc: Exception) -> ConfigError:
    return ConfigError(f"{settings.ledger_path}: cannot use the send ledger ({setting('state_dir')}): {exc}")


def dispatch(payload: bytes, message_id: str, date: str, recipients: list[str], settings: SendSettings,
             *, force: bool = False, sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """Send the message ``payload`` (the brief of ``date``) through the ledger, under its lock."""
    from brief.deliver.ledger import Ledger

    try:
        ledger = Ledger(settings.ledger_path)
    except (sqlite3.Error, OSError) as exc:
        raise _ledger_error(settings, exc) from None
    try:
        with ledger.lock(date, settings.lock_wait):
            return _dispatch_locked(ledger, payload, message_id, date, recipients, settings, force, sleep)
    except sqlite3.Error as exc:
        raise _ledger_error(settings, exc) from None


def _unknown_line(date: str, addresses: list[str], why: str) -> str:
    return (f"the brief of {date} may or may not have reached {', '.join(addresses)}: {why}, and SMTP "
            "cannot tell whether the server kept it; not sent again (ask them, then --force sends it)")


def _dispatch_locked(ledger, payload: bytes, message_id: str, date: str, recipients: list[str],
                     settings: SendSettings, force: bool, sleep: Callable[[float], None]) -> Delivery:
    from brief.deliver import outbox
    from brief.deliver.ledger import recipient_key, unique_recipients
    from brief.deliver.smtp import SendResult, send

    addresses = unique_recipients(parseaddr(r)[1] for r in recipients)
    entries = ledger.entries(date)
    state = {a: entries[recipient_key(a)].state if recipient_key(a) in entries else "new" for a in addresses}
    had = [a for a in addresses if state[a] == "accepted"]
    stale = [a for a in addresses if state[a] == "sending" and not force]
    to_send = [a for a in addresses if a not in had and a not in stale]
    result = SendResult()
    if to_send:
        def record(state, addresses, failure):
            ledger.mark(date, addresses, state, message_id=message_id,
                        failure=failure and failure.kind, reason=failure.reason if failure else "")

        ledger.mark(date, to_send, "pending", message_id=message_id)
        result = send(payload, settings.envelope_sender, to_send, settings, record=record, sleep=sleep)
    delivery = _outcome(date, had, stale, result)
    if not delivery.problems:
        outbox.discard(settings.outbox, date)
        return delivery
    try:
        kept = outbox.keep(payload, settings.outbox, date)
    except OSError as exc:
        raise BriefError(f"{settings.outbox}: cannot keep the unsent brief: {exc.strerror or exc}") from None
    misconfigured = next((f for f in result.failed.values() if f.setting), None)
    if misconfigured and not result.accepted:
        also = f" and the password in {settings.password_env}" if misconfigured.setting == "user" else ""
        raise ConfigError(f"{misconfigured.reason}; check {setting(misconfigured.setting)}{also}; "
                          f"nothing was sent, the brief is kept in {kept}")
    kept_line = f"kept the brief of {date} in {kept} (`brief outbox send` sends it to those who lack it)"
    delivery.lines.append(kept_line)
    delivery.problems.append(kept_line)
    return delivery


def _outcome(date: str, had: list[str], stale: list[str], result) -> Delivery:
    """Lines on who has the brief and who does not (one per failure, with its real reply or error)."""
    lines = [f"already sent the brief of {date} to {', '.join(had)}"] if had else []
    if result.accepted:
        lines.append(f"sent the brief of {date} to {', '.join(result.accepted)}")
    problems = []
    if stale:
        problems.append(_unknown_line(date, stale, "a run stopped after handing it to the server and "
                                                   "before the server answered"))
    for failure in dict.fromkeys(result.failed.values()):
        who = ", ".join(a for a, f in result.failed.items() if f == failure)
        after = f"; gave up after {result.attempts} attempts" if failure.kind == "transient" else ""
        problems.append(f"not delivered to {who}: {failure.reason} ({failure.kind}{after})")
    for why in dict.fromkeys(result.unknown.values()):
        problems.append(_unknown_line(date, [a for a, w in result.unknown.items() if w == why],
                                      f"it was handed to the server, which did not answer ({why})"))
    if not problems:
        code = EXIT_OK
    else:
        code = EXIT_PARTIAL if had or result.accepted else EXIT_DELIVERY_FAILED
    return Delivery(code, lines + problems, list(problems))


def _writable(folder: Path) -> bool:
    """Whether ``folder`` exists and is writable, or can be made."""
    while not folder.exists():
        if folder.parent == folder:
            return False
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def check(message: EmailMessage, date: str, settings: SendSettings, *, connect: bool = False,
          force: bool = False) -> Delivery:
    """The dry run: what the real run would send and to whom, after the checks it would make.

    ``settings_from`` has checked the addresses, the password and the CA file; this reads the ledger
    (without creating it), checks the state directory and, with ``connect``, the server itself.
    """
    from brief.deliver.ledger import Ledger, recipient_key

    if not _writable(settings.state_dir):
        raise ConfigError(f"{setting('state_dir')}: {settings.state_dir} is not writable "
                          "(the send ledger and the outbox live there)")
    entries = {}
    if settings.ledger_path.exists():
        try:
            entries = Ledger(settings.ledger_path).entries(date)
        except (sqlite3.Error, OSError) as exc:
            raise _ledger_error(settings, exc) from None
    entry = {a: entries.get(recipient_key(a)) for a in (parseaddr(r)[1] for r in settings.to)}
    would = [a for a, e in entry.items() if e is None or e.state != "accepted" and (force or not e.unknown)]
    trust = f"the CA file {settings.cafile}" if settings.cafile else "the system's CA store"
    lines = [f"dry run: would send via {settings.host}:{settings.port} ({settings.security}"
             + (f", certificates checked against {trust})" if settings.security != "none" else ")")]
    if settings.user:
        lines.append(f"login: {settings.user}, password from {settings.password_env} (set)")
    parts = ", ".join(part.get_content_type() for part in message.iter_parts())
    lines += [
        f"From: {settings.sender}",
        f"To: {', '.join(would) or '(nobody)'}",
        *[f"  {a}: {e.describe()}" for a, e in entry.items() if e],
        f"Subject: {message['Subject']}",
        f"Parts: {parts}; {len(message.as_bytes())} bytes",
    ]
    if connect:
        import smtplib

        from brief.deliver.smtp import classify, probe

        try:
            lines += probe(settings)
        except (smtplib.SMTPException, OSError) as exc:
            failure = classify(exc, settings)
            if failure.setting:
                raise ConfigError(f"{failure.reason}; check {setting(failure.setting)}") from None
            raise DeliveryError(f"{failure.reason} ({failure.kind})") from None
    return Delivery(EXIT_OK, lines)


def resend_kept(config: dict[str, Any], *, date: str | None = None, force: bool = False,
                sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """Send the briefs kept in the outbox (of ``date``, or all) to those who lack them."""
    from brief.deliver.outbox import kept

    settings = settings_from(config)
    briefs = kept(settings.outbox, date)
    if not briefs:
        return Delivery(EXIT_OK, [f"nothing to send: no brief{' of ' + date if date else ''} "
                                  f"in {settings.outbox}"])
    code, lines, problems = EXIT_OK, [], []
    for brief in briefs:
        done = dispatch(brief.payload(), brief.message_id, brief.date, brief.recipients, settings,
                        force=force, sleep=sleep)
        code = max(code, done.exit_code)
        lines += done.lines
        problems += done.problems
    return Delivery(code, lines, problems)
