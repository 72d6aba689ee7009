"""Logging to stderr: short human lines by default, one JSON object per line for machines.

stdout carries only the brief (or what ``--dry-run`` would send), so cron can mail or redirect it
while the log goes elsewhere. Progress bars appear only when stderr is a terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


class JSONFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message"}``, plus ``error`` when an exception is attached."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = f"{type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
        return json.dumps(entry, ensure_ascii=False)


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now (test runners swap it), not the one at setup."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ assigns it; ignore
        pass


class HumanFormatter(logging.Formatter):
    """``brief: warning: ...`` like the CLI's own messages; errors and info without a level word."""

    def format(self, record: logging.LogRecord) -> str:
        level = "warning: " if record.levelno == logging.WARNING else ""
        return f"brief: {level}{record.getMessage()}"


def setup_logging(*, as_json: bool = False, level: int = logging.INFO) -> None:
    """Send the ``brief`` loggers to stderr (replacing an earlier setup, so it can be called twice)."""
    logger = logging.getLogger("brief")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    handler = _Stderr()
    handler.setFormatter(JSONFormatter() if as_json else HumanFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Iterate with a rich progress bar on a terminal, silently otherwise (cron, pipes, logs)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(items, description=description, total=total, transient=True,
                     console=Console(stderr=True))
