"""RSS and Atom feeds (feedparser): one article per entry, full ``content`` where present, else the summary."""

from __future__ import annotations

import time
import xml.sax

from brief.errors import InputError
from brief.ingest.html import fragment_paragraphs
from brief.model import Article


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        if (content.get("value") or "").strip():
            return content["value"]
    return entry.get("summary") or ""


def read_feed(text: str, *, path: str, source: str) -> list[Article]:
    import feedparser

    parsed = feedparser.parse(text)
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        raise InputError(path, f"malformed XML at line {error.getLineNumber()}: {error.getMessage()}")
    feed_title = (parsed.feed.get("title") or "").strip()
    articles = []
    for entry in parsed.entries:
        paragraphs = fragment_paragraphs(_entry_text(entry))
        title = (entry.get("title") or "").strip()
        if not paragraphs and not title:
            continue
        articles.append(Article(
            title=title,
            paragraphs=paragraphs,
            source=feed_title or source,
            date=_entry_date(entry),
            url=entry.get("link") or None,
            position=len(articles),
        ))
    if not articles:
        raise InputError(path, "feed has no entries")
    return articles
