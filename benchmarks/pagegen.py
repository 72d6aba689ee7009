"""Render real news items as newspaper pages in the layout of a PDF text layer, with the truth kept.

The items are CCTV evening-news transcripts (``../shared/eval/xwlb/items-dev.jsonl.gz``, read by
path, never copied); ``date_range`` picks the days they come from, so that pages to train on and
pages to test on carry different news. A page holds 4-8 of them (or one long story, or eight
short briefs), laid out the way extracted provincial-daily pages look: every article wrapped to
its own column width (8-22 characters, a paragraph's first line indented by two), blank lines
where the text jumps to the next column (mid-sentence too), line breaks anywhere, inside
datelines, bylines and figures too, digits set apart by spaces, datelines of several kinds
(``本报北京 10 月 17 日讯（记者 某某）``, ``新华社北京10月17日电``, ``本报讯``, or ``记者17日从……获悉``
inside the first sentence), headline blocks after or before their bodies (one position per page)
with kickers above or below the title, subtitles, titles of one to three lines broken anywhere,
bylines, plus photo captions, a jump line, banners, column labels, notices and adverts.
Subheads (a clause of the paragraph below, and the transcripts' own headings of stories within a
story) are kept with the text below them, as typesetters keep them.

Deterministic for a seed. The truth per page is the list of items in page order (kind, title,
body, kicker, subtitle, dateline) that a perfect segmenter returns.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from brief.zh import unbalanced, visual_width

ITEMS = Path(os.environ.get("BRIEF_XWLB_ITEMS", Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"))
AFTER, BEFORE = "after", "before"
# Train on news up to 2023, test on 2024: no story is on both sides.
TRAIN_DATES, TEST_DATES = ("20220101", "20231231"), ("20240101", "20241231")
_PREFIX = re.compile(r"^央视网消息（新闻联播）：")
_SENTENCE_END = re.compile(r"[。！？…；：][”’」』）]?$")
_NO_LINE_START = set("，。、；：？！）”’》」』…%")
_NO_LINE_END = set("“‘（《「『")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯婷雪琳晨阳佳怡欣悦然博文轩睿哲思源若凡媛薇"
_PLACES = ["北京", "太原", "大同", "运城", "临汾", "长治", "晋中", "忻州", "吕梁", "阳泉", "朔州", "晋城", "上海", "广州", "西安", "呼和浩特"]
_ORGS = ["省统计局", "省商务厅", "市交通运输局", "省农业农村厅", "太原海关", "省人社厅", "市住建局", "省文旅厅"]
_BANNERS = ["记者观察", "深度关注", "一线直击", "聚焦高质量发展", "奋进新征程 建功新时代", "新时代 新作为 新篇章",
            "简讯", "要闻", "综合新闻", "经济观察", "民生", "图片新闻"]
_FURNITURE = [
    "本版责编：{a} 美编：{b}", "责任编辑 {a} 校对 {b}", "{y}年{m}月{d}日 星期{w}", "欢迎订阅{y}年度本报",
    "广告热线：0351-{n}", "邮发代号 21-{k}", "本报地址：太原市{place}路{k}号", "新闻热线 {n}",
    "{place}市{org}公告", "诚聘英才 待遇从优", "第{k}版",
]


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
    title: str
    body: str  # paragraphs joined by "\n", as printed (datelines and credits excluded)
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""  # as printed, spaces removed: 本报太原10月17日讯, 新华社北京10月17日电


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
                items.append({"title": title, "paragraphs": paragraphs, "date": item.get("date", "")})
    return items


def _is_text(paragraph: str) -> bool:
    """Transcript paragraphs, not the scraper's separators and time stamps."""
    paragraph = paragraph.strip()
    return bool(paragraph) and not re.fullmatch(r"-+", paragraph) and "更新时间戳" not in paragraph


def generate_pages(
    n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
    date_range: tuple[str, str] | None = None,
) -> list[Page]:
    """``n`` pages with headline blocks ``position`` (after|before) their bodies, from the items
    dated within ``date_range`` (``("20240101", "20241231")``, inclusive) or all of them."""
    rng = random.Random(f"{seed}-{position}")
    items = items if items is not None else load_items()
    if date_range:
        items = [item for item in items if date_range[0] <= item.get("date", "") <= date_range[1]]
    return [_page(rng, items, position) for _ in range(n)]


# --- one page ------------------------------------------------------------------------------------


def _page(rng: random.Random, items: list[dict], position: str) -> Page:
    layout = rng.choices(["page", "long", "briefs"], weights=[75, 10, 15])[0]
    count = {"page": rng.randint(4, 8), "long": 1, "briefs": 8}[layout]
    chosen = rng.sample(items, count)
    blocks: list[list[str]] = []  # chunks of lines separated by blank lines
    truth: list[TruthItem] = []
    jump_at = rng.randrange(len(chosen)) if rng.random() < 0.6 else -1
    furniture_at = {rng.randrange(0, len(chosen) + 1) for _ in range(rng.choice([0, 1, 1, 2, 3]))}
    captions_at = [rng.randrange(0, len(chosen) + 1) for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if layout == "briefs" and rng.random() < 0.7:
        blocks.append([rng.choice(["简讯", "本省简讯", "要闻简报", "新闻速览"])])
    for k in range(len(chosen) + 1):
        if k in furniture_at:
            blocks.extend(_furniture(rng, month, day))
        for _ in range(captions_at.count(k)):
            blocks.extend(_caption(rng, items, truth))
        if k == len(chosen):
            break
        limit = {"page": rng.randint(250, 900), "long": rng.randint(1500, 3000), "briefs": rng.randint(60, 220)}[layout]
        body_blocks, head_blocks, article = _article(
            rng, chosen[k], jump=k == jump_at, month=month, day=day, limit=limit, brief=layout == "briefs"
        )
        truth.append(article)
        if position == AFTER:
            blocks.extend(body_blocks)
            blocks.extend(head_blocks)
        else:
            blocks.extend(head_blocks)
            blocks.extend(body_blocks)
    text = "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
    return Page(text=text, truth=truth, position=position)


def _furniture(rng: random.Random, month: int, day: int) -> list[list[str]]:
    """Banners, column labels, notices and adverts: text that belongs to no article."""
    blocks = []
    for _ in range(rng.randint(1, 2)):
        if rng.random() < 0.5:
            blocks.append([rng.choice(_BANNERS)])
        else:
            line = rng.choice(_FURNITURE).format(
                a=_name(rng), b=_name(rng), y=rng.randint(2022, 2025), m=month, d=day, w=rng.choice("一二三四五六日"),
                n=rng.randint(1000000, 9999999), k=rng.randint(1, 99), place=rng.choice(_PLACES), org=rng.choice(_ORGS),
            )
            blocks.append([line])
    return blocks


def _width(rng: random.Random) -> int:
    return rng.randint(12, 17) if rng.random() < 0.6 else rng.randint(8, 22)


def _article(rng: random.Random, item: dict, *, jump: bool, month: int, day: int, limit: int, brief: bool):
    width = _width(rng)
    paragraphs = _take(item["paragraphs"], limit)
    reporters = [_name(rng) for _ in range(rng.choice([1, 1, 2]))]
    printed = list(paragraphs)
    # In-article subheads: a clause of a later paragraph, printed on its own line above it.
    if len(printed) >= 3 and not brief and rng.random() < 0.3:
        for index in sorted(rng.sample(range(1, len(printed)), min(len(printed) - 1, rng.randint(1, 3))), reverse=True):
            heading = _clause(rng, printed[index])
            if heading:
                printed.insert(index, heading)
    style = rng.choices(["none", "benbao", "xinhua", "xun", "learned"], weights=[30, 35, 15, 10, 10])[0]
    with_reporter = style in ("benbao", "xun") and rng.random() < 0.8
    place = rng.choice(_PLACES)
    dateline = {
        "none": "", "learned": "",
        "benbao": f"本报{place} {month} 月 {day} 日讯",
        "xinhua": f"新华社{place}{month}月{day}日电",
        "xun": "本报讯",
    }[style]
    if style == "xinhua" and rng.random() < 0.5:
        with_reporter = True
    if style == "learned" and _SENTENCE_END.search(printed[0]) and not printed[0].startswith("记者"):
        printed[0] = f"记者{day}日从{rng.choice(_ORGS)}获悉，" + printed[0]
    truth_body = "\n".join(printed)
    spaced = rng.random() < 0.4
    split_figures = rng.random() < 0.4
    lines: list[str] = []
    paragraph_ends: set[int] = set()
    headings: set[int] = set()
    subheads = {n for n, paragraph in enumerate(printed) if paragraph not in paragraphs}
    for n, paragraph in enumerate(printed):
        if (n in subheads and n) or not _SENTENCE_END.search(paragraph):
            # A subhead, or a transcript paragraph that is no sentence (the heading of a story
            # within the story): a line of its own (a long one wrapped to the column), kept with
            # the text right below it.
            heading = [paragraph] if len(paragraph) <= 20 else _wrap(paragraph, width, spaced, indent=False)
            headings.update(range(len(lines), len(lines) + len(heading)))
            lines.extend(heading)
            continue
        lead = ""
        if n == 0 and dateline:
            lead = dateline
            if with_reporter:
                lead += f"（记者 {' '.join(reporters)}）"
            elif style == "xinhua" and rng.random() < 0.5:
                lead += " "
            if rng.random() < 0.3:  # the dateline on a line (or lines) of its own
                lines.extend(_wrap(lead, width, spaced, indent=True, split_figures=split_figures))
                lead = ""
            else:
                lead += "" if lead.endswith("）") else " "
        lines.extend(_wrap(lead + paragraph, width, spaced, indent=not (n == 0 and lines), split_figures=split_figures))
        paragraph_ends.add(len(lines) - 1)
    continued_to = None
    if jump:
        lines[-1] += " （下转第2版）"
        continued_to = "第2版"
    head_blocks, title, kicker, subtitle = _headline(
        rng, item["title"], paragraphs, reporters if not with_reporter else [], brief=brief
    )
    bylined = with_reporter or any(reporters[0] in line for block in head_blocks for line in block)
    article = TruthItem(
        "article", title, truth_body, reporters if bylined else [], continued_to, kicker, subtitle, "".join(dateline.split())
    )
    return _with_column_breaks(rng, lines, paragraph_ends, headings), head_blocks, article


def _take(paragraphs: list[str], limit: int) -> list[str]:
    """Enough leading paragraphs for a story of about ``limit`` characters, ending on a sentence."""
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


def _break_title(rng: random.Random, title: str, lines: int) -> list[str]:
    """A title over ``lines`` lines, broken anywhere a typesetter may (at a space, or mid-word)."""
    if lines <= 1 or len(title) < 4 * lines:
        return [title]
    cuts: list[int] = []
    for k in range(1, lines):
        share = k / lines
        cut = title.find(" ", int(len(title) * (share - 0.15)))
        if cut < 0 or cut > len(title) * (share + 0.15) or rng.random() < 0.5:
            cut = int(len(title) * share) + rng.randint(-2, 2)
        cut = max(cut, (cuts[-1] + 2) if cuts else 2)
        while cut < len(title) - 1 and (title[cut] in _NO_LINE_START or title[cut - 1] in _NO_LINE_END):
            cut += 1  # the typesetting rules hold for titles too
        cuts.append(cut)
    parts, start = [], 0
    for cut in cuts + [len(title)]:
        part = title[start:cut].strip()
        if part:
            parts.append(part)
        start = cut
    return parts


def _headline(rng: random.Random, title: str, paragraphs: list[str], bylines: list[str], *, brief: bool = False):
    """The headline blocks, and the title, kicker and subtitle a reader sees in them (a ``——``
    tail of the transcript's title is a subtitle)."""
    blocks: list[list[str]] = []
    subtitle = kicker = ""
    head, dash, rest = title.partition("——")
    if head and rest and not unbalanced(head):  # a dash inside 《……》 belongs to the title
        title, subtitle = head, dash + rest
    if not brief and rng.random() < 0.35:
        kicker = _clause(rng, paragraphs[-1]) or _clause(rng, paragraphs[0])
        if kicker and rng.random() < 0.3:  # two phrases (``把脉行业痛点 对接供应链条``) or one long one
            other = _clause(rng, paragraphs[min(1, len(paragraphs) - 1)][::-1])[::-1]
            kicker = kicker + rng.choice([" ", ""]) + other if other and other != kicker else kicker
    title_width = rng.randint(10, 26)
    lines = 1 if len(title) <= title_width else 2 if len(title) <= 2 * title_width else 3
    if lines == 1 and len(title) > 10 and rng.random() < 0.25:
        lines = 2
    title_lines = _break_title(rng, title, min(lines, 3))
    if not subtitle and not brief and rng.random() < 0.25:
        clause = _clause(rng, paragraphs[0])
        if clause:
            subtitle = "——" + clause
    if subtitle and len(title_lines) == 1 and rng.random() < 0.2:
        subtitle = subtitle.lstrip("—")  # a subtitle set without its dash, under a one-line title
    kicker_line = kicker + ("——" if kicker and rng.random() < 0.5 else "")
    below = kicker and rng.random() < 0.2
    if kicker and not below:
        if rng.random() < 0.5:
            blocks.append([kicker_line])
        else:
            title_lines = [kicker_line] + title_lines
    if subtitle:
        title_lines.append(subtitle)
    if kicker and below:
        title_lines.append(kicker_line)
    if len(title_lines) >= 2 and rng.random() < 0.3:  # a column break inside the headline block
        cut = rng.randint(1, len(title_lines) - 1)
        blocks.extend([title_lines[:cut], title_lines[cut:]])
    else:
        blocks.append(title_lines)
    if bylines and rng.random() < 0.8:
        role = rng.choice(["本报记者", "本报记者", "本报记者", "新华社记者", "本报通讯员"])
        byline = [f"{role} {' '.join(bylines)}"]
        if len(bylines) > 1 and rng.random() < 0.3:
            byline = [f"{role} {bylines[0]}", " ".join(bylines[1:])]
        if rng.random() < 0.5:
            blocks[-1].extend(byline)
        else:
            blocks.append(byline)
    return blocks, title, kicker, subtitle


def _caption(rng: random.Random, items: list[dict], truth: list[TruthItem]) -> list[list[str]]:
    sentence = re.split(r"(?<=。)", rng.choice(items)["paragraphs"][0])[0][:60].rstrip("，、")
    if not sentence.endswith("。"):
        sentence += "。"
    name = _name(rng)
    truth.append(TruthItem("caption", "", sentence, [name]))
    credit = rng.choice([f"本报记者 {name} 摄", f"{name} 摄", f"（本报记者 {name} 摄）", f"新华社记者 {name} 摄"])
    text = f"{sentence} {credit}"
    if rng.random() < 0.5:
        return [[text]]
    return [_wrap(text, rng.randint(12, 24), False, indent=False)]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice([1, 2, 2])))


# --- typesetting ---------------------------------------------------------------------------------


def _printed_width(text: str) -> float:
    """Printed width in em, by the same measure as the segmenter's (a space is half an em)."""
    return visual_width(text) + 0.5 * text.count(" ")


def _tokens(text: str) -> list[str]:
    """Characters, except that runs of digits and Latin letters stay whole."""
    return re.findall(r"[0-9A-Za-z.%]+|.", text)


def _wrap(text: str, width: int, spaced: bool, *, indent: bool = True, split_figures: bool = False) -> list[str]:
    """Hard-wrap a paragraph to ``width`` em, first line indented by two, keeping the line-start and
    line-end rules of Chinese typesetting; digit runs set apart by spaces when ``spaced``, and
    broken over two lines when ``split_figures`` and they do not fit."""
    lines: list[str] = []
    current: list[str] = []
    room = width - 2 if indent else width

    def size(tokens: list[str]) -> float:  # the line as it will be set, spaces included
        return _printed_width(_set(tokens, spaced))

    queue = _tokens(text)
    while queue:
        token = queue.pop(0)
        fits = size(current + [token]) <= room
        hangs = token in _NO_LINE_START  # closing marks never start a line: they hang in the margin
        if current and not fits and not hangs:
            if split_figures and len(token) >= 3 and token.isalnum():
                keep = max(1, int(room - size(current)) * 2 - 2)
                if 0 < keep < len(token):
                    current.append(token[:keep])
                    queue.insert(0, token[keep:])
                    token = None
            carry = []
            while current and current[-1] in _NO_LINE_END:
                carry.insert(0, current.pop())
            short = room - size(current) >= 1.5
            lines.append(_set(current, spaced, justify=short))
            current, room = carry, width
            if token is None:
                continue
        if not (token.isspace() and not current):  # a space at a line start is not printed
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
    """Split a body into blocks at paragraph ends (mostly) and column ends (every 3-30 lines,
    anywhere, in a dateline too); a subhead stays with the text below it, as typesetters keep it."""
    blocks: list[list[str]] = [[]]
    until_break = rng.randint(1, 30)
    for index, line in enumerate(lines):
        blocks[-1].append(line)
        until_break -= 1
        if index in headings:
            until_break = max(until_break, 1)
        elif until_break == 0:
            blocks.append([])
            until_break = rng.randint(3, 30)
        elif index in paragraph_ends and rng.random() < 0.7:
            blocks.append([])
    return [block for block in blocks if block]
