"""Same-story grouping: one event told by two papers in their own words is one story."""

import numpy as np
import pytest

from brief.document import Article
from brief.rank.group import (NUM_PERM, Sketch, group_articles, group_signatures, shingles, signatures,
                              similar_pairs, similarity_to, story_text)

from rank_stories import BRIDGE_A, BRIDGE_B, CENTRAL, CONCERT, HARVEST


def test_shingles_ignore_punctuation_and_spacing():
    assert shingles("大桥，通车") == shingles("大桥 通车") == {"大桥", "通车"}
    assert "桥通车" in shingles("大桥通车")


def test_two_tellings_of_one_event_group_and_the_rest_stay_apart():
    groups = group_articles([BRIDGE_A, HARVEST, BRIDGE_B, CONCERT, CENTRAL])
    titles = sorted(sorted(a.title for a in g) for g in groups)
    assert sorted([BRIDGE_A.title, BRIDGE_B.title]) in titles
    assert len(groups) == 4


def test_similarity_is_high_for_the_same_story_and_low_otherwise():
    a, b, harvest = (Sketch.of(story_text(x)) for x in (BRIDGE_A, BRIDGE_B, HARVEST))
    assert a.jaccard(b) > 0.35
    assert a.jaccard(harvest) < 0.1 and b.jaccard(harvest) < 0.1


def test_sketch_round_trips_through_bytes():
    sketch = Sketch.of(story_text(BRIDGE_A))
    again = Sketch.from_bytes(sketch.to_bytes())
    assert again.jaccard(sketch) == 1.0
    assert len(sketch.to_bytes()) == 4 * 64


def test_identical_text_under_another_title_is_one_story():
    copy = Article(title="大桥通车", source="另一报", paragraphs=BRIDGE_A.paragraphs)
    assert len(group_articles([BRIDGE_A, copy])) == 1


def signatures_agreeing(agreements, seed=0):
    """A base signature and one variant per count in ``agreements``, equal to it on that many positions."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)
    rows = [base]
    for m in agreements:
        row = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)
        same = rng.choice(NUM_PERM, m, replace=False)
        row[same] = base[same]
        rows.append(row)
    return np.stack(rows)


def all_pairs(left, right, threshold, self_join):
    """The n x n reference the band index replaces (fine for a few dozen signatures)."""
    sim = (left[:, None, :] == right[None, :, :]).mean(axis=2)
    return {(i, j) for i, j in zip(*np.nonzero(sim >= threshold)) if not self_join or i < j}


@pytest.mark.parametrize("threshold", [0.05, 0.25, 0.3, 0.5, 0.9, 1.0])
def test_band_index_finds_exactly_the_pairs_at_or_above_the_threshold(threshold):
    needed = round(threshold * NUM_PERM)
    for seed in range(20):  # variants just under, at and over the threshold, placed at random positions
        values = signatures_agreeing([max(needed - 1, 0), needed, min(needed + 1, NUM_PERM), NUM_PERM, 3], seed)
        i, j, sim = similar_pairs(values, threshold=threshold)
        assert set(zip(i.tolist(), j.tolist())) == all_pairs(values, values, threshold, True)
        assert np.array_equal(sim, (values[i] == values[j]).mean(axis=1))
        past = signatures_agreeing([needed, needed - 1, 40], seed + 100)
        i, j, _ = similar_pairs(values, past, threshold=threshold)
        assert set(zip(i.tolist(), j.tolist())) == all_pairs(values, past, threshold, False)


def test_grouping_joins_chains_and_copies_in_first_seen_order():
    values = signatures_agreeing([20, 0, 20])  # 1 and 3 each close to 0, so all three are one story
    values = np.concatenate([values, values[1:2], values[2:3]])  # 4 copies 1, 5 copies 2
    assert group_signatures(values, 0.25) == [[0, 1, 3, 4], [2, 5]]
    assert group_signatures(values, 1.0) == [[0], [1, 4], [2, 5], [3]]
    assert group_signatures(signatures([]), 0.25) == []


def test_similarity_to_is_the_closest_of_the_given_rows():
    values = signatures_agreeing([32, 16, 0])
    assert similarity_to(values, [1]).tolist() == [0.5, 1.0, (values[1] == values[2]).mean(), (values[1] == values[3]).mean()]
    assert similarity_to(values, [0, 1])[2] == 0.25


def test_twenty_thousand_signatures_group_in_memory_linear_in_their_number():
    # The n x n comparison this replaces asked for 23.8 GiB here; an n x n boolean alone is 400 MB.
    import tracemalloc

    rng = np.random.default_rng(1)
    values = rng.integers(0, 2**32, (20_000, NUM_PERM), dtype=np.uint32)
    twins = rng.choice(20_000, 2_000, replace=False)
    values[twins[1::2], :20] = values[twins[::2], :20]  # 1,000 planted pairs at similarity 20/64
    tracemalloc.start()
    groups = group_signatures(values, 0.25)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 * 2**20
    pairs = sorted(sorted(g) for g in groups if len(g) > 1)
    assert pairs == sorted(sorted(p) for p in zip(twins[::2].tolist(), twins[1::2].tolist()))
