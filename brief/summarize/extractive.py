"""Extractive summarizer: the article's own key sentences, trimmed, within the length budget.

No weights and no jieba: sentences are compared as bags of character bigrams, which is fast (well
over 200 articles a second) and good enough to tell the central sentences of a news item from its
asides. A sentence's score mixes its position (news puts the point first), its centrality (how much
it shares with the whole article), the title's words, and whether it carries a key figure. Datelines,
bylines and attributions (``记者从……了解到，``) are trimmed, near-repeats dropped, and the result cut
at a clause boundary to fit the budget, so every summary is the source's own words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Sequence

from brief.document import Article, Evidence, Summary
from brief.zh import clauses, ends_sentence, fit, split_sentences, strip_attribution
from brief.zh.bylines import ATTRIBUTION, EDITORS_NOTE
from brief.zh.chars import CLAUSE_BREAKS, LIST_BREAK, SENTENCE_END, STOP_CLOSERS
from brief.zh.figures import quantity_before

LEAD_WEIGHT = 1.0
CENTRALITY_WEIGHT = 0.6
TITLE_WEIGHT = 0.4
# A sentence with a key figure is what an official reads for; 0.3 brings it into the summary
# (36.54万人, 81.2%) without moving ROUGE (CLTS summary R-L 23.5 -> 23.6, xwlb headline 38.3 -> 38.5).
FIGURE_WEIGHT = 0.3
# A sentence of direct speech ("过去……现在……") is colour for the reader of the article, not the news
# for the reader of a brief. Neutral on ROUGE (CLTS summary, xwlb summary and headline unchanged).
QUOTE_PENALTY = 0.3
# How much a headline gains for using its budget (a 10-character fragment says too little).
FILL_WEIGHT = 0.1
# A headline that starts where the sentence starts keeps its subject.
OPENING_WEIGHT = 0.05
# Two sentences sharing more than this share of their bigrams say the same thing.
REDUNDANCY = 0.5
# Sentences with fewer Chinese characters are fragments (a subhead, a byline, a stray time
# stamp), not summary material.
MIN_CHARS = 8
# A paragraph this short without closing punctuation is a subhead, not a sentence.
SUBHEAD_CHARS = 24
_ENDS = SENTENCE_END + STOP_CLOSERS
# A list cut before its last item leaves its conjunction behind (……《若干措施》和): it goes too.
_LIST_AND = re.compile(r"(?<=[》”’」』）)])[和与及或并]$")
# The brief's summary is at most this many sentences.
MAX_SENTENCES = 3
_TRAILING = CLAUSE_BREAKS + LIST_BREAK + " "
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_WORD = re.compile(r"[\W_]+")
# A quantity, not a date: 36.54万人, 1.85%, 3项 (a cheap test; the guard does the exact parse).
_KEY_FIGURE = quantity_before("万|亿|%|％|个|项|件|人|家|名|位|户|元|亩|吨|倍|公里|千米|平方")

# A leading clause that only sets the scene (when, on what occasion): a headline starts after it.
_TIME = r"(?:当地时间)?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚间|晚|凌晨|早上|中午)?"
_SCENE = re.compile(
    rf"(?:近日|日前|连日来|近年来|近期|目前|当前|如今|今年以来|年初以来|今天|昨天|当天|此前|同时|此外|另外"
    rf"|{_TIME}|(?:今天|昨天)?[（(]\d{{1,2}}月\d{{1,2}}日[）)](?:上午|下午|晚上|晚)?"
    rf"|[^，。]{{0,12}}(?:以来|期间|假期|前夕|之际|发生后|结束后)|受[^，。]{{1,10}}影响|据[^，。]{{2,30}}"
    rf"|应[^，。]{{2,24}}邀请|经[^，。]{{2,12}}(?:批准|同意)|本台消息)[，,：:]?"
)
# When a thing happened, inside a clause: 论坛3月20日在京举办 -> 论坛在京举办. A headline drops it.
_INLINE_TIME = re.compile(
    rf"(?<=[\u4e00-\u9fff》”])(?:(?:今天|昨天|今晚|当天)?[（(]\d{{1,2}}月\d{{1,2}}日[）)](?:上午|下午|晚上|晚)?"
    rf"|(?:当地时间)?(?:\d{{4}}年)?(?:\d{{1,2}}月)?(?<![\d.至到—~-])\d{{1,2}}日(?:上午|下午|晚上|晚间|晚|凌晨|早上|中午)?"
    rf"(?=[在于同向与对就举召发会出抵致说称表宣签通主])"
    rf"|(?:日前|近日|今天|昨天)(?=[\u4e00-\u9fff]))"
)
# A chain of official titles opening a clause keeps only the last: 中共中央政治局常委、国务院总理李强
# -> 国务院总理李强.
_TITLE_WORD = r"(?:常委|委员|主席|副主席|总理|副总理|书记|总书记|部长|省长|市长|主任|秘书长|国务委员|主席团成员)"
_TITLE_CHAIN = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,14}}?{_TITLE_WORD}、)+(?=[\u4e00-\u9fff]{{2,14}}?{_TITLE_WORD})"
)
# A title right before a name that acts: 国务院总理李强主持召开 -> 李强主持召开, as headlines write it.
_TITLE_BEFORE_NAME = re.compile(
    rf"^[\u4e00-\u9fff]{{0,12}}?{_TITLE_WORD}(?=[\u4e00-\u9fff]{{2,3}}?"
    r"(?:在|于|同|向|与|对|就|以|将|应|率|赴|乘|主持|出席|会见|会谈|抵达|签署|致电|致信|复信|发表|举行|表示|指出|强调|宣布|考察|调研|访问|离开|通电话))"
)
# What an institution does in the main clause of a policy story.
_ACTION = re.compile(r"印发|发布|出台|召开|举行|启动|推出|公布")
# A run of clauses ending like this is a subordinate clause waiting for its main one (……召开之际).
_SUBORDINATE = ("之后", "以后", "之际", "以来", "期间", "过程中")
# Who said it: kept, but joined to what was said so that a cut cannot leave the speaker alone.
_SPEAKER = re.compile(r"[^，。“”]{2,20}(?:表示|称|说|指出|认为|确认|宣布|透露|显示|强调)[，,：:]")


def headline_text(sentence: str, budget: int, context: Counter | None = None) -> str:
    """A sentence made into a one-line headline of at most ``budget`` characters.

    Scene-setting clauses, inline dates and the official titles before a name are dropped.
    Then, among the runs of whole clauses that fit (and each clause onward cut to fit), the one
    closest to ``context`` (the article's bigrams) wins, with a small bonus for filling the budget:
    the point of a news sentence is often its second clause. Without ``context``, the leading
    clauses that fit.
    """
    parts = clauses(sentence)
    while len(parts) > 1 and (_SCENE.fullmatch(parts[0]) or ATTRIBUTION.match(_INLINE_TIME.sub("", parts[0]))):
        parts = parts[1:]  # (``记者今天从……了解到，``: who told the reporter is no headline)
    if parts and parts[0].startswith("为"):  # 为贯彻……，落实……，国务院印发…… : the purpose is not the news
        main = next((i for i, p in enumerate(parts) if i and _ACTION.search(p)), None)
        if main is not None:
            parts = parts[main:]
    if len(parts) > 1 and _SPEAKER.fullmatch(parts[0]):
        parts = [parts[0][:-1] + parts[1], *parts[2:]]
    parts = [_TITLE_BEFORE_NAME.sub("", _TITLE_CHAIN.sub("", _INLINE_TIME.sub("", part))) for part in parts]
    if context is None:
        return fit("".join(parts), budget).rstrip(_TRAILING)
    candidates = []  # (text, starts the sentence)
    for start in range(len(parts)):
        run = ""
        for part in parts[start:]:
            if len(run) + len(part) > budget:
                break
            run += part
            candidates.append((run.rstrip(_TRAILING), start == 0))
        candidates.append((fit("".join(parts[start:]), budget).rstrip(_TRAILING), start == 0))
    context_norm = _norm(context)
    best = max(
        (c for c in dict.fromkeys(candidates) if c[0] and not c[0].endswith(_SUBORDINATE)),
        key=lambda c: _cosine(_bigrams(c[0]), context, context_norm)
        + FILL_WEIGHT * min(1.0, len(c[0]) / budget)
        + OPENING_WEIGHT * c[1],
        default=("", True),
    )
    return best[0]


@dataclass
class _Sentence:
    position: int
    source: str  # as printed
    text: str  # dateline and attribution trimmed
    grams: Counter
    score: float = 0.0


class ExtractiveSummarizer:
    """Lead-biased, centrality-scored sentence extraction; see the module docstring."""

    name = "extractive"

    def __init__(self, config: dict[str, Any]):
        self.max_chars = int(config["summarize"]["max_chars"])
        self.headline_chars = int(config["summarize"]["headline_chars"])

    def summarize(self, articles: Sequence[Article], kind: str = "summary") -> list[Summary]:
        if kind not in ("summary", "headline"):
            raise ValueError(f"kind must be 'summary' or 'headline', not {kind!r}")
        if kind == "headline":
            return [self._headline(_scored(article)) for article in articles]
        return [self._summary(_scored(article), article.title) for article in articles]

    def _headline(self, sentences: list[_Sentence]) -> Summary:
        """The best sentence, cut at a clause boundary to the headline length."""
        if not sentences:
            return Summary(text="", method=self.name)
        best = max(sentences, key=lambda s: s.score)
        context: Counter = Counter()
        for s in sentences:
            context.update(s.grams)
        text = headline_text(best.text, self.headline_chars, context)
        return Summary(text=text, method=self.name, evidence=[Evidence(text, [best.source])])

    def _summary(self, sentences: list[_Sentence], title: str = "") -> Summary:
        """The best few non-redundant sentences that fit the budget, in the article's order.

        The brief prints the title above the summary: a sentence that only says the title again
        (``今天出版的《人民日报》发表述评《……》``) is left out when the article has others.
        """
        from brief.summarize.informative import MIN_NOVELTY, novelty

        fresh = [s for s in sentences if not title or novelty(s.text, title) >= MIN_NOVELTY]
        chosen: list[_Sentence] = []
        used = 0
        for sentence in sorted(fresh or sentences, key=lambda s: -s.score):
            if len(chosen) == MAX_SENTENCES:
                break
            if any(_overlap(sentence.grams, c.grams) > REDUNDANCY for c in chosen):
                continue
            if chosen and used + len(sentence.text) > self.max_chars:
                continue
            if not chosen and len(sentence.text) > self.max_chars:
                # Cut, it still ends as a sentence: a sentence chosen after it must not run on
                # from a clause (``……审议《……报告》要树牢……``).
                cut = _LIST_AND.sub("", fit(sentence.text, self.max_chars - 1).rstrip(_TRAILING))
                sentence.text = cut if not cut or ends_sentence(cut) else cut + "。"
            chosen.append(sentence)
            used += len(sentence.text)
        chosen.sort(key=lambda s: s.position)
        text = "".join(s.text for s in chosen)
        if text and text[-1] in "；;，,、：:":
            text = text[:-1] + "。"  # a list item or clause chosen last still ends the summary
        return Summary(
            text=text,
            method=self.name,
            evidence=[Evidence(s.text, [s.source]) for s in chosen],
        )


def split_lead(article: Article) -> tuple[str, Article]:
    """The article's first real sentence (no subhead, dateline or byline; news puts its main fact
    there) and the rest of the article with that sentence as its title ("" and the article itself
    when it has no such sentence or nothing after it)."""
    sentences = _candidates(article)
    if len(sentences) < 2:
        return "", article
    lead = sentences[0]
    rest, found = [], False
    for paragraph in article.paragraphs:
        if not found and lead.source in paragraph:
            paragraph, found = paragraph.replace(lead.source, "", 1).strip(), True
        if paragraph:
            rest.append(paragraph)
    return lead.text, replace(article, title=lead.text, paragraphs=rest)


def lead_headline(article: Article, budget: int) -> str:
    """A heading for an article that has no title: its first real sentence made into a headline,
    from its opening clauses (news puts the main fact first; a later clause cut loose loses its
    subject), so that the brief's list says what the item is. "" when it has no sentence."""
    sentences = _candidates(article)
    return headline_text(sentences[0].text, budget) if sentences else ""


def key_sentences(article: Article, budget: int) -> str:
    """What a model needs to read for a short summary: the best sentences, in the article's order.

    The first sentence always (news puts the point first), then the highest-scoring others while
    they fit in ``budget`` characters, each as printed. Prompt evaluation is most of a small model's
    time on a CPU, and a one-line or three-sentence summary rests on a few sentences.
    """
    if budget <= 0 or len(article.body) <= budget:
        return article.body
    sentences = _scored(article)
    if not sentences:
        return article.body[:budget]
    chosen = [sentences[0]]
    used = len(sentences[0].source)
    for sentence in sorted(sentences[1:], key=lambda s: -s.score):
        if used + len(sentence.source) <= budget:
            chosen.append(sentence)
            used += len(sentence.source)
    chosen.sort(key=lambda s: s.position)
    return "".join(s.source for s in chosen)


def _scored(article: Article) -> list[_Sentence]:
    """The candidate sentences with their scores (see the module docstring)."""
    sentences = _candidates(article)
    if not sentences:
        return []
    document: Counter = Counter()
    for s in sentences:
        document.update(s.grams)
    doc_norm2 = sum(v * v for v in document.values())
    title = _bigrams(article.title)
    for s in sentences:
        lead = 1.0 / (1.0 + s.position)
        s.score = (
            LEAD_WEIGHT * lead
            + CENTRALITY_WEIGHT * _centrality(s.grams, document, doc_norm2)
            + TITLE_WEIGHT * (_cosine(s.grams, title) if title else 0.0)
            + FIGURE_WEIGHT * bool(_KEY_FIGURE.search(s.text))
            - QUOTE_PENALTY * s.text.startswith(("“", "「"))
        )
    return sentences


def _candidates(article: Article) -> list[_Sentence]:
    out: list[_Sentence] = []
    subheads: list[_Sentence] = []
    for paragraph in article.paragraphs:
        for source in split_sentences(paragraph):
            text = strip_attribution(source)
            if len(_CJK.findall(text)) < MIN_CHARS:
                continue
            sentence = _Sentence(len(out), source, text, _bigrams(text))
            if _is_subhead(source, paragraph) or EDITORS_NOTE.match(paragraph):
                subheads.append(sentence)  # no lead: a subhead names a part, an editor's note the series
            else:
                out.append(sentence)
    return out or subheads


def _is_subhead(sentence: str, paragraph: str) -> bool:
    """A short paragraph of its own with no closing punctuation: a subhead (农机作业提速增效)."""
    return sentence == paragraph.strip() and len(sentence) <= SUBHEAD_CHARS and sentence[-1] not in _ENDS


def _bigrams(text: str) -> Counter:
    text = _NOT_WORD.sub("", text)
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def _centrality(grams: Counter, document: Counter, doc_norm2: int) -> float:
    """Cosine between a sentence and the rest of the article (so length alone does not count)."""
    own2 = sum(v * v for v in grams.values())
    dot_all = sum(v * document[k] for k, v in grams.items())
    dot_rest = dot_all - own2
    rest2 = doc_norm2 - 2 * dot_all + own2
    if dot_rest <= 0 or rest2 <= 0:
        return 0.0
    return dot_rest / math.sqrt(own2 * rest2)


def _norm(grams: Counter) -> float:
    return math.sqrt(sum(v * v for v in grams.values()))


def _cosine(a: Counter, b: Counter, b_norm: float | None = None) -> float:
    """Cosine of two bigram bags; pass ``b_norm`` when ``b`` is compared many times."""
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / (_norm(a) * (b_norm if b_norm is not None else _norm(b)))


def _overlap(a: Counter, b: Counter) -> float:
    """Share of the smaller sentence's bigrams that the other one also has."""
    if not a or not b:
        return 0.0
    return len(a.keys() & b.keys()) / min(len(a), len(b))
