"""Page generators j to p (benchmarks/pagegen_j.py to pagegen_p.py, each written blind from a spec and
the seed page): deterministic, and the truth they give is what they printed. News items are written
here, not taken from ../shared."""

import importlib
import re

import pytest

from brief.zh import normalize_chars

_PARAGRAPHS = [
    "全省各地抢抓晴好天气组织农机手下田作业，秋粮收获进度已过半。",
    "省农业农村厅统计显示，截至7日全省已收获玉米1320万亩，比去年同期快3个百分点。",
    "合作社负责人说，今年亩产比去年多了80斤，烘干晾晒和储藏工作同步推进。",
    "农业部门提醒，各地要做好仓储管理，防止霉变造成损失，确保颗粒归仓。",
]
_TITLES = ["全省秋粮收获进度过半", "老街区焕发新活力", "新能源汽车产值增长两成", "社区食堂让老人吃上热乎饭",
           "高校毕业生就业服务月启动", "黄河沿岸生态修复项目通过验收", "冬季供暖准备工作全面就绪", "文旅消费季带火乡村游"]
ITEMS = [
    {"title": title, "date": f"2024100{1 + n % 3}", "paragraphs": [f"{title}。"] + _PARAGRAPHS[n % 4 :] + _PARAGRAPHS[: n % 4]}
    for n, title in enumerate(_TITLES * 3)
]


_MARKS = str.maketrans("(),:;!?．", "（），：；！？.")  # (also a bracket or a point the OCR broke over two lines)


def _bare(text: str) -> str:
    """Without whitespace, the characters read alike (n's OCR pages print ``１０月`` and ``,`` where
    the truth, what the paper printed, has ``10月`` and ``，``)."""
    return re.sub(r"\s", "", normalize_chars(text)).translate(_MARKS)


@pytest.fixture(params=["j", "k", "l", "m", "n", "o", "p"])
def gen(request):
    return importlib.import_module(f"benchmarks.pagegen_{request.param}")


def test_pages_are_deterministic_and_each_page_depends_only_on_its_index(gen):
    first = gen.generate_pages(6, gen.AFTER, seed=4, items=ITEMS)
    again = gen.generate_pages(3, gen.AFTER, seed=4, items=ITEMS)
    assert [p.text for p in first[:3]] == [p.text for p in again]
    assert len({p.text for p in first}) == 6


def _in_order(text: str, page: str) -> bool:
    """The text's characters appear in the page in its order (other items may fall between them)."""
    rest = iter(page)
    return all(ch in rest for ch in text)


def test_every_title_and_body_in_the_truth_is_printed_on_its_page(gen):
    for position in (gen.AFTER, gen.BEFORE, gen.MIXED):
        for page in gen.generate_pages(8, position, seed=1, items=ITEMS):
            printed = _bare(page.text)
            assert page.truth and page.position == position
            side_by_side = getattr(page, "meta", {}).get("layer") == "layout"  # o's pdftotext -layout pages
            for item in page.truth:
                assert _bare(item.title) in printed  # a title's lines come together
                assert side_by_side or _in_order(_bare(item.body), printed)

