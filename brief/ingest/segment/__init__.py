"""Segment a newspaper page's text (a PDF text layer, or text pasted from one) into articles."""

from brief.ingest.origin import Origin
from brief.ingest.segment.assemble import segment_page

__all__ = ["read_page", "segment_page"]


def read_page(text: str, origin: Origin) -> list:
    """The reader for a page (``brief.registry.READERS``): its articles, with the page's number."""
    return segment_page(text, source=origin.source, page=origin.page)
