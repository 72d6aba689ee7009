"""A minimal PDF writer for tests: real text layers in Chinese without shipping a CJK font.

Each character is drawn as its own code point (Identity-H CIDs) and a ToUnicode CMap maps it back,
which is exactly what a text extractor reads; the glyphs themselves are not embedded.
"""

from __future__ import annotations


def _cmap(chars: list[str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    for start in range(0, len(chars), 100):
        chunk = chars[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{ord(c):04X}> <{ord(c):04X}>" for c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _content(lines: list[str], sizes: list[float] | None = None) -> bytes:
    ops = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td"]
    current = 10.0
    for n, line in enumerate(lines):
        size = sizes[n] if sizes and sizes[n] else current
        if size != current:  # the line's own size, and a line step to match
            ops += [f"/F1 {size:g} Tf", f"{1.2 * size:g} TL"]
            current = size
        if line:
            ops.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj")
        ops.append("T*")
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def make_pdf(pages: list[list[str]] | None = None, *, image_pages: int = 0,
             sizes: list[list[float]] | None = None) -> bytes:
    """A PDF with one page per list of text lines, plus ``image_pages`` pages without any text;
    ``sizes``: each page's type size per line (0 keeps the size of the line before; 10 by default)."""
    pages = pages or []
    chars = sorted({c for page in pages for line in page for c in line})
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    page_tree = add(b"")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -120 1000 880] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo "
                   b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
                   b"/DW 1000 /CIDToGIDMap /Identity >>" % descriptor)
    to_unicode = add(stream(_cmap(chars)))
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    contents = [_content(lines, sizes[n] if sizes else None) for n, lines in enumerate(pages)]
    contents += [b"0.5 g 40 400 300 300 re f"] * image_pages
    kids = []
    for data in contents:
        content = add(stream(data))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page_tree, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    objects[page_tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


# --- typeset pages ------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT, MARGIN, GUTTER = 595, 842, 40, 14
BODY_SIZE, TITLE_SIZE = 10, 16


def spread(title: str, paragraphs: list[str], columns: int | None = None) -> tuple:
    """A section: one article whose title spans every column (the page's or ``columns``) and whose
    body flows over them."""
    return ("spread", [(title, paragraphs)], columns)


def row(*articles: tuple[str, list[str]]) -> tuple:
    """A section: one article per column, each with its title inside its column."""
    return ("row", list(articles), len(articles))


def typeset(pages: list[list[tuple]], *, columns: int, row_by_row: bool = True,
            shift: float = 0.0) -> bytes:
    """A PDF typeset by reportlab in ``columns`` columns with the STSong-Light CID font (reportlab
    ships its metrics; a reader supplies the glyphs), so nothing is downloaded.

    ``row_by_row`` writes the content stream line by line across the columns, as some producers
    do, so that a plain text extraction runs the columns together. ``shift`` moves every column
    after the first left by that many points, so that neighbouring columns overlap.
    """
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    step = BODY_SIZE * 1.5

    def wrap(paragraphs: list[str], column_width: float, indent: bool = True) -> list[tuple[str, float]]:
        lines = []
        for paragraph in paragraphs:
            line, offset = "", 2 * BODY_SIZE if indent else 0.0
            for char in paragraph:
                too_wide = pdfmetrics.stringWidth(line + char, font, BODY_SIZE) + offset > column_width
                if too_wide and char not in "，。、；：？！”）":  # a mark hangs at the line's end
                    lines.append((line, offset))
                    line, offset = "", 0.0
                line += char
            lines.append((line, offset))
        return lines

    for sections in pages:
        drawn: list[tuple[int, float, float, str, int]] = []  # column, y, x, text, size; reading order
        top = PAGE_HEIGHT - MARGIN
        for kind, articles, count in sections:
            count = count or columns
            column_width = (PAGE_WIDTH - 2 * MARGIN - (count - 1) * GUTTER) / count
            left = [MARGIN + i * (column_width + GUTTER) - (shift * i) for i in range(count)]
            if kind == "spread":
                [(title, paragraphs)] = articles
                top -= TITLE_SIZE
                width = pdfmetrics.stringWidth(title, font, TITLE_SIZE)
                drawn.append((0, top, (PAGE_WIDTH - width) / 2, title, TITLE_SIZE))
                top -= TITLE_SIZE
                lines = wrap(paragraphs, column_width)
                per_column = -(-len(lines) // count)
                for index, (text, offset) in enumerate(lines):
                    column, line = divmod(index, per_column)
                    drawn.append((column, top - line * step, left[column] + offset, text, BODY_SIZE))
                top -= per_column * step + step
            else:
                height = 0
                for column, (title, paragraphs) in enumerate(articles):
                    size = min(TITLE_SIZE - 2, int(column_width / len(title)))
                    drawn.append((column, top - TITLE_SIZE, left[column], title, size))
                    lines = wrap(paragraphs, column_width)
                    for line, (text, offset) in enumerate(lines):
                        y = top - 2 * TITLE_SIZE - line * step
                        drawn.append((column, y, left[column] + offset, text, BODY_SIZE))
                    height = max(height, 2 * TITLE_SIZE + len(lines) * step)
                top -= height + step
        for _, y, x, text, size in sorted(drawn, key=lambda d: (-d[1], d[2])) if row_by_row else drawn:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()
