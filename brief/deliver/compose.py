"""Compose: ranked, summarized items -> a dated Brief with its title, overview and provenance."""

from __future__ import annotations

import datetime as dt
from typing import Any

from brief.document import Brief, BriefItem

WEEKDAYS = "一二三四五六日"


def chinese_date(iso_date: str) -> str:
    """``2024-10-18`` -> ``2024年10月18日 星期五``."""
    day = dt.date.fromisoformat(iso_date)
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def compose(
    items: list[BriefItem],
    *,
    date: str | None = None,
    config: dict[str, Any],
    meta: dict[str, Any] | None = None,
    summarizer: Any = None,
    no_model: str | None = None,
) -> Brief:
    """Number the items in order, give each untitled one a heading made from its text
    (``BriefItem.made_heading``), stamp the brief with its date and how it was made, and put the
    day overview on top (``Brief.overview``): written by ``summarizer`` when it is the ``llm``
    backend that made the top summaries, else extractive, ``no_model`` saying why."""
    from brief.summarize.extractive import lead_headline
    from brief.summarize.overview import make_overview

    iso = date or dt.date.today().isoformat()
    budget = int(config["summarize"]["headline_chars"])
    for rank, item in enumerate(items, start=1):
        item.rank = rank
        if not item.article.title:
            item.made_heading = lead_headline(item.article, budget)
    info = {
        "generated_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "date_label": chinese_date(iso),
        "highlights": config["brief"]["highlights"],
    }
    info.update(meta or {})
    return Brief(date=iso, title=config["brief"]["title"], items=items, meta=info,
                 overview=make_overview(items, config, summarizer, no_model))
