"""What the line tagger sees of each line: its own shape and patterns, the rules' judgement of it,
and the same of its neighbours.

Every feature is a fact that holds on any page (widths against the column, sentence and clause
marks, dateline and byline patterns, also across a line break), never a string of a particular page.
"""

from __future__ import annotations

import re

from brief.zh import clean_inline, ends_sentence, unbalanced
from brief.zh.chars import unmarked
from brief.zh.layout import PAGE_FURNITURE
from brief.zh.words import breaks_word
from brief.zh.bylines import (
    BYLINE_LINE, CITY_PAPER, DATELINE_LINE, DATELINE_REPORTERS, NAMES, PAGE_OUTLETS, PHOTO_CREDIT, RANK, signs_off,
)
from brief.ingest.segment import rules
from brief.ingest.segment.rules import _LETTER_GAP, _phrase_spaced, _text_width

_DATELINE_START = re.compile(rf"^(?:{PAGE_OUTLETS})")
_DATELINE_MARK = re.compile(r"(?:日|报|社)\s*(?:讯|电)")
_DATELINE_TAIL = re.compile(rf"^[\s\d]*(?:月|日|讯|电)|^[（(]\s*(?:{RANK}|记|者|融|全媒)|^者\s")
_NAMES_ONLY = re.compile(rf"^{NAMES}[）)]?$")
_LEARNED = re.compile(r"记者\s*\d+\s*日从")
_CLASSES = (
    ("。", "stop"), ("！？", "stop"), ("，", "comma"), ("、", "comma"), ("：", "colon"), ("；", "semi"),
    ("”’」』", "quote"), ("“‘「『", "open"), ("）)", "close"), ("（(", "open"), ("《", "open"), ("》", "close"),
    ("—", "dash"), ("…", "stop"),
)


def _char_class(ch: str) -> str:
    for chars, name in _CLASSES:
        if ch in chars:
            return name
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    return "other"


def _bucket(delta: float) -> str:
    """A line's width against its column: far short, indented, full, or wider."""
    if delta < -6:
        return "short"
    if delta < -3.5:
        return "part"
    if delta < -1:
        return "indent"
    if delta <= 1.5:
        return "full"
    return "wide"


def page_features(text: str) -> tuple[list[rules._Line], list[dict[str, float]]]:
    """The page's lines (as the rules read them) and one feature dict per line."""
    lines, tags, heads_first = rules.read_page(text)
    sizes: dict[int, int] = {}
    for line in lines:
        sizes[line.block] = sizes.get(line.block, 0) + 1
    spans = _spans(lines)
    shared = _shared_words(lines, tags)
    cohesion = _cohesion(lines)
    own = [_own(lines, tags, i, sizes) + spans[i] + shared[i] + cohesion[i] for i in range(len(lines))]
    # Worked out once per line and per pair of lines: each line reads them for its neighbours too.
    far = [[n for n in names if n.split("=")[0] in _FAR] for names in own]
    pairs = [_pair(lines[k], lines[k + 1]) for k in range(len(lines) - 1)]
    shares = [_shared_of(names) for names in own]
    features = []
    for i in range(len(lines)):
        f = {f"0{name}": 1.0 for name in own[i]}
        f["heads_first"] = float(heads_first)
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < len(lines):
                f.update({f"{d}{name}": 1.0 for name in (own[j] if abs(d) <= 2 else far[j])})
                if abs(d) == 1:
                    f.update({f"{d}{name}": 1.0 for name in pairs[min(i, j)]})
            else:
                f[f"{d}none"] = 1.0
        # A kicker or series label shares little with the story while the title next to it
        # restates the lead: the contrast, not either line alone, tells them apart.
        for d in (-1, 1):
            if 0 <= i + d < len(lines):
                f[f"shared{d}={shares[i]}/{shares[i + d]}"] = 1.0
        # Conjunctions the linear model cannot form itself: this line's shape against its neighbours'.
        for d in (-1, 1):
            other = tags[i + d] if 0 <= i + d < len(lines) else "none"
            f[f"rules{d}={tags[i]}|{other}"] = 1.0
        features.append(f)
    return lines, features


def rules_reading(features: list[dict[str, float]]) -> tuple[list[str], bool]:
    """What the hand-written rules made of the page, as its features carry it: each line's tag, and
    whether the page prints its headlines before their bodies."""
    judged = [next((name[len("0rule="):] for name in f if name.startswith("0rule=")), "") for f in features]
    return judged, bool(features) and features[0].get("heads_first") == 1.0


# Characters a heading or a sentence does not end on (particles, prepositions, conjunctions) or
# begin with: a line that ends or begins on one was broken by its column, not by its editor.
_OPEN_ENDS = set("的了在和与是对为将把被从向于及等也都而并或且就所着其之以由给比按同")
_OPEN_STARTS = set("的了着过们地得之及与和或并等")

_FAR = {"rule", "es", "wf", "wb", "blank", "role", "end", "block", "in_dl", "dl_at", "shared_up", "shared_down"}


def _shared_of(names: list[str]) -> str:
    """A line's ``shared_*`` features as one value (``none`` for running text)."""
    return "|".join(n for n in names if n.startswith("shared_")) or "none"


def _cjk_pairs(text: str) -> set[str]:
    text = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    return {text[n : n + 2] for n in range(len(text) - 1)}


def _shared_words(lines: list[rules._Line], tags: list[str]) -> list[list[str]]:
    """How much of a line that the rules did not read as running text recurs in the opening of
    the story above and of the story below it: a headline restates its story's lead."""
    runs: list[tuple[int, int]] = []
    for i, t in enumerate(tags):
        if t in ("body", "subhead"):
            # A dateline opens another story, also where the rules ran two bodies together.
            opens = (reach := dateline_reach(lines, i)) is not None and reach[0] == "dl"
            if runs and runs[-1][1] == i - 1 and not opens:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
    openings = [_cjk_pairs("".join(lines[k].raw for k in range(a, b + 1))[:200]) for a, b in runs]
    out: list[list[str]] = [[] for _ in lines]
    r = 0
    for i, t in enumerate(tags):
        while r < len(runs) and runs[r][1] < i:
            r += 1
        if t in ("body", "subhead"):
            continue
        words = _cjk_pairs(lines[i].raw)
        if len(words) < 2:
            continue
        for name, k in (("up", r - 1), ("down", r)):
            if 0 <= k < len(runs):
                share = len(words & openings[k]) / len(words)
                out[i].append(f"shared_{name}={'most' if share >= 0.6 else 'some' if share >= 0.25 else 'little'}")
    return out


# How much of the running text above a line recurs next to it: enough letters to hold a few words, a
# handful of shares apart (one story's lines share about one pair in ten across a break, two
# stories' about none).
_COHESION_WINDOW = 60
_COHESION_MIN = 20


def _cohesion_bucket(above: str, pairs: set[str], other: str) -> str:
    """How many of ``above``'s character pairs (``pairs``) recur in ``other``."""
    if len(above) < _COHESION_MIN or len(other) < _COHESION_MIN:
        return "short"
    share = len(pairs & _cjk_pairs(other)) / len(pairs)
    return "none" if share == 0 else "low" if share < 0.05 else "some" if share < 0.12 else "high"


def _cohesion(lines: list[rules._Line]) -> list[list[str]]:
    """Whether the Chinese text right above a line shares words with the text right below it
    (``coh_across``) and with the text from the line on (``coh_gap``): one story's sentences go on
    with the same words across a subhead or a column break, a new story's do not. A title between
    two stories shares nothing with either side; a subhead or a wrapped clause inside one story does."""
    letters = ["".join(ch for ch in line.raw if "\u4e00" <= ch <= "\u9fff") for line in lines]
    text = "".join(letters)
    starts = []
    at = 0
    for part in letters:
        starts.append(at)
        at += len(part)
    out = []
    for i, part in enumerate(letters):
        begin, end = starts[i], starts[i] + len(part)
        above = text[max(0, begin - _COHESION_WINDOW) : begin]
        pairs = _cjk_pairs(above)
        across = _cohesion_bucket(above, pairs, text[end : end + _COHESION_WINDOW])
        out.append([f"coh_across={across}", f"coh_gap={_cohesion_bucket(above, pairs, text[begin : begin + _COHESION_WINDOW])}"])
    return out


def closed_up(raw: str) -> str:
    """A line justified letter by letter (``本 报 唐 山 5 月 19 日 讯``) closed up, to be matched
    as a dateline is; any other line as printed (a byline's ``本报记者 孙芬`` keeps its space)."""
    return clean_inline(raw) if len(_LETTER_GAP.findall(raw)) >= 3 else raw


def dateline_reach(lines: list[rules._Line], j: int, justified: bool = False) -> tuple[str, int, int] | None:
    """A dateline (``dl``) or its bracketed reporters (``rp``) that starts at line j, read across up
    to three lines: its kind, the last line it reaches into, and where in that line it ends
    (characters past the line's end are 0: it ends with the line). ``justified``: a line spaced out
    letter by letter (``本 报 唐 山 5 月 19 日 讯``) is read closed up, and a brief's list mark before
    it left out, as the assembly does; the tagger's features do not (its model was trained without it)."""
    parts = [closed_up(lines[k].raw) if justified else lines[k].raw for k in range(j, min(j + 3, len(lines)))]
    if justified:  # a brief's list mark (``●本报讯``)
        parts[0] = unmarked(parts[0])
    if parts[0][:2] not in ("本报", "新华", "中新", "人民", "央视") and not parts[0].startswith(("（", "(")) and not (
        justified and CITY_PAPER.match(parts[0])  # (the tagger's features were trained without it)
    ):
        return None
    joined = "".join(parts)
    match = DATELINE_LINE.match(joined) or DATELINE_REPORTERS.match(joined)
    if not match:
        return None
    at = 0
    for k, part in enumerate(parts):
        if at + len(part) >= match.end():
            return ("dl" if joined[0] not in "（(" else "rp"), j + k, at + len(part) - match.end()
        at += len(part)
    return None


def _spans(lines: list[rules._Line]) -> list[list[str]]:
    """Where a dateline or a byline read across up to three lines starts and what it covers: a
    dateline broken anywhere (``本报吕梁 10 月 23`` / ``日讯（记者…``) is one on every line it touches."""
    out: list[list[str]] = [[] for _ in lines]
    for j in range(len(lines)):
        reach = dateline_reach(lines, j)
        if reach is None:
            continue
        name, last, past = reach
        for k in range(j, last + 1):
            out[k].append(f"in_{name}={'start' if k == j else 'inside'}")
        out[last].append(f"{name}_at={'ends_inside' if past else 'ends_here'}")
    for j in range(len(lines) - 1):  # a byline broken over two lines, between words or inside one (``……记`` / ``者 史静``)
        first, second = lines[j].raw, lines[j + 1].raw
        if not BYLINE_LINE.match(first) and (BYLINE_LINE.match(f"{first} {second}") or BYLINE_LINE.match(first + second)):
            out[j].append("by_split=first")
            out[j + 1].append("by_split=second")
    return out


def _own(lines: list[rules._Line], tags: list[str], i: int, sizes: dict[int, int]) -> list[str]:
    line = lines[i]
    raw = line.raw
    width = _text_width(line)
    size = sizes[line.block]
    first = line.blank_before
    last = i + 1 == len(lines) or lines[i + 1].blank_before
    names = [
        f"role={line.role}",
        f"rule={tags[i]}",
        f"label={line.label}",
        f"link={line.link}",
        f"es={ends_sentence(raw)}",
        f"end={_char_class(raw[-1])}",
        f"start={_char_class(raw[0])}",
        f"wf={_bucket(width - line.wrap_after)}",
        f"wb={_bucket(width - line.wrap_before)}",
        f"vis={min(int(line.vis), 30) // 2}",
        f"blank={first}",
        f"block={'only' if first and last else 'first' if first else 'last' if last else 'mid'}",
        f"size={min(size, 5)}",
        f"commas={min(raw.count('，') + raw.count('、'), 2)}",
        f"stops={bool(re.search(r'[。；！？]', raw[:-1]))}",
        f"open={unbalanced(raw)}",
        f"spaced={len(_LETTER_GAP.findall(raw)) >= 3}",
        f"phrase={_phrase_spaced(raw)}",
        f"start2={_char_class(raw[0])}|{_char_class(raw[1]) if len(raw) > 1 else 'none'}",
        f"end2={_char_class(raw[-2]) if len(raw) > 1 else 'none'}|{_char_class(raw[-1])}",
        f"at={'first' if first else 'second' if i and lines[i - 1].blank_before else 'later'}",
        f"vis_cmp={_compare(lines, i)}",
    ]
    flags = {
        "dl_start": _DATELINE_START.match(raw),
        "dl_full": DATELINE_LINE.match(raw),
        "dl_mark": _DATELINE_MARK.search(raw[:12]),
        "dl_tail": _DATELINE_TAIL.match(raw),
        "learned": _LEARNED.search(raw),
        "reporter": "记者" in raw or "通讯员" in raw,
        "byline": BYLINE_LINE.match(raw),
        "commentator": signs_off(raw),
        "page_furniture": PAGE_FURNITURE.search(raw),
        "names": _NAMES_ONLY.match(raw) and len(raw) <= 12,
        "credit": PHOTO_CREDIT.search(raw) and "摄" in raw[-3:],
        "kicker_dash": raw.endswith("——"),
        "subtitle_dash": raw.startswith("——"),
        "jump_to": any(kind in ("下转", "转") for kind, _ in line.jumps),
        "jump_from": any(kind in ("上接", "接") for kind, _ in line.jumps),
        "tiny": len(raw.replace(" ", "")) <= 4,
        "short": len(raw.replace(" ", "")) <= 8,
        "bracket": raw.startswith("【"),
        "digits": sum(ch.isdigit() for ch in raw) >= 4,
        "closes": "】" in raw and "【" not in raw or "》" in raw and "《" not in raw,
        "colon_mid": bool(re.search(r"[：:].", raw)),
        "dash_mid": "——" in raw.strip("—"),
        "ends_digit": raw[-1].isdigit() or raw[-1] == ".",
        "starts_digit": raw[0].isdigit() or raw[0] in "%％",
        "long": line.vis > 22,
        "end_open": raw[-1] in _OPEN_ENDS,
        "start_open": raw[0] in _OPEN_STARTS,
        "number_split": i + 1 < len(lines) and raw[-1].isdigit() and lines[i + 1].raw[0].isdigit(),
    }
    return names + [name for name, on in flags.items() if on] + _kicker_words(raw, tags[i])


# How a headline line that is not the title ends: a kicker that introduces its title with a speaker's
# verb (``习近平在重庆考察时强调``), or the name of a column or series (``新闻观察``, ``相关链接``,
# ``新春走基层``, ``民生温度计``). Words of Chinese newspapers' make-up, not of any page.
_SPEECH_END = re.compile(r"(?:强调|指出|表示|宣布|要求|提出|透露|回应|致辞|讲话|指示|批示|称|说)[：:]*$")
_SERIES_END = re.compile(
    r"(?:观察|快评|短评|时评|述评|评论|社论|链接|阅读|背景|贴士|见闻|调查|调研|一线|现场|特写|纪实|侧记|综述|"
    r"访谈|专访|视点|视角|聚焦|关注|速递|快讯|简讯|走基层|深一度|看变化|进行时|新征程|新时代|温度计|故事|"
    r"纪事|手记|新闻|镜头|声音|在线|直击|探访|解读|问答|图解|数读|动态|之窗|面对面)[】」》]?$"
)


def _kicker_words(raw: str, rule: str) -> list[str]:
    """For a line the rules read as a headline's: does it end like a kicker (a speaker's verb) or a
    column's name."""
    if rule not in ("title", "kicker", "subtitle"):
        return []
    text = "".join(raw.split()).rstrip("—")
    return [name for name, pattern in (("speech_end", _SPEECH_END), ("series_end", _SERIES_END)) if pattern.search(text)]


def _compare(lines: list[rules._Line], i: int) -> str:
    """This line's width against the lines right above and below it in its block."""
    def side(j: int) -> str:
        if not 0 <= j < len(lines) or (j > i and lines[j].blank_before) or (j < i and lines[i].blank_before):
            return "none"
        delta = lines[i].vis - lines[j].vis
        return "same" if abs(delta) <= 0.5 else "wider" if delta > 0 else "narrower"
    return f"{side(i - 1)}|{side(i + 1)}"


def _pair(above: rules._Line, below: rules._Line) -> list[str]:
    """Facts about two adjacent lines read as one: a dateline or byline broken between them, a
    word cut by the break (the column ended it: the lines go on as one), the same width, one wider
    than the other."""
    joined = above.raw + below.raw
    names = []
    if DATELINE_LINE.match(joined) and not DATELINE_LINE.match(above.raw):
        names.append("dl_join")
    if BYLINE_LINE.match(f"{above.raw} {below.raw}") and not BYLINE_LINE.match(above.raw):
        names.append("by_join")
    if breaks_word(above.raw, below.raw):
        names.append("word_split")
    delta = _text_width(below) - _text_width(above)
    names.append(f"delta={'same' if abs(delta) <= 0.5 else 'wider' if delta > 0 else 'narrower'}")
    if below.blank_before:
        names.append("break")
    return names
