"""PDF pages: the text layer via pypdf, one text per page, for the page segmenter.

pypdf repairs what it can, so a cut-off file could pass as a short one: a PDF whose last kilobyte
has no ``%%EOF`` marker is refused as truncated before pypdf sees it.
"""

from __future__ import annotations

import io
import logging

from brief.errors import InputError

EOF_WINDOW = 1024


def page_texts(data: bytes, *, path: str) -> list[str]:
    """The text of each page, in order; raises ``InputError`` for truncated, corrupt, locked or image-only PDFs."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(path, "truncated PDF (no %%EOF end marker)")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair warnings are not the user's business
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (needs a password)")
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"corrupt PDF ({detail})") from None
    if not any(text.strip() for text in texts):
        raise InputError(path, f"PDF has no text layer ({len(texts)} page(s) of images?); run OCR first")
    return texts
