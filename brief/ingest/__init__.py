"""Ingest: files, directories or stdin -> Articles, whatever the format and encoding.

Each input goes bytes -> (PDF text layer | decoded text) -> format detected from the content ->
one small reader per format -> cleaned Articles. A bad input raises ``InputError`` (one line:
``PATH: problem``); ``read_inputs`` records it and carries on, or re-raises it under ``strict``.
A reader may also skip part of an input (one bad line of a JSON Lines file) and keep the rest: the
part is reported in ``IngestResult.errors`` like a bad file, naming the line. Whatever else goes
wrong inside a reader costs only that input, reported in one line, never the whole run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import InputError
from brief.ingest import detect
from brief.ingest.decode import decode, looks_binary, to_simplified
from brief.ingest.sources import (
    STDIN,
    date_from_name,
    expand,
    page_from_name,
    page_from_text,
    read_bytes,
    source_name,
)
from brief.document import Article
from brief.ingest.origin import Notes, Origin


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # inputs, or parts of inputs, skipped
    warnings: list[str] = field(default_factory=list)  # kept, but with something ignored (a bad date)


def _cleaned(article: Article) -> Article:
    """Clean title and paragraphs of an article a format reader built (the page segmenter cleans its own)."""
    from brief.zh import clean_heading, clean_inline, strip_controls

    article.title = clean_heading(article.title)
    article.paragraphs = [p for p in map(clean_inline, article.paragraphs) if p]
    article.source = clean_heading(article.source)
    article.url = "".join(strip_controls(article.url or "").split()) or None
    article.page = clean_heading(article.page or "") or None
    article.id = article.content_hash
    return article


def _read_text(text: str, fmt: str, origin: Origin) -> list[Article]:
    """The reader registered for ``fmt``; a page's segmenter already cleans what it assembles."""
    from brief.registry import READERS, load

    if fmt == detect.XML:
        raise InputError(origin.path, "XML that is neither an RSS nor an Atom feed")
    articles = load(READERS, fmt, "input format")(text, origin)
    return articles if fmt == detect.PAGE else [_cleaned(article) for article in articles]


def read_file(source: str, *, config: dict[str, Any], notes: Notes | None = None) -> IngestResult:
    """Every article in one input file (or ``-``), and the pages of it that could not be read.

    Raises ``InputError`` when there is no article to be had. Parts skipped and values ignored inside
    the file go to ``notes`` (made and dropped when None). A page's number is the one the file's name
    gives (a one-page input), else the one its banner prints (``第2版``), else its index in a PDF; a
    page with none gets one when a continued article joins it to a numbered page.
    """
    from brief.zh import strip_controls
    from brief.ingest.segment import segment_page

    options = config["ingest"]
    path = "stdin" if source == STDIN else source
    name = source_name(source)
    simplify = to_simplified if options["to_simplified"] else (lambda text: text)
    data = read_bytes(source, max_mb=options["max_file_mb"])
    result = IngestResult()
    if detect.is_pdf(data):
        from brief.ingest.pdf import page_texts

        pages, result.errors = page_texts(data, path=path)
        named = page_from_name(source) if len(pages) == 1 else None
        for index, page in enumerate(pages, 1):
            text = simplify(strip_controls(page.text))
            number = named or page_from_text(text) or str(index)
            result.articles.extend(segment_page(text, source=name, page=number, sizes=page.sizes))
    elif looks_binary(data):
        hint = " (a .pdf without the %PDF- header: corrupt)" if Path(source).suffix.lower() == ".pdf" else ""
        raise InputError(path, f"binary file, not text{hint}")
    else:
        text = strip_controls(decode(data, path))
        if not text.strip():  # a byte-order mark, ideographic spaces, control characters only
            raise InputError(path, "file is empty")
        text = simplify(text)
        fmt = detect.detect_text(text)
        page = page_from_name(source) or (page_from_text(text) if fmt == detect.PAGE else None)
        result.articles = _read_text(text, fmt, Origin(path, name, page, notes if notes is not None else Notes()))
    result.articles = [a for a in result.articles if any(ch.isalpha() for ch in a.body)]  # words, not marks
    if not result.articles:
        raise result.errors[0] if result.errors else InputError(path, "no article text found")
    dated = date_from_name(source)
    for article in result.articles:
        article.date = article.date or dated
    return result


def read_inputs(sources: Sequence[str], *, strict: bool = False, config: dict[str, Any]) -> IngestResult:
    """Read every source; with ``strict`` the first bad one raises, else it is recorded and skipped.

    The pages read together are one issue: an article continued on another of them is joined
    into one (``brief.ingest.join``).
    """
    from brief.ingest.join import join_continued

    result = IngestResult()
    sheets: list[list[Article]] = []  # the articles of each page of each input, in input order
    seen: set[Path] = set()  # a file named twice (itself and inside its directory) is read once
    for source in sources:
        try:
            files = expand(source)
        except InputError as exc:
            if strict:
                raise
            result.errors.append(exc)
            continue
        for file in files:
            if file != STDIN:
                if Path(file).resolve() in seen:
                    continue
                seen.add(Path(file).resolve())
            notes = Notes()
            try:
                try:
                    read = read_file(file, config=config, notes=notes)
                except (InputError, KeyboardInterrupt):
                    raise
                except Exception as exc:  # a reader's bug or a library's limit: this input only
                    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
                    raise InputError("stdin" if file == STDIN else file,
                                     f"could not be read ({type(exc).__name__}{': ' if detail else ''}{detail})"
                                     ) from exc
                skipped = read.errors + notes.skipped
                if strict and skipped:
                    raise skipped[0]
            except InputError as exc:
                if strict:
                    raise
                result.errors.append(exc)
                continue
            result.errors.extend(skipped)
            result.warnings.extend(notes.warnings)
            first = len(sheets)
            for article in read.articles:
                if len(sheets) == first or sheets[-1][-1].page != article.page:
                    sheets.append([])
                sheets[-1].append(article)
    result.articles = join_continued(sheets)
    return result
