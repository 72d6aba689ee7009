"""The held-out page generator (benchmarks/pagegen_c.py): deterministic, truth that matches its text,
and the spec's traits present. News items are written here, not taken from ../shared."""

import gzip
import json

import pytest

from benchmarks import pagegen_c as gen

ITEMS = [
    {"title": "全省秋粮收获进度过半", "date": "2024-10-08", "paragraphs": [
        "国庆假期以来，全省各地抢抓晴好天气，组织农机手下田作业，秋粮收获进度已过半。",
        "省农业农村厅统计显示，截至7日，全省已收获玉米1320万亩，占播种面积的56.4%，比去年同期快3个百分点。",
        "在晋中市太谷区，十余台大型收割机在田间来回穿梭，收割、脱粒、装车一气呵成。合作社负责人说，今年亩产比去年多了80斤。",
        "农业部门提醒，各地要做好烘干晾晒和储藏工作，防止霉变造成损失，确保颗粒归仓。"]},
    {"title": "【一线见闻】老街区焕发新活力", "date": "2024-10-08", "paragraphs": [
        "走进古城东街，青砖灰瓦的老院落经过修缮，开起了书店、茶馆和手工作坊，游人络绎不绝。",
        "去年以来，当地投入资金2.6亿元，对街区的供排水、电力和道路进行改造，同时保留原有街巷格局。",
        "街区管理办公室主任介绍，改造后入驻商户达到146家，带动周边居民就业600余人。",
        "不少老住户也吃上了旅游饭。72岁的刘大爷把自家临街的房子改成小吃铺，每天能卖出三百多碗面。",
        "下一步，当地将继续完善停车、公厕等配套设施，举办民俗展演活动，让老街区留住乡愁、留住人气。"]},
    {"title": "新能源汽车产业链加快集聚 前三季度产值增长两成", "date": "2024-10-09", "paragraphs": [
        "记者从省工业和信息化厅了解到，前三季度，全省新能源汽车产业实现产值865亿元，同比增长21.3%。",
        "目前，全省已形成整车、动力电池、电机电控等较为完整的产业链，规模以上配套企业超过200家。",
        "在开发区一家电池企业的生产车间，机械臂有条不紊地完成电芯装配。企业负责人表示，新生产线投产后年产能将达到20GWh。",
        "一、完善配套体系",
        "省里出台专项政策，对关键零部件项目给予设备投资补贴，并组织整车企业与本地配套企业对接。",
        "二、拓展应用场景",
        "公交、出租、环卫等领域新增车辆优先采用新能源车型，全省已建成公共充电桩4.8万个。"]},
    {"title": "社区食堂让老人吃上热乎饭", "date": "2024-10-09", "paragraphs": [
        "每天中午11点，城南社区食堂里坐满了前来就餐的老人，两荤两素一汤，老人只需付12元。",
        "这是市里今年推进的民生实事之一。截至目前，全市已建成社区食堂87家，日均服务老人1.1万人次。",
        "为了让食堂办得下去，市里采取政府补一点、企业让一点、个人出一点的办法，并引入专业餐饮公司运营。"]},
    {"title": "高校毕业生就业服务月启动", "date": "2024-10-10", "paragraphs": [
        "本月起，全省开展高校毕业生就业服务月活动，计划举办各类招聘会300场，提供岗位10万个以上。",
        "活动期间，人社部门将对未就业毕业生逐一联系，提供职业指导、技能培训和见习机会。"]},
    {"title": "黄河沿岸生态修复项目通过验收", "date": "2024-10-10", "paragraphs": [
        "日前，黄河沿岸生态修复一期项目通过竣工验收，累计完成造林绿化4.3万亩，治理水土流失面积120平方公里。",
        "项目区植被覆盖率由原来的不足三成提高到六成以上，野生鸟类明显增多。",
        "当地还引导村民种植经济林，发展林下养殖，实现生态效益和经济效益双赢。",
        "据介绍，二期项目已完成前期设计，预计明年春季开工建设。"]},
    {"title": "冬季供暖准备工作全面就绪", "date": "2024-10-11", "paragraphs": [
        "随着气温逐渐走低，各地供热企业抓紧检修管网设备，冬季供暖准备工作已全面就绪。",
        "省住建厅要求，各地要提前储备燃料，做好应急预案，确保按时供暖、温度达标。",
        "今年全省新增集中供热面积1850万平方米，改造老旧供热管网630公里。",
        "供热热线将实行24小时值守，群众反映的问题要做到当日受理、限时解决。"]},
    {"title": "文旅消费季带火乡村游", "date": "2024-10-11", "paragraphs": [
        "秋高气爽，正是出游好时节。全省文旅消费季启动以来，乡村旅游持续升温。",
        "在一处山村民宿，院子里挂满了红辣椒和金黄的玉米，城里来的游客体验采摘、品尝农家饭。",
        "文旅部门数据显示，假期全省乡村旅游接待游客2180万人次，实现收入96.5亿元。"]},
    {"title": "去年的一条旧闻", "date": "2023-05-02", "paragraphs": [
        "这一条新闻的日期在二〇二三年，它不该出现在只取二〇二四年新闻的页面上。",
        "第二段文字同样属于旧闻，用来检查按日期筛选是否生效。"]},
]

TRAITS = [
    "page: long", "page: mixed", "page: briefs", "page: photo",
    "headline after body", "headline before body", "kicker", "kicker below title", "subtitle: dash",
    "subtitle: sentence", "title on 2 lines",
    "credit: city", "credit: xun", "credit: xun_space", "credit: xinhua", "credit: huoxi", "credit: byline",
    "credit: byline_square", "credit: byline_black", "credit: wentu", "credit: none",
    "column break inside dateline", "column break inside title", "column break mid-sentence",
    "paragraph indent: full", "paragraph indent: ascii", "paragraph indent: none", "digits spaced",
    "subhead: plain", "subhead: numbered", "subhead: bracket", "jump to another page", "continuation from page 1",
    "captions", "caption over several lines", "caption between two articles", "headline separated from its body",
    "furniture: banner", "furniture: editor", "furniture: label", "furniture: ad", "furniture: notice",
    "furniture: weather", "furniture: page number",
]


def _bare(text):
    return "".join(text.split())


def _pages(n, position, seed=0):
    return gen._build_pages(n, position, seed, ITEMS, YEAR)


YEAR = ("2024-01-01", "2024-12-31")


def test_same_seed_same_pages_other_seed_other_pages():
    one = gen.generate_pages(12, gen.MIXED, 5, items=ITEMS, date_range=YEAR)
    two = gen.generate_pages(12, gen.MIXED, 5, items=ITEMS, date_range=YEAR)
    assert [(p.text, p.truth) for p in one] == [(p.text, p.truth) for p in two]
    other = gen.generate_pages(12, gen.MIXED, 6, items=ITEMS, date_range=YEAR)
    assert [p.text for p in one] != [p.text for p in other]
    # page i does not depend on how many pages were asked for
    assert gen.generate_pages(3, gen.MIXED, 5, items=ITEMS, date_range=YEAR)[2].text == one[2].text


@pytest.mark.parametrize("position", [gen.AFTER, gen.BEFORE, gen.MIXED])
def test_truth_is_in_the_text_and_every_line_has_one_owner(position):
    for page, lines, _ in _pages(60, position):
        assert page.position == position
        assert gen.check(page, lines) == []
        text = _bare(page.text)
        for item in page.truth:
            assert _bare(item.title) in text
            assert _bare(item.body) in text, item.body[:30]  # bodies are contiguous on the page
            assert "（下转" not in item.body and "（上接" not in item.body
            assert item.kind in ("article", "caption")
            if item.kind == "caption":
                assert item.title == "" and "摄" not in item.body[-3:]
            if item.dateline:
                assert " " not in item.dateline and not item.body.startswith(item.dateline)
                assert item.dateline.endswith(("讯", "电"))


def test_headline_side_follows_the_position():
    for position in (gen.AFTER, gen.BEFORE):
        for page, lines, _ in _pages(40, position):
            first: dict = {}
            for number, line in enumerate(lines):
                for _, owner, role in line:
                    first.setdefault((owner, role), number)
            for index, item in enumerate(page.truth):
                if item.kind == "article" and item.title:
                    title, body = first[(index, "title")], first[(index, "body")]
                    assert (body < title) if position == gen.AFTER else (title < body)


def test_each_trait_of_the_spec_occurs_over_200_pages():
    seen = set()
    for position in (gen.AFTER, gen.BEFORE):
        for _, _, traits in _pages(100, position):
            seen.update(traits)
    assert [trait for trait in TRAITS if trait not in seen] == []


def test_date_range_keeps_other_years_out_and_an_empty_range_is_an_error():
    for page, _, _ in _pages(40, gen.MIXED):
        assert "旧闻" not in page.text
    with pytest.raises(ValueError, match="no news items"):
        gen.generate_pages(1, gen.AFTER, items=ITEMS, date_range=("2030-01-01", "2030-12-31"))


def test_jumped_articles_say_where_they_continue():
    found = 0
    for page, _, _ in _pages(150, gen.MIXED):
        for item in page.truth:
            if item.continued_to:
                found += 1
                assert f"下转第{item.continued_to}版" in _bare(page.text)
    assert found


def test_load_items_skips_round_ups_junk_and_keeps_paragraphs(tmp_path):
    rows = [
        {"date": "20240301", "title": "一条正常的新闻", "is_roundup": False,
         "text": "央视网消息（新闻联播）：第一段讲了一件事情，内容足够长，用来测试读取是否正确。\n"
                 "第二段\u00a0继续讲这件事情，也有足够的文字。\n---\n(更新时间戳: 1700000000000)"},
        {"date": "20240301", "title": "国内联播快讯", "is_roundup": True, "text": "央视网消息（新闻联播）：很多条。"},
        {"date": "20240302", "title": "undefined", "is_roundup": False, "text": "undefined"},
    ]
    path = tmp_path / "items.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    # the first row is under 80 characters of text: too short to make an article of
    assert gen.load_items(path) == []
    rows[0]["text"] = rows[0]["text"].replace("第二段", "第二段" + "补充的说明文字，" * 6)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    items = gen.load_items(path)
    assert len(items) == 1 and items[0]["date"] == "2024-03-01" and items[0]["title"] == "一条正常的新闻"
    assert items[0]["paragraphs"][0].startswith("第一段") and len(items[0]["paragraphs"]) == 2
    assert "\u00a0" not in items[0]["paragraphs"][1]
