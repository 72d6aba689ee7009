"""Where inputs come from: files, directories (recursive, stable order) and stdin, read with a size limit."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from brief.errors import InputError
from brief.zh.layout import JUMP_MARK

STDIN = "-"
# A page number at the end of a file name, after a separator: 2024-10-18_01, A03, 第2版.
_PAGE_IN_NAME = re.compile(r"(?:^|[_\-\s.第])([A-Za-z]?)0*([1-9]\d?)版?$")  # no paper prints a page 0
_DATE_AT_END = re.compile(r"\d{4}[-_.]\d{1,2}[-_.]\d{1,2}$")  # 2024-10-18 is a date, not page 18
# A page's own banner line: ``第2版``, ``2024年10月18日 星期五 第2版 要闻``, ``要闻 A3版``.
_PAGE_IN_BANNER = re.compile(r"(?:^|[\s|｜丨·•/]|第\s*)([A-Za-z]?)\s*0*([1-9]\d?)\s*版(?=$|[\s|｜丨·•/：:])")
_JUMP_MARK = re.compile(JUMP_MARK)
BANNER_LINES = 3  # a banner is among the first or last few lines of a page
BANNER_WIDTH = 40
# A name made by a machine: hex digits and separators with at least six digits in it.
_MACHINE_NAME = re.compile(r"(?=(?:[^\d]*\d){6})[0-9a-fA-F_\-.]+")
# What a page's file is called when nobody named the paper: ``page-23.txt``, ``版面_03.pdf``.
_GENERIC_NAME = re.compile(r"(?i)(?:page|pages|p|paper|newspaper|scan|text|file|版|版面|页|报纸)")
_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def expand(source: str) -> list[str]:
    """The input files behind one source: itself, or every non-hidden file under a directory, sorted."""
    if source == STDIN:
        return [STDIN]
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file or directory")
    if not path.is_dir():
        return [source]
    # Everything but directories: a FIFO or device among the news is named and refused by read_bytes.
    files = sorted(
        p for p in path.rglob("*")
        if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        raise InputError(source, "directory has no input files")
    return [str(p) for p in files]


def read_bytes(source: str, *, max_mb: float) -> bytes:
    """The whole input, refusing one larger than ``max_mb`` before reading it into memory."""
    limit = int(max_mb * 1024 * 1024)
    too_big = f"larger than the {max_mb:g} MB limit (ingest.max_file_mb)"
    if source == STDIN:
        if sys.stdin is None:
            raise InputError("stdin", "no standard input to read")
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError("stdin", too_big)
    else:
        path = Path(source)
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                raise InputError(source, _not_regular(path.stat().st_mode))
            if path.stat().st_size > limit:
                raise InputError(source, too_big)
            # O_NONBLOCK: should a FIFO take the file's place after the check, opening it cannot hang.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with open(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise InputError(source, _not_regular(os.fstat(fd).st_mode))
                data = handle.read(limit + 1)  # the file may have grown since stat()
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except IsADirectoryError:
            raise InputError(source, "is a directory") from None
        except OSError as exc:
            raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
        if len(data) > limit:
            raise InputError(source, too_big)
    if not data.strip():
        raise InputError(source if source != STDIN else "stdin", "file is empty")
    return data


def _not_regular(mode: int) -> str:
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a directory" if stat.S_ISDIR(mode) else "special")
    return f"not a regular file ({kind}); give a file, a directory or - for stdin"


def source_name(source: str) -> str:
    """The default ``Article.source``: the file's stem less the date and page it names, or ``stdin``.

    ``山西日报_2024-10-18_01.pdf`` -> ``山西日报``; a name that is nothing but a date or page stays whole;
    a machine-made name (``000_51ec7926e3b4d3b2``) or a generic one (``page-23``, ``版面_03``) is no
    source at all (empty).
    """
    if source == STDIN:
        return "stdin"
    stem = Path(source).stem
    name = stem
    if page_from_name(source):
        name = name[: _PAGE_IN_NAME.search(name).start()]
    name = _DATE_IN_NAME.sub("", name).strip("_-. 第")
    if _MACHINE_NAME.fullmatch(name or stem) or _GENERIC_NAME.fullmatch(name):
        return ""  # 000_51ec7926e3b4d3b2, page-23: no paper's name; the label shows the page alone
    return name or stem


def page_from_name(source: str) -> str | None:
    """The page a one-page input names itself: ``山西日报_01.pdf`` -> ``1``, ``A03.txt`` -> ``A3``."""
    if source == STDIN:
        return None
    stem = Path(source).stem
    match = None if _DATE_AT_END.search(stem) else _PAGE_IN_NAME.search(stem)
    return match[1].upper() + match[2] if match else None


def page_from_text(text: str) -> str | None:
    """The page a page's text prints in its banner (``第2版``, ``要闻 2版``), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:BANNER_LINES] + lines[-BANNER_LINES:]:
        if len(line) <= BANNER_WIDTH and not _JUMP_MARK.search(line):
            match = _PAGE_IN_BANNER.search(line)
            if match:
                return match[1].upper() + match[2]
    return None


def date_from_name(source: str) -> str | None:
    """The issue date a file name carries (``山西日报_2024-10-18_01.pdf``, ``20241018.txt``), as ISO."""
    match = _DATE_IN_NAME.search(Path(source).stem) if source != STDIN else None
    return f"{match[1]}-{match[3]}-{match[4]}" if match else None
