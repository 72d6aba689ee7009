#!/usr/bin/env python3
"""Synthetic newspaper pages (generator "l"): city and provincial dailies as a PDF text tool gives them.

Every page is built from real news text (CCTV evening-news transcripts, ``items-dev.jsonl.gz``) laid out
the way a Chinese provincial, city or evening daily prints it (front pages, 要闻/综合/经济/社会/国际
inner pages, a page of briefs, a photo page, one long report with subheads, a commentary among news,
a page that carries on an article from page 1) and then read back the way one of four extraction tools
would (``pdftotext`` without -layout, ``pdfminer``, PyMuPDF plain text, a copy-paste from a viewer).

Every printed character carries a tag (item, role, paragraph); before a page is returned the truth is
rebuilt from those tags and compared with the truth written from the article's content, so a truth
that does not match its text raises ``AssertionError``.

Standard library only.  ``python pagegen_l.py --show 2 --position mixed``, ``--traits 300``,
``--check 1000``.
"""

from __future__ import annotations

import argparse
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

AFTER, BEFORE, MIXED = "after", "before", "mixed"
TEST_DATES = ("20240101", "20241231")
DEFAULT_ITEMS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "xwlb" / "items-dev.jsonl.gz"


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
    truth: list[TruthItem]
    position: str


# --------------------------------------------------------------------------------------------------
# news items

_PREFIX = re.compile(r"^央视网消息（新闻联播）：")
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\xa0", " ").replace("\u3000", " ")).strip()


def _nows(s: str) -> str:
    return _WS.sub("", s)


_LOADED: dict[str, list[dict]] = {}


def load_items(path=None) -> list[dict]:
    """Single-story items as {"title", "paragraphs", "date"}; roundups dropped, broadcast prefix stripped."""
    p = str(path or os.environ.get("BRIEF_XWLB_ITEMS") or DEFAULT_ITEMS)
    if p in _LOADED:
        return _LOADED[p]
    items = []
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("is_roundup"):
                continue
            text = _PREFIX.sub("", d["text"])
            paras = [_norm(x) for x in text.split("\n")]
            paras = [x for x in paras if x and not set(x) <= set("-—－")]
            if paras:
                items.append({"title": _norm(d["title"]), "paragraphs": paras, "date": d["date"]})
    _LOADED[p] = items
    return items


_SENT = re.compile(r"[^。！？]+(?:[。！？]+[”’」』）]*)?|[。！？]+")
_FOREIGN = re.compile(r"俄罗斯|俄|乌克兰|乌军|美国|美方|以色列|以军|加沙|巴勒斯坦|联合国|日本|欧盟|欧洲|德国|法国|英国|"
                      r"伊朗|叙利亚|黎巴嫩|朝鲜|韩国|印度|巴西|非洲|埃及|土耳其|国际人士|外国|多国")
_COMMENT = re.compile(r"^(?:(人民日报|新华社|光明日报|经济日报|求是)?(评论员文章|社论|长篇述评|述评|时评|评论)|【央视快评】)")


_JUNK = re.compile(r"^undefined$|更新时间戳|^[-—－\s]*$")


def _keep(p: str) -> bool:
    return bool(p) and not _JUNK.search(p)


def _sentences(p: str) -> list[str]:
    return [s for s in _SENT.findall(p) if s.strip()]


class _Pool:
    def __init__(self, items: list[dict], date_range):
        lo, hi = date_range if date_range else ("00000000", "99999999")
        its = [it for it in items if lo <= str(it.get("date", "")) <= hi and it.get("paragraphs")]
        its = [{"title": _norm(it["title"]), "paragraphs": [q for q in (_norm(x) for x in it["paragraphs"]) if _keep(q)],
                "date": str(it.get("date") or "20240101")} for it in its]
        its = [it for it in its if it["paragraphs"] and len(_nows(it["title"])) >= 4]
        if not its:
            raise ValueError("no news items in the date range")
        order = sorted(range(len(its)), key=lambda k: (its[k]["date"], k))
        self.items = [its[k] for k in order]
        self.by_date: dict[str, list[int]] = {}
        for k, it in enumerate(self.items):
            self.by_date.setdefault(it["date"], []).append(k)
        self.dates = sorted(self.by_date)
        self.date_pos = {d: n for n, d in enumerate(self.dates)}
        self.size = [sum(len(p) for p in it["paragraphs"]) for it in self.items]
        self.long = [k for k in range(len(self.items)) if self.size[k] >= 1100]
        self.comment = [k for k, it in enumerate(self.items) if _COMMENT.match(it["title"])]
        self.interview = [k for k, it in enumerate(self.items) if "访谈" in it["title"] or "专访" in it["title"]]
        self.lists = [k for k, it in enumerate(self.items) if any("一是" in p for p in it["paragraphs"])]
        self.foreign = [k for k, it in enumerate(self.items) if _FOREIGN.search(it["title"])]
        self.questions = []
        for it in self.items:
            for p in it["paragraphs"]:
                if "？" in p:
                    self.questions.extend(s for s in _sentences(p) if s.endswith("？") and 8 <= len(s) <= 60)
        self.short_titles = [t for t in (it["title"] for it in self.items)
                             if 6 <= len(t) <= 16 and " " not in t and "【" not in t and "：" not in t]


_POOL_CACHE: dict = {}


def _pool(items, date_range) -> _Pool:
    key = (id(items), len(items), tuple(date_range) if date_range else None)
    hit = _POOL_CACHE.get(key)
    if hit is not None and hit[0] is items:
        return hit[1]
    pool = _Pool(items, date_range)
    _POOL_CACHE.clear()
    _POOL_CACHE[key] = (items, pool)
    return pool


# --------------------------------------------------------------------------------------------------
# people, places, papers (furniture and credits are invented; news text never is)

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴"
             "孔向汤常温康施文牛樊葛邢安齐乔庞颜倪庄聂章鲁岳翟殷申耿关焦俞左柳甘祝包宁尚舒阮纪梅童凌毕单季裴"
             "霍成苗谷盛曲翁冉骆路游辛靳管柴鲍华祁房滕屈饶解艾尤阳穆卓吉简车连麦褚娄窦岑景党宫费冷晏席卫米柏")
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "皇甫")
_GIVEN = ("伟刚勇毅俊峰强军平东文辉力明永健广志义兴良海山波宁福生龙全胜学祥才武新利清飞彬富顺信杰涛昌成康星光"
          "达安岩中进林坚和博诚先振会思群心承乐功松善磊民友裕河哲江超浩亮政鸣朋斌栋启翔旭鹏泽晨辰建家树德泰雄钧"
          "腾楠航弘秀娟英华慧巧美娜静淑惠翠雅芝玉萍红玲芬芳燕彩春菊兰凤洁梅琳素云莲雪荣爱霞香月媛艳瑞凡佳嘉琼"
          "珍莉桂璐琦晶妍茜秋珊莎锦青倩婷婉瑾颖露瑶怡雁蓓仪丹蓉君琴蕊薇菁梦岚馨韵园艺卿聪澜悦昭冰琬茗羽希欣"
          "育筠竹凝晓欢霄枫芸菲寒伊亚宜可舒影蕾畅然越耀骁晗睿远宸铭逸锐")
_PROVINCES = {
    "山西": ["太原", "大同", "运城", "临汾", "长治", "晋中", "忻州", "吕梁", "阳泉", "朔州", "晋城"],
    "河南": ["郑州", "洛阳", "开封", "南阳", "新乡", "许昌", "安阳", "信阳", "周口"],
    "湖北": ["武汉", "宜昌", "襄阳", "荆州", "黄石", "十堰", "孝感", "恩施"],
    "四川": ["成都", "绵阳", "德阳", "宜宾", "南充", "泸州", "乐山", "达州"],
    "浙江": ["杭州", "宁波", "温州", "绍兴", "嘉兴", "湖州", "金华", "台州"],
    "甘肃": ["兰州", "天水", "酒泉", "张掖", "白银", "武威", "定西"],
    "江西": ["南昌", "九江", "赣州", "上饶", "宜春", "吉安", "景德镇"],
}
_FOREIGN_CITY = [("俄", "莫斯科"), ("乌克兰", "基辅"), ("乌军", "基辅"), ("美", "华盛顿"), ("以色列", "耶路撒冷"),
                 ("以军", "耶路撒冷"), ("加沙", "加沙城"), ("巴勒斯坦", "拉姆安拉"), ("联合国", "联合国"),
                 ("日本", "东京"), ("欧盟", "布鲁塞尔"), ("德国", "柏林"), ("法国", "巴黎"), ("英国", "伦敦"),
                 ("伊朗", "德黑兰"), ("叙利亚", "大马士革"), ("黎巴嫩", "贝鲁特"), ("韩国", "首尔"), ("印度", "新德里"),
                 ("巴西", "巴西利亚"), ("埃及", "开罗"), ("土耳其", "安卡拉"), ("非洲", "内罗毕")]
_FOREIGN_ANY = ["日内瓦", "纽约", "维也纳", "曼谷", "雅加达", "约翰内斯堡", "布宜诺斯艾利斯", "阿斯塔纳"]
_ORGS = ["省统计局", "省商务厅", "市交通运输局", "省农业农村厅", "省生态环境厅", "市文化和旅游局", "省教育厅",
         "市住房和城乡建设局", "省人力资源和社会保障厅", "{city}海关", "省气象台", "市卫生健康委员会",
         "省应急管理厅", "省水利厅", "省发展改革委", "国网{city}供电公司", "省市场监管局", "市公安局交警支队",
         "省科技厅", "{city}市医疗保障局", "省工业和信息化厅", "市自然资源和规划局"]
_WEEK = "一二三四五六日"
_GANZHI = {2022: "壬寅", 2023: "癸卯", 2024: "甲辰", 2025: "乙巳"}
_CN_NUM = "一二三四五六七八九十"
_SECTIONS = ["要闻", "综合新闻", "时政", "经济", "社会", "民生", "地方新闻", "国际", "城事", "专题"]


def _name(rng: random.Random) -> str:
    s = rng.choice(_COMPOUND) if rng.random() < 0.02 else rng.choice(_SURNAMES)
    n = 1 if rng.random() < 0.35 else 2
    return s + "".join(rng.choice(_GIVEN) for _ in range(n))


def _names(rng, k, taken=()):
    out = []
    while len(out) < k:
        x = _name(rng)
        if x not in out and x not in taken:
            out.append(x)
    return out


# --------------------------------------------------------------------------------------------------
# printed lines: a line is a list of [text, tag]; tag = (item, role, para) or None for layout spaces

FURN = (-1, "furn", 0)
_FW_PUNCT = set("，。、；：？！…—“”‘’（）《》〈〉「」『』【】·～")
_NO_START = set("，。、；：？！）”’》」』…%％·")
_NO_END = set("“‘（《「『【")
_ASCII_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%％:/+\-]*")


def _cw(ch: str) -> float:
    return 0.5 if ch < "\u2000" and ch != "·" else 1.0


class _Style:
    """Page-wide habits: the PDF's typesetting and the extraction tool that read it."""

    def __init__(self, rng: random.Random, position: str):
        self.position = position
        r = rng.random()
        self.tool = "pdftotext" if r < 0.45 else "pdfminer" if r < 0.62 else "pymupdf" if r < 0.82 else "viewer"
        if self.tool == "pdftotext":
            self.par_blank = rng.uniform(0.55, 1.0)
            self.rand_blank = rng.uniform(0.004, 0.035)
            self.piece_blank = 0.96
            self.indent = " " if rng.random() < 0.12 else ""
            self.indent_p = rng.uniform(0.05, 0.3)
        elif self.tool == "pdfminer":
            self.par_blank = rng.uniform(0.8, 1.0)
            self.rand_blank = rng.uniform(0.0, 0.02)
            self.piece_blank = 1.0
            self.indent = ""
            self.indent_p = 0.0
        elif self.tool == "pymupdf":
            self.par_blank = rng.uniform(0.0, 0.12)
            self.rand_blank = rng.uniform(0.0, 0.01)
            self.piece_blank = rng.uniform(0.05, 0.4)
            self.indent = rng.choice(["", "", " ", "  "])
            self.indent_p = rng.uniform(0.5, 1.0)
        else:
            self.par_blank = rng.uniform(0.0, 0.06)
            self.rand_blank = 0.0
            self.piece_blank = rng.uniform(0.05, 0.3)
            self.indent = rng.choice(["\u3000\u3000", "\u3000\u3000", "  ", "    "])
            self.indent_p = rng.uniform(0.7, 1.0)
        # the PDF itself: CJK/Latin font switching leaves spaces around figures; justified lines come out letter-spaced
        self.digit_space = 0.0 if rng.random() < 0.3 else rng.uniform(0.15, 0.95)
        self.letter_space = 0.0 if rng.random() < 0.35 else rng.uniform(0.01, 0.07)
        self.num_break = 0.0 if rng.random() < 0.3 else rng.uniform(0.05, 0.6)  # how often a wrap may fall inside a figure
        self.head_gap = rng.choice([0.0, 0.1, 0.5, 0.9]) if self.tool != "pymupdf" else rng.choice([0.0, 0.05])
        self.col_h = rng.randint(9, 42)
        self.trailing = self.tool == "viewer" and rng.random() < 0.3
        self.formfeed = self.tool in ("pdftotext", "pdfminer") and rng.random() < 0.15

    def head_pos(self, rng) -> str:
        if self.position == AFTER:
            return "after"
        if self.position == BEFORE:
            return "before"
        return "after" if rng.random() < 0.5 else "before"


class _Art:
    """One item as the page prints it."""

    def __init__(self, kind="article"):
        self.kind = kind
        self.title = ""
        self.title_lines: list[str] = []
        self.kicker = ""
        self.kicker_below = False
        self.subtitle = ""
        self.head_pos = "before"
        self.byline = None  # (text, names)
        self.byline_above = False
        self.dateline = ""
        self.credit = None  # (text, names) printed right after the dateline
        self.paras: list[tuple[str, str]] = []  # ("p" | "sub", text)
        self.end_credit = None
        self.sign = ""
        self.sign_named = None  # (text, names) a named author signing at the end
        self.sign_under = False
        self.jump = ""
        self.continued_to = None
        self.cont = ""
        self.width = 14
        self.marker = ("", "")
        self.body_marker = ""
        self.head_spaced = False
        self.one_line = False  # captions printed on one long line
        self.caption_credit = None
        self.series = ""
        self.label = ""
        self.dl_para = 0  # the paragraph the dateline opens (1 after an editor's note)
        self.traits: list[str] = []


def _spaced_digits(chars, tags, rng, p):
    """Spaces around runs of Latin letters and figures (font switching in the PDF)."""
    if p <= 0:
        return chars, tags
    s = "".join(chars)
    out_c, out_t, last = [], [], 0
    for m in _ASCII_RUN.finditer(s):
        a, b = m.start(), m.end()
        if rng.random() >= p:
            continue
        out_c.extend(chars[last:a]); out_t.extend(tags[last:a])
        if a > 0 and s[a - 1] not in _FW_PUNCT and not s[a - 1].isspace():
            out_c.append(" "); out_t.append(None)
        out_c.extend(chars[a:b]); out_t.extend(tags[a:b])
        if b < len(s) and s[b] not in _FW_PUNCT and not s[b].isspace():
            out_c.append(" "); out_t.append(None)
        last = b
    if last == 0:
        return chars, tags
    out_c.extend(chars[last:]); out_t.extend(tags[last:])
    return out_c, out_t


def _group(chars, tags, a, b):
    line = []
    for k in range(a, b):
        t = tags[k]
        if line and line[-1][1] == t:
            line[-1][0] += chars[k]
        else:
            line.append([chars[k], t])
    while line and line[-1][1] is None and not line[-1][0].strip():
        line.pop()
    if line and line[-1][1] is None:
        line[-1][0] = line[-1][0].rstrip()
    return line


def _letter_space(line, sep=" "):
    """A justified line read glyph by glyph: a space between CJK glyphs, none after full-width punctuation."""
    prev = ""
    out = []
    for text, tag in line:
        if tag is None:
            out.append([text, tag])
            continue
        buf = []
        for ch in text:
            if ch.isspace():
                continue
            if prev and prev not in _FW_PUNCT and not (prev.isascii() and ch.isascii()):
                buf.append(sep)
            buf.append(ch)
            prev = ch
        if buf:
            out.append(["".join(buf), tag])
    return out


class _Wrapper:
    """Fills column lines of one article; switches columns (a COL mark) every few lines."""

    COL = "COL"

    def __init__(self, rng, st: _Style, width: int, col_h: int | None = None, per_col_jitter=True):
        self.rng, self.st = rng, st
        self.base = width
        self.w = width
        self.col_h = col_h or st.col_h
        self.left = rng.randint(max(2, self.col_h // 3), self.col_h + 3)
        self.out: list = []
        self.jitter = per_col_jitter
        self.number_breaks = 0
        self.midsentence_blank = 0

    def _emit(self, line, allow_blank=True):
        st, rng = self.st, self.rng
        if st.letter_space and rng.random() < st.letter_space and sum(len(t) for t, _ in line) >= 5:
            line = _letter_space(line)
        if st.trailing and rng.random() < 0.3:
            line = line + [[" ", None]]
        self.out.append(line)
        self.left -= 1
        if self.left <= 0:
            self.out.append(self.COL)
            self.left = max(3, self.col_h + rng.randint(-3, 3))
            if self.jitter and rng.random() < 0.25:
                self.w = max(8, min(22, self.base + rng.choice((-1, 1, 2))))
            else:
                self.w = self.base
        elif allow_blank and st.rand_blank and rng.random() < st.rand_blank:
            self.out.append(None)
            self.midsentence_blank += 1

    def blank(self):
        if self.out and self.out[-1] is not None and self.out[-1] != self.COL:
            self.out.append(None)

    def para(self, segs, indent=True, first_short=True, one_line=False):
        """segs: list of (text, tag). Wrap them as one paragraph."""
        rng, st = self.rng, self.st
        chars, tags = [], []
        for text, tag in segs:
            chars.extend(text)
            tags.extend([tag] * len(text))
        chars, tags = _spaced_digits(chars, tags, rng, st.digit_space)
        n = len(chars)
        if one_line:
            self._emit(_group(chars, tags, 0, n), allow_blank=False)
            return
        i = 0
        first = True
        while i < n:
            cap = self.w - (2 if (first and first_short) else 0)
            acc, j = 0.0, i
            while j < n and acc + _cw(chars[j]) <= cap + 1e-9:
                acc += _cw(chars[j])
                j += 1
            if j == i:
                j = i + 1
            if j < n:
                if chars[j] in _NO_START or (chars[j] == chars[j - 1] and chars[j] in "—…"):
                    if rng.random() < 0.7 or j - 1 <= i:
                        j += 1  # hanging punctuation
                        while j < n and chars[j] in _NO_START:
                            j += 1
                    else:  # push the last glyph down so that no line starts with punctuation
                        j -= 1
                        while j - 1 > i and (chars[j] in _NO_START or chars[j] in "—…"):
                            j -= 1
                elif chars[j - 1] in _NO_END and j - 1 > i:
                    j -= 1
                elif chars[j].isascii() and chars[j].isalnum() and chars[j - 1].isascii() and chars[j - 1] not in " ":
                    if rng.random() < self.st.num_break:
                        self.number_breaks += 1
                    else:
                        k = j - 1
                        while k > i and chars[k - 1].isascii() and chars[k - 1] != " ":
                            k -= 1
                        if k > i:
                            j = k
            line = _group(chars, tags, i, j)
            if first and indent and st.indent and rng.random() < st.indent_p:
                line.insert(0, [st.indent, None])
            if line:
                self._emit(line, allow_blank=j < n)
            first = False
            i = j
            while i < n and chars[i] == " ":
                i += 1

    def pieces(self):
        out, cur = [], []
        for x in self.out:
            if x == self.COL:
                if cur:
                    out.append(cur)
                cur = []
            else:
                cur.append(x)
        if cur:
            out.append(cur)
        res = []
        for p in out:
            while p and p[0] is None:
                p = p[1:]
            while p and p[-1] is None:
                p = p[:-1]
            if p:
                res.append(p)
        return res


# --------------------------------------------------------------------------------------------------
# headlines


def _balanced(t: str) -> bool:
    return all(t.count(a) == t.count(b) for a, b in ("《》", "“”", "（）", "【】"))


def _cut_title(t: str, rng) -> str:
    """Editors shorten a headline that would not fit: cut at a phrase boundary, at most 40 characters."""
    if len(_nows(t)) <= 40:
        return t
    for sep in (" ", "，", "、"):
        parts = t.split(sep)
        acc = ""
        for p in parts:
            nxt = (acc + sep + p) if acc else p
            if len(_nows(nxt)) > 40:
                break
            acc = nxt
        if len(_nows(acc)) >= 8:
            return acc
    return t[:rng.randint(24, 40)]


def _headline(raw: str, rng) -> dict | None:
    """Split a broadcast title into series label, kicker, title and subtitle the way a desk prints them."""
    t = raw
    series = ""
    m = re.match(r"^【(.+?)】\s*", t)
    if m:
        series, t = m.group(1), t[m.end():]
    column = ""
    m = re.match(r"^((?:人民日报|新华社|光明日报|经济日报|求是)?(?:评论员文章|社论|长篇述评|述评|时评))：", t)
    if m:
        column, t = m.group(1), t[m.end():]
    kicker = sub = ""
    if "——" in t and not t.startswith("——"):
        main, rest = t.split("——", 1)
        if len(_nows(main)) >= 5 and rest and _balanced(main):
            t = main
            sub = ("——" + rest) if rng.random() < 0.75 else rest
    m = re.match(r"^(.{6,44}?(?:强调|指出|表示|发表重要讲话|作出重要指示|致信|致贺信)) (.+)$", t)
    if m and len(_nows(m.group(2))) >= 6:
        kicker, t = m.group(1), m.group(2)
    elif "：" in t and rng.random() < 0.3:
        a, b = t.split("：", 1)
        if 2 <= len(a) <= 10 and len(_nows(b)) >= 6:
            kicker, t = a + ("——" if rng.random() < 0.6 else ""), b
    elif " " in t:
        a, b = t.split(" ", 1)
        r = rng.random()
        if r < 0.3 and len(_nows(a)) >= 4 and len(_nows(b)) >= 6:
            kicker, t = a, b
        elif r < 0.5 and not sub and len(_nows(a)) >= 6 and len(_nows(b)) >= 4:
            t, sub = a, b
    if len(_nows(kicker)) > 40:
        kicker = _cut_title(kicker, rng)
    if len(_nows(sub)) > 44:
        sub = _cut_title(sub, rng)
    t = _cut_title(t, rng)
    if len(_nows(t)) < 6:
        if kicker and len(_nows(kicker + t)) <= 40 and not kicker.endswith("——"):
            t, kicker = kicker + " " + t, ""
        else:
            return None
    return {"series": series, "column": column, "kicker": kicker, "title": t, "subtitle": sub}


def _split_lines(text: str, rng, max_lines=3, long_at=13) -> list[str]:
    """Break a headline into one to three printed lines: at its spaces, or anywhere (mid-word too)."""
    n = len(_nows(text))
    if n < 7 or max_lines == 1:
        return [text]
    if " " in text and rng.random() < 0.6:
        parts = text.split(" ")
        if len(parts) <= max_lines:
            return parts
        return [" ".join(parts[:-1]), parts[-1]]
    k = 1
    if n >= long_at and rng.random() < 0.55:
        k = 2 if (rng.random() < 0.8 or n < 20 or max_lines < 3) else 3
    elif rng.random() < 0.12:
        k = 2
    if k == 1:
        return [text]
    cuts = sorted(rng.sample(range(2, len(text) - 1), k - 1)) if len(text) > 4 else []
    out, last = [], 0
    for c in cuts + [len(text)]:
        seg = text[last:c].strip()
        if seg:
            out.append(seg)
        last = c
    return out or [text]


# --------------------------------------------------------------------------------------------------
# page building


class _Builder:
    def __init__(self, pool: _Pool, rng: random.Random, st: _Style):
        self.pool, self.rng, self.st = pool, rng, st
        self.arts: list[_Art] = []
        self.used: set[int] = set()
        self.traits: Counter = Counter()
        d = rng.choice(pool.dates)
        self.date = d
        self.prov = rng.choice(sorted(_PROVINCES))
        self.cities = _PROVINCES[self.prov]
        self.city = rng.choice(self.cities)
        r = rng.random()
        self.paper_kind = "prov" if r < 0.45 else "city" if r < 0.75 else "evening"
        self.paper = {"prov": self.prov + "日报", "city": self.city + "日报", "evening": self.city + "晚报"}[self.paper_kind]
        y, m, dd = int(d[:4]), int(d[4:6]), int(d[6:8])
        self.news_day = _dt.date(y, m, dd)
        self.pub = self.news_day + _dt.timedelta(days=1)
        self.page_no = 1
        self.section = ""
        self.reporters_pool = _names(rng, 12)

    # ---- item choice -------------------------------------------------------------------------------
    def pick(self, prefer=None, min_size=0) -> int | None:
        pool, rng = self.pool, self.rng
        if prefer:
            cand = [k for k in prefer if k not in self.used and pool.size[k] >= min_size]
            if cand:
                near = [k for k in cand if abs(pool.date_pos[pool.items[k]["date"]] - pool.date_pos[self.date]) <= 20]
                k = rng.choice(near or cand)
                self.used.add(k)
                return k
        dp = pool.date_pos[self.date]
        for span in (0, 1, 3, 8, 30, len(pool.dates)):
            cand = []
            for q in range(max(0, dp - span), min(len(pool.dates), dp + span + 1)):
                cand.extend(k for k in pool.by_date[pool.dates[q]] if k not in self.used and pool.size[k] >= min_size)
            if cand:
                k = rng.choice(cand)
                self.used.add(k)
                return k
        if min_size:
            return self.pick(None, 0)
        return None

    def headline_for(self, k):
        for _ in range(3):
            h = _headline(self.pool.items[k]["title"], self.rng)
            if h:
                return h
        return None

    # ---- credits -----------------------------------------------------------------------------------
    def reporter(self):
        return self.rng.choice(self.reporters_pool) if self.rng.random() < 0.4 else _name(self.rng)

    def _md(self, day=None, spaced=False):
        d = day or self.news_day
        if spaced:
            return f"{d.month} 月 {d.day} 日"
        return f"{d.month}月{d.day}日"

    def dateline(self, art: _Art, kind: str, title: str):
        rng = self.rng
        names = []
        if kind == "local":
            place = rng.choice(self.cities) if rng.random() < 0.8 else "北京"
            art.dateline = f"本报{place}{self._md()}讯"
        elif kind == "benbao":
            art.dateline = "本报讯"
        elif kind == "xinhua":
            place = "北京"
            if self.section == "国际" or _FOREIGN.search(title):
                place = next((c for key, c in _FOREIGN_CITY if key in title), rng.choice(_FOREIGN_ANY + ["北京"]))
            elif rng.random() < 0.3:
                place = rng.choice([c for cs in _PROVINCES.values() for c in cs])
            art.dateline = f"新华社{place}{self._md()}电"
        elif kind == "paper":
            short = rng.choice([self.paper, self.paper, self.city + "晚报", self.city + "都市报", self.city + "日报"])
            art.dateline = f"{short}讯"
        art.traits.append("dateline:" + kind)
        r = rng.random()
        if kind == "xinhua":
            if r < 0.55:
                names = _names(rng, rng.choice((1, 1, 2)))
                art.credit = ("（记者" + ("、".join(names) if rng.random() < 0.6 else " ".join(names)) + "）", names)
        elif r < 0.8:
            a = _names(rng, 1)
            f = rng.random()
            if f < 0.5:
                names = a
                txt = f"（记者 {a[0]}）"
            elif f < 0.7:
                b = _names(rng, 1, a)
                names = a + b
                txt = f"（记者 {a[0]} 通讯员 {b[0]}）"
            elif f < 0.82:
                b = _names(rng, 1, a)
                names = b + a
                txt = f"（通讯员 {b[0]} 记者 {a[0]}）"
            elif f < 0.92:
                b = _names(rng, 2, a)
                names = [a[0]] + b
                txt = f"（记者 {a[0]} {b[0]} 实习生 {b[1]}）"
            else:
                b = _names(rng, 1, a)
                names = a + b
                txt = f"（记者{a[0]} 见习记者{b[0]}）"
            art.credit = (txt, names)
        if art.credit:
            art.traits.append("credit_inline")

    def byline(self, art: _Art):
        rng = self.rng
        r = rng.random()
        a = _names(rng, rng.choice((1, 1, 2, 2, 3)))
        if r < 0.4:
            txt, names = "本报记者 " + " ".join(a), a
        elif r < 0.55:
            txt, names = "□ 本报记者 " + " ".join(a), a
        elif r < 0.68:
            b = _names(rng, 1, a)
            txt, names = f"文/{a[0]} 图/{b[0]}", [a[0], b[0]]
        elif r < 0.8:
            b = _names(rng, 1, a)
            txt, names = f"本报通讯员 {b[0]} 记者 {a[0]}", [b[0], a[0]]
        elif r < 0.9:
            b = _names(rng, 1, a)
            txt, names = f"■ 本报记者 {a[0]} 实习生 {b[0]}", [a[0], b[0]]
        else:
            txt, names = "新华社记者 " + " ".join(a[:2]), a[:2]
        art.byline = (txt, names)
        art.byline_above = rng.random() < 0.15
        art.traits.append("byline_above" if art.byline_above else "byline_below")

    def end_credit(self, art: _Art, allow_names=True):
        rng = self.rng
        r = rng.random()
        if r < 0.35 and allow_names:
            a = _names(rng, 1)
            art.end_credit = (f"（{a[0]}）", a)
        elif r < 0.55 and allow_names:
            a = _names(rng, 1)
            art.end_credit = (f"（记者 {a[0]}）", a)
        elif r < 0.7 and allow_names:
            a = _names(rng, 1)
            art.end_credit = (f"（本报记者 {a[0]} 整理）", a)
        elif r < 0.85 or not allow_names:
            art.end_credit = (rng.choice(["（据新华社）", "（据新华社电）", "（据央视新闻）", "（本报综合）"]), [])
        else:
            a = _names(rng, 2)
            art.end_credit = (f"（通讯员 {a[0]} 记者 {a[1]}）", a)
        art.traits.append("end_credit")

    # ---- article kinds ---------------------------------------------------------------------------
    def body_from(self, k, budget, start_para=0, cut_start=False):
        """The item's paragraphs from start_para up to a character budget (cut at a sentence, or anywhere)."""
        rng = self.rng
        paras = self.pool.items[k]["paragraphs"][start_para:]
        out, n = [], 0
        for p in paras:
            if cut_start and not out and len(p) > 30:
                c = rng.randint(len(p) // 4, len(p) // 2)
                p = p[c:].lstrip(" ，、。")
                if not p:
                    continue
            if n + len(p) > budget and out:
                left = budget - n
                if left > 40 and rng.random() < 0.6:
                    ss = _sentences(p)
                    acc = ""
                    for s in ss:
                        if len(acc) + len(s) > left:
                            break
                        acc += s
                    if acc.strip():
                        out.append(acc.strip())
                break
            out.append(p)
            n += len(p)
        if not out:
            out = [paras[0] if paras else self.pool.items[k]["paragraphs"][0]]
        return out

    def set_head(self, art: _Art, h: dict, allow_kicker=True):
        rng = self.rng
        art.title = h["title"]
        art.kicker = h["kicker"] if allow_kicker else ""
        art.subtitle = h["subtitle"]
        art.title_lines = _split_lines(art.title, rng, 3)
        art.kicker_below = bool(art.kicker) and rng.random() < 0.2
        art.head_spaced = rng.random() < 0.06 and len(_nows(art.title)) <= 16
        if art.kicker:
            art.traits.append("kicker_below" if art.kicker_below else "kicker_above")
        if art.subtitle:
            art.traits.append("subtitle_dash" if art.subtitle.startswith("——") else "subtitle_plain")
        art.traits.append(f"title_lines_{len(art.title_lines)}")
        if art.head_spaced:
            art.traits.append("title_letter_spaced")

    def news(self, k=None, budget=None, datelines=True, head=None) -> _Art | None:
        rng = self.rng
        if k is None:
            k = self.pick()
        if k is None:
            return None
        h = head or self.headline_for(k)
        if not h:
            return None
        art = _Art()
        art.head_pos = self.st.head_pos(rng)
        self.set_head(art, h)
        art.series = h["series"]
        art.width = rng.randint(8, 22)
        paras = self.body_from(k, budget or rng.randint(150, 1100))
        art.paras = [("p", p) for p in paras]
        title = self.pool.items[k]["title"]
        r = rng.random() if datelines else 1.0
        if self.section == "国际" and r < 0.9:
            self.dateline(art, "xinhua", title)
        elif r < 0.3:
            self.dateline(art, "local", title)
        elif r < 0.42:
            self.dateline(art, "benbao", title)
        elif r < 0.57:
            self.dateline(art, "xinhua", title)
        elif r < 0.67 and self.paper_kind != "prov":
            self.dateline(art, "paper", title)
        elif r < 0.77 and not _FOREIGN.search(title):
            first = art.paras[0][1]
            if not first.startswith("记者"):
                org = rng.choice(_ORGS).format(city=rng.choice(self.cities))
                day = self.news_day.day
                lead = rng.choice([f"记者{day}日从{org}获悉，", f"记者{day}日从{org}获悉，", f"记者近日从{org}了解到，",
                                   f"记者从{org}获悉，"])
                art.paras[0] = ("p", lead + first)
            art.traits.append("dateline:learned")
        else:
            art.traits.append("dateline:none")
        if not art.dateline and rng.random() < 0.75:
            self.byline(art)
        elif art.dateline and not art.credit and rng.random() < 0.2:
            self.byline(art)
        if rng.random() < 0.22 and not art.credit:
            self.end_credit(art, allow_names=not art.byline)
        if any("一是" in p for _, p in art.paras):
            art.traits.append("list_yishi")
        if any("“" in p for _, p in art.paras):
            art.traits.append("quotation")
        return art

    def add_subheads(self, art: _Art, k):
        """Section heads every two to four paragraphs: plain, 一、, 【】 or ■ — taken from the text itself."""
        rng = self.rng
        style = rng.choice(["plain", "plain", "num", "bracket", "square"])
        paras = [p for _, p in art.paras]
        if len(paras) < 3:
            return
        out = [("p", paras[0])]
        nxt = rng.randint(1, 3)
        count = 0
        for i, p in enumerate(paras[1:], 1):
            natural = len(p) <= 24 and not re.search(r"[。！？”]$", p)
            if natural:
                out.append(("sub", p))
                count += 1
                nxt = rng.randint(2, 4)
                continue
            if nxt <= 0 and i < len(paras) - 1:
                # a desk's subhead restates a phrase of the section it opens
                clauses = [c for c in re.split(r"[，。；：！？、“”]", p[:120]) if 5 <= len(c) <= 16]
                head = clauses[0] if clauses and rng.random() < 0.6 else rng.choice(clauses) if clauses else None
                if head:
                    count += 1
                    if style == "num":
                        head = _CN_NUM[min(count, 10) - 1] + "、" + head
                    elif style == "bracket":
                        head = "【" + head + "】"
                    elif style == "square":
                        head = "■" + head
                    out.append(("sub", head))
                nxt = rng.randint(2, 4)
            out.append(("p", p))
            nxt -= 1
        art.paras = out
        if count:
            art.traits.append("subheads_" + style)

    def long_article(self):
        rng = self.rng
        pref = self.pool.lists if rng.random() < 0.3 and self.pool.lists else self.pool.long
        k = self.pick(pref, min_size=900) if pref else self.pick(min_size=900)
        art = self.news(k, budget=rng.randint(1400, 4200))
        if not art:
            return None
        art.width = rng.randint(10, 22)
        self.add_subheads(art, k)
        art.traits.append("long_article")
        return art

    def commentary(self):
        rng = self.rng
        k = self.pick(self.pool.comment) if self.pool.comment and rng.random() < 0.7 else self.pick()
        if k is None:
            return None
        h = self.headline_for(k)
        if not h:
            return None
        art = _Art()
        art.head_pos = self.st.head_pos(rng)
        if h["kicker"] and rng.random() < 0.7 and len(_nows(h["kicker"] + h["title"])) <= 40 \
                and not h["kicker"].endswith("——"):
            h = dict(h, title=h["kicker"] + " " + h["title"], kicker="")
        self.set_head(art, h)
        art.series = ""
        art.width = rng.randint(10, 20)
        art.paras = [("p", p) for p in self.body_from(k, rng.randint(300, 1500))]
        col = h["column"]
        r = rng.random()
        if r < 0.2:
            a = _names(rng, 1)
            if rng.random() < 0.5:
                art.byline = ("□ " + a[0], a)
                art.byline_above = False
            else:
                art.sign_named = (a[0], a)
            art.traits.append("commentary_named")
        else:
            art.sign = rng.choice(["本报评论员", "本报评论员", "本报调研组", "本报特约评论员"] +
                                  ([col.replace("文章", "")] if col.startswith(("人民", "新华")) and "评论员" in col else []))
            art.sign_under = rng.random() < 0.4
            art.traits.append("commentary_sign_under" if art.sign_under else "commentary_sign_end")
        label = rng.choice(["短评", "评论", "今日快评", "本报评论员文章", "时评", "新论", "编辑点评", col or "社论"])
        art.label = label
        art.traits.append("commentary")
        return art

    def interview(self):
        rng = self.rng
        if len(self.pool.questions) < 4:
            return None
        k = self.pick(self.pool.interview) if self.pool.interview and rng.random() < 0.5 else self.pick(min_size=500)
        art = self.news(k, budget=rng.randint(500, 1500), datelines=False)
        if not art:
            return None
        paras = [p for _, p in art.paras]
        own = [s for p in self.pool.items[k]["paragraphs"] for s in _sentences(p) if s.endswith("？") and 8 <= len(s) <= 60] \
            if k is not None else []
        qs = own + [rng.choice(self.pool.questions) for _ in range(6)]
        out = [("p", paras[0])]
        ans = rng.choice(["答：", "答：", _name(rng)[:1] + rng.choice(["局长", "主任", "厅长", "教授", "总经理"]) + "："])
        for q, p in zip(qs, paras[1:rng.randint(3, 5)]):
            out.append(("p", "记者：" + q))
            out.append(("p", ans + p))
        if len(out) == 1:
            out.append(("p", "记者：" + rng.choice(self.pool.questions)))
            out.append(("p", ans + paras[0]))
            out = out[1:]
        art.paras = out
        art.traits.append("interview_qa")
        return art

    def series_note(self):
        rng = self.rng
        k = self.pick(min_size=400)
        art = self.news(k, budget=rng.randint(500, 1400))
        if not art:
            return None
        first = art.paras[0][1]
        ss = _sentences(first)
        if len(ss) >= 3:
            m = rng.randint(1, min(3, len(ss) - 1))
            note, rest = "".join(ss[:m]), "".join(ss[m:])
            art.paras = [("p", "编者按：" + note), ("p", rest)] + art.paras[1:]
        elif len(art.paras) >= 2:
            art.paras = [("p", "编者按：" + first)] + art.paras[1:]
        else:
            return art
        art.dl_para = 1
        art.series = art.series or rng.choice(["奋进新征程 建功新时代", "高质量发展调研行", "一线见闻", "新春走基层",
                                               "在希望的田野上", "记者蹲点日记", "聚焦民生实事"])
        art.traits.append("editor_note")
        return art

    def continuation(self, from_page=1):
        rng = self.rng
        k = self.pick(min_size=600)
        if k is None:
            return None
        h = self.headline_for(k)
        if not h:
            return None
        art = _Art()
        art.head_pos = self.st.head_pos(rng)
        n_par = len(self.pool.items[k]["paragraphs"])
        start = rng.randint(1, max(1, n_par - 1)) if n_par > 1 else 0
        art.paras = [("p", p) for p in self.body_from(k, rng.randint(200, 900), start, cut_start=rng.random() < 0.7)]
        art.width = rng.randint(9, 20)
        r = rng.random()
        if r < 0.4:
            self.set_head(art, h)
            art.traits.append("cont_title_full")
        elif r < 0.75:
            short = h["title"].split(" ")[0] if " " in h["title"] else h["title"]
            if len(_nows(short)) < 6:
                short = h["title"]
            self.set_head(art, {"title": short, "kicker": "", "subtitle": ""})
            art.traits.append("cont_title_short")
        else:
            art.traits.append("cont_title_missing")
        sp = rng.random() < 0.3
        art.cont = f"（上接第{' ' + str(from_page) + ' ' if sp else from_page}版）"
        if rng.random() < 0.35:
            self.end_credit(art)
        art.traits.append("continuation")
        return art

    def caption(self, k=None):
        rng = self.rng
        if k is None:
            k = self.pick()
        if k is None:
            return None
        sents = [s for p in self.pool.items[k]["paragraphs"] for s in _sentences(p) if 12 <= len(s) <= 90]
        if not sents:
            sents = [self.pool.items[k]["paragraphs"][0][:80]]
        i = rng.randrange(len(sents))
        text = sents[i]
        if rng.random() < 0.25 and i + 1 < len(sents) and len(text) + len(sents[i + 1]) < 150:
            text += sents[i + 1]
        art = _Art("caption")
        r = rng.random()
        if r < 0.4:
            a = _names(rng, 1)
            cred, names = f"本报记者 {a[0]} 摄", a
        elif r < 0.55:
            cred, names = "新华社发", []
        elif r < 0.68:
            a = _names(rng, 1)
            cred, names = f"新华社记者 {a[0]} 摄", a
        elif r < 0.78:
            cred, names = "（资料图片）", []
        elif r < 0.88:
            a = _names(rng, 1)
            cred, names = f"通讯员 {a[0]} 摄", a
        else:
            a = _names(rng, 2)
            cred, names = f"本报记者 {a[0]} 通讯员 {a[1]} 摄", a
        art.paras = [("p", text)]
        art.caption_credit = (cred, names)
        art.one_line = rng.random() < 0.5
        art.width = rng.randint(12, 30)
        art.traits.append("caption")
        return art

    def brief(self, style, idx):
        rng = self.rng
        k = self.pick()
        if k is None:
            return None
        h = self.headline_for(k)
        if not h:
            return None
        art = _Art()
        art.head_pos = self.st.head_pos(rng)
        paras = self.pool.items[k]["paragraphs"]
        ss = _sentences(paras[0])
        body, acc = "", rng.randint(50, 240)
        for s in ss:
            if body and len(body) + len(s) > acc:
                break
            body += s
        art.paras = [("p", body.strip() or paras[0])]
        art.width = self.brief_w
        if style != "none":
            self.set_head(art, {"title": h["title"], "kicker": "", "subtitle": ""})
            art.title_lines = _split_lines(art.title, rng, 2, long_at=16)
            if style == "bracket":
                art.marker = ("【", "】")
            elif style == "bullet":
                art.marker = (self.bullet + rng.choice(["", " "]), "")
            elif style == "num":
                art.marker = (self.numfmt.format(idx + 1), "")
        else:
            art.title = ""
            art.title_lines = []
            if rng.random() < 0.6:
                art.body_marker = self.bullet + rng.choice(["", " "])
        r = rng.random()
        if r < 0.45:
            self.dateline(art, "benbao", h["title"])
        elif r < 0.6:
            self.dateline(art, "local", h["title"])
        elif r < 0.7:
            self.dateline(art, "xinhua", h["title"])
        if rng.random() < 0.3 and not art.credit:
            self.end_credit(art)
        art.traits.append("brief_" + style)
        return art


# --------------------------------------------------------------------------------------------------
# turning articles into printed pieces


def _head_lines(art: _Art, item: int, rng, st: _Style):

    def one(text, role, spaced):
        if spaced:
            sep = "\u3000" if rng.random() < 0.3 else " "
            return _letter_space([[text, (item, role, 0)]], sep)
        return [[text, (item, role, 0)]]

    kick = [one(x, "kicker", False) for x in (_split_lines(art.kicker, rng, 2, long_at=22) if art.kicker else [])]
    tit = []
    for x in art.title_lines:
        ln = one(x, "title", art.head_spaced)
        if art.marker[0]:
            ln = [[art.marker[0], (item, "marker", 0)]] + ln
        if art.marker[1]:
            ln = ln + [[art.marker[1], (item, "marker", 0)]]
        tit.append(ln)
    if art.marker[1] and len(tit) > 1:  # 【】 around a two-line title: open on the first line, close on the last
        tit = [tit[0][:-1]] + [t[1:-1] for t in tit[1:-1]] + [tit[-1][1:]] if len(tit) > 1 else tit
    if art.marker[0] and not art.marker[1] and len(tit) > 1:
        tit = [tit[0]] + [t[1:] for t in tit[1:]]
    sub = [one(x, "subtitle", False) for x in (_split_lines(art.subtitle, rng, 2, long_at=24) if art.subtitle else [])]
    if art.kicker_below:
        seq = tit + kick + sub if rng.random() < 0.6 else tit + sub + kick
    else:
        seq = kick + tit + sub
    if art.sign and art.sign_under:
        seq.append([[art.sign, (item, "sign", 0)]])
    if art.byline:
        bl = [[art.byline[0], (item, "byline", 0)]]
        if art.byline_above:
            seq = [bl] + seq
        else:
            seq.append(bl)
    if st.tool == "viewer" and rng.random() < 0.3:
        pad = " " * rng.randint(2, 8)
        seq = [[[pad, None]] + ln for ln in seq]
    out = []
    for n, ln in enumerate(seq):
        if n and rng.random() < st.head_gap:
            out.append(None)
        out.append(ln)
    return out


def _body_pieces(art: _Art, item: int, rng, st: _Style):
    w = _Wrapper(rng, st, art.width)
    if art.kind == "caption":
        cred, names = art.caption_credit
        segs = [(art.paras[0][1], (item, "body", 0)), (rng.choice([" ", "  ", ""]), None), (cred, (item, "body", 0))]
        if art.one_line:
            w.para(segs, indent=False, one_line=True)
        else:
            w.para(segs, indent=False, first_short=False)
        return w.pieces(), w
    n = len(art.paras)
    last_is_text = bool(art.paras) and art.paras[-1][0] == "p"
    end_credit_inline = art.end_credit and last_is_text and rng.random() < 0.75
    jump_inline = art.jump and last_is_text and rng.random() < 0.7
    cont_inline = art.cont and rng.random() < 0.5
    if art.cont and not cont_inline:
        w.para([(art.cont, (item, "jump", 0))], indent=False, first_short=False)
    for pi, (kind, text) in enumerate(art.paras):
        segs = []
        if pi == 0:
            if art.body_marker:
                segs.append((art.body_marker, (item, "marker", 0)))
            if art.cont and cont_inline:
                segs.append((art.cont, (item, "jump", 0)))
        if pi == art.dl_para:
            if art.dateline:
                dl = art.dateline
                if st.digit_space and rng.random() < st.digit_space + 0.2:
                    dl = re.sub(r"(\d+)", r" \1 ", dl).replace("  ", " ")
                segs.append((dl, (item, "dateline", 0)))
            if art.credit:
                segs.append((art.credit[0], (item, "credit", 0)))
        if kind == "sub":
            if rng.random() < st.par_blank:
                w.blank()
            w.para([(text, (item, "body", pi))], indent=False, first_short=False, one_line=rng.random() < 0.35)
            if rng.random() < st.par_blank * 0.3:
                w.blank()
            continue
        segs.append((text, (item, "body", pi)))
        if pi == n - 1:
            if art.end_credit and end_credit_inline:
                segs.append((art.end_credit[0], (item, "credit", 1)))
            if art.jump and jump_inline:
                segs.append((rng.choice([" ", "  ", " " * 4]), None))
                segs.append((art.jump, (item, "jump", 0)))
        w.para(segs)
        if pi < n - 1 and rng.random() < st.par_blank:
            w.blank()
    if art.end_credit and not end_credit_inline:
        w.para([(art.end_credit[0], (item, "credit", 1))], indent=False, first_short=False, one_line=True)
    if art.jump and not jump_inline:
        w.para([(art.jump, (item, "jump", 0))], indent=False, first_short=False, one_line=True)
    if art.sign and not art.sign_under:
        pad = rng.choice(["", "", " " * rng.randint(2, 10)])
        w.para([(pad, None), (art.sign, (item, "sign", 0))], indent=False, one_line=True)
    if art.sign_named:
        w.blank() if rng.random() < 0.3 else None
        w.out.append([[art.sign_named[0], (item, "byline", 2)]])
    return w.pieces(), w


def _furniture(b: _Builder, what: str) -> list:
    rng = b.rng
    pub = b.pub
    wk = "星期" + _WEEK[pub.weekday()]
    date = f"{pub.year}年{pub.month}月{pub.day}日"
    ed = _names(rng, 3)

    def L(*xs):
        return [[[x, FURN]] if x else None for x in xs]

    if what == "masthead":
        lines = [b.paper]
        if rng.random() < 0.4:
            lines.append(f"中共{b.prov}省委机关报" if b.paper_kind == "prov" else f"中共{b.city}市委机关报")
        lines.append(f"{date} {wk}" + (f" 农历{_GANZHI.get(pub.year, '甲辰')}年" if rng.random() < 0.5 else ""))
        if rng.random() < 0.7:
            lines.append(f"国内统一连续出版物号 CN {rng.randint(11, 65)}-{rng.randint(1, 99):04d}")
        if rng.random() < 0.6:
            lines.append(f"第{rng.randint(10000, 29999)}期 今日{rng.choice([4, 8, 12, 16])}版")
        if rng.random() < 0.3:
            lines.append(f"{b.paper}客户端 扫码下载")
        return L(*lines)
    if what == "label":
        sec = b.section or "要闻"
        f = rng.random()
        if f < 0.35:
            return L(f"{date} {wk} {b.page_no} {sec}")
        if f < 0.6:
            return L(f"{sec} {b.page_no}", f"{date} {wk}")
        if f < 0.8:
            return L(f"{b.page_no:02d}", sec, f"{b.paper} {date}")
        return L(f"{date} {wk}", f"{b.paper}", f"{sec}")
    if what == "editor":
        f = rng.random()
        if f < 0.4:
            return L(f"责任编辑 {ed[0]} 美术编辑 {ed[1]}")
        if f < 0.7:
            return L(f"本版责编：{ed[0]} 校对：{ed[1]}")
        return L(f"责编：{ed[0]}", f"版式：{ed[1]}", f"校对：{ed[2]}")
    if what == "weather":
        c = rng.sample(b.cities, min(3, len(b.cities)))
        ws = ["晴", "多云", "阴", "小雨", "晴转多云", "多云转阴", "阵雨"]
        rows = ["今日天气"] + [f"{x} {rng.choice(ws)} {rng.randint(-5, 18)}℃～{rng.randint(19, 33)}℃" for x in c]
        if rng.random() < 0.5:
            rows.append(f"{rng.choice(['北风', '西北风', '南风', '东南风'])}{rng.randint(1, 4)}级")
        return L(*rows)
    if what == "index":
        rows = [rng.choice(["导读", "今日导读", "本期导读", "要闻导读"])]
        for _ in range(rng.randint(2, 4)):
            k = rng.randrange(len(b.pool.items))
            t = _cut_title(b.pool.items[k]["title"].split("】")[-1], rng)
            rows.append(f"{t} {rng.choice(['▶', '→', '>>', ''])} {rng.randint(2, 12)}版")
        return L(*rows)
    if what == "ad":
        f = rng.random()
        if f < 0.3:
            co = rng.choice(["恒信", "华晋", "宏达", "金诚", "瑞丰", "中泰"]) + rng.choice(["商贸", "建材", "物流", "餐饮"]) + "有限公司"
            return L("遗失声明", f"{rng.choice(b.cities)}市{co}不慎遗失营业执照副本，统一社会信用代码"
                                   f"91{rng.randint(10**15, 10**16 - 1)}，特此声明作废。")
        if f < 0.55:
            return L(f"欢迎订阅{pub.year + (1 if pub.month >= 9 else 0)}年度《{b.paper}》",
                     f"邮发代号 {rng.randint(11, 65)}-{rng.randint(1, 99)} 全年定价 {rng.choice([360, 396, 420, 480])}元",
                     f"订阅热线：{rng.randint(3000000, 8999999)}")
        if f < 0.75:
            return L("广告", f"{rng.choice(['金秋购车节', '家电以旧换新', '品质楼盘 现房发售', '健康体检套餐'])}",
                     f"咨询电话：0{rng.randint(310, 990)}-{rng.randint(2000000, 8999999)}")
        return L(f"新闻热线：{rng.randint(2000000, 8999999)}", f"广告热线：{rng.randint(2000000, 8999999)}")
    if what == "qr":
        return L(rng.choice(["扫码看视频", "扫描二维码 了解更多", "扫码阅读全文", "更多内容请扫码", "扫码观看直播回放"]))
    if what == "footer":
        return L(f"本报地址：{b.city}市{rng.choice(['迎泽', '建设', '人民', '解放', '新华', '文化'])}路{rng.randint(1, 300)}号 "
                 f"邮编：{rng.randint(100000, 899999)}",
                 f"零售价：{rng.choice(['1.00', '1.50', '2.00'])}元 印刷：{b.paper}印务中心")
    if what == "notice":
        return L(rng.choice(["更正", "启事", "公告"]),
                 rng.choice([f"本报{b.pub.month}月{max(1, b.pub.day - 1)}日第{rng.randint(2, 8)}版相关报道中，人名有误，特此更正。",
                             "因版面调整，本报“周末版”顺延一期出版，敬请读者谅解。",
                             f"{b.city}市公共资源交易中心招标公告详见本报网站。"]))
    if what == "banner":
        return L(rng.choice(["记者观察", "深度关注", "一线直击", "本报关注", "聚焦高质量发展", "新闻眼", "特别报道",
                             "奋进新征程 建功新时代", "权威发布", "民生关注"]))
    raise ValueError(what)


def _make_page(pool: _Pool, seed: int, position: str, i: int):
    rng = random.Random(f"pagegen_l:{seed}:{position}:{i}")
    st = _Style(rng, position)
    b = _Builder(pool, rng, st)
    r = rng.random()
    kind = ("front" if r < 0.2 else "ordinary" if r < 0.52 else "long" if r < 0.64 else "briefs" if r < 0.75
            else "photo" if r < 0.83 else "commentary" if r < 0.93 else "continued")
    b.page_no = 1 if kind == "front" else rng.randint(2, 16)
    b.section = "要闻" if kind == "front" else rng.choice(_SECTIONS)
    arts: list[_Art] = []
    furn_top, furn_any, furn_bottom = [], [], []

    def add(a):
        if a is not None:
            arts.append(a)
        return a

    if kind == "front":
        furn_top.append("masthead")
        if rng.random() < 0.5:
            furn_any.append("index")
        if rng.random() < 0.3:
            furn_any.append("weather")
        n = rng.randint(3, 6)
        lead = add(b.news(budget=rng.randint(900, 2200)))
        if lead and rng.random() < 0.75:
            pg = rng.choice([2, 2, 3, 4, 5])
            sp = rng.random() < 0.25
            lead.jump = f"（下转第{' ' + str(pg) + ' ' if sp else pg}版）"
            lead.continued_to = f"第{pg}版"
            lead.end_credit = None
            lead.traits.append("jump")
            if rng.random() < 0.4:
                b.add_subheads(lead, None)
        for _ in range(n - 1):
            add(b.series_note() if rng.random() < 0.08 else b.news(budget=rng.randint(150, 800)))
        if rng.random() < 0.25:
            add(b.commentary())
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(b.caption())
    elif kind in ("ordinary", "commentary", "continued"):
        if kind == "continued" or (kind == "ordinary" and rng.random() < 0.1):
            add(b.continuation(rng.choice([1, 1, 1, 2, 3])))
        if kind == "commentary":
            add(b.commentary())
        n = rng.randint(3, 8) if kind == "ordinary" else rng.randint(2, 5)
        if b.section == "国际" and pool.foreign:
            for _ in range(n):
                k = b.pick(pool.foreign)
                add(b.news(k, budget=rng.randint(120, 900)))
        else:
            for _ in range(n):
                r2 = rng.random()
                if r2 < 0.06:
                    add(b.interview())
                elif r2 < 0.14:
                    add(b.series_note())
                elif r2 < 0.2 and kind == "ordinary":
                    add(b.commentary())
                else:
                    add(b.news(budget=rng.randint(120, 1000)))
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            add(b.caption())
    elif kind == "long":
        add(b.long_article())
        if rng.random() < 0.4:
            add(b.news(budget=rng.randint(150, 500)))
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(b.caption())
    elif kind == "briefs":
        furn_any.append("banner_briefs")
        b.brief_w = rng.randint(8, 16)
        b.bullet = rng.choice(["■", "●", "▲", "◆"])
        b.numfmt = rng.choice(["{}.", "{}．", "{}、"])
        style = rng.choice(["bracket", "bracket", "bullet", "num", "plain", "none"])
        for j in range(rng.randint(6, 10)):
            add(b.brief(style if rng.random() < 0.9 else "plain", j))
        if rng.random() < 0.4:
            add(b.news(budget=rng.randint(200, 700)))
    elif kind == "photo":
        furn_any.append("banner_photo")
        for _ in range(rng.randint(3, 8)):
            add(b.caption())
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(b.news(budget=rng.randint(150, 600)))
    arts = [a for a in arts if a is not None]
    if not arts:
        add(b.news(b.pick() if pool.items else None))
        arts = [a for a in arts if a is not None]
    if not arts:
        raise RuntimeError("could not build a page")

    # furniture choices
    if kind != "front" or rng.random() < 0.3:
        (furn_top if rng.random() < 0.6 else furn_bottom).append("label")
    if rng.random() < 0.65:
        (furn_bottom if rng.random() < 0.7 else furn_any).append("editor")
    for what, p in (("ad", 0.18), ("qr", 0.2), ("notice", 0.06), ("banner", 0.2)):
        if rng.random() < p:
            furn_any.append(what)
    if kind == "front" and rng.random() < 0.3:
        furn_bottom.append("footer")

    # pieces per article
    per_art = []
    for n, a in enumerate(arts):
        if a.kind == "caption":
            pcs, w = _body_pieces(a, n, rng, st)
            per_art.append(pcs)
            continue
        head = _head_lines(a, n, rng, st) if (a.title_lines or a.kicker or a.subtitle or a.byline or
                                              (a.sign and a.sign_under)) else []
        pcs, w = _body_pieces(a, n, rng, st)
        if w.number_breaks:
            a.traits.append("wrap_inside_figure")
        if w.midsentence_blank:
            a.traits.append("blank_inside_paragraph")
        if len(pcs) > 1:
            a.traits.append("column_break")
        if head:
            if a.head_pos == "after":
                pcs = pcs + [head]
            else:
                pcs = [head] + pcs
            a.traits.append("head_" + a.head_pos)
        lab = []
        if getattr(a, "series", ""):
            lab = [[[a.series, FURN]]]
            a.traits.append("series_band")
        elif getattr(a, "label", "") and rng.random() < 0.8:
            lab = [[[a.label, FURN]]]
        if lab:
            if a.head_pos == "before" or rng.random() < 0.5:
                pcs = [lab] + pcs
            else:
                pcs = pcs + [lab]
        per_art.append(pcs)

    # reading order: article after article, with columns of one article interrupted by its neighbour
    p_inter = rng.choice([0.0, 0.0, 0.1, 0.25, 0.45])
    queues = [list(p) for p in per_art]
    started = [False] * len(queues)
    seq = []
    interleaved = 0
    caption_ids = [n for n, a in enumerate(arts) if a.kind == "caption"]
    order = [n for n in range(len(arts)) if arts[n].kind != "caption"]
    for c in caption_ids:  # captions sit somewhere among the articles
        order.insert(rng.randint(0, len(order)), c)
    for n in order:
        if not queues[n]:
            continue
        started[n] = True
        while queues[n]:
            was_head = (len(queues[n]) == len(per_art[n]) and arts[n].head_pos == "before"
                                      and arts[n].kind != "caption")
            seq.append(queues[n].pop(0))
            if queues[n] and rng.random() < p_inter * (0.3 if was_head else 1.0):
                nxt = [m for m in order if not started[m] and queues[m]]
                if nxt:
                    m = nxt[0]
                    started[m] = True
                    take = rng.randint(1, len(queues[m]))
                    for _ in range(take):
                        seq.append(queues[m].pop(0))
                    interleaved += 1
    for n in order:  # leftovers of articles that were interleaved in part
        while queues[n]:
            seq.append(queues[n].pop(0))
    # furniture
    for what in furn_any:
        if what == "banner_briefs":
            pc = [[[rng.choice(["简讯", "新闻速览", "综合消息", "短波", "资讯", "本地快讯"]), FURN]]]
            seq.insert(0 if rng.random() < 0.7 else rng.randint(0, len(seq)), pc)
            continue
        if what == "banner_photo":
            pc = [[[rng.choice(["图片新闻", "视觉", "影像", "图说", "镜头"]), FURN]]]
            seq.insert(0 if rng.random() < 0.7 else rng.randint(0, len(seq)), pc)
            continue
        seq.insert(rng.randint(0, len(seq)), _furniture(b, what))
    for what in reversed(furn_top):
        seq.insert(0, _furniture(b, what))
    for what in furn_bottom:
        seq.append(_furniture(b, what))

    lines: list = []
    for pc in seq:
        if lines and lines[-1] is not None and rng.random() < st.piece_blank:
            lines.append(None)
            if st.tool == "pdfminer" and rng.random() < 0.1:
                lines.append(None)
        lines.extend(pc)
    while lines and lines[-1] is None:
        lines.pop()
    while lines and lines[0] is None:
        lines.pop(0)

    page, traits = _finish(arts, lines, st, position)
    traits.update({"kind:" + kind: 1, "tool:" + st.tool: 1})
    if interleaved:
        traits["interleaved_columns"] = interleaved
    if st.digit_space:
        traits["spaced_digits_page"] = 1
    if st.letter_space:
        traits["letter_spaced_lines_page"] = 1
    for what in furn_top + furn_any + furn_bottom:
        traits["furn:" + what] += 1
    if st.formfeed:
        page.text += "\f"
    return page, traits


def _render(line) -> str:
    return "".join(t for t, _ in line)


def _finish(arts: list[_Art], lines: list, st: _Style, position: str):
    text_lines = ["" if ln is None else _render(ln) for ln in lines]
    # collect what was printed per item and role
    got: dict[int, dict] = {}
    first_line: dict[int, int] = {}
    names_order: dict[int, list] = {}
    credit_seen: dict[int, list] = {}
    for li, ln in enumerate(lines):
        if ln is None:
            continue
        roles = set()
        items = set()
        for text, tag in ln:
            assert "\n" not in text, "newline inside a printed segment"
            if tag is None:
                assert not text.strip(), f"untagged printed text {text!r}"
                continue
            item, role, para = tag
            if not text.strip():
                continue
            roles.add(role)
            items.add(item)
            if item < 0:
                continue
            first_line.setdefault(item, li)
            g = got.setdefault(item, {})
            key = (role, para) if role == "body" else role
            g[key] = g.get(key, "") + text
            if role in ("credit", "byline") or (role == "body" and arts[item].kind == "caption"):
                unit = (role, para)
                if unit not in credit_seen.setdefault(item, []):
                    credit_seen[item].append(unit)
        if roles & {"title", "kicker", "subtitle"}:
            assert len(items) == 1 and len(roles - {"marker"}) == 1, f"headline line holds more: {text_lines[li]!r}"
        if "byline" in roles:
            assert roles == {"byline"} and len(items) == 1, f"byline line holds more: {text_lines[li]!r}"
        assert len(items) <= 1, f"a line holds two items: {text_lines[li]!r}"
    # reporters in printed order
    for n, a in enumerate(arts):
        units = credit_seen.get(n, [])
        src = {("credit", 0): a.credit, ("credit", 1): a.end_credit, ("byline", 0): a.byline,
               ("byline", 2): a.sign_named, ("body", 0): a.caption_credit}
        out = []
        for u in units:
            c = src.get(u)
            if c:
                for x in c[1]:
                    if x not in out:
                        out.append(x)
        names_order[n] = out
    # truth from the content, checked against the print
    truth_by = {}
    for n, a in enumerate(arts):
        g = got.get(n)
        assert g is not None, "an item was not printed"
        if a.kind == "caption":
            body = _nows(a.paras[0][1] + a.caption_credit[0])
            ti = TruthItem("caption", "", body, names_order[n])
        else:
            body = "\n".join(_nows(t) for _, t in a.paras)
            ti = TruthItem("article", _nows(a.title), body, names_order[n], a.continued_to,
                           _nows(a.kicker), _nows(a.subtitle), _nows(a.dateline))
        printed_body = "\n".join(_nows(g.get(("body", p), "")) for p in range(len(a.paras)))
        assert printed_body == ti.body, f"body mismatch in item {n}"
        assert not any(k[1] >= len(a.paras) for k in g if isinstance(k, tuple)), "stray body paragraph"
        assert _nows(g.get("title", "")) == ti.title, f"title mismatch: {g.get('title')!r} vs {ti.title!r}"
        assert _nows(g.get("kicker", "")) == ti.kicker, "kicker mismatch"
        assert _nows(g.get("subtitle", "")) == ti.subtitle, "subtitle mismatch"
        assert _nows(g.get("dateline", "")) == ti.dateline, "dateline mismatch"
        jump = _nows(g.get("jump", ""))
        if ti.continued_to:
            assert jump.endswith(f"（下转{ti.continued_to}）"), "jump line mismatch"
        else:
            assert "下转" not in jump, "unexpected jump line"
        credits = _nows(g.get("credit", "") + g.get("byline", "") + (g.get(("body", 0), "") if a.kind == "caption" else ""))
        for r in ti.reporters:
            assert r in credits, f"reporter {r} not printed in the credits"
        assert len(set(ti.reporters)) == len(ti.reporters)
        if a.kind == "article":
            assert 6 <= len(ti.title) <= 40 or ti.title == "", f"title length {ti.title!r}"
        truth_by[n] = ti
    order = sorted(truth_by, key=lambda n: first_line[n])
    truth = [truth_by[n] for n in order]
    traits: Counter = Counter()
    for a in arts:
        for t in a.traits:
            traits[t] += 1
    if any(a.kind == "caption" and a.one_line for a in arts):
        traits["caption_one_line"] += 1
    text = "\n".join(text_lines) + "\n"
    return Page(text=text, truth=truth, position=position), traits


# --------------------------------------------------------------------------------------------------
# public entry point


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    if position not in (AFTER, BEFORE, MIXED):
        raise ValueError(f"position must be after, before or mixed, not {position!r}")
    items = load_items() if items is None else items
    pool = _pool(items, date_range)
    return [_make_page(pool, seed, position, i)[0] for i in range(n)]


def _traits(n: int, seed: int, items, date_range):
    pool = _pool(items, date_range)
    for pos in (AFTER, BEFORE, MIXED):
        tot, pages = Counter(), Counter()
        for i in range(n):
            _, tr = _make_page(pool, seed, pos, i)
            for k, v in tr.items():
                tot[k] += v
                pages[k] += 1
        print(f"== position {pos}: {n} pages (trait: pages with it / occurrences)")
        for k in sorted(tot):
            print(f"  {k:28s} {pages[k]:5d} {tot[k]:6d}")


def _digest(pages) -> str:
    h = hashlib.sha256()
    for p in pages:
        h.update(p.text.encode())
        h.update(repr(p.truth).encode())
    return h.hexdigest()


def _check(n: int, seed: int, items, date_range, items_path=None) -> bool:
    pool = _pool(items, date_range)
    ok = True
    for pos in (AFTER, BEFORE, MIXED):
        t0 = time.perf_counter()
        pages = [_make_page(pool, seed, pos, i)[0] for i in range(n)]
        dt = (time.perf_counter() - t0) / max(1, n) * 1000
        n_items = sum(len(p.truth) for p in pages)
        again = [_make_page(pool, seed, pos, i)[0] for i in (0, n // 2, n - 1)]
        same = _digest(again) == _digest([pages[0], pages[n // 2], pages[n - 1]])
        titles = [t.title for p in pages for t in p.truth if t.kind == "article" and t.title]
        bad_titles = sum(not 6 <= len(t) <= 40 for t in titles)
        print(f"{pos:6s}: {n} pages, {n_items} items, {dt:.2f} ms/page, deterministic={same}, "
              f"titles outside 6-40: {bad_titles}")
        ok &= same and dt < 10 and bad_titles == 0
    # the same pages under another PYTHONHASHSEED
    code = ("import sys; sys.path.insert(0, %r); import pagegen_l as g; "
            "print(g._digest(g.generate_pages(20, 'mixed', %d, g.load_items(%r), date_range=%r)))"
            % (str(Path(__file__).resolve().parent), seed, items_path, date_range))
    outs = set()
    for hs in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout.strip())
    mine = _digest(generate_pages(20, MIXED, seed, items=items, date_range=date_range))
    hs_ok = len(outs) == 1 and mine in outs
    print(f"same under PYTHONHASHSEED=1 and 4242: {hs_ok}")
    ok &= hs_ok
    print("PASS" if ok else "FAIL")
    return ok


def _show(n, position, seed, items, date_range):
    pool = _pool(items, date_range)
    for k in range(n):
        p, tr = _make_page(pool, seed, position, k)
        kinds = " ".join(t for t in sorted(tr) if t.startswith(("kind:", "tool:")))
        print(f"=================== page {k} ({p.position}; {kinds}) ===================")
        print(p.text)
        print("------------------- truth -------------------")
        for t in p.truth:
            print(f"[{t.kind}] title={t.title!r} kicker={t.kicker!r} subtitle={t.subtitle!r} dateline={t.dateline!r} "
                  f"reporters={t.reporters} continued_to={t.continued_to!r}")
            for para in t.body.split("\n"):
                print("    | " + para)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int)
    ap.add_argument("--traits", type=int)
    ap.add_argument("--check", type=int)
    ap.add_argument("--position", default=MIXED, choices=[AFTER, BEFORE, MIXED])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--items", default=None)
    ap.add_argument("--dates", default=None, help="YYYYMMDD-YYYYMMDD")
    a = ap.parse_args(argv)
    items = load_items(a.items)
    dr = tuple(a.dates.split("-")) if a.dates else None
    if a.show:
        _show(a.show, a.position, a.seed, items, dr)
    if a.traits:
        _traits(a.traits, a.seed, items, dr)
    if a.check:
        sys.exit(0 if _check(a.check, a.seed, items, dr, a.items) else 1)


if __name__ == "__main__":
    main()
