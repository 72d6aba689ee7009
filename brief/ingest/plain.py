"""A plain article (``.txt`` or ``.md``): the first non-empty line is the title, the rest its body.

Paragraphs: when blank lines separate blocks, each block is a paragraph and its wrapped lines are
joined (Markdown's rule); text without blank lines is either one paragraph per line (pasted Chinese
copy) or hard-wrapped, which ``brief.clean.clean_text`` tells apart by line widths.
"""

from __future__ import annotations

import re

from brief.clean import clean_text, join_lines
from brief.model import Article

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def split_paragraphs(text: str) -> list[str]:
    blocks = [
        [_HEADING.sub("", line).strip() for line in block.splitlines() if line.strip()]
        for block in re.split(r"\n\s*\n", text)
    ]
    blocks = [block for block in blocks if block]
    if len(blocks) == 1:  # one paragraph per line, or hard-wrapped: the shared cleaner tells them apart
        return clean_text("\n".join(blocks[0])).split("\n")
    return [join_lines(block) for block in blocks]


def read_article(text: str, *, path: str, source: str) -> list[Article]:
    lines = text.strip().splitlines()
    title = _HEADING.sub("", lines[0]).strip()
    paragraphs = split_paragraphs("\n".join(lines[1:]))
    return [Article(title=title, paragraphs=paragraphs, source=source)]
