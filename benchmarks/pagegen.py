"""Render real news items as newspaper pages in the layout of a PDF text layer, with the truth kept.

The items are CCTV evening-news transcripts (``../shared/eval/xwlb/items-dev.jsonl.gz``, read by
path, never copied). Each page holds 4-8 of them, laid out the way extracted provincial-daily pages
look: every article wrapped to its own column width (12-17 characters, a paragraph's first line
indented by two), blank lines where the text jumps to the next column (mid-sentence too), digits
set apart by spaces, datelines (``本报北京 10 月 17 日讯（记者 某某）``, the reporter sometimes on
the next line), headline blocks after or before their bodies (one position per page) with kickers,
subtitles, two-line titles and bylines, plus a photo caption, a jump line and a page banner.
Subheads (a clause of the paragraph below, and the transcripts' own headings of stories within a
story) are kept with the text below them, as typesetters keep them.

Deterministic for a seed. The truth per page is the list of items in page order (kind, title,
body) that a perfect segmenter returns.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from brief.clean import unbalanced, visual_width

ITEMS = Path(os.environ.get("BRIEF_XWLB_ITEMS", Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"))
AFTER, BEFORE = "after", "before"
_PREFIX = re.compile(r"^央视网消息（新闻联播）：")
_SENTENCE_END = re.compile(r"[。！？…；：][”’」』）]?$")
_NO_LINE_START = set("，。、；：？！）”’》」』…%")
_NO_LINE_END = set("“‘（《「『")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯婷雪琳晨阳佳怡欣悦然博文轩睿哲思源若凡媛薇"
_PLACES = ["北京", "太原", "大同", "运城", "临汾", "长治", "晋中", "忻州", "吕梁", "阳泉", "朔州", "晋城"]
_BANNERS = ["记者观察", "深度关注", "一线直击", "聚焦高质量发展", "奋进新征程 建功新时代", "新时代 新作为 新篇章"]


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
    title: str
    body: str  # paragraphs joined by "\n", as printed (datelines and credits excluded)
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None


@dataclass
class Page:
    text: str
    truth: list[TruthItem]
    position: str


def load_items(path: str | Path = ITEMS) -> list[dict]:
    """Single-story items (roundups skipped) with the broadcast prefix stripped."""
    items = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            item = json.loads(raw)
            if item.get("is_roundup"):
                continue
            paragraphs = [p.strip() for p in _PREFIX.sub("", item["text"]).split("\n") if _is_text(p)]
            title = item["title"].strip()
            if paragraphs and title and title != "undefined":  # the scraper's placeholder
                items.append({"title": title, "paragraphs": paragraphs})
    return items


def _is_text(paragraph: str) -> bool:
    """Transcript paragraphs, not the scraper's separators and time stamps."""
    paragraph = paragraph.strip()
    return bool(paragraph) and not re.fullmatch(r"-+", paragraph) and "更新时间戳" not in paragraph


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None) -> list[Page]:
    """``n`` pages with headline blocks ``position`` (after|before) their bodies."""
    rng = random.Random(f"{seed}-{position}")
    items = items if items is not None else load_items()
    return [_page(rng, items, position) for _ in range(n)]


# --- one page ------------------------------------------------------------------------------------


def _page(rng: random.Random, items: list[dict], position: str) -> Page:
    chosen = rng.sample(items, rng.randint(4, 8))
    blocks: list[list[str]] = []  # chunks of lines separated by blank lines
    truth: list[TruthItem] = []
    jump_at = rng.randrange(len(chosen)) if rng.random() < 0.6 else -1
    furniture_at = rng.randrange(1, len(chosen)) if rng.random() < 0.6 else -1
    caption_at = rng.randrange(1, len(chosen) + 1) if rng.random() < 0.7 else -1
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    for k, item in enumerate(chosen):
        if k == furniture_at:
            blocks.extend([[label] for label in rng.sample(_BANNERS, rng.randint(1, 2))])
        if k == caption_at:
            blocks.append(_caption(rng, items, truth))
        body_lines, head_blocks, article = _article(rng, item, jump=k == jump_at, month=month, day=day)
        truth.append(article)
        if position == AFTER:
            blocks.extend(body_lines)
            blocks.extend(head_blocks)
        else:
            blocks.extend(head_blocks)
            blocks.extend(body_lines)
    if caption_at == len(chosen):
        blocks.append(_caption(rng, items, truth))
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    return Page(text=text, truth=truth, position=position)


def _article(rng: random.Random, item: dict, *, jump: bool, month: int, day: int):
    width = rng.randint(12, 17)
    paragraphs = _take(rng, item["paragraphs"])
    reporters = [_name(rng) for _ in range(rng.choice([1, 1, 2]))]
    printed = list(paragraphs)
    # In-article subheads: a clause of a later paragraph, printed on its own line above it.
    if len(printed) >= 3 and rng.random() < 0.3:
        for index in sorted(rng.sample(range(1, len(printed)), min(len(printed) - 1, rng.randint(1, 3))), reverse=True):
            heading = _clause(rng, printed[index])
            if heading:
                printed.insert(index, heading)
    truth_body = "\n".join(printed)
    lines: list[str] = []
    paragraph_ends: set[int] = set()
    headings: set[int] = set()
    dateline = rng.random() < 0.5
    for n, paragraph in enumerate(printed):
        if paragraph not in paragraphs or not _SENTENCE_END.search(paragraph):
            # A subhead, or a transcript paragraph that is no sentence (the heading of a story
            # within the story): a line of its own (a long one wrapped to the column), kept with
            # the text right below it.
            heading = [paragraph] if len(paragraph) <= 20 else _wrap(rng, paragraph, width, indent=False)
            headings.update(range(len(lines), len(lines) + len(heading)))
            lines.extend(heading)
            continue
        lead = None
        if n == 0 and dateline:
            lead = f"本报{rng.choice(_PLACES)} {month} 月 {day} 日讯"
            paragraph = f"（记者 {' '.join(reporters)}）{paragraph}"
            if rng.random() < 0.5:  # the reporter goes to the next line
                lines.append(lead)
                lead = None
        lines.extend(_wrap(rng, paragraph, width, indent=not (n == 0 and lines), lead=lead))
        paragraph_ends.add(len(lines) - 1)
    continued_to = None
    if jump:
        lines[-1] += " （下转第2版）"
        continued_to = "第2版"
    head_blocks, title = _headline(rng, item["title"], paragraphs, reporters if not dateline else [])
    article = TruthItem("article", title, truth_body, reporters, continued_to)
    return _with_column_breaks(rng, lines, paragraph_ends, headings), head_blocks, article


def _take(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """Enough leading paragraphs for a page story: 250-900 characters."""
    limit = rng.randint(250, 900)
    kept, total = [], 0
    for paragraph in paragraphs:
        kept.append(paragraph)
        total += len(paragraph)
        if total >= limit:
            break
    while len(kept) > 1 and not _SENTENCE_END.search(kept[-1]):
        kept.pop()  # a story ends on a sentence, not on a heading
    return kept


def _clause(rng: random.Random, paragraph: str) -> str:
    for clause in re.split(r"[，。；：！？、]", paragraph):
        if 6 <= len(clause) <= 13 and not re.search(r"[“”‘’（）《》\s\d]", clause):
            return clause
    return ""


def _headline(rng: random.Random, title: str, paragraphs: list[str], bylines: list[str]) -> tuple[list[list[str]], str]:
    """The headline blocks, and the title a reader sees in them (a ``——`` tail is a subtitle)."""
    blocks: list[list[str]] = []
    subtitle = ""
    head, dash, rest = title.partition("——")
    if head and rest and not unbalanced(head):  # a dash inside 《……》 belongs to the title
        title, subtitle = head, dash + rest
    if rng.random() < 0.35:
        kicker = _clause(rng, paragraphs[-1]) or _clause(rng, paragraphs[0])
        if kicker:
            blocks.append([kicker + ("——" if rng.random() < 0.5 else "")])
    title_lines = [title]
    if len(title) > 22 or (len(title) > 12 and rng.random() < 0.25):
        cut = title.find(" ", len(title) // 3)
        if cut < 0 or cut > 2 * len(title) // 3:
            cut = rng.randint(len(title) * 2 // 5, len(title) * 3 // 5)
        while cut < len(title) - 1 and (title[cut] in _NO_LINE_START or title[cut - 1] in _NO_LINE_END):
            cut += 1  # the typesetting rules hold for titles too
        title_lines = [title[:cut].strip(), title[cut:].strip()]
        while title_lines[1][:1] in _NO_LINE_START:  # after a space, too
            title_lines = [title_lines[0] + title_lines[1][0], title_lines[1][1:].strip()]
    if subtitle:
        title_lines.append(subtitle)
    elif rng.random() < 0.25:
        clause = _clause(rng, paragraphs[0])
        if clause:
            title_lines.append("——" + clause)
    blocks.append(title_lines)
    if bylines and rng.random() < 0.8:
        byline = "本报记者 " + " ".join(bylines)
        if rng.random() < 0.5:
            blocks[-1].append(byline)
        else:
            blocks.append([byline])
    return blocks, title


def _caption(rng: random.Random, items: list[dict], truth: list[TruthItem]) -> list[str]:
    sentence = re.split(r"(?<=。)", rng.choice(items)["paragraphs"][0])[0][:60].rstrip("，、")
    if not sentence.endswith("。"):
        sentence += "。"
    name = _name(rng)
    truth.append(TruthItem("caption", "", sentence, [name]))
    return [f"{sentence} 本报记者 {name} 摄"]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice([1, 2, 2])))


# --- typesetting ---------------------------------------------------------------------------------


def _width(text: str) -> float:
    """Printed width in em, by the same measure as the segmenter's (a space is half an em)."""
    return visual_width(text) + 0.5 * text.count(" ")


def _tokens(text: str) -> list[str]:
    """Characters, except that runs of digits and Latin letters stay whole."""
    return re.findall(r"[0-9A-Za-z.%]+|.", text)


def _wrap(rng: random.Random, paragraph: str, width: int, *, indent: bool = True, lead: str | None = None) -> list[str]:
    """Hard-wrap a paragraph to ``width`` em, first line indented by two, keeping the line-start and
    line-end rules of Chinese typesetting; digit runs are set apart by spaces now and then.
    ``lead`` (a dateline) is set first and never broken."""
    spaced = rng.random() < 0.4
    lines: list[str] = []
    current: list[str] = []
    room = width - 2 if indent else width

    def size(tokens: list[str]) -> float:  # the line as it will be set, spaces included
        return _width(_set(tokens, spaced))

    for token in ([lead] if lead else []) + _tokens(paragraph):
        fits = size(current + [token]) <= room
        hangs = token in _NO_LINE_START  # closing marks never start a line: they hang in the margin
        if current and not fits and not hangs:
            carry = []
            while current and current[-1] in _NO_LINE_END:
                carry.insert(0, current.pop())
            short = room - size(current) >= 1.5
            lines.append(_set(current, spaced, justify=short))
            current, room = carry, width
        current.append(token)
    if current:
        lines.append(_set(current, spaced))
    return lines


def _set(tokens: list[str], spaced: bool, justify: bool = False) -> str:
    """A line as the text layer gives it; a line that had to break early was justified, which the
    text layer shows as a space between every two characters."""
    if justify:
        return " ".join(tokens)
    if not spaced:
        return "".join(tokens)
    return "".join(f" {t} " if re.fullmatch(r"[0-9A-Za-z.%]+", t) else t for t in tokens).strip()


def _with_column_breaks(
    rng: random.Random, lines: list[str], paragraph_ends: set[int], headings: set[int]
) -> list[list[str]]:
    """Split a body into blocks at paragraph ends (mostly) and column ends (every 12-30 lines);
    a subhead stays with the text below it, as typesetters keep it."""
    blocks: list[list[str]] = [[]]
    until_break = rng.randint(3, 30)
    for index, line in enumerate(lines):
        blocks[-1].append(line)
        until_break -= 1
        if index in headings:
            until_break = max(until_break, 1)
        elif until_break == 0:
            blocks.append([])
            until_break = rng.randint(12, 30)
        elif index in paragraph_ends and rng.random() < 0.7:
            blocks.append([])
    return [block for block in blocks if block]
