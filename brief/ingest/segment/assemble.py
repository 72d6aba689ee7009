"""Segment a page: tag every line (``tagger``), then build the articles from the tags.

Tags: ``kicker``, ``title`` (a title's first line), ``title+`` (its next lines), ``subtitle``,
``byline``, ``lead`` (an article body's first line, a dateline or part of one included),
``body``, ``subhead``, ``caption``, ``furniture`` (banners, column labels, notices: dropped).

Runs of headline tags are split into headline groups, one per title (a kicker joins the title
below it, a subtitle or byline the title above it). Runs of body tags are bodies, a ``lead``,
a dateline or a ``上接`` jump starting a new one. Each group is matched to the body right before
or right after it, choosing the reading (headlines after or before their bodies) that pairs
the most, and the best: a headline goes with the body whose opening shares its words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from brief.zh import balanced, clean_heading, clean_inline, ends_sentence, unbalanced
from brief.zh.chars import unmarked
from brief.zh.clean import SPEAKER_KICKER
from brief.zh.layout import DATA_NOTE, DATA_ROW, DATA_TITLE, PAGE_FURNITURE
from brief.ingest.pdf import HEADLINE_SIZE, TITLE_SIZE
from brief.zh.words import breaks_word, ends_open
from brief.zh.bylines import (
    ATTRIBUTION, BYLINE_LINE, CITY_PAPER, CLOSING_CREDIT, CREDIT_END, DATELINE_LINE, EDITORS_NOTE, OPENING_CREDIT, PAGE_MARKS, PAPER,
    PHOTO_CREDIT, PICTURE_BY, RANK, REPORTER_ROLE, ROLE_ALONE, SIGNED_CLOSING, credit_alone, signs_off,
)
from brief.document import ARTICLE, CAPTION, Article
from brief.ingest.segment import rules
from brief.ingest.segment.columns import article_views, columns_apart, marks_rejoined, set_in_column, unwrapped
from brief.ingest.segment.features import (
    _NAMES_ONLY, _cjk_pairs, closed_up, dateline_reach, page_features, rules_reading,
)
from brief.ingest.segment.rules import BODY, HEAD, SUBHEAD, _text_width, _Unit
from brief.ingest.segment.tagger import (
    BYLINE,
    CAPTION as CAPTION_TAG,
    FURNITURE,
    HEADLINE,
    KICKER,
    LEAD,
    MODEL,
    SUBTITLE,
    TITLE,
    TITLE_ON,
    tag,
    Lattice,
)


# A credit that closes one caption whoever gave the picture: an agency, a file photo, a donor.
_CAPTION_CREDIT = re.compile(r"(?:社发|报发|供图|制图|资料图片|[（(][^（()）]{0,12}摄[）)])\s*[）)]?\s*$")
_TELEPHONE = re.compile(r"\d{7,}")
_PAGE_NUMBER = re.compile(r"^\s*第\s*[\d一二三四五六七八九十]+\s*版\s*$")
# How a caption names its picture: ``图③：``, ``图为``, ``图表：``, ``上图``.
_PICTURE_MARK = re.compile(r"^(?:图\s*[①-⑳\d]{0,2}\s*[：:]|图为|图表\s*[：:]|[上下左右]图[：:为\s])")


def segment_page(
    text: str, *, source: str = "", page: str | None = None, model: Path = MODEL, sizes: Sequence[float] | None = None,
) -> list[Article]:
    """Articles printed on one page, in page order; a plain article comes out as one article.
    ``sizes``: the type size of each line of ``text`` (0 for a blank one), where a PDF gives them;
    a text without them that puts whole paragraphs on lines of their own is read set in a column,
    and an e-paper's copy article view by article view (its buttons part them)."""
    if sizes is None:
        text = columns_apart(marks_rejoined(text))
    if sizes is None and unwrapped(text):
        articles = [article for view in article_views(text) for article in _segmented(set_in_column(view), model)]
    else:
        articles = _segmented(text, model, sizes)
    for position, article in enumerate(articles):
        article.source, article.page, article.position = source, page, position
        article.id = article.content_hash
    return articles


def _segmented(text: str, model: Path, sizes: Sequence[float] | None = None) -> list[Article]:
    lines, features = page_features(text)
    if not lines:
        return []
    tags = tag(features, model)
    judged, heads_first = rules_reading(features)
    line_sizes = [sizes[line.at] for line in lines] if sizes is not None and len(sizes) == len(text.splitlines()) else None
    return build(lines, tags, heads_first=heads_first, judged=judged, features=features, model=model, sizes=line_sizes)


def build(
    lines: list[rules._Line], tags: list[str], heads_first: bool = False, judged: list[str] | None = None,
    features: list[dict[str, float]] | None = None, model: Path = MODEL, lattice: Lattice | None = None,
    sizes: Sequence[float] | None = None,
) -> list[Article]:
    """The articles and captions that the tagged lines make, in page order (``heads_first``: the
    rules read the page's headlines before their bodies; ``judged``: the rules' tag of each line;
    ``lattice``: the scores of the lines that the repairs ask the model for, by default the CRF's
    of ``features``, built on first use; ``sizes``: each line's type size, where known)."""
    judged = judged or [""] * len(lines)
    read = tags
    table = _table_lines(lines)
    tags = _figure_opening_title(lines, ["body" if j in table else t for j, t in enumerate(tags)])
    tags = _repaired(lines, _text_runs(lines, tags, judged), heads_first, table)
    tags = _sandwiched(lines, tags, judged)
    tags = _word_goes_on(lines, tags)
    tags = _speech_goes_on(lines, tags, judged)
    tags = _titles_over_bodies(lines, tags, judged)
    if features is not None:
        scored = _lattice_once(features, model, lattice)
        tags = _headlines_reread(read, tags, scored)
        tags = _subheads_within(lines, tags, judged, scored)
        tags = _subheads_closing(lines, tags, scored)
        tags = _subheads_opening(lines, tags, scored)
        tags = _titles_for_untitled(lines, tags, scored)
    if sizes is not None:
        tags = _sized(lines, tags, sizes)
    # An editor's note opens a story's text, whatever sits above it (a caption, a headline), unless
    # the story opened right above it (a dateline of its own line: ``本报讯（记者 王芳）`` / ``编者按：``).
    tags = [
        LEAD if EDITORS_NOTE.match(line.raw) and t != FURNITURE and not _opened_above(tags, i) else t
        for i, (line, t) in enumerate(zip(lines, tags, strict=True))
    ]
    split = _units(lines, tags)
    head_of = _stacked(split, lines, _reading(split, lines)[1])
    resumed = _resumed(split, lines, tags, head_of)
    articles = []
    for k, unit in enumerate(split):
        if k in resumed.values():
            continue  # read with the text it goes on from
        if k in resumed:
            rest = resumed[k]
            unit = _Unit(BODY, unit.lines + split[rest].lines)
            if k not in head_of:
                head_of[k] = head_of[rest]
        if unit.kind == BODY:
            article = _body(unit, lines, table)
            if k and _signature(lines, split[k - 1]):
                _fill_headline(article, [(lines[i].raw, tags[i]) for i in split[k - 1].lines])
            if k in head_of:
                _fill_headline(article, [(lines[i].raw, tags[i]) for i in split[head_of[k]].lines])
                for i in split[head_of[k]].lines:
                    for kind, where in lines[i].jumps:
                        if kind in ("下转", "转"):
                            article.continued_to = article.continued_to or where
            articles.append(article)
        elif unit.kind == CAPTION_TAG:
            raws = [lines[i].raw for i in unit.lines]
            # A caption says what a picture shows, in a sentence or by naming it (``图表：``), or
            # credits it: a slogan, a notice or a headline left over is none (a notice credits no
            # photographer).
            said = re.search(r"[。！？]", "".join(raws)) or _PICTURE_MARK.match(raws[0].strip())
            if _credited(raws) or (said and not _NOTICE.search("".join(raws))):
                articles.append(_caption(raws))
    return [a for a in articles if (a.paragraphs or a.title) and not _notice(a)]


# A line set more than ``HEADLINE_SIZE`` times the body's type is a headline's (as
# ``brief.ingest.pdf`` reads a change of size); lines within ``_SAME_SIZE`` of each other are set in
# one size; a kicker or subtitle is set at most ``_MINOR_SIZE`` of its title's size (another story's
# title beside it, nearer in size, is not read as one).
_SAME_SIZE = 1.05
_MINOR_SIZE = 0.75


def _sized(lines: list[rules._Line], tags: list[str], sizes: Sequence[float]) -> list[str]:
    """A headline's lines and roles from its type sizes: the editor sets a headline larger than the
    body, its title largest, a kicker above it and a subtitle below it smaller. The text alone shows
    no size, and pages differ on whether two plain headline lines are one title or a title and its
    kicker or subtitle; where a PDF gives the sizes, they decide. A line set larger than the body is
    a headline's even where the tagger read it as text (unless it holds a sentence's end, a lead set
    large, or is a credit or a notice; and, set no more than ``TITLE_SIZE`` times the body, as
    subheads are too, only over a story's opening), or as furniture right beside a headline line
    of its size.
    Roles are given to a headline the tagger read with one title, or with one far larger than the
    rest (two titles near in size in one run may be two stories' headlines), unless a brief's title
    marked as one (``■……``) is among the smaller lines."""
    known = sorted(size for size in sizes if size > 0)
    if not known:
        return tags
    body = known[len(known) // 2]
    tags = list(tags)
    roles = (KICKER, TITLE, TITLE_ON, SUBTITLE)
    large = [size > HEADLINE_SIZE * body for size in sizes]

    def beside_headline(k: int) -> bool:
        return any(
            0 <= j < len(tags) and tags[j] in roles and not lines[max(j, k)].blank_before
            and max(sizes[j], sizes[k]) <= _SAME_SIZE * min(sizes[j], sizes[k])
            for j in (k - 1, k + 1)
        )

    def set_large(raw: str) -> bool:
        """Text that is a headline where it is set large: no sentence's end, no credit, no notice's
        words, no telephone number, no page's number, nothing that is never a title."""
        return not (
            re.search(r"[。！？]", raw) or CREDIT_END.search(raw) or _NOTICE.search(raw) or _TELEPHONE.search(raw)
            or _PAGE_NUMBER.match(raw) or no_title(raw)
        )

    def apart(k: int) -> bool:
        """Set as a title, or a size up over a story's opening (a brief's title; its own next
        lines of its size looked past: three lines at most, none ending a sentence): not a subhead
        set a size up over more of its story, nor a line of a story whose text is set larger than
        the page's other stories' (its paragraph is no heading over the next story)."""
        end = k + 1
        while (
            end < len(tags) and end - k < 3 and not lines[end].blank_before and not re.search(r"[。！？]", lines[end].raw)
            and max(sizes[end], sizes[k]) <= _SAME_SIZE * min(sizes[end], sizes[k])
        ):
            end += 1
        return sizes[k] > TITLE_SIZE * body or (end < len(tags) and (tags[end] == LEAD or _opened_in_print(lines, end)))

    for k, t in enumerate(tags):
        if large[k] and (
            (t in (LEAD, BODY, SUBHEAD, CAPTION_TAG) and set_large(lines[k].raw) and apart(k))
            or (t == FURNITURE and beside_headline(k))
        ):
            tags[k] = TITLE_ON  # a headline's line: its role below
    for is_headline, group in itertools.groupby(range(len(tags)), key=lambda k: tags[k] in roles):
        if not is_headline:
            continue
        run = list(group)
        largest = max(sizes[k] for k in run)
        others = [k for k in run if sizes[k] * _SAME_SIZE < largest]
        marked = any(tags[k] == TITLE and lines[k].raw[:1] in PAGE_MARKS for k in others)
        one_title = sum(tags[k] == TITLE for k in run) <= 1 or all(sizes[k] <= _MINOR_SIZE * largest for k in others)
        if largest > HEADLINE_SIZE * body and all(sizes[k] > 0 for k in run) and one_title and not marked:
            title = [k for k in run if sizes[k] * _SAME_SIZE >= largest]
            for k in run:
                tags[k] = KICKER if k < title[0] else SUBTITLE if k > title[-1] else TITLE if k == title[0] else TITLE_ON
    return tags


# What a paid notice or an advert says and a news story does not: a lost document declared void,
# a job offered, a number to call, a shop's hours.
_NOTICE = re.compile(
    r"声明作废|特此(?:声明|公告|通知|告知)|有意者|欢迎(?:来电|垂询|洽谈|选购|惠顾)|(?:联系|咨询|订购|招聘|报名)电话"
    r"|电话[：:]\s*[\d-]{7,}|营业时间|诚聘|招聘启事|寻人启事|不慎遗失|遗失\S{0,12}证|知情者请\S{0,3}联系|必有重?酬谢"
    r"|待遇面议|缴纳五险|五险一金|特此更正|^更正[：:]"
)


def _notice(article: Article) -> bool:
    """An untitled text that reads as a notice or an advert (``……不慎遗失……声明作废``, ``有意者
    请联系``): page furniture, not a story, when nothing else marks it as one (a dateline, a jump)."""
    return (
        article.kind == ARTICLE and not article.title and article.dateline is None
        and not article.continued_from and not article.continued_to
        and len(article.body) < 300 and bool(_NOTICE.search(article.body))
    )


def _units(lines: list[rules._Line], tags: list[str]) -> list[_Unit]:
    """The page's headline groups, bodies and captions, in page order."""
    units: list[_Unit] = []
    for i, (line, t) in enumerate(zip(lines, tags, strict=True)):
        if t == FURNITURE:
            continue
        line.label = SUBHEAD if t == "subhead" else BODY
        kind = HEAD if t in HEADLINE else CAPTION_TAG if t == CAPTION_TAG else BODY
        above = _last_kept(tags, i)
        previous = next((unit for unit in reversed(units) if unit.lines[-1] == above), None)
        if previous is not None and previous.kind == CAPTION_TAG and t == "body" and not _opened_in_print(lines, i):
            previous = _text_round_captions(units, lines, tags, previous) or previous
        starts = (
            previous is None
            or previous.kind != kind
            or (kind == BODY and (t == LEAD or _dated(lines, i) or any(jump[0] in ("上接", "接") for jump in line.jumps))
                and not _byline_only(lines, previous) and not _note_only(lines, previous))
            or (kind == CAPTION_TAG and _credited([lines[k].raw for k in previous.lines])
                and not (len(previous.lines) == 1 and credit_alone(lines[previous.lines[0]].raw)))
            or (kind == CAPTION_TAG and _caption_after(lines, tags, previous.lines[-1], i))
        )
        if starts:
            units.append(_Unit(kind, [i]))
        else:
            previous.lines.append(i)
    split: list[_Unit] = []
    for unit in _bylines_past_captions(units, tags):
        split.extend(_head_groups(unit, tags) if unit.kind == HEAD else [unit])
    return split


def _text_round_captions(units: list[_Unit], lines: list[rules._Line], tags: list[str], caption: _Unit) -> _Unit | None:
    """The body that a photo's captions (``caption`` the last of them) stand in the middle of: its
    running text (more than a line: one line alone may be a label) stopped right above them, at a
    column's end or a paragraph's, with no credit or jump line closing it, so the text below them
    (running text, as the caller asks: no story opens there) goes on with it (a picture set inside
    a story's columns, which the text layer gives between two of them)."""
    first = caption.lines[0]
    while (j := _last_kept(tags, first)) >= 0:
        holder = next(unit for unit in units if j in unit.lines)
        if holder.kind != CAPTION_TAG:
            above = lines[j]
            goes_on = holder.kind == BODY and len(holder.lines) > 1 and not _credit_closes(above.raw) and not any(
                kind in ("下转", "转") for kind, _ in above.jumps)
            return holder if goes_on else None
        first = holder.lines[0]
    return None


def _closing_credit_line(raw: str) -> bool:
    """A line that is only a bracketed credit or source (``（来源：新华网）``, ``（记者 郝薇）``, ``（据新华社）``)."""
    raw = raw.strip()
    return raw[:1] in "（(" and bool(CLOSING_CREDIT.fullmatch(raw))


def _credit_closes(raw: str) -> bool:
    """A story's closing credit ends the line (``（记者 王芳）``, ``（张三）``): the story ends there."""
    return bool(CLOSING_CREDIT.search(raw) or SIGNED_CLOSING.search(raw))


def _resumed(split: list[_Unit], lines: list[rules._Line], tags: list[str], head_of: dict[int, int]) -> dict[int, int]:
    """Bodies that go on further down the page, past a story set inside their columns: {body: the
    body it goes on in}. A body's text that stops mid-sentence (no jump line sending it to another
    page) goes on in the next body that opens no story (no lead, dateline or jump line of its own),
    past at least one that does or right below its own headline where the break cut a word, set in a
    column of the same width; one of the two has the headline."""
    bodies = [k for k, unit in enumerate(split) if unit.kind == BODY]
    resumed: dict[int, int] = {}
    for n, k in enumerate(bodies):
        last = lines[split[k].lines[-1]]
        if len(split[k].lines) < 2 or ends_sentence(last.raw) or last.jumps or k in resumed.values():
            continue
        later = (m for m in bodies[n + 1 :] if not _opens_story(lines, tags, split[m].lines[0]))
        rest = next(later, None)
        if (
            rest is not None
            and (rest != bodies[n + 1] or breaks_word(last.raw, lines[split[rest].lines[0]].raw))
            and rest not in resumed.values()
            and (k in head_of) != (rest in head_of)
            and abs(_column(split[k], lines) - _column(split[rest], lines)) <= 1
        ):
            resumed[k] = rest
    return resumed


def _opens_story(lines: list[rules._Line], tags: list[str], i: int) -> bool:
    return tags[i] == LEAD or _dated(lines, i) or bool(lines[i].jumps)


def _column(unit: _Unit, lines: list[rules._Line]) -> float:
    """The width of the column a body is set in: most of its lines are full."""
    return rules._percentile([_text_width(lines[i]) for i in unit.lines], 0.5)


def _caption_after(lines: list[rules._Line], tags: list[str], last: int, i: int) -> bool:
    """Line i opens another photo's caption below one that ended uncredited: a block of its own
    after a finished sentence, no credit printed alone and no ``图为`` saying more of the same picture."""
    raw = lines[i].raw.strip()
    return lines[i].blank_before and ends_sentence(lines[last].raw) and not credit_alone(raw) and not raw.startswith("图为")


def _bylines_past_captions(units: list[_Unit], tags: list[str]) -> list[_Unit]:
    """A byline that a photo caption parts from the headline above it (title / caption / byline /
    dateline) joins that headline: left alone it would be paired with the story as its headline
    and the title lost."""
    out: list[_Unit] = []
    for unit in units:
        if unit.kind == HEAD and all(tags[i] == BYLINE for i in unit.lines) and out and out[-1].kind == CAPTION_TAG:
            above = next((u for u in reversed(out) if u.kind != CAPTION_TAG), None)
            if above is not None and above.kind == HEAD and not all(tags[i] == BYLINE for i in above.lines):
                above.lines.extend(unit.lines)
                continue
        out.append(unit)
    return out




def _opened_above(tags: list[str], i: int) -> bool:
    """Whether the line kept right above line i opened a story (its dateline on a line of its own)."""
    j = _last_kept(tags, i)
    return j >= 0 and tags[j] == LEAD


def _note_only(lines: list[rules._Line], unit: _Unit | None) -> bool:
    """Whether a body so far is an editor's note: the dateline below it opens the same story."""
    return unit is not None and bool(EDITORS_NOTE.match(lines[unit.lines[0]].raw))


def _byline_only(lines: list[rules._Line], unit: _Unit | None) -> bool:
    """Whether a body so far holds only a byline (``本报通讯员 某某`` above the dateline it goes with)
    or the signature of a commentary or a team (``本报评论员``)."""
    return unit is not None and all(_signed(lines[i].raw) for i in unit.lines)


def _signed(raw: str) -> bool:
    """A byline's line, or a commentary's or a team's signature (``本报评论员``, ``本报调研组``)."""
    return bool(BYLINE_LINE.match(raw)) or signs_off(raw)


def _signature(lines: list[rules._Line], unit: _Unit) -> bool:
    """A headline group that is a byline alone."""
    return unit.kind == HEAD and _byline_only(lines, unit)


def _reading(split: list[_Unit], lines: list[rules._Line]) -> tuple[float, dict[int, int]]:
    """The pairing of headline groups with bodies (headlines after or before their bodies, the
    reading that pairs the most, and the best, words shared): its score and {body unit: headline unit}."""
    # A photo caption may stand between a headline and its body: pairing looks past it. So it does
    # past a byline alone: it stands above its story whichever side the page prints its headlines
    # (``build`` gives it to the story below), so it says nothing of where they stand.
    core = [k for k, unit in enumerate(split) if unit.kind != CAPTION_TAG and not _signature(lines, unit)]
    units_core = [split[k] for k in core]
    best = max(
        (_matching(units_core, lines, first) + (first,) for first in (False, True)),
        key=lambda m: (m[0], m[2] == (bool(units_core) and units_core[0].kind == HEAD)),
    )
    return best[0], {core[body]: core[head] for body, head in best[1].items()}


def _stacked(split: list[_Unit], lines: list[rules._Line], head_of: dict[int, int]) -> dict[int, int]:
    """The pairing, with headlines that the text layer gives stacked together (bodies ``A B`` then
    headlines ``a b``, or headlines then bodies) paired in order, each with the body whose opening
    shares its words (``_in_order``), where they share more so than the pairing of neighbours does."""
    core = [k for k, unit in enumerate(split) if unit.kind != CAPTION_TAG and not _signature(lines, unit)]
    words = {k: _bigrams(split[k], lines) for k in core}

    def shared(head: int, body: int) -> float:
        return _share(words[head], words[body])

    head_of = dict(head_of)
    runs = [list(group) for _, group in itertools.groupby(core, key=lambda k: split[k].kind)]
    for first, second in itertools.pairwise(runs):
        if min(len(first), len(second)) < 2:
            continue
        heads, bodies = (second, first) if split[second[0]].kind == HEAD else (first, second)
        pairs = _in_order(heads, bodies, shared)
        if len(pairs) < 2:
            continue
        bodies = [body for _, body in pairs]
        now = sum(shared(head_of[body], body) for body in bodies if body in head_of)
        if all(shared(head, body) > 0 for head, body in pairs) and sum(shared(h, b) for h, b in pairs) > now:
            taken = {head for head, _ in pairs}
            head_of = {body: head for body, head in head_of.items() if body not in bodies and head not in taken}
            head_of.update({body: head for head, body in pairs})
    return head_of


def _in_order(heads: list[int], bodies: list[int], shared: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """Headlines paired with bodies in the order of both, each pair sharing words, the pairing that
    shares the most (a run of bodies may hold a box or a story whose headline is elsewhere)."""
    best = [[(0.0, ())] * (len(bodies) + 1) for _ in range(len(heads) + 1)]
    for h in range(len(heads) - 1, -1, -1):
        for b in range(len(bodies) - 1, -1, -1):
            options = [best[h + 1][b], best[h][b + 1]]
            score = shared(heads[h], bodies[b])
            if score > 0:
                rest = best[h + 1][b + 1]
                options.append((rest[0] + score, ((heads[h], bodies[b]),) + rest[1]))
            best[h][b] = max(options, key=lambda option: option[0])
    return list(best[0][0][1])


def _matching(units: list[_Unit], lines: list[rules._Line], heads_first: bool) -> tuple[float, dict[int, int]]:
    """The rules' matching of headlines to adjacent bodies, plus up to 2 for the words a headline
    shares with its body's opening (a headline restates its story's lead)."""
    words = [_bigrams(unit, lines) for unit in units]

    def shared(head: int, body: int) -> float:
        return 2 * _share(words[head], words[body])

    return rules._matching(units, heads_first, shared)


def _bigrams(unit: _Unit, lines: list[rules._Line]) -> set[str]:
    """Character pairs of a headline group, or of a body's first 200 characters (CJK only)."""
    text = "".join(lines[i].raw for i in unit.lines)
    text = "".join(ch for ch in (text if unit.kind == HEAD else text[:200]) if "\u4e00" <= ch <= "\u9fff")
    return {text[n : n + 2] for n in range(len(text) - 1)}


def _titles_over_bodies(lines: list[rules._Line], tags: list[str], judged: list[str]) -> list[str]:
    """A line alone in its block, no sentence, that the rules paired as a headline, right above a
    body's opening (a dateline or a ``上接`` jump) is that body's title when the tagger took it for
    furniture (a page banner above it) or running text, and reading it so pairs more headlines
    with bodies (a column label above the first body of a page read headlines-after does not).
    So is such a line right below a body's last sentence that the tagger took for furniture."""
    score = None
    for i, t in enumerate(tags):
        if (
            t == FURNITURE
            and judged[i] in ("title", "furniture")
            and i
            and _alone(lines, i)
            and tags[i - 1] in (LEAD, "body")
            and ends_sentence(lines[i - 1].raw)
            and (i + 1 == len(lines) or tags[i + 1] not in HEADLINE)
            and _could_be_title(lines[i].raw)
        ):
            # The same below a body that ends there, on a page read headlines after their bodies.
            if score is None:
                score = _reading(_units(lines, tags), lines)[0]
            retagged = tags[:i] + [TITLE] + tags[i + 1 :]
            better = _reading(_units(lines, retagged), lines)[0]
            if better > score:
                tags, score = retagged, better
    for i, t in enumerate(tags[:-1]):
        if not (
            t in (FURNITURE, LEAD)
            and judged[i] == "title"
            and (i == 0 or lines[i].blank_before)
            and lines[i + 1].blank_before
            and tags[i + 1] in (LEAD, "body")
            and (_dated(lines, i + 1) or any(j[0] in ("上接", "接") for j in lines[i + 1].jumps))
            and _could_be_title(lines[i].raw)
            and (i == 0 or tags[_last_kept(tags, i)] not in HEADLINE)  # no headline's or byline's tail
        ):
            continue
        if score is None:
            score = _reading(_units(lines, tags), lines)[0]
        retagged = tags[:i] + [TITLE, LEAD] + tags[i + 2 :]
        better = _reading(_units(lines, retagged), lines)[0]
        if better > score:
            tags, score = retagged, better
    return tags


def _lattice_once(features: list[dict[str, float]], model: Path, given: Lattice | None = None) -> Callable[[], Lattice]:
    """The page's lattice (``given``, or the model's, scored on first use: most pages never need it)."""
    built: list[Lattice] = [given] if given is not None else []

    def lattice() -> Lattice:
        if not built:
            built.append(Lattice(features, model))
        return built[0]

    return lattice


def _subheads_opening(lines: list[rules._Line], tags: list[str], lattice: Callable[[], Lattice]) -> list[str]:
    """A subhead parts a story's text: lines the tagger read as one under a photo's credited
    caption with nothing but the page's furniture above that, or the last of such lines right
    above a dateline that opens the next story (all that could be a title's, after a sentence's
    end), are a headline. Its first line is read as a title's, the rest as the model then reads
    them, where that pairs headlines with bodies better."""
    score = None
    i = 0
    while i < len(tags):
        if tags[i] != "subhead" or (i and tags[i - 1] == "subhead"):
            i += 1
            continue
        end = i
        while end < len(tags) and tags[end] == "subhead":
            end += 1
        start = None
        above = [k for k in range(i) if tags[k] != FURNITURE]
        if above and all(tags[k] == CAPTION_TAG for k in above) and _credit_line(lines[above[-1]].raw):
            # (not a headline's own subheads; not the page's first lines, where a story continued
            # from another page may go on at a subhead; a caption without its credit may be text)
            start = i
        elif end < len(lines) and _dated(lines, end):
            start = end
            while start > i and _could_be_title(lines[start - 1].raw):
                start -= 1
            while start < end and start > i and not ends_sentence(lines[start - 1].raw):
                start += 1  # (a clause's tail, not a headline's first line)
        if start is not None and start < end and _could_be_title(lines[start].raw):
            decoded = lattice().best({start: TITLE})[0]
            headline = [lines[k].raw for k in range(start, end) if decoded[k] in HEADLINE]
            if "subhead" not in decoded[start:end] and not re.search(r"[，。；！？]", "".join(headline)):
                # (the model reads the rest as the headline's or the story's opening; no running
                # text read as a subhead)
                if score is None:
                    score = _reading(_units(lines, tags), lines)[0]
                retagged = tags[:start] + decoded[start:end] + tags[end:]
                better = _reading(_units(lines, retagged), lines)[0]
                if better > score:
                    tags, score = retagged, better
        i = end
    return tags


# A story that the tagger left without a title whose headline it read as something else (a caption,
# the page's furniture): the line next to the story that the model itself gives at least this chance
# of being a title, and that shares at least this much with the story's opening, is read as its title.
_TITLE_CHANCE = 0.15
_TITLE_SHARE = 0.2
# A line alone in its block that restates at least this much of the story's opening is a candidate
# whatever the model's chance (it may be sure that a headline set among photos' captions is one).
_TITLE_RESTATES = 0.5


def _titles_for_untitled(lines: list[rules._Line], tags: list[str], lattice: Callable[[], Lattice]) -> list[str]:
    """Titles for the stories that have none (a byline above is none). The candidates: lines within
    two of the story's ends or in a caption right beside it or its byline, no story's text (a
    caption's, the page's furniture; no advert's), that restate the story's opening and that the
    model gives at least ``_TITLE_CHANCE`` of being a title's line (or, alone in their block,
    restate ``_TITLE_RESTATES`` of it). Each is read as the title's first line, or as its second under the
    line above; the reading that the model scores highest once it is settled wins, with the kicker
    above and the title's next lines below as the model then reads them, and is kept where it
    pairs headlines with bodies better."""
    marginals: list[dict[str, float]] = []
    tried: set[int] = set()
    adverts: set[int] | None = None
    while True:
        units = _units(lines, tags)
        score, head_of = _reading(units, lines)
        untitled = [
            k for k, unit in enumerate(units)
            if unit.kind == BODY and unit.lines[0] not in tried
            and (k not in head_of or all(tags[i] == BYLINE for i in units[head_of[k]].lines))  # (a byline is no title)
        ]
        if not untitled:
            return tags
        k = untitled[0]
        tried.add(units[k].lines[0])
        marginals = marginals or lattice().marginals()
        if adverts is None:  # a slogan beside a number to call is no title
            adverts = {line.block for line in lines if _advert(line.raw)}
        owner = {i: n for n, unit in enumerate(units) for i in unit.lines}
        ends = (units[k].lines[0], units[k].lines[-1])

        def free(i: int) -> bool:
            """Whether line i may change its tag: no story's text (a story's own first line is its
            lead, however title-like)."""
            return i not in owner or units[owner[i]].kind != BODY

        def chance(i: int) -> float:
            return marginals[i].get(TITLE, 0.0) + marginals[i].get(TITLE_ON, 0.0)

        opening = _bigrams(units[k], lines)
        # A photo's caption may stand between a headline and its story: the lines of the captions
        # right beside the story (or beside its byline) are as near as the two lines at either end.
        near = set(range(max(0, ends[0] - 2), min(len(lines), ends[1] + 3)))
        above = k - 1 - (k > 0 and (head_of.get(k) == k - 1 or _signature(lines, units[k - 1])))
        for side in (above, k + 1):
            if 0 <= side < len(units) and units[side].kind == CAPTION_TAG:
                near.update(units[side].lines)
        candidates = [
            i for i in sorted(near)
            if free(i) and tags[i] not in HEADLINE and _could_be_title(lines[i].raw)
            and (share := _share(_bigrams(_Unit(HEAD, [i]), lines), opening)) >= _TITLE_SHARE
            and (chance(i) >= _TITLE_CHANCE or share >= _TITLE_RESTATES and _alone(lines, i))
            and lines[i].block not in adverts
        ]
        if not candidates:
            continue
        # Each line that could be the title, as the title's first line or (the line above it, no
        # sentence, free to change) as its second: of these readings, the one the model scores
        # highest once it is settled (a title broken over two lines is not read from its second).
        readings = [{i: TITLE} for i in candidates] + [
            {i - 1: TITLE, i: TITLE_ON} for i in candidates
            if i and free(i - 1) and tags[i - 1] not in HEADLINE and _could_be_title(lines[i - 1].raw) and i - 1 not in candidates
            and lines[i - 1].block not in adverts
        ]
        best: tuple[float, list[str]] | None = None
        for fixed in readings:
            decoded, likelihood = lattice().best(fixed)
            retagged = _with_title(lines, tags, fixed, decoded, free)
            if retagged is not None and (best is None or likelihood > best[0]):
                best = (likelihood, retagged)
        if best is not None and _reading(_units(lines, best[1]), lines)[0] > score:
            tags = best[1]


def _alone(lines: list[rules._Line], i: int) -> bool:
    """Whether line i is a block of its own."""
    return lines[i].blank_before and (i + 1 == len(lines) or lines[i + 1].blank_before)


def _with_title(
    lines: list[rules._Line], tags: list[str], fixed: dict[int, str], decoded: list[str], free: Callable[[int], bool]
) -> list[str] | None:
    """The tags with a title settled at ``fixed`` and what the model then reads round it: a kicker
    above, the title's next lines below (lines free to change only); None where the title would
    take in a notice's or an advert's line, or read as no title."""
    first, last = min(fixed), max(fixed)
    retagged = list(tags)
    for i, t in fixed.items():
        retagged[i] = t
    if first and free(first - 1) and decoded[first - 1] == KICKER and not _advert(lines[first - 1].raw):
        retagged[first - 1] = KICKER
    end = last + 1
    # (not a line that no title goes on with: ``第135届广交会今天闭幕`` / ``……今天（5月5日）闭幕``)
    while (
        end < len(lines) and free(end) and decoded[end] == TITLE_ON
        and not no_title(" ".join(lines[i].raw for i in range(first, end + 1)))
    ):
        retagged[end], end = TITLE_ON, end + 1
    if any(_advert(lines[i].raw) for i in range(first, end)) or no_title(" ".join(lines[i].raw for i in range(first, end))):
        return None
    return retagged


def _advert(raw: str) -> bool:
    """A notice's or an advert's line: ``……服务热线：0952-5624966``, ``有意者请联系``."""
    return bool(_NOTICE.search(raw) or _TELEPHONE.search(raw))


def _share(words: set[str], opening: set[str]) -> float:
    """The part of a headline's character pairs that a body's opening repeats."""
    return len(words & opening) / len(words) if words else 0.0


def _could_be_title(raw: str, short: bool = False) -> bool:
    """No sentence, no column label, notice or banner (``short``: a title's part, however short)."""
    return not (
        re.search(r"[，。；！？]", raw)
        or _framed(raw)
        or _TELEPHONE.search(raw)  # a notice
        or _PAGE_NUMBER.match(raw)  # a banner
        or no_title(raw)
        or not short and len(raw.replace(" ", "")) <= 4  # a column label (``记者观察``)
    )


def _framed(raw: str) -> bool:
    """A line set between two equal marks (``·简讯·``, ``—要闻—``): a column label, not a title."""
    raw = raw.strip()
    return len(raw) > 2 and raw[0] == raw[-1] and not raw[0].isalnum() and unicodedata.category(raw[0])[0] in "PS"

def _body(unit: _Unit, lines: list[rules._Line], table: set[int] = frozenset()) -> Article:
    """An article from its body lines: paragraphs, a dateline (however it was broken) moved into
    the fields, jumps recorded; ``table``: the page's table lines (``_table_lines``), a paragraph each."""
    article = Article(kind=ARTICLE)
    kept = list(unit.lines)
    while len(kept) > 1 and _signed(lines[kept[0]].raw):  # a byline or a signature above the dateline
        raw = lines[kept.pop(0)].raw
        if BYLINE_LINE.match(raw):
            article.reporters += [n for n in rules._names(raw) if n not in article.reporters]
    table = table & set(kept)
    paragraphs = rules._paragraphs([lines[i] for i in kept], alone={n for n, i in enumerate(kept) if i in table})
    rows = {lines[i].raw for i in table}
    if paragraphs:
        # (a name broken by the line's end, ``■记者 上官宇`` / ``岚``, is read closed up)
        printed = " ".join(paragraphs[-1])
        credit, last = _search_closed_up((CLOSING_CREDIT,), printed)
        if credit:  # the reporters credited after the last sentence are no part of the text
            names = rules._names(credit["names"] or credit["signed"] or "")
            article.reporters += [n for n in names if n not in article.reporters]
            if last == printed:  # keep the lines: in a one-paragraph story they hold the dateline's breaks
                paragraphs[-1] = "\n".join(paragraphs[-1])[: credit.start()].split("\n")
            else:
                paragraphs[-1] = [last[: credit.start()]]
            paragraphs = [p for p in paragraphs if "".join(p).strip()] or [[""]]
        # The dateline opens the story's first paragraph, or the one after an editor's note.
        at = int(len(paragraphs) > 1 and bool(EDITORS_NOTE.match(paragraphs[0][0])))
        if not at and _dated(lines, kept[0]):  # a brief's list mark before its dateline (``●本报讯``)
            paragraphs[at][0] = unmarked(paragraphs[at][0])
        first = rules._take_dateline(article, paragraphs[at])
        if article.dateline is None or first[0].lstrip().startswith(("（", "(")):
            # Broken inside a word (``本报吕`` / ``梁 10 月``, ``（记`` / ``者 赵磊）``): read it closed up.
            article.dateline = None
            first = rules._take_dateline(article, [clean_inline(" ".join(paragraphs[at]))])
        paragraphs[at] = first
        opened = clean_inline(" ".join(first))
        opening = OPENING_CREDIT.match(opened) if article.dateline is None else None
        if opening:  # the reporters credited where no dateline stands before them: no part of the text
            names = rules._names(opening["names"])
            article.reporters += [n for n in names if n not in article.reporters]
            paragraphs[at] = [opened[opening.end():]]
    # A table's row keeps its cells apart: ``1286.4 6.8`` is two figures, not ``1286.46.8``.
    article.paragraphs = [p for p in (" ".join(map(clean_inline, p[0].split())) if len(p) == 1 and p[0] in rows
                                      else clean_inline(" ".join(p)) for p in paragraphs) if p]
    rules._record_jumps(article, [lines[i] for i in unit.lines])
    return article


def _text_runs(lines: list[rules._Line], tags: list[str], judged: list[str]) -> list[str]:
    """A run of two or more lines tagged furniture that the rules read as running text and that
    ends a sentence is an article's text, not a notice or a banner (those are a line or two of
    no sentence): it opens a body, or goes on with the one above when that stopped mid-sentence."""
    tags = list(tags)
    i = 0
    while i < len(tags):
        end = i
        while end < len(tags) and tags[end] == FURNITURE and judged[end] in ("body", "subhead"):
            end += 1
        # A block of the run (lines between blank ones) that reads as a notice or an advert stays
        # furniture; the text on either side of it is text of its own.
        starts = [k for k in range(i, end) if k == i or lines[k].blank_before]
        opened = i
        for a, b in zip(starts, starts[1:] + [end]):
            if _NOTICE.search("".join(lines[k].raw for k in range(a, b))):
                _run_as_text(lines, tags, opened, a)
                opened = b
        _run_as_text(lines, tags, opened, end)
        i = max(end, i + 1)
    return tags


def _run_as_text(lines: list[rules._Line], tags: list[str], i: int, end: int) -> None:
    if end - i >= 2 and any(re.search(r"[。！？]", lines[k].raw) for k in range(i, end)):
        _as_text(lines, tags, i, end)


def _sandwiched(lines: list[rules._Line], tags: list[str], judged: list[str]) -> list[str]:
    """A two-line headline between two stretches of one article's text: the rules read its first
    line as a subhead inside a body (no wider than the column, no phrase space, no bullet) and its
    second as running text that flows on past a column break into a full line (the middle of a
    paragraph, not an article's opening). They are a subhead and its paragraph's first line, unless
    the text above ends on its story's credit (``……（新华社）``): that story is over."""
    tags = list(tags)
    for i in range(len(tags) - 1):
        if not (
            tags[i] in (TITLE, TITLE_ON)
            and judged[i] == "body"
            and lines[i].link
            and lines[i + 1].blank_before
            and tags[i + 1] in (LEAD, "body")
            and not _dated(lines, i + 1)
            and dateline_reach(lines, i + 1, justified=True) is None
        ):
            continue
        start = i - 1
        j = _last_kept(tags, start)
        if (
            start > 0
            and tags[start] == TITLE
            and not lines[i].blank_before
            and judged[start] == "subhead"
            and j >= 0
            and tags[j] in (LEAD, "body", "subhead")
            and not _credit_closes(lines[j].raw)  # a story ended there
            and all(_text_width(lines[k]) <= lines[k].wrap_after + 1 for k in (start, i))
            and abs(_text_width(lines[i + 1]) - lines[i + 1].wrap_after) <= 1
            and not rules._PHRASE_GAP.search(lines[start].raw)
            and unicodedata.category(lines[start].raw[0]) != "So"  # a brief's bullet: a title
        ):
            for k in range(start, i + 1):
                tags[k] = "subhead" if judged[k] == "subhead" else "body"
            tags[i + 1] = "body"
    return tags


# A paragraph that opens on someone's words (``王宏晋说，``) goes on with a story: no story opens
# so (none of the 11,749 news texts of the evaluation data does; 155 paragraphs inside them do).
_SPEECH_OPENS = re.compile(r"^[\u4e00-\u9fff·]{1,4}说[，：]")


def _speech_goes_on(lines: list[rules._Line], tags: list[str], judged: list[str]) -> list[str]:
    """A story's opening tagged on a paragraph that opens on someone's words is the story going
    on; a one-line title right above it that the rules read as a subhead, with text above it, is
    that subhead."""
    tags = list(tags)
    for i, t in enumerate(tags):
        if t != LEAD:
            continue
        following = lines[i + 1].raw if i + 1 < len(lines) else ""
        if not _SPEECH_OPENS.match(clean_inline(lines[i].raw + following)):
            continue
        j = _last_kept(tags, i)
        above = _last_kept(tags, j) if j >= 0 else -1
        if j >= 0 and tags[j] == TITLE and judged[j] == "subhead" and above >= 0 and tags[above] in (LEAD, "body", "subhead"):
            tags[j] = "subhead"
            tags[i] = "body"
        elif j >= 0 and tags[j] in (LEAD, "body", "subhead"):
            tags[i] = "body"
    return tags


def _headlines_reread(read: list[str], tags: list[str], lattice: Callable[[], Lattice]) -> list[str]:
    """Where the repairs re-read some lines of a headline (a kicker above its title that the tagger
    took for the title's first line), whether each other line of it goes on with the title or
    stands apart as its subtitle is what the model reads there once those lines are settled."""
    tags = list(tags)
    i = 0
    while i < len(tags):
        end = i
        while end < len(tags) and tags[end] in (KICKER, TITLE, TITLE_ON, SUBTITLE):
            end += 1
        changed = {k: tags[k] for k in range(i, end) if tags[k] != read[k]}
        if changed and any(tags[k] in (TITLE_ON, SUBTITLE) for k in range(i, end) if k not in changed):
            decoded = lattice().best(changed)[0]
            for k in range(i, end):
                if k not in changed and tags[k] in (TITLE_ON, SUBTITLE) and decoded[k] in (TITLE_ON, SUBTITLE):
                    tags[k] = decoded[k]
        i = max(end, i + 1)
    return tags


# Two stretches of text on either side of a line share at least this much (the character pairs of
# the text below's opening found in the text above) when they are one story parted by its subhead.
# On the training generators' true tags: a subhead's two sides share 0.11-0.20 at the median (0.06
# on one generator's short briefs), a title's two sides 0.00-0.04, and at least 0.2 for at most
# one title in ten (docs/segmentation.md, session 23).
_ONE_STORY = 0.2
# ... and the model gives the line at least this chance of being a subhead: stories on one topic
# (two of a leader's meetings) share words too.
_SUBHEAD_CHANCE = 0.2


def _subheads_within(
    lines: list[rules._Line], tags: list[str], judged: list[str], lattice: Callable[[], Lattice]
) -> list[str]:
    """A line read as a title alone (no kicker, subtitle or byline beside it, no brief's bullet)
    that the rules read as a subhead, between a sentence's end and text that no dateline, byline
    or jump opens, is a subhead where the model doubts its reading and the text below goes on with
    the story above (shares ``_ONE_STORY`` of its words): two stories side by side share little."""
    tags = list(tags)
    chances: list[dict[str, float]] = []
    for i, t in enumerate(tags[:-1]):
        if t != TITLE or judged[i] != SUBHEAD or unicodedata.category(lines[i].raw.lstrip()[:1] or " ") == "So":
            continue
        j = _last_kept(tags, i)
        if not (
            j >= 0
            and tags[j] in (LEAD, "body", "subhead")
            and ends_sentence(lines[j].raw)
            and tags[i + 1] in (LEAD, "body")
            and not _opened_in_print(lines, i + 1)
        ):
            continue
        above = j
        while above > 0 and tags[above - 1] in (LEAD, "body", "subhead"):
            above -= 1
        below = i + 1
        while below < len(tags) and tags[below] in (LEAD, "body", "subhead"):
            below += 1
        opening = _bigrams(_Unit(BODY, list(range(i + 1, below))), lines)
        if opening and _share(opening, _bigrams(_Unit(HEAD, list(range(above, j + 1))), lines)) >= _ONE_STORY:
            chances = chances or lattice().marginals()
            if chances[i].get(SUBHEAD, 0.0) >= _SUBHEAD_CHANCE:
                tags[i], tags[i + 1] = SUBHEAD, "body"
    return tags


def _subheads_closing(lines: list[rules._Line], tags: list[str], lattice: Callable[[], Lattice]) -> list[str]:
    """A line read as a subhead right below a finished sentence that repeats the words of the text
    above it and not those of the text below (``……发送旅客25.22亿人次，同比增长15.7%。`` / ``1至7月份全国铁路发送旅客超25亿人次`` / another
    story) is the title of the story above: a subhead heads what follows it."""
    tags = list(tags)
    chances: list[dict[str, float]] = []
    i = 0
    while i < len(tags):
        if tags[i] != SUBHEAD:
            i += 1
            continue
        end = i
        while end + 1 < len(tags) and tags[end + 1] == SUBHEAD and not lines[end + 1].blank_before:
            end += 1
        j = _last_kept(tags, i)
        if (
            j >= 0 and end + 1 < len(tags) and end - i < 3
            and tags[j] in (LEAD, "body") and ends_sentence(lines[j].raw)
            and tags[end + 1] in (LEAD, "body") and not _alone(lines, end + 1)
            and not breaks_word(lines[end].raw, lines[end + 1].raw)  # the headline's own last line
            and _could_be_title("".join(lines[k].raw for k in range(i, end + 1)))
            and unicodedata.category(lines[i].raw.lstrip()[:1] or " ") != "So"  # a brief's bullet heads what follows
        ):
            above = j
            while above > 0 and tags[above - 1] in (LEAD, "body"):
                above -= 1
            below = end + 1
            while below < len(tags) and tags[below] in (LEAD, "body"):
                below += 1
            if below - end < 3:  # one line below: the headline's own last line (``俄罗斯新一届总统！``)
                i = end + 1
                continue
            head = _bigrams(_Unit(HEAD, list(range(i, end + 1))), lines)
            text_above = _bigrams(_Unit(HEAD, list(range(above, j + 1))), lines)  # all of it, not its opening
            if (
                _share(head, text_above) >= _CLOSES_ABOVE
                and _share(head, _bigrams(_Unit(BODY, list(range(end + 1, below))), lines)) < _HEADS_BELOW
                and (chances := chances or lattice().marginals())[i].get(TITLE, 0.0) >= _CLOSING_CHANCE
            ):
                tags[i : end + 1] = [TITLE] + [TITLE_ON] * (end - i)
                tags[end + 1] = LEAD
        i = end + 1
    return tags


# A story's title repeats at least this part of its character pairs in its text; a subhead heads text
# that repeats at least the other part of its own; and the model gives the title some chance.
_CLOSES_ABOVE, _HEADS_BELOW, _CLOSING_CHANCE = 0.4, 0.1, 0.2


def _opened_in_print(lines: list[rules._Line], i: int) -> bool:
    """Line i opens a story as the page prints it: a dateline (whole or broken over lines) or a
    ``上接`` jump."""
    return (
        _dated(lines, i) or dateline_reach(lines, i, justified=True) is not None
        or any(kind in ("上接", "接") for kind, _ in lines[i].jumps)
    )


def _as_text(lines: list[rules._Line], tags: list[str], i: int, end: int) -> None:
    """Tag lines i..end-1 as running text: a body's opening, or its sequel when the text above
    stopped mid-sentence."""
    j = _last_kept(tags, i)
    goes_on = j >= 0 and tags[j] in (LEAD, "body", "subhead") and not ends_sentence(lines[j].raw)
    tags[i:end] = ["body" if goes_on else LEAD] + ["body"] * (end - i - 1)


# Column names, one with its unit in brackets: 指标 数值（万吨） 同比增长（%）
_TABLE_HEADER = re.compile(r"^(?=.*\S[（(][^（）()\s]{1,6}[)）])[^\s（(]{1,8}(?:\s+[^\s，。；]{1,10}){1,5}$")


def _table_lines(lines: list[rules._Line]) -> set[int]:
    """The lines of the tables and charts set in a page's columns, the story's text wherever the
    tagger put them (no title, no story of their own): runs of lines that hold what
    heads a table (its title, broken or not, a header of column names, its unit or source) and its
    rows of figures (a label and figures, a figure alone, a label on a line of its own between
    them). Rows with nothing to head them are none (a page's masthead and number, a market's price
    list, a justified line of text)."""
    kinds = [
        "head" if DATA_TITLE.match(line.raw) or DATA_NOTE.match(line.raw) or _TABLE_HEADER.match(line.raw)
        else "row" if DATA_ROW.match(line.raw) else "" for line in lines
    ]
    for j, kind in enumerate(kinds):
        if kind or re.search(r"[，。；！？]", lines[j].raw) or not 0 < j < len(lines) - 1:
            continue
        if kinds[j - 1] == "head" and kinds[j + 1] and lines[j].vis <= 16:
            kinds[j] = "head"  # a title's second line
        elif kinds[j - 1] and kinds[j + 1] == "row" and lines[j].vis <= 12:
            kinds[j] = "row"  # a row's label on a line of its own
    table: set[int] = set()
    run: list[int] = []
    for j in range(len(lines) + 1):
        ends = j == len(lines) or not kinds[j] or j > 0 and any(kind in ("下转", "转") for kind, _ in lines[j - 1].jumps)
        if ends and {"head", "row"} <= {kinds[k] for k in run}:
            table.update(run)
        if ends:
            run = []
        if j < len(lines) and kinds[j]:
            run.append(j)  # (a jump to another page ends the story, and its table)
    return table


def _figure_opening_title(lines: list[rules._Line], tags: list[str]) -> list[str]:
    """A figure alone on a line right above a title's line that goes on with its unit
    (``2025`` / ``年第九届亚冬会……``, ``6.`` / ``2%``) is the title's first line, not a page number."""
    tags = list(tags)
    for i in range(len(lines) - 1):
        below = lines[i + 1]
        if (tags[i + 1] in (TITLE, TITLE_ON) and not below.blank_before and re.fullmatch(r"\d[\d.]*", lines[i].raw)
                and re.match(r"[年月日万亿%个元次人家.\d]", below.raw)):
            tags[i], tags[i + 1] = TITLE, TITLE_ON
    return tags


def _repaired(lines: list[rules._Line], tags: list[str], heads_first: bool, table: set[int] = frozenset()) -> list[str]:
    """Tags that make headlines: a title starts with its first line (no ``title+`` without a
    title), a kicker has a title below it, a plain article's first line is its title, and so on
    below; each repair holds on any page, whatever the tagger was trained on."""
    tags = list(tags)
    for j, line in enumerate(lines):
        if (tags[j] in HEADLINE or tags[j] == CAPTION_TAG) and PAGE_FURNITURE.search(line.raw):
            tags[j] = FURNITURE  # the page's editors, a QR code's hint: never part of a headline or a caption
        elif tags[j] in HEADLINE and j and tags[j - 1] in (LEAD, "body") and _closing_credit_line(line.raw):
            tags[j] = "body"  # a story's source or reporters in brackets (``（来源：新华网）``) close its text
    for j in range(len(lines)):
        reach = dateline_reach(lines, j, justified=True)
        if reach and reach[0] == "dl" and (tags[j] in HEADLINE or tags[j] == FURNITURE):
            # A dateline, however it was broken, opens a body: never a headline line.
            tags[j] = LEAD
            # The lines it reaches into, and the text right after it, go on with that body.
            for k in range(j + 1, min(reach[1] + 2, len(lines))):
                if tags[k] in HEADLINE or tags[k] in (FURNITURE, LEAD):
                    tags[k] = "body"
    tags = _pictures_named(lines, tags, table)
    tags = _blocks_credited(lines, tags)
    tags = _numbered_titles(lines, tags)
    i = 0
    while i < len(tags):
        end = i
        while end < len(tags) and tags[end] == CAPTION_TAG:
            end += 1
        if end < len(tags) and tags[end] == LEAD:
            # Above a story's lead, what follows a picture's credit is not that picture's caption.
            end = next((k for k in range(i + 1, end) if _credit_ends(lines, k)), end)
        if i < end < len(tags) and tags[end] != CAPTION_TAG and len(lines[end].raw) <= 12 and CREDIT_END.search(lines[end].raw):
            tags[end] = CAPTION_TAG  # the credit's last piece, broken off by the column's end (``孔辉`` / ``国 摄``)
            end += 1
        if (
            end > i
            and not any(_credit_line(lines[k].raw) for k in range(i, end))
            and not (i and tags[i - 1] in (FURNITURE, BYLINE) and credit_alone(lines[i - 1].raw))
            and not _PICTURE_MARK.match(lines[i].raw.strip())
            and not _caption_apart(lines, tags, i, end, heads_first)
        ):
            # A photo caption ends with its credit (``…… 记者 王佳丽 摄``, ``新华社发``, ``供图``,
            # ``图/记者 龙梅``), or has it printed alone right above (``本报通讯员 侯兰 摄`` / ``1月15日，
            # ……``), or says which picture it is (``图③：``, ``图为``): lines that do none of these are
            # running text, but for a reporter's line (a byline) and a headline's block of its own
            # right above a lead (its headline).
            tags[i:end] = ["body"] * (end - i)
            for k in _reporters([lines[k].raw for k in range(i, end)]):
                tags[i + k] = BYLINE
            if end < len(tags) and tags[end] == LEAD:
                _headline_last(lines, tags, i, end)
        i = max(end, i + 1)
    for i in range(1, len(tags)):
        if (
            (tags[i] in HEADLINE or tags[i] == FURNITURE)
            and tags[i - 1] in (LEAD, "body")
            and not lines[i].blank_before
            and lines[i - 1].link
            and re.search(r"[，、。；！？]", lines[i - 1].raw + lines[i].raw)
            and not _credit_closes(lines[i - 1].raw)
        ):
            # Running text that flows on into the next line of its block (the rules' judgement),
            # in a sentence: that line goes on with the body (not past its reporters' credit:
            # ``……重点发力。（通讯员 唐炜嘉）`` / ``多措并``, nor past its writer's name in brackets).
            tags[i] = "body"
    tags = _sentences_as_text(lines, tags)
    for i in range(1, len(tags)):
        j = _last_kept(tags, i)
        if (
            tags[i] == LEAD
            and j >= 0
            and tags[j] in (LEAD, "body", "subhead")
            and not any(kind in ("下转", "转") for kind, _ in lines[j].jumps)
            and not any(kind in ("上接", "接") for kind, _ in lines[i].jumps)
            and not _dated(lines, i)
            and dateline_reach(lines, i, justified=True) is None
            and not _opens_after_unfinished(lines, j, i)
            and not _awaited(tags, i)
        ):
            # No article starts right below another one's text (its headline, a caption or a
            # banner stands between), unless a dateline or a jump opens it: the text goes on here.
            tags[i] = "body"
        elif tags[i] == "body" and lines[i].blank_before and _awaited(tags, i) and _attributed(lines, i):
            # A paragraph opening on a reporter's attribution (``日前，记者从……获悉，``) under a
            # stack of headlines that still waits for a story opens that story.
            tags[i] = LEAD
    reporters = _reporters([line.raw for line in lines])
    for i, t in enumerate(tags):
        before = tags[i - 1] if i else ""
        after = tags[i + 1] if i + 1 < len(tags) else ""
        if t == FURNITURE and before in (TITLE, TITLE_ON, SUBTITLE) and reporters.get(i):
            # Reporters named right under a headline are its story's, not the page's, also where
            # the column broke the line (``□ 本报记者`` / ``阎轩瑞``).
            tags[i] = BYLINE
            if after == FURNITURE and reporters.get(i + 1) == "":
                tags[i + 1] = BYLINE
        elif t in (KICKER, TITLE, TITLE_ON, SUBTITLE) and _role_alone(lines, i):
            tags[i] = BYLINE  # a reporter's role is no headline, whatever its tag; its name may follow
            if after == FURNITURE and reporters.get(i + 1) == "":
                tags[i + 1] = BYLINE
        elif t == FURNITURE and before == KICKER and after not in (TITLE, TITLE_ON):
            tags[i] = TITLE
        elif (
            t == FURNITURE and before == TITLE and after not in (TITLE, TITLE_ON) and _label(lines[i - 1].raw)
            and _could_be_title(lines[i].raw)
        ):
            # A series' name is never a title: read as one, it is the kicker of the headline line
            # below it (``推动高质量发展系列主题新闻发布会`` / ``青海：绿色发展迈上新台阶``).
            tags[i - 1], tags[i] = KICKER, TITLE
        elif t == TITLE_ON and before not in (TITLE, TITLE_ON):
            tags[i] = TITLE
        elif t == CAPTION_TAG and after == LEAD and _headline_alone(lines[i]):
            tags[i] = TITLE  # a picture's words are a sentence or its credit; a headline right above a lead is its title
        elif (
            t == SUBTITLE and before == KICKER and not lines[i].raw.startswith("—")
            and not (i > 1 and tags[i - 2] in (TITLE, TITLE_ON))
        ):
            # A kicker's line below is its title (a subtitle goes under a title), unless the kicker
            # is printed under its title: then it is the subtitle it was read as.
            tags[i] = TITLE
        elif (
            t == KICKER
            and after not in (TITLE, TITLE_ON, KICKER)
            and before not in (TITLE, TITLE_ON)
            and not lines[i].raw.endswith("—")
        ):
            tags[i] = TITLE  # a headline line with no title below it, and no kicker's dash, is one
    if TITLE not in tags and len(tags) > 1 and tags[0] != CAPTION_TAG and not ends_sentence(lines[0].raw):
        # A plain article: its first line, when it is no sentence, is its title.
        if all(t in (LEAD, "body", "subhead") for t in tags[1:]):
            tags[0], tags[1] = TITLE, LEAD
    for i, t in enumerate(tags[:-1]):
        line = lines[i]
        if (
            t == LEAD
            and i == 0
            and heads_first
            and lines[i + 1].blank_before
            and tags[i + 1] in ("body", "subhead")
            and line.role == rules.TEXT
            and not re.search(r"[，。；！？、：（）]", line.raw)
            and not _dated(lines, i)
        ):
            # On a page read headlines first, its first line alone in its block, with not even a
            # comma, above more body: a title that the tagger took for running text.
            tags[i], tags[i + 1] = TITLE, LEAD
    for i, t in enumerate(tags):
        if t != TITLE_ON or not lines[i].blank_before:
            continue
        # A one-line title block, a column break, then the rest: a kicker above its title when far
        # narrower than the line below (a title is broken where its first line is full), unless
        # the break cuts a word (``习近平给中国`` / ``科学院院士……``): a kicker ends on a whole word;
        # nor a name or a word alone (``赵乐际`` / ``会见……``): a kicker is a phrase.
        if (
            tags[i - 1] == TITLE
            and lines[i - 1].blank_before
            and lines[i - 1].vis < 0.7 * lines[i].vis
            and len(clean_inline(lines[i - 1].raw)) > 4
            and not breaks_word(lines[i - 1].raw, lines[i].raw)
        ):
            tags[i - 1], tags[i] = KICKER, TITLE
    for i in range(len(tags) - 1):
        if tags[i] in (KICKER, TITLE, TITLE_ON) and tags[i + 1] in (KICKER, TITLE, TITLE_ON, SUBTITLE) and _runs_on(
            lines[i].raw, lines[i + 1].raw
        ):
            # A headline line broken inside a quote, a figure or a clause goes on in the next line:
            # both are one title.
            if tags[i] == KICKER:
                tags[i] = TITLE
            tags[i + 1] = TITLE_ON
    for i in range(len(tags) - 1):
        if tags[i] in (TITLE, TITLE_ON) and tags[i + 1] in (FURNITURE, KICKER) and _headline_tail(
            lines[i].raw, lines[i + 1].raw
        ):
            tags[i + 1] = TITLE_ON
    for i, t in enumerate(tags):
        # A headline has one kicker: one below a title that already has one above is the title's
        # last line.
        if t == KICKER and i and tags[i - 1] in (TITLE, TITLE_ON) and not lines[i].blank_before:
            j = i - 1
            while j >= 0 and tags[j] in (TITLE, TITLE_ON):
                j -= 1
            if j >= 0 and tags[j] == KICKER:
                tags[i] = TITLE_ON
    return tags


def _awaited(tags: list[str], i: int) -> bool:
    """Whether the story that line i opens is one that a stack of headlines right above the text
    it stands in still waits for: more titles stacked there (a headline band read before the
    columns under it) than stories opened in that text above line i."""
    start = i
    while start > 0 and tags[start - 1] in (LEAD, "body", "subhead", FURNITURE):
        start -= 1
    opened = 1 + sum(tags[k] == LEAD for k in range(start + 1, i))
    top = start
    while top > 0 and tags[top - 1] in (*HEADLINE, FURNITURE):
        top -= 1
    return sum(tags[k] == TITLE for k in range(top, start)) > opened


def _credit_line(raw: str) -> bool:
    """A line that ends with a picture's credit (``…… 记者 王佳丽 摄``, ``新华社发``, ``图/记者 龙梅``)."""
    return bool(CREDIT_END.search(raw) or PICTURE_BY.search(raw))


def _credit_ends(lines: list[rules._Line], i: int) -> bool:
    """Whether a picture's credit ends the block above line i: what opens below is not that picture's."""
    return lines[i].blank_before and _credit_line(lines[i - 1].raw)


def _caption_apart(lines: list[rules._Line], tags: list[str], i: int, end: int, heads_first: bool) -> bool:
    """Lines i..end-1, tagged caption, stand apart from any story's text: they end a statement, the
    text above them (if any) ended one too, and below them a story's lead opens, or a headline on
    a page whose headlines come before their stories (after them, the text above a headline is
    that headline's story; between two headlines, it is the lower one's story)."""
    above = _last_kept(tags, i)
    text_above = above >= 0 and tags[above] in (LEAD, "body", "subhead")
    return (
        lines[end - 1].raw.rstrip().endswith("。")  # a picture is described, not exclaimed over (a headline's ``！``)
        and (not text_above or ends_sentence(lines[above].raw) or lines[above].raw.rstrip().endswith(("）", ")")))
        and end < len(lines)
        and (tags[end] == LEAD or heads_first and tags[end] in HEADLINE and not (above >= 0 and tags[above] in HEADLINE))
    )


def _pictures_named(lines: list[rules._Line], tags: list[str], table: set[int] = frozenset()) -> list[str]:
    """A block read as running text that opens by naming a picture (``图为……``, ``图③：``) is a
    photo's caption, and so is a credit printed alone right below it: no story's paragraph opens so.
    A chart's title over its figures (``图表：……`` / ``单位：……`` / rows) is its story's text."""
    tags = list(tags)
    for i, line in enumerate(lines):
        if (not (line.blank_before and tags[i] in (LEAD, "body") and _PICTURE_MARK.match(line.raw.strip()))
                or _dated(lines, i) or i in table):
            continue
        end = i + 1
        while end < len(lines) and tags[end] in (LEAD, "body") and not lines[end].blank_before:
            end += 1
        if end - i > 6:
            continue
        if end < len(lines) and credit_alone(lines[end].raw) and tags[end] != CAPTION_TAG:
            end += 1
        tags[i:end] = [CAPTION_TAG] * (end - i)
    return tags


# A photo's caption is a short block: at most ``_CAPTION_LINES`` lines.
_CAPTION_LINES = 8


def _blocks_credited(lines: list[rules._Line], tags: list[str]) -> list[str]:
    """A short block of its own (blank lines around it) that says something and ends with a
    photographer's credit (``…… 本报记者 严英 摄``, broken anywhere, ``摄`` alone on the last line)
    is a photo's caption, whatever its lines were read as: no story's text ends on a picture's
    credit, and no headline ends in a sentence. A short block above it that stops mid-sentence is
    the caption's too (the text layer put a blank line inside its sentence). A credit ends a
    block too: captions stacked with no blank line between them are read one by one."""
    tags = list(tags)
    starts = [
        i for i, line in enumerate(lines) if i == 0 or line.blank_before or _credit_line(lines[i - 1].raw)
    ] + [len(lines)]
    for n, (start, end) in enumerate(itertools.pairwise(starts)):
        if not (
            end - start <= _CAPTION_LINES
            and all(tags[i] in (LEAD, "body", "subhead", CAPTION_TAG, FURNITURE, BYLINE) for i in range(start, end))
            and _credited([lines[i].raw for i in range(start, end)])
            and not lines[end - 1].raw.rstrip().endswith("摄影报道")  # a photo report: a story's text
            and "。" in "".join(lines[i].raw for i in range(start, end))
            and not _opens_dated(lines, start)
        ):
            continue
        while (
            n and end - starts[n - 1] <= _CAPTION_LINES
            and not ends_sentence(above := lines[start - 1].raw) and not above.rstrip().endswith(("）", ")"))
            and all(tags[i] in (LEAD, "body", CAPTION_TAG) for i in range(starts[n - 1], start))
            and not _opens_dated(lines, starts[n - 1])
        ):
            n, start = n - 1, starts[n - 1]
        tags[start:end] = [CAPTION_TAG] * (end - start)
    for i, line in enumerate(lines):
        # A sentence read as a headline right above a picture's credit (``……击退乌军。`` / ``诸葛昊 摄``)
        # is that picture's caption: no headline ends in a full stop.
        if not (tags[i] == CAPTION_TAG and credit_alone(line.raw)) or line.blank_before:
            continue
        top = i
        while top > 0 and tags[top - 1] in (TITLE, TITLE_ON) and not lines[top].blank_before:
            top -= 1
        if top < i and lines[i - 1].raw.rstrip().endswith("。") and tags[top] == TITLE:
            tags[top:i] = [CAPTION_TAG] * (i - top)
    return tags


def _numbered_titles(lines: list[rules._Line], tags: list[str]) -> list[str]:
    """A numbered brief's title in brackets (``1．【……】``, ``③【……】``, its ``】`` on the same line or
    the next) is a title, whatever its line was read as: a column's label is never numbered, and no
    sentence is bracketed so."""
    tags = list(tags)
    for i, line in enumerate(lines):
        opened = _unnumbered(line.raw)
        if not (opened.startswith("【") and opened != unmarked(line.raw)) or _opens_dated(lines, i):
            continue
        end = next((k for k in (i, i + 1) if k < len(lines) and lines[k].raw.rstrip().endswith("】")), None)
        printed = "".join(lines[k].raw for k in range(i, (end or i) + 1))
        if end is None or printed.count("【") != 1 or printed.count("】") != 1 or re.search(r"[。！？]", printed):
            continue
        tags[i : end + 1] = [TITLE] + [TITLE_ON] * (end - i)
    return tags


def _sentences_as_text(lines: list[rules._Line], tags: list[str]) -> list[str]:
    """A title's lines below running text that read as a whole sentence (``会议表决通过了……的决定。``)
    are that text's next paragraph: no title is a sentence, and left a headline they would part the
    story in two."""
    tags = list(tags)
    i = 0
    while i < len(tags):
        if tags[i] != TITLE:
            i += 1
            continue
        end = i + 1
        while end < len(tags) and tags[end] == TITLE_ON:
            end += 1
        text = "".join(lines[k].raw for k in range(i, end))
        above = _last_kept(tags, i)
        if above >= 0 and tags[above] in (LEAD, "body", "subhead") and ends_sentence(text) and no_title(text):
            tags[i:end] = ["body"] * (end - i)
        i = end
    return tags


def _headline_last(lines: list[rules._Line], tags: list[str], i: int, end: int) -> None:
    """Lines i..end-1 read back as text sit right above a lead: when their last block is a headline
    of its own (a title, perhaps broken or under a column's name, ``记者观察`` / ``坚持守正创新……``),
    it is that lead's; a column's name alone is no text."""
    start = end - 1
    while start > i and not lines[start].blank_before:
        start -= 1
    block = range(start, end)
    labels = [k for k in block if _label(lines[k].raw) or len(lines[k].raw.replace(" ", "")) <= 4]
    title = [k for k in block if k not in labels]
    if labels and not title:
        tags[start:end] = [FURNITURE] * len(block)  # a column's name alone: the page's make-up
        return
    if (
        len(block) > 3
        or lines[end - 1].link  # it flows on into the lead: the lead's first words
        or labels and labels[-1] > title[0]
        or not _headline_alone(lines[start]) and not (labels and lines[start].blank_before)
        or not all(_could_be_title(lines[k].raw) and not _CAPTION_CREDIT.search(lines[k].raw) for k in title)
        or not _could_be_title("".join(lines[k].raw for k in title))
    ):
        return
    for k in labels:
        tags[k] = KICKER
    tags[title[0]] = TITLE
    for k in title[1:]:
        tags[k] = TITLE_ON


def _headline_alone(line: rules._Line) -> bool:
    """A line of its own that could be a title and is no picture's credit (``（新华社发）``)."""
    raw = line.raw
    return (
        line.blank_before and _could_be_title(raw) and not raw.lstrip().startswith(("（", "("))
        and not _CAPTION_CREDIT.search(raw) and not PHOTO_CREDIT.search(raw)
    )


def _runs_on(line: str, below: str) -> bool:
    """Whether a headline line stops where no headline ends: inside a quote or bracket, inside a
    figure (``3.`` / ``4%``), after a clause mark, or before a mark that closes what it started."""
    line, below = line.strip(), below.strip()
    return bool(line and below) and (
        unbalanced(line)
        or line[-1] in "，、：:“‘《（(【"
        or (line[-1].isdigit() or line[-1] == ".") and (below[0].isdigit() or below[0] in "%％")
        or line[-1].isdigit() and below[0] in _COUNTED
        or below[0] in "，、。”’》）)】%％"
    )


def _headline_tail(line: str, below: str) -> bool:
    """Whether ``below``, however short, ends the title whose line ``line`` is: the title breaks a
    word there (``……全面开`` / ``工``) or stops on a word that opens what follows (``……上升至`` /
    ``202人``), and ``below`` is no sentence, column label, banner or notice."""
    tail = below.strip()
    return (
        bool(tail) and _could_be_title(tail, short=True) and not _label(tail)
        and not no_title(clean_inline(line + tail))
        and (breaks_word(line, tail) or ends_open(line) or _runs_on(line, tail))
    )


# What follows a figure and belongs to it (``50`` / ``条措施……``, ``2025`` / ``年……``, ``30`` / ``余家……``):
# a headline broken there is broken inside one word.
_COUNTED = frozenset("年月日时点分秒万亿千百个条项名人家户次倍元所批件位座台辆架艘吨米里亩度岁天周届期号余多")


_DATELINE_OPENINGS = ("本报", "新华社", "中新社", "人民日报")
_DATELINE_FIRST = {opening[0] for opening in _DATELINE_OPENINGS}


def _opens_after_unfinished(lines: list[rules._Line], above: int, i: int) -> bool:
    """Whether line i, past a column break, opens with a reporter's attribution (``记者26日从……获悉，``)
    while the sentence above it is unfinished: an opening that does not go on with that sentence,
    so another story's (set inside the columns of the one above)."""
    return lines[i].blank_before and not ends_sentence(lines[above].raw) and _attributed(lines, i)


def _attributed(lines: list[rules._Line], i: int) -> bool:
    """Whether line i opens with a reporter's attribution (``记者26日从……获悉，``), read across the
    line's end."""
    following = lines[i + 1].raw if i + 1 < len(lines) else ""
    return bool(ATTRIBUTION.match(clean_inline(lines[i].raw + following)))


def _dated(lines: list[rules._Line], i: int) -> bool:
    """Whether line i opens a dateline (``本报大同 10 月 17 日讯``), whole or broken onto the next line:
    a dateline always starts an article, whatever the tagger made of the line."""
    raw = unmarked(lines[i].raw)
    if raw[:1] not in _DATELINE_FIRST and "报讯" not in raw[:12]:
        return False  # (most lines: the regex below is not worth running)
    raw = closed_up(raw)
    if not (raw.startswith(_DATELINE_OPENINGS) or CITY_PAPER.match(raw)):
        return False
    following = lines[i + 1].raw if i + 1 < len(lines) else ""
    return bool(DATELINE_LINE.match(clean_inline(raw + following)))


def _opens_dated(lines: list[rules._Line], i: int) -> bool:
    """Whether line i opens a dateline, read across as many lines as it is broken over."""
    return _dated(lines, i) or (reach := dateline_reach(lines, i, justified=True)) is not None and reach[0] == "dl"


def _word_goes_on(lines: list[rules._Line], tags: list[str]) -> list[str]:
    """A story's first line that ends a word the text above it broke off (``……工作部署，表`` / a
    headline / ``示组织部门……``) opens no story: the text goes on past what was set between (a
    headline, a photo, a banner), unless a dateline or a jump opens it."""
    tags = list(tags)
    for i, t in enumerate(tags):
        if t != LEAD or _dated(lines, i) or lines[i].jumps or dateline_reach(lines, i, justified=True):
            continue
        j = i - 1
        while j >= 0 and tags[j] not in (LEAD, "body"):
            j -= 1
        if j >= 0 and j < i - 1 and not ends_sentence(lines[j].raw) and not lines[j].jumps \
                and not _credit_closes(lines[j].raw) and breaks_word(lines[j].raw, lines[i].raw):
            tags[i] = "body"
    return tags


def _last_kept(tags: list[str], i: int) -> int:
    """The line before i that is not furniture (a banner between two lines does not split them)."""
    j = i - 1
    while j >= 0 and tags[j] == FURNITURE:
        j -= 1
    return j


def _credited(raws: list[str]) -> bool:
    """A caption's lines end with its credit, read over the last three joined (the column may
    break a credit anywhere, and justify it letter by letter): the next caption line starts
    another caption."""
    return _search_closed_up((PHOTO_CREDIT, PICTURE_BY, _CAPTION_CREDIT), "".join(raws[-3:]))[0] is not None


def _search_closed_up(patterns: tuple[re.Pattern, ...], text: str) -> tuple[re.Match | None, str]:
    """The first pattern's match in the text as printed, else in the text closed up (a justified
    line spaces a credit's letters, a column break parts a name), and the text it was found in."""
    for form in (text, clean_inline(text)):
        for pattern in patterns:
            if match := pattern.search(form):
                return match, form
    return None, text


def _head_groups(unit: _Unit, tags: list[str]) -> list[_Unit]:
    """One group per title: a kicker goes with the title below it, a subtitle or byline with the
    title above it (or the next one, at the start of a run)."""
    titles = [n for n, i in enumerate(unit.lines) if tags[i] == TITLE]
    if not titles:
        return [unit]
    groups = [_Unit(HEAD) for _ in titles]
    for n, i in enumerate(unit.lines):
        before = [k for k, t in enumerate(titles) if t <= n]
        after = [k for k, t in enumerate(titles) if t > n]
        if tags[i] == KICKER and after and (not before or _kicker_above(unit, tags, n, titles[after[0]])):
            owner = after[0]
        else:
            owner = before[-1] if before else after[0]
        groups[owner].lines.append(i)
    return groups


def _kicker_above(unit: _Unit, tags: list[str], n: int, title: int) -> bool:
    """A kicker between two titles belongs to the one below when only kickers stand between them."""
    return all(tags[i] == KICKER for i in unit.lines[n:title])




def _role_alone(lines: list[rules._Line], i: int) -> bool:
    """Line i is a reporter's role whose name the column broke off: marked or with its outlet
    (``■本报记者``), or with the name on the next line. A bare ``记者`` ending a title's lines is the
    title's last word (``……并共同会见`` / ``记者``)."""
    if _marked_role(lines[i].raw):
        return True
    plain = _unbulleted(lines[i].raw.strip())
    return bool(ROLE_ALONE.match("".join(plain.split()))) and i + 1 < len(lines) and _byline_across(plain, lines[i + 1].raw.strip()) is not None


def _marked_role(raw: str) -> bool:
    """A reporter's role alone behind the page's mark or with its outlet (``■记者``, ``本报记者``)."""
    plain = _unbulleted(raw.strip())
    closed = "".join(plain.split())
    return bool(ROLE_ALONE.match(closed)) and (plain != raw.strip() or not closed.startswith(("记者", "通讯员")))


def _reporters_form(line: str) -> str:
    """A headline line as a byline would read: closed up where it is printed letter by letter
    (``融 媒 记 者 宋 芳 睿``), so that a justified byline is told from a title like any other."""
    if BYLINE_LINE.match(line):
        return line  # (names apart stay apart: ``本报记者 王龙飞 王佳丽``)
    closed = "".join(line.split())
    spaced = len(rules._LETTER_GAP.findall(line)) >= 3
    return closed if spaced and (BYLINE_LINE.match(closed) or ROLE_ALONE.match(closed)) else line


def _reporters(raws: list[str]) -> dict[int, str]:
    """The reporters' lines among consecutive lines, each as its byline reads (the second line of
    one that the column broke in two as ""): a byline whole, behind the page's mark (``■ 本报记者
    龙伟``) or printed letter by letter; a role alone behind the mark or with its outlet; one broken
    inside a name (``□本报记者朱悦`` / ``霞 邹飞颖``), right after its role (``□ 本报记者`` /
    ``阎轩瑞``) or inside it (``人民日报`` / ``记者 钱然``), not a byline above a column label."""
    plains = [_reporters_form(_unbulleted(raw.strip())) for raw in raws]
    found = {k: plain for k, plain in enumerate(plains) if BYLINE_LINE.match(plain) or _marked_role(raws[k])}
    for k in range(len(plains) - 1):
        joined = _byline_across(plains[k], plains[k + 1]) if found.get(k) != "" else None
        if joined and (k + 1 not in found or k not in found):  # (``人民日报`` / ``记者 钱然``: the second a byline too)
            found[k], found[k + 1] = joined, ""
    return found


# What a reporter's role may be cut to by the column's end: an outlet, a rank, part of the word
# (``人民日报``, ``法治日报全媒体记``, ``本报通讯``), behind the page's mark.
_ROLE_OPENING = re.compile(
    rf"^[{PAGE_MARKS}◎\s]*(?:本报|本刊|新华社|{PAPER})"
    rf"(?:驻[\u4e00-\u9fff]{{1,6}})?{RANK}?(?:记|通讯?)?$"
)


def _byline_across(first: str, second: str) -> str | None:
    """The byline two lines make when the column broke it inside a name (``□本报记者朱悦`` /
    ``霞 邹飞颖``), right after its role (``□ 本报记者`` / ``阎轩瑞``) or before the role ends
    (``人民日报`` / ``记者 钱然``, ``法治日报全媒体记`` / ``者 史静``), else None (a byline above a
    column label is two lines)."""
    if re.match(r"[\u4e00-\u9fff·](?:\s|$)", second) or _ROLE_OPENING.match(first):
        forms = [f"{first}{second}"]
    elif re.search(r"(?:记者|通讯员)$", first):
        forms = [f"{first}{second}", f"{first} {second}"]
    else:
        return None
    return next((form for form in forms if BYLINE_LINE.match(form)), None)


def _fill_headline(article: Article, head: list[tuple[str, str]]) -> None:
    title: list[str] = []
    kicker: list[str] = []
    subtitle: list[str] = []
    # A signature may carry the page's mark (``■ 本报评论员``), and a byline may be broken over
    # two lines: read as one, it is one.
    bylines = _reporters([raw for raw, _ in head])
    for k, (raw, t) in enumerate(head):
        plain = bylines.get(k, _reporters_form(_unbulleted(raw.strip())))
        if not plain or signs_off(plain):
            continue  # the rest of a broken byline; a commentary's signature: no part of its headline
        if k in bylines:
            t = BYLINE  # a reporter's line is never part of a title, whatever its tag
        if t == BYLINE:
            if k in bylines or (_NAMES_ONLY.match(raw) and not rules._ROLE_WORD.search(raw)):
                # (not a column label such as ``记者观察``)
                article.reporters += [n for n in rules._names(plain) if n not in article.reporters]
        elif t == SUBTITLE:
            subtitle.append(raw)
        elif t == KICKER:
            kicker.append(raw)
        elif t in (TITLE, TITLE_ON):
            title.append(raw)
    title, kicker = _labels_trimmed(title, kicker)
    title, subtitle = _lead_trimmed(title, subtitle)
    if title and subtitle and "".join(title[-1].split()).endswith("称") and not subtitle[0].lstrip().startswith("—"):
        # No title ends on what someone said (none of the evaluation data's 11,749 does; 395 of
        # 395,089 wrapped lines of text do): the line read as its subtitle says it (``以总理称`` /
        # ``没有美支持也将进攻拉法``).
        title.append(subtitle.pop(0))
    title, kicker, subtitle = _speaker_as_kicker(title, kicker, subtitle)
    cut = next((k for k, raw in enumerate(title[:-1]) if raw.rstrip().endswith("，")), None)
    if cut is not None and not kicker:
        # A headline line that ends on a comma over the title's lines leads into it: the kicker
        # (``夯实全年丰收基础，`` / ``各地多举措推进粮食稳产增产``); a title seldom holds a comma (59 of
        # the evaluation data's 11,749) and is not broken at one.
        kicker, title = title[: cut + 1], title[cut + 1 :]
    if (
        kicker and title and not subtitle and _DAY.search("".join(title)) and not _DAY.search("".join(kicker))
        and not kicker[-1].rstrip().endswith("—") and _could_be_title(" ".join(kicker))
        and _share(_cjk_pairs("".join(kicker)), _cjk_pairs("".join(title))) >= 0.5
    ):
        # A title names no day; a report's opening does, and says again what the title said: the
        # line above is the title and the dated one its subtitle (``李强主持召开国务院常务会议`` /
        # ``国务院总理李强4月26日主持……``), not a series' name above a lead's words.
        title, subtitle, kicker = kicker, title, []
    if title and no_title(_unbulleted(" ".join(title))):  # (a mark before a byline hides nothing)
        # What is never a title (a series' name, a dateline): a subtitle not set off by a dash that
        # could be one is the headline's title line, read a line too low.
        promoted = subtitle and not subtitle[0].lstrip().startswith("—") and _could_be_title(" ".join(subtitle))
        title, subtitle = (subtitle, []) if promoted else ([], subtitle)
    if title and _unfinished(rules._join_heading(title)):
        title = []  # a clause of running text cut at the line's end: no title is better than it
    if kicker:
        article.kicker = clean_heading(rules._join_heading(kicker).rstrip("—").strip())
    if subtitle:
        article.subtitle = rules._join_heading(subtitle)
    if title:
        article.title = _unbulleted(rules._join_heading(title))


def _unfinished(title: str) -> bool:
    """A headline that stops where no title does: on a word that opens what follows
    (``……临汾队主场以``) or on a day (``国家主席习近平11月8日``). None of the evaluation data's
    11,749 titles ends so; running text broken at a line's end often does."""
    return ends_open(title) or bool(re.search(r"\d\s*日$", title.strip()))


def _speaker_as_kicker(
    title: list[str], kicker: list[str], subtitle: list[str],
) -> tuple[list[str], list[str], list[str]]:
    """Headline lines that end on who spoke (``……回信强调``) are the kicker, wherever the text layer
    put them: read as the title above a subtitle, or as a subtitle under the title."""
    def spoke(lines: list[str]) -> bool:
        return bool(lines) and bool(SPEAKER_KICKER.search("".join("".join(lines).split())))

    if kicker:
        return title, kicker, subtitle
    if spoke(title) and subtitle and not subtitle[0].lstrip().startswith("—"):
        return subtitle, title, []
    if title and spoke(subtitle):
        return title, subtitle, []
    return title, kicker, subtitle


# A lead's ``今天（7月29日）``, ``昨晚（11月30日）``: how a report dates itself, never how a title does.
_DATED_TODAY = r"(?:今|昨|前|明|当)(?:天|日|晚|晨|夜)\s*[（(]\s*\d"
# How a report opens or cites its source, never how a title goes on: a title's last line that opens
# so (``当地时间7月4日上午``, ``据巴勒斯坦通讯社10日报道``) or ends on a source's verb
# (``……俄罗斯国防部14日称``) is the lead's opening or a subtitle, not the title. Not one of the
# evaluation data's 11,749 titles, nor of the clauses between their spaces, opens or ends so.
_LEAD_OPENING = re.compile(
    r"^(?:当地时间|据|其中|目前|此前|近日|日前|来自|眼下|近年来|连日来|随着|截至|此外|另外|与此同时)"
    r"|^记者\s*(?:\d|从|近日|日前|今天|昨天|了解|获悉|在)|^在.{2,20}后$"
    rf"|{_DATED_TODAY}"
)
# The day a report names (``4月26日``, ``26日``): 45 of the evaluation data's 11,749 titles name one,
# 6,412 of their texts' first 30 characters do.
_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|(?<![\d月年])\d{1,2}\s*日(?!报)")
_SOURCE_END = re.compile(
    r"(?:介绍|获悉|了解到|透露|报道|消息|据悉|上午|下午|晚|凌晨)$"
    r"|(?:\d\s*日[\u4e00-\u9fff]{0,6}|声明|报道)(?:称|说|宣布)$"
)


def _lead_trimmed(title: list[str], subtitle: list[str]) -> tuple[list[str], list[str]]:
    """The title's lines without the trailing ones that read as a lead's opening or a source's
    words (they join the subtitle): a report's first clause printed under its title. Lines that
    read as running text throughout (``……习近平指出``) are left for ``no_title`` to refuse whole."""
    while len(title) > 1:
        k = len(title) - 1
        while k > 1 and breaks_word(title[k - 1], title[k]):
            k -= 1  # a clause the column broke (``记者从……联合会了`` / ``解到``) is read whole
        if breaks_word(title[k - 1], title[k]):
            break
        tail = "".join("".join(title[k:]).split())
        if not (_LEAD_OPENING.search(tail) or _SOURCE_END.search(tail)):
            break
        title, subtitle = title[:k], [*title[k:], *subtitle]
    return title, subtitle


# A section's or box's name, never a title on its own.
_SECTION = (
    r"^(?:专题|专题报道|专栏|广告|[（(]广告[）)]|要闻|综合新闻|深度|视点|时评|相关链接|新闻链接|背景链接|延伸阅读|链接"
    r"|要目|(?:今日|本版)?导读|新闻(?:观察|速览|速递|简讯)|国际观察|简讯|图片新闻|图说新闻|短评|快评|今日谈"
    r"|记者(?:蹲点|手记|观察|调查|探访|直击)|蹲点(?:日记|调研)|(?:本报)?独家(?:报道|专访)?|现场直击|一线直击)$"
)
# A column's, series' or section's name printed beside a title (``推动高质量发展系列主题新闻发布会``,
# ``“民生实事”追踪之十``, ``【我们的2024】``, ``专题``, ``深度``): the paper's make-up, no part of the title.
# A series' name ends so; none of the evaluation data's 11,749 titles does.
_SERIES = (
    r"(?:系列(?:主题)?(?:新闻发布会|报道|述评|评论|访谈)|专题报道|特别报道)(?:之[一二三四五六七八九十\d]+)?[·•]?$"
    r"|(?:追踪|手记|述评|报道|调研行)之[一二三四五六七八九十\d]+[·•]?$"
)
_COLUMN_LABEL = re.compile(rf"^【[^【】]{{2,24}}】$|{_SERIES}|{_SECTION}")


def _labels_trimmed(title: list[str], kicker: list[str]) -> tuple[list[str], list[str]]:
    """The title's lines without a column's or series' name at either end (it joins the kicker);
    never down to a stub of a title (``推动高质量`` / ``发展系列主题新闻发布会``: one label, broken)."""
    def stub(rest: list[str]) -> bool:
        return len("".join("".join(rest).split())) < 6

    def parted(lines: list[str], n: int, label_first: bool) -> bool:
        """Lines parted at n into a label and a title (where the label is more than one whole line,
        a break that cuts no word: a series' name matches at its end whatever comes before)."""
        label, rest = (lines[:n], lines[n:]) if label_first else (lines[n:], lines[:n])
        return _label("".join(label)) and not stub(rest) and (len(label) == 1 or not breaks_word(lines[n - 1], lines[n]))

    # The fewest whole lines that make a label (one broken over lines is one: ``推动……新闻`` / ``发布会``).
    head = next((n for n in range(1, len(title)) if parted(title, n, True)), 0)
    kicker, title = [*kicker, *title[:head]], title[head:]
    tail = next((n for n in range(len(title) - 1, 0, -1) if parted(title, n, False)), len(title))
    return title[:tail], [*kicker, *title[tail:]]


def _label(line: str) -> bool:
    """A whole line that names a column (not half of a bracket that the title's lines share)."""
    line = "".join(line.split())
    return bool(_COLUMN_LABEL.search(line)) and balanced(line)


_NEWS_ORG = r"(?:本报|新华社|中新社|人民日报|中新网|央视网)"
_NOT_A_TITLE = re.compile(
    rf"^{_NEWS_ORG}[\u4e00-\u9fff]{{0,8}}?\s*(?:\d|讯|电)"  # a dateline's start: 本报吕梁 10 月 23
    r"|^[\d\s]*[月日]?\s*[讯电]\s*(?:[（(]|$)"  # its tail: 日讯（记者
    rf"|^[（(]?\s*{REPORTER_ROLE}\s*[\u4e00-\u9fff·]{{2,4}}(?:\s|[）)]|$)"  # a byline
    # a reporter's role alone or with the names glued on: 本报记者, 晋中日报记者, 本报记者樊芸梅严海蔚
    rf"|^(?:[\u4e00-\u9fff]{{0,6}}?(?:报|社|台|网))?{RANK}?(?:记者|通讯员)(?:[\u4e00-\u9fff·]{{2,9}})?$"
    rf"|^{_NEWS_ORG}$"  # an outlet's name alone: 本报
    r"|^[\u4e00-\u9fff·]{1,12}?(?:表示|指出|认为|介绍|说)，"  # reported speech: 习近平指出，……
    r"|[，、；：]$|。|^[，。、；：）》”’]"  # a clause of running text: ends or starts mid-sentence
    rf"|{EDITORS_NOTE.pattern}"  # an editor's note
    r"|^[（(][一二三四五六七八九十\d]{1,3}[）)]|^[一二三四五六七八九十]{1,3}、"  # a numbered subhead: （三）, 二、
    r"|^[（(]?(?:资料图片|资料图|图表[：:]|制图[：:]|供图)"  # a picture's label or credit
    # A speaker's words broken off at the verb (``习近平总书记指出``, ``……在讲话中指出``, ``……报道称``), a
    # lead's ``今天（6月5日）``: none of the evaluation data's 11,745 titles ends or opens so; 1,006 and
    # 3,624 of 230,780 wrapped text lines do. (Not ``……时强调``: a paper may print that kicker as the
    # title above its subtitle.)
    rf"|(?:指出|表示|认为|声称|报道称)$|{_DATED_TODAY}"
    r"|(?:日报|晚报|早报|晨报|时报|商报|都市报)\s*(?:[A-Z]\s*\d{1,2}|第?\s*\d{1,2}\s*版)(?:\s|$)"  # a banner: 滨江晚报 A05 要闻
    rf"|{_SECTION}|{_SERIES}"  # a section's or box's name alone (相关链接), a series' (……系列报道之五)
    r"|^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日$"  # a date alone: 2024年6月25日
    # a byline run into the text (``……回升向好本报记者涂泽``): none of the evaluation data's titles has one
    rf"|{_NEWS_ORG}{RANK}?记者\s*[\u4e00-\u9fff·]{{2,4}}"
)


def no_title(text: str) -> bool:
    """What is never a title, whatever the tags say: a dateline or a piece of one, a byline or its
    role alone, a clause of running text (a sentence end inside, a clause mark at its end, a
    speaker's words: ``……指出，``), the page's own lines (``责编：……``)."""
    return any(
        bool(_NOT_A_TITLE.search(form)) or bool(BYLINE_LINE.match(form)) or bool(PAGE_FURNITURE.search(form))
        for form in (text.strip(), clean_inline(text).strip())
    )


# A brief's number in a list of briefs (``1.``, ``2．``, ``3、``, ``（4）``, ``⑤``), not a figure: no
# decimal follows (``1.2亿人`` is one), but a year may (``2.2024年……``).
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）]|[①-⑳])\s*(?=[^\d\s]|(?:19|20)\d\d年)")


def _unnumbered(line: str) -> str:
    """A line without a brief's list mark and number (``■``, ``1.``, ``（4）``, ``⑤``)."""
    return _LIST_NUMBER.sub("", unmarked(line), count=1)


def _unbulleted(title: str) -> str:
    """A title without the bullet (``■``, ``◆``, ``●``), the number (``1.``) or the brackets (``【…】``)
    that mark a brief."""
    title = _unnumbered(title)
    if title.startswith("【") and title.endswith("】") and title.count("【") == 1 and title.count("】") == 1:
        title = title[1:-1].strip()
    return title


def _caption(raws: list[str]) -> Article:
    above = raws[0] if len(raws) > 1 and credit_alone(raws[0]) else None  # ``金国娟 摄`` / ``1月13日，……``
    text = "".join(raws[1:] if above else raws)  # lines broken by the column, also inside a name (``孙小`` / ``林 摄``)
    credit, text = _search_closed_up((PHOTO_CREDIT, PICTURE_BY), text)  # also ``记者 宋 娜 摄``
    reporters = rules._names(credit.group("names")) if credit else []
    if above and not credit:  # (the credit wants a space or a mark before the names: the line's start is one)
        credit_above, _ = _search_closed_up((PHOTO_CREDIT,), " " + above)
        reporters = rules._names(credit_above.group("names")) if credit_above else []
    # (the credit's match may begin on the sentence's last mark, ``……候车。薛梦 摄``: it stays)
    body = clean_inline(text[: credit.start() + (credit.group(0)[:1] in "。！？”")] if credit else text)
    body = re.sub(r"[（(]\s*$", "", body).strip()
    return Article(kind=CAPTION, reporters=reporters, paragraphs=[body] if body else [])

