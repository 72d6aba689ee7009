"""Segment a newspaper page's text (a PDF text layer, or text pasted from one) into articles."""

from brief.ingest.segment.assemble import segment_page

__all__ = ["segment_page"]
