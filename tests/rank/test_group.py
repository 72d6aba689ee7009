"""Same-story grouping: one event told by two papers in their own words is one story."""

from brief.model import Article
from brief.rank.group import Sketch, group_articles, shingles, similarity_matrix, story_text

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
    sim = similarity_matrix([Sketch.of(story_text(a)) for a in (BRIDGE_A, BRIDGE_B, HARVEST)])
    assert sim[0][1] > 0.35
    assert sim[0][2] < 0.1 and sim[1][2] < 0.1


def test_sketch_round_trips_through_bytes():
    sketch = Sketch.of(story_text(BRIDGE_A))
    again = Sketch.from_bytes(sketch.to_bytes())
    assert again.jaccard(sketch) == 1.0
    assert len(sketch.to_bytes()) == 4 * 64


def test_identical_text_under_another_title_is_one_story():
    copy = Article(title="大桥通车", source="另一报", paragraphs=BRIDGE_A.paragraphs)
    assert len(group_articles([BRIDGE_A, copy])) == 1
