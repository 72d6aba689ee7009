"""Page generator j: pages of provincial party dailies (省报) as their PDFs' text layers give them.

Written blind (see benchmarks/README.md, "Page generator j"): front pages (要闻 1) with a masthead,
a long lead article jumping to page 2, an index box and a photo; news pages (要闻 2/3) with
continuations (上接第1版); county and city pages (市县新闻) of short dated reports; briefs pages
(简讯); long feature pages with subheads, an editor's note, a reporter's notebook box and a table;
photo pages; interview pages (Q&A).

Every character of news text comes from the xwlb items; every other word (names, places, kickers,
subtitles, subheads of my own, captions, furniture, adverts, notices, interview questions) is
written here.  While a page is built every printed character carries (owner, role); the truth is
checked against what was printed for it before a page is returned.

Usage (from the repo root):
    python benchmarks/pagegen_j.py --show 2 [--position after] [--seed 0]
    python benchmarks/pagegen_j.py --traits 300
    python benchmarks/pagegen_j.py --check 1000
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import random
import re
import sys
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


# --------------------------------------------------------------------------------------------
# word lists (all written for this generator)

PROVINCES = [
    # short name, paper, capital, cities, counties, CN number, postcode prefix, phone area
    ("晋", "山西日报", "太原", "大同 朔州 忻州 阳泉 吕梁 晋中 长治 晋城 临汾 运城",
     "平遥 介休 孝义 汾阳 灵石 寿阳 右玉 偏关 沁源 阳城 高平 洪洞 襄汾 永济 芮城 代县 繁峙 岢岚", "14-0001", "030", "0351"),
    ("冀", "河北日报", "石家庄", "唐山 保定 邯郸 邢台 沧州 衡水 廊坊 承德 张家口 秦皇岛",
     "正定 迁安 涿州 武安 任丘 平山 阜平 威县 故城 滦州 丰宁 围场 安平 献县 清河", "13-0001", "050", "0311"),
    ("豫", "河南日报", "郑州", "开封 洛阳 安阳 新乡 焦作 许昌 南阳 信阳 周口 驻马店 商丘 漯河 鹤壁",
     "巩义 兰考 林州 新郑 禹州 长垣 固始 鄢陵 西峡 栾川 光山 淇县 睢县 汝州", "41-0001", "450", "0371"),
    ("陕", "陕西日报", "西安", "宝鸡 咸阳 渭南 延安 榆林 汉中 安康 商洛 铜川",
     "富平 神木 府谷 柞水 洛川 留坝 紫阳 礼泉 眉县 志丹 佳县 石泉", "61-0001", "710", "029"),
    ("湘", "湖南日报", "长沙", "株洲 湘潭 衡阳 岳阳 常德 益阳 郴州 永州 怀化 邵阳 娄底",
     "浏阳 醴陵 韶山 汨罗 桃源 安化 宜章 道县 洪江 新化 平江 攸县 双峰", "43-0001", "410", "0731"),
    ("皖", "安徽日报", "合肥", "芜湖 蚌埠 淮南 马鞍山 安庆 黄山 滁州 阜阳 宿州 六安 宣城 亳州",
     "肥西 长丰 歙县 岳西 金寨 天长 泾县 凤阳 砀山 桐城 宁国 涡阳", "34-0001", "230", "0551"),
    ("陇", "甘肃日报", "兰州", "天水 白银 武威 张掖 酒泉 庆阳 平凉 定西 陇南 金昌",
     "榆中 敦煌 民勤 山丹 会宁 通渭 宕昌 庄浪 华池 古浪 临泽", "62-0001", "730", "0931"),
    ("赣", "江西日报", "南昌", "九江 赣州 吉安 宜春 上饶 抚州 景德镇 萍乡 鹰潭 新余",
     "瑞金 井冈山 婺源 庐山 兴国 樟树 贵溪 安福 修水 于都 南丰", "36-0001", "330", "0791"),
]

SURNAMES = ("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 "
            "程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 阎 余 潘 杜 戴 夏 钟 汪 田 任 姜 "
            "范 方 石 姚 谭 廖 邹 熊 金 陆 郝 孔 白 崔 康 毛 邱 秦 江 史 顾 侯 邵 孟 龙 万 段 雷 钱 汤 "
            "尹 黎 易 常 武 乔 贺 赖 龚 文 庞 樊 兰 殷 施 陶 洪 翟 安 颜 倪 严 牛 温 芦 季 俞 章 鲁 葛 "
            "伍 韦 申 尤 毕 聂 焦 向 柳 邢 岳 齐 梅 莫 庄 辛 管 祝 左 涂 谷 祁 时 舒 耿 牟 卜 詹 关 苗 "
            "凌 费 纪 靳 盛 童 欧阳 司马 上官").split()
GIVEN = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 鹏 飞 "
         "晨 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 阳 雪 琳 晶 婷 倩 颖 慧 莉 佳 欣 悦 嘉 琪 瑶 蕾 薇 "
         "媛 凡 博 文 斌 彬 辉 亮 鑫 波 峰 岩 松 柏 楠 梅 兰 竹 菊 海 江 河 川 山 石 泉 晓 春 秋 冬 "
         "夏 璐 璇 珊 蓉 昊 昕 晗 哲 睿 轩 航 源 泽 森 炜 烨 煜 辰 星 月 云 雨 霖 露 思 恩 怡 然 "
         "若 宏 晋 建 忠 永 胜 海 潮 兵 新 志 国 德 福 立 成 建 利 荣 继 振 卫 东 庆 金 长 春 祥").split()

DEPTS = ("省发展改革委 省工业和信息化厅 省商务厅 省人社厅 省农业农村厅 省生态环境厅 省住建厅 省交通运输厅 "
         "省文化和旅游厅 省卫健委 省教育厅 省科技厅 省统计局 省市场监管局 省应急管理厅 省水利厅 "
         "省自然资源厅 省财政厅 省税务局 省委金融办 省公安厅 省民政厅 省总工会 团省委 省妇联 省能源局 "
         "省林草局 省医保局 省气象局 省通信管理局 省邮政管理局 省药监局 省地震局 省残联").split()
JOBS = "党组书记、厅长|副厅长|局长|副局长|主任|副主任|二级巡视员|处长|总经理|党委书记|村党支部书记|负责人".split("|")

TOPICS = ("就业 乡村振兴 生态保护 营商环境 科技创新 文旅融合 项目建设 民生保障 转型发展 基层治理 粮食生产 "
          "安全生产 开发区建设 数字经济 城市更新 招商引资 对外开放 职业教育 医疗服务 养老服务 农村电商 "
          "交通建设 水利建设 能源革命 人才引进 文明创建 普惠金融 消费提振").split()

KICKER_PHRASES = ("聚焦高质量发展|奋进新征程 建功新时代|一线观察|深化改革 激发活力|项目建设进行时|走基层 看变化|"
                  "乡村振兴新画卷|稳增长 促发展|学习贯彻全会精神|关注民生|数说这五年|产业兴 百姓富|"
                  "县域经济观察|在一线 看落实|抓项目 促转型|新春走基层|践行新发展理念|砥砺奋进 开拓新局|"
                  "优环境 强服务|守初心 担使命|看变化 话发展|秋收秋种进行时|创新驱动 动能澎湃|"
                  "生态优先 绿色发展|民生实事面对面|强基础 补短板|开放合作 共赢未来|实干笃行 奋楫争先").split("|")
SERIES = ("“推动高质量发展”系列报道之{n}|“在一线”蹲点调研手记之{n}|“县域看转型”系列报道之{n}|"
          "“奋进这五年”系列述评之{n}|“民生实事”追踪之{n}|“产业链上看发展”之{n}|“走进开发区”系列报道之{n}").split("|")
CN_NUM = "一二三四五六七八九十"

COLUMN_LABELS = ("记者观察|民生|·简讯·|市县传真|基层一线|要闻速递|本期关注|今日关注|一线见闻|新闻速览|综合新闻|"
                 "短评|经济|县域|三农|文旅|社会|法治|视点|时评|深度|特别报道|本报专稿|新闻观察|政务").split("|")

SUBTITLE_T = ("——{p}{t}工作综述|——{c}{t}见闻|——记{c}{job}{n}|——来自{k}的调查|——{d}负责人答记者问|"
              "——{p}推进{t}纪实|——{c}扎实推进{t}工作侧记|——{k}探索{t}新路径|——访{d}{job}{n}|"
              "——{p}{t}亮点扫描|——{c}{t}一线见闻").split("|")
SUBHEADS_OWN = ("强化政策支撑|优化公共服务|聚焦重点群体|创新体制机制|夯实基层基础|激发市场活力|守牢安全底线|"
                "推动产业升级|做优营商环境|打通服务“最后一公里”|让群众得实惠|项目建设提速|人才引得进留得住|"
                "数字赋能添动力|绿色底色更鲜明|民生福祉持续增进|开放大门越开越大|改革红利加速释放|"
                "科技创新引领发展|文旅融合焕新彩|基层治理见实效|链式发展聚合力|服务企业零距离|"
                "护好一方水土|小切口办成大实事|稳住基本盘|向新而行|一子落而满盘活").split("|")
BOX_LABELS = ("记者手记", "相关链接", "延伸阅读", "背景链接", "新闻链接", "记者感言")
QUESTIONS = ("请您介绍一下今年以来相关工作的总体情况。|下一步将如何巩固和拓展已有成果？|在推进过程中遇到了哪些困难，"
             "又是如何破解的？|群众最关心的问题有哪些进展？|这项工作有哪些新的亮点？|如何确保各项政策落地见效？|"
             "您如何看待当前面临的形势？|企业和群众反映的问题如何解决？|今年的目标任务完成得怎么样？|"
             "在人才和资金保障方面有哪些举措？|如何推动这项改革走深走实？|能否谈谈接下来的重点工作？").split("|")
OPENERS = ("本报记者日前从{d}获悉，|记者{day}日从{d}获悉，|记者近日从{d}了解到，|记者从{d}了解到，|"
           "日前，记者从{d}获悉，|记者{day}日从{d}召开的新闻发布会上获悉，").split("|")

CAPTION_PLACES = ("{c}市{dist}区|{k}县{v}村|{c}经济技术开发区|{c}高新区|{k}县{v}镇|{cap}市迎泽公园|{c}市民广场|"
                  "{k}县现代农业产业园|{c}市一家智能制造企业|{k}县{v}乡|{c}火车站|{c}市{dist}区一所小学").split("|")
CAPTION_PEOPLE = "农民|工人|游客|志愿者|学生|技术人员|市民|参赛选手|村民|电力职工|医护人员|消防救援人员|非遗传承人|快递员".split("|")
CAPTION_ACTIONS = ("正在采收玉米|在生产线上忙碌|在广场参加文艺演出|调试设备|晾晒辣椒|检修线路|参观展览|进行消防演练|"
                   "采摘红枣|搬运货物|为群众义诊|展示手工艺品|在田间查看苗情|在车间赶制订单|分拣包裹|体验非遗技艺|"
                   "清理河道|栽植树苗|直播销售农产品|在实训基地学习焊接技术").split("|")
CAPTION_TITLES = ("金秋丰收忙|秋收正当时|检修保畅通|非遗进校园|夜市烟火旺|车间赶订单|义诊进乡村|田间管护忙|"
                  "枣乡红满园|绿染荒山|快递分拣忙|技能比拼|银装素裹|研学热|冰雪游升温").split("|")
CAPTION_SCENES = ("{when}，{place}{people}{act}。|{when}，{people}在{place}{act}。|图为{place}一景。|"
                  "{when}，{place}的{people}{act}，一派繁忙景象。|{place}，{people}{act}。|"
                  "{when}，{people}{act}。当日，{place}举办相关活动。").split("|")
WHEN = "近日|日前|当日|连日来|清晨|今年以来|日前|近期|傍晚|周末".split("|")
DISTRICTS = "迎泽 小店 城区 新城 开发 滨河 高新 南关 西城 东城 北城 经开 湖滨 文昌".split()
VILLAGES = "王家庄 李家坪 东关 西沟 南庄 北营 柳树湾 杏花 桃园 石门 清泉 上河 下湾 红旗 东风 新村 马坊 张村".split()

BRANDS = ("晋韵 汾河 太行 华夏 东方 鼎盛 天宝 恒泰 瑞丰 金穗 福源 兴隆 永安 嘉禾 宏远 新程").split()
AD_LINES = ("品质生活 从这里开始|诚招各市县代理商|新品上市 欢迎选购|百年传承 匠心酿造|安全出行 平安到家|"
            "节能环保 智造未来|一站式家装服务|健康生活 绿色饮品").split("|")
WEEKDAYS = "一二三四五六日"
LUNAR = "甲辰年九月十六|甲辰年冬月初二|癸卯年腊月廿三|癸卯年八月十五|甲辰年三月初九|壬寅年十月初一".split("|")
WEATHER = "晴 多云 阴 小雨 阵雨 晴转多云 多云转晴 小雪 雨夹雪 中雨".split()
QR_HINTS = ("扫码看视频|扫描二维码 阅读全文|扫一扫 看更多|扫码收听音频|扫码观看直播回放|扫描二维码 下载客户端").split("|")
XINHUA_CITIES = "北京 上海 广州 武汉 成都 西安 天津 重庆 南京 杭州 长春 拉萨 乌鲁木齐 昆明 哈尔滨".split()

CLOSE = set("，。、；：？！）”’》」』】…%％")
OPEN = set("（“‘《「『【")
PUNCT = CLOSE | OPEN | set("·—-/")
HEAD_ROLES = {"title", "kicker", "subtitle", "mark"}


def _cw(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def _is_cjk_word(ch: str) -> bool:
    return ord(ch) >= 0x3400 and ch not in PUNCT and ch != "\u3000"


# --------------------------------------------------------------------------------------------
# items

_ITEM_CACHE: dict = {}


def _clean_para(p: str) -> str:
    p = p.replace("\xa0", " ").replace("\u3000", " ").replace("\t", " ")
    p = re.sub(r" {2,}", " ", p).strip()
    return p


def _load_items() -> list[dict]:
    path = os.environ.get("BRIEF_XWLB_ITEMS")
    if not path:
        shared = os.environ.get("BRIEF_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
        path = os.path.join(shared, "eval", "xwlb", "items-dev.jsonl.gz")
    if path in _ITEM_CACHE:
        return _ITEM_CACHE[path]
    out = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if d.get("is_roundup") or d.get("title", "") in ("", "undefined"):
                continue
            text = d.get("text", "")
            text = re.sub(r"^央视网消息（新闻联播）：", "", text)
            paras = [_clean_para(p) for p in text.split("\n")]
            out.append({"title": d["title"], "paragraphs": [p for p in paras if p], "date": d.get("date", "")})
    _ITEM_CACHE[path] = out
    return out


def _prepare(items: list[dict]) -> dict:
    """Clean items and group them by date; the key list is sorted for determinism."""
    by_date: dict[str, list[dict]] = {}
    for it in items:
        paras = [_clean_para(p) for p in it.get("paragraphs", [])]
        paras = [p for p in paras if p]
        title = re.sub(r"\s+", " ", it.get("title", "")).strip()
        if not paras or not title or title == "undefined":
            continue
        by_date.setdefault(str(it.get("date", "")), []).append({"title": title, "paragraphs": paras,
                                                                "date": str(it.get("date", ""))})
    return {"dates": sorted(by_date), "by_date": by_date}


class _Pool:
    def __init__(self, rng: random.Random, prep: dict):
        self.rng = rng
        self.prep = prep
        self.date = rng.choice(prep["dates"])
        self.queue = list(prep["by_date"][self.date])
        rng.shuffle(self.queue)
        self.used = 0

    def take(self, min_chars: int = 0) -> dict:
        for _ in range(6):
            if not self.queue:
                d = self.rng.choice(self.prep["dates"])
                self.queue = list(self.prep["by_date"][d])
                self.rng.shuffle(self.queue)
            it = self.queue.pop()
            if sum(len(p) for p in it["paragraphs"]) >= min_chars:
                return it
        return it

    def peek_titles(self, k: int) -> list[str]:
        return [it["title"] for it in self.queue[:k]]


# --------------------------------------------------------------------------------------------
# small helpers

def _name(rng) -> str:
    s = rng.choice(SURNAMES)
    g = rng.choice(GIVEN)
    if len(s) == 1 and rng.random() < 0.55:
        g += rng.choice(GIVEN)
    return s + g


def _names(rng, k: int) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        n = _name(rng)
        if n not in out:
            out.append(n)
    return out


def _strip_tag(title: str) -> tuple[str, str]:
    m = re.match(r"^【([^】]{1,40})】\s*(.+)$", title)
    if m:
        return m.group(1), m.group(2).strip()
    return "", title


def _shorten(ctx, title: str, limit: int = 30) -> tuple[str, str]:
    """Cut a long title at a natural break: (printed title, the rest or "")."""
    if len(title) <= limit:
        return title, ""
    k = title.find("——")
    if 6 <= k <= limit:
        return title[:k], title[k:]
    m = [x.start() for x in re.finditer(r"[ ，：]", title) if 6 <= x.start() <= limit]
    if m:
        cut = m[-1]
        return title[:cut].strip(), title[cut + 1:].strip()
    m = [x.start() for x in re.finditer(r"暨", title) if 6 <= x.start() <= limit]
    if m:
        ctx.t("long title cut before 暨")
        return title[:m[-1]], ""
    m = [x.end() for x in re.finditer(r"时强调|并讲话|并致辞|举行|召开|会见|会谈", title)
         if 6 <= x.end() <= limit]
    if m:
        ctx.t("long title cut after a verb")
        return title[:m[-1]], ""
    m = [x.start() for x in re.finditer(r"[《、“]", title) if 6 <= x.start() <= limit]
    if m:
        ctx.t("long title cut before a quote or list")
        return title[:m[-1]], ""
    return title, ""


def _sentences(p: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]*[。！？]+[”’」）]?|[^。！？]+$", p) if s]


def _trim(p: str, lo: int, hi: int) -> str:
    if len(p) <= hi:
        return p
    out = ""
    for s in _sentences(p):
        if len(out) + len(s) > hi and len(out) >= lo:
            break
        out += s
    if len(out) > hi * 1.6:
        out = out[:hi].rstrip("，、；：") + "。"
    return out


class Ctx:
    """Per-page context: province, dates, habits."""

    def __init__(self, rng: random.Random, pool: _Pool, position: str):
        self.rng = rng
        self.pool = pool
        self.position = position
        prov = rng.choice(PROVINCES)
        self.pshort, self.paper, self.capital = prov[0], prov[1], prov[2]
        self.cities = prov[3].split()
        self.counties = prov[4].split()
        self.cn, self.post, self.area = prov[5], prov[6], prov[7]
        self.pname = {"晋": "山西", "冀": "河北", "豫": "河南", "陕": "陕西", "湘": "湖南", "皖": "安徽",
                      "陇": "甘肃", "赣": "江西"}[self.pshort]
        d = pool.date
        try:
            base = _dt.date(int(d[:4]), int(d[4:6]), int(d[6:8]))
        except (ValueError, IndexError):
            base = _dt.date(2024, 10, 17)
        self.news_date = base
        self.pub_date = base + _dt.timedelta(days=1)
        # habits of this page's text layer and typesetter
        self.digit_space = rng.choice([0.0, 0.0, 0.15, 0.35, 0.5, 0.7, 0.9])
        self.digit_space_dl = rng.choice([0.0, 0.5, 0.85, 1.0, 1.0])
        self.letter_space = 0.0 if rng.random() < 0.45 else rng.uniform(0.005, 0.06)
        self.kinsoku = rng.random() < 0.85
        self.split_ascii = rng.random() < 0.35
        r = rng.random()
        self.blank_mode = "none" if r < 0.055 else ("double" if r < 0.105 else "normal")
        self.between_blank = rng.uniform(0.82, 1.0)
        self.traits: dict[str, int] = {}

    def t(self, name: str, k: int = 1):
        self.traits[name] = self.traits.get(name, 0) + k

    def city(self) -> str:
        return self.rng.choice(self.cities)

    def place(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return self.capital
        if r < 0.75:
            return self.city()
        return self.rng.choice(self.counties)

    def md(self, back: int = 0) -> tuple[int, int]:
        d = self.news_date - _dt.timedelta(days=back)
        return d.month, d.day

    def fill(self, tpl: str) -> str:
        rng = self.rng
        return tpl.format(p=self.pname if rng.random() < 0.5 else "我省", t=rng.choice(TOPICS), c=self.city(),
                          k=rng.choice(self.counties), d=rng.choice(DEPTS), job=rng.choice(JOBS), n=_name(rng),
                          cap=self.capital, dist=rng.choice(DISTRICTS), v=rng.choice(VILLAGES),
                          day=self.md()[1])


# --------------------------------------------------------------------------------------------
# flowing text into a column

_DL_ROLES = ("dateline", "dateline_by", "byline")


class Flow:
    """Hard-wraps runs of (char, role) into lines; column breaks (blank lines) fall anywhere."""

    def __init__(self, ctx: Ctx, width: int, pbreak: float, para_blank: float):
        self.ctx = ctx
        self.rng = ctx.rng
        self.width = width
        self.pbreak = pbreak
        self.para_blank = para_blank
        self.lines: list[list] = []

    def blank(self):
        if self.lines and self.lines[-1]:
            self.lines.append([])

    def _emit(self, line: list, last: bool):
        self.lines.append(line)
        p = self.pbreak
        if p and (line[0][1] in _DL_ROLES or line[-1][1] in _DL_ROLES):
            p = min(0.5, p * 2.5)
        if self.rng.random() < p:
            self.blank()
            self.ctx.t("column break")
            if self.rng.random() < 0.3:
                nw = max(8, min(22, self.width + self.rng.choice((-3, -2, -1, 1, 2, 3))))
                if nw != self.width:
                    self.width = nw
                    self.ctx.t("width changes at a column break")

    def put(self, runs: list, single_line: bool = False):
        """runs: list of (char, role); wraps them at the current width."""
        if single_line:
            self._emit(list(runs), True)
            return
        ctx = self.ctx
        n = len(runs)
        wid = [0.5 if ord(c) < 128 else 1.0 for c, _ in runs]
        line: list = []
        w = 0.0
        i = 0
        keep_ascii = not ctx.split_ascii
        while i < n:
            ch = runs[i][0]
            j = i + 1
            if keep_ascii and wid[i] == 0.5 and ch != " ":
                while j < n and wid[j] == 0.5 and runs[j][0] != " " and j - i < 12:
                    j += 1
                tw = sum(wid[i:j])
                if tw > self.width:
                    j, tw = i + 1, wid[i]
            else:
                tw = wid[i]
            tok = runs[i:j]
            if line and w + tw > self.width + 1e-9:
                if ctx.kinsoku and tok[0][0] in CLOSE:
                    # hang closing punctuation on this line
                    while i < n and runs[i][0] in CLOSE:
                        line.append(runs[i])
                        i += 1
                    self._emit(line, False)
                    line, w = [], 0.0
                    continue
                carry = []
                if ctx.kinsoku and line[-1][0] in OPEN and len(line) > 1:
                    carry = [line.pop()]
                if not ctx.kinsoku and tok[0][0] in CLOSE:
                    ctx.t("line starts with closing punctuation")
                self._emit(line, False)
                line = carry
                w = _cw(carry[0][0]) if carry else 0.0
            line.extend(tok)
            w += tw
            i = j
        if line:
            self._emit(line, True)


def _runs(text: str, role: str) -> list:
    return [(c, role) for c in text]


# --------------------------------------------------------------------------------------------
# articles

class Art:
    def __init__(self):
        self.kind = "article"
        self.kicker = ""
        self.kicker_below = False
        self.title_lines: list[str] = []
        self.title_mark = ""
        self.title_mark_close = ""
        self.subtitle = ""
        self.byline: list[str] = []      # printed byline lines
        self.byline_pos = "none"          # head_below / head_above / body_top / none
        self.dateline = ""
        self.dl_by = ""
        self.paras: list[tuple[str, str]] = []   # (text, kind) kind: para/subhead/label/table/qa
        self.end_credit = ""
        self.end_credit_own = False
        self.jump_out = ""
        self.jump_out_own = False
        self.continued_to = None
        self.jump_in = ""
        self.jump_in_own = False
        self.reporters: list[str] = []
        self.position = AFTER
        self.width = 14
        self.head_blank = 0.3
        self.caption_lines: list[str] = []   # for captions: printed lines, all role body


def _title_parts(ctx: Ctx, art: Art, raw: str, allow_own_kicker=True, allow_own_sub=True):
    rng = ctx.rng
    tag, title = _strip_tag(raw)
    kicker = ""
    subtitle = ""
    if tag:
        if rng.random() < 0.55:
            kicker = tag if rng.random() < 0.7 else "【" + tag + "】"
            ctx.t("xwlb column tag printed as kicker")
        else:
            ctx.t("xwlb column tag dropped")
    if len(title) > 30:
        title, rest = _shorten(ctx, title)
        if rest.startswith("——") and len(rest) <= 40:
            subtitle = rest
            ctx.t("long title split at —— into title + subtitle")
        elif rest and rng.random() < 0.4 and 4 <= len(rest) <= 30:
            subtitle = rest
            ctx.t("long title split into title + subtitle")
        elif rest:
            ctx.t("long title shortened at a natural break")
    if " " in title and not subtitle:
        a, b = title.split(" ", 1)
        r = rng.random()
        if r < 0.22 and not kicker and len(a) >= 3:
            kicker, title = a, b.strip()
            ctx.t("two-phrase xwlb title split into kicker + title")
        elif r < 0.42 and len(b) >= 3:
            title, subtitle = a, b.strip()
            ctx.t("two-phrase xwlb title split into title + subtitle")
        else:
            ctx.t("two-phrase title with a space")
    if allow_own_kicker and not kicker and rng.random() < 0.36:
        r = rng.random()
        if r < 0.3:
            kicker = rng.choice([rng.choice(DEPTS), ctx.city() + "市", rng.choice(ctx.counties) + "县",
                                 rng.choice(DEPTS)]) + "——"
            ctx.t("kicker ending ——")
        elif r < 0.55:
            kicker = rng.choice([k for k in KICKER_PHRASES if " " in k])
            ctx.t("kicker of two phrases with a space")
        elif r < 0.75:
            kicker = rng.choice(SERIES).format(n=CN_NUM[rng.randrange(10)])
            ctx.t("series label as kicker")
        else:
            kicker = rng.choice([k for k in KICKER_PHRASES if " " not in k])
            ctx.t("kicker phrase")
    if kicker:
        ctx.t("kicker")
        if rng.random() < 0.12:
            art.kicker_below = True
            ctx.t("kicker below the title")
    if allow_own_sub and not subtitle and rng.random() < 0.2:
        subtitle = ctx.fill(rng.choice(SUBTITLE_T))
        ctx.t("subtitle starting ——")
    elif subtitle:
        if subtitle.startswith("——"):
            ctx.t("subtitle starting ——")
        else:
            ctx.t("subtitle without ——")
    art.kicker = kicker
    art.subtitle = subtitle
    art.title_lines = _break_title(ctx, title)


def _break_title(ctx: Ctx, title: str) -> list[str]:
    rng = ctx.rng
    n = len(title)
    r = rng.random()
    k = 1 if (r < 0.58 or n < 6) else (2 if r < 0.9 or n < 10 else 3)
    if k == 1:
        return [title]
    if k == 2 and " " in title and rng.random() < 0.6:
        a, b = title.split(" ", 1)
        ctx.t("title on 2 line(s)")
        ctx.t("title broken at its space")
        return [a, b]
    ok = [c for c in range(2, n - 1) if title[c - 1] not in OPEN and title[c] not in CLOSE] or list(range(2, n - 1))
    cuts = sorted(rng.sample(ok, k - 1)) if len(ok) >= k - 1 and n > 2 * k + 1 else [n // 2]
    parts = []
    prev = 0
    for c in cuts:
        parts.append(title[prev:c])
        prev = c
    parts.append(title[prev:])
    parts = [p for p in parts if p.strip()]
    ctx.t(f"title on {len(parts)} line(s)")
    return parts


def _byline(ctx: Ctx, art: Art, forms=None):
    rng = ctx.rng
    k = rng.choice((1, 1, 1, 2, 2, 3))
    names = _names(rng, k)
    form = rng.choice(forms or ("本报记者", "记者", "□本报记者", "文/记者", "本报记者+通讯员", "记者+通讯员",
                                "本报记者+实习生", "文/图 本报记者", "本报通讯员"))
    if form == "本报记者+通讯员":
        nr = max(1, k - 1)
        s = "本报记者 " + " ".join(names[:nr]) + " 本报通讯员 " + " ".join(names[nr:] or _names(rng, 1))
    elif form == "记者+通讯员":
        nr = max(1, k - 1)
        s = "记者 " + " ".join(names[:nr]) + " 通讯员 " + " ".join(names[nr:] or _names(rng, 1))
    elif form == "本报记者+实习生":
        s = "本报记者 " + " ".join(names) + " 实习生 " + _name(rng)
    elif form == "□本报记者":
        s = "□ 本报记者 " + " ".join(names)
    elif form == "文/记者":
        s = "文/记者 " + " ".join(names)
    else:
        s = form + " " + " ".join(names)
    reps = re.findall(r"[^\s□/]+", s)
    reps = [x for x in reps if x not in ("本报记者", "记者", "本报通讯员", "通讯员", "实习生", "文", "文/图", "图")]
    art.reporters.extend(reps)
    if rng.random() < 0.16 and s.count(" ") >= 2:
        sp = [m.start() for m in re.finditer(" ", s)][1:]
        c = rng.choice(sp)
        art.byline = [s[:c], s[c + 1:]]
        ctx.t("byline broken over two lines")
    else:
        art.byline = [s]
    ctx.t("byline " + form.split("+")[0].replace(" ", ""))


def _dateline(ctx: Ctx, art: Art, local: bool = True):
    rng = ctx.rng
    m, d = ctx.md(rng.choice((0, 0, 0, 1)))
    r = rng.random()
    if r < 0.42:
        pl = ctx.place() if local else ctx.capital
        art.dateline = f"本报{pl}{m}月{d}日讯"
        kind = "本报X月X日讯"
    elif r < 0.62:
        art.dateline = "本报讯"
        kind = "本报讯"
    elif r < 0.72:
        art.dateline = f"新华社{rng.choice(XINHUA_CITIES)}{m}月{d}日电"
        kind = "新华社电"
    elif r < 0.75:
        art.dateline = f"中新社{rng.choice(XINHUA_CITIES)}{m}月{d}日电"
        kind = "中新社电"
    elif r < 0.8:
        art.dateline = "本报讯"
        nm = _name(rng)
        art.dl_by = f" 记者{nm}报道" + ("：" if rng.random() < 0.5 else " ")
        art.reporters.append(nm)
        ctx.t("dateline 本报讯 记者X报道")
        return
    else:
        return
    ctx.t("dateline " + kind)
    if rng.random() < (0.75 if kind != "本报讯" else 0.6) or kind == "中新社电":
        k = rng.choice((1, 1, 2))
        names = _names(rng, k)
        if kind.startswith("新华社"):
            art.dl_by = "（记者 " + " ".join(names) + "）"
        else:
            f = rng.random()
            if f < 0.55:
                art.dl_by = "（记者 " + " ".join(names) + "）"
            elif f < 0.8:
                extra = _name(rng)
                art.dl_by = "（记者 " + " ".join(names) + " 通讯员 " + extra + "）"
                names = names + [extra]
            else:
                art.dl_by = "（通讯员 " + " ".join(names) + "）"
        art.reporters.extend(names)


def _end_credit(ctx: Ctx, art: Art):
    rng = ctx.rng
    r = rng.random()
    if r < 0.35:
        nm = _name(rng)
        art.end_credit = f"（记者 {nm}）"
        art.reporters.append(nm)
    elif r < 0.55:
        a, b = _name(rng), _name(rng)
        art.end_credit = f"（本报记者 {a} 通讯员 {b}）"
        art.reporters.extend([a, b])
    elif r < 0.7:
        art.end_credit = "（据新华社）"
    elif r < 0.8:
        art.end_credit = "（来源：" + rng.choice(("人民网", "新华网", "央视新闻", "中国新闻网", ctx.paper + "客户端")) + "）"
    elif r < 0.9:
        nm = _name(rng)
        art.end_credit = f"（{nm}）"
        art.reporters.append(nm)
    else:
        nm = _name(rng)
        art.end_credit = f"（通讯员 {nm}）"
        art.reporters.append(nm)
    art.end_credit_own = rng.random() < 0.4
    ctx.t("reporter credit at the end of the body")


def _subhead_style(ctx: Ctx, k: int, text: str, style: int) -> str:
    text = text.rstrip("。")
    if style == 1:
        return CN_NUM[k % 10] + "、" + text
    if style == 2:
        return "【" + text + "】"
    if style == 3:
        return "■" + text
    return text


def _body_paras(ctx: Ctx, items: list[dict], target: int, subheads: bool) -> list[tuple[str, str]]:
    """Paragraphs from one or more items; a following item's title (or an own phrase) becomes a subhead."""
    rng = ctx.rng
    out: list[tuple[str, str]] = []
    total = 0
    style = rng.choice((0, 0, 0, 1, 2, 3))
    nsub = 0
    for n, it in enumerate(items):
        if n > 0 and out and subheads:
            if rng.random() < 0.6:
                _, t = _strip_tag(it["title"])
                t = re.split(r"[ ，：]", t)[0] if len(t) > 16 else t
            else:
                t = rng.choice(SUBHEADS_OWN)
            if len(t) >= 4:
                nsub += 1
                out.append((_subhead_style(ctx, nsub - 1, t, style), "subhead"))
                ctx.t("subhead")
        for p in it["paragraphs"]:
            if len(p) <= 30 and not re.search(r"[。！？”」…]$", p):
                if not out:
                    continue
                out.append((p, "subhead"))
                ctx.t("subhead (from the item)")
                continue
            out.append((p, "para"))
            total += len(p)
            if total >= target:
                break
        if total >= target:
            break
    while out and out[-1][1] == "subhead":
        out.pop()
    return out


def _numbered(ctx: Ctx, paras: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rng = ctx.rng
    idx = [i for i, (_, k) in enumerate(paras) if k == "para"]
    if len(idx) < 3:
        return paras
    start = rng.randrange(0, len(idx) - 2)
    run = []
    for i in idx[start:]:
        if run and i != run[-1] + 1:
            break
        run.append(i)
        if len(run) == 4:
            break
    if len(run) < 2:
        return paras
    r = rng.random()
    paras = list(paras)
    if r < 0.4 and all(len(paras[i][0]) < 160 for i in run):
        parts = []
        for n, i in enumerate(run):
            s = paras[i][0].rstrip("。；")
            parts.append(CN_NUM[n] + "是" + s)
        joined = "；".join(parts) + "。"
        paras[run[0]] = (joined, "para")
        for i in reversed(run[1:]):
            del paras[i]
        ctx.t("numbered list 一是……二是……")
    elif r < 0.7:
        for n, i in enumerate(run):
            paras[i] = (f"{n + 1}." + paras[i][0], "para")
        ctx.t("numbered list 1. 2.")
    else:
        for n, i in enumerate(run):
            paras[i] = (f"（{CN_NUM[n]}）" + paras[i][0], "para")
        ctx.t("numbered list （一）")
    return paras


def _table(ctx: Ctx) -> list[tuple[str, str]]:
    rng = ctx.rng
    unit = rng.choice(("产量（万吨）", "增加值（亿元）", "客流（万人次）", "投资（亿元）", "户数（万户）"))
    hdr = rng.choice(("地区", "市别", "城市"))
    what = unit.split("（")[0]
    rows = [(f"图表：{rng.choice(('1—9月', '前三季度', '上半年', '1—8月', '今年以来'))}各市{what}情况", "table")]
    sep = rng.choice(("  ", "   ", " "))
    rows.append((sep.join((hdr, unit, "同比增长")), "table"))
    for c in rng.sample(ctx.cities, min(len(ctx.cities), rng.randint(3, 7))):
        v = round(rng.uniform(5, 900), rng.choice((1, 2)))
        g = round(rng.uniform(-3, 15), 1)
        rows.append((sep.join((c, str(v), f"{g}%")), "table"))
    if rng.random() < 0.5:
        rows.append((f"（数据来源：{rng.choice(DEPTS)}）", "table"))
    ctx.t("flattened table with a 图表 line")
    return rows


def build_article(ctx: Ctx, items: list[dict], target: int, *, position: str, local=True, subheads=False,
                  brief=False, allow_jump=False, continuation=False, qa=False, note=False, box=False,
                  width=None) -> tuple[Art, Art | None]:
    """Returns the article and, when it has one, a titled box printed after it (its own article)."""
    rng = ctx.rng
    art = Art()
    art.position = position
    it = items[0]
    box_art = None
    # headline
    if brief:
        _, t = _strip_tag(it["title"])
        if len(t) > 26:
            t = _shorten(ctx, t, 26)[0]
        t = t.replace(" ", rng.choice((" ", "")))
        art.title_lines = _break_title(ctx, t) if rng.random() < 0.25 else [t]
        r = rng.random()
        if r < 0.3:
            art.title_mark = "■"
        elif r < 0.5:
            art.title_mark = "●"
        elif r < 0.65:
            art.title_mark, art.title_mark_close = "【", "】"
        if art.title_mark:
            ctx.t("brief title marked ■ ● 【】")
    elif continuation:
        r = rng.random()
        _, t = _strip_tag(it["title"])
        if r < 0.4:
            _title_parts(ctx, art, it["title"], allow_own_kicker=False, allow_own_sub=False)
            ctx.t("continuation: title repeated")
        elif r < 0.75:
            short = re.split(r"[ ，：]", t)[0]
            if len(short) > 12:
                short = short[:rng.randint(6, 12)]
            art.title_lines = [short]
            ctx.t("continuation: title shortened")
        else:
            art.title_lines = []
            ctx.t("continuation: no title")
    else:
        _title_parts(ctx, art, it["title"])
    # opening
    if continuation:
        art.jump_in = f"（上接第{rng.choice(('1', '1', '1', '2'))}版）"
        art.jump_in_own = rng.random() < 0.5
        ctx.t("jump-in line （上接第1版）")
    elif not brief or rng.random() < 0.7:
        _dateline(ctx, art, local)
    if not continuation and not qa and not art.dl_by and not brief and rng.random() < 0.55:
        _byline(ctx, art)
        r = rng.random()
        art.byline_pos = "head_below" if r < 0.62 else ("body_top" if r < 0.88 else "head_above")
        ctx.t("byline " + art.byline_pos)
    elif qa and rng.random() < 0.8:
        _byline(ctx, art, ("本报记者", "记者", "□本报记者"))
        art.byline_pos = rng.choice(("head_below", "body_top"))
    # body
    if brief:
        p = _trim(it["paragraphs"][0], 60, rng.randint(90, 250))
        if len(p) < 60 and len(it["paragraphs"]) > 1:
            p = _trim(p + it["paragraphs"][1], 60, 250)
        art.paras = [(p, "para")]
    elif qa:
        paras = [p for p in it["paragraphs"] if len(p) > 30]
        who = _name(ctx.rng)
        art.subtitle = art.subtitle or f"——访{rng.choice(DEPTS)}{rng.choice(JOBS)}{who}"
        qlab, alab = rng.choice((("记者：", who + "："), ("问：", "答："), ("记者：", who[0] + rng.choice("厅局主") + "长："),
                                 ("本报记者：", who + "：")))
        art.paras = [(paras[0], "para")] if paras else []
        qs = rng.sample(QUESTIONS, min(len(QUESTIONS), max(2, len(paras) - 1)))
        for n, p in enumerate(paras[1:]):
            art.paras.append((qlab + qs[n % len(qs)], "qa"))
            art.paras.append((alab + p, "qa"))
        if len(art.paras) < 3:
            art.paras.append((qlab + qs[0], "qa"))
            art.paras.append((alab + it["paragraphs"][-1], "qa"))
        ctx.t("Q&A interview")
    else:
        art.paras = _body_paras(ctx, items, target, subheads)
        if len(art.paras) >= 4 and rng.random() < 0.1:
            art.paras = _numbered(ctx, art.paras)
        if subheads and rng.random() < 0.25:
            k = rng.randrange(1, max(2, len(art.paras)))
            art.paras[k:k] = _table(ctx)
    if not art.paras:
        art.paras = [(_trim(it["paragraphs"][0], 20, 300), "para")]
    if note and len(art.paras) > 2 and art.paras[0][1] == "para":
        art.paras[0] = ("编者按：" + art.paras[0][0], "note")
        ctx.t("编者按 paragraph before the body")
    # opener without dateline
    if not art.dateline and not continuation and not brief and not qa and rng.random() < 0.25 \
            and art.paras[0][1] == "para":
        art.paras[0] = (ctx.fill(rng.choice(OPENERS)) + art.paras[0][0], "para")
        ctx.t("opening 记者从……获悉")
    # untitled box belongs to this article; a titled one is its own article
    if box and len(art.paras) > 3:
        lab = rng.choice(BOX_LABELS)
        if rng.random() < 0.5:
            tail = art.paras[-1]
            if tail[1] == "para":
                art.paras = art.paras[:-1] + [(lab, "label"), tail]
                ctx.t("untitled box (belongs to the article it follows)")
        else:
            other = ctx.pool.take(100)
            box_art = Art()
            box_art.position = position
            box_art.kicker = lab
            _, bt = _strip_tag(other["title"])
            box_art.title_lines = [re.split(r"[ ，：]", bt)[0] if len(bt) > 20 else bt]
            box_art.paras = [(p, "para") for p in other["paragraphs"][:rng.randint(1, 2)]]
            box_art.width = rng.randint(9, 20)
            ctx.t("titled box (its own article)")
    # endings
    if not continuation and rng.random() < (0.3 if brief else 0.14):
        _end_credit(ctx, art)
    if allow_jump:
        pg = rng.choice(("2", "2", "2", "3", "4"))
        art.jump_out = f"（下转第{pg}版）"
        art.continued_to = pg
        art.jump_out_own = rng.random() < 0.35
        ctx.t("jump line （下转第N版）")
    art.width = width or rng.randint(9, 21)
    art.head_blank = rng.uniform(0.1, 0.6)
    return art, box_art


def _article_truth(art: Art) -> TruthItem:
    title = "".join(art.title_lines).replace(" ", "")
    body = "\n".join(t for t, _ in art.paras)
    return TruthItem("article", title, body, list(dict.fromkeys(art.reporters)), art.continued_to,
                     art.kicker, art.subtitle, art.dateline)


def render_head(ctx: Ctx, art: Art) -> list[list]:
    rng = ctx.rng

    def line(text, role):
        return [(c, role) for c in text]

    kick = [line(art.kicker, "kicker")] if art.kicker else []
    if art.kicker and len(art.kicker) > 14 and rng.random() < 0.15:
        c = rng.randrange(4, len(art.kicker) - 3)
        kick = [line(art.kicker[:c], "kicker"), line(art.kicker[c:], "kicker")]
    tl = []
    for n, t in enumerate(art.title_lines):
        ln = line(t, "title")
        if n == 0 and art.title_mark:
            ln = [(c, "mark") for c in art.title_mark] + ([(" ", "mark")] if art.title_mark in "■●" and rng.random() < 0.5 else []) + ln
        if n == len(art.title_lines) - 1 and art.title_mark_close:
            ln = ln + [(c, "mark") for c in art.title_mark_close]
        tl.append(ln)
    sub = []
    if art.subtitle:
        if len(art.subtitle) > 16 and rng.random() < 0.2:
            c = rng.randrange(5, len(art.subtitle) - 3)
            sub = [line(art.subtitle[:c], "subtitle"), line(art.subtitle[c:], "subtitle")]
            ctx.t("subtitle on two lines")
        else:
            sub = [line(art.subtitle, "subtitle")]
    by = [line(b, "byline") for b in art.byline] if art.byline_pos in ("head_below", "head_above") else []
    order = []
    if art.byline_pos == "head_above":
        order.append(by)
    if art.kicker_below:
        order += [tl, kick, sub]
    else:
        order += [kick, tl, sub]
    if art.byline_pos == "head_below":
        order.append(by)
    out: list[list] = []
    for comp in order:
        if not comp:
            continue
        if out and rng.random() < art.head_blank:
            out.append([])
        for n, ln in enumerate(comp):
            if n > 0 and comp is tl and rng.random() < 0.25:
                out.append([])
                ctx.t("column break inside a title")
            if n > 0 and comp is by and rng.random() < 0.35:
                out.append([])
                ctx.t("column break inside a byline")
            out.append(ln)
    return out


def render_body(ctx: Ctx, art: Art) -> list[list]:
    rng = ctx.rng
    indent = rng.choice(("", "", "", "\u3000\u3000", "\u3000\u3000", "  ", " "))
    if indent.strip() == "" and indent:
        ctx.t("paragraph indent " + ("full-width" if "\u3000" in indent else "ascii"))
    first_only = bool(indent) and rng.random() < 0.12
    if first_only:
        ctx.t("only the first paragraph indented")
    para_blank = rng.choice((0.0, 0.0, 0.5, 0.9, 1.0, 1.0))
    if para_blank > 0:
        ctx.t("paragraph ends marked by blank lines")
    flow = Flow(ctx, art.width, rng.choice((0.0, 0.02, 0.04, 0.07, 0.1, 0.15)), para_blank)
    if art.byline_pos == "body_top":
        for b in art.byline:
            flow.put(_runs(b, "byline"), single_line=True)
        if rng.random() < 0.5:
            flow.blank()
    if art.jump_in and art.jump_in_own:
        flow.put(_runs(art.jump_in, "jump"), single_line=True)
    np = len(art.paras)
    first_para = next((k for k, (_, kd) in enumerate(art.paras) if kd in ("para", "qa")), 0)
    dl_sep = rng.choice(("", " ", " ", "\u3000"))
    for n, (text, kind) in enumerate(art.paras):
        runs: list = []
        ind = indent if kind in ("para", "qa", "note") and (n == 0 or not first_only) else ""
        if kind == "subhead" and n == first_para:
            kind = "para"
        if kind == "subhead" and rng.random() < 0.15:
            ind = indent
        runs += _runs(ind, "ws")
        if n == first_para:
            if art.jump_in and not art.jump_in_own:
                runs += _runs(art.jump_in, "jump")
            if art.dateline:
                runs += _runs(art.dateline, "dateline")
                runs += _runs(art.dl_by, "dateline_by")
                if not art.dl_by:
                    runs += _runs(dl_sep, "ws")
        runs += _runs(text, "body")
        last = n == np - 1
        if last:
            if art.end_credit and not art.end_credit_own:
                runs += _runs(rng.choice(("", " ")), "ws") + _runs(art.end_credit, "credit")
            if art.jump_out and not art.jump_out_own and not (art.end_credit and art.end_credit_own):
                runs += _runs(rng.choice((" ", "  ", "")), "ws") + _runs(art.jump_out, "jump")
        if kind == "subhead":
            if rng.random() < 0.7:
                flow.blank()
            flow.put(runs, single_line=len(text) <= art.width + 4 or rng.random() < 0.5)
            if rng.random() < 0.2:
                flow.blank()
            continue
        if kind in ("table", "label"):
            flow.put(runs, single_line=True)
            continue
        flow.put(runs)
        if not last and rng.random() < flow.para_blank:
            flow.blank()
    if art.end_credit and art.end_credit_own:
        flow.put(_runs(art.end_credit, "credit"), single_line=True)
        if art.jump_out:
            flow.put(_runs(art.jump_out, "jump"), single_line=True)
    elif art.jump_out and art.jump_out_own:
        flow.put(_runs(art.jump_out, "jump"), single_line=True)
    while flow.lines and not flow.lines[-1]:
        flow.lines.pop()
    return flow.lines


# --------------------------------------------------------------------------------------------
# captions and furniture

def build_caption(ctx: Ctx, numbered: str = "") -> tuple[Art, list[list]]:
    rng = ctx.rng
    art = Art()
    art.kind = "caption"
    texts = []
    if rng.random() < 0.2:
        texts.append(rng.choice(CAPTION_TITLES))
        ctx.t("caption title")
    tpl = rng.choice(CAPTION_SCENES)
    act = rng.choice(CAPTION_ACTIONS)
    if "在{place}{act}" in tpl and act.startswith("在"):
        act = act[1:] if rng.random() < 0.5 else "忙着" + act[act.index("技术") - 2:] if "技术" in act else act[1:]
    m, d = ctx.md(rng.choice((0, 1, 2, 5)))
    when = rng.choice(WHEN + [f"{m}月{d}日"] * 4)
    scene = tpl.format(when=when, place=ctx.fill(rng.choice(CAPTION_PLACES)),
                       people=rng.choice(CAPTION_PEOPLE), act=act)
    scene = numbered + scene
    r = rng.random()
    if r < 0.14:
        credit = ""
        ctx.t("caption without credit")
    elif r < 0.3:
        nm = _name(rng)
        credit = f"本报记者 {nm} 摄"
        art.reporters.append(nm)
    elif r < 0.45:
        nm = _name(rng)
        credit = f"记者 {nm} 摄"
        art.reporters.append(nm)
    elif r < 0.55:
        credit = "新华社发"
    elif r < 0.62:
        nm = _name(rng)
        credit = f"新华社记者 {nm} 摄"
        art.reporters.append(nm)
    elif r < 0.7:
        credit = "（资料图片）"
    elif r < 0.8:
        credit = rng.choice((ctx.city() + "市委宣传部供图", rng.choice(DEPTS) + "供图", _name(rng) + " 供图"))
        m = re.match(r"^(\S+) 供图$", credit)
        if m:
            art.reporters.append(m.group(1))
    elif r < 0.92:
        nm = _name(rng)
        credit = f"{nm} 摄"
        art.reporters.append(nm)
    else:
        nm = _name(rng)
        credit = f"通讯员 {nm} 摄"
        art.reporters.append(nm)
    ctx.t("caption")
    lines: list[list] = []
    for t in texts:
        lines.append(_runs(t, "body"))
    own = bool(credit) and rng.random() < 0.35
    text = scene if own or not credit else scene + rng.choice(("  ", " ", "\u3000")) + credit
    width = rng.choice((14, 18, 22, 30, 60, 200))
    flow = Flow(ctx, width, 0.0, 0.0)
    flow.put(_runs(text, "body"))
    lines += flow.lines
    if own:
        lines.append(_runs(credit, "body"))
        ctx.t("caption credit on its own line")
    art.paras = [(t, "body") for t in texts] + ([(scene, "body"), (credit, "body")] if own else [(text, "body")])
    return art, lines


def furniture(ctx: Ctx, kind: str, page_no: int = 1, page_name: str = "要闻") -> list[list]:
    rng = ctx.rng
    d = ctx.pub_date
    wd = "星期" + WEEKDAYS[d.weekday()]
    date = f"{d.year}年{d.month}月{d.day}日"
    def ed():
        return _name(rng)
    L: list[str] = []
    if kind == "masthead":
        L = [ctx.paper, rng.choice((f"中共{ctx.pname}省委机关报", f"{ctx.paper}社出版")),
             f"{date} {wd}", f"农历{rng.choice(LUNAR)}",
             f"国内统一连续出版物号 CN {ctx.cn}", f"今日{rng.choice((8, 12, 16))}版"]
        if rng.random() < 0.5:
            L.append(f"{ctx.paper}客户端 扫一扫")
        rng.shuffle(L)
        L = L[:rng.randint(3, len(L))]
    elif kind == "banner":
        r = rng.random()
        if r < 0.35:
            L = [f"{ctx.paper} {date} {wd}"]
        elif r < 0.55:
            L = [f"{page_name} {page_no}"] if rng.random() < 0.5 else [f"{page_no} {page_name}"]
        elif r < 0.7:
            L = [f"第{page_no}版"]
        elif r < 0.85:
            L = [f"{date}  {wd}", f"{page_name}"]
        else:
            L = [f"{page_no}", f"{ctx.paper}", f"{d.year}.{d.month:02d}.{d.day:02d}"]
        ctx.t("furniture: page banner")
    elif kind == "editor":
        L = [rng.choice((f"责任编辑 {ed()}", f"责任编辑：{ed()}  版式编辑：{ed()}", f"本版编辑 {ed()}  美编 {ed()}",
                         f"责编：{ed()} 校对：{ed()}", f"编辑 {ed()} 组版 {ed()} 校对 {ed()}"))]
        ctx.t("furniture: editor line")
    elif kind == "label":
        L = [rng.choice(COLUMN_LABELS)]
        ctx.t("furniture: column label")
    elif kind == "series":
        L = [rng.choice((f"聚焦“{rng.choice(TOPICS)}”系列主题新闻发布会", f"奋进新征程 {ctx.pname}在行动",
                         f"“{rng.choice(TOPICS)}”专题报道", f"{ctx.pname}这一年", "走进市县看发展",
                         f"学习贯彻党的二十届三中全会精神·{rng.choice(TOPICS)}篇"))]
        ctx.t("furniture: series band")
    elif kind == "weather":
        L = ["全省天气预报" if rng.random() < 0.6 else "天气"]
        for c in rng.sample([ctx.capital] + ctx.cities, rng.randint(2, 5)):
            lo = rng.randint(-8, 16)
            L.append(f"{c} {rng.choice(WEATHER)} {lo}℃～{lo + rng.randint(5, 14)}℃")
        if rng.random() < 0.5:
            L = [" ".join(L[:3])] + L[3:]
        ctx.t("furniture: weather box")
    elif kind == "qr":
        L = [rng.choice(QR_HINTS)]
        ctx.t("furniture: QR hint")
    elif kind == "index":
        L = [rng.choice(("今日导读", "导读", "本期看点"))]
        for t in ctx.pool.peek_titles(rng.randint(2, 4)):
            _, t = _strip_tag(t)
            L.append(t[:20] + rng.choice(("  ", " ", "……")) + f"{rng.randint(2, 8)}版")
        ctx.t("furniture: index box with titles")
    elif kind == "notice":
        comp = rng.choice(BRANDS) + rng.choice(("商贸有限公司", "建筑工程有限公司", "农业科技有限公司", "物流有限公司"))
        phone = f"{ctx.area}-{rng.randint(2000000, 8999999)}"
        r = rng.random()
        if r < 0.4:
            code = "91" + ctx.cn[:2] + "".join(str(rng.randint(0, 9)) for _ in range(13)) + rng.choice("XYMN")
            L = ["遗失声明", f"{comp}遗失营业执照副本，统一社会信用代码：{code}，声明作废。",
                 f"{ctx.pub_date.year}年{ctx.pub_date.month}月{ctx.pub_date.day}日"]
        elif r < 0.7:
            L = ["招聘启事", f"{comp}因业务发展需要，招聘会计2名、驾驶员3名，待遇面议。",
                 f"联系电话：{phone}", f"联系人：{ed()}"]
        else:
            L = ["公告", (f"{comp}拟于{ctx.pub_date.month}月{min(28, ctx.pub_date.day + 10)}日召开股东会，"
                          "请各股东准时参加。特此公告。"), f"电话：{phone}"]
        ctx.t("furniture: notice")
        out = []
        w = rng.randint(10, 20)
        for ln in L:
            while len(ln) > w:
                out.append(_runs(ln[:w], "furn"))
                ln = ln[w:]
            out.append(_runs(ln, "furn"))
        return out
    elif kind == "advert":
        b = rng.choice(BRANDS)
        L = [b + rng.choice(("酒业", "家居", "汽车", "电器", "药业", "乳业")), rng.choice(AD_LINES),
             f"咨询热线：{rng.choice(('400-', ctx.area + '-'))}{rng.randint(1000000, 9999999)}"]
        if rng.random() < 0.4:
            L.append(f"地址：{ctx.capital}市{rng.choice(DISTRICTS)}区{rng.choice(DISTRICTS)}路{rng.randint(1, 300)}号")
        ctx.t("furniture: advert")
    elif kind == "footer":
        L = [rng.choice((f"本报地址：{ctx.capital}市{rng.choice(DISTRICTS)}路{rng.randint(1, 99)}号 邮政编码：{ctx.post}001",
                         f"广告经营许可证：{ctx.cn[:2]}00004000{rng.randint(10, 99)} 零售价：1.50元",
                         f"新闻热线：{ctx.area}-{rng.randint(2000000, 8999999)} 印刷：{ctx.paper}印务中心"))]
        ctx.t("furniture: footer")
    return [_runs(x, "furn") for x in L]


# --------------------------------------------------------------------------------------------
# pages

class Builder:
    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.blocks: list[tuple[int, list[list]]] = []   # (owner, lines); owner -1 = furniture
        self.truth: list[TruthItem] = []

    def add_truth(self, t: TruthItem) -> int:
        self.truth.append(t)
        return len(self.truth) - 1

    def block(self, owner: int, lines: list[list]):
        if lines:
            self.blocks.append((owner, lines))

    def furn(self, kind: str, **kw):
        self.block(-1, furniture(self.ctx, kind, **kw))

    def caption(self, numbered: str = ""):
        art, lines = build_caption(self.ctx, numbered)
        tr = TruthItem("caption", "", "\n".join(t for t, _ in art.paras), list(dict.fromkeys(art.reporters)))
        self.block(self.add_truth(tr), lines)

    def article(self, art: Art, extra_between=None):
        ctx = self.ctx
        owner = self.add_truth(_article_truth(art))
        head = render_head(ctx, art) if (art.title_lines or art.kicker or art.subtitle or
                                         art.byline_pos in ("head_below", "head_above")) else []
        body = render_body(ctx, art)
        pos = art.position
        first, second = (body, head) if pos == AFTER else (head, body)
        self.block(owner, first)
        if extra_between and head:
            extra_between()
        self.block(owner, second)
        if head:
            ctx.t("headline printed " + ("after" if pos == AFTER else "before") + " its body")


def _pos(ctx: Ctx) -> str:
    if ctx.position == MIXED:
        return ctx.rng.choice((AFTER, BEFORE))
    return ctx.position


def _maybe_furn(b: Builder, p: float, kinds=("label", "qr", "series", "label")):
    if b.ctx.rng.random() < p:
        b.furn(b.ctx.rng.choice(kinds))


def _between(b: Builder):
    """Something falling between a headline and its body: a caption or (rarely) furniture."""
    rng = b.ctx.rng
    if rng.random() < 0.8:
        b.caption()
        b.ctx.t("caption between a headline and its body")
    else:
        b.furn(rng.choice(("label", "qr")))
        b.ctx.t("furniture between a headline and its body")


def _std_article(b: Builder, target: int, **kw):
    ctx = b.ctx
    rng = ctx.rng
    items = [ctx.pool.take(target // 2 if target > 400 else 0)]
    if target > 900 and kw.get("subheads"):
        while sum(len(p) for it in items for p in it["paragraphs"]) < target and len(items) < 6:
            items.append(ctx.pool.take(200))
    art, box = build_article(ctx, items, target, position=_pos(ctx), **kw)
    between = (lambda: _between(b)) if rng.random() < 0.07 else None
    b.article(art, between)
    if box is not None:
        box.position = _pos(ctx)
        b.article(box)


def page_front(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    if rng.random() < 0.7:
        b.furn("masthead")
    if rng.random() < 0.3:
        b.furn("weather")
    if rng.random() < 0.35:
        _maybe_furn(b, 1.0, ("series", "label"))
    _std_article(b, rng.randint(900, 2400), subheads=rng.random() < 0.7, allow_jump=rng.random() < 0.75,
                 note=rng.random() < 0.1, box=rng.random() < 0.15, local=True)
    n = rng.randint(2, 5)
    photo_at = rng.randrange(n + 1) if rng.random() < 0.75 else -1
    for k in range(n):
        if k == photo_at:
            b.caption()
        _maybe_furn(b, 0.18)
        _std_article(b, rng.randint(150, 900), allow_jump=rng.random() < 0.12, local=True)
    if photo_at == n:
        b.caption()
    if rng.random() < 0.45:
        b.furn("index")
    if rng.random() < 0.3:
        b.furn("footer")
    if rng.random() < 0.3:
        b.furn("editor")


def page_news(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    no = rng.choice((2, 2, 3, 4))
    name = rng.choice(("要闻", "要闻", "综合", "时政"))
    if rng.random() < 0.75:
        b.furn("banner", page_no=no, page_name=name)
    nc = rng.choice((0, 1, 1, 1, 2))
    conts = rng.sample(range(5), nc)
    n = rng.randint(2, 6)
    for k in range(n):
        _maybe_furn(b, 0.15)
        if k in conts:
            items = [ctx.pool.take(400)]
            art, _ = build_article(ctx, items, rng.randint(300, 1500), position=_pos(ctx), continuation=True,
                                   subheads=rng.random() < 0.4)
            b.article(art)
        elif rng.random() < 0.08:
            items = [ctx.pool.take(500)]
            art, _ = build_article(ctx, items, 2000, position=_pos(ctx), qa=True)
            b.article(art)
        else:
            _std_article(b, rng.randint(150, 1300), subheads=rng.random() < 0.25, box=rng.random() < 0.07,
                         note=rng.random() < 0.04)
        if rng.random() < 0.2:
            b.caption()
    if rng.random() < 0.2:
        b.furn(rng.choice(("advert", "notice")))
    if rng.random() < 0.55:
        b.furn("editor")


def page_county(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    no = rng.randint(5, 11)
    if rng.random() < 0.8:
        b.furn("banner", page_no=no, page_name=rng.choice(("市县新闻", "市县", "地方", "区域经济", "县域")))
    if rng.random() < 0.5:
        _maybe_furn(b, 1.0, ("label",))
    n = rng.randint(3, 7)
    for k in range(n):
        _maybe_furn(b, 0.14, ("label", "label", "qr"))
        _std_article(b, rng.randint(120, 700), local=True, box=rng.random() < 0.04,
                     width=rng.randint(8, 16) if rng.random() < 0.6 else None)
        if rng.random() < 0.17:
            b.caption()
    if rng.random() < 0.3:
        b.furn(rng.choice(("advert", "notice", "notice")))
    if rng.random() < 0.5:
        b.furn("editor")


def page_briefs(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    if rng.random() < 0.7:
        b.furn("banner", page_no=rng.randint(2, 12), page_name=rng.choice(("综合", "新闻", "市县新闻")))
    if rng.random() < 0.8:
        b.block(-1, [_runs(rng.choice(("·简讯·", "简讯", "新闻速览", "市县简讯", "本省简讯", "短讯")), "furn")])
        ctx.t("furniture: column label")
    n = rng.randint(8, 14)
    w = rng.randint(9, 20)
    for k in range(n):
        items = [ctx.pool.take(60)]
        art, _ = build_article(ctx, items, 250, position=_pos(ctx), brief=True, width=w)
        b.article(art)
        if rng.random() < 0.05:
            _maybe_furn(b, 1.0, ("qr", "label"))
    if rng.random() < 0.25:
        b.caption()
    if rng.random() < 0.4:
        b.furn("editor")


def page_feature(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    if rng.random() < 0.7:
        b.furn("banner", page_no=rng.randint(3, 12), page_name=rng.choice(("深度", "特别报道", "聚焦", "调查")))
    if rng.random() < 0.4:
        b.furn("series")
    ncap = rng.randint(0, 3)
    capfirst = rng.random() < 0.5
    if capfirst:
        for k in range(ncap):
            b.caption()
    _std_article(b, rng.randint(1500, 3000), subheads=True, note=rng.random() < 0.35, box=rng.random() < 0.6,
                 local=True)
    if not capfirst:
        for k in range(ncap):
            b.caption()
    if rng.random() < 0.5:
        _std_article(b, rng.randint(150, 600))
    if rng.random() < 0.5:
        b.furn("editor")


def page_photo(b: Builder):
    ctx = b.ctx
    rng = ctx.rng
    if rng.random() < 0.7:
        b.furn("banner", page_no=rng.randint(4, 12), page_name=rng.choice(("图片新闻", "视觉", "摄影")))
    if rng.random() < 0.5:
        b.furn("label")
    n = rng.randint(3, 6)
    numbered = rng.random() < 0.3
    for k in range(n):
        b.caption(f"图{'①②③④⑤⑥'[k]}：" if numbered else "")
        if rng.random() < 0.3:
            _std_article(b, rng.randint(100, 400), width=rng.randint(10, 22))
    if rng.random() < 0.5:
        _std_article(b, rng.randint(200, 700))
    if rng.random() < 0.4:
        b.furn("editor")


PAGE_KINDS = ((page_front, 0.3), (page_news, 0.24), (page_county, 0.2), (page_briefs, 0.11),
              (page_feature, 0.09), (page_photo, 0.06))


def _pick_kind(rng):
    r = rng.random()
    acc = 0.0
    for f, p in PAGE_KINDS:
        acc += p
        if r < acc:
            return f
    return PAGE_KINDS[-1][0]


# --------------------------------------------------------------------------------------------
# text-layer transforms and the self-check

_HAS_ALNUM = re.compile(r"[0-9A-Za-z]")


def _space_digits(line: list, p: float, p_dl: float, rng) -> list:
    out = []
    n = len(line)
    i = 0
    while i < n:
        ch, role = line[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < n and line[j][0].isascii() and (line[j][0].isalnum() or line[j][0] in ".%"):
                j += 1
            prob = p_dl if role in ("dateline", "dateline_by") else (p * 0.4 if role in HEAD_ROLES else p)
            if role != "furn" and rng.random() < prob:
                before = i > 0 and _is_cjk_word(line[i - 1][0])
                after = j < n and _is_cjk_word(line[j][0])
                if rng.random() < 0.12:
                    if rng.random() < 0.5:
                        before = False
                    else:
                        after = False
                if before:
                    out.append((" ", "ws"))
                out.extend(line[i:j])
                if after:
                    out.append((" ", "ws"))
            else:
                out.extend(line[i:j])
            i = j
            continue
        out.append(line[i])
        i += 1
    return out


def _letter_space(line: list) -> list:
    toks: list[list] = []
    lead = []
    for ch, role in line:
        if ch.isspace():
            if not toks:
                lead.append((ch, role))
            continue
        if toks and ch.isascii() and toks[-1][-1][0].isascii():
            toks[-1].append((ch, role))
        else:
            toks.append([(ch, role)])
    out = lead
    for k, t in enumerate(toks):
        out.extend(t)
        if k < len(toks) - 1 and t[-1][0] not in PUNCT:
            out.append((" ", "ws"))
    return out


def _check(lines: list, truth: list[TruthItem]):
    got: dict = {}
    for owner, ln, _, roles in lines:
        if owner is None:
            continue
        for ch, role in ln:
            if role != "ws" and not ch.isspace():
                got.setdefault((owner, role), []).append(ch)
        if roles & HEAD_ROLES:
            assert roles <= HEAD_ROLES or roles <= {"furn"}, f"headline roles mixed on a line: {roles}"
            assert len(roles - {"mark"}) <= 1, f"two headline roles on one line: {roles}"
        assert not ("byline" in roles and len(roles) > 1), f"byline mixed on a line: {roles}"

    def g(o, r):
        return "".join(got.get((o, r), []))

    def ns(s):
        return re.sub(r"\s+", "", s)

    for o, t in enumerate(truth):
        assert ns(t.title) == g(o, "title"), (o, t.title, g(o, "title"))
        assert ns(t.kicker) == g(o, "kicker"), (o, t.kicker, g(o, "kicker"))
        assert ns(t.subtitle) == g(o, "subtitle"), (o, t.subtitle, g(o, "subtitle"))
        assert ns(t.dateline) == g(o, "dateline"), (o, t.dateline, g(o, "dateline"))
        assert ns(t.body) == g(o, "body"), (o, t.body[:60], g(o, "body")[:60])
        assert t.body.strip(), ("empty body", o)
        credits = g(o, "byline") + g(o, "dateline_by") + g(o, "credit") + (g(o, "body") if t.kind == "caption" else "")
        for r in t.reporters:
            assert r in credits, (o, r, credits)
        if t.continued_to:
            assert f"下转第{t.continued_to}版" in g(o, "jump"), (o, t.continued_to)
        if t.kind == "caption":
            assert not t.title and not t.kicker and not t.subtitle and not t.dateline


def _compose(b: Builder) -> tuple[str, list[TruthItem]]:
    ctx = b.ctx
    rng = ctx.rng
    flat: list[tuple] = []   # (owner or None for blank, line)

    def blank():
        if flat and flat[-1][0] is not None:
            flat.append((None, []))

    for n, (owner, lines) in enumerate(b.blocks):
        if n > 0 and rng.random() < ctx.between_blank:
            blank()
        for ln in lines:
            if not ln:
                blank()
            else:
                flat.append((owner, ln))
    while flat and flat[-1][0] is None:
        flat.pop()
    # text-layer habits
    out = []
    nls = 0
    for owner, ln in flat:
        if owner is None:
            out.append((None, ln))
            continue
        if (ctx.digit_space or ctx.digit_space_dl) and _HAS_ALNUM.search("".join([c for c, _ in ln])):
            ln = _space_digits(ln, ctx.digit_space, ctx.digit_space_dl, rng)
        if ctx.letter_space and (
                (owner >= 0 and len(ln) >= 5 and rng.random() < ctx.letter_space)
                or (owner == -1 and len(ln) <= 6 and rng.random() < 0.3)):
            ln = _letter_space(ln)
            nls += 1
        out.append((owner, ln))
    if nls:
        ctx.t("letter-spaced line", nls)
    # reading order = order of first printed line
    first: dict[int, int] = {}
    for k, (owner, ln) in enumerate(out):
        if owner is not None and owner >= 0 and owner not in first:
            first[owner] = k
    order = sorted(first, key=first.get)
    remap = {o: n for n, o in enumerate(order)}
    truth = [b.truth[o] for o in order]
    info = []
    for o, ln in out:
        if o is not None and o >= 0:
            o = remap[o]
        info.append((o, ln, "".join([c for c, _ in ln]).rstrip(), {r for c, r in ln if r != "ws" and not c.isspace()}))
    _check(info, truth)
    _post_traits(ctx, info)
    texts = [x[2] for x in info]
    if ctx.blank_mode == "none":
        texts = [t for t in texts if t.strip()]
        ctx.t("page without blank lines")
    elif ctx.blank_mode == "double":
        texts = [x for t in texts for x in (t, "")]
        ctx.t("page with a blank line after every line")
    return "\n".join(texts) + "\n", truth


_SPACED_DIGIT = re.compile(r"\d [^\d\s]|[^\d\s] \d")


def _post_traits(ctx: Ctx, out: list):
    prev_s = prev_roles = None
    prev_owner = None
    blank_since = False
    for owner, ln, s, roles in out:
        if owner is None:
            blank_since = True
            continue
        if owner >= 0 and " " in s and _SPACED_DIGIT.search(s):
            ctx.t("line with spaced digits")
        if prev_s is not None and prev_owner == owner:
            if "dateline" in prev_roles and ("dateline" in roles or "dateline_by" in roles):
                ctx.t("dateline or its byline split across lines" + (" by a column break" if blank_since else ""))
            ps = prev_s.rstrip()
            st = s.lstrip()
            if ps and st and ps[-1] in "0123456789." and st[0] in "0123456789.%" and "body" in roles:
                ctx.t("figure split across lines")
        prev_s, prev_roles, prev_owner, blank_since = s, roles, owner, False


# --------------------------------------------------------------------------------------------
# public entry points

_FORCE_KIND = ""   # --kind (eyeballing only)


def _generate(n: int, position: str = AFTER, seed: int = 0, items=None, date_range=None):
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    if items is None:
        items = _load_items()
    if date_range:
        lo, hi = date_range
        items = [it for it in items if lo <= str(it.get("date", "")) <= hi]
    prep = _prepare(items)
    if not prep["dates"]:
        raise ValueError("no usable items")
    pages, traits = [], []
    for i in range(n):
        rng = random.Random(f"pagegen_j:{seed}:{position}:{i}")
        pool = _Pool(rng, prep)
        ctx = Ctx(rng, pool, position)
        b = Builder(ctx)
        kind = _pick_kind(rng)
        if _FORCE_KIND:
            kind = globals()["page_" + _FORCE_KIND]
        ctx.t("page: " + kind.__name__[5:])
        kind(b)
        if not b.truth:
            _std_article(b, 300)
        if len(b.blocks) > 3 and b.blocks[0][0] == -1 and rng.random() < 0.22:
            # the text layer put the page banner (or masthead) further down, between two blocks
            blk = b.blocks.pop(0)
            b.blocks.insert(rng.randrange(1, len(b.blocks)), blk)
            ctx.t("top furniture printed further down the page")
        text, truth = _compose(b)
        pages.append(Page(text, truth, position))
        traits.append(ctx.traits)
    return pages, traits


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    return _generate(n, position, seed, items, date_range)[0]


def _show(pages: list[Page]):
    for k, p in enumerate(pages):
        print(f"===== page {k} ({p.position}) =====")
        print(p.text)
        print(f"----- truth ({len(p.truth)}) -----")
        for t in p.truth:
            print(f"[{t.kind}] title={t.title!r} kicker={t.kicker!r} subtitle={t.subtitle!r} "
                  f"dateline={t.dateline!r} reporters={t.reporters} continued_to={t.continued_to}")
            body = t.body if len(t.body) < 240 else t.body[:200] + " [...] " + t.body[-30:]
            print("    " + body.replace("\n", "\n    "))
        print()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N pages with their truth")
    ap.add_argument("--traits", type=int, default=0, help="count traits over N pages per position")
    ap.add_argument("--check", type=int, default=0, help="generate N pages per position (self-check runs), time them")
    ap.add_argument("--position", default=AFTER, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kind", default="", help="with --show: only pages of this kind (front, news, county, "
                    "briefs, feature, photo), for eyeballing")
    a = ap.parse_args(argv)
    global _FORCE_KIND
    _FORCE_KIND = a.kind if a.show else ""
    if a.show:
        _show(generate_pages(a.show, a.position, a.seed))
    if a.traits:
        items = _load_items()
        cols = {}
        for pos in POSITIONS:
            _, tr = _generate(a.traits, pos, a.seed, items)
            pages_with: dict[str, int] = {}
            total: dict[str, int] = {}
            for t in tr:
                for k, v in t.items():
                    pages_with[k] = pages_with.get(k, 0) + 1
                    total[k] = total.get(k, 0) + v
            cols[pos] = (pages_with, total)
        keys = sorted(set().union(*[set(c[0]) for c in cols.values()]))
        print(f"pages with the trait (occurrences), {a.traits} pages per position, seed {a.seed}")
        print("| trait | " + " | ".join(POSITIONS) + " |")
        print("|---|" + "---:|" * len(POSITIONS))
        for k in keys:
            print(f"| {k} | " + " | ".join(f"{cols[p][0].get(k, 0)} ({cols[p][1].get(k, 0)})" for p in POSITIONS) + " |")
    if a.check:
        items = _load_items()
        for pos in POSITIONS:
            t0, c0 = time.perf_counter(), time.process_time()
            pages = generate_pages(a.check, pos, a.seed, items)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            na = sum(1 for p in pages for t in p.truth if t.kind == "article")
            nc = sum(1 for p in pages for t in p.truth if t.kind == "caption")
            nch = sum(len(p.text) for p in pages)
            print(f"{pos}: {a.check} pages, self-check passed; {na} articles, {nc} captions, "
                  f"{nch / a.check:.0f} chars/page; {1000 * cpu / a.check:.2f} ms CPU/page "
                  f"({1000 * wall / a.check:.2f} ms wall)")
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not (a.show or a.traits or a.check):
        ap.print_help()


if __name__ == "__main__":
    sys.exit(main())
