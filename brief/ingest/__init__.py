"""Ingest: files, directories or stdin -> Articles."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from brief.errors import InputError
from brief.model import Article


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _expand(source: str) -> list[str]:
    if source == "-":
        return ["-"]
    path = Path(source)
    if path.is_dir():
        return sorted(str(p) for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [source]


def read_text(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except OSError as exc:
            raise InputError(source, exc.strerror or "cannot be read") from None
    if not data.strip():
        raise InputError(source, "file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 text") from None


def read_inputs(sources: Sequence[str], *, strict: bool = False, config: dict[str, Any]) -> IngestResult:
    """Read every source; with ``strict`` the first bad one raises, else it is recorded and skipped."""
    from brief.segment import segment_page

    result = IngestResult()
    for source in sources:
        for path in _expand(source):
            try:
                text = read_text(path)
                articles = segment_page(text, source=Path(path).stem if path != "-" else "stdin")
                if not articles:
                    raise InputError(path, "no article text found")
            except InputError as exc:
                if strict:
                    raise
                result.errors.append(exc)
                continue
            result.articles.extend(articles)
    return result
