"""The day overview: extractive without a model, the model's checked by the guard, shown everywhere.

The model's side is tested with a scripted writer: its runtime answers with a planted overview (a
test input), so that the real decision path (guard -> accept, or extractive fallback with the
reason) runs exactly; a real llama.cpp runtime writes one in test_translate's tiny-GGUF tests'
manner only where llama_cpp is installed.
"""

import io
import json

import pytest

from brief.deliver.compose import compose
from brief.config import defaults
from brief.errors import ModelError
from brief.document import Article, Brief, BriefItem, Summary
from brief.summarize.overview import EXTRACTIVE, MODEL, extractive_overview, make_overview, plain_title, sources, themes
from brief.deliver.rendering import render
from brief.summarize.guard import check_summary

STORIES = [
    ("全省前8个月新增城镇就业36.54万人",
     ["省人力资源和社会保障厅日前通报，1—8月我省累计新增城镇就业36.54万人，达到全年目标的83%。",
      "其中，高校毕业生留晋就业人数同比增长6.2%，就业形势总体稳定。"],
     "1—8月，全省新增城镇就业36.54万人，达到全年目标的83%。高校毕业生留晋就业人数同比增长6.2%。"),
    ("【民生关注】老旧小区改造惠及4120户居民",
     ["今年全市改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。", "改造内容包括管网更新和加装电梯。"],
     "今年全市改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。"),
    ("秋粮收购启动",
     ["全市秋粮收购于10月8日启动，预计收购玉米15万吨。", "粮食部门设立收购网点56个。"],
     "全市秋粮收购于10月8日启动，预计收购玉米15万吨。"),
]


def items(count=3):
    made = []
    for rank, (title, paragraphs, summary) in enumerate(STORIES[:count], start=1):
        made.append(BriefItem(article=Article(title=title, source="晋中日报", page=str(rank), paragraphs=paragraphs),
                              summary=Summary(text=summary, method="extractive"), rank=rank))
    return made


class ScriptedRuntime:
    """Answers every chat with the planted text, and keeps what it was asked."""

    def __init__(self, answer=None, error=None):
        self.answer, self.error, self.asked = answer, error, []

    def chat(self, conversations, max_tokens, grammar=None):
        self.asked += conversations
        if self.error:
            raise ModelError(self.error)
        return [(self.answer, False) for _ in conversations]


class ScriptedWriter:
    """The ``llm`` backend as the overview sees it: a name, a config, a model id, a prompt set and
    ``chat`` (here straight to the runtime: no prefix to keep)."""

    name = "llm"
    model_id = "script"
    prompt_set = "news-zh"

    def __init__(self, tmp_path, runtime):
        self.config = defaults()
        self.config["summarize"]["cache_dir"] = str(tmp_path / "cache")
        self.runtime = runtime

    def chat(self, conversations, max_tokens, *, prompt, grammar=None):
        return self.runtime.chat(conversations, max_tokens)


def test_extractive_overview_names_themes_and_the_lead_fact_and_states_nothing_new():
    top = items()
    named = themes(top, 3)
    assert len(named) == 3 and "就业" in "".join(named)
    text = extractive_overview(top, named, max_chars=160)
    assert text.startswith("今日要闻聚焦" + "、".join(named))
    assert "全省前8个月新增城镇就业36.54万人：1—8月，全省新增城镇就业36.54万人" in text
    assert "老旧小区改造惠及4120户居民" in text and "【民生关注】" not in text
    assert len(text) <= 160
    assert check_summary(text, sources(top)).ok


def test_extractive_overview_keeps_to_its_length():
    text = extractive_overview(items(), ["就业", "小区", "秋粮"], max_chars=70)
    assert len(text) <= 70 and text.endswith("。")
    assert "秋粮收购启动" not in text  # the closing titles are left out rather than cut


def test_column_tags_are_not_part_of_a_title():
    assert plain_title("【领航中国】【专题】共护一江水") == "共护一江水"
    assert plain_title("【领航中国】") == "【领航中国】"


def test_without_a_model_the_overview_is_extractive_and_says_why():
    overview = make_overview(items(), defaults(), None, "using the extractive summarizer: no model here")
    assert overview.method == EXTRACTIVE and overview.items == [1, 2, 3]
    # by default it names no keyword themes: it opens on the lead item's title
    assert overview.themes == [] and overview.text.startswith("全省前8个月新增城镇就业36.54万人：")
    assert overview.fallback == "using the extractive summarizer: no model here"
    assert overview.rejected is None


def test_a_faithful_model_overview_is_kept(tmp_path):
    answer = "今日要闻聚焦就业和民生。1—8月全省新增城镇就业36.54万人，全市改造老旧小区37个，惠及居民4120户。"
    runtime = ScriptedRuntime(answer)
    overview = make_overview(items(), defaults(), ScriptedWriter(tmp_path, runtime))
    assert overview.method == MODEL and overview.text == answer and overview.fallback is None
    request = runtime.asked[0][-1]["content"]
    assert "1. 标题：全省前8个月新增城镇就业36.54万人" in request and "3. 标题：秋粮收购启动" in request


def test_a_made_up_figure_is_rejected_and_the_extractive_overview_used(tmp_path):
    made_up = "今日要闻聚焦就业和民生。全省新增城镇就业365万人，全市改造老旧小区37个。"
    overview = make_overview(items(), defaults(), ScriptedWriter(tmp_path, ScriptedRuntime(made_up)))
    assert overview.method == EXTRACTIVE and overview.rejected == made_up
    assert any("365万" in problem for problem in overview.problems)
    assert "failed the checks" in overview.fallback and "365万" in overview.fallback
    assert "365万" not in overview.text and check_summary(overview.text, sources(items())).ok


def test_a_made_up_name_is_rejected_too(tmp_path):
    made_up = "今日要闻聚焦就业。大同市新增城镇就业36.54万人。"
    overview = make_overview(items(), defaults(), ScriptedWriter(tmp_path, ScriptedRuntime(made_up)))
    assert overview.method == EXTRACTIVE and any("大同" in p for p in overview.problems)


def test_a_model_that_fails_to_run_falls_back(tmp_path):
    writer = ScriptedWriter(tmp_path, ScriptedRuntime(error="llama.cpp failed: out of memory"))
    overview = make_overview(items(), defaults(), writer)
    assert overview.method == EXTRACTIVE and "out of memory" in overview.fallback


def test_the_model_overview_is_cached(tmp_path):
    answer = "今日要闻聚焦就业。1—8月全省新增城镇就业36.54万人。"
    make_overview(items(), defaults(), ScriptedWriter(tmp_path, ScriptedRuntime(answer)))
    again = ScriptedRuntime("不同的回答")
    assert make_overview(items(), defaults(), ScriptedWriter(tmp_path, again)).text == answer
    assert again.asked == []


def test_turned_off_there_is_none_anywhere():
    config = defaults()
    config["overview"]["enabled"] = False
    brief = compose(items(), date="2024-10-18", config=config, meta={"articles_read": 3})
    assert brief.overview is None
    assert "今日要闻综述" not in render(brief, "md", config)
    assert json.loads(render(brief, "json", config))["overview"] is None


@pytest.fixture
def brief_with_overview():
    config = defaults()
    return compose(items(), date="2024-10-18", config=config, meta={"articles_read": 3}), config


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_the_overview_is_on_top_in_every_text_format(brief_with_overview, fmt):
    brief, config = brief_with_overview
    out = render(brief, fmt, config)
    assert out.index("今日要闻综述") < out.index("要点速览")
    lead_fact = "全省新增城镇就业"
    assert lead_fact in out[out.index("今日要闻综述"): out.index("要点速览")]


def test_the_overview_in_json_says_how_it_was_made(brief_with_overview):
    brief, config = brief_with_overview
    data = json.loads(render(brief, "json", config))
    assert data["overview"]["text"] == brief.overview.text
    assert data["overview"]["method"] == "extractive" and data["overview"]["fallback"]
    assert data["overview"]["themes"] == brief.overview.themes
    assert Brief.from_dict(brief.to_dict()).overview == brief.overview


def test_the_overview_in_word(brief_with_overview):
    pytest.importorskip("docx")
    from docx import Document

    from brief.deliver.docx import render_docx

    brief, config = brief_with_overview
    paragraphs = [p.text for p in Document(io.BytesIO(render_docx(brief, config))).paragraphs]
    at = paragraphs.index("今日要闻综述")
    assert paragraphs[at + 1] == brief.overview.text and paragraphs[at + 2] == "要点速览"


def test_the_mail_carries_the_overview_in_both_parts(brief_with_overview):
    from brief.deliver.mail import build_message, settings_from

    brief, config = brief_with_overview
    config["mail"].update({"host": "localhost", "from": "brief@example.org", "to": ["chief@example.org"]})
    message = build_message(brief, settings_from(config, {}), config)
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "今日要闻综述" in plain and "今日要闻综述" in html


def test_a_theme_of_the_day_is_what_the_news_is_about_not_who_met_or_how():
    from brief.summarize.overview import themes

    def item(title, text):
        return BriefItem(article=Article(title=title, paragraphs=[text]), summary=Summary(text=text, method="extractive"))

    found = themes([
        item("省长会见芬兰总统代表团", "省长王建军在太原会见芬兰总统代表团，双方就新能源汽车合作交换意见。"),
        item("省政府召开常务会议", "省政府召开常务会议，研究部署冬季供暖保障和天然气储备工作。"),
        item("我省与东盟国家贸易额增长", "前三季度我省与东盟国家贸易额增长12.5%，机电产品出口增势明显。"),
    ], 3)
    assert found and not {"总统", "代表团", "常务会议", "省长"} & set(found)
    # nor who wrote a commentary, nor the chapter every commentary writes
    found = themes([
        item("本报评论员文章奋力谱写高质量发展新篇章", "本报评论员文章指出，要奋力谱写高质量发展新篇章。"),
        item("全市秋粮收购启动", "全市秋粮收购于10月8日启动，首日收购玉米一万二千吨。"),
    ], 2)
    assert found and not {"评论员", "篇章", "新篇章", "评论员文章"} & set(found)
    assert themes([item("全市秋粮收购启动", "全市秋粮收购于10月8日启动。")], 0) == []
