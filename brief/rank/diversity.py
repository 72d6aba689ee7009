"""Diversity: maximal marginal relevance, so that the first items are not all one topic.

Greedily pick the item with the best ``lambda * score - (1 - lambda) * similarity to those already
picked``, scores scaled to [0, 1]. With ``lambda = 1`` this is the plain score order. Only the
similarity rows of the picked items are asked for: ``depth`` rows, never the whole n x n matrix.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence


def mmr_order(scores: Sequence[float], similarity: Callable[[int], Any], *, lam: float,
              depth: int) -> list[int]:
    """Indices in MMR order for the first ``depth`` places, then the rest by score.

    ``similarity(i)`` is item i's similarity to every item (a sequence of len(scores) floats).
    """
    import numpy as np

    by_score = sorted(range(len(scores)), key=lambda i: -scores[i])
    if lam >= 1.0 or len(scores) < 2:
        return by_score
    values = np.asarray(scores, dtype=float)
    span = (values.max() - values.min()) or 1.0
    scaled = (values - values.min()) / span
    redundancy = np.zeros(len(values))
    free = np.ones(len(values), dtype=bool)
    chosen: list[int] = []
    while len(chosen) < min(depth, len(values)):
        gain = np.where(free, lam * scaled - (1 - lam) * redundancy, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        free[best] = False
        redundancy = np.maximum(redundancy, np.asarray(similarity(best), dtype=float))
    return chosen + [i for i in by_score if free[i]]
