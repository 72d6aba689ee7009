"""Summary cache: a re-run of the same morning costs no model time.

One JSON file per summary under ``<cache_dir>/summaries/``, named by a hash of everything that
decides the output: the article's content hash, the backend, the model id, the prompt version, the
kind, the length asked, what the model reads (``reads``: input and part sizes) and brief's own
version (an upgrade may change cleaning, cutting or the guard). Files are written atomically, so a
crash never leaves a torn entry.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from brief.io import atomic_write
from brief.document import Article, Summary


def cache_key(article: Article, *, backend: str, model: str, prompt: str, kind: str, length: int,
              reads: str = "") -> str:
    from brief import __version__

    parts = [article.content_hash, backend, model, prompt, kind, str(length), reads, __version__]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class SummaryCache:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> SummaryCache:
        from brief.config import cache_dir

        return cls(cache_dir(config) / "summaries")

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Summary | None:
        """The stored summary, or None when absent or unreadable (an unreadable entry is a miss)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Summary.from_dict(data)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, summary: Summary) -> None:
        try:
            atomic_write(self._path(key), json.dumps(summary.to_dict(), ensure_ascii=False))
        except OSError:
            pass  # a read-only or full cache costs speed on the next run, never the brief
