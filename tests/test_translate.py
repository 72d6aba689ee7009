"""Translating a brief: figures through placeholders, a retry, Chinese-only items marked.

The orchestration is tested with a small glossary translator written here (a real, if tiny,
translator: it looks phrases up, it does not replay canned answers), and the Marian path with a real
transformers model built and randomly initialised in the test (skipped without torch).
"""

import re

import pytest

from brief.compose import compose
from brief.config import defaults
from brief.errors import ModelError
from brief.model import Article, BriefItem, Summary
from brief.translate import MarianTranslator, get_translator, translate_brief

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

    def translate(self, texts, *, retry=False):
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
    assert brief.meta["english"] == {"backend": "glossary", "translated": 1, "chinese_only": []}
    assert len(translator.calls) == 1  # one batched pass for the whole brief


def test_a_garbled_figure_is_retried_once_and_only_that_item():
    brief = a_brief("惠及企业11142家。", "全市完成投资5887.6亿元。")
    translator = GlossaryTranslator(drop_marker="[[N1]]")
    translate_brief(brief, translator)
    assert [retry for _, retry in translator.calls] == [False, True]
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

        def translate(self, texts, *, retry=False):
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
    from brief.summarize.llm import load_prompt

    prompt = load_prompt("translate", "en")
    assert prompt.examples
    marker = re.compile(r"\[\[N\d+\]\]")
    for example in prompt.examples:
        chinese, english = example["article"], example["summary"]
        assert sorted(marker.findall(chinese)) == sorted(marker.findall(english))
        assert not re.search(r"[\u4e00-\u9fff]", english)
        assert not re.search(r"\d", marker.sub("", english)), "no digit outside a marker"


def test_a_translator_that_loses_texts_is_a_model_error():
    class Truncating(GlossaryTranslator):
        def translate(self, texts, *, retry=False):
            return super().translate(texts, retry=retry)[:-1]

    with pytest.raises(ModelError, match="returned 1 texts for 2"):
        translate_brief(a_brief("今年就业稳步增长。"), Truncating())


def test_no_translator_configured_is_a_one_line_model_error(tmp_path):
    config = defaults()
    config["english"]["marian_dir"] = str(tmp_path / "absent")
    with pytest.raises(ModelError, match="config.json missing"):
        get_translator(config)
    config["english"]["backend"] = "babelfish"
    config["english"]["marian_dir"] = ""
    with pytest.raises(ModelError, match="unknown english.backend"):
        get_translator(config)


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
    translator = MarianTranslator(tiny_marian, max_new_tokens=8)
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
    assert brief.meta["english"] == {"backend": "marian", "translated": 0, "chinese_only": [1, 2]}


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
    assert brief.meta["english"] == {"backend": "llm", "translated": 0, "chinese_only": [1]}
