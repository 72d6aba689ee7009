"""Page generator k: provincial-daily pages as a PDF text tool gives them, with their truth.

Written blind (from one real extracted front page and general knowledge of Chinese papers and of
pdftotext / PyMuPDF output), to measure a segmenter that never saw these pages. Standard library only.

Every character of news text (titles, kickers, subtitles, subheads, bodies, captions, the titles in
导读 boxes) comes from the CCTV evening-news items; place names, dates, reporters' names, credits and
all the furniture (mastheads, page headers, banners, column labels, series bands, adverts, notices,
weather, QR hints, footers) are made up here.

Page kinds: ordinary news pages (3-8 articles, captions, furniture, a jump line on front pages, a
continuation on inner pages), one long article with subheads, a briefs page (简讯, 6-10 items) and a
photo page (4-8 captions, maybe a short article).  Each page is built line by line with every printed
character tagged (item, role); before a page is returned the truth is checked against what was
printed, role by role, and a mismatch raises.

    python -m benchmarks.pagegen_k --show 2 --position mixed --seed 3
    python -m benchmarks.pagegen_k --traits 300
    python -m benchmarks.pagegen_k --check 1000
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
ITEMS = Path(os.environ.get("BRIEF_XWLB_ITEMS",
                            Path(__file__).resolve().parents[1] / "../shared/eval/xwlb/items-dev.jsonl.gz"))


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
# news items

_PREFIX = re.compile(r"^\s*央视网消息（新闻联播）：")
_WS = re.compile(r"\s+")
_CACHE: dict[str, list[dict]] = {}


def _nows(s: str) -> str:
    return _WS.sub("", s)


def load_items(path=None) -> list[dict]:
    """Single-story items (roundups dropped, prefix stripped): {"title", "paragraphs", "date"}."""
    p = str(Path(path) if path else ITEMS)
    if p in _CACHE:
        return _CACHE[p]
    items = []
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("is_roundup"):
                continue
            text = _PREFIX.sub("", d.get("text", ""))
            paras = []
            for para in text.split("\n"):
                para = _WS.sub(" ", para).strip()
                if para and not para.startswith("---") and "更新时间戳" not in para:
                    paras.append(para)
            if paras:
                items.append({"title": _WS.sub(" ", d.get("title", "")).strip(), "paragraphs": paras,
                              "date": d.get("date", "")})
    _CACHE[p] = items
    return items


# ----------------------------------------------------------------------------------------------
# made-up people, places and furniture

_SURN = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾田潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔常乔牛"
_GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕彬鑫斌宇浩凯婷雪琳晨阳佳怡欣悦然博文轩睿哲思源凡媛薇龙飞若男永生兵海潮宏晋建忠璐瑶晶蕾鹏辉波"
_PROVS = [  # (paper, pinyin, capital, cities, road names, CN code)
    ("山西日报", "SHANXI DAILY", "太原", "大同 运城 临汾 长治 晋中 忻州 吕梁 阳泉 朔州 晋城", "迎泽 双塔 并州", "14-0001"),
    ("河南日报", "HENAN DAILY", "郑州", "洛阳 开封 新乡 南阳 安阳 许昌 信阳 周口 商丘", "农业 金水 纬五", "41-0001"),
    ("湖北日报", "HUBEI DAILY", "武汉", "宜昌 襄阳 荆州 黄石 十堰 孝感 黄冈 咸宁 恩施", "东湖 解放 中北", "42-0001"),
    ("四川日报", "SICHUAN DAILY", "成都", "绵阳 德阳 宜宾 南充 泸州 乐山 达州 眉山 雅安", "红星 人民南 天府", "51-0001"),
    ("浙江日报", "ZHEJIANG DAILY", "杭州", "宁波 温州 嘉兴 湖州 绍兴 金华 衢州 台州 丽水", "体育场 延安 文三", "33-0001"),
    ("河北日报", "HEBEI DAILY", "石家庄", "唐山 保定 邯郸 邢台 沧州 廊坊 承德 张家口 衡水", "裕华 中华 建设", "13-0001"),
]
_NATIONAL = "北京 上海 天津 重庆 广州 深圳 南京 西安 沈阳 长沙 南昌 福州 昆明 兰州 银川 拉萨 乌鲁木齐 哈尔滨".split()
_ORGS = ["省统计局", "省商务厅", "省农业农村厅", "省人社厅", "省文旅厅", "省发展改革委", "省工信厅", "省生态环境厅",
         "市交通运输局", "市住建局", "省市场监管局", "省教育厅", "省卫生健康委", "省水利厅", "省应急管理厅", "海关"]
_SECTIONS = ["要闻", "综合新闻", "经济", "时政", "社会", "文化", "国内新闻", "国际新闻", "民生", "视觉", "专题"]
_LABELS = ["记者观察", "一线直击", "今日关注", "民生关注", "走基层", "深度报道", "基层传真", "经济观察", "一线报道",
           "新闻纵深", "热点追踪", "权威发布", "现场", "特别报道", "调查", "时评", "关注"]
_BANDS = ["聚焦“推动高质量发展、深化全方位转型”系列主题新闻发布会", "奋进新征程 建功新时代", "学习贯彻党的二十届三中全会精神",
          "新春走基层", "高质量发展调研行", "新时代 新作为 新篇章", "在希望的田野上", "砥砺奋进七十五载 江山如画气象新",
          "牢记嘱托 感恩奋进", "优化营商环境 激发市场活力"]
_BRIEF_BANDS = ["简讯", "新闻速览", "要闻简报", "综合简讯", "省内简讯", "新闻快递", "动态"]
_PHOTO_BANDS = ["图片新闻", "视觉", "图说", "光影", "镜头", "新闻图片"]
_WEEK = "一二三四五六日"
_GANZHI = {2022: "壬寅", 2023: "癸卯", 2024: "甲辰", 2025: "乙巳"}


def _name(rng) -> str:
    return rng.choice(_SURN) + "".join(rng.choice(_GIV) for _ in range(1 if rng.random() < 0.3 else 2))


def _names(rng, n, used) -> list[str]:
    out = []
    while len(out) < n:
        x = _name(rng)
        if x not in used and x not in out:
            out.append(x)
    used.update(out)
    return out


# ----------------------------------------------------------------------------------------------
# text helpers

_TOK = re.compile(r"——|……|[A-Za-z0-9]+(?:[.:/][A-Za-z0-9]+)*%?|\s+|.", re.S)
_NO_START = frozenset("，。、；：？！）》」』”’…%％·〉】,.;:!?)")
_NO_END = frozenset("（《「『“‘〈【(")
_PUNCT = frozenset("，。、；：？！）》」』”’…%％·〉】（《「『“‘〈【—－-～,.;:!?()")
_SENT = re.compile(r"[^。！？；]*[。！？；][”’」』）]*|[^。！？；]+$")
_CLAUSE = re.compile(r"[^，。；！？：、]+")
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"), ("(", ")"), ("〈", "〉"))
_TITLE_LABEL = re.compile(r"^【([^】]{1,30})】\s*(.*)$")


def _balanced(s: str) -> bool:
    return all(s.count(a) == s.count(b) for a, b in _PAIRS)


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _sentences(para: str) -> list[str]:
    return [s for s in _SENT.findall(para) if s.strip()]


def _clauses(paras, lo, hi, rng, n=1):
    """Up to n clauses (no punctuation inside, balanced) of lo..hi characters from paras."""
    cands = []
    for p in paras:
        for c in _CLAUSE.findall(p):
            c = c.strip(" “”‘’（）《》")
            L = len(_nows(c))
            if lo <= L <= hi and _balanced(c) and not c[:1].isascii():
                cands.append(c)
    if not cands:
        return []
    return rng.sample(cands, min(n, len(cands)))


def _truncate(paras, target, rng):
    """Leading paragraphs of about `target` characters, cut at sentence ends."""
    out, n = [], 0
    for p in paras:
        L = len(p)
        if n + L <= target * 1.15 or not out:
            if n + L > target * 1.3:
                sents = _sentences(p)
                acc = ""
                for s in sents:
                    if acc and n + len(acc) + len(s) > target:
                        break
                    acc += s
                p = acc.strip() or p
            out.append(p)
            n += len(p)
            if n >= target:
                break
        else:
            break
    return out


def _space_title(rng, s):
    return " ".join(s) if rng.random() < 0.5 else s


# ----------------------------------------------------------------------------------------------
# the line writer: wraps a tagged stream into lines of a column, with column breaks

def _spaced(line):
    """A justified line as extraction gives it: a space between glyphs, none after punctuation."""
    out, prev = [], None
    for t, k in line:
        if t.isspace():
            continue
        if prev is not None and prev[-1] not in _PUNCT:
            out.append((" ", None))
        out.append((t, k))
        prev = t
    return out


class _Writer:
    def __init__(self, pg, width, col=(4, 40), first=None, wchange=0.0, columns=True):
        self.pg, self.rng = pg, pg.rng
        self.W = width
        self.blocks = [[]]
        self.line, self.used = [], 0.0
        self.lo, self.hi = col
        self.columns = columns
        self.left = first if first is not None else self.rng.randint(self.lo, self.hi)
        self.wchange = wchange
        self.nparas = 0

    # -- stream input
    def put(self, text, key, digit_rate=0.0):
        toks = _TOK.findall(text)
        if digit_rate > 0:
            rng, out = self.rng, []
            n = len(toks)
            for i, t in enumerate(toks):
                if t[0].isascii() and t[0].isalnum():
                    before = i > 0 and _cjk(toks[i - 1][-1])
                    after = i + 1 < n and _cjk(toks[i + 1][0])
                    if (before or after) and rng.random() < digit_rate:
                        self.pg.tr["digit_spaced_runs"] += 1
                        if before:
                            out.append(" ")
                        out.append(t)
                        if after:
                            out.append(" ")
                        continue
                out.append(t)
            toks = out
        add = self._add
        for t in toks:
            add(t, key)

    def _add(self, tok, key):
        if tok.isspace():
            if self.line:
                self.line.append((" ", None))
            return
        w = 0.5 * len(tok) if tok.isascii() else float(len(tok))
        if self.used + w > self.W + 0.01 and self.used > 0:
            pg, rng = self.pg, self.rng
            if tok[0] in _NO_START:
                if rng.random() >= pg.p_push or len(self.line) < 4:
                    self.line.append((tok, key))     # hang it (squeezed into the line)
                    self.used += w
                    return
                carry = []                           # push the last glyph down with it
                while self.line and (self.line[-1][0].isspace() or self.line[-1][0][0] in _NO_START):
                    carry.append(self.line.pop())
                if self.line:
                    carry.append(self.line.pop())
                while self.line and (self.line[-1][0].isspace() or self.line[-1][0][-1] in _NO_END):
                    carry.append(self.line.pop())
                if sum(1 for t, _ in self.line if not t.isspace()) < 2:
                    self.line.extend(reversed(carry))
                    self.line.append((tok, key))
                    self.used += w
                    return
                pg.tr["kinsoku_push"] += 1
                self.flush()
                for t, k in reversed(carry):
                    if not t.isspace():
                        self._add(t, k)
                self._add(tok, key)
                return
            if tok.isascii() and len(tok) > 1 and rng.random() < pg.p_numsplit:
                room = int((self.W - self.used) / 0.5 + 1e-9)
                if 1 <= room < len(tok):
                    pg.tr["figure_split_at_line_end"] += 1
                    self.line.append((tok[:room], key))
                    self.used += 0.5 * room
                    self.flush()
                    self._add(tok[room:], key)
                    return
            carry = []
            while self.line and (self.line[-1][0].isspace() or self.line[-1][0][-1] in _NO_END):
                carry.append(self.line.pop())
            if self.line:
                self.flush()
                for t, k in reversed(carry):
                    if not t.isspace():
                        self.line.append((t, k))
                        self.used += 0.5 * len(t) if t.isascii() else len(t)
            else:
                self.line = list(reversed(carry))
        self.line.append((tok, key))
        self.used += w

    def indent(self, how):
        if how == "fw":
            self.line.append(("\u3000\u3000", None)); self.used += 2
        elif how == "sp2":
            self.line.append(("  ", None)); self.used += 1
        elif how == "sp1":
            self.line.append((" ", None)); self.used += 0.5

    def flush(self, last=False):
        line = self.line
        while line and line[-1][0].isspace():
            line.pop()
        self.line, used, self.used = [], self.used, 0.0
        if not any(not t.isspace() for t, _ in line):
            return
        if not last and len(line) >= 4:
            p = self.pg.p_ls_short if self.W - used >= 0.99 else self.pg.p_ls_rand
            if p and self.rng.random() < p:
                line = _spaced(line)
                self.pg.tr["letterspaced_lines"] += 1
        self.blocks[-1].append(line)
        if self.columns:
            self.left -= 1
            if self.left <= 0:
                self.colbreak()

    def colbreak(self):
        b = self.blocks[-1]
        while b and not b[-1]:
            b.pop()
        if b:
            self.blocks.append([])
            self.pg.tr["column_breaks"] += 1
        self.left = self.rng.randint(self.lo, self.hi)
        if self.wchange and self.rng.random() < self.wchange:
            self.W = max(8, min(22, self.W + self.rng.choice((-5, -4, -3, -2, 2, 3, 4, 5))))
            self.pg.tr["width_change_at_column_break"] += 1

    def blank(self):
        b = self.blocks[-1]
        if b and b[-1]:
            b.append([])

    def done(self):
        self.flush(last=True)
        out = []
        for b in self.blocks:
            while b and not b[-1]:
                b.pop()
            while b and not b[0]:
                b.pop(0)
            if b:
                out.append(b)
        return out


# ----------------------------------------------------------------------------------------------
# page context

class _Blocks(list):
    """An article's blocks, with the block boundaries inside its body (where a column ends)."""
    cuts: list = []


class _Pg:
    def __init__(self, rng, position, pool, by_date, dates, long_pool):
        self.rng = rng
        self.position = position
        self.pool, self.by_date, self.dates, self.long_pool = pool, by_date, dates, long_pool
        self.tr = Counter()
        self.truth: list[TruthItem] = []
        self.names: list[list[str]] = []
        self.used_ids: set[int] = set()
        self.used_names: set[str] = set()
        r = rng.random
        self.p_push = rng.choice((0.0, 0.3, 0.6))
        self.p_ls_short = rng.choice((0.0, 0.3, 0.7, 0.95))
        self.p_ls_rand = rng.choice((0.0, 0.0, 0.005, 0.02))
        self.p_numsplit = rng.choice((0.0, 0.1, 0.3))
        self.indent = rng.choices(("none", "fw", "sp2", "sp1"), (0.55, 0.2, 0.1, 0.15))[0]
        self.p_pblank = rng.choices((1.0, 0.9, 0.5, 0.0), (0.45, 0.25, 0.1, 0.2))[0]
        if self.indent == "none" and self.p_pblank == 0.0 and r() < 0.5:
            self.indent = "fw"
        self.prov = rng.choice(_PROVS)
        self.cities = self.prov[3].split()

    # -- items
    def start_day(self):
        self.date = self.rng.choice(self.dates)
        day = list(self.by_date[self.date])
        self.rng.shuffle(day)
        self.queue = day
        d = _dt.date(int(self.date[:4]), int(self.date[4:6]), int(self.date[6:8]))
        self.pdate = d + _dt.timedelta(days=1)

    def draw(self, pred):
        while self.queue:
            i = self.queue.pop()
            if i not in self.used_ids and pred(self.pool[i]):
                self.used_ids.add(i)
                return self.pool[i]
        for _ in range(400):
            i = self.rng.randrange(len(self.pool))
            if i not in self.used_ids and pred(self.pool[i]):
                self.used_ids.add(i)
                return self.pool[i]
        return None

    def new_item(self, kind, **kw):
        self.truth.append(TruthItem(kind=kind, title="", body="", **kw))
        self.names.append([])
        return len(self.truth) - 1

    def item_pos(self):
        if self.position == MIXED:
            return self.rng.choice((AFTER, BEFORE))
        return self.position

    def city(self):
        return self.prov[2] if self.rng.random() < 0.45 else self.rng.choice(self.cities)


FURN = (-1, "furniture", 0)


def _furn(lines):
    return [[[(ln, FURN)] if ln.strip() else [] for ln in lines]]


def _md(date_str):
    return int(date_str[4:6]), int(date_str[6:8])


# ----------------------------------------------------------------------------------------------
# furniture

def _datestr(pg, spaced=False):
    d = pg.pdate
    s = f"{d.year}年{d.month}月{d.day}日 星期{_WEEK[d.weekday()]}"
    return s


def _f_masthead(pg):
    rng, d = pg.rng, pg.pdate
    paper, py = pg.prov[0], pg.prov[1]
    lines = []
    if rng.random() < 0.7:
        lines.append(paper if rng.random() < 0.6 else " ".join(paper))
    if rng.random() < 0.5:
        lines.append(py)
    lines.append(_datestr(pg))
    if rng.random() < 0.5:
        lines.append(f"农历{_GANZHI.get(d.year, '甲辰')}年")
    if rng.random() < 0.6:
        lines.append(f"第{rng.randint(24000, 27999)}号 今日{rng.choice((4, 8, 8, 12, 16))}版")
    if rng.random() < 0.4:
        lines.append(f"国内统一连续出版物号 CN{pg.prov[5]} 邮发代号 {rng.randint(11, 89)}-{rng.randint(1, 99)}")
    if rng.random() < 0.3:
        lines.append(f"{paper[:2]}新闻网网址 http://www.{py.split()[0].lower()}daily.com.cn")
    pg.tr["furn:masthead"] += 1
    return _furn(lines)


def _f_header(pg, page_no):
    rng = pg.rng
    sec = rng.choice(_SECTIONS)
    a, b = _name(rng), _name(rng)
    forms = [
        [f"{page_no}", sec, _datestr(pg)],
        [f"{_datestr(pg)} {sec} {page_no}"],
        [f"{sec}", f"责编 {a} 美编 {b}", f"{page_no:02d}"],
        [f"第{page_no}版", f"{sec}", f"{pg.prov[0]} {_datestr(pg)}"],
        [f"{pg.prov[0]}", f"{pg.pdate.year}.{pg.pdate.month:02d}.{pg.pdate.day:02d} 星期{_WEEK[pg.pdate.weekday()]}",
         f"{sec} {page_no}"],
    ]
    lines = rng.choice(forms)
    pg.tr["furn:page_header"] += 1
    return _furn(lines)


def _f_footer(pg):
    rng = pg.rng
    a, b, c = _name(rng), _name(rng), _name(rng)
    forms = [
        [f"本版责编：{a} 美编：{b} 校对：{c}"],
        [f"责任编辑 {a}", f"版式设计 {b}"],
        [f"社址：{pg.prov[2]}市{rng.choice(pg.prov[4].split())}路{rng.randint(1, 300)}号 邮编：{rng.randint(100000, 860000)}"
         f" 广告热线：{rng.randint(1000000, 9999999)} 零售价：{rng.choice(('1.00', '1.50', '2.00'))}元"],
        [f"本版编辑：{a}", f"电话：0{rng.randint(10, 999)}-{rng.randint(1000000, 9999999)}",
         f"E-mail:{pg.prov[1].split()[0].lower()}{rng.randint(1, 99)}@163.com"],
    ]
    pg.tr["furn:footer"] += 1
    return _furn(rng.choice(forms))


def _f_label(pg):
    pg.tr["furn:column_label"] += 1
    s = pg.rng.choice(_LABELS)
    return _furn([" ".join(s) if pg.rng.random() < 0.25 else s])


def _f_band(pg, label=None):
    pg.tr["furn:series_band"] += 1
    return _furn([label or pg.rng.choice(_BANDS)])


def _f_advert(pg):
    rng = pg.rng
    city = rng.choice(pg.cities)
    tel = f"0{rng.randint(300, 999)}-{rng.randint(1000000, 9999999)}"
    forms = [
        ["诚聘英才", f"{city}某科技有限公司因业务发展需要", "招聘销售经理、技术员若干名", f"联系电话：{tel}"],
        [f"{city}·{rng.choice(('锦绣华府', '滨河湾', '未来城', '御景园'))}", "品质人居 火热认购中", f"营销中心：{tel}"],
        ["欢迎订阅", f"{pg.pdate.year + 1}年度《{pg.prov[0]}》", "全年订价 480 元", "各地邮政局（所）均可订阅"],
        ["公益广告", "文明出行 礼让斑马线", f"{pg.prov[0]}社宣"],
        ["招生简章", f"{city}职业技术学院{pg.pdate.year}年", f"咨询电话 {tel}"],
    ]
    pg.tr["furn:advert"] += 1
    return _furn(rng.choice(forms))


def _f_notice(pg):
    rng = pg.rng
    n = _name(rng)
    forms = [
        ["遗失声明", f"{n}不慎遗失身份证一张，证号1401{rng.randint(10 ** 13, 10 ** 14 - 1)}，声明作废。"],
        ["公 告", f"{rng.choice(pg.cities)}市自然资源局国有建设用地", "使用权挂牌出让公告",
         f"详见{rng.choice(pg.cities)}市公共资源交易平台"],
        ["更 正", f"本报{pg.pdate.month}月{max(1, pg.pdate.day - 2)}日第{rng.randint(2, 8)}版", "稿件署名有误，特此更正。"],
        ["征稿启事", "本版欢迎读者来稿", f"投稿邮箱：news{rng.randint(10, 99)}@126.com"],
    ]
    pg.tr["furn:notice"] += 1
    return _furn(rng.choice(forms))


def _f_weather(pg):
    rng = pg.rng
    cs = rng.sample([pg.prov[2]] + pg.cities, 4)
    lines = [rng.choice(("天气预报", "今日天气", "天 气"))]
    for c in cs:
        lo = rng.randint(-5, 18)
        lines.append(f"{c} {rng.choice(('晴', '多云', '阴', '小雨', '晴转多云', '阵雨'))} {lo}℃～{lo + rng.randint(5, 14)}℃")
    if rng.random() < 0.5:
        lines.append(f"{rng.choice(('北', '南', '西北', '东南'))}风{rng.randint(1, 4)}级")
    pg.tr["furn:weather"] += 1
    return _furn(lines)


def _f_index(pg):
    rng = pg.rng
    lines = [rng.choice(("导读", "今日导读", "本报今日导读"))]
    style = rng.randint(0, 2)
    for _ in range(rng.randint(2, 5)):
        it = pg.draw(lambda it: 6 <= len(_nows(it["title"])) <= 30)
        if it is None:
            break
        t = _TITLE_LABEL.sub(r"\2", it["title"])
        p = rng.randint(2, 8)
        lines.append([f"{t} 第{p}版", f"▲ {t}（{p}版）", f"{t}"][style])
        if style == 2:
            lines.append(f"详见第{p}版")
    pg.tr["furn:index_box"] += 1
    return _furn(lines)


def _f_qr(pg):
    pg.tr["furn:qr_hint"] += 1
    return _furn([pg.rng.choice(("扫码看视频", "扫描二维码 阅读全文", "更多内容请扫码", "扫码下载客户端", "扫一扫 看更多"))])


# ----------------------------------------------------------------------------------------------
# items: headline parts, credits, bodies

def _title_parts(title):
    m = _TITLE_LABEL.match(title)
    label, main = (m.group(1), m.group(2)) if m else ("", title)
    return label, main.split()


def _usable(it):
    label, parts = _title_parts(it["title"])
    L = len("".join(parts))
    if 8 <= L <= 40:
        return True
    if L > 40 and len(parts) >= 2:
        return 8 <= len(parts[0]) <= 40 or 8 <= len("".join(parts[1:])) <= 40
    return False


def _headline(pg, it, allow_extra=True):
    """(kicker, title, subtitle, label) as printed (spaces inside kept)."""
    rng = pg.rng
    label, parts = _title_parts(it["title"])
    full = "".join(parts)
    kicker = subtitle = ""
    r = rng.random()
    rest = " ".join(parts[1:])
    if len(full) > 40:
        if 8 <= len(_nows(rest)) <= 40 and (r < 0.5 or not 8 <= len(parts[0]) <= 40):
            kicker, title = parts[0], rest
        else:
            title, subtitle = parts[0], rest
    elif len(parts) >= 2 and r < 0.18 and len(_nows(rest)) >= 8:
        kicker, title = parts[0], rest
    elif len(parts) >= 2 and r < 0.28 and len(parts[0]) >= 8:
        title, subtitle = parts[0], rest
    else:
        title = " ".join(parts)
    if subtitle and rng.random() < 0.5:
        subtitle = "——" + subtitle
    if allow_extra:
        if not kicker and rng.random() < 0.25:
            if label and rng.random() < 0.3:
                kicker = label
            else:
                c = _clauses(it["paragraphs"], 6, 18, rng)
                if c:
                    kicker = c[0] + ("——" if rng.random() < 0.2 else "")
        if not subtitle and rng.random() < 0.18:
            c = _clauses(it["paragraphs"][1:] or it["paragraphs"], 9, 28, rng)
            if c:
                subtitle = ("——" if rng.random() < 0.6 else "") + c[0]
    return kicker, title, subtitle, label


def _split_lines(rng, s, n):
    """Break a display string into n non-empty lines anywhere (mid-word too)."""
    s = s.strip()
    if n <= 1 or len(_nows(s)) < 2 * n:
        return [s]
    if " " in s and rng.random() < 0.7 and len(s.split()) == n:
        return s.split()
    idx = [i for i in range(1, len(s)) if not s[i].isspace() and not s[i - 1].isspace()
           and not (s[i].isascii() and s[i - 1].isascii())]
    if len(idx) < n - 1:
        return [s]
    cuts = sorted(rng.sample(idx, n - 1))
    out, prev = [], 0
    for c in cuts + [len(s)]:
        out.append(s[prev:c].strip())
        prev = c
    return [x for x in out if x]


def _nlines(rng, L):
    if L <= 10:
        return 1 if rng.random() < 0.9 else 2
    if L <= 20:
        return 1 if rng.random() < 0.55 else 2
    if L <= 30:
        return rng.choices((1, 2, 3), (0.3, 0.55, 0.15))[0]
    return rng.choices((1, 2, 3), (0.15, 0.55, 0.3))[0]


def _hline(pg, text, key, prefix=None, suffix=None):
    line = []
    if prefix:
        line.append((prefix, (key[0], "marker", 0)))
    if pg.rng.random() < 0.03 and len(text) <= 16:
        text = " ".join(text.replace(" ", ""))
        pg.tr["letterspaced_headline_lines"] += 1
    line.append((text, key))
    if suffix:
        line.append((suffix, (key[0], "marker", 0)))
    return line


def _credit_segments(pg, i, roles, paren=True, lead="", tail=""):
    """[(text, key)] for e.g. （记者 郝薇 通讯员 李明）, registering names."""
    rng = pg.rng
    segs = [(("（" if paren else "") + lead, (i, "credit", 0))]
    k0 = len(pg.names[i])
    for j, (role, n) in enumerate(roles):
        names = _names(rng, n, pg.used_names)
        sep = " " if role and rng.random() < 0.85 else ""
        segs.append(((" " if j else "") + role + sep, (i, "credit", 0)))
        for m, nm in enumerate(names):
            if m:
                segs.append((" ", None))
            segs.append((nm, (i, "name", k0)))
            pg.names[i].append(nm)
            k0 += 1
    segs.append((tail + ("）" if paren else ""), (i, "credit", 0)))
    return [(t, k) for t, k in segs if t]


def _byline(pg, i):
    rng = pg.rng
    roles = rng.choices([[("本报记者", 1)], [("本报记者", 2)], [("本报记者", 1), ("通讯员", 1)],
                         [("本报记者", 2), ("实习生", 1)], [("记者", 1)], [("本报通讯员", 1)],
                         [("本报评论员", 0)]], (0.3, 0.25, 0.18, 0.07, 0.1, 0.06, 0.04))[0]
    if roles[0][1] == 0:
        return [[("本报评论员", (i, "byline", 0))]]
    segs = []
    if rng.random() < 0.12:
        segs.append(("□ ", (i, "byline", 0)))
    k0 = len(pg.names[i])
    for j, (role, n) in enumerate(roles):
        segs.append(((" " if j else "") + role + " ", (i, "byline", 0)))
        for m, nm in enumerate(_names(rng, n, pg.used_names)):
            if m:
                segs.append((" ", None))
            segs.append((nm, (i, "name", k0)))
            pg.names[i].append(nm)
            k0 += 1
    pg.tr["byline"] += 1
    if len(segs) >= 4 and rng.random() < 0.1:
        cut = rng.randint(2, len(segs) - 1)
        pg.tr["byline_broken"] += 1
        return [segs[:cut], segs[cut:]]
    return [segs]


def _dateline(pg, i, it, mode):
    """Segments of the dateline plus its credit, and the dateline truth."""
    rng = pg.rng
    m, d = _md(it.get("date") or pg.date)
    if mode == "benbao":
        sp = rng.random() < 0.65
        s = f"本报{pg.city()} {m} 月 {d} 日讯" if sp else f"本报{pg.city()}{m}月{d}日讯"
    elif mode == "xinhua":
        sp = rng.random() < 0.25
        c = rng.choice(_NATIONAL)
        s = f"新华社{c} {m} 月 {d} 日电" if sp else f"新华社{c}{m}月{d}日电"
    else:
        s = "本报讯"
    pg.tr[f"dateline:{mode}"] += 1
    return [(s, (i, "dateline", 0))], _nows(s)


def _article(pg, it, *, target, pos, width, jump=None, cont=None, brief=None, subheads=0, head=True):
    """Build one article; returns its list of blocks (lines) in printed order."""
    rng = pg.rng
    tr = pg.tr
    i = pg.new_item("article")
    t = pg.truth[i]
    # --- body paragraphs
    paras = list(it["paragraphs"])
    if cont is not None:
        paras = _truncate(cont, 2000, rng)
    else:
        paras = _truncate(paras, target, rng)
    if jump is not None:
        body_paras, t.continued_to = jump
    else:
        body_paras = paras
    body_paras = [p for p in body_paras if _nows(p)]
    # subheads: a clause of the paragraph below, on a line of its own
    sub_at = {}
    if subheads and len(body_paras) >= 3:
        cand = [k for k in range(1, len(body_paras)) if len(body_paras[k]) >= 30]
        for k in rng.sample(cand, min(subheads, len(cand))):
            c = _clauses([body_paras[k]], 5, 15, rng)
            if c:
                sub_at[k] = c[0]
    # --- headline parts
    kicker = title = subtitle = ""
    marker = None
    if head:
        if cont is not None:
            _, full, _, _ = _headline(pg, it, allow_extra=False)
            mode = rng.choices(("full", "short", "none"), (0.4, 0.3, 0.3))[0]
            tr[f"continuation_title:{mode}"] += 1
            if mode == "short":
                parts = full.split()
                short = parts[-1] if len(parts) >= 2 else full[: max(4, len(full) * 2 // 3)]
                title = short if len(_nows(short)) >= 4 else full
            elif mode == "full":
                title = full
        elif brief is not None:
            label, parts = _title_parts(it["title"])
            title = " ".join(parts)
            marker = brief
        else:
            kicker, title, subtitle, _ = _headline(pg, it)
    t.title, t.kicker, t.subtitle = _nows(title), _nows(kicker), _nows(subtitle)
    # --- credits
    if cont is not None:
        dmode = "none"
    elif brief is not None:
        dmode = rng.choices(("benbaoxun", "none", "benbao", "xinhua"), (0.45, 0.35, 0.1, 0.1))[0]
    else:
        dmode = rng.choices(("benbao", "xinhua", "benbaoxun", "huoxi", "none"), (0.35, 0.12, 0.15, 0.12, 0.26))[0]
    dl_credit = byline = endcredit = False
    r = rng.random()
    if dmode == "benbao":
        dl_credit, byline = r < 0.75, 0.75 <= r < 0.9
    elif dmode == "xinhua":
        dl_credit = r < 0.4
    elif dmode == "benbaoxun":
        dl_credit, endcredit = r < 0.6, 0.6 <= r < 0.8
    elif dmode == "huoxi":
        byline, endcredit = r < 0.4, 0.4 <= r < 0.7
    elif cont is None:
        byline, endcredit = r < (0.6 if brief is None else 0.0), (0.6 if brief is None else 0.3) <= r < 0.85
    if brief is not None:
        byline = False
    # --- body stream
    W = _Writer(pg, width, col=pg.col, first=rng.randint(1, pg.col[1]), wchange=pg.wchange)
    drate = rng.choice((0.0, 0.0, 0.25, 0.5, 0.8))
    out_paras = []
    pkey = 0
    for k, p in enumerate(body_paras):
        if k in sub_at:
            W.flush(last=True)
            if rng.random() < 0.85:
                W.blank()
            sh = sub_at[k]
            if len(sh) > W.W + 4:
                W.put(sh, (i, "body", pkey))
            else:
                W.line.append((sh, (i, "body", pkey)))
            W.flush(last=True)
            if rng.random() < 0.3:
                W.blank()
            out_paras.append(sh)
            pkey += 1
            tr["subheads"] += 1
        elif k > 0:
            W.flush(last=True)
            if rng.random() < pg.p_pblank:
                W.blank()
        if pg.indent in ("fw", "sp2") or (pg.indent == "sp1" and k == 0):
            W.indent(pg.indent)
        if k == 0:
            if cont is not None:
                W.put("（上接第1版）", (i, "jump", 0))
                tr["continuation"] += 1
                if rng.random() < 0.4:
                    W.flush(last=True)
            if dmode in ("benbao", "xinhua", "benbaoxun"):
                segs, t.dateline = _dateline(pg, i, it, dmode)
                for s, key in segs:
                    W.put(s, key)
                if dl_credit:
                    tr["dateline_credit"] += 1
                    roles = rng.choices([[("记者", 1)], [("记者", 2)], [("记者", 1), ("通讯员", 1)],
                                         [("通讯员", 1)], [("记者", 1), ("实习生", 1)]],
                                        (0.5, 0.15, 0.2, 0.1, 0.05))[0]
                    if rng.random() < 0.3:
                        W.put(" ", None)
                    for s, key in _credit_segments(pg, i, roles):
                        W.put(s, key)
                if rng.random() < 0.35:
                    W.put(" ", None)
                if rng.random() < 0.05:
                    W.flush(last=True)
                    tr["dateline_own_line"] += 1
            elif dmode == "huoxi":
                mm, dd = _md(it.get("date") or pg.date)
                opener = f"记者{dd}日从{rng.choice(_ORGS)}获悉，"
                p = opener + p
                tr["dateline:huoxi"] += 1
        W.put(p, (i, "body", pkey), drate)
        out_paras.append(p)
        pkey += 1
    if endcredit:
        tr["end_credit"] += 1
        if rng.random() < 0.25:
            W.flush(last=True)
        else:
            W.put(rng.choice((" ", "")), None)
        if dmode in ("none", "huoxi") and (brief is not None or rng.random() < 0.3):
            W.put(rng.choice(("（据新华社）", "（据央视新闻）", "（新华）", "（据人民日报）")), (i, "credit", 0))
        else:
            roles = rng.choice(([("记者", 1)], [("记者", 1), ("通讯员", 1)], [("通讯员", 1)], [("", 2)]))
            for s, key in _credit_segments(pg, i, roles):
                W.put(s, key)
    if t.continued_to:
        tr["jump_line"] += 1
        if rng.random() < 0.3:
            W.flush(last=True)
        else:
            W.put(" ", None)
        W.put(f"（下转{t.continued_to}）", (i, "jump", 0))
    body_blocks = W.done()
    t.body = "\n".join(_nows(p) for p in out_paras)
    # --- headline blocks
    hl = []   # list of (component, lines)
    if kicker:
        L = len(_nows(kicker))
        hl.append(("kicker", [_hline(pg, x, (i, "kicker", 0))
                              for x in _split_lines(rng, kicker, 2 if L > 16 and rng.random() < 0.3 else 1)]))
        tr["kicker"] += 1
    if title:
        tl = _split_lines(rng, title, _nlines(rng, len(_nows(title))))
        tr[f"title_lines:{len(tl)}"] += 1
        lines = []
        for j, x in enumerate(tl):
            if marker == "【】":
                lines.append(_hline(pg, x, (i, "title", 0), "【" if j == 0 else None,
                                    "】" if j == len(tl) - 1 else None))
            else:
                lines.append(_hline(pg, x, (i, "title", 0), (marker + rng.choice((" ", ""))) if marker and j == 0 else None))
        hl.append(("title", lines))
    if subtitle:
        L = len(_nows(subtitle))
        hl.append(("subtitle", [_hline(pg, x, (i, "subtitle", 0))
                                for x in _split_lines(rng, subtitle, 2 if L > 22 and rng.random() < 0.5 else 1)]))
        tr["subtitle:dash" if subtitle.startswith("——") else "subtitle:plain"] += 1
    if kicker and title and rng.random() < 0.1:
        hl[0], hl[1] = hl[1], hl[0]
        tr["kicker_below_title"] += 1
    if byline:
        bl = ("byline", _byline(pg, i))
        if rng.random() < 0.35:
            hl.insert(0, bl)
            tr["byline_above_headline"] += 1
        else:
            hl.append(bl)
            tr["byline_below_headline"] += 1
    head_blocks = []
    if hl:
        p_sep = rng.choice((0.0, 0.4, 1.0))
        cur = []
        for j, (comp, lines) in enumerate(hl):
            if j and cur:
                p = 0.6 if "byline" in (comp, hl[j - 1][0]) else p_sep
                if rng.random() < p:
                    head_blocks.append(cur)
                    cur = []
            if comp == "title" and len(lines) > 1 and rng.random() < 0.1:
                head_blocks.append(cur + lines[:1])
                cur = lines[1:]
                tr["title_lines_blank_between"] += 1
            else:
                cur = cur + lines
        if cur:
            head_blocks.append(cur)
        head_blocks = [b for b in head_blocks if b]
    nb, nh = len(body_blocks), len(head_blocks)
    if pos == AFTER or not head_blocks:
        if head_blocks:
            tr["headline_after"] += 1
        out = _Blocks(body_blocks + head_blocks)
        out.cuts = list(range(1, nb))
        return out
    tr["headline_before"] += 1
    out = _Blocks(head_blocks + body_blocks)
    out.cuts = list(range(nh + 1, nh + nb))
    return out


_CREDIT_FORMS = [  # (before names, roles, after) for captions
    ("本报记者", 1, "摄"), ("本报记者", 2, "摄"), ("新华社记者", 1, "摄"), ("", 1, "摄"), ("通讯员", 1, "摄"),
    ("新华社发", 0, ""), ("本报记者", 1, "通讯员 摄"), ("资料图片", 0, ""), ("", 0, ""),
]


def _caption(pg, it, oneline=None, width=None):
    rng = pg.rng
    i = pg.new_item("caption")
    sents = [(j, s.strip()) for j, p in enumerate(it["paragraphs"]) for s in _sentences(p)]
    good = [x for x in sents if 18 <= len(x[1]) <= 110 and _balanced(x[1]) and x[1][-1] in "。！？”"] or \
        [x for x in sents if len(x[1]) >= 10] or sents
    k = rng.randrange(len(good))
    text = good[k][1]
    if rng.random() < 0.25 and k + 1 < len(good) and good[k + 1][0] == good[k][0] \
            and len(text) + len(good[k + 1][1]) <= 150:
        text += good[k + 1][1]
    text = text.strip()
    key = (i, "body", 0)
    form = rng.choices(_CREDIT_FORMS, (0.3, 0.08, 0.12, 0.1, 0.08, 0.1, 0.07, 0.05, 0.1))[0]
    segs = []
    if form[0] or form[1]:
        paren = rng.random() < 0.2
        lead, n, tail = form
        segs.append((("（" if paren else "") + lead + (" " if lead and n else ""), key))
        k0 = 0
        if n:
            names = _names(rng, n, pg.used_names)
            for m, nm in enumerate(names):
                if m:
                    segs.append((" ", None))
                segs.append((nm, (i, "name", k0)))
                pg.names[i].append(nm)
                k0 += 1
            if tail == "通讯员 摄":
                nm = _names(rng, 1, pg.used_names)[0]
                segs += [(" 通讯员 ", key), (nm, (i, "name", k0))]
                pg.names[i].append(nm)
                tail = "摄"
            segs.append((" " + tail, key))
        if paren:
            segs.append(("）", key))
    segs = [(s, k) for s, k in segs if s]
    pg.truth[i].body = _nows(text + "".join(s for s, _ in segs))
    if oneline is None:
        oneline = rng.random() < 0.55
    placement = rng.choices(("runon", "ownline"), (0.75, 0.25))[0] if segs else "runon"
    pg.tr["caption"] += 1
    if oneline:
        pg.tr["caption_one_line"] += 1
        line = [(text, key)]
        if segs:
            if placement == "runon":
                line.append((rng.choice((" ", "  ", "")), None))
                line += segs
                return [[line]]
            return [[line, segs]]
        return [[line]]
    pg.tr["caption_wrapped"] += 1
    W = _Writer(pg, width or rng.randint(12, 30), columns=False)
    W.put(text, key)
    if segs:
        if placement == "ownline":
            W.flush(last=True)
        else:
            W.put(" ", None)
        for s, k in segs:
            W.put(s, k)
    return W.done()


# ----------------------------------------------------------------------------------------------
# page kinds

def _width(rng):
    return max(8, min(22, round(rng.triangular(8, 22, 14))))


def _place(rng, units, unit, lo=0):
    units.insert(rng.randint(lo, len(units)), unit)


def _interleave(pg, units):
    """Put a short unit between two column blocks of an article, as reading order sometimes does."""
    rng = pg.rng
    cands = [j for j, u in enumerate(units) if u[0] == "art" and len(u[1]) >= 3]
    if not cands:
        return units
    j = rng.choice(cands)
    others = [k for k, u in enumerate(units) if k != j and u[0] in ("cap", "furn", "art") and
              (u[0] != "art" or sum(len(b) for b in u[1]) <= 40)]
    if not others:
        return units
    k = rng.choice(others)
    ins = units[k]
    blocks = units[j][1]
    cuts = getattr(blocks, "cuts", None)
    if not cuts or rng.random() < 0.2:
        cuts = list(range(1, len(blocks)))
        pg.tr["interleaved_at_any_block"] += 1
    at = rng.choice(cuts)
    new = ("art", blocks[:at] + ins[1] + blocks[at:])
    pg.tr[f"interleaved:{ins[0]}"] += 1
    units = list(units)
    units[j] = new
    del units[k]
    return units


def _page_common(pg, page_no, units, head=True):
    rng = pg.rng
    pre, post = [], []
    if head and rng.random() < 0.7:
        pre.append(("furn", _f_masthead(pg) if page_no == 1 else _f_header(pg, page_no)))
    if rng.random() < 0.45:
        post.append(("furn", _f_footer(pg)))
    return pre + units + post


def _ordinary(pg, page_no):
    rng = pg.rng
    n = rng.randint(3, 8)
    pg.col = (rng.randint(2, 12), rng.randint(14, 50))
    pg.wchange = rng.choice((0.0, 0.05, 0.15))
    units = []
    jump_at = rng.randrange(min(n, 3)) if page_no == 1 and rng.random() < 0.45 else None
    for j in range(n):
        it = pg.draw(lambda it: _usable(it) and len("".join(it["paragraphs"])) >= 60)
        if it is None:
            break
        target = rng.randint(450, 1600) if j == 0 else rng.randint(100, 700 if n <= 5 else 420)
        jump = None
        if j == jump_at:
            full = it["paragraphs"]
            if len(full) >= 2 or len(full[0]) > 120:
                head, _ = _split_for_jump(rng, full)
                jump = (_truncate(head, 1800, rng), f"第{rng.choice((2, 2, 2, 3, 4, 5))}版")
        blocks = _article(pg, it, target=target, pos=pg.item_pos(), width=_width(rng), jump=jump,
                          subheads=rng.choice((0, 0, 2, 3, 4)) if target > 900 or jump else 0)
        units.append(("art", blocks))
        if rng.random() < 0.15:
            units.insert(len(units) - 1 if pg.position != AFTER or rng.random() < 0.5 else len(units),
                         ("furn", _f_label(pg)))
    if page_no > 1 and rng.random() < 0.35:
        it = pg.draw(lambda it: _usable(it) and len(it["paragraphs"]) >= 2)
        if it is not None:
            _, tail = _split_for_jump(rng, it["paragraphs"])
            u = ("art", _article(pg, it, target=0, pos=pg.item_pos(), width=_width(rng), cont=tail))
            _place(rng, units, u) if rng.random() < 0.5 else units.insert(0, u)
    for _ in range(rng.choices((0, 1, 2, 3), (0.45, 0.3, 0.17, 0.08))[0]):
        it = pg.draw(lambda it: True)
        if it:
            _place(rng, units, ("cap", _caption(pg, it)))
    extras = []
    if rng.random() < 0.25:
        extras.append(_f_band(pg))
    if rng.random() < 0.15:
        extras.append(_f_advert(pg))
    if rng.random() < 0.1:
        extras.append(_f_notice(pg))
    if rng.random() < 0.1:
        extras.append(_f_qr(pg))
    if page_no == 1:
        if rng.random() < 0.4:
            extras.append(_f_index(pg))
        if rng.random() < 0.25:
            extras.append(_f_weather(pg))
    for e in extras:
        _place(rng, units, ("furn", e))
    if rng.random() < 0.3:
        units = _interleave(pg, units)
    return _page_common(pg, page_no, units)


def _split_for_jump(rng, paras):
    """(head, tail) of an article broken by a jump: at a paragraph end, a sentence end or mid-sentence."""
    paras = [p for p in paras if _nows(p)]
    if len(paras) >= 2 and rng.random() < 0.6:
        k = rng.randint(1, len(paras) - 1)
        return paras[:k], paras[k:]
    # inside a paragraph
    cand = [k for k, p in enumerate(paras) if len(p) >= 40] or [max(range(len(paras)), key=lambda k: len(paras[k]))]
    k = rng.choice(cand)
    p = paras[k]
    sents = _sentences(p)
    if len(sents) >= 2 and rng.random() < 0.5:
        c = len("".join(sents[: rng.randint(1, len(sents) - 1)]))
    else:
        c = rng.randint(max(1, len(p) // 4), max(2, len(p) * 3 // 4))
    a, b = p[:c].rstrip(), p[c:].lstrip()
    if not _nows(a) or not _nows(b):
        return paras[: k + 1], paras[k + 1:] or [p]
    return paras[:k] + [a], [b] + paras[k + 1:]


def _long(pg, page_no):
    rng = pg.rng
    pg.col = (rng.randint(4, 20), rng.randint(25, 60))
    pg.wchange = rng.choice((0.0, 0.05, 0.1))
    it = None
    if pg.long_pool:
        idx = rng.choice(pg.long_pool)
        it = pg.pool[idx]
        pg.used_ids.add(idx)
    if it is None:
        it = pg.draw(_usable)
    units = []
    if rng.random() < 0.5:
        units.append(("furn", _f_label(pg) if rng.random() < 0.5 else _f_band(pg, _title_parts(it["title"])[0] or None)))
    blocks = _article(pg, it, target=rng.randint(1500, 4000), pos=pg.item_pos(), width=_width(rng),
                      subheads=rng.randint(2, 6) if rng.random() < 0.8 else 0)
    units.append(("art", blocks))
    for _ in range(rng.choice((0, 1, 1, 2))):
        other = (pg.draw(lambda x: True) if rng.random() < 0.5 else None) or it
        _place(rng, units, ("cap", _caption(pg, other)))
    if rng.random() < 0.5:
        units = _interleave(pg, units)
    if rng.random() < 0.2:
        _place(rng, units, ("furn", _f_qr(pg)))
    return _page_common(pg, page_no, units)


def _briefs(pg, page_no):
    rng = pg.rng
    pg.col = (rng.randint(3, 15), rng.randint(15, 45))
    pg.wchange = 0.0
    marker = rng.choice(("■", "●", "▲", "◆", "【】", ""))
    width = rng.randint(12, 22)
    units = [("furn", _f_band(pg, rng.choice(_BRIEF_BANDS)))]
    pos = pg.item_pos() if pg.position != MIXED else MIXED
    for _ in range(rng.randint(6, 10)):
        it = pg.draw(lambda it: 8 <= len(_nows(_TITLE_LABEL.sub(r"\2", it["title"]))) <= 40)
        if it is None:
            break
        p = pos if pos != MIXED else rng.choice((AFTER, BEFORE))
        units.append(("art", _article(pg, it, target=rng.randint(50, 260), pos=p, width=width,
                                      brief=marker)))
        pg.tr["brief"] += 1
    if rng.random() < 0.3:
        it = pg.draw(lambda it: True)
        if it:
            _place(rng, units, ("cap", _caption(pg, it)), 1)
    if rng.random() < 0.2:
        _place(rng, units, ("furn", _f_advert(pg)), 1)
    return _page_common(pg, page_no, units)


def _photo(pg, page_no):
    rng = pg.rng
    pg.col = (rng.randint(3, 12), rng.randint(12, 40))
    pg.wchange = 0.0
    units = [("furn", _f_band(pg, rng.choice(_PHOTO_BANDS)))]
    oneline = rng.choice((None, True, False))
    w = rng.randint(12, 30)
    for _ in range(rng.randint(4, 8)):
        it = pg.draw(lambda it: True)
        if it:
            units.append(("cap", _caption(pg, it, oneline=oneline, width=w)))
    if rng.random() < 0.5:
        it = pg.draw(_usable)
        if it:
            _place(rng, units, ("art", _article(pg, it, target=rng.randint(100, 400), pos=pg.item_pos(),
                                               width=_width(rng))), 1)
    return _page_common(pg, page_no, units)


# ----------------------------------------------------------------------------------------------
# assembly and the truth check

_HEAD_ROLES = ("title", "kicker", "subtitle")


def _assemble(pg, units):
    lines = []
    for _, blocks in units:
        for b in blocks:
            if lines:
                lines.append([])
            lines.extend(b)
    return lines


def _verify(pg, lines):
    """Derive what was printed per (item, role) and check it against the truth; return truth in order."""
    acc: dict = {}
    first: dict = {}
    name_order: dict = {}
    for li, line in enumerate(lines):
        roles = set()
        for text, key in line:
            if "\n" in text:
                raise AssertionError("newline inside a span")
            if key is None:
                if _nows(text):
                    raise AssertionError(f"untagged text {text!r}")
                continue
            if not _nows(text):
                continue
            acc.setdefault(key, []).append(text)
            it = key[0]
            if it >= 0:
                first.setdefault(it, li)
                if key[1] == "name":
                    name_order.setdefault(it, {}).setdefault(key[2], len(name_order[it]))
            roles.add((it, key[1]))
        if not roles:
            continue
        items = {r[0] for r in roles}
        kinds = {r[1] for r in roles}
        if kinds & set(_HEAD_ROLES):
            if len(items) != 1 or len(kinds - {"marker"}) != 1:
                raise AssertionError(f"headline line shares with {roles}")
        if "byline" in kinds and (len(items) != 1 or kinds - {"byline", "name"}):
            raise AssertionError(f"byline line shares with {roles}")
        if -1 in items and len(items) != 1:
            raise AssertionError("furniture line shares with an item")
        if "marker" in kinds and not kinds & set(_HEAD_ROLES):
            raise AssertionError("marker alone")

    def get(i, role, k=0):
        return _nows("".join(acc.get((i, role, k), ())))

    for i, t in enumerate(pg.truth):
        if i not in first:
            raise AssertionError(f"item {i} not printed")
        names = [get(i, "name", k) for k in sorted(name_order.get(i, {}), key=lambda k: name_order[i][k])]
        rep = []
        for n in names:
            if n not in rep:
                rep.append(n)
        if sorted(rep) != sorted(set(pg.names[i])):
            raise AssertionError(f"reporters {rep} vs {pg.names[i]}")
        t.reporters = rep
        if t.kind == "caption":
            seq = []
            for line in lines:
                for text, key in line:
                    if key is not None and key[0] == i:
                        seq.append(text)
            printed = _nows("".join(seq))
            if printed != t.body or t.title or not t.body:
                raise AssertionError(f"caption mismatch {printed!r} vs {t.body!r}")
            credits = printed
        else:
            for role in _HEAD_ROLES + ("dateline",):
                if get(i, role) != getattr(t, role):
                    raise AssertionError(f"{role}: printed {get(i, role)!r} vs truth {getattr(t, role)!r}")
            paras = t.body.split("\n")
            got = [get(i, "body", k) for k in range(len(paras))]
            if got != paras or (i, "body", len(paras)) in acc or not all(paras):
                raise AssertionError(f"body mismatch in item {i}: {got[:2]} vs {paras[:2]}")
            jump = get(i, "jump")
            if t.continued_to and f"（下转{t.continued_to}）" not in jump:
                raise AssertionError("jump line missing")
            if not t.continued_to and "下转" in jump:
                raise AssertionError("jump without continued_to")
            if t.title and not 4 <= len(t.title) <= 40:
                raise AssertionError(f"title length {t.title!r}")
            credits = get(i, "credit") + get(i, "byline") + "".join(names)
        for n in t.reporters:
            if n not in credits:
                raise AssertionError(f"reporter {n} not in credits")
        for f in ("title", "kicker", "subtitle", "dateline"):
            v = getattr(t, f)
            if _nows(v) != v:
                raise AssertionError("whitespace in truth")
    order = sorted(range(len(pg.truth)), key=lambda i: first[i])
    return [pg.truth[i] for i in order]


# ----------------------------------------------------------------------------------------------
# entry points

_KINDS = (("ordinary", 0.56), ("long", 0.14), ("briefs", 0.15), ("photo", 0.15))


def _prepare(items, date_range):
    if items is None:
        items = load_items()
    pool = []
    for it in items:
        d = str(it.get("date", "") or "")
        if date_range and d and not (date_range[0] <= d <= date_range[1]):
            continue
        paras = [p for p in it.get("paragraphs", []) if _nows(p)]
        if not paras or not _nows(it.get("title", "")):
            continue
        pool.append({"title": _WS.sub(" ", it["title"]).strip(), "paragraphs": [_WS.sub(" ", p).strip() for p in paras],
                     "date": d if re.fullmatch(r"\d{8}", d) else "20240101"})
    if not pool:
        raise ValueError("no news items in the date range")
    by_date: dict = {}
    for k, it in enumerate(pool):
        by_date.setdefault(it["date"], []).append(k)
    dates = sorted(by_date)
    lens = [(sum(len(p) for p in it["paragraphs"]), k) for k, it in enumerate(pool) if _usable(it)]
    long_pool = [k for L, k in lens if L >= 1000]
    if len(long_pool) < 5:
        long_pool = [k for L, k in sorted(lens, reverse=True)[:20]]
    return pool, by_date, dates, long_pool


def _one_page(prep, position, rng):
    pg = _Pg(rng, position, *prep)
    pg.start_day()
    kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
    pg.tr[f"kind:{kind}"] += 1
    pg.tr[f"indent:{pg.indent}"] += 1
    pg.tr[f"para_blank:{pg.p_pblank}"] += 1
    if kind == "ordinary":
        page_no = 1 if rng.random() < 0.35 else rng.randint(2, 12)
        units = _ordinary(pg, page_no)
    elif kind == "long":
        units = _long(pg, rng.randint(2, 16))
    elif kind == "briefs":
        units = _briefs(pg, rng.randint(2, 12))
    else:
        units = _photo(pg, rng.randint(2, 16))
    lines = _assemble(pg, units)
    truth = _verify(pg, lines)
    text = "\n".join("".join(t for t, _ in ln) for ln in lines) + "\n"
    if rng.random() < 0.15:
        text += "\f"
    page = Page(text=text, truth=truth, position=position)
    pg.tr["items:article"] += sum(t.kind == "article" for t in truth)
    pg.tr["items:caption"] += sum(t.kind == "caption" for t in truth)
    page.traits = pg.tr
    return page


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    if position not in (AFTER, BEFORE, MIXED):
        raise ValueError(f"position must be one of after/before/mixed, not {position!r}")
    prep = _prepare(items, date_range)
    return [_one_page(prep, position, random.Random(f"pagegen_k:{seed}:{position}:{i}")) for i in range(n)]


# ----------------------------------------------------------------------------------------------
# command line

def _show(pages):
    for k, p in enumerate(pages):
        print(f"=================== page {k} ({p.position}) ===================")
        print(p.text)
        print("------------------- truth -------------------")
        for t in p.truth:
            head = " | ".join(x for x in (f"kicker={t.kicker}" if t.kicker else "", f"title={t.title}",
                                          f"subtitle={t.subtitle}" if t.subtitle else "",
                                          f"dateline={t.dateline}" if t.dateline else "",
                                          f"reporters={','.join(t.reporters)}" if t.reporters else "",
                                          f"continued_to={t.continued_to}" if t.continued_to else "") if x)
            print(f"[{t.kind}] {head}")
            body = t.body.replace("\n", " ⏎ ")
            print("    " + (body[:160] + "…" if len(body) > 160 else body))


def _digest(n, seed=0):
    h = hashlib.sha256()
    for pos in (AFTER, BEFORE, MIXED):
        for p in generate_pages(n, pos, seed, date_range=TEST_DATES):
            h.update(p.text.encode())
            h.update(repr([vars(t) for t in p.truth]).encode())
    return h.hexdigest()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int)
    ap.add_argument("--traits", type=int)
    ap.add_argument("--check", type=int)
    ap.add_argument("--digest", type=int)
    ap.add_argument("--position", default=AFTER)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.show:
        _show(generate_pages(a.show, a.position, a.seed, date_range=TEST_DATES))
    if a.digest:
        print(_digest(a.digest, a.seed))
    if a.traits:
        for pos in (AFTER, BEFORE, MIXED):
            c = Counter()
            for p in generate_pages(a.traits, pos, a.seed, date_range=TEST_DATES):
                c.update(p.traits)
                c["pages"] += 1
            print(f"--- {pos}: {a.traits} pages")
            for k in sorted(c):
                print(f"  {k:40s} {c[k]}")
    if a.check:
        load_items()
        total = 0.0
        npages = 0
        for pos in (AFTER, BEFORE, MIXED):
            t0 = time.perf_counter()
            pages = generate_pages(a.check, pos, a.seed, date_range=TEST_DATES)
            dt = time.perf_counter() - t0
            total += dt
            npages += len(pages)
            again = generate_pages(5, pos, a.seed, date_range=TEST_DATES)
            assert [p.text for p in again] == [p.text for p in pages[:5]], "not deterministic"
            assert all(p.truth for p in pages)
            print(f"{pos}: {len(pages)} pages checked, {1000 * dt / len(pages):.2f} ms/page")
        ok = True
        d0 = _digest(10, a.seed)
        for hs in ("0", "12345"):
            env = dict(os.environ, PYTHONHASHSEED=hs)
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--digest", "10", "--seed", str(a.seed)],
                                 env=env, capture_output=True, text=True)
            ok &= out.stdout.strip() == d0
        print(f"same under PYTHONHASHSEED 0/12345: {ok}")
        print(f"check passed: {npages} pages, {1000 * total / npages:.2f} ms/page" if ok else "check FAILED")
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
