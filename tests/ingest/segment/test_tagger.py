import itertools

import pytest

from brief.ingest.segment.features import page_features
from brief.ingest.segment.tagger import TAGS, Lattice, _tagger, _weights, tag

PAGE = """本报讯（记者 赵磊）全市今年新建高
标准农田十二万亩，粮食播种面积稳
定在四百万亩以上。

全市新建高标准农田十二万亩
10月20日，农机手在田间收割玉米。（本报记者 王强 摄）

本报讯（记者 钱悦）今年国庆假期全
市接待游客三百二十万人次，同比增
长百分之十一。

国庆假期全市接待游客三百二十万人次
"""


def test_decoding_with_nothing_fixed_is_the_models_own_tagging():
    _, features = page_features(PAGE)
    assert Lattice(features).best({})[0] == tag(features)


def _score(features, tags):
    labels, rows, state, transitions = _weights()
    at = [labels.index(t) for t in tags]
    total = sum(value * state[rows[name], y] for f, y in zip(features, at) for name, value in f.items() if name in rows)
    return total + sum(transitions[x][y] for x, y in zip(at, at[1:]))


def test_a_fixed_tag_is_kept_and_the_rest_is_the_best_sequence_that_keeps_it():
    _, features = page_features("全市新建高标准农田十二万亩\n\n本报讯（记者 赵磊）全市今年新建高\n标准农田十二万亩。\n")
    best = max(
        (list(tags) for tags in itertools.product(TAGS, repeat=len(features)) if tags[0] == "caption"),
        key=lambda tags: _score(features, tags),
    )
    tags, score = Lattice(features).best({0: "caption"})
    assert tags == best
    assert score == pytest.approx(_score(features, best))


def test_marginals_are_the_models_own_and_a_distribution_on_every_line():
    _, features = page_features(PAGE)
    marginals = Lattice(features).marginals()
    crfsuite = _tagger()
    crfsuite.set(features)
    assert len(marginals) == len(features)
    for i, line in enumerate(marginals):
        assert set(line) == set(TAGS)
        assert sum(line.values()) == pytest.approx(1.0)
        for label, chance in line.items():
            assert chance == pytest.approx(crfsuite.marginal(label, i), abs=1e-6)
    title = tag(features).index("title")
    assert marginals[title]["title"] > 0.5
