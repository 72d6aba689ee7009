"""What every reader is given beside the text: where it came from, and where to leave notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.errors import InputError


@dataclass
class Notes:
    """What a reader skipped or ignored inside one input while keeping the rest."""

    skipped: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Origin:
    """One input as its reader sees it: ``path`` names it in errors (``stdin`` for ``-``), ``source``
    is the label shown in the brief, ``page`` the page number its file name or banner gives."""

    path: str
    source: str
    page: str | None = None
    notes: Notes = field(default_factory=Notes)
