"""English that survives: how many brief items get English with every figure kept, and at what cost.

    nice python benchmarks/english.py [--days 10] [--top 5] [--day-offset 0] [--no-seed]
        [--variants before,after] [--threads 2] [--verbose]
        [--shared ../shared]

Inputs (read in place, never copied): the seed pages (``$BRIEF_SHARED/seeds/*.txt`` or
``../shared/seeds``), each made into a brief; and ``--days`` broadcast days of the xwlb dev data,
spread evenly over it, each day's items (roundups left out) made into a brief of its ``--top``
items. Summaries are extractive (the translation is what is measured, and they are deterministic);
the translator is the packaged model through llama.cpp.

Variants, on the same items:

- ``before``: no glossary, no list of what the markers stand for, no grammar, no token cap by
  length (as brief translated before issue 12; the prompt's worked examples and the checks on the
  answer are today's);
- ``after``: the markers explained, the glossary entries the text uses, llama.cpp's grammar (no
  CJK character, no digit of the model's own, each placeholder at most once).

Printed: a Markdown table per input set and variant: items, % with English kept (not marked
Chinese-only), % of their figures found again in the English form in the English text (counted
here, independently of the translator's own check), seconds per item (title and summary, retry
included; wall and CPU time of this process), and the load average of the machine before and after, since the cores are shared.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.config import defaults  # noqa: E402


def seed_briefs(shared: Path, config: dict) -> list[tuple[str, object]]:
    from brief.pipeline import build_brief

    pages = sorted((shared / "seeds").glob("*.txt"))
    return [(f"seed {p.stem[:12]}", build_brief([str(p)], backend="extractive", config=config,
                                                history=False).brief) for p in pages]


def xwlb_days(shared: Path, count: int, offset: int = 0) -> dict[str, list[dict]]:
    """``count`` broadcast days spread evenly over the dev data: date -> its items, in order;
    ``offset`` shifts every day by that many broadcast days (other days, the same spread)."""
    days: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(shared / "eval" / "xwlb" / "items-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("is_roundup") and len(row.get("text", "").strip()) > 40:
                days[row["date"]].append({"title": row["title"], "text": row["text"], "source": "新闻联播"})
    dates = sorted(days)
    step = max(len(dates) // max(count, 1), 1)
    return {d: days[d] for d in dates[offset::step][:count]}


def day_briefs(shared: Path, count: int, top: int, config: dict, scratch: Path,
               offset: int = 0) -> list[tuple[str, object]]:
    from brief.pipeline import build_brief

    briefs = []
    for date, rows in xwlb_days(shared, count, offset).items():
        path = scratch / f"{date}.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        result = build_brief([str(path)], date=iso, top=top, backend="extractive", config=config,
                             history=False)
        briefs.append((f"xwlb {iso}", result.brief))
    return briefs


def figures_kept(brief) -> tuple[int, int]:
    """(figures in the translated items' Chinese, those whose English form is in their English)."""
    from brief.deliver.numbers_en import code_written, find_figures, verbatim

    total = found = 0
    for item in brief.items:
        if not item.en:
            continue
        pairs = [(item.article.title, item.en["title"]),
                 (item.summary.text if item.summary else "", item.en["summary"])]
        for chinese, english in pairs:
            for _, form in find_figures(chinese):
                total += 1
                # a bare number (12315, 7) whole, not inside another one (17, 5,887.6); 7 may be "seven"
                found += code_written(form, english) if verbatim(form) else form in english
    return total, found


class Before:
    """The translator as it was: no glossary in the request, no grammar on the decoding."""

    def __init__(self, translator):
        self.inner, self.name = translator, "llm"

    def translate(self, texts, *, retry=False, figures=None):
        from brief.logs import progress

        inner = self.inner
        replies = []
        for text in progress(texts, "翻译", total=len(texts)):
            if not text:
                replies.append("")
                continue
            messages = inner.prompt.messages(f"Chinese:\n{text}", limit=0, key_figures=0, strict=retry)
            replies.append(inner.chat_model.runtime.chat([messages], max_tokens=inner.max_new_tokens)[0][0]
                           .strip())
        return replies


def run(variant: str, briefs, translator) -> dict:
    import copy

    from brief.deliver.translate import translate_brief

    items = kept = figures = figures_found = 0
    seconds = cpu = 0.0
    chinese_only = []
    for label, brief in briefs:
        brief = copy.deepcopy(brief)
        start, start_cpu = time.perf_counter(), time.process_time()
        translate_brief(brief, Before(translator) if variant == "before" else translator)
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        items += len(brief.items)
        kept += sum(item.en is not None for item in brief.items)
        total, found = figures_kept(brief)
        figures += total
        figures_found += found
        chinese_only += [f"{label} #{rank}" for rank in brief.meta["english"]["chinese_only"]]
    return {"items": items, "kept": kept, "figures": figures, "figures_found": figures_found,
            "seconds": seconds, "cpu": cpu, "chinese_only": chinese_only}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=10, help="xwlb days (default 10, 0 = skip)")
    parser.add_argument("--top", type=int, default=5, help="items per xwlb day (default 5)")
    parser.add_argument("--variants", default="after,before", help="after, before or both (default)")
    parser.add_argument("--before-days", type=int, default=None,
                        help="xwlb days for the before variant (default: as --days; 0 = seed page only)")
    parser.add_argument("--day-offset", type=int, default=0,
                        help="shift the xwlb days by this many broadcast days (other days to check a fix on)")
    parser.add_argument("--no-seed", action="store_true", help="leave the seed pages out")
    parser.add_argument("--threads", type=int, default=0, help="llama.cpp threads (0 = all cores)")
    parser.add_argument("--verbose", action="store_true",
                        help="log why each item failed its checks (brief.deliver.translate at INFO)")
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("BRIEF_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()
    if args.verbose:
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        logging.getLogger("brief.deliver.translate").setLevel(logging.INFO)
    if not (args.shared / "seeds").is_dir():
        sys.exit(f"{args.shared}: no seeds/ here (set --shared or BRIEF_SHARED)")
    from brief.deliver.translate import LLMTranslator

    with tempfile.TemporaryDirectory() as scratch:
        config = defaults()
        config["summarize"].update({"threads": args.threads, "cache": False})
        config["english"]["backend"] = "llm"
        config["overview"]["enabled"] = False
        sets = [] if args.no_seed else [("seed page", seed_briefs(args.shared, config))]
        if args.days:
            shifted = f", shifted {args.day_offset}" if args.day_offset else ""
            sets.append((f"xwlb, {args.days} days x top {args.top}{shifted}",
                         day_briefs(args.shared, args.days, args.top, config, Path(scratch), args.day_offset)))
        translator = LLMTranslator(config)
        translator.chat_model.runtime  # load before timing
        print("| input | variant | items | English kept | figures preserved | s/item | CPU s/item | load before/after |")
        print("|---|---|---|---|---|---|---|---|")
        for variant in args.variants.split(","):
            for name, briefs in sets:
                if variant == "before" and name != "seed page" and args.before_days == 0:
                    continue
                load = os.getloadavg()[0]
                stats = getattr(translator, "stats", None)
                if stats is not None:
                    stats.clear()
                r = run(variant, briefs, translator)
                share = r["figures_found"] / r["figures"] if r["figures"] else 1.0
                print(f"| {name} | {variant} | {r['items']} | {r['kept'] / r['items']:.0%} | "
                      f"{share:.0%} of {r['figures']} | {r['seconds'] / r['items']:.1f} | "
                      f"{r['cpu'] / r['items']:.1f} | {load:.1f} / {os.getloadavg()[0]:.1f} |", flush=True)
                if r["chinese_only"]:
                    print(f"|   | Chinese only: {', '.join(r['chinese_only'])} | | | | | | |", flush=True)
                if stats:
                    print(f"|   | retried texts: {', '.join(f'{k} {v}' for k, v in sorted(stats.items()))} "
                          "| | | | | | |", flush=True)


if __name__ == "__main__":
    main()
