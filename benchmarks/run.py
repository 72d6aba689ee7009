"""Us against the tools our users would otherwise pick, on the same inputs, in one run.

    python -m benchmarks [--quick] [--limit N] [--pages N] [--no-llm] [--out FILE]

Inputs (read from ``../shared`` or ``$BRIEF_SHARED``, never copied): xwlb items with the editor's title
as the reference, the CLTS samples with their reference summaries, and newspaper pages made by
``benchmarks.pagegen`` from xwlb items (raw page text: every system gets the page as a user has it).
Each system runs in its own process (see ``benchmarks.peers``); this module scores what they wrote,
times the end-to-end brief of the seed page, and prints one Markdown report (also written to ``--out``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.peers import SYSTEMS, System

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PEERS_PYTHON = Path("/work/peers-venv/bin/python")
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "RESULTS.md"

# What a reader must never see in a summary: the furniture of a printed page.
JUNK = {
    "dateline": re.compile(r"本报\s*\S{0,8}?\s*\d+\s*月\s*\d+\s*日\s*(?:电|讯)|新华社\S{0,6}\d+\s*月\s*\d+\s*日\s*电"),
    "byline": re.compile(r"(?:本报|特约|见习)?记者\s*[\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})*\s*(?:）|\)|$|\n)"
                         r"|^\s*[（(]?\s*记者\s"),
    "jump": re.compile(r"[（(]\s*[上下]\s*转\s*第|[（(]\s*[上下]\s*接\s*第|转\s*第\s*\d+\s*版"),
    "caption": re.compile(r"\s摄\s*$|摄影[:：]|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,3}\s*摄"),
}


def junk_kinds(text: str) -> list[str]:
    return [kind for kind, pattern in JUNK.items() if pattern.search(text)]


# --- inputs -----------------------------------------------------------------------------------

def shared_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("BRIEF_SHARED") or ROOT.parent / "shared")


def load_xwlb(shared: Path, limit: int, seed: int = 7) -> list[dict]:
    """``limit`` single-story items (no roundups), sampled across the whole period, fixed by ``seed``.

    Cleaned as ``brief eval`` cleans them: broadcaster tag off the text, column tag off the title.
    """
    from brief.evaluate import make_pair

    with gzip.open(shared / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rows = [r for r in rows if not r["is_roundup"]]
    items = []
    for row in random.Random(seed).sample(rows, min(limit, len(rows))):
        pair = make_pair(row["text"], row["title"])
        if pair:
            items.append({"id": f"{row['date']}-{row['pos']}", "text": pair.text, "ref": pair.reference})
    return items


def load_clts(shared: Path) -> list[dict]:
    """The CLTS and CLTS+ samples, each with its original CLTS reference summary."""
    from brief.evaluate import load_pairs

    items = []
    for name in ("clts_samples.jsonl", "clts_plus_samples.jsonl"):
        for i, pair in enumerate(load_pairs(shared / "eval" / "clts" / name)):
            items.append({"id": f"{name.split('_samples')[0]}-{i}", "text": pair.text, "ref": pair.reference})
    return items


def load_pages(shared: Path, n: int, seed: int = 11) -> dict[str, list[dict]]:
    """Generated pages per headline position, with their truth (titles as references, bodies)."""
    from benchmarks.pagegen import AFTER, BEFORE, generate_pages, load_items
    from brief.evaluate import make_pair

    xwlb = load_items(shared / "eval" / "xwlb" / "items-dev.jsonl.gz")
    out = {}
    for position in (AFTER, BEFORE):
        items = []
        for i, page in enumerate(generate_pages(n, position, seed, items=xwlb)):
            stories = [t for t in page.truth if t.kind == "article"]
            items.append({"id": f"{position}-{i}", "text": page.text, "k": len(stories),
                          "refs": [make_pair(t.body, t.title).reference for t in stories]})
        out[position] = items
    return out


# --- running ----------------------------------------------------------------------------------

def run_system(system: System, python: str, tasks: dict, timeout: float) -> dict:
    """Run one system in a fresh process (``benchmarks.peers``), which reports its own peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target, log = Path(tmp, "in.json"), Path(tmp, "out.json"), Path(tmp, "stderr.txt")
        source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        with open(log, "wb") as stderr:  # a file, not a pipe: chatty tools (llama.cpp) cannot block on it
            try:
                done = subprocess.run([python, "-m", "benchmarks.peers", system.name, str(source), str(target)],
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr, timeout=timeout)
            except subprocess.TimeoutExpired:
                return {"error": f"timed out after {timeout:.0f} s"}
        if not target.exists():
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
            return {"error": f"crashed (exit {done.returncode}): {' '.join(tail)[:120]}"}
        return json.loads(target.read_text(encoding="utf-8"))


def startup_seconds(python: str, module: str, repeat: int = 3) -> float | None:
    """Median wall time of ``python -c "import module"`` in a fresh process."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run([python, "-c", f"import {module}"], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            return None
    return statistics.median(times)


def measured(command: list[str], timeout: float) -> tuple[int, float, int]:
    """(exit code, wall seconds, peak RSS KiB) of ``command`` run under its own accounting wrapper.

    The summary cache is off, so that a second run measures the work again, not the cache.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - t0\n"
        "print(rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    try:
        done = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, "BRIEF_SUMMARIZE__CACHE": "false"})
    except subprocess.TimeoutExpired:
        return -9, timeout, 0
    rc, wall, rss = done.stdout.split()
    return int(rc), float(wall), int(rss)


# --- scoring ----------------------------------------------------------------------------------

def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(task: dict, items: list[dict], outputs: list[list[str]], seconds: float) -> dict:
    """ROUGE (chars), numeric faithfulness, junk share and length for one system on one task."""
    from brief.evaluate import rouge_chars
    from brief.summarize.guard import unsupported_figures

    rouge = {"rouge1": [], "rouge2": [], "rougeL": []}
    faithful, junk, lengths = [], [], []
    for item, lines in zip(items, outputs):
        lines = [line for line in lines if line.strip()]
        if task["unit"] == "page":
            # The raw page is the source: its datelines are figures a summary may repeat (junk, not invention).
            candidate, reference, source = "\n".join(lines), "\n".join(item["refs"]), item["text"]
        else:
            candidate, reference, source = "".join(lines), item["ref"], item["text"]
            lines = [candidate]
        for key, value in rouge_chars(candidate, reference).items():
            rouge[key].append(value)
        # Page furniture (spaced digits, hard wraps) must not pass for a new figure: compare squashed text.
        squashed_source = _squash(source)
        for line in lines:
            faithful.append(not unsupported_figures(_squash(line), squashed_source))
            junk.append(bool(junk_kinds(line)))
            lengths.append(len(line))
    articles = sum(item.get("k", 1) for item in items)
    return {
        "n": len(items),
        **{key: statistics.fmean(values) if values else 0.0 for key, values in rouge.items()},
        "faithful": statistics.fmean(faithful) if faithful else 1.0,
        "junk": statistics.fmean(junk) if junk else 0.0,
        "mean_len": statistics.fmean(lengths) if lengths else 0.0,
        "per_s": articles / seconds if seconds > 0 else float("inf"),
    }


# --- report -----------------------------------------------------------------------------------

def _speed(per_s: float) -> str:
    return f"{per_s:.0f}" if per_s >= 10 else f"{per_s:.2g}"


def _ratio(value: float | None, best: float | None) -> str:
    if value is None or not best:
        return "-"
    return f"{value / best:.2f}x"


def report(meta: dict, tasks: dict, systems: list[System], results: dict, costs: dict, e2e: list[dict]) -> str:
    lines = [f"# brief vs peers ({meta['when']})", "",
             f"Command: `{meta['command']}`  ",
             f"Machine: {meta['machine']}", "",
             "ROUGE-1/2/L: F1 x 100 on characters (one token per CJK character, ASCII runs one token, "
             "punctuation dropped), averaged per example. **nums ok**: share of outputs whose every figure "
             "is in the source (the guard's figure extraction, whitespace ignored). **junk**: share of "
             "outputs containing a dateline, byline, jump line or caption. **len**: mean characters per "
             "output. **art/s**: articles per second after one warm-up call; **x peer**: that speed over "
             "the fastest peer's on the same input in this run (higher is faster).", ""]
    for task_name, task in tasks.items():
        lines += [f"## {task['title']}", "", task["note"], "",
                  "| system | n | R-1 | R-2 | R-L | nums ok | junk | len | art/s | x peer | failed |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        peer_best = max((results[s.name]["scores"][task_name]["per_s"] for s in systems
                         if not s.ours and task_name in results[s.name].get("scores", {})), default=None)
        for system in systems:
            result = results[system.name]
            row = result.get("scores", {}).get(task_name)
            if row is None:
                lines.append(f"| {system.label} | - | {result.get('error', 'not run')} |||||||||")
                continue
            failed = result["failures"].get(task_name, 0)
            lines.append(
                f"| {system.label} | {row['n']} | {row['rouge1']:.1f} | {row['rouge2']:.1f} | {row['rougeL']:.1f} "
                f"| {row['faithful']:.0%} | {row['junk']:.0%} | {row['mean_len']:.0f} | {_speed(row['per_s'])} "
                f"| {_ratio(row['per_s'], peer_best)} | {failed or ''} |")
        lines.append("")
    lines += ["## Cost", "",
              "**start-up**: median wall time of `python -c \"import X\"` in a fresh process "
              f"(bare interpreter: {costs.get('_python', 0):.2f} s); **x peer**: over the fastest peer's "
              "(lower is faster). **first call**: loading the system and its first summary (dictionaries, "
              "models). **peak RSS**: the system's own process over the whole run (`ru_maxrss`).", "",
              "| system | import | start-up | x peer | first call | peak RSS |", "|---|---|---|---|---|---|"]
    peer_fastest = min((costs[s.name] for s in systems if not s.ours and costs.get(s.name)), default=None)
    for system in systems:
        result = results[system.name]
        start = costs.get(system.name)
        load = f"{result['load_s']:.2f} s" if "load_s" in result else "-"
        rss = f"{result['maxrss_kb'] / 1024:.0f} MB" if "maxrss_kb" in result else "-"
        lines.append(f"| {system.label} | `{system.module}` | {f'{start:.2f} s' if start else '-'} "
                     f"| {_ratio(start, peer_fastest)} | {load} | {rss} |")
    lines += ["", "## End to end: seed page to a Markdown brief", "",
              "`python -m brief daily SEED --date 2024-10-18 --backend B -o brief.md` in a fresh process.", "",
              "| backend | page | result | wall | peak RSS |", "|---|---|---|---|---|"]
    for row in e2e:
        cost = f"{row['wall']:.2f} s | {row['rss_kb'] / 1024:.0f} MB" if "wall" in row else "- | -"
        lines.append(f"| {row['backend']} | {row['page']} | {row['result']} | {cost} |")
    return "\n".join(lines) + "\n"


# --- main -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs (30 xwlb items, 3 pages a position)")
    parser.add_argument("--limit", type=int, default=None, help="xwlb items (default 200, quick 30)")
    parser.add_argument("--pages", type=int, default=None, help="generated pages per headline position "
                                                                  "(default 10, quick 3, 0 for none)")
    parser.add_argument("--llm-limit", type=int, default=20, help="articles per input for the slow llm backend")
    parser.add_argument("--no-llm", action="store_true", help="leave out our llm backend")
    parser.add_argument("--systems", default="", help="comma-separated subset of: "
                        + ", ".join(s.name for s in SYSTEMS))
    parser.add_argument("--peers-python", default=os.environ.get("BRIEF_PEERS_PYTHON", str(DEFAULT_PEERS_PYTHON)),
                        help="interpreter of the venv holding the peers (benchmarks/requirements-peers.txt)")
    parser.add_argument("--shared", default=None, help="the shared data dir (default ../shared or $BRIEF_SHARED)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one system may run")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report (also printed)")
    return parser.parse_args(argv)


def build_tasks(args: argparse.Namespace, shared: Path) -> dict:
    limit = args.limit or (30 if args.quick else 200)
    pages = args.pages if args.pages is not None else (3 if args.quick else 10)
    tasks = {
        "xwlb": {"title": "xwlb: one-line summary, the editor's title as reference", "unit": "article",
                 "kind": "headline", "chars": None, "items": load_xwlb(shared, limit),
                 "note": "Each system is asked for one sentence (ours: the `headline` kind, 30 characters). "
                         "Inputs: single-story 新闻联播 items, broadcaster tag removed, column tag removed "
                         "from the title."},
        "clts": {"title": "CLTS samples: summary within 80 characters", "unit": "article", "kind": "summary",
                 "chars": 80, "items": load_clts(shared),
                 "note": "Each system is asked for at most 80 characters (peers: the most sentences that fit, "
                         "at least one; ours: `summary` with max_chars 80). 12 samples only: read, not "
                         "significance."},
    }
    try:
        generated = load_pages(shared, pages) if pages else {}
    except ImportError as exc:
        print(f"benchmarks: no generated pages ({exc})", file=sys.stderr)
        generated = {}
    for position, items in generated.items():
        tasks[f"pages-{position}"] = {
            "title": f"Generated newspaper pages, headline blocks {position} the bodies", "unit": "page",
            "kind": "headline", "chars": None, "items": items,
            "note": "Raw page text as users have it (hard wraps, column breaks, datelines with spaced digits, "
                    "bylines, jump lines, captions): **peers get the page with no cleaning** and are asked "
                    "for one sentence per article on the page; ours segments the page and writes one "
                    "headline summary per article. Reference: the page's titles, ROUGE on the joined lines "
                    "per page; the page prints its titles, so a system that picks a title line scores high. "
                    "nums ok, junk and len are per output line; art/s counts the page's articles."}
    return tasks


def capped(task: dict, articles: int | None) -> int | None:
    """How many items of ``task`` hold about ``articles`` articles (pages hold several); None: all."""
    if articles is None:
        return None
    count = 0
    for index, item in enumerate(task["items"]):
        count += item.get("k", 1)
        if count >= articles:
            return index + 1
    return None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "eval").is_dir():
        print(f"benchmarks: {shared / 'eval'} not found (set --shared or BRIEF_SHARED)", file=sys.stderr)
        return 2
    from brief.config import defaults

    wanted = {s.strip() for s in args.systems.split(",") if s.strip()}
    systems = [s for s in SYSTEMS if not wanted or s.name in wanted]
    tasks = build_tasks(args, shared)
    payload = {name: {k: v for k, v in task.items() if k not in ("title", "note")} for name, task in tasks.items()}
    for task in payload.values():
        task["items"] = [{k: item[k] for k in ("id", "text", "k") if k in item} for item in task["items"]]

    llm_reason = "left out (--no-llm)" if args.no_llm else None
    if llm_reason is None:
        try:
            from brief.llm.runtime import llm_available

            llm_reason = llm_available(defaults())
        except ImportError:
            llm_reason = "not part of this build"
    results, costs = {}, {"_python": startup_seconds(sys.executable, "sys") or 0.0}
    for system in systems:
        python = sys.executable if system.ours else args.peers_python
        if system.name == "llm" and llm_reason:
            results[system.name] = {"error": f"not run: {llm_reason}"}
            continue
        if not Path(python).exists():
            results[system.name] = {"error": f"not installed (no {python})"}
            continue
        print(f"benchmarks: running {system.name}", file=sys.stderr)
        caps = {name: capped(task, args.llm_limit if system.name == "llm" else None) for name, task in payload.items()}
        system_tasks = {name: {**task, "items": task["items"][:caps[name]]} for name, task in payload.items()}
        result = run_system(system, python, system_tasks, args.timeout)
        if "outputs" in result:
            result["scores"] = {name: score(task, tasks[name]["items"][:caps[name]], result["outputs"][name],
                                            result["seconds"][name])
                                for name, task in system_tasks.items()}
        results[system.name] = result
        costs[system.name] = startup_seconds(python, system.module)

    e2e = end_to_end(shared, [] if llm_reason else ["llm"], args.timeout)
    if llm_reason:
        e2e.append({"backend": "llm", "page": "-", "result": f"not run: {llm_reason}"})
    meta = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "command": "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv),
            "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, peers from {args.peers_python}"}
    text = report(meta, tasks, systems, results, costs, e2e)
    sys.stdout.write(text)
    from brief.io import atomic_write

    atomic_write(args.out, text)
    print(f"benchmarks: report written to {args.out}", file=sys.stderr)
    return 0


def end_to_end(shared: Path, extra_backends: list[str], timeout: float) -> list[dict]:
    """Each seed page to a finished Markdown brief, per backend, in a fresh process."""
    help_text = subprocess.run([sys.executable, "-m", "brief", "daily", "--help"], cwd=ROOT,
                               capture_output=True, text=True).stdout
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted((shared / "seeds").glob("*.txt")):
            for backend in ["extractive", *extra_backends]:
                out = Path(tmp, f"{page.stem}-{backend}.md")
                command = [sys.executable, "-m", "brief", "daily", str(page), "--date", "2024-10-18",
                           "--backend", backend, "-o", str(out)]
                if "--no-history" in help_text:
                    command.append("--no-history")
                rc, wall, rss = measured(command, timeout)
                ok = rc == 0 and out.exists() and out.stat().st_size > 0
                rows.append({"backend": backend, "page": page.name, "wall": wall, "rss_kb": rss,
                             "result": f"ok, {out.stat().st_size} bytes" if ok else f"failed (exit {rc})"})
    return rows
