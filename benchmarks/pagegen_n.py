"""Page generator n: pages of Chinese sector / economic dailies as text, with exact truth.

Covers sector and economic dailies (经济日报, 法治日报, 科技日报, 农民日报, 中国交通报 style and
city 财经/产经 pages): data-heavy leads, figure headlines, tables and charts printed as text, notices,
three-level headline blocks, packages under a banner, bylines and datelines in many habits, and five
text layers (pdftotext plain, pdftotext -raw, e-paper copy, OCR layer, viewer copy without blanks).

Every printed piece is tagged with (item, role); ``--check`` rebuilds the truth from the tags and
asserts it against the truth items.  Standard library only.

    python benchmarks/pagegen_n.py --show 2 --position after --seed 0
    python benchmarks/pagegen_n.py --traits 300
    python benchmarks/pagegen_n.py --check 1000
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE, MIXED = "after", "before", "mixed"
TRAIN_DATES, TEST_DATES = ("20220101", "20231231"), ("20240101", "20241231")

_PREFIX = "央视网消息（新闻联播）："


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
    title: str
    body: str  # paragraphs joined by "\n"
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None  # "第2版" when the article ends with （下转第2版）
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""


@dataclass
class Page:
    text: str
    truth: list[TruthItem]  # in the page's reading order
    position: str


# ----------------------------------------------------------------------------------------------
# items

_ITEMS_CACHE: dict[str, list[dict]] = {}


def load_items(path=None) -> list[dict]:
    """xwlb items as [{"title", "paragraphs", "date"}], roundups dropped, CCTV prefix stripped."""
    if path is None:
        path = os.environ.get("BRIEF_XWLB_ITEMS") or (
            Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"
        )
    key = str(path)
    if key in _ITEMS_CACHE:
        return _ITEMS_CACHE[key]
    opener = gzip.open if str(path).endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if d.get("is_roundup"):
                continue
            text = d.get("text") or ""
            text = text.removeprefix(_PREFIX)
            paras = [p.strip() for p in text.split("\n") if p.strip()]
            title = (d.get("title") or "").strip()
            if not paras or not title or title == "undefined":
                continue
            out.append({"title": title, "paragraphs": paras, "date": str(d.get("date", ""))})
    _ITEMS_CACHE[key] = out
    return out


# ----------------------------------------------------------------------------------------------
# text helpers

_WS = re.compile(r"\s+")
_ASCII_AN = re.compile(r"[A-Za-z0-9]")


def _norm_text(s: str) -> str:
    """Remove whitespace except one space between two ASCII letters/digits."""

    def rep(m):
        a = s[m.start() - 1] if m.start() > 0 else ""
        b = s[m.end()] if m.end() < len(s) else ""
        return " " if a and b and _ASCII_AN.match(a) and _ASCII_AN.match(b) else ""

    return _WS.sub(rep, s)


def _norm_title(s: str) -> str:
    return " ".join(s.split())


def _fold(s: str, ocr: bool = False) -> str:
    if ocr:
        s = unicodedata.normalize("NFKC", s)
    return _WS.sub("", s)


_SENT = re.compile(r"[^。！？]*[。！？]+[”’」』）]*|[^。！？]+$")
_CLAUSE_SPLIT = re.compile(r"[，。；！？：、（）“”]")


def _sentences(p: str) -> list[str]:
    return [x for x in _SENT.findall(p) if x.strip()]


def _clauses(p: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(p) if c]


def _cut(paras: list[str], budget: int, rng: random.Random, min_paras: int = 1) -> list[str]:
    """Take whole sentences up to about budget characters."""
    out: list[str] = []
    total = 0
    for p in paras:
        if total >= budget and len(out) >= min_paras:
            break
        sents = _sentences(p)
        keep = []
        for s in sents:
            if total >= budget and keep:
                break
            keep.append(s)
            total += len(s)
        if keep:
            out.append("".join(keep))
    return out or [paras[0]]


_BAD_START = ("据", "其中", "的", "和", "并", "及", "与", "而", "等", "了", "是", "也", "但", "就", "为", "对")
_GOOD_FIG = re.compile(r"(增长|下降|增加|减少|达到|达|突破|超过|超|完成|实现|同比|提高|占)")


def _fig_clauses(paras: list[str], strong=False) -> list[str]:
    out = []
    for p in paras[:6]:
        for c in _clauses(p):
            ok = 7 <= len(c) <= 22 and re.search(r"\d", re.sub(r"\d+年|\d+月|\d+日", "", c)) and re.search(r"\d", c) and not c.startswith(_BAD_START) and not c.endswith("的")
            if ok and (not strong or (_GOOD_FIG.search(c) and re.search(r"[%％亿万]", c))):
                out.append(c)
    return out


def _plain_clauses(paras: list[str], lo=6, hi=16) -> list[str]:
    out = []
    for p in paras:
        for c in _clauses(p):
            if lo <= len(c) <= hi and not re.search(r"[《》\d]", c) and not c.startswith(_BAD_START):
                out.append(c)
    return out


def _spdig(s: str) -> str:
    """pdftotext habit: spaces around ASCII runs next to CJK (本报太原 10 月 17 日讯)."""
    return re.sub(r"(?<=[^\x00-\x7f])([0-9][0-9.]*%?)|([0-9][0-9.]*%?)(?=[^\x00-\x7f])",
                  lambda m: " " + (m.group(1) or m.group(2)) + " ", s).replace("  ", " ").strip()


_FW = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%."}
_HW = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}


# ----------------------------------------------------------------------------------------------
# made-up material (names, places, organisations, furniture)

_SUR = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
_GIV = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然晨轩思远佳琪欣怡子涵梓萱博文雨泽俊凯瑞安宁海波建国志强晓东雪梅春燕立新永胜卫东亚男若楠媛凡薇龙")
_PLACES = ["北京", "上海", "天津", "重庆", "太原", "合肥", "南京", "杭州", "福州", "济南", "郑州", "武汉",
           "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川",
           "乌鲁木齐", "呼和浩特", "沈阳", "长春", "哈尔滨", "石家庄", "南昌", "深圳", "宁波", "厦门",
           "青岛", "大连", "苏州", "无锡", "佛山", "东莞", "运城", "大同", "洛阳", "绵阳", "赣州"]
_ORGS = ["省统计局", "国家统计局", "市商务局", "省农业农村厅", "交通运输部", "省发展改革委", "海关总署",
         "省工业和信息化厅", "市场监管总局", "省科技厅", "国家能源局", "省人社厅", "市住建局",
         "省交通运输厅", "最高人民检察院", "省高级人民法院", "市司法局", "国家知识产权局", "省文旅厅",
         "中国物流与采购联合会", "省地方金融管理局", "市公安局", "省生态环境厅", "国家邮政局"]
_PAPERS = [
    {"name": "经济日报", "rep": "经济日报记者", "secs": ["要闻", "综合", "产经", "财经", "区域经济", "国际经济"]},
    {"name": "法治日报", "rep": "法治日报全媒体记者", "secs": ["要闻", "法治政府", "政法", "综合新闻", "法治经济"]},
    {"name": "科技日报", "rep": "科技日报记者", "secs": ["要闻", "综合新闻", "科技创新", "区域创新", "国际"]},
    {"name": "农民日报", "rep": "农民日报·中国农网记者", "secs": ["要闻", "三农综合", "乡村振兴", "农业产业"]},
    {"name": "中国交通报", "rep": "中国交通报记者", "secs": ["要闻", "综合", "公路", "水运", "运输服务"]},
    {"name": "金融时报", "rep": "金融时报记者", "secs": ["要闻", "银行", "保险", "市场", "区域金融"]},
    {"name": "中国经济时报", "rep": "中国经济时报记者", "secs": ["要闻", "产经", "区域", "调研"]},
    {"name": "CITY日报", "rep": "本报记者", "secs": ["财经", "产经", "经济新闻", "金融", "民生"]},
    {"name": "CITY商报", "rep": "本报记者", "secs": ["财经新闻", "产经", "城市经济", "消费"]},
]
_BANDS = ["学习贯彻党的二十届三中全会精神", "高质量发展调研行", "奋进新征程 建功新时代", "一线调研·经济新观察",
          "稳增长 促发展", "新春走基层", "中国经济半年报", "数读经济", "法治护航民营经济", "科技创新 引领未来",
          "乡村振兴看变化", "交通强国建设试点巡礼", "聚焦“推动高质量发展”系列新闻发布会"]
_LABELS = ["记者观察", "经济观察", "政策解读", "数据", "一线调研", "法治时评", "科技前沿", "三农视点", "交通动态",
           "产业观察", "市场观察", "新闻分析", "区域传真", "今日关注", "深度"]
_BRIEF_LABELS = ["简讯", "经济简讯", "法治动态", "科技快讯", "三农简讯", "交通快讯", "财经速递", "要闻速览"]
_SIDE = ["相关链接", "记者手记", "短评", "延伸阅读"]
_WEEK = "一二三四五六日"


def _name(rng: random.Random) -> str:
    return rng.choice(_SUR) + "".join(rng.choice(_GIV) for _ in range(rng.choice((1, 2, 2))))


def _names(rng, k):
    out = []
    while len(out) < k:
        n = _name(rng)
        if n not in out:
            out.append(n)
    return out


def _date_parts(date: str):
    try:
        y, m, d = int(date[:4]), int(date[4:6]), int(date[6:8])
    except ValueError:
        y, m, d = 2024, 10, 18
    return y, m, d


# ----------------------------------------------------------------------------------------------
# building blocks: a segment is (tag, text), tag = (item or -1, role, para)

F = (-1, "furn", 0)


class _Story:
    __slots__ = ("before", "col_len", "head", "idx", "inner_caps", "kind", "label", "paras", "side", "truth",
                 "w")

    def __init__(self, idx, kind):
        self.idx = idx
        self.kind = kind
        self.head: list[list] = []  # lines of segments; None = optional blank
        self.paras: list[list] = []  # paragraphs of segments
        self.truth: TruthItem | None = None
        self.before = True
        self.inner_caps: list[_Story] = []
        self.label: list[str] = []
        self.w = 14
        self.col_len = 20
        self.side = False


def _split_anywhere(s: str, k: int, rng: random.Random) -> list[str]:
    if k <= 1 or len(s) < 2:
        return [s]
    k = min(k, len(s))
    cuts = sorted(rng.sample(range(1, len(s)), k - 1))
    out, prev = [], 0
    for c in cuts + [len(s)]:
        out.append(s[prev:c])
        prev = c
    return [x for x in out if x.strip()]


def _title_lines(title: str, rng: random.Random, tr: Counter, allow_spaced=True) -> list[str]:
    halves = title.split(" ")
    n = len(title)
    r = rng.random()
    if len(halves) > 1 and r < 0.45:
        lines = halves  # each half on its own line
        tr["title_halves_on_lines"] += 1
    elif n > 9 and r < 0.85:
        k = rng.choice((2, 2, 2, 3, 3, 4)) if n > 14 else 2
        lines = _split_anywhere(title, k, rng)
        for a, b in itertools.pairwise(lines):
            if (a[-1:].isdigit() or a[-1:] == ".") and b[:1].isdigit() or b[:1] in ("%", "."):
                tr["title_broken_in_figure"] += 1
    else:
        sep = rng.choice((" ", "  ", "　", " "))
        lines = [title.replace(" ", sep)]
    lines = [x.strip() for x in lines if x.strip()]
    if allow_spaced and n <= 12 and rng.random() < 0.12:
        sp = rng.choice((" ", "　"))
        lines = [sp.join(x.replace(" ", "")) for x in lines]
        tr["letter_spaced_title"] += 1
    return lines


_NOSTART = set("，。、；：？！”’）》」』,.;:?!)%％…—")


def _wrap(segs, w, rng: random.Random, jitter=0, indent=0.0):
    lines = []
    cur = []
    width = indent
    lim = w + (rng.randint(-jitter, jitter) if jitter else 0)
    for tag, text in segs:
        buf = []
        for ch in text:
            cw = 0.5 if ord(ch) < 128 else 1.0
            if width + cw > lim and (buf or cur) and (ch not in _NOSTART or width + cw > lim + 1):
                if buf:
                    cur.append((tag, "".join(buf)))
                    buf = []
                lines.append(cur)
                cur = []
                width = 0.0
                if jitter:
                    lim = w + rng.randint(-jitter, jitter)
            buf.append(ch)
            width += cw
        if buf:
            cur.append((tag, "".join(buf)))
    if cur:
        lines.append(cur)
    out = []
    for ln in lines:
        ln = _strip_line(ln)
        if ln:
            out.append(ln)
    return out


def _strip_line(ln):
    ln = [s for s in ln if s[1]]
    while ln and not ln[0][1].strip():
        ln.pop(0)
    while ln and not ln[-1][1].strip():
        ln.pop()
    if not ln:
        return []
    ln[0] = (ln[0][0], ln[0][1].lstrip(" "))
    ln[-1] = (ln[-1][0], ln[-1][1].rstrip())
    return [s for s in ln if s[1]]


# ----------------------------------------------------------------------------------------------
# the generator


class _Gen:
    def __init__(self, rng: random.Random, position: str, pool: list[dict], pool_next, tr: Counter):
        self.rng = rng
        self.position = position
        self.pool = pool
        self.pool_next = pool_next
        self.k = 0
        self.tr = tr
        self.paper = dict(rng.choice(_PAPERS))
        city = rng.choice(_PLACES)
        self.city = city
        self.paper["name"] = self.paper["name"].replace("CITY", city)
        self.date = pool[0]["date"] if pool else "20241018"
        self.stories: list[_Story] = []
        self.spdig = rng.random() < 0.35
        self.width = rng.randint(8, 22)
        self.layer = rng.choices(("plain", "raw", "epaper", "ocr", "viewer"), (35, 15, 20, 15, 15))[0]
        self.ocr = self.layer == "ocr"
        self.n_items = 0

    # -- items
    def item(self):
        if self.k >= len(self.pool):
            self.pool.extend(self.pool_next())
        it = self.pool[self.k]
        self.k += 1
        return it

    def before(self) -> bool:
        if self.position == AFTER:
            return False
        if self.position == BEFORE:
            return True
        return self.rng.random() < 0.5

    def new_story(self, kind="article") -> _Story:
        st = _Story(len(self.stories), kind)
        st.w = max(8, min(22, self.width + self.rng.choice((0, 0, 0, -2, 2, 4))))
        st.col_len = self.rng.randint(5, 40)
        self.stories.append(st)
        return st

    def dig(self, s: str) -> str:
        return _spdig(s) if self.spdig else s

    # -- headline parts from an xwlb title
    def head_parts(self, it, lead: list[str], rich: bool):
        rng = self.rng
        t = it["title"]
        label = ""
        m = re.match(r"^【([^】]*)】(.+)$", t)
        if m:
            label, t = m.group(1), m.group(2)
            if len(label) > 12:
                label = ""
        t = re.sub(r"[【】■●◆▲]", "", t)
        t = _norm_title(t)
        kicker = subtitle = ""
        title = t
        if "——" in t and rng.random() < 0.8:
            a, b = t.split("——", 1)
            if a and b:
                title, subtitle = a, b.replace("——", "")
        elif "：" in t and rng.random() < 0.7:
            a, b = t.split("：", 1)
            if a and b and len(a) <= 18:
                if rng.random() < 0.6:
                    kicker, title = a + rng.choice(("：", "", "——")), b
                else:
                    title, subtitle = a, b
        elif " " in t and rng.random() < 0.5:
            parts = t.split(" ")
            if len(parts) == 2 and rng.random() < 0.5:
                kicker, title = parts[0] + rng.choice(("", "，", "——")), parts[1]
            elif len(parts) == 2:
                title, subtitle = parts
            else:
                kicker, title = parts[0], " ".join(parts[1:])
        figs = _fig_clauses(lead)
        strong = _fig_clauses(lead, strong=True)
        plain = _plain_clauses(lead[:2], 6, 18)
        if rich or rng.random() < 0.25:
            # figure headlines and three-level heads
            r = rng.random()
            if strong and r < (0.6 if rich else 0.3):
                figs = strong
                if not kicker:
                    kicker = title if len(title) <= 22 else ""
                    if kicker and rng.random() < 0.4:
                        kicker += rng.choice(("，", "——"))
                        self.tr["kicker_long_punct"] += 1
                    title = rng.choice(figs)
                else:
                    subtitle = subtitle or rng.choice(figs)
                self.tr["figure_head"] += 1
            if not subtitle and figs and rng.random() < 0.6:
                f = rng.choice(figs)
                if f != title:
                    subtitle = f
                    self.tr["subtitle_with_figure"] += 1
            if not kicker and plain and rng.random() < 0.6:
                k = rng.choice(plain)
                if k != title and k != subtitle:
                    kicker = k + rng.choice(("", "", "，", "——"))
        if rich and not (kicker and subtitle):
            if not kicker and plain:
                kicker = plain[0]
            if not subtitle and figs:
                subtitle = figs[-1]
        if kicker and subtitle:
            self.tr["three_level_head"] += 1
        title = _norm_title(title)
        kicker = _norm_title(kicker)
        subtitle = _norm_title(subtitle)
        if subtitle == title or subtitle == kicker:
            subtitle = ""
        if kicker == title:
            kicker = ""
        return label, kicker, title, subtitle

    def head_lines(self, st: _Story, kicker, title, subtitle, two_equal=False):
        rng = self.rng
        i = st.idx
        lines = []
        kl = []
        if kicker:
            parts = _split_anywhere(kicker, 2, rng) if len(kicker) > 14 and rng.random() < 0.5 else [kicker]
            kl = [[((i, "kicker", 0), self.dig(p) if rng.random() < 0.5 else p)] for p in parts]
        tl = [[((i, "title", 0), p)] for p in _title_lines(title, rng, self.tr)]
        if two_equal:
            self.tr["two_equal_titles"] += 1
        below = kicker and rng.random() < 0.15
        if kicker and not below:
            lines += kl
            if rng.random() < 0.4:
                lines.append(None)
        lines += tl
        if below:
            lines += kl
            self.tr["kicker_below"] += 1
        if subtitle:
            if rng.random() < 0.3:
                lines.append(None)
            dash = rng.random() < 0.6
            sp = _split_anywhere(subtitle, 2, rng) if len(subtitle) > 16 and rng.random() < 0.5 else [subtitle]
            for j, p in enumerate(sp):
                seg = [((i, "subtitle", 0), p)]
                if j == 0 and dash:
                    seg.insert(0, ((i, "mark", 0), "——"))
                lines.append(seg)
        return lines

    # -- bylines and datelines
    def byline(self, st: _Story):
        rng = self.rng
        i = st.idx
        n = rng.choice((1, 1, 2, 2, 3))
        names = _names(rng, n)
        rep = self.paper["rep"]
        form = rng.randrange(10)
        if form == 0:
            parts = [("□ 本报记者 ", None)] + [(x, x) for x in names]
        elif form == 1 and n >= 2:
            parts = [("◎本报记者 ", None), (names[0], names[0]), (" 通讯员 ", None)] + [(x, x) for x in names[1:]]
        elif form == 2:
            parts = [("■ 本报记者 ", None)] + [(x, x) for x in names] + [(" 文/图", None)]
        elif form == 3:
            parts = [(rep + " ", None)] + [(x, x) for x in names]
        elif form == 4:
            parts = [("人民日报记者 ", None)] + [(x, x) for x in names]
        elif form == 5:
            parts = [("本报特约通讯员 ", None)] + [(x, x) for x in names]
        elif form == 6 and n >= 2:
            parts = [(rep + " ", None), (names[0], names[0]), (" 通讯员 ", None)] + [(x, x) for x in names[1:]]
        else:
            parts = [("本报记者 ", None)] + [(x, x) for x in names]
        text = ""
        for j, (p, nm) in enumerate(parts):
            if nm is not None and j + 1 < len(parts) and parts[j + 1][1] is not None:
                p += rng.choice((" ", " ", "  ", "　"))
            text += p
        lines = [[((i, "byline", 0), text.rstrip())]]
        if rng.random() < 0.15 and len(text) > 4:
            c = rng.randrange(2, len(text.rstrip()) - 1)
            t = text.rstrip()
            lines = [[((i, "byline", 0), t[:c])], [((i, "byline", 0), t[c:])]]
            self.tr["byline_split"] += 1
        self.tr["byline"] += 1
        return lines, names

    def dateline(self, st: _Story, lead: str):
        """Returns (segments before the lead, dateline, reporters, new lead)."""
        rng = self.rng
        i = st.idx
        _, m, d = _date_parts(self.date)
        d0 = max(1, d - rng.choice((0, 1, 1)))
        place = rng.choice(_PLACES)
        r = rng.randrange(14)
        names: list[str] = []
        cred = ""
        md = f"{m}月{d0}日"
        if r in (0, 1):
            dl = "本报讯"
        elif r in (2, 3, 4):
            dl = f"本报{place}{md}讯"
        elif r == 5:
            dl = f"{self.paper['name']}{place}{md}讯"
        elif r in (6, 7):
            dl = f"新华社{place}{md}电"
            self.tr["xinhua_dateline"] += 1
        elif r == 8:
            dl = "据新华社电"
        elif r == 9:
            dl = "本报综合"
        elif r == 10:
            dl = ""
            lead = f"{d0}日，记者从{rng.choice(_ORGS)}获悉，" + lead
            self.tr["opening_jizhe_huoxi"] += 1
        elif r == 11:
            dl = ""
            if not re.search(r"近日|今天|昨天|\d+日", lead[:24]):
                lead = "近日，" + lead
        else:
            dl = ""
        if dl and dl not in ("据新华社电", "本报综合") and rng.random() < 0.75:
            names = _names(rng, rng.choice((1, 1, 2, 3)))
            kind = rng.choice(("记者", "记者", "本报记者", "通讯员"))
            if len(names) >= 2 and rng.random() < 0.4:
                cred = f"（记者 {names[0]} 通讯员 {' '.join(names[1:])}）"
            else:
                cred = f"（{kind} {' '.join(names)}）"
            if len(names) == 1 and rng.random() < 0.3:
                cred = cred.replace(" ", "")
        segs = []
        if dl:
            segs.append(((i, "dateline", 0), self.dig(dl)))
            self.tr["dateline"] += 1
        if cred:
            segs.append(((i, "credit", 0), cred))
        if dl == "本报综合":
            segs.append(((i, "dateline", 0), " "))
        return segs, dl, names, lead

    def end_credit(self, st: _Story):
        rng = self.rng
        r = rng.randrange(4)
        if r == 0:
            nm = _names(rng, rng.choice((1, 2)))
            return f"（记者 {' '.join(nm)}）", nm
        if r == 1:
            nm = _names(rng, 1)
            return f"（本报记者 {nm[0]}）", nm
        if r == 2:
            nm = _names(rng, 1)
            return f"（{nm[0]}）", nm
        return rng.choice(("（综合新华社、央视）", "（综合央视新闻、新华社）", "（本报综合）")), []

    # -- stories
    def article(self, budget=(120, 700), rich=False, jump=False, upjump=False, brief=False, it=None,
                extra_paras: list[str] | None = None, subheads=0, table=False, chart=False, head=True):
        rng = self.rng
        it = it or self.item()
        st = self.new_story()
        i = st.idx
        st.before = self.before()
        paras = list(it["paragraphs"])
        if extra_paras:
            paras += extra_paras
        body = _cut(paras, rng.randint(*budget), rng, min_paras=1 if brief else 2)
        body = [_norm_text(p) for p in body if _norm_text(p)]
        if upjump:
            # start mid-sentence
            p0 = body[0]
            if len(p0) > 12:
                c = rng.randrange(4, max(5, len(p0) // 2))
                body[0] = p0[c:]
            self.tr["upjump"] += 1
        label, kicker, title, subtitle = self.head_parts(it, body, rich)
        two_equal = False
        if head and not brief and " " not in title and subtitle and rng.random() < 0.12:
            # two titles of equal weight
            title = title + " " + subtitle
            subtitle = ""
            two_equal = True
        reporters: list[str] = []
        segs0 = []
        dl = ""
        byl = []
        if not upjump:
            use_byline = (not brief) and rng.random() < 0.45
            if use_byline:
                byl, reporters = self.byline(st)
            if not use_byline or rng.random() < 0.15:
                segs0, dl, names, body[0] = self.dateline(st, body[0])
                reporters += [x for x in names if x not in reporters]
        body = [_norm_text(p) for p in body]
        # subheads, tables, charts
        bparas: list[str] = list(body)
        if subheads:
            slots = sorted(rng.sample(range(1, len(bparas)), min(subheads, len(bparas) - 1)), reverse=True)
            spare = _plain_clauses(bparas, 6, 14)
            used = 0
            for s in slots:
                # a subhead drawn from the section it heads (a clause past the first)
                cands = _plain_clauses([bparas[s]], 6, 14)[1:] or spare
                if cands:
                    bparas.insert(s, rng.choice(cands))
                    used += 1
            self.tr["subheads"] += used
        blocks: list[tuple[int, list[str]]] = []
        if table:
            blocks.append((rng.randrange(1, len(bparas) + 1), self.table(bparas)))
            self.tr["table"] += 1
        if chart:
            blocks.append((rng.randrange(1, len(bparas) + 1), self.chart()))
            self.tr["chart"] += 1
        for pos, rows in sorted(blocks, reverse=True):
            bparas[pos:pos] = rows
        bparas = [p for p in bparas if _norm_text(p)]
        cont = None
        jump_seg = None
        if jump and len("".join(bparas)) > 60:
            # cut mid-sentence near the end
            last = bparas[-1]
            if len(last) > 10:
                bparas[-1] = last[: rng.randrange(len(last) // 3, len(last) - 2)]
            pg = rng.choice((2, 2, 3, 4, 5, 6, 8))
            cont = f"第{pg}版"
            jump_seg = ((i, "jump", 0), rng.choice((f"（下转第{pg}版）", f"(下转第{pg}版)")) if self.ocr
                        else f"（下转第{pg}版）")
            self.tr["jump"] += 1
        endc = None
        want_end = (not brief and rng.random() < 0.35) or (brief and rng.random() < 0.3)
        if not upjump and not reporters and not dl and want_end:
            endc, nm = self.end_credit(st)
            reporters += nm
            self.tr["end_credit"] += 1
        # paragraphs of segments
        for j, p in enumerate(bparas):
            segs = [((i, "body", j), self.dig(p) if self.spdig and rng.random() < 0.7 else p)]
            if j == 0 and segs0:
                segs = segs0 + segs
            st.paras.append(segs)
        if upjump:
            up = ((i, "upjump", 0), "（上接第1版）")
            if rng.random() < 0.5:
                st.paras.insert(0, [up])
            else:
                st.paras[0].insert(0, up)
        if endc:
            st.paras[-1].append(((i, "credit", 0), endc))
        if jump_seg:
            if rng.random() < 0.6:
                st.paras[-1].append(((i, "jump", 0), " "))
                st.paras[-1].append(jump_seg)
            else:
                st.paras.append([jump_seg])
        # head
        if upjump:
            r = rng.random()
            if r < 0.35:
                kicker = subtitle = ""
            elif r < 0.7:
                kicker = subtitle = ""
                title = title.split(" ")[0]
                if len(title) > 8 and rng.random() < 0.5:
                    title = title[: rng.randrange(5, len(title))]
            else:
                kicker = subtitle = title = ""
                self.tr["upjump_no_title"] += 1
        if not head:
            kicker = subtitle = title = ""
        if title or kicker or subtitle:
            st.head = self.head_lines(st, kicker, title, subtitle, two_equal)
        st.head += byl
        st.label = [label] if label and rng.random() < 0.5 else []
        st.truth = TruthItem("article", title, "\n".join(_norm_text(p) for p in bparas), reporters, cont, kicker,
                             subtitle, dl)
        return st

    def table(self, bparas):
        rng = self.rng
        y = _date_parts(self.date)[0]
        labels = []
        for p in bparas:
            for c in re.split(r"[，。；：“”]", p):
                xs = c.split("、")
                if len(xs) >= 3 and all(2 <= len(x) <= 7 and not re.search(r"[\d《》]", x) for x in xs[1:]):
                    labels += [x for x in xs[1:] if not x.startswith(_BAD_START)]
        if len(labels) < 3:
            labels = ["地区生产总值", "规上工业增加值", "固定资产投资", "社会消费品零售总额", "进出口总额",
                      "一般公共预算收入", "居民人均可支配收入", "货物周转量", "快递业务量"]
            rng.shuffle(labels)
        rows = labels[: rng.randint(3, 8)]
        per = rng.choice(("前三季度", "上半年", "1—8月", "前10月", "全年", "一季度"))
        unit = rng.choice(("亿元", "万吨", "万人次", "亿件", "万辆"))
        out = [rng.choice(("表：", "表 ", "")) + f"{y}年{per}主要指标"]
        hdr = rng.choice((f"指标 数值（{unit}） 同比增长（%）", f"项目 {y - 1}年 {y}年 增速（%）",
                          f"名称 总量（{unit}） 增幅（%）"))
        cols = len(hdr.split(" "))
        out.append(hdr)
        sepcells = rng.random() < 0.3
        for lab in rows:
            cells = [lab] + [f"{rng.uniform(1, 9999):.1f}" for _ in range(cols - 2)] + [f"{rng.uniform(-5, 30):.1f}"]
            if sepcells:
                out += cells
            else:
                out.append(rng.choice((" ", "  ", "   ")).join(cells))
        out.append(rng.choice(("数据来源：", "资料来源：", "来源：")) + rng.choice(_ORGS))
        return out

    def chart(self):
        rng = self.rng
        y = _date_parts(self.date)[0]
        k = rng.randint(3, 6)
        out = [rng.choice(("图表：", "图表 ", "图：")) + f"{y - k + 1}—{y}年" + rng.choice(
            ("全省快递业务量", "外贸进出口总额", "粮食产量", "研发经费投入", "公路货运量", "新能源汽车产量"))]
        out.append("单位：" + rng.choice(("亿件", "亿元", "万吨", "亿元", "万辆")))
        vals = [f"{rng.uniform(10, 5000):.1f}" for _ in range(k)]
        years = [str(y - k + 1 + j) for j in range(k)]
        if rng.random() < 0.5:
            out += vals + [f"{x}年" if rng.random() < 0.5 else x for x in years]
        else:
            for a, b in zip(years, vals):
                out += [a, b]
        out.append(rng.choice(("制图：", "制图 ", "数据来源：")) + _name(rng))
        return out

    def caption(self, src: list[str] | None = None, inner=False):
        rng = self.rng
        it = self.item() if src is None else None
        paras = src if src is not None else it["paragraphs"]
        cands = [s for p in paras for s in _sentences(p) if 12 <= len(s) <= 70]
        text = rng.choice(cands) if cands else _sentences(paras[0])[0][:60]
        text = _norm_text(text)
        if not text.endswith(("。", "”")):
            text += "。"
        st = self.new_story("caption")
        i = st.idx
        r = rng.randrange(6)
        nm = _name(rng)
        if r == 0:
            cred, reps = f"本报记者 {nm} 摄", [nm]
        elif r == 1:
            cred, reps = f"新华社记者 {nm} 摄", [nm]
        elif r == 2:
            cred, reps = f"{nm} 摄", [nm]
        elif r == 3:
            cred, reps = f"（{nm} 摄）", [nm]
        elif r == 4:
            cred, reps = "（资料图片）", []
        else:
            cred, reps = f"{self.paper['rep']} {nm} 摄", [nm]
        lead = rng.random() < 0.2
        segs = []
        if lead:
            text = "图为" + text if not text.startswith("图") else text
        segs.append(((i, "body", 0), self.dig(text) if self.spdig else text))
        segs.append(((i, "body", 0), rng.choice((" ", "  ", "　"))))
        segs.append(((i, "body", 0), cred))
        st.paras = [segs]
        st.w = rng.choice((st.w, 22, 30, 40))
        st.truth = TruthItem("caption", "", _norm_text(text + cred), reps)
        self.tr["caption_in_column" if inner else "caption_standalone"] += 1
        return st

    def brief(self, style):
        rng = self.rng
        st = self.article(budget=(40, 200), brief=True)
        i = st.idx
        t = st.truth
        if not t.title:
            return st
        # a title run into the body's first line is a headline before the body: only where the story is "before"
        inline = st.before and (style in ("【】", "inline") or rng.random() < 0.3)
        # briefs: no kicker / subtitle, title with a marker
        t.kicker = t.subtitle = ""
        tl = []
        mark = style if style in "■●◆▲" else (f"{self.nb + 1}．" if style == "num" else "")
        self.nb += 1
        if inline:
            if style == "【】":
                seg = [((i, "mark", 0), "【"), ((i, "title", 0), t.title), ((i, "mark", 0), "】")]
            else:
                seg = ([((i, "mark", 0), mark)] if mark else []) + [((i, "title", 0), t.title),
                                                                   ((i, "mark", 0), rng.choice((" ", "　", "  ")))]
            st.paras[0] = seg + st.paras[0]
            st.head = []
            self.tr["brief_inline_title"] += 1
        else:
            if style == "【】":
                tl = [((i, "mark", 0), "【"), ((i, "title", 0), t.title), ((i, "mark", 0), "】")]
            else:
                if mark:
                    tl.append(((i, "mark", 0), mark + rng.choice(("", " "))))
                tl.append(((i, "title", 0), t.title))
            st.head = [tl]
        self.tr["brief"] += 1
        return st

    def sidebar(self):
        rng = self.rng
        lab = rng.choice(_SIDE)
        it = self.item()
        st = self.article(budget=(60, 260), it=it, head=rng.random() < 0.6, brief=True)
        st.label = [lab]
        st.side = True
        if lab in ("短评", "记者手记") and not st.truth.reporters and rng.random() < 0.6:
            c, nm = self.end_credit(st)
            if nm:
                st.paras[-1].append(((st.idx, "credit", 0), c))
                st.truth.reporters += nm
        self.tr["sidebar"] += 1
        return st

    # -- furniture
    def masthead(self, front: bool):
        rng = self.rng
        y, m, d = _date_parts(self.date)
        wk = _WEEK[(y * 7 + m * 31 + d) % 7]
        pg = 1 if front else rng.randint(2, 12)
        sec = "要闻" if front else rng.choice(self.paper["secs"])
        out = []
        if front:
            out.append(self.paper["name"])
            if rng.random() < 0.5:
                out.append("ECONOMIC DAILY" if self.paper["name"] == "经济日报" else "www.example.cn")
            out.append(f"{y}年{m}月{d}日 星期{wk}")
            if rng.random() < 0.5:
                out.append(f"今日{rng.choice((8, 12, 16, 20))}版")
            out.append(f"国内统一连续出版物号 CN {rng.randint(11, 65)}-{rng.randint(1, 99):04d}")
            out.append(f"第{rng.randint(10000, 29999)}号")
        else:
            forms = [f"{pg:02d}", f"第{pg}版", f"{sec}"]
            rng.shuffle(forms)
            out += forms[: rng.randint(1, 3)]
            out.append(f"{y}年{m}月{d}日 星期{wk}")
            if rng.random() < 0.6:
                out.append(f"责任编辑 {_name(rng)} 美术编辑 {_name(rng)}")
        if rng.random() < 0.3:
            out.append(f"联系电话：010-{rng.randint(5000, 6999)}{rng.randint(1000, 9999)}")
        return out

    def furn_block(self, kind):
        rng = self.rng
        y, m, d = _date_parts(self.date)
        if kind == "notice":
            self.tr["notice"] += 1
            r = rng.randrange(4)
            if r == 0:
                out = ["任前公示", "根据干部选拔任用工作有关规定，现将拟任职人选予以公示："]
                for _ in range(rng.randint(2, 4)):
                    out.append(f"{_name(rng)}，{rng.choice('男女')}，{rng.randint(1968, 1988)}年{rng.randint(1, 12)}月生，"
                               f"现任{rng.choice(_PLACES)}市{rng.choice(('发展改革委', '商务局', '交通运输局', '司法局'))}"
                               f"副主任，拟任{rng.choice(('主任', '局长', '党组书记'))}。")
                out += [f"公示时间：{y}年{m}月{d}日至{m}月{min(28, d + 6)}日", f"中共{rng.choice(_PLACES)}市委组织部"]
            elif r == 1:
                out = ["人事任免"]
                for _ in range(rng.randint(2, 5)):
                    out.append(f"任命{_name(rng)}为{rng.choice(_PLACES)}市{rng.choice(('副市长', '财政局局长', '统计局局长'))}；")
                out.append(f"免去{_name(rng)}的{rng.choice(('副市长', '审计局局长'))}职务。")
            elif r == 2:
                out = ["招标公告", f"项目名称：{rng.choice(_PLACES)}至{rng.choice(_PLACES)}公路改扩建工程第{rng.randint(1, 9)}标段",
                       f"招标人：{rng.choice(_PLACES)}交通投资集团有限公司", f"投标截止时间：{y}年{m}月{min(28, d + 20)}日9时30分",
                       f"联系人：{_name(rng)} 电话：0{rng.randint(10, 999)}-{rng.randint(1000000, 9999999)}"]
            else:
                out = ["公告", f"{rng.choice(_PLACES)}某某实业有限公司拟申请注销登记，请债权人自公告之日起45日内申报债权。",
                       "特此公告。", f"{y}年{m}月{d}日"]
            return out
        if kind == "advert":
            self.tr["advert"] += 1
            return rng.choice((["广告", f"招商热线：0{rng.randint(10, 999)}-{rng.randint(1000000, 9999999)}"],
                               [f"欢迎订阅{self.paper['name']}", f"邮发代号{rng.randint(1, 81)}-{rng.randint(1, 99)}",
                                "全国各地邮局均可订阅"],
                               ["扫码看视频", "更多精彩内容请扫描二维码"], ["扫描二维码 阅读全文"]))
        if kind == "footer":
            return [rng.choice((f"本版责编：{_name(rng)} 版式：{_name(rng)} 校对：{_name(rng)}",
                                (f"本版编辑 {_name(rng)} 电子邮箱：{rng.choice(('jjrb', 'fzrb', 'kjrb', 'nmrb'))}"
                                 f"{rng.randint(10, 99)}@126.com"),
                                f"印刷单位：{self.paper['name']}印务中心 定价：每份{rng.choice(('1.50', '2.00'))}元"))]
        if kind == "index":
            self.tr["index_box"] += 1
            out = [rng.choice(("导读", "今日导读", "要闻导读"))]
            for _ in range(rng.randint(2, 4)):
                it = rng.choice(self.pool)
                t = re.sub(r"^【[^】]*】", "", it["title"])[:22]
                out.append(f"{t}（第{rng.randint(2, 12)}版）" if rng.random() < 0.6 else t)
                if out[-1] == t:
                    out.append(f"详见第{rng.randint(2, 12)}版")
            return out
        if kind == "band":
            self.tr["band"] += 1
            return [rng.choice(_BANDS)]
        return []


def _furn_lines(texts):
    return [[(F, t)] for t in texts]


# ----------------------------------------------------------------------------------------------
# page plans


def _plan(g: _Gen):
    rng = g.rng
    kind = rng.choices(("stories", "long", "briefs", "package", "front", "inner_cont"),
                       (30, 18, 15, 12, 15, 10))[0]
    g.tr["kind:" + kind] += 1
    if g.spdig:
        g.tr["digits_spaced"] += 1
    g.nb = 0
    units = []  # ("furn", [texts]) | ("story", st) | ("label", text)
    front = kind == "front"
    units.append(("furn", g.masthead(front)))
    econ = rng.random() < 0.6
    if econ:
        g.tr["data_heavy"] += 1
        # data-heavy: prefer items with many figures for the lead
        rest = g.pool[g.k:]
        rest.sort(key=lambda it: -len(re.findall(r"\d", "".join(it["paragraphs"][:2]))))
        g.pool[g.k:] = rest
    if kind == "front":
        n = rng.randint(2, 4)
        jumps = set(rng.sample(range(n), rng.choice((1, 1, 2)) if n > 1 else 1))
        if rng.random() < 0.6:
            units.append(("furn", g.furn_block("index")))
        for j in range(n):
            if j == 1 and rng.random() < 0.4:
                units.append(("furn", g.furn_block("band")))
            st = g.article(budget=(300, 900) if j == 0 else (150, 600), rich=j == 0 and rng.random() < 0.5,
                           jump=j in jumps)
            _maybe_inner_cap(g, st)
            units.append(("story", st))
            if rng.random() < 0.25:
                units.append(("story", g.caption()))
    elif kind == "inner_cont":
        st = g.article(budget=(200, 800), upjump=True)
        units.append(("story", st))
        for j in range(rng.randint(1, 4)):
            units.append(("story", g.article(budget=(120, 600), rich=rng.random() < 0.3)))
        if rng.random() < 0.5:
            units.append(("story", g.caption()))
    elif kind == "long":
        it = g.item()
        extra = []
        for _ in range(rng.randint(1, 3)):
            extra += g.item()["paragraphs"]
        kinds = rng.choice(("table", "chart", "both"))
        st = g.article(budget=(900, 2600), rich=rng.random() < 0.5, it=it, extra_paras=extra,
                       subheads=rng.randint(3, 7), table=kinds in ("table", "both"),
                       chart=kinds in ("chart", "both"))
        if rng.random() < 0.3:
            units.append(("furn", g.furn_block("band")))
        _maybe_inner_cap(g, st, k=rng.choice((1, 1, 2)))
        units.append(("story", st))
        g.tr["long_article"] += 1
        if rng.random() < 0.6:
            units.append(("story", g.sidebar()))
        if rng.random() < 0.4:
            units.append(("story", g.article(budget=(100, 300))))
    elif kind == "briefs":
        if rng.random() < 0.5:
            units.append(("story", g.article(budget=(200, 700), rich=rng.random() < 0.4)))
        units.append(("furn", [rng.choice(_BRIEF_LABELS)]))
        style = rng.choice(("■", "●", "◆", "▲", "【】", "num", "plain", "inline"))
        for _ in range(rng.randint(6, 10)):
            units.append(("story", g.brief(style)))
    elif kind == "package":
        units.append(("furn", [rng.choice(_BANDS) + rng.choice(("", "·特别报道", "·专题", "专版"))]))
        g.tr["package"] += 1
        if rng.random() < 0.4:
            units.append(("furn", ["编者按", ("为全面展示各地推动高质量发展的生动实践，本报今起推出系列报道，"
                                              "敬请关注。")]))
            g.tr["editor_note"] += 1
        for _ in range(rng.randint(2, 4)):
            st = g.article(budget=(150, 600), rich=rng.random() < 0.3)
            units.append(("story", st))
        if rng.random() < 0.5:
            units.append(("story", g.caption()))
    else:
        n = rng.randint(2, 6)
        for j in range(n):
            if rng.random() < 0.2:
                units.append(("label", rng.choice(_LABELS)))
            st = g.article(budget=(120, 800), rich=j == 0 and rng.random() < 0.33)
            if rng.random() < 0.2:
                _maybe_inner_cap(g, st)
            units.append(("story", st))
            if rng.random() < 0.2:
                units.append(("story", g.caption()))
        if rng.random() < 0.3:
            units.append(("story", g.sidebar()))
    # furniture in the middle or at the bottom
    if rng.random() < 0.35:
        pos = rng.randrange(1, len(units) + 1)
        units.insert(pos, ("furn", g.furn_block("notice")))
    if rng.random() < 0.3:
        units.append(("furn", g.furn_block("advert")))
    if rng.random() < 0.5:
        units.append(("furn", g.furn_block("footer")))
    return units


def _maybe_inner_cap(g: _Gen, st: _Story, k=1):
    for _ in range(k):
        if g.rng.random() < 0.5:
            cap = g.caption(src=None, inner=True)
            st.inner_caps.append(cap)


# ----------------------------------------------------------------------------------------------
# rendering


def _story_body_lines(g: _Gen, st: _Story, blanks: bool):
    """Wrapped body lines with paragraph gaps and column breaks; None = blank line."""
    rng = g.rng
    out: list = []
    glue = rng.random() < 0.25
    pgap = rng.random() < 0.85
    jitter = 2 if g.ocr and rng.random() < 0.6 else 0
    since = 0
    caps = list(st.inner_caps)
    cap_at = {}
    for c in caps:
        cap_at.setdefault(rng.randrange(0, max(1, len(st.paras))), []).append(c)
    for j, para in enumerate(st.paras):
        indent = 2.0 if rng.random() < 0.1 else 0.0
        lines = _wrap(para, st.w, rng, jitter, indent)
        if g.layer == "plain" and len(lines) > 2 and rng.random() < 0.04:
            k = rng.randrange(len(lines) - 1)
            lines[k] = [(t, " ".join(x)) for t, x in lines[k]]
            g.tr["justified_line"] += 1
        if j > 0 and blanks:
            if glue and rng.random() < 0.25 and len(lines) > 1:
                out.append(lines[0])
                out.append(None)
                lines = lines[1:]
                g.tr["glue_quirk"] += 1
            elif pgap or rng.random() < 0.3:
                out.append(None)
        for ln in lines:
            out.append(ln)
            since += 1
            if since >= st.col_len:
                since = 0
                if blanks:
                    out.append(None)
                g.tr["column_break"] += 1
        for c in cap_at.get(j, []):
            if blanks:
                out.append(None)
            out += _wrap(c.paras[0], c.w, rng)
            if blanks:
                out.append(None)
    return out


def _head_block(g: _Gen, st: _Story, blanks: bool):
    out = []
    for ln in st.head:
        if ln is None:
            if blanks:
                out.append(None)
        else:
            out.append(ln)
    return out


def _render(g: _Gen, units):
    rng = g.rng
    layer = g.layer
    g.tr["layer:" + layer] += 1
    lines: list = []
    if layer == "epaper":
        return _render_epaper(g, units)
    blanks = layer in ("plain", "ocr")
    heads_raw = []
    raw_mode = rng.choice(("first", "last", "middle")) if layer == "raw" else ""
    if raw_mode:
        g.tr["raw_heads_" + raw_mode] += 1
    for kind, u in units:
        if kind == "furn":
            if blanks:
                lines.append(None)
            lines += _furn_lines(u)
            continue
        if kind == "label":
            if blanks:
                lines.append(None)
            lines.append([(F, u)])
            continue
        st = u
        if st.label:
            if blanks:
                lines.append(None)
            lines += _furn_lines(st.label)
        body = _story_body_lines(g, st, blanks)
        head = _head_block(g, st, blanks)
        if layer == "raw":
            heads_raw.append(head)
            lines += body
            continue
        if blanks:
            lines.append(None)
        if st.before:
            lines += head
            if blanks and head and (rng.random() < 0.7):
                lines.append(None)
            lines += body
        else:
            lines += body
            if blanks:
                lines.append(None)
            lines += head
        if blanks:
            lines.append(None)
    if layer == "raw":
        flat = [ln for h in heads_raw for ln in h]
        if raw_mode == "first":
            k = 0
            while k < len(lines) and lines[k] and lines[k][0][0] == F:
                k += 1
            lines[k:k] = flat
        elif raw_mode == "last":
            lines += flat
        else:
            k = rng.randrange(len(lines) + 1)
            while 0 < k < len(lines) and lines[k - 1] and lines[k] and lines[k - 1][0][0][0] == lines[k][0][0][0] \
                    and lines[k][0][0][0] >= 0:
                k += 1
            lines[k:k] = flat
    if layer == "ocr":
        lines = [_ocr_line(ln, rng, g.tr) if ln else ln for ln in lines]
    return lines


def _ocr_line(ln, rng: random.Random, tr: Counter):
    r = rng.random()
    if r < 0.2:
        tr["ocr_fullwidth"] += 1
        return [(t, "".join(_FW.get(c, c) for c in x)) for t, x in ln]
    if r < 0.4:
        tr["ocr_halfwidth_punct"] += 1
        return [(t, "".join(_HW.get(c, c) for c in x)) for t, x in ln]
    if r < 0.55:
        tr["ocr_stray_space"] += 1
        out = []
        for t, x in ln:
            chars = list(x)
            for _ in range(rng.randint(1, 2)):
                if len(chars) > 2:
                    k = rng.randrange(1, len(chars))
                    if not (_ASCII_AN.match(chars[k - 1]) and _ASCII_AN.match(chars[k][:1])):
                        chars.insert(k, " ")
            out.append((t, "".join(chars)))
        return out
    return ln


def _render_epaper(g: _Gen, units):
    rng = g.rng
    y, m, d = _date_parts(g.date)
    sec = rng.choice(g.paper["secs"])
    pg = rng.randint(1, 12)
    indent = rng.random() < 0.5
    if indent:
        g.tr["epaper_indent"] += 1
    lines: list = []
    chrome_top = [f"第{pg:02d}版：{sec}", f"{g.paper['name']} {y}年{m}月{d}日"]
    stories = [u for k, u in units if k == "story"]
    for n, st in enumerate(stories):
        if n == 0 or rng.random() < 0.6:
            lines += _furn_lines(rng.sample(chrome_top, rng.randint(1, 2)))
        if rng.random() < 0.5:
            lines += _furn_lines(rng.choice((["放大+", "缩小-", "默认"], ["放大+ 缩小- 默认"])))
        head = [ln for ln in st.head if ln is not None]
        # the e-paper joins a title's lines into one line most of the time
        if rng.random() < 0.7:
            merged = []
            for ln in head:
                if merged and merged[-1] and ln[0][0][1] == "title" and merged[-1][-1][0][1] == "title":
                    merged[-1] = merged[-1] + ln
                else:
                    merged.append(list(ln))
            head = merged
        body = []
        for para in st.paras:
            ln = list(para)
            if indent:
                ln = [(ln[0][0], "　　")] + ln
            body.append(ln)
        for c in st.inner_caps:
            body.insert(rng.randrange(len(body) + 1), list(c.paras[0]))
        if st.label:
            lines += _furn_lines(st.label)
        lines += (head + body) if st.before else (body + head)
        tail = rng.sample(["上一篇", "下一篇", "返回目录"], rng.randint(1, 3))
        lines += _furn_lines(tail)
        if rng.random() < 0.4:
            lines.append(None)
    return lines


# ----------------------------------------------------------------------------------------------
# page assembly and check


def _lines_text(lines):
    out = []
    prev_blank = True
    for ln in lines:
        if not ln:
            if not prev_blank:
                out.append("")
            prev_blank = True
            continue
        out.append("".join(x for _, x in ln))
        prev_blank = False
    while out and out[-1] == "":
        out.pop()
    return out


def _clean_lines(lines):
    res = []
    prev_blank = True
    for ln in lines:
        if not ln:
            if not prev_blank:
                res.append(None)
            prev_blank = True
            continue
        res.append(ln)
        prev_blank = False
    while res and res[-1] is None:
        res.pop()
    return res


_DAYS_CACHE: dict[int, tuple] = {}


def _day_index(items):
    key = id(items)
    hit = _DAYS_CACHE.get(key)
    if hit and hit[0] is items:
        return hit[1], hit[2]
    by: dict[str, list[dict]] = {}
    for it in items:
        by.setdefault(it.get("date", ""), []).append(it)
    days = sorted(by)
    _DAYS_CACHE.clear()
    _DAYS_CACHE[key] = (items, days, by)
    return days, by


def _build(i: int, position: str, seed: int, items: list[dict]):
    rng = random.Random(f"pagegen_n:{seed}:{position}:{i}")
    days, by = _day_index(items)
    di = rng.randrange(len(days))
    pool = list(by[days[di]])
    state = {"d": di}

    def more():
        state["d"] += 1
        nxt = list(by[days[state["d"] % len(days)]])
        return nxt

    tr: Counter = Counter()
    g = _Gen(rng, position, pool, more, tr)
    g.date = days[di] if days[di] else "20241018"
    g.nb = 0
    units = _plan(g)
    lines = _clean_lines(_render(g, units))
    text = "\n".join("" if ln is None else "".join(x for _, x in ln) for ln in lines)
    # truth in reading order: stories in plan order, captions inside columns after their host
    truth = []
    order = []
    for kind, u in units:
        if kind == "story":
            order.append(u)
            order += u.inner_caps
    truth = [st.truth for st in order]
    idx_map = {st.idx: k for k, st in enumerate(order)}
    return Page(text, truth, position), lines, idx_map, g


def _filter_items(items, date_range):
    if date_range:
        lo, hi = date_range
        sel = [it for it in items if lo <= str(it.get("date", "")) <= hi]
        return sel or items
    return items


def _prep_items(items):
    out = []
    for it in items:
        paras = [_norm_text(p) for p in it.get("paragraphs") or [] if _norm_text(p)]
        title = _norm_title(it.get("title") or "")
        if paras and title:
            out.append({"title": title, "paragraphs": paras, "date": str(it.get("date", ""))})
    if not out:
        raise ValueError("pagegen_n: no usable items")
    return out


_PREP_CACHE: dict[int, tuple] = {}


def _items_for(items, date_range):
    if items is None:
        items = load_items()
    key = (id(items), tuple(date_range) if date_range else None)
    hit = _PREP_CACHE.get(key)
    if hit and hit[0] is items:
        return hit[1]
    prepped = _prep_items(_filter_items(items, date_range))
    _PREP_CACHE[key] = (items, prepped)
    return prepped


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    if position not in (AFTER, BEFORE, MIXED):
        raise ValueError(f"position must be one of after/before/mixed, not {position!r}")
    its = _items_for(items, date_range)
    return [_build(i, position, seed, its)[0] for i in range(n)]


_MARKS = re.compile(r"[■●◆▲【】]|^\d+．")


def check_page(page: Page, lines, idx_map, ocr=False, layer="") -> list[str]:
    """Assert the truth against the tagged printed lines; returns a list of problems."""
    errs = []
    text = "\n".join("" if ln is None else "".join(x for _, x in ln) for ln in lines)
    if text != page.text:
        errs.append("text differs from tagged lines")
    per: dict[int, dict[str, list]] = {}
    first: dict[tuple[int, str], int] = {}
    inline: set[int] = set()
    for n, ln in enumerate(lines):
        if ln is None:
            continue
        roles_here = {t[1] for t, _ in ln}
        if "title" in roles_here and roles_here & {"body", "dateline", "credit"}:
            inline.add(ln[0][0][0])
        owners = {t[0] for t, _ in ln}
        if len(owners) != 1:
            errs.append(f"line {n} mixes owners {owners}: {''.join(x for _, x in ln)!r}")
        if not "".join(x for _, x in ln).strip():
            errs.append(f"line {n} is whitespace only")
        for (item, role, para), x in ln:
            if item < 0:
                continue
            first.setdefault((item, role), n)
            per.setdefault(idx_map[item], {}).setdefault(role, []).append((para, x))
    if layer != "raw" and page.position in (AFTER, BEFORE):
        # the headline block sits after (before) the body, except titles inline in a brief's first line
        for (item, role), n in first.items():
            b = first.get((item, "body"))
            if role == "title" and b is not None and item not in inline and (n > b) != (page.position == AFTER):
                errs.append(f"item {idx_map[item]} title on line {n}, body from line {b}: not {page.position}")
    if set(per) != set(range(len(page.truth))):
        errs.append(f"items printed {sorted(per)} vs truth {len(page.truth)}")
    for k, t in enumerate(page.truth):
        roles = per.get(k, {})

        def joined(role, roles=roles):
            return _fold("".join(x for _, x in roles.get(role, [])), ocr)

        for fld in ("title", "kicker", "subtitle", "dateline"):
            if joined(fld) != _fold(getattr(t, fld), ocr):
                errs.append(f"item {k} {fld}: printed {joined(fld)!r} truth {getattr(t, fld)!r}")
        paras: dict[int, str] = {}
        for p, x in roles.get("body", []):
            paras[p] = paras.get(p, "") + x
        printed = [_fold(paras[p], ocr) for p in sorted(paras)]
        want = [_fold(p, ocr) for p in t.body.split("\n")] if t.body else []
        if printed != want:
            errs.append(f"item {k} body differs: {printed[:3]!r} vs {want[:3]!r}")
        if not t.body:
            errs.append(f"item {k} has an empty body")
        creds = joined("credit") + joined("byline") + joined("dateline")
        if t.kind == "caption":
            creds += joined("body")
        for r in t.reporters:
            if _fold(r, ocr) not in creds:
                errs.append(f"item {k} reporter {r!r} not in its credits")
        jump = joined("jump")
        if (t.continued_to is None) != (not jump) or (t.continued_to and _fold(t.continued_to, ocr) not in jump):
            errs.append(f"item {k} continued_to {t.continued_to!r} vs printed {jump!r}")
        # field normal forms
        for fld in ("title", "kicker", "subtitle"):
            v = getattr(t, fld)
            if v != _norm_title(v) or "\n" in v:
                errs.append(f"item {k} {fld} not normalized: {v!r}")
        if _MARKS.search(t.title):
            errs.append(f"item {k} title has a marker: {t.title!r}")
        if t.subtitle.startswith("——"):
            errs.append(f"item {k} subtitle keeps its dash")
        for p in t.body.split("\n"):
            if p != _norm_text(p) or not p:
                errs.append(f"item {k} body paragraph not normalized: {p[:30]!r}")
        if t.kind == "caption" and t.title:
            errs.append(f"item {k} caption with a title")
    return errs


# ----------------------------------------------------------------------------------------------
# CLI


def _show(n, position, seed):
    its = _items_for(None, None)
    for i in range(n):
        page, _, _, g = _build(i, position, seed, its)
        print(f"===== page {i} ({position}, layer {g.layer}, {g.paper['name']}, {g.date}) =====")
        print(page.text)
        print("----- truth -----")
        for k, t in enumerate(page.truth):
            print(f"[{k}] {t.kind} kicker={t.kicker!r} title={t.title!r} subtitle={t.subtitle!r}")
            print(f"    dateline={t.dateline!r} reporters={t.reporters} continued_to={t.continued_to!r}")
            for p in t.body.split("\n"):
                print("    | " + p)
        print()


def _traits(n, seed):
    its = _items_for(None, None)
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for pos in (AFTER, BEFORE, MIXED):
        pages: Counter = Counter()
        occ: Counter = Counter()
        for i in range(n):
            tr = _build(i, pos, seed, its)[3].tr
            for k, v in tr.items():
                if v:
                    pages[k] += 1
                    occ[k] += v
        for k in pages:
            table.setdefault(k, {})[pos] = (pages[k], occ[k])
    print(f"| trait | {AFTER} pages/occ | {BEFORE} pages/occ | {MIXED} pages/occ |")
    print("|---|---|---|---|")
    for k in sorted(table):
        cells = []
        for pos in (AFTER, BEFORE, MIXED):
            p, o = table[k].get(pos, (0, 0))
            cells.append(f"{p}/{o}")
        print(f"| {k} | " + " | ".join(cells) + " |")


def _check(n, seed):
    its = _items_for(None, None)
    ok = True
    for pos in (AFTER, BEFORE, MIXED):
        t0 = time.perf_counter()
        built = [_build(i, pos, seed, its) for i in range(n)]
        dt = (time.perf_counter() - t0) / max(1, n) * 1000
        bad = 0
        first = None
        nitems = 0
        for i, (page, lines, idx_map, g) in enumerate(built):
            errs = check_page(page, lines, idx_map, ocr=g.ocr, layer=g.layer)
            nitems += len(page.truth)
            if errs:
                bad += 1
                first = first or (i, errs[:5])
        # position semantics: the title comes before / after the body
        # determinism and prefix property
        a = generate_pages(min(n, 6), pos, seed, its)
        b = generate_pages(min(n, 3), pos, seed, its)
        det = a[: len(b)] == b and [p.text for p in a] == [x[0].text for x in built[: len(a)]]
        print(f"{pos}: {n} pages, {nitems} items, {bad} failing, deterministic={det}, {dt:.2f} ms/page")
        if first:
            print(f"  first failure page {first[0]}: {first[1]}")
        if bad or not det or dt >= 5.0:
            ok = False
    # across PYTHONHASHSEED
    import hashlib
    import subprocess

    here = str(Path(__file__).resolve().parent)
    code = (f"import sys,hashlib;sys.path.insert(0,{here!r});import pagegen_n as m;"
            "print(hashlib.sha1('\\x00'.join(p.text+repr(p.truth) for p in "
            f"m.generate_pages(30,'mixed',{seed}))"
            ".encode()).hexdigest())")
    hs = set()
    for hseed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hseed)
        hs.add(subprocess.run([sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True).stdout.strip())
    local = hashlib.sha1("\x00".join(p.text + repr(p.truth) for p in generate_pages(30, MIXED, seed, its))
                         .encode()).hexdigest()
    hs_ok = hs == {local}
    print(f"hash-seed independent: {hs_ok}")
    # the check must catch a corrupted title
    page, lines, idx_map, g = _build(0, AFTER, seed, its)
    k = next(k for k, t in enumerate(page.truth) if t.title)
    page.truth[k].title += "错"
    caught = bool(check_page(page, lines, idx_map, ocr=g.ocr))
    print(f"corrupted title caught: {caught}")
    ok = ok and hs_ok and caught
    print("CHECK " + ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int)
    ap.add_argument("--traits", type=int)
    ap.add_argument("--check", type=int)
    ap.add_argument("--position", default=AFTER, choices=(AFTER, BEFORE, MIXED))
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.show:
        _show(a.show, a.position, a.seed)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        return _check(a.check, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
