"""Summaries per minute: the in-process llama.cpp backend against local OpenAI-compatible servers.

The packaged model summarizes the same articles (single-story xwlb items, fixed seed; ``--articles``,
60 by default) in-process (``llm`` backend, all cores) and through ``server`` backends: one server
process with all cores, and two with the cores split between them, each with 1, 2 and 4 requests in
flight. The cache is off; model loading and one warm-up request per process are not timed. Every
served summary is compared with the in-process one (greedy decoding: they should be identical), and
the servers' token counts give the per-article cost that ``docs/scaling.md`` projects from.

    python benchmarks/server.py [--articles 60] [--in-flight 1 2 4] [--servers 1 2]

Needs the llm and serve extras. The machine's load is printed: other jobs share the cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "summarize"))
from test_server import start_llama_server, stop  # noqa: E402  (the tests' way to start a server)

from benchmarks.pagegen import load_items  # noqa: E402
from brief.config import defaults  # noqa: E402
from brief.document import Article  # noqa: E402
from brief.summarize import get_summarizer  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "xwlb" / "items-dev.jsonl.gz"


def articles(path: Path, n: int, seed: int = 5) -> list[Article]:
    items = random.Random(seed).sample(load_items(path), n + 1)
    return [Article(title=i["title"], paragraphs=i["paragraphs"], source="新闻联播") for i in items]


def timed(summarizer, batch: list[Article]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    texts = [s.text for s in summarizer.summarize(batch)]
    return time.perf_counter() - start, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--servers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    from brief.llm.models import ensure_model, get_card

    cores = os.cpu_count() or 1
    config = defaults()
    config["summarize"].update(cache=False, threads=cores)
    card = get_card()
    model = ensure_model(card, config)
    warm, *batch = articles(args.data, args.articles)
    print(f"{len(batch)} articles, model {card.name}, {cores} cores; load average {os.getloadavg()[0]:.1f}\n")
    print("| backend | processes x threads | in flight | seconds | articles/min | same text as in-process |")
    print("|---|---|---|---|---|---|")
    llm = get_summarizer("llm", config)
    llm.summarize([warm])
    seconds, reference = timed(llm, batch)
    print(f"| llm (in-process) | 1 x {cores} | 1 | {seconds:.0f} | {len(batch) * 60 / seconds:.1f} | - |", flush=True)
    del llm
    usage = None
    for count in args.servers:
        threads = max(1, cores // count)
        started = [start_llama_server(model, alias=card.name, context=config["summarize"]["context"],
                                      threads=threads) for _ in range(count)]
        try:
            urls = [url for _, url in started]
            for url in urls:
                server_config = defaults()
                server_config["summarize"].update(cache=False)
                server_config["summarize"]["server"].update(url=url)
                get_summarizer("server", server_config).summarize([warm])
            for in_flight in args.in_flight:
                server_config = defaults()
                server_config["summarize"].update(cache=False)
                server_config["summarize"]["server"].update(url=urls, max_in_flight=in_flight)
                summarizer = get_summarizer("server", server_config)
                seconds, texts = timed(summarizer, batch)
                same = sum(a == b for a, b in zip(texts, reference))
                usage = summarizer.runtime.usage
                print(f"| server | {count} x {threads} | {in_flight} | {seconds:.0f} | "
                      f"{len(batch) * 60 / seconds:.1f} | {same} of {len(batch)} |", flush=True)
        finally:
            for process, _ in started:
                stop(process)
    if usage:
        per = {k: v / len(batch) for k, v in usage.items()}
        print(f"\nper article (last run, strict retries included): {per['requests']:.2f} requests, "
              f"{per['prompt_tokens']:.0f} prompt tokens, {per['completion_tokens']:.0f} completion tokens")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
