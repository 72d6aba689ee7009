"""Summarize the ranked items: the chosen backend for the top few, extractive for the rest."""

from __future__ import annotations

from typing import Any

from brief.model import BriefItem
from brief.summarize import get_summarizer, resolve_backend


def summarize_items(items: list[BriefItem], *, backend: str | None, config: dict[str, Any]) -> list[str]:
    """Fill ``item.summary`` in place; return the notices the user should see once."""
    notices: list[str] = []
    chosen, notice = resolve_backend(backend, config)
    if notice:
        notices.append(notice)
    if chosen.name == "extractive":
        head, tail = items, []
    else:
        cut = config["summarize"]["model_top"]
        head, tail = items[:cut], items[cut:]
    summaries = chosen.summarize([item.article for item in head])
    if tail:
        summaries += get_summarizer("extractive", config).summarize([i.article for i in tail])
    for item, summary in zip(items, summaries):
        item.summary = summary
    return notices
