"""What every generating backend (llm, seq2seq) shares: cache, length control, guard, fallback.

A backend only has to turn a batch of requests into raw texts (``_generate``). This base class
decides what goes in (the article's key sentences, or the article by parts for long ones), cleans
and cuts what comes out at a sentence or clause boundary (never inside a number), and passes every
output through the faithfulness guard: a failure is regenerated once (a ``strict`` request that
carries what the checks found; the llm backend asks for it as a further turn of the first
request's conversation), then replaced by the extractive summary, and ``Summary.guard`` records
which check failed and what replaced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from brief.document import Article, Evidence, Summary
from brief.summarize.cache import SummaryCache, cache_key
from brief.summarize.extractive import ExtractiveSummarizer, key_sentences, split_lead
from brief.summarize.informative import MIN_NOVELTY, informativeness_problems, key_fact_figures, novelty
from brief.zh import extract_figures, fit, strip_attribution
from brief.zh.chars import BRACKETS, CLAUSE_BREAKS, DANGLING, FULL_STOPS, LIST_BREAK, SENTENCE_END, STOP_CLOSERS, balanced

_CLAUSE_END = CLAUSE_BREAKS.replace("…", "") + LIST_BREAK  # a cut at an ellipsis would halve ……
_LABEL = re.compile(r"^\s*(?:标题式?摘要|摘要|标题|概括|总结)\s*[:：]\s*")
# Marks a model puts round its answer: markdown's and ASCII quotes go wherever they end it; a
# Chinese quote or book title mark only where it wraps the whole answer or nothing in it pairs it.
_MARKUP = "\"'*#` "
_WRAPPERS = {opener: BRACKETS[opener] for opener in "“‘「『《"}
_UNWRAPPERS = {closer: opener for opener, closer in _WRAPPERS.items()}
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef0-9])|"
                        r"(?<=[0-9])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


@dataclass
class Request:
    """One generation: the article (for the guard) and the text the model sees; for a retry, what
    the checks found in the rejected draft."""

    article: Article
    text: str
    kind: str
    limit: int
    problems: tuple[str, ...] = ()


def clean_output(raw: str, kind: str) -> str:
    """Strip labels, quotes, markdown and the spaces some tokenizers put between characters."""
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
    if kind == "headline":
        lines = lines[:1]
    text = "".join(_LABEL.sub("", line) for line in lines)
    text = _CJK_SPACE.sub("", text)
    return _drop_repeats(_unwrapped(text))


# Up to this many characters of a clause's head are put back before a summary that began inside it.
RESTORED_HEAD = 24
_CLAUSE = re.compile(f"[{re.escape(CLAUSE_BREAKS)}\n]")


def opening_restored(summary: str, source: str) -> str:
    """The summary, with the head of its first clause put back where the model began inside a clause
    of the source (``20多位企业家出席`` for ``中德两国20多位企业家出席``, ``新疆自贸试验区挂牌成立`` for
    ``我国第22个自贸试验区——新疆自贸试验区挂牌成立``): it dropped who or what the clause is about.
    The words put back are the source's own; a dateline or a reporter's note is not put back."""
    first = _CLAUSE.split(summary, maxsplit=1)[0]
    at = source.find(first) if len(first) >= 4 else -1
    if at <= 0 or _CLAUSE.match(source[at - 1]):
        return summary
    start = max(match.end() for match in _CLAUSE.finditer(source, 0, at)) if _CLAUSE.search(source, 0, at) else 0
    clause = strip_attribution(source[start:at] + first)  # (the dateline opening a first clause)
    head = clause[: -len(first)].strip() if clause.endswith(first) else ""
    return head + summary if head and len(head) <= RESTORED_HEAD else summary


def _unwrapped(text: str) -> str:
    """The answer without the marks a model wrapped it in (``“汾河新桥通车”``, a stray ``“`` before
    it); a book title or quotation that opens or closes the summary keeps its marks
    (``《……》第三季启播``, ``……指出：“……。”``)."""
    while True:
        before = text
        text = text.strip(_MARKUP)
        if len(text) >= 2 and _WRAPPERS.get(text[0]) == text[-1] and balanced(text[1:-1]):
            text = text[1:-1]
        if text and text[0] in _WRAPPERS and text.count(text[0]) > text.count(_WRAPPERS[text[0]]):
            text = text[1:]
        if text and text[-1] in _UNWRAPPERS and text.count(text[-1]) > text.count(_UNWRAPPERS[text[-1]]):
            text = text[:-1]
        if text == before:
            return text


def _drop_repeats(text: str) -> str:
    """Drop a clause that repeats an earlier one word for word (a known small-model habit)."""
    pieces = re.findall(rf"[^{_CLAUSE_END}]+[{_CLAUSE_END}]*", text)
    seen: set[str] = set()
    kept = []
    for piece in pieces:
        core = piece.rstrip(_CLAUSE_END)
        if core and core in seen:
            continue
        seen.add(core)
        kept.append(piece)
    return "".join(kept)


def fit_length(text: str, limit: int, *, truncated: bool = False) -> str:
    """Cut ``text`` to ``limit`` characters: after its last whole sentence when that keeps at least
    half, else the way extractive summaries are cut (``brief.zh.fit``): at a clause boundary, else
    before a function word, never inside a figure.

    ``truncated`` says the model was stopped (at its token cap, or past the length asked): its last
    sentence is unfinished and may end in a clipped number. Over the length asked, the cut above
    takes it off anyway. Within it, the whole unfinished sentence goes when the sentences before it
    keep half the text (its first clause alone reads as a fragment: ``……意见建议。座谈会上。``),
    else its last clause.
    """
    text = text.strip()
    if truncated and len(text) <= limit:
        finished = _finished(text, len(text))
        if finished * 2 >= len(text):
            text = text[:finished]
        else:
            last = max(text.rfind(ch) for ch in _CLAUSE_END)
            text = text[:last] if last > 0 else ""
    if len(text) > limit:
        # Whole sentences first: a cut after a comma leaves a dangling clause (……随处可见；2023年).
        finished = _finished(text, limit)
        if finished * 2 >= limit:
            return _tidy_end(text[:finished])
    return _tidy_end(fit(text, limit))


def _finished(text: str, upto: int) -> int:
    """Where the last whole sentence within ``text[:upto]`` ends (0: none), a closing quote
    (``。”``) included."""
    end = max(text.rfind(ch, 0, upto) for ch in SENTENCE_END) + 1
    while end and end < upto and text[end] in STOP_CLOSERS:
        end += 1
    return end


def end_sentence(text: str) -> str:
    """A summary cut at a clause still reads as a sentence: it ends with a full stop."""
    if text and text[-1] not in FULL_STOPS + STOP_CLOSERS:
        return text + "。"
    return text


def _tidy_end(text: str) -> str:
    return text.rstrip(DANGLING + " ")


def chunks(article: Article, chars: int) -> list[str]:
    """Paragraph groups of at most ``chars`` characters; a longer paragraph is split by sentences."""
    from brief.zh import split_sentences

    pieces = []
    for paragraph in article.paragraphs:
        pieces += [paragraph] if len(paragraph) <= chars else split_sentences(paragraph)
    groups: list[list[str]] = [[]]
    size = 0
    for paragraph in pieces:
        if groups[-1] and size + len(paragraph) > chars:
            groups.append([])
            size = 0
        groups[-1].append(paragraph)
        size += len(paragraph)
    return ["\n".join(group) for group in groups if group]


def evidence_for(summary: str, source: str) -> list[Evidence]:
    """For each summary sentence, the source sentences sharing the most character bigrams with it."""
    from brief.zh import split_sentences

    def bigrams(s: str) -> set[str]:
        return {s[i : i + 2] for i in range(len(s) - 1)}

    source_sentences = [(s, bigrams(s)) for s in split_sentences(source)]
    result = []
    for sentence in split_sentences(summary) or [summary]:
        grams = bigrams(sentence)
        scored = sorted(((len(grams & g), s) for s, g in source_sentences), key=lambda x: -x[0])
        best = scored[0][0] if scored else 0
        result.append(Evidence(sentence, [s for score, s in scored[:2] if score and score * 2 >= best]))
    return result


def _flat(problems: dict[str, list[str]]) -> list[str]:
    return [p for found in problems.values() for p in found]


# An untitled article's summary opens with its lead sentence when that takes at most this share of
# the length asked (a longer one leaves the model too little room: it summarizes the whole instead).
LEAD_SHARE = 0.5


# The extractive candidate replaces a faithful model draft only when it scores clearly higher: near
# ties go to the model, whose summary is written for the brief rather than cut from the article.
EXTRACTIVE_MARGIN = 0.1


def candidate_score(text: str, article: Article, limit: int, source: str) -> float | None:
    """How well a candidate summary informs: None when the guard rejects it, else the share of the
    lead's key figures it keeps (1 when the lead has none) + its novelty against the title (0-1,
    full from twice the share under which it restates the title: a summary that keeps the title's
    figure is not worse for it) + up to 0.2 for length (full from half the length asked)."""
    if guard_problems(text, source):
        return None
    lead = key_fact_figures(article)
    said = extract_figures(text)
    kept = sum(any(f.same_as(k) for f in said) for k in lead) / len(lead) if lead else 1.0
    fresh = min(1.0, novelty(text, article.title) / (2 * MIN_NOVELTY)) if article.title else 1.0
    return kept + fresh + 0.2 * min(1.0, 2 * len(text) / limit)


def guard_problems(text: str, source: str) -> list[str]:
    """The faithfulness guard's objections to ``text`` (empty: it passes)."""
    from brief.summarize.guard import check_summary

    if not text.strip():
        return ["empty output"]
    report = check_summary(text, source)
    return [] if report.ok else [str(p) for p in report.problems]


class AbstractiveSummarizer:
    """Base for generating backends; subclasses set ``name``, ``model_id``, ``prompt_version``."""

    name = "abstractive"
    model_id = ""
    prompt_version = ""

    def __init__(self, config: dict[str, Any]):
        self.config = config
        settings = config["summarize"]
        self.limits = {"summary": settings["max_chars"], "headline": settings["headline_chars"]}
        self.input_chars = {"summary": settings["input_chars"],
                            "headline": settings["headline_input_chars"]}
        self.chunk_chars = settings["chunk_chars"]
        # 1: one draft (then the strict retry, then the extractive summary); 2: also a draft from the
        # lead, the best of the drafts and the extractive summary wins (docs/models.md: its cost).
        self.candidates = settings["candidates"]
        self.cache = SummaryCache.from_config(config) if settings["cache"] else None

    # -- what a backend provides -------------------------------------------------------------
    def _generate(self, requests: Sequence[Request], strict: bool) -> list[tuple[str, bool]]:
        """Raw model outputs, one per request, each with ``truncated`` (hit the token cap)."""
        raise NotImplementedError

    # -- the shared path ---------------------------------------------------------------------
    def summarize(self, articles: Sequence[Article], kind: str = "summary") -> list[Summary]:
        limit = self.limits[kind]
        results: list[Summary | None] = [None] * len(articles)
        reads = f"input {self.input_chars[kind]}, parts {self.chunk_chars}"
        keys = [cache_key(a, backend=self.name, model=self.model_id, prompt=self.prompt_version,
                          kind=kind, length=limit, reads=reads) for a in articles]
        todo = []
        for i, key in enumerate(keys):
            hit = self.cache.get(key) if self.cache else None
            if hit is not None:
                results[i] = hit
            else:
                todo.append(i)
        made = self._summarize_fresh([articles[i] for i in todo], kind, limit)
        for i, summary in zip(todo, made):
            results[i] = summary
            if self.cache:
                self.cache.put(keys[i], summary)
        return [r for r in results if r is not None]

    def _source_for(self, article: Article, kind: str) -> str:
        """What the model reads: the article's key sentences (``input_chars``), and for the
        one-line kind the title before them.

        The 2-3 sentence summary is written without the title although the brief prints it
        above: shown the title, the packaged 1.5B model wrote it out again as the summary in a
        third of its drafts, whatever the prompt said (docs/models.md has the figures)."""
        body = key_sentences(article, self.input_chars[kind])
        return f"标题：{article.title}\n{body}" if article.title and kind != "summary" else body

    def _summarize_fresh(self, articles: Sequence[Article], kind: str, limit: int) -> list[Summary]:
        """Titled articles as they are; for an untitled one's 2-3 sentence summary see
        :meth:`_after_leads`."""
        if kind != "summary" or all(a.title for a in articles):
            return self._drafted(articles, kind, limit)
        leads = {i: split_lead(a) for i, a in enumerate(articles) if not a.title}
        leads = {i: (lead, rest) for i, (lead, rest) in leads.items() if lead and len(lead) <= limit * LEAD_SHARE}
        titled = [i for i in range(len(articles)) if i not in leads]
        made = dict(zip(titled, self._drafted([articles[i] for i in titled], kind, limit)))
        made.update(zip(leads, self._after_leads([leads[i] for i in leads], [articles[i] for i in leads], limit)))
        return [made[i] for i in range(len(articles))]

    def _after_leads(self, leads: Sequence[tuple[str, Article]], articles: Sequence[Article],
                     limit: int) -> list[Summary]:
        """Summaries of untitled articles. With no title printed above it, nothing tells the reader
        the main fact unless the summary does: it opens with the article's lead sentence, and the
        model, reading the article after that sentence, writes what lies beyond it (a model asked
        for "what the title does not say" with no title skips the lead; measured on CLTS in
        docs/models.md); the checks hold its text against the lead as against a title."""
        # Asked for the usual length (the same prompt, so the same evaluated prefix as for titled
        # articles), the lead and the model's text are then cut to it, whole sentences first.
        rest = self._drafted([article for _, article in leads], "summary", limit)
        out = []
        for (lead, _), article, summary in zip(leads, articles, rest):
            text = end_sentence(fit_length(lead + summary.text, limit))
            out.append(Summary(text=text, method=summary.method, evidence=evidence_for(text, article.body),
                               guard=summary.guard))
        return out

    def _retry_follows_its_draft(self, kind: str) -> bool:
        """Whether each article's retry should come right after its own draft, not after the whole
        batch's drafts: True where the retry continues the draft's conversation on a runtime that
        keeps only the last request's evaluated tokens (llama.cpp), so that it reuses them."""
        return False

    def _drafted(self, articles: Sequence[Article], kind: str, limit: int) -> list[Summary]:
        if not articles:
            return []
        if kind == "summary" and self.candidates > 1:
            return self._choose_among_candidates(articles, limit)
        if len(articles) > 1 and self._retry_follows_its_draft(kind):
            return [s for article in articles for s in self._drafted([article], kind, limit)]
        requests = [self._request(a, kind, limit) for a in articles]
        drafts = self._run(requests, strict=False)
        summaries: list[Summary | None] = [None] * len(articles)
        retry: list[int] = []
        first_problems: dict[int, dict[str, list[str]]] = {}
        for i, (article, text) in enumerate(zip(articles, drafts)):
            problems = self._check(text, article, kind)
            if problems:
                first_problems[i] = problems
                retry.append(i)
            else:
                summaries[i] = self._summary(article, text, self.name)
        if retry:
            # The retry carries what the checks found in the draft.
            again = self._run([replace(requests[i], problems=tuple(_flat(first_problems[i]))) for i in retry],
                              strict=True)
            fallback = self._fallback([articles[i] for i in retry], kind)
            for i, text, replacement in zip(retry, again, fallback):
                problems = self._check(text, articles[i], kind)
                record = {"check": ", ".join(first_problems[i]), "problems": _flat(first_problems[i]),
                          "rejected": drafts[i]}
                if not problems:
                    summaries[i] = self._summary(articles[i], text, f"{self.name}-strict")
                    summaries[i].guard = {**record, "action": "regenerated with the strict prompt"}
                else:
                    replacement.guard = {**record, "retry_check": ", ".join(problems),
                                         "retry_problems": _flat(problems), "retry_rejected": text,
                                         "action": "replaced by the extractive summary"}
                    summaries[i] = replacement
        return [s for s in summaries if s is not None]

    def _check(self, text: str, article: Article, kind: str) -> dict[str, list[str]]:
        """What is wrong with a draft, by check: ``faithfulness`` (the guard) always, and for the
        2-3 sentence summary ``informativeness`` (it must say what the title does not)."""
        found = {}
        faithfulness = guard_problems(text, self._guard_source(article))
        if faithfulness:
            found["faithfulness"] = faithfulness
        if kind == "summary" and text.strip():
            informativeness = informativeness_problems(text, article)
            if informativeness:
                found["informativeness"] = informativeness
        return found

    def _choose_among_candidates(self, articles: Sequence[Article], limit: int) -> list[Summary]:
        """Two drafts per article and the extractive summary, each scored by :func:`candidate_score`;
        the best one the guard lets through wins. The second draft reads the article's lead instead
        of its key sentences, or, where the two are the same text (a short article), is written with
        the strict prompt."""
        keyed = [self._request(a, "summary", limit) for a in articles]
        lead = [Request(a, self._lead_for(a), "summary", limit) for a in articles]
        drafts: list[dict[str, str]] = [{"key sentences": t} for t in self._run(keyed, strict=False)]
        other = [i for i in range(len(articles)) if lead[i].text != keyed[i].text]
        same = [i for i in range(len(articles)) if lead[i].text == keyed[i].text]
        for i, text in zip(other, self._run([lead[i] for i in other], strict=False) if other else []):
            drafts[i]["lead"] = text
        for i, text in zip(same, self._run([keyed[i] for i in same], strict=True) if same else []):
            drafts[i]["strict prompt"] = text
        extractive = self._fallback(articles, "summary")
        chosen = []
        for article, texts, fallback in zip(articles, drafts, extractive):
            source = self._guard_source(article)
            scores = {name: candidate_score(text, article, limit, source) for name, text in texts.items()}
            extractive_score = candidate_score(fallback.text, article, limit, source)
            scores["extractive"] = (extractive_score or 0.0) - EXTRACTIVE_MARGIN
            # The first of equals wins: a model draft before the extractive summary.
            best = max((name for name, score in scores.items() if score is not None), key=lambda n: scores[n])
            summary = fallback if best == "extractive" else self._summary(article, texts[best], self.name)
            summary.guard = {"check": "candidates", "action": f"chose the {best} candidate",
                             "candidates": {n: None if v is None else round(v, 3) for n, v in scores.items()},
                             "rejected": [t for n, t in texts.items() if n != best]}
            chosen.append(summary)
        return chosen

    def _lead_for(self, article: Article) -> str:
        """The article's opening: whole sentences up to ``input_chars`` (the whole text when it
        fits, as for the key sentences); no title, as for the first candidate."""
        from brief.zh import split_sentences

        budget, lead = self.input_chars["summary"], article.body
        if budget and len(lead) > budget:
            lead = ""
            for sentence in split_sentences(article.body):
                if lead and len(lead) + len(sentence) > budget:
                    break
                lead += sentence
        return lead

    def _guard_source(self, article: Article) -> str:
        return f"{article.title}\n{article.body}"

    def _request(self, article: Article, kind: str, limit: int) -> Request:
        return Request(article, self._source_for(article, kind), kind, limit)

    def _run(self, requests: Sequence[Request], strict: bool) -> list[str]:
        """Generate, merging long articles part by part, then clean and cut to length. On a retry
        the parts of a long article are written afresh (``strict``, no problems named: they were
        not checked); the merge request carries the problems."""
        direct = [r for r in requests if len(r.text) <= self.chunk_chars]
        long = [r for r in requests if len(r.text) > self.chunk_chars]
        outputs: dict[int, tuple[str, bool]] = {}
        for request, out in zip(direct, self._generate(direct, strict) if direct else []):
            outputs[id(request)] = out
        for request in long:
            parts = [Request(request.article, text, "summary", self.limits["summary"])
                     for text in chunks(request.article, self.chunk_chars)]
            partial = [fit_length(clean_output(t, "summary"), self.limits["summary"], truncated=cut)
                       for t, cut in self._generate(parts, strict)]
            merged = replace(request, text="\n".join(p for p in partial if p))
            outputs[id(request)] = self._generate([merged], strict)[0]
        texts = [clean_output(outputs[id(r)][0], r.kind) for r in requests]
        texts = [fit_length(opening_restored(t, r.article.body) if r.kind == "summary" else t, r.limit,
                            truncated=outputs[id(r)][1]) for r, t in zip(requests, texts)]
        return [end_sentence(t) if r.kind == "summary" else t for r, t in zip(requests, texts)]

    def _summary(self, article: Article, text: str, method: str) -> Summary:
        return Summary(text=text, method=method, evidence=evidence_for(text, article.body))

    def _fallback(self, articles: Sequence[Article], kind: str) -> list[Summary]:
        return ExtractiveSummarizer(self.config).summarize(articles, kind=kind)
