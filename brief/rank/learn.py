"""Learn feature weights from editors' orderings: pairwise logistic regression.

Each day of ordered items gives pairs (more important, less important); the model learns weights
``w`` so that ``w · (x_better - x_worse) > 0``. Plain numpy gradient descent with L2: small, exact
enough for a dozen features, and the result is a readable table of weights, not a pickle.
"""

from __future__ import annotations

from typing import Sequence


def pairwise_weights(
    days: Sequence[Sequence[dict[str, float]]],
    names: Sequence[str],
    *,
    fixed: dict[str, float] | None = None,
    nonnegative: Sequence[str] = (),
    l2: float = 1e-3,
    steps: int = 500,
    rate: float = 0.5,
) -> dict[str, float]:
    """Weights for ``names`` from ``days``: each a list of feature dicts, most important first.

    ``fixed`` weights are set by hand and held (features a broadcast cannot teach, such as the page);
    ``nonnegative`` ones may not turn negative (an authority should never count against a story).
    """
    import numpy as np

    diffs = []
    for day in days:
        x = np.array([[f.get(n, 0.0) for n in names] for f in day], dtype=float)
        upper = np.triu_indices(len(day), k=1)
        diffs.append(x[upper[0]] - x[upper[1]])
    d = np.concatenate(diffs)
    fixed = fixed or {}
    w = np.array([fixed.get(n, 0.0) for n in names])
    free = np.array([n not in fixed for n in names])
    floor = np.array([0.0 if n in nonnegative else -np.inf for n in names])
    for _ in range(steps):
        margin = d @ w
        # d/dw of mean(log(1 + exp(-margin))) + l2 * |w|^2
        grad = -(d.T @ (1.0 / (1.0 + np.exp(margin)))) / len(d) + 2 * l2 * w
        w = np.where(free, np.maximum(w - rate * grad, floor), w)
    return {n: round(float(v), 3) for n, v in zip(names, w)}
