"""The extractive summarizer on articles written for these tests."""

import pytest

from brief.config import defaults
from brief.document import Article
from brief.summarize import get_summarizer
from brief.summarize.extractive import ExtractiveSummarizer, _bigrams, headline_text, key_sentences, lead_headline
from brief.summarize.guard import check_summary

EMPLOYMENT = Article(
    title="前8个月我省城镇新增就业36.54万人",
    paragraphs=[
        "本报太原10月17日讯（记者 郝薇）记者从省人社厅了解到，1—8月，全省城镇新增就业36.54万人，"
        "完成年度目标的80.1%，同比增长1.85%。",
        "据介绍，今年以来，我省把稳就业摆在突出位置，先后出台十项稳岗措施，为企业减负12.3亿元。",
        "高校毕业生是就业工作的重点群体。全省已组织专场招聘会420场，提供岗位18.6万个。",
        "下一步，省人社厅将继续开展就业帮扶行动，确保全年就业形势总体稳定。",
        "全省城镇新增就业36.54万人，完成年度目标的80.1%。",
    ],
)

FORUM = Article(
    paragraphs=[
        "近日，中共山西省委常委、太原市委书记韦韬在太原主持召开民营企业座谈会，听取企业家对优化营商环境的意见建议。",
        "座谈会上，12位企业家先后发言。大家表示，将坚定信心，加大投入，为全省高质量发展贡献力量。",
    ]
)


@pytest.fixture()
def summarizer():
    return ExtractiveSummarizer(defaults())


def test_registered_under_its_name():
    assert get_summarizer("extractive", defaults()).name == "extractive"


def test_summary_is_trimmed_within_budget_and_in_article_order(summarizer):
    (summary,) = summarizer.summarize([EMPLOYMENT])
    assert summary.method == "extractive"
    assert 0 < len(summary.text) <= 120
    assert summary.text.startswith("1—8月，全省城镇新增就业36.54万人")
    for furniture in ("本报", "记者", "据介绍", "郝薇"):
        assert furniture not in summary.text
    positions = [EMPLOYMENT.body.index(e.sources[0]) for e in summary.evidence]
    assert positions == sorted(positions)


def test_evidence_points_at_real_source_sentences(summarizer):
    (summary,) = summarizer.summarize([EMPLOYMENT])
    assert summary.evidence
    assert "".join(e.sentence for e in summary.evidence) == summary.text
    for evidence in summary.evidence:
        (source,) = evidence.sources
        assert source in EMPLOYMENT.body
        assert evidence.sentence in source


def test_a_repeated_sentence_is_not_taken_twice(summarizer):
    (summary,) = summarizer.summarize([EMPLOYMENT])
    assert summary.text.count("完成年度目标的80.1%") == 1


def test_every_figure_of_the_summary_is_supported(summarizer):
    for kind in ("summary", "headline"):
        for article in (EMPLOYMENT, FORUM):
            (summary,) = summarizer.summarize([article], kind=kind)
            report = check_summary(summary.text, article.body)
            assert report.ok, (kind, summary.text, report.problems)


def test_a_smaller_budget_is_respected(summarizer):
    config = defaults()
    config["summarize"]["max_chars"] = 50
    (summary,) = ExtractiveSummarizer(config).summarize([EMPLOYMENT])
    assert 0 < len(summary.text) <= 50


def test_headline_is_one_short_line_without_scene_setting(summarizer):
    (headline,) = summarizer.summarize([FORUM], kind="headline")
    assert 0 < len(headline.text) <= 30
    assert not headline.text.startswith("近日")
    assert "韦韬" in headline.text and "座谈会" in headline.text
    assert headline.text[-1] not in "，。；、"
    (evidence,) = headline.evidence
    assert evidence.sources[0] in FORUM.body


def test_headline_keeps_the_key_figure(summarizer):
    (headline,) = summarizer.summarize([EMPLOYMENT], kind="headline")
    assert len(headline.text) <= 30
    assert "36.54万人" in headline.text


def test_headline_text_drops_titles_dates_and_never_cuts_a_number():
    sentence = "省长王明10月12日下午在太原主持召开常务会议，研究部署秋冬季安全生产工作。"
    assert headline_text(sentence, 30) == "王明在太原主持召开常务会议，研究部署秋冬季安全生产工作"
    assert headline_text(sentence, 20) == "王明在太原主持召开常务会议"
    long_figure = "全省粮食总产量达到1478.1万吨的历史新高水平并且连续五年保持稳定增长态势"
    cut = headline_text(long_figure, 12)
    assert len(cut) <= 12 and "1478" not in cut[-4:]


@pytest.mark.parametrize("opening", ["记者今天（10月12日）从省交通厅了解到，", "日前，记者从省交通厅获悉，", "据介绍，"])
def test_a_made_headline_leaves_out_who_told_the_reporter(opening):
    sentence = opening + "全省首批新能源公交车今天投入运营。"
    assert headline_text(sentence, 20) == "全省首批新能源公交车投入运营"


def test_a_subordinate_clause_alone_is_not_a_headline():
    sentence = "在全省第三季度秋粮收购工作全面展开之际，粮食部门加强收购资金保障，确保农民售粮不难。"
    # an article about the purchase: the opening clause is the most central, but it is subordinate
    context = _bigrams(sentence + "全省秋粮收购工作全面展开")
    assert headline_text(sentence, 20, context) == "粮食部门加强收购资金保障"


def test_a_date_range_is_kept_whole():
    sentence = "省政协主席李华17日至19日在大同调研。"
    assert headline_text(sentence, 30) == "省政协主席李华17日至19日在大同调研"


def test_speaker_is_kept_with_what_was_said():
    sentence = "省统计局表示，全省经济运行稳中向好，主要指标好于预期，发展质量持续提升。"
    assert headline_text(sentence, 30).startswith("省统计局表示全省经济运行稳中向好")


def test_headline_budget_comes_from_config():
    config = defaults()
    config["summarize"]["headline_chars"] = 12
    (headline,) = ExtractiveSummarizer(config).summarize([FORUM], kind="headline")
    assert 0 < len(headline.text) <= 12


def test_a_subhead_is_not_summary_material(summarizer):
    article = Article(paragraphs=[
        "连日来，全省各地抢抓晴好天气，加快秋粮收获进度。截至10月16日，全省秋粮已收获2860万亩。",
        "农机作业提速增效",
        "各地农机合作社开展跨区作业服务。",
    ])
    (summary,) = summarizer.summarize([article])
    assert "农机作业提速增效" not in summary.text
    assert summary.text.endswith("各地农机合作社开展跨区作业服务。")
    (only_a_line,) = summarizer.summarize([Article(paragraphs=["农机作业提速增效示范活动启动"])], kind="headline")
    assert only_a_line.text == "农机作业提速增效示范活动启动"


def test_an_editor_s_note_is_not_the_summary_s_lead(summarizer):
    # The note says why the paper runs a series; the news is in the report below it.
    article = Article(title="老街区焕发新活力", paragraphs=[
        "编者按：为展现城市更新成果，本报今起推出“走进老街区”专栏，敬请关注。",
        "今年以来，市区完成12条老街区改造，惠及居民3.6万户。",
        "改造后的街区新增停车位800个，沿街商铺开业率达到95%。",
    ])
    (summary,) = summarizer.summarize([article])
    assert summary.text.startswith("今年以来，市区完成12条老街区改造") and "编者按" not in summary.text
    assert lead_headline(article, 30).startswith("市区完成12条老街区改造")
    (only_a_note,) = summarizer.summarize([Article(paragraphs=[article.paragraphs[0]])])
    assert only_a_note.text  # a note alone is still summarized rather than dropped


def test_empty_article_gives_an_empty_summary(summarizer):
    summaries = summarizer.summarize([Article(paragraphs=[]), Article(paragraphs=["（图）"])], kind="headline")
    assert [s.text for s in summaries] == ["", ""]


def test_batch_keeps_order(summarizer):
    summaries = summarizer.summarize([FORUM, EMPLOYMENT, FORUM])
    assert summaries[0].text == summaries[2].text != summaries[1].text


def test_unknown_kind_is_refused(summarizer):
    with pytest.raises(ValueError):
        summarizer.summarize([EMPLOYMENT], kind="abstract")


def test_a_summary_never_ends_on_a_semicolon(summarizer):
    listing = Article(
        title="全省开发区建设提速",
        paragraphs=[
            "近两年，全省开发区共组织开展七次集中签约活动，累计签约项目1200个，协议总投资4800亿元；"
            "全省开发区累计开工建设项目960个，完成投资总额2700亿元，带动新增就业岗位3.2万个；"
            "全省开发区累计建成投产项目830个，新增工业产值1900亿元，新增税收收入86亿元。",
        ],
    )
    (summary,) = summarizer.summarize([listing])
    assert len(summary.evidence) < 3  # the budget cut the list short...
    assert summary.text[-1] == "。"  # ...and the summary still ends as a sentence


def test_the_key_figures_make_the_summary_even_after_a_general_lead(summarizer):
    tourism = Article(
        title="我省文旅市场持续升温",
        paragraphs=[
            "文旅产业是富民产业。",
            "近年来，我省坚持把文旅产业作为转型发展的重要抓手，推动文化和旅游深度融合，"
            "不断丰富旅游产品供给，持续提升服务质量和游客满意度，努力打造全域旅游新格局。",
            "省文旅厅统计显示，今年前三季度，全省接待国内游客3.2亿人次，实现旅游收入2860亿元，同比分别增长12.4%和15.1%。",
            "各地景区推出夜游、研学等新业态，吸引了大批年轻游客前来打卡。",
        ],
    )
    (summary,) = summarizer.summarize([tourism])
    assert "3.2亿人次" in summary.text and len(summary.text) <= 120


def test_direct_speech_gives_way_to_the_facts(summarizer):
    harvest = Article(
        title="全省秋播进度过半",
        paragraphs=[
            "连日来，全省各地抢抓墒情组织秋播，农机合作社加班加点开展作业。",
            "“往年种麦要忙上二十来天，今年有了新播种机，一个星期就能种完。”",
            "截至10月20日，全省已播种冬小麦420万亩，占计划面积的52.6%。",
            "农业部门派出技术人员深入田间地头，指导农户科学播种。",
        ],
    )
    (summary,) = summarizer.summarize([harvest])
    assert "420万亩" in summary.text and "“" not in summary.text


def test_key_sentences_keep_the_lead_and_the_key_figure_in_article_order():
    article = Article(paragraphs=[
        "省交通运输厅昨天召开全省公路建设推进会，部署四季度重点工作。",
        "会上，与会人员观看了公路建设专题片，各市交通部门负责人作了交流发言。",
        "今年1—9月，全省完成公路建设投资412.6亿元，同比增长8.3%，新改建农村公路2100公里。",
        "会议要求，各地要抓住施工黄金期，确保全年目标任务圆满完成。",
    ])
    picked = key_sentences(article, 90)
    assert len(picked) <= 90
    assert picked.startswith(article.paragraphs[0])
    assert "412.6亿元" in picked  # the figures sentence outranks the film and the speeches
    assert "专题片" not in picked
    assert picked.index("412.6亿元") > picked.index("推进会")
    assert key_sentences(article, 0) == article.body
    assert key_sentences(article, 10_000) == article.body


def test_the_summary_leaves_out_a_sentence_that_only_restates_the_title():
    article = Article(title="市政府召开常务会议研究冬季供暖工作", paragraphs=[
        "市政府召开常务会议，研究冬季供暖工作。",
        "会议决定，全市供暖期提前至11月8日开始，新增集中供暖面积320万平方米。",
        "低保家庭每户发放取暖补贴800元。"])
    (summary,) = ExtractiveSummarizer(defaults()).summarize([article])
    assert "研究冬季供暖工作" not in summary.text
    assert "320万平方米" in summary.text and "800元" in summary.text
    # An article with nothing beyond its title still gets its one sentence.
    only = Article(title="本台播发评论员文章", paragraphs=["本台今天播发评论员文章。"])
    assert ExtractiveSummarizer(defaults()).summarize([only])[0].text == "本台今天播发评论员文章。"


def test_split_lead_takes_the_first_real_sentence_and_titles_the_rest_with_it():
    from brief.summarize.extractive import split_lead

    article = Article(paragraphs=["本报太原10月9日讯（记者 李明）10月9日，我市新建的汾河公园正式开园，占地120公顷。",
                                  "公园设有步道12公里。周末预计接待游客5万人次。"])
    lead, rest = split_lead(article)
    assert lead == "10月9日，我市新建的汾河公园正式开园，占地120公顷。"  # byline off
    assert rest.title == lead and rest.paragraphs == ["公园设有步道12公里。周末预计接待游客5万人次。"]
    # One sentence only: nothing beyond the lead, the article comes back as it is.
    single = Article(paragraphs=["我市新建的汾河公园正式开园，占地120公顷。"])
    assert split_lead(single) == ("", single)


def test_an_untitled_article_s_heading_is_its_lead_s_opening_clauses():
    article = Article(title="", paragraphs=[
        "本报太原10月17日讯（记者 张敏）省政府10月16日召开常务会议，研究部署今冬供暖保障工作，"
        "决定全省供暖期提前5天开始。",
        "会议要求各市加强管网巡检，确保群众温暖过冬。"])
    heading = lead_headline(article, 30)
    # The dateline and the inline date go; the subject stays (a later clause cut loose loses it).
    assert heading == "省政府召开常务会议，研究部署今冬供暖保障工作"
    assert lead_headline(Article(title="", paragraphs=[]), 30) == ""


def test_a_lead_cut_to_fit_ends_as_a_sentence_before_the_next_one():
    article = Article(title="省委常委会召开会议", paragraphs=[
        "省委常委会10月16日召开会议，审议《全省县域经济高质量发展三年行动方案》《关于加快建设现代化"
        "产业体系的实施意见》《关于进一步优化营商环境的若干措施》和《全省农村人居环境整治提升方案》。",
        "会议要求各地抓好落实。"])
    config = defaults()
    for budget in (54, 74, 90):
        config["summarize"]["max_chars"] = budget
        text = ExtractiveSummarizer(config).summarize([article])[0].text
        assert len(text) <= budget and text.endswith("会议要求各地抓好落实。"), text
        # The cut sentence ends before the next begins: no ``……方案》会议要求……`` run-on, no ``……》和。``.
        assert "》。会议要求" in text and "和。" not in text, text
