"""The daily job as one library call: ingest -> rank -> summarize -> compose.

Ranking runs on the articles' own features before summarizing, so that only the items that make
the brief are summarized, and only the top few by the (slow) model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Sequence

from brief.errors import BriefError, InputError
from brief.model import ARTICLE, Brief


@dataclass
class BriefResult:
    brief: Brief
    errors: list[InputError] = field(default_factory=list)  # inputs skipped (non-strict mode)
    notices: list[str] = field(default_factory=list)  # one-line remarks for the user (fallbacks)


def build_brief(
    sources: Sequence[str],
    *,
    date: str | None = None,
    top: int | None = None,
    backend: str | None = None,
    strict: bool = False,
    config: dict[str, Any] | None = None,
    history: bool = True,
) -> BriefResult:
    """Read ``sources`` (files, directories or ``-``) and make the day's brief.

    With ``history`` the brief remembers what it contained (``brief.history``): stories already
    briefed on an earlier day are left out unless they bring new facts.
    """
    from brief.compose import compose
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
    day = date or dt.date.today().isoformat()
    store, notices = _open_history(config) if history else (None, [])
    items = rank(articles, config=config, date=day, history=store)[: top or config["brief"]["top"]]
    summarized = summarize_items(items, backend=backend, config=config)
    notices += summarized.notices
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
    return BriefResult(brief=brief, errors=list(ingested.errors), notices=notices)


def _open_history(config: dict[str, Any]) -> tuple[Any, list[str]]:
    """The history store, or None and a notice when it cannot be opened (the brief goes on)."""
    from brief.history import History, history_path

    try:
        return History(history_path(config)), []
    except BriefError as exc:
        return None, [f"{exc}; made the brief without history"]
