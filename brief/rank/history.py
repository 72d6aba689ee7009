"""Memory across days: what each brief contained, so that yesterday's story does not come back.

A small SQLite file (``[rank] history``; default ``$XDG_DATA_HOME/brief/history.sqlite3``) with one
row per briefed story: date, content hash, title, MinHash signature of its text, key figures and
named entities. A story counts as already briefed only when it was briefed on an EARLIER date within
``history_days``; recording a date replaces that date's rows, so re-running a morning changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from brief.errors import BriefError
from brief.document import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS briefed (
    date TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    signature BLOB NOT NULL,
    figures TEXT NOT NULL,
    entities TEXT NOT NULL,
    PRIMARY KEY (date, content_hash)
)
"""
# Named things a follow-up can add, without a model: titled documents and quoted names. Word-level
# entities (people, places) would need a segmenter; a paraphrase must not look like news.
_ENTITY = re.compile(r"《[^》]{2,30}》|“[^”]{2,12}”")


def entities(text: str) -> set[str]:
    """Titled documents and quoted names in ``text``."""
    return set(_ENTITY.findall(text))


def figures(text: str) -> set[str]:
    """Key figures of ``text`` as printed (dates excluded)."""
    from brief.rank.features import hard_figures

    return {f.text for f in hard_figures(text)}


BUSY_SECONDS = 60.0


def _hint(exc: Exception) -> str:
    """What to do about a damaged store: it is only memory, so moving it away is safe."""
    damaged = isinstance(exc, (sqlite3.DatabaseError, ValueError, TypeError)) and "locked" not in str(exc)
    return "; it looks damaged: move it away and the next run starts a new one" if damaged else ""


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "brief" / "history.sqlite3"


def history_path(config: dict[str, Any]) -> Path:
    configured = config["rank"]["history"]
    return Path(configured).expanduser() if configured else default_path()


@dataclass
class Briefed:
    """A story as an earlier brief recorded it."""

    date: str
    content_hash: str
    title: str
    signature: bytes
    figures: set[str]
    entities: set[str]


class History:
    """The store. Open it with ``History(path)``; it creates the file and table on first use."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.left_out: list[Article] = []  # stories this run dropped as already briefed
        self.problem: str | None = None  # a store found damaged while reading: the run goes on without it
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Concurrent runs (cron and a manual one) wait for each other's short transactions.
            self._db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
            self._db.execute(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise BriefError(f"{self.path}: cannot open the history store: {exc}{_hint(exc)}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def earlier(self, date: str, days: int) -> list[Briefed]:
        """Stories briefed before ``date`` and no more than ``days`` days before it."""
        first = (dt.date.fromisoformat(date) - dt.timedelta(days=days)).isoformat()
        try:
            rows = self._db.execute(
                "SELECT date, content_hash, title, signature, figures, entities FROM briefed "
                "WHERE date < ? AND date >= ? ORDER BY date",
                (date, first),
            ).fetchall()
            return [Briefed(d, h, t, s, set(json.loads(f)), set(json.loads(e))) for d, h, t, s, f, e in rows]
        except (sqlite3.Error, ValueError, TypeError) as exc:  # damaged pages or rows
            self.problem = f"{self.path}: cannot read the history store: {exc}{_hint(exc)}"
            return []

    def record(self, date: str, articles: Iterable[Article]) -> None:
        """Store what the brief of ``date`` contained, replacing an earlier run of the same date."""
        from brief.rank.group import Sketch, story_text

        rows = []
        for article in articles:
            text = story_text(article)
            rows.append((date, article.content_hash, article.title, Sketch.of(text).to_bytes(),
                         json.dumps(sorted(figures(text)), ensure_ascii=False),
                         json.dumps(sorted(entities(text)), ensure_ascii=False)))
        try:
            with self._db:  # one transaction: a crash leaves the previous state, never half a day
                self._db.execute("DELETE FROM briefed WHERE date = ?", (date,))
                self._db.executemany("INSERT OR REPLACE INTO briefed VALUES (?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise BriefError(f"{self.path}: cannot write the history store: {exc}") from None


def new_facts(article: Article, earlier: Sequence[Briefed]) -> set[str]:
    """Figures and names in ``article`` that none of the ``earlier`` versions of its story had."""
    from brief.rank.group import story_text

    text = story_text(article)
    known_figures = set().union(*(b.figures for b in earlier)) if earlier else set()
    known_entities = set().union(*(b.entities for b in earlier)) if earlier else set()
    return (figures(text) - known_figures) | (entities(text) - known_entities)
