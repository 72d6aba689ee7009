"""Continued articles joined across the pages of one run: unit cases on Articles, then pages read from files."""

import json

from brief.config import defaults
from brief.ingest import read_inputs
from brief.ingest.join import join_continued, page_label
from brief.document import Article, Dateline


def part(title, paragraphs, *, page=None, to=None, came_from=None, source="晚报", position=0, **fields):
    return Article(title=title, paragraphs=paragraphs, page=page, continued_to=to, continued_from=came_from,
                   source=source, position=position, **fields)


FIRST = part("全市新建口袋公园三十座", ["今年以来，全市见缝插针建设口袋公园，", "已有三十座向市民开放，"],
             page="1", to="第2版", reporters=["李明"], dateline=Dateline("河东", "5月3日"), kicker="城市更新")
SECOND = part("口袋公园", ["绿地面积增加十二公顷。", "明年还将再建二十座口袋公园。"], page="2", came_from="第1版")


def test_page_labels():
    assert [page_label(w) for w in ("第2版", "第 02 版", "a3版", "第十二版", "第十版", "二十一", None)] == [
        "2", "2", "A3", "12", "10", "21", None]


def test_two_parts_become_one_article():
    other = part("菜市场改造完工", ["十家菜市场完成改造。"], page="2", position=1)
    [joined, kept] = join_continued([[FIRST], [SECOND, other]])
    assert kept is other
    assert joined.title == "全市新建口袋公园三十座" and joined.kicker == "城市更新"
    assert joined.reporters == ["李明"] and joined.dateline == Dateline("河东", "5月3日")
    assert joined.page == "1,2" and joined.source == "晚报"
    # the page broke a sentence: the paragraph goes on across it
    assert joined.paragraphs == ["今年以来，全市见缝插针建设口袋公园，", "已有三十座向市民开放，绿地面积增加十二公顷。",
                                 "明年还将再建二十座口袋公园。"]
    assert joined.continued_to is None and joined.continued_from is None and joined.missing_parts == []
    assert joined.id == joined.content_hash


def test_the_brief_names_both_pages():
    from brief.document import BriefItem

    [joined] = join_continued([[FIRST], [SECOND]])
    assert BriefItem(article=joined).source_label == "晚报 第1、2版"
    assert BriefItem(article=part("", ["正文。"], page="A1,A3")).source_label == "晚报 A1、A3"


def test_the_join_does_not_depend_on_input_order():
    forward = join_continued([[FIRST], [SECOND]])
    backward = join_continued([[SECOND], [FIRST]])
    assert [a.id for a in forward] == [a.id for a in backward]
    assert backward[0].page == "1,2"


def test_pages_nothing_names_are_placed_by_the_jumps():
    first = part("全市新建口袋公园三十座", ["已有三十座向市民开放。"], to="第2版")
    second = part("", ["明年还将再建二十座。"], came_from="第1版")
    neighbour = part("菜市场改造完工", ["十家菜市场完成改造。"], position=1)
    [joined, kept] = join_continued([[first], [second, neighbour]])
    assert joined.page == "1,2" and kept.page == "2"


def test_the_best_of_several_candidates_wins():
    parks = part("全市新建口袋公园三十座", ["口袋公园见缝插针，已有三十座向市民开放。"], page="1", to="第2版")
    buses = part("城乡公交新开三条线路", ["三条城乡公交线路开通，沿线村庄通了公交。"], page="1", to="第2版", position=1)
    bus_tail = part("公交新线路", ["公交线路首班车早上六点发车。"], page="2", came_from="第1版")
    park_tail = part("", ["口袋公园里还将增设健身器材。"], page="2", came_from="第1版", position=1)
    joined = join_continued([[parks, buses], [bus_tail, park_tail]])
    assert [(a.title, a.page) for a in joined] == [("全市新建口袋公园三十座", "1,2"), ("城乡公交新开三条线路", "1,2")]
    assert joined[0].paragraphs[-1] == "口袋公园里还将增设健身器材。"
    assert joined[1].paragraphs[-1] == "公交线路首班车早上六点发车。"


def test_parts_that_do_not_point_at_each_other_stay_apart():
    to_three = part("全市新建口袋公园三十座", ["已有三十座向市民开放。"], page="1", to="第3版", date="2024-05-03")
    from_one = part("口袋公园", ["明年还将再建二十座。"], page="2", came_from="第1版")
    wrong_day = part("口袋公园", ["明年还将再建二十座。"], page="3", came_from="第1版", date="2024-05-04")
    articles = join_continued([[to_three], [from_one], [wrong_day]])
    assert len(articles) == 3 and all(a.page in ("1", "2", "3") for a in articles)


def test_a_missing_half_is_marked():
    [head] = join_continued([[FIRST]])
    [tail] = join_continued([[SECOND]])
    assert head.missing_parts == ["2"] and head.page == "1"
    assert tail.missing_parts == ["1"] and tail.title == "口袋公园"


def test_three_parts_in_a_chain():
    middle = part("口袋公园", ["绿地面积增加十二公顷，"], page="2", came_from="第1版", to="第5版")
    last = part("", ["明年还将再建二十座。"], page="5", came_from="第2版")
    [joined] = join_continued([[last], [FIRST], [middle]])
    assert joined.page == "1,2,5" and joined.missing_parts == []
    assert joined.paragraphs[-1] == "已有三十座向市民开放，绿地面积增加十二公顷，明年还将再建二十座。"


# --- pages read from files ----------------------------------------------------------------------

FRONT = """第1版

全市新建口袋公园三十座

本报讯（记者 李明）今年以来，全市
见缝插针建设口袋公园，利用边角
地、闲置地建成小微绿地，已有三
十座向市民开放，绿地面积增加十
二公顷，周边居民步行五分钟即可
抵达。（下转第2版）

菜市场改造完工

本报讯 全市十家老旧菜市场日前完成
改造，地面、排水和照明全部更新，
摊位统一配备电子秤和价格牌，市
民买菜环境明显改善。
"""

INNER = """第2版

口袋公园

（上接第1版）市园林部门介绍，口袋公园建
设充分听取周边居民意见，增设
了健身器材、儿童游乐设施和休
息座椅。明年还将再建二十座。

旅游专线正式开通

本报讯 城际旅游专线十六日正式开通，
游客从火车站出发，约两个半小时
即可抵达景区，每天往返四班，节
假日将视客流加密班次。
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_pages_of_one_issue_join_by_their_banners(tmp_path):
    inner, front = write(tmp_path, "b.txt", INNER), write(tmp_path, "a.txt", FRONT)
    result = read_inputs([inner, front], config=defaults())
    titles = [a.title for a in result.articles]
    assert titles.count("全市新建口袋公园三十座") == 1 and "口袋公园" not in titles
    [parks] = [a for a in result.articles if a.title == "全市新建口袋公园三十座"]
    assert parks.page == "1,2" and parks.missing_parts == []
    assert parks.body.startswith("今年以来") and parks.body.endswith("明年还将再建二十座。")
    assert "抵达。\n市园林部门介绍，口袋公园建设" in parks.body  # reading order, the jump marks gone
    assert {a.title: a.page for a in result.articles}["旅游专线正式开通"] == "2"


def test_pages_without_numbers_join_in_a_directory(tmp_path):
    (tmp_path / "issue").mkdir()
    write(tmp_path, "issue/front.txt", FRONT.replace("第1版\n", ""))
    write(tmp_path, "issue/inner.txt", INNER.replace("第2版\n", ""))
    result = read_inputs([str(tmp_path / "issue")], config=defaults())
    assert sorted((a.title, a.page) for a in result.articles) == [
        ("全市新建口袋公园三十座", "1,2"), ("旅游专线正式开通", "2"), ("菜市场改造完工", "1")]


def test_pages_of_a_pdf_join_by_their_index(tmp_path):
    from pdfmaker import make_pdf

    pages = [FRONT.replace("第1版\n", "").split("\n"), INNER.replace("第2版\n", "").split("\n")]
    path = tmp_path / "晚报.pdf"
    path.write_bytes(make_pdf(pages))
    result = read_inputs([str(path)], config=defaults())
    assert sorted((a.title, a.page) for a in result.articles) == [
        ("全市新建口袋公园三十座", "1,2"), ("旅游专线正式开通", "2"), ("菜市场改造完工", "1")]


def test_a_pdf_page_banner_beats_its_index(tmp_path):
    from pdfmaker import make_pdf

    banner = "2024年5月4日 星期六 第5版 城市"
    path = tmp_path / "晚报.pdf"
    path.write_bytes(make_pdf([[banner, ""] + FRONT.replace("第1版\n", "").split("\n")]))
    result = read_inputs([str(path)], config=defaults())
    assert {a.page for a in result.articles} == {"5"}
    [parks] = [a for a in result.articles if a.title == "全市新建口袋公园三十座"]
    assert parks.missing_parts == ["2"]


def test_a_lone_half_is_marked_in_the_json(tmp_path, capsys):
    from brief.cli import app

    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["ingest", write(tmp_path, "front_01.txt", FRONT), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    [parks] = [r for r in rows if r["title"] == "全市新建口袋公园三十座"]
    assert parks["missing_parts"] == ["2"] and parks["page"] == "1"


def test_the_example_issue_has_its_lead_story_once():
    result = read_inputs(["examples/page-front.txt", "examples/page-inner.txt"], config=defaults())
    [lead] = [a for a in result.articles if a.title == "全省秋粮收获进度过九成"]
    assert lead.page == "1,2" and lead.missing_parts == []
    assert lead.body.endswith("小农户通过“土地托管”分享到了规模经营的好处。")
