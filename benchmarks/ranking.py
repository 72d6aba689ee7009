"""Ranking against editors: NDCG@5 and Kendall's tau on CCTV's evening news order; ranking speed.

For each day of ``items-dev.jsonl.gz`` with at least six items, the items are shuffled, made into
Articles (title without its column tag, text; no page, no position) and ranked; the broadcast order is
the editors' judgement. Gain of the item at broadcast position ``pos`` is ``n_items_day - pos + 1``.
Days up to 2023 are the training days of the learned weights, 2024 is held out.

    python benchmarks/ranking.py [--data ../shared/eval/xwlb/items-dev.jsonl.gz] [--learn]

``--learn`` refits the ``[learned]`` weights on the training days and rewrites that table of
``brief/rank/weights.toml`` before measuring.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import random
import re
import statistics
import sys
import time
from pathlib import Path

from brief.config import defaults
from brief.io import atomic_write
from brief.document import Article
from brief.rank import rank
from brief.rank.features import article_features
from brief.rank.learn import pairwise_weights
from brief.rank.weights import shipped

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "xwlb" / "items-dev.jsonl.gz"
WEIGHTS = ROOT / "brief" / "rank" / "weights.toml"
HOLDOUT_FROM = "20240101"
COLUMN_TAG = re.compile(r"^\s*(?:【[^】]*】|\[[^\]]*\])\s*")
BROADCAST_PREFIX = "央视网消息（新闻联播）："
CENTRAL_WORDS = ("习近平", "中共中央", "国务院", "全国人大", "全国政协", "中央军委", "党中央", "总书记")
# Features that may never count against a story (authority, scope, hard facts).
NONNEGATIVE = ("leader_title", "leader_lead", "leader_body", "leader_first", "premier",
               "national_leader", "central_title", "central_lead", "scope_national", "party_line",
               "commentary")


def load_days(path: Path) -> dict[str, list[dict]]:
    days: dict[str, list[dict]] = collections.defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            days[row["date"]].append(row)
    return {d: sorted(rows, key=lambda r: int(r["pos"])) for d, rows in sorted(days.items()) if len(rows) >= 6}


def to_article(row: dict) -> Article:
    text = row["text"].replace(BROADCAST_PREFIX, "", 1)
    return Article(title=COLUMN_TAG.sub("", row["title"]), source="新闻联播",
                   paragraphs=[p.strip() for p in text.split("\n") if p.strip()],
                   date=f"{row['date'][:4]}-{row['date'][4:6]}-{row['date'][6:]}")


def ndcg_at_5(order: list[int], n: int) -> float:
    """``order`` lists broadcast indices (0 = first aired) as ranked."""
    def gain(i: int) -> int:
        return n - i  # n_items_day - pos + 1 with pos = i + 1

    dcg = sum(gain(i) / math.log2(r + 2) for r, i in enumerate(order[:5]))
    ideal = sum(gain(i) / math.log2(r + 2) for r, i in enumerate(range(min(5, n))))
    return dcg / ideal


def kendall_tau(order: list[int]) -> float:
    n = len(order)
    concordant = sum(1 for a in range(n) for b in range(a + 1, n) if order[a] < order[b])
    pairs = n * (n - 1) / 2
    return (2 * concordant - pairs) / pairs


def evaluate(days: dict[str, list[dict]], ranker, seed: int = 0) -> tuple[float, float]:
    rng = random.Random(seed)
    ndcgs, taus = [], []
    for rows in days.values():
        shuffled = list(range(len(rows)))
        rng.shuffle(shuffled)
        order = ranker([rows[i] for i in shuffled])
        order = [shuffled[i] for i in order]
        ndcgs.append(ndcg_at_5(order, len(rows)))
        taus.append(kendall_tau(order))
    return statistics.fmean(ndcgs), statistics.fmean(taus)


def by_key(key):
    def ranker(rows):
        return sorted(range(len(rows)), key=lambda i: -key(rows[i]))
    return ranker


def brief_ranker(config):
    """Rank with ``brief.rank``; a group's other tellings follow its lead article."""
    def ranker(rows):
        articles = [to_article(r) for r in rows]
        index = {id(a): i for i, a in enumerate(articles)}
        order = []
        for item in rank(articles, config=config, date=articles[0].date):
            order.append(index[id(item.article)])
            order.extend(index[id(a)] for a in item.related)
        return order
    return ranker


def learn(days: dict[str, list[dict]]) -> dict[str, float]:
    train = [[article_features(to_article(r)) for r in rows] for d, rows in days.items() if d < HOLDOUT_FROM]
    names = [n for n in train[0][0] if n not in shipped().get("set", {})]
    fixed = {n: v for n, v in shipped().get("set", {}).items() if n in train[0][0]}
    learned = pairwise_weights(train, [*names, *fixed], fixed=fixed, nonnegative=NONNEGATIVE,
                               steps=2000, rate=1.0)
    return {n: learned[n] for n in names}


def write_learned(learned: dict[str, float], note: str) -> None:
    text = WEIGHTS.read_text(encoding="utf-8")
    head = text[: text.index("\n[learned]\n")]
    lines = [f"{name} = {value}" for name, value in learned.items()]
    atomic_write(WEIGHTS, head + "\n[learned]\n" + f"# {note}\n" + "\n".join(lines) + "\n")


def speed(days: dict[str, list[dict]], config, n: int = 500, repeats: int = 5) -> float:
    rows = [r for day in days.values() for r in day][:n]
    articles = [to_article(r) for r in rows]
    rank(articles[:10], config=config)  # imports and warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        rank(articles, config=config)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def false_joins(days: dict[str, list[dict]], threshold: float) -> tuple[int, int]:
    """Same-day pairs the grouping would join: a broadcast's items are, by design, different stories."""
    from brief.rank.group import Sketch, signatures, similar_pairs, story_text

    joined = pairs = 0
    for rows in days.values():
        values = signatures([Sketch.of(story_text(to_article(r))) for r in rows])
        n = len(rows)
        pairs += n * (n - 1) // 2
        joined += len(similar_pairs(values, threshold=threshold)[0])
    return joined, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--learn", action="store_true", help="refit the [learned] weights first")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data}: not found (pass --data)")
    days = load_days(args.data)
    train = {d: r for d, r in days.items() if d < HOLDOUT_FROM}
    held = {d: r for d, r in days.items() if d >= HOLDOUT_FROM}
    if args.learn:
        write_learned(learn(days), f"fitted on {len(train)} days {min(train)}-{max(train)}")

    config = defaults()
    scores_only = defaults()
    scores_only["rank"].update(group=False, diversity=1.0)
    systems = {
        "random": lambda rows: random.Random(len(rows)).sample(range(len(rows)), len(rows)),
        "longest first": by_key(lambda r: len(r["text"])),
        "central words in first 300 chars": by_key(
            lambda r: sum(r["text"][:300].count(w) for w in CENTRAL_WORDS)),
        "brief.rank, score only": brief_ranker(scores_only),
        "brief.rank, default (grouping + MMR)": brief_ranker(config),
    }
    print(f"days with >= 6 items: train {len(train)} (to 2023), held out {len(held)} (2024)\n")
    print("| system | NDCG@5 train | tau train | NDCG@5 held out | tau held out |")
    print("|---|---|---|---|---|")
    for name, ranker in systems.items():
        tn, tt = evaluate(train, ranker)
        hn, ht = evaluate(held, ranker)
        print(f"| {name} | {tn:.3f} | {tt:.3f} | {hn:.3f} | {ht:.3f} |")
    print()
    threshold = config["rank"]["group_threshold"]
    joined, pairs = false_joins(days, threshold)
    print(f"grouping at {threshold}: {joined} of {pairs} same-day pairs joined ({joined / pairs:.2%})")
    for label, cfg in (("scores only", scores_only), ("default", config)):
        print(f"rank 500 articles ({label}): {speed(days, cfg) * 1000:.0f} ms (median of 5, one process)")


if __name__ == "__main__":
    main()
