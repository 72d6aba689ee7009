"""A plain article (``.txt`` or ``.md``): the first non-empty line is the title, the rest its body.

Paragraphs: when blank lines separate blocks, each block is a paragraph and its wrapped lines are
joined (Markdown's rule); text without blank lines has one paragraph per line (pasted Chinese copy).
"""

from __future__ import annotations

import re

from brief.model import Article

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space where either side is Chinese, one space between Latin words."""
    out = ""
    for line in lines:
        if out and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def split_paragraphs(text: str) -> list[str]:
    blocks = [
        [_HEADING.sub("", line).strip() for line in block.splitlines() if line.strip()]
        for block in re.split(r"\n\s*\n", text)
    ]
    blocks = [block for block in blocks if block]
    if len(blocks) == 1:
        return blocks[0]
    return [join_lines(block) for block in blocks]


def read_article(text: str, *, path: str, source: str) -> list[Article]:
    lines = text.strip().splitlines()
    title = _HEADING.sub("", lines[0]).strip()
    paragraphs = split_paragraphs("\n".join(lines[1:]))
    return [Article(title=title, paragraphs=paragraphs, source=source)]
