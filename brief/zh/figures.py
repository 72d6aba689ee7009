"""Figures in Chinese text: numbers with their units, dates and ranges, read one way by every stage.

``36.54万人`` reads as 365400 people wherever it is read: in the summarizers' choice of sentences,
in ranking, in the guard (36.54万 is not 365万) and in the English forms of
:mod:`brief.deliver.numbers_en`, which builds its own pattern (it also captures what the English
needs) from ``NUMBER``, ``MULTIPLIER``, ``POWERS`` and ``DASH`` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from brief.zh.chars import to_halfwidth

# ---------------------------------------------------------------------------------------------
# Figures

# Longest first, so that 亿元 wins over 亿 and 个百分点 over 个.
_UNITS = sorted(
    ["%", "‰", "个百分点", "百分点", "元", "美元", "欧元", "港元", "人民币", "吨", "千克", "公斤", "克", "斤", "亩", "公顷", "平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "米", "千瓦时", "千瓦", "兆瓦", "吉瓦", "瓦", "度", "人次", "户次", "架次", "人", "名", "位", "户", "家", "个", "件", "项", "座", "所", "辆", "台", "套", "部", "架", "艘", "列", "条", "批", "次", "场", "份", "篇", "倍", "岁", "周岁", "年", "个月", "月", "日", "天", "个小时", "小时", "分钟", "秒", "周", "届", "期", "种", "类", "只", "头", "株", "棵", "首", "款", "本", "张", "处", "间", "栋", "层", "例", "起", "宗", "块", "片", "根", "箱", "桶", "票", "笔", "支", "枚", "盏", "级", "分", "标箱", "班", "趟", "车次", "床", "所", "门"],
    key=len,
    reverse=True,
)
UNIT_CHARS = "".join(sorted({u[0] for u in _UNITS} | set("万亿千百")))
# A unit that starts a longer word is not a unit there: 10部门 is ten departments, not 10部.
_NOT_UNIT_AFTER = {"部": "门"}
_UNIT = "|".join(
    re.escape(u) + (f"(?![{_NOT_UNIT_AFTER[u]}])" if u in _NOT_UNIT_AFTER else "") for u in _UNITS
)
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
MULTIPLIER = r"万亿|亿|万|千(?![米克瓦])"  # 720千米 is 720 km, not 720 thousand metres
DASH = r"\s*(?:—{1,2}|[–\-~～至到])\s*"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_UNITS = "个项件人家名位年天次批座所倍届种类户岁条"
# 两个月 is two months, not two of something (个) followed by 月: read with 3个月 as the same figure.
_CN_DURATION = r"个(?P<cnmore>[多半])?(?P<cnspan>月|小时)"

_FIGURE = re.compile(
    # a range: 1—8月, 1月至8月, 2023—2024年, 3-5万元
    rf"(?P<range>(?P<lo>{NUMBER})(?P<lomult>{MULTIPLIER})?(?P<lounit>{_UNIT})?{DASH}"
    rf"(?P<hi>{NUMBER})(?P<himult>{MULTIPLIER})?(?P<hiunit>{_UNIT})?)"
    # a date: 2024年10月17日, 10月17日, 2023年10月, 17日 is left to the number rule
    rf"|(?P<date>(?:(?P<year>\d{{4}})年)?(?P<month>\d{{1,2}})月(?:(?P<day>\d{{1,2}})日)?(?!份额)份?)"
    rf"|(?P<yearonly>(?P<y>(?:1[89]|20)\d{{2}})年(?!代))"
    # a number: 36.54万人, 1.85%, 10714.9亩, 0.7个百分点, 1400多项
    rf"|(?P<num>{NUMBER})(?P<mult>{MULTIPLIER})?(?:多|余)?(?P<unit>{_UNIT})?"
    # a Chinese numeral with a measure word: 三项, 两万人, 十二个; a duration whole: 两个月, 五个小时
    rf"|(?P<cn>[{_CN_DIGITS}]+)(?P<cnunit>{_CN_DURATION}|[{_CN_UNITS}])"
)
# Spellings of the same unit.
_UNIT_ALIASES = {"个百分点": "百分点", "个小时": "小时", "千克": "公斤", "千米": "公里", "平方千米": "平方公里", "周岁": "岁"}
POWERS = {"千": 3, "万": 4, "亿": 8, "万亿": 12}
"""Each multiplier's power of ten."""
_MULTIPLIER = {"": 1.0} | {word: 10.0**power for word, power in POWERS.items()}


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
    if m.group("cnspan"):  # 两个多月 is read as 两个月, as 1400多项 is as 1400项; 两个半月 as 2.5
        half = 0.5 if m.group("cnmore") == "半" else 0.0
        return Figure(text, value + half, "个月" if m.group("cnspan") == "月" else "小时")
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
_DURATION_UNITS = {"年", "个月", "月", "日", "天", "个小时", "小时", "分钟", "秒", "周"}
# What makes ``三个`` a duration where the extraction did not read one (三个星期, 两个钟头).
_DURATION_AFTER_COUNT = re.compile(r"[多余半]?(?:月|小时|钟头|星期|礼拜|工作日)")
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
    if figure.unit in _DURATION_UNITS or (figure.unit == "个" and _DURATION_AFTER_COUNT.match(text, end)):
        return False  # 两年, 3个月, 两个月; 三个星期, whose numeral takes 个 as its unit
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



def quantity_before(units: str) -> re.Pattern[str]:
    """A fast test for a number printed before one of ``units`` (a regex alternation such as
    ``"人次|人|户"``), with 万 or 亿 between: ``36.54万人``, ``81.2%``.

    For features computed on every sentence of every article (ranking, sentence scores). It is
    cheaper than ``key_figures`` and cruder: it takes an ordinal or a name for a count (``第5个``)
    and skips Chinese numerals (``五项``); what is shown or checked is read by ``extract_figures``.
    """
    return re.compile(rf"\d+(?:\.\d+)?(?:万|亿)?(?:{units})")
