"""Rank: score each story on explainable features, group the same story, best first.

``rank`` runs the stages in order: features and score per article (``features``, ``weights``),
same-story grouping (``group``), memory of earlier briefs (``brief.rank.history``), sections by category
(``sections``), then maximal marginal relevance so the top is not one topic (``diversity``). Each item
keeps its score breakdown (weight x feature, by feature) and short reasons in Chinese (``reasons``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from brief.document import Article, BriefItem
from brief.rank.features import article_features
from brief.rank.reasons import reasons_for
from brief.rank.sections import classify
from brief.rank.weights import load_weights

if TYPE_CHECKING:
    from brief.rank.history import History

FOLLOW_UP = "持续关注"


def contributions(features: dict[str, float], weights: dict[str, float]) -> dict[str, float]:
    """Weight x value of every feature that adds to (or takes from) the score."""
    out = {}
    for name, value in features.items():
        part = weights.get(name, 0.0) * value
        if part:
            out[name] = round(part, 4)
    return out


def rank(
    articles: Sequence[Article],
    *,
    config: dict[str, Any],
    date: str | None = None,
    history: History | None = None,
) -> list[BriefItem]:
    """The stories of ``articles``, best first: one item per story, its other tellings in ``related``.

    ``date`` (ISO) is the brief's date, for freshness and for the ``history`` of earlier briefs: a
    story briefed on an earlier date is dropped, or kept with status 持续关注 when it brings new facts.
    """
    from brief.rank.diversity import mmr_order
    from brief.rank.group import Sketch, group_signatures, signatures, story_text

    settings = config["rank"]
    weights = load_weights(config)
    articles = list(articles)
    if not articles:
        return []
    features = [article_features(a, profile=settings["profile"], date=date) for a in articles]
    base = [sum(contributions(f, weights).values()) for f in features]
    values = signatures([Sketch.of(story_text(a)) for a in articles])
    threshold = settings["group_threshold"]
    if settings["group"]:
        groups = group_signatures(values, threshold)
    else:
        groups = [[i] for i in range(len(articles))]

    items, members = [], []
    for group in groups:
        best = max(group, key=lambda i: (base[i], len(articles[i].body)))
        feats = dict(features[best])
        tellings = {(articles[i].source, articles[i].page) for i in group}
        feats["coverage"] = (len(tellings) - 1) / len(tellings)
        parts = contributions(feats, weights)
        items.append(BriefItem(
            article=articles[best],
            score=round(sum(parts.values()), 4),
            features=parts,
            reasons=reasons_for(parts),
            related=[articles[i] for i in group if i != best],
        ))
        members.append(group)

    if history is not None and date:
        items, members = _apply_history(items, members, values, history, date, threshold, settings)
        if not items:
            return []

    sections = [classify(item.article) for item in items]
    if settings["sections"]:
        for item, section in zip(items, sections):
            item.section = section

    order = mmr_order(
        [item.score for item in items],
        _topic_similarity(members, values, sections, threshold),
        lam=settings["diversity"],
        depth=config["brief"]["top"],
    )
    ranked = [items[i] for i in order]
    for position, item in enumerate(ranked, 1):
        item.rank = position
    return ranked


def _topic_similarity(members: list[list[int]], values: Any, sections: list[str],
                      threshold: float) -> Callable[[int], Any]:
    """How much story ``k`` and every other story cover one topic: same section counts half, shared
    wording (the closest pair of their tellings) the rest. One row at a time, as MMR asks for it."""
    import numpy as np

    from brief.rank.group import similarity_to

    tellings = np.concatenate([np.asarray(g) for g in members])
    starts = np.cumsum([0] + [len(g) for g in members[:-1]])
    labels = np.array(sections)

    def row(k: int) -> Any:
        words = np.maximum.reduceat(similarity_to(values, members[k])[tellings], starts)
        return 0.5 * (labels == labels[k]) + 0.5 * np.minimum(words / threshold, 1.0)

    return row


def _apply_history(items: list[BriefItem], members: list[list[int]], values: Any, history: History,
                   date: str, threshold: float, settings: dict[str, Any]):
    """Drop stories already briefed on an earlier date; keep those with new facts as 持续关注."""
    import numpy as np

    from brief.rank.history import new_facts
    from brief.rank.group import Sketch, similar_pairs

    earlier = history.earlier(date, settings["history_days"])
    if not earlier:
        return items, members
    past = np.stack([Sketch.from_bytes(b.signature).values for b in earlier])
    now, then, _ = similar_pairs(values, past, threshold=threshold)
    matches: dict[int, set[int]] = {}
    for i, j in zip(now.tolist(), then.tolist()):
        matches.setdefault(i, set()).add(j)
    by_hash: dict[str, set[int]] = {}
    for j, b in enumerate(earlier):
        by_hash.setdefault(b.content_hash, set()).add(j)
    kept_items, kept_members = [], []
    for item, group in zip(items, members):
        hashes = {item.article.content_hash} | {a.content_hash for a in item.related}
        hits = set().union(*(matches.get(i, set()) for i in group), *(by_hash.get(h, set()) for h in hashes))
        seen = [earlier[j] for j in sorted(hits)]
        if not seen:
            kept_items.append(item)
            kept_members.append(group)
        elif new_facts(item.article, seen):
            item.status = FOLLOW_UP
            item.reasons = ["有新进展", *item.reasons][:4]
            kept_items.append(item)
            kept_members.append(group)
        else:
            history.left_out.append(item.article)
    return kept_items, kept_members
