"""Label each line of a page with a linear-chain CRF over the features of ``features.py``.

The model (``lines.crfsuite``, a few hundred KB) is trained on generated pages by
``benchmarks/train_segmenter.py`` and loaded on first use. Besides its best tagging, the assembly
asks it, where a story was left without a title, how likely each tag is on each line and what it
would make of the lines round one whose tag is settled (``Lattice``, over the model's own weights).
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


@functools.cache
def _weights(path: Path = MODEL):
    """The model's labels, its attributes' rows in a weight matrix (attribute x label), and the
    label-to-label weights."""
    import numpy as np

    info = _tagger(path).info()
    labels = list(info.labels)
    column = {label: n for n, label in enumerate(labels)}
    rows: dict[str, int] = {}
    for attribute, _ in info.state_features:
        rows.setdefault(attribute, len(rows))
    state = np.zeros((len(rows), len(labels)))
    for (attribute, label), weight in info.state_features.items():
        state[rows[attribute], column[label]] += weight
    transitions = np.array([[info.transitions.get((a, b), 0.0) for b in labels] for a in labels])
    return labels, rows, state, transitions


class Lattice:
    """A page's lines scored under every tag by the model's weights, to decode under constraints:
    the model's own choice of what goes round a line once that line's tag is settled."""

    def __init__(self, features: list[dict[str, float]], model: Path = MODEL):
        import numpy as np

        self.labels, rows, state, self.transitions = _weights(model)
        self.emissions = np.zeros((len(features), len(self.labels)))
        for i, f in enumerate(features):
            known = [(rows[name], value) for name, value in f.items() if name in rows]
            if known:
                at, values = zip(*known)
                self.emissions[i] = np.asarray(values) @ state[list(at)]

    def marginals(self) -> list[dict[str, float]]:
        """For each line, the model's probability of every tag there (forward-backward)."""
        import numpy as np

        logsumexp = np.logaddexp.reduce
        size = len(self.emissions)
        forward = np.zeros_like(self.emissions)
        backward = np.zeros_like(self.emissions)
        forward[0] = self.emissions[0]
        for i in range(1, size):
            forward[i] = logsumexp(forward[i - 1][:, None] + self.transitions, axis=0) + self.emissions[i]
        for i in range(size - 2, -1, -1):
            backward[i] = logsumexp(self.transitions + (self.emissions[i + 1] + backward[i + 1])[None, :], axis=1)
        chances = np.exp(forward + backward - logsumexp(forward[-1]))
        return [dict(zip(self.labels, map(float, row))) for row in chances]

    def best(self, fixed: dict[int, str]) -> tuple[list[str], float]:
        """The most likely tags given that the lines in ``fixed`` carry the tags given, and the
        score of that tagging (comparable between constraints on the same page)."""
        import numpy as np

        back = []
        best = self.emissions[0].copy()
        for i in range(len(self.emissions)):
            if i:
                paths = best[:, None] + self.transitions
                back.append(paths.argmax(axis=0))
                best = paths.max(axis=0) + self.emissions[i]
            if i in fixed:
                keep = self.labels.index(fixed[i])
                best = np.where(np.arange(len(best)) == keep, best, -np.inf)
        y = int(best.argmax())
        score, path = float(best[y]), [y]
        for pointers in reversed(back):
            y = int(pointers[y])
            path.append(y)
        return [self.labels[y] for y in reversed(path)], score
