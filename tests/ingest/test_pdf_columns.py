"""PDFs typeset by the test in 2-4 columns and written line by line across them, as some producers
do: pypdf's plain text runs the columns together, ``brief.ingest.pdf`` puts them back in reading order."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from brief.config import defaults
from brief.ingest import read_file
from brief.ingest.pdf import page_text
from pdfmaker import row, spread, typeset

LEAD = ("全省秋粮收获进度过九成", [
    "本报讯 连日来，全省各地抢抓晴好天气，组织农机手和种粮大户加快秋粮收获进度，确保颗粒归仓。",
    "记者从省农业农村厅了解到，截至十月十六日，全省秋粮已收获两千八百六十万亩，占播种面积的九成以上，"
    "比去年同期快两个多百分点。",
    "在城郊的玉米田里，十余台收获机来回穿梭，摘穗、剥皮、粉碎秸秆一气呵成。种粮大户告诉记者，"
    "今年他流转的玉米地平均亩产比去年多了四十公斤。",
    "省农业农村厅有关负责人表示，下一步将继续加强农机调度和技术指导，做好秋粮收获扫尾和冬小麦播种衔接工作。",
])
SHORT = [
    ("城乡公交新开三线", [
        "本报讯 日前，市里新开通三条城乡公交线路，将沿线二十七个行政村纳入公交网络，惠及群众一万六千人。",
        "新线路全程共设站点四十二个，首班车早上六点发车，末班车晚上十点收车，票价统一为两元。",
    ]),
    ("科技创新大赛落幕", [
        "本报讯 为期三天的全省中小学生科技创新大赛十七日落下帷幕，来自十一个市的八百六十名学生带着六百二十件作品参赛。",
        "获奖作品将在省科技馆展出一个月，市民可以免费参观。",
    ]),
    ("绿色工厂新增四家", [
        "本报讯 工业和信息化部近日公布年度绿色制造名单，我省四家企业入选国家级绿色工厂，两个园区入选绿色工业园区。",
        "截至目前，全省国家级绿色工厂已达六十三家。",
    ]),
    ("旅游专线正式开通", [
        "本报讯 城际旅游专线十六日正式开通，游客从火车站出发，约两个半小时即可抵达景区。",
        "专线每天往返四班，节假日将视客流加密班次。",
    ]),
]


def page(columns: int) -> list[tuple]:
    return [spread(*LEAD), row(*SHORT[:columns])]


def plain(text: str) -> str:
    return "".join(text.split())


def read(tmp_path, data: bytes):
    path = tmp_path / "晚报.pdf"
    path.write_bytes(data)
    return read_file(str(path), config=defaults())


@pytest.mark.parametrize("columns", [2, 3, 4])
def test_columns_written_across_come_out_in_reading_order(columns):
    [across] = PdfReader(io.BytesIO(typeset([page(columns)], columns=columns))).pages
    [down] = PdfReader(io.BytesIO(typeset([page(columns)], columns=columns, row_by_row=False))).pages
    lead_body = plain("".join(LEAD[1]))
    assert lead_body not in plain(across.extract_text())  # pypdf alone interleaves the columns
    text = plain(page_text(across).text)
    shorts = [title + plain("".join(body)) for title, body in SHORT[:columns]]
    assert text == "".join([LEAD[0], lead_body, *shorts])
    assert page_text(across) == page_text(down)  # the same text and sizes, whichever order the stream has


@pytest.mark.parametrize("columns", [2, 3, 4])
def test_columns_segment_into_their_articles(tmp_path, columns):
    result = read(tmp_path, typeset([page(columns)], columns=columns))
    assert result.errors == []
    articles = [a for a in result.articles if a.kind == "article"]
    assert [a.title for a in articles] == [LEAD[0]] + [title for title, _ in SHORT[:columns]]
    for article, (_, body) in zip(articles, [LEAD] + SHORT[:columns], strict=True):
        assert plain(article.body) == plain("".join(body)).removeprefix("本报讯")


@pytest.mark.parametrize("lead_columns, short", [(2, 3), (4, 2), (3, 4)])
def test_sections_with_different_columns_on_one_page(tmp_path, lead_columns, short):
    sections = [spread(*LEAD, columns=lead_columns), row(*SHORT[:short])]
    [across] = PdfReader(io.BytesIO(typeset([sections], columns=short))).pages
    expected = [LEAD[0], plain("".join(LEAD[1]))] + [
        part for title, body in SHORT[:short] for part in (title, plain("".join(body)))]
    assert plain(page_text(across).text) == "".join(expected)


@pytest.mark.parametrize("shift", [30, 150])
def test_overlapping_columns_are_one_warning_not_run_together_text(tmp_path, shift):
    data = typeset([page(3), page(2)], columns=3)
    broken = typeset([page(3)], columns=3, shift=shift)  # columns drawn into or over each other
    mixed = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    writer.append(mixed)
    writer.insert_page(PdfReader(io.BytesIO(broken)).pages[0], 1)
    out = io.BytesIO()
    writer.write(out)
    result = read(tmp_path, out.getvalue())
    [warning] = result.errors
    assert str(warning).startswith(str(tmp_path / "晚报.pdf") + ": page 2: reading order lost")
    assert "\n" not in str(warning)
    assert {a.page for a in result.articles} == {"1", "3"}


def test_a_lost_page_stops_a_strict_run(tmp_path):
    from brief.errors import InputError
    from brief.ingest import read_inputs

    path = tmp_path / "晚报.pdf"
    path.write_bytes(typeset([page(3)], columns=3, shift=30))
    with pytest.raises(InputError, match="reading order lost"):
        read_inputs([str(path)], strict=True, config=defaults())
