"""Chinese figures in English form, and placeholders that carry them through a translation model.

Translation models get Chinese magnitudes wrong (36.54万 becomes 36,540, 5887.6亿元 "5887.6
billion") and even reformat plain counts (11142 -> 111,420). So each figure is found here, written
out in English by rule (36.54万人 -> 365,400 people), replaced by a placeholder ``[[N1]]`` that the
model only has to copy, and put back afterwards; :func:`check` then tells whether the English kept
every figure and invented none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from brief.zh.figures import DASH, MULTIPLIER, NUMBER, POWERS

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

MAGNITUDES = {word: Decimal(10) ** power for word, power in POWERS.items()}

# Chinese unit -> (singular, plural) in English. Measure words with no English unit of their own
# (个, 家, 项 ...) keep only the number: the noun after them is translated with the sentence.
UNITS = {
    "人次": ("person-time", "person-times"),
    "人": ("person", "people"),
    "美元": ("US dollar", "US dollars"),
    "元": ("yuan", "yuan"),
    "吨": ("tonne", "tonnes"),
    "平方公里": ("square kilometre", "square kilometres"),
    "平方米": ("square metre", "square metres"),
    "立方米": ("cubic metre", "cubic metres"),
    "公里": ("kilometre", "kilometres"),
    "千米": ("kilometre", "kilometres"),
    "公顷": ("hectare", "hectares"),
    "亩": ("mu", "mu"),
    "千瓦时": ("kWh", "kWh"),
    "千瓦": ("kW", "kW"),
    "户": ("household", "households"),
    "辆": ("vehicle", "vehicles"),
    "倍": ("time", "times"),
    "个百分点": ("percentage point", "percentage points"),
}
COUNTERS = "个家项所座件台次名位条批场种只头套"

_UNIT_ALTS = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))

# One pattern, alternatives tried in order: ranges and dates before plain numbers. Numbers, ranges
# and multipliers are read as brief.zh.figures reads them; the groups are the ones English needs.
FIGURE = re.compile(
    rf"(?P<mrange>(?P<m1>\d{{1,2}}){DASH}(?P<m2>\d{{1,2}})月份?)"
    rf"|(?P<date>(?:(?P<dy>(?:19|20)\d{{2}})年)?(?P<dm>\d{{1,2}})月(?P<dd>\d{{1,2}})日)"
    rf"|(?P<ym>(?P<yy>(?:19|20)\d{{2}})年(?P<ymm>\d{{1,2}})月份?)"
    rf"|(?P<year>(?P<yv>(?:19|20)\d{{2}})年)"
    rf"|(?P<month>(?P<mv>\d{{1,2}})月份?)"
    rf"|(?P<pct>(?P<pv>{NUMBER})[%％])"
    rf"|(?P<qty>(?P<qv>{NUMBER})(?P<mag>{MULTIPLIER})?(?P<more>多|余)?"
    rf"(?P<unit>{_UNIT_ALTS})?(?P<counter>[{COUNTERS}])?)"
)
PLACEHOLDER = re.compile(r"\[\[\s*N\s*(\d+)\s*\]\]")
_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True)
class Figure:
    """A figure as printed (``36.54万人``) and as it must read in English (``365,400 people``)."""

    source: str
    english: str


def _plain(value: Decimal) -> str:
    """Drop trailing zeros without scientific notation: 588.7600 -> 588.76, 5E+1 -> 50."""
    return format(value.normalize(), "f")


def format_quantity(value: Decimal) -> str:
    """Absolute quantity in English: 365400 -> 365,400; 5777400 -> 5.7774 million."""
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    whole, _, frac = _plain(value).partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{frac}" if frac else grouped


def _month(number: str) -> str | None:
    index = int(number)
    return MONTHS[index - 1] if 1 <= index <= 12 else None


def to_english(match: re.Match) -> str | None:
    """The English form of one :data:`FIGURE` match; None when it is not a real figure (13月)."""
    kind = match.lastgroup
    if kind == "mrange":
        first, last = _month(match["m1"]), _month(match["m2"])
        return f"{first}-{last}" if first and last else None
    if kind == "date":
        month = _month(match["dm"])
        if not month or not 1 <= int(match["dd"]) <= 31:
            return None
        day = f"{month} {int(match['dd'])}"
        return f"{day}, {match['dy']}" if match["dy"] else day
    if kind == "ym":
        month = _month(match["ymm"])
        return f"{month} {match['yy']}" if month else None
    if kind == "year":
        return match["yv"]
    if kind == "month":
        return _month(match["mv"])
    if kind == "pct":
        return f"{match['pv']}%"
    raw = match["qv"].replace(",", "")
    value = Decimal(raw)
    if match["mag"]:
        value *= MAGNITUDES[match["mag"]]
        number = format_quantity(value)
    elif "." not in raw and not (match["unit"] or match["counter"] or match["more"]):
        # A bare integer counts nothing: a year (2024), a hotline or code (12315机构). Keep it as
        # printed; 12,315 would misstate it. Counts carry a unit or measure word (11142件 -> 11,142).
        number = raw
    else:
        number = format_quantity(value)
    if match["more"]:  # 1400多项, 2万余人
        number = f"more than {number}"
    unit = match["unit"]
    if not unit:
        return number
    singular, plural = UNITS[unit]
    return f"{number} {singular if value == 1 and not match['more'] else plural}"


def find_figures(text: str) -> list[tuple[re.Match, str]]:
    """Every figure in ``text`` with its English form, in order of appearance."""
    found = []
    for match in FIGURE.finditer(text):
        english = to_english(match)
        if english is not None:
            found.append((match, english))
    return found


@dataclass
class Protected:
    """Text with its figures replaced by ``[[N1]]``, ``[[N2]]``... and the figures they stand for.

    ``codes``: the figures left in the text as they are, because their English is their own digits
    (a hotline, 12315; a year, 2018年; a small count, 10部门): the model copies them, and
    :meth:`check` wants each one back, digit for digit. ``dates``: dates and months written in
    English where they stand (10月17日 -> October 17): :meth:`check` wants each English form back."""

    text: str
    figures: list[Figure]
    codes: list[Figure] = field(default_factory=list)
    dates: list[Figure] = field(default_factory=list)

    @property
    def loose_numbers(self) -> set[str]:
        """Digits left unprotected in the source (not figures, e.g. 第3届): the model may copy them."""
        return set(_DIGIT_RUN.findall(PLACEHOLDER.sub("", self.text)))

    def restore(self, translated: str) -> str:
        """Put the English figures back where the model copied the placeholders.

        A model told what a placeholder stands for often writes part of it again around it
        (``[[N4]] billion yuan``, ``October [[N1]]`` for 588.76 billion yuan, October 17): words
        of the figure repeated right after or before it are dropped.
        """
        out, last = [], 0
        for match in PLACEHOLDER.finditer(translated):
            index = int(match.group(1)) - 1
            before = translated[last:match.start()]
            if not 0 <= index < len(self.figures):
                out += [before, match.group(0)]
                last = match.end()
                continue
            english = self.figures[index].english
            words = english.split()
            for size in range(len(words), 0, -1):  # October [[N1]] -> October 17: drop "October"
                head = " ".join(words[:size])
                if not any(ch.isdigit() for ch in head) and re.search(rf"\b{re.escape(head)}\s*$", before, re.I):
                    before = re.sub(rf"\b{re.escape(head)}\s*$", "", before, flags=re.I)
                    break
            after_start = match.end()
            rest = translated[after_start:]
            for size in range(len(words), 0, -1):  # [[N4]] billion yuan -> drop "billion yuan"
                tail = " ".join(words[-size:]).lstrip("0123456789.,")
                if tail and not tail[0].isdigit():
                    found = re.match(rf"\s*{re.escape(tail.strip())}(?![A-Za-z])", rest, re.I)
                    if found:
                        after_start += found.end()
                        break
            out += [before, english]
            last = after_start
        out.append(translated[last:])
        return "".join(out)

    def check(self, translated: str) -> list[str]:
        """Problems with a raw model output (before :meth:`restore`); empty means figures are right.

        Every placeholder must come back, none may be unknown, and the model may write no digit of
        its own: a number outside a placeholder is one it made up or rewrote. A figure whose English
        is words only may be written out instead of its placeholder (:func:`written_out`).
        """
        problems = []
        seen = {int(m.group(1)) for m in PLACEHOLDER.finditer(translated)}
        for index, figure in enumerate(self.figures, start=1):
            if index not in seen and not written_out(figure.english, translated):
                problems.append(f"missing {figure.source} ({figure.english})")
        for index in sorted(seen - set(range(1, len(self.figures) + 1))):
            problems.append(f"unknown placeholder [[N{index}]]")
        for code in self.codes:
            if not code_written(code.english, translated):
                problems.append(f"missing {code.source} ({code.english})")
        for date in self.dates:
            if not date_written(date.english, translated):
                problems.append(f"missing {date.source} ({date.english})")
        stray = set(_DIGIT_RUN.findall(PLACEHOLDER.sub(" ", translated))) - self.loose_numbers
        if stray:
            problems.append("number not in the source: " + ", ".join(sorted(stray)))
        return problems


# English style spells out a count under ten (7次: "seven rounds"): the same figure as its digit.
SMALL_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")


def code_written(code: str, translated: str) -> bool:
    """``code`` (12315, 2018, 7) in ``translated`` digit for digit, outside any marker; a count from
    2 to 9 also spelled out as a word."""
    plain = PLACEHOLDER.sub(" ", translated)
    if code in _DIGIT_RUN.findall(plain):
        return True
    return code in tuple("23456789") and re.search(
        rf"(?<![A-Za-z-]){SMALL_COUNTS[int(code) - 2]}(?![A-Za-z-])", plain, re.I) is not None


def written_out(english: str, translated: str) -> bool:
    """A figure whose English is words only (September, January-August) written out in
    ``translated`` instead of its marker: told ``[[N2]] = September``, a model writes "in
    September", and that is the figure."""
    return not re.search(r"\d", english) and re.search(
        rf"(?<![A-Za-z]){re.escape(english)}(?![A-Za-z])", PLACEHOLDER.sub(" ", translated)) is not None


def date_written(english: str, translated: str) -> bool:
    """``english`` (October 17, January-August) in ``translated`` as a whole, a range also with
    "to" or an en dash."""
    forms = [english] + ([english.replace("-", " to "), english.replace("-", "\u2013")] if "-" in english else [])
    return any(re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", translated, re.I) for form in forms)


# Figures that are dates or months: their English is written where they stand.
DATE_KINDS = ("date", "ym", "month", "mrange")


def verbatim(english: str) -> bool:
    """A figure whose English is its own digits as printed (12315, 2018, 37): no marker needed."""
    return _DIGIT_RUN.fullmatch(english) is not None


def protect(text: str, *, codes: bool = True, dates: bool = True) -> Protected:
    """Replace each figure by a numbered placeholder; the same figure twice gets one number.

    ``codes``: leave a figure whose English is its own digits (:func:`verbatim`: 12315机构,
    2018年, 10部门) in the text as it is, for the model to copy. Told ``[[N3]] = 12315`` a small
    model reads the marker as a quantity ("12315 complaints") or leaves it out with the name
    around it; the digits themselves it copies. The check still wants every one of them back.

    ``dates``: write a date or month in English where it stands (10月17日 -> October 17, 1—8月 ->
    January-August). Given ``[[N1]]`` = October 17, a small model writes "On October" itself and
    then neither the marker nor the day; English words in the text it copies as they are. The
    check wants each date back whole."""
    figures: list[Figure] = []
    kept: list[Figure] = []
    in_place: list[Figure] = []
    numbers: dict[str, int] = {}
    parts: list[str] = []
    last = 0
    for match, english in find_figures(text):
        source = match.group(0)
        if dates and match.lastgroup in DATE_KINDS:
            if all(date.english != english for date in in_place):
                in_place.append(Figure(source, english))
            parts += [text[last:match.start()], f" {english} "]
            last = match.end()
            continue
        if codes and verbatim(english):
            if all(code.english != english for code in kept):
                kept.append(Figure(source, english))
            continue
        if source not in numbers:
            figures.append(Figure(source, english))
            numbers[source] = len(figures)
        parts.append(text[last:match.start()])
        parts.append(f"[[N{numbers[source]}]]")
        last = match.end()
    parts.append(text[last:])
    spaced = re.sub(r" *([，。；：、！？（）“”]) *", r"\1", re.sub(r" +", " ", "".join(parts)))
    return Protected(spaced.strip(), figures, kept, in_place)
