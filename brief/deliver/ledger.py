"""The send ledger: where each date's brief stands with each recipient (SQLite), and a lock per date.

Every (date, recipient) moves ``pending -> sending -> accepted``, or to ``failed`` (permanent or
transient, with the server's reply or the error). ``sending`` is written, and synced to disk,
before the message's last line goes to the server, and ``accepted`` as soon as the server answers
250, before QUIT. So a run killed in between leaves ``sending`` behind: SMTP cannot tell whether
that message was delivered, and the next run reports it as unknown instead of sending it blindly.
``accepted`` is final: nothing a run does afterwards changes it.

Runs for the same date take the date's lock (``lock``) for as long as they send; a second run
waits, then finds the deliveries accepted and sends nothing. The kernel drops the lock of a
killed run, so a crash never leaves a date locked.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import sqlite3
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Iterable, Iterator

from brief.errors import DeliveryError

log = logging.getLogger("brief.deliver.ledger")

STATES = ("pending", "sending", "accepted", "failed")
FAILURES = ("permanent", "transient")

SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    date       TEXT NOT NULL,  -- the brief's date, YYYY-MM-DD
    recipient  TEXT NOT NULL,  -- the address, lower-cased (see ``recipient_key``)
    state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'accepted', 'failed')),
    failure    TEXT CHECK (failure IN ('permanent', 'transient')),  -- when failed
    reason     TEXT NOT NULL DEFAULT '',  -- the server's reply or the error, when failed
    message_id TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,  -- times the message went to the server (DATA)
    updated_at TEXT NOT NULL,  -- ISO 8601 with offset
    PRIMARY KEY (date, recipient)
)
"""

# Ledgers written before the state machine had only the accepted deliveries, in table ``sent``.
MIGRATE = """
INSERT OR IGNORE INTO deliveries (date, recipient, state, message_id, attempts, updated_at)
    SELECT date, recipient, 'accepted', message_id, 1, sent_at FROM sent;
DROP TABLE sent;
"""

BUSY_TIMEOUT = 30.0  # seconds a write waits for another process's transaction


def recipient_key(address: str) -> str:
    """What makes two recipients the same: the bare address, without case.

    RFC 5321 lets a server tell ``Chief@x`` from ``chief@x``, but no mail system in use does, and
    the same official getting the brief twice is the error this ledger exists to prevent.
    """
    return (parseaddr(address)[1] or address).strip().lower()


def unique_recipients(addresses: Iterable[str]) -> list[str]:
    """``addresses`` without repeats (``recipient_key``), each kept as first written."""
    seen: dict[str, str] = {}
    for address in addresses:
        seen.setdefault(recipient_key(address), address)
    return list(seen.values())


@dataclass(frozen=True)
class Entry:
    recipient: str
    state: str
    failure: str | None = None
    reason: str = ""
    message_id: str = ""
    attempts: int = 0
    updated_at: str = ""

    @property
    def unknown(self) -> bool:
        """Left ``sending`` by a run that is gone: the server may or may not have the message."""
        return self.state == "sending"

    def describe(self) -> str:
        if self.state == "failed":
            return f"failed ({self.failure}): {self.reason}"
        if self.unknown:
            return "unknown (the run sending it stopped before the server answered)"
        return self.state


class LedgerBusy(DeliveryError):
    """Another run kept the date's lock for longer than we were willing to wait."""


class Ledger:
    """One SQLite file. Each change is a ``BEGIN IMMEDIATE`` transaction, synced before it returns."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._transaction() as db:
            db.execute(SCHEMA)
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sent'").fetchone():
                for statement in filter(str.strip, MIGRATE.split(";")):
                    db.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that waits for others (busy timeout), commits durably, always closes."""
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)) as db:
            db.execute("PRAGMA synchronous = FULL")  # COMMIT returns once the change is on disk
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def entries(self, date: str) -> dict[str, Entry]:
        """The date's deliveries by ``recipient_key``."""
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)) as db:
            rows = db.execute("SELECT recipient, state, failure, reason, message_id, attempts, updated_at "
                              "FROM deliveries WHERE date = ?", (date,)).fetchall()
        return {row[0]: Entry(*row) for row in rows}

    def dates(self) -> list[str]:
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)) as db:
            return [row[0] for row in db.execute("SELECT DISTINCT date FROM deliveries ORDER BY date")]

    def mark(self, date: str, recipients: Iterable[str], state: str, *, message_id: str = "",
             failure: str | None = None, reason: str = "") -> None:
        """Move ``recipients`` to ``state``; an accepted delivery stays accepted whatever is asked."""
        if state not in STATES or (state == "failed") != (failure in FAILURES):
            raise ValueError(f"state {state!r} with failure {failure!r}")
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        sent = 1 if state == "sending" else 0
        rows = [(date, recipient_key(r), state, failure, reason, message_id, sent, now) for r in recipients]
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO deliveries (date, recipient, state, failure, reason, message_id, attempts,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (date, recipient) DO UPDATE SET state = excluded.state,"
                " failure = excluded.failure, reason = excluded.reason,"
                " message_id = CASE WHEN excluded.message_id = '' THEN message_id ELSE excluded.message_id END,"
                " attempts = attempts + excluded.attempts, updated_at = excluded.updated_at"
                " WHERE state != 'accepted'",
                rows,
            )

    @contextmanager
    def lock(self, date: str, wait: float) -> Iterator[None]:
        """Hold the date's lock (a file under ``locks/`` beside the ledger), waiting up to ``wait`` s."""
        path = self.path.parent / "locks" / f"{date}.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a+", encoding="ascii") as handle:
            deadline = time.monotonic() + wait
            waiting = False
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not waiting:
                        waiting = True
                        handle.seek(0)
                        log.info("another brief run (pid %s) is sending the brief of %s: waiting for it",
                                 handle.read().strip() or "?", date)
                    if time.monotonic() >= deadline:
                        handle.seek(0)
                        holder = handle.read().strip() or "?"
                        raise LedgerBusy(f"another brief run (pid {holder}) has been sending the brief "
                                         f"of {date} for more than {wait:g} s (mail.lock_wait); "
                                         "this run sent nothing") from None
                    time.sleep(0.05)
            handle.truncate(0)
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
