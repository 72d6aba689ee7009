"""Does the 2-3 sentence summary tell the reader what the title does not? Per backend, same items.

    nice python benchmarks/informativeness.py [--xwlb 60] [--clts 12] [--seed 5] [--candidates]
        [--no-llm] [--lead-only] [--per-article N] [--cli N] [--threads 0] [--shared ../shared]

xwlb items (roundups skipped, sampled with a fixed seed) as the brief shows them: the editor's title
printed above the summary. For each system (the first two sentences, the extractive backend, the
packaged model, and with ``--candidates`` the model choosing among candidates) in the same run:

- restates: share of summaries with under 30% of their character bigrams new against the title
  (``brief.summarize.informative.novelty``);
- lead figure: share keeping a key figure of the article's first two sentences, over the items that
  have one (``keeps_a_lead_figure``);
- figures: share of summaries with every figure in the source (the guard's figure matching);
- on the CLTS samples (no titles; long articles with multi-sentence references): ROUGE-1/2/L F1 x 100
  on characters of the summary against the reference;
- mean length, seconds per item (wall clock, the model loaded before timing), how the model's
  summaries were made (kept, regenerated, replaced by extractive, chosen among candidates).

The summary cache is off (a temporary directory). Data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.summarize import clts_pairs  # noqa: E402
from brief.config import defaults  # noqa: E402
from brief.evaluate import rouge_chars  # noqa: E402
from brief.document import Article, Evidence, Summary  # noqa: E402
from brief.summarize.guard import unsupported_figures  # noqa: E402
from brief.summarize.informative import MIN_NOVELTY, keeps_a_lead_figure, lead_figures, novelty  # noqa: E402
from brief.zh import split_sentences, strip_source_tag  # noqa: E402


class FirstTwoSentences:
    name = "first two sentences"

    def summarize(self, articles, kind="summary"):
        out = []
        for article in articles:
            text = "".join(split_sentences(article.body)[:2])
            out.append(Summary(text, self.name, [Evidence(text, [text])]))
        return out


def xwlb_articles(shared: Path, limit: int, seed: int, lead_only: bool = False) -> list[Article]:
    rows = []
    with gzip.open(shared / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("is_roundup") and row.get("title") and len(row.get("text", "").strip()) > 40:
                rows.append(row)
    random.Random(seed).shuffle(rows)
    articles: list[Article] = []
    for row in rows[: 0 if limit <= 0 else len(rows)]:
        article = Article(title=row["title"].strip(), source="新闻联播",
                          paragraphs=[p.strip() for p in strip_source_tag(row["text"]).splitlines() if p.strip()])
        if not lead_only or lead_figures(article):
            articles.append(article)
        if len(articles) == limit:
            break
    return articles


def informativeness(articles: list[Article], summaries: list[Summary]) -> dict:
    restates = sum(novelty(s.text, a.title) < MIN_NOVELTY for a, s in zip(articles, summaries))
    with_lead = [(a, s) for a, s in zip(articles, summaries) if lead_figures(a)]
    keeps = sum(keeps_a_lead_figure(s.text, lead_figures(a)) for a, s in with_lead)
    supported = sum(not unsupported_figures(s.text, f"{a.title}\n{a.body}") for a, s in zip(articles, summaries))
    return {"restates": restates / len(articles), "lead": keeps / max(len(with_lead), 1),
            "lead_n": len(with_lead), "figures": supported / len(articles),
            "len": sum(len(s.text) for s in summaries) / len(summaries)}


def rouge(articles: list[Article], references: list[str], summaries: list[Summary]) -> dict:
    scores = [rouge_chars(s.text, ref) for s, ref in zip(summaries, references)]
    return {k: sum(s[k] for s in scores) / len(scores) for k in ("rouge1", "rouge2", "rougeL")}


def run(system, articles: list[Article]) -> tuple[list[Summary], float]:
    start = time.perf_counter()
    summaries = system.summarize(articles, kind="summary")
    return summaries, (time.perf_counter() - start) / max(len(articles), 1)


def methods(summaries: list[Summary]) -> str:
    counts = Counter()
    for s in summaries:
        action = (s.guard or {}).get("action")
        counts[f"{s.method}" + (f" ({action})" if action and s.guard.get("check") != "candidates" else "")
               if not (s.guard or {}).get("check") == "candidates" else action] += 1
    return "; ".join(f"{k}: {v}" for k, v in counts.most_common())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xwlb", type=int, default=60)
    parser.add_argument("--clts", type=int, default=12)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--candidates", action="store_true", help="also the model choosing among candidates")
    parser.add_argument("--no-llm", action="store_true", help="baselines only")
    parser.add_argument("--lead-only", action="store_true",
                        help="sample only items whose first two sentences carry a key figure")
    parser.add_argument("--per-article", type=int, default=0,
                        help="time N xwlb articles of 550-650 characters one by one, model loaded (0 = skip)")
    parser.add_argument("--cli", type=int, default=0,
                        help="time `brief summarize FILE` on N such articles, each a new process, "
                             "without and with the kept prompt prefix (0 = skip)")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--input-chars", type=int, default=None,
                        help="what the model reads for the summary (default: summarize.input_chars)")
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("BRIEF_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"informativeness.py: {args.shared}/eval not found (set --shared or BRIEF_SHARED)")
    from brief.summarize import get_summarizer

    with tempfile.TemporaryDirectory() as cache:
        config = defaults()
        config["summarize"].update(cache=False, cache_dir=cache, threads=args.threads)
        if args.input_chars is not None:
            config["summarize"]["input_chars"] = args.input_chars
        systems = [FirstTwoSentences(), get_summarizer("extractive", config)]
        if not args.no_llm:
            from brief.llm.runtime import llm_available

            reason = llm_available(config)
            if reason:
                sys.exit(f"informativeness.py: {reason}")
            model = get_summarizer("llm", config)
            model.runtime  # load before timing
            systems.append(model)
            if args.candidates:
                chooser = get_summarizer("llm", {**config, "summarize": {**config["summarize"], "candidates": 2}})
                chooser.chat_model._runtime = model.runtime
                chooser.name = "llm"
                systems.append(chooser)
        if args.per_article or args.cli:
            timing(args, config, systems[-1] if not args.no_llm else None, Path(cache))
            return
        articles = xwlb_articles(args.shared, args.xwlb, args.seed, args.lead_only)
        pairs = clts_pairs(args.shared)[: args.clts]
        clts = [p.article() for p in pairs]
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)\n")
        print(f"xwlb: {len(articles)} items (seed {args.seed}{', only items with a lead figure' * args.lead_only}), "
              f"title printed above the summary; "
              f"CLTS: {len(clts)} samples\n")
        print("| system | restates title | keeps a lead figure | figures supported | mean len | s/item "
              "| CLTS R-1 | R-2 | R-L | CLTS len | CLTS s/item | how |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for i, system in enumerate(systems):
            label = system.name + (" (choosing among candidates)" if getattr(system, "candidates", 1) > 1 else "")
            made, seconds = run(system, articles) if articles else ([], 0.0)
            info = informativeness(articles, made) if articles else {}
            long_made, long_seconds = run(system, clts) if clts else ([], 0.0)
            scores = rouge(clts, [p.reference for p in pairs], long_made) if clts else {}
            long_len = sum(len(s.text) for s in long_made) / max(len(long_made), 1)
            how = methods(made + long_made) if system.name == "llm" else "-"
            print(f"| {label} | {info.get('restates', 0):.0%} | {info.get('lead', 0):.0%} "
                  f"(of {info.get('lead_n', 0)}) | {info.get('figures', 0):.0%} | {info.get('len', 0):.1f} | "
                  f"{seconds:.2f} | {scores.get('rouge1', 0):.1f} | {scores.get('rouge2', 0):.1f} | "
                  f"{scores.get('rougeL', 0):.1f} | {long_len:.1f} | {long_seconds:.2f} | {how} |", flush=True)
            if os.environ.get("BRIEF_DUMP"):
                for a, s in zip(articles + clts, made + long_made):
                    print(f"  [{s.method}] {a.title} || {s.text} || {(s.guard or {}).get('problems')}",
                          file=sys.stderr)
        print(f"\nload average after: {os.getloadavg()[0]:.2f}")


def six_hundred(shared: Path, count: int) -> list[Article]:
    """``count`` xwlb articles of 550-650 characters (a fixed seed)."""
    return [a for a in xwlb_articles(shared, 3000, 11) if 550 <= len(a.body) <= 650][:count]


def timing(args, config: dict, model, cache: Path) -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)\n")
    if args.per_article and model is not None:
        # As `brief daily` runs: the summary cache on (every article is new to it) so that each
        # prompt's evaluated prefix is kept and a strict retry does not evaluate two prefixes again.
        from brief.summarize import get_summarizer

        runtime = model.runtime
        model = get_summarizer("llm", {**config, "summarize": {**config["summarize"], "cache": True}})
        model.chat_model._runtime = runtime
        articles = six_hundred(args.shared, args.per_article + 1)
        counts = count_tokens(runtime)
        # The shared prefixes (instructions, examples) are evaluated here, the strict prompt's too:
        # `brief daily` keeps both in the cache directory after its first morning (since summary
        # prompt v6 the retry continues the plain prompt's conversation and no longer needs the
        # strict one's; it is still evaluated so that runs of older code compare alike).
        model.summarize(articles[:1])
        model._run([model._request(articles[0], "summary", model.limits["summary"])], strict=True)
        seconds, cpu, lengths, retried = [], [], [], 0
        counts.update(prompt=0, generated=0)
        retries = count_retries(model, counts)
        for article in articles[1:]:
            start, start_cpu = time.perf_counter(), time.process_time()
            (summary,) = model.summarize([article])
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            lengths.append(len(summary.text))
            retried += bool(summary.guard)
        # On a shared machine the wall clock measures the neighbours too: CPU seconds (all threads
        # together) say what the work costs, and the tokens (deterministic: greedy decoding) what
        # it has to do: prompt tokens evaluated (what the kept prefix did not cover) and generated.
        n = len(seconds)
        print(f"| 2-3 sentence summary, {n} articles of 550-650 characters | "
              f"{sum(seconds) / n:.2f} s/article wall (min {min(seconds):.2f}, max {max(seconds):.2f}), "
              f"{sum(cpu) / n:.2f} CPU s | mean length {sum(lengths) / n:.1f} | "
              f"{counts['prompt'] / n:.0f} prompt tokens evaluated, {counts['generated'] / n:.0f} generated "
              f"per article; {retried} of {n} sent back by a check |")
        if retries["requests"]:
            print(f"| the retries alone | {retries['prompt'] / retries['requests']:.0f} prompt tokens evaluated, "
                  f"{retries['generated'] / retries['requests']:.0f} generated per retry "
                  f"({retries['requests']} retries, {retries['seconds'] / retries['requests']:.2f} s wall each) |")
    if args.cli:
        import subprocess

        articles = six_hundred(args.shared, args.cli)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for label, keep in (("each call from scratch", False), ("prefix kept in the cache directory", True)):
            seconds = []
            for i, article in enumerate(articles):
                home = cache / ("kept" if keep else f"fresh{i}")
                path = cache / f"a{i}.txt"
                path.write_text(f"{article.title}\n\n{article.body}\n", encoding="utf-8")
                (home).mkdir(exist_ok=True)
                toml = home / "brief.toml"
                toml.write_text(f'[summarize]\ncache_dir = "{home}"\nthreads = {args.threads}\n'
                                f'model_path = "{model_file()}"\n', encoding="utf-8")
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "brief", "summarize", str(path), "--backend", "llm",
                                "--config", str(toml)], env=env, check=True, capture_output=True)
                seconds.append(time.perf_counter() - start)
            warm = seconds[1:] if keep else seconds
            print(f"| `brief summarize FILE`, {label} | {sum(warm) / len(warm):.2f} s/call "
                  f"({', '.join(f'{x:.1f}' for x in seconds)}) |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


def count_tokens(runtime) -> dict:
    """Count the tokens llama.cpp evaluates: a batch of several is prompt, one at a time generated."""
    counts = {"prompt": 0, "generated": 0}
    llm = getattr(runtime, "llm", None)
    if llm is None:
        return counts
    evaluate = llm.eval

    def counting(tokens):
        counts["prompt" if len(tokens) > 1 else "generated"] += len(tokens)
        return evaluate(tokens)

    llm.eval = counting
    return counts


def count_retries(model, counts: dict) -> dict:
    """What the retries (``_generate`` with ``strict``) cost: requests, tokens, wall seconds."""
    retries = {"requests": 0, "prompt": 0, "generated": 0, "seconds": 0.0}
    generate = model._generate

    def counting(requests, strict):
        if not strict:
            return generate(requests, strict)
        before, start = dict(counts), time.perf_counter()
        out = generate(requests, strict)
        retries["seconds"] += time.perf_counter() - start
        retries["requests"] += len(requests)
        retries["prompt"] += counts["prompt"] - before["prompt"]
        retries["generated"] += counts["generated"] - before["generated"]
        return out

    model._generate = counting
    return retries


def model_file() -> Path:
    from brief.llm.models import ensure_model, get_card

    return ensure_model(get_card(), defaults())


if __name__ == "__main__":
    main()
