"""A second, independent newspaper-page generator, for measuring how the segmenter generalizes.

Written blind from a written spec and one real page (not from brief's own generator or segmenter), so
that its habits are its own. A page is what a PDF text layer gives for one page of a provincial daily:
narrow hard-wrapped columns, blank lines at column breaks (anywhere, even inside a dateline, a title,
a byline or a figure), spaced-out digits and justified lines, headline blocks printed after or before
their body, photo captions, jump lines and page furniture (banners, editors, adverts, labels) that
belongs to no article. The truth lists the articles and captions in reading order, with their titles
and bodies as a reader would write them.

Standard library only; no import from ``brief``. Deterministic for (n, position, seed): page ``i``
draws from its own ``random.Random`` seeded with a string, so it does not depend on ``n``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE = "after", "before"  # headline block printed after / before its body
MIXED = "mixed"
POSITIONS = (AFTER, BEFORE, MIXED)

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "央视网消息（新闻联播）："
SCRAPER_JUNK = re.compile(r"^(?:-{2,}|\(更新时间戳[:：].*\)?|（更新时间戳[:：].*）?|undefined|null|none)$", re.I)


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
    title: str  # as a reader writes it on one line; a phrase space inside it kept as one space
    body: str  # paragraphs joined by "\n", without dateline, byline, headline block and jump lines
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None  # "2" for （下转第2版）
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""  # "本报吕梁10月23日讯", no spaces; "" if none


@dataclass
class Page:
    text: str  # the page as a PDF text layer gives it
    truth: list[TruthItem]  # articles and captions in reading order; furniture excluded
    position: str  # AFTER, BEFORE or "mixed"


# ---------------------------------------------------------------------------------------------- items

def default_items_path() -> Path:
    if os.environ.get("BRIEF_XWLB_ITEMS"):
        return Path(os.environ["BRIEF_XWLB_ITEMS"])
    shared = Path(os.environ["BRIEF_SHARED"]) if os.environ.get("BRIEF_SHARED") else ROOT.parent / "shared"
    return shared / "eval" / "xwlb" / "items-dev.jsonl.gz"


def _one_line(text: str) -> str:
    """Collapse every run of whitespace (ideographic and no-break spaces too) to one space."""
    return re.sub(r"[\s\u3000\xa0]+", " ", text).strip()


def load_items(path: str | Path | None = None) -> list[dict]:
    """xwlb news items as {"title", "paragraphs", "date"}; round-ups and scraper junk left out."""
    path = Path(path) if path else default_items_path()
    opener = gzip.open if path.suffix == ".gz" else open
    items = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("is_roundup"):
                continue
            text = str(row.get("text") or "")
            if text.startswith(PREFIX):
                text = text[len(PREFIX):]
            paragraphs = [p for p in (_one_line(x) for x in text.split("\n")) if p and not SCRAPER_JUNK.match(p)]
            title = _one_line(str(row.get("title") or ""))
            if title and paragraphs:
                items.append({"title": title, "paragraphs": paragraphs, "date": str(row.get("date") or "")})
    return items


# ------------------------------------------------------------------------------------ vocabularies
# Written for this generator: surnames and given-name characters for reporters, places, offices and
# stock phrases of a provincial daily.

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然晨曦佳欣悦子涵梓轩博文思雨嘉怡晓东海波志宏建国丹琳雪松柏岩峰凯瑞婷颖蕾璐薇彤昊天翔宁远帆舟"
PROVINCES = {
    "晋": ["太原", "大同", "朔州", "忻州", "吕梁", "晋中", "阳泉", "长治", "晋城", "临汾", "运城"],
    "豫": ["郑州", "开封", "洛阳", "安阳", "新乡", "许昌", "南阳", "信阳", "周口", "驻马店"],
    "陕": ["西安", "宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛"],
    "皖": ["合肥", "芜湖", "蚌埠", "淮南", "安庆", "黄山", "阜阳", "宿州", "六安", "亳州"],
    "赣": ["南昌", "九江", "景德镇", "萍乡", "赣州", "吉安", "宜春", "抚州", "上饶"],
    "黔": ["贵阳", "遵义", "六盘水", "安顺", "毕节", "铜仁", "凯里", "都匀"],
}
OFFICES = ["省商务厅", "省统计局", "省农业农村厅", "省人社厅", "省市场监管局", "省发展改革委", "省教育厅",
           "省生态环境厅", "省文化和旅游厅", "省交通运输厅", "省水利厅", "省科技厅", "省卫生健康委", "省工信厅",
           "省住建厅", "省应急管理厅", "省林业和草原局", "省自然资源厅", "省民政厅", "省税务局"]
KICKER_PHRASES = ["高质量发展调研行", "新春走基层", "一线见闻", "奋进新征程 建功新时代", "在希望的田野上",
                  "权威发布", "关注民生实事", "深化改革 开放先行", "践行新理念", "美丽乡村行", "项目建设进行时",
                  "聚焦营商环境", "岁末年初看发展", "稳中求进看全省", "科技创新在一线", "数说发展成就"]
SUBHEAD_PHRASES = ["强化科技支撑", "优化营商环境", "推动产业升级", "夯实民生底板", "多措并举稳增长",
                   "服务保障更加有力", "聚力创新 激发活力", "补齐短板 筑牢根基", "开放合作迈出新步伐",
                   "绿色转型成效明显", "基层治理更加精细", "群众获得感持续增强", "项目建设提速提质",
                   "改革红利持续释放", "人才队伍不断壮大", "城乡面貌焕然一新", "数字赋能 提质增效",
                   "守牢安全底线", "做强特色产业", "文旅融合添活力"]
COLUMN_LABELS = ["记者观察", "今日关注", "民生视点", "经济观察", "一线采风", "本报评论", "基层传真", "新闻特写"]
SECTION_NAMES = ["要闻", "综合新闻", "经济新闻", "地方新闻", "社会", "时政要闻", "民生", "文化"]
PAPERS = ["省报", "日报", "晚报"]
SERIES = ["推动高质量发展、深化全方位转型", "奋进新时代", "开局之年看新气象", "县域经济强起来", "一线调研"]
WEEKDAYS = "一二三四五六日"
CLOSING = set("，。、；：！？）》”’」』…,.;:!?)]%％")  # never starts a printed line
OPENING = set("（《“‘「『([【")  # never ends a printed line
PUNCT = CLOSING | OPENING | set("—")
ASCII_RUN = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.%+/:-]*[0-9A-Za-z%])?")
SENTENCE = re.compile(r".*?[。！？][”’」』）]*|.+$")
END_PUNCT = "。！？”’」』）…；："


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def _names(rng: random.Random, k: int) -> list[str]:
    names: list[str] = []
    while len(names) < k:
        name = _name(rng)
        if name not in names:
            names.append(name)
    return names


# ----------------------------------------------------------------------------------- typesetting

Tok = tuple  # (text, width, cls): cls "a" ASCII run, "p" punctuation, "s" space, "c" other character


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    i = 0
    while i < len(text):
        run = ASCII_RUN.match(text, i)
        if run:
            toks.append((run.group(), 0.5 * len(run.group()), "a"))
            i = run.end()
            continue
        ch = text[i]
        if ch == " ":
            toks.append((ch, 0.5, "s"))
        elif ch in PUNCT:
            toks.append((ch, 0.5 if ord(ch) < 128 else 1.0, "p"))
        else:
            toks.append((ch, 0.5 if ord(ch) < 128 else 1.0, "c"))
        i += 1
    return toks


def wrap(toks: list[Tok], width: float, indent: float = 0.0, split_runs: float = 0.0,
         rng: random.Random | None = None) -> tuple[list[list[Tok]], set[int]]:
    """Hard-wrap tokens into lines of ``width`` (a line may overhang by closing punctuation).

    Returns the lines and the indices of lines that end inside an ASCII run (a figure cut in two).
    """
    lines: list[list[Tok]] = []
    cut_runs: set[int] = set()
    cur: list[Tok] = []
    used = indent
    queue = list(toks)
    while queue:
        tok = queue.pop(0)
        text, w, cls = tok
        if cls == "s" and not cur:
            continue
        if used + w <= width + 1e-9 or not cur:
            cur.append(tok)
            used += w
            continue
        if cls == "p" and text in CLOSING:
            cur.append(tok)
            used += w
            continue
        room = int((width - used) / 0.5 + 1e-9)
        if (cls == "a" and rng is not None and len(text) >= 3 and 1 <= room < len(text)
                and rng.random() < split_runs):
            cur.append((text[:room], 0.5 * room, "a"))
            lines.append(cur)
            cut_runs.add(len(lines) - 1)
            cur, used = [], 0.0
            queue.insert(0, (text[room:], 0.5 * (len(text) - room), "a"))
            continue
        carry: list[Tok] = []
        while len(cur) > 1 and cur[-1][2] == "p" and cur[-1][0] in OPENING:
            carry.insert(0, cur.pop())
        while cur and cur[-1][2] == "s":
            cur.pop()
        lines.append(cur)
        cur = carry + ([] if cls == "s" else [tok])
        used = sum(t[1] for t in cur)
    while cur and cur[-1][2] == "s":
        cur.pop()
    if cur:
        lines.append(cur)
    return lines, cut_runs


def render(line: list[Tok], digit_rate: float, justified: bool, rng: random.Random) -> str:
    """One printed line as a text layer extracts it: spaced digit runs, or a justified line."""
    if justified:
        out = ""
        prev: Tok | None = None
        for tok in line:
            if tok[2] == "s":
                continue
            if prev is not None and prev[2] != "p":
                out += " "
            out += tok[0]
            prev = tok
        return out
    parts: list[str] = []
    for i, tok in enumerate(line):
        text, _, cls = tok
        if cls == "a" and rng.random() < digit_rate:
            side = rng.random()
            before = i > 0 and line[i - 1][2] != "s" and line[i - 1][0] not in OPENING and side < 0.85
            after = (i + 1 < len(line) and line[i + 1][2] != "s" and line[i + 1][0] not in CLOSING
                     and side > 0.1)
            text = (" " if before else "") + text + (" " if after else "")
        parts.append(text)
    return re.sub(" {2,}", " ", "".join(parts))


# ------------------------------------------------------------------------------------- page style

@dataclass
class Style:
    indent: str  # first-line indent of a paragraph: "\u3000\u3000", " " or ""
    para_blank: float  # chance of a blank line between two paragraphs
    digit_rate: float  # chance a digit run is printed with spaces around it
    justify_rate: float  # chance a full line comes out justified (a space between every character)
    split_runs: float  # chance a figure that does not fit is cut across lines
    column: tuple[int, int]  # lines per column (a column break is a blank line)
    head_blank: float  # chance of a blank line between two parts of a headline block
    forced: dict[str, float]  # extra column breaks at tagged spots: dateline, title, byline, figure


def _style(rng: random.Random) -> Style:
    low = rng.randint(5, 30)
    return Style(
        indent=rng.choice(["\u3000\u3000", " ", "", "", " "]),
        para_blank=rng.choice([0.0, 0.3, 0.8, 1.0, 1.0]),
        digit_rate=rng.choice([0.0, 0.2, 0.5, 0.8]),
        justify_rate=rng.choice([0.0, 0.0, 0.05, 0.12, 0.25]),
        split_runs=rng.choice([0.0, 0.3, 0.7]),
        column=(low, low + rng.randint(0, 12)),
        head_blank=rng.choice([0.2, 0.5, 0.8]),
        forced={"dateline": rng.choice([0.0, 0.15, 0.5]), "title": rng.choice([0.0, 0.05, 0.2]),
                "byline": rng.choice([0.0, 0.2, 0.5]), "figure": rng.choice([0.0, 0.3, 0.7]),
                "kicker": rng.choice([0.0, 0.1])},
    )


Line = tuple  # (text, tag); text "" is a blank line; tag names a spot where a column break may be forced


def _lines_of(text: str, width: float, style: Style, rng: random.Random, *, indent: str = "",
              justify: bool = True, digit_rate: float | None = None, tag: str = "body") -> list[Line]:
    """Typeset one paragraph: wrapped, indented, its digit runs spaced, full lines maybe justified."""
    indent_w = 1.0 * indent.count("\u3000") + 0.5 * indent.count(" ")
    rows, cut_runs = wrap(tokenize(text), width, indent_w, style.split_runs, rng)
    rate = style.digit_rate if digit_rate is None else digit_rate
    out: list[Line] = []
    for k, row in enumerate(rows):
        justified = justify and k < len(rows) - 1 and rng.random() < style.justify_rate
        printed = render(row, rate, justified, rng)
        if k == 0:
            printed = indent + printed
        out.append((printed, "figure" if k in cut_runs else tag))
    return out


# ------------------------------------------------------------------------------------ text helpers

def _sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE.findall(paragraph) if s]


def _cut(paragraph: str, limit: int) -> str:
    """The longest run of whole sentences from the start of ``paragraph`` within ``limit`` characters."""
    out = ""
    for sentence in _sentences(paragraph):
        if len(out) + len(sentence) > limit:
            break
        out += sentence
    return out


def _fit(paragraphs: list[str], budget: int) -> list[str]:
    """Whole paragraphs up to ``budget`` characters; the last one cut at a sentence end."""
    out: list[str] = []
    total = 0
    for p in paragraphs:
        if total + len(p) <= budget:
            out.append(p)
            total += len(p)
            continue
        rest = budget - total
        if rest >= 40 or not out:
            cut = _cut(p, max(rest, 40))
            if cut:
                out.append(cut)
        break
    while len(out) > 1 and _is_subhead(out[-1]):  # a cut story does not end on a subhead
        out.pop()
    return out or paragraphs[:1]


def _clauses(text: str, lo: int, hi: int) -> list[str]:
    found = []
    for piece in re.split(r"[，。、；：！？,;:!?]", text):
        piece = piece.strip()
        if lo <= len(piece) <= hi and not re.search(r"[“”‘’（）《》()\s]", piece):
            found.append(piece)
    return found


def _is_subhead(paragraph: str) -> bool:
    return len(paragraph) <= 24 and not paragraph.endswith(tuple(END_PUNCT))


def _date_of(item: dict, rng: random.Random) -> dt.date:
    try:
        day = dt.datetime.strptime(item.get("date", ""), "%Y%m%d").date()
    except ValueError:
        day = dt.date(2024, 10, 17)
    return day - dt.timedelta(days=rng.choice([0, 0, 0, 1]))


# ------------------------------------------------------------------------------------------ stories

@dataclass
class _Block:
    """Something printed on the page: a story's lines (headline block and body) or furniture."""
    lines: list[Line]
    truth: TruthItem | None = None


class _PageMaker:
    def __init__(self, rng: random.Random, position: str, style: Style, province: str, day: dt.date):
        self.rng, self.position, self.style = rng, position, style
        self.cities = PROVINCES[province]
        self.day = day

    # -- pieces of a headline block

    def _title(self, item: dict) -> tuple[str, str]:
        """(kicker from a 【column】 tag or "", printed title), sometimes with a trailing ！ or quote."""
        rng = self.rng
        title = item["title"]
        kicker = ""
        tag = re.match(r"^【([^】]{1,60})】\s*(.+)$", title)
        if tag:
            kicker, title = tag.group(1).strip(), tag.group(2).strip()
        roll = rng.random()
        if roll < 0.05 and title[-1] not in END_PUNCT:
            title += "！"
        elif roll < 0.08 and title[-1] not in END_PUNCT:
            title += "？"
        elif roll < 0.2 and " " in title and "“" not in title:
            head, tail = title.rsplit(" ", 1)
            if 2 <= len(tail) <= 10:
                title = f"{head}“{tail}”"
        return kicker, title

    def _title_lines(self, title: str) -> list[Line]:
        """A title on one to three lines, broken anywhere (a phrase space at a break is dropped)."""
        rng = self.rng
        width = rng.choice([rng.randint(6, 12), rng.randint(12, 22), rng.randint(16, 30)])
        n = 1
        if len(title) > width:
            n = min(3, -(-len(title) // width))
        elif len(title) >= 4 and rng.random() < 0.3:
            n = 2 if len(title) < 9 or rng.random() < 0.8 else 3
        if n == 1:
            return [(title, "title_end")]
        # cut points anywhere, but never leaving a line of punctuation alone
        for _ in range(20):
            cuts = sorted(rng.sample(range(2, len(title) - 1), n - 1)) if len(title) > n + 2 else []
            pieces = [title[a:b] for a, b in zip([0, *cuts], [*cuts, len(title)])]
            pieces = [p.strip() for p in pieces]
            if cuts and all(len(p) >= 2 and not set(p) <= PUNCT and p[0] not in CLOSING for p in pieces):
                break
        else:
            pieces = [title]
        if len(title) > 3 * width or len(pieces) < n:
            step = -(-len(title) // n)
            pieces = [p.strip() for p in (title[i:i + step] for i in range(0, len(title), step)) if p.strip()]
        rate = self.style.digit_rate * 0.3
        return [(render(tokenize(p), rate, False, rng), "title" if k < len(pieces) - 1 else "title_end")
                for k, p in enumerate(pieces)]

    def _kicker(self, item: dict) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.4:
            return rng.choice(OFFICES + [c + "市" for c in self.cities]) + "——"
        if roll < 0.75:
            return rng.choice(KICKER_PHRASES)
        clauses = _clauses("".join(item["paragraphs"][1:3]), 6, 16)
        if not clauses:
            return rng.choice(KICKER_PHRASES)
        return rng.choice(clauses) + ("——" if rng.random() < 0.4 else "")

    def _subtitle(self, item: dict, printed: int) -> str:
        """A line under the title: preferably a clause of the story that did not fit on the page."""
        rng = self.rng
        clauses = (_clauses("".join(item["paragraphs"][printed:]), 8, 22)
                   or _clauses("".join(item["paragraphs"]), 8, 22))
        base = rng.choice(clauses) if clauses else rng.choice(self.cities) + rng.choice(["发展纪实", "见闻", "侧记"])
        if rng.random() < 0.3:
            base += rng.choice(["纪实", "侧记", "综述"])
        return ("——" + base) if rng.random() < 0.6 else base

    def _byline(self, names: list[str], width: float) -> tuple[list[Line], list[str]]:
        rng = self.rng
        roll = rng.random()
        reporters = list(names)
        if roll < 0.4:
            text = "本报记者 " + " ".join(names)
        elif roll < 0.55:
            text = rng.choice(["□ ", "■ ", "□"]) + rng.choice(["记者 ", "本报记者 "]) + " ".join(names)
        elif roll < 0.7:
            text = "文/图 " + " ".join(names[:1])
            reporters = names[:1]
        elif roll < 0.85:
            extra = _name(rng)
            text = "本报记者 " + " ".join(names) + " 通讯员 " + extra
            reporters = names + [extra]
        else:
            text = "新华社记者 " + " ".join(names)
        lines = _lines_of(text, max(width, 10), self.style, rng, justify=False, digit_rate=0.0, tag="byline_end")
        if len(lines) == 1 and " " in text and rng.random() < 0.35:
            # the byline wraps between two of its words
            words = text.split(" ")
            k = rng.randint(1, len(words) - 1)
            lines = [(" ".join(words[:k]), "byline"), (" ".join(words[k:]), "byline_end")]
        else:
            lines = [(t, "byline" if i < len(lines) - 1 else "byline_end") for i, (t, _) in enumerate(lines)]
        return lines, reporters

    def _dateline(self, item: dict, with_reporter: bool) -> tuple[str, str, list[str], str]:
        """(printed lead, truth dateline, reporters, extra body prefix) for the first paragraph."""
        rng = self.rng
        day = _date_of(item, rng)
        md = f"{day.month}月{day.day}日"
        names = _names(rng, rng.choice([1, 1, 1, 2]))
        roll = rng.random()
        if roll < 0.5:
            dateline = f"本报{rng.choice(self.cities)}{md}讯"
        elif roll < 0.75:
            dateline = "本报讯"
        elif roll < 0.9:
            dateline = f"新华社{rng.choice(['北京', '上海', '广州', '成都', '武汉'])}{md}电"
        else:
            if re.match(r"[\d记今昨近日]", item["paragraphs"][0]):
                return "", "", [], ""
            office = rng.choice(OFFICES)
            return "", "", [], f"{md}，记者从{office}{rng.choice(['获悉', '了解到'])}，"
        if not with_reporter:
            return dateline, dateline, [], ""
        sep = "、" if dateline.startswith("新华社") and rng.random() < 0.6 else " "
        who = "记者 " + sep.join(names)
        reporters = list(names)
        if rng.random() < 0.25:
            extra = _name(rng)
            who += " 通讯员 " + extra
            reporters.append(extra)
        return f"{dateline}（{who}）", dateline, reporters, ""

    def _subheads(self, paragraphs: list[str]) -> list[str]:
        rng = self.rng
        if len(paragraphs) < 4:
            return paragraphs
        k = min(rng.choice([0, 0, 1, 2, 2, 3, 4]), len(paragraphs) // 2)
        spots = sorted(rng.sample(range(1, len(paragraphs)), k))
        out: list[str] = []
        for i, p in enumerate(paragraphs):
            if i in spots:
                clauses = _clauses(p, 5, 14)[1:]  # not the paragraph's own opening words
                if clauses and rng.random() < 0.4:
                    out.append(rng.choice(clauses))
                else:
                    out.append(rng.choice(SUBHEAD_PHRASES))
            out.append(p)
        return out

    # -- whole stories

    def story(self, item: dict, budget: int, *, first: bool) -> _Block:
        rng, style = self.rng, self.style
        position = self.position if self.position != MIXED else rng.choice([AFTER, BEFORE])
        width = rng.randint(8, 22) if rng.random() < 0.8 else rng.randint(8, 12)
        fitted = _fit(item["paragraphs"], budget)
        paragraphs = self._subheads(fitted)

        kicker, title = self._title(item)
        if not kicker and rng.random() < 0.3:
            kicker = self._kicker(item)
        subtitle = self._subtitle(item, len(fitted)) if rng.random() < 0.25 else ""

        has_byline = rng.random() < 0.35
        reporters: list[str] = []
        byline: list[Line] = []
        if has_byline:
            byline, reporters = self._byline(_names(rng, rng.choice([1, 1, 2, 2, 3])), width)
        lead, dateline, dl_reporters, prefix = ("", "", [], "")
        if rng.random() < (0.3 if has_byline else 0.75):
            lead, dateline, dl_reporters, prefix = self._dateline(item, with_reporter=not has_byline)
            reporters = reporters or dl_reporters
        if prefix:
            paragraphs[0] = prefix + paragraphs[0]

        continued_to = None
        jump = ""
        if len("".join(paragraphs)) > 350 and rng.random() < (0.45 if first else 0.12):
            continued_to = str(rng.randint(2, 12))
            jump = rng.choice(["（下转第{}版）", "（下转第{}版）", "（转第{}版）", "(下转第{}版)"]).format(continued_to)
        from_page = ""
        if not first and not lead and rng.random() < 0.12:
            from_page = rng.choice(["（上接第1版）", "（上接第{}版）".format(rng.randint(1, 4))])

        # body lines
        body: list[Line] = []
        if from_page and rng.random() < 0.5:
            body.append((from_page, "body"))
            from_page = ""
        for i, p in enumerate(paragraphs):
            if i and rng.random() < style.para_blank:
                body.append(("", ""))
            if _is_subhead(p) and i:
                body.extend(_lines_of(p, width, style, rng, justify=False, tag="body"))
                continue
            printed = p
            if i == 0:
                printed = from_page + lead + p
            lines = _lines_of(printed, width, style, rng, indent=style.indent)
            if i == 0 and lead:
                # the lines that end inside the dateline are where a column break splits it
                done, lead_len = 0, len(re.sub(r"\s", "", lead))
                for k, (text, tag) in enumerate(lines):
                    done += len(re.sub(r"\s", "", text))
                    if done < lead_len and tag == "body":
                        lines[k] = (text, "dateline")
            body.extend(lines)
        if jump:
            last_text, last_tag = body[-1]
            if rng.random() < 0.5:
                body[-1] = (last_text + rng.choice([" ", "  ", ""]) + jump, last_tag)
            else:
                body.append((rng.choice(["", " ", "    "]) + jump, "body"))

        # headline block
        parts: list[list[Line]] = []
        kicker_lines = [(kicker, "kicker")] if kicker else []
        kicker_below = not kicker.endswith("——") and rng.random() < 0.25
        if kicker_lines and not kicker_below:
            parts.append(kicker_lines)
        parts.append(self._title_lines(title))
        if kicker_lines and kicker_below:
            parts.append(kicker_lines)
        if subtitle:
            parts.append(_lines_of(subtitle, rng.randint(12, 26), style, rng, justify=False,
                                   digit_rate=0.0, tag="subtitle"))
        if byline:
            parts.append(byline)
        head: list[Line] = []
        for part in parts:
            if head and rng.random() < style.head_blank:
                head.append(("", ""))
            head.extend(part)

        lines = head + [("", "")] + body if position == BEFORE else body + [("", "")] + head
        truth = TruthItem("article", title, "\n".join(paragraphs), reporters, continued_to,
                          kicker, subtitle, dateline)
        return _Block(lines, truth)

    def brief(self, item: dict, marker: str, position: str) -> _Block:
        """A 简讯: a title line and one short paragraph."""
        rng = self.rng
        _, title = self._title(item)
        para = _cut(item["paragraphs"][0], rng.randint(60, 160)) or item["paragraphs"][0][:120]
        lead, dateline, reporters = "", "", []
        if rng.random() < 0.35:
            dateline = "本报讯"
            reporters = _names(rng, 1) if rng.random() < 0.5 else []
            lead = dateline + (f"（记者 {reporters[0]}）" if reporters else "")
        width = rng.randint(10, 22)
        head = [(marker + title if marker else title, "title_end")]
        if len(title) > width + 4:
            head = [(marker + p, t) if k == 0 else (p, t) for k, (p, t) in enumerate(self._title_lines(title))]
        body = _lines_of(lead + para, width, self.style, rng, indent=self.style.indent)
        lines = head + body if position == BEFORE else body + head
        return _Block(lines, TruthItem("article", title, para, reporters, None, "", "", dateline))

    def caption(self, item: dict) -> _Block | None:
        rng = self.rng
        firsts = [_sentences(p)[0] for p in item["paragraphs"]]  # a paragraph's first sentence stands alone
        sentences = [s for s in firsts if 14 <= len(s) <= 90 and s.endswith("。")]
        if not sentences:
            return None
        text = rng.choice(sentences)
        if rng.random() < 0.2 and not re.match(r"(?:据|但|而|此外|同时|其中|另外|这|截至|下一步|当地|“)", text):
            text = "图为" + text
        who = _name(rng)
        credit = rng.choice([f"（{who} 摄）", f"（本报记者 {who} 摄）", f" {who} 摄", f" 本报记者 {who} 摄",
                             f" 新华社记者 {who} 摄", f"  本报通讯员 {who} 摄"])
        if rng.random() < 0.4:
            lines = [(text + credit, "body")]
        else:
            lines = _lines_of(text, rng.randint(12, 30), self.style, rng, justify=False)
            if credit.startswith(" ") and rng.random() < 0.5:
                lines.append((credit.strip(), "body"))
            else:
                last, tag = lines[-1]
                lines[-1] = (last + credit, tag)
        return _Block(lines, TruthItem("caption", "", text, [who]))

    # -- furniture

    def banner(self, page_no: int) -> _Block:
        rng = self.rng
        day = self.day
        digits = rng.random() < 0.4
        date = f"{day.year}年{day.month}月{day.day}日"
        if digits:
            date = f"{day.year} 年 {day.month} 月 {day.day} 日"
        pieces = [rng.choice(SECTION_NAMES), f"{date}{rng.choice([' ', '  ', ''])}星期{WEEKDAYS[day.weekday()]}",
                  rng.choice([f"第{page_no}版", f"第 {page_no} 版", f"{page_no}", f"0{page_no}"]),
                  f"责任编辑{rng.choice([' ', '：'])}{_name(rng)}", f"美术编辑{rng.choice([' ', '：'])}{_name(rng)}"]
        if rng.random() < 0.3:
            pieces.append(rng.choice(list(PROVINCES)) + rng.choice(PAPERS))
        if rng.random() < 0.3:
            pieces.append(f"校对 {_name(rng)}")
        keep = [p for p in pieces if rng.random() < 0.7] or pieces[:2]
        rng.shuffle(keep)
        if rng.random() < 0.3 and len(keep) > 1:
            keep = [keep[0] + "  " + keep[1]] + keep[2:]
        return _Block([(p, "furniture") for p in keep])

    def notice(self) -> _Block:
        rng = self.rng
        phone = f"0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}"
        lines = rng.choice([
            ["广告"],
            ["广告", f"广告热线：{phone}"],
            [f"订阅热线 {phone}"],
            [f"新闻热线：{phone}  {rng.randint(13000000000, 18999999999)}"],
            ["·图片新闻·"],
            [rng.choice(COLUMN_LABELS)],
            [f"聚焦“{rng.choice(SERIES)}”系列{rng.choice(['报道', '主题新闻发布会'])}"],
        ])
        return _Block([(t, "furniture") for t in lines])


def _lay_out(blocks: list[_Block], style: Style, rng: random.Random) -> str:
    """Join blocks with blank lines and break columns: every so many lines and at forced spots."""
    out: list[str] = []
    since = 0
    height = rng.randint(*style.column)
    for b, block in enumerate(blocks):
        if b and out and out[-1] != "":
            out.append("")
        for text, tag in block.lines:
            if text == "":
                if out and out[-1] != "":
                    out.append("")
                continue
            out.append(text)
            since += 1
            if since >= height or rng.random() < style.forced.get(tag, 0.0):
                out.append("")
                since = 0
                height = rng.randint(*style.column)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


# ------------------------------------------------------------------------------------------ pages

def _select(items: list[dict], date_range: tuple[str, str] | None) -> list[dict]:
    if not date_range:
        return items
    lo, hi = date_range
    return [it for it in items if lo <= str(it.get("date", "")) <= hi]


def _page(rng: random.Random, position: str, pool: list[dict], long_pool: list[dict]) -> Page:
    style = _style(rng)
    shape = rng.choices(["long", "mixed", "briefs"], weights=[0.25, 0.5, 0.25])[0]
    if shape == "long":
        stories = [rng.choice(long_pool or pool)]
    elif shape == "mixed":
        stories = rng.sample(pool, min(len(pool), rng.randint(3, 8)))
    else:
        stories = rng.sample(pool, min(len(pool), 8))
    spare = [it for it in rng.sample(pool, min(len(pool), 12)) if it not in stories]
    day = _date_of(stories[0], rng)
    maker = _PageMaker(rng, position, style, rng.choice(list(PROVINCES)), day)
    page_no = rng.randint(1, 12)

    blocks: list[_Block] = []
    if shape == "long":
        blocks.append(maker.story(stories[0], rng.randint(900, 3200), first=True))
    elif shape == "mixed":
        for i, item in enumerate(stories):
            budget = rng.choice([rng.randint(120, 400), rng.randint(300, 900), rng.randint(800, 1500)])
            blocks.append(maker.story(item, budget, first=i == 0))
            if rng.random() < 0.12:
                blocks.append(maker.notice())
    else:
        marker = rng.choice(["", "□", "■", "■ ", "□ "])
        if rng.random() < 0.7:
            blocks.append(_Block([(rng.choice(["简讯", "·简讯·", "新闻速览", "简明新闻", "短讯"]), "furniture")]))
        for item in stories:
            own = position if position != MIXED else rng.choice([AFTER, BEFORE])
            blocks.append(maker.brief(item, marker, own))

    # photo captions between the stories (mostly) or at the end
    n_captions = rng.choice({"long": [0, 1, 2], "mixed": [1, 2, 2, 3, 4], "briefs": [0, 1]}[shape])
    for item in spare[:n_captions]:
        cap = maker.caption(item)
        if cap is None:
            continue
        spot = rng.randint(0, len(blocks)) if rng.random() < 0.7 else len(blocks)
        if rng.random() < 0.25:
            blocks.insert(spot, _Block([("·图片新闻·", "furniture")]))
            spot += 1
        blocks.insert(spot, cap)
    # banners on top, at the bottom, or both; sometimes a notice
    roll = rng.random()
    if roll < 0.6:
        blocks.insert(0, maker.banner(page_no))
    elif roll < 0.8:
        blocks.append(maker.banner(page_no))
    elif roll < 0.9:
        blocks.insert(0, maker.banner(page_no))
        blocks.append(maker.banner(page_no))
    if rng.random() < 0.2:
        blocks.append(maker.notice())

    text = _lay_out(blocks, style, rng)
    return Page(text, [b.truth for b in blocks if b.truth is not None], position)


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   *, date_range: tuple[str, str] | None = None) -> list[Page]:
    """``n`` pages whose headline blocks follow (AFTER), precede (BEFORE) or vary per article (mixed)."""
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}, not {position!r}")
    pool = _select(items if items is not None else load_items(), date_range)
    if len(pool) < 8:
        raise ValueError(f"need at least 8 news items to make pages, have {len(pool)}")
    long_pool = [it for it in pool if sum(map(len, it["paragraphs"])) >= 900]
    return [_page(random.Random(f"pagegen_b:{seed}:{position}:{i}"), position, pool, long_pool)
            for i in range(n)]


# ------------------------------------------------------------------------------------ trait counts

def _finds(text: str, needle: str) -> list[re.Match]:
    """Where ``needle`` occurs in ``text``, whitespace (line and column breaks too) ignored."""
    chars = re.sub(r"\s", "", needle)
    if len(chars) < 2:
        return []
    return list(re.finditer(r"\s*".join(map(re.escape, chars)), text))


def _spans(text: str, needle: str, sep: str) -> bool:
    """Does ``needle`` occur in ``text`` with ``sep`` inside it somewhere?"""
    return any(sep in m.group() for m in _finds(text, needle))


def _order(text: str, first: str, then: str) -> bool:
    """Is ``then`` printed right after ``first`` (with at most blank lines between)?"""
    return any(re.match(r"\s*" + r"\s*".join(map(re.escape, re.sub(r"\s", "", then))), text[m.end():])
               for m in _finds(text, first))


TRAIT_PATTERNS = {
    "indent_fullwidth": re.compile(r"^\u3000\u3000\S", re.M),
    "indent_space": re.compile(r"^ [^\s]", re.M),
    "digit_spaced": re.compile(r"[^\s\d] \d+(?:\.\d+)? [^\s\d]"),
    "justified_line": re.compile(r"^(?:\S ){6,}", re.M),
    "mid_sentence_column_break": re.compile(r"[\u4e00-\u9fff]\n\n[\u4e00-\u9fff]"),
    "byline_line": re.compile(r"^(?:本报记者|[□■] ?(?:本报)?记者|文/图|新华社记者) \S", re.M),
    "jump_to": re.compile(r"[（(](?:下)?转第\d+版[）)]"),
    "jump_from": re.compile(r"（上接第\d+版）"),
    "caption_credit": re.compile(r"摄）?$", re.M),
    "furniture_editor": re.compile(r"^(?:责任编辑|美术编辑|校对)", re.M),
    "furniture_date": re.compile(r"星期[一二三四五六日]"),
    "furniture_page_no": re.compile(r"第 ?\d+ ?版$", re.M),
    "furniture_advert": re.compile(r"^(?:广告|订阅热线|新闻热线|广告热线)", re.M),
    "furniture_label": re.compile(r"^(?:·\S+·|简讯|短讯|新闻速览|简明新闻|" + "|".join(COLUMN_LABELS) + r")$", re.M),
    "brief_marker": re.compile(r"^[□■]", re.M),
    "phrase_in_dateline": re.compile(r"^\d+月\d+日，记者从", re.M),
}


def trait_counts(pages: list[Page]) -> Counter:
    """How many pages show each trait: measured on the output (text and truth), not on the dice."""
    counts: Counter = Counter()
    for page in pages:
        seen: set[str] = set()
        text = page.text
        for name, pattern in TRAIT_PATTERNS.items():
            if name != "phrase_in_dateline" and pattern.search(text):
                seen.add(name)
        articles = [t for t in page.truth if t.kind == "article"]
        captions = [t for t in page.truth if t.kind == "caption"]
        if len(articles) == 1:
            seen.add("shape_one_long_article")
        elif len(articles) >= 8 and all("\n" not in t.body for t in articles):
            seen.add("shape_eight_briefs")
        elif 3 <= len(articles) <= 8:
            seen.add("shape_3_to_8_articles")
        if len(captions) >= 2:
            seen.add("captions_2_or_more")
        if captions:
            seen.add("caption")
        for t in articles:
            if _spans(text, t.title, "\n"):
                seen.add("title_multiline")
            if _spans(text, t.title, "\n\n"):
                seen.add("column_break_in_title")
            if any(len([x for x in m.group().split("\n") if x]) >= 3 for m in _finds(text, t.title)):
                seen.add("title_three_lines")
            if t.kicker and _order(text, t.title, t.kicker):
                seen.add("kicker_below_title")
            paragraphs = t.body.split("\n")
            for a, b in zip(paragraphs, paragraphs[1:]):
                seam = a[-6:] + b[:6]
                blank = _spans(text, seam, "\n\n")
                seen.add("paragraphs_blank_between" if blank else "paragraphs_no_blank_between")
            if t.title.endswith(("！", "？", "”")):
                seen.add("title_ends_punct_or_quote")
            if " " in t.title:
                seen.add("title_phrase_space")
            if t.kicker:
                seen.add("kicker_dash" if t.kicker.endswith("——") else "kicker_phrase")
            if t.subtitle:
                seen.add("subtitle_dash" if t.subtitle.startswith("——") else "subtitle_plain")
            if t.dateline:
                form = ("dateline_xinhua" if t.dateline.startswith("新华社")
                        else "dateline_benbao_plain" if t.dateline == "本报讯" else "dateline_benbao_place_date")
                seen.add(form)
                if _spans(text, t.dateline, "\n\n") or _spans(text, t.dateline + "（记者", "\n\n"):
                    seen.add("column_break_in_dateline")
                if t.reporters and re.search(re.escape(t.dateline[-1]) + r"\s*（\s*记者", text):
                    seen.add("dateline_with_reporter")
                    first = re.sub(r"\s", "", t.reporters[0])
                    if _spans(text, "记者" + first, "\n"):
                        seen.add("reporter_wrapped_in_dateline")
            if TRAIT_PATTERNS["phrase_in_dateline"].search(t.body):
                seen.add("dateline_phrase_from_office")
            if any(_spans(text, a + b, "\n\n") for a, b in zip(t.reporters, t.reporters[1:])) or any(
                    _spans(text, "记者" + r, "\n\n") for r in t.reporters):
                seen.add("column_break_in_byline")
            if t.continued_to:
                seen.add("continued_to")
            subheads = sum(1 for i, p in enumerate(t.body.split("\n")) if i and _is_subhead(p))
            if subheads:
                seen.add("subheads")
            for run in set(ASCII_RUN.findall(t.body)):
                if len(run) >= 3 and _spans(text, run, "\n\n"):
                    seen.add("column_break_in_figure")
                    break
        counts.update(seen)
        counts["pages"] += 1
    return counts


# -------------------------------------------------------------------------------------------- CLI

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--position", choices=POSITIONS, default=AFTER)
    parser.add_argument("--items", default=None, help="xwlb items (default $BRIEF_XWLB_ITEMS or ../shared)")
    parser.add_argument("--stats", action="store_true", help="print trait frequencies and speed, not pages")
    args = parser.parse_args(argv)
    try:
        items = load_items(args.items)
    except (OSError, ValueError) as exc:
        print(f"pagegen_b: cannot read items: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    pages = generate_pages(args.pages, args.position, args.seed, items)
    elapsed = time.perf_counter() - start
    if args.stats:
        counts = trait_counts(pages)
        print(f"| trait | pages (of {counts['pages']}) | share |\n|---|---:|---:|")
        for name, k in sorted(counts.items(), key=lambda kv: -kv[1]):
            if name != "pages":
                print(f"| {name} | {k} | {k / counts['pages']:.0%} |")
        print(f"\n{len(pages)} pages in {elapsed:.2f} s ({1000 * elapsed / max(1, len(pages)):.1f} ms a page,"
              f" {sum(len(p.text) for p in pages) / max(1, len(pages)):.0f} characters a page)")
        return 0
    for k, page in enumerate(pages):
        print(f"===== page {k} ({page.position}) =====")
        print(page.text)
        print(f"----- truth: {len(page.truth)} items -----")
        for t in page.truth:
            extra = " ".join(f"{name}={value!r}" for name, value in (
                ("kicker", t.kicker), ("subtitle", t.subtitle), ("dateline", t.dateline),
                ("reporters", t.reporters), ("continued_to", t.continued_to)) if value)
            print(f"[{t.kind}] {t.title!r} {extra}\n    body: {t.body[:60]!r}{'...' if len(t.body) > 60 else ''}"
                  f" ({len(t.body)} chars, {t.body.count(chr(10)) + 1} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
