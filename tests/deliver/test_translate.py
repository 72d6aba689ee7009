"""Translating a brief: figures through placeholders, a retry, Chinese-only items marked.

The orchestration is tested with a small glossary translator written here (a real, if tiny,
translator: it looks phrases up, it does not replay canned answers), and the Marian path with a real
transformers model built and randomly initialised in the test (skipped without torch).
"""

import re

import pytest

from brief.deliver.compose import compose
from brief.config import defaults
from brief.errors import ConfigError, ModelError
from brief.document import Article, BriefItem, Summary
from brief.deliver.translate import (
    MarianTranslator, english_grammar, get_translator, glossary_for, load_glossary, misplaced_markers, rambling,
    translate_brief)

GLOSSARY = {
    "全市": "the city ", "新增城镇就业": "added urban jobs numbering ", "完成投资": "invested ",
    "，": ", ", "。": ".", "今年": "this year ", "就业": "employment ", "投资": "investment ",
    "稳步增长": "grows steadily", "企业": "firms", "惠及": "benefiting ",
}


class GlossaryTranslator:
    """Phrase-by-phrase translation; markers are copied unless ``drop_marker`` says otherwise.

    ``drop_marker`` names a marker the first (greedy) pass garbles into digits, as small models
    do; the careful retry copies it. ``always_drop`` garbles it on both passes.
    """

    name = "glossary"

    def __init__(self, drop_marker=None, always_drop=False):
        self.drop_marker, self.always_drop = drop_marker, always_drop
        self.calls = []

    def translate(self, texts, *, retry=False, figures=None):
        self.calls.append((list(texts), retry))
        out = []
        for text in texts:
            english = text
            for chinese, phrase in GLOSSARY.items():
                english = english.replace(chinese, phrase)
            if self.drop_marker and (self.always_drop or not retry):
                english = english.replace(self.drop_marker, "111,420")
            out.append(re.sub(r"[\u4e00-\u9fff]+", "", english).strip())
        return out


def a_brief(*summaries):
    items = [BriefItem(article=Article(title=f"今年就业稳步增长{'甲乙丙'[i]}", source="晋中日报",
                                       page="1", paragraphs=[s]),
                       summary=Summary(text=s, method="extractive"))
             for i, s in enumerate(summaries)]
    return compose(items, date="2024-10-18", config=defaults(), meta={"articles_read": len(items)})


def test_figures_come_back_in_english_form():
    brief = a_brief("1—8月，全市新增城镇就业36.54万人，完成投资5887.6亿元。")
    translator = GlossaryTranslator()
    translate_brief(brief, translator)
    assert brief.items[0].en["summary"] == (
        "January-August, the city added urban jobs numbering 365,400 people, "
        "invested 588.76 billion yuan.")
    assert brief.meta["english"] == {"backend": "glossary", "translated": 1, "chinese_only": [], "overview": True}
    assert len(translator.calls) == 1  # one batched pass for the whole brief


def test_a_garbled_figure_is_retried_once_and_only_that_item():
    brief = a_brief("惠及企业11142家。", "全市完成投资5887.6亿元。")
    translator = GlossaryTranslator(drop_marker="[[N1]]")
    translate_brief(brief, translator)
    assert [retry for _, retry in translator.calls] == [False, True]
    # only the parts that failed (the summaries with N1, the overview), not the titles that passed
    assert "惠及企业[[N1]]。" in translator.calls[1][0]
    assert not {"今年就业稳步增长甲", "今年就业稳步增长乙"} & set(translator.calls[1][0])
    assert any(text.startswith("今年就业稳步增长甲：") for text in translator.calls[1][0])  # the overview
    assert brief.items[0].en["summary"] == "benefiting firms11,142."
    assert brief.items[1].en["summary"] == "the city invested 588.76 billion yuan."
    assert brief.meta["english"]["chinese_only"] == []


def test_item_stays_chinese_only_when_the_retry_fails_too():
    brief = a_brief("惠及企业11142家。", "今年就业稳步增长。")
    translate_brief(brief, GlossaryTranslator(drop_marker="[[N1]]", always_drop=True))
    assert brief.items[0].en is None
    assert brief.items[1].en is not None  # no figures, nothing to lose
    assert brief.meta["english"]["chinese_only"] == [1]


def test_chinese_left_in_the_english_is_retried_then_kept_chinese_only():
    class HalfTranslating(GlossaryTranslator):
        """Leaves the words it has no entry for in Chinese, as small models do."""

        def translate(self, texts, *, retry=False, figures=None):
            self.calls.append((list(texts), retry))
            out = []
            for text in texts:
                for chinese, phrase in GLOSSARY.items():
                    text = text.replace(chinese, phrase)
                out.append(text)
            return out

    brief = a_brief("今年招商引资稳步增长。")
    translator = HalfTranslating()
    translate_brief(brief, translator)
    assert [retry for _, retry in translator.calls] == [False, True]
    assert brief.items[0].en is None and brief.meta["english"]["chinese_only"] == [1]


def test_the_prompt_examples_obey_the_rules_they_teach():
    from brief.llm.prompts import load_prompt

    prompt = load_prompt("translate", "en")
    assert prompt.examples
    marker = re.compile(r"\[\[N\d+\]\]")
    for example in prompt.examples:
        request, english = example["article"], example["summary"]
        head, _, chinese = request.partition("Chinese:\n")
        assert sorted(marker.findall(chinese)) == sorted(marker.findall(english))
        assert sorted(marker.findall(head)) == sorted(set(marker.findall(chinese)))  # Markers: lists each
        assert not re.search(r"[\u4e00-\u9fff]", english)
        assert not re.search(r"\d", marker.sub("", english)), "no digit outside a marker"


def test_a_translator_that_loses_texts_is_a_model_error():
    class Truncating(GlossaryTranslator):
        def translate(self, texts, *, retry=False, figures=None):
            return super().translate(texts, retry=retry)[:-1]

    with pytest.raises(ModelError, match="returned 2 texts for 3"):
        translate_brief(a_brief("今年就业稳步增长。"), Truncating())


def test_no_translator_configured_is_a_one_line_model_error(tmp_path):
    config = defaults()
    config["english"]["marian_dir"] = str(tmp_path / "absent")
    with pytest.raises(ModelError, match="config.json missing"):
        get_translator(config)
    with pytest.raises(ConfigError, match="english. backend = \"babelfish\": expected one of auto, llm, marian"):
        config["english"]["backend"] = "babelfish"


@pytest.fixture(scope="module")
def tiny_marian(tmp_path_factory):
    """A Marian model with random weights and a sentencepiece vocabulary trained here, on disk."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    spm = pytest.importorskip("sentencepiece")
    import json

    import torch

    root = tmp_path_factory.mktemp("marian")
    corpus = root / "corpus.txt"
    corpus.write_text("\n".join([
        "全市新增城镇就业，完成投资，惠及企业。", "今年就业稳步增长，投资增长。",
        "The city added urban jobs and invested in firms.", "Employment grows steadily this year.",
        "[[N1]] [[N2]] [[N3]]",
    ] * 20), encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(root / "spm"), vocab_size=60,
                                   character_coverage=1.0, model_type="unigram",
                                   pad_id=-1, bos_id=-1, eos_id=-1, unk_id=0)
    processor = spm.SentencePieceProcessor(model_file=str(root / "spm.model"))
    pieces = ["<unk>", "</s>", "<pad>"] + [processor.id_to_piece(i) for i in range(1, processor.get_piece_size())]
    vocab = {piece: index for index, piece in enumerate(dict.fromkeys(pieces))}
    model_dir = root / "model"
    model_dir.mkdir()
    (root / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = transformers.MarianTokenizer(
        source_spm=str(root / "spm.model"), target_spm=str(root / "spm.model"),
        vocab=str(root / "vocab.json"), source_lang="zh", target_lang="en")
    config = transformers.MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
        max_position_embeddings=128, pad_token_id=vocab["<pad>"], eos_token_id=vocab["</s>"],
        decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=vocab["</s>"])
    torch.manual_seed(0)
    transformers.MarianMTModel(config).save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    return model_dir


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_marian_model_from_a_directory_translates_a_batch(tiny_marian):
    config = defaults()
    config["english"]["marian_dir"], config["english"]["max_new_tokens"] = str(tiny_marian), 8
    translator = MarianTranslator(config)
    outputs = translator.translate(["全市新增城镇就业[[N1]]。", "今年就业稳步增长。"])
    assert len(outputs) == 2 and all(isinstance(o, str) for o in outputs)
    assert translator.translate(["今年就业稳步增长。"], retry=True)  # beam search path runs too


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_random_marian_loses_figures_so_items_stay_chinese_and_marked(tiny_marian):
    config = defaults()
    config["english"].update({"marian_dir": str(tiny_marian), "max_new_tokens": 8})
    translator = get_translator(config)
    assert translator.name == "marian"
    brief = a_brief("全市新增城镇就业36.54万人。", "完成投资5887.6亿元。")
    translate_brief(brief, translator)
    # untrained weights cannot copy [[N1]]: the check catches it, the retry fails too
    assert [item.en for item in brief.items] == [None, None]
    assert brief.meta["english"] == {"backend": "marian", "translated": 0, "chinese_only": [1, 2], "overview": False}


@pytest.fixture(scope="module")
def tiny_chat_model(tmp_path_factory):
    """A GPT-2 shaped chat model with random weights and a character vocabulary, on disk."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from brief.resources import data_dir
    from tests.tiny_models import build_tiny_chat_model

    corpus = ["全市新增城镇就业，完成投资。今年就业稳步增长。",
              (data_dir("prompts") / "translate" / "en.toml").read_text(encoding="utf-8")]
    return build_tiny_chat_model(tmp_path_factory.mktemp("tiny-chat"), corpus, n_embd=16, n_layer=1)


def test_llm_translator_runs_the_chat_model_with_the_translate_prompt(tiny_chat_model, tmp_path):
    config = defaults()
    config["summarize"].update({"model_path": str(tiny_chat_model), "threads": 1,
                                "cache_dir": str(tmp_path / "cache")})
    config["english"].update({"backend": "llm", "max_new_tokens": 6})
    translator = get_translator(config)
    assert translator.name == "llm"
    replies = translator.translate(["今年就业稳步增长。", ""])
    assert len(replies) == 2 and replies[1] == "" and isinstance(replies[0], str)
    brief = a_brief("全市新增城镇就业36.54万人。")
    translate_brief(brief, translator)
    # random weights do not copy [[N1]]: both tries fail the check and the item stays Chinese
    assert brief.items[0].en is None
    assert brief.meta["english"] == {"backend": "llm", "translated": 0, "chinese_only": [1], "overview": False}


# -- glossary, grammar and the checks on what the model wrote --------------------------------

def test_glossary_entries_are_english_and_only_those_used_are_given():
    glossary = load_glossary()
    assert glossary["省委"] == "Provincial Party Committee"
    assert glossary["省政府新闻办"] == "Information Office of the Provincial Government"
    assert len(glossary) >= 30
    assert not any(re.search(r"[\u4e00-\u9fff\d]", english) for english in glossary.values())
    text = "省委宣传部、省政府新闻办召开发布会，副省长出席，省政府有关部门参加。"
    assert glossary_for(text, glossary) == [
        ("省委宣传部", glossary["省委宣传部"]), ("省政府新闻办", glossary["省政府新闻办"]),
        ("新闻发布会", glossary["新闻发布会"]) if "新闻发布会" in text else ("副省长", glossary["副省长"]),
        ("省政府", glossary["省政府"]),
    ]
    assert glossary_for("今年就业稳步增长。", glossary) == []


def test_the_request_names_the_markers_and_the_terms_the_text_uses():
    from brief.deliver.translate import LLMTranslator

    translator = LLMTranslator.__new__(LLMTranslator)  # no model: only the request is built here
    translator.glossary = load_glossary()
    request = translator.request("省统计局：[[N1]]全省生产总值[[N2]]。", ["January-August", "1.86 trillion yuan"])
    assert request == ("Markers:\n[[N1]] = January-August\n[[N2]] = 1.86 trillion yuan\n\n"
                       f"Terms:\n省统计局 = {load_glossary()['省统计局']}\n\nChinese:\n省统计局：[[N1]]全省生产总值[[N2]]。")
    assert translator.request("今年就业稳步增长。") == "Chinese:\n今年就业稳步增长。"
    # A piece of a text names only its own markers, with the numbers they have in the whole.
    assert translator.request("增长[[N2]]。", ["January-August", "8%"]) == (
        "Markers:\n[[N2]] = 8%\n\nChinese:\n增长[[N2]]。")


def test_the_retry_goes_a_few_markers_at_a_time():
    from brief.deliver.translate import join_pieces, pieces

    text = "[[N1]]，市统计局通报，今年[[N2]]，全市完成投资[[N3]]，增长[[N4]]，其中工业[[N5]]。就业[[N6]]。"
    assert pieces(text) == [["[[N1]]，市统计局通报，今年[[N2]]，全市完成投资[[N3]]，", "增长[[N4]]，其中工业[[N5]]。"],
                            ["就业[[N6]]。"]]
    assert [p for sentence in pieces("今年就业稳步增长。") for p in sentence] == ["今年就业稳步增长。"]
    english = join_pieces([["On [[N1]] the bureau said investment was [[N3]] in [[N2]].",
                            "The growth was [[N4]], with industry at [[N5]]."], ["Jobs: [[N6]]."]])
    assert english == ("On [[N1]] the bureau said investment was [[N3]] in [[N2]], the growth was [[N4]], "
                       "with industry at [[N5]]. Jobs: [[N6]].")


def test_the_grammar_has_one_rule_per_set_of_markers_still_unwritten():
    grammar = english_grammar("全市[[N1]]新增就业[[N2]]，其中[[N1]]。")
    assert "root ::= [A-Za-z\"'\u2018\u201c(]? rest-1-2".lower() in grammar.lower()
    assert 'rest-1-2 ::= text ("[[N1]]" rest-2 | "[[N2]]" rest-1)?' in grammar  # each at most once
    assert "[0-9]" not in grammar  # no digit of the model's own
    # only the digit runs of the text itself, each whole (longest first)
    char = next(line for line in english_grammar("第3届12315[[N1]]").splitlines() if line.startswith("char ::="))
    assert char.endswith(' | "12315" | "3"')
    assert "[0-9]" not in english_grammar("第3届[[N1]]")
    many = english_grammar("".join(f"[[N{i}]]" for i in range(1, 10)))
    assert 'rest-1-2-3-4-5-6-7-8-9 ::= text (("[[N1]]" | "[[N2]]"' in many  # too many for subset rules


def test_markers_piled_up_or_left_over_are_problems():
    assert misplaced_markers("In [[N1]], the city added [[N2]].") == []
    assert misplaced_markers("The city added jobs [[N1]] [[N2]].")
    assert misplaced_markers("The city added jobs.[[N1]][[N2]]")
    assert misplaced_markers("The city added jobs. [[N2]]")


def test_a_looping_or_padded_translation_is_a_problem():
    assert rambling("全市新增城镇就业[[N1]]。", "The city added [[N1]] urban jobs.") == []
    looped = "The city added jobs this year. " * 3
    assert "a sentence said twice" in rambling("全市新增就业。", looped)
    assert rambling("就业。", "Employment " + "grew steadily in every county of the province " * 3)


# -- the grammar applied by llama.cpp to a tiny GGUF model built here ------------------------

def _tiny_gguf_config(path, tmp_path):
    config = defaults()
    config["summarize"].update({"model_path": str(path), "threads": 1, "cache": False, "context": 4096,
                                "cache_dir": str(tmp_path / "cache")})
    config["english"].update({"backend": "llm", "max_new_tokens": 48})
    return config


@pytest.fixture(scope="module")
def tiny_gguf_dir(tmp_path_factory):
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gguf")
    from tests.tiny_models import END, build_tiny_gguf

    root = tmp_path_factory.mktemp("gguf")
    # random: writes anything; ranked: prefers "[[" (a marker's start), then ending, then "a"
    return {"random": build_tiny_gguf(root / "random.gguf"),
            "ranked": build_tiny_gguf(root / "ranked.gguf", prefer=("[[", END, "a"))}


ENGLISH_ONLY = re.compile(r"(?:[A-Za-z ,.;:!?'\"()/%&+*\-\u2018\u2019\u201c\u201d\u2013\u2014\u00e9]|\[\[N\d\]\])*")


def test_the_grammar_keeps_a_random_model_to_english_letters(tiny_gguf_dir, tmp_path):
    translator = get_translator(_tiny_gguf_config(tiny_gguf_dir["random"], tmp_path))
    runtime = translator.chat_model.runtime
    texts = ["全市新增城镇就业[[N1]]，完成投资[[N2]]。", "今年就业稳步增长。"]
    for text, reply in zip(texts, translator.translate(texts), strict=True):
        assert reply and ENGLISH_ONLY.fullmatch(reply), reply
        for marker in ("[[N1]]", "[[N2]]"):
            assert reply.count(marker) <= 1
    free = runtime.chat([translator.prompt.messages("Chinese:\n" + texts[1], limit=0, key_figures=0,
                                                   strict=False)], max_tokens=16)[0][0]
    assert not ENGLISH_ONLY.fullmatch(free)  # the same model without the grammar


def test_the_grammar_admits_each_marker_once_and_as_written(tiny_gguf_dir, tmp_path):
    translator = get_translator(_tiny_gguf_config(tiny_gguf_dir["ranked"], tmp_path))
    reply, plain = translator.translate(["[[N1]]全市新增就业[[N2]]，投资[[N3]]。", "今年就业稳步增长。"])
    # it would write "[[" for ever; the grammar lets it open each marker once, then end
    assert sorted(re.findall(r"\[\[N\d\]\]", reply)) == ["[[N1]]", "[[N2]]", "[[N3]]"]
    assert reply.replace("[[N1]]", "").replace("[[N2]]", "").replace("[[N3]]", "") == ""
    assert plain == "a"  # no marker to write: a letter first (never empty), then the end


def test_a_brief_translated_under_the_grammar_keeps_its_figures(tiny_gguf_dir, tmp_path):
    translator = get_translator(_tiny_gguf_config(tiny_gguf_dir["ranked"], tmp_path))
    brief = a_brief("全市新增城镇就业36.54万人。")
    brief.items[0].article.title = "完成投资5887.6亿元"
    translate_brief(brief, translator)
    assert brief.items[0].en == {"title": "588.76 billion yuan", "summary": "365,400 people"}
    assert brief.meta["english"]["chinese_only"] == []


def test_the_overview_is_translated_with_the_items_and_checked_the_same_way():
    from brief.document import Overview
    from brief.deliver.rendering import render

    brief = a_brief("全市完成投资5887.6亿元。")
    brief.overview = Overview("今年全市完成投资5887.6亿元，就业稳步增长。", "model")
    translator = GlossaryTranslator()
    translate_brief(brief, translator)
    assert len(translator.calls) == 1  # in the same batch as the items
    assert brief.overview.en == "this year the city invested 588.76 billion yuan, employment grows steadily."
    assert brief.meta["english"]["overview"] is True
    for fmt in ("md", "txt", "html"):
        assert "588.76 billion yuan, employment" in render(brief, fmt)
    # Its figures garbled twice: no English for it, the items keep theirs.
    brief = a_brief("今年就业稳步增长。")
    brief.overview = Overview("惠及企业11142家。", "model")
    translate_brief(brief, GlossaryTranslator(drop_marker="[[N1]]", always_drop=True))
    assert brief.overview.en is None and brief.meta["english"]["overview"] is False
    assert brief.items[0].en is not None and brief.meta["english"]["chinese_only"] == []


# -- the retry: told what it left out, then sentence by sentence ------------------------------

def _phrases(chinese):
    english = chinese
    for zh, phrase in GLOSSARY.items():
        english = english.replace(zh, phrase)
    return re.sub(r"[\u4e00-\u9fff]+", "", english).strip()


class ForgetfulRuntime:
    """A chat runtime standing in for llama.cpp: phrase-by-phrase English, except that, given a text
    of more than one sentence, it leaves out the clause holding ``forget`` (as the small model leaves
    a clause out of a long text). Told in the next turn what it left out, it puts it back, unless
    ``deaf``. Every conversation it was given is kept."""

    def __init__(self, forget, deaf=False):
        self.forget, self.deaf = forget, deaf
        self.conversations = []

    def chat(self, conversations, max_tokens, grammar=None):
        messages = conversations[0]
        self.conversations.append(messages)
        told = messages[-1]["content"].startswith("The translation is missing")
        chinese = (messages[-3] if told else messages[-1])["content"].split("Chinese:\n")[1]
        long = len(re.findall(r"[。！？]", chinese)) > 1
        clauses = re.findall(r"[^，。]+[，。]?", chinese)
        if long and not (told and not self.deaf):
            clauses = [c for c in clauses if self.forget not in c]
        return [(_phrases("".join(clauses)), False)]


def _llm_translator(runtime):
    from brief.deliver.translate import LLMTranslator

    config = defaults()
    config["summarize"]["cache"] = False
    translator = LLMTranslator(config)
    translator.chat_model._runtime = runtime
    return translator


def test_the_retry_names_what_was_left_out_in_the_same_conversation():
    runtime = ForgetfulRuntime(forget="[[N2]]")
    translator = _llm_translator(runtime)
    brief = a_brief("全市新增城镇就业36.54万人。完成投资5887.6亿元。")
    brief.overview = None
    translate_brief(brief, translator)
    assert brief.items[0].en["summary"] == "the city added urban jobs numbering 365,400 people.invested 588.76 billion yuan."
    assert len(runtime.conversations) == 3  # title, summary, the summary told what it left out
    first, again = runtime.conversations[1:]
    # the continuation is the first conversation, its answer, and what the answer left out
    assert again[:len(first)] == first
    assert again[len(first)] == {"role": "assistant", "content": "the city added urban jobs numbering [[N1]]."}
    assert again[-1]["content"].startswith("The translation is missing [[N2]] (588.76 billion yuan).")
    assert translator.stats == {"continued": 1}


def test_when_told_is_not_enough_the_retry_goes_sentence_by_sentence():
    runtime = ForgetfulRuntime(forget="[[N2]]", deaf=True)
    translator = _llm_translator(runtime)
    brief = a_brief("全市新增城镇就业36.54万人。完成投资5887.6亿元。")
    brief.overview = None
    translate_brief(brief, translator)
    assert brief.items[0].en["summary"] == ("the city added urban jobs numbering 365,400 people. "
                                            "invested 588.76 billion yuan.")
    requests = [c[-1]["content"].split("Chinese:\n")[-1] for c in runtime.conversations]
    assert requests[-2:] == ["全市新增城镇就业[[N1]]。", "完成投资[[N2]]。"]  # one sentence each
    assert translator.stats["pieces"] == 1 and "piece retries" not in translator.stats


def test_an_item_stays_chinese_only_when_every_retry_leaves_the_figure_out():
    class Dropping(ForgetfulRuntime):
        def chat(self, conversations, max_tokens, grammar=None):
            self.conversations.append(conversations[0])
            return [("the city invested.", False)]

    runtime = Dropping(forget="[[N1]]")
    translator = _llm_translator(runtime)
    brief = a_brief("全市完成投资5887.6亿元。")
    brief.overview = None
    translate_brief(brief, translator)
    assert brief.items[0].en is None and brief.meta["english"]["chinese_only"] == [1]
    # title, summary; the summary continued once; its one piece, and that piece told once
    assert len(runtime.conversations) == 5
    assert runtime.conversations[-1][-1]["content"].startswith("The translation is missing [[N1]]")


def test_piece_problems_name_what_a_piece_left_out():
    from brief.deliver.translate import piece_problems, retry_message

    figures = ["365,400 people", "September", "3.6%"]
    text = "市场监管12315机构[[N2]]受理投诉[[N3]]。"
    assert piece_problems(text, "In September the 12315 hotline received [[N3]] of complaints.", figures) == []
    problems = piece_problems(text, "The hotline received complaints in [[N2]].", figures)
    assert problems == ["[[N3]] (3.6%)", "12315"]
    assert retry_message(problems).startswith("The translation is missing [[N3]] (3.6%) and 12315. ")
    assert piece_problems(text, "In [[N2]] the 12315 line took [[N3]], up 7.", figures) == [
        "numbers not in the Chinese: 7"]
    looped = piece_problems("就业。", "Jobs grew well this year. Jobs grew well this year.", [])
    assert looped == ["a sentence said twice"]
    assert retry_message(looped).startswith("The translation has problems: a sentence said twice.")
