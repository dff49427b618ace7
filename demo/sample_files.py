"""Small real PDF and DOCX files made in code, for the demo content and the tests.

PDFs use the standard Helvetica font (Latin script: Finnish, Swedish, English,
Somali); texts in other scripts (Arabic, Russian, Ukrainian) go into DOCX files,
which carry any Unicode text without embedded fonts."""

import io
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


def make_pdf(title, paragraphs, pages=1):
    """A valid PDF with ``title`` and ``paragraphs`` on its first page; ``pages`` pages."""
    lines = [(18, title)] + [
        (11, line) for paragraph in paragraphs for line in _wrap(paragraph) + [""]
    ]
    content = [b"BT", b"/F1 11 Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    for size, line in lines[: (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT]:
        content += [
            f"/F1 {size} Tf".encode(),
            _pdf_string(line) + b" Tj",
            f"0 -{LINE_HEIGHT} Td".encode(),
        ]
    content.append(b"ET")
    stream = b"\n".join(content)

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * number} 0 R" for number in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for number in range(pages):
        page_stream = (
            stream
            if number == 0
            else b"BT /F1 11 Tf 56 786 Td (" + str(number + 1).encode() + b") Tj ET"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * number} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length %d >>\nstream\n" % len(page_stream) + page_stream + b"\nendstream"
        )

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


def make_docx(title, paragraphs, rtl=False):
    """A minimal valid Word document with a title and paragraphs (any script)."""
    direction = "<w:pPr><w:bidi/></w:pPr>" if rtl else ""
    run_direction = "<w:rPr><w:rtl/></w:rPr>" if rtl else ""
    body = "".join(
        f'<w:p>{direction}<w:r>{run_direction}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in [title, *paragraphs]
    )
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
