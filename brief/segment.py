"""Segment a newspaper page's text into articles (placeholder until the page segmenter lands)."""

from __future__ import annotations

from brief.model import Article


def segment_page(text: str, *, source: str = "", page: str | None = None) -> list[Article]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    return [Article(title=lines[0], paragraphs=lines[1:], source=source, page=page)]
