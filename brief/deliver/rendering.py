"""Render a Brief: Markdown, HTML (for mail clients), plain text from template files, or JSON.

Templates are Jinja2 files shipped in ``brief/deliver/templates``; a directory named in
``config["render"]["template_dir"]`` overrides them file by file. Every value a template prints
passes one rule for its format (Jinja's ``finalize``), so article text is always shown, never
obeyed: HTML is escaped; in Markdown the characters that make markup (``<``, ``[``, ``*``, ``|``
...) are backslash-escaped, so ``<script>`` or ``[x](javascript:...)`` stay text; in every text
format a value is one line (a CR/LF in a title cannot forge ``### 伪造`` or a ``Bcc:`` line) without
control or bidi characters. Links are printed only for http(s) URLs. Word output is in
:mod:`brief.deliver.docx` since it is binary.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any

from brief import __version__
from brief.document import Article, Brief, BriefItem

FORMATS = ("md", "html", "txt", "json", "docx")
TEXT_FORMATS = ("md", "html", "txt")
KEY_FIGURES = 4  # how many figures an item lists, at most


def brief_json(brief: Brief) -> dict[str, Any]:
    """The stable JSON contract other tools read: {date, title, overview, items: [{rank, title, ...}]}."""
    return {
        "date": brief.date,
        "title": brief.title,
        "overview": brief.overview.to_dict() if brief.overview else None,
        "items": [
            {
                "rank": item.rank,
                "title": item.article.title,
                "kicker": item.article.kicker,  # the line over the title (``……强调``), "" if none
                "made_heading": item.made_heading,  # "" unless the article had no title
                "summary": item.summary.text if item.summary else "",
                "score": item.score,
                "reasons": item.reasons,
                "source": item.source_label,
                "url": safe_url(item.article.url),
                "page": item.article.page,
                "section": item.section,
                "status": item.status,
                "figures": key_figures(item),
                "related": [related_label(a) for a in item.related],
                "en": item.en,
            }
            for item in brief.items
        ],
        "meta": brief.meta,
    }


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def one_line(text: str) -> str:
    """``text`` without control or bidi characters, its line breaks turned into spaces."""
    from brief.zh import strip_controls

    return " ".join(strip_controls(text).split("\n"))


def markdown_text(text: str) -> str:
    """Text that Markdown shows as it is: markup characters backslash-escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def safe_url(url: str | None) -> str | None:
    """An http(s) URL that is safe to print as a link, else None (``javascript:`` and friends)."""
    url = (url or "").strip()
    return url if _URL.fullmatch(url) else None


def _finalize(fmt: str):
    """The rule every printed value passes in ``fmt`` (see the module docstring)."""
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup):  # already made safe for this format (the figures filter, links)
            return value if fmt != "html" else Markup(one_line(str(value)))
        if isinstance(value, str):
            return markdown_text(value) if fmt == "md" else one_line(value)
        return value

    return finalize


def _link(fmt: str):
    """An item's article URL as a link in ``fmt`` after a separator, or empty."""
    from markupsafe import Markup

    def link(article: Article) -> Any:
        url = safe_url(article.url)
        if not url:
            return ""
        if fmt == "html":
            return Markup(' · <a href="{}" style="color:#555555;">原文</a>').format(url)
        return Markup(f" <{url}>") if fmt == "md" else Markup(f" {url}")

    return link


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the key figures are in ``text`` (start, end), in order, not overlapping: what the brief
    sets off in bold. Figures that touch are one span, so that their markup cannot collide."""
    from brief.zh import extract_figures, is_key_figure, to_halfwidth

    halfwidth = to_halfwidth(text)
    spans: list[tuple[int, int]] = []
    for figure in extract_figures(text):
        if not is_key_figure(figure, halfwidth):
            continue
        start, end = figure.span
        if spans and start == spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        elif not spans or start > spans[-1][1]:
            spans.append((start, end))
    return spans


def key_figures(item: BriefItem) -> list[str]:
    """The key figures of an item's summary (``brief.zh.key_figures``), first ones first, each once."""
    from brief.zh import key_figures as find

    return [figure.text for figure in find(item.summary.text if item.summary else "")][:KEY_FIGURES]


def related_label(article: Article) -> str:
    """``太行日报 第3版：标题``: another report of the same story, labelled like an item's source."""
    where = BriefItem(article=article).source_label
    return f"{where}：{article.title}" if where and article.title else where or article.title


def english_date(iso_date: str) -> str:
    """``2024-10-18`` -> ``Friday, 18 October 2024``."""
    from brief.deliver.numbers_en import MONTHS

    day = dt.date.fromisoformat(iso_date)
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return f"{weekday[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"  # not locale-bound


def made_at(brief: Brief) -> str:
    """``2024-10-18T06:30:05+08:00`` -> ``2024-10-18 06:30 (UTC+08:00)``: when, in the reader's words."""
    stamp = brief.meta.get("generated_at")
    try:
        when = dt.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return str(stamp or "")
    offset = when.utcoffset()
    if offset is None:
        return f"{when:%Y-%m-%d %H:%M}"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{when:%Y-%m-%d %H:%M} (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


def sections(items: list[BriefItem]) -> list[tuple[str | None, list[BriefItem]]]:
    """Items grouped by ``section`` in order of first appearance; one unnamed group when none."""
    groups: dict[str | None, list[BriefItem]] = {}
    for item in items:
        groups.setdefault(item.section, []).append(item)
    return list(groups.items())


def methods(brief: Brief) -> str:
    """How the summaries were made, e.g. ``llm、extractive`` (plus the model when meta names it)."""
    used = "、".join(dict.fromkeys(item.summary.method for item in brief.items if item.summary))
    model = brief.meta.get("model")
    return f"{used or '无'}（模型 {model}）" if model else (used or "无")


def _word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def _opens(before: str, first: str) -> bool:
    """Can ``**`` open emphasis between ``before`` ('' at the start) and ``first`` (CommonMark's
    left-flanking rule, read so that it holds whether or not symbols count as punctuation)?"""
    return _word_char(first) or not before or before.isspace() or unicodedata.category(before)[0] == "P"


def _closes(last: str, after: str) -> bool:
    return _word_char(last) or not after or after.isspace() or unicodedata.category(after)[0] == "P"


def markdown_strong(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span in bold that renders under CommonMark: ``**95%**以`` would not close
    (a ``*`` run after punctuation and before a letter is not right-flanking), so such a span is
    written as inline HTML (``<strong>95%</strong>以上``), which CommonMark passes through. The text
    around and inside the spans is escaped (``markdown_text``), so only this markup is live."""
    out, last = [], 0
    for start, end in spans:
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        span = text[start:end]
        plain = _opens(before, span[0]) and _closes(span[-1], after)
        shown = markdown_text(span)
        out.append(markdown_text(text[last:start]) + (f"**{shown}**" if plain else f"<strong>{shown}</strong>"))
        last = end
    return "".join(out) + markdown_text(text[last:])


def _marker(fmt: str):
    """A filter that sets figures off: bold in Markdown and HTML, unchanged in plain text."""
    from markupsafe import Markup, escape

    def mark(text: str | None, spans: list[tuple[int, int]] | None = None):
        text = one_line(text or "")
        if fmt == "txt":
            return text
        spans = figure_spans(text) if spans is None else spans
        if fmt == "md":
            return Markup(markdown_strong(text, spans))
        out, last = [], 0
        for start, end in spans:
            out.append(escape(text[last:start]) + Markup('<strong style="color:#b3261e">')
                       + escape(text[start:end]) + Markup("</strong>"))
            last = end
        return Markup("").join(out) + escape(text[last:])

    return mark


def _marked_list(fmt: str):
    """A filter for a list of figures: joined by ``sep``, each one set off whole."""
    mark = _marker(fmt)

    def marked(figures: list[str], sep: str = "、"):
        spans, at = [], 0
        for figure in figures:
            spans.append((at, at + len(figure)))
            at += len(figure) + len(sep)
        return mark(sep.join(figures), spans)

    return marked


def environment(fmt: str, config: dict[str, Any] | None):
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    template_dir = config["render"]["template_dir"] if config else ""
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.PackageLoader("brief.deliver", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                            default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize(fmt),
    )
    env.filters["figures"] = _marker(fmt)
    env.globals["link"] = _link(fmt)
    env.filters["figure_list"] = _marked_list(fmt)
    return env


def render(brief: Brief, fmt: str = "md", config: dict[str, Any] | None = None) -> str:
    """The brief as text in ``fmt`` (md, html, txt or json)."""
    if fmt == "json":
        return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r}")
    highlights = brief.meta.get("highlights", 3)
    return environment(fmt, config).get_template(f"brief.{fmt}.j2").render(
        brief=brief,
        date_label=brief.meta.get("date_label") or brief.date,
        english_date=english_date(brief.date),
        highlights=brief.items[:highlights],
        sections=sections(brief.items),
        key_figures=key_figures,
        related_label=related_label,
        show_reasons=bool(config and config["render"]["show_reasons"]),
        english=brief.meta.get("english"),
        methods=methods(brief),
        made_at=made_at(brief),
        version=__version__,
    )
