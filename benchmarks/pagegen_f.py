"""Page generator f: metropolitan / evening-paper (都市报/晚报) pages as a PDF text layer gives them.

Written blind from the page spec (only the spec, one real seed page and the xwlb items were read).
Standard library only.  `python benchmarks/pagegen_f.py --show 2` prints pages with their truth,
`--traits 500` counts how often each trait occurs over 500 pages per position, `--check 2000` runs the
self-check on 2,000 pages per position.

Truth conventions (where the spec left a choice):
- Every printed line belongs to one item (or to furniture) and to one line role: kicker, title,
  subtitle, byline, body, caption or furniture.  A body line may carry, as parts of the body block,
  a leading dateline (role "dateline"), a dateline's credit `（记者 张三）` / `记者张三报道` (role
  "credit"), a leading `（上接第1版）` or a trailing `（下转第2版）` (role "jump") and a trailing end
  credit `（记者 张三）` / `（据新华社）` (role "credit").  Only the "body" characters are the truth body.
- An end credit printed on a line of its own is a body-block line of role credit (not in the body).
- A brief's marker (■ ● ◆ and the brackets of a 【title】) is not part of the truth title.
- A kicker, subtitle and xwlb column tag are truth exactly as printed (with `——` or `【】` if printed).
- `编者按：…` is the first body paragraph (label included); Q&A lines (`记者：…`), numbered lists,
  subheads, flattened tables and the `图表：` line inside an article are body paragraphs.
- A box (记者手记 / 相关链接 / 延伸阅读) WITH its own title line is its own article: label = kicker,
  title = its title.  An UNTITLED box belongs to the article it follows: its label line is a body
  paragraph of that article, its text more body paragraphs.
- A caption's truth: kind "caption", title "", body = caption title (if any) + text + credit as
  printed; reporters = the photographer.
- Truth items are listed in order of their first printed character.
- Page.lines (extra, optional): one (truth index or -1, role) per text line; blank lines (-1, "blank").
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import random
import re
import time
from dataclasses import dataclass, field

AFTER, BEFORE, MIXED = "after", "before", "mixed"
POSITIONS = (AFTER, BEFORE, MIXED)


@dataclass
class TruthItem:
    kind: str
    title: str
    body: str
    reporters: list = field(default_factory=list)
    continued_to: str | None = None
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""


@dataclass
class Page:
    text: str
    truth: list
    position: str
    lines: list = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# word lists (written for this generator)
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建林波宁凯瑶琳晨雪峰博浩然思源嘉怡欣悦宇航彤晓东海燕云飞俊亮婷颖帆璐楠阳蕾琦")
CITIES = ["太原", "大同", "长治", "晋中", "运城", "临汾", "吕梁", "忻州", "阳泉", "晋城", "朔州", "石家庄",
          "郑州", "洛阳", "西安", "兰州", "合肥", "南昌", "长沙", "武汉", "成都", "重庆", "昆明", "贵阳",
          "南宁", "福州", "厦门", "杭州", "宁波", "南京", "苏州", "济南", "青岛", "沈阳", "大连", "长春",
          "哈尔滨", "呼和浩特", "银川", "西宁", "乌鲁木齐", "拉萨", "海口", "广州", "深圳", "天津", "北京",
          "上海", "包头", "唐山", "襄阳", "宜昌", "绵阳", "柳州", "桂林", "赣州", "芜湖", "烟台", "温州"]
PAPERS = ["都市晚报", "城市晚报", "今日都市报", "北方晚报", "江城晚报", "民生都市报", "星城晚报", "新都市报",
          "滨海晚报", "山城都市报", "华夏晚报", "东方都市报", "金陵晚报", "晋阳晚报", "三秦都市报"]
SECTIONS = ["要闻", "都市新闻", "城事", "社会", "民生", "热线", "文体", "财经", "区县新闻", "法治", "健康",
            "教育", "看天下", "国内新闻", "综合", "深读", "百姓生活", "周末特刊"]
COLUMN_LABELS = ["记者观察", "民生", "·简讯·", "城事速递", "热线追踪", "本报关注", "新闻眼", "一线见闻",
                 "身边事", "◆快讯◆", "今日关注", "便民服务", "图片新闻", "光影记录", "读者来信", "晚报热线",
                 "【简讯】", "新闻速递", "民声", "政策解读"]
KICKERS = ["聚焦高质量发展", "民生直通车", "一线见闻", "喜迎新春", "奋进新征程", "走基层", "记者蹲点",
           "关注秋收", "城市更新进行时", "百姓身边事", "新春走基层", "稳经济 促发展",
           "热点追踪", "晚报调查", "深化改革看成效", "绿色发展", "乡村振兴在行动", "数说成就",
           "打通服务群众最后一公里", "本报独家", "新闻深一度", "两会特别报道", "在希望的田野上"]
DEPTS = ["市商务局", "市交通局", "市教育局", "市卫健委", "市文旅局", "市住建局", "市统计局", "市气象台",
         "区市场监管局", "市人社局", "市生态环境局", "市公安局交警支队", "市应急管理局", "省商务厅", "省农业农村厅"]
QUESTIONS = ["记者：这项工作目前进展如何？", "记者：群众最关心的问题是什么？", "记者：下一步有哪些打算？",
             "记者：具体有哪些举措？", "记者：您如何看待这一变化？", "记者：实施过程中遇到了哪些困难？",
             "记者：这对普通市民意味着什么？", "记者：能否介绍一下背景？", "记者：效果怎么样？",
             "记者：还有哪些需要提醒读者的？"]
SUBHEADS = ["多措并举 提质增效", "聚焦民生所需", "织密服务网络", "打通堵点难点", "守护一方平安",
            "创新驱动发展", "让群众少跑腿", "夯实基层基础", "擦亮城市名片", "跑出加速度", "立足新起点",
            "念好山水经", "稳中求进", "真金白银惠企", "小切口 大民生", "从“盆景”到“风景”"]
SCENES = ["市民在公园内观赏盛开的菊花", "志愿者在社区为老人测量血压", "工人在施工现场加紧作业",
          "孩子们在新建成的口袋公园里玩耍", "游客在古城墙下拍照留念", "农民在田间收割成熟的玉米",
          "消防员在商场开展应急疏散演练", "交警在路口指挥交通", "市民在夜市选购特色小吃",
          "学生在科技馆体验机器人编程", "环卫工人清扫落叶", "快递员在分拣中心忙碌",
          "老人在社区食堂就餐", "运动员在比赛中奋力冲刺", "演员在广场为群众表演传统戏曲",
          "车辆有序驶过新开通的立交桥", "医护人员为群众义诊", "居民在便民服务点办理业务",
          "观众在博物馆参观文物展", "果农在果园采摘苹果", "小朋友在图书馆阅读绘本",
          "市民在湿地公园晨练", "工作人员在展会上介绍新产品", "外卖骑手在驿站休息"]
PLACES = ["迎泽公园", "滨河东路", "长风商务区", "汾河景区", "南城区", "高新区", "老城街区", "火车站广场",
          "体育中心", "人民医院", "和平社区", "东山果园", "会展中心", "市图书馆", "文化广场", "湿地公园"]
CAPTION_TITLES = ["金秋赏菊", "暖心义诊", "加紧施工", "夜市烟火", "丰收时节", "安全演练", "晨练正当时",
                  "书香满城", "冲刺", "古城新韵", "城市美容师", "节日氛围浓"]
ADS = ["全城家居 年终大促 全场五折起 热线：{tel}", "好口腔 种植牙特惠 预约电话 {tel}",
       "金牌月嫂培训 包就业 咨询{tel}", "二手房急售 南向三居 电话：{tel}", "鲜牛奶订送 每天一早送到家 {tel}",
       "驾校招生 随到随学 报名电话{tel}", "老年大学秋季班开始报名 {tel}"]
NOTICES = ["遗失声明：{name}不慎遗失身份证一张，声明作废。", "招聘：本公司招聘送餐员若干名，待遇面议。联系电话：{tel}",
           "停水通知：因管网改造，{m}月{d}日8:00至18:00，{place}周边停水，请居民提前储水。咨询电话：{tel}",
           "停电公告：{m}月{d}日9时至17时，{place}一带计划停电检修。服务热线：{tel}",
           "公告：{place}路段{m}月{d}日起封闭施工，请绕行。咨询电话：{tel}",
           "寻人启事：{name}，男，65岁，于{m}月{d}日在{place}走失。知情者请拨打{tel}",
           "便民提示：{m}月{d}日起，市政务大厅延时服务至19时。热线：12345"]
WEATHER = ["今日天气 晴转多云 {a}℃～{b}℃ 北风3级", "明天 多云 {a}～{b}℃ 空气质量 良",
           "天气预报 小雨 {a}℃/{b}℃ 东南风2～3级", "今天白天 晴 最高气温{b}℃ 夜间 最低气温{a}℃"]
QR = ["扫码看视频", "扫描二维码 关注晚报客户端", "扫码阅读全文", "扫一扫 看更多图片", "更多精彩请扫码"]
MEDIA = ["人民网", "新华网", "央视新闻", "中国新闻网", "光明网", "央广网"]
WEEK = "一二三四五六日"
CLOSE = set("，。、；：？！）”》’」』〉】…—%")
OPEN_P = set("（“《‘「『〈【")
FULLP = set("，。、；：？！）（”“《》’‘」「』『〈〉【】…—·")
NUMS_CN = "一二三四五六七八九十"
ASCII_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%:/+\-]*|.", re.DOTALL)
WS_RE = re.compile(r"\s+")


def nows(s):
    return WS_RE.sub("", s)


# ----------------------------------------------------------------------------------------------
# items

_CACHE = {}


def load_items(date_range=None):
    path = os.environ.get("BRIEF_XWLB_ITEMS")
    if not path:
        shared = os.environ.get("BRIEF_SHARED") or os.path.join(
            os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared")
        path = os.path.join(shared, "eval", "xwlb", "items-dev.jsonl.gz")
    if path not in _CACHE:
        out = []
        op = gzip.open if path.endswith(".gz") else open
        with op(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d.get("is_roundup") or d.get("title") in ("undefined", "", None):
                    continue
                text = d.get("text", "")
                text = re.sub(r"^央视网消息（新闻联播）：", "", text)
                paras = [p.strip() for p in text.split("\n") if p.strip()]
                if paras:
                    out.append({"title": d["title"].strip(), "paragraphs": paras, "date": d.get("date", "")})
        _CACHE[path] = out
    items = _CACHE[path]
    if date_range:
        a, b = date_range
        items = [it for it in items if a <= it.get("date", "") <= b]
    return items


def clean_items(items):
    out = []
    for it in items:
        paras = []
        for p in it.get("paragraphs", []):
            p = WS_RE.sub(" ", (p or "").replace("央视网消息（新闻联播）：", "")).strip()
            if re.fullmatch(r"[-—=*_]{3,}", p):
                break           # what follows a rule in the transcripts is page junk (time stamps)
            if p and re.search(r"[\u4e00-\u9fff]", p) and "更新时间戳" not in p:
                paras.append(p)
        title = WS_RE.sub(" ", it.get("title", "")).strip()
        if paras and title:
            out.append({"title": title, "paragraphs": paras, "date": it.get("date", "") or "20240101"})
    return out


# ----------------------------------------------------------------------------------------------
# typesetting state


class Art:
    """One truth item being set: its truth and its layout habits."""

    def __init__(self, kind):
        self.t = TruthItem(kind=kind, title="", body="")
        self.width = 14
        self.indent = "　　"
        self.para_blank = 0.5


class Setter:
    def __init__(self, rng, st):
        self.rng = rng
        self.st = st          # page style dict
        self.lines = []       # each: list of [text, owner, role] or None (column break) or "" (blank)
        self.col_left = self._col_h()
        self.arts = []
        self.traits = collections.Counter()

    def _col_h(self):
        h = self.st["col_h"]
        return max(3, h + self.rng.randint(-h // 4, h // 4))

    def new_art(self, kind):
        a = Art(kind)
        self.arts.append(a)
        return len(self.arts) - 1

    def blank(self, p=1.0):
        if self.rng.random() < p and self.lines and self.lines[-1] is not None and self.lines[-1] != "":
            self.lines.append("")

    def tick(self, owner):
        """Count one printed line; at the column's end insert a break (blank line) and maybe change width."""
        self.col_left -= 1
        if self.col_left <= 0:
            self.col_left = self._col_h()
            self.lines.append(None)
            self.traits["column break"] += 1
            if owner >= 0 and self.rng.random() < 0.3:
                a = self.arts[owner]
                a.width = max(8, min(22, a.width + self.rng.choice((-3, -2, -1, 1, 2, 3))))
                self.traits["width change at column break"] += 1

    def put(self, segs, owner, indent=""):
        line = [[indent, owner, "ws"]] if indent else []
        line += [[t, owner, r] for t, r in segs if t]
        if not any(s[0].strip() for s in line):
            return
        self.lines.append(line)
        self.tick(owner)

    # -- wrapping ------------------------------------------------------------------------------
    def wrap(self, runs, owner, indent="", width=None, first_width_bonus=0):
        """Hard-wrap a paragraph given as runs [(text, role)] into lines of the owner's width."""
        rng = self.rng
        a = self.arts[owner] if owner >= 0 else None
        toks = []
        for text, role in runs:
            for m in ASCII_RE.finditer(text):
                s = m.group(0)
                w = 0.5 * len(s) if s[0].isascii() else 1.0
                toks.append((s, role, w))
        kin = self.st["kinsoku"]
        first = True
        i = 0
        n = len(toks)
        while i < n:
            wid = (width or (a.width if a else 14)) - (len(indent) * 0.5 if indent.isascii() else len(indent)) * first
            wid += first_width_bonus if first else 0
            cur = []
            cw = 0.0
            while i < n:
                s, role, w = toks[i]
                if cur and cw + w > wid + 1e-9:
                    if s[0] in CLOSE and rng.random() < kin:
                        cur.append((s, role))
                        cw += w
                        i += 1
                        continue
                    if s[0].isascii() and len(s) > 2 and rng.random() < 0.2:
                        k = int((wid - cw) / 0.5)
                        if 1 <= k < len(s):
                            cur.append((s[:k], role))
                            toks[i] = (s[k:], role, 0.5 * (len(s) - k))
                            self.traits["figure split over lines"] += 1
                    break
                if not cur and s == " ":
                    i += 1
                    continue
                cur.append((s, role))
                cw += w
                i += 1
            segs = []
            for s, role in cur:
                if segs and segs[-1][1] == role:
                    segs[-1][0] += s
                else:
                    segs.append([s, role])
            self.put([(s, r) for s, r in segs], owner, indent if first else "")
            first = False


# ----------------------------------------------------------------------------------------------
# small generators of names and credits


def name(rng):
    s = rng.choice(SURNAMES)
    g = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.75 else "")
    return s + g


def names(rng, k):
    out = []
    while len(out) < k:
        n = name(rng)
        if n not in out:
            out.append(n)
    return out


def tel(rng):
    if rng.random() < 0.3:
        return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
    return "0" + str(rng.randint(311, 999)) + "-" + "".join(rng.choice("0123456789") for _ in range(7))


def cut_sentences(text):
    out, cur = [], ""
    for ch in text:
        cur += ch
        if ch in "。！？；":
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


# ----------------------------------------------------------------------------------------------
# page builder


class PageBuilder:
    def __init__(self, rng, position, pool, day_items):
        self.rng = rng
        self.position = position
        self.pool = pool
        self.day = day_items
        self.used = set()
        r = rng
        st = {
            "col_h": r.choice((6, 9, 12, 16, 20, 25, 32, 40, 55)),
            "kinsoku": r.choice((1.0, 1.0, 0.97, 0.9, 0.6)),
            "digit_space": r.choice((0.0, 0.3, 0.7, 0.9, 1.0)),
            "letter_space": r.choice((0.0, 0.0, 0.01, 0.03, 0.06)),
            "block_blank": r.choice((1.0, 0.9, 0.6)),
        }
        mode = r.random()
        st["blank_mode"] = "none" if mode < 0.05 else ("double" if mode < 0.10 else "normal")
        self.st = st
        self.S = Setter(rng, st)
        self.tr = self.S.traits
        date = day_items[0]["date"] if day_items else "20241017"
        self.m, self.d = int(date[4:6]), int(date[6:8])
        self.year = int(date[:4])
        self.paper = r.choice(PAPERS)
        self.pageno = r.randint(1, 24)

    def pick(self, minlen=0, maxlen=10 ** 9):
        rng = self.rng
        cands = [i for i in range(len(self.day)) if i not in self.used]
        rng.shuffle(cands)
        for i in cands:
            L = sum(len(p) for p in self.day[i]["paragraphs"])
            if minlen <= L <= maxlen:
                self.used.add(i)
                return self.day[i]
        for _ in range(60):
            it = rng.choice(self.pool)
            L = sum(len(p) for p in it["paragraphs"])
            if minlen <= L <= maxlen:
                return it
        return rng.choice(self.day or self.pool)

    # -- furniture ------------------------------------------------------------------------------
    def furniture(self, kind=None):
        r, S = self.rng, self.S
        kind = kind or r.choice(("label", "label", "editor", "ad", "notice", "weather", "qr", "pageno", "banner"))
        wk = WEEK[(self.d + self.m) % 7]
        if kind == "banner":
            sec = r.choice(SECTIONS)
            forms = [f"{self.paper} {self.year}年{self.m}月{self.d}日 星期{wk}",
                     f"{sec} {r.choice('ABCD')}{self.pageno}", f"第{self.pageno}版",
                     f"{self.year}年{self.m}月{self.d}日 星期{wk} 编辑 {name(r)} 美编 {name(r)}",
                     f"{r.choice('ABCD')}{self.pageno:02d} {sec}", f"{self.paper} {sec}"]
            lines = [r.choice(forms)]
            if r.random() < 0.4:
                lines.append(r.choice(forms))
        elif kind == "label":
            lines = [r.choice(COLUMN_LABELS)]
        elif kind == "editor":
            lines = [r.choice([f"责任编辑 {name(r)}", f"责任编辑：{name(r)} 校对：{name(r)}",
                               f"编辑 {name(r)} 组版 {name(r)}", f"本版编辑 {name(r)} 美编 {name(r)}"])]
        elif kind == "ad":
            lines = [r.choice(ADS).format(tel=tel(r))]
            if r.random() < 0.5:
                lines = ["广告"] + lines
        elif kind == "notice":
            lines = [r.choice(NOTICES).format(name=name(r), tel=tel(r), m=self.m, d=r.randint(1, 28),
                                              place=r.choice(PLACES))]
            self.tr["notice with phone"] += 1
        elif kind == "weather":
            a = r.randint(-5, 18)
            lines = [r.choice(WEATHER).format(a=a, b=a + r.randint(3, 12))]
        elif kind == "qr":
            lines = [r.choice(QR)]
        else:
            lines = [r.choice([str(self.pageno), f"— {self.pageno} —", f"{r.choice('ABCD')}{self.pageno}"])]
        self.tr["furniture:" + kind] += 1
        S.blank(self.st["block_blank"])
        for ln in lines:
            if len(ln) > 18 and r.random() < 0.6:
                S.wrap([(ln, "furniture")], -1, width=r.randint(10, 20))
            else:
                S.put([(ln, "furniture")], -1)
        S.blank(self.st["block_blank"])

    # -- credits -----------------------------------------------------------------------------------
    def credit_names(self, a, staff=None):
        r = self.rng
        k = r.choice((1, 1, 1, 2, 2, 3))
        ns = names(r, k)
        a.t.reporters.extend(ns)
        return ns

    def byline_text(self, a):
        r = self.rng
        ns = self.credit_names(a)
        form = r.random()
        if form < 0.3:
            s = "本报记者 " + " ".join(ns)
        elif form < 0.45:
            s = "记者 " + ns[0] + ("" if len(ns) == 1 else " 通讯员 " + " ".join(ns[1:]))
        elif form < 0.6:
            s = "□ 本报记者 " + " ".join(ns)
        elif form < 0.72:
            s = "文/记者 " + " ".join(ns)
        elif form < 0.8:
            s = "文/图 本报记者 " + " ".join(ns)
        elif form < 0.9:
            s = "本报记者 " + ns[0] + ("" if len(ns) == 1 else " 实习生 " + " ".join(ns[1:]))
        else:
            s = "■ 晚报记者 " + " ".join(ns)
        self.tr["byline"] += 1
        return s

    def dateline(self, a, item):
        """Returns (dateline text, credit text)."""
        r = self.rng
        date = item["date"]
        m, d = int(date[4:6]), int(date[6:8])
        city = r.choice(CITIES)
        f = r.random()
        cred = ""
        if f < 0.22:
            dl = "本报讯"
            ns = self.credit_names(a)
            if r.random() < 0.5:
                cred = " 记者" + "".join(ns[:1]) + ("" if len(ns) == 1 else " 通讯员" + "、".join(ns[1:])) + "报道 "
                self.tr["opening 本报讯 记者X报道"] += 1
            else:
                cred = "（记者 " + ns[0] + ("" if len(ns) == 1 else " 通讯员 " + " ".join(ns[1:])) + "）"
        elif f < 0.3:
            dl = "本报讯" + r.choice(("", " ", "　"))
        elif f < 0.5:
            dl = f"本报{city}{m}月{d}日讯"
            ns = self.credit_names(a)
            cred = "（记者 " + " ".join(ns) + "）"
        elif f < 0.56:
            dl = f"新华社{city}{m}月{d}日电"
            if r.random() < 0.6:
                ns = self.credit_names(a)
                cred = "（记者 " + " ".join(ns) + "）"
        elif f < 0.6:
            dl = f"中新社{city}{m}月{d}日电"
            if r.random() < 0.5:
                ns = self.credit_names(a)
                cred = "（记者 " + " ".join(ns) + "）"
        elif f < 0.66:
            dl = f"本报{m}月{d}日讯"
            ns = self.credit_names(a)
            cred = "（见习记者 " + " ".join(ns) + "）"
        else:
            return "", ""
        a.t.dateline = nows(dl)
        self.tr["dateline"] += 1
        return dl, cred

    def end_credit(self, a):
        r = self.rng
        f = r.random()
        if f < 0.4:
            ns = self.credit_names(a)
            s = "（记者 " + " ".join(ns) + "）"
        elif f < 0.65:
            ns = names(r, 2)
            a.t.reporters.extend(ns)
            s = f"（本报记者 {ns[0]} 通讯员 {ns[1]}）"
        elif f < 0.8:
            s = "（据新华社）"
        elif f < 0.9:
            s = f"（来源：{r.choice(MEDIA)}）"
        else:
            ns = self.credit_names(a)
            s = "（晚报记者 " + " ".join(ns) + "）"
        self.tr["end credit"] += 1
        return s

    # -- title handling ------------------------------------------------------------------------
    def headline_parts(self, a, title, brief=False):
        """Decide kicker / title / subtitle strings from an xwlb title (truth = as printed)."""
        r = self.rng
        kicker, sub = "", ""
        m = re.match(r"^【([^】]{1,20})】(.*)$", title)
        if m:
            tag, title = m.group(1), m.group(2).strip()
            f = r.random()
            if f < 0.35 and not brief:
                kicker = "【" + tag + "】"
            elif f < 0.6 and not brief:
                kicker = tag
            self.tr["xwlb column tag " + ("kept as kicker" if kicker else "dropped")] += 1
        title = title.strip() or "要闻"
        parts = re.split(r"(?<=[^\s])[ 　]+|(?<=[，：])", title)
        parts = [p for p in parts if p]
        if not brief and not kicker and r.random() < 0.25:
            kicker = r.choice(KICKERS)
            if r.random() < 0.15:
                kicker = r.choice(DEPTS) + "——"
            self.tr["own kicker"] += 1
        if len(parts) >= 2 and not brief:
            f = r.random()
            if len(nows("".join(parts[1:]))) < 6 or (len(nows(parts[0])) < 6 and f >= 0.25):
                f = 1.0
            if f < 0.25 and not kicker:
                kicker = parts[0]
                kicker = kicker.rstrip("，：")
                if r.random() < 0.4:
                    kicker = kicker + "——"
                title = " ".join(parts[1:])
                self.tr["title split into kicker+title"] += 1
            elif f < 0.45:
                title = parts[0].rstrip("，：")
                sub = " ".join(parts[1:])
                if r.random() < 0.5:
                    sub = "——" + sub
                self.tr["title split into title+subtitle"] += 1
        if len(nows(title)) > 30:
            cut = [mm.end() for mm in re.finditer(r"[ ，：、]", title) if 6 <= mm.end() <= 30]
            if cut and r.random() < 0.95:
                title = title[:cut[-1]].rstrip(" ，：、")
                self.tr["long title shortened"] += 1
        return kicker, title, sub

    def set_title(self, owner, title, mark=""):
        """Title on one to three lines, broken anywhere (or at the space of a two-phrase title)."""
        r, S = self.rng, self.S
        L = len(title)
        k = 1 if L <= 8 else r.choice((1, 2, 2, 3, 3) if L > 22 else (1, 1, 2, 2, 3) if L > 14 else (1, 1, 1, 2))
        if " " in title and r.random() < 0.6:
            pieces = [p for p in title.split(" ") if p]
            if r.random() < 0.5 and len(pieces) > 1:
                self.tr["two-phrase title on one line"] += 1
                pieces = [title]
            else:
                self.tr["two-phrase title broken at space"] += 1
        elif k == 1:
            pieces = [title]
        else:
            cuts = sorted(r.sample(range(1, L), min(k - 1, L - 1)))
            pieces = [title[i:j] for i, j in zip([0] + cuts, cuts + [L])]
        pieces = [p.strip() for p in pieces if p.strip()]
        if len(pieces) > 1:
            self.tr[f"title on {min(len(pieces), 3)} lines"] += 1
        for j, p in enumerate(pieces):
            segs = []
            if j == 0 and mark:
                if mark == "【":
                    segs = [("【", "mark"), (p, "title")]
                else:
                    segs = [(mark + r.choice(("", " ")), "mark"), (p, "title")]
            else:
                segs = [(p, "title")]
            if mark == "【" and j == len(pieces) - 1:
                segs.append(("】", "mark"))
            S.put(segs, owner)

    def headline_block(self, owner, kicker, title, sub, byline, byline_pos, kicker_below=False):
        r, S = self.rng, self.S
        a = self.arts_t(owner)
        if byline and byline_pos == "above":
            self.set_byline(owner, byline)
            S.blank(0.5)
        if kicker and not kicker_below:
            S.wrap([(kicker, "kicker")], owner, width=r.randint(10, 24))
            S.blank(0.3)
        if title:
            self.set_title(owner, title)
        if kicker and kicker_below:
            self.tr["kicker below title"] += 1
            S.wrap([(kicker, "kicker")], owner, width=r.randint(10, 24))
        if sub:
            S.blank(0.2)
            S.wrap([(sub, "subtitle")], owner, width=r.randint(12, 26))
        if byline and byline_pos == "below":
            S.blank(0.6)
            self.set_byline(owner, byline)
        a.kicker, a.title, a.subtitle = nows(kicker), nows(title), nows(sub)
        if kicker:
            self.tr["kicker"] += 1
        if sub:
            self.tr["subtitle"] += 1

    def set_byline(self, owner, byline):
        r, S = self.rng, self.S
        if len(byline) > 9 and r.random() < 0.15:
            k = r.randint(3, len(byline) - 3)
            S.put([(byline[:k], "byline")], owner)
            S.put([(byline[k:], "byline")], owner)
            self.tr["byline broken over two lines"] += 1
        else:
            S.put([(byline, "byline")], owner)

    def arts_t(self, owner):
        return self.S.arts[owner].t

    # -- bodies ----------------------------------------------------------------------------------
    def body_paras(self, a, item, maxchars):
        """Choose the printed paragraphs of an item (may cut at a sentence), with body extras."""
        out = []
        total = 0
        for p in item["paragraphs"]:
            if total >= maxchars:
                break
            if total + len(p) > maxchars * 1.25 and out:
                sents = cut_sentences(p)
                keep = ""
                for s in sents:
                    if total + len(keep) + len(s) > maxchars and keep:
                        break
                    keep += s
                p = keep
            out.append(p)
            total += len(p)
        return [p for p in out if p.strip()]

    def decorate(self, a, paras, long=False):
        """Body-internal traits: subheads, numbered lists, Q&A, table, editor's note.  Returns
        paragraphs as lists of (text, kind) where kind is 'p' normal or 'h' subhead-like."""
        r = self.rng
        out = [(p, "p") for p in paras]
        f = r.random()
        if len(out) >= 3 and f < 0.07:
            # Q&A interview: questions are ours, answers the item's paragraphs
            who = name(r)
            qs = r.sample(QUESTIONS, min(len(QUESTIONS), len(out)))
            qa = []
            for i, (p, _) in enumerate(out):
                if i == 0:
                    qa.append((p, "p"))
                    continue
                qa.append((qs[i % len(qs)], "p"))
                qa.append((who + "：" + p, "p"))
            out = qa
            self.tr["Q&A interview"] += 1
        elif f < 0.17:
            # numbered list from the sentences of one paragraph
            idx = max(range(len(out)), key=lambda i: len(out[i][0]))
            sents = [s for s in cut_sentences(out[idx][0]) if s.strip()]
            if len(sents) >= 3:
                style = r.choice(("yishi", "arabic", "paren", "cn"))
                items = []
                for j, s in enumerate(sents[:9]):
                    if style == "yishi":
                        items.append(NUMS_CN[j] + "是" + s)
                    elif style == "arabic":
                        items.append(f"{j + 1}." + s)
                    elif style == "paren":
                        items.append(f"（{NUMS_CN[j]}）" + s)
                    else:
                        items.append(NUMS_CN[j] + "、" + s)
                rest = "".join(sents[9:])
                if style == "yishi" and r.random() < 0.5:
                    new = [("".join(items) + rest, "p")]
                else:
                    new = [(x, "p") for x in items] + ([(rest, "p")] if rest else [])
                out = out[:idx] + new + out[idx + 1:]
                self.tr[f"numbered list ({style})"] += 1
        elif f < 0.25:
            # flattened table built from the item's own figures
            rows = []
            for p, _ in out:
                for mm in re.finditer(r"(?:^|(?<=[，。、；：]))([\u4e00-\u9fff]{2,8})([0-9][0-9.]*[%万亿元个人件家次吨]+)", p):
                    rows.append(mm.group(1) + "  " + mm.group(2))
            if len(rows) >= 2:
                tab = [(r.choice(("项目  数据", "指标  数值", "类别  数量")), "t")] + [(x, "t") for x in rows[:6]]
                if r.random() < 0.5:
                    tab.insert(0, ("图表：" + r.choice(("数据一览", "主要指标", "数说变化")), "t"))
                    self.tr["图表 line"] += 1
                k = r.randint(1, len(out))
                out = out[:k] + tab + out[k:]
                self.tr["flattened table"] += 1
        if long or (len(out) >= 5 and r.random() < 0.3):
            # subheads before some paragraphs
            style = r.random()
            n_sub = 0
            res = []
            for i, (p, k) in enumerate(out):
                if i > 0 and k == "p" and r.random() < (0.3 if long else 0.2):
                    if style < 0.25:
                        m = re.match(r"^([\u4e00-\u9fff“”]{5,14})，", p)
                        h = m.group(1) if m else r.choice(SUBHEADS)
                    else:
                        h = r.choice(SUBHEADS)
                    if style < 0.3:
                        h = NUMS_CN[min(n_sub, 9)] + "、" + h
                    elif style < 0.45:
                        h = "【" + h + "】"
                    elif style < 0.55:
                        h = "◆" + h
                    res.append((h, "h"))
                    n_sub += 1
                res.append((p, k))
            if n_sub:
                self.tr["subheads"] += 1
            out = res
        if r.random() < 0.04:
            out = [("编者按：" + out[0][0], "p")] + out[1:] if len(out) > 1 else out
            if out[0][0].startswith("编者按"):
                self.tr["编者按"] += 1
                out[0] = (out[0][0], "e")
        return out

    def set_body(self, owner, paras, dl="", cred="", jump_in="", jump_out="", endc="", byline_top="",
                 dl_own_line=False):
        """Set a body: paras = [(text, kind)].  Records truth body."""
        r, S = self.rng, self.S
        a = S.arts[owner]
        if byline_top:
            self.set_byline(owner, byline_top)
        if jump_in:
            S.put([(jump_in, "jump")], owner)
        a.t.body = "\n".join(p for p, _ in paras)
        for i, (p, k) in enumerate(paras):
            runs = []
            ind = a.indent
            if i == 0 and (dl or cred):
                if dl_own_line:
                    S.put([(dl, "dateline"), (cred, "credit")], owner)
                else:
                    runs += [(dl, "dateline"), (cred, "credit")]
                    ind = a.indent if r.random() < 0.5 else ""
            if k in "ht":
                ind = "" if r.random() < 0.7 else ind
            runs.append((p, "body"))
            last = i == len(paras) - 1
            if last and jump_out:
                runs.append((r.choice((" ", "  ", "")) + jump_out, "jump"))
            if last and endc and r.random() < 0.55:
                runs.append((endc, "credit"))
                endc_inline = True
            else:
                endc_inline = False
            S.wrap(runs, owner, indent=ind if k != "h" else "")
            if k == "h" and r.random() < 0.5:
                pass
            elif not last:
                S.blank(a.para_blank)
            if last and endc and not endc_inline:
                S.put([(endc, "credit")], owner)

    # -- articles ----------------------------------------------------------------------------------
    def article(self, item, maxchars, place="normal", brief=False, captions=(), long=False):
        r, S = self.rng, self.S
        owner = S.new_art("article")
        a = S.arts[owner]
        a.width = r.randint(8, 22) if not long else r.randint(11, 20)
        if brief:
            a.width = r.randint(9, 20)
        a.indent = r.choice(("　　", "　　", "  ", "", ""))
        a.para_blank = r.choice((0.0, 0.3, 0.7, 1.0, 1.0))
        pos = self.position if self.position != MIXED else r.choice((AFTER, BEFORE))
        t = a.t
        # what is printed
        mark = ""
        if brief:
            mark = r.choice(("■", "●", "【", "", "◆"))
            if mark:
                self.tr["brief title marked " + mark] += 1
        kicker, title, sub = self.headline_parts(a, item["title"], brief=brief)
        cont_in = place == "cont"
        if cont_in:
            f = r.random()
            if f < 0.3:
                title = ""
                kicker, sub = "", ""
                self.tr["continuation without title"] += 1
            elif f < 0.6:
                title = title[:max(4, len(title) // 2)].strip()
                kicker, sub = "", ""
                self.tr["continuation with shortened title"] += 1
            else:
                self.tr["continuation with title repeated"] += 1
            paras = item["paragraphs"]
            k = r.randint(1, max(1, len(paras) - 1)) if len(paras) > 1 else 0
            src = {"paragraphs": paras[k:] or paras[-1:], "date": item["date"]}
            if len(paras) == 1:
                sents = cut_sentences(paras[0])
                src["paragraphs"] = ["".join(sents[len(sents) // 2:])]
            body = self.body_paras(a, src, maxchars)
        else:
            body = self.body_paras(a, item, maxchars)
        jump_out = ""
        if place == "jump" and len(body) >= 1:
            p = body[-1]
            if len(p) > 12 and r.random() < 0.7:
                body[-1] = p[:r.randint(len(p) // 2, len(p) - 2)]   # cut mid-sentence
                self.tr["jump cut mid-sentence"] += 1
            to = str(r.randint(2, 16))
            if r.random() < 0.3:
                to = r.choice("ABC") + to.zfill(2)
            jump_out = r.choice(("（下转第%s版）", "（下转第%s版）", "（转%s版）", "（下转%s版）")) % to
            t.continued_to = to
            self.tr["jump line (下转)"] += 1
        body = [p for p in body if p.strip()] or [item["paragraphs"][0][:60]]
        paras = self.decorate(a, body, long=long) if not brief else [(p, "p") for p in body]
        # credits and datelines
        dl, cred = ("", "") if cont_in else self.dateline(a, item)
        byline = ""
        byline_pos = None
        if not brief and not cont_in and r.random() < (0.35 if dl else 0.6):
            byline = self.byline_text(a)
            byline_pos = r.choice(("above", "below", "below", "top"))
        endc = ""
        if not cont_in and (r.random() < (0.45 if not dl else 0.12)):
            endc = self.end_credit(a)
        jump_in = ""
        if cont_in:
            jump_in = r.choice(("（上接第1版）", "（上接第1版）", "（上接A01版）", f"（上接{r.randint(1, 9)}版）"))
            self.tr["continuation (上接)"] += 1
        # print order
        if title and pos == BEFORE:
            self.tr["headline before body"] += 1
        elif title:
            self.tr["headline after body"] += 1
        kicker_below = bool(kicker) and r.random() < 0.12

        def head():
            if mark and title:
                bl = byline if byline_pos in ("above", "below") else ""
                if bl and byline_pos == "above":
                    self.set_byline(owner, bl)
                self.set_title(owner, title, mark)
                t.title = nows(title)
                if bl and byline_pos == "below":
                    self.set_byline(owner, bl)
            else:
                self.headline_block(owner, kicker, title, sub, byline if byline_pos in ("above", "below") else "",
                                    byline_pos, kicker_below)

        def bodyf():
            self.set_body(owner, paras, dl, cred, jump_in, jump_out, endc,
                          byline if byline_pos == "top" else "", dl_own_line=bool(dl) and r.random() < 0.08)

        caps = list(captions)
        S.blank(self.st["block_blank"])
        if pos == BEFORE:
            head()
            S.blank(self.st["block_blank"])
            self.maybe_furniture(0.03)
            if caps and r.random() < 0.5:
                self.tr["caption between headline and body"] += 1
                for c in caps:
                    self.caption(*c)
                caps = []
            bodyf()
        else:
            bodyf()
            S.blank(self.st["block_blank"])
            self.maybe_furniture(0.03)
            if caps and r.random() < 0.3:
                self.tr["caption between body and headline"] += 1
                for c in caps:
                    self.caption(*c)
                caps = []
            head()
        S.blank(self.st["block_blank"])
        for c in caps:
            self.caption(*c)
        return owner

    def box(self, prev_owner, item):
        """记者手记 / 相关链接 / 延伸阅读 box after an article."""
        r, S = self.rng, self.S
        label = r.choice(("记者手记", "相关链接", "延伸阅读", "■记者手记", "◎相关链接", "链接"))
        titled = r.random() < 0.5
        if titled:
            owner = S.new_art("article")
            a = S.arts[owner]
            a.width = r.randint(9, 20)
            a.indent = r.choice(("　　", "", "  "))
            a.para_blank = r.choice((0.0, 0.5, 1.0))
            _, title, _ = self.headline_parts(a, item["title"], brief=True)
            paras = [(p, "p") for p in self.body_paras(a, item, r.randint(120, 420))]
            S.blank(self.st["block_blank"])
            S.put([(label, "kicker")], owner)
            a.t.kicker = nows(label)
            self.set_title(owner, title)
            a.t.title = nows(title)
            self.set_body(owner, paras)
            self.tr["box with own title (own article)"] += 1
            S.blank(self.st["block_blank"])
        else:
            a = S.arts[prev_owner]
            src = item
            paras = self.body_paras(a, src, r.randint(80, 300))
            S.blank(self.st["block_blank"])
            S.put([(label, "body")], prev_owner)
            for i, p in enumerate(paras):
                S.wrap([(p, "body")], prev_owner, indent=a.indent)
                S.blank(a.para_blank)
            a.t.body = a.t.body + "\n" + label + "\n" + "\n".join(paras)
            self.tr["untitled box (part of previous article)"] += 1
            S.blank(self.st["block_blank"])

    def caption(self, ctitle=False, credit_kind=None):
        r, S = self.rng, self.S
        owner = S.new_art("caption")
        a = S.arts[owner]
        a.width = r.randint(10, 26)
        parts = []
        if ctitle:
            parts.append(r.choice(CAPTION_TITLES))
            self.tr["caption title"] += 1
        pre = r.choice(("", "", "", "图为", "上图：", "图①：", "图②："))
        d = max(1, self.d - r.randint(0, 3))
        txt = pre + r.choice((f"{self.m}月{d}日，", "日前，", "近日，", "")) + \
            r.choice(("", "在" + r.choice(PLACES) + "，", r.choice(PLACES) + "，")) + r.choice(SCENES) + "。"
        if r.random() < 0.3:
            txt += r.choice(("当日，", "据悉，", "")) + r.choice(SCENES) + "。"
        f = r.random()
        if f < 0.35:
            n = name(r)
            cr = f"本报记者 {n} 摄"
            a.t.reporters.append(n)
        elif f < 0.55:
            n = name(r)
            cr = f"记者 {n} 摄"
            a.t.reporters.append(n)
        elif f < 0.65:
            cr = "新华社发"
        elif f < 0.75:
            cr = "（资料图片）"
        elif f < 0.88:
            cr = f"{r.choice(DEPTS)} 供图"
        else:
            ns = names(r, 2)
            cr = f"通讯员 {ns[0]} 记者 {ns[1]} 摄"
            a.t.reporters.extend(ns)
        S.blank(self.st["block_blank"])
        for p in parts:
            S.put([(p, "body")], owner)
        if r.random() < 0.5 or len(txt) > 30:
            S.wrap([(txt + " " + cr, "body")], owner)
        else:
            S.wrap([(txt, "body")], owner)
            S.put([(cr, "body")], owner)
        a.t.body = "\n".join(parts + [txt + " " + cr])
        self.tr["caption"] += 1
        S.blank(self.st["block_blank"])

    # -- page shapes ------------------------------------------------------------------------------
    def build(self):
        r = self.rng
        shape = r.choices(("metro", "briefs", "long", "photo", "inner"), (45, 17, 13, 10, 15))[0]
        self.tr["shape:" + shape] += 1
        if r.random() < 0.85:
            self.furniture("banner")
        if r.random() < 0.3:
            self.furniture("label")
        if shape == "long":
            it = self.pick(1400)
            cap = [(r.random() < 0.3,)] * r.randint(0, 2)
            o = self.article(it, r.randint(1500, 3000), place=r.choice(("normal", "normal", "jump")),
                             captions=cap, long=True)
            if r.random() < 0.3:
                self.box(o, self.pick(80))
            for _ in range(r.randint(0, 2)):
                self.maybe_furniture(0.7)
                self.article(self.pick(60, 600), r.randint(100, 400))
        elif shape == "briefs":
            if r.random() < 0.5:
                self.article(self.pick(200), r.randint(250, 700))
            if r.random() < 0.7:
                self.furniture("label")
            for _ in range(r.randint(8, 14)):
                self.article(self.pick(40), r.randint(60, 250), brief=True)
                self.maybe_furniture(0.12)
        elif shape == "photo":
            if r.random() < 0.5:
                self.furniture("label")
            for _ in range(r.randint(2, 5)):
                self.caption(r.random() < 0.35)
                self.maybe_furniture(0.1)
            for _ in range(r.randint(1, 4)):
                cap = [(r.random() < 0.3,)] * (1 if r.random() < 0.4 else 0)
                self.article(self.pick(60), r.randint(200, 700), captions=cap)
        else:
            n = r.randint(3, 9) if shape == "metro" else r.randint(2, 6)
            for j in range(n):
                place = "normal"
                if shape == "inner" and j == 0:
                    place = "cont"
                elif j == 0 and r.random() < 0.15:
                    place = "jump"
                cap = [(r.random() < 0.2,)] * (1 if r.random() < 0.25 else 0)
                if r.random() < 0.05:
                    cap = cap + [(False,)]
                o = self.article(self.pick(60), r.randint(200, 1100), place=place, captions=cap)
                if r.random() < 0.1:
                    self.box(o, self.pick(80))
                self.maybe_furniture(0.25)
        for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
            self.furniture()
        if r.random() < 0.5:
            self.furniture("editor")
        return self.finish()

    def maybe_furniture(self, p):
        if self.rng.random() < p:
            self.furniture()

    # -- rendering and self-check -----------------------------------------------------------------
    def render_line(self, line):
        r, st = self.rng, self.st
        letter = st["letter_space"] and r.random() < st["letter_space"]
        ds = r.random() < st["digit_space"]
        out = []
        for seg in line:
            text = seg[0]
            if seg[2] != "ws":
                if letter:
                    toks = ASCII_RE.findall(text)
                    b = []
                    for tk in toks:
                        if b and tk != " " and b[-1] != " " and b[-1][-1] not in FULLP:
                            b.append(" ")
                        b.append(tk)
                    text = "".join(b)
                elif ds:
                    text = re.sub(r"(?<=[^\x00-\x7f（“《，。、])([0-9][0-9.%]*)", r" \1", text)
                    text = re.sub(r"([0-9][0-9.%]*)(?=[^\x00-\x7f，。、；：）”])", r"\1 ", text)
            out.append(text)
        if letter:
            self.tr["letter-spaced line"] += 1
        return "".join(out).rstrip()

    def finish(self):
        S = self.S
        mode = self.st["blank_mode"]
        lines = []
        tags = []
        for ln in S.lines:
            if ln is None or ln == "":
                if mode == "none":
                    continue
                if lines and lines[-1] != "":
                    lines.append("")
                    tags.append(None)
                continue
            lines.append(ln)
            tags.append(ln)
            if mode == "double":
                lines.append("")
                tags.append(None)
        while lines and lines[-1] == "":
            lines.pop()
            tags.pop()
        if mode != "normal":
            self.tr["page with " + ("no blank lines" if mode == "none" else "every break doubled")] += 1
        # render, collect per (owner, role) characters, order of first appearance
        collected = collections.defaultdict(list)
        first = {}
        texts = []
        ltags = []
        pos = 0
        for ln in lines:
            if ln == "":
                texts.append("")
                ltags.append((-1, "blank"))
                continue
            s = self.render_line(ln)
            assert nows(s) == nows("".join(seg[0] for seg in ln)), ("rendering changed text", s)
            assert "\n" not in s
            texts.append(s)
            owners = {seg[1] for seg in ln if seg[2] != "ws"}
            assert len(owners) == 1, ("two owners on one line", ln)
            owner = owners.pop()
            roles = {seg[2] for seg in ln if seg[2] != "ws"}
            group = line_role(roles, owner, S.arts)
            ltags.append((owner, group))
            for seg in ln:
                if seg[2] != "ws":
                    collected[(owner, seg[2])].append(seg[0])
            if owner >= 0 and owner not in first:
                first[owner] = pos
            pos += 1
        text = "\n".join(texts) + "\n"
        # self-check: truth equals printed text, role by role (whitespace aside)
        for o, a in enumerate(S.arts):
            t = a.t

            def got(role, o=o):
                return nows("".join(collected.get((o, role), [])))

            assert got("title") == nows(t.title), (o, "title", got("title"), t.title)
            assert got("kicker") == nows(t.kicker), (o, "kicker", got("kicker"), t.kicker)
            assert got("subtitle") == nows(t.subtitle), (o, "subtitle", got("subtitle"), t.subtitle)
            assert got("dateline") == nows(t.dateline), (o, "dateline", got("dateline"), t.dateline)
            assert got("body") == nows(t.body), (o, "body", got("body")[:80], t.body[:80])
            assert got("body"), (o, "empty body")
            credits = got("byline") + got("credit") + (got("body") if t.kind == "caption" else "")
            for n in t.reporters:
                assert n in credits, (o, "reporter", n, credits)
            if t.continued_to:
                assert t.continued_to in got("jump"), (o, "jump", t.continued_to, got("jump"))
            assert o in first, (o, "unprinted")
        order = sorted(range(len(S.arts)), key=lambda o: first[o])
        remap = {o: i for i, o in enumerate(order)}
        ltags = [(remap.get(o, -1), g) for o, g in ltags]
        # the text's lines and the tags line up
        assert len(text.split("\n")) - 1 == len(ltags)
        truth = [S.arts[o].t for o in order]
        for t in truth:
            t.reporters = list(dict.fromkeys(t.reporters))
            t.title, t.kicker, t.subtitle, t.dateline = nows(t.title), nows(t.kicker), nows(t.subtitle), nows(t.dateline)
        return Page(text=text, truth=truth, position=self.position, lines=ltags)


def line_role(roles, owner, arts):
    if owner < 0:
        assert roles == {"furniture"}, roles
        return "furniture"
    for g in ({"kicker"}, {"title", "mark"}, {"subtitle"}, {"byline"}):
        if roles <= g:
            return "title" if "title" in g or roles == {"mark"} else next(iter(g))
    assert roles <= {"dateline", "credit", "body", "jump"}, ("mixed roles on one line", roles)
    return "caption" if arts[owner].t.kind == "caption" else "body"


# ----------------------------------------------------------------------------------------------


def generate_pages(n, position=AFTER, seed=0, items=None, date_range=None, _traits=None):
    assert position in POSITIONS, position
    if items is None:
        items = load_items(date_range)
    elif date_range:
        items = [it for it in items if date_range[0] <= it.get("date", "") <= date_range[1]]
    last = _CACHE.get("last")
    if last is not None and last[0] is items:      # the cache holds the list, so its id stays unique
        pool, bydate = last[1], last[2]
    else:
        pool = clean_items(items)
        if not pool:
            raise ValueError("no items")
        groups = collections.defaultdict(list)
        for it in pool:
            groups[it["date"]].append(it)
        bydate = (sorted(groups), groups)
        _CACHE["last"] = (items, pool, bydate)
    dates, bd = bydate
    pages = []
    for i in range(n):
        rng = random.Random(f"pagegen_f/{seed}/{position}/{i}")
        day = list(bd[rng.choice(dates)])
        if len(day) < 14:
            j = rng.randrange(len(dates))
            day += bd[dates[j]]
        b = PageBuilder(rng, position, pool, day)
        page = b.build()
        if _traits is not None:
            _traits.update(b.tr)
            _traits["pages"] += 1
        pages.append(page)
    return pages


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N pages with their truth")
    ap.add_argument("--traits", type=int, default=0, help="trait counts over N pages per position")
    ap.add_argument("--check", type=int, default=0, help="self-check N pages per position, report speed")
    ap.add_argument("--position", default=MIXED, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.show:
        for p in generate_pages(args.show, args.position, args.seed):
            print("=" * 30, "page", p.position)
            print(p.text)
            print("-" * 30, "truth")
            for t in p.truth:
                print(f"[{t.kind}] kicker={t.kicker!r} title={t.title!r} subtitle={t.subtitle!r} "
                      f"dateline={t.dateline!r} reporters={t.reporters} continued_to={t.continued_to}")
                print("   body:", t.body[:160].replace("\n", " / "), "…" if len(t.body) > 160 else "")
    if args.traits:
        rows = {}
        for pos in POSITIONS:
            c = collections.Counter()
            generate_pages(args.traits, pos, args.seed, _traits=c)
            rows[pos] = c
        keys = sorted(set().union(*rows.values()) - {"pages"})
        print(f"{'trait':44s} " + " ".join(f"{p:>8s}" for p in POSITIONS) + f"   (counts over {args.traits} pages each)")
        for k in keys:
            print(f"{k:44s} " + " ".join(f"{rows[p][k]:8d}" for p in POSITIONS))
    if args.check:
        for pos in POSITIONS:
            load_items()
            t0, c0 = time.time(), time.process_time()
            pages = generate_pages(args.check, pos, args.seed)
            cpu = time.process_time() - c0
            print(f"{pos}: {len(pages)} pages, self-check passed, {1000 * cpu / len(pages):.2f} ms CPU/page, "
                  f"{1000 * (time.time() - t0) / len(pages):.2f} ms wall/page, "
                  f"{sum(len(p.truth) for p in pages) / len(pages):.1f} items/page")


if __name__ == "__main__":
    main()
