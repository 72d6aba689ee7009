"""The day overview (今日要闻综述): two or three sentences on top of the brief.

The model writes it from the top items' titles and (already guarded) summaries; the faithfulness
guard then checks every figure, period and name in it against those items' full sources, and an
overview that fails, or that no model can write, is made extractively instead: the top titles with
the lead item's key summary sentence, and the day's themes (keywords of the top items) only when
``[overview] themes`` asks for them.
``Overview.method`` and ``Overview.fallback`` say which one the reader got and why.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Sequence

from brief.errors import ModelError
from brief.document import Article, BriefItem, Overview, Summary

log = logging.getLogger("brief.summarize.overview")

MODEL = "model"  # Overview.method
EXTRACTIVE = "extractive"
# Words that say how news is made, not what it is about: never a theme.
_NOT_THEMES = set(
    "发展 工作 活动 情况 全省 全市 全国 我省 我市 我国 国家 新闻 发布会 新闻发布会 新闻办 省政府 记者 会议 "
    "着力 高质量 总体 交流会 社会 行业 服务 标准 地区 部门 有关 负责人 重要 主题 目标 成员 代表 中方 领导人 "
    "通报 快讯 联播 新闻联播 全球 单位 方面 时间 消息 系列 全方位 效能 举措 作用 同比 环比 总量 讲话 精神 "
    "意见 通知 措施 政策 问题 水平 能力 体系 领域 成效 成果 经验 实际 一线".split()
    # who wrote it, and the words every commentary ends on (谱写……新篇章)
    + "评论员 评论员文章 社论 快评 评论 篇章 新篇章 华章 新局面".split()
    # who met whom, and how: a post or a delegation is no theme of the day (总统、第一书记)
    + "代表团 新任 时任 国事访问 正式访问 通电话 贺电 贺信 回信 重要讲话 重要指示 会见 会谈 出席 致辞 "
    "研究部署 部署 调研 考察 视察 召开 举行 主持 在京举行".split()
)
# A post (省长, 第一书记, 总统) or a meeting's kind (常务会议, 座谈会) says who met, not what about.
_WHO_MET = re.compile(r"(?:长|书记|主席|总统|总理|总督|首相|国王|大使|会议|座谈会|闭幕会|开幕会|全会|大会)$")
_COLUMN_TAG = re.compile(r"^(?:【[^】]*】)+")  # 【领航中国】 before a broadcast title


def plain_title(title: str) -> str:
    """A title without its programme column tag: 【领航中国】共护一江水 -> 共护一江水."""
    return _COLUMN_TAG.sub("", title).strip() or title


def themes(items: Sequence[BriefItem], count: int) -> list[str]:
    """The day's themes: the top keyword (jieba's TF-IDF, nouns) of each item in rank order,
    its title counted twice, skipping process words and a theme already named."""
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    chosen: list[str] = []
    for item in items if count > 0 else ():
        summary = item.summary.text if item.summary else ""
        title = plain_title(item.title_line)
        for word in jieba.analyse.extract_tags(f"{title}。{title}。{summary}", topK=8,
                                               allowPOS=("n", "vn", "nz")):
            if (len(word) < 2 or word in _NOT_THEMES or _WHO_MET.search(word)
                    or any(word in c or c in word for c in chosen)):
                continue
            chosen.append(word)
            break
        if len(chosen) == count:
            break
    return chosen


def extractive_overview(items: Sequence[BriefItem], named: Sequence[str], *, max_chars: int) -> str:
    """Themes, then the lead item's title and its summary's key sentence, then the next titles:
    every word of it is in the brief already, so it needs no model and states nothing new."""
    from brief.zh import fit

    if not items:
        return ""
    parts = []
    if named:
        parts.append(f"今日要闻聚焦{'、'.join(named)}等方面。")
    lead = items[0]
    fact = key_sentence(lead.summary.text if lead.summary else "")
    title = plain_title(lead.title_line)
    budget = max(max_chars - sum(map(len, parts)) - len(title) - 1, 20)
    parts.append(f"{title}：{fit(fact, budget).rstrip('，。；、')}。" if fact else f"{title}。")
    others = [plain_title(item.title_line) for item in items[1:3]]
    if others:
        closing = f"此外，{'；'.join(others)}。"
        if sum(map(len, parts)) + len(closing) <= max_chars:
            parts.append(closing)
    return "".join(parts)


def key_sentence(summary: str) -> str:
    """The summary's sentence with the most figures other than dates (what was decided or achieved,
    not that a meeting was held); the first one on a tie."""
    from brief.zh import extract_figures, split_sentences

    sentences = split_sentences(summary)
    if not sentences:
        return ""
    return max(sentences, key=lambda s: sum(f.kind != "date" for f in extract_figures(s)))


def model_input(items: Sequence[BriefItem]) -> str:
    """What the model reads: each top item's title and summary, numbered in rank order."""
    lines = []
    for number, item in enumerate(items, start=1):
        summary = item.summary.text if item.summary else ""
        lines.append(f"{number}. 标题：{plain_title(item.title_line)}\n摘要：{summary}")
    return "\n".join(lines)


def sources(items: Sequence[BriefItem]) -> str:
    """What the guard checks the overview against: the whole of every article it rests on."""
    return "\n".join(f"{item.article.title}\n{item.article.body}" for item in items)


def check_overview(text: str, items: Sequence[BriefItem], max_chars: int) -> list[str]:
    """The problems of a model's overview (empty: it may be shown)."""
    from brief.summarize.abstractive import guard_problems

    if not re.search(r"[\u4e00-\u9fff]", text):
        return ["not Chinese" if text.strip() else "empty output"]
    problems = guard_problems(text, sources(items))
    if len(text) > max_chars:
        problems.append(f"longer than {max_chars} characters")
    return problems


def model_overview(items: Sequence[BriefItem], summarizer: Any, settings: dict[str, Any]) -> str:
    """The overview as the model writes it (cleaned and cut at a sentence), before any check.

    Cached like a summary: keyed by what the model reads, the model, the prompt and the length.
    """
    from brief.summarize.abstractive import clean_output, end_sentence, fit_length
    from brief.summarize.cache import SummaryCache, cache_key
    from brief.llm.prompts import load_prompt

    limit = settings["max_chars"]
    text = model_input(items)
    prompt = load_prompt(summarizer.prompt_set, "overview")
    cache = SummaryCache.from_config(summarizer.config) if summarizer.config["summarize"]["cache"] else None
    key = cache_key(Article(title="今日要闻综述", paragraphs=[text]), backend="overview",
                    model=summarizer.model_id, prompt=f"{prompt.name}@{prompt.version}", kind="overview",
                    length=limit)
    hit = cache.get(key) if cache else None
    if hit is not None:
        return hit.text
    messages = prompt.messages(text, limit=limit, key_figures=0, strict=False)
    raw, truncated = summarizer.chat([messages], limit + 40, prompt=f"{prompt.name}@{prompt.version}|{limit}")[0]
    made = end_sentence(fit_length(clean_output(raw, "summary"), limit, truncated=truncated))
    if cache:
        cache.put(key, Summary(text=made, method="overview"))
    return made


def make_overview(items: Sequence[BriefItem], config: dict[str, Any], summarizer: Any = None,
                  why_no_model: str | None = None) -> Overview | None:
    """The brief's overview, or None when ``[overview] enabled`` is off or there are no items.

    ``summarizer``: the backend that wrote the top summaries; an ``llm`` one writes the overview
    too. ``why_no_model``: what to say when there is none.
    """
    settings = config["overview"]
    if not settings["enabled"] or not items:
        return None
    top = list(items[: settings["items"]])
    ranks = [item.rank for item in top]
    max_chars = settings["max_chars"]
    count = settings["themes"]
    fallback = why_no_model or "the summaries were made without a language model"
    rejected, problems = None, []
    named = themes(top, count)
    if summarizer is not None and getattr(summarizer, "name", "") == "llm":
        try:
            text = model_overview(top, summarizer, settings)
            problems = check_overview(text, top, max_chars)
            if not problems:
                return Overview(text, MODEL, named, ranks)
            rejected = text
            fallback = "the model's overview failed the checks: " + "；".join(problems)
        except ModelError as exc:
            fallback = f"the model could not write it: {exc}"
        log.info("overview made extractively: %s", fallback)
    text = extractive_overview(top, named, max_chars=max_chars)
    return Overview(text, EXTRACTIVE, named, ranks, fallback=fallback, rejected=rejected, problems=problems)
