"""Does a summary tell the reader what the title does not?

In the brief the title is printed above the summary, so a summary that says the title again tells
the official nothing. Two cheap checks, beside the faithfulness guard: the summary's *novelty*
against the title (the share of its character bigrams the title does not have; under
``MIN_NOVELTY`` it restates the title), and, when the article's first two sentences carry a key
figure (``brief.zh.key_figures``), that the summary keeps at least one of them (else one of the
first figure-bearing sentence's among the first five: a press conference's lead names who met, its
third sentence what was announced). The benchmark
(``benchmarks/informativeness.py``) measures with the same functions.
"""

from __future__ import annotations

import re

from brief.document import Article
from brief.zh import Figure, extract_figures, key_figures, split_sentences, strip_attribution

# Under this share of new bigrams a summary restates its title (the measure: < 30%).
MIN_NOVELTY = 0.3
LEAD_SENTENCES = 2
_NOT_WORD = re.compile(r"[\W_]+")


def bigrams(text: str) -> set[str]:
    """Distinct character bigrams of ``text`` with punctuation and spaces taken out."""
    text = _NOT_WORD.sub("", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def novelty(summary: str, title: str) -> float:
    """Share of the summary's bigrams that are not in the title (1.0 without a title)."""
    grams = bigrams(summary)
    if not grams:
        return 0.0
    return len(grams - bigrams(title)) / len(grams)


def lead_figures(article: Article) -> list[Figure]:
    """The key figures of the article's first two sentences (datelines and bylines taken off)."""
    lead = split_sentences(article.body)[:LEAD_SENTENCES]
    return key_figures("\n".join(strip_attribution(s) for s in lead))


# Where the lead has no figure (a press conference: who met, then what was announced), the first
# sentence with one among the first few carries the article's key fact.
FACT_SENTENCES = 5


def key_fact_figures(article: Article) -> list[Figure]:
    """The figures a summary must keep one of: the lead's, else those of the first sentence among
    the first ``FACT_SENTENCES`` that has any (empty when none has)."""
    lead = lead_figures(article)
    if lead:
        return lead
    for sentence in split_sentences(article.body)[LEAD_SENTENCES:FACT_SENTENCES]:
        found = key_figures(strip_attribution(sentence))
        if found:
            return found
    return []


def keeps_a_lead_figure(summary: str, lead: list[Figure]) -> bool:
    """Does ``summary`` state at least one of ``lead`` (same value and unit, a dropped unit allowed)?"""
    said = extract_figures(summary)
    return any(f.same_as(k) for k in lead for f in said)


def informativeness_problems(summary: str, article: Article) -> list[str]:
    """What the summary fails to tell beyond the title (empty: it passes), one short line each. The
    title is named: the retry request quotes these lines, and the model is not otherwise shown it."""
    problems = []
    if article.title:
        share = novelty(summary, article.title)
        if share < MIN_NOVELTY:
            problems.append(f"重复标题“{article.title}”（新内容仅占{share:.0%}）")
    facts = key_fact_figures(article)
    if facts and not keeps_a_lead_figure(summary, facts):
        problems.append(f"未保留关键数字（{'、'.join(f.text for f in facts[:3])}）")
    return problems
