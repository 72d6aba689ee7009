"""Same-story grouping: the same event told by several papers or pages appears once.

Each article becomes a set of character shingles (runs of CJK characters, letters and digits; no
punctuation), sketched with MinHash (``rensa``: Rust, no dependencies, imports in a blink, where
datasketch pulls in scipy). Two articles tell the same story when the estimated Jaccard similarity
of their shingle sets reaches a threshold. Two papers retelling one event share its names, figures
and set phrases (Jaccard about 0.3-0.6 on character trigrams); different stories of one day, even on
one theme, rarely pass 0.2. Groups are connected components.

No n x n matrix: the similar pairs come from a band index over the signatures (locality-sensitive
hashing), so memory and time grow with the number of articles and the number of similar pairs, not
with their square. The bands are chosen so that the index is exact, not probabilistic: a pair at the
threshold agrees on ``m`` of the 64 signature values; the 64 positions are split into ``m - 1`` parts
and every two positions of one part form a band, so by the pigeonhole principle such a pair agrees on
a whole band and is found. Candidates are then checked on all 64 values, as before.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from brief.document import Article

NUM_PERM = 64
SHINGLE = 3
_WORDS = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9.%]+")
# Sketch at most this many characters of a story: the title and lead identify it.
MAX_CHARS = 2000
SEED = 1  # fixed: signatures are stored in the history and compared across runs


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


class Sketch:
    """The MinHash signature of one text's shingles: small, comparable, storable in the history."""

    __slots__ = ("values",)

    def __init__(self, values: Any):
        self.values = values  # numpy uint32, NUM_PERM long

    @classmethod
    def of(cls, text: str) -> Sketch:
        import numpy as np
        from rensa import RMinHash

        minhash = RMinHash(num_perm=NUM_PERM, seed=SEED)
        minhash.update(list(shingles(text)))
        return cls(np.array(minhash.digest(), dtype=np.uint32))

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        import numpy as np

        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def jaccard(self, other: Sketch) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float((self.values == other.values).mean())


def signatures(sketches: Sequence[Sketch]) -> Any:
    """The sketches' values as one (n, NUM_PERM) uint32 array."""
    import numpy as np

    if not sketches:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.stack([s.values for s in sketches])


def _agreements_needed(threshold: float) -> int:
    """Fewest equal signature values for an estimated similarity at or above ``threshold``."""
    return next((m for m in range(NUM_PERM + 1) if m / NUM_PERM >= threshold), NUM_PERM + 1)


def _bands(agreements: int) -> list[tuple[int, ...]]:
    """Position tuples such that any two signatures agreeing on ``agreements`` positions agree on one."""
    if agreements <= 1:
        return [(k,) for k in range(NUM_PERM)]
    parts = [range(p, NUM_PERM, agreements - 1) for p in range(agreements - 1)]
    return [(a, b) for part in parts for i, a in enumerate(part) for b in part[i + 1:]]


def _band_keys(values: Any, band: tuple[int, ...]) -> Any:
    import numpy as np

    keys = values[:, band[0]].astype(np.uint64)
    if len(band) == 2:
        keys = (keys << np.uint64(32)) | values[:, band[1]].astype(np.uint64)
    return keys


def _equal_keys(left: Any, right: Any) -> tuple[Any, Any]:
    """All (i, j) with ``left[i] == right[j]``: a sort-merge join, linear in its input and output."""
    import numpy as np

    order = np.argsort(right, kind="stable")
    ordered = right[order]
    low = np.searchsorted(ordered, left, side="left")
    counts = np.searchsorted(ordered, left, side="right") - low
    i = np.repeat(np.arange(len(left)), counts)
    offsets = np.arange(len(i)) - np.repeat(np.cumsum(counts) - counts, counts)
    return i, order[np.repeat(low, counts) + offsets]


def similar_pairs(left: Any, right: Any = None, *, threshold: float,
                  chunk: int = 1 << 18) -> tuple[Any, Any, Any]:
    """Every pair of signatures with estimated similarity at or above ``threshold``, found exactly.

    ``left`` against ``right`` (two (n, NUM_PERM) arrays), or ``left`` against itself (pairs i < j)
    when ``right`` is None. Returns the index arrays i, j and the similarities, each pair once.
    """
    import numpy as np

    self_join = right is None
    right = left if self_join else right
    needed = _agreements_needed(threshold)
    found_i, found_j = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    if needed <= NUM_PERM and len(left) and len(right):
        for band in _bands(needed):
            i, j = _equal_keys(_band_keys(left, band), _band_keys(right, band))
            if self_join:
                keep = i < j
                i, j = i[keep], j[keep]
            for start in range(0, len(i), chunk):
                ci, cj = i[start:start + chunk], j[start:start + chunk]
                agree = (left[ci] == right[cj]).sum(axis=1)
                found_i.append(ci[agree >= needed])
                found_j.append(cj[agree >= needed])
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    codes = np.unique(i * max(len(right), 1) + j)
    i, j = codes // max(len(right), 1), codes % max(len(right), 1)
    return i, j, (left[i] == right[j]).mean(axis=1)


def similarity_to(values: Any, rows: Sequence[int]) -> Any:
    """For every signature, its highest estimated similarity to the signatures ``rows`` (numpy)."""
    import numpy as np

    best = np.zeros(len(values))
    for r in rows:
        best = np.maximum(best, (values == values[r]).mean(axis=1))
    return best


def group_indices(n: int, pairs: tuple[Any, Any]) -> list[list[int]]:
    """Connected components of ``n`` items joined by ``pairs`` (i, j arrays), in first-seen order."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(pairs[0].tolist(), pairs[1].tolist()):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def group_signatures(values: Any, threshold: float) -> list[list[int]]:
    """Indices of the signatures grouped by story: identical ones first, then similar pairs."""
    import numpy as np

    distinct, first, inverse = np.unique(values, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    i, j, _ = similar_pairs(distinct, threshold=threshold)
    copies = np.arange(len(values)) if threshold <= 1.0 else first[inverse]
    return group_indices(len(values), (np.concatenate([first[i], first[inverse]]),
                                       np.concatenate([first[j], copies])))


def group_articles(articles: Sequence[Article], threshold: float = 0.25) -> list[list[Article]]:
    """The articles grouped by story; each group keeps the input order."""
    values = signatures([Sketch.of(story_text(a)) for a in articles])
    return [[articles[i] for i in g] for g in group_signatures(values, threshold)]
