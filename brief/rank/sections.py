"""Sections by category (时政, 经济, 民生, 社会, 文化, 国际): a keyword classifier.

Keywords in the title count three times as much as in the lead; the best-scoring category wins and
a story that matches none goes to 社会. Crude but predictable, and every decision can be read off the
lists below.
"""

from __future__ import annotations

from brief.document import Article

SECTIONS: dict[str, tuple[str, ...]] = {
    "时政": ("习近平", "总书记", "中共中央", "党中央", "国务院", "省委", "省政府", "市委", "人大", "政协",
           "会议", "讲话", "部署", "党建", "纪委", "巡视", "干部", "主题教育", "全会", "代表"),
    "经济": ("经济", "产业", "企业", "投资", "项目", "增长", "GDP", "消费", "外贸", "进出口", "工业",
           "制造", "金融", "税", "营商", "市场", "农业", "粮食", "能源", "亿元"),
    "民生": ("就业", "社保", "医保", "养老", "教育", "学校", "医疗", "医院", "住房", "收入", "民生",
           "群众", "居民", "供暖", "交通", "出行", "救助", "托育", "物价"),
    "社会": ("安全", "事故", "救援", "灾", "警方", "公安", "法院", "案件", "治安", "社区", "志愿",
           "环境", "生态", "天气", "降雨"),
    "文化": ("文化", "文艺", "旅游", "文物", "博物馆", "非遗", "演出", "电影", "体育", "赛事", "图书",
           "艺术", "音乐会", "展览"),
    "国际": ("美国", "俄罗斯", "乌克兰", "以色列", "欧盟", "联合国", "日本", "韩国", "朝鲜", "外交部",
           "总统", "首相", "国际", "当地时间", "峰会"),
}
DEFAULT_SECTION = "社会"
TITLE_WEIGHT = 3
LEAD_CHARS = 200


def classify(article: Article) -> str:
    """The article's section: the category whose keywords weigh most in its title and lead."""
    title, lead = article.title, article.body[:LEAD_CHARS]
    best, best_score = DEFAULT_SECTION, 0
    for name, words in SECTIONS.items():
        score = sum(TITLE_WEIGHT * (w in title) + (w in lead) for w in words)
        if score > best_score:
            best, best_score = name, score
    return best
