#!/usr/bin/env python3
"""pagegen_d: a fourth page generator, written blind from the page spec and the seed page.

National-daily habits (要闻 pages of the big central papers): 新华社 / 本报 / 中新社 datelines in many
forms, bylines printed above the title, long titles with 引题 and 副题, 评论员 articles, 专栏 labels, a
要闻 page header and an editors' footer, briefs pages, photo pages, continued articles.

Every printed character is tagged with (item, role) while the page is set; the truth is checked
against the tags (an AssertionError on any mismatch).

    python benchmarks/pagegen_d.py --show 3 [--position after|before|mixed] [--seed S]
    python benchmarks/pagegen_d.py --traits 500
    python benchmarks/pagegen_d.py --check 2000
"""
from __future__ import annotations

import argparse
import datetime as _dt
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
# Word lists (written for this generator)

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
            "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
            "雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢")
SURNAMES2 = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容")
GIVEN1 = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然晨曦博文思源嘉怡涵鸣佑婷"
          "远国燕雷东琪楠凯欣悦瑞琳泽宁斌彬岩峰嵘蕾薇媛昊旭晖辉硕颖倩璐蓉晶菲迪航帆波澜沁珊瑶雯")

CITIES = ("北京", "上海", "天津", "重庆", "石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京",
          "杭州", "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都",
          "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川", "乌鲁木齐", "深圳", "厦门", "青岛", "大连",
          "宁波", "苏州", "洛阳", "襄阳", "赣州", "遵义", "喀什", "延安", "三亚", "雄安", "珠海", "温州",
          "烟台", "包头", "大同", "吕梁", "运城", "临汾", "长治", "晋中", "绵阳", "宜昌", "柳州", "桂林",
          "大理", "酒泉", "伊犁", "牡丹江", "丹东", "泉州", "景德镇", "黄山", "舟山", "日照", "开封")
FOREIGN = ("华盛顿", "纽约", "莫斯科", "伦敦", "巴黎", "柏林", "东京", "首尔", "新德里", "开罗", "内罗毕",
           "巴西利亚", "联合国", "日内瓦", "布鲁塞尔", "维也纳", "河内", "曼谷", "雅加达", "阿斯塔纳",
           "里约热内卢", "约翰内斯堡", "堪培拉", "罗马", "马德里", "伊斯兰堡", "德黑兰", "利雅得", "万象",
           "金边", "塔什干", "明斯克", "布达佩斯", "贝尔格莱德", "利马", "圣地亚哥", "阿布贾", "惠灵顿")
PROVINCES = ("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
             "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西",
             "西藏", "宁夏", "新疆")
COUNTIES = ("清河县", "永和县", "石楼县", "安泽县", "宁武县", "平顺县", "城固县", "凤翔区", "黎平县", "勐海县",
            "霞浦县", "婺源县", "德清县", "兰考县", "寿光市", "如皋市", "仙居县", "隆回县", "平潭县", "和田县",
            "西吉县", "敦煌市", "抚远市", "临夏市", "武夷山市", "都江堰市", "崇礼区", "滦平县")
ORGS = ("有关部门", "相关部门", "国家统计局", "国家发展改革委", "工业和信息化部", "商务部", "农业农村部", "交通运输部", "国家能源局",
        "水利部", "国家税务总局", "中国人民银行", "国家林草局", "市场监管总局", "国家铁路局", "中国民航局",
        "国家邮政局", "人力资源和社会保障部", "教育部", "生态环境部", "文化和旅游部", "国家医保局",
        "省统计局", "省商务厅", "省农业农村厅", "市人社局", "省交通运输厅", "海关总署", "国家知识产权局")
PAPERS = ("华夏日报", "东方时报", "光远日报", "中原日报", "江河日报", "长风经济报", "神州日报", "晨曦日报",
          "北辰日报", "大地经济日报", "新潮日报", "远山日报")
PAPER_PINYIN = ("HUAXIA RIBAO", "DONGFANG SHIBAO", "GUANGYUAN RIBAO", "ZHONGYUAN RIBAO", "JIANGHE RIBAO",
                "CHANGFENG JINGJIBAO", "SHENZHOU RIBAO", "CHENXI RIBAO", "BEICHEN RIBAO",
                "DADI JINGJI RIBAO", "XINCHAO RIBAO", "YUANSHAN RIBAO")
KICKERS = ("聚焦高质量发展", "奋进新征程", "蹲点调研记", "金秋丰收季", "产业链上看活力", "县域经济新观察",
           "数字赋能看变化", "开放合作新图景", "在一线", "新时代 新作为", "权威访谈", "回眸与前瞻",
           "高质量发展调研行", "部委负责人谈", "打好攻坚战", "城市更新进行时", "经济新方位", "民生温度计",
           "乡村振兴新画卷", "科技自立自强", "绿色发展看变化", "一线见闻", "数说成就", "新春走一线",
           "百姓身边事", "重大工程巡礼", "改革落地看成效", "两岸同心", "深化改革 砥砺前行", "大国工匠谱")
SERIES = ("一线调研", "高质量发展看基层", "改革一线见闻", "我们的新时代", "山河焕新颜", "大江南北看发展")
COMMENT_TOPICS = ("学习贯彻全会精神", "推动经济持续回升向好", "做好岁末年初各项工作", "扎实推进乡村全面振兴",
                  "以新质生产力赋能发展", "坚定不移扩大高水平开放", "把人民群众的期盼落到实处",
                  "以钉钉子精神抓落实", "守牢安全发展底线", "凝聚奋进新征程的强大合力")
ORDINALS = "一二三四五六七八九十"
LABELS = ("·简讯·", "简讯", "要闻速览", "记者观察", "一线视角", "图片新闻", "本版图片", "新闻速递", "短评",
          "深度观察", "国内要闻", "经济要闻", "新闻观察", "综合新闻",
          "●新闻随笔", "■ 来信调查", "视点", "权威发布", "记者手记", "国际视窗", "专家解读")
COMMENT_LABELS = ("评论员文章", "社论", "今日谈", "评论员观察", "时评", "论坛", "本报评论")
SCENE_SUBJ = ("村民", "工人", "游客", "志愿者", "学生", "农机手", "技术人员", "消防救援人员", "市民", "医护人员",
              "快递员", "科研人员", "果农", "渔民", "铁路职工", "演员", "运动员", "社区工作者", "茶农", "养殖户")
SCENE_ACT = ("在田间收割水稻", "在生产线上忙碌", "检修输电线路", "参观主题展览", "进行应急演练", "分拣包裹",
             "采摘成熟的苹果", "在港口码头作业", "表演传统节目", "在实验室调试设备", "为群众义诊",
             "在湖边观赏候鸟", "晾晒新收的玉米", "在冰场上训练", "在书屋里阅读", "驾驶无人机喷洒农药",
             "在集市选购年货", "在夜市品尝美食", "在新建成的公园健身", "在风电场巡检", "清理河道垃圾",
             "在工地上浇筑混凝土", "在大棚里管护蔬菜", "收获成熟的茶叶")
SCENE_WIDE = ("航拍的{p}城区夜景", "{p}一处湿地风光", "{p}一座新建成的大桥", "{p}秋收时节的梯田",
              "{p}港口集装箱码头一派繁忙", "{p}雪后的古城", "{p}一处光伏发电基地", "{p}的一片金色麦田",
              "{p}高铁站候车大厅", "{p}街头的灯光秀")
CAPTION_TITLES = ("丰收时节", "夜色璀璨", "金秋采摘忙", "冬日暖阳", "候鸟归来", "工地正酣", "书香满城", "欢度佳节",
                  "港口繁忙", "田间管理忙", "雪落古城", "绿意盎然", "喜迎节日", "练兵场上")
PHOTO_ORGS = ("东方视觉", "市委宣传部", "县融媒体中心", "景区管委会", "受访单位", "主办方", "省气象局",
              "中铁某局", "文旅局")
BRANDS = ("长城银行", "东海保险", "华山酒业", "青松家电", "远航汽车", "金穗米业", "星河通信", "白云药业")
SLOGANS = ("服务实体经济 助力美好生活", "品质生活 从这里开始", "百年匠心 诚信为本", "心系客户 专业护航",
           "科技创新 引领未来", "绿色出行 畅享生活")
COMPANIES = ("太原市鑫源商贸有限公司", "郑州宏达建材有限公司", "长沙顺通物流有限公司", "兰州天佑餐饮管理有限公司",
             "成都蓝海信息技术有限公司", "济南恒泰机械厂", "南宁绿源农业合作社", "昆明滇云旅行社有限公司")
DOCS = ("营业执照副本", "公章一枚", "财务专用章一枚", "开户许可证", "税务登记证正本", "道路运输证",
        "食品经营许可证副本")
WEATHER = ("晴", "多云", "阴", "小雨", "阵雨", "雷阵雨", "小雪", "晴转多云", "多云转晴", "雾", "中雨")
WEEK = "一二三四五六日"
COMMENT_RE = re.compile(r"^[^：:]{0,8}(评论员文章|社论|述评|短评|评论|国际锐评)[：:]")
FOREIGN_HINTS = (("美国", "华盛顿"), ("纽约", "纽约"), ("俄罗斯", "莫斯科"), ("俄军", "莫斯科"), ("英国", "伦敦"),
                 ("法国", "巴黎"), ("德国", "柏林"), ("日本", "东京"), ("韩国", "首尔"), ("印度", "新德里"),
                 ("埃及", "开罗"), ("肯尼亚", "内罗毕"), ("巴西", "巴西利亚"), ("联合国", "联合国"),
                 ("瑞士", "日内瓦"), ("欧盟", "布鲁塞尔"), ("越南", "河内"), ("泰国", "曼谷"), ("印度尼西亚", "雅加达"),
                 ("哈萨克斯坦", "阿斯塔纳"), ("意大利", "罗马"), ("西班牙", "马德里"), ("巴基斯坦", "伊斯兰堡"),
                 ("伊朗", "德黑兰"), ("沙特", "利雅得"), ("老挝", "万象"), ("柬埔寨", "金边"), ("以色列", "耶路撒冷"),
                 ("加沙", "加沙"), ("乌克兰", "基辅"), ("秘鲁", "利马"), ("南非", "约翰内斯堡"), ("澳大利亚", "堪培拉"))


# ----------------------------------------------------------------------------------------------
# Items

_ITEMS_CACHE: dict = {}
_PREFIX = "央视网消息（新闻联播）："


def _load_items() -> list[dict]:
    path = os.environ.get("BRIEF_XWLB_ITEMS")
    if not path:
        shared = os.environ.get("BRIEF_SHARED") or str(Path(__file__).resolve().parents[1].parent / "shared")
        path = str(Path(shared) / "eval" / "xwlb" / "items-dev.jsonl.gz")
    if path in _ITEMS_CACHE:
        return _ITEMS_CACHE[path]
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("is_roundup") or r.get("title", "") in ("", "undefined"):
                continue
            text = r.get("text", "")
            if text.startswith(_PREFIX):
                text = text[len(_PREFIX):]
            out.append({"title": r["title"], "paragraphs": text.split("\n"), "date": str(r.get("date", ""))})
    _ITEMS_CACHE[path] = out
    return out


_WS = re.compile(r"\s+")


def _nows(s: str) -> str:
    return _WS.sub("", s)


def _clean_items(items: list[dict], date_range) -> list[dict]:
    out = []
    for it in items:
        date = str(it.get("date", ""))
        if date_range and not (date_range[0] <= date <= date_range[1]):
            continue
        title = _WS.sub(" ", str(it.get("title", ""))).strip()
        paras = []
        for p in it.get("paragraphs", []):
            p = _WS.sub(" ", str(p)).strip()
            if not p or p.startswith("---") or "更新时间戳" in p or p == "undefined":
                continue
            paras.append(p)
        if not title or title == "undefined" or not paras:
            continue
        out.append({"title": title, "paragraphs": paras, "date": date,
                    "len": sum(len(p) for p in paras)})
    return out


# ----------------------------------------------------------------------------------------------
# Glyph helpers.  A glyph is (char, tag); tag is (item, role), "F" for furniture, None for layout space.

CLOSE = set("，。、；：？！）”’》」』】〕")
FW_PUNCT = set("，。、；：？！（）“”‘’《》「」『』【】〔〕—…·　")
SENT_END = re.compile(r"[^。！？]*(?:[。！？]+[”’」》）]*|$)")


def G(s: str, tag) -> list:
    return [(c, tag) for c in s]


def _w(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def _is_asc(ch: str) -> bool:
    return ord(ch) < 128 and (ch.isalnum() or ch in ".%+")


def _tokens(glyphs: list, keep_ascii: bool) -> list[list]:
    out, i, n = [], 0, len(glyphs)
    while i < n:
        if keep_ascii and _is_asc(glyphs[i][0]):
            j = i + 1
            while j < n and _is_asc(glyphs[j][0]):
                j += 1
            out.append(glyphs[i:j])
            i = j
        else:
            out.append(glyphs[i:i + 1])
            i += 1
    return out


def _sentences(p: str) -> list[str]:
    return [s for s in SENT_END.findall(p) if s]


def _name(rng: random.Random) -> str:
    sur = rng.choice(SURNAMES2) if rng.random() < 0.02 else rng.choice(SURNAMES)
    k = 1 if rng.random() < 0.3 else 2
    return sur + "".join(rng.choice(GIVEN1) for _ in range(k))


def _zh_num(n: int) -> str:
    if n <= 10:
        return ORDINALS[n - 1]
    return "十" + ORDINALS[n - 11] if n < 20 else str(n)


# ----------------------------------------------------------------------------------------------
# Column flow: wraps paragraphs into lines of a column, with column breaks (blank lines).

class Flow:
    def __init__(self, rng: random.Random, width: int, hmin: int, hmax: int, first_left: int,
                 p_wchange: float, kinsoku: float, p_ascii_break: float, p_para_blank: float):
        self.rng = rng
        self.width = width
        self.hmin, self.hmax = hmin, hmax
        self.left = first_left
        self.p_wchange = p_wchange
        self.kinsoku = kinsoku
        self.p_ascii_break = p_ascii_break
        self.p_para_blank = p_para_blank
        self.lines: list[list] = []
        self.p_letter = 0.0
        self.p_force = rng.choice((0.0, 0.2, 0.5))
        self.breaks = 0
        self.wchanges = 0

    def _emit(self, line: list) -> None:
        self.lines.append(line)
        self.left -= 1
        if self.left <= 0:
            self.lines.append([])
            self.breaks += 1
            self.left = self.rng.randint(self.hmin, self.hmax)
            if self.rng.random() < self.p_wchange:
                nw = max(8, min(22, self.width + self.rng.choice((-3, -2, -1, 1, 2, 3, 4))))
                if nw != self.width:
                    self.wchanges += 1
                self.width = nw

    def _full(self, line: list, nxt=None) -> None:
        if nxt is not None and line and self.p_force and self.left > 1:
            a, b = line[-1], nxt
            ta = a[1][1] if isinstance(a[1], tuple) else None
            tb = b[1][1] if isinstance(b[1], tuple) else None
            if (_is_asc(a[0]) and _is_asc(b[0])) or (ta in ("dateline", "credit") and tb in ("dateline", "credit")):
                if self.rng.random() < self.p_force:
                    self.left = 1
        if self.p_letter and self.rng.random() < self.p_letter:
            line = [("", "LS")] + line
        self._emit(line)

    def para(self, glyphs: list, indent: list | None = None, blank_after: bool | None = None) -> None:
        rng = self.rng
        toks = _tokens(glyphs, rng.random() >= self.p_ascii_break)
        cur = list(indent or [])
        curw = sum(_w(c) for c, _ in cur)
        i = 0
        while i < len(toks):
            tok = toks[i]
            tw = sum(_w(c) for c, _ in tok)
            if curw + tw <= self.width + 1e-9 or not cur:
                if tw > self.width and not cur and len(tok) > 1:  # long ASCII run: split
                    cut = max(1, int(self.width * 2))
                    toks[i:i + 1] = [tok[:cut], tok[cut:]]
                    continue
                cur.extend(tok)
                curw += tw
                i += 1
                continue
            # the token does not fit
            if tok[0][0] in CLOSE and rng.random() < self.kinsoku:
                if rng.random() < 0.7 or len(cur) < 3:
                    cur.extend(tok)  # hang the punctuation
                    i += 1
                    self._full(cur, toks[i][0] if i < len(toks) else None)
                    cur, curw = [], 0.0
                    continue
                last = cur.pop()  # push the last character down with it
                self._full(cur, last)
                cur, curw = [last], _w(last[0])
                continue
            self._full(cur, tok[0])
            cur, curw = [], 0.0
        if cur:
            self._emit(cur)
        if blank_after is None:
            blank_after = rng.random() < self.p_para_blank
        if blank_after and self.lines and self.lines[-1]:
            self.lines.append([])

    def finish(self) -> list[list]:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return self.lines


def _wrap_simple(glyphs: list, width: float) -> list[list]:
    lines, cur, curw = [], [], 0.0
    for g in glyphs:
        w = _w(g[0])
        if cur and curw + w > width and g[0] not in CLOSE:
            lines.append(cur)
            cur, curw = [], 0.0
        cur.append(g)
        curw += w
    if cur:
        lines.append(cur)
    return lines


def _wrap_words(glyphs: list, width: float, rng: random.Random) -> list[list]:
    """Wrap at spaces (names are not cut), or anywhere now and then."""
    if rng.random() < 0.15:
        return _wrap_simple(glyphs, width)
    words, cur = [], []
    for g in glyphs:
        if g[0] == " ":
            if cur:
                words.append(cur)
            cur = []
        else:
            cur.append(g)
    if cur:
        words.append(cur)
    lines, line, lw = [], [], 0.0
    for wd in words:
        ww = sum(_w(c) for c, _ in wd)
        if line and lw + 0.5 + ww > width:
            lines.append(line)
            line, lw = [], 0.0
        if line:
            line.append((" ", None))
            lw += 0.5
        line.extend(wd)
        lw += ww
    if line:
        lines.append(line)
    return lines


def _split_anywhere(glyphs: list, n: int, rng: random.Random, prefer: list[int] | None = None) -> list[list]:
    if n <= 1 or len(glyphs) < 2 * n:
        return [glyphs]
    if prefer and n == 2 and rng.random() < 0.65:
        cut = rng.choice(prefer) + rng.choice((0, 0, 1))
        return [glyphs[:cut], glyphs[cut:]]
    L = len(glyphs)
    cuts = sorted(set(max(1, min(L - 1, round(L * k / n) + rng.randint(-3, 3))) for k in range(1, n)))
    out, prev = [], 0
    for c in cuts:
        while c < L - 1 and (glyphs[c][0] in CLOSE or glyphs[c][0] == " "):
            c += 1
        if c > prev:
            out.append(glyphs[prev:c])
            prev = c
    out.append(glyphs[prev:])
    return [x for x in out if x]


# ----------------------------------------------------------------------------------------------
# Credits

def _names(rng, k):
    return [_name(rng) for _ in range(k)]


def _byline(rng: random.Random, paper: str, traits: set) -> tuple[str, list[str]]:
    """A byline printed on its own line (role byline)."""
    r = rng.random()
    if r < 0.26:
        ns = _names(rng, rng.choice((1, 1, 2, 2, 3)))
        return "本报记者 " + " ".join(ns), ns
    if r < 0.36:
        ns = _names(rng, rng.choice((1, 2, 2, 3)))
        return "新华社记者 " + rng.choice((" ", "  ", "、")).join(ns), ns
    if r < 0.46:
        a, b = _name(rng), _name(rng)
        return rng.choice(("记者 {a} 通讯员 {b}", "本报记者 {a} 本报通讯员 {b}", "记者{a} 通讯员{b}",
                           "本报记者 {a} 实习生 {b}")).format(a=a, b=b), [a, b]
    if r < 0.54:
        ns = _names(rng, rng.choice((1, 2)))
        return rng.choice(("□ 本报记者 ", "□本报记者 ", "■ 本报记者 ")) + " ".join(ns), ns
    if r < 0.61:
        a = _name(rng)
        return rng.choice(("文/记者 {a}", "文/图 本报记者 {a}", "文/本报记者 {a}", "文/{a}")).format(a=a), [a]
    if r < 0.72:
        ns = _names(rng, rng.choice((1, 2, 2)))
        return paper + "记者 " + " ".join(ns), ns
    if r < 0.8:
        a = _name(rng)
        return "本报驻" + rng.choice(FOREIGN[:30]) + "记者 " + a, [a]
    if r < 0.87:
        ns = _names(rng, rng.choice((2, 3)))
        return "本报记者 " + "、".join(ns), ns
    if r < 0.93:
        if rng.random() < 0.5:
            return rng.choice(("本报调研组", "本报采访组", "本报记者")), []
        ns = _names(rng, 2)
        return "本报记者 " + "  ".join(ns), ns
    a = _name(rng)
    return "本报记者  " + a, [a]


def _credit_paren(rng: random.Random) -> tuple[str, list[str]]:
    r = rng.random()
    if r < 0.45:
        ns = _names(rng, rng.choice((1, 1, 2)))
        sep = rng.choice((" ", "、", "  "))
        lead = rng.choice(("记者 ", "记者", "记者 "))
        return "（" + lead + sep.join(ns) + "）", ns
    if r < 0.7:
        a, b = _name(rng), _name(rng)
        return rng.choice(("（记者 {a} 通讯员 {b}）", "（记者{a} 通讯员{b}）", "（记者 {a} 实习生 {b}）",
                           "（通讯员 {b} 记者 {a}）")).format(a=a, b=b), [a, b]
    if r < 0.85:
        ns = _names(rng, 3)
        return "（记者 " + rng.choice(("、", " ")).join(ns) + "）", ns
    a = _name(rng)
    return "（" + rng.choice(("记者", "本报记者", "记者 ")) + a + "）", [a]


# ----------------------------------------------------------------------------------------------
# Building an article

class Ctx:
    """Per-page habits."""

    def __init__(self, rng: random.Random, day: _dt.date, position: str):
        self.rng = rng
        self.day = day                        # the news day (items' date)
        self.pub = day + _dt.timedelta(days=1)
        self.position = position
        self.paper = rng.choice(PAPERS)
        self.page_no = rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12))
        self.p_dig = 0.0 if rng.random() < 0.2 else rng.uniform(0.3, 1.0)
        self.p_letter = 0.0 if rng.random() < 0.35 else rng.uniform(0.003, 0.04)
        self.indent = rng.choice(("", "", "", "　　", "　　", "  ", " "))
        self.p_para_blank = rng.choice((0.0, 0.0, 0.05, 0.3, 0.7, 0.95, 1.0))
        self.p_block_blank = rng.choice((1.0, 0.95, 0.8, 0.5))
        self.kinsoku = rng.choice((1.0, 1.0, 1.0, 0.95, 0.85, 0.6))  # share of articles set with 禁则
        self.hrange = rng.choice(((6, 14), (10, 25), (15, 40), (8, 60), (25, 60)))
        self.base_width = rng.choice((None, None, rng.randint(10, 18)))
        self.dl_space = rng.choice(("", "", "　", " "))
        self.traits: set = set()
        self.national = rng.random() < 0.75


def _date_str(d: _dt.date) -> str:
    return f"{d.month}月{d.day}日"


def _dateline(rng: random.Random, ctx: Ctx, item: dict, traits: set) -> tuple[str, str, list[str], str]:
    """(dateline, credit, reporters, form)."""
    try:
        d = _dt.date(int(item["date"][:4]), int(item["date"][4:6]), int(item["date"][6:8]))
    except Exception:
        d = ctx.day
    if rng.random() < 0.1:
        d = d - _dt.timedelta(days=1)
    text = item["paragraphs"][0][:80]
    city = next((c for c in CITIES if c in text), None) if rng.random() < 0.6 else None
    if not city:
        city = "北京" if rng.random() < (0.5 if ctx.national else 0.15) else rng.choice(CITIES)
    r = rng.random()
    if r < 0.2:
        cr, ns = _credit_paren(rng)
        return f"本报{city}{_date_str(d)}讯", cr, ns, "本报city讯"
    if r < 0.34:
        cr, ns = _credit_paren(rng) if rng.random() < 0.8 else ("", [])
        return f"本报{city}{_date_str(d)}电", cr, ns, "本报city电"
    if r < 0.47:
        cr, ns = _credit_paren(rng) if rng.random() < 0.6 else ("", [])
        return rng.choice(("本报讯", "本报讯", "本报电")), cr, ns, "本报讯"
    if r < 0.66:
        fc = next((c for k, c in FOREIGN_HINTS if k in text), None)
        place = fc if fc and rng.random() < 0.8 else (city if rng.random() < 0.5 else "北京")
        if rng.random() < 0.55:
            ns = _names(rng, rng.choice((1, 2, 2, 3)))
            cr = "（记者" + rng.choice(("", " ")) + rng.choice(("、", " ")).join(ns) + "）"
        else:
            cr, ns = "", []
        pre = "据新华社" if rng.random() < 0.1 else "新华社"
        return f"{pre}{place}{_date_str(d)}电", cr, ns, "新华社"
    if r < 0.71:
        cr, ns = ("（记者 " + (a := _name(rng)) + "）", [a]) if rng.random() < 0.6 else ("", [])
        return f"中新社{city}{_date_str(d)}电", cr, ns, "中新社"
    if r < 0.75:
        return f"{ctx.paper[:2]}网{city}{_date_str(d)}电", "", [], "网电"
    return "", "", [], "none"


def _pick_paras(rng: random.Random, item: dict, target: int, start: int = 0) -> list[str]:
    paras = item["paragraphs"][start:]
    out, n = [], 0
    for p in paras:
        if out and n + len(p) > target * 1.3:
            break
        out.append(p)
        n += len(p)
        if n >= target:
            break
    if len(out) == 1 and len(out[0]) > target * 1.6:
        sents = _sentences(out[0])
        acc = ""
        for s in sents:
            if acc and len(acc) + len(s) > target * 1.2:
                break
            acc += s
        out = [acc or out[0]]
    return out


def _subhead_from(rng: random.Random, para: str) -> str | None:
    clauses = [c for c in re.split(r"[，。；：！？、]", para) if 4 <= len(c) <= rng.choice((10, 12, 16))]
    clauses = [c for c in clauses if c.count("“") == c.count("”") and c.count("《") == c.count("》")
               and c.count("（") == c.count("）")]
    if not clauses:
        return None
    return rng.choice(clauses[:3])


def _title_parts(rng: random.Random, raw: str, traits: set) -> tuple[str, str, str]:
    """(kicker, title, subtitle) as printed (with spaces kept; the truth removes whitespace)."""
    kicker = subtitle = ""
    m = re.match(r"^【([^】]{1,20})】(.+)$", raw)
    title = raw
    if m:
        title = m.group(2).strip()
        r = rng.random()
        if r < 0.55:
            kicker = m.group(1)
        elif r < 0.75:
            kicker = "【" + m.group(1) + "】"
        elif r < 0.85:
            kicker = m.group(1) + "——"
        traits.add("xwlb tag " + ("dropped" if not kicker else "as kicker"))
    # natural breaks
    breaks = [mm for mm in re.finditer(r"——| |：|，", title)]
    long = len(_nows(title)) > 30
    if breaks and (long or rng.random() < 0.3):
        b = breaks[0] if rng.random() < 0.7 else rng.choice(breaks)
        head, sep, tail = title[:b.start()], b.group(), title[b.end():]
        if len(_nows(head)) >= 2 and len(_nows(tail)) >= 4:
            r = rng.random()
            if not kicker and r < 0.35 and len(_nows(head)) <= 16:
                kicker = head + (rng.choice(("——", "：", "", "——")) if sep != " " else rng.choice(("", "——")))
                title = tail
                traits.add("title split into kicker+title")
            elif r < 0.75 and len(_nows(head)) >= 5:
                subtitle = (rng.choice(("——", "——", "")) if sep != "——" else "——") + tail
                title = head
                traits.add("title split into title+subtitle")
            elif len(_nows(head)) >= 6:
                title = head
                traits.add("title shortened")
    return kicker, title, subtitle


class Art:
    def __init__(self, idx: int):
        self.idx = idx
        self.head: list[list] = []
        self.body: list[list] = []
        self.truth: TruthItem | None = None
        self.before = False
        self.runin = False


def _make_article(rng: random.Random, ctx: Ctx, idx: int, item: dict, mode: str, traits: set,
                  target: int = 600) -> Art:
    """mode: normal, long, brief, comment, jump, cont, untitled."""
    art = Art(idx)
    T = lambda role: (idx, role)  # noqa: E731
    kicker, title, subtitle = _title_parts(rng, item["title"], traits)
    reporters: list[str] = []
    continued_to = None
    byline = ""
    byline_names: list[str] = []
    dateline, credit, cr_names, form = "", "", [], "none"
    lead_phrase = ""

    if mode == "comment":
        m = COMMENT_RE.match(item["title"])
        if m and rng.random() < 0.75:
            rest = item["title"][m.end():]
            kicker = ""
            title, _, sub = rest.partition("——")
            subtitle = "——" + sub if sub else ""
            traits.add("commentary title without its xwlb prefix")
        byline = rng.choice(("本报评论员", "本报评论员", "新华社评论员", "本报特约评论员", "本报评论部",
                             "本报评论员"))
        if not subtitle and rng.random() < 0.5:
            subtitle = "——" + _zh_num(rng.randint(1, 6)) + "论" + rng.choice(COMMENT_TOPICS)
        if rng.random() < 0.4:
            kicker = ""
        traits.add("commentary")
    elif mode == "brief":
        if rng.random() < 0.9:
            kicker = ""
        subtitle = ""
        r = rng.random()
        if r < 0.45:
            dateline, credit, cr_names, form = _dateline(rng, ctx, item, traits)
            if rng.random() < 0.5:
                credit, cr_names = "", []
        elif r < 0.55:
            byline, byline_names = _byline(rng, ctx.paper, traits)
    elif mode != "cont":
        r = rng.random()
        if r < 0.55:
            dateline, credit, cr_names, form = _dateline(rng, ctx, item, traits)
        if r >= 0.4 or not credit:
            if rng.random() < 0.55:
                byline, byline_names = _byline(rng, ctx.paper, traits)
        if not dateline and rng.random() < 0.12:
            head = " ".join(item["paragraphs"])[:300]
            found = [o for o in ORGS[2:] if o in head]
            org = rng.choice(found) if found else rng.choice(("有关部门", "相关部门", "有关方面"))
            d = ctx.day
            lead_phrase = rng.choice((f"记者{d.day}日从{org}获悉，", f"本报记者日前从{org}获悉，",
                                      f"记者近日从{org}了解到，", f"记者从{org}获悉：",
                                      f"{ctx.paper}记者{d.day}日从{org}获悉，"))
            form = "记者获悉"
        if rng.random() < (0.35 if ctx.national else 0.15) and not subtitle:
            r2 = rng.random()
            if r2 < 0.4:
                subtitle = "——“" + rng.choice(SERIES) + "”系列报道之" + _zh_num(rng.randint(1, 10))
            elif r2 < 0.65:
                subtitle = "——来自" + rng.choice(CITIES) + rng.choice(("的蹲点报道", "的调研报告", "一线的报道"))
            else:
                cl = _subhead_from(rng, item["paragraphs"][0])
                if cl:
                    subtitle = "——" + cl
        if not kicker and rng.random() < (0.3 if ctx.national else 0.18):
            r2 = rng.random()
            if r2 < 0.55:
                kicker = rng.choice(KICKERS)
            else:
                head = item["paragraphs"][0][:120]
                found = [o for o in ORGS[2:] if o in head] + [c + "市" for c in CITIES if c in head]
                kicker = (rng.choice(found) + rng.choice(("——", "——", "：", ""))) if found else rng.choice(KICKERS)
    traits.add("dateline " + form if form != "none" else "an article without dateline")

    # ---- body paragraphs
    start = 0
    if mode == "long":
        paras = _pick_paras(rng, item, rng.randint(1500, 3000))
    elif mode == "brief":
        sents = _sentences(item["paragraphs"][0])
        acc = ""
        lim = rng.randint(60, 250)
        for s in sents:
            if acc and len(acc) + len(s) > lim:
                break
            acc += s
        paras = [acc]
    elif mode == "cont":
        n = len(item["paragraphs"])
        start = rng.randint(1, max(1, n - 1)) if n > 1 else 0
        paras = _pick_paras(rng, item, target, start)
        if start == 0 or rng.random() < 0.3:
            sents = _sentences(paras[0])
            if len(sents) > 1:
                k = rng.randint(1, len(sents) - 1)
                paras[0] = "".join(sents[k:])
        traits.add("continuation (上接)")
    else:
        paras = _pick_paras(rng, item, target)
    paras = [p for p in paras if p.strip()] or [item["paragraphs"][0]]
    if lead_phrase:
        paras[0] = lead_phrase + paras[0]

    # subheads
    sub_marks: set[int] = set()
    if len(paras) >= 5 and sum(map(len, paras)) > 800 and rng.random() < (0.8 if mode == "long" else 0.35):
        style = rng.choice(("plain", "plain", "num", "paren", "bracket"))
        out, k, gap = [], 0, rng.randint(2, 5)
        for j, p in enumerate(paras):
            if j >= 1 and j % gap == 0 and j < len(paras) - 1:
                sh = _subhead_from(rng, p)
                if sh:
                    k += 1
                    sh = {"plain": sh, "num": _zh_num(k) + "、" + sh, "paren": "（" + _zh_num(k) + "）" + sh,
                          "bracket": "【" + sh + "】"}[style]
                    sub_marks.add(len(out))
                    out.append(sh)
            out.append(p)
        if sub_marks:
            paras = out
            traits.add("subheads")

    if mode == "jump":
        continued_to = str(rng.choice((2, 2, 2, 3, 4, 5, 6, 8)))
        traits.add("jump line (下转)")

    untitled = mode == "untitled" or (mode == "cont" and rng.random() < 0.3)
    if mode == "cont" and not untitled and rng.random() < 0.4:
        bs = [mm.start() for mm in re.finditer(r"——| |：|，", title)]
        if bs and bs[0] >= 4:
            title = title[:bs[0]]
        elif len(title) > 10:
            title = title[:rng.randint(6, len(title) - 2)]
        traits.add("continuation title shortened")
    if mode == "cont":
        kicker = subtitle = ""
    if untitled:
        title = kicker = subtitle = ""
        traits.add("article without title")

    reporters = byline_names + cr_names

    # ---- body flow
    width = ctx.base_width if ctx.base_width and rng.random() < 0.7 else rng.choice(
        (8, 9, 10, 11, 11, 12, 12, 13, 13, 13, 14, 14, 15, 15, 16, 17, 18, 19, 20, 21, 22))
    if mode == "brief":
        width = rng.randint(10, 22)
    hmin, hmax = ctx.hrange
    H = rng.randint(hmin, hmax)
    kinsoku = 0.998 if rng.random() < ctx.kinsoku else rng.choice((0.0, 0.3, 0.7))
    fl = Flow(rng, width, hmin, hmax, rng.randint(1, H), rng.choice((0.0, 0.0, 0.1, 0.3)), kinsoku,
              rng.choice((0.0, 0.0, 0.1, 0.4)), ctx.p_para_blank)
    fl.p_letter = ctx.p_letter
    indent_s = ctx.indent if rng.random() < 0.85 else rng.choice(("", "　　"))
    indent = G(indent_s, None)
    byline_pos = None
    if byline:
        byline_pos = rng.choice(("above", "above", "above", "below", "body")) if mode != "brief" else "body"
        if mode == "comment":
            byline_pos = rng.choice(("above", "below", "body"))
    if mode == "cont":
        jl = rng.choice(("（上接第1版）", "（上接第一版）", "(上接第1版)", "（上接第 1 版）", "（上接1版）"))
        if rng.random() < 0.4:
            fl.para(G(jl, T("jump")), None, False)
            jl = None
    else:
        jl = None
    if byline_pos == "body":
        bw = fl.width + (0 if rng.random() < 0.7 else rng.randint(1, 6))
        bls = _wrap_words(G(byline, T("byline")), bw, rng)
        for k, ln in enumerate(bls):
            if k and rng.random() < 0.25:
                fl.lines.append([])
            fl._emit(ln)
        if rng.random() < 0.3:
            fl.lines.append([])
        traits.add("byline at top of body")
    for j, p in enumerate(paras):
        g: list = []
        if j == 0:
            if jl:
                g += G(jl, T("jump"))
            if dateline:
                g += G(dateline, T("dateline"))
                if credit:
                    g += G(rng.choice(("", "", ctx.dl_space)), None) + G(credit, T("credit"))
                g += G(ctx.dl_space if rng.random() < 0.8 else "　", None)
        g += G(p, T("body"))
        if j == len(paras) - 1 and continued_to:
            jtxt = rng.choice(("（下转第{n}版）", "（下转第{n}版）", "(下转第{n}版)", "（下转第 {n} 版）"))
            jtxt = jtxt.format(n=continued_to)
            if rng.random() < 0.6:
                g += G(rng.choice((" ", "  ", "　")), None) + G(jtxt, T("jump"))
                fl.para(g, indent if not (j == 0 and (dateline or jl)) or rng.random() < 0.5 else None)
            else:
                fl.para(g, indent)
                fl.para(G(jtxt, T("jump")), None, False)
            continue
        if j in sub_marks:
            fl.para(g, None, rng.random() < 0.3)
        else:
            fl.para(g, indent if not (j == 0 and (dateline or jl)) or rng.random() < 0.5 else None)
    art.body = fl.finish()
    if fl.breaks:
        traits.add("column break in a body")
    if fl.wchanges:
        traits.add("width change at a column break")

    # ---- headline block
    hw = rng.choice((8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 34, 40))
    tglyphs = G(title.strip(), T("title"))
    prefer = [k for k, (c, _) in enumerate(tglyphs) if c == " "]
    nt = len(_nows(title))
    if nt == 0:
        tlines = []
    else:
        nlines = 1
        if nt > hw:
            nlines = min(3, -(-nt // hw))
        elif nt >= 10 and rng.random() < 0.25:
            nlines = 2
        if rng.random() < 0.1:
            nlines = 1
        tlines = _split_anywhere(tglyphs, nlines, rng, prefer)
        tlines = [ln for ln in (_strip_line(x) for x in tlines) if ln]
        if len(tlines) > 1:
            traits.add("multi-line title")
        if prefer:
            traits.add("two-phrase title")
    marker = None
    if mode == "brief" and title:
        r = rng.random()
        if r < 0.25:
            marker = (rng.choice(("■", "■ ", "●", "● ", "▲")), "")
        elif r < 0.37:
            marker = ("【", "】")
        elif r < 0.45:
            marker = ("◆", "")
        if marker and tlines:
            tlines[0] = G(marker[0], T("mark")) + tlines[0]
            if marker[1]:
                tlines[-1] = tlines[-1] + G(marker[1], T("mark"))
            traits.add("brief title marker")
        if marker and marker[0] == "【" and len(tlines) == 1 and rng.random() < 0.5 and art.body \
                and art.body[0] and art.body[0][0][1] and art.body[0][0][1][1] in ("body", "dateline"):
            art.runin = True
    head: list[list] = []
    kl = _wrap_simple(G(kicker, T("kicker")), max(hw, 12)) if kicker else []
    sl = _wrap_simple(G(subtitle, T("subtitle")), max(hw + rng.randint(0, 10), 12)) if subtitle else []
    kicker_below = bool(kicker) and rng.random() < 0.2
    p_hblank = rng.choice((0.0, 0.0, 0.15, 0.4))
    bl = []
    if byline and byline_pos in ("above", "below"):
        bw = rng.choice((8, 10, 12, 16, 30, 40))
        bl = _wrap_words(G(byline, T("byline")), bw, rng)
        if len(bl) > 1:
            traits.add("byline broken over lines")
            if rng.random() < 0.2:
                bl = [bl[0], []] + bl[1:]
        traits.add("byline " + byline_pos + " headline")

    def add(lines):
        for ln in lines:
            head.append(ln)
        if lines and rng.random() < p_hblank:
            head.append([])

    if byline_pos == "above":
        add(bl)
    if kicker and not kicker_below:
        add(kl)
    for k, ln in enumerate(tlines):
        head.append(ln)
        if k < len(tlines) - 1 and rng.random() < 0.12:
            head.append([])
            traits.add("column break inside a title")
    if tlines and rng.random() < p_hblank:
        head.append([])
    if kicker and kicker_below:
        add(kl)
        traits.add("kicker below title")
    add(sl)
    if byline_pos == "below":
        add(bl)
    while head and not head[-1]:
        head.pop()
    if kicker:
        traits.add("kicker")
    if subtitle:
        traits.add("subtitle")
    art.head = head

    if art.runin:
        # 【title】 run into the first body line: re-flow the first body line with the title in front
        first = art.head
        art.head = [ln for ln in first if not any(t and t[1] in ("title", "mark") for _, t in ln)]
        tl = [g for ln in first for g in ln if g[1] and g[1][1] in ("title", "mark")]
        art.body = [tl + art.body[0]] + art.body[1:] if art.body else [tl]
        traits.add("run-in brief title")

    if mode == "cont":
        pass
    art.truth = TruthItem("article", _nows(title), "\n".join(paras), reporters, continued_to,
                          _nows(kicker), _nows(subtitle), _nows(dateline))
    return art


def _strip_line(ln: list) -> list:
    i, j = 0, len(ln)
    while i < j and ln[i][0].isspace():
        i += 1
    while j > i and ln[j - 1][0].isspace():
        j -= 1
    return ln[i:j]


def _caption(rng: random.Random, ctx: Ctx, idx: int, traits: set) -> tuple[list[list], TruthItem]:
    T = (idx, "body")
    d = ctx.day
    place = rng.choice(PROVINCES) + rng.choice(COUNTIES) if rng.random() < 0.6 else rng.choice(CITIES) + "市"
    r = rng.random()
    if r < 0.45:
        text = f"{_date_str(d)}，{rng.choice(SCENE_SUBJ)}{rng.choice(SCENE_ACT)}。"
        if rng.random() < 0.7:
            text = f"{_date_str(d)}，在{place}，{rng.choice(SCENE_SUBJ)}{rng.choice(SCENE_ACT)}。"
    elif r < 0.7:
        text = "图为" + rng.choice(SCENE_WIDE).format(p=place) + "。"
        if rng.random() < 0.5:
            text = rng.choice(("近日，", "日前，", f"{_date_str(d)}，")) + place + rng.choice(SCENE_SUBJ) + \
                rng.choice(SCENE_ACT) + "。" + text
    elif r < 0.85:
        text = rng.choice(("近日，", "连日来，", "入秋以来，", "眼下，")) + place + "的" + rng.choice(SCENE_SUBJ) + \
            rng.choice(SCENE_ACT) + "，" + rng.choice(("一派忙碌景象。", "场面热闹。", "处处洋溢着喜悦。",
                                                       "为群众生活增添便利。"))
    else:
        text = rng.choice(SCENE_WIDE).format(p=place) + "（" + rng.choice(("无人机照片", "拼版照片", "资料图片")) + "）。"
    r = rng.random()
    names: list[str] = []
    if r < 0.3:
        a = _name(rng); names = [a]
        credit = rng.choice(("本报记者 {a} 摄", "本报记者{a}摄", "记者 {a} 摄")).format(a=a)
    elif r < 0.45:
        ns = _names(rng, rng.choice((1, 2))); names = ns
        credit = "新华社记者 " + " ".join(ns) + " 摄"
    elif r < 0.55:
        credit = "新华社发"
        if rng.random() < 0.5:
            a = _name(rng); names = [a]
            credit = f"新华社发（{a}摄）"
    elif r < 0.63:
        credit = "（资料图片）"
    elif r < 0.75:
        credit = rng.choice(PHOTO_ORGS) + rng.choice(("供图", " 供图"))
    elif r < 0.85:
        a = _name(rng); names = [a]
        credit = rng.choice(("{a} 摄", "{a}摄", "通讯员 {a} 摄", "{a} 摄（东方图片）")).format(a=a)
    elif r < 0.93:
        a, b = _name(rng), _name(rng); names = [a, b]
        credit = f"本报记者 {a} 通讯员 {b} 摄"
    else:
        credit = "（本报资料图片）"
    ctitle = rng.choice(CAPTION_TITLES) if rng.random() < 0.2 else ""
    width = rng.choice((12, 14, 16, 18, 20, 24, 28, 32, 40, 50, 60))
    lines: list[list] = []
    paras = []
    if ctitle:
        lines.append(G(ctitle, T))
        paras.append(ctitle)
        traits.add("caption title")
    sep = rng.choice((" ", "  ", "　", "\n", ""))
    if sep == "\n":
        lines += _wrap_simple(G(text, T), width)
        lines += [G(credit, T)]
        paras += [text, credit]
    else:
        lines += _wrap_simple(G(text, T) + G(sep, None) + G(credit, T), width)
        paras.append(text + sep + credit)
    if len(lines) > 4:
        lines = _wrap_simple([g for ln in lines for g in ln], 80)
    traits.add("caption")
    return lines, TruthItem("caption", "", "\n".join(paras), names)


# ----------------------------------------------------------------------------------------------
# Furniture

def _furniture(rng: random.Random, ctx: Ctx, kind: str, traits: set) -> list[list]:
    F = "F"
    pub = ctx.pub
    y, m, d, w = pub.year, pub.month, pub.day, WEEK[pub.weekday()]
    n = ctx.page_no
    if kind == "header":
        forms = [
            f"{ctx.paper}  {y}年{m}月{d}日  星期{w}",
            f"{n}  要闻",
            f"要闻  {n}",
            f"{y}年{m}月{d}日 星期{w} 要闻 {n}",
            f"{n}\n{ctx.paper}\n{y}年{m}月{d}日 星期{w}\n要闻",
            f"第{n}版",
            f"{ctx.paper}\n{y}年{m}月{d}日\n星期{w}\n第{n}版\n要闻",
            f"要 闻\n{y}年{m}月{d}日 星期{w}\n{n}",
            f"{n} 要闻 {y}.{m:02d}.{d:02d} 星期{w}",
        ]
        if n == 1:
            i = PAPERS.index(ctx.paper)
            forms += [
                f"{ctx.paper}\n{PAPER_PINYIN[i]}\n{y}年{m}月{d}日 星期{w}\n农历甲辰年{rng.choice('十九八七六')}月"
                f"{rng.choice(('初三', '十六', '廿二', '初九', '三十'))}\n今日{rng.choice((8, 12, 16, 20, 24))}版",
                f"国内统一连续出版物号 CN{rng.randint(11, 65)}-{rng.randint(1, 9999):04d}\n"
                f"代号{rng.randint(1, 99)}-{rng.randint(1, 99)}  第{rng.randint(10000, 29999)}期",
                f"{ctx.paper}\n{y}年{m}月{d}日  星期{w}\n今日{rng.choice((8, 12, 16))}版",
            ]
        s = rng.choice(forms)
        traits.add("furniture: page header")
    elif kind == "footer":
        a, b, c = _name(rng), _name(rng), _name(rng)
        s = rng.choice((f"责任编辑：{a} 版式设计：{b}", f"版面编辑：{a}", f"本版责编：{a} {b}",
                        f"责编：{a} 校对：{b} 美编：{c}", f"本版编辑 {a}  {b}\n版式 {c}",
                        f"责任编辑 {a}", f"本版主编：{a}  责任编辑：{b}  美术编辑：{c}",
                        f"版面设计：{a}\n责任校对：{b}",
                        f"{y}年{m}月{d}日 星期{w}  第{n}版  编辑：{a}"))
        traits.add("furniture: editor line / footer")
    elif kind == "label":
        s = rng.choice(LABELS)
        traits.add("furniture: column label")
    elif kind == "pageno":
        s = rng.choice((str(n), f"第{n}版", f"— {n} —", f"{n}"))
        traits.add("furniture: page number")
    elif kind == "advert":
        s = rng.choice(BRANDS) + rng.choice(("\n", "  ")) + rng.choice(SLOGANS) + \
            rng.choice(("\n服务热线：", "  咨询电话：", "\n热线 ")) + f"400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
        traits.add("furniture: advert")
    elif kind == "notice":
        r = rng.random()
        if r < 0.5:
            s = "遗失声明\n" + rng.choice(COMPANIES) + "遗失" + rng.choice(DOCS) + "，统一社会信用代码：91" + \
                str(rng.randint(100000, 999999)) + "MA" + str(rng.randint(1000000, 9999999)) + "，声明作废。"
        elif r < 0.75:
            s = "招聘启事\n" + rng.choice(COMPANIES) + "因业务发展需要，现招聘" + rng.choice(
                ("会计", "驾驶员", "销售代表", "技术员", "文员")) + str(rng.randint(1, 9)) + "名。有意者请联系：" + \
                f"0{rng.randint(10, 999)}-{rng.randint(1000000, 9999999)}"
        else:
            s = "公告\n" + rng.choice(COMPANIES) + "拟注销，请债权人自本公告发布之日起四十五日内向本公司申报债权。特此公告。"
        traits.add("furniture: notice")
    elif kind == "weather":
        cs = rng.sample(CITIES, rng.randint(3, 7))
        parts = []
        for c in cs:
            lo = rng.randint(-12, 20)
            parts.append(f"{c} {rng.choice(WEATHER)} {lo}℃～{lo + rng.randint(3, 12)}℃")
        s = rng.choice(("天气预报", "今日天气", "全国主要城市天气")) + "\n" + rng.choice(("\n", "  ")).join(parts)
        traits.add("furniture: weather")
    elif kind == "qr":
        s = rng.choice(("扫码看视频", "扫码阅读全文", "扫一扫 看更多精彩", "扫码下载客户端", "扫描二维码\n观看现场视频",
                        "更多报道请扫码"))
        traits.add("furniture: QR hint")
    else:
        s = kind
    lines = []
    width = rng.choice((10, 14, 20, 40, 80))
    for part in s.split("\n"):
        lines += _wrap_simple(G(part, F), width)
    return lines


# ----------------------------------------------------------------------------------------------
# Rendering: digit spacing, letter spacing, tag bookkeeping

def _run_flags(ln: list, rng: random.Random, p: float) -> list:
    flags = [False] * len(ln)
    k = 0
    same = rng.random() < 0.75
    f0 = rng.random() < p
    while k < len(ln):
        if _is_asc(ln[k][0]):
            j = k
            while j < len(ln) and _is_asc(ln[j][0]):
                j += 1
            f = f0 if same else rng.random() < p
            for q in range(k, j):
                flags[q] = f
            k = j
        else:
            k += 1
    return flags


def _render(lines: list[list], ctx: Ctx, rng: random.Random, acc: dict, order: dict, traits: set) -> list[str]:
    out = []
    pos = 0
    for ln in lines:
        if not ln:
            out.append("")
            continue
        chars: list[str] = []
        tags: list = []
        if any(t == "LS" for _, t in ln):
            letter = True
            ln = [g for g in ln if g[1] != "LS"]
        else:
            role = ln[0][1][1] if isinstance(ln[0][1], tuple) else ln[0][1]
            letter = role != "body" and ctx.p_letter and 2 <= len(ln) <= 16 and rng.random() < ctx.p_letter * 3
        runflag = _run_flags(ln, rng, ctx.p_dig) if not letter and ctx.p_dig else None
        if letter:
            traits.add("letter-spaced line")
        prev = None
        for k, (c, t) in enumerate(ln):
            if prev is not None:
                pc = prev
                sp = False
                if letter:
                    sp = not (pc in FW_PUNCT and pc not in "“‘（《") and not (_is_asc(pc) and _is_asc(c)) \
                        and not pc.isspace() and not c.isspace()
                elif runflag and ((_is_asc(c) and runflag[k] and not _is_asc(pc) and pc not in FW_PUNCT
                                   and ord(pc) > 127 and not pc.isspace())
                                  or (_is_asc(pc) and runflag[k - 1] and not _is_asc(c) and c not in FW_PUNCT
                                      and ord(c) > 127 and not c.isspace())):
                    sp = "dig"
                if sp:
                    chars.append(" ")
                    tags.append(None)
                    if sp == "dig":
                        traits.add("spaced digits")
            chars.append(c)
            tags.append(t)
            prev = c
        for c, t in zip(chars, tags):
            if c.isspace():
                continue
            assert t is not None, f"untagged character {c!r}"
            if t != "F":
                acc.setdefault(t, []).append(c)
                order.setdefault(t[0], pos)
            pos += 1
        s = "".join(chars).rstrip()
        if s[:1] in CLOSE:
            traits.add("line starts with closing punctuation")
        out.append(s)
    return out


# ----------------------------------------------------------------------------------------------
# Page composition

SHAPES = (("mixed", 34), ("long", 13), ("briefs", 14), ("photos", 9), ("comment", 10), ("inner", 12),
          ("front", 8))


def _break_traits(lines: list[list], traits: set) -> None:
    """Name what a blank line falls inside of (measured on the set lines)."""
    for k in range(1, len(lines) - 1):
        if lines[k] or not lines[k - 1]:
            continue
        j = k + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if j >= len(lines):
            break
        a = next((g for g in reversed(lines[k - 1]) if isinstance(g[1], tuple)), None)
        b = next((g for g in lines[j] if isinstance(g[1], tuple)), None)
        if not a or not b or a[1][0] != b[1][0]:
            continue
        ra, rb = a[1][1], b[1][1]
        if ra in ("dateline", "credit") and rb in ("dateline", "credit"):
            traits.add("column break inside a dateline")
        elif ra == rb == "byline":
            traits.add("column break inside a byline")
        elif ra == rb == "title":
            traits.add("column break inside a title")
        elif ra == rb == "body":
            if _is_asc(a[0]) and _is_asc(b[0]):
                traits.add("column break inside a figure")
            if a[0] not in "。！？”’）":
                traits.add("column break mid-sentence")


def _wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


class Pool:
    def __init__(self, items: list[dict]):
        self.items = items
        self.by_date: dict[str, list[int]] = {}
        for i, it in enumerate(items):
            self.by_date.setdefault(it["date"], []).append(i)
        self.dates = sorted(self.by_date)
        self.long = [i for i, it in enumerate(items) if it["len"] >= 1500]
        if not self.long:
            self.long = sorted(range(len(items)), key=lambda i: -items[i]["len"])[:max(1, len(items) // 20)]
        self.briefset = {i for i, it in enumerate(items) if 40 <= len(_sentences(it["paragraphs"][0])[0]) <= 250}
        if not self.briefset:
            self.briefset = set(range(len(items)))
        self.longset = set(self.long)
        self.commentset = {i for i, it in enumerate(items) if COMMENT_RE.search(it["title"])}
        self.date_pos = {d: k for k, d in enumerate(self.dates)}


def _gen_page(rng: random.Random, pool: Pool, position: str) -> tuple[Page, set]:
    traits: set = set()
    date = rng.choice(pool.dates)
    try:
        day = _dt.date(int(date[:4]), int(date[4:6]), int(date[6:8]))
    except Exception:
        day = _dt.date(2024, 10, 17)
    ctx = Ctx(rng, day, position)
    shape = _wchoice(rng, SHAPES)
    traits.add("shape " + shape)
    used: set[int] = set()

    dpos = pool.date_pos[date]
    used_titles: set = set()

    def take(kind="any", minlen=0):
        ok = None if kind == "any" else {"long": pool.longset, "brief": pool.briefset,
                                         "comment": pool.commentset}.get(kind)
        if kind == "comment":
            for span in (0, 3, 15, 45):
                lo, hi = max(0, dpos - span), dpos + span + 1
                cands = [i for d in pool.dates[lo:hi] for i in pool.by_date[d] if i in ok and i not in used]
                if cands:
                    i = rng.choice(cands)
                    used.add(i)
                    used_titles.add(pool.items[i]["title"])
                    return pool.items[i]
            ok = None
        if minlen > 300 and kind == "any" and rng.random() < 0.8:
            it = take("min", minlen)
            if it is not None:
                return it
        if kind == "min":
            for span in (0, 2, 6, 20):
                lo, hi = max(0, dpos - span), dpos + span + 1
                cands = [i for d in pool.dates[lo:hi] for i in pool.by_date[d]
                         if i not in used and pool.items[i]["len"] >= minlen
                         and pool.items[i]["title"] not in used_titles]
                if cands:
                    i = rng.choice(cands)
                    used.add(i)
                    used_titles.add(pool.items[i]["title"])
                    return pool.items[i]
            return None
        for span in (0, 1, 3, 7, 30, 100000):
            lo, hi = max(0, dpos - span), dpos + span + 1
            cands = [i for d in pool.dates[lo:hi] for i in pool.by_date[d]
                     if i not in used and (ok is None or i in ok) and pool.items[i]["title"] not in used_titles]
            if cands:
                i = rng.choice(cands)
                used.add(i)
                used_titles.add(pool.items[i]["title"])
                return pool.items[i]
        return pool.items[rng.randrange(len(pool.items))]

    units: list = []   # ("art", Art) | ("cap", lines, truth) | ("furn", lines)
    n_idx = [0]

    def nid():
        n_idx[0] += 1
        return n_idx[0] - 1

    def art(mode, target=600, kind="any"):
        a = _make_article(rng, ctx, nid(), take(kind, int(target * 0.8)), mode, traits, target)
        units.append(("art", a))
        return a

    def cap():
        i = nid()
        lines, t = _caption(rng, ctx, i, traits)
        units.append(("cap", lines, t, i))

    def tgt():
        return int(rng.choice((150, 250, 400, 600, 800, 1000, 1300, 1600, 2000)) * rng.uniform(0.7, 1.2))

    if shape == "mixed":
        for _ in range(rng.randint(2, 6)):
            r = rng.random()
            art("jump" if r < 0.07 else "untitled" if r < 0.1 else "normal", tgt())
            if rng.random() < 0.2:
                cap()
    elif shape == "front":
        ctx.page_no = 1
        art("jump", rng.randint(800, 2000))
        for _ in range(rng.randint(1, 4)):
            art("jump" if rng.random() < 0.2 else "normal", tgt())
            if rng.random() < 0.25:
                cap()
    elif shape == "long":
        art("long", 0, "long")
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            cap()
        if rng.random() < 0.3:
            art("normal", rng.randint(150, 500))
    elif shape == "briefs":
        for _ in range(rng.randint(8, 14)):
            art("brief", 0, "brief")
        if rng.random() < 0.3:
            cap()
    elif shape == "photos":
        for _ in range(rng.randint(2, 6)):
            cap()
        for _ in range(rng.choice((0, 1, 1, 2))):
            art("normal", rng.randint(150, 600))
    elif shape == "comment":
        art("comment", rng.randint(800, 2000), "comment")
        for _ in range(rng.randint(1, 4)):
            art("normal", tgt())
    elif shape == "inner":
        ctx.page_no = rng.choice((2, 2, 3, 4, 5, 6))
        art("cont", rng.randint(300, 2000))
        for _ in range(rng.randint(1, 4)):
            art("normal" if rng.random() < 0.9 else "untitled", tgt())
            if rng.random() < 0.2:
                cap()
    rng.shuffle(units) if rng.random() < 0.25 else None

    # headline position per article
    for u in units:
        if u[0] == "art":
            a = u[1]
            a.before = position == BEFORE or (position == MIXED and rng.random() < 0.5)

    # blocks: each article is body + head in position order, captions may fall between
    blocks: list[list[list]] = []
    for u in units:
        if u[0] == "art":
            a = u[1]
            parts = [a.head, a.body] if a.before else [a.body, a.head]
            parts = [p for p in parts if p]
            if len(parts) == 2 and rng.random() < 0.08:
                i = nid()
                lines, t = _caption(rng, ctx, i, traits)
                traits.add("caption between headline and body")
                a.inner_cap = (i, t)
                parts = [parts[0], lines, parts[1]]
            if len(parts) == 2 and rng.random() < 0.06:
                parts = [parts[0], _furniture(rng, ctx, rng.choice(("label", "qr", "pageno")), traits), parts[1]]
                traits.add("furniture between headline and body")
            blocks.extend(parts)
        elif u[0] == "cap":
            blocks.append(u[1])
        if rng.random() < 0.12:
            blocks.append(_furniture(rng, ctx, rng.choice(("label", "label", "qr", "advert", "notice", "weather",
                                                            "pageno")), traits))
    if shape == "briefs" and rng.random() < 0.6:
        blocks.insert(0, _furniture(rng, ctx, "label", traits))
    if shape == "comment" and rng.random() < 0.6:
        lab = G(rng.choice(COMMENT_LABELS), "F")
        blocks.insert(rng.randint(0, min(2, len(blocks))), [lab])
        traits.add("furniture: column label")
    r = rng.random()
    if r < 0.65:
        blocks.insert(0 if rng.random() < 0.75 else rng.randint(0, len(blocks)), _furniture(rng, ctx, "header", traits))
    if rng.random() < 0.5:
        blocks.append(_furniture(rng, ctx, "footer", traits))
    if rng.random() < 0.15:
        blocks.append(_furniture(rng, ctx, rng.choice(("advert", "notice", "weather")), traits))

    lines: list[list] = []
    for b in blocks:
        if lines and rng.random() < ctx.p_block_blank:
            lines.append([])
            if rng.random() < 0.05:
                lines.append([])
        lines.extend(b)

    _break_traits(lines, traits)
    acc: dict = {}
    order: dict = {}
    text_lines = _render(lines, ctx, rng, acc, order, traits)
    text = "\n".join(text_lines)

    truths: dict[int, TruthItem] = {}
    for u in units:
        if u[0] == "art":
            truths[u[1].idx] = u[1].truth
            if getattr(u[1], "inner_cap", None):
                i, t = u[1].inner_cap
                truths[i] = t
        else:
            truths[u[3]] = u[2]
    # ---- self-check
    for i, t in truths.items():
        got = {role: "".join(acc.get((i, role), [])) for role in ("title", "kicker", "subtitle", "body", "dateline")}
        assert got["title"] == _nows(t.title), (i, "title", got["title"], t.title)
        assert got["kicker"] == _nows(t.kicker), (i, "kicker", got["kicker"], t.kicker)
        assert got["subtitle"] == _nows(t.subtitle), (i, "subtitle", got["subtitle"], t.subtitle)
        assert got["body"] == _nows(t.body), (i, "body", got["body"][:60], t.body[:60])
        assert got["dateline"] == _nows(t.dateline), (i, "dateline", got["dateline"], t.dateline)
        assert got["body"], (i, "empty body")
        credited = "".join(acc.get((i, "byline"), []) + acc.get((i, "credit"), []) + acc.get((i, "body"), [])
                           if t.kind == "caption" else acc.get((i, "byline"), []) + acc.get((i, "credit"), []))
        for nm in t.reporters:
            assert nm in credited, (i, "reporter", nm, credited)
        jump = "".join(acc.get((i, "jump"), []))
        if t.continued_to:
            assert jump.endswith(f"第{t.continued_to}版）") or jump.endswith(f"第{t.continued_to}版)"), jump
        assert t.kind in ("article", "caption")
    assert set(k[0] for k in acc) <= set(truths), "printed text of an item missing from the truth"
    ordered = [truths[i] for i in sorted(truths, key=lambda i: order.get(i, 1 << 30))]
    if any(t.kind == "article" and t.title == "" for t in ordered):
        traits.add("article without title")
    return Page(text, ordered, position), traits


_POOLS: dict = {}


def _pool(items, date_range) -> Pool:
    fp = None
    if items is not None:  # a fingerprint, not id(): a list can be rebuilt at the same address
        fp = hash(tuple((str(it.get("title", "")), str(it.get("date", "")), len(it.get("paragraphs", ())))
                        for it in items))
    key = (fp, tuple(date_range) if date_range else None)
    if key not in _POOLS:
        raw = items if items is not None else _load_items()
        cleaned = _clean_items(raw, date_range)
        if not cleaned:
            raise ValueError("no usable items")
        if len(_POOLS) > 8:
            _POOLS.clear()
        _POOLS[key] = Pool(cleaned)
    return _POOLS[key]


def _page_rng(seed: int, position: str, i: int) -> random.Random:
    return random.Random(f"pagegen_d|{seed}|{position}|{i}")


def _generate(n, position, seed, items, date_range):
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    pool = _pool(items, date_range)
    return [_gen_page(_page_rng(seed, position, i), pool, position) for i in range(n)]


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    return [p for p, _ in _generate(n, position, seed, items, date_range)]


# ----------------------------------------------------------------------------------------------
# CLI

def _show(n, position, seed):
    for k, (p, tr) in enumerate(_generate(n, position, seed, None, None)):
        shape = next((t[6:] for t in tr if t.startswith("shape ")), "?")
        print(f"=================== page {k} ({position}, {shape}) ===================")
        print(p.text)
        print("------------------- truth -------------------")
        for t in p.truth:
            extra = "".join(f" {f}={getattr(t, f)!r}" for f in ("kicker", "subtitle", "dateline", "continued_to")
                            if getattr(t, f))
            print(f"[{t.kind}] {t.title!r}{extra} reporters={t.reporters}")
            b = t.body.replace("\n", "⏎")
            print("    " + (b if len(b) < 160 else b[:110] + " … " + b[-40:]))


def _traits(n, seed):
    counts: dict[str, dict[str, int]] = {}
    t0 = time.process_time()
    for pos in POSITIONS:
        for _, tr in _generate(n, pos, seed, None, None):
            for t in tr:
                counts.setdefault(t, {}).setdefault(pos, 0)
                counts[t][pos] += 1
    dt = time.process_time() - t0
    print(f"pages showing each trait, of {n} per position (seed {seed}); {1000 * dt / (3 * n):.2f} ms CPU a page")
    print(f"| trait | {' | '.join(POSITIONS)} |")
    print("|---|" + "---:|" * len(POSITIONS))
    for t in sorted(counts, key=lambda t: (-sum(counts[t].values()), t)):
        print(f"| {t} | " + " | ".join(str(counts[t].get(p, 0)) for p in POSITIONS) + " |")


def _check(n, seed):
    t0 = time.process_time()
    chars = 0
    for pos in POSITIONS:
        for p in generate_pages(n, pos, seed):
            chars += len(p.text)
    dt = time.process_time() - t0
    print(f"self-check passed on {n} pages per position; {1000 * dt / (3 * n):.2f} ms CPU a page, "
          f"{chars / (3 * n):.0f} characters a page")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--traits", type=int, default=0)
    ap.add_argument("--check", type=int, default=0)
    ap.add_argument("--position", default=AFTER, choices=POSITIONS)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.show:
        _show(a.show, a.position, a.seed)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        _check(a.check, a.seed)
    if not (a.show or a.traits or a.check):
        ap.print_help()


if __name__ == "__main__":
    main()
