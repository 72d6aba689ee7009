"""Extractive summarizer: the article's own lead sentences, within the length budget."""

from __future__ import annotations

import re
from typing import Any, Sequence

from brief.model import Article, Evidence, Summary

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


class ExtractiveSummarizer:
    name = "extractive"

    def __init__(self, config: dict[str, Any]):
        self.max_chars = config["summarize"]["max_chars"]
        self.headline_chars = config["summarize"]["headline_chars"]

    def summarize(self, articles: Sequence[Article], kind: str = "summary") -> list[Summary]:
        budget = self.headline_chars if kind == "headline" else self.max_chars
        return [self._one(article, budget) for article in articles]

    def _one(self, article: Article, budget: int) -> Summary:
        chosen: list[str] = []
        for sentence in split_sentences(article.body):
            if chosen and sum(map(len, chosen)) + len(sentence) > budget:
                break
            chosen.append(sentence)
        text = "".join(chosen)[: max(budget, 1)]
        return Summary(text=text, method=self.name, evidence=[Evidence(s, [s]) for s in chosen])
