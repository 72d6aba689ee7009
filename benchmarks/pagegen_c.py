"""A third newspaper-page generator, written blind from a written spec of real provincial-daily pages.

    python benchmarks/pagegen_c.py --show 3        # pages with their truth, to eyeball
    python benchmarks/pagegen_c.py --traits 500    # how often each trait of the spec occurs

brief's segmenter is tuned on pages from ``pagegen.py`` and ``pagegen_b.py``. This generator was
written without reading either of them (nor the segmenter) so that scoring on its pages is a
held-out measurement: its habits (line widths, where column breaks fall, how datelines, bylines,
captions and furniture look) are its own. News text comes from the xwlb items in ``../shared``;
every other word on a page (names, places, series phrases, captions' scenes, furniture) is written
here. Each page is built line by line with every character tagged with the item it belongs to and
its role (title, body, dateline, ...); the truth is written from the logical content and checked
against those tags, so a truth that does not match its text fails loudly.
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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE, MIXED = "after", "before", "mixed"
TEST_DATES = ("2024-01-01", "2024-12-31")

ROOT = Path(__file__).resolve().parents[1]
XWLB = Path(os.environ.get("BRIEF_XWLB_ITEMS")
            or Path(os.environ.get("BRIEF_SHARED") or ROOT.parent / "shared") / "eval" / "xwlb" / "items-dev.jsonl.gz")


@dataclass
class TruthItem:
    kind: str  # "article" or "caption"
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
# News items
# ---------------------------------------------------------------------------------------------

_CCTV_LEAD = re.compile(r"^央视网消息[（(]新闻联播[）)][：:]\s*")
_JUNK_PARAGRAPH = re.compile(r"^(?:-{2,}|\(更新时间戳|undefined$)")


def _clean_paragraphs(paragraphs: list[str]) -> list[str]:
    out = []
    for number, text in enumerate(paragraphs):
        text = re.sub(r"[\s\u00a0\u3000\u2002\u2003]+", " ", text).strip()
        if number == 0:
            text = _CCTV_LEAD.sub("", text)
        if text and not _JUNK_PARAGRAPH.match(text):
            out.append(text)
    return out


def load_items(path=None) -> list[dict]:
    """Single-story xwlb items as ``{"title", "paragraphs", "date"}`` (ISO date), in file order:
    round-ups (联播快讯), empty or broken texts and name lists are left out."""
    path = Path(path) if path else XWLB
    items = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            title = re.sub(r"\s+", " ", row.get("title") or "").strip()
            text = row.get("text") or ""
            if row.get("is_roundup") or not title or title == "undefined" or "快讯" in title:
                continue
            if text.count("\u3000") >= 5:  # lists of names
                continue
            paragraphs = _clean_paragraphs(text.split("\n"))
            if sum(map(len, paragraphs)) < 80 or not any("。" in p for p in paragraphs):
                continue
            date = row["date"]
            items.append({"title": title, "paragraphs": paragraphs, "date": f"{date[:4]}-{date[4:6]}-{date[6:8]}"})
    return items


# ---------------------------------------------------------------------------------------------
# Words of the page written here (none copied from real pages)
# ---------------------------------------------------------------------------------------------

PAPERS = [
    ("山西日报", "0351", "太原 大同 朔州 忻州 阳泉 吕梁 晋中 长治 晋城 临汾 运城"),
    ("河南日报", "0371", "郑州 开封 洛阳 平顶山 安阳 新乡 焦作 许昌 南阳 信阳 周口"),
    ("湖北日报", "027", "武汉 黄石 十堰 宜昌 襄阳 荆州 孝感 黄冈 恩施 咸宁"),
    ("河北日报", "0311", "石家庄 唐山 秦皇岛 邯郸 保定 张家口 承德 沧州 廊坊 衡水"),
    ("陕西日报", "029", "西安 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛"),
    ("安徽日报", "0551", "合肥 芜湖 蚌埠 淮南 马鞍山 安庆 黄山 阜阳 六安 宣城"),
    ("江西日报", "0791", "南昌 九江 景德镇 赣州 吉安 宜春 上饶 抚州 萍乡"),
    ("甘肃日报", "0931", "兰州 天水 酒泉 张掖 武威 白银 定西 陇南 平凉"),
    ("四川日报", "028", "成都 绵阳 德阳 宜宾 泸州 南充 乐山 达州 攀枝花 眉山"),
    ("湖南日报", "0731", "长沙 株洲 湘潭 衡阳 岳阳 常德 郴州 怀化 邵阳"),
]
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
                "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹"
                "黎易常武乔贺赖龚文") + ["欧阳", "司马", "上官"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉飞宇婷雪琳晨阳浩凯帆然博斌彬峰亮"
             "健俊坤海波鑫颖佳璐媛薇蕾凡若楠思嘉雨昕瑞泽卓立新国建志永春秋冬梅兰晓慧珊倩悦怡琪")
WEEKDAYS = "一二三四五六日"
NUMERALS = "一二三四五六七八九十"
SECTIONS = ["要闻", "综合", "经济", "时政", "社会", "文化", "国内", "国际", "理论", "民生", "农村", "专版", "观察"]
COLUMN_LABELS = ["专题", "·时评·", "视点", "今日关注", "一线传真", "本版导读", "综合新闻", "关注", "聚焦",
                 "观察", "记者观察", "·图片新闻·", "深度", "·热点·", "新闻速览"]
SERIES = ["高质量发展调研行", "奋进新征程 建功新时代", "一线见闻", "新春走基层", "聚焦全国两会",
          "学习贯彻党的二十届三中全会精神", "牢记嘱托 奋勇争先", "深化改革 转型发展", "记者蹲点",
          "基层见闻", "稳就业 促发展", "民生实事进行时", "项目建设一线", "优化营商环境在行动",
          "文化强省建设巡礼", "推动高质量发展 深化全方位转型", "县域经济观察", "乡村振兴进行时"]
ORGS = ["省统计局", "省商务厅", "省发展改革委", "省工业和信息化厅", "省农业农村厅", "省教育厅", "省人社厅",
        "省住建厅", "省交通运输厅", "省文旅厅", "省卫生健康委", "省生态环境厅", "省市场监管局", "省应急管理厅",
        "省水利厅", "省科技厅", "省税务局", "省气象局", "省民政厅", "市政府新闻办"]
SUBTITLE_TAILS = ["千方百计促进高质量充分就业纪实", "推动产业转型升级综述", "持续改善民生福祉观察",
                  "加快建设现代化产业体系扫描", "扎实推进乡村全面振兴纪实", "深化改革激发发展活力观察",
                  "全力以赴抓项目促投资综述", "守护绿水青山走笔", "培育发展新质生产力一线观察",
                  "做好稳增长各项工作综述"]
SCENES = ["工人在生产线上加紧作业", "村民在田间收割玉米", "游客在景区参观游览", "志愿者为群众提供咨询服务",
          "学生在实验室进行科学实验", "技术人员检修输电线路", "市民在公园里晨练", "农技人员在大棚内指导种植",
          "货轮在港口装卸集装箱", "医护人员为老人进行健康检查", "消防员开展应急救援演练",
          "参赛选手在比赛中展示技能", "观众在展会现场参观", "施工人员在项目现场加紧施工",
          "孩子们在图书馆里阅读", "演员在舞台上表演传统戏曲", "快递员在分拣中心分拣包裹",
          "环卫工人清扫街道", "果农在果园里采摘苹果", "民警向群众讲解防诈骗知识"]
PLACES = ["一家企业的车间", "经济技术开发区", "高铁站", "一处乡村振兴示范村", "市民广场", "会展中心",
          "农业产业园", "物流园区", "老旧小区改造现场", "湿地公园"]
CAPTION_TAILS = ["图为活动现场。", "图为现场一景。", "图为工作人员正在忙碌。", "图为参观者驻足观看。"]
FOREIGN = ["华盛顿", "莫斯科", "布鲁塞尔", "日内瓦", "东京", "巴黎", "开罗", "联合国"]

CLOSING = set("，。、；：？！）》」』”’％…—·")
OPENING = set("（《「『“‘")
SENTENCE_END = set("。！？”’）")


def _name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES) if rng.random() < 0.97 else rng.choice(SURNAMES[-3:])
    return surname + "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.45 else 2))


def _printed_name(rng: random.Random, name: str, pad: float) -> str:
    """Two-character names are sometimes padded to three on a byline (王 磊 / 王　磊)."""
    if len(name) == 2 and rng.random() < pad:
        return name[0] + rng.choice([" ", "\u3000"]) + name[1]
    return name


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# ---------------------------------------------------------------------------------------------
# Characters with owners and roles; wrapping
# ---------------------------------------------------------------------------------------------

# A run is a list of (char, role); a printed line is a list of (text, owner, role) pieces.
FURNITURE = -1


def _run(text: str, role: str) -> list[tuple[str, str]]:
    return [(ch, role) for ch in text]


def _cw(ch: str) -> float:
    return 0.5 if ord(ch) < 0x80 else 1.0


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _space_digits(run: list[tuple[str, str]], rng: random.Random, share: float, counter: Counter) -> list:
    """Put spaces around runs of ASCII digits that touch a Chinese character (10 月 17 日, 68 家)."""
    if share <= 0:
        return run
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(run):
        ch, role = run[i]
        if ch.isdigit() and ch.isascii():
            j = i
            while j < len(run) and (run[j][0].isascii() and (run[j][0].isdigit() or run[j][0] in ".%")):
                j += 1
            spaced = rng.random() < share
            if spaced and out and _is_han(out[-1][0]):
                out.append((" ", role))
                counter["digits spaced"] += 1
            out.extend(run[i:j])
            if spaced and j < len(run) and _is_han(run[j][0]):
                out.append((" ", run[j][1]))
            i = j
            continue
        out.append(run[i])
        i += 1
    return out


def _take_line(run, pos: int, width: float) -> int:
    """End (exclusive) of the line that starts at ``pos`` in a column ``width`` characters wide; no
    line starts with a closing mark (it hangs on the line before) or ends with an opening one."""
    used, i, n = 0.0, pos, len(run)
    while i < n:
        w = _cw(run[i][0])
        if used + w > width + 1e-9 and i > pos:
            break
        used += w
        i += 1
    if i < n:
        pulled = 0
        while i < n and run[i][0] in CLOSING and pulled < 2:
            i, pulled = i + 1, pulled + 1
        if i < n and i - pos > 2 and run[i - 1][0] in OPENING:
            i -= 1
    return i


def _letterspace(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A justified short line as some PDFs give it: a space after each Chinese character."""
    out = []
    for k, (ch, role) in enumerate(pieces):
        out.append((ch, role))
        nxt = pieces[k + 1][0] if k + 1 < len(pieces) else ""
        if nxt and nxt != " " and (_is_han(ch) or (ch.isascii() and ch.isalnum() and _is_han(nxt))):
            out.append((" ", role))
    return out


@dataclass
class Para:
    run: list  # (char, role)
    indent: str = ""
    blank_after: bool = True
    subhead: bool = False


@dataclass
class Style:
    """Habits of one page's typesetting and text layer."""
    para_blank: float  # chance of a blank line after a paragraph
    indent: str  # none / full / ascii / mixed
    digit_space: float
    letterspace: float
    p_break: float  # chance of a column break after any line
    p_break_hot: float  # ... after a line that ends inside a dateline, byline, figure or title
    block_blank: float  # chance of a blank line between blocks
    name_pad: float


class Writer:
    """The page's text layer, line by line, each piece owned by a truth item (or furniture)."""

    def __init__(self, rng: random.Random, style: Style):
        self.rng, self.style = rng, style
        self.lines: list[list[tuple[str, int, str]]] = []
        self.traits: Counter = Counter()

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append([])

    def separate(self) -> None:
        if self.rng.random() < self.style.block_blank:
            self.blank()

    def line(self, pieces: list[tuple[str, str]], owner: int) -> None:
        merged: list[tuple[str, int, str]] = []
        for ch, role in pieces:
            if merged and merged[-1][2] == role:
                merged[-1] = (merged[-1][0] + ch, owner, role)
            else:
                merged.append((ch, owner, role))
        if merged:
            self.lines.append(merged)

    def flow(self, paras: list[Para], owner: int, width: int, height: int = 10_000, vary_width: bool = True,
             letterspace: bool = True, hot_scale: float = 1.0) -> None:
        """Set paragraphs into a column ``width`` wide that breaks after ``height`` lines or at random."""
        rng, style = self.rng, self.style
        in_column = 0
        for p_index, para in enumerate(paras):
            run, pos, first = para.run, 0, True
            while pos < len(run) and run[pos][0] == " ":
                pos += 1
            while pos < len(run):
                indent = para.indent if first else ""
                end = _take_line(run, pos, width - sum(map(_cw, indent)))
                pieces = [(ch, "space") for ch in indent] + list(run[pos:end])
                while pieces and pieces[-1][0] == " ":
                    pieces.pop()
                last_of_para = end >= len(run)
                if letterspace and not last_of_para and not para.subhead and rng.random() < style.letterspace:
                    pieces = _letterspace(pieces)
                    self.traits["letter-spaced line"] += 1
                self.line(pieces, owner)
                first, in_column = False, in_column + 1
                nxt = end
                while nxt < len(run) and run[nxt][0] == " ":
                    nxt += 1
                more = nxt < len(run) or p_index + 1 < len(paras)
                if more:
                    hot = self._hot(run, end, last_of_para)
                    chance = style.p_break_hot * hot_scale if hot else style.p_break
                    if in_column >= height or rng.random() < chance:
                        self._column_break(run, end, last_of_para, hot)
                        in_column = 0
                        if vary_width and rng.random() < 0.25:
                            width = max(8, min(22, width + rng.choice((-2, -1, 1, 2))))
                            self.traits["width changes at column break"] += 1
                        if last_of_para:
                            break
                if last_of_para:
                    if p_index + 1 < len(paras) and para.blank_after:
                        self.blank()
                    elif p_index + 1 < len(paras):
                        self.traits["paragraph boundary without blank line"] += 1
                pos = nxt

    def _hot(self, run, end: int, last_of_para: bool) -> str:
        if last_of_para or end <= 0 or end >= len(run):
            return ""
        before, after = run[end - 1], run[end]
        if before[1] == after[1] and before[1] in ("dateline", "byline", "title", "kicker", "subtitle", "credit"):
            return before[1]
        if before[1] == "dateline" and after[1] == "body":
            return ""
        if (before[0].isascii() and before[0].isalnum()) and (after[0].isalnum() or _is_han(after[0])) and \
                (after[0].isascii() or after[0] in "万亿元人家个件名吨户次项"):
            return "figure"
        return ""

    def _column_break(self, run, end: int, last_of_para: bool, hot: str) -> None:
        self.blank()
        if hot:
            self.traits[f"column break inside {hot}"] += 1
        elif not last_of_para and run[end - 1][0] not in SENTENCE_END:
            self.traits["column break mid-sentence"] += 1
        else:
            self.traits["column break at sentence end"] += 1


# ---------------------------------------------------------------------------------------------
# Articles and captions: logical content, then their printed form
# ---------------------------------------------------------------------------------------------

@dataclass
class Article:
    truth: TruthItem
    body: list[Para]  # printed body paragraphs (with dateline, jump lines)
    head: list[list[tuple[str, str]]]  # headline elements, each a run (kicker / title / subtitle), in print order
    byline: list[tuple[str, str]] | None  # a byline line, printed with the head or before the body
    byline_with_head: bool
    position: str
    width: int
    height: int
    title_width: int
    brief_marker: str = ""


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]*[。！？][”’」）]?|[^。！？]+$", text) if s]


def _clip(text: str, budget: int) -> str:
    """Whole sentences of ``text`` up to ``budget`` characters, at least one."""
    out = ""
    for sentence in _sentences(text):
        if out and len(out) + len(sentence) > budget:
            break
        out += sentence
    return out


def _split_title(title: str) -> tuple[str, str]:
    """A series tag 【...】 in an xwlb title becomes the kicker."""
    match = re.match(r"^【([^】]{2,20})】\s*(.+)$", title)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return "", title.strip()


def _subhead_from(paragraph: str) -> str:
    for clause in re.split(r"[，。；：！？、“”（）《》]", paragraph):
        clause = re.sub(r"^(?:同时|此外|另外|目前|据介绍|据了解|近年来|今年以来|其中)", "", clause.strip())
        if 5 <= len(clause) <= 15 and not re.search(r"[A-Za-z0-9%.\s]", clause):
            return clause
    return ""


class PageBuilder:
    def __init__(self, rng: random.Random, position: str, pool: list[dict], by_date: dict[str, list[int]]):
        self.rng, self.position, self.pool, self.by_date = rng, position, pool, by_date
        self.style = Style(
            para_blank=rng.choice([1.0, 1.0, 0.9, 0.75, 0.5, 0.15]),
            indent=rng.choice(["none", "none", "none", "full", "full", "ascii", "mixed"]),
            digit_space=rng.choice([0.0, 0.15, 0.4, 0.7, 0.95]),
            letterspace=rng.choice([0.0, 0.0, 0.01, 0.03, 0.06]),
            p_break=rng.uniform(0.01, 0.09),
            p_break_hot=rng.uniform(0.08, 0.35),
            block_blank=rng.choice([1.0, 1.0, 0.95, 0.85]),
            name_pad=rng.choice([0.0, 0.0, 0.2, 0.5]),
        )
        self.w = Writer(rng, self.style)
        self.items: list[TruthItem] = []
        paper, self.area, cities = rng.choice(PAPERS)
        self.paper, self.cities = paper, cities.split()
        self.province = paper[:2]
        self.used: set[int] = set()

    # -- news items ------------------------------------------------------------------------------
    def pick(self, count: int, date: str | None = None) -> list[dict]:
        rng = self.rng
        if date is None:
            date = self.pool[rng.randrange(len(self.pool))]["date"]
        same = [i for i in self.by_date.get(date, []) if i not in self.used]
        rng.shuffle(same)
        chosen = same[:count]
        tries = 0
        while len(chosen) < count and tries < 50 * count:
            tries += 1
            i = rng.randrange(len(self.pool))
            if i not in self.used and i not in chosen:
                chosen.append(i)
        self.used.update(chosen)
        return [self.pool[i] for i in chosen]

    def new_owner(self, item: TruthItem) -> int:
        self.items.append(item)
        return len(self.items) - 1

    # -- styles per paragraph --------------------------------------------------------------------
    def indent(self) -> str:
        mode = self.style.indent
        if mode == "mixed":
            mode = self.rng.choice(["none", "full", "ascii"])
        self.w.traits[f"paragraph indent: {mode}"] += 1
        return {"none": "", "full": "\u3000\u3000", "ascii": "  "}[mode]

    def para(self, run, subhead: bool = False) -> Para:
        run = _space_digits(run, self.rng, self.style.digit_space, self.w.traits)
        blank = self.rng.random() < self.style.para_blank
        return Para(run, "" if subhead else self.indent(), blank, subhead)

    # -- credits -----------------------------------------------------------------------------------
    def credit(self, date: dt.date, first_paragraph: str):
        """(dateline lead run or None, byline run or None, truth dateline, reporters, body prefix)."""
        rng, traits = self.rng, self.w.traits
        names = [_name(rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
        pad = self.style.name_pad
        printed = [_printed_name(rng, n, pad) for n in names]
        city = rng.choice(self.cities)
        md = f"{date.month}月{date.day}日"
        form = rng.choices(
            ["city", "xun", "xun_space", "xinhua", "huoxi", "byline", "byline_square", "byline_black",
             "wentu", "byline_xinhua", "none"],
            weights=[18, 10, 5, 6, 6, 12, 6, 5, 4, 3, 10])[0]
        if form == "huoxi" and re.search(r"习近平|总书记|当地时间|^\\d+月\\d+日", first_paragraph[:40]):
            form = "city"  # "记者从省统计局获悉" does not go before a state leader's or a foreign story
        traits[f"credit: {form}"] += 1
        second = _name(rng)
        if form in ("city", "xun", "xun_space"):
            head = {"city": f"本报{city}{md}讯", "xun": "本报讯", "xun_space": "本报讯"}[form]
            if rng.random() < 0.3:
                kind = rng.choice(["通讯员", "实习生"])
                people, names = f"记者 {printed[0]} {kind} {_printed_name(rng, second, pad)}", [names[0], second]
            else:
                people = "记者 " + rng.choice(["、", " "]).join(printed)
            gap = " " if form == "xun_space" else ""
            return (_run(head, "dateline") + _run(gap + f"（{people}）", "dateline"), None, head, names, "")
        if form == "xinhua":
            place = "北京" if rng.random() < 0.7 else rng.choice(FOREIGN + [rng.choice(PAPERS)[2].split()[0]])
            head = f"新华社{place}{md}电"
            return (_run(head + "（记者 " + "、".join(printed) + "）", "dateline"), None, head, names, "")
        if form == "huoxi":
            org = rng.choice(ORGS)
            lead = rng.choice([f"记者{date.day}日从{org}获悉，", f"记者从{org}了解到，", f"近日，记者从{org}获悉，"])
            byline = None
            if rng.random() < 0.4:
                byline = _run("本报记者 " + " ".join(printed), "byline")
                traits["credit: huoxi with byline"] += 1
            else:
                names = []
            return (None, byline, "", names, lead)
        if form == "none":
            return (None, None, "", [], "")
        if form == "byline_xinhua":
            return (None, _run("新华社记者 " + " ".join(printed), "byline"), "", names, "")
        prefix = {"byline": "本报记者 ", "byline_square": "□ 本报记者 ", "byline_black": "■ 本报记者 ",
                  "wentu": "文/图 本报记者 "}[form]
        text = prefix + " ".join(printed)
        if form != "wentu" and rng.random() < 0.3:
            text += " 通讯员 " + _printed_name(rng, second, pad)
            names = names + [second]
        return (None, _run(text, "byline"), "", names, "")

    # -- an article ------------------------------------------------------------------------------
    def article(self, item: dict, budget: int, *, subheads: float = 0.0, jump_to: str | None = None,
                continuation: bool = False, brief: bool = False, position: str | None = None) -> Article:
        rng, traits = self.rng, self.w.traits
        if position is None:
            position = self.position if self.position != MIXED else rng.choice([AFTER, BEFORE])
        traits[f"headline {position} body"] += 1
        series, title = _split_title(re.sub(r"\s+", " ", item["title"]).strip())
        paragraphs = _clean_paragraphs(item["paragraphs"])
        date = _date(item["date"])

        # body text: whole paragraphs up to the budget (a jumped or continued article is cut anywhere)
        if continuation:
            joined = paragraphs
            skip = rng.randint(1, max(1, len(joined) - 1)) if len(joined) > 1 else 0
            rest = joined[skip:] if skip < len(joined) else joined[-1:]
            if rng.random() < 0.5:  # cut in mid-sentence: the start of the paragraph was on page 1
                first = rest[0]
                cut = rng.randint(0, max(0, len(first) // 2))
                rest = [first[cut:].lstrip("，。、；： ") or first] + rest[1:]
                traits["continuation starts mid-sentence"] += 1
            paragraphs = rest
        kept: list[str] = []
        total = 0
        for p in paragraphs:
            if kept and total + len(p) > budget:
                break
            kept.append(p)
            total += len(p)
        if brief:
            kept = [_clip(kept[0], budget)]
        elif len(kept) == 1 and len(kept[0]) > budget * 1.5:
            kept = [_clip(kept[0], budget)]
        if jump_to and len(kept) >= 1:
            # the page ends the article mid-text: in mid-sentence or at a sentence end
            last = kept[-1]
            if rng.random() < 0.6 and len(last) > 30:
                cut = rng.randint(len(last) // 3, len(last) - 5)
                last = last[:cut].rstrip(" ")
                traits["jump cuts mid-sentence"] += 1
            else:
                sents = _sentences(last)
                last = "".join(sents[:max(1, len(sents) - 1)]) if len(sents) > 1 else last
            kept[-1] = last

        # credits
        lead_run, byline, dateline, reporters, prefix = (None, None, "", [], "")
        if not continuation:
            if brief:
                if rng.random() < 0.7:
                    head = rng.choice(["本报讯", f"本报{rng.choice(self.cities)}{date.month}月{date.day}日讯"])
                    names = [_name(rng)] if rng.random() < 0.6 else []
                    who = f"（记者 {_printed_name(rng, names[0], self.style.name_pad)}）" if names else \
                        rng.choice([" ", " ", "\u3000"])
                    lead_run, dateline, reporters = _run(head + who, "dateline"), head, names
                    traits["brief with dateline"] += 1
            else:
                lead_run, byline, dateline, reporters, prefix = self.credit(date, kept[0])
        body_texts = list(kept)
        if prefix:
            body_texts[0] = prefix + body_texts[0]

        # subheads in long articles
        subhead_at: dict[int, str] = {}
        if subheads and len(body_texts) >= 4 and rng.random() < subheads:
            style = rng.choice(["plain", "plain", "numbered", "bracket"])
            k, number = rng.randint(1, 2), 0
            while k < len(body_texts):
                text = _subhead_from(body_texts[k])
                if text:
                    if style == "numbered":
                        text = f"{NUMERALS[min(number, 9)]}、{text}"
                    elif style == "bracket":
                        text = f"【{text}】"
                    subhead_at[k] = text
                    number += 1
                    traits[f"subhead: {style}"] += 1
                k += rng.randint(2, 4)

        truth_paragraphs: list[str] = []
        printed: list[Para] = []
        for k, text in enumerate(body_texts):
            if k in subhead_at:
                truth_paragraphs.append(subhead_at[k])
                sub = self.para(_run(subhead_at[k], "body"), subhead=True)
                sub.blank_after = rng.random() < 0.5
                printed.append(sub)
            truth_paragraphs.append(text)
            run = _run(text, "body")
            if k == 0 and lead_run:
                run = list(lead_run) + run
            if k == 0 and continuation:
                marker = "（上接第1版）"
                run = _run(marker, "jump") + ([("\n", "jump")] if rng.random() < 0.3 else []) + run
                traits["continuation from page 1"] += 1
            if k == len(body_texts) - 1 and jump_to:
                run = run + _run(rng.choice([" ", "", " "]) + f"（下转第{jump_to}版）", "jump")
                traits["jump to another page"] += 1
            printed.append(self.para(run))
        printed = self._split_forced_lines(printed)

        # headline elements
        kicker = subtitle = ""
        if not brief:
            if series and rng.random() < 0.8:
                kicker = series
            elif rng.random() < 0.25:
                kicker = rng.choice(SERIES + [rng.choice(ORGS) + "——", f"{rng.choice(self.cities)}："])
            if rng.random() < 0.25:
                if rng.random() < 0.5:
                    where = rng.choice(["我省", rng.choice(self.cities) + "市", "全省"])
                    subtitle = "——" + where + rng.choice(SUBTITLE_TAILS)
                    traits["subtitle: dash"] += 1
                else:
                    clause = ""
                    for p in kept:
                        for c in re.split(r"[，。；！？]", p):
                            c = c.strip()
                            if 10 <= len(c) <= 24 and " " not in c:
                                clause = c
                                break
                        if clause:
                            break
                    subtitle = clause
                    if clause:
                        traits["subtitle: sentence"] += 1
        if continuation:
            kicker = subtitle = ""
            roll = rng.random()
            if roll < 0.25:
                title = ""
                traits["continuation headline missing"] += 1
            elif roll < 0.6:
                parts = [p for p in re.split(r"[ ，：——]+", title) if len(p) >= 4]
                if parts and parts[0] != title:
                    title = parts[0]
                    traits["continuation headline shortened"] += 1
        if kicker:
            traits["kicker"] += 1
        head: list[list[tuple[str, str]]] = []
        if title:
            head.append(_run(title, "title"))
        if kicker:
            if rng.random() < 0.75:
                head.insert(0, _run(kicker, "kicker"))
            else:
                head.append(_run(kicker, "kicker"))
                traits["kicker below title"] += 1
        if subtitle:
            head.append(_run(subtitle, "subtitle"))

        width = rng.randint(8, 22)
        low = 8 + (width - 8) // 3 * 3
        traits[f"body width {low}-{min(22, low + 2)}"] += 1
        # most titles are set on one line across columns; some break (at any point) over two or three
        title_width = max(len(title), 8) if rng.random() < 0.6 else rng.randint(8, 30)
        title_width = max(title_width, -(-len(title) // 3), 6)
        truth = TruthItem("article", title, "\n".join(truth_paragraphs), reporters, jump_to, kicker, subtitle, dateline)
        return Article(truth, printed, head, byline, byline is not None and rng.random() < 0.7, position, width,
                       rng.randint(6, 45), title_width)

    @staticmethod
    def _split_forced_lines(paras: list[Para]) -> list[Para]:
        """A jump marker printed on its own line: split the paragraph at the "\\n" placeholder."""
        out = []
        for para in paras:
            cut = next((k for k, (ch, _) in enumerate(para.run) if ch == "\n"), None)
            if cut is None:
                out.append(para)
            else:
                out.append(Para(para.run[:cut], para.indent, False, para.subhead))
                out.append(Para(para.run[cut + 1:], "", para.blank_after, para.subhead))
        return out

    def emit_article(self, art: Article, interpose=None) -> None:
        rng, w = self.rng, self.w
        owner = self.new_owner(art.truth)
        marker = art.brief_marker

        def head() -> None:
            for k, element in enumerate(art.head):
                run = element
                if marker and element and element[0][1] == "title":
                    run = _run(marker, "marker") + run
                role = element[0][1]
                if role == "title" and len(element) > art.title_width:
                    w.traits[f"title on {-(-len(element) // art.title_width)} lines"] += 1
                w.flow([Para(run, "", False)], owner, art.title_width, vary_width=False, letterspace=False,
                       hot_scale=0.4)
                if k + 1 < len(art.head) and rng.random() < 0.45:
                    w.blank()
            if art.byline and art.byline_with_head:
                if art.head and rng.random() < 0.7:
                    w.blank()
                self.byline(art, owner)

        def body() -> None:
            if art.byline and not art.byline_with_head:
                self.byline(art, owner)
                if rng.random() < 0.6:
                    w.blank()
            w.flow(art.body, owner, art.width, art.height)

        first, second = (body, head) if art.position == AFTER else (head, body)
        first()
        if art.head or (art.byline and art.byline_with_head):
            if art.position == AFTER:
                w.separate()
            elif rng.random() < 0.6:
                w.blank()
            if interpose:
                interpose()
                w.traits["headline separated from its body"] += 1
                w.blank()
        second()

    def byline(self, art: Article, owner: int) -> None:
        width = art.width if self.rng.random() < 0.5 else max(art.width, 14)
        self.w.flow([Para(art.byline, "", False)], owner, width, vary_width=False, letterspace=False)

    # -- captions ----------------------------------------------------------------------------------
    def caption(self, date: dt.date) -> None:
        rng, traits = self.rng, self.w.traits
        city = rng.choice(self.cities)
        form = rng.random()
        if form < 0.35:
            source = self.pick(1)
            text = ""
            if source:
                for p in _clean_paragraphs(source[0]["paragraphs"]):
                    for s in _sentences(p):
                        if 15 <= len(s) <= 70 and s.endswith("。"):
                            text = s
                            break
                    if text:
                        break
            if not text:
                text = f"{date.month}月{date.day}日，{city}{rng.choice(SCENES)}。"
            elif not re.match(r"^(?:\d|近日|日前|今年)", text):
                text = f"{date.month}月{date.day}日，" + text if rng.random() < 0.4 else text
        elif form < 0.7:
            text = f"{date.month}月{date.day}日，{rng.choice(SCENES)}。"
            if rng.random() < 0.5:
                text = f"{date.month}月{date.day}日，在{city}{rng.choice(PLACES)}，{rng.choice(SCENES)}。"
        elif form < 0.85:
            text = f"近日，{city}市举办{rng.choice(['文化旅游节', '招聘会', '科技成果展', '农民丰收节', '消费季启动仪式'])}。" \
                   + rng.choice(CAPTION_TAILS)
        else:
            text = f"图为{city}{rng.choice(PLACES)}，{rng.choice(SCENES)}。"
        if rng.random() < 0.2 and len(text) < 60:
            text += rng.choice(CAPTION_TAILS)
        name = _name(rng)
        credit_form = rng.choice(["paren", "paren", "plain", "plain_reporter", "bare", "xinhua", "xinhua_reporter",
                                  "data", "correspondent"])
        traits[f"caption credit: {credit_form}"] += 1
        shown = _printed_name(rng, name, self.style.name_pad)
        credit, reporters = {
            "paren": (f"（本报记者 {shown} 摄）", [name]),
            "plain": (f"{shown} 摄", [name]),
            "plain_reporter": (f"本报记者 {shown} 摄", [name]),
            "bare": (f"{shown}摄", [name]),
            "xinhua": ("新华社发", []),
            "xinhua_reporter": (f"新华社记者 {shown} 摄", [name]),
            "data": ("（资料图片）", []),
            "correspondent": (f"本报通讯员 {shown} 摄", [name]),
        }[credit_form]
        owner = self.new_owner(TruthItem("caption", "", text, reporters))
        width = rng.randint(10, 32)
        run = _space_digits(_run(text, "caption"), rng, self.style.digit_space, traits)
        where = rng.random()
        if where < 0.55:
            paras = [Para(run + _run(rng.choice([" ", "", " "]) + credit, "credit"), "", False)]
        elif where < 0.85:
            paras = [Para(run, "", False), Para(_run(credit, "credit"), "", False)]
            traits["caption credit on its own line"] += 1
        elif "摄" in credit:
            paras = [Para(_run(credit, "credit"), "", False), Para(run, "", False)]
            traits["caption credit before the caption"] += 1
        else:
            paras = [Para(run, "", False), Para(_run(credit, "credit"), "", False)]
        before = len(self.w.lines)
        self.w.flow(paras, owner, width, vary_width=False, letterspace=False)
        if len(self.w.lines) - before > 2:
            traits["caption over several lines"] += 1
        traits["captions"] += 1

    # -- furniture ---------------------------------------------------------------------------------
    def furniture(self, kind: str, page_no: int, date: dt.date) -> None:
        rng, w = self.rng, self.w
        section = SECTIONS[0] if page_no <= 2 else rng.choice(SECTIONS)
        ymd = f"{date.year}年{date.month}月{date.day}日"
        week = f"星期{WEEKDAYS[date.weekday()]}"
        local = rng.randint(2000000, 8999999) if len(self.area) == 4 else rng.randint(60000000, 89999999)
        phone = f"{self.area}-{local}"
        w.traits[f"furniture: {kind}"] += 1
        lines: list[str]
        if kind == "banner":
            lines = rng.choice([
                [f"{self.paper} {ymd} {week}"],
                [f"{ymd} {week}", f"{section} {page_no}"],
                [f"{page_no} {section}", f"{ymd} {week}"],
                [f"第{page_no}版", f"{section}"],
                [f"{self.paper}", f"{ymd}", week],
                [f"{section}", f"{ymd} {week} 第 {page_no} 版"],
            ])
            if page_no == 1 and rng.random() < 0.5:
                lines += rng.choice([[f"今日{rng.choice([8, 12, 16])}版"], [f"第{rng.randint(20000, 29999)}号"],
                                     [f"国内统一连续出版物号 CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}"]])
        elif kind == "editor":
            lines = [rng.choice([f"责任编辑 {_name(rng)} 美术编辑 {_name(rng)}", f"本版编辑 {_name(rng)}",
                                 f"责编：{_name(rng)} 校对：{_name(rng)}", f"责任编辑：{_name(rng)}",
                                 f"本版责编 {_name(rng)} 版式 {_name(rng)}"])]
        elif kind == "page number":
            lines = [rng.choice([str(page_no), f"- {page_no} -", f"{page_no:02d}"])]
        elif kind == "label":
            lines = [rng.choice(COLUMN_LABELS)]
        elif kind == "ad":
            lines = rng.choice([["广告"], ["（广告）"], [f"订阅热线：{phone}"], [f"广告热线：{phone}"],
                                [f"新闻热线：{phone}"],
                                [f"欢迎订阅{self.paper}", f"邮发代号 {rng.randint(1, 79)}-{rng.randint(1, 99)}"]])
        elif kind == "notice":
            firm = rng.choice(self.cities) + rng.choice(["市", ""]) + rng.choice(["宏达", "兴盛", "瑞丰", "德信", "华宇"]) + \
                rng.choice(["商贸有限公司", "建筑工程有限公司", "农业专业合作社", "科技有限公司"])
            lines = rng.choice([
                ["遗失声明", f"{firm}遗失{rng.choice(['公章', '营业执照副本', '开户许可证'])}一枚，声明作废。"],
                [f"遗失声明 {firm}不慎遗失{rng.choice(['发票专用章', '财务专用章'])}，声明作废。"],
                ["寻人启事", f"{_name(rng)}，{rng.choice(['男', '女'])}，{rng.randint(60, 85)}岁，"
                 f"于{date.month}月{max(1, date.day - 2)}日走失，有知情者请联系1{rng.randint(3000000000, 9999999999)}。"],
            ])
        elif kind == "weather":
            city = rng.choice(self.cities)
            low = rng.randint(-10, 18)
            sky = rng.choice(["晴", "多云", "阴转小雨", "晴转多云"])
            lines = [rng.choice([f"今日天气 {city} {sky} {low}℃～{low + rng.randint(5, 14)}℃ "
                                 f"{rng.choice(['北风', '南风', '西北风', '东风'])}{rng.randint(1, 4)}级",
                                 f"{city} 晴 {low}℃/{low + rng.randint(5, 14)}℃"])]
        else:
            raise ValueError(kind)
        for text in lines:
            w.line(_run(text, "furniture"), FURNITURE)

    # -- the page ----------------------------------------------------------------------------------
    def build(self) -> tuple[Page, list, Counter]:
        rng, w = self.rng, self.w
        shape = rng.choices(["mixed", "long", "briefs", "photo"], weights=[50, 20, 15, 15])[0]
        w.traits[f"page: {shape}"] += 1
        page_no = 1 if rng.random() < 0.35 else rng.randint(2, 12)
        anchor = self.pool[rng.randrange(len(self.pool))]
        news_date = _date(anchor["date"])
        page_date = news_date + dt.timedelta(days=1)

        blocks: list = []  # callables that print a block
        articles: list[Article] = []
        if shape == "long":
            items = self.pick(1, anchor["date"])
            jump = str(rng.randint(2, 8)) if page_no == 1 and rng.random() < 0.5 else None
            articles.append(self.article(items[0], rng.randint(1200, 4000), subheads=0.7, jump_to=jump))
            n_captions = rng.choices([0, 1, 2, 3], weights=[30, 40, 20, 10])[0]
        elif shape == "mixed":
            n = rng.randint(2, 5)
            items = self.pick(n, anchor["date"])
            jumper = rng.randrange(n) if page_no == 1 and rng.random() < 0.5 else -1
            continued = rng.randrange(n) if page_no > 1 and rng.random() < 0.3 else -1
            for k, item in enumerate(items):
                budget = rng.randint(150, 1500) if k else rng.randint(400, 2000)
                jump = str(rng.randint(2, 8)) if k == jumper else None
                articles.append(self.article(item, budget, subheads=0.15, jump_to=jump, continuation=k == continued))
            n_captions = rng.choices([0, 1, 2, 3], weights=[25, 40, 25, 10])[0]
        elif shape == "briefs":
            n = rng.randint(4, 8)
            marker = rng.choice(["", "", "■", "●", "■ ", "● "])
            for item in self.pick(n, anchor["date"]):
                art = self.article(item, rng.randint(60, 260), brief=True)
                art.brief_marker = marker
                art.byline = None
                art.head = [h for h in art.head if h and h[0][1] == "title"]
                art.truth.kicker = art.truth.subtitle = ""
                if marker:
                    w.traits[f"brief marker {marker.strip()}"] += 1
                articles.append(art)
            n_captions = rng.choices([0, 1], weights=[70, 30])[0]
        else:
            items = self.pick(rng.randint(1, 2), anchor["date"])
            for item in items:
                articles.append(self.article(item, rng.randint(150, 900)))
            n_captions = rng.randint(2, 4)

        # captions go between articles, at the ends, or between a headline and its body
        slots: list[list] = [[] for _ in range(len(articles) + 1)]
        between: dict[int, int] = {}
        for _ in range(n_captions):
            if articles and rng.random() < 0.15:
                k = rng.randrange(len(articles))
                if articles[k].head and k not in between:
                    between[k] = 1
                    continue
            slots[rng.randrange(len(slots))].append("caption")
        # furniture between a headline and its body now and then
        furn_between = {k for k in range(len(articles))
                        if k not in between and articles[k].head and rng.random() < 0.05}

        if rng.random() < 0.85:
            self.furniture("banner", page_no, page_date)
            w.separate()
        if shape == "briefs" and rng.random() < 0.7:
            w.line(_run(rng.choice(["简讯", "新闻速览", "本省简讯", "要闻简报", "·简讯·"]), "furniture"), FURNITURE)
            w.traits["furniture: label"] += 1
            w.separate()
        elif shape == "photo" and rng.random() < 0.6:
            w.line(_run(rng.choice(["图片新闻", "·图片新闻·", "光影", "镜头"]), "furniture"), FURNITURE)
            w.traits["furniture: label"] += 1
            w.separate()
        if page_no == 1 and rng.random() < 0.2:
            self.furniture("weather", page_no, page_date)
            w.separate()
        for k in range(len(articles) + 1):
            for _ in slots[k]:
                self.caption(news_date)
                if 0 < k < len(articles):
                    w.traits["caption between two articles"] += 1
                w.separate()
            if k == len(articles):
                break
            if rng.random() < 0.12:
                self.furniture("label", page_no, page_date)
                w.separate()
            interpose = None
            if k in between:
                interpose = lambda: self.caption(news_date)  # noqa: E731
            elif k in furn_between:
                interpose = lambda: self.furniture(rng.choice(["label", "ad"]), page_no, page_date)  # noqa: E731
            self.emit_article(articles[k], interpose)
            w.separate()
        if rng.random() < 0.25:
            self.furniture(rng.choice(["ad", "ad", "notice"]), page_no, page_date)
            w.separate()
        if rng.random() < 0.5:
            self.furniture("editor", page_no, page_date)
            w.separate()
        if rng.random() < 0.3:
            self.furniture("page number", page_no, page_date)
        while w.lines and not w.lines[-1]:
            w.lines.pop()

        text = "\n".join("".join(piece for piece, _, _ in line) for line in w.lines) + "\n"
        first_line: dict[int, int] = {}
        for number, line in enumerate(w.lines):
            for _, owner, _ in line:
                first_line.setdefault(owner, number)
        order = sorted(range(len(self.items)), key=lambda o: first_line.get(o, 10**9))
        remap = {old: new for new, old in enumerate(order)}
        lines = [[(piece, remap.get(owner, FURNITURE), role) for piece, owner, role in line] for line in w.lines]
        truth = [self.items[o] for o in order]
        return Page(text, truth, self.position), lines, w.traits


# ---------------------------------------------------------------------------------------------
# Checks and the public entry point
# ---------------------------------------------------------------------------------------------

def _bare(text: str) -> str:
    return "".join(text.split())


def check(page: Page, lines: list) -> list[str]:
    """Where the truth does not match the tagged text: empty when every line belongs to exactly one
    item (or is furniture) and each item's title and body are exactly its tagged characters."""
    problems = []
    if "\n".join("".join(p for p, _, _ in line) for line in lines) + "\n" != page.text:
        problems.append("text is not its lines")
    per: dict[tuple[int, str], str] = {}
    for number, line in enumerate(lines):
        owners = {owner for _, owner, _ in line}
        if len(owners) > 1:
            problems.append(f"line {number + 1} has {len(owners)} owners")
        for piece, owner, role in line:
            per[(owner, role)] = per.get((owner, role), "") + piece
    for index, item in enumerate(page.truth):
        body_role = "caption" if item.kind == "caption" else "body"
        if _bare(per.get((index, body_role), "")) != _bare(item.body):
            problems.append(f"item {index}: body differs from its text")
        if _bare(per.get((index, "title"), "")) != _bare(item.title):
            problems.append(f"item {index}: title differs from its text")
        if not _bare(item.body):
            problems.append(f"item {index}: empty body")
    return problems


def _pool(items: list[dict], date_range: tuple[str, str] | None) -> list[dict]:
    pool = []
    for item in items:
        if date_range and not (date_range[0] <= item["date"] <= date_range[1]):
            continue
        if not item.get("title") or sum(map(len, _clean_paragraphs(item["paragraphs"]))) < 40:
            continue
        pool.append(item)
    return pool


def _build_pages(n: int, position: str, seed: int, items: list[dict] | None, date_range) -> list[tuple]:
    if position not in (AFTER, BEFORE, MIXED):
        raise ValueError(f"position must be {AFTER}, {BEFORE} or {MIXED}, not {position!r}")
    pool = _pool(load_items() if items is None else items, date_range)
    if not pool:
        raise ValueError(f"no news items{' between ' + ' and '.join(date_range) if date_range else ''}")
    by_date: dict[str, list[int]] = {}
    for index, item in enumerate(pool):
        by_date.setdefault(item["date"], []).append(index)
    out = []
    for i in range(n):
        rng = random.Random(f"pagegen_c/{seed}/{position}/{i}")
        page, lines, traits = PageBuilder(rng, position, pool, by_date).build()
        problems = check(page, lines)
        if problems:
            raise AssertionError(f"pagegen_c page {i} (seed {seed}, {position}): {'; '.join(problems)}")
        out.append((page, lines, traits))
    return out


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """``n`` pages with their truth; page ``i`` depends only on (seed, position, i) and the items."""
    return [page for page, _, _ in _build_pages(n, position, seed, items, date_range)]


def _show(pages: list[Page]) -> None:
    for number, page in enumerate(pages):
        print(f"=== page {number} ({page.position}) ===")
        print(page.text)
        print(f"--- truth ({len(page.truth)} items) ---")
        for item in page.truth:
            if item.kind == "caption":
                print(f"[caption] {item.body}  reporters={item.reporters}")
                continue
            fields = (("kicker", item.kicker), ("subtitle", item.subtitle), ("dateline", item.dateline),
                      ("reporters", item.reporters), ("continued_to", item.continued_to))
            extras = [f"{k}={v!r}" for k, v in fields if v]
            print(f"[article] {item.title!r} {' '.join(extras)}")
            for paragraph in item.body.split("\n"):
                print(f"    {paragraph[:70]}{'…' if len(paragraph) > 70 else ''}")
        print()


def _traits(n: int, seed: int, items) -> None:
    total: Counter = Counter()
    pages_with: Counter = Counter()
    sizes: Counter = Counter()
    for position in (AFTER, BEFORE, MIXED):
        for page, _, traits in _build_pages(n, position, seed, items, TEST_DATES):
            total.update(traits)
            pages_with.update(traits.keys())
            sizes[len(page.truth)] += 1
    print(f"{3 * n} pages ({n} each after / before / mixed), items per page: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
    print(f"{'trait':<44} {'count':>7} {'pages':>7}")
    for trait in sorted(total):
        print(f"{trait:<44} {total[trait]:>7} {pages_with[trait]:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, metavar="N", help="print N pages with their truth")
    parser.add_argument("--traits", type=int, metavar="N", help="count each trait over N pages per position")
    parser.add_argument("--position", default=MIXED, choices=(AFTER, BEFORE, MIXED))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--items", type=Path, help=f"xwlb items file (default {XWLB})")
    args = parser.parse_args()
    try:
        items = load_items(args.items)
    except OSError as error:
        sys.exit(f"{args.items or XWLB}: cannot read the news items ({error.strerror or error})")
    if args.traits:
        _traits(args.traits, args.seed, items)
    else:
        _show(generate_pages(args.show or 3, args.position, args.seed, items, TEST_DATES))


if __name__ == "__main__":
    main()
