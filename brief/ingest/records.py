"""JSON (one object or an array of them) and JSON Lines exports from other systems.

Fields: ``title``, the text in ``body``, ``content`` or ``text``, and optional ``source``, ``date``,
``url``, ``page``. An object without text whose one list holds objects (``{"articles": [...]}``) is
an export wrapper: the list is the records. A malformed document is refused with the line where
parsing failed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from brief.clean import clean_text
from brief.errors import InputError
from brief.model import Article

TEXT_FIELDS = ("body", "content", "text")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)")


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _parse(text: str, path: str) -> list[Any]:
    """The records: a JSON document, or else (when its first line is a whole value) one per line."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as whole_error:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2 or not _is_json(lines[0][1]):
            raise InputError(path, f"malformed JSON at line {whole_error.lineno}: {whole_error.msg}") from None
        records = []
        for number, line in lines:
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(path, f"malformed JSON Lines at line {number}: {exc.msg}") from None
        return records
    if isinstance(value, dict) and not any(k in value for k in TEXT_FIELDS):
        lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
        if len(lists) == 1:  # an export wrapper: {"articles": [...], "exported": ...}
            return lists[0]
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    return "" if value is None else str(value)


def normalize_date(value: Any) -> str | None:
    """A date as ISO ``YYYY-MM-DD`` (``20241018``, ``2024/10/18 08:00``, ``2024年10月18日`` too); else as given."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    match = _COMPACT_DATE.match(text) or _DATE.match(text)
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else text


def to_article(record: Any, *, path: str, where: str, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(path, f"{where}: expected a JSON object, got {type(record).__name__}")
    body = next((_text(record[k]) for k in TEXT_FIELDS if record.get(k)), "")
    title = _text(record.get("title")).strip()
    if not body.strip():
        raise InputError(path, f"{where}: no text (fields {', '.join(TEXT_FIELDS)} are missing or empty)")
    page = record.get("page")
    return Article(
        title=title,
        paragraphs=clean_text(body).split("\n"),
        source=_text(record.get("source")).strip() or source,
        page=None if page in (None, "") else str(page),
        date=normalize_date(record.get("date")),
        url=_text(record.get("url")).strip() or None,
    )


def read_records(text: str, *, path: str, source: str) -> list[Article]:
    records = _parse(text, path)
    if not records:
        raise InputError(path, "JSON holds no records")
    return [to_article(r, path=path, where=f"record {n}", source=source) for n, r in enumerate(records, 1)]
