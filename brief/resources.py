"""Find the project's data directories (prompts/, models/, examples/) installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``prompts``, ``models`` or ``examples``: packaged copy in a wheel, top-level dir in a checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"brief data directory {name!r} is missing from this installation")
