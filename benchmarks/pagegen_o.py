"""Page generator o: Chinese newspaper pages as extracted PDF text, with their exact truth.

Written blind from a spec (it never reads the segmenter). The words come from CCTV evening-news
items (``../shared/eval/xwlb/items-dev.jsonl.gz``, read by path, never copied); names, places,
scores and furniture are made up. Besides ordinary news pages, fronts with a jump, continuation
pages and briefs pages, o puts its weight on 国际, 体育, 文化/副刊, 理论, 评论, 人物/特写 and
问政/读者来信 pages, on pull quotes, vertical headlines, interleaved stories, running heads at
column tops, and on several text layers (pdftotext plain, pdftotext -layout, pdfplumber-like,
pdfminer-like, a PDF viewer's copy, letter-spaced lines).

Every printed character is tagged with (item, role, paragraph); the truth is read back from the
tags in ``--check``.

    python benchmarks/pagegen_o.py --show 2 --position after --seed 0
    python benchmarks/pagegen_o.py --traits 300
    python benchmarks/pagegen_o.py --check 1000
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE, MIXED = "after", "before", "mixed"
POSITIONS = (AFTER, BEFORE, MIXED)
# Train on news up to 2023, test on 2024: no story is on both sides.
TRAIN_DATES, TEST_DATES = ("20220101", "20231231"), ("20240101", "20241231")
_DEFAULT_ITEMS = Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"
_PREFIX = re.compile(r"^央视网消息（新闻联播）：")


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
    title: str
    body: str  # paragraphs joined by "\n", whitespace removed (one space kept between ASCII runs)
    reporters: list[str] = field(default_factory=list)
    continued_to: str | None = None
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""


@dataclass
class Page:
    text: str
    truth: list[TruthItem]
    position: str
    # generator's own record: rows of tagged cells, page kind, text layer, traits (for --check/--traits)
    meta: dict = field(default_factory=dict, repr=False, compare=False)


# ----------------------------------------------------------------------------------------------
# items

_ITEM_CACHE: dict[str, list[dict]] = {}


def _items_path(path) -> Path:
    if path is not None:
        return Path(path)
    env = os.environ.get("BRIEF_XWLB_ITEMS")
    return Path(env) if env else _DEFAULT_ITEMS


def load_items(path: str | Path | None = None) -> list[dict]:
    """Single-story items (roundups dropped), broadcast prefix stripped: {title, paragraphs, date}."""
    p = _items_path(path)
    key = str(p)
    if key not in _ITEM_CACHE:
        items = []
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d.get("is_roundup"):
                    continue
                text = _PREFIX.sub("", d.get("text", ""))
                paras = [x.strip() for x in text.split("\n") if x.strip()]
                if not paras or not d.get("title"):
                    continue
                items.append({"title": d["title"], "paragraphs": paras, "date": str(d["date"])})
        _ITEM_CACHE[key] = items
    return _ITEM_CACHE[key]


# ----------------------------------------------------------------------------------------------
# text helpers

_ASCII_GAP = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
_WS = re.compile(r"\s+")
_MARKERS = "■●◆▲□★☆▶◎"
_CLOSE = frozenset("，。、；：？！）”’》」』…%％〉】")
_OPEN = frozenset("“‘（《「『〈【")
_FIG = frozenset("0123456789.%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NOSPACE_AFTER = frozenset("，。、；：？！）”’》」』…（“‘《「『—·")
_ALNUM_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%·:]*")


def clean(s: str) -> str:
    """Whitespace removed, one space kept between two ASCII letter/digit runs that were apart."""
    return _WS.sub("", _ASCII_GAP.sub("\x00", s.strip())).replace("\x00", " ")


def _balanced(s: str) -> bool:
    return (s.count("“") == s.count("”") and s.count("（") == s.count("）") and s.count("《") == s.count("》")
            and s.count("‘") == s.count("’"))


def _sentences(text: str) -> list[str]:
    out = re.findall(r"[^。！？]*[。！？][”’]?|[^。！？]+$", text)
    return [s for s in out if len(s) >= 2]


def _clauses(text: str, lo: int = 4, hi: int = 16) -> list[str]:
    out = []
    for c in re.split(r"[，。；！？、：]", text):
        c = c.strip("“”‘’（）《》 ")
        if lo <= len(c) <= hi and _balanced(c) and not re.search(r"\s", c):
            out.append(c)
    return out


def _fit_title(t: str, rng: random.Random) -> str:
    t = clean(re.sub(r"^【[^】]*】", "", t))
    t = re.sub("[" + _MARKERS + "【】\\s]", "", t)
    dash = t.find("——")
    if dash >= 4:  # a printed subtitle glued to the broadcast title: keep the main title
        t = t[:dash]
    if len(t) > 40:
        cut = max(t.rfind("，", 0, 40), t.rfind("：", 0, 40))
        k = t.find("强调", 8, 40)
        if cut >= 8:
            t = t[:cut]
        elif k > 0:
            t = t[: k + 2]
        else:
            t = t[: rng.randint(16, 30)]
    if len(t) < 4:
        t = t + "工作综述"[: 4 - len(t) + 2]
    return t


def _width(s: str) -> float:
    return sum(0.5 if c < "\x80" else 1.0 for c in s)


def _wrap(s: str, width: float, whole: bool, rng: random.Random) -> list[tuple[int, int]]:
    """Break s into lines of about `width` (CJK 1, ASCII 1/2) with kinsoku; returns (start, end)."""
    out = []
    n = len(s)
    start = 0
    w = 0.0
    i = 0
    lim = width
    while i < n:
        c = s[i]
        if whole and c in _FIG:
            j = i + 1
            while j < n and s[j] in _FIG:
                j += 1
            rw = (j - i) * 0.5
        else:
            j = i + 1
            rw = 0.5 if c < "\x80" else 1.0
        if w + rw > lim and i > start:
            if c in _CLOSE:  # closing marks hang at the line end
                while i < n and s[i] in _CLOSE:
                    i += 1
                out.append((start, i))
                start, w = i, 0.0
                lim = width + (0.5 if rng.random() < 0.15 else 0.0)
                continue
            b = i
            while b - 1 > start and s[b - 1] in _OPEN:  # opening marks never end a line
                b -= 1
            out.append((start, b))
            start = b
            w = _width(s[b:i])
            lim = width + (0.5 if rng.random() < 0.15 else 0.0)
        w += rw
        i = j
    if start < n:
        out.append((start, n))
    return out


class Seq:
    """A string under construction with one tag per character (None = layout whitespace)."""

    __slots__ = ("parts", "tags")

    def __init__(self):
        self.parts: list[str] = []
        self.tags: list = []

    def add(self, text: str, tag) -> Seq:
        if text:
            self.parts.append(text)
            self.tags.extend([tag] * len(text))
        return self

    def add_ws(self, text: str) -> Seq:
        return self.add(text, None)

    def add_text(self, text: str, tag, p_space: float, rng: random.Random) -> Seq:
        """Add cleaned text; spaces in it are the text's own (tagged); with probability p_space a
        layout space is set between an ASCII run and CJK (``10 月 17 日``)."""
        if p_space <= 0 or not text:
            return self.add(text, tag)
        pos = 0
        for m in _ALNUM_RUN.finditer(text):
            a, b = m.span()
            pre = text[pos:a]
            self.add(pre, tag)
            if a > 0 and text[a - 1] not in _NOSPACE_AFTER and text[a - 1] != " " and rng.random() < p_space:
                self.add_ws(" ")
            self.add(text[a:b], tag)
            if b < len(text) and text[b] not in _CLOSE and text[b] != " " and rng.random() < p_space:
                self.add_ws(" ")
            pos = b
        self.add(text[pos:], tag)
        return self

    def line(self) -> tuple[str, list]:
        return "".join(self.parts), self.tags


def _seq(text: str, tag) -> tuple[str, list]:
    return text, [tag] * len(text)


def _letterspace(line: tuple[str, list]) -> tuple[str, list]:
    s, tags = line
    out = []
    otags = []
    n = len(s)
    for k, c in enumerate(s):
        out.append(c)
        otags.append(tags[k])
        if k + 1 < n and not c.isspace() and c not in _NOSPACE_AFTER and not (c < "\x80" and s[k + 1] < "\x80") \
                and not s[k + 1].isspace() and s[k + 1] not in _CLOSE:
            out.append(" ")
            otags.append(None)
    return "".join(out), otags


# ----------------------------------------------------------------------------------------------
# made-up words

_SUR = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾田潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马"
_GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鑫斌宇浩凯婷雪琳晨阳佳怡欣悦然博文轩睿哲思源若凡媛薇岚峰嵩蕾楠瑶琦琛珂翔"
_CITIES = ["太原", "大同", "运城", "临汾", "长治", "晋中", "忻州", "吕梁", "阳泉", "朔州", "晋城", "石家庄", "郑州", "西安",
           "济南", "合肥", "南昌", "长沙", "武汉", "成都", "贵阳", "昆明", "兰州", "银川", "呼和浩特", "沈阳", "南宁", "杭州"]
_FOREIGN_CITIES = ["华盛顿", "纽约", "布鲁塞尔", "日内瓦", "莫斯科", "巴黎", "伦敦", "柏林", "东京", "首尔", "开罗", "内罗毕",
                   "巴西利亚", "新德里", "维也纳", "罗马", "马德里", "雅加达", "曼谷", "河内", "堪培拉", "渥太华", "墨西哥城",
                   "约翰内斯堡", "阿斯塔纳", "利雅得", "安卡拉", "布宜诺斯艾利斯", "联合国"]
_COUNTRIES = ["美国", "法国", "德国", "英国", "意大利", "西班牙", "巴西", "阿根廷", "南非", "埃及", "肯尼亚", "印度尼西亚",
              "泰国", "越南", "澳大利亚", "加拿大", "墨西哥", "土耳其", "哈萨克斯坦", "沙特阿拉伯", "日本", "韩国"]
_FN_A = ["约翰", "玛丽亚", "安东尼奥", "米歇尔", "卡洛斯", "安娜", "穆罕默德", "艾哈迈德", "彼得", "汉斯", "让", "索菲亚",
         "伊万", "亚历山大", "路易斯", "埃莱娜", "奥马尔", "大卫", "克劳斯", "弗朗西斯科"]
_FN_B = ["史密斯", "加西亚", "罗德里格斯", "穆勒", "杜邦", "费雷拉", "哈桑", "彼得罗夫", "施密特", "马丁内斯", "罗西",
         "贝克", "莫罗", "席尔瓦", "科瓦奇", "奥孔科沃", "桑托斯", "本·阿里", "范德堡", "诺瓦克"]
_ORGS = ["省统计局", "省商务厅", "市交通运输局", "省农业农村厅", "海关", "省人社厅", "市住建局", "省文旅厅", "市生态环境局",
         "省教育厅", "省卫生健康委", "市市场监管局", "省科技厅", "市应急管理局", "省水利厅"]
_OUTLETS = ["美联社", "路透社", "法新社", "塔斯社", "共同社", "埃菲社", "安莎社", "德新社"]
_PAPERS = ["晋风日报", "河东日报", "江城日报", "滨海日报", "黔中日报", "三秦晚报", "汾河日报", "太行日报", "长河报", "北国日报"]
_TEAM_SUF = ["队", "雄狮队", "猛龙队", "海港队", "火箭队", "山猫队", "钢铁队", "飞鹰队", "金狮队"]
_LEAGUES = ["中超联赛", "中甲联赛", "CBA联赛", "女排超级联赛", "省运会足球赛", "全国男篮锦标赛", "乒超联赛", "亚冠联赛"]
_EVENTS = ["全运会", "省运会", "亚运会", "世锦赛", "大运会", "残运会", "青运会"]
_SPORTS = ["足球", "篮球", "排球", "乒乓球", "羽毛球", "田径", "游泳", "举重", "射击", "体操"]
_BANNERS = ["记者观察", "深度关注", "一线直击", "聚焦高质量发展", "奋进新征程 建功新时代", "新时代 新作为 新篇章", "要闻",
            "综合新闻", "经济观察", "民生", "图片新闻", "国际观察", "环球视点", "体坛快讯", "赛场直击", "文化周刊", "副刊",
            "理论周刊", "学习园地", "评论", "今日谈", "人物", "特写", "问政", "民声", "读者来信："]
_COL_LABELS = ["今日谈", "人民时评", "快评", "本报评论员文章", "微评", "观点", "书香", "新书架", "诗苑", "百家", "国际时评",
               "赛事速递", "身边人", "一线故事", "热线追踪", "有问必答", "读者来信："]


def _name(rng: random.Random) -> str:
    s = rng.choice(_SUR)
    if s in "欧司" and rng.random() < 0.5:
        s = {"欧": "欧阳", "司": "司马"}[s]
    elif s in "阳马" and rng.random() < 0.3:
        s = "王"
    return s + "".join(rng.choice(_GIV) for _ in range(rng.choice((1, 2, 2))))


def _fname(rng: random.Random) -> str:
    return rng.choice(_FN_A) + "·" + rng.choice(_FN_B)


_TEAM_CITIES = [c for c in _CITIES if len(c) == 2] + ["上海", "北京", "天津", "青岛", "大连", "深圳", "广州", "重庆"]


def _team(rng: random.Random) -> str:
    return rng.choice(_TEAM_CITIES) + rng.choice(_TEAM_SUF)


# ----------------------------------------------------------------------------------------------
# stories


@dataclass
class Story:
    idx: int
    kind: str = "article"
    title: str = ""  # truth
    title_print: str = ""  # as printed (spaces are layout)
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""
    credit: str = ""  # printed after the dateline: （记者 郝薇）
    reporters: list = field(default_factory=list)
    byline: str = ""  # 本报记者 王龙飞 王佳丽 / □ 张三 / 文/张三
    byline_top: bool = False
    paras: list = field(default_factory=list)  # truth paragraphs (cleaned)
    subheads: set = field(default_factory=set)  # indexes of paras printed as subheads
    poem: bool = False
    table: list = field(default_factory=list)  # printed rows of a text table (medal table)
    end_credit: str = ""  # （记者 X） （据新华社） （作者为X大学教授）
    jump: str = ""  # （下转第2版）
    continued_to: str | None = None
    cont: str = ""  # （上接第1版）
    marker: str = ""  # ■ / 1． for briefs
    inline_title: bool = False  # 【title】body
    pos: str = AFTER
    width: float = 14
    vertical: bool = False
    kicker_below: bool = False
    kicker_own: bool = False
    title_lines: int = 1
    captions: list = field(default_factory=list)
    pull: str = ""
    host: int | None = None
    photo_credit: str = ""  # 图片新闻 article: 本报记者 X 摄 (credit, no field)
    oneline: bool = False  # caption printed on one long line
    cont_inline: bool = True  # （上接第1版） inside the first line, else on its own line

    def truth(self) -> TruthItem:
        return TruthItem(self.kind, self.title, "\n".join(self.paras), list(self.reporters), self.continued_to,
                         self.kicker, self.subtitle, self.dateline)


class Box:
    __slots__ = ("item", "kind", "lines", "sep")

    def __init__(self, lines, sep, item, kind):
        self.lines = lines  # list of (str, tags)
        self.sep = sep  # what sits before it: para / col / block / tight
        self.item = item  # story index, -1 furniture
        self.kind = kind  # body / head / byline / cap / furn / pull


FURN = (-1, "F", 0)


class Ctx:
    def __init__(self, rng: random.Random, pool: list[dict], date: str, position: str):
        self.rng = rng
        self.pool = pool
        self.pi = 0
        self.date = date
        d = _dt.date(int(date[:4]), int(date[4:6]), int(date[6:]))
        self.news = d
        self.pday = d + _dt.timedelta(days=1)
        self.position = position
        self.page_pos = rng.choice((AFTER, BEFORE)) if position == MIXED else position
        self.stories: list[Story] = []
        self.boxes: list[Box] = []
        self.traits: set[str] = set()
        self.p_space = rng.choice((0.0, 0.0, 0.2, 0.5, 0.8, 1.0))
        self.p_whole = rng.choice((0.0, 0.3, 0.7, 1.0, 1.0))
        self.indent = rng.choice(("", "", "", " ", "  ", "　　", "mixed"))
        self.base_w = rng.randint(8, 22)
        self.col_h = (rng.randint(4, 10), rng.randint(12, 40))
        self.paper = rng.choice(_PAPERS)
        self.page_no = rng.randint(2, 16)
        self.p_pull = 0.08
        self.p_vertical = 0.04
        self.p_running = rng.choice((0.0, 0.0, 0.15, 0.4))

    # --- words
    def item(self) -> dict:
        it = self.pool[self.pi % len(self.pool)]
        self.pi += 1
        return it

    def clause(self, lo=4, hi=14) -> str:
        for _ in range(6):
            it = self.item()
            cs = _clauses(self.rng.choice(it["paragraphs"]), lo, hi)
            if cs:
                return self.rng.choice(cs)
        return "推动高质量发展"[: max(lo, 4)]

    def sentence(self, hi=60) -> str:
        for _ in range(6):
            it = self.item()
            ss = [s for s in _sentences(clean(self.rng.choice(it["paragraphs"]))) if 6 <= len(s) <= hi and _balanced(s)]
            if ss:
                return self.rng.choice(ss)
        return "各项工作有序推进。"

    def md(self) -> tuple[int, int]:
        return self.news.month, self.news.day

    def width(self) -> float:
        w = self.base_w + self.rng.choice((0, 0, 0, -1, 1, -2, 2, -3, 3))
        return float(min(22, max(8, w)))

    def new_story(self, **kw) -> Story:
        st = Story(idx=len(self.stories), **kw)
        if self.position == MIXED:
            st.pos = self.rng.choice((AFTER, BEFORE))
        else:
            st.pos = self.page_pos
        st.width = self.width()
        self.stories.append(st)
        return st

    def add_caption(self, host: Story | None = None, text: str = "") -> Story:
        rng = self.rng
        st = self.new_story(kind="caption")
        m, d = self.md()
        if not text:
            c = self.clause(6, 20)
            text = rng.choice((f"{m}月{d}日，{rng.choice(_CITIES)}{c}。", f"{c}。", f"图为{c}。",
                               f"{m}月{d}日，在{rng.choice(_CITIES)}举行的活动现场，{c}。", f"近日，{c}。"))
        name = _name(rng)
        kind = rng.random()
        if kind < 0.35:
            cred, reps = f"本报记者 {name} 摄", [name]
        elif kind < 0.5:
            cred, reps = f"新华社记者 {name} 摄", [name]
        elif kind < 0.6:
            cred, reps = "新华社发", []
        elif kind < 0.68:
            cred, reps = "资料图片", []
        elif kind < 0.76:
            cred, reps = "受访者供图", []
        elif kind < 0.88:
            cred, reps = f"{name} 摄", [name]
        else:
            cred, reps = f"（本报记者 {name} 摄）", [name]
        st.credit = cred  # printed as part of the body
        st.paras = [clean(text) + clean(cred)]
        st.title = ""
        st.reporters = reps
        st.oneline = rng.random() < 0.4
        st.width = float(rng.randint(10, 22))
        self.traits.add("caption")
        if host is not None:
            st.host = host.idx
            host.captions.append(st)
            self.traits.add("caption_in_story")
        return st

    def furn(self, lines: list[str], sep="block", letters=False):
        out = []
        for ln in lines:
            out.append(_seq(ln, FURN))
        self.boxes.append(Box(out, sep, -1, "furn"))


def _title_from(ctx: Ctx, it: dict) -> tuple[str, str]:
    """(truth title, printed title) from an item title; a 【】 prefix may become a kicker elsewhere."""
    raw = re.sub(r"^【[^】]*】", "", it["title"]).strip()
    raw = re.sub("[" + _MARKERS + "【】]", "", raw)
    t = _fit_title(raw, ctx.rng)
    # printed: keep the item's own spaces as layout where the title was not cut
    pr = raw if clean(raw).replace(" ", "") == t.replace(" ", "") and " " in raw.strip() else t
    t = t.replace(" ", "")
    return t, pr.strip()


def _kicker(ctx: Ctx, it: dict | None = None) -> str:
    rng = ctx.rng
    m = re.match(r"^【([^】]{2,16})】", it["title"]) if it else None
    k = clean(m.group(1)).replace(" ", "") if m else ctx.clause(4, 14)
    end = rng.choice(("", "", "，", "——", "：", "——"))
    return k + end


def _subtitle(ctx: Ctx) -> str:
    rng = ctx.rng
    c = ctx.clause(6, 18)
    return rng.choice((c, f"{rng.choice(_CITIES)}{c}纪实", f"记{c}", c + "侧记", f"{rng.choice(_CITIES)}{c}"))


def _fill_from_item(ctx: Ctx, st: Story, it: dict, max_chars: int, min_paras: int = 1):
    paras = []
    total = 0
    for p in it["paragraphs"]:
        p = clean(p)
        if not p:
            continue
        if total + len(p) > max_chars and len(paras) >= min_paras:
            break
        paras.append(p)
        total += len(p)
    if not paras:
        p = clean(it["paragraphs"][0])
        paras = [p[:max_chars] if len(p) > max_chars else p]
    st.paras.extend(paras)


def _dateline(ctx: Ctx, st: Story, style: str | None = None):
    """Sets dateline/credit/reporters (and may prefix the first paragraph for 记者X日从……获悉)."""
    rng = ctx.rng
    m, d = ctx.md()
    style = style or rng.choice(("local", "local", "local", "local_plain", "xinhua", "huoxi", "none", "none", "byline"))
    city = rng.choice(_CITIES)
    if style in ("local", "local_plain"):
        st.dateline = rng.choice((f"本报{city}{m}月{d}日讯", f"本报{city}{m}月{d}日讯", "本报讯"))
        if style == "local":
            a = _name(rng)
            if rng.random() < 0.25:
                b = _name(rng)
                st.credit = f"（记者 {a} 通讯员 {b}）"
                st.reporters = [a, b]
            else:
                st.credit = f"（记者 {a}）"
                st.reporters = [a]
        ctx.traits.add("dateline_local")
    elif style in ("xinhua", "foreign"):
        place = rng.choice(_FOREIGN_CITIES) if style == "foreign" else rng.choice(["北京"] + _CITIES[:8])
        pre = "据新华社" if rng.random() < 0.15 else "新华社"
        st.dateline = f"{pre}{place}{m}月{d}日电"
        if rng.random() < 0.7:
            names = [_name(rng) for _ in range(rng.choice((1, 2, 2, 3)))]
            st.credit = "（记者 " + " ".join(names) + "）"
            st.reporters = names
        ctx.traits.add("dateline_" + style)
    elif style == "huoxi":
        if rng.random() < 0.5:
            a = _name(rng)
            st.dateline = "本报讯"
            st.credit = f"（记者 {a}）"
            st.reporters = [a]
        org = rng.choice(_ORGS)
        lead = f"记者{d}日从{rng.choice(_CITIES)}{org}获悉，"
        if st.paras:
            st.paras[0] = lead + st.paras[0]
        else:
            st.paras.append(lead + ctx.sentence())
        ctx.traits.add("dateline_huoxi")
    elif style == "byline":
        names = [_name(rng) for _ in range(rng.choice((1, 2, 2)))]
        st.byline = "本报记者 " + " ".join(names)
        st.reporters = names
        st.byline_top = rng.random() < 0.5
        ctx.traits.add("byline")
    if style != "byline" and rng.random() < 0.12 and not st.byline:
        # a byline as well as a dateline
        names = [_name(rng)]
        st.byline = "本报记者 " + names[0]
        st.reporters = st.reporters + [n for n in names if n not in st.reporters]
        ctx.traits.add("byline")


def _news_story(ctx: Ctx, max_chars=None, head=True) -> Story:
    rng = ctx.rng
    it = ctx.item()
    st = ctx.new_story()
    st.title, st.title_print = _title_from(ctx, it)
    if head:
        if rng.random() < 0.3 or it["title"].startswith("【"):
            st.kicker = _kicker(ctx, it)
        if rng.random() < 0.25:
            st.subtitle = _subtitle(ctx)
    _fill_from_item(ctx, st, it, max_chars or rng.randint(150, 700))
    _dateline(ctx, st)
    if rng.random() < 0.12 and not st.credit and not st.byline:
        a = _name(rng)
        st.end_credit = f"（记者 {a}）"
        st.reporters = st.reporters + [a]
        ctx.traits.add("end_credit")
    if len(st.paras) >= 3 and rng.random() < 0.2:
        _add_subheads(ctx, st)
    return st


def _add_subheads(ctx: Ctx, st: Story, numbered: str = ""):
    rng = ctx.rng
    paras = st.paras
    n = len(paras)
    k = rng.randint(1, max(1, min(4, n // 2)))
    where = sorted(rng.sample(range(1, n), min(k, n - 1))) if n > 1 else [0]
    out = []
    subs = set()
    j = 0
    nums = "一二三四五六七八九十"
    for i, p in enumerate(paras):
        if i in where or (i == 0 and numbered and n == 1):
            head = ctx.clause(4, 14)
            if numbered == "一":
                head = nums[j % 10] + "、" + head
            elif numbered == "（一）":
                head = "（" + nums[j % 10] + "）" + head
            j += 1
            subs.add(len(out))
            out.append(head)
        out.append(p)
    st.paras = out
    st.subheads = subs
    ctx.traits.add("subhead")


# ----------------------------------------------------------------------------------------------
# rendering a story into boxes


def _tag(st: Story, role: str, para: int = 0):
    return (st.idx, role, para)


def _indent(ctx: Ctx) -> str:
    ind = ctx.indent
    if ind == "mixed":
        return ctx.rng.choice(("", " ", "  ", "　　"))
    return ind


def _para_seqs(ctx: Ctx, st: Story) -> list[tuple[str, list, str]]:
    """Each paragraph as one tagged string with its kind: p (text), s (subhead), l (poem/table line)."""
    rng = ctx.rng
    out = []
    n = len(st.paras)
    for k, p in enumerate(st.paras):
        sq = Seq()
        sub = k in st.subheads
        if not sub and not st.poem and not st.table and not st.inline_title:
            sq.add_ws(_indent(ctx))
        if k == 0:
            if st.inline_title:
                sq.add(st.marker or "【", _tag(st, "mark"))
                sq.add(st.title, _tag(st, "title"))
                if not st.marker:
                    sq.add("】", _tag(st, "mark"))
                elif rng.random() < 0.5:
                    sq.add_ws(" ")
            if st.cont and st.cont_inline:
                sq.add(st.cont, _tag(st, "mark"))
            elif st.cont:
                out.append((*_seq(st.cont, _tag(st, "mark")), "p"))
            if st.dateline:
                sq.add_text(st.dateline, _tag(st, "dateline"), ctx.p_space, rng)
            if st.credit:
                if rng.random() < 0.2:
                    sq.add_ws(" ")
                sq.add_text(st.credit, _tag(st, "credit"), 0.0, rng)
                ctx.traits.add("dateline_credit")
            elif st.dateline and rng.random() < 0.6:
                sq.add_ws(rng.choice((" ", "  ", "　")))
        tag = _tag(st, "body", k)
        if st.table:
            # a table row as printed: columns apart by runs of spaces; one space between two
            # ASCII runs is the text's own (clean() keeps it), the rest is layout
            row = st.table[k]
            for q, ch in enumerate(row):
                if ch != " ":
                    sq.add(ch, tag)
                elif row[q - 1] != " " and row[q - 1] < "\x80" and row[q - 1].isalnum() and \
                        row[q + 1:].lstrip(" ")[:1].isascii() and row[q + 1:].lstrip(" ")[:1].isalnum():
                    sq.add(" ", tag)
                else:
                    sq.add_ws(" ")
        else:
            sq.add_text(p, tag, ctx.p_space, rng)
        if k == n - 1:
            if st.end_credit:
                sq.add(st.end_credit, _tag(st, "credit"))
            if st.jump:
                if rng.random() < 0.6:
                    sq.add_ws(" ")
                sq.add(st.jump, _tag(st, "jump"))
        s, tags = sq.line()
        out.append((s, tags, "s" if sub else ("l" if (st.poem or st.table) else "p")))
    return out


def _split_lines(ctx: Ctx, s: str, tags: list, width: float) -> list[tuple[str, list]]:
    whole = ctx.rng.random() < ctx.p_whole
    if not whole:
        ctx.traits.add("figures_breakable")
    return [(s[a:b], tags[a:b]) for a, b in _wrap(s, width, whole, ctx.rng)]


def _head_boxes(ctx: Ctx, st: Story) -> list[Box]:
    rng = ctx.rng
    boxes = []
    lines = []
    if st.title and not st.inline_title:
        tp = st.title_print or st.title
        ttag = _tag(st, "title")
        if st.vertical:
            step = rng.choice((1, 2))
            tl = [_seq(tp[i:i + step].strip(), ttag) for i in range(0, len(tp), step) if tp[i:i + step].strip()]
            ctx.traits.add("vertical_title")
        else:
            nl = st.title_lines
            if len(tp) < 6:
                nl = 1
            cuts = sorted(rng.sample(range(2, len(tp) - 1), nl - 1)) if nl > 1 else []
            tl = []
            a = 0
            for c in cuts + [len(tp)]:
                piece = tp[a:c]
                sq = Seq()
                for ch in piece:
                    sq.add(ch, None if ch.isspace() else ttag)
                if piece.strip():
                    tl.append(sq.line())
                a = c
            if nl > 1:
                ctx.traits.add(f"title_{nl}_lines")
        if st.marker:
            s, t = tl[0]
            mk = st.marker
            tl[0] = (mk + s, [_tag(st, "mark")] * len(mk) + t)
        lines.extend(tl)
    kl = []
    if st.kicker:
        kt = _tag(st, "kicker")
        k = st.kicker
        if len(k) > 12 and rng.random() < 0.3:
            c = rng.randint(4, len(k) - 2)
            kl = [_seq(k[:c], kt), _seq(k[c:], kt)]
        else:
            kl = [_seq(k, kt)]
        ctx.traits.add("kicker")
        if k.endswith("——"):
            ctx.traits.add("kicker_dash")
    sl = []
    if st.subtitle:
        sq = Seq().add("——", _tag(st, "mark")).add(st.subtitle, _tag(st, "subtitle"))
        sl = [sq.line()]
        if len(st.subtitle) > 14 and rng.random() < 0.3:
            s, t = sl[0]
            c = rng.randint(6, len(s) - 2)
            sl = [(s[:c], t[:c]), (s[c:], t[c:])]
        ctx.traits.add("subtitle")
    if st.kicker_below:
        order = [(lines, "block"), (kl, "tight"), (sl, "tight")]
        ctx.traits.add("kicker_below")
    else:
        order = [(kl, "block"), (lines, "tight" if not st.kicker_own else "block"), (sl, "tight")]
        if st.kicker_own:
            ctx.traits.add("kicker_own_line")
    for ls, sep in order:
        if ls:
            boxes.append(Box(ls, sep if boxes else "block", st.idx, "head"))
    return boxes


def _byline_box(ctx: Ctx, st: Story) -> Box | None:
    if not st.byline:
        return None
    rng = ctx.rng
    b = st.byline
    tag = _tag(st, "credit")
    sq = Seq()
    for ch in b:
        sq.add(ch, None if ch.isspace() else tag)
    s, t = sq.line()
    lines = [(s, t)]
    if len(s) > 9 and rng.random() < 0.2:
        c = rng.randint(3, len(s) - 2)
        lines = [(s[:c], t[:c]), (s[c:], t[c:])]
        ctx.traits.add("byline_broken")
    return Box(lines, rng.choice(("block", "tight")), st.idx, "byline")


def _caption_box(ctx: Ctx, cap: Story) -> Box:
    rng = ctx.rng
    text = cap.paras[0]
    cred = clean(cap.credit)
    main = text[: len(text) - len(cred)]
    tag = _tag(cap, "body", 0)
    sq = Seq().add_text(main, tag, ctx.p_space, rng)
    if cap.oneline:
        sq.add_ws(rng.choice((" ", "  ", "   ")))
        for ch in cap.credit:
            sq.add(ch, None if ch.isspace() else tag)
        return Box([sq.line()], "block", cap.idx, "cap")
    s, t = sq.line()
    lines = _split_lines(ctx, s, t, cap.width)
    cq = Seq()
    for ch in cap.credit:
        cq.add(ch, None if ch.isspace() else tag)
    cs, ct = cq.line()
    if rng.random() < 0.5:
        lines.append((cs, ct))
    else:
        ls, lt = lines[-1]
        lines[-1] = (ls + " " + cs, lt + [None] + ct)
    return Box(lines, "block", cap.idx, "cap")


def _pull_box(ctx: Ctx, st: Story) -> Box:
    rng = ctx.rng
    sents = [s for k, p in enumerate(st.paras) if k not in st.subheads for s in _sentences(p) if 8 <= len(s) <= 50]
    txt = rng.choice(sents) if sents else st.paras[0][:30]
    if rng.random() < 0.4:
        txt = "“" + txt + "”"
    sq = Seq().add(txt, FURN)
    s, t = sq.line()
    w = float(max(6, min(20, int(st.width) + rng.choice((-5, -4, -3, 3, 4)))))
    lines = [(s[a:b], t[a:b]) for a, b in _wrap(s, w, True, rng)]
    ctx.traits.add("pull_quote")
    return Box(lines, "col", -1, "pull")


def _running_head(ctx: Ctx) -> Box:
    rng = ctx.rng
    d = ctx.pday
    wk = "一二三四五六日"[d.weekday()]
    opts = [f"{d.year}年{d.month}月{d.day}日 星期{wk}", f"第{ctx.page_no}版", f"{ctx.paper}", f"{ctx.page_no} {rng.choice(_BANNERS)}",
            f"{d.year}.{d.month:02d}.{d.day:02d}  {rng.choice(_BANNERS)}"]
    ctx.traits.add("running_head")
    return Box([_seq(rng.choice(opts), FURN)], "col", -1, "furn")


def _body_boxes(ctx: Ctx, st: Story) -> list[Box]:
    """Body wrapped to the story's width and cut into columns (breaks anywhere)."""
    rng = ctx.rng
    lines = []  # (s, tags, start_kind)
    for s, tags, kind in _para_seqs(ctx, st):
        if kind == "s":
            w = min(22.0, st.width + rng.choice((0, 2, 4)))
        elif kind == "l":
            w = 40.0 if st.table else float(rng.randint(10, 22))
        else:
            w = st.width
        ls = _split_lines(ctx, s, tags, w)
        for j, (a, b) in enumerate(ls):
            lines.append((a, b, kind if j == 0 else ""))
    lo, hi = ctx.col_h
    first = rng.randint(max(2, lo // 2), hi)
    boxes: list[Box] = []
    cur: list = []
    sep = "block"
    left = first
    prev_kind = ""
    for s, tags, k in lines:
        col_break = left <= 0
        if col_break or (k and cur):
            if cur:
                boxes.append(Box(cur, sep, st.idx, "body"))
            cur = []
            if col_break:
                sep = "col"
                left = rng.randint(lo, hi)
                ctx.traits.add("column_break")
                if k == "":
                    ctx.traits.add("column_break_mid_para")
            else:
                sep = "tight" if (prev_kind == "s" or k == "l") else "para"
        if k:
            prev_kind = k
        cur.append((s, tags))
        left -= 1
    if cur:
        boxes.append(Box(cur, sep, st.idx, "body"))
    return boxes


def _render_story(ctx: Ctx, st: Story) -> list[list[Box]]:
    """Boxes of a story grouped in column chunks (for interleaving)."""
    rng = ctx.rng
    if st.kind == "caption":
        return [[_caption_box(ctx, st)]]
    head = _head_boxes(ctx, st)
    by = _byline_box(ctx, st)
    body = _body_boxes(ctx, st)
    if st.photo_credit:
        tag = _tag(st, "credit")
        sq = Seq()
        for ch in st.photo_credit:
            sq.add(ch, None if ch.isspace() else tag)
        body.append(Box([sq.line()], "tight", st.idx, "byline"))
    # chunks at column breaks
    chunks: list[list[Box]] = [[]]
    for b in body:
        if b.sep == "col" and chunks[-1]:
            chunks.append([])
        chunks[-1].append(b)
    # inserts at column breaks: pull quote, running head, embedded captions
    extra = []
    if st.pull:
        extra.append(_pull_box(ctx, st))
    for cap in st.captions:
        extra.append(_caption_box(ctx, cap))
    if ctx.p_running and rng.random() < ctx.p_running and len(chunks) > 1:
        extra.append(_running_head(ctx))
    for ex in extra:
        if len(chunks) > 1 and rng.random() < 0.85:
            k = rng.randint(1, len(chunks) - 1)
            chunks[k].insert(0, ex)
            ex.sep = "col"
        else:
            ex.sep = "block"
            chunks[-1].append(ex)
    if st.pos == BEFORE:
        pre = head + ([by] if by and (st.byline_top or rng.random() < 0.7) else [])
        post = [by] if by and pre[-1:] != [by] else []
        chunks[0] = pre + chunks[0]
        chunks[-1] = chunks[-1] + post
        ctx.traits.add("head_before")
    else:
        post = head + ([by] if by else [])
        if by and st.byline_top and rng.random() < 0.5:
            chunks[0].insert(0, by)
            post = head
        chunks[-1] = chunks[-1] + post
        ctx.traits.add("head_after")
    if chunks[0] and head and st.pos == BEFORE:
        chunks[0][0].sep = "block"
    return chunks


# ----------------------------------------------------------------------------------------------
# page kinds


def _furniture_lines(ctx: Ctx, what: str) -> list[str]:
    rng = ctx.rng
    d = ctx.pday
    wk = "一二三四五六日"[d.weekday()]
    n = _name
    if what == "masthead":
        ls = [ctx.paper, f"{d.year}年{d.month}月{d.day}日 星期{wk}", f"第{rng.randint(20000, 29999)}号 今日{rng.choice((8, 12, 16))}版",
              f"国内统一连续出版物号 CN{rng.randint(10, 65)}-{rng.randint(1, 99):04d}"]
        if rng.random() < 0.5:
            ls.insert(1, "代号" + str(rng.randint(21, 99)) + "-" + str(rng.randint(1, 99)))
        return ls
    if what == "daodu":
        ls = ["今日导读" if rng.random() < 0.5 else "导读"]
        for _ in range(rng.randint(2, 4)):
            c = ctx.clause(6, 16)
            ls.append(rng.choice(("▶ ", "", "■")) + f"{c} 第{rng.randint(2, 16)}版" if rng.random() < 0.7 else c)
        return ls
    if what == "weather":
        sky = rng.choice(("晴", "多云", "小雨", "阴转晴"))
        temp = f"{rng.randint(-5, 15)}℃～{rng.randint(16, 32)}℃"
        return ["今日天气", f"{rng.choice(_CITIES)} {sky} {temp}", rng.choice(("北风 3 级", "微风", "南风2～3级"))]
    if what == "header":
        return [rng.choice((f"{d.year}年{d.month}月{d.day}日 星期{wk}", f"第{ctx.page_no}版", f"{ctx.paper}")),
                f"{ctx.page_no} {rng.choice(_BANNERS)}"][: rng.randint(1, 2)]
    if what == "editor":
        return [rng.choice((f"责任编辑：{n(rng)} 美编：{n(rng)}", f"本版责编 {n(rng)} 校对 {n(rng)}",
                            f"责任编辑 {n(rng)}  版式设计 {n(rng)}  校对 {n(rng)}", f"本版编辑：{n(rng)}"))]
    if what == "advert":
        return rng.choice(([f"广告热线：0351-{rng.randint(4000000, 8999999)}"], ["诚聘英才 待遇从优", f"联系电话：{rng.randint(13000000000, 18999999999)}"],
                           ["欢迎订阅" + str(d.year + 1) + "年度" + ctx.paper, f"邮发代号{rng.randint(21, 99)}-{rng.randint(1, 99)}"],
                           ["扫码看视频", "扫描二维码 了解更多"], ["公益广告", "文明出行 从我做起"]))
    if what == "notice":
        nm = n(rng)
        return [rng.choice(("遗失声明", "公告", "声明")),
                f"{nm}不慎遗失{rng.choice(_CITIES)}{rng.choice(('身份证', '营业执照副本', '记者证', '道路运输证'))}，",
                f"编号{rng.randint(100000, 999999)}，声明作废。"]
    if what == "qr":
        return [rng.choice(("扫码阅读全文", "扫码看视频", "更多内容请扫描二维码", "扫一扫 看直播"))]
    if what == "banner":
        return [rng.choice(_BANNERS)]
    if what == "label":
        return [rng.choice(_COL_LABELS)]
    return []


def _fur(ctx: Ctx, what: str, sep="block"):
    ls = _furniture_lines(ctx, what)
    if ls:
        ctx.furn(ls, sep)
        ctx.traits.add("furn_" + what)


def _place(ctx: Ctx, stories: list[Story], interleave: bool = False):
    """Render stories (and their embedded captions) into boxes in page order."""
    rng = ctx.rng
    i = 0
    while i < len(stories):
        st = stories[i]
        if interleave and i + 1 < len(stories) and st.kind == "article" and stories[i + 1].kind == "article":
            a = _render_story(ctx, st)
            b = _render_story(ctx, stories[i + 1])
            if len(a) > 1 and len(b) > 1:
                ctx.traits.add("interleaved")
                seq = []
                for k in range(max(len(a), len(b))):
                    if k < len(a):
                        seq.extend(a[k])
                    if k < len(b):
                        seq.extend(b[k])
                for bx in seq:
                    ctx.boxes.append(bx)
                i += 2
                interleave = False
                continue
            for ch in a + b:
                ctx.boxes.extend(ch)
            i += 2
            continue
        for ch in _render_story(ctx, st):
            ctx.boxes.extend(ch)
        if st.kind == "article" and rng.random() < 0.08:
            _fur(ctx, rng.choice(("advert", "notice", "qr", "label")))
        i += 1


def _configure_heads(ctx: Ctx, stories: list[Story]):
    rng = ctx.rng
    for st in stories:
        if st.kind != "article":
            continue
        r = rng.random()
        st.title_lines = 1 if r < 0.55 else (2 if r < 0.88 else 3)
        if rng.random() < ctx.p_vertical and len(st.title) <= 14:
            st.vertical = True
        if st.kicker:
            st.kicker_below = rng.random() < 0.2
            st.kicker_own = st.kicker.endswith("——") or rng.random() < 0.3
        if rng.random() < ctx.p_pull and len(st.paras) >= 3:
            st.pull = "y"


def _page_front(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "masthead")
    if rng.random() < 0.7:
        _fur(ctx, "daodu")
    if rng.random() < 0.4:
        _fur(ctx, "weather")
    ss = []
    n = rng.randint(3, 6)
    jumper = rng.randrange(n)
    for k in range(n):
        st = _news_story(ctx, rng.randint(150, 600) if k != jumper else rng.randint(500, 1200))
        if k == jumper:
            _jump(ctx, st)
        if rng.random() < 0.2:
            ctx.add_caption(st)
        ss.append(st)
        if rng.random() < 0.2:
            ss.append(ctx.add_caption())
    _configure_heads(ctx, ss)
    if rng.random() < 0.5:
        _fur(ctx, "banner")
    _place(ctx, ss, interleave=rng.random() < 0.12)
    if rng.random() < 0.5:
        _fur(ctx, "editor")
    return ss


def _jump(ctx: Ctx, st: Story):
    rng = ctx.rng
    n = 2 if rng.random() < 0.7 else rng.randint(3, 12)
    # print only a part: cut inside a paragraph, possibly mid-sentence
    if len(st.paras) > 2:
        keep = rng.randint(max(1, len(st.paras) // 2), len(st.paras) - 1)
        st.paras = st.paras[:keep]
        st.subheads = {i for i in st.subheads if i < keep}
    last = st.paras[-1]
    if len(last) > 12 and rng.random() < 0.6:
        c = rng.randint(6, len(last) - 2)
        if last[c - 1] == " " or last[c] == " ":
            c = len(last)
        st.paras[-1] = last[:c]
        ctx.traits.add("jump_mid_sentence")
    if len(st.paras) - 1 in st.subheads:
        st.subheads.discard(len(st.paras) - 1)
    st.jump = f"（下转第{n}版）"
    st.continued_to = f"第{n}版"
    if st.end_credit:  # the end credit is not printed before a jump: its names leave the reporters
        gone = st.end_credit.strip("（）").replace("记者", "").split()
        st.reporters = [r for r in st.reporters if r not in gone or r in (st.credit + st.byline)]
        st.end_credit = ""
    ctx.traits.add("jump")


def _page_cont(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ss = []
    it = ctx.item()
    st = ctx.new_story()
    t, tp = _title_from(ctx, it)
    r = rng.random()
    if r < 0.4:
        st.title, st.title_print = t, tp
        ctx.traits.add("cont_title_full")
    elif r < 0.7 and len(t) >= 8:
        cut = rng.randint(4, min(len(t) - 2, 12))
        st.title = st.title_print = t[:cut]
        ctx.traits.add("cont_title_short")
    else:
        st.title = ""
        ctx.traits.add("cont_title_none")
    paras = [clean(p) for p in it["paragraphs"] if clean(p)]
    start = rng.randint(0, max(0, len(paras) - 1))
    paras = paras[start:] or paras[-1:]
    if len(paras[0]) > 10 and rng.random() < 0.6:
        paras[0] = paras[0][rng.randint(1, len(paras[0]) - 6):].lstrip(" " + "".join(_CLOSE))
    st.paras = paras[: rng.randint(1, 6)]
    st.cont = f"（上接第{rng.choice((1, 1, 1, 2, 3))}版）"
    st.cont_inline = rng.random() < 0.6
    ctx.traits.add("continuation")
    ss.append(st)
    for _ in range(rng.randint(1, 4)):
        x = _news_story(ctx)
        ss.append(x)
        if rng.random() < 0.15:
            ctx.add_caption(x)
    if rng.random() < 0.3:
        ss.append(ctx.add_caption())
    _configure_heads(ctx, ss)
    st.kicker = ""
    st.subtitle = ""
    _place(ctx, ss[:1])
    _place(ctx, ss[1:], interleave=rng.random() < 0.1)
    _fur(ctx, "editor")
    return ss


def _page_news(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    if rng.random() < 0.4:
        _fur(ctx, "banner")
    ss = []
    for _ in range(rng.randint(3, 7)):
        st = _news_story(ctx)
        if rng.random() < 0.15:
            ctx.add_caption(st)
        ss.append(st)
        if rng.random() < 0.15:
            ss.append(ctx.add_caption())
    if rng.random() < 0.25:
        ss.append(_photo_news(ctx))
    _configure_heads(ctx, ss)
    _place(ctx, ss, interleave=rng.random() < 0.2)
    for w in ("advert", "notice", "editor"):
        if rng.random() < 0.3:
            _fur(ctx, w)
    return ss


def _photo_news(ctx: Ctx) -> Story:
    """图片新闻: a short title over a caption; an article whose body is the caption text."""
    rng = ctx.rng
    st = ctx.new_story()
    c = ctx.clause(4, 12)
    for _ in range(4):
        if not re.search(r"\d", c):
            break
        c = ctx.clause(4, 12)
    st.title = st.title_print = c if len(c) >= 4 else c + "新景"
    m, d = ctx.md()
    st.paras = [clean(f"{m}月{d}日，{rng.choice(_CITIES)}{ctx.clause(6, 18)}。{ctx.sentence(40)}")]
    a = _name(rng)
    st.photo_credit = rng.choice((f"本报记者 {a} 摄", f"{a} 摄", f"通讯员 {a} 摄"))
    st.reporters = [a]
    ctx.traits.add("photo_news")
    return st


def _page_briefs(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    if rng.random() < 0.5:
        _fur(ctx, "banner")
    else:
        ctx.furn([rng.choice(("简讯", "本地简讯", "新闻速览", "国内简讯", "一句话新闻"))])
    style = rng.choice(("marker", "number", "bracket", "plain", "untitled", "mixed"))
    ss = []
    for k in range(rng.randint(6, 10)):
        it = ctx.item()
        st = ctx.new_story()
        stl = rng.choice(("marker", "number", "bracket", "plain")) if style == "mixed" else style
        st.title, st.title_print = _title_from(ctx, it)
        if len(st.title) > 24:
            st.title = st.title_print = st.title[: rng.randint(8, 20)]
        sents = _sentences(clean(it["paragraphs"][0]))
        body = "".join(sents[: rng.randint(1, 3)]) or clean(it["paragraphs"][0])[:120]
        st.paras = [body]
        if rng.random() < 0.3 and len(it["paragraphs"]) > 1:
            st.paras.append(clean(it["paragraphs"][1])[:150].rstrip(" "))
        if rng.random() < 0.6:
            _dateline(ctx, st, rng.choice(("local", "local_plain", "none", "xinhua")))
        if stl == "marker":
            st.marker = rng.choice(("■", "●", "◆", "▲"))
            st.inline_title = rng.random() < 0.3
        elif stl == "number":
            st.marker = f"{k + 1}．" if rng.random() < 0.7 else f"{k + 1}. "
            st.inline_title = rng.random() < 0.3
        elif stl == "bracket":
            st.inline_title = True
        elif stl == "untitled":
            st.title = st.title_print = ""
            st.marker = rng.choice(("■", "●", ""))
            st.inline_title = False
        ss.append(st)
        ctx.traits.add("brief_" + stl)
    _configure_heads(ctx, ss)
    for st in ss:
        st.vertical = False
        st.title_lines = 1 if rng.random() < 0.85 else 2
        if not st.title and st.marker:
            st.inline_title = True  # marker before the body: ■本报讯……
        st.pull = ""
    ctx.traits.add("briefs_page")
    _place(ctx, ss)
    if rng.random() < 0.5:
        _fur(ctx, "editor")
    return ss


def _page_long(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    if rng.random() < 0.5:
        _fur(ctx, "banner")
    it = ctx.item()
    st = ctx.new_story()
    st.title, st.title_print = _title_from(ctx, it)
    if rng.random() < 0.5:
        st.kicker = _kicker(ctx, it)
    if rng.random() < 0.6:
        st.subtitle = _subtitle(ctx)
    _fill_from_item(ctx, st, it, rng.randint(600, 1400), 3)
    # more sections from other items of the day, under subheads
    extra = rng.randint(1, 3)
    subs = set()
    for _ in range(extra):
        o = ctx.item()
        subs.add(len(st.paras))
        st.paras.append(_fit_title(o["title"], rng)[:16])
        before = len(st.paras)
        _fill_from_item(ctx, st, o, rng.randint(200, 600))
        if len(st.paras) == before:
            st.paras.append(ctx.sentence())
    st.subheads = subs
    ctx.traits.add("subhead")
    _dateline(ctx, st, rng.choice(("byline", "local", "none")))
    ctx.traits.add("long_article")
    ss = [st]
    for _ in range(rng.randint(0, 3)):
        ctx.add_caption(st)
    _configure_heads(ctx, ss)
    st.pull = "y" if rng.random() < 0.5 else ""
    if rng.random() < 0.3:
        ss.append(_news_story(ctx, rng.randint(100, 300)))
        _configure_heads(ctx, ss[-1:])
    _place(ctx, ss)
    return ss


def _page_intl(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("国际", "国际新闻", "环球视点", "国际观察", "天下"))])
    ss = []
    for k in range(rng.randint(3, 6)):
        it = ctx.item()
        st = ctx.new_story()
        st.title, st.title_print = _title_from(ctx, it)
        _fill_from_item(ctx, st, it, rng.randint(150, 500))
        country = rng.choice(_COUNTRIES)
        fn = _fname(rng)
        quote = rng.choice((f"{country}外交部长{fn}表示，{ctx.clause(6, 16)}。",
                            f"{country}{rng.choice(('总统', '总理', '经济学家', '议员', '学者'))}{fn}对记者说：“{ctx.clause(6, 16)}。”",
                            f"{fn}在{rng.choice(_FOREIGN_CITIES)}接受采访时说，{ctx.clause(6, 16)}。"))
        st.paras.insert(min(1, len(st.paras)), clean(quote))
        ctx.traits.add("foreign_name")
        r = rng.random()
        if r < 0.2:
            # 外电 roundup
            st.kicker = "外电综述" + rng.choice(("：", "——", "")) if rng.random() < 0.5 else ""
            if not st.kicker:
                st.title = ("外电：" + st.title)[:40]
                st.title_print = st.title
            outs = rng.sample(_OUTLETS, 2)
            st.paras.insert(0, clean(f"据{outs[0]}{ctx.md()[1]}日报道，{ctx.clause(6, 16)}。"))
            st.paras.append(clean(f"{outs[1]}援引{rng.choice(_COUNTRIES)}官员的话说，{ctx.clause(6, 16)}。"))
            st.end_credit = rng.choice(("（据新华社）", "（综合新华社电）", "（本报综合外电）"))
            ctx.traits.add("roundup")
        else:
            _dateline(ctx, st, "foreign" if r < 0.85 else "xinhua")
            if not st.credit and rng.random() < 0.3:
                st.end_credit = "（据新华社）"
        if rng.random() < 0.2:
            st.subtitle = _subtitle(ctx)
        ss.append(st)
        if rng.random() < 0.2:
            ctx.add_caption(st, f"这是{ctx.md()[0]}月{ctx.md()[1]}日在{rng.choice(_FOREIGN_CITIES)}拍摄的{ctx.clause(4, 12)}。")
    _configure_heads(ctx, ss)
    _place(ctx, ss, interleave=rng.random() < 0.15)
    if rng.random() < 0.5:
        _fur(ctx, "editor")
    ctx.traits.add("intl")
    return ss


def _score(rng: random.Random) -> tuple[int, int, str]:
    a, b = rng.randint(1, 5), rng.randint(0, 3)
    if b >= a:
        a, b = b + 1, a
    fmt = rng.choice(("∶", "∶", "比", ":"))
    return a, b, fmt


def _page_sport(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("体育", "体育新闻", "体坛快讯", "赛场直击"))])
    ss = []
    m, d = ctx.md()
    for k in range(rng.randint(2, 5)):
        st = ctx.new_story()
        ta, tb = _team(rng), _team(rng)
        while tb == ta:
            tb = _team(rng)
        a, b, f = _score(rng)
        league = rng.choice(_LEAGUES)
        verb = rng.choice(("力克", "战胜", "击败", "逆转", "险胜", "完胜"))
        st.title = st.title_print = f"{ta}{a}{f}{b}{verb}{tb}"
        if rng.random() < 0.3:
            st.kicker = f"{league}第{rng.randint(1, 30)}轮" + rng.choice(("", "，", "——"))
        nm, nm2 = _name(rng), _name(rng)
        p1 = (f"在{m}月{d}日晚进行的{league}第{rng.randint(1, 30)}轮比赛中，{ta}主场以{a}{f}{b}{verb}{tb}。"
              f"第{rng.randint(2, 44)}分钟，{ta}球员{nm}头球破门。")
        p2 = f"下半场第{rng.randint(46, 90)}分钟，{tb}{nm2}扳回一球，{ta}在第{rng.randint(80, 90)}分钟再下一城。"
        p3 = f"赛后，{ta}主教练{_fname(rng) if rng.random() < 0.5 else _name(rng)}表示，{ctx.clause(6, 16)}。"
        st.paras = [clean(p1), clean(p2), clean(p3)][: rng.randint(1, 3)]
        if rng.random() < 0.4:
            st.paras.append(clean(f"目前{ta}积{rng.randint(10, 60)}分，以{rng.randint(2, 9)}胜{rng.randint(0, 5)}平{rng.randint(0, 5)}负的战绩排名第{rng.randint(1, 16)}位。"))
        _dateline(ctx, st, rng.choice(("local", "local_plain", "xinhua", "none", "byline")))
        ctx.traits.add("score")
        ss.append(st)
    if rng.random() < 0.6:
        st = ctx.new_story()
        ev = f"第{rng.randint(10, 19)}届{rng.choice(_EVENTS)}"
        st.title = st.title_print = ev + "奖牌榜" + rng.choice(("", f"（截至{m}月{d}日）"))
        gap = rng.choice((" ", "  ", "   "))
        rows = [gap.join(("名次", "代表团", "金", "银", "铜", "总数"))] if rng.random() < 0.8 else []
        vals = sorted([rng.randint(0, 40) for _ in range(rng.randint(3, 8))], reverse=True)
        teams = rng.sample(_CITIES + _COUNTRIES, len(vals))
        for r, g in enumerate(vals):
            s_, b_ = rng.randint(0, 30), rng.randint(0, 30)
            cells = [str(r + 1), teams[r], str(g), str(s_), str(b_), str(g + s_ + b_)]
            rows.append("".join(c + " " * rng.randint(1, 4) for c in cells).rstrip())
        st.paras = [clean(x) for x in rows]
        st.table = rows
        ctx.traits.add("medal_table")
        ss.append(st)
    for _ in range(rng.randint(0, 2)):
        it = ctx.item()
        st = _news_story(ctx, rng.randint(120, 400))
        ss.append(st)
        del it
    if rng.random() < 0.4:
        ss.append(ctx.add_caption(None, f"{m}月{d}日，{_team(rng)}球员{_name(rng)}（右）在比赛中带球突破。"))
    _configure_heads(ctx, ss)
    for st in ss:
        if st.table:
            st.vertical = False
            st.pull = ""
    _place(ctx, ss, interleave=rng.random() < 0.15)
    ctx.traits.add("sport")
    return ss


def _essay(ctx: Ctx, st: Story, max_chars: int):
    for _ in range(6):
        it = ctx.item()
        _fill_from_item(ctx, st, it, max_chars // 2)
        if sum(len(p) for p in st.paras) >= max_chars * 0.6:
            break


def _author(ctx: Ctx, st: Story):
    rng = ctx.rng
    a = _name(rng)
    st.byline = rng.choice((f"□ {a}", f"文/{a}", f"□{a}", a, f"■ {a}"))
    st.reporters = [a]
    st.byline_top = rng.random() < 0.7
    ctx.traits.add("author_byline")


def _page_culture(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("副刊", "文化周刊", "文艺", "百花园", "读书"))])
    ss = []
    # essay
    st = ctx.new_story()
    c = ctx.clause(4, 12)
    st.title = st.title_print = rng.choice((c, f"{rng.choice(_CITIES)}{'的秋' if rng.random() < 0.5 else '记忆'}", f"“{c}”", f"又见{c}"))
    if len(st.title) < 4:
        st.title = st.title_print = st.title + "随想"
    _author(ctx, st)
    opener = rng.choice((f"那年秋天，我第一次来到{rng.choice(_CITIES)}。", f"“{ctx.clause(4, 12)}。”母亲总这样说。",
                         f"清晨，{rng.choice(_CITIES)}的街巷还未醒来。"))
    st.paras = [clean(opener)]
    _essay(ctx, st, rng.randint(400, 1000))
    ctx.traits.add("essay")
    ss.append(st)
    # poem
    if rng.random() < 0.7:
        st = ctx.new_story()
        t = ctx.clause(4, 10)
        st.title = st.title_print = t if len(t) >= 4 else t + "之歌"
        if rng.random() < 0.3:
            st.title = st.title_print = "《" + st.title + "》"
        _author(ctx, st)
        st.byline_top = rng.random() < 0.5
        st.paras = [ctx.clause(4, 12) + rng.choice(("", "", "，", "。")) for _ in range(rng.randint(4, 14))]
        st.poem = True
        st.width = 20.0
        ctx.traits.add("poem")
        ss.append(st)
    # book notes
    for _ in range(rng.randint(0, 3)):
        st = ctx.new_story()
        book = "《" + ctx.clause(4, 10) + "》"
        st.title = st.title_print = rng.choice((book, f"{book}：{ctx.clause(4, 10)}", f"读{book}"))[:40]
        au = _name(rng)
        st.paras = [clean(f"{book}，{au}著，{rng.choice(_CITIES)}{rng.choice(('人民出版社', '文艺出版社', '教育出版社'))}出版。"
                          f"{ctx.sentence(60)}")]
        if rng.random() < 0.5:
            st.paras.append(ctx.sentence(80))
        if rng.random() < 0.5:
            a = _name(rng)
            st.end_credit = f"（{a}）"
            st.reporters = [a]
        ctx.traits.add("book_note")
        ss.append(st)
    _configure_heads(ctx, ss)
    for st in ss:
        if st.poem:
            st.vertical = False
            st.pull = ""
    if rng.random() < 0.5:
        ss[0].pull = "y"
    _place(ctx, ss)
    ctx.traits.add("culture")
    return ss


def _page_theory(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("理论", "理论周刊", "学习园地", "思想纵横"))])
    st = ctx.new_story()
    it = ctx.item()
    c = ctx.clause(4, 12)
    st.title = st.title_print = rng.choice((f"以{c}推动高质量发展", f"深刻把握{c}", _title_from(ctx, it)[0], f"论{c}"))[:40]
    _author(ctx, st)
    st.paras = []
    _fill_from_item(ctx, st, it, rng.randint(200, 400))
    numbered = rng.choice(("一", "（一）", "一（一）"))
    nums = "一二三四五六七八九十"
    subs = set()
    for s in range(rng.randint(2, 4)):
        subs.add(len(st.paras))
        st.paras.append((nums[s] + "、" if numbered != "（一）" else f"（{nums[s]}）") + ctx.clause(6, 16))
        for q in range(rng.randint(1, 3)):
            if numbered == "一（一）" and q > 0 and rng.random() < 0.5:
                subs.add(len(st.paras))
                st.paras.append(f"（{nums[q - 1]}）" + ctx.clause(6, 14))
            o = ctx.item()
            _fill_from_item(ctx, st, o, rng.randint(120, 300))
    st.subheads = subs
    ctx.traits.add("subhead_numbered")
    if rng.random() < 0.6:
        st.end_credit = rng.choice((f"（作者为{rng.choice(_CITIES)}大学教授）", f"（作者单位：{rng.choice(_CITIES)}大学马克思主义学院）",
                                    f"（作者为{rng.choice(_CITIES)}市委党校副教授）"))
        ctx.traits.add("author_line")
    elif rng.random() < 0.5:
        st.photo_credit = f"作者单位：{rng.choice(_CITIES)}{rng.choice(('大学', '社会科学院', '行政学院'))}"
        ctx.traits.add("author_line")
    ss = [st]
    _configure_heads(ctx, ss)
    if rng.random() < 0.6:
        st.pull = "y"
    if rng.random() < 0.4:
        ss.append(_news_story(ctx, rng.randint(150, 400)))
        ss[-1].paras = ss[-1].paras
        _configure_heads(ctx, ss[-1:])
    _place(ctx, ss)
    ctx.traits.add("theory")
    return ss


def _page_comment(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("评论", "言论", "观点", "评论·观察"))])
    ss = []
    for k in range(rng.randint(3, 5)):
        it = ctx.item()
        st = ctx.new_story()
        c = ctx.clause(4, 14)
        st.title = st.title_print = rng.choice((f"让{c}", f"以{c}", _title_from(ctx, it)[0], f"“{c}”从何而来", f"{c}需久久为功"))[:40]
        if len(st.title) < 4:
            st.title = st.title_print = st.title + "之我见"
        _fill_from_item(ctx, st, it, rng.randint(200, 600), 2)
        r = rng.random()
        if r < 0.3:
            st.byline = "本报评论员"
            st.byline_top = True
            ctx.traits.add("byline_commentator")
        elif r < 0.8:
            _author(ctx, st)
        else:
            a = _name(rng)
            st.end_credit = f"（作者：{a}）" if rng.random() < 0.5 else f"（{a}）"
            st.reporters = [a]
        if rng.random() < 0.3:
            ctx.furn([rng.choice(_COL_LABELS[:6])])
            ctx.traits.add("column_label")
        _configure_heads(ctx, [st])
        _place(ctx, [st])
        ss.append(st)
    ctx.traits.add("comment")
    return ss


def _page_feature(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("人物", "特写", "身边人", "走基层", "一线故事"))])
    ss = []
    for k in range(rng.randint(1, 3)):
        it = ctx.item()
        st = ctx.new_story()
        nm = _name(rng)
        c = ctx.clause(4, 14)
        st.title = st.title_print = rng.choice((f"人物：{nm}的{c}"[:40], f"“{c}”", f"{nm}：{c}", f"{c}的人", f"走近{nm}"))
        if len(st.title) < 4:
            st.title = st.title_print = st.title + "的故事"
        if rng.random() < 0.3:
            st.subtitle = f"记{rng.choice(_CITIES)}{rng.choice(('退休教师', '乡村医生', '快递小哥', '护林员', '非遗传承人'))}{nm}"
        opener = rng.choice((f"“{ctx.clause(4, 14)}！”{rng.choice(('清晨', '傍晚', '一大早'))}，{nm}的声音在院子里响起。",
                             f"“{ctx.clause(6, 16)}。”说起{ctx.clause(4, 8)}，{nm}笑了。",
                             f"{rng.choice(('凌晨五点', '深秋的午后', '雨后的清晨'))}，{rng.choice(_CITIES)}{ctx.clause(4, 10)}，{nm}已经忙碌起来。"))
        st.paras = [clean(opener)]
        _fill_from_item(ctx, st, it, rng.randint(300, 800))
        if rng.random() < 0.5:
            names = [_name(rng)]
            st.byline = rng.choice(("本报记者 ", "文/本报记者 ", "本报通讯员 ")) + names[0]
            st.reporters = names
            st.byline_top = rng.random() < 0.6
        ctx.traits.add("feature_lead")
        ss.append(st)
        if rng.random() < 0.4:
            ctx.add_caption(st, f"{nm}（左）正在{ctx.clause(4, 10)}。")
    _configure_heads(ctx, ss)
    for st in ss:
        if rng.random() < 0.3:
            st.pull = "y"
    _place(ctx, ss)
    ctx.traits.add("feature")
    return ss


def _page_letters(ctx: Ctx) -> list[Story]:
    rng = ctx.rng
    _fur(ctx, "header")
    ctx.furn([rng.choice(("问政", "民声", "读者来信", "热线追踪", "有问必答"))])
    ss = []
    for k in range(rng.randint(2, 4)):
        it = ctx.item()
        st = ctx.new_story()
        place = rng.choice(_CITIES)
        if rng.random() < 0.5:
            ctx.furn(["读者来信："])
            ctx.traits.add("letters_label")
            c = ctx.clause(4, 14)
            st.title = st.title_print = f"{c}何时能解决" if len(c) <= 12 else c
            st.paras = [clean("编辑同志：")] if rng.random() < 0.5 else []
            st.paras.append(clean(f"我是{place}市的一名居民，{ctx.clause(6, 14)}，{ctx.clause(6, 14)}。"))
            _fill_from_item(ctx, st, it, rng.randint(100, 300))
            a = _name(rng)
            st.end_credit = rng.choice((f"（{place}读者 {a}）", f"{place}市民 {a}"))
            st.reporters = [a]
            _configure_heads(ctx, [st])
            _place(ctx, [st])
            if rng.random() < 0.5:
                ctx.furn([rng.choice(("编者按：", "记者追踪："))])
        else:
            c = ctx.clause(4, 14)
            st.title = st.title_print = (f"{place}市民问：{c}？")[:40]
            st.paras = [clean(f"问：{ctx.clause(6, 14)}，{c}？"), clean("答：" + ctx.sentence(80))]
            _fill_from_item(ctx, st, it, rng.randint(80, 250))
            if rng.random() < 0.5:
                st.paras.append(clean(f"问：{ctx.clause(6, 14)}？"))
                st.paras.append(clean("答：" + ctx.sentence(80)))
            _dateline(ctx, st, rng.choice(("byline", "none")))
            ctx.traits.add("qa")
            _configure_heads(ctx, [st])
            _place(ctx, [st])
        ss.append(st)
    ctx.traits.add("letters")
    return ss


_KINDS = [("front", 12, _page_front), ("news", 15, _page_news), ("cont", 6, _page_cont), ("briefs", 8, _page_briefs),
          ("long", 6, _page_long), ("intl", 10, _page_intl), ("sport", 9, _page_sport), ("culture", 8, _page_culture),
          ("theory", 6, _page_theory), ("comment", 8, _page_comment), ("feature", 6, _page_feature),
          ("letters", 6, _page_letters)]
_LAYERS = [("plain", 45), ("layout", 7), ("plumber", 12), ("pdfminer", 12), ("viewer", 14), ("spaced", 10)]


def _pick(rng: random.Random, table):
    total = sum(t[1] for t in table)
    x = rng.random() * total
    for t in table:
        x -= t[1]
        if x < 0:
            return t
    return table[-1]


# ----------------------------------------------------------------------------------------------
# text layers: boxes -> rows (band, cells)


def _blank_prob(layer: str, sep: str) -> float:
    if layer in ("plain", "spaced", "layout"):
        return {"para": 0.93, "col": 0.85, "block": 0.8, "tight": 0.12}[sep]
    if layer == "plumber":
        return {"para": 0.0, "col": 0.03, "block": 0.05, "tight": 0.0}[sep]
    if layer == "pdfminer":
        return {"para": 1.0, "col": 1.0, "block": 1.0, "tight": 0.6}[sep]
    return {"para": 0.05, "col": 0.1, "block": 0.35, "tight": 0.0}[sep]  # viewer


def _assemble(ctx: Ctx, layer: str) -> list[tuple[int, list]]:
    rng = ctx.rng
    rows: list[tuple[int, list]] = []
    band = 0
    glue = rng.choice((0.0, 0.05, 0.15, 0.3)) if layer in ("plain", "spaced") else 0.0
    boxes = ctx.boxes
    i = 0
    blank = ("", [])
    while i < len(boxes):
        bx = boxes[i]
        if layer == "layout" and bx.kind == "body":
            # gather this story's consecutive columns and set 2-3 of them side by side
            cols = [[]]
            j = i
            while j < len(boxes) and boxes[j].kind == "body" and boxes[j].item == bx.item:
                if boxes[j].sep == "col" and cols[-1]:
                    cols.append([])
                if cols[-1] and rng.random() < 0.5:
                    cols[-1].append(blank)
                cols[-1].extend(boxes[j].lines)
                j += 1
            if rows and rows[-1][1][0][0] != "" and rng.random() < 0.8:
                band += 1
                rows.append((band, [blank]))
            k = 0
            while k < len(cols):
                grp = cols[k:k + rng.choice((2, 3))] if len(cols) - k > 1 else cols[k:k + 1]
                k += len(grp)
                band += 1
                if len(grp) > 1:
                    ctx.traits.add("side_by_side")
                widths = [max((len(s) for s, _ in c), default=0) for c in grp]
                gut = rng.randint(2, 6)
                for r in range(max(len(c) for c in grp)):
                    cells = []
                    for ci, c in enumerate(grp):
                        s, t = c[r] if r < len(c) else blank
                        if ci < len(grp) - 1:
                            pad = widths[ci] - len(s) + gut
                            s, t = s + " " * pad, t + [None] * pad
                        cells.append((s, t))
                    # trailing padding of a row whose later cells are empty is dropped as pdftotext does
                    while len(cells) > 1 and not cells[-1][0].strip():
                        cells.pop()
                    if len(cells) == 1:
                        s, t = cells[0]
                        s2 = s.rstrip(" ")
                        cells = [(s2, t[: len(s2)])]
                    rows.append((band, cells))
            i = j
            continue
        lines = bx.lines
        glue_here = False
        if rows and rng.random() < _blank_prob(layer, bx.sep):
            glue_here = bx.sep == "para" and glue > 0 and len(lines) > 1 and rng.random() < glue
            if not glue_here:
                band += 1
                rows.append((band, [blank]))
        for li, ln in enumerate(lines):
            band += 1
            rows.append((band, [ln]))
            if glue_here and li == 0:
                ctx.traits.add("glued_first_line")
                band += 1
                rows.append((band, [blank]))
        i += 1
    # strip blank rows at the start/end, collapse double blanks
    out = []
    for r in rows:
        isb = len(r[1]) == 1 and r[1][0][0] == ""
        if isb and (not out or (len(out[-1][1]) == 1 and out[-1][1][0][0] == "")):
            continue
        out.append(r)
    while out and len(out[-1][1]) == 1 and out[-1][1][0][0] == "":
        out.pop()
    return out


def _line_items(cell) -> set:
    s, t = cell
    return {t[k][0] for k in range(len(s)) if t[k] is not None}


def _post(ctx: Ctx, rows, layer: str):
    """Line-level habits: letter-spacing, a viewer's joined/split lines, trailing spaces."""
    rng = ctx.rng
    ls_rate = {"spaced": rng.uniform(0.08, 0.3)}.get(layer, rng.choice((0.0, 0.0, 0.01, 0.03)))
    out = []
    if layer == "viewer":
        pj, ps = rng.uniform(0.03, 0.15), rng.uniform(0.0, 0.06)
        i = 0
        while i < len(rows):
            b, cells = rows[i]
            if len(cells) == 1 and cells[0][0] and i + 1 < len(rows) and len(rows[i + 1][1]) == 1 and rows[i + 1][1][0][0] \
                    and rng.random() < pj:
                a_items = _line_items(cells[0])
                if a_items == _line_items(rows[i + 1][1][0]) and -1 not in a_items:
                    s1, t1 = cells[0]
                    s2, t2 = rows[i + 1][1][0]
                    out.append((b, [(s1 + s2, t1 + t2)]))
                    ctx.traits.add("viewer_joined")
                    i += 2
                    continue
            if len(cells) == 1 and len(cells[0][0]) >= 6 and rng.random() < ps:
                s, t = cells[0]
                c = rng.randint(2, len(s) - 2)
                out.append((b, [(s[:c], t[:c])]))
                out.append((b + 0.5, [(s[c:], t[c:])]))
                ctx.traits.add("viewer_split")
                i += 1
                continue
            out.append(rows[i])
            i += 1
        rows = out
    trail = rng.choice((0.0, 0.0, 0.0, 0.1, 0.5)) if layer != "spaced" else rng.uniform(0.2, 0.8)
    res = []
    for b, cells in rows:
        if len(cells) == 1 and cells[0][0]:
            s, t = cells[0]
            if ls_rate and len(s) <= 24 and rng.random() < ls_rate:
                s, t = _letterspace((s, t))
                ctx.traits.add("letter_spaced")
            if trail and rng.random() < trail:
                k = rng.choice((1, 1, 2))
                s, t = s + " " * k, t + [None] * k
                ctx.traits.add("trailing_spaces")
            cells = [(s, t)]
        res.append((b, cells))
    return res


# ----------------------------------------------------------------------------------------------
# generation


def _pools(items: list[dict], date_range) -> tuple[list[str], dict[str, list[dict]]]:
    by: dict[str, list[dict]] = {}
    for it in items:
        paras = [c for c in (clean(str(p)) for p in it.get("paragraphs") or ()) if c]
        title = clean(str(it.get("title") or ""))
        if not paras:
            continue
        by.setdefault(str(it.get("date", "")), []).append({"title": title or paras[0][:16], "paragraphs": paras,
                                                            "date": str(it.get("date", ""))})
    if not by:
        raise ValueError("no usable items (each needs paragraphs)")
    dates = sorted(by)
    if date_range:
        lo, hi = date_range
        sel = [d for d in dates if str(lo) <= d <= str(hi)]
        if sel:
            dates = sel
    return dates, by


_POOL_CACHE: dict = {}


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    if items is None:
        items = load_items()
    if not items:
        raise ValueError("no items")
    key = (id(items), len(items), id(items[0]), id(items[-1]), tuple(date_range) if date_range else None)
    if key not in _POOL_CACHE:
        _POOL_CACHE.clear()
        _POOL_CACHE[key] = _pools(items, date_range)
    dates, by = _POOL_CACHE[key]
    return [_page(random.Random(f"pagegen_o:{seed}:{position}:{i}"), position, dates, by) for i in range(n)]


def _valid_date(d: str) -> bool:
    return bool(re.fullmatch(r"\d{8}", d)) and 1 <= int(d[4:6]) <= 12 and 1 <= int(d[6:]) <= 31


def _page(rng: random.Random, position: str, dates: list[str], by: dict) -> Page:
    di = rng.randrange(len(dates))
    day = dates[di]
    pool = list(by[day])
    k = di + 1
    while len(pool) < 40 and k < di + 1 + len(dates):
        pool.extend(by[dates[k % len(dates)]])
        k += 1
    head = pool[: len(by[day])]
    rng.shuffle(head)
    pool[: len(head)] = head
    if not _valid_date(day):
        day = "20240101"
    ctx = Ctx(rng, pool, day, position)
    kind, _, fn = _pick(rng, _KINDS)
    layer = _pick(rng, _LAYERS)[0]
    fn(ctx)
    rows = _assemble(ctx, layer)
    rows = _post(ctx, rows, layer)
    text = "\n".join("".join(c[0] for c in cells) for _, cells in rows)
    truth = [st.truth() for st in ctx.stories]
    bw = ctx.base_w
    extra = {"kind_" + kind, "layer_" + layer, "wrap_8-11" if bw < 12 else ("wrap_12-16" if bw <= 16 else "wrap_17-22")}
    if ctx.p_space:
        extra.add("digits_spaced")
    if sum(st.kind == "caption" for st in ctx.stories) >= 2:
        extra.add("captions_2+")
    if ctx.indent:
        extra.add("indent")
    traits = sorted(ctx.traits | extra)
    return Page(text, truth, position, {"rows": rows, "kind": kind, "layer": layer, "traits": traits, "date": day,
                                        "hosts": [st.host for st in ctx.stories]})


# ----------------------------------------------------------------------------------------------
# self-check

_TITLE_BAD = re.compile(r"[■●◆▲【】\n\r]|^\d+[．.]")


def check_page(page: Page) -> list[str]:
    """Errors of one page (empty when it is consistent)."""
    errs = []
    rows = page.meta["rows"]
    text = "\n".join("".join(c[0] for c in cells) for _, cells in rows)
    if text != page.text:
        errs.append("text != joined segments")
    layout = page.meta["layer"] == "layout"
    # reading stream: bands in order, within a band cell by cell then row by row
    bands: dict = {}
    order = []
    for b, cells in rows:
        if b not in bands:
            bands[b] = []
            order.append(b)
        bands[b].append(cells)
        for s, t in cells:
            if len(s) != len(t):
                errs.append("tag length mismatch")
                return errs
            for ch, tg in zip(s, t):
                if tg is None and not ch.isspace():
                    errs.append(f"untagged printed char {ch!r}")
                    return errs
        if len(cells) > 1 and not layout:
            errs.append("side-by-side cells outside a -layout page")
        for cell in cells:
            its = {tg[0] for ch, tg in zip(*cell) if tg is not None and not ch.isspace()}
            if len(its) > 1:
                errs.append(f"line holds several items: {cell[0]!r}")
    fields: dict = {}
    first: dict = {}
    pos = 0
    for b in order:
        brs = bands[b]
        for ci in range(max(len(c) for c in brs)):
            for cells in brs:
                if ci < len(cells):
                    s, t = cells[ci]
                    for ch, tg in zip(s, t):
                        pos += 1
                        if tg is None or tg[0] < 0:
                            continue
                        first.setdefault(tg[0], pos)
                        fields.setdefault(tg, []).append(ch)
    n = len(page.truth)
    hosts = page.meta.get("hosts", [None] * n)

    def get(i, role, para=0):
        return "".join(fields.get((i, role, para), ()))

    for i, tr in enumerate(page.truth):
        if i not in first:
            errs.append(f"item {i} not printed")
            continue
        if tr.kind not in ("article", "caption"):
            errs.append(f"item {i} bad kind")
        if get(i, "title") != tr.title:
            errs.append(f"item {i} title {tr.title!r} != printed {get(i, 'title')!r}")
        if _TITLE_BAD.search(tr.title) or tr.title != clean(tr.title).replace(" ", ""):
            errs.append(f"item {i} title has markers/whitespace: {tr.title!r}")
        if tr.kind == "article" and tr.title and not 4 <= len(tr.title) <= 40:
            errs.append(f"item {i} title length {len(tr.title)}")
        if tr.kind == "caption" and tr.title:
            errs.append(f"item {i} caption with a title")
        for role, val in (("kicker", tr.kicker), ("subtitle", tr.subtitle), ("dateline", tr.dateline)):
            if get(i, role) != val:
                errs.append(f"item {i} {role} {val!r} != printed {get(i, role)!r}")
        paras = tr.body.split("\n") if tr.body else []
        printed = []
        k = 0
        while (i, "body", k) in fields:
            printed.append(get(i, "body", k))
            k += 1
        if printed != paras:
            errs.append(f"item {i} body paragraphs differ ({len(printed)} printed, {len(paras)} truth)")
        if not tr.body:
            errs.append(f"item {i} empty body")
        if any(p != clean(p) or not p for p in paras):
            errs.append(f"item {i} body paragraph not clean")
        credits = get(i, "credit").replace(" ", "")
        if tr.kind == "caption":
            credits += tr.body
        for r in tr.reporters:
            if not r or r not in credits:
                errs.append(f"item {i} reporter {r!r} not in its credits")
        jump = get(i, "jump")
        m = re.search(r"下转(第\d+版)", jump)
        if (m.group(1) if m else None) != tr.continued_to:
            errs.append(f"item {i} continued_to {tr.continued_to!r} vs printed jump {jump!r}")
        if hosts[i] is not None and tr.kind != "caption":
            errs.append(f"item {i} hosted but not a caption")
    # reading order: by first appearance; a caption set inside a story comes right after its host
    main = [i for i in range(n) if hosts[i] is None and i in first]
    if [first[i] for i in main] != sorted(first[i] for i in main):
        errs.append("truth not in reading order")
    for i in range(n):
        h = hosts[i]
        if h is not None and not all(hosts[j] == h for j in range(h + 1, i)):
            errs.append(f"caption {i} not right after its host {h}")
    unknown = {tg[0] for tg in fields if tg[0] >= n}
    if unknown:
        errs.append(f"tags of unknown items {sorted(unknown)}")
    return errs


def _digest(pages: list[Page]) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in pages:
        h.update(p.text.encode())
        h.update(repr(p.truth).encode())
    return h.hexdigest()


def run_check(n: int) -> bool:
    ok = True
    items = load_items()
    generate_pages(1, AFTER, seed=99, items=items)  # the day index is built once per item list, not timed
    for pos in POSITIONS:
        t0 = time.perf_counter()
        pages = generate_pages(n, pos, seed=0, items=items)
        dt = (time.perf_counter() - t0) / max(1, n) * 1000
        bad = 0
        first_err = None
        for k, p in enumerate(pages):
            e = check_page(p)
            if e:
                bad += 1
                if first_err is None:
                    first_err = (k, e[:3])
        arts = sum(len(p.truth) for p in pages)
        print(f"{pos:6s}: {n} pages, {arts} items, {bad} bad, {dt:.2f} ms/page")
        if bad:
            print("  first failure: page", first_err)
            ok = False
        if dt > 5.0:
            print("  too slow")
            ok = False
        # determinism, prefix property
        a = generate_pages(3, pos, seed=7, items=items)
        b = generate_pages(6, pos, seed=7, items=items)
        if _digest(a) != _digest(b[:3]):
            print("  generate_pages(3) != generate_pages(6)[:3]")
            ok = False
    # corrupted title is caught
    p = generate_pages(1, AFTER, seed=3, items=items)[0]
    arts = [t for t in p.truth if t.kind == "article" and t.title]
    if arts:
        arts[0].title = arts[0].title[:-1] + "伪"
        if not check_page(p):
            print("corrupted title not caught")
            ok = False
        else:
            print("corrupted title: caught")
    # tiny item list: 24 items, 3 dates, short paragraphs
    rng = random.Random(5)
    tiny = []
    for k in range(24):
        tiny.append({"title": "".join(rng.choice("测试新闻标题内容发展建设推进工作") for _ in range(rng.randint(8, 16))),
                     "paragraphs": ["这是一段很短的话。" * rng.randint(1, 2) for _ in range(rng.randint(1, 3))],
                     "date": ["20240101", "20240102", "20240103"][k % 3]})
    try:
        for pos in POSITIONS:
            for p in generate_pages(60, pos, seed=1, items=tiny):
                e = check_page(p)
                if e:
                    print("tiny items:", e[:2])
                    ok = False
                    break
        r = generate_pages(20, AFTER, items=tiny, date_range=("20240102", "20240102"))
        del r
        print("tiny items: ok")
    except Exception as exc:  # noqa: BLE001
        print("tiny items crashed:", repr(exc))
        ok = False
    # PYTHONHASHSEED 1 vs 2 in subprocesses
    digests = []
    for hs in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        out = subprocess.run([sys.executable, __file__, "--digest", "40"], env=env, capture_output=True, text=True,
                             check=False)
        digests.append(out.stdout.strip())
    if digests[0] != digests[1] or not digests[0]:
        print("not deterministic across PYTHONHASHSEED", digests)
        ok = False
    else:
        print("PYTHONHASHSEED 1 vs 2: same pages")
    print("CHECK PASSED" if ok else "CHECK FAILED")
    return ok


def _traits(n: int):
    counts = {}
    for pos in POSITIONS:
        for p in generate_pages(n, pos):
            for t in p.meta["traits"]:
                counts.setdefault(t, {}).setdefault(pos, 0)
                counts[t][pos] += 1
    print(f"{'trait (pages with it)':28s} " + " ".join(f"{p:>7s}" for p in POSITIONS))
    for t in sorted(counts):
        print(f"{t:28s} " + " ".join(f"{counts[t].get(p, 0):7d}" for p in POSITIONS))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int)
    ap.add_argument("--position", default=AFTER, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--traits", type=int)
    ap.add_argument("--check", type=int)
    ap.add_argument("--digest", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.digest:
        print(_digest([p for pos in POSITIONS for p in generate_pages(a.digest, pos, seed=11)]))
        return 0
    if a.show:
        for k, p in enumerate(generate_pages(a.show, a.position, a.seed)):
            print(f"===== page {k} ({p.meta['kind']}, {p.meta['layer']}) =====")
            print(p.text)
            print("----- truth -----")
            for t in p.truth:
                print(f"[{t.kind}] kicker={t.kicker!r} title={t.title!r} subtitle={t.subtitle!r} dateline={t.dateline!r} "
                      f"reporters={t.reporters} continued_to={t.continued_to!r}")
                print("   " + t.body.replace("\n", "\n   ")[:400])
        return 0
    if a.traits:
        _traits(a.traits)
        return 0
    if a.check:
        return 0 if run_check(a.check) else 1
    ap.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
