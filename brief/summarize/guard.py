"""The faithfulness guard: every figure, period and name in a summary must be found in its source.

Officials read the summary, not the article, so a summary may say less than its source but never
something else. The guard is deliberately literal: a figure is supported only by the same value
and unit (``36.54万`` == ``365400`` but not ``365万``; ``0.15%`` is not ``0.1%``), a period word
(``全年``, ``上半年``) only by itself or by the month range it names, and a person, place or
organisation only when the source names it (or its core: ``太原`` for ``太原市``), and a post
before a person's name (``省长王建军``) only when the source gives that person that post. A phrase
the summary says more often than the source does is reported too: it is how a looping model shows.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from brief.zh import Figure, chinese_number, extract_figures, to_halfwidth


@dataclass
class GuardReport:
    """``ok`` when nothing in the summary lacks support; ``problems`` says what, one short line each."""

    ok: bool
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_summary(summary: str, source: str) -> GuardReport:
    """Check ``summary`` against ``source``; see the module docstring for what counts as support."""
    source = to_halfwidth(source)
    summary = to_halfwidth(summary)
    period_problems, period_spans = _check_periods(summary, source)
    for start, end in period_spans:  # 前8个月 is a period, checked as one, not a figure 8个月
        summary = summary[:start] + " " * (end - start) + summary[end:]
    problems = [f"数字“{f.text}”原文没有" for f in unsupported_figures(summary, source)]
    problems += period_problems
    problems += [f"编号“{code}”原文没有" for code in _unsupported_codes(summary, source)]
    problems += [f"{label}“{name}”原文没有" for label, name in _unsupported_names(summary, source)]
    problems += [f"重复“{phrase}”" for phrase in repeated_phrases(summary)
                 if summary.count(phrase) > source.count(phrase)]
    return GuardReport(ok=not problems, problems=problems)


REPEAT_CHARS = 6
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def repeated_phrases(text: str, size: int = REPEAT_CHARS) -> list[str]:
    """Phrases of ``size`` or more Chinese characters that a summary says twice (a model that
    loops: 取得历史性成就，……取得历史性成就), each as long as it repeats."""
    first: dict[str, int] = {}
    found: list[str] = []
    for run in _HAN_RUN.finditer(text):
        for i in range(run.start(), run.end() - size + 1):
            gram = text[i : i + size]
            if gram not in first:
                first[gram] = i
                continue
            j = first[gram]
            if j + size > i or any(gram in phrase for phrase in found):
                continue  # overlaps itself, or already reported inside a longer repeat
            length = size
            while i + length < run.end() and text[j + length] == text[i + length] and j + length < i:
                length += 1
            found.append(text[i : i + length])
    return found


def unsupported_figures(summary: str, source: str) -> list[Figure]:
    """The figures of ``summary`` that no figure of ``source`` states (numbers, dates, ranges)."""
    known = extract_figures(source)
    return [f for f in extract_figures(summary) if not any(f.same_as(k) for k in known)]


# Period words and the month range each one means.
_PERIODS = {
    "全年": (1, 12), "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
    "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12),
    "第一季度": (1, 3), "第二季度": (4, 6), "第三季度": (7, 9), "第四季度": (10, 12),
}
_PERIOD = re.compile("|".join(sorted(_PERIODS, key=len, reverse=True)) + r"|前([一二三四五六七八九十两]{1,2}|\d{1,2})个?月")


def _check_periods(summary: str, source: str) -> tuple[list[str], list[tuple[int, int]]]:
    """A period the summary names must be in the source, as words or as its month range.

    Returns the problems and the spans of every period word found.
    """

    ranges = {(int(f.value), int(f.high)) for f in extract_figures(source)
              if f.kind == "range" and f.unit == "月"}
    ranges |= {_months(match) for match in _PERIOD.finditer(source)}  # 前两个月 is 前2个月
    problems = []
    spans = []
    for match in _PERIOD.finditer(summary):
        word = match.group(0)
        spans.append(match.span())
        if word in source or _months(match) in ranges:
            continue
        said = "、".join(f"{lo}—{hi}月" for lo, hi in sorted(ranges))
        problems.append(f"时段“{word}”原文没有" + (f"（原文是{said}）" if said else ""))
    return problems, spans


def _months(period: re.Match) -> tuple[int, int]:
    """The month range a period word names: 上半年 (1, 6), 前两个月 (1, 2)."""
    if period.group(1):
        count = period.group(1)
        return (1, int(count) if count.isdigit() else chinese_number(count) or 0)
    return _PERIODS[period.group(0)]


_CODE = re.compile(r"[A-Za-z0-9]*(?:[A-Za-z][0-9]|[0-9][A-Za-z])[A-Za-z0-9]*")


def _unsupported_codes(summary: str, source: str) -> list[str]:
    """Codes that mix letters and digits (``C919``, ``5G``) must appear as written."""
    lowered = source.lower()
    return [code for code in _CODE.findall(summary) if code.lower() not in lowered]


_PERSON_TAGS = ("nr", "nrfg", "nrt")
# jieba tags many plain words as names (公正 nr, 和平 nz), so a person needs a common surname
# (or a transliterated name, nrt), a place jieba made up itself (俄多) a place suffix, and nz
# ("other proper noun": mostly slogans) is not checked at all.
_SURNAMES = set(
    "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_PLACE_SUFFIXES = ("省", "市", "县", "州", "区", "镇", "乡", "村", "旗", "盟")
_ORG_SUFFIXES = tuple(sorted(
    "厅 局 委 署 办 部 院 公司 集团 大学 学院 银行 医院 法院 检察院 委员会 协会 研究所 研究院 中心".split(),
    key=len,
    reverse=True,
))
_SUFFIXES = tuple(sorted(_PLACE_SUFFIXES + _ORG_SUFFIXES, key=len, reverse=True))
# Words that end like a name but refer to no one in particular: 全市, 本省, 各部门, 干部.
_GENERIC_HEAD = tuple("全本该各我此其外多每跨")


def _unsupported_names(summary: str, source: str) -> list[tuple[str, str]]:
    missing = []
    for label, parts in _names(summary):
        name = "".join(parts)
        if _supported(name, source) or (len(parts) > 1 and all(_supported(p, source) for p in parts)):
            if label == "人名":
                missing += [("职务", wrong) for wrong in _wrong_titles(name, summary, source)]
            continue
        missing.append((label, name))
    return missing


# A post written right before a name: 厅长王建军. The source must give that person that post.
_POST = re.compile(
    r"(?:副|常务副)?(?:省长|市长|县长|区长|州长|厅长|局长|部长|司长|处长|书记|总书记|主任|主席|总理|委员长"
    r"|秘书长|院长|校长|董事长|总经理|行长|检察长|首相|总统|外长|大使|发言人)$"
)
# How far from the name the source may state the post (厅长、党组书记王建军; 致电姆本巴，祝贺他就任总统).
_POST_WINDOW = 16


def _states_post(around_name: str, title: str) -> bool:
    """Does the text around a name give this post? 省长 is not 副省长."""
    for at in re.finditer(re.escape(title), around_name):
        if title.startswith("副") or not around_name[: at.start()].endswith("副"):
            return True
    return False


def _wrong_titles(name: str, summary: str, source: str) -> list[str]:
    """``post+name`` for each post the summary gives ``name`` that the source does not.

    A place or organisation written before the post (瑞士总理李强, 国务院总理李强) is part of it: the
    source must write them together before that person too, or the summary has made a Swiss premier.
    """
    wrong = []
    for match in re.finditer(re.escape(name), summary):
        post = _POST.search(summary[max(0, match.start() - 6) : match.start()])
        if post is None:
            continue
        title = post.group(0)
        post_start = match.start() - len(post.group(0))
        qualifier = _qualifier(summary[max(0, post_start - 8) : post_start])
        mentions = list(re.finditer(re.escape(name), source))
        stated = any(
            _states_post(source[max(0, at.start() - _POST_WINDOW) : at.end() + _POST_WINDOW], title)
            for at in mentions
        ) and (not qualifier or any(
            qualifier + title in source[max(0, at.start() - _POST_WINDOW) : at.start()] for at in mentions))
        said = qualifier + title + name
        if not stated and said not in wrong:
            wrong.append(said)
    return wrong


def _qualifier(before_post: str) -> str:
    """The place or organisation that ends right where a post begins (瑞士 in 瑞士总理), or ''."""
    tagged = _tag(before_post)
    if not tagged:
        return ""
    word, flag, known = tagged[-1]
    return word if _name_kind(word, flag, known) in ("地名", "机构") else ""


def _supported(name: str, source: str) -> bool:
    return name in source or any(core in source for core in _cores(name))


def _names(text: str) -> list[tuple[str, list[str]]]:
    """(label, tokens) for each person, place and organisation named in ``text``.

    jieba splits foreign names (布 / 林肯): runs of name tokens with a single character are joined
    into one transliterated name. Runs of places or organisations stay as runs (a run is supported
    when the source has it whole or has each part). A noun of three or more characters ending in a
    place or organisation suffix (大同市, 文旅局) counts even when jieba tags it a plain noun.
    """
    found: list[tuple[str, list[str]]] = []
    previous = None
    for word, flag, known in _join_split_names(_tag(text)):
        label = _name_kind(word, flag, known)
        if label is None or word.startswith(_GENERIC_HEAD):
            previous = None
            continue
        if previous == label and label != "人名" and found:
            found[-1][1].append(word)
        else:
            found.append((label, [word]))
        previous = label
    return [(label, parts) for label, parts in found if len("".join(parts)) >= 2]


def _join_split_names(tagged: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str, bool]] = []
    for word, flag, known in tagged:
        if out and flag in _PERSON_TAGS and out[-1][1] in _PERSON_TAGS and min(len(word), len(out[-1][0])) == 1:
            out[-1] = (out[-1][0] + word, "nrt", False)
        else:
            out.append((word, flag, known))
    return out


def _name_kind(word: str, flag: str, known: bool) -> str | None:
    """人名, 地名, 机构 or None; ``known``: jieba's dictionary has the word (not a guess of its HMM)."""
    if flag in _PERSON_TAGS:
        return "人名" if flag == "nrt" or (2 <= len(word) <= 4 and word[0] in _SURNAMES) else None
    if flag == "ns":
        return "地名" if known or word.endswith(_PLACE_SUFFIXES) else None
    if flag == "nt":
        return "机构"
    if flag.startswith("n") and len(word) >= 3:
        if word.endswith(("省", "市", "县", "州")):
            return "地名"
        if word.endswith(_ORG_SUFFIXES):
            return "机构"
    return None


def _cores(name: str) -> list[str]:
    """Shorter forms a source may use: 太原市 -> 太原."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []


@lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech tagger, loaded once (its dictionary takes about a second)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _tag(text: str) -> list[tuple[str, str, bool]]:
    """(word, part-of-speech, whether jieba's dictionary knows the word) for each token."""
    tagger = _tagger()
    known = tagger.dt.word_tag_tab
    return [(pair.word, pair.flag, pair.word in known) for pair in tagger.cut(text)]
