"""PDF pages: the text layer via pypdf, one text per page, for the page segmenter.

pypdf repairs what it can, so a cut-off file could pass as a short one: a PDF whose last kilobyte
has no ``%%EOF`` marker is refused as truncated before pypdf sees it.

pypdf's text has no blank lines, but the page segmenter reads them (a column break, a gap between
blocks), so each line's baseline is kept and a blank line goes wherever the text jumps back up
(the next column) or drops by more than ``GAP_FACTOR`` ordinary line steps.
"""

from __future__ import annotations

import io
import logging
from collections import Counter

from brief.errors import InputError

EOF_WINDOW = 1024
GAP_FACTOR = 1.6


def _lines_with_baselines(page) -> list[tuple[str, float]]:
    """The page's text lines, each with the height at which it starts."""
    lines: list[tuple[str, float]] = []
    current, start = "", None

    def visit(text, cm, tm, font_dict, font_size):
        nonlocal current, start
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if piece and start is None:
                start = y
            current += piece
            if index < len(pieces) - 1:
                lines.append((current, start))
                current, start = "", None

    page.extract_text(visitor_text=visit)
    if current:
        lines.append((current, start))
    return [(text, y) for text, y in lines if text.strip() and y is not None]


def page_text(page) -> str:
    """The text of one page, blank lines at column breaks and wide gaps."""
    lines = _lines_with_baselines(page)
    # The ordinary line step is the most common one (the smallest of equally common ones).
    steps = Counter(round(a - b, 1) for (_, a), (_, b) in zip(lines, lines[1:], strict=False) if a - b > 0)
    step = max(steps, key=lambda s: (steps[s], -s)) if steps else 0
    out = []
    for index, (text, y) in enumerate(lines):
        if index:
            drop = lines[index - 1][1] - y
            if drop <= 0 or drop > GAP_FACTOR * step:
                out.append("")
        out.append(text)
    return "\n".join(out)


def page_texts(data: bytes, *, path: str) -> list[str]:
    """The text of each page, in order; raises ``InputError`` for truncated, corrupt, locked or image-only PDFs."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "truncated PDF (no %%EOF end marker)")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repaired; that is not the user's business (what it cannot repair, it raises).
    pypdf_log = logging.getLogger("pypdf")
    level, pypdf_log.level = pypdf_log.level, logging.CRITICAL + 1
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (needs a password)")
        texts = [page_text(page) for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"corrupt PDF ({detail})") from None
    finally:
        pypdf_log.setLevel(level)
    if not any(text.strip() for text in texts):
        raise InputError(path, f"PDF has no text layer ({len(texts)} page(s) of images?); run OCR first")
    return texts
