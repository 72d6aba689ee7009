"""Rank: score each article on explainable features, best first."""

from __future__ import annotations

import re
from typing import Any, Sequence

from brief.model import Article, BriefItem

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|人|件|个|元)")


def rank(articles: Sequence[Article], *, config: dict[str, Any]) -> list[BriefItem]:
    """Score by position on the page, length and key figures; return items sorted best first."""
    items = []
    for article in articles:
        features = {
            "position": 1.0 / (1 + article.position),
            "length": min(len(article.body) / 1500, 1.0),
            "figures": min(len(_FIGURE.findall(article.body)) / 5, 1.0),
        }
        reasons = []
        if article.position == 0:
            reasons.append("头条")
        if features["figures"] >= 0.4:
            reasons.append("含关键数据")
        items.append(BriefItem(article=article, score=round(sum(features.values()), 4),
                               features=features, reasons=reasons))
    return sorted(items, key=lambda item: -item.score)
