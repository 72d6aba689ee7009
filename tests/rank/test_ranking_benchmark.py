"""The benchmark's metrics, checked on orders whose scores are known by hand."""

import math

import pytest

from benchmarks.ranking import COLUMN_TAG, kendall_tau, ndcg_at_5


def test_ndcg_is_one_for_the_editors_order_and_lower_otherwise():
    assert ndcg_at_5(list(range(8)), 8) == pytest.approx(1.0)
    reversed_order = list(range(8))[::-1]
    assert ndcg_at_5(reversed_order, 8) < 0.5
    # Swapping the first two: gains 8 and 7 trade places.
    ideal = sum((8 - i) / math.log2(i + 2) for i in range(5))
    swapped = 7 / math.log2(2) + 8 / math.log2(3) + sum((8 - i) / math.log2(i + 2) for i in range(2, 5))
    assert ndcg_at_5([1, 0, 2, 3, 4, 5, 6, 7], 8) == pytest.approx(swapped / ideal)


def test_kendall_tau_bounds():
    assert kendall_tau([0, 1, 2, 3]) == 1.0
    assert kendall_tau([3, 2, 1, 0]) == -1.0
    assert kendall_tau([1, 0, 2, 3]) == pytest.approx(4 / 6)


def test_column_tags_are_not_features():
    assert COLUMN_TAG.sub("", "【新思想引领新征程】稻谷丰收") == "稻谷丰收"
    assert COLUMN_TAG.sub("", "[视频]稻谷丰收") == "稻谷丰收"
    assert COLUMN_TAG.sub("", "稻谷丰收【图】") == "稻谷丰收【图】"
