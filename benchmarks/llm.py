"""The default model (packaged GGUF through llama.cpp) on real news, against the first sentence.

    nice python benchmarks/llm.py [--limit 200] [--clts 12] [--compare 40] [--examples-compare 80] [--per-article 10] [--day 60]
        [--threads 0] [--shared ../shared]

Data (read in place, never copied): ``$BRIEF_SHARED`` or ``../shared``: N xwlb items sampled with
a fixed seed (roundups skipped, the ``央视网消息（新闻联播）：`` tag taken off; the editor's title is
the reference of the one-line ``headline``) and the CLTS samples (reference summaries; scored as the
one-line headline, since the model's time per long article is what we can afford on two cores).
Prints Markdown tables: model assembly and load time; ROUGE F1 x 100 on characters, share of
summaries with every figure in the source (after the guard), share within the length asked, mean
length, seconds per item and what the guard did; key sentences vs whole text; and a day of N articles,
top 15 by the model, to a finished brief. The summary cache is off (a temporary directory) so every
figure is a cold run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.summarize import FirstSentence, clts_pairs, paired_interval, xwlb_pairs  # noqa: E402
from brief.config import defaults  # noqa: E402
from brief.evaluate import evaluate  # noqa: E402
from brief.summarize.extractive import ExtractiveSummarizer  # noqa: E402


THREADS = 0  # set from --threads


def _config(cache_root: Path, **summarize) -> dict:
    config = defaults()
    config["summarize"].update({"cache": False, "threads": THREADS, **summarize})
    config["summarize"]["cache_dir"] = str(cache_root)
    return config


def time_model_load(cache: Path) -> list[tuple[str, float]]:
    """First assembly from the part packages (into a scratch cache), then a load as on later runs."""
    from brief.llm.models import assemble, ensure_model, get_card
    from brief.llm.runtime import LlamaCppRuntime

    card = get_card()
    scratch = _config(cache / "scratch")
    start = time.perf_counter()
    assemble(card, scratch)
    first = time.perf_counter() - start
    (cache / "scratch" / "models" / card.file).unlink()
    user = defaults()  # the real user cache, where `brief models install` put the model
    start = time.perf_counter()
    path = ensure_model(card, user)
    LlamaCppRuntime(path, context=user["summarize"]["context"], threads=THREADS or os.cpu_count() or 1)
    later = time.perf_counter() - start
    return [("first use: assemble 22 parts + sha256", first), ("later runs: stamp check + llama.cpp load", later)]


def score(pairs, summarizer, kind: str, limit: int) -> dict:
    result = evaluate(pairs, summarizer, kind=kind).to_dict()
    summaries = summarizer.last if hasattr(summarizer, "last") else []
    result["within"] = sum(len(s.text) <= limit for s in summaries) / max(len(summaries), 1)
    result["cpu_per_item"] = getattr(summarizer, "cpu", 0.0) / max(len(pairs), 1)
    result["methods"] = Counter(s.method for s in summaries)
    return result


class Recording:
    """Keeps the summaries of the last batch so that length and guard actions can be counted."""

    def __init__(self, inner):
        self.inner, self.name, self.last, self.cpu = inner, inner.name, [], 0.0

    def summarize(self, articles, kind="summary"):
        start = time.process_time()
        self.last = self.inner.summarize(articles, kind=kind)
        self.cpu = time.process_time() - start
        return self.last


def row(data: str, system: str, r: dict) -> str:
    methods = ", ".join(f"{k} {v}" for k, v in sorted(r.get("methods", {}).items())) or "-"
    within = f"{r['within']:.0%}" if "within" in r and r.get("methods") else "-"
    return (f"| {data} | {system} | {r['rouge1']:.1f} | {r['rouge2']:.1f} | {r['rougeL']:.1f} | "
            f"{r['numbers_supported']:.0%} | {within} | {r['mean_len']:.1f} | {r['sec_per_item']:.2f} | "
            f"{r.get('cpu_per_item', 0):.2f} | {methods} |")


def day_articles(shared: Path, count: int) -> list[dict]:
    """``count`` consecutive non-roundup items (a few broadcast days), as a day's JSONL input."""
    rows = []
    with gzip.open(shared / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if not item.get("is_roundup") and item["date"] >= "20240901" and len(item["text"].strip()) > 40:
                rows.append({"title": item["title"], "text": item["text"], "source": "新闻联播",
                             "date": item["date"]})
            if len(rows) == count:
                break
    return rows


def time_day(shared: Path, count: int, cache: Path) -> list[tuple[str, float, dict]]:
    """The day's brief twice: a first morning (empty cache: the model assembled, every prompt
    evaluated), then a later morning (the summaries gone, the model and the kept prompt prefixes
    still in the cache directory, as a cron job finds them on a new day's news)."""
    import shutil

    from brief.pipeline import build_brief
    from brief.deliver.rendering import render

    path = cache / "day.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in day_articles(shared, count)),
                    encoding="utf-8")
    config = _config(cache / "day-cache", cache=True)  # a fresh, empty cache: the morning's first run
    config["brief"]["top"] = 15
    runs = []
    for label in ("first morning (empty cache)", "later morning (prefixes kept)"):
        shutil.rmtree(cache / "day-cache" / "summaries", ignore_errors=True)
        start = time.perf_counter()
        result = build_brief([str(path)], top=15, backend="llm", config=config)
        render(result.brief, "md", config)
        elapsed = time.perf_counter() - start
        methods = Counter(item.summary.method for item in result.brief.items)
        overview = result.brief.overview.method if result.brief.overview else "none"
        runs.append((label, elapsed, {"items": len(result.brief.items), "methods": dict(methods),
                                      "overview": overview, "notices": result.notices}))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="xwlb items (default 200, 0 = skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clts", type=int, default=12, help="CLTS samples (default 12 of 24)")
    parser.add_argument("--compare", type=int, default=40,
                        help="long xwlb items for key sentences vs whole text (0 = skip)")
    parser.add_argument("--examples-compare", type=int, default=0,
                        help="xwlb items for worked examples vs the instruction alone (0 = skip)")
    parser.add_argument("--per-article", type=int, default=10,
                        help="xwlb articles of about 600 characters timed one by one (0 = skip)")
    parser.add_argument("--day", type=int, default=60, help="articles in the day run (0 = skip)")
    parser.add_argument("--no-load", action="store_true", help="skip the model assembly/load timing")
    parser.add_argument("--threads", type=int, default=0, help="llama.cpp threads (0 = all cores)")
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("BRIEF_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()
    global THREADS
    THREADS = args.threads
    if not (args.shared / "eval").is_dir():
        sys.exit(f"llm.py: {args.shared}/eval not found (set --shared or BRIEF_SHARED)")
    from brief.summarize.llm import LLMSummarizer
    from brief.llm.runtime import llm_available

    reason = llm_available(defaults())
    if reason:
        sys.exit(f"llm.py: the default model cannot run here: {reason}")

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        print(f"cores: {os.cpu_count()}, llama.cpp threads: {THREADS or os.cpu_count()}, load average "
              f"{os.getloadavg()[0]:.1f} at start (s/item is wall time on a shared machine; CPU s/item "
              "counts this process only); ROUGE F1 x 100 on characters; figures = share of summaries "
              "with every figure in the source, after the guard.\n")
        if not args.no_load:
            print("| model load | seconds |\n|---|---|")
            for name, seconds in time_model_load(cache):
                print(f"| {name} | {seconds:.1f} |", flush=True)

        config = _config(cache)
        limit = config["summarize"]["headline_chars"]
        summary_limit = config["summarize"]["max_chars"]
        llm = Recording(LLMSummarizer(config))
        first = FirstSentence()
        extractive = ExtractiveSummarizer(config)
        print(f"\nxwlb: the one-line summary (headline, {limit} characters asked) against the editor's title; "
              f"CLTS: the brief's 2-3 sentence summary ({summary_limit} characters) against the reference "
              "summary. methods: llm = first output kept, llm-strict = regenerated after the guard, "
              "extractive = guard fallback\n")
        if args.limit or args.clts:
            print("| data | system | R-1 | R-2 | R-L | figures | within length | mean len | s/item | CPU s/item | methods |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
        sets = [(f"xwlb ({args.limit})", xwlb_pairs(args.shared, args.limit, args.seed), "headline", limit)
                ] if args.limit else []
        if args.clts:
            sets.append((f"CLTS ({args.clts})", clts_pairs(args.shared)[: args.clts], "summary", summary_limit))
        gains = []
        for data, pairs, kind, asked in sets:
            baseline = Recording(first)
            model = Recording(llm.inner)
            print(row(data, "first sentence", score(pairs, baseline, kind, asked)), flush=True)
            print(row(data, "extractive", score(pairs, extractive, kind, asked)), flush=True)
            print(row(data, "llm (packaged)", score(pairs, model, kind, asked)), flush=True)
            gains.append((data, paired_interval(model.last, baseline.last, pairs)))
        for data, (gain, low, high) in gains:
            print(f"\n{data}: llm minus first sentence, R-L {gain:+.1f} (paired bootstrap, 2,000 resamples: "
                  f"95% interval {low:+.1f} to {high:+.1f})")

        if args.compare:
            chars = config["summarize"]["headline_input_chars"]
            pairs = [p for p in xwlb_pairs(args.shared, max(args.limit, args.compare * 3), args.seed)
                     if len(p.text) > chars][: args.compare]
            print(f"\nkey sentences ({chars} characters, the default) vs whole text, {len(pairs)} xwlb items "
                  f"longer than {chars} characters:\n")
            print("| data | system | R-1 | R-2 | R-L | figures | within length | mean len | s/item | CPU s/item | methods |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            for label, budget in ((f"key sentences {chars}", chars), ("whole text", 0)):
                model = Recording(LLMSummarizer(_config(cache, headline_input_chars=budget)))
                model.inner.chat_model._runtime = llm.inner.runtime  # same loaded model
                print(row("xwlb long", label, score(pairs, model, "headline", limit)), flush=True)

        if args.examples_compare:
            pairs = xwlb_pairs(args.shared, args.examples_compare, args.seed)
            print(f"\nworked examples in the prompt vs the instruction alone, {len(pairs)} xwlb items, headline:\n")
            print("| data | system | R-1 | R-2 | R-L | figures | within length | mean len | s/item | CPU s/item | methods |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            bare = LLMSummarizer(config)
            bare.chat_model._runtime = llm.inner.runtime
            for prompt in bare.prompts.values():
                prompt.examples = []
            for label, model in (("with examples (default)", llm.inner), ("instruction only", bare)):
                print(row(f"xwlb ({len(pairs)})", label, score(pairs, Recording(model), "headline", limit)),
                      flush=True)

        if args.per_article:
            pairs = [p for p in xwlb_pairs(args.shared, 2000, args.seed + 1) if 550 <= len(p.text) <= 650]
            pairs = pairs[: args.per_article]
            print(f"\n{len(pairs)} xwlb articles of 550-650 characters (mean "
                  f"{sum(len(p.text) for p in pairs) / max(len(pairs), 1):.0f}), one at a time, model loaded:\n")
            print("| kind | s/article | CPU s/article | mean len | methods |\n|---|---|---|---|---|")
            for kind, asked in (("headline", limit), ("summary", summary_limit)):
                r = score(pairs, Recording(llm.inner), kind, asked)
                methods = ", ".join(f"{k} {v}" for k, v in sorted(r["methods"].items()))
                print(f"| {kind} | {r['sec_per_item']:.2f} | {r['cpu_per_item']:.2f} | {r['mean_len']:.1f} | "
                      f"{methods} |", flush=True)

        if args.day:
            print("\n| day run | articles | top by model | seconds | summaries | overview |\n|---|---|---|---|---|---|")
            for label, elapsed, info in time_day(args.shared, args.day, cache):
                print(f"| xwlb, ingest to rendered brief, {label} | {args.day} | {info['items']} | {elapsed:.1f} | "
                      f"{info['methods']} | {info['overview']} |", flush=True)
                if info["notices"]:
                    print("notices:", "; ".join(info["notices"]))


if __name__ == "__main__":
    main()
