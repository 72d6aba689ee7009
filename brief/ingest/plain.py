"""A plain article (``.txt`` or ``.md``): the first non-empty line is the title, the rest its body --
when that line looks like a title. Pasted text often has none: a first line that is a sentence (it
ends like one, or runs on with body punctuation, or is longer than any headline) is body, not title.

Paragraphs: when blank lines separate blocks, each block is a paragraph and its wrapped lines are
joined (Markdown's rule); text without blank lines is either one paragraph per line (pasted Chinese
copy) or hard-wrapped, which ``brief.zh.clean_text`` tells apart by line widths.
"""

from __future__ import annotations

import re

from brief.zh import clean_text, ends_sentence, join_lines
from brief.document import Article
from brief.ingest.origin import Origin

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
TITLE_MAX_CHARS = 40  # a two-part headline with a phrase separator runs to about 35 characters


def looks_like_title(line: str) -> bool:
    """A Markdown heading, or a short line that is not a sentence of running text."""
    if _HEADING.match(line):
        return True
    line = line.strip()
    return (0 < len(line) <= TITLE_MAX_CHARS and not ends_sentence(line)
            and "。" not in line and line.count("，") <= 1)


def split_paragraphs(text: str) -> list[str]:
    blocks = [
        [_HEADING.sub("", line).strip() for line in block.splitlines() if line.strip()]
        for block in re.split(r"\n\s*\n", text)
    ]
    blocks = [block for block in blocks if block]
    if len(blocks) == 1:  # one paragraph per line, or hard-wrapped: the shared cleaner tells them apart
        return clean_text("\n".join(blocks[0])).split("\n")
    return [join_lines(block) for block in blocks]


def read_article(text: str, origin: Origin) -> list[Article]:
    lines = text.strip().splitlines()
    if not lines:
        return []
    titled = looks_like_title(lines[0])
    title = _HEADING.sub("", lines[0]).strip() if titled else ""
    paragraphs = split_paragraphs("\n".join(lines[1:] if titled else lines))
    return [Article(title=title, paragraphs=[p for p in paragraphs if p], source=origin.source)]
