"""Character ROUGE against hand-computed values, the pairs loader, the eval loop and `brief eval`."""

import gzip
import json
import subprocess
import sys

import pytest

from brief.config import defaults
from brief.errors import InputError
from brief.evaluate import Pair, evaluate, load_pairs, rouge_chars, tokens
from brief.summarize.extractive import ExtractiveSummarizer


def test_tokens_one_per_character_and_one_per_ascii_run():
    assert tokens("新增就业36万人，GDP增长5%！") == ["新", "增", "就", "业", "36", "万", "人", "gdp", "增", "长", "5"]
    assert tokens("ＧＤＰ") == ["gdp"]  # full width folds to ASCII
    assert tokens("，。！") == []


def test_rouge_by_hand():
    # candidate 山西就业增长 (6 tokens), reference 山西省就业稳步增长 (9 tokens)
    # unigrams: all 6 candidate tokens occur -> P 6/6, R 6/9, F 0.8
    # bigrams: 山西 就业 增长 shared -> P 3/5, R 3/8, F = 2*.6*.375/.975
    # LCS: 山西就业增长 (6) -> same as unigrams
    scores = rouge_chars("山西就业增长", "山西省就业稳步增长")
    assert scores["rouge1"] == pytest.approx(80.0)
    assert scores["rouge2"] == pytest.approx(100 * 2 * 0.6 * 0.375 / 0.975)
    assert scores["rougeL"] == pytest.approx(80.0)


def test_rouge_l_uses_order_and_rouge_1_does_not():
    # 甲乙丙 vs 丙乙甲: every unigram shared, but the longest common subsequence is one token
    scores = rouge_chars("甲乙丙", "丙乙甲")
    assert scores["rouge1"] == pytest.approx(100.0)
    assert scores["rouge2"] == 0.0
    assert scores["rougeL"] == pytest.approx(100 * 2 * (1 / 3) * (1 / 3) / (2 / 3))


def test_repeated_tokens_are_clipped():
    # 好好好 vs 好: overlap 1, P 1/3, R 1 -> F 0.5
    assert rouge_chars("好好好", "好")["rouge1"] == pytest.approx(50.0)


def test_identical_and_empty():
    assert rouge_chars("稳就业，保民生", "稳就业保民生") == {"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0}
    assert rouge_chars("", "稳就业") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def _write_jsonl(path, rows, gz=False):
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_load_pairs_reads_fields_and_cleans_tags(tmp_path):
    path = _write_jsonl(tmp_path / "pairs.jsonl.gz", [
        {"text": "示例台消息（晚间新闻）：大桥今天通车。", "title": "【交通】大桥通车"},
        {"article": "全市新增绿地200亩。", "summary": "新增绿地200亩"},
        {"body": "第三条正文。", "title": ""},  # empty reference: skipped
    ], gz=True)
    assert load_pairs(path) == [Pair("大桥今天通车。", "大桥通车"), Pair("全市新增绿地200亩。", "新增绿地200亩")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "no evaluation pairs"),
        (b"not json\n", "line 1: not a JSON object"),
        (b'{"text": "x"}\n', "line 1: needs a text field"),
        (b"[1, 2]\n", "line 1: not a JSON object"),
        (b"\x1f\x8b\x08broken", "corrupt gzip data"),
        (b'{"text": "\xff"}\n', "not UTF-8"),
    ],
)
def test_bad_data_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_pairs(path)
    assert str(caught.value).startswith(str(path)) and problem in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_pairs(tmp_path / "none.jsonl")


PAIRS = [
    Pair("本报讯 全市新增就业3.2万人，同比增长5%。就业形势总体稳定。", "全市新增就业3.2万人"),
    Pair("省政府召开常务会议，研究部署防汛工作。会议要求压实责任。", "省政府研究部署防汛工作"),
    Pair("秋粮收购进展顺利，已收购120万吨。农民增收明显。", "秋粮已收购120万吨"),
]


def test_evaluate_scores_a_real_summarizer():
    result = evaluate(PAIRS, ExtractiveSummarizer(defaults()), kind="headline")
    assert result.n == 3
    assert 0 < result.rougeL <= result.rouge1 <= 100
    assert result.numbers_supported == 1.0
    assert 0 < result.mean_len <= 30
    assert result.sec_per_item > 0
    assert set(result.to_dict()) == {"n", "rouge1", "rouge2", "rougeL", "numbers_supported", "mean_len",
                                     "sec_per_item"}


class _Fixed:
    """A summarizer that returns given texts, to test what evaluate counts."""

    name = "fixed"

    def __init__(self, texts):
        self.texts = texts

    def summarize(self, articles, kind="headline"):
        from brief.document import Summary

        return [Summary(text=text, method=self.name) for text, _ in zip(self.texts, articles)]


def test_numbers_supported_is_the_share_of_summaries_with_every_figure_in_the_source():
    faithful_then_inflated = _Fixed(["全市新增就业3.2万人", "秋粮已收购1200万吨"])
    result = evaluate([PAIRS[0], PAIRS[2]], faithful_then_inflated)
    assert result.numbers_supported == 0.5
    assert result.mean_len == pytest.approx((11 + 11) / 2)


def test_limit_takes_the_first_pairs():
    result = evaluate(PAIRS, _Fixed(["全市新增就业3.2万人"] * 3), limit=1)
    assert result.n == 1
    assert result.rouge1 == pytest.approx(100.0)


def _brief(*args):
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, timeout=60)


def test_cli_json(tmp_path):
    path = _write_jsonl(tmp_path / "pairs.jsonl", [{"text": p.text, "title": p.reference} for p in PAIRS])
    result = _brief("eval", str(path), "--backend", "extractive", "--json", "--limit", "2")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["n"] == 2
    assert set(data) == {"n", "rouge1", "rouge2", "rougeL", "numbers_supported", "mean_len", "sec_per_item"}


def test_cli_table_and_bad_file(tmp_path):
    path = _write_jsonl(tmp_path / "pairs.jsonl", [{"text": p.text, "summary": p.reference} for p in PAIRS])
    result = _brief("eval", str(path), "--backend", "extractive", "--kind", "summary")
    assert result.returncode == 0, result.stderr
    assert "ROUGE-L" in result.stdout and "3 pairs" in result.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    result = _brief("eval", str(bad), "--backend", "extractive")
    assert result.returncode == 2
    assert result.stderr.strip() == f"brief: {bad}: line 1: not a JSON object"
