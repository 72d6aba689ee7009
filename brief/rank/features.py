"""Explainable importance features of one article, each a float in about [0, 1].

Every feature is something an editor would name when asked why a story leads: who acts (authority),
how far it reaches (scope), whether it carries hard facts, where it was printed (prominence), whether
it matches the reader's profile, and how fresh it is. The weights live in ``weights.toml``.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from brief.document import Article
from brief.zh import Figure, extract_figures
from brief.zh.figures import quantity_before

# How much of the article the "lead" features look at: the lead carries who did what.
LEAD_CHARS = 200
# Hard facts are counted in the first part only: key figures come early, and it keeps ranking fast.
FACT_CHARS = 800

# Authority lexicons, highest level first. A match in the title counts more than one in the lead.
TOP_LEADER = ("习近平", "总书记", "国家主席")
CENTRAL = (
    "中共中央", "党中央", "国务院", "全国人大", "全国人民代表大会", "全国政协", "中央军委",
    "中央政治局", "中央委员会", "中央办公厅", "国务院总理", "中央经济工作会议", "中央纪委",
    "最高人民法院", "最高人民检察院",
)
# National leaders by protocol order below the head of state: premier, then the other leaders.
PREMIER = ("李强", "李克强", "国务院总理")
NATIONAL_LEADERS = ("赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "韩正", "栗战书", "汪洋", "王岐山")
MINISTRY = re.compile(
    r"(?:国家(?:发展改革委|发改委|统计局|税务总局|市场监管总局|卫生健康委|医保局|能源局|林草局|"
    r"外汇管理局|知识产权局|邮政局|烟草专卖局|铁路局|移民管理局|数据局|药监局|金融监管总局|疾控局))|"
    r"(?:[\u4e00-\u9fff]{1,6}部(?=[\u4e00-\u9fff，、。]))(?<!全部)(?<!内部)(?<!局部)(?<!干部)(?<!中部)(?<!西部)"
    r"(?<!东部)(?<!北部)(?<!南部)(?<!俱乐部)(?<!总部)(?<!本部)(?<!外部)|人民银行|证监会|海关总署"
)
PROVINCIAL = ("省委", "省政府", "省人大", "省政协", "省人民政府", "自治区党委", "自治区政府",
              "自治区人民政府", "市委书记", "省长", "省委书记")
DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,6}(?:厅|局)(?![面长势])")
LOCAL = re.compile(r"[市县区]委|[市县区](?:人民)?政府|市长|县长|区长|乡镇|街道|社区")
# Actions that mark a decision or instruction rather than a report.
DECISION = ("重要指示", "重要讲话", "主持召开", "召开", "印发", "部署", "审议", "通过", "发布",
            "出台", "签署", "贺信", "贺电", "会见", "会谈", "出席", "考察", "视察", "决定", "通知",
            "意见", "规划", "方案")

NATIONAL_SCOPE = ("全国", "我国", "全党", "全社会", "各地", "中国式现代化", "全国各地", "国家")
PROVINCE_SCOPE = ("全省", "全区", "各市")  # not 省内: 省内外 is a turn of phrase
LOCAL_SCOPE = ("全市", "全县", "市内", "县内", "各县", "各区")
# A story set abroad: for a domestic official's brief it matters less, as editors agree.
FOREIGN = (
    "美国", "俄罗斯", "俄军", "乌克兰", "乌军", "以色列", "以军", "巴勒斯坦", "加沙", "哈马斯",
    "日本", "韩国", "朝鲜", "英国", "法国", "德国", "意大利", "欧盟", "欧洲", "联合国", "北约",
    "印度", "伊朗", "叙利亚", "土耳其", "黎巴嫩", "也门", "非洲", "拉美", "巴西", "澳大利亚",
    "加拿大", "墨西哥", "当地时间", "外交部发言人", "总统", "首相", "白宫", "华盛顿", "莫斯科",
)
# The policy line of the day: stories framed by it lead the national news.
PARTY_LINE = ("党的二十大", "三中全会", "二中全会", "党中央", "新时代", "中国式现代化", "高质量发展",
              "新发展理念", "习近平新时代中国特色社会主义思想", "党的十八大以来")
# The paper's (or broadcaster's) own voice on the day's main story: editorials and commentaries.
COMMENTARY = ("社论", "评论员", "快评", "述评", "时评", "短评")
PEOPLE = quantity_before("人次|人|户|名|家")
MONEY = quantity_before("元")

# Page numbers like "1", "A1", "01" -> 1.
_PAGE_NUMBER = re.compile(r"(\d+)")


def _count(text: str, words: tuple[str, ...]) -> int:
    return sum(1 for w in words if w in text)


def _saturate(count: float, half: float) -> float:
    """0 for none, 0.5 at ``half``, towards 1 beyond: more mentions help, with diminishing returns."""
    return count / (count + half) if count > 0 else 0.0


def _page_number(page: str | None) -> int | None:
    if page is None:
        return None
    match = _PAGE_NUMBER.search(str(page))
    return int(match.group(1)) or None if match else None  # a page 0 (an input's own numbering) is none


def hard_figures(text: str) -> list[Figure]:
    """Key figures (amounts, shares, counts), not dates or periods: the story's hard facts."""
    return [f for f in extract_figures(text) if f.kind == "number"]


def article_features(
    article: Article, *, profile: dict[str, float] | None = None, date: str | None = None
) -> dict[str, float]:
    """The feature vector of one article; keys match the weights in ``weights.toml``."""
    title = article.title
    body = article.body
    lead = (article.subtitle + "\n" + body)[:LEAD_CHARS]
    head = title + "\n" + lead
    text = title + "\n" + body
    feats: dict[str, float] = {}

    # Authority: who acts, in the title (strong) or the lead.
    feats["leader_title"] = 1.0 if _count(title, TOP_LEADER) else 0.0
    feats["leader_lead"] = 1.0 if _count(lead, TOP_LEADER) else 0.0
    feats["leader_body"] = _saturate(sum(body.count(w) for w in TOP_LEADER), 3)
    feats["leader_first"] = 1.0 if _count(title[:8], TOP_LEADER) else 0.0
    feats["premier"] = 1.0 if _count(title, PREMIER) else 0.0
    feats["national_leader"] = 1.0 if _count(title, NATIONAL_LEADERS) else 0.0
    feats["central_title"] = 1.0 if _count(title, CENTRAL) else 0.0
    feats["central_lead"] = _saturate(_count(lead, CENTRAL), 1)
    feats["ministry"] = _saturate(len(MINISTRY.findall(head)), 1)
    feats["provincial"] = _saturate(_count(head, PROVINCIAL), 1)
    feats["department"] = _saturate(len(DEPARTMENT.findall(head)), 1)
    feats["local"] = _saturate(len(LOCAL.findall(head)), 1)
    feats["decision"] = _saturate(_count(head, DECISION), 2)

    # Scope: how far the story reaches; abroad counts against it.
    feats["scope_national"] = _saturate(_count(head, NATIONAL_SCOPE), 1)
    feats["scope_province"] = _saturate(_count(head, PROVINCE_SCOPE), 1)
    feats["scope_local"] = _saturate(_count(head, LOCAL_SCOPE), 1)
    feats["foreign_title"] = 1.0 if _count(title, FOREIGN) else 0.0
    feats["foreign"] = _saturate(sum(text.count(w) for w in FOREIGN), 3)
    feats["party_line"] = _saturate(_count(text, PARTY_LINE), 2)
    feats["commentary"] = 1.0 if _count(title, COMMENTARY) else 0.0

    # Hard facts: figures, money, people affected.
    feats["figures"] = _saturate(len(hard_figures(text[:FACT_CHARS])), 4)
    feats["money"] = 1.0 if MONEY.search(text[:FACT_CHARS]) else 0.0
    feats["people"] = 1.0 if PEOPLE.search(text[:FACT_CHARS]) else 0.0

    # Length: log-scaled, 1.0 at about 2,000 characters.
    feats["length"] = min(math.log1p(len(body)) / math.log1p(2000), 1.0)

    # Prominence: only when the article was printed on a numbered page (a broadcast has none).
    page = _page_number(article.page)
    if page is not None:
        feats["front_page"] = 1.0 if page == 1 else 0.0
        feats["page"] = 1.0 / page
        feats["position"] = 1.0 / (1 + article.position)
        feats["lead_article"] = 1.0 if page == 1 and article.position == 0 else 0.0
    else:
        feats["front_page"] = feats["page"] = feats["position"] = feats["lead_article"] = 0.0

    feats["profile"] = profile_score(title, body, profile or {})
    feats["freshness"] = freshness(article.date, date)
    return feats


def profile_score(title: str, body: str, profile: dict[str, float]) -> float:
    """The reader's topics: weight of each keyword found, a title hit counting double, capped at 1."""
    total = 0.0
    for word, weight in profile.items():
        if word in title:
            total += 2 * float(weight)
        elif word in body:
            total += float(weight)
    return max(min(total, 1.0), -1.0)


def freshness(article_date: str | None, brief_date: str | None) -> float:
    """1 for today's (or undated) news, halving with each day of age."""
    if not article_date or not brief_date:
        return 1.0
    try:
        age = (dt.date.fromisoformat(brief_date) - dt.date.fromisoformat(article_date[:10])).days
    except ValueError:
        return 1.0
    return 1.0 if age <= 0 else 0.5**age
