"""The daily job as one library call: ingest -> rank -> summarize -> compose.

Ranking runs on the articles' own features before summarizing, so that only the items that make
the brief are summarized, and only the top few by the (slow) model.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from brief.errors import EXIT_NOTHING_NEW, BriefError, InputError
from brief.document import ARTICLE, Article, Brief

log = logging.getLogger("brief")


class NothingNew(BriefError):
    """Every story was briefed on an earlier day: no brief is better than an empty one."""

    exit_code = EXIT_NOTHING_NEW


@dataclass
class BriefResult:
    brief: Brief
    errors: list[InputError] = field(default_factory=list)  # inputs skipped (non-strict mode)
    notices: list[str] = field(default_factory=list)  # one-line remarks for the user (fallbacks)
    # auto's notice that it uses the extractive summarizer: true on every run, worth saying once.
    fallback: str | None = None


def brief_date(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    """The date the inputs carry (JSON ``date``, a feed's, a file name's) and a notice when they disagree.

    One date: the brief's. Several: the latest, said. None: (None, None), the caller uses today.
    """
    dates = set()
    for article in articles:
        try:
            dates.add(dt.date.fromisoformat((article.date or "")[:10]).isoformat())
        except ValueError:
            continue
    if not dates:
        return None, None
    latest = max(dates)
    if len(dates) == 1:
        return latest, None
    shown = ", ".join(sorted(dates)[:3]) + (" ..." if len(dates) > 3 else "")
    return latest, (f"the inputs carry {len(dates)} dates ({shown}); the brief is dated {latest}, "
                    "the latest (--date sets it)")


@contextlib.contextmanager
def _stage(message: str, show: bool) -> Iterator[None]:
    """A sign of life for a slow stage: a spinner on a terminal, else (with -v) a line before and after."""
    start = time.perf_counter()
    if show and _stderr_is_terminal():
        from rich.console import Console

        with Console(stderr=True).status(message):
            yield
    else:
        if show:
            log.info("%s", message)
        yield
    if show:
        log.info("%s: done in %.1f s", message.rstrip("…."), time.perf_counter() - start)


def _stderr_is_terminal() -> bool:
    import sys

    return bool(sys.stderr and sys.stderr.isatty())


def build_brief(
    sources: Sequence[str],
    *,
    date: str | None = None,
    top: int | None = None,
    backend: str | None = None,
    strict: bool = False,
    config: dict[str, Any] | None = None,
    history: bool = True,
    progress: bool = False,
) -> BriefResult:
    """Read ``sources`` (files, directories or ``-``) and make the day's brief.

    With ``history`` the brief remembers what it contained (``brief.rank.history``): stories already
    briefed on an earlier day are left out unless they bring new facts; when that leaves nothing,
    ``NothingNew`` is raised (exit 4) rather than an empty brief made. ``progress`` shows signs of
    life during the slow stages (the CLI sets it on a terminal or with -v).
    """
    from brief.deliver.compose import compose
    from brief.config import load_config
    from brief.ingest import read_inputs
    from brief.rank import rank
    from brief.summarize.run import summarize_items

    config = config or load_config()
    if date is not None:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise BriefError(f"--date {date!r}: expected YYYY-MM-DD") from None
    ingested = read_inputs(sources, strict=strict, config=config)
    articles = [a for a in ingested.articles if a.kind == ARTICLE]
    if not articles:
        if len(ingested.errors) == 1:
            raise ingested.errors[0]
        detail = f" ({len(ingested.errors)} inputs unreadable)" if ingested.errors else ""
        raise BriefError("no articles found in " + ", ".join(map(str, sources)) + detail)
    notices = list(ingested.warnings)
    day = date
    if day is None:
        day, disagree = brief_date(articles)
        day = day or dt.date.today().isoformat()
        notices += [disagree] if disagree else []
    store, opened = _open_history(config) if history else (None, [])
    notices += opened
    items = rank(articles, config=config, date=day, history=store)[: top or config["brief"]["top"]]
    if store is not None and store.problem:  # found damaged while reading: no memory this run
        notices.append(f"{store.problem}; made the brief without history")
        store.close()
        store = None
    if not items and store is not None and store.left_out:
        store.close()
        raise NothingNew(f"nothing new for {day}: all {len(store.left_out)} stories were already briefed on "
                         "an earlier day; no brief made, nothing sent (--no-history briefs them again)")
    model_items = len(items) if (backend or config["summarize"]["backend"]) != "extractive" else 0
    with _stage(f"summarizing {len(items)} items…", progress and model_items > 0):
        summarized = summarize_items(items, backend=backend, config=config)
    notices += summarized.notices
    fallback = _standing_fallback(backend, config)
    meta = {"articles_read": len(articles), "sources": [str(s) for s in sources]}
    if summarized.model:
        meta["model"] = summarized.model
    brief = compose(items, date=day, config=config, meta=meta, summarizer=summarized.summarizer,
                    no_model="; ".join(summarized.notices) or None)
    if store is not None:
        if store.left_out:
            notices.append(f"left out {len(store.left_out)} already-briefed stories with nothing new "
                           "(--no-history keeps them)")
        try:
            store.record(day, [a for item in brief.items for a in (item.article, *item.related)])
        except BriefError as exc:
            notices.append(str(exc))
        store.close()
    return BriefResult(brief=brief, errors=list(ingested.errors), notices=notices,
                       fallback=fallback if fallback in notices else None)


def _standing_fallback(backend: str | None, config: dict[str, Any]) -> str | None:
    """The notice ``auto`` gives on every run where the llm backend is not installed (not a failure)."""
    if (backend or config["summarize"]["backend"]) != "auto":
        return None
    try:
        from brief.llm.runtime import llm_available
    except ImportError:
        return "using the extractive summarizer: the llm backend is not part of this build"
    reason = llm_available(config)
    return f"using the extractive summarizer: {reason}" if reason else None


def _open_history(config: dict[str, Any]) -> tuple[Any, list[str]]:
    """The history store, or None and a notice when it cannot be opened (the brief goes on)."""
    from brief.rank.history import History, history_path

    try:
        return History(history_path(config)), []
    except BriefError as exc:
        return None, [f"{exc}; made the brief without history"]
