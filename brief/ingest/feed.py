"""RSS and Atom feeds (feedparser): one article per entry, full ``content`` where present, else the summary."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
import xml.sax

from brief.errors import InputError
from brief.ingest.html import fragment_paragraphs
from brief.document import Article
from brief.ingest.origin import Origin


def _entry_date(entry) -> str | None:
    """The date as the feed wrote it: feedparser's parsed dates are UTC, a day early for Beijing mornings."""
    # dict.get: feedparser's own get() maps updated to published with a deprecation warning.
    for raw in (dict.get(entry, "published"), dict.get(entry, "updated")):
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        if (content.get("value") or "").strip():
            return content["value"]
    return entry.get("summary") or ""


def read_feed(text: str, origin: Origin) -> list[Article]:
    import feedparser

    parsed = feedparser.parse(text)
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        raise InputError(origin.path, f"malformed XML at line {error.getLineNumber()}: {error.getMessage()}")
    feed_title = (parsed.feed.get("title") or "").strip()
    articles = []
    for entry in parsed.entries:
        paragraphs = fragment_paragraphs(_entry_text(entry))
        if not paragraphs:  # a title alone is not enough to brief
            continue
        articles.append(Article(
            title=(entry.get("title") or "").strip(),
            paragraphs=paragraphs,
            source=feed_title or origin.source,
            date=_entry_date(entry),
            url=entry.get("link") or None,
            position=len(articles),
        ))
    if not articles:
        raise InputError(origin.path, "feed has no entries with text")
    return articles
