"""Fuzz ingestion: seeded, generated inputs that a news folder might hold on a bad morning.

Each input starts from a well-formed one (page text, a plain article, JSON, JSON Lines, HTML, RSS,
a PDF) or from raw bytes, then gets one to three damages: cut short anywhere, re-encoded in part
(UTF-8 / GB18030 / Big5 / UTF-16 mixed), prefixed with a byte-order mark, sprinkled with NUL and
control bytes, given one huge line, deeply nested, or filled with huge numbers. Every input must end
as articles or as one line naming the file (``InputError``); a reader failure that only the safety
net in ``brief.ingest.read_inputs`` catches ("could not be read (SomeError...)") is a bug and counts
as a crash.

    python -m benchmarks.fuzz [--count 10000] [--seed 13]

prints the counts by outcome and the time taken; exit 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SENTENCES = [
    "今年1—8月，全省城镇新增就业36.54万人，完成全年目标任务的81.2%。",
    "全市新开工改造城镇老旧小区1200个，惠及居民15.6万户。",
    "本报太原10月17日讯（记者 王明）省政府新闻办昨日召开发布会。",
    "秋粮收购于10月8日启动，预计收购玉米15万吨。",
    "會議強調，要堅持穩中求進工作總基調。",
    "The city opened 3 new bus lines on Monday.",
]
TITLES = ["全省城镇新增就业36.54万人", "老旧小区改造惠及15.6万户", "秋粮收购全面启动", "<b>新闻</b>标题"]


def _page(rng: random.Random) -> str:
    """Newspaper page text: hard-wrapped narrow columns, headline blocks, blank column breaks."""
    lines = []
    for _ in range(rng.randint(1, 4)):
        lines += ["", rng.choice(TITLES), ""]
        text = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 8)))
        width = rng.randint(12, 17)
        lines += [text[i:i + width] for i in range(0, len(text), width)]
    return "\n".join(lines)


def _article(rng: random.Random) -> str:
    body = "\n".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 6)))
    return f"{rng.choice(TITLES)}\n{body}\n" if rng.random() < 0.7 else body


def _record(rng: random.Random) -> dict:
    record = {"title": rng.choice(TITLES), rng.choice(["body", "text", "content"]): _article(rng)}
    for key, values in (("date", ["2024-10-18", "20241018", "9999-99-99", "昨天", 20241018, None]),
                        ("page", [1, "A3", None, ["x"], {"a": 1}]), ("url", ["https://example.org/a", 3, None]),
                        ("source", ["太行日报", "", None, 12])):
        if rng.random() < 0.5:
            record[key] = rng.choice(values)
    return record


def _json(rng: random.Random) -> str:
    records = [_record(rng) for _ in range(rng.randint(1, 4))]
    shape = rng.random()
    if shape < 0.3:
        return "\n".join(json.dumps(r, ensure_ascii=rng.random() < 0.3) for r in records)  # JSON Lines
    if shape < 0.5:
        return json.dumps({"articles": records, "count": len(records)}, ensure_ascii=False)
    return json.dumps(records if shape < 0.9 else records[0], ensure_ascii=False, indent=rng.choice([None, 2]))


def _html(rng: random.Random) -> str:
    paragraphs = "".join(f"<p>{rng.choice(SENTENCES)}</p>" for _ in range(rng.randint(1, 6)))
    script = "<script>alert(1)</script>" if rng.random() < 0.5 else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{rng.choice(TITLES)}</title></head>"
            f"<body><nav>首页 | 新闻</nav><h1>{rng.choice(TITLES)}{script}</h1><article>{paragraphs}</article>"
            "</body></html>")


def _feed(rng: random.Random) -> str:
    items = "".join(
        f"<item><title>{rng.choice(TITLES)}</title><link>https://example.org/{n}</link>"
        f"<pubDate>Fri, 18 Oct 2024 08:00:00 +0800</pubDate>"
        f"<description><![CDATA[<p>{rng.choice(SENTENCES)}</p>]]></description></item>"
        for n in range(rng.randint(1, 4)))
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>晚报</title>{items}</channel></rss>"


def _pdf(rng: random.Random) -> bytes:
    """A tiny hand-made PDF (ASCII text layer): enough for the PDF path's damage handling."""
    text = rng.choice(["Bus lines", "Jobs up 3.5%", "Harvest"])
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]


def _encode(text: str, rng: random.Random) -> bytes:
    encoding = rng.choice(ENCODINGS)
    return text.encode(encoding, errors="replace")


def _mixed(data: bytes, rng: random.Random) -> bytes:
    """A part of the input re-encoded differently: a paste from another system."""
    cut = rng.randint(0, len(data))
    other = rng.choice(SENTENCES).encode(rng.choice(["gb18030", "big5", "utf-16-le", "latin-1"]), errors="replace")
    return data[:cut] + other + data[cut:]


DAMAGES = {
    "truncated": lambda d, rng: d[: rng.randint(0, len(d))],
    "mixed-encoding": _mixed,
    "bom": lambda d, rng: rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                      codecs.BOM_UTF8 * 3]) + d,
    "nul": lambda d, rng: bytes(b if rng.random() > 0.05 else rng.choice([0, 0, 27, 7, 8, 127]) for b in d),
    "huge-line": lambda d, rng: d + ("测" * rng.randint(50_000, 200_000)).encode() + b"\n",
    "controls": lambda d, rng: d.replace(b"\xe3\x80\x82", rng.choice([b"\x1b[31m", "\u202e".encode(), b"\r",
                                                                      b"\x0c", "\u2028".encode()])),
    "nested": lambda d, rng: b'{"title":"t","body":' + b"[" * rng.randint(500, 60_000) + b"]" * 3 + b"}",
    "big-number": lambda d, rng: b'{"title":"t","body":"x","page":' + b"9" * rng.randint(30, 100_000) + b"}",
    "only-blank": lambda d, rng: rng.choice(["\u3000", " ", "\n", "\ufeff", "\u200b"]).encode() * rng.randint(1, 50),
    "random-bytes": lambda d, rng: rng.randbytes(rng.randint(1, 4000)),
}
SOURCES = {"page": _page, "article": _article, "json": _json, "html": _html, "feed": _feed}
SUFFIXES = {"page": ".txt", "article": ".md", "json": ".json", "html": ".html", "feed": ".xml", "pdf": ".pdf"}


def generate(rng: random.Random) -> tuple[str, str, bytes]:
    """(what it is, file suffix, content): one generated input."""
    kind = rng.choice([*SOURCES, "pdf"])
    data = _pdf(rng) if kind == "pdf" else _encode(SOURCES[kind](rng), rng)
    damages = rng.sample(sorted(DAMAGES), k=rng.choice([0, 1, 1, 2, 3]))
    for name in damages:
        data = DAMAGES[name](data, rng)
    return f"{kind}+{'+'.join(damages) or 'clean'}", SUFFIXES[kind], data


def outcome(path: Path, config) -> str:
    """``articles``, ``refused: <problem class>``, or ``CRASH: ...`` for a reader failure."""
    from brief.ingest import read_inputs

    try:
        result = read_inputs([str(path)], config=config)
    except Exception as exc:  # an older brief without the safety net: the run would have died
        return f"CRASH: {type(exc).__name__}: {str(exc)[:160]}"
    for error in result.errors:
        message = str(error)
        if "\n" in message or not message.startswith(str(path)):
            return f"CRASH: not one line naming the file: {message[:200]!r}"
        if "could not be read (" in error.problem:
            return f"CRASH: {error.problem[:200]}"
    if result.articles:
        return "articles" + (" (part skipped)" if result.errors else "")
    problem = result.errors[0].problem if result.errors else "nothing and no error"
    return "refused: " + re.sub(r"\d+", "N", problem.split(":")[0].split("(")[0].strip())[:60]


def run(count: int, seed: int, directory: Path) -> tuple[Counter, list[tuple[str, str]], float]:
    from brief.config import defaults

    config = defaults()
    rng = random.Random(seed)
    counts: Counter = Counter()
    crashes: list[tuple[str, str]] = []
    start = time.perf_counter()
    for number in range(count):
        label, suffix, data = generate(rng)
        path = directory / f"input{number % 64}{suffix}"
        path.write_bytes(data)
        result = outcome(path, config)
        counts[result.split(":")[0] if result.startswith("CRASH") else result] += 1
        if result.startswith("CRASH"):
            crashes.append((label, result))
            (directory / f"crash{len(crashes)}{suffix}").write_bytes(data)
        path.unlink()
    return counts, crashes, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, help="Keep crashing inputs in this directory.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        counts, crashes, seconds = run(args.count, args.seed, directory)
    print(f"{args.count} generated inputs (seed {args.seed}) in {seconds:.1f} s "
          f"({1000 * seconds / args.count:.1f} ms each)\n")
    print("| outcome | inputs |\n|---|---:|")
    for name, number in counts.most_common():
        print(f"| {name} | {number} |")
    for label, message in crashes[:20]:
        print(f"crash: {label}: {message}", file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
