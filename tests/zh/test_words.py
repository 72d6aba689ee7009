import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief.zh.words import breaks_word, ends_open


@pytest.mark.parametrize(
    "left, right",
    [
        ("全市今年新建高标准农", "田十二万亩"),  # 农田
        ("县医院新门诊楼正式启", "用"),  # 启用
        ("省政府新闻办今天举行新闻发布", "会"),  # 发布会
        ("本 报 讯 县 医 院 新 门 诊 楼 日 前 正 式 启", "用 ，设 置 诊 室"),  # letter-spaced text
    ],
)
def test_a_break_inside_a_word(left, right):
    assert breaks_word(left, right)


@pytest.mark.parametrize(
    "left, right",
    [
        ("全市秋粮喜获丰收", "县医院新门诊楼启用"),  # a title, then the next headline
        ("推进乡村全面振兴", "全市秋粮收获进度过九成"),  # a kicker, then its title
        ("群众出行更加方便。", "全县新修农村公路"),
        ("", "全县"),
        ("全县", ""),
    ],
)
def test_a_break_between_words(left, right):
    assert not breaks_word(left, right)


# --- the dictionary kept as a table ------------------------------------------------------------

def _small_tokenizer(tmp_path):
    """A jieba tokenizer over a dictionary written for the test, loaded in memory."""
    import jieba

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("高标准 300 a\n农田 800 n\n高标准农田 50 n\n标准 900 n\n新建 400 v\n"
                          "启用 300 v\n正式 700 ad\n发布会 600 n\n发布 900 v\n新闻 1000 n\n",
                          encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(dictionary))
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    return tokenizer


def test_jieba_cuts_the_same_over_the_kept_table(tmp_path):
    import jieba

    from brief.zh.words import WordTable

    memory = _small_tokenizer(tmp_path)
    WordTable.write(tmp_path / "words.sqlite", memory.FREQ, memory.total)
    table = jieba.Tokenizer()
    table.FREQ = WordTable(tmp_path / "words.sqlite")
    table.total, table.initialized = table.FREQ.total, True
    assert "农" in table.FREQ and "高标" in table.FREQ and "农村" not in table.FREQ  # prefixes too
    for text in ["全市今年新建高标准农田十二万亩", "新门诊楼正式启用", "省政府新闻办举行新闻发布会",
                 "ABC123高标准", "农田农田"]:
        assert list(table.cut(text, HMM=False)) == list(memory.cut(text, HMM=False))


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


PROBE = ("from brief.zh.words import breaks_word, ends_open, _tokenizer;"
         "print(breaks_word('县医院新门诊楼正式启', '用'), type(_tokenizer().FREQ).__name__)")


def test_the_first_process_keeps_the_table_and_the_next_reads_it(tmp_path):
    assert _run(PROBE, tmp_path) == "True dict"  # jieba loaded in memory, the table written
    assert list((tmp_path / "brief" / "words").glob("jieba-*.sqlite"))
    assert _run(PROBE, tmp_path) == "True WordTable"


def test_an_unreadable_table_is_written_again(tmp_path):
    _run(PROBE, tmp_path)
    (table,) = (tmp_path / "brief" / "words").glob("jieba-*.sqlite")
    table.write_bytes(b"not a database")
    assert _run(PROBE, tmp_path) == "True dict"
    assert _run(PROBE, tmp_path) == "True WordTable"


@pytest.mark.parametrize("text, open_", [
    ("死亡人数上升至", True), ("沙提难民营遭", True), ("中俄两国在能源和", True),
    ("我国造船业瞄准新航道", False), ("成为", False), ("担当有为", False), ("将是艰难的", False), ("两国共同", False), ("", False),
])
def test_a_line_ends_open_on_a_word_that_needs_what_follows(text, open_):
    assert ends_open(text) is open_
