"""Chinese text helpers shared by the summarizers, the guard, ranking and translation.

Sentence splitting that respects quotes and decimals, figures (numbers with their units, dates,
ranges) normalized so that ``36.54万`` and ``365400`` compare equal, and the cleaning rules that
take datelines, bylines and attributions off a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

# Full-width digits, letters and signs that Chinese typesetting uses inside figures.
_WIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_WIDTH.update({0xFF21 + i: 0x41 + i for i in range(26)})
_WIDTH.update({0xFF41 + i: 0x61 + i for i in range(26)})
_WIDTH.update({ord("％"): "%", ord("＋"): "+", ord("－"): "-", ord("～"): "~"})


def to_halfwidth(text: str) -> str:
    """Full-width digits, Latin letters and ``％`` to ASCII; a ``．`` between digits to ``.``."""
    text = text.translate(_WIDTH)
    return re.sub(r"(?<=\d)．(?=\d)", ".", text)


# ---------------------------------------------------------------------------------------------
# Sentences

_ENDERS = "。！？!?；;…"
_OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_CLOSERS = "”’」』）)】》"


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences.

    A sentence ends at ``。！？；…`` (plus any closing quotes or brackets after it) and at every line
    break. Inside a quotation the full stops belong to the quote: ``他说：“甲。乙。”`` is one
    sentence, cut after the closing quote. An unbalanced quote on a line is ignored rather than
    swallowing the rest of the text. ASCII ``.`` never splits, so ``1.85%`` stays whole.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            sentences.extend(_split_line(line))
    return sentences


_PLAIN_SENTENCE = re.compile(rf"[^{_ENDERS}]+(?:[{_ENDERS}]+[{_CLOSERS}]*|$)")


_MARKS = re.compile(rf"[{''.join(_OPENERS)}{''.join(_OPENERS.values())}]|[{_ENDERS}]+")


def _split_line(line: str) -> list[str]:
    if not any(o in line for o in _OPENERS):  # no quotes: a regex does it (most lines)
        return [s.strip() for s in _PLAIN_SENTENCE.findall(line) if s.strip() and not _is_punctuation(s)]
    balanced = all(line.count(o) == line.count(c) for o, c in _OPENERS.items())
    out: list[str] = []
    depth = 0
    start = 0
    for mark in _MARKS.finditer(line):
        at, token = mark.start(), mark.group()
        if at < start:  # already taken as a closer of the previous sentence
            continue
        if token in _OPENERS:
            depth += balanced
        elif token in _OPENERS.values():
            if balanced and depth:
                depth -= 1
                # A quote that closes on its own full stop ends the sentence: “……。”
                if depth == 0 and at > start and line[at - 1] in _ENDERS:
                    end = _skip_closers(line, at + 1)
                    out.append(line[start:end])
                    start = end
        elif depth == 0:
            end = _skip_closers(line, mark.end())
            out.append(line[start:end])
            start = end
    if start < len(line):
        out.append(line[start:])
    return _join_speakers([s.strip() for s in out if s.strip() and not _is_punctuation(s)])


# Who spoke, after the quote: “……。”王春花说。 The tag alone says nothing; it belongs to the quote.
_SPEAKER_TAG = re.compile(r"^[^，,。；！？“”]{1,24}(?:说|表示|介绍|称|告诉记者|坦言|感慨道?)[。！]?$")


def _join_speakers(sentences: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].endswith(("”", "」")) and _SPEAKER_TAG.match(sentence):
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


def _skip_closers(line: str, i: int) -> int:
    while i < len(line) and line[i] in _CLOSERS:
        i += 1
    return i


def _is_punctuation(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


_CLAUSE_BREAKS = "，,：:；;。！？!?…"
_LIST_BREAK = "、"


def clauses(sentence: str, *, lists: bool = False) -> list[str]:
    """The sentence cut after each comma, colon or semicolon outside quotes and brackets.

    With ``lists`` it is also cut inside enumerations (after ``、``): finer, for when a clause is
    too long to keep whole.
    """
    breaks = _CLAUSE_BREAKS + (_LIST_BREAK if lists else "")
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(sentence):
        if ch in "“「『‘（(《【":
            depth += 1
        elif ch in "”」』’）)》】" and depth:
            depth -= 1
        elif ch in breaks and depth == 0:
            out.append(sentence[start : i + 1])
            start = i + 1
    if start < len(sentence):
        out.append(sentence[start:])
    return [c for c in out if c.strip()]


def fit(sentence: str, budget: int) -> str:
    """``sentence`` within ``budget`` characters, cut at a clause boundary (never mid-number).

    Keeps as many leading clauses as fit, trying whole clauses before list items (``、``). When that
    keeps less than half the budget, it cuts instead before a function word (的, 在, 和 ...) or a
    quote so that
    a long first clause still says something; a cut never splits a figure, a Latin word, or a
    quoted or bracketed span.
    """
    if len(sentence) <= budget:
        return sentence
    kept = ""
    for lists in (False, True):
        for clause in clauses(sentence, lists=lists):
            if len(kept) + len(clause) > budget:
                break
            kept += clause
        if kept:
            break
    kept = kept.rstrip(_CLAUSE_BREAKS + _LIST_BREAK)
    if len(kept) * 2 >= budget:
        return kept
    soft = _soft_cut(sentence, budget)
    if len(soft) > len(kept):
        return soft
    return kept or _hard_cut(sentence, budget)


def _hard_cut(sentence: str, budget: int) -> str:
    cut = budget
    while cut > 0 and _splits_token(sentence, cut):
        cut -= 1
    return (sentence[:cut] if cut > 0 else sentence[:budget]).rstrip("（(《“「『【")


_FUNCTION_CHARS = "的在和与及并对向将把被从于为是已"


def _soft_cut(sentence: str, budget: int) -> str:
    """The longest prefix within ``budget`` that ends before a function word or an opening quote
    and splits nothing."""
    for cut in range(min(budget, len(sentence) - 1), budget // 2, -1):
        if sentence[cut] in _FUNCTION_CHARS + "《“" and not _splits_token(sentence, cut) and _balanced(sentence[:cut]):
            return sentence[:cut].rstrip(_CLAUSE_BREAKS + _LIST_BREAK)
    return ""


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in (*_OPENERS.items(), ("（", "）"), ("《", "》"), ("(", ")")))


def _splits_token(text: str, cut: int) -> bool:
    """Would cutting before ``text[cut]`` split a figure (``36.54万人``, ``1—8月``) or a Latin word?"""
    before, after = text[cut - 1], text[cut]
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return True
    return (before.isdigit() or before in ".—-~") and (after.isdigit() or after in _UNIT_CHARS + ".%—–-~至到")


# ---------------------------------------------------------------------------------------------
# Cleaning

# `央视网消息（新闻联播）：`, `新华社北京10月17日电（记者 王某）`, `本报太原10月17日讯（记者 郝薇）`
_SOURCE_TAG = re.compile(r"^[^\s，。：:（(]{1,12}消息[（(][^）)]{1,20}[）)][：:]\s*")
_DATELINE = re.compile(
    r"^(?:本报|新华社|中新社|人民网|新华网|央视网|中新网|[^\s，。]{2,6}社)?"
    r"[^\s，。“”（(]{0,12}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电(?![视影力网商话池动站器子脑])|讯)"
    r"(?:\s*[（(][^）)]{0,40}[）)])?\s*"
)
_BYLINE = re.compile(r"^[（(](?:本报)?(?:记者|通讯员|特约)[^）)]{0,40}[）)]\s*")
# Attributions that add nothing to a summary: `记者从……了解到，`, `据介绍，`, `记者了解到，`.
_ATTRIBUTION = re.compile(
    r"^(?:(?:(?:近日|日前|近期|今天|昨天)[，,]?)?(?:本报)?记者(?:近日|日前|今天|昨天|[^\s，。]{0,6}日)?从[^，。]{1,40}?(?:了解到|获悉|得知)[，,：:]?"
    r"|(?:本报)?记者(?:近日|日前|今天|昨天)?(?:了解到|获悉|得知)[，,：:]"
    r"|据(?:了解|介绍|悉|统计|报道)[，,：:]"
    r"|(?:另|此外|同时)[，,]?据(?:了解|介绍|悉)[，,：:])"
)


def strip_source_tag(text: str) -> str:
    """Drop a leading broadcaster tag like ``央视网消息（新闻联播）：``."""
    return _SOURCE_TAG.sub("", text.lstrip(), count=1)


def strip_attribution(sentence: str) -> str:
    """Take the dateline, byline and attribution off the front of a sentence.

    ``本报太原10月17日讯（记者 郝薇）记者从省人社厅了解到，1—8月……`` -> ``1—8月……``.
    """
    previous = None
    sentence = sentence.strip()
    while previous != sentence:
        previous = sentence
        sentence = strip_source_tag(sentence)
        sentence = _DATELINE.sub("", sentence, count=1)
        sentence = _BYLINE.sub("", sentence, count=1)
        sentence = _ATTRIBUTION.sub("", sentence, count=1).lstrip("，,：: ")
    return sentence


# ---------------------------------------------------------------------------------------------
# Figures

# Longest first, so that 亿元 wins over 亿 and 个百分点 over 个.
_UNITS = sorted(
    """% ‰ 个百分点 百分点 元 美元 欧元 港元 人民币 吨 千克 公斤 克 斤 亩 公顷 平方公里 平方千米 平方米
    立方米 公里 千米 米 千瓦时 千瓦 兆瓦 吉瓦 瓦 度 人次 户次 架次 人 名 位 户 家 个 件 项 座 所 辆 台 套 部 架 艘 列
    条 批 次 场 份 篇 倍 岁 周岁 年 个月 月 日 天 小时 分钟 秒 周 届 期 种 类 只 头 株 棵 首 款 本 张 处 间
    栋 层 例 起 宗 块 片 根 箱 桶 票 笔 支 枚 盏 级 分 标箱 班 趟 车次 床 所 门""".split(),
    key=len,
    reverse=True,
)
_UNIT_CHARS = "".join(sorted({u[0] for u in _UNITS} | set("万亿千百")))
# A unit that starts a longer word is not a unit there: 10部门 is ten departments, not 10部.
_NOT_UNIT_AFTER = {"部": "门"}
_UNIT = "|".join(
    re.escape(u) + (f"(?![{_NOT_UNIT_AFTER[u]}])" if u in _NOT_UNIT_AFTER else "") for u in _UNITS
)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MULT = r"万亿|亿|万|千(?![米克瓦])"  # 720千米 is 720 km, not 720 thousand metres
_DASH = r"\s*(?:—{1,2}|–|-|~|至|到)\s*"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_UNITS = "个项件人家名位年天次批座所倍届种类户岁条"

_FIGURE = re.compile(
    # a range: 1—8月, 1月至8月, 2023—2024年, 3-5万元
    rf"(?P<range>(?P<lo>{_NUM})(?P<lomult>{_MULT})?(?P<lounit>{_UNIT})?{_DASH}"
    rf"(?P<hi>{_NUM})(?P<himult>{_MULT})?(?P<hiunit>{_UNIT})?)"
    # a date: 2024年10月17日, 10月17日, 2023年10月, 17日 is left to the number rule
    rf"|(?P<date>(?:(?P<year>\d{{4}})年)?(?P<month>\d{{1,2}})月(?:(?P<day>\d{{1,2}})日)?(?!份额)份?)"
    rf"|(?P<yearonly>(?P<y>(?:1[89]|20)\d{{2}})年(?!代))"
    # a number: 36.54万人, 1.85%, 10714.9亩, 0.7个百分点, 1400多项
    rf"|(?P<num>{_NUM})(?P<mult>{_MULT})?(?:多|余)?(?P<unit>{_UNIT})?"
    # a Chinese numeral with a measure word: 三项, 两万人, 十二个
    rf"|(?P<cn>[{_CN_DIGITS}]+)(?P<cnunit>[{_CN_UNITS}])"
)
# Spellings of the same unit.
_UNIT_ALIASES = {"个百分点": "百分点", "千克": "公斤", "千米": "公里", "平方千米": "平方公里", "周岁": "岁"}
_MULTIPLIER = {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}


@dataclass(frozen=True)
class Figure:
    """A figure as printed (``text``) and normalized: ``36.54万人`` -> value 365400, unit ``人``.

    ``kind`` is ``number``, ``range`` (``high`` set: ``1—8月`` -> 1..8 ``月``) or ``date``
    (``parts`` = (year, month, day), each None when not given).
    """

    text: str
    value: float | None
    unit: str = ""
    kind: str = "number"
    high: float | None = None
    parts: tuple[int | None, int | None, int | None] | None = None
    # Where it was found in the text given to extract_figures: text[start:end] == self.text.
    span: tuple[int, int] | None = field(default=None, compare=False)

    def same_as(self, other: Figure) -> bool:
        """Does ``other`` state this figure? A missing unit on self is allowed (``36.54万`` vs ``36.54万人``)."""
        if self.kind != other.kind:
            return False
        if self.kind == "date":
            return all(a is None or a == b for a, b in zip(self.parts, other.parts))
        if self.unit and self.unit != other.unit:
            return False
        return _equal(self.value, other.value) and _equal(self.high, other.high)


def _equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order: numbers with units, dates, years and ranges.

    Digits glued to Latin letters (``5G``, ``C919``) are codes, not figures. Chinese numerals count
    only before a measure word (``三项``, ``两万人``); ``一`` alone is too often not a number.
    """
    original, text = text, to_halfwidth(text)  # same length: spans map back to the printed form
    figures: list[Figure] = []
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isascii() and text[start - 1].isalpha()) or (
            end < len(text) and text[end].isascii() and text[end].isalpha()
        ):
            continue
        figure = _figure(match)
        if figure is not None:
            figures.append(replace(figure, text=original[start:end], span=(start, end)))
    return figures


def _figure(m: re.Match) -> Figure | None:
    text = m.group(0)
    if m.group("range"):
        hi_unit = m.group("hiunit") or ""
        lo_unit = m.group("lounit") or ""
        if lo_unit and hi_unit and lo_unit != hi_unit:
            return None  # 3年-5月: two figures that happen to touch, not a range
        himult = m.group("himult") or ""
        lomult = m.group("lomult") or himult
        return Figure(
            text,
            _number(m.group("lo")) * _MULTIPLIER[lomult],
            _UNIT_ALIASES.get(hi_unit or lo_unit, hi_unit or lo_unit),
            "range",
            high=_number(m.group("hi")) * _MULTIPLIER[himult],
        )
    if m.group("date"):
        year, month, day = (int(m.group(g)) if m.group(g) else None for g in ("year", "month", "day"))
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return Figure(text, float(month), "月")
        return Figure(text, None, "date", "date", parts=(year, month, day))
    if m.group("yearonly"):
        return Figure(text, None, "date", "date", parts=(int(m.group("y")), None, None))
    if m.group("num"):
        mult = m.group("mult") or ""
        unit = _UNIT_ALIASES.get(m.group("unit") or "", m.group("unit") or "")
        if unit == "日" and not mult and m.group("num").isdigit() and 1 <= int(m.group("num")) <= 31:
            return Figure(text, None, "date", "date", parts=(None, None, int(m.group("num"))))  # 17日
        return Figure(text, _number(m.group("num")) * _MULTIPLIER[mult], unit)
    value = chinese_number(m.group("cn"))
    if value is None or value < 2:
        return None
    return Figure(text, float(value), m.group("cnunit"))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """``十二`` -> 12, ``两万`` -> 20000, ``三百五十`` -> 350; None if ``text`` is not a numeral."""
    total = section = digit = 0
    seen = False
    for ch in text:
        if ch in _CN_VALUE:
            digit = _CN_VALUE[ch]
            seen = True
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
            seen = True
        elif ch in _CN_LARGE:
            total = (total + section + digit) * _CN_LARGE[ch]
            section = digit = 0
            seen = True
        else:
            return None
    return total + section + digit if seen else None


# ---------------------------------------------------------------------------------------------
# Key figures: what an official reads a news item for

# A duration or a clock time says when or how long, not how much: 两年, 三天, 8小时 (unless it is the news).
_DURATION_UNITS = {"年", "个月", "月", "日", "天", "小时", "分钟", "秒", "周"}
# Editions and terms are names (第十二届, 七届), not quantities.
_EDITION_UNITS = {"届", "期"}
_CLOCK = re.compile(r"(?:时|点|时许|点许)(?![期代间段])")
_HOTLINE_WORDS = ("热线", "电话", "拨打", "专线", "服务号", "短号")
# 三个一批, 两个确立, 五个一工程: a count that names a programme, not a quantity.
_NAMED_COUNT = re.compile(r"[一二两三四五六七八九十]+个一")
_QUOTED_NAME = 12  # a figure inside a quotation this short is part of a name (“三个一批”)


def key_figures(text: str) -> list[Figure]:
    """The figures of ``text`` an official reads for, in order, each once: money, percentages and
    changes, people and firms affected, quantities with their units (``1120.1万户次`` whole).

    Not dates or periods (``10月17日``, ``1—8月``), ordinals and editions (``第十二届``), counts that
    are part of a name (``“三个一批”``), bare numbers without a unit (a hotline ``12315``, a code),
    times of day (``0—24时``) or bare durations (``两年``, ``三天``).
    """
    seen: set[str] = set()
    found = []
    halfwidth = to_halfwidth(text)
    for figure in extract_figures(text):
        if figure.text in seen or not is_key_figure(figure, halfwidth):
            continue
        seen.add(figure.text)
        found.append(figure)
    return found


def is_key_figure(figure: Figure, text: str) -> bool:
    """Is ``figure`` (found in ``text``) a quantity worth listing? See :func:`key_figures`."""
    if figure.kind == "date" or figure.span is None:
        return False
    start, end = figure.span
    before, after = text[max(0, start - 6) : start], text[end : end + 3]
    printed = text[start:end]
    has_multiplier = bool(re.search(r"[万亿千]", printed.lstrip("0123456789.,")))
    if not figure.unit and not has_multiplier:
        return False  # 12315, 0—24 (时): a hotline, a code, a clock
    if figure.unit in _EDITION_UNITS or before.endswith("第"):
        return False
    if figure.unit in _DURATION_UNITS:
        return False
    if _CLOCK.match(after) or before.endswith(("时", "点")):
        return False  # 8时, 30分 after 8时
    if any(word in before for word in _HOTLINE_WORDS):
        return False
    if _NAMED_COUNT.match(text, start):
        return False
    return not _in_short_quote(text, start, end)


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a quotation or a book title of at most ``_QUOTED_NAME`` characters?"""
    for opener, closer in (("“", "”"), ("「", "」"), ("《", "》")):
        left = text.rfind(opener, 0, start)
        if left < 0 or closer in text[left + 1 : start]:
            continue
        right = text.find(closer, end)
        if right >= 0 and right - left - 1 <= _QUOTED_NAME:
            return True
    return False

