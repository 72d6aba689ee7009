"""The send ledger: which recipients already got the brief of which date (SQLite).

Cron may run twice, or a run may be repeated after a partial failure: the ledger makes sending
idempotent per date and recipient, so only those who have not had the day's brief get it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Iterable, Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    date       TEXT NOT NULL,  -- the brief's date, YYYY-MM-DD
    recipient  TEXT NOT NULL,  -- lower-cased address
    message_id TEXT NOT NULL,
    sent_at    TEXT NOT NULL,  -- when the server accepted it, ISO 8601 with offset
    PRIMARY KEY (date, recipient)
)
"""


def _normal(address: str) -> str:
    return address.strip().lower()


class Ledger:
    """One SQLite file; each call is its own short transaction, so concurrent runs are safe."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success, rolls back on error, and is always closed."""
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def already_sent(self, date: str, recipients: Iterable[str]) -> set[str]:
        """Those of ``recipients`` that were sent the brief of ``date`` (as given, not lower-cased)."""
        with self._connect() as db:
            done = {row[0] for row in db.execute("SELECT recipient FROM sent WHERE date = ?", (date,))}
        return {r for r in recipients if _normal(r) in done}

    def record(self, date: str, recipients: Iterable[str], message_id: str) -> None:
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO sent (date, recipient, message_id, sent_at) VALUES (?, ?, ?, ?)",
                [(date, _normal(r), message_id, now) for r in recipients],
            )
