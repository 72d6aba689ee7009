"""The brief as a Word file (python-docx), since many offices circulate briefings that way.

Built from the same Brief and helpers as the templates: title and date, 今日要闻综述, 要点速览, sections, each
item with its figures in bold, English when present, source, and the footer.
"""

from __future__ import annotations

import io
from typing import Any

from brief.errors import BriefError
from brief.document import Brief

CJK_FONT = "SimSun"
A4_MM = (210, 297)  # officials print on A4; python-docx's template is US Letter
MARGIN_MM = 25


def _add_marked(paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph`` with its figures as bold runs."""
    from brief.deliver.rendering import figure_spans

    last = 0
    for start, end in figure_spans(text):
        paragraph.add_run(text[last:start])
        paragraph.add_run(text[start:end]).bold = True
        last = end
    paragraph.add_run(text[last:])


def render_docx(brief: Brief, config: dict[str, Any] | None = None) -> bytes:
    try:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt
    except ImportError:
        raise BriefError("--format docx needs python-docx: pip install 'brief[docx]'") from None
    from brief import __version__
    from brief.deliver.rendering import key_figures, made_at, methods, related_label, safe_url, sections

    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)  # CJK slot
    document.add_heading(brief.title, level=0)
    document.add_paragraph(brief.meta.get("date_label") or brief.date)
    if brief.overview:
        document.add_heading("今日要闻综述", level=1)
        _add_marked(document.add_paragraph(), brief.overview.text)
        if brief.overview.en:
            document.add_paragraph(brief.overview.en)
    document.add_heading("要点速览", level=1)
    for item in brief.items[: brief.meta.get("highlights", 3)]:
        document.add_paragraph(item.heading, style="List Number")
    english = brief.meta.get("english")
    show_reasons = bool(config and config["render"]["show_reasons"])
    for section, items in sections(brief.items):
        document.add_heading(section or "正文", level=1)
        for item in items:
            status = f"【{item.status}】" if item.status else ""
            document.add_heading(f"{item.rank}. {item.heading}{status}", level=2)
            _add_marked(document.add_paragraph(), item.summary.text if item.summary else "")
            figures = key_figures(item)
            if figures:
                line = document.add_paragraph("关键数据：")
                line.add_run("、".join(figures)).bold = True
            if item.en:
                line = document.add_paragraph()
                line.add_run(item.en["title"]).bold = True
                line.add_run("\n" + item.en["summary"])
            elif english:
                document.add_paragraph("（英文译文未通过数字核对，仅保留中文）")
            url = safe_url(item.article.url)
            document.add_paragraph(f"来源：{item.source_label or '未注明'}" + (f" {url}" if url else ""))
            if item.related:
                document.add_paragraph("相关报道：" + "；".join(related_label(a) for a in item.related))
            if show_reasons and item.reasons:
                document.add_paragraph("排序依据：" + "；".join(item.reasons))
    footer = (f"{made_at(brief)} 由 brief {__version__} 生成："
              f"阅读 {brief.meta.get('articles_read', '?')} 篇文章，摘要方法 {methods(brief)}")
    if english:
        footer += f"，英文由 {english['backend']} 翻译"
    document.add_paragraph(footer + "。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
