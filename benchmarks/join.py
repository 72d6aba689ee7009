"""Issues of several pages: continued articles joined, and multi-column PDFs read in order.

Joins: generated pages (``benchmarks.pagegen``, real xwlb items) become issues of two pages: every
article on page 1 that the generator gave a ``（下转第2版）`` jump gets its continuation (the item's
next paragraphs) printed on page 2 under ``（上接第1版）``, with its full title, a shortened one or none;
page 2's own jumps point at a page 3 that is not in the issue (a missing half). Each issue is read
as two files named ``_01``/``_02``, as two unnamed files in order, and in reverse order. A join is
right when one article carries the first part's last sentence and the continuation's last one
on page ``1,2``; wrong when it joins text of two different items.

PDF: pages of the same items typeset in 3 and 4 columns (``tests/ingest/pdfmaker.typeset``),
written line by line across the columns; the time per page of ``brief.ingest.pdf.page_texts``, and
how many pages come back with every article's text in order, and on how many the page segmenter
then finds exactly the printed titles. One core, no network.

    python -m benchmarks.join
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.pagegen import BEFORE, generate_pages, load_items
from brief.zh import clean_inline
from brief.config import defaults
from brief.ingest import read_inputs
from brief.zh import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))
from pdfmaker import row, spread, typeset  # noqa: E402  (the tests' typesetter: reportlab, STSong-Light)

ISSUES = 200
PDF_PAGES = 50


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def _continuation(rng: random.Random, title: str, rest: list[str]) -> tuple[str, str]:
    """A continuation block and the kind of title it repeats."""
    kind = rng.choice(["full", "short", "none"])
    shown = {"full": title, "short": title[: max(4, len(title) // 2)], "none": ""}[kind]
    width = rng.randint(12, 17)
    lines = _wrap("（上接第1版）" + "".join(rest), width)
    block = (shown + "\n\n" if shown else "") + "\n".join(lines)
    return block, kind


def _issues(items: list[dict]) -> list[dict]:
    by_title = {item["title"].partition("——")[0]: item for item in items}
    pages = generate_pages(2 * ISSUES, BEFORE, seed=11, items=items)
    rng = random.Random(11)
    issues = []
    for front, inner in zip(pages[::2], pages[1::2], strict=True):
        expected = []
        blocks = inner.text.rstrip("\n").split("\n\n")
        inner_text = inner.text.replace("（下转第2版）", "（下转第3版）")
        for truth in front.truth:
            item = by_title.get(truth.title)
            if truth.continued_to != "第2版" or item is None:
                continue
            last = truth.body.split("\n")[-1]
            rest = item["paragraphs"][item["paragraphs"].index(last) + 1:] if last in item["paragraphs"] else []
            rest = [p for p in rest[:2] if p]
            if not rest:
                continue
            block, kind = _continuation(rng, truth.title, rest)
            if rng.random() < 0.5:  # at the top of the page or at its foot, between whole articles
                blocks.insert(0, block)
            else:
                blocks.append(block)
            inner_text = "\n\n".join(blocks).replace("（下转第2版）", "（下转第3版）") + "\n"
            expected.append({"kind": kind, "end": split_sentences(last)[-1], "start": split_sentences(rest[-1])[-1],
                             "title": truth.title})
        issues.append({"front": front.text, "inner": inner_text, "expected": expected})
    return issues


def _score(articles, expected) -> tuple[int, int, int]:
    """Continuations paired (one article on page 1,2 ends its first part), of those with the whole
    text (the continuation's last sentence too), and joins of two items' text."""
    paired = whole = 0
    for case in expected:
        end, start = clean_inline(case["end"]), clean_inline(case["start"])
        paired += any(a.page == "1,2" and end in a.body for a in articles)
        whole += any(a.page == "1,2" and end in a.body and start in a.body for a in articles)
    wrong = sum(1 for a in articles if a.page and "," in a.page
                and not any(clean_inline(c["end"]) in a.body for c in expected))
    return paired, whole, wrong


def joins(items: list[dict]) -> None:
    issues = _issues(items)
    config = defaults()
    kinds = [case["kind"] for issue in issues for case in issue["expected"]]
    counts = ", ".join(f"{kinds.count(k)} {k}" for k in ("full", "short", "none"))
    print(f"{len(issues)} two-page issues, {len(kinds)} continued articles (title repeated: {counts})")
    print(f"{'pages named':<26}{'paired':>8}{'whole text':>12}{'wrong joins':>13}{'missing marked':>16}{'ms/issue':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        ways = (("by file name (_01, _02)", ("p_01.txt", "p_02.txt"), False),
                ("nothing, in order", ("a.txt", "b.txt"), False),
                ("nothing, reversed", ("a.txt", "b.txt"), True))
        for run, (label, names, reverse) in enumerate(ways):
            paired = whole = wrong = marked = total = 0
            seconds = 0.0
            for n, issue in enumerate(issues):
                folder = Path(tmp) / f"{run}-{n}"
                folder.mkdir()
                paths = []
                for name, text in zip(names, (issue["front"], issue["inner"]), strict=True):
                    (folder / name).write_text(text, encoding="utf-8")
                    paths.append(str(folder / name))
                start = time.perf_counter()
                articles = read_inputs(paths[::-1] if reverse else paths, config=config).articles
                seconds += time.perf_counter() - start
                p, h, w = _score(articles, issue["expected"])
                paired, whole, wrong, total = paired + p, whole + h, wrong + w, total + len(issue["expected"])
                marked += sum(1 for a in articles if "3" in a.missing_parts)
            jumps = sum(issue["inner"].count("（下转第3版）") for issue in issues)
            print(f"{label:<26}{f'{paired}/{total}':>8}{f'{whole}/{total}':>12}{wrong:>13}{f'{marked}/{jumps}':>16}"
                  f"{1000 * seconds / len(issues):>10.1f}")


def pdfs(items: list[dict]) -> None:
    from brief.ingest.pdf import page_texts

    rng = random.Random(5)
    from brief.ingest.segment import segment_page

    print(f"\n{'PDF page layout':<44}{'pages in order':>16}{'ms/page':>10}{'titles exact':>14}")
    layouts = [(f"{n} columns, written across", n, n, True) for n in (2, 3, 4)]
    layouts += [("lead in 2 columns over 4 briefs, across", 2, 4, True),
                ("3 columns, written column by column", 3, 3, False)]
    for label, lead_columns, columns, across in layouts:
        pages, wanted, titles = [], [], []
        for _ in range(PDF_PAGES):
            lead, *short = rng.sample(items, columns + 1)
            short = [(item["title"][:rng.randint(5, 9)], item["paragraphs"][:rng.randint(1, 3)]) for item in short]
            title, paragraphs = lead["title"][:rng.randint(8, 24)], lead["paragraphs"][:rng.randint(2, 5)]
            pages.append([spread(title, paragraphs, columns=lead_columns), row(*short)])
            wanted.append("".join([title, *paragraphs] + [t + "".join(p) for t, p in short]))
            titles.append(["".join(t.split()) for t in [title] + [t for t, _ in short]])
        data = typeset(pages, columns=columns, row_by_row=across)
        start = time.perf_counter()
        read, problems = page_texts(data, path="bench.pdf")
        seconds = time.perf_counter() - start
        in_order = sum("".join(p.text.split()) == "".join(w.split()) for p, w in zip(read, wanted, strict=True))
        found = [["".join(a.title.split()) for a in segment_page(p.text, sizes=p.sizes) if a.kind == "article"] for p in read]
        exact = sum(f == t for f, t in zip(found, titles, strict=True))
        print(f"{label:<44}{f'{in_order}/{len(pages)}':>16}{1000 * seconds / len(pages):>10.1f}"
              f"{f'{exact}/{len(pages)}':>14}" + (f"  ({problems[0]})" if problems else ""))


def main() -> None:
    items = load_items()
    joins(items)
    pdfs(items)


if __name__ == "__main__":
    main()
