"""The extractive summarizer against the two baselines it must beat, on real news.

    python benchmarks/summarize.py [--limit 200] [--shared ../shared] [--seed 0]

Data (read in place, never copied): ``$BRIEF_SHARED`` or ``../shared`` relative to the repository,
``eval/xwlb/items-dev.jsonl.gz`` (N items sampled with a fixed seed, 联播快讯 roundups skipped; the
editor's title is the reference) and the 12 samples of ``eval/clts`` (reference summaries).
Systems: the first sentence; the TextRank top sentence (PageRank over character-bigram cosine);
``extractive`` for the one-line ``headline`` and the 2-3 sentence ``summary``. Scores are ROUGE F1 x
100 on characters, the share of summaries whose every figure is in the source, the mean length, and
articles per second on one core (summarizing only, best of three passes). Prints a Markdown table,
then the paired gain of the headline over the first sentence and how often the faithfulness guard
rejects the editors' own titles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.config import defaults  # noqa: E402
from brief.evaluate import Pair, evaluate, load_pairs, make_pair, rouge_chars  # noqa: E402
from brief.document import Article, Evidence, Summary  # noqa: E402
from brief.summarize.extractive import ExtractiveSummarizer  # noqa: E402
from brief.zh import split_sentences  # noqa: E402


class FirstSentence:
    """Baseline: the article's first sentence, as printed."""

    name = "first sentence"

    def summarize(self, articles: Sequence[Article], kind: str = "headline") -> list[Summary]:
        out = []
        for article in articles:
            sentences = split_sentences(article.body)
            text = sentences[0] if sentences else ""
            out.append(Summary(text, self.name, [Evidence(text, [text])]))
        return out


class TextRankTop:
    """Baseline: classic TextRank (PageRank over sentence similarity), its top sentence."""

    name = "TextRank top sentence"

    def summarize(self, articles: Sequence[Article], kind: str = "headline") -> list[Summary]:
        return [self._one(split_sentences(a.body)) for a in articles]

    def _one(self, sentences: list[str]) -> Summary:
        if not sentences:
            return Summary("", self.name)
        grams = [_bigrams(s) for s in sentences]
        n = len(sentences)
        weights = [[_cosine(grams[i], grams[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
        out_sum = [sum(row) or 1.0 for row in weights]
        score = [1.0] * n
        for _ in range(30):
            score = [0.15 + 0.85 * sum(weights[j][i] * score[j] / out_sum[j] for j in range(n)) for i in range(n)]
        best = sentences[max(range(n), key=lambda i: score[i])]
        return Summary(best, self.name, [Evidence(best, [best])])


def _bigrams(text: str) -> Counter:
    chars = [c for c in text if c.isalnum()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def articles_per_second(summarizer, articles: list[Article], kind: str) -> float:
    """Best of three timed passes over at least 200 articles (the machine may be shared)."""
    batch = articles * max(1, math.ceil(200 / len(articles)))
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        summarizer.summarize(batch, kind=kind)
        best = max(best, len(batch) / (time.perf_counter() - start))
    return best


def xwlb_pairs(shared: Path, limit: int, seed: int) -> list[Pair]:
    rows = []
    with gzip.open(shared / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("is_roundup"):
                rows.append(row)
    random.Random(seed).shuffle(rows)
    pairs = []
    for row in rows:
        pair = make_pair(row.get("text", ""), row.get("title", ""))
        if pair is not None:
            pairs.append(pair)
        if len(pairs) == limit:
            break
    return pairs


def clts_pairs(shared: Path) -> list[Pair]:
    folder = shared / "eval" / "clts"
    return load_pairs(folder / "clts_samples.jsonl") + load_pairs(folder / "clts_plus_samples.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="xwlb items (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the xwlb sample")
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("BRIEF_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"summarize.py: {args.shared}/eval not found (set --shared or BRIEF_SHARED)")

    extractive = ExtractiveSummarizer(defaults())
    systems = [
        ("first sentence", FirstSentence(), "headline"),
        ("TextRank top sentence", TextRankTop(), "headline"),
        ("extractive, headline", extractive, "headline"),
        ("extractive, summary", extractive, "summary"),
    ]
    datasets = [(f"xwlb ({args.limit})", xwlb_pairs(args.shared, args.limit, args.seed)),
                ("CLTS (12)", clts_pairs(args.shared))]
    print("ROUGE F1 x 100 on characters; figures = share of summaries with every figure in the source.\n")
    print("| data | system | R-1 | R-2 | R-L | figures | mean len | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    for data_name, pairs in datasets:
        for name, summarizer, kind in systems:
            r = evaluate(pairs, summarizer, kind=kind)
            speed = articles_per_second(summarizer, [p.article() for p in pairs], kind)
            print(f"| {data_name} | {name} | {r.rouge1:.1f} | {r.rouge2:.1f} | {r.rougeL:.1f} | "
                  f"{r.numbers_supported:.0%} | {r.mean_len:.0f} | {speed:,.0f} |")
    gain, low, high = paired_gain(datasets[0][1], extractive, FirstSentence())
    print(f"\nxwlb, extractive headline minus first sentence: R-L {gain:+.1f} "
          f"(paired bootstrap, 2,000 resamples: 95% interval {low:+.1f} to {high:+.1f})")
    flagged, kinds = guard_alarms(datasets[0][1])
    print(f"guard on the editors' own titles against their articles: "
          f"{flagged} of {len(datasets[0][1])} flagged ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")


def guard_alarms(pairs: list[Pair]) -> tuple[int, Counter]:
    """How many references the guard rejects against their own article, and for what."""
    from brief.summarize.guard import check_summary

    flagged, kinds = 0, Counter()
    for pair in pairs:
        report = check_summary(pair.reference, pair.text)
        flagged += not report.ok
        kinds.update(problem[:2] for problem in report.problems)
    return flagged, kinds


def paired_gain(pairs: list[Pair], ours, baseline) -> tuple[float, float, float]:
    """Mean per-item R-L difference (headline kind) and its bootstrap 95% interval."""
    articles = [p.article() for p in pairs]
    return paired_interval(ours.summarize(articles, kind="headline"),
                           baseline.summarize(articles, kind="headline"), pairs)


def paired_interval(ours: list[Summary], baseline: list[Summary], pairs: list[Pair]) -> tuple[float, float, float]:
    """Mean per-item R-L difference of two systems' summaries of ``pairs``, with the 95% interval
    of 2,000 paired bootstrap resamples."""
    diffs = [rouge_chars(a.text, p.reference)["rougeL"] - rouge_chars(b.text, p.reference)["rougeL"]
             for a, b, p in zip(ours, baseline, pairs)]
    rng = random.Random(0)
    means = sorted(sum(rng.choices(diffs, k=len(diffs))) / len(diffs) for _ in range(2000))
    return sum(diffs) / len(diffs), means[49], means[1949]


if __name__ == "__main__":
    main()
