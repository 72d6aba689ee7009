"""Prompt files: the retry request that continues a rejected draft's conversation (offline, no model)."""

import pytest

from brief.llm.prompts import RETRY_PROBLEMS, load_prompt

ARTICLE = "标题：汾河新桥通车\n10月17日，太原市汾河上的一座新桥正式通车，全长1.2公里，设计时速60公里。"


def test_the_retry_continues_the_plain_conversation_with_what_failed():
    prompt = load_prompt("news-zh", "summary")
    plain = prompt.messages(ARTICLE, limit=120, key_figures=2, strict=False)
    problems = ["重复标题（新内容仅占0%）", "未保留关键数字（1.2公里、60公里）"]
    retry = prompt.retry_messages(ARTICLE, problems, limit=120, key_figures=2)
    # Everything the first request sent comes first, unchanged: llama.cpp has it evaluated already.
    # The draft is not among the turns (shown it, the model writes it again).
    assert retry[: len(plain)] == plain
    request = retry[-1]
    assert len(retry) == len(plain) + 1 and request["role"] == "user"
    # The request says what failed, in the checks' own words, and the length asked.
    assert "重复标题" in request["content"] and "1.2公里、60公里" in request["content"]
    assert "120" in request["content"]
    # The strict variant's rule (only the article's figures and names) is part of the request.
    assert "原文中出现过的数字" in request["content"]
    # The article is not sent again.
    assert sum(ARTICLE in m["content"] for m in retry) == 1


def test_the_retry_names_each_problem_once_and_at_most_a_few():
    prompt = load_prompt("news-zh", "summary")
    many = [f"数字“{n}万”原文没有" for n in range(10)]
    request = prompt.retry_messages(ARTICLE, many + many[:1], limit=120, key_figures=2)[-1]["content"]
    assert [f"数字“{n}万”" in request for n in range(10)] == [True] * RETRY_PROBLEMS + [False] * (10 - RETRY_PROBLEMS)
    assert request.count("数字“0万”") == 1
    # No problem given (cannot happen in the checks' path, but the request still reads).
    assert "{problems}" not in prompt.retry_messages(ARTICLE, [], limit=120, key_figures=2)[-1]["content"]


def test_a_prompt_without_a_retry_request_has_none():
    headline = load_prompt("news-zh", "headline")
    assert headline.retry_user == ""
    with pytest.raises(ValueError):
        headline.retry_messages(ARTICLE, ["重复标题"], limit=30, key_figures=2)
