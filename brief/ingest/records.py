"""JSON (one object or an array of them) and JSON Lines exports from other systems.

Fields: ``title``, the text in ``body``, ``content`` or ``text``, and optional ``source``, ``date``,
``url``, ``page``. An object without text whose one list holds objects (``{"articles": [...]}``) is
an export wrapper: the list is the records. A malformed document is refused with the line where
parsing failed; in JSON Lines, and in an array, a bad line or record is skipped and named, and the
good ones are kept. A ``date`` that is not a real date is ignored, with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from brief.zh import clean_text
from brief.errors import InputError
from brief.document import Article
from brief.ingest.origin import Notes, Origin

TEXT_FIELDS = ("body", "content", "text")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)")
MAX_NUMBER_DIGITS = 100  # no field of a news record is a longer number; Python refuses 4,300 digits


class _Malformed(ValueError):
    def __init__(self, msg: str, lineno: int):
        super().__init__(msg)
        self.msg, self.lineno = msg, lineno


def _number(digits: str) -> Any:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits")
    return float(digits) if any(c in digits for c in ".eE") else int(digits)


def _loads(text: str) -> Any:
    """``json.loads``, with every way it can fail as ``_Malformed`` (too deep, a huge number too)."""
    try:
        return json.loads(text, parse_int=_number, parse_float=_number)
    except json.JSONDecodeError as exc:
        raise _Malformed(exc.msg, exc.lineno) from None
    except RecursionError:
        raise _Malformed("nested too deeply", 1) from None
    except ValueError as exc:
        raise _Malformed(str(exc), 1) from None


def _parse(text: str, path: str, notes: Notes) -> list[Any]:
    """The records: a JSON document, or else (when its first line is a whole value) one per line."""
    try:
        value = _loads(text)
    except _Malformed as whole_error:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        records, bad = [], []
        for number, line in lines:
            try:
                records.append(_loads(line))
            except _Malformed as exc:
                bad.append(InputError(path, f"malformed JSON Lines at line {number}: {exc.msg}; line skipped"))
        if len(lines) < 2 or not records or len(bad) * 2 > len(lines):  # not JSON Lines at all
            raise InputError(path, f"malformed JSON at line {whole_error.lineno}: {whole_error.msg}") from None
        notes.skipped.extend(bad)
        return records
    if isinstance(value, dict) and not any(k in value for k in TEXT_FIELDS):
        lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        if len(lists) == 1:  # an export wrapper: {"articles": [...], "exported": ...}
            return lists[0]
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    """A field as text: a string, a number, or a list of them (one per line); nested values are not text."""
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value if isinstance(v, (str, int, float)))
    return "" if value is None or isinstance(value, (dict, bool)) else str(value)


def normalize_date(value: Any) -> str | None:
    """A date as ISO ``YYYY-MM-DD`` (``20241018``, ``2024/10/18 08:00``, ``2024年10月18日`` too).

    Raises ``ValueError`` for anything that is not a real calendar date (``9999-99-99``, ``昨天``).
    """
    if value in (None, ""):
        return None
    text = str(value).strip()
    match = _COMPACT_DATE.match(text) or _DATE.match(text)
    if not match:
        raise ValueError(f"date {text[:40]!r} is not a date")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        raise ValueError(f"date {text[:40]!r} is not a valid date") from None


def to_article(record: Any, *, path: str, where: str, source: str, notes: Notes | None = None) -> Article:
    if not isinstance(record, dict):
        raise InputError(path, f"{where}: expected a JSON object, got {type(record).__name__}")
    body = next((_text(record[k]) for k in TEXT_FIELDS if record.get(k)), "")
    title = _text(record.get("title")).strip()
    if not body.strip():
        raise InputError(path, f"{where}: no text (fields {', '.join(TEXT_FIELDS)} are missing or empty)")
    page = _text(record.get("page")).strip()
    try:
        date = normalize_date(_text(record.get("date")))
    except ValueError as exc:
        date = None
        if notes is not None:
            notes.warnings.append(f"{path}: {where}: {exc}; ignored")
    return Article(
        title=title,
        paragraphs=clean_text(body).split("\n"),
        source=_text(record.get("source")).strip() or source,
        page=page[:20] or None,
        date=date,
        url=_text(record.get("url")).strip() or None,
    )


def read_records(text: str, origin: Origin) -> list[Article]:
    """The articles of a JSON document or JSON Lines file; bad records are skipped into the notes."""
    path, source, notes = origin.path, origin.source, origin.notes
    records = _parse(text, path, notes)
    if not records:
        raise InputError(path, "JSON holds no records")
    articles, bad = [], []
    for number, record in enumerate(records, 1):
        try:
            articles.append(to_article(record, path=path, where=f"record {number}", source=source, notes=notes))
        except InputError as exc:
            bad.append(exc)
    if not articles:
        raise bad[0]
    notes.skipped.extend(InputError(e.path, f"{e.problem}; record skipped") for e in bad)
    return articles
