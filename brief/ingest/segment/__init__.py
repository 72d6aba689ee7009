"""Segment a newspaper page's text (a PDF text layer, or text pasted from one) into articles."""

from brief.ingest.origin import Origin
from brief.ingest.segment.assemble import segment_page
from brief.ingest.segment.columns import tangled

__all__ = ["read_page", "segment_page"]


def read_page(text: str, origin: Origin) -> list:
    """The reader for a page (``brief.registry.READERS``): its articles, with the page's number; a
    warning where its text sets columns side by side that cannot be parted (read line by line)."""
    if tangled(text):
        origin.notes.warnings.append(f"{origin.path}: columns set side by side whose order cannot be told apart; "
                                     "their lines are read as printed")
    return segment_page(text, source=origin.source, page=origin.page)
