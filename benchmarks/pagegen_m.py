"""Page generator m: evening papers (晚报), metropolitan papers (都市报), county media (县报、县级融媒体)
and party dailies (省报、市报), as a reader copies or extracts them from the PDF, with the truth kept.

Every character of news text (titles, body sentences, captions, sidebar text) comes from the CCTV
evening-news items (``../shared/eval/xwlb/items-dev.jsonl.gz``, read by path, never copied); names,
places, organisations in openings, and all page furniture are made up here.

What a page holds (kinds, with their rough shares):
  ordinary pages of 3-8 stories (some grouped under one shared kicker, some with two photos, some with
  a boxed sidebar: 相关链接/记者手记/背景/延伸阅读/数读), front pages (masthead, 导读 and weather boxes,
  a lead story that jumps, sometimes two jumps), continuation pages that open with the rest of earlier
  stories (（上接第1版）, title repeated, shortened or missing), one long story with subheads, briefs
  pages (6-10 items, 【】 titles, ■/● bullets or numbers), photo pages, and pages mixing a commentary
  (signed 本报评论员 or by a named author) with news.
How the text layer comes out (one tool per page): pdftotext without -layout (blank lines between
paragraphs and at column breaks, the first line of a paragraph sometimes glued to the block above),
pdfminer (blank lines only between boxes), PyMuPDF plain text and a viewer's copy (no blank lines at
all), a tool that puts a blank line after every line, and one that keeps full-width indents (　　).
Reading order per page: story by story, column by column across stacked stories (a story's second
column after its neighbour's first), or row by row through a headline band before the columns.

Run ``python benchmarks/pagegen_m.py --show 2``, ``--traits 300`` or ``--check 1000``.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ITEMS = Path(os.environ.get("BRIEF_XWLB_ITEMS",
                            Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"))
AFTER, BEFORE, MIXED = "after", "before", "mixed"
TRAIN_DATES, TEST_DATES = ("20220101", "20231231"), ("20240101", "20241231")


@dataclass
class TruthItem:
    kind: str            # "article" or "caption"
    title: str
    body: str            # paragraphs joined by "\n"
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None   # "第2版" when the article ends with （下转第2版）
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""


@dataclass
class Page:
    text: str
    truth: list[TruthItem]
    position: str


# ----------------------------------------------------------------------------------------------
# loading and cleaning the news items

_PREFIX = re.compile(r"^\s*央视网消息（新闻联播）：")
_ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_WSRUN = re.compile(r"\s+")


def _is_al(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _clean(s: str) -> str:
    """Body text: drop whitespace except one space between two ASCII letters or digits."""
    s = s.translate(_ZW).strip()
    if not _WSRUN.search(s):
        return s
    out = []
    for k, part in enumerate(_WSRUN.split(s)):
        if k and out and part and _is_al(out[-1][-1:] or "") and _is_al(part[0]):
            out.append(" ")
        out.append(part)
    return "".join(out)


def _clean_title(s: str) -> str:
    return _WSRUN.sub(" ", s.translate(_ZW)).strip()


def load_items(path=None) -> list[dict]:
    """Single-story items (roundups dropped, broadcast prefix stripped) as
    ``{"title", "paragraphs", "date"}``."""
    out = []
    with gzip.open(Path(path) if path else ITEMS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("is_roundup"):
                continue
            text = _PREFIX.sub("", d.get("text") or "")
            paras = [p.strip() for p in text.split("\n") if p.strip()]
            title = _clean_title(d.get("title") or "")
            if paras and title:
                out.append({"title": title, "paragraphs": paras, "date": str(d.get("date", ""))})
    return out


_CACHE: dict = {}


def _default_items() -> list[dict]:
    if "items" not in _CACHE:
        _CACHE["items"] = load_items()
    return _CACHE["items"]


# ----------------------------------------------------------------------------------------------
# small vocabularies (made up here; furniture and names only, never news text)

_SURN = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
         "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎常武乔贺")
_SURN2 = ("欧阳", "司马", "上官", "诸葛", "东方")
_GIVEN = ("晓明建国海燕志强丽娜俊杰婷文博雨欣涵思远浩然嘉怡宏伟秀兰玉梅卫东红霞立新亚楠琪晨曦鸣瑞雪春秋"
          "梦洁磊鹏飞翔宇航峰岩松柏桦莉萍蕾颖倩薇蓉丹凤鹤云霖泽润涛彤璐瑶昊轩辰逸帆琳")
_CITIES = ["石家庄", "保定", "邯郸", "郑州", "洛阳", "开封", "济南", "青岛", "淄博", "合肥", "芜湖", "南昌", "赣州", "长沙", "株洲", "武汉", "宜昌", "成都", "绵阳", "西安", "宝鸡", "兰州", "天水", "银川", "西宁", "昆明", "大理", "贵阳", "遵义", "南宁", "柳州", "福州", "泉州", "杭州", "宁波", "温州", "南京", "苏州", "无锡", "哈尔滨", "长春", "沈阳", "大连", "呼和浩特", "包头", "海口", "北京", "上海", "天津", "重庆", "广州", "深圳", "太原", "大同", "晋中", "运城"]
_COUNTIES = ["清河", "安平", "永和", "临泽", "宁乡", "桐庐", "武义", "婺源", "平江", "宜川", "凤县", "会宁", "丹棱", "巫山", "盘州", "阳朔", "德化", "霞浦", "沁源", "襄垣", "浑源", "昔阳", "榆社", "灵丘", "和顺", "黎城"]
_REGIONS = ["三秦", "中原", "齐鲁", "燕赵", "江淮", "荆楚", "潇湘", "巴蜀", "八闽", "岭南", "塞上", "陇上", "黔中", "滇池", "汾河", "太行", "河东", "江南", "海西", "关东"]
_ORGS = ["市交通运输局", "市统计局", "市农业农村局", "县文化和旅游局", "市卫生健康委", "市应急管理局", "区住建局", "市气象台", "市市场监管局", "县人社局", "市教育局", "市商务局", "县水利局", "市生态环境局", "市公安局交警支队", "市医保局", "县融媒体中心", "市发展改革委", "市自然资源局", "市邮政管理局"]
_WEEK = "一二三四五六日"
_SECTIONS = {
    "party": ("要闻", "综合", "经济", "社会", "国际", "时政", "专版", "理论", "文化", "民生"),
    "evening": ("城事", "社会", "民生", "热线", "聚焦", "天下", "文体", "健康", "教育", "消费"),
    "metro": ("都市", "城事", "速读", "关注", "财经", "天下", "社会", "深读", "民生", "调查"),
    "county": ("要闻", "综合", "乡村振兴", "镇村动态", "民生", "县域经济", "专题", "文化"),
}
_BANDS = ("记者观察", "深度关注", "一线直击", "聚焦", "关注", "现场", "热点追踪", "图片新闻", "视觉", "民生热线",
          "今日关注", "县域新闻", "镇村快讯", "城事速递", "新闻纵深", "权威发布", "时事")
_COMMENT_LABELS = ("短评", "今日谈", "评论员文章", "快评", "晚报时评", "观点", "新论", "锐评")
_BRIEF_BANDS = ("简讯", "新闻速递", "城事快报", "一句话新闻", "要闻简报", "综合新闻", "快讯", "镇村动态")
_PHOTO_BANDS = ("图片新闻", "视觉", "影像", "图说", "镜头", "图片报道")
_ADS = ("诚聘英才 待遇从优 联系电话：{tel}", "欢迎订阅{y}年度《{paper}》 邮发代号 {a}-{b}",
        "{c}家居生活馆 周年庆 全场五折起 地址：{c}大道{n}号", "广告热线：{tel}", "{c}新城 样板间火热开放 {tel}",
        "遗失声明：{c}市{n}号营业执照副本遗失，声明作废。", "更正：本报昨日{k}版一文中有误，特此更正。",
        "新闻热线：{tel}", "报料电话 {tel} 微信公众号 {paper}", "{c}老字号 金秋惠民季 满200减30")
_QR = ("扫码看视频", "扫描二维码 看更多精彩", "扫码阅读全文", "打开{paper}客户端 了解更多", "扫码观看直播回放",
       "更多内容请扫码")
_FOOT = ("地址：{c}市{c}路{n}号 邮编：{post} 广告经营许可证：{a}工商广字第{n}号 印刷：{c}日报印务中心",
         "本报法律顾问：{c}律师事务所 {name}律师", "零售价：每份1.00元 全年订价：{n}元",
         "国内统一连续出版物号 CN{a}-{b} 邮发代号 {a}-{k}")


class _Mini:
    """Per-page helpers that draw names and furniture."""

    def __init__(self, r: random.Random):
        self.r = r
        self.used_names: set[str] = set()

    def name(self) -> str:
        r = self.r
        for _ in range(20):
            s = r.choice(_SURN2) if r.random() < 0.03 else r.choice(_SURN)
            g = "".join(r.choice(_GIVEN) for _ in range(1 if r.random() < 0.35 else 2))
            n = s + g
            if n not in self.used_names:
                self.used_names.add(n)
                return n
        return n

    def tel(self) -> str:
        r = self.r
        return r.choice(("0351-", "0311-", "0371-", "96", "400-", "")) + str(r.randint(1000000, 8999999))


# ----------------------------------------------------------------------------------------------
# text helpers

_SENT_END = "。！？"
_CLOSE_Q = "”’」』）"
_NOSTART = set("，。、；：？！）”’》」』…%,.;:?!)】〕")
_NOEND = set("“‘（《「『【(〔")
_TOK = re.compile(r"——|……|[A-Za-z0-9.%+\-/:,·]+|\s+|.")
_DIGRUN = re.compile(r"\d+(?:\.\d+)?%?")
_FWPUNCT = set("，。、；：？！“”‘’（）《》「」『』【】—…·")


def _sentences(p: str) -> list[str]:
    """Split a paragraph into sentences, never inside “quotes”."""
    out, cur, depth, i, n = [], [], 0, 0, len(p)
    while i < n:
        c = p[i]
        cur.append(c)
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        if c in _SENT_END:
            while i + 1 < n and (p[i + 1] in _SENT_END or p[i + 1] in _CLOSE_Q):
                i += 1
                cur.append(p[i])
                if p[i] == "”":
                    depth = max(0, depth - 1)
            if depth == 0:
                out.append("".join(cur))
                cur = []
        i += 1
    if cur:
        s = "".join(cur)
        if out and len(s) < 2:
            out[-1] += s
        else:
            out.append(s)
    return out


def _balanced(s: str) -> bool:
    return (s.count("“") == s.count("”") and s.count("（") == s.count("）") and s.count("《") == s.count("》")
            and s.count("‘") == s.count("’"))


def _clauses(p: str) -> list[str]:
    return [c for c in re.split(r"[，。；：！？]", p) if c]


def _numsp(s: str, r: random.Random, p: float) -> str:
    """Set digit runs apart by spaces, as justified PDF text often comes out (`10 月 17 日`)."""
    if p <= 0 or not any(c.isdigit() for c in s):
        return s
    return _DIGRUN.sub(lambda m: (" " + m.group(0) + " ") if r.random() < p else m.group(0), s)


def _letterspace(s: str, wide: bool = False) -> str:
    """Justified / letter-spaced line: a space after every character except full-width punctuation."""
    sep = "  " if wide else " "
    out = []
    for tok in _TOK.findall(s):
        if tok.isspace():
            continue
        out.append(tok)
        if tok[0] not in _FWPUNCT:
            out.append(sep)
    return "".join(out).rstrip()


def _tw(tok: str) -> float:
    return sum(0.5 if ord(c) < 0x1100 else 1.0 for c in tok)


def _wrap(pieces, width: float, indent: float, split_num: bool) -> list[list[list]]:
    """Hard-wrap pieces [(pid, text)] to `width` (CJK = 1, ASCII = 1/2). Closing punctuation hangs,
    opening punctuation moves down; ASCII runs stay whole unless `split_num`."""
    lines: list[list[list]] = []
    cur: list[list] = []
    used = indent
    nch = 0

    def add(pid, s):
        if cur and cur[-1][0] == pid:
            cur[-1][1] += s
        else:
            cur.append([pid, s])

    for pid, text in pieces:
        for tok in _TOK.findall(text):
            c0 = tok[0]
            if c0.isspace():
                if nch:
                    add(pid, " ")
                    used += 0.5
                continue
            tw = len(tok) if ord(c0) >= 0x1100 else _tw(tok)
            if not nch or used + tw <= width + 1e-9 or (len(tok) == 1 and tok in _NOSTART):
                add(pid, tok)
                used += tw
                nch += len(tok)
                continue
            if split_num and len(tok) > 1 and ord(c0) < 0x1100:
                room = int((width - used) / 0.5 + 1e-9)
                if room >= 1:
                    add(pid, tok[:room])
                    tok = tok[room:]
                lines.append(cur)
                cur, used, nch = [], 0.0, 0
                add(pid, tok)
                used, nch = _tw(tok), len(tok)
                continue
            carry = None
            last = cur[-1][1].rstrip()
            if nch > 1 and last and last[-1] in _NOEND:
                cur[-1][1] = last[:-1]
                carry = (cur[-1][0], last[-1])
                if not cur[-1][1]:
                    cur.pop()
            lines.append(cur)
            cur, used, nch = [], 0.0, 0
            if carry:
                add(*carry)
                used, nch = 1.0, 1
            add(pid, tok)
            used += tw
            nch += len(tok)
    if cur:
        lines.append(cur)
    return lines


def _split_even(s: str, n: int, r: random.Random) -> list[str]:
    """Break a headline into n lines anywhere (mid-word too), roughly even."""
    if n <= 1 or len(s) < 2 * n:
        return [s]
    cuts, L = [], len(s)
    for k in range(1, n):
        base = L * k // n
        c = min(max(base + r.randint(-2, 2), (cuts[-1] + 1) if cuts else 1), L - (n - k))
        cuts.append(c)
    parts, prev = [], 0
    for c in cuts + [L]:
        parts.append(s[prev:c])
        prev = c
    return [p for p in parts if p]


# ----------------------------------------------------------------------------------------------
# page building

class _Line:
    __slots__ = ("brk", "head", "pstart", "segs", "spaced")

    def __init__(self, segs, brk="L", pstart=False, head=False):
        self.segs = segs          # [[pid, text], ...]
        self.brk = brk            # break before: L line, P paragraph, S after subhead, C column, H head, B block
        self.pstart = pstart      # first line of an indented paragraph
        self.head = head          # headline line (may come out letter-spaced)
        self.spaced = 0           # 0 no, 1 letter-spaced, 2 wide letter-spacing


class _Block:
    __slots__ = ("art", "kind", "lines")

    def __init__(self, lines, kind, art=-1):
        self.lines, self.kind, self.art = lines, kind, art


class _Art:
    def __init__(self, idx):
        self.idx = idx            # truth item index
        self.place = BEFORE
        self.head: _Block | None = None
        self.chunks: list[_Block] = []
        self.caps: list[_Block] = []
        self.cap_at = "after"     # before / after / inside
        self.pre: list[_Block] = []  # furniture that goes with it (series band, label)
        self.spare: list[str] = []   # the story's paragraphs left unprinted (for captions)


_ROLES_HEAD = ("T", "K", "S")


class _Builder:
    def __init__(self, r: random.Random, position: str, pool: list, lookup: list, page_no: int):
        self.r = r
        self.position = position
        self.pool = pool          # prepared items for this page (dicts), distinct stories
        self.lookup = lookup      # extra prepared items (long stories etc.)
        self.mini = _Mini(r)
        self.ptext: list[str] = []
        self.pitem: list[int] = []
        self.prole: list[str] = []
        self.pnames: list[tuple] = []
        self.ppara: list[int] = []
        self.pbyl: list[bool] = []
        self.specs: list[dict] = []
        self.traits: Counter = Counter()
        self.npara = 0
        self.page_no = page_no
        self.used = 0
        self.cap_used: set[str] = set()
        self.longs: list = []

    # pieces -------------------------------------------------------------------
    def piece(self, item: int, role: str, text: str, names=(), para=-1, byline=False) -> int:
        self.ptext.append(text)
        self.pitem.append(item)
        self.prole.append(role)
        self.pnames.append(tuple(names))
        self.ppara.append(para)
        self.pbyl.append(byline)
        return len(self.ptext) - 1

    def new_para(self) -> int:
        self.npara += 1
        return self.npara

    def furn(self, texts, kind="furn") -> _Block:
        lines = []
        for k, t in enumerate(texts):
            lines.append(_Line([[self.piece(-1, "F", t), t]], "B" if k == 0 else self.r.choice("HLH")))
        return _Block(lines, kind)

    def spec(self, kind="article") -> int:
        self.specs.append({"kind": kind, "title": "", "kicker": "", "subtitle": "", "dateline": "",
                           "paras": [], "continued_to": None})
        return len(self.specs) - 1

    def next_item(self) -> dict:
        """The next unused story of the page's day (then of any day)."""
        if self.used < len(self.pool):
            self.used += 1
            return _prep(self.pool[self.used - 1])
        return self.rand_item()

    def rand_item(self) -> dict:
        return _prep(self.r.choice(self.lookup))

    # names / credits ----------------------------------------------------------
    def credit_text(self, labels: list[str], spaced: bool) -> tuple[str, list[str]]:
        """`记者 王龙飞 王佳丽 通讯员 张三` (spaced) or `记者王龙飞、王佳丽通讯员张三`."""
        parts, names = [], []
        for lab in labels:
            k = 2 if (lab in ("记者", "本报记者") and self.r.random() < 0.3) else 1
            ns = [self.mini.name() for _ in range(k)]
            names += ns
            if spaced:
                parts.append(lab + " " + (" " if self.r.random() < 0.6 else "、").join(ns))
            else:
                parts.append(lab + "、".join(ns))
        return " ".join(parts), names

    def labels(self, flavor: str) -> list[str]:
        r = self.r
        if flavor == "county":
            opts = (["融媒体记者"], ["记者"], ["通讯员", "记者"], ["记者", "通讯员"], ["通讯员"], ["融媒体记者", "通讯员"])
        elif flavor in ("evening", "metro"):
            opts = (["记者"], ["记者"], ["见习记者"], ["首席记者"], ["记者", "通讯员"], ["记者", "实习生"],
                    ["通讯员", "记者"], ["记者", "见习记者"])
        else:
            opts = (["记者"], ["记者"], ["记者", "通讯员"], ["本报记者"], ["记者", "实习生"])
        return list(r.choice(opts))


def _prep(it: dict) -> dict:
    """Prepared view of an item: cleaned paragraphs, title parts, series column."""
    title = _clean_title(it.get("title", ""))
    col = ""
    m = re.match(r"^【([^】]{2,24})】\s*(.+)$", title)
    if m:
        col, title = m.group(1), m.group(2)
    paras = [_clean(p) for p in it.get("paragraphs") or []]
    paras = [p for p in paras if p]
    return {"title": title, "col": _clean(col), "paras": paras, "date": str(it.get("date", ""))[:8],
            "n": sum(len(p) for p in paras)}


# ----------------------------------------------------------------------------------------------
# headlines

def _quote_cands(it: dict) -> list[str]:
    out = []
    for p in it["paras"][:6]:
        for m in re.finditer(r"“([^“”]{4,18})”", p):
            q = m.group(1)
            if _balanced(q) and not q.endswith(("，", "、")):
                out.append("“" + q + "”")
    return out


def _punchy_cands(it: dict) -> list[str]:
    out = []
    for p in it["paras"][:8]:
        for s in _sentences(p):
            if 6 <= len(s) <= 24 and s[-1] in "！？" and _balanced(s):
                out.append(s)
    return out


def _clause_cands(it: dict, lo=4, hi=18) -> list[str]:
    out = []
    for p in it["paras"][:3]:
        for c in _clauses(p)[:4]:
            if lo <= len(c) <= hi and _balanced(c) and not c[0].isdigit():
                out.append(c)
    return out


def _headline(b: _Builder, it: dict, flavor: str) -> tuple[str, str, str]:
    """(kicker, title, subtitle) as printed, from the item's title and text."""
    r = b.r
    t = it["title"]
    parts = t.split(" ")
    flat = t.replace(" ", "")
    cands: list[tuple[str, float]] = []
    metro = flavor in ("evening", "metro", "county")
    if 6 <= len(flat) <= 40:
        cands.append(("plain", 3.0 if not metro else 2.0))
        if len(flat) <= 16 and metro:
            cands.append(("plain", 2.0))
    if len(parts) >= 2:
        rest = "".join(parts[1:])
        if 6 <= len(rest) <= 40 and 2 <= len(parts[0]) <= 40:
            cands.append(("kick_split", 2.5 if not metro else 1.2))
        if 6 <= len(parts[0]) <= 40 and 4 <= len(rest) <= 44:
            cands.append(("sub_split", 1.0 if not metro else 2.0))
        if 6 <= len(parts[-1]) <= 20 and metro:
            cands.append(("last_part", 1.0))
    if "：" in flat and metro and 6 <= len(flat) <= 40:
        cands.append(("plain", 1.5))
    qs = _quote_cands(it) if metro or r.random() < 0.3 else []
    if qs and len(flat) <= 44:
        cands.append(("quote", 2.5 if metro else 0.6))
    ps = _punchy_cands(it) if metro else []
    if ps:
        cands.append(("punchy", 2.0))
    cl = _clause_cands(it)
    if cl and 6 <= len(flat) <= 40:
        cands.append(("clause_kicker", 1.2 if not metro else 0.6))
    if not cands:
        cl2 = _clause_cands(it, 6, 30)
        if cl2:
            return "", r.choice(cl2), ""
        return "", (flat[:r.randint(10, 30)] if len(flat) > 40 else flat + "".join(it["paras"][0][:6 - len(flat)])), ""
    tot = sum(w for _, w in cands)
    x = r.random() * tot
    for kind, w in cands:
        x -= w
        if x <= 0:
            break
    kicker = sub = ""
    dash = r.random()
    if kind == "plain":
        title = t if r.random() < 0.5 else flat
        if r.random() < 0.18:
            first = _sentences(it["paras"][0])[0]
            if 8 <= len(first) <= 40 and _balanced(first):
                sub = ("——" if dash < 0.5 else "") + first.rstrip("。")
        elif cl and r.random() < 0.12:
            kicker = r.choice(cl) + ("——" if dash < 0.3 else "")
    elif kind == "kick_split":
        kicker, title = parts[0], " ".join(parts[1:])
        if dash < 0.2:
            kicker += "——"
    elif kind == "sub_split":
        title, sub = parts[0], "".join(parts[1:])
        if dash < 0.55:
            sub = "——" + sub
    elif kind == "last_part":
        title = parts[-1]
        if r.random() < 0.5:
            kicker = "".join(parts[:-1])[:40]
    elif kind == "quote":
        title = r.choice(qs)
        if len(flat) <= 40:
            sub = ("——" if dash < 0.6 else "") + flat
    elif kind == "punchy":
        title = r.choice(ps)
        if r.random() < 0.5 and len(flat) <= 40:
            sub = ("——" if dash < 0.5 else "") + flat
    else:  # clause_kicker
        kicker, title = r.choice(cl), flat
        if dash < 0.3:
            kicker += "——"
    if len(title.replace(" ", "")) < 6:
        # too short for a headline: make it the kicker of the full title when that fits
        if 6 <= len(flat) <= 40 and title.replace(" ", "") != flat:
            kicker, title = title, flat
        else:
            title = flat[:40] if len(flat) >= 6 else title + "".join(_clauses(it["paras"][0])[:1])[:40 - len(title)]
    if len(title.replace(" ", "")) > 40:
        title = title.replace(" ", "")[:40]
    return kicker, title, sub


def _head_block(b: _Builder, idx: int, o: dict, kicker: str, title: str, sub: str,
                byline=None, bypos="below", sign="", signpos="head") -> _Block | None:
    """Headline block: optional byline above, kicker above or below the title, 1-3 title lines,
    subtitle, byline below, commentary signature."""
    r = b.r
    s = b.specs[idx]
    lines: list[_Line] = []
    hw = o["hw"]
    spaced = o.get("spaced_head", 0)

    def put(role, text, width, byl=False, names=(), is_title=False, nl=1):
        pid = b.piece(idx, role, text, names=names, byline=byl)
        if is_title:
            chunks = _split_even(text, nl, r)
        else:
            chunks = ["".join(t for _, t in segs) for segs in _wrap([(pid, text)], width, 0, False)]
        for c in chunks:
            if not c.strip():
                continue
            ln = _Line([[pid, c]], "H", head=True)
            if is_title and spaced:
                ln.spaced = spaced
            lines.append(ln)

    if byline and bypos == "above":
        put("C", byline[0], o["w"] + 2, True, byline[1])
    kab = r.random() < 0.8
    if kicker and kab:
        put("K", kicker, hw + 4)
    if title:
        L = len(title.replace(" ", ""))
        if L > hw:
            nl = min(3, -(-L // hw))
        else:
            nl = 1 if r.random() < 0.72 or L < 8 else (2 if r.random() < 0.8 or L < 12 else 3)
        put("T", title, hw, is_title=True, nl=nl)
    if kicker and not kab:
        put("K", kicker, hw + 4)
    if sub:
        put("S", sub, hw + 6)
    if byline and bypos == "below":
        put("C", byline[0], o["w"] + 2, True, byline[1])
    if sign and signpos == "head":
        pid = b.piece(idx, "G", sign)
        lines.append(_Line([[pid, sign]], "H"))
    s["title"] = title.replace(" ", "")
    s["kicker"] = kicker.replace(" ", "")
    s["subtitle"] = sub.replace(" ", "")
    if kicker:
        b.traits["kicker_above" if kab else "kicker_below"] += 1
    if sub:
        b.traits["subtitle_dash" if sub.startswith("——") else "subtitle_plain"] += 1
    if title:
        b.traits[f"title_{min(3, sum(1 for l in lines if any(b.prole[p] == 'T' for p, _ in l.segs)))}_lines"] += 1
        if spaced:
            b.traits["title_letterspaced"] += 1
        if any(c in title for c in "！？“：——"):
            b.traits["title_punchy"] += 1
    return _Block(lines, "head", idx) if lines else None


# ----------------------------------------------------------------------------------------------
# bodies

def _ptype(p: str) -> str:
    return "p" if (len(p) > 40 or p[-1] in "。！？”…）；") else "sub"


def _select(b: _Builder, paras: list[str], target: int, short: bool, start: int = 0) -> list[list]:
    """Paragraphs [type, text] up to about `target` characters; `short` = evening-paper paragraphing."""
    r = b.r
    out: list[list] = []
    total = 0
    for k, p in enumerate(paras[start:]):
        typ = _ptype(p) if (k or start) else "p"
        if typ == "sub":
            out.append(["sub", p])
            continue
        pieces = [p]
        if short and len(p) > 60:
            ss = _sentences(p)
            pieces, cur = [], ""
            for sn in ss:
                cur += sn
                if len(cur) > 25 and r.random() < 0.7:
                    pieces.append(cur)
                    cur = ""
            if cur:
                pieces.append(cur)
        for q in pieces:
            if total + len(q) > target and out and any(t == "p" for t, _ in out):
                ss = _sentences(q)
                keep = ""
                for sn in ss:
                    if total + len(keep) + len(sn) > target and keep:
                        break
                    keep += sn
                if keep and r.random() < 0.6 and len(ss) > 1:
                    out.append(["p", keep])
                total = target + 1
                break
            out.append(["p", q])
            total += len(q)
        if total > target:
            break
    while out and out[-1][0] == "sub":
        out.pop()
    if not out:
        out = [["p", paras[start] if start < len(paras) else paras[0]]]
    return out


def _subheads(b: _Builder, paras: list[list], style: str, lookup_titles: list[str]) -> None:
    """Insert 3-6 subheads at paragraph boundaries (a clause of the paragraph below, or a title)."""
    r = b.r
    if any(t == "sub" for t, _ in paras):
        kept = [k for k, (t, _) in enumerate(paras) if t == "sub"]
        # the transcript's own headings become subheads in the chosen style
        for n, k in enumerate(kept):
            paras[k][1] = _sub_style(paras[k][1], style, n)
        return
    n = len(paras)
    if n < 4:
        return
    want = min(6, max(2, n // 3))
    slots = sorted(r.sample(range(1, n), min(want, n - 1)))
    slots2 = []
    for s_ in slots:
        if not slots2 or s_ - slots2[-1] >= 2:
            slots2.append(s_)
    for num, k in enumerate(reversed(slots2)):
        nxt = paras[k][1]
        cl = [c for c in _clauses(nxt)[:2] if 4 <= len(c) <= 16 and _balanced(c)]
        if cl and r.random() < 0.6:
            text = cl[0]
        elif lookup_titles:
            text = r.choice(lookup_titles)
        else:
            continue
        paras.insert(k, ["sub", text])
    m = 0
    for k, (t, x) in enumerate(paras):
        if t == "sub":
            paras[k][1] = _sub_style(x, style, m)
            m += 1


_NUMS = "一二三四五六七八九十"


def _sub_style(text: str, style: str, n: int) -> str:
    if style == "num":
        return _NUMS[n % 10] + "、" + text
    if style == "bracket":
        return "【" + text + "】"
    if style == "square":
        return "■" + text
    return text


def _render(b: _Builder, paras: list[tuple], width: float, split_num: bool) -> list[_Line]:
    """paras: [(ptype, [pid, ...])] -> lines. ptype p (indented), sub, box (box heading), cred (own line)."""
    lines: list[_Line] = []
    prev = None
    for ptype, pids in paras:
        pieces = [(pid, b.ptext[pid]) for pid in pids]
        indent = 2 if ptype == "p" else 0
        wl = _wrap(pieces, width, indent, split_num)
        for k, segs in enumerate(wl):
            if k:
                brk = "L"
            elif prev == "sub" or prev == "box":
                brk = "S"
            else:
                brk = "P"
            lines.append(_Line(segs, brk, pstart=(k == 0 and ptype == "p")))
        prev = ptype
    return lines


def _columns(r: random.Random, lines: list[_Line], hmin: int, hmax: int, short_first: bool) -> list[list[_Line]]:
    out, i, first = [], 0, True
    while i < len(lines):
        h = r.randint(1, 4) if (first and short_first) else r.randint(hmin, hmax)
        out.append(lines[i:i + h])
        i += h
        first = False
    return out


# ----------------------------------------------------------------------------------------------
# datelines, bylines, credits

def _md(r: random.Random, date: str, spaced: bool) -> str:
    m_, d_ = int(date[4:6]), int(date[6:8])
    return f" {m_} 月 {d_} 日" if spaced else f"{m_}月{d_}日"


def _byline(b: _Builder, flavor: str) -> tuple[str, list[str]]:
    r, nm = b.r, b.mini.name
    x, y = nm(), nm()
    if flavor == "party":
        forms = [(f"本报记者 {x} {y}", [x, y]), (f"本报记者 {x}", [x]), (f"□ 本报记者 {x}", [x]),
                 (f"本报记者 {x} 通讯员 {y}", [x, y]), (f"新华社记者 {x} {y}", [x, y]), (f"本报记者  {x}  {y}", [x, y])]
    elif flavor == "county":
        forms = [(f"通讯员 {x} 记者 {y} 报道", [x, y]), (f"融媒体记者 {x}", [x]), (f"本报记者 {x} 通讯员 {y}", [x, y]),
                 (f"通讯员 {x} {y}", [x, y]), (f"□ 融媒体记者 {x} 通讯员 {y}", [x, y]), (f"记者 {x}", [x])]
    else:
        forms = [(f"记者 {x}", [x]), (f"见习记者 {x}", [x]), (f"首席记者 {x}", [x]), (f"文/{x} 图/{y}", [x, y]),
                 (f"文/图 {x}", [x]), (f"记者 {x} 通讯员 {y}", [x, y]), (f"□ 记者 {x}", [x]),
                 (f"本报记者 {x} 实习生 {y}", [x, y]), (f"记者 {x} 见习记者 {y}", [x, y]), (f"□ 首席记者 {x}", [x])]
    t, ns = r.choice(forms)
    b.mini.used_names.difference_update({x, y} - set(ns))
    return t, ns


def _endcredit(b: _Builder, flavor: str) -> tuple[str, list[str]]:
    r, x = b.r, b.mini.name()
    forms = [(f"（记者 {x}）", [x]), ("（据新华社）", []), (f"（本报记者 {x} 整理）", [x]), (f"（{x}）", [x]),
             (f"（通讯员 {x}）", [x]), (f"（记者{x}）", [x])]
    if flavor == "county":
        forms.append((f"（融媒体记者 {x}）", [x]))
    t, ns = r.choice(forms)
    if not ns:
        b.mini.used_names.discard(x)
    return t, ns


def _credits(b: _Builder, it: dict, o: dict) -> dict:
    """Choose the dateline / credit / opener / byline / end credit of a story."""
    r, flavor = b.r, o["flavor"]
    d = it["date"] if len(it["date"]) == 8 else "20240101"
    sp = r.random() < o.get("dsp", 0.5)
    place = o["city"] if r.random() < 0.6 else r.choice(_CITIES)
    res = {"dl": "", "cred": None, "opener": "", "byline": None, "bypos": "below", "end": None, "dl_own": False}

    def credit(p=1.0):
        if r.random() < p:
            t, ns = b.credit_text(b.labels(flavor), sp or r.random() < 0.5)
            res["cred"] = ("（" + t + "）", ns)

    def opener():
        org = r.choice(_ORGS)
        dd = str(int(d[6:8]))
        res["opener"] = r.choice((f"记者{dd}日从{org}获悉，", f"{dd}日，记者从{org}了解到，", f"日前，记者从{org}获悉，",
                                  f"近日，记者从{org}了解到，", f"记者近日从{org}获悉，", f"记者从{org}获悉，"))

    def byline(p=1.0, body_ok=True):
        if r.random() < p:
            res["byline"] = _byline(b, flavor)
            res["bypos"] = r.choice(("above", "below", "below", "bodytop") if body_ok else ("above", "below"))

    x = r.random()
    if flavor == "party":
        if x < 0.42:
            res["dl"] = f"本报{place}{_md(r, d, sp)}讯"
            credit(0.85)
        elif x < 0.57:
            res["dl"] = "本报讯"
            credit(0.9)
        elif x < 0.70:
            res["dl"] = f"新华社{place}{_md(r, d, sp)}电"
            if r.random() < 0.6:
                t, ns = b.credit_text(["记者"], sp)
                res["cred"] = ("（" + t + "）", ns)
        elif x < 0.80:
            opener()
            byline(0.7)
        else:
            byline(0.85)
    elif flavor == "county":
        if x < 0.35:
            res["dl"] = "本报讯"
            credit(0.95)
        elif x < 0.55:
            byline(1.0)
        elif x < 0.70:
            opener()
            byline(0.8)
        elif x < 0.82:
            res["dl"] = f"{o['short_name']}讯"
            credit(0.9)
        else:
            res["dl"] = f"本报{o['county']}{_md(r, d, sp)}讯" if r.random() < 0.5 else "本报讯"
            credit(0.7)
    else:
        if x < 0.28:
            res["dl"] = "本报讯"
            credit(0.95)
        elif x < 0.42:
            res["dl"] = f"{o['short_name']}讯"
            credit(0.9)
        elif x < 0.62:
            byline(1.0)
            if r.random() < 0.5:
                opener()
        elif x < 0.72:
            opener()
            byline(0.85)
        elif x < 0.82:
            res["dl"] = f"新华社{place}{_md(r, d, sp)}电"
        else:
            pass
    if not res["cred"] and not res["byline"] and r.random() < 0.6 or r.random() < 0.06:
        res["end"] = _endcredit(b, flavor)
    if res["dl"] and r.random() < 0.07:
        res["dl_own"] = True
    return res


# ----------------------------------------------------------------------------------------------
# stories

def _qa(b: _Builder, paras: list[list]) -> list[list]:
    r = b.r
    ql, al = r.choice((("记者：", "答："), ("问：", "答："), ("记者：", "答：")))
    out = [paras[0]]
    for t, x in paras[1:]:
        ss = _sentences(x) if t == "p" else []
        if len(ss) >= 2 and r.random() < 0.85:
            out.append(["p", ql + ss[0]])
            out.append(["p", al + "".join(ss[1:])])
        else:
            out.append([t, x])
    b.traits["interview_qa"] += 1
    return out


def _box_paras(b: _Builder, it: dict, spare: list[str]) -> list[list]:
    """A boxed sidebar: heading paragraph + text paragraphs."""
    r = b.r
    kind = r.choice(("相关链接", "记者手记", "背景", "延伸阅读", "数读", "链接", "相关链接", "记者手记"))
    if kind == "记者手记" and not spare:
        kind = "背景"
    if kind == "数读":
        cl = [c for p in it["paras"] for c in re.split(r"[，。；]", p) if 6 <= len(c) <= 26 and any(ch.isdigit() for ch in c)
              and _balanced(c)]
        if len(cl) < 2:
            kind = "延伸阅读"
        else:
            texts = cl[:r.randint(2, 4)]
    if kind == "记者手记" or (kind != "数读" and spare and r.random() < 0.6):
        texts = spare[:r.randint(1, 2)]
        del spare[:len(texts)]
    elif kind != "数读":
        other = b.next_item()
        texts, tot = [], 0
        for p in other["paras"]:
            texts.append(p)
            tot += len(p)
            if tot > r.randint(60, 320):
                break
    head = r.choice((kind, kind, "【" + kind + "】", "■" + kind, "◆" + kind))
    b.traits["sidebar_box"] += 1
    b.traits["sidebar_" + kind] += 1
    return [["box", head]] + [["p", t] for t in texts]


def _art(b: _Builder, it: dict, o: dict) -> _Art:
    r = b.r
    idx = b.spec()
    s = b.specs[idx]
    a = _Art(idx)
    a.place = o["place"]
    style = o.get("style", "news")
    flavor = o["flavor"]
    w = o["w"]
    # ---- headline and credits
    cr = _credits(b, it, o) if style not in ("cont", "comment") else {
        "dl": "", "cred": None, "opener": "", "byline": None, "bypos": "below", "end": None, "dl_own": False}
    sign, signpos = "", "head"
    if style == "cont":
        k, t, sub = _headline(b, it, flavor)
        mode = o.get("cont_title", "full")
        kicker, sub = "", ""
        if mode == "short":
            parts = it["title"].split(" ")
            cand = [p for p in parts if 6 <= len(p) <= 40 and p != t.replace(" ", "")]
            t = r.choice(cand) if cand else t.replace(" ", "")[:max(6, len(t.replace(" ", "")) // 2 + 2)]
        elif mode == "missing":
            t = ""
        if t and r.random() < 0.15:
            cr["byline"] = _byline(b, flavor)
        b.traits["continuation_title_" + mode] += 1
    elif style == "comment":
        kicker, t, sub = _headline(b, it, "party")
        sub = sub if r.random() < 0.3 else ""
        x = r.random()
        if x < 0.55:
            sign = r.choice(("本报评论员", "本报评论员", "本报调研组", "本报特约评论员"))
            signpos = "head" if r.random() < 0.5 else "end"
            b.traits["commentary_signed_" + signpos] += 1
        elif x < 0.8:
            n = b.mini.name()
            cr["byline"] = (r.choice(("□ ", "文/", "■ ", "")) + n, [n])
            cr["bypos"] = "below"
            b.traits["commentary_named_author"] += 1
        else:
            n = b.mini.name()
            cr["end"] = (f"（{n}）", [n])
            b.traits["commentary_named_end"] += 1
    else:
        kicker, t, sub = _headline(b, it, flavor)
        if "kicker" in o:
            kicker = o["kicker"]
    if not t and style != "cont":
        t = it["title"].replace(" ", "")[:40]
    # ---- paragraphs
    short = o.get("short", False)
    paras = _select(b, it["paras"], o["target"], short, o.get("start", 0))
    used_n = sum(len(x) for _, x in paras)
    spare = []
    acc = 0
    for p in it["paras"]:
        acc += len(p)
        if acc > used_n + 20 and _ptype(p) == "p":
            spare.append(p)
    if o.get("start_mid") and paras and paras[0][0] == "p":
        x = paras[0][1]
        cut = r.randint(1, max(1, min(len(x) - 2, 40)))
        paras[0][1] = x[cut:] if len(x) > cut + 2 else x
    if style == "long":
        _subheads(b, paras, o.get("sub_style", "plain"),
                  [x for x in (b.rand_item()["title"].split(" ")[-1] for _ in range(4)) if 6 <= len(x) <= 16])
        b.traits["subheads_" + o.get("sub_style", "plain")] += 1
    elif any(tp == "sub" for tp, _ in paras):
        for k, (tp, x) in enumerate(paras):
            if tp == "sub":
                paras[k][1] = _sub_style(x, o.get("sub_style", "plain"), 0)
        b.traits["subheads_from_text"] += 1
    if style == "qa" and len(paras) >= 2:
        paras = _qa(b, paras)
    note = o.get("note") and len(paras) >= 2
    if note:
        paras[0][1] = r.choice(("编者按：", "编者按：", "【编者按】", "编者按 ")) + paras[0][1]
        b.traits["editors_note"] += 1
    numsp = o.get("numsp", 0.0)
    if cr["opener"]:
        k0 = 1 if note else 0
        paras[k0][1] = cr["opener"] + paras[k0][1]
        b.traits["opener_记者从获悉"] += 1
    # jump cut
    if o.get("jump"):
        last = paras[-1][1]
        x = r.random()
        if x < 0.45 and len(last) > 12:
            cut = r.randint(max(4, len(last) // 3), len(last) - 2)
            paras[-1][1] = last[:cut]
        elif x < 0.75:
            ss = _sentences(last)
            if len(ss) > 1:
                paras[-1][1] = "".join(ss[:r.randint(1, len(ss) - 1)])
    # ---- pieces
    body: list[tuple] = []   # (ptype, [pids])
    if cr["byline"] and cr["bypos"] == "bodytop" and style != "cont":
        pid = b.piece(idx, "C", cr["byline"][0], cr["byline"][1], byline=True)
        body.append(("cred", [pid]))
    jpid_start = None
    if style == "cont":
        jt = r.choice(("（上接第1版）", "（上接第1版）", f"（上接第{o.get('from_page', 1)}版）"))
        jpid_start = b.piece(idx, "J", jt)
        if r.random() < 0.4:
            body.append(("cred", [jpid_start]))
            jpid_start = None
        b.traits["continuation_上接"] += 1
    first_story = 1 if note else 0
    sections: list[tuple] = []
    box = None
    if o.get("box"):
        box = _box_paras(b, it, spare)
    box_at = r.randint(1, len(paras) - 1) if (box and len(paras) >= 3 and r.random() < 0.5) else len(paras)
    for k, (tp, x) in enumerate(paras):
        if k == box_at and box is not None:
            sections.append(("main", body))
            sections.append(("box", _box_pieces(b, idx, box, numsp)))
            body = []
            box = None
        para = b.new_para()
        text = _numsp(x, r, numsp) if tp == "p" else x
        pids = [b.piece(idx, "B", text, para=para)]
        if k == first_story:
            pre = []
            if jpid_start is not None:
                pre.append(jpid_start)
            if cr["dl"]:
                dl_pid = b.piece(idx, "D", cr["dl"] + (" " if r.random() < 0.3 else ""))
                pre.append(dl_pid)
                s["dateline"] = cr["dl"].replace(" ", "")
                b.traits["dateline_" + _dl_kind(cr["dl"])] += 1
            if cr["cred"]:
                pre.append(b.piece(idx, "C", cr["cred"][0], cr["cred"][1]))
                b.traits["dateline_credit"] += 1
            if cr["dl_own"] and pre:
                body.append(("cred", pre))
                b.traits["dateline_own_line"] += 1
            else:
                pids = pre + pids
        body.append((tp, pids))
    if cr["end"]:
        epid = b.piece(idx, "C", cr["end"][0], cr["end"][1])
        if r.random() < 0.6 and body[-1][0] == "p":
            body[-1][1].append(epid)
            b.ptext[epid] = (" " if r.random() < 0.3 else "") + b.ptext[epid]
        else:
            body.append(("cred", [epid]))
        b.traits["end_credit"] += 1
    if sign and signpos == "end":
        body.append(("cred", [b.piece(idx, "G", sign)]))
    sections.append(("main", body))
    if box is not None:
        sections.append(("box", _box_pieces(b, idx, box, numsp)))
    # ---- truth paragraphs in printed order
    for kind, bl in sections:
        for tp, pids in bl:
            txt = "".join(b.ptext[p] for p in pids if b.prole[p] == "B")
            txt = _WSRUN.sub("", txt)
            if txt:
                s["paras"].append(txt)
    # ---- render
    split_num = o.get("split_num", False)
    hmin, hmax = o.get("h", (10, 30))
    for kind, bl in sections:
        if kind == "main":
            lines = _render(b, bl, w, split_num)
            for ch in _columns(r, lines, hmin, hmax, o.get("short_first", False) and not a.chunks):
                a.chunks.append(_Block(ch, "chunk", idx))
        else:
            bw = max(8, w - r.randint(0, 3))
            lines = _render(b, bl, bw, split_num)
            a.chunks.append(_Block(lines, "box", idx))
    a.spare = spare
    if o.get("jump"):
        jt = f"（下转{o['jump']}）"
        jp = b.piece(idx, "J", jt)
        s["continued_to"] = o["jump"]
        lastc = [c for c in a.chunks if c.kind == "chunk"][-1]
        if r.random() < 0.6:
            lastc.lines[-1].segs.append([jp, r.choice((" ", "  ", "", "　"))+ jt])
        else:
            lastc.lines.append(_Line([[jp, jt]], "L"))
        b.traits["jump_下转"] += 1
    # ---- headline block
    if t or kicker or sub:
        byl = cr["byline"] if (cr["byline"] and cr["bypos"] in ("above", "below")) else None
        a.head = _head_block(b, idx, o, kicker, t, sub, byl, cr["bypos"], sign, signpos)
    if cr["byline"]:
        b.traits["byline_" + cr["bypos"]] += 1
    return a


def _dl_kind(dl: str) -> str:
    if dl.startswith("新华社"):
        return "新华社电"
    if dl == "本报讯":
        return "本报讯"
    if dl.startswith("本报"):
        return "本报X地X日讯"
    return "X报讯"


def _box_pieces(b: _Builder, idx: int, box: list[list], numsp: float) -> list[tuple]:
    out = []
    for tp, x in box:
        para = b.new_para()
        out.append((tp, [b.piece(idx, "B", _numsp(x, b.r, numsp) if tp == "p" else x, para=para)]))
    return out


_PHOTO_CREDITS = ("本报记者 {x} 摄", "记者 {x} 摄", "通讯员 {x} 摄", "新华社记者 {x} 摄", "新华社发", "（资料图片）",
                  "新华社发（{x} 摄）", "{x}/摄", "本报记者 {x} 摄（资料图片）", "受访者供图", "融媒体记者 {x} 摄",
                  "本报记者 {x} 摄", "{x} 摄")


_SCENE = re.compile(r"^(\d+月\d+日|\d+日|今天|近日|日前|当地时间|连日来|在|图为|这是|.{2,12}(?:正在|在|的))")


def _caption(b: _Builder, it: dict, o: dict, spare: list[str] | None = None) -> _Block:
    """A photo caption: kind caption, body = caption text + credit, reporters = photographer."""
    r = b.r
    idx = b.spec("caption")
    s = b.specs[idx]
    cands = [sn for p in (spare or []) + it["paras"][:6] for sn in _sentences(p) if 12 <= len(sn) <= 80 and _balanced(sn)]
    cands = [sn for sn in cands if sn not in b.cap_used] or cands
    scene = [sn for sn in cands if _SCENE.match(sn)]
    if scene and r.random() < 0.8:
        text = r.choice(scene)
    elif cands:
        text = r.choice(cands[:8])
    else:
        text = it["paras"][0][:r.randint(20, 60)]
    b.cap_used.add(text)
    x = b.mini.name()
    cf = r.choice(_PHOTO_CREDITS)
    names = [x] if "{x}" in cf else []
    if not names:
        b.mini.used_names.discard(x)
    credit = cf.format(x=x)
    para = b.new_para()
    tp = b.piece(idx, "B", text, para=para)
    cp = b.piece(idx, "B", credit, names=names, para=para)
    s["paras"] = [_WSRUN.sub("", text + credit)]
    lay = r.random()
    lines: list[_Line] = []
    if lay < 0.45:
        lines.append(_Line([[tp, text], [cp, r.choice((" ", "  ", "　"))+ credit]], "B"))
        b.traits["caption_one_line"] += 1
    else:
        cw = r.randint(12, 30)
        if lay < 0.8:
            wl = _wrap([(tp, text), (cp, " " + credit)], cw, 0, False)
        else:
            wl = _wrap([(tp, text)], cw, 0, False) + [[[cp, credit]]]
        for k, segs in enumerate(wl):
            lines.append(_Line(segs, "L"))
        b.traits["caption_wrapped"] += 1
    b.traits["caption"] += 1
    return _Block(lines, "cap", idx)


def _brief(b: _Builder, it: dict, o: dict, n: int, style: str, num_style: str) -> _Art:
    """One item of a briefs column: 【title】 / ■ title / plain title / no title, maybe numbered."""
    r = b.r
    idx = b.spec()
    s = b.specs[idx]
    a = _Art(idx)
    flat = it["title"].replace(" ", "")
    title = flat if 6 <= len(flat) <= 40 else ""
    if not title:
        cl = _clause_cands(it, 6, 24)
        title = cl[0] if cl else ""
    if style != "none" and not title:
        style = "none"
    marker = ""
    if num_style == "arabic":
        marker = f"{n}．" if r.random() < 0.5 else f"{n}."
    elif num_style == "circled":
        marker = "①②③④⑤⑥⑦⑧⑨⑩"[(n - 1) % 10]
    cr = _credits(b, it, o)
    target = r.randint(40, 220)
    ss = _sentences(it["paras"][0])
    first = ""
    for sn in ss:
        first += sn
        if len(first) >= target:
            break
    paras = [["p", first]]
    if len(first) < target and r.random() < 0.5:
        paras += [["p", p] for p in it["paras"][1:3] if _ptype(p) == "p" and len(p) < 160][:1]
    w = o["w"]
    body = []
    text = cr["opener"] + paras[0][1]
    para = b.new_para()
    pids = []
    if style == "none" and (marker or r.random() < 0.6):
        bullet = marker or r.choice(("●", "■", "◆", "▲"))
        pids.append(b.piece(idx, "M", bullet + r.choice(("", " "))))
        b.traits["brief_marker_in_body"] += 1
    if cr["dl"]:
        pids.append(b.piece(idx, "D", cr["dl"]))
        s["dateline"] = cr["dl"].replace(" ", "")
    if cr["cred"]:
        pids.append(b.piece(idx, "C", cr["cred"][0], cr["cred"][1]))
    pids.append(b.piece(idx, "B", _numsp(text, r, o.get("numsp", 0)), para=para))
    body.append(("p", pids))
    for tp, x in [p for p in paras[1:] if p[0] == "p"][:2]:
        body.append((tp, [b.piece(idx, "B", x, para=b.new_para())]))
    if cr["end"]:
        body[-1][1].append(b.piece(idx, "C", cr["end"][0], cr["end"][1]))
    for tp, pids_ in body:
        txt = _WSRUN.sub("", "".join(b.ptext[p] for p in pids_ if b.prole[p] == "B"))
        if txt:
            s["paras"].append(txt)
    lines = _render(b, body, w, o.get("split_num", False))
    a.chunks.append(_Block(lines, "chunk", idx))
    if style != "none":
        s["title"] = title
        pid = b.piece(idx, "T", title)
        segs = []
        if marker:
            segs.append([b.piece(idx, "M", marker), marker])
        if style == "bracket":
            segs += [[b.piece(idx, "M", "【"), "【"], [pid, title], [b.piece(idx, "M", "】"), "】"]]
        elif style == "square":
            bl = r.choice(("■", "●", "◆", "▲"))
            segs += [[b.piece(idx, "M", bl), bl + r.choice(("", " "))], [pid, title]]
        else:
            segs.append([pid, title])
        if style in ("bracket", "square") and len(title) + 2 > w + 4 and r.random() < 0.5:
            # long bracketed title over two lines
            k = len(title) // 2
            first = segs[:-2] + [[pid, title[:k]]] if style == "bracket" else segs[:-1] + [[pid, title[:k]]]
            rest = [[pid, title[k:]]] + (segs[-1:] if style == "bracket" else [])
            hl = [_Line(first, "H", head=True), _Line(rest, "H", head=True)]
        else:
            hl = [_Line(segs, "H", head=True)]
        a.head = _Block(hl, "head", idx)
        a.place = BEFORE if style in ("bracket", "square") else o["place"]
        b.traits["brief_title_" + style] += 1
    else:
        a.place = BEFORE
        b.traits["brief_no_title"] += 1
    if num_style != "none":
        b.traits["briefs_numbered"] += 1
    return a


# ----------------------------------------------------------------------------------------------
# furniture (made up; belongs to no truth item)

_GANZHI = {2022: "壬寅", 2023: "癸卯", 2024: "甲辰", 2025: "乙巳"}
_LMON = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月")
_LDAY = ["初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十"]


def _datestr(o: dict, style: int) -> str:
    d: _dt.date = o["pdate"]
    wk = _WEEK[d.weekday()]
    if style == 0:
        return f"{d.year}年{d.month}月{d.day}日 星期{wk}"
    if style == 1:
        return f"{d.year}.{d.month:02d}.{d.day:02d} 星期{wk}"
    return f"{d.year}年{d.month}月{d.day}日 周{wk}"


def _f_masthead(b: _Builder, o: dict) -> list[str]:
    r = b.r
    d: _dt.date = o["pdate"]
    paper = o["paper"]
    name = _letterspace(paper, r.random() < 0.5) if r.random() < 0.4 else paper
    lines = [name]
    extra = [_datestr(o, r.randint(0, 2)),
             f"农历{_GANZHI.get(d.year, '甲辰')}年{_LMON[(d.month + 10) % 12]}{r.choice(_LDAY)}",
             f"第{r.randint(5000, 25000)}期 今日{r.choice((4, 8, 12, 16, 24, 32))}版",
             f"国内统一连续出版物号 CN{r.randint(11, 65)}-{r.randint(1, 99):04d}",
             f"{o['short_name']}客户端 {o['short_name']}网", "新闻热线：" + b.mini.tel()]
    r.shuffle(extra)
    lines += extra[:r.randint(1, 4)]
    if r.random() < 0.3:
        lines.insert(0, lines.pop(1))
    return lines


def _f_pagelabel(b: _Builder, o: dict) -> list[str]:
    r = b.r
    pg, sec = o["page_no"], o["section"]
    x = r.random()
    if x < 0.35:
        return [f"{_datestr(o, 0)} {pg} {sec}"]
    if x < 0.55:
        return [f"A{pg:02d} {sec}", _datestr(o, r.randint(0, 2))] if r.random() < 0.5 else [f"A{pg:02d}"]
    if x < 0.7:
        return [f"第{pg}版", sec]
    if x < 0.85:
        return [f"{sec} {_datestr(o, 1)}"] + ([f"编辑 {b.mini.name()}"] if r.random() < 0.5 else [])
    return [f"{pg}", f"{sec}"]


def _f_editor(b: _Builder) -> list[str]:
    r, nm = b.r, b.mini.name
    return [r.choice((f"责任编辑 {nm()}", f"本版编辑：{nm()}  美编：{nm()}  校对：{nm()}",
                      f"责编：{nm()} 版式：{nm()} 校对：{nm()}", f"编辑 {nm()} 组版 {nm()}",
                      f"值班编委 {nm()} 责任编辑 {nm()}", f"本版责编 {nm()} 美编 {nm()}"))]


def _f_index(b: _Builder, o: dict) -> list[str]:
    r = b.r
    lines = [r.choice(("导读", "今日导读", "本期导读", "要目", "导 读"))]
    for _ in range(r.randint(2, 5)):
        t = b.rand_item()["title"].replace(" ", "")[:24]
        k = r.randint(2, 16)
        lines.append(r.choice((f"{t} {k}版", f"{t}  A{k:02d}", f"▶{t}", f"{t}（详见第{k}版）", f"■{t} 第{k}版")))
    return lines


def _f_weather(b: _Builder, o: dict) -> list[str]:
    r = b.r
    sky = ("晴", "多云", "阴", "小雨", "晴转多云", "多云转阴", "阵雨", "小雪", "雷阵雨")
    lo = r.randint(-10, 20)
    hi = lo + r.randint(4, 14)
    lines = [r.choice(("今日天气", "天气预报", "气象", f"{o['city']}天气"))]
    lines.append(f"今天 {r.choice(sky)} {lo}℃～{hi}℃ {r.choice(('北风', '南风', '东北风', '西北风'))}{r.randint(1, 4)}级")
    if r.random() < 0.6:
        lines.append(f"明天 {r.choice(sky)} {lo + r.randint(-3, 3)}℃～{hi + r.randint(-3, 3)}℃")
    if r.random() < 0.4:
        lines.append(f"空气质量：{r.choice(('优', '良', '轻度污染'))}")
    return lines


def _fmt(b: _Builder, o: dict, tpl: str) -> str:
    r = b.r
    return tpl.format(tel=b.mini.tel(), y=o["pdate"].year + 1, paper=o["paper"], a=r.randint(11, 65),
                      b=r.randint(1, 99), c=r.choice(_CITIES), n=r.randint(1, 999), k=r.randint(2, 16),
                      post=f"0{r.randint(10000, 99999)}", name=b.mini.name())


def _f_ad(b: _Builder, o: dict) -> list[str]:
    r = b.r
    lines = [_fmt(b, o, r.choice(_ADS))]
    if r.random() < 0.3:
        lines.append(_fmt(b, o, r.choice(_ADS)))
    return lines


def _f_qr(b: _Builder, o: dict) -> list[str]:
    return [_fmt(b, o, b.r.choice(_QR))]


def _f_foot(b: _Builder, o: dict) -> list[str]:
    return [_fmt(b, o, b.r.choice(_FOOT))]


def _f_band(b: _Builder, o: dict, it: dict | None = None, pool=_BANDS) -> list[str]:
    r = b.r
    if it is not None and it.get("col") and r.random() < 0.7:
        t = it["col"]
        return [r.choice((t, "【" + t + "】", t, "·" + t + "·"))]
    t = r.choice(pool)
    if r.random() < 0.2:
        t = _letterspace(t)
    return [t]


# ----------------------------------------------------------------------------------------------
# page kinds

def _aopts(b: _Builder, o: dict, **kw) -> dict:
    r = b.r
    flavor = o["flavor"]
    if flavor in ("evening", "metro") and r.random() < 0.6:
        w = r.randint(9, 17)
    else:
        w = r.randint(8, 22)
    span = r.choice((1, 1, 2, 2, 2, 3, 3))
    hw = max(8, min(28, w * span + r.randint(-2, 2)))
    if o["position"] == MIXED:
        place = AFTER if r.random() < 0.5 else BEFORE
    else:
        place = o["position"]
    hmin = r.randint(5, 30)
    d = dict(o)
    metro = flavor != "party"
    d.update(w=w, hw=hw, place=place, split_num=r.random() < o["split_p"], numsp=r.choice(o["numsp_choices"]),
             short=metro and r.random() < 0.7, target=r.randint(150, 800) if metro else r.randint(250, 1200),
             h=(hmin, hmin + r.randint(0, 8)), short_first=r.random() < 0.1,
             spaced_head=(r.choice((1, 1, 2)) if r.random() < o["spaced_p"] else 0),
             sub_style=r.choice(("plain", "plain", "num", "bracket", "square")))
    d.update(kw)
    return d


def _news(b: _Builder, o: dict, it: dict | None = None, caps: int | None = None, **kw) -> _Art:
    r = b.r
    it = it or b.next_item()
    ao = _aopts(b, o, **kw)
    if "box" not in kw:
        ao["box"] = ao["target"] >= 280 and r.random() < 0.11
    if "style" not in kw and r.random() < 0.05:
        ao["style"] = "qa"
    if "note" not in kw and r.random() < 0.04:
        ao["note"] = True
    a = _art(b, it, ao)
    if ao.get("note") or (it.get("col") and r.random() < 0.2):
        a.pre.append(b.furn(_f_band(b, o, it)))
        b.traits["series_band"] += 1
    if caps is None:
        x = r.random()
        caps = 0 if x < 0.62 else (1 if x < 0.88 else 2)
    for _ in range(caps):
        a.caps.append(_caption(b, it, o, a.spare))
    if caps == 2:
        b.traits["story_two_photos"] += 1
    a.cap_at = r.choice(("before", "after", "after", "inside"))
    if r.random() < 0.06:
        (a.pre if r.random() < 0.5 else a.caps).append(b.furn(_f_qr(b, o)))
    return a


def _plan_ordinary(b: _Builder, o: dict, plan: list, n: int | None = None) -> None:
    r = b.r
    n = n or r.randint(3, 8)
    i = 0
    metro = o["flavor"] != "party"
    while i < n:
        if metro and n - i >= 2 and r.random() < 0.22:
            k = min(n - i, r.choice((2, 2, 3)))
            first = b.next_item()
            cl = _clause_cands(first, 4, 14)
            shared = first.get("col") or (cl[0] if cl else first["title"].split(" ")[0][:14])
            if r.random() < 0.5:
                shared += "——"
            arts = [_news(b, o, first, kicker=shared, target=r.randint(80, 360))]
            for _ in range(k - 1):
                arts.append(_news(b, o, None, kicker="", target=r.randint(80, 360)))
            b.traits["shared_kicker_group"] += 1
            plan.append(("g", arts, True))
            i += k
            continue
        tgt = r.randint(400, 1400) if i == 0 and r.random() < 0.6 else None
        arts = [_news(b, o, None, **({"target": tgt} if tgt else {}))]
        plan.append(("g", arts, False))
        i += 1
        if r.random() < 0.12:
            plan.append(("f", b.furn(_f_band(b, o)), False))
            b.traits["band_between"] += 1


def _plan(b: _Builder, o: dict, kind: str) -> list:
    r = b.r
    plan: list = []
    if kind == "front":
        if r.random() < 0.95:
            plan.append(("f", b.furn(_f_masthead(b, o), "mast"), False))
            b.traits["masthead"] += 1
        ears = []
        if r.random() < 0.55:
            ears.append(("f", b.furn(_f_index(b, o)), False))
            b.traits["index_box"] += 1
        if r.random() < 0.35:
            ears.append(("f", b.furn(_f_weather(b, o)), False))
            b.traits["weather_box"] += 1
        if r.random() < 0.5:
            plan += ears
            ears = []
        lead = _news(b, o, None, target=r.randint(500, 1500), jump=f"第{r.choice((2, 2, 3, 4, 5))}版", box=False)
        plan.append(("g", [lead], False))
        others = r.randint(2, 5)
        jump2 = r.random() < 0.3
        if jump2:
            b.traits["two_jumps"] += 1
        for k in range(others):
            if k == 0 and r.random() < 0.3:
                plan.append(("f", b.furn([r.choice(_COMMENT_LABELS)]), False))
                plan.append(("g", [_news(b, o, None, style="comment", target=r.randint(300, 900), box=False,
                                         note=False)], False))
                b.traits["commentary"] += 1
                continue
            kw = {}
            if jump2 and k == others - 1:
                kw = {"jump": f"第{r.choice((2, 3, 4, 6, 8))}版", "box": False, "target": r.randint(300, 800)}
            plan.append(("g", [_news(b, o, None, **kw)], False))
        plan += ears
    elif kind == "cont":
        for k in range(1 if r.random() < 0.7 else 2):
            it = b.next_item()
            pr = it["paras"]
            start = r.randint(1, max(1, len(pr) - 1)) if len(pr) > 1 else 0
            mode = r.choice(("full", "full", "short", "missing", "missing"))
            a = _news(b, o, it, caps=0 if r.random() < 0.8 else 1, style="cont", start=start,
                      start_mid=r.random() < 0.5, cont_title=mode, target=r.randint(250, 1200), box=False,
                      note=False, from_page=1 if r.random() < 0.8 else r.randint(1, 3))
            plan.append(("g", [a], False))
        _plan_ordinary(b, o, plan, r.randint(2, 5))
    elif kind == "long":
        it = None
        for _ in range(6):
            cand = _prep(r.choice(b.longs)) if b.longs else b.next_item()
            if cand["n"] >= 900:
                it = cand
                break
        it = it or b.next_item()
        if r.random() < 0.5:
            plan.append(("f", b.furn(_f_band(b, o, it)), False))
        style = "qa" if r.random() < 0.2 else "long"
        a = _news(b, o, it, caps=r.choice((0, 1, 1, 2, 3)), style=style, target=r.randint(1100, 3200),
                  box=r.random() < 0.4, note=r.random() < 0.3, short=o["flavor"] != "party" and r.random() < 0.4)
        b.traits["long_story"] += 1
        plan.append(("g", [a], False))
        if r.random() < 0.3:
            _plan_ordinary(b, o, plan, 1)
    elif kind == "briefs":
        if r.random() < 0.4:
            _plan_ordinary(b, o, plan, r.randint(1, 2))
        if r.random() < 0.85:
            plan.append(("f", b.furn(_f_band(b, o, None, _BRIEF_BANDS)), False))
        style = r.choice(("bracket", "bracket", "square", "plain", "none"))
        num = r.choice(("none", "none", "none", "arabic", "arabic", "circled"))
        w = r.randint(10, 22)
        ao = _aopts(b, o, w=w)
        for k in range(r.randint(6, 10)):
            st = style if r.random() < 0.9 else r.choice(("bracket", "square", "plain", "none"))
            if num != "none" and st == "square":
                st = "bracket"
            plan.append(("g", [_brief(b, b.next_item(), dict(ao, place=_aopts(b, o)["place"]), k + 1, st, num)],
                         False))
        b.traits["briefs_page"] += 1
    elif kind == "photo":
        plan.append(("f", b.furn(_f_band(b, o, None, _PHOTO_BANDS)), False))
        for k in range(r.randint(3, 7)):
            it = b.next_item()
            if r.random() < 0.25:
                a = _news(b, o, it, caps=r.randint(1, 3), target=r.randint(60, 260), box=False)
                plan.append(("g", [a], False))
            else:
                a = _Art(-1)
                a.caps.append(_caption(b, it, o))
                plan.append(("c", [a], False))
        b.traits["photo_page"] += 1
        if r.random() < 0.4:
            _plan_ordinary(b, o, plan, r.randint(1, 2))
    elif kind == "comment":
        n = r.randint(2, 5)
        at = r.randint(0, n)
        for k in range(n + 1):
            if k == at:
                plan.append(("f", b.furn([r.choice(_COMMENT_LABELS)]), False))
                plan.append(("g", [_news(b, o, None, style="comment", target=r.randint(300, 1100), box=False,
                                         note=False, caps=0)], False))
                b.traits["commentary"] += 1
            else:
                _plan_ordinary(b, o, plan, 1)
    else:
        _plan_ordinary(b, o, plan)
    return plan


def _art_columns(a: _Art) -> list[list[_Block]]:
    """A story as its page columns: the headline sits on top of the first column (or, printed after
    the body, at the end of the last); photos above, inside or below."""
    cols = [[c] for c in a.chunks] or [[]]
    if a.head is not None:
        if a.place == BEFORE:
            cols[0].insert(0, a.head)
        else:
            cols[-1].append(a.head)
    if a.caps:
        if a.cap_at == "before":
            cols[0][:0] = a.caps
        elif a.cap_at == "inside" and len(cols) >= 2:
            cols[1][:0] = a.caps
        else:
            cols[-1] += a.caps
    cols[0][:0] = a.pre
    return cols


def _art_units(a: _Art) -> list[_Block]:
    return [x for col in _art_columns(a) for x in col]


def _assemble(b: _Builder, o: dict, plan: list, order: str) -> list[_Block]:
    r = b.r
    # merge neighbouring single stories into groups of 2-3 for the column-wise and band readings
    groups: list = []
    for ent in plan:
        if ent[0] == "g" and order != "flow" and groups and groups[-1][0] == "g" and not groups[-1][2] \
                and not ent[2] and len(groups[-1][1]) < 3 and r.random() < 0.6:
            groups[-1] = ("g", groups[-1][1] + ent[1], False)
        else:
            groups.append(ent)
    blocks: list[_Block] = []
    for kind, payload, _ in groups:
        if kind == "f":
            blocks.append(payload)
            continue
        arts = payload
        if len(arts) == 1 or order == "flow" or kind == "c":
            for a in arts:
                blocks += _art_units(a)
            continue
        if order == "colwise":
            # stories stacked in the same page columns, read one page column at a time
            cols = [_art_columns(a) for a in arts]
            for k in range(max(len(c) for c in cols)):
                for c in cols:
                    if k < len(c):
                        blocks += c[k]
            if max(len(c) for c in cols) > 1:
                b.traits["order_colwise_group"] += 1
            continue
        # band: headlines of side-by-side stories read as one row before (or after) their columns
        places = {a.place for a in arts}
        if len(places) != 1 or any(a.head is None for a in arts):
            for a in arts:
                blocks += _art_units(a)
            continue
        heads = [a.head for a in arts]
        pre = [x for a in arts for x in a.pre]
        bodies = []
        for a in arts:
            bodies += a.chunks
            bodies += a.caps
        blocks += pre + (heads + bodies if arts[0].place == BEFORE else bodies + heads)
        b.traits["order_band_group"] += 1
    return blocks


# ----------------------------------------------------------------------------------------------
# text layer

def _serialize(b: _Builder, blocks: list[_Block], tool: str, tp: dict) -> tuple[str, list[_Line]]:
    r = b.r
    out: list[str] = []
    printed: list[_Line] = []
    prev: _Block | None = None
    force = False
    for blk in blocks:
        nl = len(blk.lines)
        for k, ln in enumerate(blk.lines):
            if k:
                brk = ln.brk
            elif (prev is not None and blk.art >= 0 and prev.art == blk.art and blk.kind in ("chunk", "box")
                  and prev.kind in ("chunk", "box")):
                brk = "C"
            else:
                brk = "B"
            text = "".join(t for _, t in ln.segs)
            if ln.spaced:
                text = _letterspace(text, ln.spaced == 2)
            elif (tp["lsp"] and blk.kind == "chunk" and k + 1 < nl and blk.lines[k + 1].brk == "L"
                  and r.random() < tp["lsp"]):
                text = _letterspace(text)
                b.traits["body_line_letterspaced"] += 1
            text = text.strip()
            if not text:
                continue
            if ln.pstart:
                ind = tp["indent"]
                if ind == " " and r.random() > 0.1:
                    ind = ""
                text = ind + text
            if out:
                blank = False
                if tool == "pdftotext":
                    if brk == "L":
                        blank = force
                    elif brk == "P":
                        if r.random() < tp["pP"]:
                            if r.random() < tp["quirk"] and k + 1 < nl and blk.lines[k + 1].brk == "L":
                                force = True
                                out.append(text)
                                printed.append(ln)
                                b.traits["pdftotext_glued_first_line"] += 1
                                continue
                            blank = True
                    elif brk == "S":
                        blank = r.random() < tp["pS"]
                    elif brk == "C":
                        blank = r.random() < 0.95
                    elif brk == "H":
                        blank = r.random() < tp["pH"]
                    else:
                        blank = r.random() < 0.97
                elif tool == "pdfminer":
                    blank = {"L": False, "P": r.random() < 0.12, "S": r.random() < 0.5, "C": True,
                             "H": r.random() < 0.9, "B": True}[brk]
                elif tool == "pymupdf":
                    blank = brk == "B" and r.random() < 0.04
                elif tool == "double":
                    blank = True
                elif tool == "indent":
                    blank = (brk == "C" and r.random() < tp["pC"]) or (brk == "H" and r.random() < 0.5) or (
                        brk == "B" and r.random() < 0.85)
                if blank:
                    out.append("")
                    if tool == "double" and brk == "B" and r.random() < 0.2:
                        out.append("")
            force = False
            out.append(text)
            printed.append(ln)
        prev = blk
    return "\n".join(out) + "\n", printed


# ----------------------------------------------------------------------------------------------
# truth and its check

def _ws(s: str) -> str:
    return _WSRUN.sub("", s)


def _truth(b: _Builder, printed: list[_Line]) -> list[TruthItem]:
    """Check every role of every item against what was printed; return the truth in page order."""
    first: dict[int, int] = {}
    acc: dict = {}
    paras: dict[int, dict] = {}
    names: dict[int, list] = {}
    credit_txt: dict[int, list] = {}
    seen: set = set()
    for no, ln in enumerate(printed):
        pids = [p for p, _ in ln.segs]
        owners = {b.pitem[p] for p in pids}
        if len(owners) != 1:
            raise AssertionError(f"line {no} mixes items {owners}: {ln.segs}")
        it = owners.pop()
        roles = {b.prole[p] for p in pids}
        if roles & {"T", "K", "S"} and not (roles <= {"T", "M"} or roles == {"K"} or roles == {"S"}):
            raise AssertionError(f"headline line {no} holds other text: {ln.segs}")
        byl = [b.pbyl[p] for p in pids]
        if any(byl) and not all(byl):
            raise AssertionError(f"byline line {no} holds other text: {ln.segs}")
        if it < 0:
            continue
        first.setdefault(it, no)
        for p, t in ln.segs:
            role = b.prole[p]
            acc.setdefault((it, role), []).append(t)
            if role == "B":
                paras.setdefault(it, {}).setdefault(b.ppara[p], []).append(t)
            if b.pnames[p] or role == "C":
                credit_txt.setdefault(it, []).append(t)
            if b.pnames[p] and p not in seen:
                seen.add(p)
                lst = names.setdefault(it, [])
                for nmx in b.pnames[p]:
                    if nmx not in lst:
                        lst.append(nmx)
    out = []
    for idx, s in enumerate(b.specs):
        if idx not in first:
            raise AssertionError(f"item {idx} not printed: {s}")

        def got(role, idx=idx):
            return _ws("".join(acc.get((idx, role), [])))
        for role, key in (("T", "title"), ("K", "kicker"), ("S", "subtitle"), ("D", "dateline")):
            if got(role) != s[key]:
                raise AssertionError(f"item {idx} {key}: truth {s[key]!r} printed {got(role)!r}")
        body = "\n".join(x for x in (_ws("".join(v)) for v in paras.get(idx, {}).values()) if x)
        if body != "\n".join(s["paras"]) or not body:
            raise AssertionError(f"item {idx} body: truth {s['paras']!r} printed {body!r}")
        rep = names.get(idx, [])
        ctext = _ws("".join(credit_txt.get(idx, [])))
        for nmx in rep:
            if nmx not in ctext:
                raise AssertionError(f"item {idx} reporter {nmx} not in credits {ctext!r}")
        jt = got("J")
        if s["continued_to"] and ("下转" + s["continued_to"]) not in jt:
            raise AssertionError(f"item {idx} jump {s['continued_to']} not printed: {jt!r}")
        if s["kind"] == "article" and not s["continued_to"] and "下转" in jt:
            raise AssertionError(f"item {idx} prints a jump without continued_to")
        if s["kind"] == "caption" and (s["title"] or s["kicker"] or s["subtitle"] or s["dateline"]):
            raise AssertionError(f"caption {idx} has headline fields")
        out.append((first[idx], TruthItem(kind=s["kind"], title=s["title"], body=body, reporters=list(rep),
                                          continued_to=s["continued_to"], kicker=s["kicker"],
                                          subtitle=s["subtitle"], dateline=s["dateline"])))
    out.sort(key=lambda x: x[0])
    return [t for _, t in out]


# ----------------------------------------------------------------------------------------------
# driver

_TOOLS = (("pdftotext", 38), ("pdfminer", 14), ("pymupdf", 12), ("viewer", 10), ("double", 8), ("indent", 18))
_KINDS = (("ordinary", 40), ("front", 14), ("cont", 12), ("long", 10), ("briefs", 9), ("photo", 6), ("comment", 9))
_FLAVORS = (("party", 34), ("evening", 26), ("metro", 24), ("county", 16))
_ORDERS = (("flow", 55), ("colwise", 25), ("band", 20))


def _pick(r: random.Random, table) -> str:
    x = r.random() * sum(w for _, w in table)
    for k, w in table:
        x -= w
        if x <= 0:
            return k
    return table[-1][0]


def _index(raw: list[dict], date_range) -> dict:
    key = (id(raw), len(raw), date_range, raw[0].get("title") if raw else None)
    got = _CACHE.get("index")
    if got and got[0] == key:
        return got[1]
    lo, hi = date_range if date_range else ("", "99999999")
    by_date: dict[str, list] = {}
    longs = []
    for it in raw:
        d = str(it.get("date", ""))[:8]
        if date_range and not (lo <= d <= hi):
            continue
        if not it.get("title") or not any(str(p).strip() for p in it.get("paragraphs") or []):
            continue
        by_date.setdefault(d, []).append(it)
        if sum(len(p) for p in it["paragraphs"]) >= 900:
            longs.append(it)
    if not by_date:
        raise ValueError("no items in the date range")
    idx = {"dates": sorted(by_date), "by_date": by_date, "all": [x for d in sorted(by_date) for x in by_date[d]],
           "longs": longs}
    _CACHE["index"] = (key, idx)
    return idx


def _make_page(r: random.Random, position: str, ix: dict) -> tuple[Page, Counter]:
    dates = ix["dates"]
    k = r.randrange(len(dates))
    day = dates[k]
    pool = list(ix["by_date"][day])
    r.shuffle(pool)
    j = k + 1
    while len(pool) < 18 and j < k + 6:
        extra = list(ix["by_date"][dates[j % len(dates)]])
        r.shuffle(extra)
        pool += [x for x in extra if x not in pool]
        j += 1
    try:
        pdate = _dt.date(int(day[:4]), int(day[4:6]), int(day[6:8])) + _dt.timedelta(days=1)
    except ValueError:
        pdate = _dt.date(2024, 10, 18)
    kind = _pick(r, _KINDS)
    flavor = _pick(r, _FLAVORS)
    tool = _pick(r, _TOOLS)
    order = _pick(r, _ORDERS)
    page_no = 1 if kind == "front" else r.randint(2, 16)
    b = _Builder(r, position, pool, ix["all"], page_no)
    b.longs = ix["longs"]
    city = r.choice(_CITIES)
    county = r.choice(_COUNTIES)
    if flavor == "party":
        paper = r.choice((r.choice(_REGIONS) + "日报", city + "日报"))
    elif flavor == "evening":
        paper = r.choice((city + "晚报", r.choice(_REGIONS) + "晚报", "今晚报"))
    elif flavor == "metro":
        paper = r.choice((city + "都市报", r.choice(_REGIONS) + "都市报", city + "晨报", city + "商报"))
    else:
        paper = r.choice((county + "报", "今日" + county, county + "融媒"))
    short_name = paper if flavor != "county" else (county + "融媒" if r.random() < 0.5 else paper)
    o = {"flavor": flavor, "paper": paper, "short_name": short_name, "city": city, "county": county + "县",
         "pdate": pdate, "page_no": page_no, "section": r.choice(_SECTIONS[flavor]) if kind != "front" else "要闻",
         "position": position, "dsp": r.choice((0.0, 0.5, 0.9)), "split_p": r.choice((0.0, 0.2, 0.6)),
         "numsp_choices": r.choice(((0.0,), (0.0, 0.3), (0.0, 0.5, 0.9))),
         "spaced_p": 0.35 if tool in ("viewer", "pdfminer") else 0.08}
    plan = _plan(b, o, kind)
    blocks = _assemble(b, o, plan, order)
    # page label, editor line, adverts and footers: top or bottom
    top, bottom = [], []
    if kind != "front" and r.random() < 0.85:
        (top if r.random() < 0.7 else bottom).append(b.furn(_f_pagelabel(b, o)))
        b.traits["page_label"] += 1
    if r.random() < 0.7:
        (top if (r.random() < 0.35 and kind != "front") else bottom).append(b.furn(_f_editor(b)))
        b.traits["editor_line"] += 1
    if r.random() < 0.25:
        bottom.append(b.furn(_f_ad(b, o)))
        b.traits["advert_or_notice"] += 1
    if r.random() < (0.4 if kind == "front" else 0.08):
        bottom.append(b.furn(_f_foot(b, o)))
        b.traits["footer"] += 1
    if kind != "front" and r.random() < 0.12:
        k2 = r.randrange(len(blocks) + 1)
        blocks.insert(k2, b.furn(_f_weather(b, o) if r.random() < 0.3 else _f_ad(b, o)))
        b.traits["box_or_ad_between"] += 1
    blocks = top + blocks + bottom
    tp = {"pP": r.uniform(0.7, 1.0), "quirk": r.uniform(0.05, 0.35) if r.random() < 0.6 else 0.0,
          "pH": r.choice((0.0, 0.3, 0.8, 1.0)), "pS": r.uniform(0.2, 0.8), "pC": r.choice((0.0, 0.5, 1.0)),
          "lsp": r.choice((0.0, 0.0, 0.02, 0.05)) if tool in ("pdftotext", "pdfminer", "viewer") else 0.0,
          "indent": {"pdftotext": " ", "pdfminer": "", "pymupdf": r.choice(("", "  ")), "viewer": r.choice(("", "　　")),
                     "double": "", "indent": "　　"}[tool]}
    text, printed = _serialize(b, blocks, tool, tp)
    truth = _truth(b, printed)
    b.traits.update({"kind_" + kind: 1, "flavor_" + flavor: 1, "tool_" + tool: 1, "order_" + order: 1})
    return Page(text=text, truth=truth, position=position), b.traits


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """n pages; page i depends only on (seed, position, i) and the items."""
    if position not in (AFTER, BEFORE, MIXED):
        raise ValueError(f"position must be {AFTER!r}, {BEFORE!r} or {MIXED!r}")
    raw = items if items is not None else _default_items()
    ix = _index(raw, tuple(date_range) if date_range else None)
    pages = []
    for i in range(n):
        r = random.Random(f"pagegen_m:{seed}:{position}:{i}")
        pages.append(_make_page(r, position, ix)[0])
    return pages


# ----------------------------------------------------------------------------------------------
# command line

def _digest(pages: list[Page]) -> str:
    h = hashlib.sha256()
    for p in pages:
        h.update(p.text.encode())
        h.update(repr([(t.kind, t.title, t.body, t.reporters, t.continued_to, t.kicker, t.subtitle, t.dateline)
                       for t in p.truth]).encode())
    return h.hexdigest()


def _show(n: int, position: str, seed: int) -> None:
    for i, p in enumerate(generate_pages(n, position, seed)):
        print(f"===== page {i} ({position}, seed {seed}) " + "=" * 40)
        print(p.text)
        print(f"----- truth ({len(p.truth)} items)")
        for t in p.truth:
            d = {k: v for k, v in t.__dict__.items() if v not in ("", None, [])}
            d["body"] = d.get("body", "")[:80] + ("…" if len(t.body) > 80 else "")
            print(json.dumps(d, ensure_ascii=False))


def _traits(n: int, seed: int) -> None:
    ix = _index(_default_items(), None)
    for pos in (AFTER, BEFORE, MIXED):
        pages_with: Counter = Counter()
        total: Counter = Counter()
        for i in range(n):
            _, tr = _make_page(random.Random(f"pagegen_m:{seed}:{pos}:{i}"), pos, ix)
            total.update(tr)
            pages_with.update(tr.keys())
        print(f"== {pos}: {n} pages (trait: pages with it / occurrences)")
        for k in sorted(pages_with, key=lambda k: (-pages_with[k], k)):
            print(f"  {k:34s} {pages_with[k]:5d} {100 * pages_with[k] / n:6.1f}%  {total[k]:6d}")


def _check(n: int, seed: int) -> int:
    items = _default_items()
    ix = _index(items, None)
    ok = True
    worst = 0.0
    total_t, total_n = 0.0, 0
    for pos in (AFTER, BEFORE, MIXED):
        t0 = time.perf_counter()
        pages = []
        for i in range(n):
            t1 = time.perf_counter()
            pages.append(_make_page(random.Random(f"pagegen_m:{seed}:{pos}:{i}"), pos, ix)[0])
            worst = max(worst, time.perf_counter() - t1)
        dt = time.perf_counter() - t0
        total_t += dt
        total_n += n
        bad_titles = [t.title for p in pages for t in p.truth if t.title and not 6 <= len(t.title) <= 40]
        if bad_titles:
            ok = False
            print(f"  {pos}: {len(bad_titles)} titles outside 6-40 chars, e.g. {bad_titles[:3]}")
        nitems = sum(len(p.truth) for p in pages)
        nchars = sum(len(p.text) for p in pages)
        print(f"{pos:6s}: {n} pages, {nitems} truth items, {nchars / n:.0f} chars/page, all truths asserted against "
              f"their printed text; {1000 * dt / n:.2f} ms/page")
        again = generate_pages(min(n, 25), pos, seed)
        if _digest(again) != _digest(pages[:len(again)]):
            ok = False
            print(f"  {pos}: generate_pages differs from the check run (not deterministic)")
    # date range: stories outside the range must never show up
    marked = []
    for it in items:
        if TEST_DATES[0] <= it["date"] <= TEST_DATES[1]:
            marked.append(it)
        else:
            marked.append({"title": it["title"] + "Ⓧ", "paragraphs": [p + "Ⓧ" for p in it["paragraphs"]],
                           "date": it["date"]})
    leak = sum("Ⓧ" in p.text for p in generate_pages(60, MIXED, seed, marked, TEST_DATES))
    print(f"date_range {TEST_DATES}: {leak} of 60 pages show a story from outside the range")
    ok &= leak == 0
    # the same pages under other hash seeds
    here = str(Path(__file__).resolve().parent)
    code = (f"import sys; sys.path.insert(0, {here!r}); import pagegen_m as g; "
            f"print(g._digest(g.generate_pages(12, 'mixed', {seed})))")
    digs = set()
    for hs in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
        digs.add(res.stdout.strip() or res.stderr[-300:])
    digs.add(_digest(generate_pages(12, MIXED, seed)))
    print(f"PYTHONHASHSEED 0/1/12345 and this process: {'same pages' if len(digs) == 1 else 'DIFFERENT ' + str(digs)}")
    ok &= len(digs) == 1
    ms = 1000 * total_t / total_n
    print(f"speed: {ms:.2f} ms/page on average, slowest page {1000 * worst:.1f} ms")
    ok &= ms < 10
    print("check passed" if ok else "check FAILED")
    return 0 if ok else 1


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, metavar="N")
    ap.add_argument("--traits", type=int, metavar="N")
    ap.add_argument("--check", type=int, metavar="N")
    ap.add_argument("--position", default=AFTER, choices=(AFTER, BEFORE, MIXED))
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.show:
        _show(a.show, a.position, a.seed)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        return _check(a.check, a.seed)
    if not (a.show or a.traits or a.check):
        ap.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
