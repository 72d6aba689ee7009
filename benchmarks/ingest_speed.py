"""Ingest speed per input format: a 10-page issue's worth of real articles, read and cleaned.

Sixty single-story items of ``../shared/eval/xwlb/items-dev.jsonl.gz`` (read by path, set another with
BRIEF_XWLB_ITEMS) are written to a temporary directory in each format the press office receives,
then read with ``brief.ingest.read_inputs`` as ``brief daily DIR`` would. The first run includes the
format's library imports; "warm" is the best of three runs after it. One core, no network.

    python -m benchmarks.ingest_speed
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.pagegen import generate_pages, load_items
from brief.config import defaults
from brief.ingest import read_inputs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))
from pdfmaker import make_pdf  # noqa: E402  (the tests' PDF writer: a real text layer, no font needed)

ARTICLES = 60
PAGES = 10


def _plain(item: dict) -> str:
    return item["title"] + "\n" + "\n".join(item["paragraphs"]) + "\n"


def _html(item: dict) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in item["paragraphs"])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(item['title'])}</title></head>"
            f"<body><nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav><article><h1>{escape(item['title'])}"
            f"</h1>{paragraphs}</article><footer>版权所有</footer></body></html>")


def _rss(items: list[dict]) -> str:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>https://example.org/{n}</link>"
        f"<description>{escape(''.join(f'<p>{p}</p>' for p in i['paragraphs']))}</description></item>"
        for n, i in enumerate(items))
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>要闻</title>"
            f"{entries}</channel></rss>")


def write_inputs(root: Path, items: list[dict]) -> dict[str, tuple[Path, dict]]:
    """One directory (or file) per format; returns format -> (path, ingest options)."""
    from opencc_purepy import OpenCC

    to_traditional = OpenCC("s2t").convert
    pages = generate_pages(PAGES, seed=1)
    cases: dict[str, tuple[Path, dict]] = {}

    def files(name: str, make, options=None) -> None:
        folder = root / name
        folder.mkdir()
        for n, item in enumerate(items):
            content = make(item)
            target = folder / f"{n:03d}"
            target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content, "utf-8")
        cases[name] = (folder, options or {})

    files("plain .txt (UTF-8)", _plain)
    files("plain .txt (GBK)", lambda i: _plain(i).encode("gb18030"))
    files("plain .txt (Big5 -> simplified)", lambda i: to_traditional(_plain(i)).encode("big5", "replace"),
          {"to_simplified": True})
    files("HTML pages", _html)
    for name, text in (
        ("JSON Lines", "\n".join(json.dumps({"title": i["title"], "text": "\n".join(i["paragraphs"])},
                                            ensure_ascii=False) for i in items)),
        ("JSON array", json.dumps([{"title": i["title"], "body": "\n".join(i["paragraphs"])} for i in items],
                                  ensure_ascii=False)),
        ("RSS feed", _rss(items)),
    ):
        path = root / name.replace(" ", "_")
        path.write_text(text, "utf-8")
        cases[name] = (path, {})
    folder = root / "pages"
    folder.mkdir()
    for n, page in enumerate(pages):
        (folder / f"page{n:02d}.txt").write_text(page.text, "utf-8")
    cases[f"page text ({PAGES} pages)"] = (folder, {})
    pdf = root / "issue.pdf"
    pdf.write_bytes(make_pdf([[line for line in page.text.splitlines()] for page in pages]))
    cases[f"PDF ({PAGES} pages)"] = (pdf, {})
    return cases


def measure(path: Path, options: dict) -> tuple[int, int, float, float]:
    config = defaults()
    config["ingest"].update(options)
    start = time.perf_counter()
    result = read_inputs([str(path)], config=config)
    first = time.perf_counter() - start
    warm = []
    for _ in range(3):
        start = time.perf_counter()
        read_inputs([str(path)], config=config)
        warm.append(time.perf_counter() - start)
    return len(result.articles), len(result.errors), first, min(warm)


def pdf_matches_text(pages: int = 50) -> tuple[int, int]:
    """How many generated pages segment into the same articles from their PDF as from their text."""
    import io

    from pypdf import PdfReader

    from brief.ingest.pdf import page_text
    from brief.ingest.segment import segment_page

    generated = generate_pages(pages, seed=2)
    reader = PdfReader(io.BytesIO(make_pdf([page.text.splitlines() for page in generated])))

    def shape(text: str) -> list[tuple[str, str, str]]:
        return [(a.kind, a.title, a.body) for a in segment_page(text)]

    same = sum(shape(page.text) == shape(page_text(pdf_page).text) for page, pdf_page in zip(generated, reader.pages,
                                                                                         strict=True))
    return same, pages


def main() -> int:
    items = load_items()[:ARTICLES]
    print(f"Ingest + clean, {ARTICLES} real news items per format (pages: {PAGES} generated pages)\n")
    print(f"| {'format':<34} | articles | errors | first run ms | warm ms | warm ms/article |")
    print(f"|{'-' * 36}|----------|--------|--------------|---------|-----------------|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (path, options) in write_inputs(Path(tmp), items).items():
            articles, errors, first, warm = measure(path, options)
            print(f"| {name:<34} | {articles:>8} | {errors:>6} | {first * 1000:>12.1f} | {warm * 1000:>7.1f} "
                  f"| {warm * 1000 / max(articles, 1):>15.2f} |")
    same, pages = pdf_matches_text()
    print(f"\nPDF path: {same}/{pages} generated pages segment into the same articles (kind, title, body) "
          "from their PDF as from their text.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
