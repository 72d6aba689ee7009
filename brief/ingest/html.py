"""HTML pages: the main text and metadata via trafilatura (boilerplate such as menus and footers dropped)."""

from __future__ import annotations

import functools
import re

from brief.errors import InputError
from brief.document import Article
from brief.ingest.origin import Origin

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr")


def fragment_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment (a feed entry's content), one paragraph per block element or ``<br>``."""
    import lxml.etree
    import lxml.html

    if "<" not in fragment:
        return [line.strip() for line in fragment.splitlines() if line.strip()]
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError):  # hopeless markup: keep the raw text
        return [line.strip() for line in fragment.splitlines() if line.strip()]
    for bad in root.xpath(_NOT_TEXT):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        if block.text:
            block.text = "\n" + block.text
        else:
            block.text = "\n"
    return [line.strip() for line in root.text_content().splitlines() if line.strip()]


_NOT_TEXT = "//script|//style|//noscript|//template|//iframe|//object"


def _without_code(text: str):
    """The page as an lxml tree without scripts, styles and other elements whose content is not text.

    trafilatura drops them from the body but not from a headline: ``<h1>标题<script>…</script></h1>``
    would otherwise become the title ``标题alert(1)``.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return text  # let trafilatura judge (and refuse) it
    for element in root.xpath(_NOT_TEXT):
        element.drop_tree()
    return root


# trafilatura keeps its main extraction only above 250 characters of text, a size set for
# alphabetic languages; under it a fallback runs headline, date line and paragraphs into one. A
# short Chinese news item (简讯) of 100-250 characters is a whole article.
MIN_EXTRACTED_CHARS = 50
# A page's <title> that names its site after the headline: ``标题 - 城市晚报``, ``标题_新华网``.
_SITE_AFTER_TITLE = re.compile(r"^\s*[-_|｜–—]+\s*(?P<site>[^-_|｜–—]{2,20}?)\s*$")


@functools.cache
def _extraction_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


def read_html(text: str, origin: Origin) -> list[Article]:
    import trafilatura

    tree = _without_code(text)
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                           config=_extraction_config())
    if document is None or not (document.text or "").strip():
        raise InputError(origin.path, "HTML page with no article text")
    title = (document.title or "").strip()
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise InputError(origin.path, "HTML page with no article text")
    return [Article(
        title=title,
        paragraphs=paragraphs,
        source=(document.sitename or "").strip() or _site_in_title(tree, title) or origin.source,
        date=document.date or None,
        url=document.url or None,
    )]


def _site_in_title(tree, title: str) -> str:
    """The site a page's ``<title>`` names after its headline (``标题 - 城市晚报``), or ""."""
    head = tree.findtext(".//title") if title and not isinstance(tree, str) else None
    head = " ".join((head or "").split())
    if not head.startswith(title):
        return ""
    match = _SITE_AFTER_TITLE.match(head[len(title):])
    return match["site"] if match else ""
