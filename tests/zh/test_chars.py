"""Widths, brackets and the named punctuation sets, on Chinese text written for these tests."""

import pytest

from brief.zh import balanced, normalize_chars, to_halfwidth, unbalanced, visual_width
from brief.zh.chars import (
    CLAUSE_BREAKS,
    CLOSERS,
    DANGLING,
    FULL_STOPS,
    HANGING,
    LIST_BREAK,
    PARAGRAPH_END,
    SENTENCE_END,
    STOP_CLOSERS,
    unmarked,
)


def test_open_brackets_of_every_kind_are_seen():
    assert unbalanced("开展“2024")
    assert not unbalanced("“四送”活动")
    assert unbalanced("【领航中国") and unbalanced("『引文") and unbalanced("(见附件")
    assert not unbalanced("他说。”")  # a closer without its opener leaves nothing open


def test_balanced_asks_for_every_pair_closed():
    assert balanced("印发《方案》【快讯】（试行）")
    assert not balanced("印发《方案")
    assert not balanced("方案》")  # closed but never opened: a cut fell inside a span


def test_visual_width_counts_ascii_as_half_and_squeezes_adjacent_marks():
    assert visual_width("全省城镇") == 4
    assert visual_width("2024年") == 3
    assert visual_width("“走出去”“请进来”") == 9  # the inner ”“ share one em


def test_text_width_and_figure_width_differ_only_in_signs_and_spaces():
    # Both read full-width digits, letters, ％ and a decimal point the same way.
    assert normalize_chars("０．９４％ＡＩ") == to_halfwidth("０．９４％ＡＩ") == "0.94%AI"
    # Cleaning keeps a printed range's tilde and minus; reading a figure needs them in ASCII.
    assert normalize_chars("１～８月，－３％") == "1～8月，－3%"
    assert to_halfwidth("１～８月，－３％") == "1~8月，-3%"
    # Cleaning turns an ideographic space into a space; a figure's span must keep its length.
    assert normalize_chars("全省\u3000１２个") == "全省 12个"
    assert len(to_halfwidth("全省\u3000１２个")) == len("全省\u3000１２个")


def test_sentence_end_and_paragraph_end_differ_in_ascii_marks():
    assert set(PARAGRAPH_END) <= set(SENTENCE_END)
    assert set(SENTENCE_END) - set(PARAGRAPH_END) == set("!?;")


def test_stop_closers_are_the_closers_a_full_stop_stands_before():
    assert set(STOP_CLOSERS) < set(CLOSERS)
    assert set(CLOSERS) - set(STOP_CLOSERS) == set("》】")


def test_hanging_punctuation_is_full_width():
    assert all(ord(ch) > 0x2000 for ch in HANGING)
    assert "“" not in HANGING and "《" not in HANGING  # an opener never hangs at a line's end


def test_a_cut_summary_drops_a_dangling_mark_but_keeps_its_ellipsis():
    from brief.summarize.abstractive import end_sentence, fit_length

    assert end_sentence(fit_length("大年三十，穿新衣，送祝福，", 40)) == "大年三十，穿新衣，送祝福。"
    assert end_sentence(fit_length("大年三十，穿新衣，送祝福……", 40)) == "大年三十，穿新衣，送祝福……。"
    assert set(DANGLING) < set(CLAUSE_BREAKS + LIST_BREAK) and not set(DANGLING) & set(FULL_STOPS + "…")


@pytest.mark.parametrize("printed, bare", [("●本报讯", "本报讯"), (" ■ 本报昆明", "本报昆明"), ("▲▲ 快讯", "快讯"), ("本报讯", "本报讯"),
                                          ("“中国·唐”", "“中国·唐”")])
def test_a_line_s_list_marks_come_off_and_nothing_else(printed, bare):
    assert unmarked(printed) == bare
