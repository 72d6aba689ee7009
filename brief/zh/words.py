"""Words across a line break: whether the break of a hard-wrapped line fell inside a word.

A column breaks a headline wherever its width ends (``…元首理`` / ``事会…``), but an editor's
kicker, title and subtitle each end on a whole word. jieba's dictionary (without its HMM, which
would join two unknown characters into a word of its own making) tells the two apart where the
break cuts a word; where it falls between words the layout has to decide.
"""

from __future__ import annotations

import functools
import logging

# Characters either side of a break that the segmentation reads: the longest dictionary words
# are shorter, and a longer window only lets a word further away shift the route.
REACH = 6


@functools.cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


def breaks_word(left: str, right: str) -> bool:
    """True when the best segmentation of ``left`` + ``right`` puts a word across the join
    (spaces, which PDF text puts between letters, are read as nothing)."""
    left, right = left.replace(" ", "")[-REACH:], right.replace(" ", "")[:REACH]
    if not left or not right:
        return False
    at = 0
    for word in _tokenizer().cut(left + right, HMM=False):
        at += len(word)
        if at >= len(left):
            return at > len(left)
    return False
