"""Render a Brief: Markdown, HTML (for mail clients), plain text from template files, or JSON.

Templates are Jinja2 files shipped in ``brief/templates``; a directory named in
``config["render"]["template_dir"]`` overrides them file by file. HTML is autoescaped, so article
text (a headline containing ``<script>``) is always shown, never run. Word output is in
:mod:`brief.docx` since it is binary.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from brief import __version__
from brief.model import Article, Brief, BriefItem

FORMATS = ("md", "json", "html", "txt", "docx")
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
                "summary": item.summary.text if item.summary else "",
                "score": item.score,
                "reasons": item.reasons,
                "source": item.source_label,
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


def _figures(text: str):
    from brief.text import extract_figures

    return [f for f in extract_figures(text) if f.span is not None]


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the figures are in ``text`` (start, end), in order and not overlapping."""
    spans: list[tuple[int, int]] = []
    for figure in _figures(text):
        if not spans or figure.span[0] >= spans[-1][1]:
            spans.append(figure.span)
    return spans


def key_figures(item: BriefItem) -> list[str]:
    """The quantities of an item's summary, first ones first, each once.

    Dates (``17日``) and ordinals (``第十二届``) are set off in the text but are not key data.
    """
    text = item.summary.text if item.summary else ""
    seen: list[str] = []
    for figure in _figures(text):
        ordinal = figure.span[0] > 0 and text[figure.span[0] - 1] == "第"
        if figure.kind == "date" or ordinal or figure.text in seen:
            continue
        seen.append(figure.text)
    return seen[:KEY_FIGURES]


def related_label(article: Article) -> str:
    """``太行日报 第3版：标题``: another report of the same story, labelled like an item's source."""
    where = BriefItem(article=article).source_label
    return f"{where}：{article.title}" if where else article.title


def english_date(iso_date: str) -> str:
    """``2024-10-18`` -> ``Friday, 18 October 2024``."""
    from brief.numbers_en import MONTHS

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


def _marker(fmt: str):
    """A filter that sets figures off: bold in Markdown and HTML, unchanged in plain text."""
    from markupsafe import Markup, escape

    def mark(text: str | None):
        text = text or ""
        if fmt == "txt":
            return text
        out, last = [], 0
        for start, end in figure_spans(text):
            before, figure = text[last:start], text[start:end]
            if fmt == "html":
                out.append(escape(before) + Markup('<strong style="color:#b3261e">')
                           + escape(figure) + Markup("</strong>"))
            else:
                out.append(f"{before}**{figure}**")
            last = end
        tail = text[last:]
        if fmt == "html":
            return Markup("").join(out) + escape(tail)
        return "".join(out) + tail

    return mark


def environment(fmt: str, config: dict[str, Any] | None):
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    template_dir = ((config or {}).get("render") or {}).get("template_dir") or ""
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.PackageLoader("brief", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                            default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["figures"] = _marker(fmt)
    return env


def render(brief: Brief, fmt: str = "md", config: dict[str, Any] | None = None) -> str:
    """The brief as text in ``fmt`` (md, html, txt or json)."""
    if fmt == "json":
        return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r}")
    render_cfg = (config or {}).get("render") or {}
    highlights = brief.meta.get("highlights", 3)
    return environment(fmt, config).get_template(f"brief.{fmt}.j2").render(
        brief=brief,
        date_label=brief.meta.get("date_label") or brief.date,
        english_date=english_date(brief.date),
        highlights=brief.items[:highlights],
        sections=sections(brief.items),
        key_figures=key_figures,
        related_label=related_label,
        show_reasons=bool(render_cfg.get("show_reasons")),
        english=brief.meta.get("english"),
        methods=methods(brief),
        made_at=made_at(brief),
        version=__version__,
    )
