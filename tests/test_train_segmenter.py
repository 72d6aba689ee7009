"""The training script reads a retrained tagger on the real page before it replaces the shipped one."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generators import GENERATORS, HELD_OUT, available  # noqa: E402
from train_segmenter import seed_page_changes  # noqa: E402

from brief.document import Article  # noqa: E402


def _story(title: str, kicker: str = "", paragraphs: int = 2) -> Article:
    return Article(title=title, kicker=kicker, paragraphs=["全市秋粮收获进度过九成。"] * paragraphs)


def test_the_same_reading_changes_nothing():
    page = [_story("全市秋粮收获进度过九成", kicker="三秋生产"), _story("城南水库完成除险加固")]
    assert seed_page_changes(page, list(page)) == []


def test_a_kicker_read_into_the_title_and_a_story_split_in_two_are_shown_both_ways():
    shipped = [_story("全市秋粮收获进度过九成", kicker="三秋生产", paragraphs=6)]
    trained = [_story("三秋生产全市秋粮收获进度过九成", paragraphs=4), _story("", paragraphs=2)]
    changes = seed_page_changes(shipped, trained)
    assert changes[0].startswith("- article | 三秋生产 | 全市秋粮收获进度过九成 |")
    assert "+ article |  | 三秋生产全市秋粮收获进度过九成 |  | 4 paragraphs" in changes
    assert "+ article |  |  |  | 2 paragraphs" in changes
    assert len(changes) == 3


def test_the_held_out_generators_are_left_out_unless_named():
    assert set(HELD_OUT) <= set(GENERATORS)
    assert not set(available(training=True)) & set(HELD_OUT)
    assert len(available(training=True)) == len(GENERATORS) - len(HELD_OUT)
    assert available() == list(GENERATORS)
