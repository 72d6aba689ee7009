"""Tell an input's format from its content; the file name is only a hint for what content cannot settle.

A newspaper page (text extracted from a page PDF) and a plain article are both plain text. The rule:
a page is hard-wrapped into narrow columns, so it has at least ``PAGE_MIN_LINES`` non-empty lines and
at least ``PAGE_SHORT_SHARE`` of them are at most ``PAGE_LINE_CHARS`` characters long and end
mid-sentence (no closing punctuation). A plain article has a title line and long paragraphs, or short
lines that are whole sentences.
"""

from __future__ import annotations

import re

from brief.zh.chars import SENTENCE_END, STOP_CLOSERS

PDF = "pdf"
JSON = "json"
FEED = "feed"
HTML = "html"
XML = "xml"
PAGE = "page"
TEXT = "text"  # a plain article: a title line and its paragraphs

PAGE_MIN_LINES = 8
PAGE_LINE_CHARS = 30  # newspaper columns run 12-17 characters, a few papers up to about 28
PAGE_SHORT_SHARE = 0.6
LINE_END = tuple(SENTENCE_END + STOP_CLOSERS + "\"：:")  # a finished line: a sentence, a quote, an intro

_ROOT_TAG = re.compile(r"<\s*([A-Za-z][\w:.-]*)")
_HTML_TAGS = re.compile(r"<\s*(html|head|body|article|div|p|h1|title|meta)\b", re.IGNORECASE)


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


def _root_tag(text: str) -> str | None:
    """The first element name, skipping the XML declaration, doctype, comments and processing instructions."""
    rest = text
    while True:
        rest = rest.lstrip()
        if rest.startswith("<!--"):
            end = rest.find("-->")
            rest = rest[end + 3:] if end >= 0 else ""
        elif rest.startswith(("<?", "<!")):
            subset = rest.find("[")  # a doctype's internal subset holds ">" of its own
            end = rest.find("]>") + 1 if 0 <= subset < rest.find(">") else rest.find(">")
            rest = rest[end + 1:] if end >= 0 else ""
        else:
            break
    match = _ROOT_TAG.match(rest)
    return match.group(1).lower() if match else None


def looks_like_page(text: str) -> bool:
    """The page rule in the module docstring."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < PAGE_MIN_LINES:
        return False
    wrapped = sum(1 for line in lines if len(line) <= PAGE_LINE_CHARS and not line.endswith(LINE_END))
    return wrapped >= PAGE_SHORT_SHARE * len(lines)


def detect_text(text: str) -> str:
    """The format of decoded text: json, feed, html, xml, page or article."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{") or re.match(r"\[\s*[{\]]", head):
        return JSON
    if head.startswith("<"):
        root = _root_tag(head[:4096])
        if root in ("rss", "feed", "rdf:rdf"):
            return FEED
        if root == "html" or _HTML_TAGS.search(head[:4096]):
            return HTML
        return XML
    return PAGE if looks_like_page(text) else TEXT
