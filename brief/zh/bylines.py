"""Who reported it, where and when: datelines, bylines, photo credits, source tags and attributions.

Two readers need them for different ends. The page segmenter judges a whole line (is this line a
byline? a dateline whose place and date go into the article?) and must never take running text for
one, so its patterns are anchored to the whole line and ask for an outlet. The summarizers take
whatever dateline, reporter note or attribution opens a sentence off it, so theirs match any
outlet's prefix and ask for a date instead. Both sets are here, named by the question they answer.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Lines of a printed page (the segmenter)

PAGE_MARKS = "■□●◆▲★▶"
"""The marks a page sets before a brief's title or a signature (``■本报记者 王芳``)."""

NAME = r"[\u4e00-\u9fff·]{2,4}"
NAMES = rf"{NAME}(?:[\s、，,]+{NAME})*"
# Where a role stands before them, a two-letter name may come letter-spaced as a justified line
# prints it (``本报记者 崔琪蔚 余 昊``). Only that form: a space that could as well part two names
# as two letters makes a failing match try every split (seconds on a long spaced caption).
_SIGNED_NAME = r"(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff·] [\u4e00-\u9fff·](?![\u4e00-\u9fff·]))"
SIGNED_NAMES = rf"{_SIGNED_NAME}(?:[\s、，,]+{_SIGNED_NAME})*"
# 融媒体/全媒体记者 (a provincial paper's reporter for print and web), 见习, 首席 and 特派 (sent to cover
# an event) as printed;
# an intern signs as 实习生.
RANK = r"(?:特约|特派|实习|见习|融媒体?|全媒体|首席)"
# A correspondent signs with the place the outlet posted them to: 本报驻河内记者, 新华社驻京记者.
POSTED = r"(?:驻[\u4e00-\u9fff]{1,6}?)"
ROLE = rf"(?:(?:本报|本刊|新华社|人民日报)?{POSTED}?{RANK}?(?:记者|通讯员|摄影)|实习生)"
REPORTER_ROLE = rf"(?:本报|本刊|新华社)?{POSTED}?{RANK}?(?:记者|通讯员)"
ROLE_ALONE = re.compile(rf"^{REPORTER_ROLE}$")
"""A reporter's role with no name after it (``本报记者``, ``融媒体记者``): a byline the column broke
before its names, never a headline."""

_WHO_DID = r"(?:文\s*[/／]\s*(?:图\s*)?|图\s*[/／]\s*(?:文\s*)?)"  # who wrote, who took the pictures: 文/图 记者 ……
# A paper that names itself before its reporter (``经济日报记者``, ``法治日报全媒体记者``,
# ``农民日报·中国农网记者``): a whole line of it is a byline, the names set apart (``晋中日报记者站揭牌`` is a
# headline).
PAPER = r"[\u4e00-\u9fff]{1,6}?(?:日报|晚报|晨报|时报|商报|导报|快报)(?:·[\u4e00-\u9fff]{2,6}?)?"
BYLINE_LINE = re.compile(
    rf"^{_WHO_DID}?"
    rf"(?:(?:{ROLE}|{PAPER}{POSTED}?{RANK}?(?:记者|通讯员))[\s:：]+|(?:本报|本刊){POSTED}?{RANK}?(?:记者|通讯员)|{RANK}(?:记者|通讯员)|(?<=[/／图])\s*(?:记者|通讯员)){SIGNED_NAMES}"
    rf"(?:\s*(?:{_WHO_DID}\s*)?{ROLE}[\s:：]*{SIGNED_NAMES})*(?:\s*(?:文\s*[/／]\s*图|[/／]\s*图))?$"
    rf"|^(?!.*(?:记者|通讯员))(?:{_WHO_DID}\s*{SIGNED_NAMES}\s*)+$"
)
"""A byline line: role and names apart (``本报记者 王龙飞``, ``文/图 记者 莫丽``, ``文/记者 贺立 图/记者
李楠``, ``本报记者 严露 文/图``), or glued (``本报记者王龙飞``, ``本报记者陈永明实习生曾杰艳``), so that a column label such as
``记者观察`` is not taken for one; or who wrote and who took the pictures, by name (``文/王强 图/李明``)."""

PHOTO_CREDIT = re.compile(rf"(?:{ROLE}[\s:：]*|[\s（(。！”])(?P<names>{SIGNED_NAMES})\s*[/／]?\s*摄(?:影报道)?\s*[）)]?(?:\s*[（(]资料(?:图片|照片)[）)])?$")
"""The credit that ends a photo caption (``…… 本报记者 李明 摄``, ``……抢收玉米。田佳摄``, ``田佳 摄影报道``,
``高海/摄``, ``新华社记者 李明 摄（资料图片）``);
``names`` are the photographers."""

CREDIT_END = re.compile(r"(?:摄|摄影报道|发|供图|制图|图片)\s*[）)]?\s*$")
"""How a picture's credit ends: ``摄``, ``新华社发``, ``受访者供图``, ``（资料图片）``."""


def credit_alone(raw: str) -> bool:
    """A picture's credit on a line of its own: no sentence, and a credit's end (``金国娟 摄``,
    ``（本报记者 上官楠 摄）``, ``新华社发``)."""
    return len(raw.strip()) <= 24 and not re.search(r"[，。；！？]", raw) and bool(CREDIT_END.search(raw))


PICTURE_BY = re.compile(rf"图\s*[/／]\s*(?:{ROLE}\s*)?(?P<names>{SIGNED_NAMES})\s*$")
"""The same credit as the evening papers print it (``……放风筝。图/记者 龙梅``)."""

COMMENTATOR = re.compile(
    r"^(?:本报|本刊|新华社|人民日报|[\u4e00-\u9fff]{2,6}日报)"
    r"(?:(?:特约)?评论员|评论部|(?:联合)?(?:调研|采访|报道)组|记者组|课题组)$"
)
"""The line that signs a commentary or a team's report (``本报评论员``, ``本报评论部``, ``本报调研组``):
an author, no part of the title above or below."""


EDITORS_NOTE = re.compile(r"^[【\[]?\s*(?:编者按|编者的话|编前)")
"""An editor's note, which opens a story ahead of its dateline (``编者按：……敬请关注。`` / ``本报讯……``):
why the paper runs it, not what happened."""


def signs_off(line: str) -> bool:
    """Whether ``line`` is a commentary's or a team's signature, as printed (letter-spaced, behind
    the page's mark: ``■ 本 报 评 论 员``)."""
    return bool(COMMENTATOR.match(line.replace(" ", "").lstrip(PAGE_MARKS)))

PAGE_OUTLETS = r"本报|新华社|中新社|人民日报|中新网|央视网"
"""The outlets whose name opens a page's dateline."""

_CITY_PAPER = r"[\u4e00-\u9fff]{1,6}(?:日报|晚报|晨报|时报|商报|都市报)讯"
CITY_PAPER = re.compile(f"^{_CITY_PAPER}")
"""A city paper's own dateline, its name before 讯 (``吉安日报讯``, ``扬子晚报讯``)."""

DATELINE_LINE = re.compile(
    rf"^(?:(?:{PAGE_OUTLETS})\s*(?P<place>(?:(?!{PAGE_OUTLETS})[\u4e00-\u9fff]){{0,8}}?)\s*"  # no outlet in a place
    r"(?P<date>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:电|讯)(?!员)"  # 本报通讯员 is a byline
    rf"|(?:{PAGE_OUTLETS})消息|{_CITY_PAPER}|据新华社电)(?=[\s（(\u4e00-\u9fff\d“]|$)"
)
"""A dateline opening an article on a page (``本报太原 10 月 17 日讯``), with its ``place`` and ``date``.
The outlet is required and the date is not: on a page, ``讯`` after a known outlet is the mark (or
``消息`` right after it: ``本报消息``); an evening or city paper's own name (``西坝晨报讯``) and
``据新华社电`` open a story too."""

DATELINE_REPORTERS = re.compile(
    rf"^\s*[（(]\s*(?P<names>(?:{ROLE}\s*{SIGNED_NAMES}|{NAMES})(?:\s*{ROLE}\s*{SIGNED_NAMES})*)\s*[）)]"
    rf"|^\s*(?P<reported>{ROLE}\s*{SIGNED_NAMES}(?:[\s、，,]*{ROLE}\s*{SIGNED_NAMES})*)\s*报道\s*[:：]?\s*"
)
"""The reporters right after a page dateline: in brackets (``（记者 郝薇 王龙飞）``) or as the
evening papers print them (``本报讯 记者张三 通讯员李四报道``)."""

# Any outlet's reporter at the end (``晚报记者``, ``都市报记者``), not only the page's own.
ANY_ROLE = rf"(?:[\u4e00-\u9fff]{{1,5}}?(?:报|社|台|网))?{ROLE}"
_CREDITED = rf"{ANY_ROLE}\s*{SIGNED_NAMES}(?:[\s、，,]*{ROLE}\s*{SIGNED_NAMES})*"
CLOSING_CREDIT = re.compile(
    rf"(?:^|(?<=[。！？”’」]))\s*(?:[（(]\s*(?:(?P<names>{_CREDITED})"
    r"|据[^（()）]{1,12}|来源[:：][^（()）]{1,20}|新华社|新华|中新社|人民日报|央视|央广|(?:本报)?综合)\s*[）)]"
    rf"|[{PAGE_MARKS}]?\s*(?P<signed>{_CREDITED}))\s*$"
)
"""What a body ends with after its last sentence, no part of its text: the reporters credited
(``……稳中有增。（记者 郝薇 通讯员 王芳）``, or signed ``……稳中有增。 ■记者 郝薇``: ``names`` or
``signed``) or the source (``（据新华社）``, ``（来源：人民网）``, ``（新华社）``, ``（本报综合）``)."""

SIGNED_CLOSING = re.compile(rf"[。！？”’」]\s*[（(]\s*{NAMES}\s*[）)]\s*$")
"""A last sentence signed with its writer's name alone in brackets (``……中国梦。（熊娟）``): the text
ends there. Apart from :data:`CLOSING_CREDIT`, which wants a role, because a bare name read as a
reporter there would be taken for one wherever two to four letters stand in brackets."""

OPENING_CREDIT = re.compile(rf"^\s*[（(]\s*(?P<names>{_CREDITED})\s*[）)]\s*")
"""What a body without a dateline opens with, no part of its text: the reporters credited
(``（都市报记者 高蕾 实习生 孟丽）连日来，……``)."""

# ---------------------------------------------------------------------------------------------
# The front of a sentence (the summarizers)

SOURCE_TAG = re.compile(r"^[^\s，。：:（(]{1,12}消息[（(][^）)]{1,20}[）)][：:]\s*")
"""A broadcaster's tag: ``央视网消息（新闻联播）：``."""

SENTENCE_DATELINE = re.compile(
    r"^(?:本报|新华社|中新社|人民网|新华网|央视网|中新网|[^\s，。]{2,6}社)?"
    r"[^\s，。“”（(]{0,12}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电(?![视影力网商话池动站器子脑])|讯)"
    r"(?:\s*[（(][^）)]{0,40}[）)])?\s*"
)
"""A dateline that opens a sentence, with its reporter note (``新华社北京10月17日电（记者 王某）``).
Any outlet, or none, but the date is required: without the outlet the date is what marks it."""

REPORTER_NOTE = re.compile(rf"^[（(](?:本报)?{RANK}?(?:记者|通讯员|特约)[^）)]{{0,40}}[）)]\s*")
"""Reporters in brackets opening a sentence: ``（记者 王某）``."""

ATTRIBUTION = re.compile(
    r"^(?:(?:(?:近日|日前|近期|今天|昨天|\d{1,2}\s*日)[，,]?)?(?:本报)?记者(?:近日|日前|今天|昨天|[^\s，。]{0,6}日)?从[^，。]{1,40}?(?:了解到|获悉|得知)[，,：:]?"
    r"|(?:本报)?记者(?:近日|日前|今天|昨天)?(?:了解到|获悉|得知)[，,：:]"
    r"|据(?:了解|介绍|悉|统计|报道)[，,：:]"
    r"|(?:另|此外|同时)[，,]?据(?:了解|介绍|悉)[，,：:])"
)
"""Attributions that add nothing to a summary: ``记者从……了解到，``, ``据介绍，``, ``记者了解到，``."""


def strip_source_tag(text: str) -> str:
    """Drop a leading broadcaster tag like ``央视网消息（新闻联播）：``."""
    return SOURCE_TAG.sub("", text.lstrip(), count=1)


def strip_attribution(sentence: str) -> str:
    """Take the dateline, byline and attribution off the front of a sentence.

    ``本报太原10月17日讯（记者 郝薇）记者从省人社厅了解到，1—8月……`` -> ``1—8月……``.
    """
    previous = None
    sentence = sentence.strip()
    while previous != sentence:
        previous = sentence
        sentence = strip_source_tag(sentence)
        sentence = SENTENCE_DATELINE.sub("", sentence, count=1)
        sentence = REPORTER_NOTE.sub("", sentence, count=1)
        sentence = ATTRIBUTION.sub("", sentence, count=1).lstrip("，,：: ")
    return sentence
