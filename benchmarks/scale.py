"""Ingest + group + rank at scale: 500, 5,000 and 50,000 generated articles, seconds and peak memory.

Articles are generated from the single-story xwlb items (``../shared/eval/xwlb/items-dev.jsonl.gz``,
read by path, or ``--data``): each item is told by one to seven papers, each telling keeping the
title and lead and dropping some later sentences, so that the day has real same-story groups (the
xwlb items alone are, by design, all different). They are written as JSON Lines files of 2,500
records (a large feed each, under ``max_file_mb``), then each size runs in a fresh process on one
thread: ``read_inputs`` (decode, parse, clean), then ``rank`` (features, MinHash sketches, grouping,
MMR), with and without a history of 7 earlier briefs of 2,000 stories each.

    python benchmarks/scale.py [--sizes 500 5000 50000] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "xwlb" / "items-dev.jsonl.gz"
PAPERS = [f"{place}{kind}" for place in ("晋城", "太原", "长治", "大同", "临汾", "运城", "吕梁", "忻州")
          for kind in ("日报", "晚报", "都市报", "新闻网", "广播电视台")]
PER_FILE = 2500
DATE = "2024-10-18"
THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS")


def telling(item: dict, rng: random.Random) -> dict:
    """One paper's version of an item: the title and lead kept, each later sentence kept with p 0.8."""
    sentences = [s + "。" for p in item["paragraphs"] for s in p.split("。") if s.strip()]
    kept = sentences[:1] + [s for s in sentences[1:] if rng.random() < 0.8]
    return {"title": item["title"], "text": "".join(kept), "source": rng.choice(PAPERS), "date": DATE}


def generate(n: int, items: list[dict], seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    order = rng.sample(items, len(items))
    records: list[dict] = []
    while len(records) < n:
        item = order[len(records) % len(order)]
        records.extend(telling(item, rng) for _ in range(min(rng.randint(1, 7), n - len(records))))
    return rng.sample(records, len(records))


def write(records: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True)
    for start in range(0, len(records), PER_FILE):
        lines = (json.dumps(r, ensure_ascii=False) for r in records[start:start + PER_FILE])
        (folder / f"feed{start // PER_FILE:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(folder: Path, history_size: int) -> dict:
    """Runs in the worker process: the timings and this process's peak memory."""
    from brief.config import defaults
    from brief.rank.history import History
    from brief.ingest import read_inputs
    from brief.rank import rank

    config = defaults()
    start = time.perf_counter()
    articles = read_inputs([str(folder)], strict=True, config=config).articles
    ingest = time.perf_counter() - start
    start = time.perf_counter()
    items = rank(articles, config=config, date=DATE)
    ranked = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp, History(Path(tmp) / "history.sqlite3") as store:
        for day in range(1, 8):  # a week of earlier briefs, drawn from the same stories
            store.record(f"2024-10-{18 - day:02d}", [i.article for i in items[day::7][:history_size]])
        start = time.perf_counter()
        rank(articles, config=config, date=DATE, history=store)
        with_history = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"articles": len(articles), "stories": len(items), "ingest": ingest, "rank": ranked,
            "rank_history": with_history, "peak_mb": peak_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 50000])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--history", type=int, default=2000, help="stories per earlier brief")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker, args.history)))
        return
    if not args.data.is_file():
        sys.exit(f"{args.data}: not found (pass --data)")
    from benchmarks.pagegen import load_items

    items = load_items(args.data)
    env = {**os.environ, **{name: "1" for name in THREADS}}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    print(f"{len(items)} xwlb items; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| articles | stories | ingest s | rank s | rank with history s | total s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            write(generate(n, items), folder)
            out = subprocess.run([sys.executable, __file__, "--worker", str(folder), "--history", str(args.history)],
                                 env=env, capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            print(f"| {r['articles']:,} | {r['stories']:,} | {r['ingest']:.1f} | {r['rank']:.1f} | "
                  f"{r['rank_history']:.1f} | {r['ingest'] + r['rank']:.1f} | {r['peak_mb']:.0f} |", flush=True)
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
