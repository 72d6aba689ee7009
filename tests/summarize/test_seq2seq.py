"""The seq2seq backend on tiny randomly initialised encoder-decoders that the tests build: a BART
with a BERT character vocabulary written here, and a T5 with a sentencepiece model trained here.
The real loading (AutoTokenizer, AutoModelForSeq2SeqLM) and generation code runs; no weights are
downloaded. Skipped when torch/transformers are not installed.
"""

import pytest

from brief.config import defaults
from brief.errors import ModelError
from brief.document import Article
from brief.summarize.abstractive import guard_problems

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from brief.summarize.seq2seq import Seq2SeqSummarizer  # noqa: E402

PARK = Article(
    title="城南新建三座口袋公园",
    paragraphs=["今年以来，城南区利用边角空地新建口袋公园3座，新增绿地面积1.2万平方米。",
                "公园内设置了健身步道和儿童游乐设施，周边居民步行5分钟即可到达。"],
)
MARKET = Article(
    title="农贸市场完成改造",
    paragraphs=["经过4个月施工，东关农贸市场改造完成并重新开业，摊位增至180个。"],
)
TEXTS = [PARK.title, PARK.body, MARKET.title, MARKET.body]


def config_for(tmp_path, model_dir):
    config = defaults()
    config["summarize"].update(cache_dir=str(tmp_path / "cache"), model_path=str(model_dir))
    return config


@pytest.fixture(scope="module")
def tiny_bart(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-bart")
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = sorted(set("".join(TEXTS)) - set(" \n"))
    (path / "vocab.txt").write_text("\n".join(specials + chars) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(path / "vocab.txt"))
    torch.manual_seed(0)
    config = transformers.BartConfig(
        vocab_size=len(specials) + len(chars), d_model=32, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=256, pad_token_id=0, bos_token_id=2, eos_token_id=3,
        decoder_start_token_id=2, forced_eos_token_id=3)
    transformers.BartForConditionalGeneration(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def tiny_t5(tmp_path_factory):
    spm = pytest.importorskip("sentencepiece")
    path = tmp_path_factory.mktemp("tiny-t5")
    (path / "corpus.txt").write_text("\n".join(TEXTS * 3), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(path / "corpus.txt"), model_prefix=str(path / "spiece"), vocab_size=200, hard_vocab_limit=False, minloglevel=2,
        character_coverage=1.0, model_type="unigram", pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    # The directory layout of a real mT5/Pegasus checkpoint: spiece.model plus a tokenizer config.
    (path / "tokenizer_config.json").write_text(
        '{"tokenizer_class": "T5Tokenizer", "extra_ids": 0, "eos_token": "</s>", "unk_token": "<unk>", '
        '"pad_token": "<pad>"}', encoding="utf-8")
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    torch.manual_seed(0)
    config = transformers.T5Config(vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=1,
                                   num_heads=2, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    transformers.T5ForConditionalGeneration(config).save_pretrained(path)
    (path / "corpus.txt").unlink()
    return path


@pytest.mark.parametrize("model", ["tiny_bart", "tiny_t5"])
def test_generates_from_a_local_directory(model, request, tmp_path):
    model_dir = request.getfixturevalue(model)
    summarizer = Seq2SeqSummarizer(config_for(tmp_path, model_dir))
    replies = summarizer.generate([PARK.body, MARKET.body], max_new_tokens=10)
    assert len(replies) == 2
    for text, truncated in replies:
        assert isinstance(text, str) and isinstance(truncated, bool)
    vocabulary = set("".join(TEXTS)) | {" "}
    assert set("".join(text for text, _ in replies)) <= vocabulary  # decoded from the model's own vocab
    # Greedy decoding of a fixed model is deterministic.
    assert summarizer.generate([PARK.body, MARKET.body], max_new_tokens=10) == replies


def test_every_summary_passes_the_guard_or_is_replaced(tmp_path, tiny_bart):
    summaries = Seq2SeqSummarizer(config_for(tmp_path, tiny_bart)).summarize([PARK, MARKET])
    assert len(summaries) == 2
    for article, summary in zip([PARK, MARKET], summaries):
        assert summary.method in {"seq2seq", "seq2seq-strict", "extractive"}
        if summary.method == "extractive":
            assert summary.guard["action"] == "replaced by the extractive summary"
        assert guard_problems(summary.text, f"{article.title}\n{article.body}") == []


def test_missing_model_directory_is_one_clear_error(tmp_path):
    with pytest.raises(ModelError, match="not a model directory"):
        Seq2SeqSummarizer(config_for(tmp_path, tmp_path / "absent"))
    config = config_for(tmp_path, "")
    with pytest.raises(ModelError, match="model_path"):
        Seq2SeqSummarizer(config)
