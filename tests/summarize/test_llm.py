"""The llm backend: prompt files, length control, the guard/retry/fallback path, a real runtime.

The end-to-end tests build a tiny randomly initialised causal LM (and a tokenizer trained on the
test text) so that the transformers loading, chat template and generation code really runs; they
skip when torch/transformers are absent. The packaged GGUF is exercised only when it is installed.
"""

import importlib.util
import os
import shutil
from typing import Sequence

import pytest

from brief.config import defaults
from brief.document import Article
from brief.summarize.abstractive import (
    AbstractiveSummarizer, Request, chunks, clean_output, fit_length, guard_problems)
from brief.summarize.llm import LLMSummarizer
from brief.llm.prompts import figures_hint, load_prompt
from brief.llm.runtime import llm_available

JOBS = Article(
    title="全省前8个月新增城镇就业36.54万人",
    paragraphs=[
        "省人力资源和社会保障厅日前通报，1—8月我省累计新增城镇就业36.54万人，达到全年目标的83%。",
        "其中，高校毕业生留晋就业人数同比增长6.2%，就业形势总体稳定。",
        "下一步，省人社厅将持续开展公共就业服务进校园活动，帮助更多青年找到工作。",
    ],
)
BRIDGE = Article(
    title="汾河新桥通车",
    paragraphs=["10月17日，太原市汾河上的一座新桥正式通车，全长1.2公里，设计时速60公里。",
                "新桥通车后，河两岸的通行时间将缩短约15分钟。"],
)


def config_for(tmp_path, **summarize):
    config = defaults()
    config["summarize"].update(cache_dir=str(tmp_path / "cache"), **summarize)
    return config


# -- prompts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["summary", "headline"])
def test_prompt_files_load_and_put_the_article_last(kind):
    prompt = load_prompt("news-zh", kind)
    assert prompt.version >= 1
    a = prompt.messages("甲文", limit=30, key_figures=0, strict=False)
    b = prompt.messages("乙文", limit=30, key_figures=0, strict=False)
    assert a[-1]["role"] == "user" and a[-1]["content"].endswith("甲文")
    # Everything before the article is shared, so llama.cpp reuses the evaluated prefix.
    assert a[:-1] == b[:-1] and a[-1]["content"][:-2] == b[-1]["content"][:-2]
    assert "30" in a[-1]["content"]
    strict = prompt.messages("甲文", limit=30, key_figures=0, strict=True)
    assert strict != a and "原文" in strict[0]["content"] + strict[-1]["content"]


@pytest.mark.parametrize("kind", ["summary", "headline"])
def test_worked_examples_are_earlier_turns_within_the_length_asked(kind):
    prompt = load_prompt("news-zh", kind)
    assert prompt.examples, "the news prompts carry worked examples"
    limit = 120 if kind == "summary" else 30
    turns = prompt.messages("甲文", limit=limit, key_figures=2, strict=False)
    assert [t["role"] for t in turns] == ["system"] + ["user", "assistant"] * len(prompt.examples) + ["user"]
    for example, answer in zip(prompt.examples, turns[2::2]):
        assert answer["content"] == example["summary"] and len(example["summary"]) <= limit
        # An example is faithful to its own article: the guard would let it through.
        assert guard_problems(example["summary"], example["article"]) == []
    # An example longer than the length asked is left out rather than teach the wrong length.
    shortest = min(len(e["summary"]) for e in prompt.examples)
    fewer = prompt.messages("甲文", limit=shortest, key_figures=2, strict=False)
    assert len(fewer) < len(turns)


def test_figures_hint_names_key_figures_not_dates_or_periods():
    hint = figures_hint(JOBS.body, 2)
    assert "36.54万人" in hint and "83%" in hint and "1—8月" not in hint
    # The headline prompt names every figure but dates, as it was measured.
    assert "1—8月" in figures_hint(JOBS.body, 2, key_only=False)
    assert load_prompt("news-zh", "summary").figures == "key"
    assert load_prompt("news-zh", "headline").figures == "any"
    assert figures_hint("2024年10月17日，会议召开。", 2) == ""
    assert figures_hint(JOBS.body, 0) == ""


# -- length control --------------------------------------------------------------------------

def test_fit_length_cuts_at_a_clause_boundary():
    text = "全省1—8月新增城镇就业36.54万人，完成全年目标的83%，高校毕业生就业增长"
    assert fit_length(text, 35) == "全省1—8月新增城镇就业36.54万人，完成全年目标的83%"
    assert fit_length(text, 25) == "全省1—8月新增城镇就业36.54万人"
    assert fit_length("短句。", 30) == "短句。"


def test_fit_length_never_cuts_inside_a_figure():
    text = "截至目前全省新增城镇就业人数达到36.54万人"
    cut = fit_length(text, 20)  # the limit falls inside 36.54万人 and there is no clause boundary
    assert cut == "截至目前全省新增城镇就业人数达到"
    assert "36" not in fit_length("增长0.15%的背后是全年稳定", 4)


def test_fit_length_keeps_whole_sentences_rather_than_a_dangling_clause():
    text = ("全省1—8月新增城镇就业36.54万人，完成全年目标的83%。各地招聘活动密集举办，"
            "就业形势总体稳定；2023年，全省高校毕业生留晋就业人数同比增长6.2%。")
    assert fit_length(text, 60) == "全省1—8月新增城镇就业36.54万人，完成全年目标的83%。各地招聘活动密集举办，就业形势总体稳定"
    # A sentence end too early to keep half the budget gives way to the clause cut.
    assert fit_length("会议召开。全省1—8月新增城镇就业36.54万人，完成全年目标的83%，高校毕业生就业增长", 40) == \
        "会议召开。全省1—8月新增城镇就业36.54万人，完成全年目标的83%"


def test_fit_length_drops_the_unfinished_clause_at_the_token_cap():
    assert fit_length("全省就业形势稳定，同比增长0.1", 30, truncated=True) == "全省就业形势稳定"


def test_fit_length_drops_the_whole_unfinished_sentence_when_enough_is_left():
    # Stopped at the cap inside a sentence whose first clause is an adverbial: that clause alone
    # would end the summary as a fragment.
    text = "市政府召开座谈会，听取各区县负责人对今冬供暖方案的意见建议。座谈会上，与会人员围绕管网改造"
    assert fit_length(text, 40, truncated=True) == "市政府召开座谈会，听取各区县负责人对今冬供暖方案的意见建议。"
    quoted = "负责人表示：“今冬供暖将提前一周启动，确保群众温暖过冬。”会议还要求，各区县要"
    assert fit_length(quoted, 40, truncated=True) == "负责人表示：“今冬供暖将提前一周启动，确保群众温暖过冬。”"
    # Stopped past the length asked, a headline with no clause mark is cut, not emptied.
    assert fit_length("全省新建高标准农田十二万亩粮食产量再创历史新高达到三百亿斤", 20, truncated=True) == \
        fit_length("全省新建高标准农田十二万亩粮食产量再创历史新高达到三百亿斤", 20) != ""
    # Too little before it: the unfinished sentence keeps its finished clauses.
    short = "会议召开。全省新增城镇就业36.54万人，完成全年目标的83%，高校毕业生"
    assert fit_length(short, 40, truncated=True) == "会议召开。全省新增城镇就业36.54万人，完成全年目标的83%"


def test_clean_output_strips_labels_quotes_spaces_and_repeats():
    assert clean_output("摘要：“汾河新桥通车”\n多余的第二行", "headline") == "汾河新桥通车"
    assert clean_output("**“新桥通车”**", "headline") == "新桥通车"
    assert clean_output("“新桥通车，全长1.2公里。", "summary") == "新桥通车，全长1.2公里。"


def test_clean_output_keeps_a_book_title_or_quotation_that_opens_or_closes_the_summary():
    # Stripping every quote mark at the ends printed ``平“语”近人》第三季……`` in a brief.
    assert clean_output("《太行山上》第三季今晚在省台开播。", "summary") == "《太行山上》第三季今晚在省台开播。"
    assert clean_output("会议指出：“要抓好秋粮收购。”", "summary") == "会议指出：“要抓好秋粮收购。”"
    assert clean_output("“《太行山上》开播”", "headline") == "《太行山上》开播"
    assert clean_output("新 桥 通 车 ， 全 长 1.2 公 里", "headline") == "新桥通车，全长1.2公里"
    repeated = "就业取得历史性成就，就业取得历史性成就，形势稳定。"
    assert clean_output(repeated, "summary") == "就业取得历史性成就，形势稳定。"


def test_chunks_follow_paragraphs():
    parts = chunks(JOBS, 80)
    assert len(parts) == 2 and parts[0] == JOBS.paragraphs[0]
    assert "\n".join(parts) == JOBS.body


# -- guard, retry, fallback ------------------------------------------------------------------

class ScriptedModel(AbstractiveSummarizer):
    """A backend whose 'model' answers from a script: the outputs are planted test inputs, so the
    base class's real decision path (guard -> strict retry -> extractive) can be checked exactly."""

    name = "scripted"
    model_id = "script"
    prompt_version = "1"

    def __init__(self, config, plain: dict[str, str], strict: dict[str, str]):
        super().__init__(config)
        self.answers = {False: plain, True: strict}
        self.calls: list[tuple[str, bool]] = []

    def _generate(self, requests: Sequence[Request], strict: bool):
        self.calls += [(r.article.title, strict) for r in requests]
        return [(self.answers[strict][r.article.title], False) for r in requests]


def test_faithful_output_is_kept(tmp_path):
    model = ScriptedModel(config_for(tmp_path), {JOBS.title: "全省1—8月新增城镇就业36.54万人"}, {})
    (summary,) = model.summarize([JOBS], kind="headline")
    assert summary.text == "全省1—8月新增城镇就业36.54万人" and summary.method == "scripted"
    assert summary.guard is None and summary.evidence[0].sources == [JOBS.paragraphs[0]]


def test_a_summary_cut_at_a_clause_ends_with_a_full_stop_a_headline_does_not(tmp_path):
    answer = "全省1—8月新增城镇就业36.54万人，完成全年目标的83%"
    model = ScriptedModel(config_for(tmp_path), {JOBS.title: answer}, {})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert summary.text == answer + "。"
    (headline,) = model.summarize([JOBS], kind="headline")
    assert not headline.text.endswith("。")


def test_a_summary_begun_inside_a_clause_gets_the_clause_s_head_back(tmp_path):
    # The model opened on the clause's object and dropped who it is about: the source's own words
    # go back before it, in the summary and not in the one-line headline.
    source = Article(title="中德企业家座谈会举行", paragraphs=[
        "本报北京4月16日讯（记者 王强）中德两国20多位企业家16日出席座谈会。会议就新能源合作交换了意见。"])
    answer = "20多位企业家16日出席座谈会，就新能源合作交换了意见。"
    model = ScriptedModel(config_for(tmp_path), {source.title: answer}, {})
    (summary,) = model.summarize([source], kind="summary")
    assert summary.text == "中德两国" + answer and summary.guard is None
    (headline,) = model.summarize([source], kind="headline")
    assert headline.text.startswith("20多位企业家")


@pytest.mark.parametrize("summary, source", [
    ("1—8月，全省城镇新增就业36.54万人。", "本报太原10月17日讯（记者 郝薇）1—8月，全省城镇新增就业36.54万人。"),
    ("城镇新增就业36.54万人。", "据统计，城镇新增就业36.54万人，同比增长1.85%。"),
    ("全省就业形势总体稳定。", "全省城镇新增就业36.54万人，就业形势总体稳定。"),  # not the source's words
])
def test_a_summary_that_opens_where_a_clause_opens_is_left_as_written(summary, source):
    from brief.summarize.abstractive import opening_restored

    assert opening_restored(summary, source) == summary


def test_what_goes_back_is_the_clause_s_words_not_its_dateline_nor_a_long_preamble():
    from brief.summarize.abstractive import opening_restored

    dated = "本报太原10月17日讯（记者 郝薇）全省城镇新增就业36.54万人。"
    assert opening_restored("城镇新增就业36.54万人。", dated) == "全省城镇新增就业36.54万人。"
    long_head = "在省委省政府的坚强领导、各市县各部门的共同努力和社会各界的大力支持下全省城镇新增就业36.54万人。"
    assert opening_restored("全省城镇新增就业36.54万人。", long_head) == "全省城镇新增就业36.54万人。"


def test_planted_error_is_regenerated_with_the_strict_prompt(tmp_path):
    model = ScriptedModel(config_for(tmp_path),
                          {JOBS.title: "全年全省新增城镇就业365万人"},
                          {JOBS.title: "1—8月全省新增城镇就业36.54万人"})
    (summary,) = model.summarize([JOBS], kind="headline")
    assert summary.method == "scripted-strict" and summary.text.startswith("1—8月")
    assert summary.guard["rejected"] == "全年全省新增城镇就业365万人"
    assert any("365万" in p for p in summary.guard["problems"])
    assert model.calls == [(JOBS.title, False), (JOBS.title, True)]


def test_second_failure_falls_back_to_extractive_and_says_why(tmp_path):
    model = ScriptedModel(config_for(tmp_path),
                          {BRIDGE.title: "大同市新桥通车", JOBS.title: "全省新增就业36.54万人"},
                          {BRIDGE.title: "新桥全长12公里"})
    bridge, jobs = model.summarize([BRIDGE, JOBS], kind="headline")
    assert bridge.method == "extractive"
    assert bridge.guard["action"] == "replaced by the extractive summary"
    assert any("大同" in p for p in bridge.guard["problems"])
    assert any("12公里" in p for p in bridge.guard["retry_problems"])
    assert guard_problems(bridge.text, BRIDGE.body) == []
    assert jobs.method == "scripted"


def test_over_long_output_is_cut_before_the_guard(tmp_path):
    long = "全省1—8月新增城镇就业36.54万人，完成全年目标的83%，高校毕业生留晋就业人数同比增长6.2%"
    model = ScriptedModel(config_for(tmp_path, headline_chars=25), {JOBS.title: long}, {})
    (summary,) = model.summarize([JOBS], kind="headline")
    assert summary.text == "全省1—8月新增城镇就业36.54万人" and len(summary.text) <= 25


def test_long_article_is_summarized_by_parts_then_merged(tmp_path):
    long = Article(title="长文", paragraphs=["甲" * 50 + "。", "乙" * 50 + "。", "丙" * 50 + "。"])

    class Counting(ScriptedModel):
        def _generate(self, requests, strict):
            self.calls += [(r.text, strict) for r in requests]
            return [(r.text.split("\n")[0][:10], False) for r in requests]

    model = Counting(config_for(tmp_path, chunk_chars=110), {}, {})
    model.summarize([long])
    seen = [text for text, strict in model.calls if not strict]
    # Two parts (甲+乙 fit in 110 characters, 丙 does not), then one merge of their summaries.
    assert len(seen) == 3
    assert seen[0] == long.paragraphs[0] + "\n" + long.paragraphs[1] and seen[1] == long.paragraphs[2]
    assert seen[2] == "甲" * 10 + "\n" + "丙" * 10


def test_the_model_reads_the_key_sentences_within_the_input_budget(tmp_path):
    class Reading(ScriptedModel):
        def _generate(self, requests, strict):
            self.calls += [(r.text, strict) for r in requests]
            return [("全省1—8月新增城镇就业36.54万人", False) for r in requests]

    model = Reading(config_for(tmp_path, headline_input_chars=90), {}, {})
    (summary,) = model.summarize([JOBS], kind="headline")
    ((seen, _),) = model.calls
    assert seen.startswith(f"标题：{JOBS.title}\n{JOBS.paragraphs[0]}")
    assert "公共就业服务" not in seen and len(seen) - len(JOBS.title) - 4 <= 90
    # The guard still checks against the whole article.
    assert summary.method == "scripted"
    # The 2-3 sentence summary has its own budget: here the whole article fits in it. It is written
    # without the title, which the model would only write out again.
    model = Reading(config_for(tmp_path / "s", headline_input_chars=90, input_chars=400), {}, {})
    model.summarize([JOBS], kind="summary")
    assert model.calls[0] == (JOBS.body, False)


def test_cache_makes_the_rerun_free(tmp_path):
    config = config_for(tmp_path)
    first = ScriptedModel(config, {JOBS.title: "1—8月全省达到全年目标的83%，高校毕业生留晋就业人数同比增长6.2%。"}, {})
    again = ScriptedModel(config, {JOBS.title: "不同的输出"}, {})
    assert first.summarize([JOBS]) == again.summarize([JOBS])
    assert again.calls == []


# -- a real runtime: a tiny causal LM built here ---------------------------------------------

@pytest.fixture(scope="module")
def tiny_causal_lm(tmp_path_factory):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from brief.resources import data_dir
    from tests.tiny_models import build_tiny_chat_model

    corpus = [JOBS.title, JOBS.body, BRIDGE.title, BRIDGE.body]
    corpus += [p.read_text(encoding="utf-8") for p in (data_dir("prompts") / "news-zh").glob("*.toml")]
    return build_tiny_chat_model(tmp_path_factory.mktemp("tiny-causal-lm"), corpus, n_embd=32, n_layer=2)


def test_transformers_runtime_generates_through_the_chat_template(tmp_path, tiny_causal_lm):
    from brief.llm.runtime import TransformersRuntime

    summarizer = LLMSummarizer(config_for(tmp_path, model_path=str(tiny_causal_lm)))
    assert llm_available(summarizer.config) is None
    runtime = summarizer.runtime
    assert isinstance(runtime, TransformersRuntime)
    conversations = [load_prompt("news-zh", "headline").messages(a.body, limit=30, key_figures=0, strict=False)
                     for a in (JOBS, BRIDGE)]
    replies = runtime.chat(conversations, max_tokens=12)
    assert len(replies) == 2
    for text, truncated in replies:
        assert isinstance(text, str) and len(text) <= 12 and isinstance(truncated, bool)


def test_tiny_model_end_to_end_every_summary_is_guarded(tmp_path, tiny_causal_lm):
    model_dir = shutil.copytree(tiny_causal_lm, tmp_path / "model")
    config = config_for(tmp_path, model_path=str(model_dir))
    summaries = LLMSummarizer(config).summarize([JOBS, BRIDGE], kind="headline")
    assert len(summaries) == 2
    for article, summary in zip([JOBS, BRIDGE], summaries):
        assert summary.method in {"llm", "llm-strict", "extractive"}
        if summary.method == "extractive":
            assert summary.guard["problems"] and summary.guard["retry_problems"]
        assert guard_problems(summary.text, f"{article.title}\n{article.body}") == []
    # The re-run is served from the cache even with the model gone.
    shutil.rmtree(model_dir)
    assert LLMSummarizer(config).summarize([JOBS, BRIDGE], kind="headline") == summaries


# -- the packaged model, when installed ------------------------------------------------------

def _packaged_ready() -> bool:
    # Loading 1.1 GB of weights is slow for the suite: opt in with BRIEF_TEST_PACKAGED_MODEL=1.
    if not os.environ.get("BRIEF_TEST_PACKAGED_MODEL") or importlib.util.find_spec("llama_cpp") is None:
        return False
    from brief.llm.models import get_card, state

    return state(get_card(), defaults()) == "installed"


@pytest.mark.skipif(not _packaged_ready(), reason="set BRIEF_TEST_PACKAGED_MODEL=1 with the llm extra installed")
def test_packaged_model_writes_a_guarded_headline(tmp_path):
    config = defaults()
    config["summarize"]["cache"] = False
    (summary,) = LLMSummarizer(config).summarize([JOBS], kind="headline")
    assert summary.text and len(summary.text) <= config["summarize"]["headline_chars"]
    assert guard_problems(summary.text, f"{JOBS.title}\n{JOBS.body}") == []


@pytest.mark.skipif(not _packaged_ready(), reason="set BRIEF_TEST_PACKAGED_MODEL=1 with the llm extra installed")
def test_the_prompt_prefix_kept_on_disk_gives_the_same_summary(tmp_path):
    from brief.llm.models import ensure_model, get_card

    model_file = ensure_model(get_card(), defaults())
    kept = config_for(tmp_path / "kept", model_path=str(model_file))
    LLMSummarizer(kept).summarize([BRIDGE])
    (state,) = (tmp_path / "kept" / "cache" / "prefix").glob("*.npz")
    again = LLMSummarizer(kept)  # a new process would load the weights again: so does this
    assert again.runtime.load_prefix(state) and again.runtime.llm.n_tokens > 100
    fresh = LLMSummarizer(config_for(tmp_path / "fresh", model_path=str(model_file)))
    assert again.summarize([JOBS]) == fresh.summarize([JOBS])


# -- the daily path: model for the top items, fallback said once ---------------------------

def test_summarize_items_falls_back_once_when_the_model_cannot_load(tmp_path):
    from brief.document import BriefItem
    from brief.summarize.run import summarize_items

    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a gguf file")
    config = config_for(tmp_path, model_path=str(broken), model_top=1)
    items = [BriefItem(article=JOBS), BriefItem(article=BRIDGE)]
    run = summarize_items(items, backend="llm", config=config)
    notices = run.notices
    assert run.model is None
    assert len(notices) == 1 and notices[0].startswith("using the extractive summarizer")
    assert [item.summary.method for item in items] == ["extractive", "extractive"]


def test_auto_without_a_usable_model_says_why(tmp_path):
    from brief.summarize import resolve_backend

    config = config_for(tmp_path, model_path=str(tmp_path / "absent.gguf"))
    summarizer, notice = resolve_backend("auto", config)
    assert summarizer.name == "extractive" and "absent.gguf" in notice
    assert llm_available(config) is not None


# -- informativeness: the summary says what the title does not --------------------------------

def test_a_summary_restating_its_title_is_regenerated_and_says_why(tmp_path):
    model = ScriptedModel(config_for(tmp_path),
                          {JOBS.title: "全省前8个月新增城镇就业36.54万人。"},
                          {JOBS.title: "1—8月新增就业达到全年目标的83%，高校毕业生留晋就业人数同比增长6.2%。"})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert summary.method == "scripted-strict"
    assert summary.guard["check"] == "informativeness"
    assert summary.guard["problems"][0].startswith("重复标题")
    # The one-line headline is meant to read like a title: it is not held to this check.
    (headline,) = model.summarize([JOBS], kind="headline")
    assert headline.method == "scripted" and headline.guard is None


def test_a_summary_without_the_lead_figures_falls_back_to_extractive(tmp_path):
    vague = "省人力资源和社会保障厅通报就业形势总体稳定，将持续开展公共就业服务进校园活动。"
    model = ScriptedModel(config_for(tmp_path), {JOBS.title: vague}, {JOBS.title: vague})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert summary.method == "extractive"
    assert summary.guard["check"] == summary.guard["retry_check"] == "informativeness"
    assert summary.guard["action"] == "replaced by the extractive summary"
    assert "36.54万人" in summary.text


def test_choosing_among_candidates_takes_the_best_faithful_one(tmp_path):
    class TwoDrafts(ScriptedModel):
        def _generate(self, requests, strict):
            self.calls.append(len(self.calls))
            return [(self.answers[False][len(self.calls) - 1], False) for _ in requests]

    drafts = {0: "全省前8个月新增城镇就业36.54万人。",  # from the key sentences: restates the title
              1: "我省累计新增就业36.54万人，达到全年目标的83%；高校毕业生留晋就业人数同比增长6.2%。"}
    model = TwoDrafts(config_for(tmp_path, candidates=2), drafts, {})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert model.calls == [0, 1]
    assert summary.text == drafts[1] and summary.method == "scripted"
    # JOBS is short: its lead is its key sentences, so the second draft uses the strict prompt.
    assert summary.guard["action"] == "chose the strict prompt candidate"
    assert set(summary.guard["candidates"]) == {"key sentences", "strict prompt", "extractive"}
    # An unfaithful draft is never chosen, however informative it looks.
    model = TwoDrafts(config_for(tmp_path / "b", candidates=2),
                      {0: "全年新增就业365万人，增长62%。", 1: "全年新增就业365万人，增长62%。"}, {})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert summary.method == "extractive" and summary.guard["action"] == "chose the extractive candidate"


def test_an_untitled_article_s_summary_opens_with_its_lead_and_the_model_adds_what_lies_beyond(tmp_path):
    untitled = Article(paragraphs=JOBS.paragraphs)
    lead = JOBS.paragraphs[0]
    beyond = "高校毕业生留晋就业人数同比增长6.2%。下一步，省人社厅将持续开展公共就业服务进校园活动，帮助更多青年找到工作。"
    # The model is given the lead as the title ("what the title does not say" then means beyond the lead).
    model = ScriptedModel(config_for(tmp_path), {lead: beyond}, {})
    (summary,) = model.summarize([untitled], kind="summary")
    assert model.calls == [(lead, False)]
    assert summary.text == lead + beyond and summary.method == "scripted"
    # Cut to the length asked, whole sentences first: the lead stays, the model's last sentence goes.
    model = ScriptedModel(config_for(tmp_path / "short", max_chars=100), {lead: beyond}, {})
    (summary,) = model.summarize([untitled], kind="summary")
    assert summary.text == lead + "高校毕业生留晋就业人数同比增长6.2%。"
    # A lead over half the length asked leaves the model too little room: it summarizes the whole.
    model = ScriptedModel(config_for(tmp_path / "tight", max_chars=80), {"": beyond[:20]}, {})
    (summary,) = model.summarize([untitled], kind="summary")
    assert model.calls == [("", False)] and summary.text == beyond[:20]
    # A titled article is summarized as before, from its own title.
    model = ScriptedModel(config_for(tmp_path / "titled"), {JOBS.title: beyond}, {})
    (summary,) = model.summarize([JOBS], kind="summary")
    assert model.calls == [(JOBS.title, False)] and summary.text == beyond


def test_an_untitled_article_whose_model_text_fails_gets_lead_plus_extractive(tmp_path):
    untitled = Article(paragraphs=JOBS.paragraphs)
    lead = JOBS.paragraphs[0]
    invented = "高校毕业生留晋就业人数同比增长9.9%。"
    model = ScriptedModel(config_for(tmp_path), {lead: invented}, {lead: invented})
    (summary,) = model.summarize([untitled], kind="summary")
    assert summary.method == "extractive" and summary.text.startswith(lead)
    assert "9.9%" not in summary.text and "6.2%" in summary.text
    assert summary.guard["action"] == "replaced by the extractive summary"


# -- the kept prompt prefix, switched between prompts within a run ----------------------------

@pytest.fixture(scope="module")
def tiny_gguf_file(tmp_path_factory):
    pytest.importorskip("gguf")
    pytest.importorskip("llama_cpp")
    from brief.resources import data_dir
    from tests.tiny_models import build_tiny_llama_gguf

    corpus = "".join(p.read_text(encoding="utf-8") for p in data_dir("prompts").rglob("*.toml"))
    corpus += JOBS.title + JOBS.body + BRIDGE.title + BRIDGE.body
    return build_tiny_llama_gguf(tmp_path_factory.mktemp("tiny-gguf") / "tiny.gguf", corpus)


def test_going_back_to_a_prompt_loads_its_kept_prefix_and_answers_the_same(tmp_path, tiny_gguf_file):
    config = config_for(tmp_path, model_path=str(tiny_gguf_file), context=4096, threads=1)
    model = LLMSummarizer(config)
    plain, strict = (load_prompt("news-zh", "summary").messages(JOBS.body, limit=120, key_figures=2, strict=s)
                     for s in (False, True))
    first = model.chat([plain], 8, prompt="plain")
    after_plain = model.runtime.llm.n_tokens
    model.chat([strict], 8, prompt="strict")  # another prompt: its own kept state
    assert len(list((tmp_path / "cache" / "prefix").glob("*.npz"))) == 2
    assert model.runtime.llm.n_tokens != after_plain
    # Back to the first prompt: its state is loaded, the context holds its tokens again.
    model.runtime.switch_prefix(model.chat_model.prefix_path("plain"))
    assert model.runtime.llm.n_tokens == after_plain
    assert model.chat([plain], 8, prompt="plain") == first
    # A fresh process with nothing kept gives the same answer.
    fresh = LLMSummarizer(config_for(tmp_path / "fresh", model_path=str(tiny_gguf_file), context=4096, threads=1,
                                     cache=False))
    assert fresh.chat([plain], 8, prompt="plain") == first


def test_llama_cpp_stops_a_reply_at_max_chars_and_calls_it_truncated(tmp_path, tiny_gguf_file):
    config = config_for(tmp_path, model_path=str(tiny_gguf_file), context=4096, threads=1, cache=False)
    model = LLMSummarizer(config)
    plain = load_prompt("news-zh", "summary").messages(JOBS.body, limit=120, key_figures=2, strict=False)
    ((whole, whole_cut),) = model.chat([plain], 40, prompt="plain")
    assert len(whole) > 4
    ((short, cut),) = model.chat([plain], 40, prompt="plain", max_chars=4)
    # Greedy decoding: the same reply, stopped as soon as it reached 4 characters.
    assert cut and 4 <= len(short) < len(whole) and whole.startswith(short)
    # Without max_chars the reply runs to the token cap or its end, as before.
    assert model.chat([plain], 40, prompt="plain") == [(whole, whole_cut)]


# -- the retry continues the draft's conversation -----------------------------------------------

RESTATED = "全省前8个月新增城镇就业36.54万人。"  # restates JOBS's title: the informativeness check sends it back
BEYOND = "1—8月新增就业达到全年目标的83%，高校毕业生留晋就业人数同比增长6.2%。"


def test_the_retry_request_carries_what_the_checks_found(tmp_path):
    class Recording(ScriptedModel):
        def _generate(self, requests, strict):
            self.seen = [*getattr(self, "seen", []), *((r, strict) for r in requests)]
            return super()._generate(requests, strict)

    model = Recording(config_for(tmp_path), {JOBS.title: "摘要：" + RESTATED[:-1]}, {JOBS.title: BEYOND})
    (summary,) = model.summarize([JOBS])
    (first, plain), (retry, strict) = model.seen
    assert (plain, strict) == (False, True) and first.problems == ()
    assert retry.text == first.text and retry.kind == first.kind and retry.limit == first.limit
    # The problems as the checks found them in the cleaned draft.
    assert summary.guard["rejected"] == RESTATED
    assert retry.problems == tuple(summary.guard["problems"]) and retry.problems[0].startswith("重复标题")
    assert summary.method == "scripted-strict" and summary.text == BEYOND


def test_each_retry_right_after_its_draft_where_the_backend_asks_for_it(tmp_path):
    class OneByOne(ScriptedModel):
        def _retry_follows_its_draft(self, kind):
            return True

    answers = {JOBS.title: RESTATED, BRIDGE.title: "新桥全长1.2公里，设计时速60公里，通行时间缩短约15分钟。"}
    batched = ScriptedModel(config_for(tmp_path / "a"), answers, {JOBS.title: BEYOND})
    one_by_one = OneByOne(config_for(tmp_path / "b"), answers, {JOBS.title: BEYOND})
    assert batched.summarize([JOBS, BRIDGE]) == one_by_one.summarize([JOBS, BRIDGE])
    assert batched.calls == [(JOBS.title, False), (BRIDGE.title, False), (JOBS.title, True)]
    assert one_by_one.calls == [(JOBS.title, False), (JOBS.title, True), (BRIDGE.title, False)]


class RecordingRuntime:
    """A runtime that answers from a list and keeps every conversation it was sent."""

    def __init__(self, replies):
        self.replies, self.sent = list(replies), []

    def chat(self, conversations, max_tokens, grammar=None):
        self.sent += list(conversations)
        return [(self.replies.pop(0), False) for _ in conversations]


def _recording_llm(tmp_path, replies, **summarize):
    from brief.llm.runtime import ChatModel

    config = config_for(tmp_path, model_path=str(tmp_path / "model.gguf"), **summarize)
    runtime = RecordingRuntime(replies)
    model = LLMSummarizer(config, ChatModel(config, load=lambda: runtime))
    prompts = []
    chat = model.chat
    model.chat = lambda conversations, max_tokens, *, prompt, **kw: (prompts.append(prompt),
                                                                     chat(conversations, max_tokens, prompt=prompt, **kw))[1]
    return model, runtime, prompts


def test_the_llm_backend_s_retry_continues_the_draft_s_conversation(tmp_path):
    model, runtime, prompts = _recording_llm(tmp_path, [RESTATED, BEYOND])
    assert not model._retry_follows_its_draft("summary")  # not llama.cpp: batches stay batches
    (summary,) = model.summarize([JOBS])
    first, retry = runtime.sent
    assert first == model.prompts["summary"].messages(model._source_for(JOBS, "summary"), limit=120,
                                                      key_figures=model.key_figures, strict=False)
    assert retry[: len(first)] == first and len(retry) == len(first) + 1
    assert retry[-1]["role"] == "user" and "重复标题" in retry[-1]["content"]
    assert JOBS.title in retry[-1]["content"]  # the title it must not repeat, which it was not shown
    assert not any(RESTATED in m["content"] for m in retry)  # the draft is not shown again
    # Same kept prefix as the draft: no switch to the strict prompt's state between them.
    assert prompts[0] == prompts[1] and prompts[0].endswith("|False")
    assert summary.method == "llm-strict" and summary.text == BEYOND


def test_the_summary_cache_key_names_the_new_prompt_version(tmp_path):
    model, _, _ = _recording_llm(tmp_path, [])
    assert "news-zh/summary@7" in model.prompt_version


def test_without_a_draft_or_a_retry_request_the_strict_variant_writes_afresh(tmp_path):
    # The one-line headline's prompt has no [retry]: its retry is the strict variant, as before.
    model, runtime, prompts = _recording_llm(tmp_path, ["大同市新桥通车", "汾河新桥通车，全长1.2公里"])
    (headline,) = model.summarize([BRIDGE], kind="headline")
    plain, strict = runtime.sent
    headline_prompt = model.prompts["headline"]
    assert strict[0]["content"] == headline_prompt.strict_system and strict[-1]["content"].endswith(BRIDGE.body)
    assert prompts[1].endswith("|True") and headline.method == "llm-strict"
    # The second candidate of a short article is the strict variant too (no draft to continue).
    model, runtime, _ = _recording_llm(tmp_path / "c", [RESTATED, BEYOND], candidates=2)
    model.summarize([JOBS])
    assert runtime.sent[1][0]["content"] == model.prompts["summary"].strict_system
    assert len(runtime.sent[1]) == len(runtime.sent[0])


def test_a_retry_on_llama_cpp_evaluates_only_its_own_request(tmp_path, tiny_gguf_file):
    from dataclasses import replace

    config = config_for(tmp_path, model_path=str(tiny_gguf_file), context=4096, threads=1, cache=False)
    model = LLMSummarizer(config)
    assert model._retry_follows_its_draft("summary") and not model._retry_follows_its_draft("headline")
    llm = model.runtime.llm
    evaluated = []
    evaluate = llm.eval
    llm.eval = lambda tokens: (evaluated.append(len(tokens)), evaluate(tokens))[1]
    request = model._request(JOBS, "summary", 120)
    model._generate([request], strict=False)
    evaluated.clear()
    retry = replace(request, problems=("重复标题（新内容仅占0%）",))
    model._generate([retry], strict=True)
    # The first evaluation is the prompt (what the context did not hold), then one token at a time:
    # the retry request and the few tokens of the chat template around it.
    asked = len(llm.tokenize(model.conversation(retry, True)[-1]["content"].encode("utf-8"), add_bos=False))
    whole = llm.n_tokens - (len(evaluated) - 1)
    assert asked <= evaluated[0] <= asked + 32 < whole / 3
    # Written afresh (the strict variant, no problems named) the same retry evaluates far more.
    evaluated.clear()
    model._generate([replace(retry, problems=())], strict=True)
    assert evaluated[0] > 3 * (asked + 32)
