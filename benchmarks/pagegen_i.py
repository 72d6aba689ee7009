"""Page generator i: front and news pages (要闻版) of national and provincial party dailies.

Written blind from the written spec and one real page: it makes newspaper pages as a PDF's text
layer gives them, with their ground truth, from xwlb news items. Every printed character is
tracked with the item and the role it belongs to, and every page is checked: what the truth says
(title, kicker, subtitle, body, dateline, reporters, jump) is what was printed for it.

    python benchmarks/pagegen_i.py --show 3         # pages with their truth
    python benchmarks/pagegen_i.py --traits 300     # how often each trait occurs, per position
    python benchmarks/pagegen_i.py --check 1000     # build and check pages, report failures and ms/page

Standard library only. Page i depends only on (seed, position, i) and the items.
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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AFTER, BEFORE, MIXED = "after", "before", "mixed"
POSITIONS = (AFTER, BEFORE, MIXED)   # headline block after / before its body, or mixed per article


@dataclass
class TruthItem:
    kind: str                  # "article" or "caption"
    title: str                 # the title as printed, whitespace removed, lines joined ("" when none)
    body: str                  # paragraphs joined by "\n" (no dateline, byline, jump, headline)
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
# Word lists (written for this generator; nothing here comes from the shared material)
# ---------------------------------------------------------------------------------------------

_SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢"
             "蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟"
             "龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂"
             "焦向柳邢骆岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查"
             "屈鲍位覃霍翁隋甘景单包司柏宁柯阮闵解强柴华车冉房边")
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "公孙", "尉迟")
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红玲飞鹏斌宇浩凯健俊帆帅旭宁龙林欣"
          "阳晨晓梅雪琳颖倩婷瑶璐佳慧思雨然博文轩子涵一诺嘉泽睿航鑫坤毅峰岩松柏青川江海波宏志建国"
          "新春秋冬德荣昌盛兴福祥瑞安康乐怡悦蕾薇莹菲露清源远达辉亮光耀锋琦珂瑜璇彤蔚岚昊晗奕萱铭"
          "哲宸钰熙扬韬骏驰彬蓓茜蓉菁卓凡舟晖炜琛璟沛霖澜溪渊朗逸轶珺岑芸苒")

_CITIES = ["北京", "上海", "天津", "重庆", "石家庄", "唐山", "保定", "邯郸", "秦皇岛", "张家口", "呼和浩特", "包头", "鄂尔多斯", "沈阳", "大连", "鞍山", "锦州", "长春", "吉林", "延吉", "哈尔滨", "齐齐哈尔", "牡丹江", "南京", "苏州", "无锡", "常州", "徐州", "扬州", "南通", "杭州", "宁波", "温州", "绍兴", "金华", "湖州", "合肥", "芜湖", "蚌埠", "安庆", "黄山", "福州", "厦门", "泉州", "漳州", "南昌", "赣州", "九江", "景德镇", "济南", "青岛", "烟台", "潍坊", "淄博", "临沂", "郑州", "洛阳", "开封", "南阳", "许昌", "武汉", "宜昌", "襄阳", "荆州", "十堰", "长沙", "株洲", "湘潭", "岳阳", "常德", "广州", "深圳", "珠海", "佛山", "东莞", "汕头", "湛江", "南宁", "柳州", "桂林", "北海", "海口", "三亚", "成都", "绵阳", "宜宾", "南充", "乐山", "贵阳", "遵义", "六盘水", "昆明", "大理", "曲靖", "丽江", "拉萨", "日喀则", "西安", "宝鸡", "延安", "汉中", "兰州", "天水", "酒泉", "西宁", "格尔木", "银川", "石嘴山", "乌鲁木齐", "喀什", "伊宁", "克拉玛依"]
_FOREIGN = ["华盛顿", "纽约", "莫斯科", "伦敦", "巴黎", "柏林", "东京", "首尔", "日内瓦", "布鲁塞尔", "开罗", "内罗毕", "新德里", "曼谷", "雅加达", "河内", "万象", "金边", "阿斯塔纳", "塔什干", "利雅得", "迪拜", "圣保罗", "巴西利亚", "墨西哥城", "悉尼", "惠灵顿", "维也纳", "罗马", "马德里", "联合国"]

_PAPERS = ["江淮日报", "北方日报", "南疆日报", "东海日报", "西部日报", "中州日报", "湘江日报", "燕赵日报", "齐鲁日报", "巴蜀日报", "黔中日报", "滇池日报", "陇原日报", "塞上日报", "天山日报", "长白日报", "龙江日报", "闽江日报", "赣江日报", "珠江日报", "八桂日报", "琼州日报", "三秦日报", "关东日报", "太行日报", "华夏日报", "神州日报", "光华日报", "时代日报", "东方日报"]
_NATIONAL = ["华夏日报", "神州日报", "光华日报", "时代日报", "东方日报"]

_INST_PROV = ["省统计局", "省发展改革委", "省商务厅", "省农业农村厅", "省交通运输厅", "省生态环境厅", "省文化和旅游厅", "省教育厅", "省卫生健康委", "省住房城乡建设厅", "省工业和信息化厅", "省水利厅", "省市场监管局", "省人社厅", "省科技厅", "省应急管理厅", "省自然资源厅", "省医保局", "省税务局", "省公安厅", "市委宣传部", "市政府新闻办", "市发展改革委", "市商务局", "省政府新闻办", "省能源局", "省林草局", "省数据局", "省气象局", "省国资委"]
_INST_NAT = ["国家统计局", "国家发展改革委", "商务部", "农业农村部", "交通运输部", "国家能源局", "工业和信息化部", "国家林草局", "水利部", "国家医保局", "教育部", "科技部", "生态环境部", "文化和旅游部", "国家数据局", "海关总署"]

_KICKERS = ["奋进新征程 建功新时代", "高质量发展调研行", "一线见闻", "新春走基层", "项目建设一线",
            "民生实事进行时", "看变化·谈发展", "基层治理新观察", "乡村振兴在行动", "深化改革 激发活力",
            "学思践悟", "产业观察", "特别报道", "开局之年看新气象", "数说成就", "创新驱动 转型升级",
            "营商环境再优化", "绿色发展新答卷", "文化强省建设进行时", "蹲点调研", "锚定目标 奋勇争先",
            "稳中求进 以进促稳", "经济新方位", "权威发布", "聚焦新质生产力", "美丽家园建设",
            "奋力谱写现代化建设新篇章", "县域经济新观察", "走进重点实验室", "一线传真", "大国工匠",
            "奋斗者 正青春", "家门口的新变化", "沿着总书记的足迹", "在习近平新时代中国特色社会主义思想指引下",
            "今日关注", "新时代 新气象 新作为", "改革攻坚进行时", "我们的新时代", "见证·变迁",
            "落实全会精神 推动高质量发展", "重大项目巡礼", "强信心 稳增长", "幸福答卷"]
_TOPICS = ["推进乡村全面振兴", "优化营商环境", "加快产业转型升级", "建设美丽家园", "守护一方平安",
           "推动文旅融合发展", "打造科技创新高地", "做好民生保障", "促进高质量充分就业", "深化国资国企改革",
           "推进城市更新", "加强生态保护修复", "发展县域经济", "培育新兴产业集群", "提升基层治理效能",
           "建设现代化交通网络", "扩大高水平对外开放", "激发民营经济活力", "推进教育强省建设"]
_EVENTS = ["全省民营经济大会召开", "新学期开学", "首届产业博览会开幕", "科技活动周启动", "秋粮收获",
           "国际消费季开幕", "新春佳节到来", "重大项目集中开工", "全会胜利召开一周年", "丰收节来临"]
_SUB_TPL = ["——{reg}{topic}纪实", "——写在{event}之际", "——来自{city}的蹲点报告", "——{reg}{topic}工作综述",
            "——访{inst}主要负责人", "——{topic}系列观察之{num}", "——{reg}扎实推进{topic}",
            "{reg}{topic}取得新成效", "——{city}{topic}的探索与实践", "{reg}多措并举{topic}"]
_NUMS = "一二三四五六七八九十"

_VENUES = ["工业园区", "高铁站", "港口码头", "智能制造车间", "现代农业示范园", "社区服务中心", "中学校园",
           "博物馆", "旅游景区", "新能源汽车生产线", "物流园区", "农贸市场", "水利工地", "光伏电站", "科技馆",
           "示范村", "茶园", "稻田", "果园", "数据中心", "非遗工坊", "体育馆", "养老服务中心", "城市公园",
           "高速公路建设工地", "机场航站楼", "湿地公园", "老街"]
_ACTS = ["工人在生产线上忙碌", "村民在晾晒刚收获的玉米", "游客在参观游览", "志愿者为居民提供义诊服务",
         "学生在体验传统技艺", "技术人员在调试设备", "农户在采摘成熟的果实", "市民在选购新鲜蔬菜",
         "施工人员在加紧作业", "小朋友在参加科普活动", "运动员在进行训练", "工作人员在检查线路",
         "老人在参加文艺活动", "快递员在分拣包裹", "茶农在采摘秋茶", "农机手驾驶收割机收割水稻",
         "一列动车组列车驶过大桥", "货轮在装卸集装箱", "市民在健身步道上锻炼", "孩子们在图书馆里阅读"]
_CAP_TITLES = ["金秋田野丰收忙", "车间里的新动能", "家门口的幸福", "非遗焕新彩", "秋色正浓", "港口作业忙",
               "夜经济点亮城市", "科普进校园", "银龄乐享生活", "新能源 新活力", "一线建设者", "安全护航",
               "书香满城", "冬日暖阳", "绿意盎然"]
_ORGS = ["{city}市委宣传部", "{city}市文旅局", "{city}融媒体中心", "{city}市农业农村局", "受访单位",
         "{city}市委组织部", "{city}市交通运输局", "景区管委会"]

_LABELS = ["·简讯·", "简讯", "要闻速览", "新闻速递", "本报评论", "评论员文章", "今日谈", "时评", "图片新闻",
           "记者观察", "一线传真", "权威发布", "综合新闻", "国内要闻", "本省新闻", "经济观察", "民生",
           "声音", "短评", "快讯", "本地要闻", "视点"]
_BRIEF_LABELS = ["·简讯·", "简讯", "要闻速览", "新闻速递", "快讯", "■简讯", "一周要闻", "综合新闻", "资讯"]
_COMMENT_LABELS = ["本报评论", "评论员文章", "今日谈", "时评", "短评", "观点", "评论"]
_BOX_LABELS = ["记者手记", "相关链接", "延伸阅读", "背景链接", "新闻链接", "记者观察", "数读", "小贴士"]
_SOURCES = ["人民网", "新华网", "央视新闻客户端", "中国政府网", "光明网", "中国新闻网", "经济日报", "学习强国"]
_QR = ["扫码看视频", "扫一扫 看详情", "扫描二维码 阅读全文", "扫码关注{paper}客户端", "▲扫码收看",
       "更多精彩 扫码查看", "手机扫一扫 新闻随身看", "扫码看更多图片"]
_ROADS = ["建设路", "解放路", "人民路", "和平路", "中山路", "文化路", "新华路", "胜利街", "迎宾大道", "长江路"]
_BRANDS = ["恒达", "宏远", "鑫源", "瑞丰", "华信", "金桥", "博雅", "同创", "众诚", "天和"]
_WEATHER = ["晴", "多云", "晴转多云", "阴", "小雨", "阴转小雨", "多云转晴", "雷阵雨", "小雪"]
_WEEK = "一二三四五六日"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LUNAR_M = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"]
_LUNAR_D = (["初" + c for c in "一二三四五六七八九十"] + ["十" + c for c in "一二三四五六七八九"]
            + ["二十"] + ["廿" + c for c in "一二三四五六七八九"] + ["三十"])

_CLOSE = set("，。、；：？！）”》’】…")
_OPEN = set("（“《‘【")
_HALFABLE = set("，。、；：？！（）“”‘’《》")
_PUNCT_ALL = set("，。、；：？！（）“”‘’《》【】…—·")
_ZW = re.compile("[\u200b\u200c\u200d\ufeff]")
_WS = re.compile(r"\s+")


def _nows(s: str) -> str:
    return _WS.sub("", s)


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c == "〇"


def _clean(s: str) -> str:
    """Collapse whitespace: keep one space only between two ASCII letters/digits."""
    s = _ZW.sub("", s).strip()
    parts = _WS.split(s)
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if not p:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " " + p
        else:
            out += p
    return out


# ---------------------------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------------------------

_PREFIX = re.compile(r"^\s*央视网消息（新闻联播）：")


def _items_path() -> Path:
    env = os.environ.get("BRIEF_XWLB_ITEMS")
    if env:
        return Path(env)
    shared = os.environ.get("BRIEF_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parent.parent.parent / "shared"
    return base / "eval" / "xwlb" / "items-dev.jsonl.gz"


def load_items(path: str | Path | None = None) -> list[dict]:
    path = Path(path) if path else _items_path()
    opener = gzip.open if str(path).endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if d.get("is_roundup") or d.get("title") in (None, "", "undefined"):
                continue
            text = _PREFIX.sub("", d.get("text") or "")
            out.append({"title": d["title"], "paragraphs": text.split("\n"), "date": str(d.get("date", ""))})
    return out


def _pool(items: list[dict], date_range) -> list[dict]:
    lo, hi = (date_range or ("00000000", "99999999"))
    pool = []
    for d in items:
        date = str(d.get("date") or "")
        if date_range and not (lo <= date <= hi):
            continue
        title = _ZW.sub("", str(d.get("title") or "")).strip()
        if not title or title == "undefined":
            continue
        paras = [_clean(p) for p in (d.get("paragraphs") or [])]
        if "---" in paras:                      # the source's trailer: (更新时间戳 …)
            paras = paras[:paras.index("---")]
        paras = [p for p in paras if p and "更新时间戳" not in p]
        if paras:
            paras[0] = _PREFIX.sub("", paras[0])
        paras = [p for p in paras if len(p) >= 2]
        n = sum(len(p) for p in paras)
        if n < 12 or len(_nows(title)) < 4:
            continue
        pool.append({"title": " ".join(title.split()), "paras": paras, "date": date, "n": n})
    pool.sort(key=lambda x: (x["date"], x["title"], x["n"]))
    return pool


# ---------------------------------------------------------------------------------------------
# Page habits
# ---------------------------------------------------------------------------------------------

class _Habits:
    def __init__(self, rng: random.Random):
        r = rng
        self.r_digit = r.choice((0.0, 0.0, 0.1, 0.3, 0.5, 0.8, 1.0))
        self.p_ls = r.choice((0.0, 0.0, 0.0, 0.01, 0.03, 0.06, 0.1))
        self.indent = r.choices(("none", "fw", "sp2", "sp1", "lost"), (30, 20, 12, 8, 30))[0]
        self.p_para_blank = r.choice((0.0, 0.15, 0.5, 0.85, 1.0, 1.0))
        self.p_block_blank = r.choice((0.55, 0.8, 0.95, 1.0, 1.0))
        self.p_head_blank = r.choice((0.0, 0.15, 0.4, 0.75))
        self.p_title_gap = r.choice((0.0, 0.0, 0.05, 0.15, 0.35))
        self.p_sub_blank = r.choice((0.0, 0.3, 0.8))
        self.col_h = r.choice((5, 8, 12, 16, 22, 30, 45))
        self.p_wchange = r.choice((0.0, 0.1, 0.25, 0.45))
        self.punct_half = r.random() < 0.3
        self.kviol = r.choice((0.0, 0.0, 0.02, 0.08))
        self.hang = r.random() < 0.55
        self.base_w = r.randint(8, 22)
        self.w_spread = r.choice((0, 1, 2, 4))
        bm = r.random()
        self.blank_mode = "none" if bm < 0.05 else "double" if bm < 0.10 else "normal"
        self.double_keep = r.random() < 0.5
        self.dl_gap = r.choice(("", " ", " "))          # dateline → (记者 …)
        self.by_gap = r.choice(("", "", " "))           # (记者 …) → body
        self.digit_dates = r.random() < 0.9


# ---------------------------------------------------------------------------------------------
# Printable objects
# ---------------------------------------------------------------------------------------------

class _Art:
    """An article (or a caption) as planned: headline pieces, body paragraphs, extras."""

    def __init__(self, kind: str = "article"):
        self.kind = kind
        self.oid = -1
        self.kicker = ""
        self.kicker_lines: list[str] = []
        self.kicker_below = False
        self.title_lines: list[str] = []
        self.mark = ""
        self.mark_end = ""
        self.subtitle = ""
        self.subtitle_lines: list[str] = []
        self.byline_lines: list[str] = []
        self.byline_pos = "none"
        self.names: list[str] = []
        self.paras: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.mid: dict[int, list] = {}       # paragraph index → units printed before it (captions)
        self.jump = ""
        self.jump_own = False
        self.continued_to: str | None = None
        self.jumpfrom = ""
        self.jumpfrom_own = False
        self.credit = ""
        self.credit_own = False
        self.width = 14
        self.head_first = True
        self.indent = ""
        self.indent_units = 0.0
        self.dateline = ""
        self.inner: list = []                # units printed between headline and body
        # caption only
        self.cap_title = ""
        self.cap_text = ""
        self.cap_credit = ""
        self.cap_mode = "one"

    @property
    def has_head(self) -> bool:
        return bool(self.title_lines or self.kicker_lines or self.subtitle_lines
                    or self.byline_pos in ("above", "below"))

    def truth(self) -> TruthItem:
        if self.kind == "caption":
            body = (self.cap_title + "\n" if self.cap_title else "") + self.cap_text + " " + self.cap_credit
            return TruthItem("caption", "", body.strip(), list(self.names))
        body = "\n".join("".join(t for t, r in segs if r == "body") for _, segs in self.paras
                         if any(r == "body" for _, r in segs))
        return TruthItem("article", _nows("".join(self.title_lines)), body, list(dict.fromkeys(self.names)),
                         self.continued_to, self.kicker.strip(), self.subtitle.strip(), _nows(self.dateline))


class _Furn:
    def __init__(self, lines: list[str], kind: str):
        self.lines = [l for l in lines if l.strip()]
        self.kind = kind
        self.oid = -1


# ---------------------------------------------------------------------------------------------
# The page being built
# ---------------------------------------------------------------------------------------------

class _Sheet:
    def __init__(self, rng: random.Random, habits: _Habits, pool: list[dict], by_date: dict, dates: list,
                 position: str):
        self.rng = rng
        self.h = habits
        self.pool = pool
        self.position = position
        self.lines: list = []          # None (blank) or (chars, letter_spaced); chars: [(ch, tag)]
        self.pending = False
        self.width = habits.base_w
        self.col_left = 10
        self.traits: Counter = Counter()
        self.objs: list = []
        self.used_names: set = set()
        # the day of this page
        day = rng.choice(dates)
        idx = list(by_date[day])
        rng.shuffle(idx)
        self.queue = idx
        self.used: set = set()
        self.item_date = _dt.date(int(day[:4]), int(day[4:6]), int(day[6:8])) if day.isdigit() and len(day) == 8 \
            else _dt.date(2024, 1, 1) + _dt.timedelta(days=rng.randint(0, 700))
        self.page_date = self.item_date + _dt.timedelta(days=1)
        self.national = rng.random() < 0.3
        self.paper = rng.choice(_NATIONAL if self.national else _PAPERS)
        self.home = rng.choice(_CITIES)

    # -- items ------------------------------------------------------------------------------
    def take(self, min_paras: int = 1, min_len: int = 60) -> dict:
        rng = self.rng
        while self.queue:
            k = self.queue.pop()
            it = self.pool[k]
            if k not in self.used and len(it["paras"]) >= min_paras and it["n"] >= min_len:
                self.used.add(k)
                return it
        for _ in range(300):
            k = rng.randrange(len(self.pool))
            it = self.pool[k]
            if k not in self.used and len(it["paras"]) >= min_paras and it["n"] >= min_len:
                self.used.add(k)
                return it
        return self.pool[rng.randrange(len(self.pool))]

    # -- words ------------------------------------------------------------------------------
    def name(self) -> str:
        rng = self.rng
        for _ in range(20):
            s = rng.choice(_COMPOUND) if rng.random() < 0.03 else rng.choice(_SURNAMES)
            g = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.62 else "")
            n = s + g
            if n not in self.used_names:
                break
        self.used_names.add(n)
        return n

    def city(self) -> str:
        return self.home if self.rng.random() < 0.3 else self.rng.choice(_CITIES)

    def inst(self) -> str:
        return self.rng.choice(_INST_NAT if self.national and self.rng.random() < 0.6 else _INST_PROV)

    def md(self, d: _dt.date) -> str:
        return f"{d.month}月{d.day}日"

    def dl_date(self) -> _dt.date:
        r = self.rng.random()
        return self.item_date - _dt.timedelta(days=1 if r < 0.15 else 2 if r < 0.2 else 0)

    def fill(self, tpl: str) -> str:
        rng = self.rng
        reg = rng.choice(["我省", "全省", "我市", "{city}", "{city}市", "各地"])
        return (tpl.replace("{reg}", reg).replace("{city}", self.city()).replace("{topic}", rng.choice(_TOPICS))
                .replace("{event}", rng.choice(_EVENTS)).replace("{inst}", self.inst())
                .replace("{num}", rng.choice(_NUMS[:6])).replace("{paper}", self.paper))

    # -- low level printing -----------------------------------------------------------------
    def blank(self) -> None:
        self.pending = True

    def maybe_blank(self, p: float) -> None:
        if self.rng.random() < p:
            self.pending = True

    def push(self, chars: list, ls: bool = False) -> None:
        while chars and chars[-1][0].isspace():
            chars = chars[:-1]
        if not chars or all(c.isspace() for c, _ in chars):
            return
        if self.pending and self.lines and self.lines[-1] is not None:
            self.lines.append(None)
        self.pending = False
        self.lines.append((chars, ls))

    def append_last(self, chars: list) -> None:
        for k in range(len(self.lines) - 1, -1, -1):
            if self.lines[k] is not None:
                old, ls = self.lines[k]
                self.lines[k] = (old + chars, ls)
                return
        self.push(chars)

    def cw(self, c: str) -> float:
        if c < "\x80":
            return 0.5
        if self.h.punct_half and c in _HALFABLE:
            return 0.5
        return 1.0

    def col_len(self) -> int:
        h = self.h.col_h
        return self.rng.randint(max(2, h // 2), h + h // 2 + 1)

    def start_column(self) -> None:
        r = self.rng.random()
        if r < 0.12:
            self.col_left = 1
        elif r < 0.5:
            self.col_left = self.rng.randint(1, self.col_len())
        else:
            self.col_left = self.col_len()

    def colbreak(self) -> None:
        self.blank()
        self.col_left = self.col_len()
        if self.h.p_wchange and self.rng.random() < self.h.p_wchange:
            nw = max(8, min(22, self.width + self.rng.choice((-4, -3, -2, -1, 1, 2, 3, 4))))
            if nw != self.width:
                self.traits["width changes at a column break"] += 1
            self.width = nw

    def _toks(self, chars: list) -> list:
        out = []
        i, n = 0, len(chars)
        while i < n:
            c, t = chars[i]
            if c.isspace():
                out.append([[chars[i]], 0.5 if c == " " else 1.0, "s"])
                i += 1
            elif c < "\x80":
                j = i + 1
                while j < n and chars[j][0] < "\x80" and not chars[j][0].isspace() and chars[j][1] == t:
                    j += 1
                out.append([chars[i:j], 0.5 * (j - i), "a"])
                i = j
            else:
                out.append([[chars[i]], self.cw(c), "c" if c in _CLOSE else "o" if c in _OPEN else "h"])
                i += 1
        return out

    def _split(self, toks: list, i: int, k: int) -> None:
        cs = toks[i][0]
        toks[i:i + 1] = [[cs[:k], 0.5 * k, "a"], [cs[k:], 0.5 * (len(cs) - k), "a"]]

    def flow(self, chars: list, indent: str = "", first_units: float = 0.0, width: float | None = None,
             col: bool = True, allow_ls: bool = True) -> int:
        """Hard-wrap chars into lines of the current column width; returns the number of lines."""
        rng, h = self.rng, self.h
        toks = self._toks(chars)
        i, first, count = 0, True, 0
        while i < len(toks):
            while i < len(toks) and toks[i][2] == "s":
                i += 1
            if i >= len(toks):
                break
            W = float(width if width is not None else self.width)
            if first:
                W -= first_units
            ls = allow_ls and h.p_ls > 0 and rng.random() < h.p_ls
            if ls:
                W -= rng.choice((1.0, 1.5, 2.0, 3.0))
            W = max(W, 3.0)
            col_end = col and self.col_left <= 1
            line: list = []
            lw = 0.0
            while i < len(toks):
                tk = toks[i]
                tw = tk[1]
                if lw + tw <= W + 1e-6:
                    if (col_end and tk[2] == "a" and len(tk[0]) >= 2 and lw + tw > W - 2.5
                            and rng.random() < 0.45):
                        self._split(toks, i, rng.randint(1, len(tk[0]) - 1))
                        line.append(toks[i])
                        i += 1
                        break
                    line.append(tk)
                    lw += tw
                    i += 1
                    continue
                if not line:
                    if tk[2] == "a":
                        k = max(1, int((W - lw) / 0.5))
                        if k < len(tk[0]):
                            self._split(toks, i, k)
                    line.append(toks[i])
                    i += 1
                    break
                if tk[2] == "c" and h.hang and lw + tw <= W + 1.0 + 1e-6:
                    line.append(tk)
                    i += 1
                    break
                if tk[2] == "a" and len(tk[0]) >= 2 and col_end and rng.random() < 0.6:
                    k = int((W - lw) / 0.5)
                    if 1 <= k < len(tk[0]):
                        self._split(toks, i, k)
                        line.append(toks[i])
                        i += 1
                break
            # keep closing punctuation off the next line's start, opening punctuation off this end
            if i < len(toks) and len(line) > 1 and rng.random() >= h.kviol:
                while len(line) > 1 and i < len(toks) and toks[i][2] == "c":
                    line.pop()
                    i -= 1
                while len(line) > 1 and line[-1][2] == "o":
                    line.pop()
                    i -= 1
            while line and line[-1][2] == "s":
                line.pop()
            if not line:
                continue
            out = [c for tk in line for c in tk[0]]
            if first and indent:
                out = [(c, None) for c in indent] + out
            if ls and i >= len(toks):
                ls = False
            if ls:
                self.traits["letter-spaced lines"] += 1
            self.push(out, ls)
            count += 1
            first = False
            if col:
                self.col_left -= 1
                if self.col_left <= 0:
                    self.colbreak()
        return count

    # -- rendering --------------------------------------------------------------------------
    def render_line(self, chars: list, ls: bool) -> str:
        rng, h = self.rng, self.h
        units: list[str] = []
        i, n = 0, len(chars)
        while i < n:
            c = chars[i][0]
            if c < "\x80" and not c.isspace():
                j = i + 1
                while j < n and chars[j][0] < "\x80" and not chars[j][0].isspace():
                    j += 1
                units.append("".join(ch for ch, _ in chars[i:j]))
                i = j
            else:
                units.append(c)
                i += 1
        out: list[str] = []
        if ls:
            for k, u in enumerate(units):
                out.append(u)
                if (k + 1 < len(units) and not u.isspace() and not units[k + 1].isspace()
                        and u not in _PUNCT_ALL):
                    out.append(" ")
        else:
            for k, u in enumerate(units):
                if (h.r_digit and u[0] < "\x80" and not u.isspace() and any(ch.isdigit() for ch in u)
                        and rng.random() < h.r_digit):
                    if k > 0 and _is_han(units[k - 1][-1]):
                        out.append(" ")
                    out.append(u)
                    if k + 1 < len(units) and _is_han(units[k + 1][0]):
                        out.append(" ")
                    self.traits["spaces around ASCII digits"] += 1
                else:
                    out.append(u)
        return "".join(out).rstrip()

    def render(self) -> tuple[str, list]:
        rendered = [None if ln is None else self.render_line(*ln) for ln in self.lines]
        while rendered and rendered[-1] is None:
            rendered.pop()
        mode = self.h.blank_mode
        if mode == "none":
            text = "\n".join(r for r in rendered if r is not None)
        elif mode == "double":
            if self.h.double_keep:
                text = "\n\n".join("" if r is None else r for r in rendered)
            else:
                text = "\n\n".join(r for r in rendered if r is not None)
        else:
            text = "\n".join("" if r is None else r for r in rendered)
        return text + "\n", rendered

    # -- units ------------------------------------------------------------------------------
    def print_unit(self, u) -> None:
        if isinstance(u, _Furn):
            self.print_furn(u)
        elif u.kind == "caption":
            self.print_cap(u)
        else:
            self.print_art(u)

    def print_furn(self, f: _Furn) -> None:
        rng = self.rng
        self.maybe_blank(self.h.p_block_blank)
        for k, l in enumerate(f.lines):
            if k:
                self.maybe_blank(0.45)
            self.push([(c, (f.oid, "furn")) for c in l], ls=rng.random() < 0.06)
        self.maybe_blank(self.h.p_block_blank)

    def print_cap(self, a: _Art) -> None:
        rng = self.rng
        tag = (a.oid, "body")
        self.maybe_blank(self.h.p_block_blank)
        if a.cap_title:
            self.push([(c, tag) for c in a.cap_title])
            self.maybe_blank(0.3)
        text = [(c, tag) for c in a.cap_text]
        cred = [(c, tag) for c in a.cap_credit]
        sep = [(" ", None)] * rng.choice((1, 1, 2, 3))
        if a.cap_mode == "one":
            self.push(text + sep + cred)
        elif a.cap_mode == "own":
            if len(text) > 30:
                self.flow(text, width=rng.randint(20, 34), col=False, allow_ls=False)
            else:
                self.push(text)
            self.maybe_blank(0.3)
            self.push(cred)
        else:
            n = self.flow(text + sep + cred, width=a.width, col=False, allow_ls=False)
            if n > 1 and rng.random() < 0.45:
                self.lines.insert(len(self.lines) - 1, None)
                self.traits["caption credit broken off at a column end"] += 1
        self.maybe_blank(self.h.p_block_blank)

    def print_head(self, a: _Art) -> None:
        rng, h = self.rng, self.h
        self.maybe_blank(h.p_block_blank)
        groups: list[list[list]] = []
        by = [[(c, (a.oid, "byline")) for c in l] for l in a.byline_lines]
        if a.byline_pos == "above":
            groups.append(by)
        kick = [[(c, (a.oid, "kicker")) for c in l] for l in a.kicker_lines]
        if kick and not a.kicker_below:
            groups.append(kick)
        if a.title_lines:
            tl = [[(c, (a.oid, "title")) for c in l] for l in a.title_lines]
            if a.mark:
                tl[0] = [(c, (a.oid, "mark")) for c in a.mark] + tl[0]
            if a.mark_end:
                tl[-1] = tl[-1] + [(c, (a.oid, "mark")) for c in a.mark_end]
            groups.append(tl)
        if kick and a.kicker_below:
            groups.append(kick)
        if a.subtitle_lines:
            groups.append([[(c, (a.oid, "subtitle")) for c in l] for l in a.subtitle_lines])
        if a.byline_pos == "below":
            groups.append(by)
        for gi, g in enumerate(groups):
            if gi:
                self.maybe_blank(h.p_head_blank)
            for li, l in enumerate(g):
                if li:
                    self.maybe_blank(h.p_title_gap)
                self.push(l, ls=h.p_ls > 0 and len(l) <= 10 and rng.random() < h.p_ls / 2)
        self.maybe_blank(h.p_block_blank)

    def print_body(self, a: _Art) -> None:
        rng, h = self.rng, self.h
        self.width = a.width
        self.start_column()
        self.maybe_blank(h.p_block_blank)
        if a.byline_pos == "top":
            for l in a.byline_lines:
                self.flow([(c, (a.oid, "byline")) for c in l], allow_ls=False)
            self.maybe_blank(0.5)
        if a.jumpfrom and a.jumpfrom_own:
            self.push([(c, (a.oid, "jumpfrom")) for c in a.jumpfrom])
        for pi, (ptype, segs) in enumerate(a.paras):
            for u in a.mid.get(pi, ()):
                self.blank()
                self.print_unit(u)
                self.blank()
                self.width = a.width
                self.start_column()
            chars = []
            if pi == 0 and a.jumpfrom and not a.jumpfrom_own:
                chars += [(c, (a.oid, "jumpfrom")) for c in a.jumpfrom]
            for text, role in segs:
                tag = None if role is None else (a.oid, role)
                chars += [(c, tag) for c in text]
            if ptype in ("sub", "label"):
                self.maybe_blank(h.p_sub_blank)
                self.flow(chars, allow_ls=False)
                self.maybe_blank(h.p_sub_blank)
            else:
                self.flow(chars, a.indent, a.indent_units)
            if pi + 1 < len(a.paras):
                self.maybe_blank(h.p_para_blank)
        if a.credit:
            cc = [(c, (a.oid, "credit")) for c in a.credit]
            if a.credit_own:
                self.push(cc)
            else:
                self.append_last([(" ", None)] * rng.choice((0, 1, 1, 2)) + cc)
        if a.jump:
            jc = [(c, (a.oid, "jump")) for c in a.jump]
            if a.jump_own:
                self.push(jc)
            else:
                self.append_last([(" ", None)] * rng.choice((1, 1, 2, 4)) + jc)
        self.maybe_blank(h.p_block_blank)

    def print_art(self, a: _Art) -> None:
        if a.head_first:
            if a.has_head:
                self.print_head(a)
            for u in a.inner:
                self.print_unit(u)
            self.print_body(a)
        else:
            self.print_body(a)
            for u in a.inner:
                self.print_unit(u)
            if a.has_head:
                self.print_head(a)


# ---------------------------------------------------------------------------------------------
# Planning: headlines, openings, bodies
# ---------------------------------------------------------------------------------------------

def _top_positions(s: str, sub: str) -> list[int]:
    """Positions of sub in s outside 《》 and “” pairs."""
    out, depth, i = [], 0, 0
    while i < len(s):
        c = s[i]
        if c in "《“（":
            depth += 1
        elif c in "》”）":
            depth = max(0, depth - 1)
        elif depth == 0 and s.startswith(sub, i):
            out.append(i)
            i += len(sub)
            continue
        i += 1
    return out


def _split_top(s: str, sep: str) -> list[str]:
    out, last = [], 0
    for p in _top_positions(s, sep):
        out.append(s[last:p].strip())
        last = p + len(sep)
    out.append(s[last:].strip())
    return out


def _shorten(rng: random.Random, t: str, limit: int = 30) -> str:
    if len(_nows(t)) <= limit:
        return t
    cuts = [p for p in _top_positions(t, " ") + _top_positions(t, "，") + _top_positions(t, "：")
            if 5 <= p <= limit]
    if cuts:
        return t[:max(cuts)].strip()
    return t


def _break_text(rng: random.Random, s: str, n: int, prefer_space: bool = True) -> list[str]:
    """Break s into n printed lines, anywhere (also mid-word), never starting a line with closing
    punctuation or a space."""
    s = s.strip()
    if n <= 1 or len(s) < 4:
        return [s]
    spaces = _top_positions(s, " ")
    if n == 2 and spaces and prefer_space and rng.random() < 0.6:
        p = rng.choice(spaces)
        return [s[:p].strip(), s[p:].strip()]
    cuts: set[int] = set()
    gap = 2 if rng.random() < 0.15 else 3
    for _ in range(n - 1):
        for _ in range(10):
            if rng.random() < 0.5:
                p = int(len(s) * (len(cuts) + 1) / n) + rng.randint(-2, 2)
            else:
                p = rng.randint(2, len(s) - 2)
            p = max(2, min(len(s) - 2, p))
            while p < len(s) - 1 and (s[p] in _CLOSE or s[p] == " " or s[p - 1] in _OPEN
                                      or s[p - 1:p + 1] == "——" or s[:p].strip("—") == ""):
                p += 1
            if (gap <= p <= len(s) - gap and all(abs(p - c) >= gap for c in cuts) and s[p] not in _CLOSE
                    and s[p - 1] not in _OPEN and s[p - 1:p + 1] != "——"):
                cuts.add(p)
                break
    pieces, last = [], 0
    for p in sorted(cuts):
        pieces.append(s[last:p])
        last = p
    pieces.append(s[last:])
    pieces = [x.strip() for x in pieces if x.strip()]
    return pieces


def _n_lines(rng: random.Random, s: str) -> int:
    L = len(_nows(s))
    if L <= 9:
        return rng.choices((1, 2), (90, 10))[0]
    if L <= 18:
        return rng.choices((1, 2, 3), (58, 37, 5))[0]
    return rng.choices((1, 2, 3), (30, 52, 18))[0]


def _invent_kicker(S: _Sheet) -> str:
    rng = S.rng
    r = rng.random()
    if r < 0.55:
        return rng.choice(_KICKERS)
    if r < 0.75:
        return S.inst() + "——"
    if r < 0.88:
        return S.city() + rng.choice(("——", "：", ""))
    return rng.choice(_KICKERS) + rng.choice(("之", "·")) + rng.choice(_NUMS[:8])


def _main_title(raw: str, limit: int = 30) -> str:
    """The main title of an xwlb title: no column tag, no 强调 kicker, no —— subtitle, no more phrases
    than fit."""
    t = re.sub(r"^【[^】]*】", "", raw).strip()
    for w in ("时强调", "强调", "时指出", "指出"):
        ps = [p for p in _top_positions(t, w) if p >= 6 and len(t) - p - len(w) >= 6]
        if ps and len(_nows(t)) > limit:
            t = t[ps[0] + len(w):].strip()
            break
    d = [p for p in _top_positions(t, "——") if p >= 4]
    if d and len(_nows(t)) > limit:
        t = t[:d[0]].strip()
    phrases = [x for x in _split_top(t, " ") if x]
    while len(phrases) > 1 and len(_nows(" ".join(phrases))) > limit:
        phrases.pop()
    return " ".join(phrases)


def _plan_head(S: _Sheet, a: _Art, raw: str, kind: str) -> None:
    rng = S.rng
    t = raw.strip()
    kicker = subtitle = ""
    m = re.match(r"^【([^】]{1,40})】\s*(.+)$", t)
    if m:
        tag, t = m.group(1), m.group(2).strip()
        r = rng.random()
        if len(tag) <= 16 and r < 0.3:
            kicker = "【" + tag + "】"
        elif r < 0.55:
            kicker = tag
        elif len(tag) <= 16 and r < 0.62:
            kicker = tag + "——"
        if kicker:
            S.traits["column tag printed as kicker"] += 1
    title = t
    long_ = len(_nows(t)) > 30
    says = [p for w in ("时强调", "强调", "时指出", "指出") for p in _top_positions(t, w)
            if p >= 6 and len(t) - p - len(w) >= 6]
    if says and not kicker and rng.random() < (0.9 if long_ else 0.3):
        p = min(says)
        w = next(w for w in ("时强调", "强调", "时指出", "指出") if t.startswith(w, p))
        kicker, t = t[:p + len(w)].strip(), t[p + len(w):].strip()
        title = t
        long_ = len(_nows(t)) > 30
        S.traits["kicker ending 强调/指出 (要闻 style)"] += 1
    dashes = [p for p in _top_positions(t, "——") if p >= 4 and len(t) - p >= 5]
    phrases = [x for x in _split_top(t, " ") if x]
    if dashes and len(t) - dashes[0] <= 52 and rng.random() < (0.95 if long_ else 0.75):
        p = dashes[0]
        title = t[:p].strip()
        subtitle = t[p:].strip() if rng.random() < 0.8 else t[p + 2:].strip()
    elif len(phrases) >= 2 and long_:
        # a long multi-phrase title: kicker / title / subtitle out of its phrases
        if not kicker and rng.random() < 0.55:
            kicker, phrases = phrases[0], phrases[1:]
        if len(phrases) >= 2 and len(_nows("".join(phrases))) > 24:
            k = max(1, len(phrases) // 2)
            title = " ".join(phrases[:k])
            subtitle = ("——" if rng.random() < 0.4 else "") + " ".join(phrases[k:])
        else:
            title = " ".join(phrases)
    elif len(phrases) >= 2:
        r = rng.random()
        head, rest = phrases[0], " ".join(phrases[1:])
        if r < 0.45 or len(head) < 5 or len(rest) < 5:
            title = t
            S.traits["two-phrase title with a space"] += 1
        elif r < 0.6 and not kicker:
            kicker, title = head, rest
        elif r < 0.85:
            title = head
            subtitle = ("——" if rng.random() < 0.5 else "") + rest
        else:
            title = t.replace(" ", "")
    title = _shorten(rng, title)
    if len(_nows(subtitle)) > 40:
        subtitle = _shorten(rng, subtitle, 40)
    pk = {"lead": 0.75, "news": 0.22, "xinhua": 0.1, "commentary": 0.06, "cont": 0.0, "box": 0.0,
          "brief": 0.03}.get(kind, 0.1)
    if not kicker and rng.random() < pk:
        kicker = _invent_kicker(S)
    ps = {"lead": 0.55, "news": 0.1, "xinhua": 0.05, "commentary": 0.08, "cont": 0.0, "box": 0.0,
          "brief": 0.0}.get(kind, 0.05)
    if not subtitle and rng.random() < ps:
        subtitle = S.fill(rng.choice(_SUB_TPL))
    a.kicker, a.subtitle = kicker, subtitle
    a.title_lines = _break_text(rng, title, _n_lines(rng, title))
    a.kicker_lines = _break_text(rng, kicker, 2 if len(kicker) > 12 and rng.random() < 0.15 else 1) if kicker else []
    a.subtitle_lines = (_break_text(rng, subtitle, 2 if len(subtitle) > 28 or (len(subtitle) > 14
                                                                               and rng.random() < 0.25) else 1)
                        if subtitle else [])
    a.kicker_below = bool(kicker) and rng.random() < 0.06
    if kicker:
        S.traits["kicker"] += 1
        if a.kicker_below:
            S.traits["kicker printed below the title"] += 1
    if subtitle:
        S.traits["subtitle"] += 1
        if subtitle.startswith("——"):
            S.traits["subtitle starting ——"] += 1
    S.traits[f"title on {len(a.title_lines)} line(s)"] += 1


def _names_paren(S: _Sheet, kind: str) -> tuple[str, list[str]]:
    rng = S.rng
    A, B, C = S.name(), S.name(), S.name()
    if kind == "xinhua":
        v = rng.choice([(f"（记者{A}、{B}）", [A, B]), (f"（记者 {A} {B}）", [A, B]), (f"（记者 {A}）", [A]),
                        (f"（记者{A}）", [A]), (f"（记者 {A} {B} {C}）", [A, B, C])])
        return v
    v = rng.choices([
        (f"（记者 {A}）", [A]), (f"（记者 {A} {B}）", [A, B]), (f"（记者{A}、{B}）", [A, B]),
        (f"（记者 {A} 通讯员 {B}）", [A, B]), (f"（本报记者 {A}）", [A]), (f"（通讯员 {A}）", [A]),
        (f"（记者 {A} 实习生 {B}）", [A, B]), (f"（{A}）", [A]), (f"（记者 {A} 见习记者 {B}）", [A, B]),
        (f"（记者 {A} 通讯员 {B} {C}）", [A, B, C]), (f"（全媒体记者 {A}）", [A])],
        (30, 16, 8, 14, 6, 5, 4, 4, 3, 5, 3))[0]
    return v


def _byline_line(S: _Sheet, kind: str) -> tuple[str, list[str]]:
    rng = S.rng
    if kind == "commentary":
        v = rng.choices([("本报评论员", []), ("本报评论部", []), (S.paper + "评论员", []),
                         ("本报特约评论员", []), (f"□ {S.name()}", None), ("■ 本报评论员", [])],
                        (40, 15, 20, 8, 10, 7))[0]
        if v[1] is None:
            n = v[0][2:]
            return v[0], [n]
        return v
    A, B, C = S.name(), S.name(), S.name()
    if kind == "xinhua":
        return rng.choice([(f"新华社记者 {A} {B}", [A, B]), (f"新华社记者 {A}", [A]),
                           (f"新华社记者  {A}  {B}  {C}", [A, B, C])])
    return rng.choices([
        (f"本报记者 {A}", [A]), (f"本报记者 {A} {B}", [A, B]), (f"本报记者 {A} 通讯员 {B}", [A, B]),
        (f"记者 {A} 通讯员 {B} {C}", [A, B, C]), (f"□ 本报记者 {A}", [A]), (f"■ 本报记者 {A} {B}", [A, B]),
        (f"文/记者 {A}", [A]), (f"文/图 本报记者 {A}", [A]), (f"本报记者 {A} 文/图", [A]),
        (f"本报记者 {A} 实习生 {B}", [A, B]), (f"◎本报记者 {A}", [A]), (f"本报特派记者 {A}", [A]),
        (f"本报记者  {A}  {B}", [A, B]), (f"记者 {A}", [A]), (f"本报记者 {A} {B} {C}", [A, B, C])],
        (22, 18, 10, 5, 5, 4, 4, 3, 3, 4, 3, 3, 4, 5, 4))[0]


def _sentences(text: str) -> list[int]:
    """End offsets of sentences in text."""
    return [m.end() for m in re.finditer(r"[。！？][”’）]?", text)]


def _opening(S: _Sheet, a: _Art, kind: str, first: str) -> list:
    """Dateline + credited names + the first body paragraph, as segments."""
    rng, h = S.rng, S.h
    weights = {
        "lead": {"bbp": 28, "bbd": 8, "bbx": 10, "none": 32, "huoxi": 10, "xh": 8, "bbrep": 4},
        "news": {"bbp": 32, "bbd": 10, "bbx": 20, "bbrep": 5, "bbbare": 5, "huoxi": 8, "none": 8, "zx": 3,
                 "xh": 4, "xhbare": 2},
        "xinhua": {"xh": 55, "xhbare": 20, "juxh": 10, "zx": 12, "none": 3},
        "brief": {"bbx": 25, "bbp": 18, "bbbare": 10, "xh": 8, "xhbare": 4, "none": 35},
        "box": {"none": 100}, "commentary": {"none": 100}, "cont": {"none": 100},
    }[kind]
    if kind == "news" and S.national:
        weights = dict(weights, bbd=30)
    style = rng.choices(list(weights), list(weights.values()))[0]
    if a.byline_pos != "none" and style in ("bbp", "bbd", "bbx", "zx", "xh", "bbrep") and rng.random() < 0.9:
        style = {"bbp": "bbp0", "bbd": "bbd0", "bbx": "bbbare", "zx": "zx0", "xh": "xhbare", "bbrep": "bbbare"}[style]
    d = S.dl_date()
    md = S.md(d)
    segs: list = []
    dl = ""
    names: list[str] = []
    paren = ""
    city = S.city()
    if style in ("bbp", "bbp0"):
        dl = f"本报{city}{md}讯"
    elif style in ("bbd", "bbd0"):
        dl = f"本报{'北京' if S.national and rng.random() < 0.6 else city}{md}电"
    elif style in ("bbx", "bbbare", "bbrep"):
        dl = "本报讯"
    elif style in ("xh", "xhbare", "juxh"):
        place = rng.choice(_FOREIGN) if rng.random() < 0.2 else ("北京" if rng.random() < 0.6 else city)
        dl = ("据" if style == "juxh" else "") + f"新华社{place}{md}电"
    elif style in ("zx", "zx0"):
        dl = f"中新社{rng.choice(_CITIES)}{md}电"
    if style in ("bbp", "bbd", "bbx", "xh", "zx"):
        paren, names = _names_paren(S, "xinhua" if style in ("xh", "zx") else "news")
    elif style == "bbrep":
        A = S.name()
        paren, names = f"记者{A}报道", [A]
    if not dl:
        S.traits["article without a dateline"] += 1
    if dl:
        segs.append((dl, "dateline"))
        a.dateline = dl
        S.traits["dateline " + {"bbp": "本报+place", "bbp0": "本报+place", "bbd": "本报+place 电",
                                "bbd0": "本报+place 电", "bbx": "本报讯", "bbbare": "本报讯", "bbrep": "本报讯",
                                "xh": "新华社", "xhbare": "新华社", "juxh": "新华社", "zx": "中新社",
                                "zx0": "中新社"}[style]] += 1
        if paren:
            segs.append((" " if style == "bbrep" else h.dl_gap, None))
            segs.append((paren, "byline"))
            segs.append((h.by_gap if style != "bbrep" else " ", None))
        elif style in ("bbbare", "xhbare", "juxh", "bbp0", "bbd0", "zx0"):
            segs.append((rng.choice(("", " ", "　")), None))
    a.names += names
    if style == "huoxi":
        lead = rng.choice((f"记者{d.day}日从{S.inst()}获悉，", f"本报记者日前从{S.inst()}获悉，",
                           f"记者近日从{S.inst()}了解到，"))
        segs.append((lead, "body"))
        S.traits["opening 记者从…获悉"] += 1
    segs.append((first, "body"))
    return segs


def _subhead(S: _Sheet, style: str, k: int, raw: str) -> str:
    rng = S.rng
    t = re.sub(r"^【[^】]*】", "", raw).strip()
    sp = _top_positions(t, " ")
    if sp and rng.random() < 0.7:
        p = rng.choice(sp + [len(t)])
        t = t[:p].strip() if p >= 4 else t[p:].strip()
    t = t.replace(" ", "")
    if len(t) > 20:
        cuts = [p for p in _top_positions(t, "，") + _top_positions(t, "：") if 4 <= p <= 20]
        if cuts:
            t = t[:max(cuts)]
    if style == "num":
        return _NUMS[k % 10] + "、" + t
    if style == "brk":
        return "【" + t + "】"
    if style == "paren":
        return "（" + _NUMS[k % 10] + "）" + t
    if style == "arabic":
        return f"{k + 1}.{t}"
    return t


def _budget_paras(paras: list[str], target: int, rng: random.Random) -> list[str]:
    out, n = [], 0
    for p in paras:
        if n >= target and out:
            break
        out.append(p)
        n += len(p)
    return out


def _layout_basics(S: _Sheet, a: _Art, kind: str) -> None:
    rng, h = S.rng, S.h
    a.width = max(8, min(22, h.base_w + rng.randint(-h.w_spread, h.w_spread)))
    mode = h.indent if rng.random() < 0.9 else rng.choice(("none", "fw", "sp2", "lost"))
    a.indent, a.indent_units = {"none": ("", 0.0), "fw": ("　　", 2.0), "sp2": ("  ", 2.0),
                                "sp1": (" ", 2.0), "lost": ("", 2.0)}[mode]
    if a.width <= 9 and a.indent_units and rng.random() < 0.5:
        a.indent_units = 1.0
    pos = S.position
    a.head_first = True if pos == BEFORE else False if pos == AFTER else rng.random() < 0.5
    S.traits["headline block before its body" if a.head_first else "headline block after its body"] += 1


def _place_byline(S: _Sheet, a: _Art, kind: str) -> None:
    rng = S.rng
    w = {"lead": (25, 42, 15, 18), "news": (5, 13, 9, 73), "xinhua": (3, 10, 7, 80),
         "commentary": (15, 50, 30, 5), "box": (0, 25, 10, 65), "cont": (0, 3, 2, 95),
         "brief": (0, 2, 3, 95)}[kind]
    a.byline_pos = rng.choices(("above", "below", "top", "none"), w)[0]
    if a.byline_pos == "none":
        return
    text, names = _byline_line(S, kind)
    a.names += names
    if rng.random() < 0.15 and len(text) > 5:
        p = rng.randint(2, len(text) - 2)
        while p < len(text) - 1 and text[p] == " ":
            p += 1
        a.byline_lines = [text[:p].strip(), text[p:].strip()]
        S.traits["byline broken over two lines"] += 1
    else:
        a.byline_lines = [text]
    S.traits[f"byline {a.byline_pos} ({'headline' if a.byline_pos != 'top' else 'body top'})"] += 1


def _end_credit(S: _Sheet, a: _Art, kind: str, p: float) -> None:
    rng = S.rng
    if a.jump or rng.random() >= p:
        return
    A, B = S.name(), S.name()
    opts = [(f"（记者 {A}）", [A], 25), (f"（本报记者 {A} 通讯员 {B}）", [A, B], 10), ("（据新华社）", [], 15),
            (f"（来源：{rng.choice(_SOURCES)}）", [], 8), (f"（{A}）", [A], 14), (f"（{A} {B}）", [A, B], 8),
            (f"（记者{A}）", [A], 8), (f"（通讯员 {A}）", [A], 5), ("（本报综合）", [], 4), (f"（{A} 文/图）", [A], 3)]
    if a.names:
        opts = [o for o in opts if not o[1]] + [(f"（{A}）", [A], 4)]
    text, names, _ = rng.choices(opts, [o[2] for o in opts])[0]
    a.credit, a.credit_own = text, rng.random() < 0.35
    a.names += names
    S.traits["end credit" + (" on its own line" if a.credit_own else " on the last body line")] += 1


def _jump(S: _Sheet, a: _Art) -> None:
    rng = S.rng
    pg = rng.choices((2, 3, 4, 5, 6, 8), (55, 20, 10, 6, 5, 4))[0]
    a.jump = rng.choice((f"（下转第{pg}版）", f"（下转第{pg}版）", f"（下转{pg}版）", f"（转第{pg}版）",
                         f"（下转第 {pg} 版）"))
    a.continued_to = str(pg)
    a.jump_own = rng.random() < 0.35
    # cut the body: keep a prefix, end mid-paragraph at a sentence or anywhere
    paras = a.paras
    opening = next(k for k, (pt, _) in enumerate(paras) if pt == "p")
    if len(paras) > 2:
        keep = max(opening + 1, int(len(paras) * rng.uniform(0.35, 0.8)))
        paras[:] = paras[:keep]
    while paras[-1][0] != "p":
        paras.pop()
    segs = paras[-1][1]
    text, role = segs[-1]
    if role == "body" and len(text) > 60:
        ends = [e for e in _sentences(text) if 30 <= e < len(text) - 4]
        r = rng.random()
        if ends and r < 0.45:
            cut = rng.choice(ends)
        else:
            cut = rng.randint(max(30, len(text) // 3), len(text) - 2)
            S.traits["jump cuts mid-sentence"] += 1
        segs[-1] = (text[:cut], role)
    S.traits["jump line " + ("on its own line" if a.jump_own else "on the last body line")] += 1


def _variants(S: _Sheet, paras: list[str]) -> list[tuple[str, list]]:
    """Body paragraphs, sometimes shaped as a Q&A or a numbered list."""
    rng = S.rng
    out = [("p", [(p, "body")]) for p in paras]
    if len(paras) >= 4 and rng.random() < 0.04:
        who = S.name()
        for k in range(1, len(out)):
            label = "记者：" if k % 2 == 1 else who + "："
            out[k] = ("p", [(label + paras[k], "body")])
        S.traits["Q&A paragraphs"] += 1
    elif len(paras) >= 4 and rng.random() < 0.05:
        style = rng.choice(("shi", "paren", "arabic"))
        for k in range(1, min(len(out), 7)):
            j = k - 1
            label = {"shi": _NUMS[j] + "是", "paren": "（" + _NUMS[j] + "）", "arabic": f"{j + 1}."}[style]
            out[k] = ("p", [(label + paras[k], "body")])
        S.traits["numbered list paragraphs"] += 1
    return out


def _take_titled(S: _Sheet, limit: int, **kw) -> dict:
    """An item whose title fits a headline: short enough, or with a natural break."""
    it = S.take(**kw)
    for _ in range(8):
        t = re.sub(r"^【[^】]*】", "", it["title"])
        if len(_nows(t)) <= limit or _top_positions(t, " ") or _top_positions(t, "——") or _top_positions(t, "强调"):
            break
        it = S.take(**kw)
    return it


def _mk_article(S: _Sheet, kind: str, target: int | None = None, nsub: int = 0, jump: bool = False,
                note: bool = False, box: bool = False) -> _Art:
    rng = S.rng
    a = _Art()
    _layout_basics(S, a, kind)
    it = _take_titled(S, 34, min_paras=2 if kind == "lead" else 1, min_len=200 if kind == "lead" else 60)
    _plan_head(S, a, it["title"], kind)
    _place_byline(S, a, kind)
    if target is None:
        target = {"lead": rng.randint(600, 2200), "news": rng.randint(120, 1300), "xinhua": rng.randint(150, 1200),
                  "commentary": rng.randint(500, 1500), "box": rng.randint(80, 500)}.get(kind, 600)
    paras = _budget_paras(it["paras"], target if nsub == 0 else target // (nsub + 1), rng)
    body = _variants(S, paras) if kind in ("news", "xinhua", "lead") else [("p", [(p, "body")]) for p in paras]
    body[0] = ("p", _opening(S, a, kind, body[0][1][0][0]))
    if nsub:
        style = rng.choice(("plain", "plain", "num", "brk", "paren", "arabic"))
        S.traits["in-article subheads"] += 1
        S.traits[f"subhead style {style}"] += 1
        for k in range(nsub):
            for _ in range(6):
                it2 = S.take(min_len=80)
                if len(_nows(re.sub(r"^【[^】]*】", "", it2["title"]))) <= 22 or " " in it2["title"]:
                    break
            body.append(("sub", [(_subhead(S, style, k, it2["title"]), "body")]))
            for p in _budget_paras(it2["paras"], max(60, target // (nsub + 1)), rng):
                body.append(("p", [(p, "body")]))
    if note:
        it3 = S.take()
        txt = it3["paras"][0]
        ends = [e for e in _sentences(txt) if e >= 30]
        if ends and len(txt) > 180:
            txt = txt[:ends[0]]
        body.insert(0, ("note", [(rng.choice(("编者按：", "编者按 ", "【编者按】")) + txt, "body")]))
        S.traits["editor's note (编者按)"] += 1
    a.paras = body
    if jump and sum(len(t) for _, segs in body for t, r in segs if r == "body") >= 250:
        _jump(S, a)
    if box and not a.jump:
        it4 = S.take()
        label = rng.choice(_BOX_LABELS)
        label = rng.choice((label, "【" + label + "】", label + "：")) if label != "数读" else label
        a.paras.append(("label", [(label, "body")]))
        for p in _budget_paras(it4["paras"], rng.randint(80, 400), rng):
            a.paras.append(("p", [(p, "body")]))
        S.traits["untitled box (belongs to the article before it)"] += 1
    if not box:
        _end_credit(S, a, kind, {"lead": 0.1, "news": 0.22, "xinhua": 0.08, "commentary": 0.0,
                                 "box": 0.1}.get(kind, 0.1))
    if kind == "commentary":
        S.traits["commentary piece"] += 1
    return a


def _mk_cont(S: _Sheet) -> _Art:
    """A continuation from page 1: （上接第1版） and the title repeated, shortened or missing."""
    rng = S.rng
    a = _Art()
    _layout_basics(S, a, "cont")
    it = _take_titled(S, 34, min_paras=2, min_len=250)
    full = _shorten(rng, _main_title(it["title"]))
    a.title_lines = _break_text(rng, full, _n_lines(rng, full))
    r = rng.random()
    if r < 0.42:
        S.traits["continuation, title repeated"] += 1
    elif r < 0.72:
        t = full
        sp = [p for p in _top_positions(t, " ") + _top_positions(t, "，") + _top_positions(t, "：")
              + _top_positions(t, "——") if p >= 4]
        if sp:
            t = t[:min(sp)]
        elif len(t) > 10 and rng.random() < 0.3:
            t = t[:rng.randint(6, 10)]
        a.title_lines = _break_text(rng, t.strip(), 1)
        S.traits["continuation, title shortened"] += 1
    else:
        a.title_lines = []
        S.traits["continuation, title missing"] += 1
    _place_byline(S, a, "cont")
    ps = it["paras"]
    starts = [k for k in range(1, len(ps)) if sum(len(p) for p in ps[k:]) >= 100] or [0]
    s = rng.choice(starts)
    paras = list(ps[s:])
    if rng.random() < 0.35 and len(paras[0]) > 20:
        paras[0] = paras[0][rng.randint(3, len(paras[0]) - 10):]
        S.traits["continuation starts mid-sentence"] += 1
    paras = _budget_paras(paras, rng.randint(150, 1200), rng)
    a.paras = [("p", [(p, "body")]) for p in paras]
    a.jumpfrom = rng.choice(("（上接第1版）", "（上接第1版）", "（上接1版）", "（上接第一版）", "（紧接第1版）"))
    a.jumpfrom_own = rng.random() < 0.5
    _end_credit(S, a, "cont", 0.2)
    S.traits["continuation （上接…）"] += 1
    return a


def _mk_brief(S: _Sheet, mark: str) -> _Art:
    rng = S.rng
    a = _Art()
    _layout_basics(S, a, "brief")
    it = _take_titled(S, 26)
    t = _main_title(it["title"], 24)
    sp = _top_positions(t, " ")
    if sp and rng.random() < 0.5:
        t = t[:sp[0]] if sp[0] >= 5 else t[sp[0] + 1:]
    t = _shorten(rng, t, 24)
    if mark == "【】":
        t = t.replace(" ", "")
        a.mark, a.mark_end = "【", "】"
    else:
        a.mark = mark + (" " if mark and rng.random() < 0.4 else "")
    a.title_lines = _break_text(rng, t, 2 if len(t) > 16 and rng.random() < 0.3 else 1)
    a.byline_pos = "none"
    text = "".join(it["paras"][:2]) if len(it["paras"][0]) < 60 else it["paras"][0]
    lo, hi = rng.randint(60, 110), rng.randint(130, 250)
    ends = [e for e in _sentences(text) if lo <= e <= hi]
    if ends:
        text = text[:rng.choice(ends)]
    elif len(text) > hi:
        ends = [e for e in _sentences(text) if e <= hi]
        text = text[:ends[-1]] if ends else text[:hi]
    a.paras = [("p", _opening(S, a, "brief", text))]
    _end_credit(S, a, "brief", 0.4)
    S.traits["brief (简讯)"] += 1
    S.traits[f"brief title mark {mark or 'none'}"] += 1
    return a


def _mk_box_article(S: _Sheet) -> _Art:
    """A box with its own title: its own article, the box label printed as its kicker."""
    rng = S.rng
    a = _mk_article(S, "box")
    if not a.title_lines:
        return a
    label = rng.choice(_BOX_LABELS)
    a.kicker = rng.choice((label, "【" + label + "】", label + "·"))
    a.kicker_lines = [a.kicker]
    a.kicker_below = False
    a.subtitle, a.subtitle_lines = "", []
    S.traits["box with its own title (own article)"] += 1
    return a


def _mk_caption(S: _Sheet) -> _Art:
    rng = S.rng
    a = _Art("caption")
    d = S.item_date - _dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    date = S.md(d) + "，" if rng.random() < 0.6 else ""
    city, venue, act = S.city(), rng.choice(_VENUES), rng.choice(_ACTS)
    r = rng.random()
    if r < 0.35:
        text = f"{date}在{city}{venue}，{act}。"
    elif r < 0.6:
        text = f"{date}{city}{venue}内，{act}。"
    elif r < 0.72:
        text = f"图为{city}{venue}一景。"
    elif r < 0.82:
        text = f"上图：{city}{venue}，{act}。下图：{S.city()}{rng.choice(_VENUES)}，{rng.choice(_ACTS)}。"
        S.traits["caption for several photos"] += 1
    elif r < 0.9:
        text = f"{date}{act}。当日，{city}{rng.choice(('举行', '开展', '启动'))}{rng.choice(_TOPICS)}主题活动。"
    else:
        text = f"图表：{city}{rng.choice(('近五年', '前三季度', '1—9月'))}{rng.choice(_TOPICS)}主要指标"
        S.traits["chart line (图表)"] += 1
    A, B = S.name(), S.name()
    cr = rng.choices([
        (f"本报记者 {A} 摄", [A]), (f"记者 {A} 摄", [A]), (f"新华社记者 {A} 摄", [A]), ("新华社发", []),
        (f"新华社发（{A} 摄）", [A]), ("（资料图片）", []), (S.fill(rng.choice(_ORGS)) + "供图", []),
        (f"通讯员 {A} 摄", [A]), (f"{A} 摄", [A]), (f"本报记者 {A} 通讯员 {B} 摄", [A, B]),
        (f"本报记者 {A} 制图", [A]), (f"{A} 供图", [])],
        (28, 14, 10, 8, 5, 6, 6, 6, 6, 5, 2, 4))[0]
    if text.startswith("图表"):
        cr = (f"本报记者 {A} 制图", [A]) if rng.random() < 0.6 else (f"制图：{A}", [A])
    a.cap_text, a.cap_credit = text, cr[0]
    a.names = list(cr[1])
    if rng.random() < 0.2:
        a.cap_title = rng.choice(_CAP_TITLES)
        S.traits["caption with a caption title"] += 1
    a.cap_mode = rng.choices(("one", "own", "wrap"), (40, 20, 40))[0]
    a.width = rng.randint(10, 26)
    S.traits["photo caption"] += 1
    return a


# ---------------------------------------------------------------------------------------------
# Furniture
# ---------------------------------------------------------------------------------------------

def _cn_num(k: int) -> str:
    return _NUMS[k - 1] if k <= 10 else "十" + _NUMS[k - 11]


def _date_cn(S: _Sheet, d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _f_banner(S: _Sheet) -> _Furn:
    rng = S.rng
    d = S.page_date
    y = d.year
    gz = _STEMS[(y - 4) % 10] + _BRANCHES[(y - 4) % 12]
    lm = _LUNAR_M[(d.month - 2) % 12]
    ld = rng.choice(_LUNAR_D)
    sep = rng.choice((" ", "  ", "   "))
    parts = [S.paper, _date_cn(S, d) + sep + "星期" + _WEEK[d.weekday()], f"农历{gz}年{lm}月{ld}",
             f"今日{rng.choice((4, 8, 12, 16, 20))}版", f"第{rng.randint(20000, 27999)}期",
             f"国内统一连续出版物号 CN{rng.randint(11, 65)}-{rng.randint(1, 99):04d}",
             f"{S.paper}社出版", f"代号{rng.randint(1, 81)}-{rng.randint(1, 99)}"]
    keep = [parts[0], parts[1]] + rng.sample(parts[2:], rng.randint(0, 3))
    if rng.random() < 0.35:
        lines = [sep.join(keep[:2])] + keep[2:]
    elif rng.random() < 0.3:
        lines = [sep.join(keep)]
    else:
        lines = keep
    S.traits["page banner"] += 1
    return _Furn(lines, "banner")


def _f_pageid(S: _Sheet, page: int) -> _Furn:
    rng = S.rng
    d = S.page_date
    name = rng.choice(("要闻", "要闻", "要闻", "综合新闻", "国内新闻", "新闻"))
    opts = [f"{name} {page}", f"{page} {name}", f"{name}·{page}", f"第{page}版", f"{name} 第{page}版",
            f"A{page} {name}", f"{_cn_num(page)}版 {name}"]
    lines = [rng.choice(opts)]
    if rng.random() < 0.7:
        lines.append(rng.choice((_date_cn(S, d) + " 星期" + _WEEK[d.weekday()],
                                 _date_cn(S, d) + "  星期" + _WEEK[d.weekday()] + "  " + S.paper,
                                 f"{d.year}.{d.month:02d}.{d.day:02d}  星期{_WEEK[d.weekday()]}")))
    rng.shuffle(lines)
    S.traits["page number / section line"] += 1
    return _Furn(lines, "pageid")


def _f_editor(S: _Sheet) -> _Furn:
    rng = S.rng
    A, B, C = S.name(), S.name(), S.name()
    line = rng.choice((f"责任编辑 {A}  版式 {B}", f"责任编辑：{A}　版式设计：{B}", f"本版责编 {A} 美编 {B} 校对 {C}",
                       f"编辑 {A}  校对 {B}", f"责编/{A} 版式/{B}", f"本版编辑：{A} 电话：0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}",
                       f"责任编辑 {A}  电子信箱 yw{rng.randint(10, 99)}@{rng.choice(('news', 'daily', 'press'))}.cn"))
    S.traits["editor line (责任编辑 …)"] += 1
    lines = [line]
    if rng.random() < 0.25:
        lines = [line[:len(line) // 2].strip(), line[len(line) // 2:].strip()]
    return _Furn(lines, "editor")


def _f_qr(S: _Sheet) -> _Furn:
    rng = S.rng
    S.traits["QR hint"] += 1
    t = S.fill(rng.choice(_QR))
    return _Furn([t] if rng.random() < 0.8 else [t, rng.choice(("↓", "▼", "（二维码）"))], "qr")


def _f_label(S: _Sheet, pool: list[str] | None = None) -> _Furn:
    S.traits["column label"] += 1
    return _Furn([S.rng.choice(pool or _LABELS)], "label")


def _f_notice(S: _Sheet) -> _Furn:
    rng = S.rng
    city = S.city()
    co = f"{city}{rng.choice(_BRANDS)}{rng.choice(('商贸', '建材', '物流', '科技', '餐饮'))}有限公司"
    phone = f"0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}"
    r = rng.random()
    if r < 0.4:
        lines = ["遗失声明", (f"{co}不慎遗失{rng.choice(('营业执照副本', '公章一枚', '开户许可证', '发票领购簿'))}，"
                          f"编号：{rng.randint(10 ** 9, 10 ** 10 - 1)}，特此声明作废。")]
    elif r < 0.7:
        lines = ["招聘启事", f"{co}因业务发展需要，诚聘{rng.choice(('会计', '司机', '销售代表', '技术员'))}若干名。",
                 f"联系电话：{phone}"]
    elif r < 0.85:
        lines = ["订阅热线", phone, f"本报地址：{city}市{rng.choice(_ROADS)}{rng.randint(1, 300)}号  邮编：{rng.randint(100000, 859999)}"]
    else:
        lines = ["今日天气", f"{city} {rng.choice(_WEATHER)} {rng.randint(-5, 15)}℃～{rng.randint(16, 33)}℃",
                 f"{S.city()} {rng.choice(_WEATHER)} {rng.randint(-5, 15)}℃～{rng.randint(16, 33)}℃"]
    wrapped = []
    w = rng.randint(12, 24)
    for l in lines:
        while len(l) > w and rng.random() < 0.8:
            wrapped.append(l[:w])
            l = l[w:]
        wrapped.append(l)
    S.traits["notice / weather / advert"] += 1
    return _Furn(wrapped, "notice")


def _f_index(S: _Sheet) -> _Furn:
    rng = S.rng
    lines = [rng.choice(("今日导读", "本期导读", "导读"))]
    for _ in range(rng.randint(2, 4)):
        it = S.pool[rng.randrange(len(S.pool))]
        t = re.sub(r"^【[^】]*】", "", it["title"]).split(" ")[0][:16]
        lines.append(f"{rng.choice(('▶', '■', '●', ''))}{t}  {rng.randint(2, 8)}版")
    S.traits["index box (导读)"] += 1
    return _Furn(lines, "index")


# ---------------------------------------------------------------------------------------------
# Page shapes
# ---------------------------------------------------------------------------------------------

def _insert_caps(S: _Sheet, units: list, caps: list) -> None:
    rng = S.rng
    for c in caps:
        arts = [u for u in units if isinstance(u, _Art) and u.kind == "article" and u.has_head]
        if arts and rng.random() < 0.3:
            rng.choice(arts).inner.append(c)
            S.traits["caption between a headline and its body"] += 1
        else:
            units.insert(rng.randint(0, len(units)), c)


def _insert_furn(S: _Sheet, units: list, furns: list) -> None:
    rng = S.rng
    for f in furns:
        arts = [u for u in units if isinstance(u, _Art) and u.kind == "article" and u.has_head and not u.inner]
        if arts and rng.random() < 0.08:
            rng.choice(arts).inner.append(f)
            S.traits["furniture between a headline and its body"] += 1
        else:
            units.insert(rng.randint(0, len(units)), f)


def _shape_front(S: _Sheet) -> list:
    rng = S.rng
    units: list = []
    lead = _mk_article(S, "lead", nsub=rng.choice((0, 0, 0, 2, 3, 4)), jump=rng.random() < 0.55,
                       note=rng.random() < 0.1, box=rng.random() < 0.12)
    units.append(lead)
    has_comment = False
    for _ in range(rng.randint(2, 5)):
        kind = rng.choices(("news", "xinhua", "commentary", "box"), (50, 28, 14, 5))[0]
        if kind == "commentary" and has_comment:
            kind = "news"
        if kind == "box":
            units.append(_mk_box_article(S))
            continue
        a = _mk_article(S, kind, jump=rng.random() < 0.12, box=rng.random() < 0.05)
        if kind == "commentary":
            has_comment = True
            if rng.random() < 0.6:
                units.append(_f_label(S, _COMMENT_LABELS))
        units.append(a)
    if rng.random() < 0.15:
        units.append(_f_label(S, _BRIEF_LABELS))
        mark = rng.choice(("■", "●", "【】", "▲", "◆", ""))
        for _ in range(rng.randint(2, 4)):
            units.append(_mk_brief(S, mark))
    _insert_caps(S, units, [_mk_caption(S) for _ in range(rng.choices((0, 1, 2, 3), (30, 42, 20, 8))[0])])
    furns = []
    if rng.random() < 0.45:
        furns.append(_f_editor(S))
    if rng.random() < 0.3:
        furns.append(_f_qr(S))
    if rng.random() < 0.15:
        furns.append(_f_index(S))
    if rng.random() < 0.08:
        furns.append(_f_notice(S))
    _insert_furn(S, units, furns)
    if rng.random() < 0.85:
        b = _f_banner(S)
        r = rng.random()
        units.insert(0 if r < 0.6 else min(len(units), 1) if r < 0.85 else len(units), b)
    S.traits["shape: front page"] += 1
    if S.national:
        S.traits["national daily (本报北京…电 datelines more often)"] += 1
    return units


def _shape_news(S: _Sheet) -> list:
    rng = S.rng
    page = rng.choices((2, 3, 4, 5), (55, 25, 12, 8))[0]
    units: list = []
    for _ in range(rng.choices((0, 1, 2), (40, 45, 15))[0]):
        units.append(_mk_cont(S))
    has_comment = False
    for _ in range(rng.randint(2, 6)):
        kind = rng.choices(("news", "xinhua", "commentary", "box", "lead"), (45, 28, 10, 6, 11))[0]
        if kind == "commentary" and has_comment:
            kind = "xinhua"
        if kind == "box":
            units.append(_mk_box_article(S))
            continue
        if kind == "lead":
            units.append(_mk_article(S, "lead", target=rng.randint(500, 1500), nsub=rng.choice((0, 0, 2, 3)),
                                     note=rng.random() < 0.08, box=rng.random() < 0.15))
            continue
        a = _mk_article(S, kind, box=rng.random() < 0.06)
        if kind == "commentary":
            has_comment = True
            if rng.random() < 0.6:
                units.append(_f_label(S, _COMMENT_LABELS))
        units.append(a)
    if rng.random() < 0.3:
        if rng.random() < 0.8:
            units.append(_f_label(S, _BRIEF_LABELS))
        mark = rng.choice(("■", "●", "【】", "▲", ""))
        for _ in range(rng.randint(3, 6)):
            units.append(_mk_brief(S, mark))
    _insert_caps(S, units, [_mk_caption(S) for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0])])
    furns = []
    if rng.random() < 0.6:
        furns.append(_f_editor(S))
    if rng.random() < 0.25:
        furns.append(_f_qr(S))
    if rng.random() < 0.12:
        furns.append(_f_notice(S))
    if rng.random() < 0.2:
        furns.append(_f_label(S))
    _insert_furn(S, units, furns)
    if rng.random() < 0.85:
        units.insert(0 if rng.random() < 0.75 else len(units), _f_pageid(S, page))
    S.traits["shape: news page (要闻 2…)"] += 1
    return units


def _shape_briefs(S: _Sheet) -> list:
    rng = S.rng
    units: list = []
    mark = rng.choice(("■", "●", "【】", "▲", "◆", "■", "●"))
    mixed = rng.random() < 0.15
    for k in range(rng.randint(8, 15)):
        if k and rng.random() < 0.06:
            units.append(_f_label(S, _BRIEF_LABELS))
        units.append(_mk_brief(S, rng.choice(("■", "●", "【】")) if mixed else mark))
    if rng.random() < 0.8:
        units.insert(0, _f_label(S, _BRIEF_LABELS))
    if rng.random() < 0.25:
        units.append(_mk_article(S, rng.choice(("news", "xinhua"))))
    _insert_caps(S, units, [_mk_caption(S) for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0])])
    furns = [_f_editor(S)] if rng.random() < 0.5 else []
    if rng.random() < 0.2:
        furns.append(_f_notice(S))
    _insert_furn(S, units, furns)
    if rng.random() < 0.7:
        units.insert(0, _f_pageid(S, rng.randint(2, 8)))
    S.traits["shape: brief page (8+ 简讯)"] += 1
    return units


def _shape_long(S: _Sheet) -> list:
    rng = S.rng
    units: list = []
    a = _mk_article(S, "lead", target=rng.randint(1500, 3000), nsub=rng.randint(2, 6),
                    note=rng.random() < 0.3, box=rng.random() < 0.35)
    caps = [_mk_caption(S) for _ in range(rng.randint(1, 3))]
    for c in caps:
        r = rng.random()
        if r < 0.35 and len(a.paras) > 3:
            a.mid.setdefault(rng.randint(2, len(a.paras) - 1), []).append(c)
            S.traits["caption between two paragraphs of a long article"] += 1
        elif r < 0.6:
            a.inner.append(c)
            S.traits["caption between a headline and its body"] += 1
        else:
            units.append(c)
    units.insert(0, a)
    if rng.random() < 0.35:
        units.append(_mk_box_article(S))
    if rng.random() < 0.3:
        units.append(_mk_article(S, "commentary"))
    furns = [_f_editor(S)] if rng.random() < 0.6 else []
    if rng.random() < 0.3:
        furns.append(_f_qr(S))
    _insert_furn(S, units, furns)
    if rng.random() < 0.8:
        units.insert(0, _f_pageid(S, rng.randint(2, 12)) if rng.random() < 0.6 else _f_banner(S))
    S.traits["shape: one long article"] += 1
    return units


def _shape_photo(S: _Sheet) -> list:
    rng = S.rng
    units: list = [_mk_caption(S) for _ in range(rng.randint(3, 7))]
    for _ in range(rng.choices((0, 1, 2), (30, 50, 20))[0]):
        units.insert(rng.randint(0, len(units)), _mk_article(S, rng.choice(("news", "xinhua")),
                                                             target=rng.randint(100, 500)))
    if rng.random() < 0.7:
        units.insert(0, _f_label(S, ["图片新闻", "视觉", "图说", "影像", "镜头"]))
    furns = [_f_editor(S)] if rng.random() < 0.5 else []
    if rng.random() < 0.3:
        furns.append(_f_qr(S))
    _insert_furn(S, units, furns)
    if rng.random() < 0.6:
        units.insert(0, _f_pageid(S, rng.randint(2, 12)))
    S.traits["shape: photo page"] += 1
    return units


_SHAPES = ((_shape_front, 34), (_shape_news, 34), (_shape_briefs, 12), (_shape_long, 11), (_shape_photo, 9))


# ---------------------------------------------------------------------------------------------
# Building and checking one page
# ---------------------------------------------------------------------------------------------

_HEAD_ROLES = {"kicker", "title", "subtitle"}
_LINE_GROUPS = ({"title", "mark"}, {"kicker"}, {"subtitle"}, {"byline"}, {"furn"},
                {"jumpfrom", "dateline", "byline", "body", "credit", "jump"})


def _build(rng: random.Random, position: str, pool: list[dict], by_date: dict, dates: list):
    h = _Habits(rng)
    S = _Sheet(rng, h, pool, by_date, dates, position)
    shape = rng.choices([f for f, _ in _SHAPES], [w for _, w in _SHAPES])[0]
    units = shape(S)
    # ids: every printable object gets one; truth order is the order of first appearance
    objs: list = []

    def collect(u):
        objs.append(u)
        if isinstance(u, _Art):
            for v in u.inner:
                collect(v)
            for vs in u.mid.values():
                for v in vs:
                    collect(v)
    for u in units:
        collect(u)
    for k, u in enumerate(objs):
        u.oid = k
    for u in units:
        S.print_unit(u)
    text, rendered = S.render()
    first: dict[int, int] = {}
    for ln in S.lines:
        if ln is None:
            continue
        for _, t in ln[0]:
            if t is not None and t[0] not in first and not isinstance(objs[t[0]], _Furn):
                first[t[0]] = len(first)
    order = sorted(first, key=first.get)
    truth = [objs[k].truth() for k in order]
    page = Page(text, truth, position)
    _check(S, page, objs, order, rendered)
    _page_traits(S, page)
    return page, S


def _check(S: _Sheet, page: Page, objs: list, order: list, rendered: list) -> None:
    """The truth must be what was printed, role by role (whitespace aside)."""
    # 1. the text is the tagged lines, line by line
    text_lines = [l for l in page.text.split("\n") if l.strip()]
    tagged = [ln for ln in S.lines if ln is not None]
    assert len(text_lines) == len(tagged), ("line count", len(text_lines), len(tagged))
    for tl, (chars, _) in zip(text_lines, tagged):
        assert _nows(tl) == _nows("".join(c for c, _ in chars)), ("line text", tl)
    # 2. one item per line, one role group per line; gather each item's roles
    got: dict[tuple[int, str], list[str]] = {}
    for chars, _ in tagged:
        oids = {t[0] for c, t in chars if t is not None and not c.isspace()}
        roles = {t[1] for c, t in chars if t is not None and not c.isspace()}
        assert len(oids) == 1, ("line holds several items", "".join(c for c, _ in chars))
        assert any(roles <= g for g in _LINE_GROUPS), ("line mixes roles", roles, "".join(c for c, _ in chars))
        for c, t in chars:
            if t is not None:
                got.setdefault(t, []).append(c)
            else:
                assert c.isspace(), ("untagged character", c)

    def printed(k: int, role: str) -> str:
        return _nows("".join(got.get((k, role), [])))
    # 3. every truth field is what was printed for it
    assert len(page.truth) == len(order) and page.truth, "truth count"
    for k, tr in zip(order, page.truth):
        o = objs[k]
        assert tr.body.strip(), ("empty body", k)
        assert printed(k, "body") == _nows(tr.body), ("body", k, tr.body[:40], printed(k, "body")[:40])
        assert printed(k, "title") == _nows(tr.title), ("title", tr.title, printed(k, "title"))
        assert printed(k, "kicker") == _nows(tr.kicker), ("kicker", tr.kicker)
        assert printed(k, "subtitle") == _nows(tr.subtitle), ("subtitle", tr.subtitle)
        assert printed(k, "dateline") == _nows(tr.dateline), ("dateline", tr.dateline)
        assert tr.title == _nows(tr.title) and tr.dateline == _nows(tr.dateline)
        credits = printed(k, "byline") + printed(k, "credit") + (printed(k, "body") if tr.kind == "caption" else "")
        for n in tr.reporters:
            assert n in credits, ("reporter not printed", n, credits)
        jump = printed(k, "jump")
        if tr.continued_to:
            assert "转" in jump and tr.continued_to in jump, ("jump", jump, tr.continued_to)
        else:
            assert not jump, ("jump without continued_to", jump)
        if tr.kind == "caption":
            assert not tr.title and not tr.kicker and not tr.subtitle and not tr.dateline
        assert not isinstance(o, _Furn)
        for para in tr.body.split("\n"):
            assert para.strip(), "empty paragraph"
    # 4. nothing printed for an item outside its truth roles, furniture not in the truth
    for (k, role) in got:
        if isinstance(objs[k], _Furn):
            assert role == "furn"
        else:
            assert role in ("body", "title", "kicker", "subtitle", "dateline", "byline", "credit", "jump",
                            "jumpfrom", "mark"), role
            assert k in order


def _page_traits(S: _Sheet, page: Page) -> None:
    """Traits that are easiest to see on the printed lines."""
    T = S.traits
    lines = S.lines
    prev = None
    gap = False
    for ln in lines:
        if ln is None:
            gap = True
            continue
        chars = ln[0]
        toks = [(c, t) for c, t in chars if t is not None]
        if prev is not None and gap and toks:
            (pc, pt), (nc, nt) = prev[-1], toks[0]
            if pt[0] == nt[0]:
                if pt[1] == "dateline" and nt[1] in ("dateline", "byline"):
                    T["column break inside a dateline"] += 1
                elif pt[1] == "byline" and nt[1] == "byline":
                    T["column break inside a byline"] += 1
                elif pt[1] == "title" and nt[1] == "title":
                    T["blank line inside a title"] += 1
                elif pt[1] == "body" and nt[1] == "body":
                    if pc.isascii() and nc.isascii() and (pc.isdigit() or nc.isdigit() or nc in ".%" or pc == "."):
                        T["column break inside a figure"] += 1
                    if pc not in "。！？”":
                        T["column break mid-sentence"] += 1
        if toks and toks[0][0] in _CLOSE and toks[0][1][1] == "body":
            T["line starting with closing punctuation"] += 1
        if toks:
            prev = toks
        gap = False
    h = S.h
    T[f"blank lines: {h.blank_mode}"] += 1
    T[f"indent habit: {h.indent}"] += 1
    if h.p_para_blank >= 0.85:
        T["paragraph ends marked by blank lines"] += 1
    n_art = sum(1 for t in page.truth if t.kind == "article")
    T["articles: 1" if n_art <= 1 else "articles: 2-6" if n_art <= 6 else "articles: 7+"] += 1
    if any(not t.title for t in page.truth if t.kind == "article"):
        T["article without a title"] += 1
    if any(t.reporters for t in page.truth):
        T["reporters credited"] += 1
    if S.h.punct_half:
        T["half-width punctuation in the measure"] += 1


# ---------------------------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------------------------

_CACHE: dict = {}


def _prepare(items, date_range):
    key = (id(items), tuple(date_range) if date_range else None)
    if items is None and key in _CACHE:
        return _CACHE[key]
    raw = load_items() if items is None else items
    pool = _pool(raw, date_range)
    if not pool:
        raise ValueError("pagegen_i: no usable items")
    by_date: dict[str, list[int]] = {}
    for k, it in enumerate(pool):
        by_date.setdefault(it["date"], []).append(k)
    dates = sorted(by_date)
    out = (pool, by_date, dates)
    if items is None:
        _CACHE[key] = out
    return out


def _page_rng(seed: int, position: str, i: int) -> random.Random:
    return random.Random(f"pagegen_i|{seed}|{position}|{i}")


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    pool, by_date, dates = _prepare(items, date_range)
    return [_build(_page_rng(seed, position, i), position, pool, by_date, dates)[0] for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def _show(n: int, position: str, seed: int) -> None:
    for i, p in enumerate(generate_pages(n, position, seed)):
        print(f"{'=' * 30} page {i} ({position}) {'=' * 30}")
        print(p.text)
        print(f"{'-' * 30} truth {'-' * 30}")
        for k, t in enumerate(p.truth):
            head = f"[{k}] {t.kind}"
            if t.kind == "article":
                head += f" title={t.title!r}"
                if t.kicker:
                    head += f" kicker={t.kicker!r}"
                if t.subtitle:
                    head += f" subtitle={t.subtitle!r}"
                if t.dateline:
                    head += f" dateline={t.dateline!r}"
                if t.continued_to:
                    head += f" continued_to={t.continued_to}"
            if t.reporters:
                head += f" reporters={t.reporters}"
            print(head)
            body = t.body if len(t.body) < 160 else t.body[:100] + " … " + t.body[-40:]
            print("    " + body.replace("\n", " ¶ "))
        print()


def _traits(n: int, seed: int) -> None:
    pool, by_date, dates = _prepare(None, None)
    table: dict[str, dict[str, int]] = {}
    t0 = time.perf_counter()
    for pos in POSITIONS:
        for i in range(n):
            _, S = _build(_page_rng(seed, pos, i), pos, pool, by_date, dates)
            for k in S.traits:
                table.setdefault(k, {}).setdefault(pos, 0)
                table[k][pos] += 1
    ms = (time.perf_counter() - t0) * 1000 / (3 * n)
    print(f"pages with each trait, % of {n} pages per position ({ms:.1f} ms/page)\n")
    print("| trait | after | before | mixed |")
    print("|---|---:|---:|---:|")
    for k in sorted(table):
        print(f"| {k} | " + " | ".join(f"{100 * table[k].get(p, 0) / n:.0f}" for p in POSITIONS) + " |")


def _run_check(n: int, seed: int) -> int:
    pool, by_date, dates = _prepare(None, None)
    fails = 0
    t0 = time.perf_counter()
    arts = caps = chars = 0
    for pos in POSITIONS:
        for i in range(n):
            try:
                page, _ = _build(_page_rng(seed, pos, i), pos, pool, by_date, dates)
            except AssertionError as e:
                fails += 1
                if fails <= 10:
                    print(f"FAIL {pos} page {i}: {e}")
                continue
            arts += sum(t.kind == "article" for t in page.truth)
            caps += sum(t.kind == "caption" for t in page.truth)
            chars += len(page.text)
    dt = time.perf_counter() - t0
    total = 3 * n
    # determinism: the same page twice
    a = generate_pages(3, MIXED, seed + 7)
    b = generate_pages(3, MIXED, seed + 7)
    assert [p.text for p in a] == [p.text for p in b] and [p.truth for p in a] == [p.truth for p in b]
    print(f"checked {total} pages ({n} per position): {fails} failed; "
          f"{arts / max(1, total - fails):.1f} articles, {caps / max(1, total - fails):.1f} captions, "
          f"{chars / max(1, total - fails):.0f} characters per page; {1000 * dt / total:.1f} ms/page")
    return 1 if fails else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, metavar="N", help="print N pages with their truth")
    ap.add_argument("--traits", type=int, metavar="N", help="trait frequencies over N pages per position")
    ap.add_argument("--check", type=int, metavar="N", help="build and check N pages per position")
    ap.add_argument("--position", default=MIXED, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    rc = 0
    if args.show:
        _show(args.show, args.position, args.seed)
    if args.traits:
        _traits(args.traits, args.seed)
    if args.check:
        rc = _run_check(args.check, args.seed)
    if not (args.show or args.traits or args.check):
        _show(2, args.position, args.seed)
    return rc


if __name__ == "__main__":
    sys.exit(main())
