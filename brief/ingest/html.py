"""HTML pages: the main text and metadata via trafilatura (boilerplate such as menus and footers dropped)."""

from __future__ import annotations

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


def read_html(text: str, origin: Origin) -> list[Article]:
    import trafilatura

    document = trafilatura.bare_extraction(_without_code(text), with_metadata=True, include_comments=False)
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
        source=(document.sitename or "").strip() or origin.source,
        date=document.date or None,
        url=document.url or None,
    )]
