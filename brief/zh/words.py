"""Words across a line break: whether the break of a hard-wrapped line fell inside a word.

A column breaks a headline wherever its width ends (``…元首理`` / ``事会…``), but an editor's
kicker, title and subtitle each end on a whole word. jieba's dictionary (without its HMM, which
would join two unknown characters into a word of its own making) tells the two apart where the
break cuts a word; where it falls between words the layout has to decide.

jieba builds its whole dictionary in memory before the first cut (0.8 s), which a one-off
``brief summarize page.txt`` would pay on every call for a few hundred lookups. The dictionary is
therefore kept once as an SQLite table in the cache directory (``WordTable``) and jieba's own cut
runs over it, looking up only the words it meets: the same segmentation, read lazily.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
from pathlib import Path

# Characters either side of a break that the segmentation reads: the longest dictionary words
# are shorter, and a longer window only lets a word further away shift the route.
REACH = 6


class WordTable:
    """jieba's word frequencies (words and their prefixes, as ``Tokenizer.FREQ``) read from SQLite
    on demand: what ``Tokenizer.cut`` asks of ``FREQ`` (``in``, ``[]``, ``get``), remembered."""

    def __init__(self, path: Path):
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        (total,) = self.connection.execute("SELECT freq FROM words WHERE word = ''").fetchone()
        self.total = total
        self.seen: dict[str, int | None] = {}

    def _lookup(self, word: str) -> int | None:
        if word not in self.seen:
            row = self.connection.execute("SELECT freq FROM words WHERE word = ?", (word,)).fetchone()
            self.seen[word] = None if row is None else row[0]
        return self.seen[word]

    def __contains__(self, word: str) -> bool:
        return bool(word) and self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self._lookup(word) if word else None
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: int | None = None) -> int | None:
        found = self._lookup(word) if word else None
        return default if found is None else found

    @staticmethod
    def write(path: Path, freq: dict[str, int], total: int) -> None:
        """Store ``freq`` (and ``total`` under the empty word) at ``path``, atomically."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.unlink(missing_ok=True)
        try:
            with sqlite3.connect(partial) as connection:
                connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
                connection.executemany("INSERT INTO words VALUES (?, ?)", [("", total), *freq.items()])
            connection.close()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)


def table_path() -> Path:
    """Where the table is kept: the cache directory, named by jieba's version and dictionary file
    (another jieba or dictionary gets its own table)."""
    import jieba

    from brief.config import default_cache_dir

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    stamp = f"{jieba.__version__}:{dictionary.stat().st_size}:{dictionary.stat().st_mtime_ns}"
    key = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    return default_cache_dir() / "words" / f"jieba-{key}.sqlite"


@functools.cache
def _tokenizer():
    """jieba's tokenizer over the kept table; jieba's own in-memory dictionary when another part
    of brief has loaded it already (the summary guard), or when the table cannot be kept (it is
    written from that dictionary the first time)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if not jieba.dt.initialized:
        path = table_path()
        try:
            if path.exists():
                tokenizer = jieba.Tokenizer()
                tokenizer.FREQ = table = WordTable(path)
                tokenizer.total = table.total
                tokenizer.initialized = True
                return tokenizer
        except sqlite3.Error:
            pass  # unreadable: written again below
        jieba.initialize()
        try:
            WordTable.write(path, jieba.dt.FREQ, jieba.dt.total)
        except (OSError, sqlite3.Error):
            pass  # a read-only or full cache costs the next run time, never this one
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


# Words that open what follows and so never end a headline: prepositions and conjunctions
# (``……死亡人数上升至`` / ``202人``, ``……难民营遭`` / ``以军袭击……``); none of the evaluation data's
# 11,749 titles ends on one (``的`` and ``为`` are left out: ``……将是艰难的``, ``……担当有为``).
_OPENING_WORDS = frozenset("在和与及并对向将把被从于至遭同给让由以")


def ends_open(text: str) -> bool:
    """True when ``text`` ends on a word that opens what follows (``至``, ``遭``, ``和``), read as
    a word of its own (``上升至`` ends on ``至``; ``成为`` and ``共同`` end on whole words)."""
    text = text.replace(" ", "")[-REACH:]
    if not text or text[-1] not in _OPENING_WORDS:
        return False
    *_, last = _tokenizer().cut(text, HMM=False)
    return last in _OPENING_WORDS
