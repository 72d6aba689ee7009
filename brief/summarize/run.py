"""Summarize the ranked items: the model for the top few, extractive for the rest.

Ranking happened on the articles' own features, so the model's time goes only to the items that
lead the brief. A model that cannot load or run costs the brief nothing: every item is then
summarized extractively and the user is told once why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from brief.errors import ConfigError, ModelError
from brief.document import BriefItem
from brief.summarize import get_summarizer, resolve_backend


@dataclass
class SummarizeRun:
    """What the brief's footer and the user need to know about a summarizing run."""

    notices: list[str] = field(default_factory=list)  # said once to the user (fallbacks)
    model: str | None = None  # the model that wrote the top summaries, when one did
    summarizer: Any = None  # the backend that wrote them (it writes the day overview too)


def model_top(config: dict[str, Any], backend: str, count: int) -> int:
    """How many of ``count`` items the model writes: ``model_top``, or all ("all", server backend only)."""
    top = config["summarize"]["model_top"]
    if top == "all" and backend == "server":
        return count
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise ConfigError(f"[summarize] model_top = {top!r}: a number of items"
                          + (', or "all" with the server backend' if top == "all" else ""))
    return top


def summarize_items(items: list[BriefItem], *, backend: str | None, config: dict[str, Any]) -> SummarizeRun:
    """Fill ``item.summary`` in place."""
    notices: list[str] = []
    try:
        chosen, notice = resolve_backend(backend, config)
    except ModelError as exc:
        chosen, notice = get_summarizer("extractive", config), f"using the extractive summarizer: {exc}"
    if notice:
        notices.append(notice)
    extractive = chosen if chosen.name == "extractive" else get_summarizer("extractive", config)
    cut = len(items) if chosen is extractive else model_top(config, chosen.name, len(items))
    head, tail = items[:cut], items[cut:]
    model = getattr(chosen, "model_id", None) or None
    try:
        summaries = chosen.summarize([item.article for item in head])
    except ModelError as exc:
        notices.append(f"using the extractive summarizer: {exc}")
        summaries = extractive.summarize([item.article for item in head])
        model = None
    if tail:
        summaries += extractive.summarize([item.article for item in tail])
    for item, summary in zip(items, summaries):
        item.summary = summary
    return SummarizeRun(notices=notices, model=model, summarizer=chosen if model else None)
