"""Real PDF and DOCX files made in code, for the demo content and the tests: small
one-page PDFs, and booklets with a cover drawn in vector shapes.

PDFs use the standard Helvetica font (Latin script: Finnish, Swedish, English,
Somali); texts in other scripts (Arabic, Russian, Ukrainian) go into DOCX files,
which carry any Unicode text without embedded fonts."""

import io
import itertools
import random
import zipfile
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LINE_HEIGHT, MARGIN, CHARS_PER_LINE = 16, 56, 80


def _pdf_string(text):
    encoded = text.encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text, width=CHARS_PER_LINE):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def _text_lines(lines, x, y, font="F1"):
    """Content stream operators that write ``(size, text)`` lines downwards from (x, y);
    a line may name its own font as a third item."""
    content = [b"BT", f"{x} {y} Td".encode()]
    for size, line, *own_font in lines:
        content += [
            f"/{own_font[0] if own_font else font} {size} Tf".encode(),
            _pdf_string(line) + b" Tj",
            f"0 -{round(size * 1.45)} Td".encode(),
        ]
    return content + [b"ET"]


def _write_pdf(streams):
    """A PDF with one A4 page per content stream, with Helvetica (F1) and Helvetica
    Bold (F2)."""
    pages = len(streams)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{5 + 2 * number} 0 R" for number in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for font in (b"Helvetica", b"Helvetica-Bold"):
        objects.append(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font
        )
    for number, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {6 + 2 * number} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def make_pdf(title, paragraphs, pages=1):
    """A valid PDF with ``title`` and ``paragraphs`` on its first page; ``pages`` pages."""
    lines = [(18, title)] + [
        (11, line) for paragraph in paragraphs for line in _wrap(paragraph) + [""]
    ]
    first = _text_lines(
        lines[: (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT], MARGIN, PAGE_HEIGHT - MARGIN
    )
    others = [
        _text_lines([(11, str(number))], MARGIN, PAGE_HEIGHT - MARGIN)
        for number in range(2, pages + 1)
    ]
    return _write_pdf([b"\n".join(first)] + [b"\n".join(page) for page in others])


# The brand colours of static_src/css/tarjotin.css, as PDF RGB fractions.
PRIMARY, PRIMARY_DARK, ACCENT = (
    " ".join(f"{int(colour[i : i + 2], 16) / 255:.3f}" for i in (1, 3, 5))
    for colour in ("#0b4f8a", "#083a66", "#b3261e")
)
KAPPA = 0.5523  # Bézier handle length of a quarter circle


def _circle(x, y, r, colour):
    k = r * KAPPA
    return (
        f"{colour} rg {x + r} {y} m {x + r} {y + k} {x + k} {y + r} {x} {y + r} c "
        f"{x - k} {y + r} {x - r} {y + k} {x - r} {y} c {x - r} {y - k} {x - k} {y - r} {x} {y - r} c "
        f"{x + k} {y - r} {x + r} {y - k} {x + r} {y} c f"
    ).encode()


def _cover(title, organisation, year):
    """A cover in the site's colours: circles (placed after the title, so each booklet
    has its own) and a band behind a big white title."""
    rng = random.Random(title)
    shapes = [
        f"{PRIMARY} rg 0 0 {PAGE_WIDTH} {PAGE_HEIGHT} re f".encode(),
        _circle(
            rng.randint(300, 600),
            PAGE_HEIGHT - rng.randint(0, 120),
            rng.randint(160, 260),
            PRIMARY_DARK,
        ),
        _circle(
            rng.randint(330, 480), PAGE_HEIGHT - rng.randint(200, 250), rng.randint(50, 100), ACCENT
        ),
        _circle(rng.randint(40, 520), rng.randint(120, 170), rng.randint(30, 70), PRIMARY_DARK),
        f"{ACCENT} rg 0 96 {PAGE_WIDTH} 10 re f".encode(),
        b"1 1 1 rg",
    ]
    heading = [(32, line) for line in _wrap(title, 26)]
    facts = [(16, organisation)] + ([(16, str(year))] if year else [])
    return b"\n".join(
        shapes
        + _text_lines(heading, MARGIN, PAGE_HEIGHT * 0.52, font="F2")
        + _text_lines(facts, MARGIN, 200)
    )


def _text_page(title, lines, number):
    """A page of the booklet: the title small in the header, the text, the page number."""
    return b"\n".join(
        [f"{PRIMARY} rg {MARGIN} {PAGE_HEIGHT - 44} {PAGE_WIDTH - 2 * MARGIN} 2 re f".encode()]
        + _text_lines([(9, title)], MARGIN, PAGE_HEIGHT - 36)
        + [b"0.106 0.106 0.122 rg"]
        + _text_lines(lines, MARGIN, PAGE_HEIGHT - MARGIN - 24)
        + _text_lines([(9, str(number))], PAGE_WIDTH / 2 - 4, 32)
    )


def make_booklet(title, paragraphs, organisation, year=None, pages=6):
    """A booklet: a cover with the title, the organisation and the year, then ``pages``
    full pages of the paragraphs (repeated until the pages are full; one starting with
    ``## `` is a heading), numbered, so that previews and file sizes look like a real
    publication's."""
    per_page = (PAGE_HEIGHT - 2 * MARGIN - 40) // LINE_HEIGHT
    lines, texts = [], itertools.cycle(paragraphs)
    while len(lines) < per_page * pages:
        text = next(texts)
        if text.startswith("## "):
            lines += [(12, line, "F2") for line in _wrap(text[3:], 70)]
        else:
            lines += [(11, line) for line in _wrap(text)] + [(11, "")]
    streams = [_cover(title, organisation, year)] + [
        _text_page(title, lines[start : start + per_page], number)
        for number, start in enumerate(range(0, per_page * pages, per_page), start=2)
    ]
    return _write_pdf(streams)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def make_docx(title, paragraphs, rtl=False, language=""):
    """A minimal valid Word document with a title and paragraphs (any script); a paragraph
    starting with ``## `` is a heading. With a ``language`` its text says which, and it passes
    the accessibility checks (``materials.accessibility``) where the demo's booklet PDFs,
    untagged, do not."""
    bidi = "<w:bidi/>" if rtl else ""
    language_tag = f'<w:lang w:val="{language}" w:bidi="{language}"/>' if language else ""
    run_properties = f"<w:rPr>{'<w:rtl/>' if rtl else ''}{language_tag}</w:rPr>"

    def paragraph(text, style=""):
        if text.startswith("## "):
            text, style = text[3:], '<w:pStyle w:val="Heading2"/>'
        return (
            f"<w:p><w:pPr>{style}{bidi}</w:pPr><w:r>{run_properties}"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        )

    body = paragraph(title, '<w:pStyle w:val="Title"/>') + "".join(map(paragraph, paragraphs))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELATIONSHIPS)
        package.writestr("word/document.xml", document)
    return out.getvalue()
