"""A brief written for these tests: sections, a follow-up story, related sources, English."""

import pytest

from brief.deliver.compose import compose
from brief.config import defaults
from brief.document import Article, BriefItem, Summary


def _item(title, summary, *, page="1", section=None, status=None, related=(), en=None):
    article = Article(title=title, source="晋中日报", page=page, paragraphs=[summary + "其余正文从略。"])
    return BriefItem(article=article, summary=Summary(text=summary, method="extractive"),
                     score=1.0, reasons=["头版头条", "含关键数据"], section=section, status=status,
                     related=list(related), en=en)


@pytest.fixture
def config():
    return defaults()


@pytest.fixture
def sample_brief(config):
    items = [
        _item("我市前三季度新增城镇就业2.3万人", "1—9月，全市新增城镇就业2.3万人，完成全年目标的92.5%。",
              section="经济", en={"title": "City adds 23,000 urban jobs in three quarters",
                                 "summary": "From January-September the city added 23,000 urban jobs."}),
        _item("老旧小区改造惠及4120户居民", "今年改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。",
              page="2", section="民生", status="持续关注",
              related=[Article(title="改造工程进入收尾阶段", source="太行日报", page="3")]),
        _item("<script>alert('x')</script>标题里的尖括号", "一句不含数字的摘要，用来检查转义。",
              page="4", section="经济"),
        _item("秋粮收购启动", "全市秋粮收购于10月8日启动，预计收购玉米15万吨。", page="5", section="民生"),
    ]
    return compose(items, date="2024-10-18", config=config, meta={"articles_read": 9})
