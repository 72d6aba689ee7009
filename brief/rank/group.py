"""Same-story grouping: the same event told by several papers or pages appears once.

Each article becomes a set of character shingles (runs of CJK characters, letters and digits; no
punctuation), sketched with MinHash (``datasketch``). Two articles tell the same story when the
estimated Jaccard similarity of their shingle sets reaches a threshold. Two papers retelling one
event share its names, figures and set phrases (Jaccard about 0.3-0.6 on character trigrams);
different stories of one day, even on one theme, rarely pass 0.2. Groups are connected components.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Any, Sequence

from brief.model import Article

NUM_PERM = 64
SHINGLE = 3
_WORDS = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9.%]+")


# Sketch at most this many characters of a story: the title and lead identify it.
MAX_CHARS = 2000
SCHEME = "affine32"  # datasketch's 32-bit scheme: hash values stored as uint32


def _crc32(shingle: str) -> int:
    # Stable across runs and machines (Python's hash() is salted): signatures are stored in history.
    return zlib.crc32(shingle.encode("utf-8"))


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of the text's words, punctuation and spacing ignored."""
    out: set[str] = set()
    for run in _WORDS.findall(text):
        if len(run) <= k:
            out.add(run)
        else:
            out.update(run[i:i + k] for i in range(len(run) - k + 1))
    return out


def story_text(article: Article) -> str:
    return (article.title + "\n" + article.body)[:MAX_CHARS]


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The MinHash permutations, drawn once (fixed seed) and shared by every sketch."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


class Sketch:
    """The MinHash of one text's shingles: small, comparable, storable in the history."""

    __slots__ = ("minhash",)

    def __init__(self, minhash: Any):
        self.minhash = minhash

    @classmethod
    def of(cls, text: str) -> Sketch:
        from datasketch import MinHash

        minhash = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, permutations=_permutations(), scheme=SCHEME)
        minhash.update_batch(list(shingles(text)))
        return cls(minhash)

    def to_bytes(self) -> bytes:
        return self.minhash.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        import numpy as np
        from datasketch import MinHash

        values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        return cls(MinHash(hashfunc=_crc32, hashvalues=values, permutations=_permutations(), scheme=SCHEME))


def similarity_matrix(sketches: Sequence[Sketch]) -> Any:
    """Pairwise estimated Jaccard similarity of all sketches at once (numpy)."""
    import numpy as np

    if not sketches:
        return np.zeros((0, 0))
    values = np.stack([s.minhash.hashvalues for s in sketches])
    return (values[:, None, :] == values[None, :, :]).mean(axis=2)


def group_indices(similarity: Any, threshold: float) -> list[list[int]]:
    """Connected components of the pairs at or above ``threshold``, in first-seen order."""
    import numpy as np

    n = similarity.shape[0]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(similarity >= threshold, k=1))):
        ri, rj = find(int(i)), find(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def group_articles(articles: Sequence[Article], threshold: float = 0.25) -> list[list[Article]]:
    """The articles grouped by story; each group keeps the input order."""
    sketches = [Sketch.of(story_text(a)) for a in articles]
    return [[articles[i] for i in g] for g in group_indices(similarity_matrix(sketches), threshold)]
