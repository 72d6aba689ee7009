"""Page generator g: provincial party dailies and sector papers (省报, 经济/农民/法治 dailies), as the
PDF's text layer gives their pages. Written blind from the page spec; standard library only.

Every printed character is tagged with (item, role) while it is set; at the end of each page the
truth (kicker / title / subtitle / dateline / body of every item) is asserted equal to what was
printed for it, whitespace aside, and every printed line is asserted to hold one item (or furniture)
and one role family.

    python benchmarks/pagegen_g.py --show 3 [--position after|before|mixed] [--seed S]
    python benchmarks/pagegen_g.py --traits 500
    python benchmarks/pagegen_g.py --check 2000      # self-check on N pages per position, timed
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE, MIXED = "after", "before", "mixed"
POSITIONS = (AFTER, BEFORE, MIXED)


@dataclass
class TruthItem:
    kind: str
    title: str
    body: str
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


# ---------------------------------------------------------------------------------------------
# items
_PREFIX = "央视网消息（新闻联播）："
_CACHE: dict[str, list[dict]] = {}


def _default_items_path() -> Path:
    if os.environ.get("BRIEF_XWLB_ITEMS"):
        return Path(os.environ["BRIEF_XWLB_ITEMS"])
    shared = os.environ.get("BRIEF_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parent.parent.parent / "shared"
    return base / "eval" / "xwlb" / "items-dev.jsonl.gz"


def load_items(path: str | Path | None = None) -> list[dict]:
    p = Path(path) if path else _default_items_path()
    key = str(p)
    if key not in _CACHE:
        out = []
        opener = gzip.open if p.suffix == ".gz" else open
        with opener(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d.get("is_roundup") or d.get("title") in (None, "", "undefined"):
                    continue
                text = d.get("text") or ""
                text = text.removeprefix(_PREFIX)
                paras = [q.strip() for q in text.split("\n") if q.strip()]
                if paras:
                    out.append({"title": d["title"].strip(), "paragraphs": paras, "date": d["date"]})
        _CACHE[key] = out
    return _CACHE[key]


def _clean_items(items: list[dict], date_range) -> list[dict]:
    out = []
    for it in items:
        paras = [" ".join(q.split()) for q in it.get("paragraphs", []) if q and q.strip()]
        title = " ".join((it.get("title") or "").split())
        if not paras or not title or title == "undefined":
            continue
        if date_range and not (date_range[0] <= it.get("date", "") <= date_range[1]):
            continue
        out.append({"title": title, "paragraphs": paras, "date": it.get("date") or "20240101",
                    "n": sum(len(q) for q in paras)})
    return out


# ---------------------------------------------------------------------------------------------
# own word lists (written for this generator)
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏飞斌宇浩凯晨博文颖佳琳欣瑞雪梅岩峰建国志海波宁健宏晓燕春雷龙辉丹婷蕾倩晶慧亮振亚楠")
CITIES = ["石家庄", "保定", "邯郸", "郑州", "洛阳", "南阳", "济南", "潍坊", "临沂", "合肥", "芜湖", "阜阳",
          "长沙", "岳阳", "常德", "南昌", "赣州", "九江", "成都", "绵阳", "宜宾", "昆明", "大理", "曲靖",
          "兰州", "天水", "西宁", "银川", "呼和浩特", "包头", "哈尔滨", "齐齐哈尔", "长春", "延边", "沈阳",
          "鞍山", "贵阳", "遵义", "南宁", "柳州", "海口", "福州", "泉州", "杭州", "湖州", "温州", "徐州",
          "盐城", "忻州", "晋城", "吕梁", "长治", "榆林", "汉中"]
XH_CITIES = ["北京", "北京", "北京", "上海", "广州", "武汉", "重庆", "天津", "西安", "拉萨", "乌鲁木齐"]
PAPERS = ["北岭日报", "云川日报", "江淮晨报", "中原农民报", "华北经济日报", "三农日报", "法治时报",
          "东海日报", "西江日报", "农村经济报", "南岭法治报", "经济时报", "塞北日报", "湘江日报"]
SECTIONS = ["要闻", "综合", "经济", "三农", "法治", "民生", "区域", "视点", "时政", "社会", "专题", "乡村振兴",
            "产经", "政法"]
ORGS = ["省商务厅", "省农业农村厅", "省市场监管局", "省高级人民法院", "省统计局", "省发展改革委",
        "省人社厅", "省水利厅", "省林草局", "省司法厅", "省检察院", "省财政厅", "省粮食和储备局",
        "市委组织部", "县农技推广中心", "省交通运输厅", "省生态环境厅", "省供销社"]
TOPICS = ["秋粮收储", "就业服务", "营商环境", "基层治理", "乡村建设", "高标准农田", "普法宣传", "消费提振",
          "科技创新", "生态保护", "农机作业", "冬春水利", "产业帮扶", "诉源治理", "物流畅通", "社保扩面",
          "安全生产", "种业振兴", "县域经济", "外贸稳规模"]
SERIES = ["聚焦高质量发展", "奋进新征程 建功新时代", "一线调研", "走基层 看变化", "在希望的田野上",
          "法治护航营商环境", "稳经济 促发展", "喜迎丰收节", "数说成就", "新春走基层", "锚定目标抓落实",
          "深化改革在行动", "看项目 比进度", "三农新观察", "金秋时节看{c}", "乡村振兴看{c}"]
SUB_TEMPLATES = ["——{c}推进{t}工作纪实", "——来自{c}{t}一线的报道", "——{o}负责人答记者问",
                 "——{c}{t}工作综述", "——写在{t}现场会召开之际", "——{c}以{t}助力高质量发展"]
SUBHEAD_TEMPLATES = ["{t}持续向好", "{t}成效明显", "{t}稳步推进", "着力补齐{t}短板", "{t}迈上新台阶",
                     "多措并举抓{t}", "{t}活力不断释放", "织密{t}保障网", "以{t}带动发展",
                     "{t}举措更加务实"]
CN_NUM = "一二三四五六七八九十"
QUESTIONS = ["请您介绍一下{t}方面的最新进展。", "下一步有哪些具体打算？", "群众最关心的问题如何解决？",
             "在推进{t}过程中遇到了哪些困难？", "这项工作的亮点体现在哪里？", "如何让政策更快落地见效？"]
SCENES = ["{d}，{c}一处田间，农机手正在抢收玉米", "{d}，在{c}一家企业车间，工人正在赶制订单",
          "{d}，{c}的志愿者为群众讲解法律知识", "游客在{c}一处景区参观游览", "{d}，{c}某物流园区内车辆往来繁忙",
          "{d}，{c}的农户在晾晒新收获的谷子", "{c}一处高标准农田里，喷灌设备正在作业",
          "{d}，{c}法院法官到村里开展巡回审判", "参赛选手在{c}举行的技能大赛上比拼", "{d}，{c}街头的便民服务点",
          "{c}一家合作社的社员正在分拣果品", "{d}，航拍{c}新建成的乡村公路"]
CAP_WHEN = ["{d}，", "{d}，", "近日，", "日前，", "", "{d}上午，", "{d}下午，"]
CAP_WHERE = ["{c}一处田间", "{c}一家企业车间", "{c}某物流园区", "{c}一处高标准农田", "{c}街头", "{c}一个村的文化广场",
             "{c}某合作社的大棚里", "{c}一处建设工地", "{c}某县人民法院", "{c}一家超市", "{c}港口码头",
             "{c}某社区服务中心", "{c}一所中学", "{c}的一处湿地", "{c}某果园", "{c}一个乡镇的集市"]
CAP_WHO = ["农机手", "工人", "志愿者", "法官", "村民", "技术人员", "游客", "社区工作者", "学生", "果农",
           "民警", "检察官", "快递员", "参赛选手", "农技专家", "养殖户"]
CAP_DOING = ["正在抢收玉米", "正在赶制订单", "为群众讲解法律知识", "在晾晒新收获的谷子", "正在调试设备",
             "在分拣果品", "参加技能比拼", "正在装卸货物", "开展巡回审判", "选购年货", "指导农户科学施肥",
             "在田间查看苗情", "进行消防演练", "在直播间推介农产品", "清理河道垃圾", "为老人免费义诊"]
CAP_TITLES = ["秋收正忙", "丰收图景", "车间里的忙碌", "普法进乡村", "田间新景", "一线掠影", "奋斗身影", "金秋"]
AD_LINES = [["{c}丰禾牌农机", "助力秋收 质量可靠", "服务热线：0{a}-{p}"],
            ["诚聘", "{c}某农业科技公司招聘技术员5名", "联系电话：{m}"],
            ["遗失声明", "{c}某商贸有限公司遗失公章一枚，", "声明作废。"],
            ["公告", "{c}某建设项目环境影响评价公众参与公示，", "公示期10个工作日，联系电话：0{a}-{p}。"],
            ["{c}天气预报", "今天白天 晴转多云 {t1}℃～{t2}℃", "北风3级"],
            ["招标公告", "{c}某水利工程施工招标，报名截止{mo}月{dd}日", "咨询电话：{m}"]]
COL_LABELS = ["记者观察", "民生", "·简讯·", "新闻速递", "一线调查", "基层传真", "法治在线", "三农视点",
              "数说经济", "图片新闻", "本版导读", "综合新闻", "要闻简报", "视点"]
QR_LINES = ["扫码看视频", "扫描二维码 阅读更多内容", "扫码下载本报客户端", "扫码看更多精彩图片"]
CLOSERS = set("，。、；：？！）”》’」』】％%,.;:!?)")
OPENERS = set("（“《‘「『【(")
WEEK = "一二三四五六日"


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))


def _names(rng, k):
    out = []
    while len(out) < k:
        n = _name(rng)
        if n not in out:
            out.append(n)
    return out


def _w(ch):
    return 0.5 if ord(ch) < 128 else 1.0


def _is_cjk(ch):
    return "\u4e00" <= ch <= "\u9fff"


def _is_alnum(ch):
    return ord(ch) < 128 and (ch.isalnum() or ch in ".%")


# ---------------------------------------------------------------------------------------------
# setting: a line is a list of (char, tag); tag is (item, role) or None (furniture or inserted space)

class Setter:
    def __init__(self, rng, st):
        self.rng, self.st = rng, st

    def tokens(self, segs):
        """Characters with tags, ASCII runs grouped (mostly) into unbreakable tokens."""
        chars = [(c, tag) for text, tag in segs for c in text]
        toks, i, n = [], 0, len(chars)
        while i < n:
            c = chars[i][0]
            if _is_alnum(c) and self.rng.random() > 0.03:
                j = i
                while j < n and _is_alnum(chars[j][0]) and chars[j][1] == chars[i][1]:
                    j += 1
                toks.append(chars[i:j])
                i = j
            else:
                toks.append([chars[i]])
                i += 1
        return toks

    def next_line(self, toks, pos, width):
        """End index (exclusive) of the line starting at toks[pos] in a column of this width."""
        w, j, n = 0.0, pos, len(toks)
        while j < n:
            tw = sum(_w(c) for c, _ in toks[j])
            if w + tw > width and j > pos:
                break
            w += tw
            j += 1
        if j < n:
            # hanging punctuation: a closer does not start a line (mostly)
            if toks[j][0][0] in CLOSERS and self.rng.random() < self.st["kinsoku"]:
                j += 1
                if j < n and toks[j][0][0] in CLOSERS:
                    j += 1
            # an opener does not end a line (mostly)
            elif j - 1 > pos and toks[j - 1][0][0] in OPENERS and self.rng.random() < self.st["kinsoku"]:
                j -= 1
        return j

    def post(self, line, final, allow_letter=True, digit_rate=None, force_letter=False):
        """The text layer's spacing habits on one line."""
        rng, st = self.rng, self.st
        dr = st["digit_rate"] if digit_rate is None else digit_rate
        if force_letter or allow_letter and not final and rng.random() < st["letter_rate"] and len(line) >= 4:
            out, k = [], 0
            while k < len(line):
                c = line[k]
                if _is_alnum(c[0]):
                    m = k
                    while m < len(line) and _is_alnum(line[m][0]):
                        m += 1
                    grp = line[k:m]
                    k = m
                else:
                    grp = [c]
                    k += 1
                if out and out[-1][0] not in "，。、；：？！“‘（《”’）》" and not out[-1][0].isspace():
                    out.append((" ", None))
                out.extend(grp)
            self.st["_letter"] += 1
            return out
        if dr and rng.random() < dr:
            out, changed = [], False
            for k, c in enumerate(line):
                if k and ((_is_cjk(line[k - 1][0]) and _is_alnum(c[0]) and c[0] not in ".%")
                          or (_is_alnum(line[k - 1][0]) and _is_cjk(c[0]))):
                    out.append((" ", None))
                    changed = True
                out.append(c)
            if changed:
                self.st["_digit"] += 1
            return out
        return line


class Flow:
    """Lines of one text column flow (a body): column breaks are blank lines at column ends."""

    def __init__(self, setter, width, col_h, start):
        self.s, self.width, self.col_h, self.count = setter, width, col_h, start
        self.lines: list[list] = []
        self.breaks = 0

    def column_break(self):
        self.lines.append([])
        self.count = 0
        self.breaks += 1
        rng = self.s.rng
        if rng.random() < self.s.st["width_change"]:
            self.width = max(7.0, min(24.0, self.width + rng.choice((-2, -1, 1, 2))))

    def emit(self, line):
        self.lines.append(line)
        self.count += 1
        if self.count >= self.col_h:
            self.column_break()

    def para(self, segs, indent="", force_at=None, digit_rate=None, blank_after=False):
        """force_at: a character offset of this paragraph where a column break must fall."""
        toks = self.s.tokens(segs)
        pos, first, consumed = 0, True, 0
        while pos < len(toks):
            width = self.width - (sum(_w(c) for c in indent) if first else 0)
            end = self.s.next_line(toks, pos, width)
            forced = False
            if force_at is not None and consumed < force_at:
                acc, k = consumed, pos
                while k < end and acc < force_at:
                    acc += len(toks[k])
                    k += 1
                if acc >= force_at and k < len(toks):
                    end, forced = k, True
            line = [c for t in toks[pos:end] for c in t]
            consumed += len(line)
            line = self.s.post(line, end >= len(toks), digit_rate=digit_rate)
            if first and indent:
                line = [(ch, None) for ch in indent] + line
            first = False
            pos = end
            if forced:
                self.lines.append(line)
                self.column_break()
                force_at = None
                continue
            self.emit(line)
        if blank_after and self.lines and self.lines[-1]:
            self.lines.append([])


# ---------------------------------------------------------------------------------------------

def _date_parts(ymd, rng, back=True):
    try:
        d = _dt.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
    except ValueError:
        d = _dt.date(2024, 1, 1)
    if back:
        d = d - _dt.timedelta(days=rng.choice((0, 1, 1, 1, 2)))
    return d


def _sentences(p):
    out, cur = [], ""
    for ch in p:
        cur += ch
        if ch in "。！？":
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def _split_title(rng, raw, traits):
    """(kicker_from_tag, title, second_phrase) from an xwlb title."""
    tag = ""
    t = raw
    if t.startswith("【") and "】" in t:
        k = t.index("】")
        tag, t = t[1:k], t[k + 1:].strip()
        if not t:
            t, tag = tag, ""
    second = ""
    if len(t.replace(" ", "")) > 30:
        for sep in ("——", " ", "：", "，"):
            if sep in t[6:]:
                k = t.index(sep, 6)
                if sep == "——":
                    t, second = t[:k], t[k:].strip()
                    if rng.random() < 0.5 and len(second) > 2:
                        second = second[2:]
                else:
                    t, second = t[:k], t[k + 1:].strip()
                traits.add("title_shortened")
                break
    elif " " in t and rng.random() < 0.35:
        k = t.index(" ")
        if len(t[:k]) >= 4 and len(t[k + 1:]) >= 4:
            t, second = t[:k], t[k + 1:]
    return tag, t, second


class PageBuilder:
    def __init__(self, rng, position, pool, by_date):
        self.rng, self.position, self.pool, self.by_date = rng, position, pool, by_date
        self.long_pool = by_date.get("_long", [])
        self.traits: set[str] = set()
        self.truth: list[TruthItem] = []
        r = rng.random
        self.st = {
            "kinsoku": rng.choice((1.0, 1.0, 1.0, 0.97, 0.9, 0.75)),
            "digit_rate": rng.choice((0.0, 0.1, 0.3, 0.5, 0.8, 0.95)),
            "dl_digit_rate": rng.choice((0.0, 0.5, 0.9, 1.0)),
            "letter_rate": rng.choice((0.0, 0.0, 0.02, 0.05, 0.12)),
            "width_change": rng.choice((0.0, 0.1, 0.3, 0.6)),
            "para_blank": rng.choice((1.0, 1.0, 0.0, 0.5, 0.85, 0.25)),
            "indent": rng.choice(("", "", "　　", "  ", "　　", " ")),
            "indent_mix": rng.random() < 0.15,
            "head_blank": rng.choice((0.0, 0.3, 0.7, 1.0)),
            "block_blank": rng.choice((1.0, 1.0, 0.8, 0.5)),
            "_letter": 0, "_digit": 0,
        }
        self.setter = Setter(rng, self.st)
        self.base_w = rng.randint(8, 22)
        self.col_h = rng.randint(6, 45)
        hab = r()
        self.habit = "noblank" if hab < 0.05 else "double" if hab < 0.095 else ""

    # -- item text helpers
    def pick(self, minlen=0, maxlen=10 ** 9, date=None):
        rng = self.rng
        src = self.by_date.get(date) if date and rng.random() < 0.8 else None
        if minlen >= 1200:
            longs = [it for it in self.by_date.get(date, ()) if it["n"] >= minlen and it["id"] not in self.used]
            if not longs or rng.random() < 0.5:
                longs = [it for it in self.long_pool if it["n"] >= minlen and it["id"] not in self.used]
            if longs:
                it = rng.choice(longs)
                self.used.add(it["id"])
                return it
        best = None
        for _ in range(25):
            it = rng.choice(src) if src else rng.choice(self.pool)
            if it["id"] in self.used:
                continue
            if minlen <= it["n"] <= maxlen:
                self.used.add(it["id"])
                return it
            if best is None or abs(it["n"] - minlen) < abs(best["n"] - minlen):
                best = it
            src = None if rng.random() < 0.3 else src
        best = best or rng.choice(self.pool)
        self.used.add(best["id"])
        return best

    def brief_text(self, it, lo=60, hi=250):
        sents = [s for p in it["paragraphs"][:2] for s in _sentences(p)]
        out = ""
        for s in sents:
            if out and len(out) + len(s) > hi:
                break
            out += s
            if len(out) >= lo and self.rng.random() < 0.5:
                break
        return [out]

    def long_paras(self, it, hi):
        out, n = [], 0
        for p in it["paragraphs"]:
            if out and n + len(p) > hi:
                break
            out.append(p)
            n += len(p)
        return out

    # -- headline block
    def headline(self, idx, art, brief=False):
        rng, tr = self.rng, self.traits
        tag, title, second = _split_title(rng, art["raw_title"], tr)
        kicker, subtitle = "", ""
        if tag and rng.random() < 0.5:
            kicker = tag
            tr.add("kicker_from_tag")
        if second:
            if rng.random() < 0.75 or kicker:
                subtitle = ("——" if rng.random() < 0.5 else "") + second
            else:
                kicker, title = title, second
        if art.get("box_label"):
            kicker = art["box_label"]
        if not brief:
            if not kicker and rng.random() < 0.35:
                kind = rng.random()
                if kind < 0.4:
                    kicker = rng.choice(ORGS) + "——"
                else:
                    kicker = rng.choice(SERIES).replace("{c}", rng.choice(CITIES))
            if not subtitle and rng.random() < 0.25:
                subtitle = rng.choice(SUB_TEMPLATES).format(c=rng.choice(CITIES), t=rng.choice(TOPICS),
                                                            o=rng.choice(ORGS))
        art["kicker"], art["title"], art["subtitle"] = kicker, title, subtitle
        lines: list[list] = []
        hb = self.st["head_blank"]

        def put(text, role, maxlines):
            t = text
            n = 1
            if len(t) > 6:
                n = rng.choice((1, 1, 1, 2, 2, 3)) if maxlines >= 3 else rng.choice((1, 1, 2))
                if len(t) > 22 and n == 1 and rng.random() < 0.6:
                    n = 2
            n = min(n, maxlines, max(1, len(t) // 3))
            if n > 1:
                tr.add("title_multiline" if role == "title" else role + "_multiline")
                if " " in t and rng.random() < 0.5:
                    cuts = [t.index(" ")]
                    n = 2
                else:
                    cuts = sorted(rng.sample(range(2, len(t) - 1), n - 1))
                    if rng.random() < 0.9:
                        cuts = sorted({c + 1 if t[c] in CLOSERS and c + 1 < len(t) else c for c in cuts})
                parts, prev = [], 0
                for c in cuts:
                    parts.append(t[prev:c].strip())
                    prev = c
                parts.append(t[prev:].strip())
            else:
                parts = [t]
            for k, p in enumerate(parts):
                line = [(ch, (idx, role)) if not ch.isspace() else (" ", None) for ch in p]
                if role == "title" and art.get("mark"):
                    m = art["mark"]
                    if k == 0:
                        line = [(ch, (idx, "mark") if not ch.isspace() else None) for ch in m[0]] + line
                    if k == len(parts) - 1 and m[1]:
                        line = line + [(m[1], (idx, "mark"))]
                if rng.random() < self.st["letter_rate"] * 1.5 and len(p) <= 10:
                    line = self.setter.post(line, False, digit_rate=0, force_letter=True)
                    tr.add("letter_spaced_headline")
                elif any(_is_alnum(c) for c in p):
                    line = self.setter.post(line, True, allow_letter=False)
                lines.append(line)
                if k < len(parts) - 1 and rng.random() < hb * 0.25:
                    lines.append([])

        if brief and rng.random() < 0.45:
            m = rng.choice((("■", ""), ("● ", ""), ("【", "】"), ("□", ""), ("▲", "")))
            art["mark"] = m
            tr.add("title_mark")
        kick_below = kicker and rng.random() < 0.2
        if kicker and not kick_below:
            put(kicker, "kicker", 1)
            tr.add("kicker")
            if rng.random() < hb:
                lines.append([])
        put(title, "title", 3)
        if " " in title:
            tr.add("title_with_space")
        if kick_below:
            if rng.random() < hb:
                lines.append([])
            put(kicker, "kicker", 1)
            tr.add("kicker_below_title")
        if subtitle:
            if rng.random() < hb:
                lines.append([])
            put(subtitle, "subtitle", 2)
            tr.add("subtitle")
        return lines

    def byline_lines(self, idx, art):
        rng = self.rng
        names = art["byline_names"]
        form = art["byline_form"]
        segs = [(form[0], (idx, "byline"))]
        for label, nm in names:
            if label:
                segs.append((" ", None))
                segs.append((label, (idx, "byline")))
            segs.append((" ", None))
            segs.append((nm, (idx, "byline")))
        line = [(c, t if not c.isspace() else None) for s, t in segs for c in s]
        while line and line[0][0] == " ":
            line.pop(0)
        if len(names) >= 2 and rng.random() < 0.2:
            cut = rng.randint(2, len(line) - 2)
            self.traits.add("byline_two_lines")
            a, b = line[:cut], line[cut:]
            while b and b[0][0] == " ":
                b.pop(0)
            return [a, b]
        return [line]

    # -- body
    def body_flow(self, idx, art, width):
        rng, st, tr = self.rng, self.st, self.traits
        start = rng.randint(0, self.col_h - 1)
        flow = Flow(self.setter, width, self.col_h, start)
        ind = st["indent"]

        def indent():
            return rng.choice(("", "　　", "  ")) if st["indent_mix"] else ind

        pb = st["para_blank"]
        done_credit = done_jump = False
        if art.get("byline_pos") == "bodytop":
            for ln in self.byline_lines(idx, art):
                flow.emit(ln)
        if art.get("cont_from"):
            jl = [(c, (idx, "jump")) for c in art["cont_from"]]
            if rng.random() < 0.5:
                flow.emit(jl)
            else:
                art["cont_inline"] = jl
        for k, (kind, text) in enumerate(art["paras"]):
            last = k == len(art["paras"]) - 1
            blank = rng.random() < pb
            if kind == "table":
                for row in text:
                    cells = [(c, (idx, "body")) if c != " " else (" ", None) for c in row]
                    flow.emit(cells)
                if blank:
                    flow.lines.append([])
                continue
            if kind in ("sub", "label"):
                segs = [(text, (idx, "body"))]
                flow.para(segs, indent="" if rng.random() < 0.7 else indent(), digit_rate=0,
                          blank_after=rng.random() < pb * 0.6)
                continue
            segs = []
            force = None
            if k == art.get("first_body", 0):
                if art.get("cont_inline"):
                    segs += [(c, (idx, "jump")) for c, _ in [(x, 0) for x in art["cont_from"]]]
                if art.get("dateline_print"):
                    segs.append((art["dateline_print"], (idx, "dateline")))
                    if art.get("open_credit"):
                        if art["open_sep"]:
                            segs.append((art["open_sep"], None))
                        segs.append((art["open_credit"], (idx, "credit")))
                    if art["after_sep"]:
                        segs.append((art["after_sep"], None))
                    if rng.random() < art.get("dl_break", 0):
                        dlen = len(art["dateline_print"]) + len(art.get("open_credit", ""))
                        force = rng.randint(2, max(2, dlen - 1))
                        tr.add("dateline_split_column_break")
            segs.append((text, (idx, "body")))
            if last and art.get("end_credit") and not art.get("end_credit_own"):
                segs.append((" " if rng.random() < 0.4 else "", None))
                segs.append((art["end_credit"], (idx, "credit")))
                done_credit = True
            if last and art.get("jump") and not art.get("jump_own"):
                segs.append((" " if rng.random() < 0.6 else "", None))
                segs.append((art["jump"], (idx, "jump")))
                done_jump = True
            segs = [(s, t if s.strip() else None) for s, t in segs if s]
            dr = st["dl_digit_rate"] if k == art.get("first_body", 0) and art.get("dateline_print") else None
            flow.para(segs, indent=indent() if rng.random() < 0.92 else "", force_at=force, digit_rate=dr,
                      blank_after=blank and not last)
        if art.get("end_credit") and not done_credit:
            flow.para([(art["end_credit"], (idx, "credit"))])
        if art.get("jump") and not done_jump:
            flow.para([(art["jump"], (idx, "jump"))])
        if flow.breaks:
            tr.add("column_break_in_body")
        lines = flow.lines
        while lines and not lines[-1]:
            lines.pop()
        return lines

    # -- article construction
    def make_article(self, idx, it, mode, page_date):
        """mode: lead (front, continued), long, normal, brief, cont (上接), box (titled box)."""
        rng, tr = self.rng, self.traits
        art = {"raw_title": it["title"], "idx": idx}
        if mode == "brief":
            paras = [("p", p) for p in self.brief_text(it)]
        elif mode == "box":
            paras = [("p", p) for p in self.brief_text(it, 80, 400)]
        elif mode in ("long",):
            paras = [("p", p) for p in self.long_paras(it, rng.randint(1500, 3000))]
        elif mode == "lead":
            ps = self.long_paras(it, rng.randint(900, 3000))
            cut = max(1, int(len(ps) * rng.uniform(0.4, 0.85)))
            ps = ps[:cut]
            if rng.random() < 0.35:
                ss = _sentences(ps[-1])
                if len(ss) > 1:
                    ps[-1] = "".join(ss[:rng.randint(1, len(ss) - 1)])
                    if rng.random() < 0.3 and len(ps[-1]) > 8:
                        ps[-1] = ps[-1][:rng.randint(len(ps[-1]) // 2, len(ps[-1]) - 1)]
                        tr.add("jump_mid_sentence")
            paras = [("p", p) for p in ps]
            art["jump"] = "（下转第2版）"
            art["jump_own"] = rng.random() < 0.35
            tr.add("jump_line")
        elif mode == "cont":
            ps = it["paragraphs"]
            k = rng.randint(1, max(1, len(ps) - 1)) if len(ps) > 1 else 0
            ps = ps[k:] or ps
            paras = [("p", p) for p in self.long_paras({"paragraphs": ps}, rng.randint(300, 1800))]
            art["cont_from"] = "（上接第1版）"
            tr.add("continuation")
        else:
            paras = [("p", p) for p in self.long_paras(it, rng.randint(200, 1400))]
        if not paras or not paras[0][1]:
            paras = [("p", it["paragraphs"][0])]
        # inside bodies
        qa = False
        if mode in ("long", "normal") and len(paras) >= 3 and rng.random() < 0.08:
            who = _name(rng)
            new = []
            for j, (kd, p) in enumerate(paras[1:]):
                new.append(("p", "记者：" + rng.choice(QUESTIONS).format(t=rng.choice(TOPICS))))
                new.append(("p", who + "：" + p))
            paras = paras[:1] + new
            tr.add("qa_interview")
            qa = True
        long_enough = sum(len(p) for _, p in paras) > 700 and len(paras) >= 4
        if mode in ("long", "lead", "normal", "cont") and long_enough and not qa and rng.random() < 0.6:
            style = rng.choice(("plain", "plain", "num", "bracket", "own"))
            n_sub = rng.randint(1, min(5, len(paras) // 2))
            spots = sorted(rng.sample(range(1, len(paras)), n_sub))
            for j, s in enumerate(reversed(spots)):
                t = rng.choice(TOPICS)
                head = rng.choice(SUBHEAD_TEMPLATES).format(t=t)
                nth = n_sub - 1 - j
                if style == "num":
                    head = CN_NUM[nth % 10] + "、" + head
                elif style == "bracket":
                    head = "【" + head + "】"
                paras.insert(s, ("sub", head))
            tr.add("subheads")
        if mode in ("long", "normal") and len(paras) >= 4 and not qa and rng.random() < 0.15:
            idxs = [k for k, (kd, _) in enumerate(paras) if kd == "p"][1:5]
            form = rng.choice(("shi", "paren", "dot"))
            for j, k in enumerate(idxs):
                pre = {"shi": CN_NUM[j] + "是", "paren": "（" + CN_NUM[j] + "）", "dot": f"{j + 1}."}[form]
                paras[k] = ("p", pre + paras[k][1])
            tr.add("numbered_list")
        if mode in ("long", "normal", "lead") and rng.random() < 0.1:
            rows = self.table(rng)
            k = rng.randint(1, len(paras))
            paras.insert(k, ("table", rows))
            tr.add("flat_table")
        if mode in ("long", "normal") and rng.random() < 0.08:
            t = rng.choice(TOPICS)
            note = (f"编者按：{t}事关群众切身利益。近期，本报记者深入{rng.choice(CITIES)}等地，"
                    f"记录各地推进{t}的新做法新成效。今起本版推出“{rng.choice(SERIES).replace('{c}', '基层')}”"
                    "系列报道，敬请关注。")
            paras.insert(0, ("note", note))
            tr.add("editor_note")
        if mode in ("long", "normal") and rng.random() < 0.08:
            label = rng.choice(("记者手记", "相关链接", "延伸阅读"))
            other = self.pick(80, 3000)
            paras.append(("label", label))
            paras.extend(("p", p) for p in self.brief_text(other, 60, 300))
            tr.add("untitled_box")
        art["paras"] = paras
        art["first_body"] = next(k for k, (kd, _) in enumerate(paras) if kd == "p")
        # openings
        d = _date_parts(page_date, rng)
        md = f"{d.month}月{d.day}日"
        r = rng.random()
        city = rng.choice(CITIES)
        art["open_sep"], art["after_sep"] = "", ""
        names = []
        if mode in ("cont",):
            r = 2.0
        if mode == "box":
            r = 2.0
        if r < 0.32:
            art["dateline_print"] = f"本报{city}{md}讯"
            tr.add("dateline_benbao_city")
        elif r < 0.45:
            art["dateline_print"] = "本报讯"
            tr.add("dateline_benbao")
        elif r < 0.55:
            art["dateline_print"] = f"新华社{rng.choice(XH_CITIES)}{md}电"
            tr.add("dateline_xinhua")
        elif r < 0.59:
            art["dateline_print"] = f"中新社{rng.choice(XH_CITIES)}{md}电"
            tr.add("dateline_zhongxin")
        elif r < 0.64:
            art["dateline_print"] = "本报讯"
            nm = _name(rng)
            art["open_sep"], art["open_credit"], art["after_sep"] = " ", f"记者{nm}报道", rng.choice((" ", "　", ""))
            names.append(nm)
            tr.add("opening_baodao")
        elif r < 0.72:
            opening = rng.choice((f"记者{d.day}日从{rng.choice(ORGS)}获悉，", f"本报记者日前从{rng.choice(ORGS)}获悉，",
                                  f"记者近日从{rng.choice(ORGS)}了解到，"))
            fb = art["first_body"]
            paras[fb] = ("p", opening + paras[fb][1])
            tr.add("opening_learned")
        else:
            tr.add("no_dateline")
        dl = art.get("dateline_print", "")
        if dl and "open_credit" not in art:
            art["after_sep"] = rng.choice(("", " ", "　", "　", "  "))
        if dl and "open_credit" not in art and rng.random() < (0.3 if mode == "brief" else 0.6):
            k = rng.choice((1, 1, 1, 2))
            nm = _names(rng, k + 1)
            pre = "新华社记者" if dl.startswith("新华社") and rng.random() < 0.3 else rng.choice(
                ("记者", "记者", "记者", "记者", "全媒体记者", "见习记者", "融媒体记者"))
            if k == 1 and rng.random() < 0.3 and not dl.startswith(("新华社", "中新社")):
                cred = f"（{pre} {nm[0]} 通讯员 {nm[1]}）"
                names += nm[:2]
            else:
                cred = f"（{pre} " + " ".join(nm[:k]) + "）"
                names += nm[:k]
            if rng.random() < 0.3:
                cred = cred.replace(" ", "")
            art["open_credit"] = cred
            art["after_sep"] = rng.choice(("", "", "", " "))
        if dl:
            art["dl_break"] = rng.choice((0.0, 0.2, 0.5))
        # byline (when no credit in the dateline)
        art["byline_pos"] = None
        if mode not in ("brief", "box") and not names and "open_credit" not in art and rng.random() < 0.6:
            k = rng.choice((1, 1, 2, 2, 3))
            nm = _names(rng, k + 1)
            form = rng.choice(("本报记者", "本报记者", "记者", "□ 本报记者", "文/记者", "■ 本报记者", "新华社记者",
                               "本报首席记者", "本报见习记者", "融媒体记者", "本报全媒体记者", "文/图 本报记者"))
            labels = [("", n) for n in nm[:k]]
            if rng.random() < 0.3:
                labels.append((rng.choice(("通讯员", "实习生", "通讯员")), nm[k]))
            art["byline_form"], art["byline_names"] = (form,), labels
            names += [n for _, n in labels]
            art["byline_pos"] = rng.choice(("above", "below", "below", "bodytop"))
            tr.add("byline_" + art["byline_pos"])
        # end credits
        if mode in ("normal", "brief", "long") and "open_credit" not in art and art["byline_pos"] is None \
                and rng.random() < 0.3:
            k = rng.random()
            if k < 0.4:
                nm = _name(rng)
                art["end_credit"] = f"（记者 {nm}）"
                names.append(nm)
            elif k < 0.6:
                nm = _names(rng, 2)
                art["end_credit"] = f"（本报记者 {nm[0]} 通讯员 {nm[1]}）"
                names += nm
            elif k < 0.8:
                art["end_credit"] = rng.choice(("（据新华社）", "（据新华社电）", "（据央广网）"))
            else:
                art["end_credit"] = rng.choice(("（来源：人民网）", "（来源：新华网）", "（来源：中国新闻网）"))
            art["end_credit_own"] = rng.random() < 0.4
            tr.add("end_credit")
        art["reporters"] = names
        return art

    def table(self, rng):
        unit = rng.choice((("产量（万吨）", 1), ("增加值（亿元）", 1), ("面积（万亩）", 1), ("件数", 0)))
        head = rng.choice(("地区", "市别", "项目"))
        sep = rng.choice(("  ", " ", "   "))
        rows = [head + sep + unit[0] + sep + rng.choice(("同比增幅", "增长（%）", "增速"))]
        if rng.random() < 0.5:
            rows.insert(0, f"表：1—{rng.randint(3, 11)}月各地{rng.choice(TOPICS)}主要指标")
        for c in rng.sample(CITIES, rng.randint(3, 7)):
            v = f"{rng.uniform(5, 900):.{unit[1]}f}" if unit[1] else str(rng.randint(30, 9000))
            rows.append(c + sep + v + sep + f"{rng.uniform(-3, 15):.1f}%")
        return rows

    # -- captions and furniture
    def caption(self, idx, page_date):
        rng, tr = self.rng, self.traits
        d = _date_parts(page_date, rng)
        ds = f"{d.month}月{d.day}日"
        if rng.random() < 0.3:
            scene = rng.choice(SCENES).format(d=ds, c=rng.choice(CITIES)) + "。"
        else:
            where = rng.choice(CAP_WHERE).format(c=rng.choice(CITIES))
            who, doing = rng.choice(CAP_WHO), rng.choice(CAP_DOING)
            form = rng.random()
            when = rng.choice(CAP_WHEN).format(d=ds)
            if form < 0.4:
                scene = f"{when}在{where}，{who}{doing}。"
            elif form < 0.7:
                scene = f"{when}{who}在{where}{doing}。"
            else:
                scene = f"图为{where}，{who}{doing}。"
            if rng.random() < 0.25:
                scene += rng.choice(("当日，", "近年来，", "据了解，")) + rng.choice(CITIES) + rng.choice(
                    ("多措并举推进", "持续加大", "着力抓好")) + rng.choice(TOPICS) + "工作。"
        names = []
        k = rng.random()
        if k < 0.4:
            nm = _name(rng)
            cred = rng.choice(("本报记者 {} 摄", "记者 {} 摄", "新华社记者 {} 摄", "通讯员 {} 摄",
                               "本报全媒体记者 {} 摄", "{} 摄影报道")).format(nm)
            names.append(nm)
        elif k < 0.55:
            cred = "新华社发"
        elif k < 0.7:
            cred = "（资料图片）"
        elif k < 0.85:
            cred = rng.choice(ORGS + CITIES[:10]) + " 供图"
        else:
            nm = _name(rng)
            cred = f"{nm} 摄"
            names.append(nm)
        title = rng.choice(CAP_TITLES) if rng.random() < 0.2 else ""
        parts = ([title] if title else []) + [scene, cred]
        body = "\n".join(parts)
        lines = []
        if title:
            lines.append([(c, (idx, "caption")) for c in title])
            tr.add("caption_title")
        width = rng.choice((14, 18, 24, 40, 200))
        segs = [(scene, (idx, "caption"))]
        own = rng.random() < 0.35
        if not own:
            segs.append((rng.choice((" ", "  ", "")), None))
            segs.append((cred, (idx, "caption")))
        segs = [(c, t if not c.isspace() else None) for s, t in segs for c in s]
        cur, w = [], 0.0
        for c, t in segs:
            if w + _w(c) > width and cur and c not in CLOSERS:
                lines.append(cur)
                cur, w = [], 0.0
            cur.append((c, t))
            w += _w(c)
        if cur:
            lines.append(cur)
        lines = [self.setter.post(ln, True, allow_letter=False) for ln in lines[:4]] + lines[4:]
        if own:
            lines.append([(c, (idx, "caption") if not c.isspace() else None) for c in cred])
        self.truth.append(TruthItem("caption", "", body, names))
        tr.add("caption")
        return lines

    def chart_line(self, idx):
        rng = self.rng
        txt = f"图表：{rng.choice(TOPICS)}主要数据一览"
        cred = rng.choice(("本报制图", "制图：" + _name(rng), "数据来源：" + rng.choice(ORGS)))
        self.truth.append(TruthItem("caption", "", txt + "\n" + cred, []))
        self.traits.add("chart_line")
        return [[(c, (idx, "caption")) for c in txt], [(c, (idx, "caption") if c != " " else None) for c in cred]]

    def furniture(self, kind, page_no, date, paper, section):
        rng = self.rng
        wk = "星期" + WEEK[date.weekday()]
        if kind == "banner":
            forms = [f"{paper} {date.year}年{date.month}月{date.day}日 {wk}", f"{section} {page_no}",
                     f"第{page_no}版", f"{date.year}年{date.month}月{date.day}日 {wk} {section}",
                     f"{page_no} {section}", f"{paper}  {section}  第{page_no}版"]
            out = [rng.choice(forms)]
            if rng.random() < 0.3:
                out.append(rng.choice([f for f in forms if f != out[0]]))
            return out
        if kind == "label":
            return [rng.choice(COL_LABELS)]
        if kind == "editor":
            return [rng.choice((f"责任编辑 {_name(rng)}", f"本版责编：{_name(rng)} 美编：{_name(rng)}",
                                f"责任编辑：{_name(rng)} 校对：{_name(rng)}"))]
        if kind == "pageno":
            return [str(page_no)]
        if kind == "qr":
            return [rng.choice(QR_LINES)]
        tpl = rng.choice(AD_LINES)
        out = [s.format(c=rng.choice(CITIES), a=rng.randint(10, 999), p=rng.randint(1000000, 9999999),
                        m="1" + str(rng.randint(3000000000, 9999999999)), t1=rng.randint(-5, 15),
                        t2=rng.randint(16, 33), mo=date.month, dd=rng.randint(1, 28)) for s in tpl]
        return out

    # -- the page
    def build(self):
        rng, tr = self.rng, self.traits
        self.used = set()
        anchor = rng.choice(self.pool)
        page_date = anchor["date"]
        date = _date_parts(page_date, rng, back=False) + _dt.timedelta(days=1)
        front = rng.random() < 0.35
        page_no = 1 if front else rng.randint(2, 12)
        paper, section = rng.choice(PAPERS), rng.choice(SECTIONS)
        shape = "front" if front else rng.choice(("mixed", "mixed", "mixed", "long", "briefs", "briefs",
                                                   "photo"))
        tr.add("shape_" + shape)
        plan: list[tuple[str, dict | None]] = []   # (mode, item)
        if shape == "front":
            plan.append(("lead", self.pick(1200, 10 ** 9, page_date)))
            for _ in range(rng.randint(1, 5)):
                plan.append((rng.choice(("normal", "normal", "brief")), self.pick(150, 2500, page_date)))
        elif shape == "mixed":
            if rng.random() < 0.3:
                plan.append(("cont", self.pick(600, 10 ** 9, page_date)))
            for _ in range(rng.randint(2, 6) - len(plan)):
                plan.append(("normal", self.pick(150, 3000, page_date)))
        elif shape == "long":
            plan.append(("long", self.pick(1500, 10 ** 9, page_date)))
            for _ in range(rng.choice((0, 0, 1, 2))):
                plan.append(("brief", self.pick(60, 2000, page_date)))
        elif shape == "briefs":
            for _ in range(rng.randint(8, 14)):
                plan.append(("brief", self.pick(60, 2500, page_date)))
        else:
            for _ in range(rng.randint(0, 2)):
                plan.append(("normal", self.pick(100, 1200, page_date)))
        if shape in ("mixed", "long") and rng.random() < 0.1:
            plan.append(("box", self.pick(80, 3000, page_date)))
        if shape == "briefs":
            rng.shuffle(plan)
        n_caps = {"photo": rng.randint(3, 7), "long": rng.randint(1, 3), "front": rng.randint(0, 3)}.get(
            shape, rng.choice((0, 0, 1, 2)))
        # blocks: list of (kind, lines) where kind in head/body/cap/furn; built in text-layer order
        blocks: list[tuple[str, list]] = []
        caps_left = n_caps
        idx = 0
        for mode, it in plan:
            art = self.make_article(idx, it, mode, page_date)
            body_lines_ = None
            head = []
            if mode == "box":
                art["box_label"] = rng.choice(("相关链接", "延伸阅读", "记者手记"))
                tr.add("titled_box")
            if mode == "cont":
                r = rng.random()
                if r < 0.35:
                    head = self.headline(idx, art)
                    tr.add("cont_title_repeated")
                elif r < 0.7:
                    _, t, _ = _split_title(rng, art["raw_title"], set())
                    art["raw_title"] = t[:max(4, len(t) * 2 // 3)] if " " not in t else t.split(" ")[0]
                    head = self.headline(idx, art, brief=True)
                    art["kicker"] = art["subtitle"] = ""
                    head = [ln for ln in head if any(t and t[1] in ("title", "mark") for _, t in ln) or not ln]
                    tr.add("cont_title_shortened")
                else:
                    art["title"] = art["kicker"] = art["subtitle"] = ""
                    tr.add("cont_title_missing")
            else:
                head = self.headline(idx, art, brief=(mode == "brief"))
            if art.get("byline_pos") in ("above", "below"):
                bl = self.byline_lines(idx, art)
                gap = [[]] if rng.random() < self.st["head_blank"] else []
                head = bl + gap + head if art["byline_pos"] == "above" else head + gap + bl
            width = max(7.0, min(24.0, self.base_w + rng.choice((0, 0, 0, -1, 1, -2, 2))))
            body_lines_ = self.body_flow(idx, art, width)
            body_text = "\n".join(p if kd != "table" else "\n".join(p) for kd, p in art["paras"])
            self.truth.append(TruthItem("article", "".join(art.get("title", "").split()), body_text,
                                        art["reporters"], "2" if art.get("jump") else None,
                                        art.get("kicker", ""), art.get("subtitle", ""),
                                        art.get("dateline_print", "")))
            ti = len(self.truth) - 1
            assert ti == idx
            idx += 1
            pos = self.position if self.position != MIXED else rng.choice((AFTER, BEFORE))
            tr.add("head_" + pos)
            mid = []
            if caps_left and rng.random() < 0.25 and head:
                mid = [("cap", self.caption(idx, page_date))]
                idx += 1
                caps_left -= 1
                tr.add("caption_between_head_and_body")
            seq = [("body", body_lines_)] if body_lines_ else []
            if head:
                seq = seq + mid + [("head", head)] if pos == AFTER else [("head", head)] + mid + seq
            else:
                seq = mid + seq
            blocks.extend(seq)
            if caps_left and rng.random() < 0.3:
                blocks.append(("cap", self.caption(idx, page_date)))
                idx += 1
                caps_left -= 1
        while caps_left:
            k = rng.randint(0, len(blocks))
            # never inside an article: only before a block that starts an article or at the end
            while 0 < k < len(blocks) and not self._starts_article(blocks, k):
                k -= 1
            blocks.insert(k, ("cap", None))
            caps_left -= 1
        if rng.random() < 0.08 and shape in ("mixed", "long", "front"):
            k = rng.randint(0, len(blocks))
            while 0 < k < len(blocks) and not self._starts_article(blocks, k):
                k -= 1
            blocks.insert(k, ("chart", None))
        # furniture
        furn_kinds = []
        if rng.random() < 0.75:
            furn_kinds.append("banner")
        for kind, p in (("label", 0.45), ("editor", 0.3), ("pageno", 0.2), ("qr", 0.15), ("ad", 0.2),
                        ("ad", 0.08)):
            if rng.random() < p:
                furn_kinds.append(kind)
        for kind in furn_kinds:
            lines = self.furniture(kind, page_no, date, paper, section)
            if kind == "banner" and rng.random() < 0.5:
                k = 0 if rng.random() < 0.6 else len(blocks)
            else:
                k = rng.randint(0, len(blocks))
            blocks.insert(k, ("furn", [[(c, None) for c in ln] for ln in lines]))
            tr.add("furniture_" + kind)
        return self.assemble(blocks, page_date)

    @staticmethod
    def _starts_article(blocks, k):
        # k is a boundary between blocks[k-1] and blocks[k]; OK if both sides are not the same article
        def item_of(b):
            for ln in b[1] or []:
                for _, t in ln:
                    if t:
                        return t[0]
            return None
        a, b = item_of(blocks[k - 1]), item_of(blocks[k])
        return a is None or b is None or a != b

    def assemble(self, blocks, page_date):
        rng = self.rng
        # renumber: placeholders (captions/charts) get their items now; truth must be in text order
        arts = self.truth
        order_truth: list[TruthItem] = []
        remap: dict[int, int] = {}
        out_lines: list[list] = []
        for kind, lines in blocks:
            if kind == "cap" and lines is None:
                lines = self.caption(len(self.truth), page_date)
            elif kind == "chart":
                lines = self.chart_line(len(self.truth))
            for ln in lines:
                for _, t in ln:
                    if t and t[0] not in remap:
                        remap[t[0]] = len(remap)
                        order_truth.append(arts[t[0]])
            if out_lines and out_lines[-1] and rng.random() < self.st["block_blank"]:
                out_lines.append([])
            out_lines.extend(lines)
            if kind == "body" and rng.random() < 0.1:
                out_lines.append([])
        lines = [[(c, (remap[t[0]], t[1]) if t else None) for c, t in ln] for ln in out_lines]
        # collapse runs of blank lines (mostly), apply page habits
        tidy = []
        for ln in lines:
            if not ln and tidy and not tidy[-1] and rng.random() < 0.9:
                continue
            tidy.append(ln)
        while tidy and not tidy[0]:
            tidy.pop(0)
        if self.habit == "noblank":
            tidy = [ln for ln in tidy if ln]
            self.traits.add("habit_no_blank_lines")
        elif self.habit == "double":
            d = []
            for ln in tidy:
                d.append(ln)
                d.append([])
            tidy = d
            self.traits.add("habit_doubled_blank_lines")
        ind = self.st["indent"]
        self.traits.add("indent_mixed" if self.st["indent_mix"] else "indent_fullwidth" if ind == "　　"
                        else "indent_ascii" if ind.strip() == "" and ind else "indent_none")
        pb = self.st["para_blank"]
        self.traits.add("para_end_blank_always" if pb == 1.0 else "para_end_blank_never" if pb == 0.0
                        else "para_end_blank_some")
        if self.st["_letter"]:
            self.traits.add("letter_spaced_lines")
        if self.st["_digit"]:
            self.traits.add("spaces_around_digits")
        texts = ["".join(c for c, _ in ln).rstrip() for ln in tidy]
        if any(t[:1] in CLOSERS for t in texts if t):
            self.traits.add("line_starts_with_closer")
        _self_check(tidy, order_truth)
        if len(order_truth) != len(self.truth):
            raise AssertionError("an item was not printed")
        text = "\n".join(texts) + "\n"
        return Page(text, order_truth, self.position)


_HEAD = {"kicker", "title", "mark", "subtitle"}
_BODY = {"dateline", "credit", "body", "jump"}


def _self_check(lines, truth):
    got: dict[tuple[int, str], list[str]] = {}
    for ln in lines:
        items, fams = set(), set()
        for c, t in ln:
            if t is None:
                continue
            items.add(t[0])
            fams.add("head:" + t[1] if t[1] in _HEAD else "byline" if t[1] == "byline"
                     else "body" if t[1] in _BODY else t[1])
            got.setdefault(t, []).append(c)
        assert len(items) <= 1, f"two items on one line: {''.join(c for c, _ in ln)}"
        hf = {f for f in fams if f.startswith("head:")}
        if hf:
            assert fams <= {"head:title", "head:mark"} or len(fams) == 1, \
                f"two roles on one headline line: {''.join(c for c, _ in ln)} {fams}"
        else:
            assert len(fams) <= 1, f"two roles on one line: {''.join(c for c, _ in ln)} {fams}"

    def printed(i, role):
        return "".join("".join(got.get((i, role), [])).split())

    def norm(s):
        return "".join(s.split())

    for i, t in enumerate(truth):
        if t.kind == "caption":
            assert printed(i, "caption") == norm(t.body), (i, printed(i, "caption"), t.body)
            continue
        for role, want in (("title", t.title), ("kicker", t.kicker), ("subtitle", t.subtitle),
                           ("dateline", t.dateline), ("body", t.body)):
            assert printed(i, role) == norm(want), (i, role, printed(i, role), want)
        cred = printed(i, "byline") + printed(i, "credit")
        for nm in t.reporters:
            assert nm in cred, (i, nm, cred)
        if t.continued_to:
            assert printed(i, "jump") == f"（下转第{t.continued_to}版）"
        assert t.body.strip(), (i, "empty body")


# ---------------------------------------------------------------------------------------------

def _prepare(items, date_range):
    if items is None:
        items = load_items()
    pool = _clean_items(items, date_range)
    if not pool:
        raise ValueError("no items to set")
    by_date: dict[str, list[dict]] = {}
    for k, it in enumerate(pool):
        it["id"] = k
        by_date.setdefault(it["date"], []).append(it)
    by_date["_long"] = [it for it in pool if it["n"] >= 1200]
    return pool, by_date


def _gen(n, position, seed, items, date_range):
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    pool, by_date = _prepare(items, date_range)
    for i in range(n):
        rng = random.Random(f"pagegen_g:{seed}:{position}:{i}")
        b = PageBuilder(rng, position, pool, by_date)
        page = b.build()
        yield page, b.traits


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    return [p for p, _ in _gen(n, position, seed, items, date_range)]


def _show(n, position, seed):
    for k, page in enumerate(generate_pages(n, position, seed)):
        print(f"==================== page {k} ({page.position}) ====================")
        print(page.text)
        print("-------------------- truth --------------------")
        for t in page.truth:
            print(f"[{t.kind}] title={t.title!r} kicker={t.kicker!r} subtitle={t.subtitle!r} "
                  f"dateline={t.dateline!r} reporters={t.reporters} continued_to={t.continued_to}")
            body = t.body.replace("\n", " / ")
            print("    " + (body[:160] + "…" if len(body) > 160 else body))


def _traits(n, seed):
    counts = {}
    times = {}
    for pos in POSITIONS:
        c = Counter()
        t0 = time.process_time()
        for _, tr in _gen(n, pos, seed, None, None):
            c.update(tr)
        times[pos] = (time.process_time() - t0) / n * 1000
        counts[pos] = c
    keys = sorted(set().union(*counts.values()))
    print(f"pages with each trait, out of {n} per position (seed {seed})")
    print(f"{'trait':34s} " + " ".join(f"{p:>7s}" for p in POSITIONS))
    for k in keys:
        print(f"{k:34s} " + " ".join(f"{counts[p][k]:7d}" for p in POSITIONS))
    print("CPU ms/page: " + ", ".join(f"{p} {times[p]:.2f}" for p in POSITIONS))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--traits", type=int, default=0)
    ap.add_argument("--check", type=int, default=0)
    ap.add_argument("--position", default=MIXED, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.show:
        _show(a.show, a.position, a.seed)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        for pos in POSITIONS:
            t0 = time.process_time()
            pages = generate_pages(a.check, pos, a.seed)
            dt = time.process_time() - t0
            print(f"{pos}: {len(pages)} pages self-checked, {sum(len(p.truth) for p in pages)} items, "
                  f"CPU {dt / len(pages) * 1000:.2f} ms/page")
    if not (a.show or a.traits or a.check):
        ap.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
