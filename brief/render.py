"""Render a Brief to text formats from template files (Jinja2) or to JSON."""

from __future__ import annotations

import json
from typing import Any

from brief.model import Brief

FORMATS = ("md", "json")


def brief_json(brief: Brief) -> dict[str, Any]:
    """The stable JSON contract other tools read: {date, title, items: [{rank, title, ...}]}."""
    return {
        "date": brief.date,
        "title": brief.title,
        "items": [
            {
                "rank": item.rank,
                "title": item.article.title,
                "summary": item.summary.text if item.summary else "",
                "score": item.score,
                "reasons": item.reasons,
                "source": item.source_label,
            }
            for item in brief.items
        ],
        "meta": brief.meta,
    }


def render(brief: Brief, fmt: str = "md", config: dict[str, Any] | None = None) -> str:
    if fmt == "json":
        return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("brief", "templates"),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(f"brief.{fmt}.j2").render(brief=brief)
