#!/usr/bin/env python3
"""Page generator h: city and metropolitan dailies / evening papers (都市报、晚报), as a PDF text layer
that reads the page's text boxes in an awkward order gives them.

Written blind from the written page spec, the one real seed page and the shared README only (see
benchmarks/README.md, "Page generator h"). Standard library only.

    python benchmarks/pagegen_h.py --show 2        # pages with their truth
    python benchmarks/pagegen_h.py --traits 300    # how often each trait occurs, per position
    python benchmarks/pagegen_h.py --check 1000    # self-check of truth against text, per position

Every word that is not news text (names, places, kickers, captions, adverts, notices, banners) comes
from the word lists below; every character of news text comes from the xwlb items.
"""
from __future__ import annotations

import bisect
import datetime
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
# word lists (all written for this generator)
# ----------------------------------------------------------------------------------------------

_SUR = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
        "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛龚"
        "邵万钱严覃武戴莫孔向汤柏岳祁牛")
_SUR2 = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
_GIV = ("晓明丽华军伟芳娜敏静强磊洋艳勇杰娟涛超秀霞平刚桂英志红云飞鹏辉玲欣怡宇航浩然婷雪梅琳斌峰"
        "鑫倩颖佳文博思远宁昊睿嘉悦晨阳凯旭东海波瑶蕾萌璐琪雯蓓彤萱岚骁骏珂翔冉蔚澜韬楠溪茜莹逸舟帆")

# invented city papers: (paper, home city)
_PAPERS = (("滨江晚报", "滨江"), ("澄湖都市报", "澄湖"), ("青峰晚报", "青峰"), ("临川晨报", "临川"),
           ("望海都市报", "望海"), ("云岭晚报", "云岭"), ("嘉禾都市报", "嘉禾"), ("北塘晚报", "北塘"),
           ("南屿晨报", "南屿"), ("石门晚报", "石门"), ("安平都市报", "安平"), ("梅溪晚报", "梅溪"),
           ("银湖都市报", "银湖"), ("凤岗晚报", "凤岗"), ("柳湾都市报", "柳湾"), ("桃源晚报", "桃源"),
           ("东坪都市报", "东坪"), ("金沙晚报", "金沙"), ("西坝晨报", "西坝"), ("长宁晚报", "长宁"),
           ("松岭都市报", "松岭"), ("清溪晚报", "清溪"), ("白沙晚报", "白沙"), ("枫桥都市报", "枫桥"))
_TOWNS = ("松岭", "清溪", "白沙", "龙泉", "枫桥", "兰亭", "鹤山", "双河", "平湖", "新塘", "杏坛", "乌泥",
          "黄龙", "大湾", "三江", "紫阳", "碧水", "古渡", "沙坪", "月湖", "石桥", "牛栏", "横岗", "苇塘")
_BIGCITIES = ("北京", "上海", "天津", "重庆", "广州", "深圳", "成都", "杭州", "南京", "武汉", "西安",
              "长沙", "郑州", "昆明", "兰州", "哈尔滨", "乌鲁木齐", "拉萨", "海口", "沈阳", "济南",
              "福州", "南昌", "贵阳", "南宁", "合肥", "石家庄", "呼和浩特", "银川", "西宁", "长春",
              "香港", "澳门", "台北", "青岛", "厦门", "宁波", "大连")
_DISTRICTS = ("江北区", "城南区", "高新区", "经开区", "滨湖新区", "老城区", "河西区", "港口区", "东湖街道",
              "南关街道", "北门街道", "新桥社区", "柳荫社区", "槐树巷社区", "花园路街道", "文化路社区",
              "站前街道", "西山镇", "东岭乡", "桃花岭村", "云溪社区", "金桂苑小区", "星河湾小区")
_ROADS = ("青年路", "解放路", "建设大道", "滨河路", "人民路", "胜利街", "和平巷", "光明路", "长江路",
          "迎宾大道", "学府路", "育才路", "民主街", "幸福路", "工农路", "春晖路", "朝阳路")
_ORGS = ("市统计局", "市交通运输局", "市人社局", "市文化广电旅游局", "市气象台", "市住建局", "市卫健委",
         "市公安局交警支队", "市消防救援支队", "市教育局", "市市场监管局", "市医保局", "市园林绿化局",
         "市供电公司", "市水务集团", "市邮政管理局", "市城管局", "市商务局", "市民政局", "市生态环境局",
         "市应急管理局", "市地铁集团", "市公交集团", "市图书馆", "市中心医院", "市总工会", "团市委",
         "区政府", "铁路部门", "机场集团", "市农业农村局", "市体育局")
_COLUMNS = ("城事", "热线", "民生关注", "社区", "身边事", "百姓生活", "法治", "聚焦", "本地新闻", "城事速递",
            "晚报热线", "民生", "教育", "健康", "文体", "消费", "交通", "政务", "街巷", "城市观察",
            "记者调查", "热点追踪", "回音壁", "好人好事", "区县新闻", "今日关注", "新闻眼", "民生直通车",
            "帮忙", "暖新闻", "国内", "国际", "时政", "综合", "要闻", "财经", "看天下")
_BRIEF_LABELS = ("·简讯·", "简讯", "城事速递", "民生短波", "新闻超市", "一句话新闻", "快讯", "本地速览",
                 "区县快报", "资讯", "晚报快讯", "城市速写", "国内短波", "天下速览", "新闻速递")
_OWN_KICKERS = ("民生实事进行时", "聚焦城市更新", "关注秋冬季安全", "记者一线探访", "晚报记者蹲点",
                "百姓身边事", "文明城市共建共享", "服务热线回音壁", "家门口的新变化", "暖心故事",
                "节日里的坚守", "街头巷尾看变化", "来自基层的报告", "一线见闻", "假日消费观察",
                "新学期新气象", "便民服务再升级", "城市治理新答卷", "乡村振兴看一线", "热线追踪",
                "记者帮你问", "营商环境大家谈", "老街巷里的新生活", "夜经济观察", "就业服务在身边",
                "人间烟火气", "权威发布", "国内要闻", "天下事", "关注", "深读", "独家")
_SERIES = ("幸福家门口", "城市温度", "街巷故事", "匠心", "一线", "我们的节日", "身边的榜样", "变化")
_CN = "一二三四五六七八九十"
_BOX_LABELS = ("相关链接", "延伸阅读", "记者手记", "背景", "知多点", "小贴士", "新闻链接", "记者观察")

_CAP_TITLES = ("秋意浓", "金秋赏菊", "银杏黄了", "志愿服务暖人心", "雪后初晴", "夜色如画", "彩灯点亮古街",
               "晨练", "书香满城", "龙舟竞渡", "田间丰收忙", "候鸟归来", "老街新颜", "童趣", "坚守",
               "赏花正当时", "非遗进校园", "荷塘清韵", "路面维修", "单车有序停放", "暑期游泳热",
               "冰雪乐园", "灯会开幕", "稻田画", "守护平安", "银发健身", "绿色出行", "晨光", "雨中执勤",
               "年味渐浓", "新线试跑", "萌娃体验", "火红柿子挂满枝")
_CAP_WHEN = ("{m}月{d}日，", "{d}日，", "日前，", "近日，", "当日，", "周末，", "清晨，", "傍晚，", "入夜，",
             "", "", "")
_CAP_WHO = ("市民", "游客", "小朋友", "志愿者", "环卫工人", "施工人员", "社区工作人员", "交警", "消防员",
            "老人", "学生", "村民", "工人", "摊主", "医护人员", "快递小哥", "外卖骑手", "家长和孩子",
            "园林工人", "参赛选手", "演员", "运动员", "书法爱好者", "摄影爱好者", "居民")
_CAP_DO = ("在{p}赏花", "在{p}拍照留念", "在{p}晨练", "在{p}参观展览", "在{p}体验剪纸", "在{p}巡查",
           "在{p}清理积雪", "在{p}调试设备", "在{p}为居民义诊", "在{p}放风筝", "在{p}采摘柑橘",
           "在{p}打太极拳", "在{p}选购年货", "在{p}观看舞龙表演", "在{p}维修路灯", "在{p}栽种花木",
           "在{p}排队乘车", "在{p}阅读", "在{p}进行消防演练", "在{p}包饺子", "在{p}引导车辆通行",
           "在{p}展示作品", "在{p}比赛", "在{p}晾晒柿饼", "在{p}收割水稻", "在{p}跳广场舞")
_CAP_PLACES = ("滨河公园", "人民广场", "市植物园", "老城步行街", "湿地公园", "市图书馆", "体育中心",
               "火车站广场", "新桥社区", "东湖街道", "城南菜市场", "文化馆", "地铁站", "高速收费站",
               "青年路", "桃花岛", "古镇", "果园", "示范田", "养老服务中心", "社区卫生服务站",
               "市博物馆", "会展中心", "江边步道", "老码头", "学校操场", "夜市")
_CAP_EV = ("{c}第{n}届菊花展开幕", "{c}举办社区邻里节", "主城区迎来今冬首场降雪", "新开通的{n}路公交投入运营",
           "{c}秋季农民丰收节启幕", "{c}老街改造后重新开放", "{c}举行消防安全宣传活动",
           "{c}首届美食文化节开幕", "{c}全民健身运动会开赛", "{c}迎来返程客流高峰")
_CAP_FACT = ("该项目预计年底完工", "活动将持续至本月底", "全市已设置各类便民服务点{n}个",
             "当地共有{n}余名志愿者参与服务", "今年以来已累计接待游客{n}万人次",
             "园内{n}余个品种的菊花竞相绽放", "改造涉及{n}个老旧小区", "该线路全长{n}公里")
_CAP_FACT2 = ("{c}气温持续走低", "{c}迎来出行高峰", "各地陆续进入收获季", "{c}多个景区游人如织",
              "{c}持续开展环境整治")

_AD_PRE = ("顺达", "安心", "鑫源", "万家", "吉祥", "金桥", "恒通", "家和", "诚信", "百顺", "利民", "快捷",
           "惠民", "美家", "永昌", "福满", "宏达", "康乐", "佳美", "盛源")
_AD_SERV = (("家政", "保洁 保姆 月嫂 钟点工"), ("开锁", "开锁换锁 汽车开锁 24小时上门"),
            ("疏通", "管道疏通 化粪池清理 马桶维修"), ("空调维修", "空调 冰箱 洗衣机 热水器"),
            ("搬家", "居民搬家 公司搬迁 长途运输"), ("防水", "房屋漏水 卫生间防水 外墙补漏"),
            ("装饰", "旧房翻新 局部改造 水电安装"), ("回收", "高价回收黄金 名表 名包 名酒"),
            ("驾校", "C1 C2 考证 随到随学 包接送"), ("琴行", "钢琴 古筝 小提琴 一对一教学"),
            ("摄影", "婚纱摄影 儿童写真 证件照"), ("二手车", "二手车收购 置换 过户代办"),
            ("财税", "代理记账 工商注册 税务咨询"), ("宠物医院", "疫苗 绝育 洗护 寄养"))
_DOCS = ("居民身份证", "残疾人证", "机动车行驶证", "营业执照副本", "开户许可证", "出生医学证明",
         "不动产权证书", "医师执业证书", "教师资格证", "学生证", "退伍证", "公章一枚", "发票专用章一枚",
         "道路运输证", "食品经营许可证正本")
_BIZ = ("商贸", "建材", "物流", "餐饮管理", "电子科技", "农业开发", "装饰工程", "文化传媒", "汽车服务",
        "五金", "家具", "食品")
_JOBS = ("货车司机{n}名", "厨师{n}名", "保安{n}名", "保洁员若干", "销售代表{n}名", "会计{n}名",
         "仓库管理员{n}名", "电工{n}名", "服务员{n}名", "收银员{n}名", "幼儿教师{n}名", "焊工{n}名")
_WEATHER = ("晴", "多云", "阴", "小雨", "中雨", "阵雨", "雷阵雨", "小雪", "雨夹雪", "多云转晴", "晴转多云",
            "阴转小雨", "小雨转多云")
_WIND = ("北风", "东北风", "东风", "东南风", "南风", "西南风", "西风", "西北风", "微风")
_QR = ("扫码看视频", "扫描二维码 观看现场视频", "扫码关注{paper}", "更多精彩 扫码阅读", "扫码下载{c}新闻客户端",
       "▲扫码看更多", "扫一扫 看直播", "扫码参与互动", "扫码看全文", "扫描二维码 报料有奖")
_HOT = ("新闻热线：{h}", "报料电话 {l}", "晚报热线 {h}（24小时）", "欢迎报料 微信同号 {m}", "读者服务热线：{l}",
        "发行热线 {l}", "广告热线：{l}", "{paper}新闻热线 {h}")
_VEG = ("白菜", "土豆", "西红柿", "黄瓜", "青椒", "芹菜", "豆角", "茄子", "猪肉", "鸡蛋", "草鱼", "大米", "菜籽油")


# ----------------------------------------------------------------------------------------------
# items
# ----------------------------------------------------------------------------------------------

_PREFIX = "央视网消息（新闻联播）："
_WS_KEEP = re.compile(r"(?<=[0-9A-Za-z])[ \t\u3000\u00a0]+(?=[0-9A-Za-z])")
_WS = re.compile(r"\s+")


def _clean_par(p: str) -> str:
    p = _WS_KEEP.sub("\x00", p.strip())
    return _WS.sub("", p).replace("\x00", " ")


def _clean_title(t: str) -> str:
    return _WS.sub(" ", t.replace("\u3000", " ")).strip()


def _load_items(path: str | None = None) -> list[dict]:
    if path is None:
        path = os.environ.get("BRIEF_XWLB_ITEMS")
    if not path:
        shared = os.environ.get("BRIEF_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
        path = os.path.join(shared, "eval", "xwlb", "items-dev.jsonl.gz")
    opener = gzip.open if str(path).endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if r.get("is_roundup") or r.get("title") in (None, "", "undefined"):
                continue
            text = r.get("text") or ""
            text = text.removeprefix(_PREFIX)
            out.append({"title": r["title"], "paragraphs": text.split("\n"), "date": str(r.get("date", ""))})
    return out


def _prepare(items: list[dict], date_range, minlen=40) -> list[dict]:
    pool = []
    for it in items:
        d = str(it.get("date", ""))
        if date_range and not (date_range[0] <= d <= date_range[1]):
            continue
        paras = it.get("paragraphs")
        if paras is None:
            t = it.get("text", "")
            t = t.removeprefix(_PREFIX)
            paras = t.split("\n")
        paras = [_clean_par(p) for p in paras]
        paras = [p for p in paras if p]
        title = _clean_title(it.get("title", ""))
        if not title or title == "undefined" or not paras:
            continue
        n = sum(len(p) for p in paras)
        if n < minlen or "更新时间戳" in paras[0]:
            continue
        if not re.fullmatch(r"\d{8}", d):
            d = "20240101"
        pool.append({"title": title, "paras": paras, "date": d, "n": n})
    if not pool and minlen > 1:
        return _prepare(items, date_range, 1)
    if not pool:
        raise ValueError("pagegen_h: no usable items")
    return pool


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------

_CLOSE = set("，。、；：？！）”’》」』】〉,.;:?!)%")
_OPEN = set("（“‘《「『【〈(")
_TOK = re.compile(r"——|……|[\x21-\x7e]+|\s+|.", re.S)
_NSRE = re.compile(r"\s+")
_ASCII_RUN = re.compile(r"([0-9A-Za-z][0-9A-Za-z.%+\-/]*)")
_SENT_END = re.compile(r"[。！？](?:”|’|）)?")
TEXT_ROLES = {"dateline", "credit", "body", "jump"}
HEAD_ROLES = {"kicker", "title", "subtitle", "byline"}


def _ns(s: str) -> str:
    return _NSRE.sub("", s)


def _w(s: str) -> float:
    w = 0.0
    for ch in s:
        w += 0.5 if ch < "\x7f" else 1.0
    return w


def _cn_num(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    if n < 20:
        return "十" + _CN[n - 11]
    return _CN[n // 10 - 1] + "十" + (_CN[n % 10 - 1] if n % 10 else "")


def _sentence_cut(p: str, want: int, hard_max: int | None = None) -> str | None:
    """p cut after the first sentence end at or beyond want characters (None if there is none)."""
    for m in _SENT_END.finditer(p):
        if m.end() >= want:
            if hard_max and m.end() > hard_max:
                return None
            return p[:m.end()]
    return None


class _L:
    """One printed line: segments [text, item, role] (item -1 = furniture), an indent, letter-spaced."""
    __slots__ = ("segs", "indent", "ls")

    def __init__(self, segs, indent="", ls=False):
        self.segs = segs
        self.indent = indent
        self.ls = ls


def _hl(text, item, role, ls=False, indent=""):
    return _L([[text, item, role]], indent, ls)


# ----------------------------------------------------------------------------------------------
# the text flow: hard wrapping in columns with column breaks
# ----------------------------------------------------------------------------------------------

def _units(segs, atomic):
    out = []
    for text, role in segs:
        if role == "jump":                  # a jump line is set as one piece
            out.append((text, role, _w(text)))
            continue
        for s in _TOK.findall(text):
            c = s[0]
            if c.isspace():
                out.append((s, role, _w(s)))
            elif c < "\x7f":
                if atomic and len(s) <= 10:
                    out.append((s, role, 0.5 * len(s)))
                else:
                    out.extend((ch, role, 0.5) for ch in s)
            else:
                out.append((s, role, float(len(s))))
    return out


class _Flow:
    def __init__(self, pb, item, width, colh=None, first=None, wrange=(8, 22)):
        self.rng = pb.rng
        self.st = pb.st
        self.pb = pb
        self.item = item
        self.W = width
        self.lo, self.hi = colh or self.st.colh
        self.h = first if first is not None else self.rng.randint(1, self.hi)
        self.n = 0
        self.wr = wrange
        self.out = []

    def brk(self):
        if self.out and self.out[-1] is not None:
            self.out.append(None)
        self.n = 0
        self.h = self.rng.randint(self.lo, self.hi)
        if self.rng.random() < self.st.wchange:
            self.W = max(self.wr[0], min(self.wr[1], self.W + self.rng.randint(-4, 4)))

    def blank(self):
        if self.out and self.out[-1] is not None:
            self.out.append(None)

    def _line(self, units, indent, short):
        segs = []
        for t, r, _ in units:
            if segs and segs[-1][2] == r:
                segs[-1][0] += t
            else:
                segs.append([t, self.item, r])
        ls = short and self.rng.random() < self.st.ls_rate
        if ls:
            self.pb.tr["letterspaced_line"] += 1
        self.out.append(_L(segs, indent, ls))
        self.n += 1
        if self.n >= self.h:
            self.brk()

    def para(self, segs, indent="", par_blank=None):
        rng, st = self.rng, self.st
        units = _units(segs, st.atomic)
        i, n, first = 0, len(units), True
        while i < n:
            ind = indent if first else ""
            limit = self.W - _w(ind)
            cur, w = [], 0.0
            while i < n:
                u = units[i]
                if u[0].isspace() and not cur:
                    i += 1
                    continue
                if w + u[2] <= limit + 1e-9:
                    cur.append(u)
                    w += u[2]
                    i += 1
                    continue
                # the unit does not fit
                if len(u[0]) > 1 and u[0][0] < "\x7f":
                    room = int((limit - w) / 0.5 + 1e-9)
                    if not cur or (room >= 1 and self.n == self.h - 1 and rng.random() < 0.8):
                        room = max(1, min(room, len(u[0]) - 1))
                        a, b = u[0][:room], u[0][room:]
                        units[i:i + 1] = [(a, u[1], 0.5 * len(a)), (b, u[1], 0.5 * len(b))]
                        n += 1
                        cur.append(units[i])
                        w += units[i][2]
                        i += 1
                        if self.n == self.h - 1:
                            self.pb.tr["figure_split_at_column_break"] += 1
                        break
                if not cur:
                    cur.append(u)
                    w += u[2]
                    i += 1
                    break
                if st.kinsoku and u[0][0] in _CLOSE:
                    if st.hang or len(cur) < 2 or cur[-1][0][0] in _CLOSE:
                        while i < n and units[i][0][0] in _CLOSE:
                            cur.append(units[i])
                            w += units[i][2]
                            i += 1
                    else:
                        i -= 1
                        w -= cur[-1][2]
                        cur.pop()
                break
            if st.kinsoku and len(cur) > 1 and i < n and cur[-1][0][-1] in _OPEN:
                i -= 1
                w -= cur[-1][2]
                cur.pop()
            while cur and cur[-1][0].isspace():
                w -= cur[-1][2]
                cur.pop()
            if not cur:
                continue
            if not st.kinsoku and cur[0][0][0] in _CLOSE:
                self.pb.tr["line_starts_with_closing_punct"] += 1
            self._line(cur, ind, (limit - w) >= 1.5 and i < n)
            first = False
        pb = self.st.par_blank if par_blank is None else par_blank
        if rng.random() < pb:
            self.blank()

    def lines(self):
        out = self.out
        while out and out[-1] is None:
            out.pop()
        return out


# ----------------------------------------------------------------------------------------------
# page style (per-page habits)
# ----------------------------------------------------------------------------------------------

class _Style:
    pass


def _style(rng, position):
    st = _Style()
    st.position = position
    st.mixed_after = rng.uniform(0.2, 0.8)
    r = rng.random()
    st.blank_mode = "none" if r < 0.05 else ("double" if r < 0.10 else "normal")
    st.digit_rate = rng.choice((0.0, 0.0, 0.1, 0.35, 0.6, 0.85, 1.0))
    st.ls_rate = rng.choice((0.0, 0.0, 0.15, 0.4, 0.8))
    st.indent = rng.choice(("", "", "", "\u3000\u3000", "\u3000\u3000", "  ", "\u3000", "mix"))
    st.par_blank = rng.choice((0.0, 0.1, 0.35, 0.7, 0.95))
    st.kinsoku = rng.random() < 0.85
    st.hang = rng.random() < 0.6
    st.atomic = rng.random() < 0.8
    st.colh = rng.choice(((3, 9), (5, 14), (8, 22), (12, 32), (18, 45), (30, 70)))
    st.wchange = rng.choice((0.0, 0.1, 0.3, 0.6))
    st.wbase = rng.randint(9, 20)
    st.sep_blank = rng.choice((0.7, 0.85, 0.95, 1.0, 1.0))
    st.head_blank = rng.choice((0.0, 0.1, 0.3, 0.6))
    st.center = rng.random() < 0.12
    st.marker = rng.choice(("■", "●", "◆", "▲", "★", "▶", "□", "【】", "", "", ""))
    st.name_space = rng.choice((0.0, 0.0, 0.3, 0.8))
    st.own_kicker = rng.choice((0.05, 0.2, 0.4))
    st.subhead_form = rng.choice(("plain", "plain", "num", "bracket", "mark", "mix"))
    st.byline_prefix = rng.choice(("", "", "□", "□ ", "■", "文/"))
    return st


# ----------------------------------------------------------------------------------------------
# the page builder
# ----------------------------------------------------------------------------------------------

class _PB:
    def __init__(self, rng, st, pool, idx_by_len):
        self.rng = rng
        self.st = st
        self.pool = pool
        self.long_idx, self.mid_idx = idx_by_len
        self.tr = Counter()
        self.truth = []          # index -> TruthItem
        self.groups = []         # list of groups; a group = list of blocks (list of entries)
        self.used = set()
        self.names = set()
        p = rng.choice(_PAPERS)
        self.paper, self.city = p
        self.short = self.paper[:2]
        self.pno = rng.randint(1, 24)
        self.pletter = rng.choice("AAAABBCD")
        self.pid_style = rng.choice(("A05", "A5", "05", "第5版", "A05版"))
        self.pid = self._pid(self.pno)
        self.section = rng.choice(_COLUMNS)
        self.anchor = rng.randrange(len(pool))
        d = pool[self.anchor]["date"]
        try:
            dd = datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8])) + datetime.timedelta(days=rng.choice((0, 1, 1)))
            self.date = dd.strftime("%Y%m%d")
        except ValueError:
            self.date = d

    # -- small makers ------------------------------------------------------------------------
    def _pid(self, n, letter=None):
        letter = letter or self.pletter
        s = self.pid_style
        if s == "A05":
            return f"{letter}{n:02d}"
        if s == "A5":
            return f"{letter}{n}"
        if s == "05":
            return f"{n:02d}"
        if s == "第5版":
            return f"第{n}版"
        return f"{letter}{n:02d}版"

    def name(self):
        rng = self.rng
        for _ in range(20):
            s = rng.choice(_SUR2) if rng.random() < 0.02 else rng.choice(_SUR)
            g = rng.choice(_GIV) + (rng.choice(_GIV) if rng.random() < 0.6 else "")
            nm = s + g
            if nm not in self.names:
                break
        self.names.add(nm)
        return nm

    def pname(self, nm):
        """a name as printed: two-character names sometimes spaced out."""
        if len(nm) == 2 and self.rng.random() < self.st.name_space:
            return nm[0] + " " + nm[1]
        return nm

    def phone(self, kind=None):
        rng = self.rng
        kind = kind or rng.choice(("m", "l", "l"))
        if kind == "m":
            return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
        return "0" + str(rng.randint(310, 999)) + "-" + str(rng.randint(2000000, 8999999))

    def hotline(self):
        return str(self.rng.choice((96, 96, 12, 88))) + "".join(self.rng.choice("0123456789") for _ in range(3))

    def new_idx(self, ti):
        self.truth.append(ti)
        return len(self.truth) - 1

    def md(self, d):
        return int(d[4:6]), int(d[6:8])

    def width(self, lo=8, hi=22):
        return max(lo, min(hi, self.st.wbase + self.rng.randint(-3, 3)))

    def indent(self):
        i = self.st.indent
        if i == "mix":
            return self.rng.choice(("", "\u3000\u3000", "  "))
        return i

    # -- picking items -----------------------------------------------------------------------
    def _near(self, lst, spread):
        j = bisect.bisect_left(lst, self.anchor) + self.rng.randint(-spread, spread)
        return lst[max(0, min(len(lst) - 1, j))]

    def pick(self, minlen=0, long=False):
        rng = self.rng
        for attempt in range(60):
            # items of about the page's date: near the anchor in the (date-ordered) pool
            if long and self.long_idx and attempt < 40:
                k = self._near(self.long_idx, 12 + attempt)
            elif minlen >= 400 and self.mid_idx and attempt < 40:
                k = self._near(self.mid_idx, 40 + 4 * attempt)
            elif attempt < 50:
                k = max(0, min(len(self.pool) - 1, self.anchor + rng.randint(-250 - 20 * attempt, 250 + 20 * attempt)))
            else:
                k = rng.randrange(len(self.pool))
            if k in self.used:
                continue
            it = self.pool[k]
            if it["n"] < minlen and attempt < 50:
                continue
            plan = self.plan_title(it["title"])
            if plan is None:
                continue
            self.used.add(k)
            return it, plan
        return None, None

    # -- titles ------------------------------------------------------------------------------
    def plan_title(self, raw):
        rng = self.rng
        t = raw
        tag = ""
        m = re.match(r"^【([^】]{1,30})】\s*(.*)$", t)
        if m:
            tag, t = m.group(1).strip(), m.group(2).strip()
        if not t:
            return None
        kick, sub, main = [], "", t
        if "——" in main:
            a, b = main.split("——", 1)
            a, b = a.strip(), b.strip(" —")
            if len(_ns(a)) >= 4:
                main = a
                if b and len(_ns(b)) <= 34 and rng.random() < 0.75:
                    sub = ("——" + b) if rng.random() < 0.7 else b
        phrases = [p for p in main.split(" ") if p]
        r = rng.random()
        if len(phrases) >= 2 and min(len(p) for p in phrases) >= 2:
            rest = " ".join(phrases[1:])
            if not sub and r < 0.25 and len(phrases[0]) >= 4 and len(_ns(rest)) <= 34:
                main, sub = phrases[0], rest               # title and subtitle of similar length
                if rng.random() < 0.3:
                    sub = "——" + sub
            elif r < 0.42 and len(_ns(rest)) >= 5 and len(phrases[0]) <= 24:
                kick.append(phrases[0])
                main = rest
            elif r < 0.52 and len(phrases[0]) >= 5:
                main = phrases[0]
        if len(_ns(main)) > 32:
            acc = ""
            for p in main.split(" "):
                if len(_ns(acc + p)) <= 32:
                    acc = (acc + " " + p).strip()
                else:
                    break
            if len(_ns(acc)) >= 6:
                main = acc
            else:
                m2 = re.match(r"^(.{6,30}?)[，：；]", main)
                if not m2:
                    return None
                main = m2.group(1)
        if len(_ns(main)) < 4:
            return None
        if tag and rng.random() < 0.5 and len(tag) <= 26:
            form = rng.choice((tag, tag, "【" + tag + "】", tag + "——", "·" + tag + "·"))
            kick.insert(0, form)
        elif not kick and rng.random() < self.st.own_kicker:
            kick.append(self.own_kicker())
        return {"kick": kick, "main": main, "sub": sub}

    def own_kicker(self):
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            return rng.choice(_OWN_KICKERS)
        if r < 0.65:
            return "“" + rng.choice(_SERIES) + "”系列报道之" + _cn_num(rng.randint(1, 12))
        if r < 0.8:
            return rng.choice((self.city, rng.choice(_TOWNS))) + rng.choice(_DISTRICTS) + "——"
        if r < 0.9:
            return rng.choice(_ORGS) + rng.choice(("——", "：", ""))
        return rng.choice(_OWN_KICKERS) + " " + rng.choice(_OWN_KICKERS)   # tall, two phrases

    def split_lines(self, s, nmax=3):
        rng = self.rng
        L = len(s)
        if L <= 5:
            return [s]
        r = rng.random()
        if L <= 9:
            n = 1 if r < 0.85 else 2
        elif L <= 16:
            n = 1 if r < 0.5 else 2
        else:
            n = 1 if r < 0.2 else (2 if r < 0.8 else 3)
        n = min(n, nmax)
        if n == 1:
            return [s]
        if " " in s and rng.random() < 0.6:
            ps = s.split(" ")
            if len(ps) <= n:
                return ps
            cut = sorted(rng.sample(range(1, len(ps)), n - 1))
            out, prev = [], 0
            for c in cut + [len(ps)]:
                out.append(" ".join(ps[prev:c]))
                prev = c
            return out
        for _ in range(8):
            if L - 2 < 2 * (n - 1):
                n = 2
            cuts = sorted(rng.sample(range(2, L - 1), n - 1)) if L - 3 >= n - 1 else [L // 2]
            parts, prev = [], 0
            for c in cuts + [L]:
                parts.append(s[prev:c])
                prev = c
            if any(len(p.strip()) < 1 for p in parts):
                continue
            if self.st.kinsoku and any(p.strip()[0] in _CLOSE for p in parts[1:]):
                continue
            if any(s[c - 1] < "\x7f" and s[c] < "\x7f" and s[c - 1] != " " and s[c] != " " for c in cuts) \
                    and rng.random() < 0.9:
                continue        # mostly not inside a figure
            return [p.strip() for p in parts]
        return [s]

    # -- bylines, datelines, credits ---------------------------------------------------------
    def byline(self):
        rng = self.rng
        a = self.name()
        names = [a]
        pre = self.st.byline_prefix if rng.random() < 0.8 else rng.choice(("", "□", "■"))
        r = rng.random()
        rep = rng.choice(("本报记者", "记者", "记者", "首席记者", "全媒体记者", "融媒记者", "见习记者",
                          "本报记者", self.short + "晚报记者" if "晚报" in self.paper else "本报记者"))
        sep = " " if rng.random() < 0.85 else ""
        if pre == "文/":
            if r < 0.4:
                b = self.name()
                names.append(b)
                return f"文/{rep} {self.pname(a)} 图/记者 {self.pname(b)}", names
            pre = rng.choice(("文/", "文/图 "))
        if r < 0.12:
            return f"{pre}文/图 记者{sep}{self.pname(a)}", names
        txt = f"{pre}{rep}{sep}{self.pname(a)}"
        if rng.random() < 0.35:
            b = self.name()
            names.append(b)
            txt += " " + self.pname(b)
        r2 = rng.random()
        if r2 < 0.4:
            c = self.name()
            names.append(c)
            role = rng.choice(("通讯员", "通讯员", "实习生", "见习记者"))
            if rng.random() < 0.2:
                txt = f"{pre}{role}{sep}{self.pname(c)} {rep}{sep}{self.pname(a)}"
                names = [c, a]
            else:
                txt += f" {role}{sep}{self.pname(c)}"
        return txt, names

    def paren_credit(self):
        rng = self.rng
        a = self.name()
        names = [a]
        rep = rng.choice(("记者", "记者", "记者", "本报记者", "全媒体记者", self.paper + "记者", "首席记者"))
        sep = " " if rng.random() < 0.8 else ""
        inner = f"{rep}{sep}{self.pname(a)}"
        r = rng.random()
        if r < 0.25:
            b = self.name()
            names.append(b)
            inner += f" 通讯员{sep}{self.pname(b)}"
        elif r < 0.35:
            b = self.name()
            names.append(b)
            inner += f" 实习生{sep}{self.pname(b)}"
        elif r < 0.45:
            b = self.name()
            names.append(b)
            inner += f" {self.pname(b)}"
        op, cl = ("（", "）") if rng.random() < 0.93 else ("(", ")")
        return op + inner + cl, names

    def dateline(self, it):
        """(segments at the body's start, names, trait label)."""
        rng = self.rng
        m, d = self.md(it["date"])
        r = rng.random()
        town = rng.choice((self.city,) * 3 + _TOWNS)
        big = rng.choice(_BIGCITIES)
        if r < 0.16:
            c, nm = self.paren_credit()
            return [("本报讯", "dateline"), (c, "credit")], nm, "本报讯（记者…）"
        if r < 0.24:
            return [("本报讯", "dateline")], [], "本报讯"
        if r < 0.32:
            a = self.name()
            return ([("本报讯", "dateline"), (" 记者" + self.pname(a) + "报道 ", "credit")], [a],
                    "本报讯 记者…报道")
        if r < 0.42:
            c, nm = self.paren_credit()
            dl = rng.choice((f"本报{town}{m}月{d}日讯", f"本报{m}月{d}日讯", f"本报{town}讯"))
            return [(dl, "dateline"), (c, "credit")], nm, "本报X月X日讯（记者…）"
        if r < 0.47:
            c, nm = self.paren_credit()
            return [(rng.choice((self.paper + "讯", "晚报讯", "本报讯")), "dateline"), (c, "credit")], nm, "晚报讯（记者…）"
        if r < 0.53:
            return [("据新华社电", "dateline")], [], "据新华社电"
        if r < 0.58:
            return [(f"据新华社{big}{m}月{d}日电", "dateline")], [], "据新华社X地X日电"
        if r < 0.65:
            dl = f"新华社{big}{m}月{d}日电"
            if rng.random() < 0.6:
                a = self.name()
                nm = [a]
                inner = "记者 " + self.pname(a)
                if rng.random() < 0.4:
                    b = self.name()
                    nm.append(b)
                    inner += " " + self.pname(b)
                return [(dl, "dateline"), ("（" + inner + "）", "credit")], nm, "新华社X地X日电（记者…）"
            return [(dl, "dateline")], [], "新华社X地X日电"
        if r < 0.69:
            dl = rng.choice((f"中新网{big}{m}月{d}日电", f"中新社{big}{m}月{d}日电", f"据央视新闻{m}月{d}日消息"))
            return [(dl, "dateline")], [], "中新社/央视电"
        if r < 0.73:
            # a sentence opening: part of the body, no dateline
            org = rng.choice(_ORGS)
            s = rng.choice((f"记者{d}日从{org}获悉，", f"日前，记者从{org}了解到，", f"记者昨日从{org}获悉，",
                            f"{self.paper}记者{d}日从{org}获悉，"))
            return [(s, "body")], [], "记者X日从…获悉（body）"
        return [], [], "none"

    def end_credit(self):
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            c, nm = self.paren_credit()
            return c, nm
        if r < 0.6:
            return rng.choice(("（据新华社）", "（据新华社电）", "（新华）", "（综合新华社、央视新闻）")), []
        if r < 0.72:
            return "（来源：" + rng.choice(("人民网", "央视新闻", "新华网", "中国新闻网", self.city + "发布",
                                          self.city + "日报")) + "）", []
        if r < 0.85:
            a = self.name()
            return "（通讯员 " + self.pname(a) + "）", [a]
        a = self.name()
        return rng.choice(("（文/图 记者 {a}）", "记者 {a}", "（本报记者 {a}）", "（{paper}记者 {a}）", "（见习记者 {a}）",
                           "□记者 {a}")).format(a=self.pname(a), paper=self.paper), [a]

    # -- body paragraphs ---------------------------------------------------------------------
    def take(self, paras, target):
        out, n = [], 0
        for p in paras:
            if n >= target and out:
                break
            if out and n + len(p) > target * 1.3:
                c = _sentence_cut(p, max(20, target - n))
                if c and len(c) < len(p):
                    out.append(c)
                    break
                if n >= target * 0.7:
                    break
            out.append(p)
            n += len(p)
        return out

    def subhead(self, nextp, k):
        rng = self.rng
        m = re.match(r"^([^，。；：？！、（“]{4,15})[，。；：]", nextp)
        if not m:
            return None
        ph = m.group(1)
        form = self.st.subhead_form
        if form == "mix":
            form = rng.choice(("plain", "num", "bracket", "mark"))
        if form == "num":
            return _cn_num(k) + "、" + ph
        if form == "bracket":
            return "【" + ph + "】"
        if form == "mark":
            return rng.choice(("■", "◆", "▶", "●")) + ph
        return ph

    # -- article -----------------------------------------------------------------------------
    def article(self, it, plan, target, brief=False, jump=False, cont=False, long=False,
                extra_paras=None, box_label=None, kicker_override=None):
        """Returns (idx, head entries, body entries)."""
        rng = self.rng
        tr = self.tr
        ti = TruthItem(kind="article", title="", body="")
        idx = self.new_idx(ti)
        reporters = []

        # ---- paragraphs of the body
        paras = list(it["paras"])
        if cont:
            k = rng.randint(1, max(1, len(paras) - 1)) if len(paras) > 1 else 0
            paras = paras[k:]
            if k == 0 or rng.random() < 0.4:
                p0 = paras[0]
                j = rng.randint(len(p0) // 4, max(len(p0) // 4, len(p0) * 3 // 4))
                paras[0] = p0[j:].lstrip("，。；、") or p0
        if brief:
            want = rng.randint(60, 250)
            p0 = paras[0]
            c = _sentence_cut(p0, want, hard_max=320)
            if c is None:
                c = p0 if len(p0) <= 320 else _sentence_cut(p0, 20, hard_max=320) or p0[:240]
            body = [c]
        else:
            body = self.take(paras, target)
        jump_label = None
        if jump:
            last = body[-1]
            if rng.random() < 0.6 and len(last) > 12:
                body[-1] = last[:rng.randint(len(last) // 3, len(last) - 2)]
            n = rng.randint(2, 16)
            f = rng.random()
            if f < 0.4:
                jtxt, jump_label = f"（下转第{n}版）", str(n)
            elif f < 0.75:
                lab = f"{self.pletter}{n:02d}"
                jtxt, jump_label = f"（下转{lab}版）", lab
            elif f < 0.9:
                jtxt, jump_label = f"下转第{n}版", str(n)
            else:
                jtxt, jump_label = f"（下转{n}版）", str(n)
            tr["jump_line"] += 1

        # ---- body transformations: subheads, lists, Q&A, 编者按
        flowp = []        # list of (segs, kind)
        sub_k = 1
        qa = (long or len(body) >= 4) and rng.random() < 0.1 and not brief
        numbered = (not qa) and len(body) >= 4 and rng.random() < 0.12
        if qa:
            tr["qa_interview"] += 1
            spk = self.name()
            spk_label = rng.choice((spk, spk[0] + rng.choice(("先生", "女士")), spk))
        if numbered:
            tr["numbered_list"] += 1
            forms = rng.choice((["1.", "2.", "3.", "4.", "5.", "6."], ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"],
                                ["一是", "二是", "三是", "四是", "五是", "六是"], ["第一，", "第二，", "第三，", "第四，", "第五，", "第六，"],
                                ["①", "②", "③", "④", "⑤", "⑥"]))
            a = rng.randint(1, max(1, len(body) - 3))
        editor_note = not brief and not cont and len(body) >= 3 and rng.random() < (0.25 if long else 0.05)
        for j, p in enumerate(body):
            if (long or len(body) >= 6) and j >= 2 and j % rng.randint(2, 4) == 0 and not qa and rng.random() < 0.8:
                sh = self.subhead(p, sub_k)
                if sh:
                    flowp.append(([(sh, "body")], "sub"))
                    sub_k += 1
                    tr["subhead"] += 1
            if qa and j >= 1:
                p = ("记者：" if j % 2 else spk_label + "：") + p
            if numbered and a <= j < a + 6:
                p = forms[j - a] + p
            flowp.append(([(p, "body")], "p"))
        if editor_note:
            lab = rng.choice(("编者按：", "【编者按】", "编者按 "))
            flowp[0] = ([(lab + flowp[0][0][0][0], "body")], "note")
            tr["editor_note"] += 1
        if extra_paras:          # untitled box: belongs to this article
            flowp.append(([(box_label, "body")], "boxlabel"))
            for p in extra_paras:
                flowp.append(([(p, "body")], "p"))
            tr["untitled_box"] += 1

        # ---- dateline / byline / credits
        dl_segs, dl_names, dl_label = ([], [], "none")
        if not cont:
            dl_segs, dl_names, dl_label = self.dateline(it)
            if brief and rng.random() < 0.3:
                dl_segs, dl_names, dl_label = [], [], "none"
        tr["dateline:" + dl_label] += 1
        if dl_segs and dl_segs[-1][1] == "dateline" and rng.random() < 0.5:
            dl_segs = dl_segs[:-1] + [(dl_segs[-1][0] + rng.choice((" ", "  ", "\u3000")), "dateline")]
        reporters += dl_names
        first_i = 1 if editor_note else 0
        if dl_segs:
            segs0 = flowp[first_i][0]
            flowp[first_i] = (dl_segs + segs0, flowp[first_i][1])
        dl_own_line = bool(dl_segs) and dl_segs[0][1] != "body" and rng.random() < 0.12
        if cont:
            jt = rng.choice(("（上接第1版）", f"（上接{self.pletter}01版）", "上接第1版", "（上接一版）"))
            if rng.random() < 0.5:
                flowp.insert(0, ([(jt, "jump")], "jumpin"))
            else:
                flowp[0] = ([(jt + " ", "jump")] + flowp[0][0], flowp[0][1])
            tr["continuation"] += 1

        bypos = None
        byl = None
        has_credit = any(r == "credit" for _, r in dl_segs)
        pb = 0.2 if brief else (0.35 if has_credit else 0.75)
        if rng.random() < pb:
            byl, bn = self.byline()
            reporters += bn
            bypos = rng.choices(("above", "below", "body_top", "body_end", "mid"), (2, 5, 3, 1.2, 0.5))[0]
            tr["byline:" + bypos] += 1
        endc = None
        if not jump and rng.random() < (0.12 if dl_names or byl else 0.3):
            endc, en = self.end_credit()
            reporters += en
            tr["end_credit"] += 1

        # ---- flow
        width = self.width()
        if brief:
            width = self.width(8, 20)
        fl = _Flow(self, idx, width)
        if byl and bypos == "body_top":
            for part in self.byline_parts(byl):
                fl.para([(part, "byline")], par_blank=0.3)
        for j, (segs, kind) in enumerate(flowp):
            if kind == "boxlabel":
                fl.brk()
                fl.W = max(8, min(22, fl.W + rng.randint(-5, 2)))
            last = j == len(flowp) - 1
            if last and jump:
                segs = segs + [(rng.choice(("  ", " ", "")) + jtxt, "jump")] if rng.random() < 0.75 else segs
            if last and endc and rng.random() < 0.6:
                segs = segs + [(rng.choice((" ", "")) + endc, "credit")]
                endc_done = True
            else:
                endc_done = False
            if kind in ("sub", "boxlabel"):
                if rng.random() < 0.4:
                    fl.blank()
                ind = rng.choice(("", "", self.indent(), "    "))
                fl.para(segs, ind, par_blank=rng.random() * 0.8)
            elif j == first_i and dl_own_line:
                n_dl = sum(1 for _, r in segs if r in ("dateline", "credit"))
                fl.para(segs[:n_dl], self.indent(), par_blank=0.05)
                fl.para(segs[n_dl:], self.indent() if rng.random() < 0.5 else "")
                tr["dateline_own_line"] += 1
            else:
                ind = "" if kind == "jumpin" else self.indent()
                fl.para(segs, ind)
            if last and jump and not any(r == "jump" for _, r in segs):
                fl.para([(jtxt, "jump")], rng.choice(("", "    ")))
            if last and endc and not endc_done:
                fl.para([(endc, "credit")], rng.choice(("", "", "  ")))
                tr["end_credit_own_line"] += 1
        if byl and bypos == "body_end":
            for part in self.byline_parts(byl):
                fl.para([(part, "byline")], par_blank=0.0)
        body_entries = fl.lines()
        # a few text layers drop a box between two columns of a body
        if rng.random() < 0.02:
            tr["furniture_inside_body"] += 1
            gaps = [k for k, e in enumerate(body_entries) if e is None]
            if gaps:
                g = rng.choice(gaps)
                fe = self.furniture(rng.choice(("qr", "label", "hot")))
                body_entries = body_entries[:g + 1] + fe + [None] + body_entries[g + 1:]

        # ---- truth body
        bps = []
        for segs, kind in flowp:
            t = "".join(s for s, r in segs if r == "body").strip()
            if t:
                bps.append(t)
        ti.body = "\n".join(bps)
        ti.dateline = _ns("".join(s for s, r in dl_segs if r == "dateline"))
        ti.continued_to = jump_label

        # ---- headline block
        head = []
        title_show = plan["main"]
        kick = list(plan["kick"])
        sub = plan["sub"]
        if kicker_override is not None:
            kick = [kicker_override]
        if cont:
            r = rng.random()
            if r < 0.35:
                title_show = ""
                kick, sub = [], ""
                tr["continuation_no_title"] += 1
            elif r < 0.7:
                ps = title_show.split(" ")
                title_show = ps[0] if len(ps) > 1 and len(ps[0]) >= 4 else title_show[:max(4, len(title_show) * 2 // 3)]
                kick, sub = [], ""
        if brief:
            kick = kick if rng.random() < 0.1 else []
            sub = sub if rng.random() < 0.15 else ""
            mark = self.st.marker if title_show else ""
            if mark:
                tr["brief_marker"] += 1
        else:
            mark = ""
        ti.title = _ns(("【" + title_show + "】") if mark == "【】" else (mark + title_show))
        ti.kicker = _ns("".join(kick))
        ti.subtitle = _ns(sub)
        ti.reporters = list(dict.fromkeys(reporters))
        if title_show or kick or sub or (byl and bypos in ("above", "below", "mid")):
            head = self.head_entries(idx, kick, title_show, sub, byl if bypos in ("above", "below", "mid") else None,
                                     bypos, mark)
        if kick:
            tr["kicker"] += 1
            if len(kick) > 1 or len(ti.kicker) > 12:
                tr["kicker_tall"] += 1
        if sub:
            tr["subtitle"] += 1
            if not sub.startswith("——"):
                tr["subtitle_without_dash"] += 1
        if not title_show:
            tr["article_without_title"] += 1
        return idx, head, body_entries

    def byline_parts(self, byl):
        rng = self.rng
        if " " in byl.strip() and rng.random() < 0.2:
            ps = byl.split(" ")
            k = rng.randint(1, len(ps) - 1)
            self.tr["byline_two_lines"] += 1
            return [" ".join(ps[:k]), " ".join(ps[k:])]
        return [byl]

    def head_entries(self, idx, kick, title, sub, byl, bypos, mark=""):
        rng, st = self.rng, self.st
        tr = self.tr

        def mk(text, role):
            ls = len(_ns(text)) <= 7 and rng.random() < st.ls_rate * 0.5
            ind = " " * rng.randint(2, 12) if st.center and rng.random() < 0.7 else ""
            if ls:
                tr["letterspaced_head"] += 1
            return _hl(text, idx, role, ls, ind)

        K = []
        for k in kick:
            parts = self.split_lines(k, 2) if len(k) > 12 else [k]
            K += [mk(p, "kicker") for p in parts]
        tl = self.split_lines(title) if title else []
        if mark == "【】":
            tl[0] = "【" + tl[0]
            tl[-1] = tl[-1] + "】"
        elif mark:
            if rng.random() < 0.1:
                tl.insert(0, mark)
                tr["marker_on_own_line"] += 1
            else:
                tl[0] = mark + rng.choice(("", "", " ")) + tl[0]
        T = [mk(p, "title") for p in tl]
        if len(T) >= 2:
            tr["title_%d_lines" % len(T)] += 1
        S = [mk(p, "subtitle") for p in (self.split_lines(sub, 2) if len(sub) > 14 else [sub])] if sub else []
        B = [mk(p, "byline") for p in self.byline_parts(byl)] if byl else []
        parts = [p for p in (K, T, S) if p]
        if K and T and rng.random() < 0.08:
            parts = [p for p in (T, K, S) if p]
            tr["kicker_below_title"] += 1
        if S and T and rng.random() < 0.05:
            i, j = parts.index(T), parts.index(S)
            parts[i], parts[j] = S, T
            tr["subtitle_above_title"] += 1
        if B:
            if bypos == "above":
                parts.insert(0, B)
            elif bypos == "mid" and T:
                parts.insert(parts.index(T) + 1, B)
            else:
                parts.append(B)
        out = []
        for j, part in enumerate(parts):
            if j and rng.random() < st.head_blank:
                out.append(None)
                tr["blank_inside_headline_block"] += 1
            for li, line in enumerate(part):
                if li and rng.random() < (0.08 if part is T else 0.05):
                    out.append(None)
                    tr["blank_inside_title"] += 1
                out.append(line)
        return out

    # -- captions ----------------------------------------------------------------------------
    def caption(self, title=None):
        rng, st = self.rng, self.st
        ti = TruthItem(kind="caption", title="", body="")
        idx = self.new_idx(ti)
        m, d = self.md(self.date or "20240101")
        c = rng.choice((self.city,) * 2 + _TOWNS)
        n = rng.randint(2, 60)

        def fill(s):
            return s.format(m=m, d=d, c=c, n=n, p=rng.choice(_CAP_PLACES))

        r = rng.random()
        if r < 0.2:
            text = fill("图为" + rng.choice((rng.choice(_CAP_WHO) + rng.choice(_CAP_DO), c + "{p}一景")) + "。")
        else:
            text = fill(rng.choice(_CAP_WHEN) + rng.choice(_CAP_WHO) + rng.choice(_CAP_DO) + "。")
        if rng.random() < 0.5:
            text += fill(rng.choice(("当日，", "本周，")) + rng.choice(_CAP_EV) + "。" if rng.random() < 0.5 else
                         rng.choice(("据介绍，", "据了解，", "连日来，")) + rng.choice(_CAP_FACT + _CAP_FACT2) + "。")
        if rng.random() < 0.2:
            text += fill(rng.choice(_CAP_WHO) + rng.choice(_CAP_DO) + "。")
        rr = rng.random()
        names = []
        if rr < 0.5:
            a = self.name()
            names = [a]
            credit = rng.choice(("记者 {a} 摄", "本报记者 {a} 摄", "首席记者 {a} 摄", "通讯员 {a} 摄", "{a} 摄",
                                 "（记者 {a} 摄）", "图/记者 {a}", "本报记者 {a}/摄", "新华社记者 {a} 摄",
                                 "{a}/摄")).format(a=self.pname(a))
        elif rr < 0.62:
            credit = rng.choice(_ORGS) + rng.choice(("供图", " 供图", "提供"))
        elif rr < 0.7:
            a = self.name()
            names = [a]
            credit = self.pname(a) + rng.choice((" 供图", "供图"))
        elif rr < 0.8:
            credit = rng.choice(("资料图片", "（资料图片）", "（资料图）"))
        elif rr < 0.9:
            credit = rng.choice(("新华社发", "新华社发 ", "（新华社发）"))
            if rng.random() < 0.3:
                a = self.name()
                names = [a]
                credit = "新华社发（" + self.pname(a) + "摄）"
        else:
            credit = ""
        ctitle = title
        if ctitle is None and rng.random() < 0.3:
            ctitle = rng.choice(_CAP_TITLES)
        if ctitle:
            self.tr["caption_title"] += 1
        cw = rng.choice((None, None, 12, 14, 16, 18, 20, 24, 28, 34, 40))
        if cw and len(text) + len(credit) > 4 * cw:
            cw = min(40, (len(text) + len(credit)) // 4 + 2)      # one to about four lines
        fl = _Flow(self, idx, cw or 80, colh=(30, 60) if rng.random() < 0.9 else st.colh, first=99, wrange=(10, 40))
        paras = []
        if ctitle:
            paras.append([(ctitle, "body")])
        where = rng.random()
        if credit and where < 0.1:
            paras.append([(credit, "body")])
            paras.append([(text, "body")])
        elif credit and where < 0.45:
            paras.append([(text, "body")])
            paras.append([(credit, "body")])
        else:
            paras.append([(text + (rng.choice((" ", "  ", "")) + credit if credit else ""), "body")])
        for p in paras:
            fl.para(p, "", par_blank=0.1)
        ti.body = "\n".join(p[0][0].strip() for p in paras)
        ti.reporters = names
        self.tr["caption"] += 1
        return idx, fl.lines()

    # -- furniture ---------------------------------------------------------------------------
    def wrap_plain(self, s, w):
        out, cur, cw = [], "", 0.0
        for tok in _TOK.findall(s):
            tw = _w(tok)
            if cw + tw > w and cur.strip() and tok[0] not in _CLOSE:
                out.append(cur.strip())
                cur, cw = "", 0.0
            cur += tok
            cw += tw
        if cur.strip():
            out.append(cur.strip())
        return out

    def dstr(self):
        d = self.date or "20240101"
        return int(d[:4]), int(d[4:6]), int(d[6:8])

    def furniture(self, kind=None):
        """furniture lines (entries), item -1."""
        rng = self.rng
        kind = kind or rng.choices(("banner", "label", "editor", "ad", "notice", "weather", "qr", "hot",
                                    "pageno", "lottery", "price", "guide"),
                                   (2, 3, 1.5, 2.5, 2.5, 1, 2, 1.2, 1, 0.6, 0.6, 0.5))[0]
        self.tr["furniture:" + kind] += 1
        y, m, d = self.dstr()
        try:
            wd = "一二三四五六日"[datetime.date(y, m, d).weekday()]
        except ValueError:
            wd = "五"
        dcn = f"{y}年{m}月{d}日"
        lines = []
        if kind == "banner":
            lines = [rng.choice((f"{self.paper} {self.pid} {self.section}", f"{self.pid} {self.section}",
                                 f"{dcn} 星期{wd} {self.pid}", f"{self.paper}  {dcn}  星期{wd}",
                                 f"{self.section}  {self.pid}", f"{self.pid}｜{self.section}",
                                 f"{self.paper}·{self.section}", f"{self.paper} {self.section} {dcn}",
                                 f"{dcn}  星期{wd}  {self.section}  {self.pid}"))]
            if rng.random() < 0.3:
                lines.append(rng.choice((f"责编 {self.name()} 美编 {self.name()} 校对 {self.name()}",
                                         f"{dcn} 星期{wd}", self.section, self.pid)))
        elif kind == "label":
            lab = rng.choice(_COLUMNS)
            lines = [rng.choice((lab, lab, "·" + lab + "·", "■" + lab, "【" + lab + "】", lab + " >>",
                                 "——" + lab + "——", lab + "｜" + rng.choice(_COLUMNS)))]
        elif kind == "brieflabel":
            lines = [rng.choice(_BRIEF_LABELS)]
        elif kind == "photolabel":
            lines = [rng.choice(("图片新闻", "·图片新闻·", "图说", "看图", "光影" + self.city, "镜头"))]
        elif kind == "editor":
            lines = [rng.choice((f"责任编辑 {self.name()}", f"责编：{self.name()}  美编：{self.name()}  校对：{self.name()}",
                                 f"本版编辑 {self.name()} 组版 {self.name()}", f"编辑 {self.name()}｜校对 {self.name()}",
                                 f"责任编辑：{self.name()} 版式设计：{self.name()}"))]
        elif kind == "ad":
            serv, what = rng.choice(_AD_SERV)
            co = rng.choice(_AD_PRE) + serv
            w = rng.randint(10, 22)
            body = [co] if rng.random() < 0.7 else []
            body.append(what)
            if rng.random() < 0.5:
                body.append(rng.choice(("价格实惠 诚信经营", "服务全城 随叫随到", "正规公司 放心选择",
                                        "十年老店 质量保证", "免费上门估价")))
            body.append(rng.choice(("电话：", "热线 ", "联系电话：", "☎", "预约电话 ")) + self.phone())
            if rng.random() < 0.4:
                body.append("地址：" + self.city + rng.choice(_ROADS) + str(rng.randint(1, 300)) + "号")
            if rng.random() < 0.3:
                body.insert(0, "广告")
            for b in body:
                lines += self.wrap_plain(b, w)
        elif kind == "notice":
            w = rng.randint(10, 22)
            r = rng.random()
            if r < 0.35:
                if rng.random() < 0.5:
                    who = self.name()
                else:
                    who = self.city + rng.choice(_AD_PRE) + rng.choice(_BIZ) + "有限公司"
                num = "".join(rng.choice("0123456789") for _ in range(rng.choice((8, 12, 18))))
                head = rng.choice(("遗失声明", "声明", "遗失启事"))
                txt = f"{who}遗失{rng.choice(_DOCS)}，证号：{num}，声明作废。"
                if rng.random() < 0.5:
                    txt += f"{who}遗失{rng.choice(_DOCS)}，声明作废。"
            elif r < 0.55:
                head = rng.choice(("招聘", "诚聘", "招聘启事", "高薪诚聘"))
                co = self.city + rng.choice(_AD_PRE) + rng.choice(_BIZ) + "有限公司"
                jobs = "、".join(j.format(n=rng.randint(1, 9)) for j in rng.sample(_JOBS, rng.randint(1, 3)))
                txt = f"{co}因业务发展需要，现招聘{jobs}。待遇面议，缴纳五险。联系电话：{self.phone()}"
            elif r < 0.72:
                head = rng.choice(("寻人启事", "寻人"))
                nm = self.name()
                sex = rng.choice(("男", "女"))
                txt = (f"{nm}，{sex}，{rng.randint(8, 86)}岁，身高约{rng.randint(120, 185)}厘米，"
                       f"{rng.choice(('身穿深色外套', '说话带口音', '患有阿尔茨海默病', '身穿蓝色校服', '戴黑框眼镜'))}。"
                       f"于{m}月{rng.randint(1, 28)}日在{rng.choice(_DISTRICTS)}附近走失，至今未归。"
                       f"有知情者请联系{self.phone('m')}，必有酬谢。")
            elif r < 0.85:
                head = rng.choice(("停电公告", "停水通知", "施工公告"))
                what = {"停电公告": "停电", "停水通知": "停水", "施工公告": "封闭施工"}[head]
                txt = (f"因{rng.choice(('线路检修', '管网改造', '道路施工', '设备升级'))}，{m}月{rng.randint(1, 28)}日"
                       f"{rng.randint(6, 9)}:00至{rng.randint(15, 20)}:00，{rng.choice(_DISTRICTS)}{rng.choice(_ROADS)}一带将"
                       f"{what}，请相关用户提前做好准备。特此公告。")
            else:
                head = rng.choice(("注销公告", "减资公告", "清算公告"))
                co = self.city + rng.choice(_AD_PRE) + rng.choice(_BIZ) + "有限公司"
                txt = (f"{co}经股东会决议，拟向登记机关申请{head[:2]}登记，请债权人自本公告见报之日起"
                       f"四十五日内向本公司申报债权。特此公告。")
            lines = [head] + self.wrap_plain(txt, w)
            if rng.random() < 0.5:
                lines.append(f"{y}年{m}月{d}日")
        elif kind == "weather":
            hi = {1: 6, 2: 9, 3: 15, 4: 21, 5: 26, 6: 30, 7: 33, 8: 32, 9: 27, 10: 21, 11: 14, 12: 8}.get(m, 20)
            hi += rng.randint(-4, 4)
            lo = hi - rng.randint(4, 11)
            lines = [rng.choice(("今日天气", "天气预报", self.city + "天气", "今天"))]
            lines.append(f"{rng.choice(_WEATHER)} {lo}℃～{hi}℃")
            if rng.random() < 0.7:
                lines.append(f"{rng.choice(_WIND)}{rng.randint(1, 3)}～{rng.randint(3, 5)}级")
            if rng.random() < 0.6:
                lines.append(f"明天 {rng.choice(_WEATHER)} {lo + rng.randint(-3, 2)}℃～{hi + rng.randint(-3, 2)}℃")
            if rng.random() < 0.5:
                lines.append(f"空气质量：{rng.choice(('优', '良', '轻度污染'))} AQI {rng.randint(20, 160)}")
            if rng.random() < 0.3:
                lines.append(rng.choice(("紫外线：弱", "穿衣：较冷，建议着厚外套", "洗车：不宜", "晨练：适宜")))
        elif kind == "qr":
            lines = [rng.choice(_QR).format(paper=self.paper, c=self.city)]
            if rng.random() < 0.25:
                lines.append(rng.choice(("看视频", "看全文", "更多图片")))
        elif kind == "hot":
            lines = [rng.choice(_HOT).format(h=self.hotline(), l=self.phone("l"), m=self.phone("m"), paper=self.paper)]
        elif kind == "pageno":
            lines = [rng.choice((self.pid, str(self.pno), f"- {self.pno} -", f"第{self.pno}版"))]
        elif kind == "lottery":
            ds = lambda k: " ".join(rng.choice("0123456789") for _ in range(k))
            lines = [rng.choice(("体彩", "福彩", "开奖公告")),
                     f"排列3 第{y % 100}{rng.randint(100, 300)}期 {ds(3)}",
                     f"3D 第{y}{rng.randint(100, 300)}期 开奖号码：{ds(3)}"]
            if rng.random() < 0.5:
                lines.append(f"七星彩 第{y % 100}{rng.randint(100, 150)}期 {ds(7)}")
        elif kind == "price":
            lines = [rng.choice(("今日菜价（元/斤）", "菜篮子价格", "农贸市场行情"))]
            for v in rng.sample(_VEG, rng.randint(3, 6)):
                lines.append(f"{v}  {rng.randint(1, 30)}.{rng.randint(0, 9)}" + rng.choice(("", "  ↑", "  ↓", "  —")))
            if rng.random() < 0.4:
                lines.insert(1, "品种  价格  涨跌")
        elif kind == "guide":
            lines = [rng.choice(("今日导读", "导读", "本期看点"))]
            for _ in range(rng.randint(2, 4)):
                it = self.pool[rng.randrange(len(self.pool))]
                t = re.sub(r"^【[^】]*】", "", it["title"]).split("——")[0].split(" ")[0][:20]
                if len(t) < 4:
                    continue
                lines.append(rng.choice(("▶", "●", "")) + t + rng.choice((" ", "  ")) + self._pid(rng.randint(2, 24)))
        if not lines:
            lines = [self.section]
        out = []
        for ln in lines:
            ls = len(_ns(ln)) <= 6 and self.rng.random() < self.st.ls_rate * 0.6
            ind = " " * rng.randint(1, 10) if self.st.center and rng.random() < 0.4 else ""
            out.append(_hl(ln, -1, "furn", ls, ind))
        return out

    # -- placement ---------------------------------------------------------------------------
    def place_article(self, head, body, caps=(), label=None):
        """an article group: [label] head/body in the position's order, captions maybe between."""
        rng, st = self.rng, self.st
        pos = st.position
        if pos == MIXED:
            pos = AFTER if rng.random() < st.mixed_after else BEFORE
        self.tr["head_" + pos] += 1
        blocks = []
        if head:
            blocks = [head, body] if pos == BEFORE else [body, head]
        else:
            blocks = [body]
        for cap in caps:
            if len(blocks) == 2 and rng.random() < 0.6:
                blocks.insert(1, cap)
                self.tr["caption_between_head_and_body"] += 1
            elif rng.random() < 0.5:
                blocks.insert(0, cap)
                self.tr["caption_between_articles"] += 1
            else:
                blocks.append(cap)
                self.tr["caption_between_articles"] += 1
        if label:
            blocks.insert(0, label)
        self.groups.append(blocks)

    # -- shapes ------------------------------------------------------------------------------
    def story(self, target, caps=0, jump=False, box=False, long=False, label=False):
        it, plan = self.pick(minlen=min(target, 1200), long=long)
        if it is None:
            return
        kcaps = [self.caption()[1] for _ in range(caps)]
        idx, head, body = self.article(it, plan, target, jump=jump, long=long)
        lab = self.furniture("label") if label else None
        self.place_article(head, body, kcaps, lab)
        if box:
            self.box(it)

    def box(self, main_it):
        """a 相关链接 / 延伸阅读 / 记者手记 box: with a title, its own article."""
        rng = self.rng
        it, plan = self.pick(minlen=80)
        if it is None:
            return
        lab = rng.choice(_BOX_LABELS)
        form = rng.choice((lab, "■" + lab, "【" + lab + "】", "·" + lab + "·", lab))
        plan = dict(plan, kick=[], sub="")
        idx, head, body = self.article(it, plan, rng.randint(80, 400), kicker_override=form)
        self.tr["titled_box"] += 1
        self.place_article(head, body)

    def story_untitled_box(self, target):
        rng = self.rng
        it, plan = self.pick(minlen=300)
        if it is None:
            return
        paras = it["paras"]
        if len(paras) < 3:
            idx, head, body = self.article(it, plan, target)
        else:
            k = rng.randint(2, len(paras) - 1)
            main = dict(it, paras=paras[:k])
            extra = paras[k:k + rng.randint(1, 2)]
            lab = rng.choice(_BOX_LABELS)
            lab = rng.choice((lab, "■" + lab, "【" + lab + "】", "●" + lab))
            idx, head, body = self.article(main, plan, 10 ** 6 if target > 10 ** 5 else max(target, 1),
                                           extra_paras=extra, box_label=lab)
        self.place_article(head, body)

    def brief(self):
        it, plan = self.pick(minlen=40)
        if it is None:
            return
        idx, head, body = self.article(it, plan, 0, brief=True)
        self.place_article(head, body)
        self.tr["brief"] += 1

    def build(self):
        rng = self.rng
        shape = rng.choices(("stories", "briefs", "mixed", "long", "photo", "classified", "inner"),
                            (38, 17, 13, 10, 9, 6, 7))[0]
        self.shape = shape
        self.tr["shape:" + shape] += 1
        if shape == "stories":
            n = rng.randint(2, 6)
            for j in range(n):
                tgt = rng.randint(400, 1500) if j == 0 else rng.randint(120, 700)
                caps = rng.choices((0, 1, 2), (6, 3, 1))[0]
                jump = j == 0 and rng.random() < 0.2
                if rng.random() < 0.06:
                    self.story_untitled_box(tgt)
                else:
                    self.story(tgt, caps, jump, box=rng.random() < 0.08, label=rng.random() < 0.15)
        elif shape == "briefs":
            self.groups.append([self.furniture("brieflabel")])
            for _ in range(rng.randint(8, 14)):
                self.brief()
            for _ in range(rng.randint(0, 2)):
                self.groups.append([self.caption()[1]])
        elif shape == "mixed":
            for j in range(rng.randint(1, 3)):
                self.story(rng.randint(200, 1000), rng.choice((0, 0, 1)), label=rng.random() < 0.2)
            self.groups.append([self.furniture("brieflabel")])
            for _ in range(rng.randint(4, 8)):
                self.brief()
        elif shape == "long":
            tgt = rng.randint(1500, 3000)
            caps = rng.randint(1, 3)
            if rng.random() < 0.15:
                self.story_untitled_box(tgt)
                for _ in range(caps):
                    self.groups.append([self.caption()[1]])
            else:
                self.story(tgt, caps, jump=rng.random() < 0.15, box=rng.random() < 0.3, long=True)
            for _ in range(rng.randint(0, 2)):
                self.story(rng.randint(120, 400))
        elif shape == "photo":
            self.groups.append([self.furniture("photolabel")])
            for _ in range(rng.randint(3, 6)):
                title = rng.choice(_CAP_TITLES) if rng.random() < 0.6 else None
                self.groups.append([self.caption(title)[1]])
            for _ in range(rng.randint(0, 2)):
                self.story(rng.randint(120, 500), rng.choice((0, 1)))
        elif shape == "classified":
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.5:
                    self.story(rng.randint(150, 600))
                else:
                    self.brief()
            for _ in range(rng.randint(4, 9)):
                self.groups.append([self.furniture(rng.choice(("ad", "ad", "notice", "notice", "notice", "hot")))])
        else:   # inner page: a continued article first
            it, plan = self.pick(minlen=300)
            if it is not None:
                idx, head, body = self.article(it, plan, rng.randint(300, 1500), cont=True)
                self.place_article(head, body, [self.caption()[1]] if rng.random() < 0.2 else ())
            for _ in range(rng.randint(1, 4)):
                self.story(rng.randint(150, 800), rng.choice((0, 0, 1)))
        # free captions and furniture between groups
        if shape in ("stories", "mixed", "inner") and rng.random() < 0.4:
            for _ in range(rng.randint(1, 2)):
                self.groups.insert(rng.randint(0, len(self.groups)), [self.caption()[1]])
        nf = rng.randint(0, 5)
        for _ in range(nf):
            self.insert_furniture(self.furniture())
        if rng.random() < 0.85:
            top = [self.furniture("banner")]
            if rng.random() < 0.3:
                top.append(self.furniture(rng.choice(("label", "pageno", "weather", "guide"))))
            if rng.random() < 0.15 and len(self.groups) > 1:
                self.groups.insert(rng.randint(1, len(self.groups)), top)   # banner read mid-page
                self.tr["banner_mid_page"] += 1
            else:
                self.groups.insert(0, top)
        if rng.random() < 0.35:
            self.groups.append([self.furniture(rng.choice(("editor", "pageno", "hot", "qr")))])

    def insert_furniture(self, fe):
        rng = self.rng
        if self.groups and rng.random() < 0.08:
            g = rng.choice(self.groups)
            if len(g) >= 2:
                g.insert(rng.randint(1, len(g) - 1), fe)
                self.tr["furniture_between_head_and_body"] += 1
                return
        self.groups.insert(rng.randint(0, len(self.groups)), [fe])

    # -- finishing ---------------------------------------------------------------------------
    def finish(self):
        rng, st = self.rng, self.st
        entries = []
        for gi, g in enumerate(self.groups):
            for bi, block in enumerate(g):
                if entries and rng.random() < st.sep_blank:
                    entries.append(None)
                entries.extend(block)
        if st.blank_mode == "none":
            entries = [e for e in entries if e is not None]
            self.tr["page_without_blank_lines"] += 1
        elif st.blank_mode == "double":
            e2 = []
            for e in entries:
                if e is not None:
                    e2 += [e, None]
            entries = e2
            self.tr["page_blank_after_every_line"] += 1
        clean = []
        for e in entries:
            if e is None and (not clean or clean[-1] is None):
                continue
            clean.append(e)
        while clean and clean[-1] is None:
            clean.pop()
        out = []
        for e in clean:
            if e is None:
                out.append("")
                continue
            s = "".join(t for t, _, _ in e.segs)
            if e.ls:
                s = " ".join(t for t in _TOK.findall(s) if not t.isspace())
            if st.digit_rate:
                s = self._digit_space(s)
            out.append((e.indent + s).rstrip())
        if st.digit_rate and any(_ASCII_RUN.search(x) for x in out):
            self.tr["digit_spacing"] += 1
        if st.indent:
            self.tr["indent:" + {"\u3000\u3000": "two full-width", "  ": "two ascii", "\u3000": "one full-width",
                                  "mix": "mixed"}[st.indent]] += 1
        if not st.kinsoku:
            self.tr["careless_line_breaking"] += 1
        text = "\n".join(out)
        order = []
        seen = set()
        for e in clean:
            if e is None:
                continue
            for t, i, r in e.segs:
                if i >= 0 and i not in seen and t.strip():
                    seen.add(i)
                    order.append(i)
        return text, clean, order

    def _digit_space(self, s):
        rng, rate = self.rng, self.st.digit_rate
        parts = _ASCII_RUN.split(s)
        if len(parts) == 1:
            return s
        for k in range(1, len(parts), 2):
            if rng.random() < rate:
                if parts[k - 1] and not parts[k - 1][-1].isspace() and parts[k - 1][-1] > "\x7f":
                    parts[k - 1] += " "
                if parts[k + 1] and not parts[k + 1][0].isspace() and parts[k + 1][0] > "\x7f":
                    parts[k + 1] = " " + parts[k + 1]
        return "".join(parts)


# ----------------------------------------------------------------------------------------------
# self-check
# ----------------------------------------------------------------------------------------------

def _check(page: Page, clean, order, truth_by_idx):
    segs_all = "".join(_ns(t) for e in clean if e is not None for t, _, _ in e.segs)
    assert _ns(page.text) == segs_all, "page text differs from the tracked segments"
    assert "\n\n\n" not in page.text
    acc = {}
    for e in clean:
        if e is None:
            continue
        items = {i for t, i, r in e.segs if t.strip()}
        roles = {r for t, i, r in e.segs if t.strip()}
        assert len(items) == 1, f"a line holds several items: {e.segs}"
        assert roles <= TEXT_ROLES or (len(roles) == 1 and roles <= HEAD_ROLES) or roles == {"furn"}, \
            f"a line mixes roles: {e.segs}"
        if -1 in items:
            assert roles == {"furn"}
        for t, i, r in e.segs:
            assert "\n" not in t
            acc.setdefault((i, r), []).append(t)
    assert sorted(order) == list(range(len(truth_by_idx))), "an item is missing from the page"
    assert [truth_by_idx[i] for i in order] == page.truth
    for i, ti in enumerate(truth_by_idx):
        for role in ("title", "kicker", "subtitle", "body", "dateline"):
            printed = _ns("".join(acc.get((i, role), [])))
            assert printed == _ns(getattr(ti, role)), f"item {i} {role}: printed {printed!r} truth {getattr(ti, role)!r}"
        assert ti.body.strip(), f"item {i} has no body"
        names_txt = _ns("".join(acc.get((i, "byline"), []) + acc.get((i, "credit"), []) +
                               (acc.get((i, "body"), []) if ti.kind == "caption" else [])))
        for nm in ti.reporters:
            assert nm in names_txt, f"item {i}: reporter {nm} not printed"
        jt = _ns("".join(acc.get((i, "jump"), [])))
        if ti.continued_to:
            assert "下转" in jt and ti.continued_to in jt, f"item {i}: jump line"
        if ti.kind == "caption":
            assert not ti.title and not ti.kicker and not ti.subtitle and not ti.dateline
        if ti.kicker or ti.subtitle:
            assert ti.title


# ----------------------------------------------------------------------------------------------
# public entry
# ----------------------------------------------------------------------------------------------

_CACHE = {}


def _pool_for(items, date_range):
    key = (id(items) if items is not None else None, tuple(date_range) if date_range else None)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is items:
        return hit[1], hit[2]
    src = items if items is not None else _load_items()
    pool = _prepare(src, date_range)
    long_idx = [k for k, it in enumerate(pool) if it["n"] >= 1500]
    mid_idx = [k for k, it in enumerate(pool) if it["n"] >= 400]
    _CACHE.clear()
    _CACHE[key] = (items, pool, (long_idx, mid_idx))
    return pool, (long_idx, mid_idx)


def _one(i, position, seed, pool, idx_by_len):
    rng = random.Random(f"pagegen_h|{seed}|{position}|{i}")
    st = _style(rng, position)
    pb = _PB(rng, st, pool, idx_by_len)
    pb.build()
    text, clean, order = pb.finish()
    page = Page(text=text, truth=[pb.truth[k] for k in order], position=position)
    _check(page, clean, order, pb.truth)
    return page, pb.tr, clean


def generate_pages(n: int, position: str = AFTER, seed: int = 0, items: list[dict] | None = None,
                   date_range: tuple[str, str] | None = None) -> list[Page]:
    """Deterministic: page i depends only on (seed, position, i) and the items."""
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {POSITIONS}")
    pool, ibl = _pool_for(items, date_range)
    return [_one(i, position, seed, pool, ibl)[0] for i in range(n)]


# ----------------------------------------------------------------------------------------------
# command line
# ----------------------------------------------------------------------------------------------

def _show(n, seed):
    pool, ibl = _pool_for(None, None)
    for i in range(n):
        position = POSITIONS[i % 3]
        page, tr, _ = _one(i, position, seed, pool, ibl)
        print("=" * 30, f"page {i} ({position}, {[k for k in tr if k.startswith('shape:')][0][6:]})", "=" * 30)
        print(page.text)
        print("-" * 30, "truth", "-" * 30)
        for t in page.truth:
            print(f"[{t.kind}] title={t.title!r} kicker={t.kicker!r} subtitle={t.subtitle!r} "
                  f"dateline={t.dateline!r} reporters={t.reporters} continued_to={t.continued_to}")
            b = t.body.replace("\n", "⏎")
            print("    body:", b[:90] + ("…" if len(b) > 90 else ""), f"({len(t.body)} chars)")


def _traits(n, seed):
    pool, ibl = _pool_for(None, None)
    rows = {}
    stats = {}
    for position in POSITIONS:
        t0 = time.perf_counter()
        c_pages = Counter()
        c_total = Counter()
        arts = caps = lines = chars = 0
        for i in range(n):
            page, tr, clean = _one(i, position, seed, pool, ibl)
            for k, v in tr.items():
                c_pages[k] += 1
                c_total[k] += v
            arts += sum(1 for t in page.truth if t.kind == "article")
            caps += sum(1 for t in page.truth if t.kind == "caption")
            lines += page.text.count("\n") + 1
            chars += len(page.text)
        ms = (time.perf_counter() - t0) * 1000 / n
        rows[position] = (c_pages, c_total)
        stats[position] = (arts / n, caps / n, lines / n, chars / n, ms)
    keys = sorted(set().union(*(r[0].keys() for r in rows.values())))
    print(f"pagegen_h traits over {n} pages per position (seed {seed}): % of pages with the trait "
          f"(mean count per page)")
    print(f"| trait | {' | '.join(POSITIONS)} |")
    print("|---|" + "---|" * len(POSITIONS))
    for k in keys:
        cells = []
        for p in POSITIONS:
            cp, ct = rows[p]
            cells.append(f"{100 * cp[k] / n:.0f}% ({ct[k] / n:.2f})")
        print(f"| {k} | {' | '.join(cells)} |")
    for lab, j, fmt in (("articles per page", 0, "{:.1f}"), ("captions per page", 1, "{:.1f}"),
                        ("lines per page", 2, "{:.0f}"), ("characters per page", 3, "{:.0f}"),
                        ("ms per page", 4, "{:.2f}")):
        print(f"| {lab} | {' | '.join(fmt.format(stats[p][j]) for p in POSITIONS)} |")


def _run_check(n, seed):
    pool, ibl = _pool_for(None, None)
    fails = 0
    t0 = time.perf_counter()
    for position in POSITIONS:
        for i in range(n):
            try:
                _one(i, position, seed, pool, ibl)
            except AssertionError as e:
                fails += 1
                if fails <= 10:
                    print(f"FAIL page {i} {position}: {e}")
    ms = (time.perf_counter() - t0) * 1000 / (3 * n)
    a = generate_pages(4, MIXED, seed + 7)
    b = generate_pages(8, MIXED, seed + 7)[:4]
    det = all(x.text == y.text and x.truth == y.truth for x, y in zip(a, b))
    print(f"pagegen_h --check: {3 * n} pages ({n} per position), {fails} failed, deterministic={det}, "
          f"{ms:.2f} ms/page")
    return 1 if fails or not det else 0


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, metavar="N")
    ap.add_argument("--traits", type=int, metavar="N")
    ap.add_argument("--check", type=int, metavar="N")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    rc = 0
    if a.show:
        _show(a.show, a.seed)
    if a.traits:
        _traits(a.traits, a.seed)
    if a.check:
        rc = _run_check(a.check, a.seed)
    if not (a.show or a.traits or a.check):
        _show(2, a.seed)
    return rc


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:          # piped into head
        sys.exit(0)
