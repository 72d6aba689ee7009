"""The summary cache: keyed by everything that decides the output, atomic, a miss when unreadable."""

from brief.document import Article, Evidence, Summary
from brief.summarize.cache import SummaryCache, cache_key

ARTICLE = Article(title="城南新建三座口袋公园", paragraphs=["城南区今年新建口袋公园3座，总面积1.2万平方米。"])


def _key(article=ARTICLE, **changes):
    args = dict(backend="llm", model="m@1", prompt="news-zh/summary@3", kind="summary", length=120)
    args.update(changes)
    return cache_key(article, **args)


def test_key_changes_with_every_input_that_changes_the_output():
    base = _key()
    assert _key() == base
    edited = Article(title=ARTICLE.title, paragraphs=["城南区今年新建口袋公园4座。"])
    variants = [_key(edited), _key(backend="seq2seq"), _key(model="m@2"),
                _key(prompt="news-zh/summary@4"), _key(kind="headline"), _key(length=30),
                _key(reads="input 300")]
    assert len({base, *variants}) == len(variants) + 1


def test_an_upgrade_of_brief_is_a_miss(monkeypatch):
    import brief

    before = _key()
    monkeypatch.setattr(brief, "__version__", "99.0")
    assert _key() != before


def test_round_trip_and_miss(tmp_path):
    cache = SummaryCache(tmp_path)
    summary = Summary(text="城南区新建口袋公园3座", method="llm",
                      evidence=[Evidence("城南区新建口袋公园3座", [ARTICLE.paragraphs[0]])],
                      guard={"check": "faithfulness", "problems": ["4座"]})
    assert cache.get(_key()) is None
    cache.put(_key(), summary)
    assert cache.get(_key()) == summary
    assert cache.get(_key(kind="headline")) is None


def test_torn_entry_is_a_miss(tmp_path):
    cache = SummaryCache(tmp_path)
    cache.put(_key(), Summary(text="x", method="llm"))
    (path,) = tmp_path.rglob("*.json")
    path.write_text("{not json", encoding="utf-8")
    assert cache.get(_key()) is None
