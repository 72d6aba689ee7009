"""Label each line of a page with a linear-chain CRF over the features of ``features.py``.

The model (``lines.crfsuite``, a few hundred KB) is trained on generated pages by
``benchmarks/train_segmenter.py`` and loaded on first use.
"""

from __future__ import annotations

import functools
from pathlib import Path

KICKER, TITLE, TITLE_ON, SUBTITLE, BYLINE = "kicker", "title", "title+", "subtitle", "byline"
LEAD, BODY, SUBHEAD, CAPTION, FURNITURE = "lead", "body", "subhead", "caption", "furniture"
HEADLINE = (KICKER, TITLE, TITLE_ON, SUBTITLE, BYLINE)
TAGS = HEADLINE + (LEAD, BODY, SUBHEAD, CAPTION, FURNITURE)
MODEL = Path(__file__).with_name("lines.crfsuite")


@functools.cache
def _tagger(path: Path = MODEL):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag(features: list[dict[str, float]], model: Path = MODEL) -> list[str]:
    """The most likely tag sequence for a page's lines."""
    if not features:
        return []
    return _tagger(model).tag(features)
