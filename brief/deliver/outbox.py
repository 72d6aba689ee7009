"""The outbox: a brief that did not reach every recipient, kept as ``brief-DATE.eml`` until it has.

One file per date (a later run's brief of the same date replaces it); any mail client opens it,
and ``brief outbox send`` sends it, through the send ledger, to those of its ``To`` who lack it.
The file goes once the ledger shows every recipient as accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import default as DEFAULT_POLICY
from email.utils import getaddresses
from pathlib import Path

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Kept:
    path: Path
    date: str
    message_id: str
    subject: str
    recipients: list[str]

    def payload(self) -> bytes:
        return self.path.read_bytes()


def keep(payload: bytes, folder: Path, date: str) -> Path:
    from brief.io import atomic_write

    path = folder / f"brief-{date}.eml"
    atomic_write(path, payload)
    return path


def _read(path: Path) -> Kept | None:
    with path.open("rb") as handle:
        headers = BytesHeaderParser(policy=DEFAULT_POLICY).parse(handle)
    date = str(headers.get("X-Brief-Date", "")).strip()
    if not DATE.fullmatch(date):
        return None
    recipients = [address for _, address in getaddresses([str(v) for v in headers.get_all("To", [])])]
    return Kept(path, date, str(headers.get("Message-ID", "")).strip(), str(headers.get("Subject", "")),
                [address for address in recipients if "@" in address])


def kept(folder: Path, date: str | None = None) -> list[Kept]:
    """The kept briefs, oldest date first; of several files for one date, the newest."""
    newest: dict[str, Kept] = {}
    paths = sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    for path in paths:
        brief = _read(path)
        if brief and (date is None or brief.date == date):
            newest[brief.date] = brief
    return [newest[d] for d in sorted(newest)]


def discard(folder: Path, date: str) -> None:
    """Remove the date's kept brief(s): everyone has it now."""
    if not folder.is_dir():
        return
    for path in folder.glob("*.eml"):
        brief = _read(path)
        if brief and brief.date == date:
            path.unlink(missing_ok=True)
