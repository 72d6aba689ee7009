#!/usr/bin/env python3
"""pagegen_e: a fifth page generator, written blind from the written spec and the seed page.

Pages of Chinese city and county dailies as their PDF's text layer gives them: hard-wrapped columns
8-22 characters wide (often very narrow next to wide), blank lines at column breaks anywhere (inside
datelines, bylines, titles, figures), headline blocks after, before or between the columns of their
body, captions and photo pages, 简讯 pages, adverts, notices and service boxes.

Every printed character is tagged with (item, role) while it is set; the truth is checked against
those tags (whitespace aside) for every page, and a mismatch raises.

    python3 benchmarks/pagegen_e.py --show 3
    python3 benchmarks/pagegen_e.py --traits 500
    python3 benchmarks/pagegen_e.py --check 2000
"""
from __future__ import annotations

import datetime
import gzip
import json
import os
import random
import re
import time
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


# ----------------------------------------------------------------------------------------------
# word lists (written for this generator)

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国晨欣宇浩然博文思雨佳琪子涵梓睿一诺可馨俊峰海燕立新志红晓东春梅永生德胜凤兰淑珍铁柱宏亮瑞祥嘉怡雪松")
PROVINCES = {
    "晋": ("山西", ["太原", "大同", "朔州", "忻州", "阳泉", "吕梁", "晋中", "长治", "晋城", "临汾", "运城"]),
    "豫": ("河南", ["郑州", "开封", "洛阳", "平顶山", "安阳", "新乡", "焦作", "许昌", "南阳", "信阳", "周口"]),
    "湘": ("湖南", ["长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "益阳", "郴州", "怀化"]),
    "陇": ("甘肃", ["兰州", "天水", "白银", "武威", "张掖", "酒泉", "庆阳", "定西", "陇南"]),
    "赣": ("江西", ["南昌", "九江", "景德镇", "萍乡", "赣州", "吉安", "宜春", "抚州", "上饶"]),
    "黔": ("贵州", ["贵阳", "遵义", "六盘水", "安顺", "毕节", "铜仁", "凯里", "都匀"]),
    "鲁": ("山东", ["济南", "青岛", "淄博", "枣庄", "烟台", "潍坊", "济宁", "泰安", "临沂", "德州"]),
}
COUNTIES = ["平遥", "洪洞", "灵石", "沁源", "武乡", "兰考", "固始", "浏阳", "宁乡", "醴陵", "通渭", "会宁",
            "婺源", "瑞金", "井冈山", "湄潭", "赤水", "寿光", "曲阜", "蒙阴", "平度", "桐柏", "芷江", "石楼"]
XINHUA_CITIES = ["北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安",
                 "拉萨", "乌鲁木齐", "哈尔滨", "海口", "昆明", "南宁", "香港", "澳门", "日内瓦", "莫斯科",
                 "华盛顿", "布鲁塞尔", "约翰内斯堡", "雅加达"]
ORGS = ["省商务厅", "市统计局", "县农业农村局", "市人社局", "省文旅厅", "市生态环境局", "县应急管理局",
        "市住建局", "省交通运输厅", "市教育局", "县卫健局", "市市场监管局", "省科技厅", "市税务局",
        "县林业局", "市水务局", "区委宣传部", "市总工会", "团市委", "市妇联"]
SERIES = ["奋进新征程 建功新时代", "聚焦高质量发展", "一线见闻", "走基层", "新春走基层", "乡村振兴进行时",
          "优化营商环境在行动", "我们的节日", "基层治理新实践", "项目建设擂台赛", "民生实事面对面",
          "县域经济观察", "文明城市创建进行时", "镜头·一线"]
COLUMN_LABELS = ["·简讯·", "简讯", "图片新闻", "记者观察", "民生", "一线传真", "县域经济", "百姓话题",
                 "短评", "乡村振兴", "媒体聚焦", "时事快递", "●本地新闻", "■ 便民服务", "综合新闻",
                 "政务动态", "图说", "视觉", "经济·民生", "社会"]
SECTIONS = ["要闻", "综合", "本地", "经济", "社会", "文体", "国内新闻", "国际", "县区", "理论", "副刊",
            "专版", "民生", "视点", "时政"]
CAP_WHO = ["市民", "游客", "村民", "农民", "工人", "学生", "志愿者", "医护人员", "消防救援人员", "环卫工人",
           "小朋友", "老人", "技术人员", "党员干部", "快递小哥", "参赛选手", "演员", "社区工作者", "民警"]
CAP_DO = ["采摘苹果", "参观展览", "晾晒玉米", "检修线路", "排练节目", "参加招聘会", "选购年货", "收割稻谷",
          "体验非遗技艺", "练习书法", "清扫街道", "放飞风筝", "调试设备", "搬运物资", "打包发货",
          "观看演出", "进行应急演练", "分拣蔬菜", "护送学生过马路", "巡查堤坝", "包饺子", "晨练",
          "编织竹器", "直播带货", "栽种树苗"]
CAP_SPOT = ["农贸市场", "文化广场", "产业园区", "高标准农田", "社区服务中心", "博物馆", "火车站",
            "城市公园", "湿地公园", "中学操场", "蔬菜大棚", "物流园", "古城街巷", "水库大坝", "老街",
            "体育中心", "果园", "服装厂车间", "养老院", "图书馆"]
CAP_SCENE = ["秋色正浓", "灯火璀璨", "游人如织", "一派繁忙", "瓜果飘香", "银装素裹", "花海如潮",
             "车水马龙", "金黄一片", "热闹非凡"]
CAP_TITLES = ["金秋采摘忙", "丰收季", "夜色美", "守护平安", "雪后", "家门口的招聘会", "非遗进校园",
              "忙碌的车间", "晨光", "为你点赞", "老街新貌", "节日气氛浓", "赶大集", "小手拉大手"]
BRANDS = ["鑫源", "福满堂", "金太阳", "绿野", "宏达", "佳美", "万家乐", "华府", "悦来", "康宁", "天润", "瑞丰"]
ROADS = ["迎泽大街", "解放路", "建设北路", "人民路", "新华街", "中山路", "滨河东路", "长风街", "和平南路",
         "文化路", "胜利街", "东风路"]
WEATHER = ["晴", "多云", "晴转多云", "多云转阴", "阴", "小雨", "阵雨", "小到中雨", "雷阵雨", "小雪", "雨夹雪",
           "多云转晴", "阴转小雨", "浮尘", "雾"]
WIND = ["北风", "南风", "西北风", "东南风", "偏北风", "西南风", "东风"]
JOBS = ["销售代表", "会计", "厨师", "保安", "仓库管理员", "司机", "车间操作工", "护理员", "客服专员",
        "电工", "幼儿教师", "前台接待"]
DOCS = ["营业执照副本", "道路运输证", "身份证", "报到证", "出生医学证明", "开户许可证", "公章一枚",
        "不动产权证书", "退伍证", "残疾人证", "食品经营许可证", "教师资格证"]
TOPICS = ["项目建设", "乡村振兴", "营商环境", "民生保障", "生态保护", "文旅融合", "产业转型", "基层治理"]
PHOTO_ORGS = ["县委宣传部", "市文旅局", "市气象局", "区融媒体中心", "市消防救援支队", "县文联",
              "市公安局", "某景区管委会".replace("某", ""), "市摄影家协会"]

CLOSE = set("，。、；：？！）”》’」』】〕")
OPEN = set("（“《‘「『【〔")
PUNCT = CLOSE | OPEN | set("·—…")
DIGITS_CN = "〇一二三四五六七八九十"
ORDINALS = ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
CIRCLED = "①②③④⑤⑥⑦⑧"
WEEKDAYS = "一二三四五六日"

F = -1  # item id of furniture


def _is_ascii_word(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in ".%‰+-/:")


def _w(c: str) -> float:
    return 0.5 if c.isascii() else 1.0


# ----------------------------------------------------------------------------------------------
# items

_ITEM_CACHE: dict = {}


def _clean_paragraphs(text: str) -> list[str]:
    text = text.replace("央视网消息（新闻联播）：", "", 1)
    out = []
    for p in text.split("\n"):
        p = p.strip()
        if p == "---":
            break
        if not p or p.startswith("(更新时间戳") or p.startswith("（更新时间戳"):
            continue
        out.append(p)
    return out


def load_items(date_range=None) -> list[dict]:
    path = os.environ.get("BRIEF_XWLB_ITEMS")
    if not path:
        shared = os.environ.get("BRIEF_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
        path = os.path.join(shared, "eval", "xwlb", "items-dev.jsonl.gz")
    key = (path, tuple(date_range) if date_range else None)
    if key in _ITEM_CACHE:
        return _ITEM_CACHE[key]
    op = gzip.open if path.endswith(".gz") else open
    items = []
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if d.get("is_roundup") or d.get("title") in (None, "", "undefined"):
                continue
            if date_range and not (date_range[0] <= d.get("date", "") <= date_range[1]):
                continue
            items.append({"title": d["title"], "paragraphs": _clean_paragraphs(d.get("text", "")),
                          "date": d.get("date", "")})
    _ITEM_CACHE[key] = items
    return items


class Pool:
    """The usable items, with an index of the long ones."""

    def __init__(self, items):
        self.items = []
        for it in items:
            paras = [p for p in (it.get("paragraphs") or []) if p and p.strip()]
            title = (it.get("title") or "").strip()
            if not paras or not title or title == "undefined":
                continue
            n = sum(len(p) for p in paras)
            if n < 40 and not getattr(self, "_short_ok", False):
                continue
            self.items.append({"title": title, "paragraphs": paras, "date": it.get("date") or "20240101",
                               "n": n})
        if not self.items and not getattr(self, "_short_ok", False):
            self._short_ok = True
            self.__init__(items)
            return
        if not self.items:
            raise ValueError("pagegen_e: no usable items")
        self.long = [it for it in self.items if it["n"] >= 1500] or sorted(self.items, key=lambda x: -x["n"])[:50]
        self.mid = [it for it in self.items if it["n"] >= 300] or self.items

    def pick(self, rng, kind="any", used=None):
        src = {"long": self.long, "mid": self.mid}.get(kind, self.items)
        for _ in range(8):
            it = rng.choice(src)
            if used is None or id(it) not in used:
                break
        if used is not None:
            used.add(id(it))
        return it


# ----------------------------------------------------------------------------------------------
# names, dates


def person(rng) -> str:
    s = rng.choice(SURNAMES)
    return s + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 1, 2, 2, 2))))


def md(date: str) -> tuple[int, int, int]:
    try:
        return int(date[:4]), int(date[4:6]), int(date[6:8])
    except ValueError:
        return 2024, 1, 1


# ----------------------------------------------------------------------------------------------
# setting: a line is a list of (char, tag); tag = (item id, role) or None for whitespace


def tagged(text: str, iid: int, role: str) -> list:
    return [(c, None if c.isspace() else (iid, role)) for c in text]


class Habits:
    """How this page's typesetting and text layer behave."""

    def __init__(self, rng):
        self.dig = rng.choice((0.0, 0.0, 0.15, 0.4, 0.7, 0.9, 1.0))         # spaces around ASCII runs
        self.ls = rng.choice((0.0, 0.0, 0.0, 0.02, 0.05, 0.1, 0.2))          # letter-spaced lines
        self.sloppy = rng.choice((0.0,) * 6 + (0.15, 0.4))                   # closing punct may start a line
        self.splitnum = rng.choice((0.0,) * 5 + (0.1, 0.3))                  # numbers broken at wraps
        self.parblank = rng.choice((0.0, 0.0, 0.2, 0.6, 1.0, 1.0))
        self.indent = rng.choices(("", "\u3000\u3000", "  ", " "), (0.4, 0.25, 0.15, 0.2))[0]
        self.noblank = rng.choice((0.0,) * 7 + (0.1, 0.3))                   # blocks abut with no blank line
        self.widthchange = rng.choice((0.0, 0.1, 0.3, 0.6))
        self.wide_captions = rng.random() < 0.5
        self.colbreak_in = rng.choice((0.1, 0.3, 0.6))                        # forced breaks in datelines etc.
        self.traits: set[str] = set()


def pick_width(rng) -> int:
    r = rng.random()
    if r < 0.3:
        return rng.randint(8, 11)
    if r < 0.8:
        return rng.randint(12, 17)
    return rng.randint(18, 22)


def space_line(rng, hab: Habits, line: list, justified: bool, force_ls: bool = False) -> list:
    """What the PDF's text layer does to a set line: spaces around ASCII runs; letter-spacing."""
    if not line:
        return line
    if force_ls or (justified and hab.ls and rng.random() < hab.ls * (3 if any(c.isascii() and not c.isspace() for c, _ in line) else 1)):
        hab.traits.add("letter-spaced line")
        out = []
        toks = _tokens(line, 0.0, rng)
        for k, tok in enumerate(toks):
            out.extend(tok)
            if k + 1 < len(toks) and tok[-1][0] not in PUNCT and not tok[-1][0].isspace() \
                    and not toks[k + 1][0][0].isspace():
                out.append((" ", None))
            elif k + 1 < len(toks) and tok[-1][0] in CLOSE and toks[k + 1][0][0] not in PUNCT and rng.random() < 0.15:
                out.append((" ", None))
        return out
    if hab.dig <= 0:
        return line
    out = []
    i, n = 0, len(line)
    while i < n:
        c = line[i][0]
        if _is_ascii_word(c) and c.isalnum():
            j = i
            while j < n and _is_ascii_word(line[j][0]):
                j += 1
            if rng.random() < hab.dig:
                before = out and not out[-1][0].isspace() and not out[-1][0].isascii() and out[-1][0] not in OPEN
                after = j < n and not line[j][0].isspace() and not line[j][0].isascii() and line[j][0] not in CLOSE
                if before:
                    out.append((" ", None))
                out.extend(line[i:j])
                if after:
                    out.append((" ", None))
                if before or after:
                    hab.traits.add("spaced digits")
            else:
                out.extend(line[i:j])
            i = j
        else:
            out.append(line[i])
            i += 1
    return out


def _tokens(chars: list, splitnum: float, rng, forced=()) -> list[list]:
    """Break units: one CJK char; an ASCII word (unless split); —— and …… kept in pairs."""
    toks = []
    i, n = 0, len(chars)
    while i < n:
        c = chars[i][0]
        if _is_ascii_word(c):
            j = i
            while j < n and _is_ascii_word(chars[j][0]):
                j += 1
            if any(i < f < j for f in forced):
                toks.extend([[x] for x in chars[i:j]])
            elif splitnum and j - i > 1 and rng.random() < splitnum:
                toks.extend([[x] for x in chars[i:j]])
            else:
                toks.append(chars[i:j])
            i = j
        elif c in "—…" and i + 1 < n and chars[i + 1][0] == c:
            toks.append(chars[i:i + 2])
            i += 2
        elif c in CLOSE and toks and toks[-1][-1][0] in CLOSE:
            toks[-1] = toks[-1] + [chars[i]]      # a run of closing marks moves as one (”。 ）、)
            i += 1
        else:
            toks.append([chars[i]])
            i += 1
    return toks


COLBREAK = "COLBREAK"


class Setter:
    """Sets paragraphs into column lines; blank lines at column breaks (COLBREAK) and maybe paragraphs."""

    def __init__(self, rng, hab: Habits, width: int, parblank: float | None = None):
        self.rng, self.hab, self.w = rng, hab, width
        self.out: list = []
        self.count = 0
        self.h = self._height(first=True)
        self.parblank = hab.parblank if parblank is None else parblank

    def _height(self, first=False):
        r = self.rng.random()
        if r < 0.25:
            h = self.rng.randint(4, 12)
        elif r < 0.8:
            h = self.rng.randint(12, 40)
        else:
            h = self.rng.randint(40, 90)
        if first and self.rng.random() < 0.35:
            h = self.rng.randint(1, h)          # a short first column (under a headline, a photo)
        return h

    def colbreak(self):
        if self.out and self.out[-1] == COLBREAK:
            return
        self.out.append(COLBREAK)
        self.count = 0
        self.h = self._height()
        if self.rng.random() < self.hab.widthchange:
            nw = max(8, min(22, self.w + self.rng.choice((-4, -3, -2, -1, 1, 2, 3, 4))))
            if nw != self.w:
                self.hab.traits.add("width changes at a column break")
                self.w = nw

    def emit(self, line, justified, force_ls=False):
        while line and line[-1][0].isspace():
            line = line[:-1]
        self.out.append(space_line(self.rng, self.hab, line, justified, force_ls))
        self.count += 1
        if self.count >= self.h:
            self.colbreak()

    def para(self, chars: list, indent: str = "", forced: set | None = None, final_extra: list | None = None,
             ls_all: bool = False, newline: int = -1):
        """chars: list of (char, tag). forced: char offsets where a column break falls before that char."""
        rng, hab = self.rng, self.hab
        forced = forced or set()
        toks = _tokens(chars, hab.splitnum, rng, forced)
        line = [(c, ("ws", "indent")) for c in indent] if indent else []
        lw = sum(_w(c) for c in indent)
        has = False
        off = 0
        for tok in toks:
            if off == newline and has and tok[0][0] not in CLOSE:
                self.emit(line, False)
                line, lw, has = [], 0.0, False
            if off in forced and has and tok[0][0] not in CLOSE:
                self.emit(line, True, force_ls=rng.random() < 0.2)
                self.colbreak()
                line, lw, has = [], 0.0, False
            off += len(tok)
            tw = sum(_w(c) for c, _ in tok)
            if has and lw + tw > self.w + 1e-9:
                if tok[0][0] in CLOSE and not (hab.sloppy and rng.random() < hab.sloppy):
                    line.extend(tok)
                    self.emit(line, True)
                    line, lw, has = [], 0.0, False
                    continue
                if tok[0][0] in CLOSE:
                    hab.traits.add("closing punctuation starts a line")
                if line and line[-1][0] in OPEN and rng.random() < 0.8 and len(line) > 1:
                    carry = [line.pop()]
                    self.emit(line, True)
                    line, lw, has = carry, _w(carry[0][0]), True
                else:
                    self.emit(line, True)
                    line, lw, has = [], 0.0, False
            if not has and tok[0][0].isspace():
                continue
            line.extend(tok)
            lw += tw
            has = True
        if final_extra:
            ew = sum(_w(c) for c, _ in final_extra)
            if has and lw + ew <= self.w + 6 and rng.random() < 0.6:
                line.append((" ", None))
                line.extend(final_extra)
            else:
                if has:
                    self.emit(line, False)
                line, has = list(final_extra), True
        if has:
            self.emit(line, ls_all)
        if self.out and self.out[-1] != COLBREAK and rng.random() < self.parblank:
            self.out.append([])

    def columns(self) -> list[list]:
        cols, cur = [], []
        for x in self.out:
            if x == COLBREAK:
                if cur:
                    cols.append(cur)
                cur = []
            else:
                cur.append(x)
        if cur:
            cols.append(cur)
        # drop trailing blank lines of each column
        out = []
        for c in cols:
            while c and c[-1] == []:
                c.pop()
            while c and c[0] == []:
                c.pop(0)
            if c:
                out.append(c)
        return out


def break_text(rng, text: str, nlines: int) -> list[str]:
    """Split a short text into nlines pieces anywhere (never empty pieces; prefers spaces)."""
    text = text.strip()
    core = len(text)
    if nlines <= 1 or core < 4:
        return [text]
    nlines = min(nlines, core // 2)
    spaces = [k for k, c in enumerate(text) if c == " "]
    cuts = set()
    if spaces and rng.random() < 0.6:
        cuts.add(rng.choice(spaces))
    while len(cuts) < nlines - 1:
        cuts.add(rng.randint(1, core - 1))
    pieces, prev = [], 0
    for k in sorted(cuts):
        pieces.append(text[prev:k])
        prev = k
    pieces.append(text[prev:])
    pieces = [p.strip() for p in pieces if p.strip()]
    return pieces


# ----------------------------------------------------------------------------------------------
# articles


class Art:
    def __init__(self, iid):
        self.iid = iid
        self.kind = "article"
        self.title = ""
        self.kicker = ""
        self.subtitle = ""
        self.dateline = ""
        self.credit = ""       # the "（记者 X）" after a dateline
        self.byline = ""       # on its own line(s)
        self.byline_where = ""
        self.reporters: list[str] = []
        self.paras: list[str] = []
        self.subheads: set[int] = set()
        self.jump = ""
        self.continued_to = None
        self.cont = ""         # （上接第1版）
        self.marker = ""       # ■ before a brief's title
        self.brackets = False  # 【title】
        self.opening = ""      # "记者…获悉，" put before the first paragraph (part of the body)
        self.runin = False     # a brief's title run in at the start of its body's first line

    def truth(self) -> TruthItem:
        return TruthItem(kind=self.kind, title=self.title.replace(" ", "").replace("\u3000", ""),
                         body="\n".join(self.paras), reporters=list(self.reporters),
                         continued_to=self.continued_to, kicker=self.kicker, subtitle=self.subtitle,
                         dateline=self.dateline)


def reporters_phrase(rng, names_out: list, short=False) -> str:
    """记者 X 通讯员 Y ... (names appended to names_out)."""
    parts = []
    n = rng.choices((1, 2, 3), (0.55, 0.35, 0.1))[0]
    lead = rng.choice(("记者", "记者", "本报记者", "见习记者", "融媒体记者"))
    names = [person(rng) for _ in range(n)]
    names_out.extend(names)
    parts.append(lead + " " + " ".join(names))
    if not short and rng.random() < 0.35:
        extra = rng.choice(("通讯员", "通讯员", "实习生"))
        m = rng.choice((1, 1, 2))
        xs = [person(rng) for _ in range(m)]
        names_out.extend(xs)
        parts.append(extra + " " + " ".join(xs))
    return " ".join(parts)


def title_parts(rng, art: Art, raw: str, hab: Habits, brief=False):
    """Kicker / title / subtitle as printed, from an xwlb title."""
    tag = ""
    m = re.match(r"^【([^】]+)】\s*(.+)$", raw)
    if m:
        tag, raw = m.group(1).strip(), m.group(2).strip()
        if len(tag) > 16 and rng.random() < 0.6:
            tag = re.split(r"——| ", tag)[0]
    raw = re.sub(r"\s+", " ", raw)
    kicker = subtitle = ""
    title = raw
    if tag and not brief and rng.random() < 0.6:
        kicker = rng.choice((f"【{tag}】", tag, tag, f"{tag}——", f"·{tag}·"))
    # long titles: shorten at a natural break, or move the rest into a subtitle
    if len(title) > 30:
        breaks = [k for k, c in enumerate(title) if c in " ，：" and 6 <= k <= 30]
        if breaks:
            k = rng.choice(breaks)
            head, rest = title[:k], title[k + 1:].strip()
            if rest and rng.random() < 0.5 and not brief:
                subtitle = "——" + rest if rng.random() < 0.5 else rest
            title = head
            hab.traits.add("long title cut at a natural break")
        # no natural break: printed whole (it wraps over two or three lines)
    elif " " in title and not brief and rng.random() < 0.35:
        a, b = title.split(" ", 1)
        if len(a) >= 3 and len(b) >= 3:
            if not kicker and rng.random() < 0.5:
                kicker, title = a, b
                hab.traits.add("two-phrase title as kicker+title")
            elif not subtitle:
                title, subtitle = a, ("——" + b if rng.random() < 0.4 else b)
                hab.traits.add("two-phrase title as title+subtitle")
    if " " in title:
        hab.traits.add("two-phrase title with a space")
    if not brief and not kicker and rng.random() < 0.18:
        kicker = rng.choice((rng.choice(ORGS) + "——", rng.choice(SERIES), rng.choice(TOPICS) + "观察",
                             f"聚焦{rng.choice(TOPICS)}", rng.choice(ORGS) + "：" if rng.random() < 0.3 else rng.choice(SERIES)))
    if not brief and not subtitle and rng.random() < 0.04:
        subtitle = rng.choice((f"——{rng.choice(COUNTIES)}{rng.choice(TOPICS)}见闻",
                               f"——来自{rng.choice(COUNTIES)}的调查", f"——{rng.choice(ORGS)}推进{rng.choice(TOPICS)}工作纪实"))
    art.kicker, art.title, art.subtitle = kicker, title, subtitle
    if kicker:
        hab.traits.add("kicker")
    if subtitle:
        hab.traits.add("subtitle")


def cut_sentences(paras: list[str], lo: int, hi: int, rng) -> list[str]:
    """The first sentences of the item, lo..hi characters, cut at a sentence end."""
    out, n = [], 0
    for p in paras:
        sents = re.findall(r"[^。！？]*[。！？]+[”’）]?|[^。！？]+$", p)
        keep = ""
        for s in sents:
            if n + len(keep) + len(s) > hi and n + len(keep) >= lo:
                break
            keep += s
        if keep:
            out.append(keep)
            n += len(keep)
        if keep != p or n >= lo:
            break
    if not out:
        out = [paras[0][:hi]]
    return out


def add_subheads(rng, art: Art, hab: Habits):
    """Subheads taken from the paragraph they head (a clause), as own paragraphs."""
    paras = art.paras
    if len(paras) < 4:
        return
    style = rng.choice(("plain", "plain", "ordinal", "bracket", "circled"))
    idxs = sorted(rng.sample(range(1, len(paras)), min(len(paras) - 1, rng.randint(2, 5))))
    new, k = [], 0
    subs = set()
    for i, p in enumerate(paras):
        if i in idxs:
            clauses = [c for c in re.findall(r"[，。；：！？]([^，。；：！？“”‘’（）《》、]{6,16})(?=[，。；！？])", p)]
            if len(p) >= 40 and clauses:
                phrase = clauses[-1] if rng.random() < 0.5 else rng.choice(clauses)
                if style == "ordinal":
                    phrase = ORDINALS[min(k, 7)] + phrase
                elif style == "bracket":
                    phrase = "【" + phrase + "】"
                elif style == "circled":
                    phrase = CIRCLED[min(k, 7)] + phrase
                k += 1
                subs.add(len(new))
                new.append(phrase)
        new.append(p)
    if subs:
        art.paras = new
        art.subheads = subs
        hab.traits.add("subheads")


def make_article(rng, pool: Pool, iid: int, hab: Habits, prov, kind="normal", used=None,
                 page_no=1) -> Art:
    art = Art(iid)
    it = pool.pick(rng, {"long": "long", "normal": "any", "brief": "any", "cont": "mid"}.get(kind, "any"), used)
    y, mo, d = md(it["date"])
    paras = list(it["paragraphs"])
    title_parts(rng, art, it["title"], hab, brief=(kind == "brief"))
    if kind in ("normal", "long") and (not art.kicker or not art.subtitle) and rng.random() < 0.16:
        # a clause of the article itself as kicker or second deck (as the seed's front page does)
        clauses = re.findall(r"[，。；：！？]([^，。；：！？“”‘’（）《》]{8,24})(?=[，。；！？])", "。".join(paras[:4]))
        if clauses:
            c = rng.choice(clauses)
            if not art.kicker and (art.subtitle or rng.random() < 0.55):
                art.kicker = c
                hab.traits.update(("kicker", "kicker: a clause of the body"))
            else:
                art.subtitle = ("——" + c) if rng.random() < 0.3 else c
                hab.traits.update(("subtitle", "subtitle: a clause of the body"))
    pname, cities = prov
    if kind == "brief":
        paras = cut_sentences(paras, 60, 250, rng)
        art.marker = rng.choices(("", "■", "●", "▲", "◆", "□", "【】"), (0.3, 0.25, 0.2, 0.05, 0.05, 0.05, 0.1))[0]
        if art.marker == "【】":
            art.marker, art.brackets = "", True
        if art.marker or art.brackets:
            hab.traits.add("brief title marked ■/●/【】")
            if rng.random() < 0.25:
                art.runin = True
                hab.traits.add("brief title run in with its body")
        if len(art.title) > 22 and rng.random() < 0.5:
            m = re.search(r"[ ，：]", art.title[6:22])
            if m:
                art.title = art.title[:6 + m.start()]
    elif kind == "long":
        total = 0
        keep = []
        lim = rng.randint(1500, 3000)
        for p in paras:
            if total + len(p) > lim and total >= 1200:
                break
            keep.append(p)
            total += len(p)
        if len(keep) < len(paras):
            art.continued_to = "2"
        paras = keep
    elif kind == "cont":
        k = rng.randint(1, max(1, len(paras) - 1)) if len(paras) > 1 else 0
        paras = paras[k:]
        if rng.random() < 0.4:
            p0 = paras[0]
            cut = rng.randint(0, max(0, len(p0) // 2))
            paras[0] = p0[cut:] if len(p0) - cut > 5 else p0
        art.cont = rng.choice(("（上接第1版）", "（上接第1版）", "（上接1版）", f"（上接第{rng.choice((1, 1, 2, 3))}版）"))
        r = rng.random()
        if r < 0.35:
            art.title, art.kicker, art.subtitle = "", "", ""
            hab.traits.add("continuation without title")
        elif r < 0.65 and re.search(r"[ ，：、]", art.title[4:]):
            ks = [m.start() + 4 for m in re.finditer(r"[ ，：、]", art.title[4:])]
            art.title = art.title[:rng.choice(ks)].strip()
            art.kicker = art.subtitle = ""
            hab.traits.add("continuation with shortened title")
        hab.traits.add("continuation （上接）")
    else:
        if rng.random() < 0.45:
            total, keep = 0, []
            lim = rng.randint(250, 1300)
            for p in paras:
                if total >= lim:
                    break
                keep.append(p)
                total += len(p)
            if len(keep) < len(paras) and rng.random() < 0.35:
                art.continued_to = str(rng.choice((2, 2, 2, 3, 4, 5, 6, 8)))
            paras = keep
    if art.continued_to and rng.random() < 0.3:
        # end mid-sentence
        last = paras[-1]
        if len(last) > 20:
            paras[-1] = last[:rng.randint(len(last) // 2, len(last) - 3)]
            hab.traits.add("jump line mid-sentence")
    if art.continued_to:
        n = art.continued_to
        art.jump = rng.choice((f"（下转第{n}版）", f"（下转第{n}版）", f"（下转{n}版）", f"（下转第 {n} 版）"))
        hab.traits.add("jump line （下转）")
    art.paras = paras
    if kind in ("long", "normal") and sum(len(p) for p in paras) > 700 and rng.random() < 0.7:
        add_subheads(rng, art, hab)
    # credits
    if kind == "cont":
        form = "none"
    else:
        form = rng.choices(("city", "benbao", "benbao_plain", "xinhua", "xinhua_plain", "zhongxin",
                            "opening", "byline", "none"),
                           (0.24, 0.16, 0.07, 0.09, 0.05, 0.03, 0.06, 0.14, 0.16))[0]
    names: list[str] = []
    dd = d if rng.random() < 0.7 else max(1, d - rng.randint(1, 3))
    date_s = f"{mo}月{dd}日"
    if form == "city":
        city = rng.choice(cities + COUNTIES[:6])
        art.dateline = f"本报{city}{date_s}讯"
        art.credit = rng.choice(("（", "（")) + reporters_phrase(rng, names) + "）"
        hab.traits.add("dateline 本报X月日讯")
    elif form == "benbao":
        art.dateline = "本报讯"
        art.credit = "（" + reporters_phrase(rng, names) + "）"
        hab.traits.add("dateline 本报讯（记者）")
    elif form == "benbao_plain":
        art.dateline = rng.choice(("本报讯", "本报讯", "本报消息"))
        hab.traits.add("dateline 本报讯 alone")
    elif form == "xinhua":
        art.dateline = f"新华社{rng.choice(XINHUA_CITIES)}{date_s}电"
        art.credit = "（" + reporters_phrase(rng, names, short=True).replace("本报记者", "记者").replace("融媒体记者", "记者") + "）"
        hab.traits.add("dateline 新华社…电")
    elif form == "xinhua_plain":
        art.dateline = f"新华社{rng.choice(XINHUA_CITIES)}{date_s}电"
        hab.traits.add("dateline 新华社…电")
    elif form == "zhongxin":
        art.dateline = f"中新社{rng.choice(XINHUA_CITIES)}{date_s}电"
        if rng.random() < 0.5:
            art.credit = "（" + reporters_phrase(rng, names, short=True).replace("本报记者", "记者") + "）"
        hab.traits.add("dateline 中新社…电")
    elif form == "opening":
        art.opening = rng.choice((f"记者{dd}日从{rng.choice(ORGS)}获悉，", f"本报记者日前从{rng.choice(ORGS)}了解到，",
                                  f"记者近日从{rng.choice(ORGS)}获悉，"))
        hab.traits.add("opening 记者…获悉")
    if form in ("byline", "opening", "benbao_plain", "xinhua_plain") and rng.random() < (0.9 if form == "byline" else 0.4) \
            or (form == "none" and kind == "long"):
        lead = rng.choice(("本报记者", "本报记者", "□ 本报记者", "文/记者", "文/图 本报记者", "记者", "■ 本报记者",
                           "本报通讯员", "□本报记者", "见习记者"))
        xs = [person(rng) for _ in range(rng.choices((1, 2, 3), (0.5, 0.4, 0.1))[0])]
        names.extend(xs)
        art.byline = lead + " " + " ".join(xs)
        if rng.random() < 0.25:
            ys = [person(rng)]
            names.extend(ys)
            art.byline += " " + rng.choice(("通讯员", "实习生")) + " " + ys[0]
        art.byline_where = rng.choice(("above", "below", "below", "body", "body"))
        hab.traits.add(f"byline {art.byline_where} headline" if art.byline_where != "body" else "byline at top of body")
    if not art.dateline and not art.opening:
        hab.traits.add("no dateline")
    if art.opening:
        art.paras[0] = art.opening + art.paras[0]
    art.reporters = names
    return art


# ----------------------------------------------------------------------------------------------
# laying out an article's blocks


def set_short(rng, hab, text_or_chars, width, nlines=None, ls=False) -> list:
    """A short run (title, byline, kicker) set on 1-3 lines broken anywhere."""
    chars = text_or_chars
    s = "".join(c for c, _ in chars)
    if nlines is None:
        nlines = 1
    if width and len(s) > width:
        nlines = max(nlines, min(4, -(-len(s) // width)))
    pieces = break_text(rng, s, nlines)
    out, pos = [], 0
    for p in pieces:
        k = s.index(p, pos)
        seg = chars[k:k + len(p)]
        pos = k + len(p)
        out.append(space_line(rng, hab, seg, True, force_ls=ls))
    return out


def headline_block(rng, hab: Habits, art: Art) -> list:
    """Lines of kicker / title / subtitle (and a byline above/below); [] = blank line."""
    lines = []
    hw = rng.randint(9, 26)
    tl = []
    if art.title and not art.runin:
        t = art.title
        n = len(t)
        nl = 1
        r = rng.random()
        if n >= 8 and r < 0.35:
            nl = 2
        elif n >= 14 and r < 0.5:
            nl = 3
        if nl > 1:
            hab.traits.add(f"title on {nl} lines")
        ls = n <= 10 and rng.random() < 0.15
        chars = tagged(t, art.iid, "title")
        if art.marker:
            chars = tagged(art.marker, F, "marker") + ([(" ", None)] if rng.random() < 0.6 else []) + chars
        if art.brackets:
            chars = [("【", (F, "marker"))] + chars + [("】", (F, "marker"))]
        tl = set_short(rng, hab, chars, hw, nl, ls)
        if nl > 1 and rng.random() < 0.15:
            k = rng.randint(1, len(tl) - 1)
            tl = tl[:k] + [[]] + tl[k:]
            hab.traits.add("blank line inside a title")
    kl = []
    if art.kicker:
        kl = set_short(rng, hab, tagged(art.kicker, art.iid, "kicker"), hw, 2 if len(art.kicker) > 12 and rng.random() < 0.3 else 1)
    sl = []
    if art.subtitle:
        sl = set_short(rng, hab, tagged(art.subtitle, art.iid, "subtitle"),
                       hw, 2 if len(art.subtitle) > 14 and rng.random() < 0.3 else 1)
    gap = [[]] if rng.random() < 0.4 else []
    if kl and rng.random() < 0.2:
        hab.traits.add("kicker below title")
        lines = tl + gap + kl + sl
    else:
        lines = kl + gap + tl + sl
    if art.byline and art.byline_where in ("above", "below"):
        bl = byline_lines(rng, hab, art)
        g = [[]] if rng.random() < 0.6 else []
        lines = (bl + g + lines) if art.byline_where == "above" else (lines + g + bl)
    return lines


def byline_lines(rng, hab, art) -> list:
    chars = tagged(art.byline, art.iid, "byline")
    if rng.random() < 0.2:
        hab.traits.add("byline broken over lines")
        ls = set_short(rng, hab, chars, 0, 2)
        if len(ls) > 1 and rng.random() < 0.4:
            ls = ls[:1] + [[]] + ls[1:]
            hab.traits.add("column break inside a byline")
        return ls
    return [space_line(rng, hab, chars, False)]


def body_lines(rng, hab: Habits, art: Art, width: int) -> list[list]:
    """The body set in columns: a list of columns (lists of lines)."""
    st = Setter(rng, hab, width, parblank=hab.parblank if rng.random() < 0.8 else rng.choice((0.0, 1.0)))
    if len(art.paras) > 1:
        hab.traits.add("paragraph indent: " + {"": "none", "\u3000\u3000": "two full-width spaces",
                                                "  ": "two ASCII spaces", " ": "one space"}[hab.indent])
        if st.parblank > 0:
            hab.traits.add("blank lines between paragraphs")
    if art.cont:
        c = tagged(art.cont, F, "cont")
        if rng.random() < 0.5:
            st.emit(c, False)
            first_prefix = []
        else:
            first_prefix = c
    else:
        first_prefix = []
    if art.byline and art.byline_where == "body":
        for ln in byline_lines(rng, hab, art):
            st.out.append(ln) if ln else st.colbreak()
        if rng.random() < 0.5:
            st.out.append([])
    n = len(art.paras)
    for i, p in enumerate(art.paras):
        chars = tagged(p, art.iid, "body")
        forced = set()
        indent = hab.indent
        if i == 0:
            pre = list(first_prefix)
            if art.dateline:
                pre += tagged(art.dateline, art.iid, "dateline")
                if not art.credit and rng.random() < 0.6:
                    pre.append((rng.choice((" ", " ", "\u3000")), None))
            if art.credit:
                pre += tagged(art.credit, art.iid, "credit")
            if pre and rng.random() < hab.colbreak_in:
                # a column break inside the dateline / credit
                k = rng.randint(1, len(pre) - 1)
                forced.add(k)
                hab.traits.add("column break inside a dateline/credit")
            if art.runin:
                tc = tagged(art.title, art.iid, "title")
                if art.marker:
                    tc = tagged(art.marker, F, "marker") + tc
                if art.brackets:
                    tc = [("【", (F, "marker"))] + tc + [("】", (F, "marker"))]
                pre = tc + [(" ", None)] * rng.choice((0, 1, 1, 2)) + pre
            chars = pre + chars
            if pre and not art.runin and rng.random() < 0.15:
                nl = len(pre)
                hab.traits.add("dateline on a line of its own")
            else:
                nl = -1
        if i in art.subheads:
            st.para(chars, "" if rng.random() < 0.7 else indent, ls_all=rng.random() < 0.3)
            continue
        # column break inside a figure
        if rng.random() < hab.colbreak_in * 0.4:
            for m in re.finditer(r"\d+(\.\d+)?[%万亿元个人]", p):
                if m.end() - m.start() >= 3:
                    k = m.start() + rng.randint(1, m.end() - m.start() - 1) + (len(chars) - len(p))
                    forced.add(k)
                    hab.traits.add("column break inside a figure")
                    break
        if rng.random() < 0.04 and len(p) > 30:
            forced.add(rng.randint(5, len(chars) - 5))
        extra = None
        if i == n - 1 and art.jump:
            extra = tagged(art.jump, art.iid, "jump")
        st.para(chars, indent, forced, extra, newline=nl if i == 0 else -1)
    return st.columns()


def caption(rng, hab: Habits, iid: int, date: str, prov, numbered: str = "") -> tuple[Art, list]:
    art = Art(iid)
    art.kind = "caption"
    y, mo, d = md(date)
    pname, cities = prov
    place = rng.choice(cities + COUNTIES) + rng.choice(("市", "县", "区", "")) + rng.choice(CAP_SPOT)
    who = rng.choice(CAP_WHO)
    forms = [f"{mo}月{d}日，{who}在{place}{rng.choice(CAP_DO)}。",
             f"近日，{place}{rng.choice(CAP_SCENE)}，{who}{rng.choice(CAP_DO)}。",
             f"图为{place}一景。",
             f"{mo}月{d}日，{place}{rng.choice(CAP_SCENE)}。当日，{who}纷纷{rng.choice(CAP_DO)}。",
             f"{who}在{place}{rng.choice(CAP_DO)}。",
             f"日前，{rng.choice(ORGS)}组织{who}在{place}{rng.choice(CAP_DO)}，现场{rng.choice(CAP_SCENE)}。"]
    text = rng.choice(forms)
    if numbered:
        text = numbered + text
    names: list[str] = []
    r = rng.random()
    if r < 0.3:
        nm = person(rng)
        names.append(nm)
        credit = rng.choice(("本报记者 ", "记者 ", "本报记者 ")) + nm + " 摄"
    elif r < 0.42:
        nm, nm2 = person(rng), person(rng)
        names += [nm, nm2]
        credit = f"本报记者 {nm} 通讯员 {nm2} 摄"
    elif r < 0.55:
        credit = "新华社发"
    elif r < 0.62:
        nm = person(rng)
        names.append(nm)
        credit = f"新华社记者 {nm} 摄"
    elif r < 0.72:
        credit = "（资料图片）"
    elif r < 0.85:
        credit = rng.choice(PHOTO_ORGS) + rng.choice((" 供图", "供图"))
    else:
        nm = person(rng)
        names.append(nm)
        credit = rng.choice(("通讯员 ", "", "特约摄影 ")) + nm + " 摄"
    ctitle = ""
    if rng.random() < 0.25:
        ctitle = rng.choice(CAP_TITLES)
        hab.traits.add("caption title")
    art.reporters = names
    art.paras = ([ctitle] if ctitle else []) + [text + (" " if "摄" in credit or "供图" in credit else "") + credit]
    lines = []
    if ctitle:
        lines.append(space_line(rng, hab, tagged(ctitle, iid, "body"), False, force_ls=rng.random() < 0.2))
        if rng.random() < 0.4:
            lines.append([])
    chars = tagged(text, iid, "body")
    cred = tagged(credit, iid, "body")
    w = rng.randint(24, 60) if hab.wide_captions else rng.randint(10, 22)
    st = Setter(rng, hab, w, parblank=0.0)
    st.h = 999
    if rng.random() < 0.65:
        st.para(chars, "", None, cred)          # credit after the text, on its last line if it fits
    else:
        st.para(chars, "")                      # credit on a line of its own
        st.para(cred, "")
    for c in st.columns():
        lines.extend(c)
    return art, lines


# ----------------------------------------------------------------------------------------------
# furniture


def furniture(rng, hab: Habits, kind: str, ctx: dict) -> list:
    y, mo, d, wd, paper, pno = ctx["y"], ctx["mo"], ctx["d"], ctx["wd"], ctx["paper"], ctx["pno"]
    city = ctx["city"]
    L: list[str] = []
    if kind == "banner":
        L = [rng.choice((f"{paper} {y}年{mo}月{d}日 星期{wd}", f"{y}年{mo}月{d}日 星期{wd}",
                         f"{pno} {rng.choice(SECTIONS)}", f"{rng.choice(SECTIONS)} {pno}",
                         f"第{pno}版", f"{y}.{mo:02d}.{d:02d} {rng.choice(SECTIONS)}",
                         f"A{pno}", f"{paper}", f"{rng.choice(SECTIONS)}·{rng.choice(SECTIONS)}"))]
        if rng.random() < 0.3:
            L.append(rng.choice([x for x in (f"{y}年{mo}月{d}日", f"星期{wd}", f"第{pno}版", f"农历{rng.choice('正二三四五六七八九十冬腊')}月{rng.choice(('初', '十', '廿'))}{rng.choice('一二三四五六七八九')}")
                                 if x not in L[0]]))
    elif kind == "editor":
        a, b = person(rng), person(rng)
        L = [rng.choice((f"责任编辑 {a}", f"责任编辑：{a} 美编：{b}", f"本版责编 {a} 版式 {b}",
                         f"编辑 {a} 校对 {b}", f"责编：{a}", f"本版编辑 {a}"))]
    elif kind == "pageno":
        L = [rng.choice((str(pno), f"{pno}", f"—{pno}—", f"- {pno} -"))]
    elif kind == "label":
        L = [rng.choice(COLUMN_LABELS)]
    elif kind == "qr":
        L = [rng.choice(("扫码看视频", "扫一扫 看更多", f"扫描二维码 下载{paper}客户端", "扫码阅读全文",
                         "扫码看直播", f"{paper}微信公众号"))]
    elif kind == "weather":
        c2 = rng.choice(ctx["cities"])
        lo = rng.randint(-12, 18)
        hi = lo + rng.randint(3, 14)
        L = [rng.choice(("今日天气", "天气预报", "气象", f"{city}天气"))]
        for _ in range(rng.randint(1, 4)):
            lo2 = lo + rng.randint(-3, 3)
            L.append(f"{rng.choice(ctx['cities'])} {rng.choice(WEATHER)} {lo2}℃～{lo2 + rng.randint(3, 12)}℃")
        if rng.random() < 0.6:
            L.append(f"{rng.choice(WIND)}{rng.randint(1, 3)}～{rng.randint(3, 5)}级")
        if rng.random() < 0.4:
            L.append(f"明天：{rng.choice(WEATHER)}，{c2}{lo}℃～{hi}℃")
        if rng.random() < 0.3:
            L.append(f"{city}市气象台{rng.randint(5, 17)}时发布")
    elif kind == "lost":
        L = [rng.choice(("遗失声明", "声明", "遗失启事", "·遗失声明·"))]
        for _ in range(rng.randint(1, 5)):
            who = person(rng) if rng.random() < 0.5 else f"{city}市{rng.choice(BRANDS)}{rng.choice(('商贸有限公司', '建筑工程有限公司', '农业专业合作社', '餐饮店'))}"
            num = "".join(rng.choice("0123456789") for _ in range(rng.choice((8, 12, 15, 18))))
            L.append(f"{who}不慎遗失{rng.choice(DOCS)}，{rng.choice(('证号', '编号', '号码'))}：{num}，声明作废。")
    elif kind == "jobs":
        co = f"{city}{rng.choice(BRANDS)}{rng.choice(('实业有限公司', '物业服务公司', '食品有限公司', '医院', '连锁超市'))}"
        L = [rng.choice(("招聘", "诚聘", f"{co}招聘启事"))]
        if "启事" not in L[0]:
            L.append(co)
        L.append("因业务发展需要，现面向社会招聘：")
        for _ in range(rng.randint(1, 4)):
            L.append(f"{rng.choice(JOBS)}{rng.randint(1, 20)}名，{rng.choice(('', '月薪'))}{rng.randint(3, 9)}000元起{rng.choice(('', '，缴纳五险一金', '，包食宿'))}。")
        L.append(f"联系人：{rng.choice(SURNAMES)}{rng.choice(('女士', '先生', '经理'))} 电话：1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}")
    elif kind == "ad":
        b = rng.choice(BRANDS)
        head, slogans = rng.choice(((f"{b}家居 金秋大促", ("全场八折起 满千减百", "厂家直销 送货上门")),
                                    (f"{b}口腔 关爱牙齿健康", ("免费检查 分期付款", "种植牙 矫正 洁牙")),
                                    (f"{b}驾校 常年招生", ("随到随学 包教包会", "学员班车 接送到家")),
                                    (f"{b}装饰 整装套餐", ("设计免费 先装修后付款", "十年质保 环保材料")),
                                    (f"{b}大药房 会员日", ("每月8日 会员九折", "24小时营业 送药上门")),
                                    (f"{b}楼盘 样板间开放", ("首付两成 即可入住", "名额有限 欲购从速"))))
        L = [head]
        if rng.random() < 0.8:
            L.append(rng.choice(slogans))
        L.append(f"地址：{city}市{rng.choice(ROADS)}{rng.randint(1, 299)}号")
        L.append(f"电话：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}")
        if rng.random() < 0.4:
            L.append("（广告）")
    elif kind == "notice":
        L = [rng.choice((f"关于{rng.choice(ROADS)}施工期间交通管制的公告", "停水通知", "停电公告", "征集启事",
                         f"{city}市{rng.choice(('公共资源交易中心', '自然资源局', '住房保障中心'))}公告"))]
        L.append(rng.choice((f"因{rng.choice(('管网改造', '线路检修', '道路施工'))}需要，{mo}月{min(28, d + 1)}日{rng.randint(7, 9)}时至{rng.randint(15, 20)}时，{rng.choice(ROADS)}沿线将暂停供{rng.choice(('水', '电'))}，请用户提前做好准备。",
                             f"为保障施工安全，自{mo}月{min(28, d + 2)}日起，{rng.choice(ROADS)}实行半幅封闭，请过往车辆绕行。",
                             f"现面向社会公开征集城市形象宣传语，截止日期为{mo}月{min(28, d + 10)}日。")))
        L.append(f"特此公告。")
        if rng.random() < 0.6:
            L.append(f"{city}市{rng.choice(('城市管理局', '供水有限公司', '供电公司', '交警支队'))}")
            L.append(f"{y}年{mo}月{d}日")
    elif kind == "hotline":
        L = [rng.choice(("服务热线", "新闻热线", "便民电话", "报料热线")),
             f"新闻热线：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}",
             f"发行热线：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}"]
        if rng.random() < 0.5:
            L.append(f"广告热线：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}")
    elif kind == "series":
        L = [rng.choice(SERIES)]
    hab.traits.add(f"furniture: {kind}")
    # furniture text may be wrapped narrow (a box) or printed as is
    out = []
    w = rng.randint(8, 18) if rng.random() < 0.35 else 0
    for s in L:
        chars = tagged(s, F, "furniture")
        if w and len(s) > w:
            st = Setter(rng, hab, w, parblank=0.0)
            st.h = 999
            st.para(chars)
            for c in st.columns():
                out.extend(c)
        else:
            out.append(space_line(rng, hab, chars, False, force_ls=rng.random() < 0.04))
    if rng.random() < 0.3 and len(out) > 2:
        k = rng.randint(1, len(out) - 1)
        out = out[:k] + [[]] + out[k:]
    return out


# ----------------------------------------------------------------------------------------------
# a page


def assemble_article(rng, hab: Habits, art: Art, pos: str, width: int, captions: list) -> list[list]:
    """An article's blocks in text-layer order; captions (list of line-lists) may fall inside."""
    head = headline_block(rng, hab, art) if ((art.title and not art.runin) or art.kicker or art.subtitle or
                                            (art.byline and art.byline_where in ("above", "below"))) else []
    cols = body_lines(rng, hab, art, width)
    if width <= 11:
        hab.traits.add("narrow column (8-11)")
    elif width >= 18:
        hab.traits.add("wide column (18-22)")
    if not art.title:
        hab.traits.add("article without title")
    blocks: list[list] = []
    if not head:
        blocks = [c for c in cols]
        for cap in captions:
            k = rng.randint(0, len(blocks))
            blocks.insert(k, cap)
        return blocks
    after = pos == AFTER or (pos == MIXED and rng.random() < 0.5)
    inside = len(cols) > 1 and rng.random() < (0.22 if pos == MIXED else 0.12)
    if inside:
        k = rng.randint(1, len(cols) - 1)
        blocks = cols[:k] + [head] + cols[k:]
        hab.traits.add("headline between two columns of its body")
        hpos = k
    elif after:
        blocks = cols + [head]
        hab.traits.add("headline after body")
        hpos = len(cols)
    else:
        blocks = [head] + cols
        hab.traits.add("headline before body")
        hpos = 0
    for cap in captions:
        r = rng.random()
        if r < 0.35:
            # between the headline and its body
            if after and not inside:
                blocks.insert(hpos, cap)
                hab.traits.update(("caption between headline and body", "headline right after a caption"))
            else:
                blocks.insert(hpos + 1, cap)
                hab.traits.add("caption between headline and body")
            hpos += 1
        elif r < 0.6:
            k = rng.randint(1, len(blocks))
            blocks.insert(k, cap)
            hab.traits.add("caption inside an article's blocks")
        else:
            blocks.append(cap)
    return blocks


def _weekday(y, mo, d):
    try:
        return WEEKDAYS[datetime.date(y, mo, d).weekday()]
    except ValueError:
        return "一"


def make_page(pool: Pool, position: str, rng: random.Random, pidx: int) -> Page:
    hab = Habits(rng)
    prov = PROVINCES[rng.choice(list(PROVINCES))]
    pname, cities = prov
    used: set = set()
    shape = rng.choices(("long", "mixed", "briefs", "photo", "service", "inner"),
                        (0.16, 0.32, 0.18, 0.11, 0.11, 0.12))[0]
    hab.traits.add(f"shape: {shape}")
    arts: list[Art] = []
    plan: list[tuple] = []   # (Art, n_captions)
    iid = 0

    def new_art(kind):
        nonlocal iid
        a = make_article(rng, pool, iid, hab, prov, kind, used)
        iid += 1
        arts.append(a)
        return a

    if shape == "long":
        plan.append((new_art("long"), rng.choices((0, 1, 2, 3), (0.2, 0.4, 0.3, 0.1))[0]))
        for _ in range(rng.choice((0, 0, 1, 2))):
            plan.append((new_art(rng.choice(("brief", "normal"))), 0))
    elif shape == "mixed":
        for _ in range(rng.randint(2, 6)):
            plan.append((new_art("normal"), 1 if rng.random() < 0.2 else 0))
    elif shape == "briefs":
        if rng.random() < 0.4:
            plan.append((new_art("normal"), 0))
        for _ in range(rng.randint(8, 14)):
            plan.append((new_art("brief"), 0))
    elif shape == "photo":
        if rng.random() < 0.6:
            plan.append((new_art(rng.choice(("normal", "brief"))), 0))
        plan.append(("photos", rng.randint(2, 7)))
        if rng.random() < 0.4:
            plan.append((new_art("brief"), 0))
    elif shape == "service":
        for _ in range(rng.randint(1, 5)):
            plan.append((new_art(rng.choice(("brief", "brief", "normal"))), 0))
    else:  # inner page: continuations from page 1 and others
        plan.append((new_art("cont"), 0))
        for _ in range(rng.randint(0, 4)):
            plan.append((new_art(rng.choice(("normal", "normal", "brief", "cont"))), 1 if rng.random() < 0.12 else 0))
    it0 = pool.pick(rng)
    y, mo, d = md(it0["date"])
    try:
        pd = datetime.date(y, mo, d) + datetime.timedelta(days=1)
        y2, mo2, d2 = pd.year, pd.month, pd.day
    except ValueError:
        y2, mo2, d2 = y, mo, d
    city = rng.choice(cities)
    paper = rng.choice((f"{pname}日报", f"{city}日报", f"{city}晚报", f"{rng.choice(COUNTIES)}报", f"今日{rng.choice(COUNTIES)}",
                        f"{city}新闻", f"{pname}经济报"))
    pno = 1 if shape in ("long", "mixed") and rng.random() < 0.5 else rng.randint(2, 16)
    ctx = dict(y=y2, mo=mo2, d=d2, wd=_weekday(y2, mo2, d2), paper=paper, pno=pno, city=city, cities=cities)

    # blocks in text-layer order
    units: list[list[list]] = []   # each unit: list of blocks (an article's or a photo group's)
    caps: list[Art] = []
    date_s = it0["date"]
    for a, ncap in plan:
        cap_blocks = []
        for k in range(ncap):
            numbered = ""
            if a == "photos" and rng.random() < 0.3:
                numbered = rng.choice((f"图{CIRCLED[k]}：", f"图{CIRCLED[k]} ", CIRCLED[k], f"▲"))
            ca, lines = caption(rng, hab, iid, date_s, prov, numbered)
            iid += 1
            caps.append(ca)
            cap_blocks.append(lines)
        if a == "photos":
            hab.traits.add("photo group")
            units.append(cap_blocks)
            continue
        width = pick_width(rng)
        pos = position
        blocks = assemble_article(rng, hab, a, pos, width, cap_blocks)
        units.append(blocks)
    if len(units) > 1 and rng.random() < 0.25:
        # the text layer's order is not the reading order of the page
        k = rng.randint(0, len(units) - 2)
        units[k], units[k + 1] = units[k + 1], units[k]
    blocks = [b for u in units for b in u]
    # stray captions between articles
    if shape != "photo" and rng.random() < 0.3:
        ca, lines = caption(rng, hab, iid, date_s, prov)
        iid += 1
        caps.append(ca)
        blocks.insert(rng.randint(0, len(blocks)), lines)
        hab.traits.add("caption between blocks")
    # furniture
    fk = []
    if rng.random() < 0.75:
        fk.append("banner")
    if rng.random() < 0.4:
        fk.append("editor")
    if rng.random() < 0.25:
        fk.append("pageno")
    if rng.random() < 0.3 or shape == "briefs":
        fk.append("label")
    if rng.random() < 0.15:
        fk.append("qr")
    if rng.random() < 0.08:
        fk.append("series")
    if shape == "service":
        fk += rng.sample(("weather", "lost", "jobs", "ad", "ad", "notice", "hotline", "lost"), rng.randint(2, 5))
    elif rng.random() < 0.25:
        fk.append(rng.choice(("weather", "lost", "jobs", "ad", "notice", "hotline")))
    for kind in fk:
        lines = furniture(rng, hab, kind, ctx)
        if kind == "banner" and rng.random() < 0.5:
            k = 0
        elif kind in ("pageno", "editor") and rng.random() < 0.5:
            k = len(blocks)
        else:
            k = rng.randint(0, len(blocks))
        blocks.insert(k, lines)
    # render
    out_lines: list = []
    for b in blocks:
        if out_lines and out_lines[-1] != [] and not (hab.noblank and rng.random() < hab.noblank):
            out_lines.append([])
        elif out_lines and out_lines[-1] != []:
            hab.traits.add("blocks with no blank line between")
        for ln in b:
            if ln == [] and (not out_lines or out_lines[-1] == []):
                continue
            out_lines.append(ln)
    while out_lines and out_lines[-1] == []:
        out_lines.pop()
    text_lines = []
    seen: dict = {}
    order: list[int] = []
    printed: dict = {}
    for ln in out_lines:
        text_lines.append("".join(c for c, _ in ln))
        for c, t in ln:
            if t is None or c.isspace():
                continue
            if t[0] != F and t[0] not in seen:
                seen[t[0]] = len(order)
                order.append(t[0])
            printed.setdefault(t, []).append(c)
    text = "\n".join(text_lines) + "\n"
    allitems = {a.iid: a for a in arts}
    allitems.update({c.iid: c for c in caps})
    # self-check: the truth equals what was printed for it
    for a in allitems.values():
        tr = a.truth()
        for role, want in (("title", tr.title), ("kicker", tr.kicker), ("subtitle", tr.subtitle),
                           ("body", tr.body), ("dateline", tr.dateline)):
            got = "".join(printed.get((a.iid, role), []))
            w = re.sub(r"\s+", "", want)
            assert got == w, f"pagegen_e self-check: item {a.iid} {role}: printed {got!r} != truth {w!r}"
        credited = "".join(printed.get((a.iid, "credit"), []) + printed.get((a.iid, "byline"), [])
                           + (printed.get((a.iid, "body"), []) if a.kind == "caption" else []))
        for nm in tr.reporters:
            assert nm in credited, f"pagegen_e self-check: reporter {nm} not printed for item {a.iid}"
        if tr.continued_to:
            assert f"转第{tr.continued_to}版" in "".join(printed.get((a.iid, "jump"), [])) or \
                f"转{tr.continued_to}版" in "".join(printed.get((a.iid, "jump"), [])), "jump line missing"
        assert a.iid in seen, f"pagegen_e self-check: item {a.iid} not printed"
    untagged = [c for ln in out_lines for c, t in ln if t is None and not c.isspace()]
    assert not untagged, f"pagegen_e self-check: untagged characters {untagged[:5]}"
    truth = [allitems[k].truth() for k in order]
    page = Page(text=text, truth=truth, position=position)
    page.traits = sorted(hab.traits)  # type: ignore[attr-defined]
    return page


_POOL_CACHE: dict = {}


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    if items is None:
        key = tuple(date_range) if date_range else None
        if key not in _POOL_CACHE:
            _POOL_CACHE[key] = Pool(load_items(date_range))
        pool = _POOL_CACHE[key]
    else:
        if date_range:
            items = [it for it in items if date_range[0] <= str(it.get("date", "")) <= date_range[1]]
        pool = Pool(items)
    pages = []
    for i in range(n):
        rng = random.Random(f"pagegen_e:{seed}:{position}:{i}")
        pages.append(make_page(pool, position, rng, i))
    return pages


# ----------------------------------------------------------------------------------------------
# command line


def _show(n, seed, positions=POSITIONS):
    for pos in positions:
        for k, p in enumerate(generate_pages(n, pos, seed)):
            print(f"=================== page {k} ({pos}) ===================")
            print(p.text)
            print(f"------------------- truth ({len(p.truth)} items) -------------------")
            for t in p.truth:
                bits = [t.kind]
                for name in ("kicker", "title", "subtitle", "dateline"):
                    v = getattr(t, name)
                    if v:
                        bits.append(f"{name}={v!r}")
                if t.reporters:
                    bits.append(f"reporters={t.reporters}")
                if t.continued_to:
                    bits.append(f"continued_to={t.continued_to}")
                body = t.body.replace("\n", "¶")
                bits.append(f"body[{len(t.body)}]={body[:50]!r}…{body[-20:]!r}")
                print("  " + " | ".join(bits))
            print("traits:", ", ".join(getattr(p, "traits", [])))
            print()


def _traits(n, seed):
    counts: dict = {}
    for pos in POSITIONS:
        for p in generate_pages(n, pos, seed):
            for t in p.traits:
                counts.setdefault(t, {q: 0 for q in POSITIONS})[pos] += 1
    print(f"| trait (pages showing it, of {n} per position) | " + " | ".join(POSITIONS) + " |")
    print("|---|" + "---:|" * len(POSITIONS))
    for t in sorted(counts):
        print(f"| {t} | " + " | ".join(str(counts[t][q]) for q in POSITIONS) + " |")


def _check(n, seed):
    for pos in POSITIONS:
        t0 = time.process_time()
        pages = generate_pages(n, pos, seed)
        dt = time.process_time() - t0
        chars = sum(len(p.text) for p in pages)
        items = sum(len(p.truth) for p in pages)
        print(f"{pos}: {n} pages, self-check passed; {items} truth items, {chars} chars; "
              f"{1000 * dt / n:.2f} ms CPU per page")
        again = generate_pages(min(n, 20), pos, seed)
        assert [p.text for p in again] == [p.text for p in pages[:len(again)]], "not deterministic"


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N pages per position with their truth")
    ap.add_argument("--traits", type=int, default=0, help="count traits over N pages per position")
    ap.add_argument("--check", type=int, default=0, help="generate N pages per position (self-check, timing)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--position", choices=POSITIONS, help="--show only this position (default: all three)")
    a = ap.parse_args(argv)
    if a.show:
        _show(a.show, a.seed, (a.position,) if a.position else POSITIONS)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        _check(a.check, a.seed)
    if not (a.show or a.traits or a.check):
        ap.print_help()


if __name__ == "__main__":
    main()
