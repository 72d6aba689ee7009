"""Rank: score each story on explainable features, group the same story, best first.

``rank`` runs the stages in order: features and score per article (``features``, ``weights``),
same-story grouping (``group``), memory of earlier briefs (``brief.history``), sections by category
(``sections``), then maximal marginal relevance so the top is not one topic (``diversity``). Each item
keeps its score breakdown (weight x feature, by feature) and short reasons in Chinese (``reasons``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from brief.model import Article, BriefItem
from brief.rank.features import article_features
from brief.rank.reasons import reasons_for
from brief.rank.sections import classify
from brief.rank.weights import load_weights

if TYPE_CHECKING:
    from brief.history import History

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
    from brief.rank.group import Sketch, group_indices, similarity_matrix, story_text

    settings = config.get("rank", {})
    weights = load_weights(config)
    articles = list(articles)
    if not articles:
        return []
    features = [article_features(a, profile=settings.get("profile"), date=date) for a in articles]
    base = [sum(contributions(f, weights).values()) for f in features]
    sketches = [Sketch.of(story_text(a)) for a in articles]
    similarity = similarity_matrix(sketches)
    threshold = float(settings.get("group_threshold", 0.25))
    if settings.get("group", True):
        groups = group_indices(similarity, threshold)
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
        items, members = _apply_history(items, members, sketches, history, date, settings)
        if not items:
            return []

    sections = [classify(item.article) for item in items]
    if settings.get("sections", False):
        for item, section in zip(items, sections):
            item.section = section

    order = mmr_order(
        [item.score for item in items],
        _topic_similarity(members, similarity, sections, threshold),
        lam=float(settings.get("diversity", 0.85)),
        depth=int(config.get("brief", {}).get("top", 10)),
    )
    ranked = [items[i] for i in order]
    for position, item in enumerate(ranked, 1):
        item.rank = position
    return ranked


def _topic_similarity(members: list[list[int]], similarity: Any, sections: list[str],
                      threshold: float) -> Any:
    """How much two stories cover one topic: same section counts half, shared wording the rest."""
    import numpy as np

    rows = np.stack([similarity[g].max(axis=0) for g in members])
    words = np.stack([rows[:, g].max(axis=1) for g in members], axis=1)
    labels = np.array(sections)
    return 0.5 * (labels[:, None] == labels[None, :]) + 0.5 * np.minimum(words / threshold, 1.0)


def _apply_history(items: list[BriefItem], members: list[list[int]], sketches: list[Any],
                   history: History, date: str, settings: dict[str, Any]):
    """Drop stories already briefed on an earlier date; keep those with new facts as 持续关注."""
    import numpy as np

    from brief.history import new_facts
    from brief.rank.group import Sketch

    earlier = history.earlier(date, int(settings.get("history_days", 7)))
    if not earlier:
        return items, members
    threshold = float(settings.get("group_threshold", 0.25))
    past = np.stack([Sketch.from_bytes(b.signature).values for b in earlier])
    kept_items, kept_members = [], []
    for item, group in zip(items, members):
        hashes = {item.article.content_hash} | {a.content_hash for a in item.related}
        now = np.stack([sketches[i].values for i in group])
        overlap = (now[:, None, :] == past[None, :, :]).mean(axis=2).max(axis=0)
        seen = [b for b, o in zip(earlier, overlap) if o >= threshold or b.content_hash in hashes]
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
