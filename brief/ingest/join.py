"""Join the parts of an article that the paper continued on another page of the same issue.

A part ending ``（下转第2版）`` (``Article.continued_to``) and the part on page 2 starting
``（上接第1版）`` (``continued_from``) become one article: headline, dateline and reporters from the
first part, the body in reading order, ``page`` ``1,2``. The jumps are the evidence: two parts are
joined only when each points at the other's page (a page that nothing names is taken to be the one
the other part points at). Among several such candidates the best wins: the later part's title (it
often repeats a shortened one, or none) and words found in the first part, the same source, the
later part coming later among the inputs, and the same rank among the page's jumping articles.

A part whose other half is not among the inputs stays on its own with ``missing_parts`` naming
the pages it jumps to or from.
"""

from __future__ import annotations

from dataclasses import replace

from brief.document import ARTICLE, Article
from brief.zh import ends_sentence
from brief.zh.layout import page_label

def join_continued(sheets: list[list[Article]]) -> list[Article]:
    """The articles of one run, each continued article joined into one.

    ``sheets`` are the printed pages in input order, each the articles of one page of one input (all
    sharing its ``page``, which may be None). Articles on a page that nothing named but a join
    places get that page.
    """
    pages = [page_label(sheet[0].page) if sheet else None for sheet in sheets]
    where = {id(a): s for s, sheet in enumerate(sheets) for a in sheet}
    heads = [a for sheet in sheets for a in sheet if a.kind == ARTICLE and page_label(a.continued_to)]
    tails = [a for sheet in sheets for a in sheet if a.kind == ARTICLE and page_label(a.continued_from)]
    candidates = []
    for a in heads:
        for b in tails:
            sa, sb = where[id(a)], where[id(b)]
            to, came_from = page_label(a.continued_to), page_label(b.continued_from)
            if sa == sb or to == came_from or pages[sa] not in (None, came_from) or pages[sb] not in (None, to):
                continue
            if a.date and b.date and a.date != b.date:
                continue
            candidates.append((_score(a, b, sa, sb, heads, tails, where), sa, sb, a, b))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3].position, c[4].position))

    following: dict[int, Article] = {}  # id(part) -> the part that continues it
    preceded: set[int] = set()
    for _, sa, sb, a, b in candidates:
        to, came_from = page_label(a.continued_to), page_label(b.continued_from)
        if id(a) in following or id(b) in preceded or pages[sa] not in (None, came_from):
            continue
        if pages[sb] not in (None, to) or _reaches(b, a, following):
            continue
        following[id(a)], pages[sa], pages[sb] = b, came_from, to
        preceded.add(id(b))

    out = []
    for s, sheet in enumerate(sheets):
        for article in sheet:
            if article.page is None and pages[s] is not None:
                article.page = pages[s]
    for sheet in sheets:
        for article in sheet:
            if id(article) in preceded:
                continue  # joined into the article its first part begins
            parts = [article]
            while id(parts[-1]) in following:
                parts.append(following[id(parts[-1])])
            out.append(_joined(parts) if len(parts) > 1 else article)
    for article in out:
        article.missing_parts = [
            label for label in (page_label(article.continued_from), page_label(article.continued_to)) if label
        ]
    return out


def _reaches(start: Article, target: Article, following: dict[int, Article]) -> bool:
    """Whether following the joins from ``start`` comes back to ``target`` (a join would make a loop)."""
    part = start
    while part is not None:
        if part is target:
            return True
        part = following.get(id(part))
    return False


def _score(a: Article, b: Article, sa: int, sb: int, heads: list[Article], tails: list[Article],
           where: dict[int, int]) -> float:
    """How well ``b`` reads as the continuation of ``a`` (both already point at each other's pages)."""
    headline = _bigrams(a.kicker + a.title + a.subtitle)
    title = _bigrams(b.title)
    if not b.title:
        title_match = 0.5  # a continuation printed without a title says nothing either way
    else:
        title_match = len(title & headline) / len(title) if title else 0.0
    words_a, words_b = _bigrams(a.body), _bigrams(b.body)
    shared = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    # The k-th article on a page jumping to page N tends to be the k-th continued there from it.
    rank_a = [h for h in heads if where[id(h)] == sa and h.continued_to == a.continued_to].index(a)
    rank_b = [t for t in tails if where[id(t)] == sb and t.continued_from == b.continued_from].index(b)
    return (
        2.0 * title_match
        + 1.0 * shared
        + (0.3 if a.source == b.source else 0.0)
        + (0.2 if sa < sb else 0.0)
        + (0.1 if rank_a == rank_b else 0.0)
    )


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)} or set(chars)


def _joined(parts: list[Article]) -> Article:
    """One article from its parts in reading order: the first part's headline, every part's body."""
    first = parts[0]
    paragraphs = list(first.paragraphs)
    for part in parts[1:]:
        more = list(part.paragraphs)
        if paragraphs and more and not ends_sentence(paragraphs[-1]):
            paragraphs[-1] += more.pop(0)  # the page broke the sentence; so did the paragraph
        paragraphs += more
    fallback = next((p for p in parts if p.title), first)  # a first part whose title was lost
    sources = list(dict.fromkeys(p.source for p in parts if p.source))
    article = replace(
        first,
        id="",
        title=first.title or fallback.title,
        kicker=first.kicker or (fallback.kicker if not first.title else ""),
        subtitle=first.subtitle or (fallback.subtitle if not first.title else ""),
        reporters=first.reporters or next((p.reporters for p in parts if p.reporters), []),
        dateline=first.dateline or next((p.dateline for p in parts if p.dateline), None),
        source="、".join(sources),
        page=",".join(dict.fromkeys(page_label(p.page) or "?" for p in parts)),
        paragraphs=paragraphs,
        continued_from=first.continued_from,
        continued_to=parts[-1].continued_to,
        date=first.date or next((p.date for p in parts if p.date), None),
        url=first.url or next((p.url for p in parts if p.url), None),
    )
    article.id = article.content_hash
    return article
