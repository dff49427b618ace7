"""Whether an uploaded file can be read with assistive technology (a screen reader, a
braille display, text-to-speech), so that editors learn what to fix and readers what to expect.

Every check runs on the file's bytes in the sandboxed child that also reads its text
(``materials.extraction.read_file``), after the extraction, or in a sandbox of its own for
files uploaded before the checks (``manage.py check_file_accessibility``).
No PDF/UA validator (veraPDF) is run: these are the checks, each a finding code below.

- PDF, with pypdf: tags (``/MarkInfo /Marked true`` and a ``/StructTreeRoot``), the
  document language (``/Lang``), a title in the metadata shown by viewers
  (``/ViewerPreferences /DisplayDocTitle``), alternative text on every ``/Figure``
  structure element, and text on the first pages (not only scanned images).
- DOCX, PPTX and ODT, reading their XML: headings (heading styles, ``text:h``, or a title
  on every slide), alternative text on every image unless marked decorative, the
  document language, and a header row on every table.
"""

import io
import re
import zipfile

from defusedxml import ElementTree
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from materials.extraction import TEXT_NS, A, W, read_member
from materials.validation import check_zip_directory

PDF_TEXT_PAGES = 20
MAX_STRUCTURE_ELEMENTS = 20_000

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"

#: Each finding: what is wrong, and how to fix it, for the editor.
FINDINGS = {
    "pdf-untagged": _(
        "The PDF has no tags, so a screen reader cannot tell headings, lists and tables "
        "from other text. Export it again from Word with “Document structure tags for "
        "accessibility” ticked, or from LibreOffice with “Tagged PDF”."
    ),
    "pdf-no-language": _(
        "The PDF does not say which language it is written in, so a screen reader may read "
        "it with the wrong pronunciation. Set the language of the document before exporting "
        "it (in Word: Review → Language)."
    ),
    "pdf-no-title": _(
        "The PDF has no title. Fill in the title in the document's properties (in Word: "
        "File → Info → Title) and export it again."
    ),
    "pdf-title-hidden": _(
        "The PDF's title is not shown in the window's title bar, which shows the file name "
        "instead. In Adobe Acrobat, choose File → Properties → Initial View and show the "
        "document title."
    ),
    "pdf-figure-without-alt": _(
        "A picture in the PDF has no alternative text. Add a description to each picture "
        "(in Word: right-click → Edit Alt Text) and export the PDF again."
    ),
    "pdf-no-text": _(
        "No text could be read from the PDF: it may be a scanned image. Upload the original "
        "document, or run text recognition (OCR) on the scan."
    ),
    "no-headings": _(
        "The document has no headings, so it cannot be browsed by heading. Format the "
        "headings with the heading styles (Heading 1, Heading 2) instead of bold or larger text."
    ),
    "slides-without-titles": _(
        "Some slides have no title, so they cannot be told apart with a screen reader. Give "
        "every slide a title in its title placeholder (it can be hidden off the slide)."
    ),
    "image-without-alt": _(
        "An image has no alternative text. Add a description to each image (right-click → "
        "Edit Alt Text), or mark a purely decorative one as decorative."
    ),
    "no-language": _(
        "The document does not say which language it is written in. Set the language of the "
        "text (in Word: Review → Language → Set Proofing Language)."
    ),
    "table-without-header": _(
        "A table has no header row, so a screen reader cannot say which column a cell is in. "
        "Mark the first row as a header row (in Word: Table Properties → Row → Repeat as "
        "header row)."
    ),
}


def messages(codes):
    """The editor's sentences for the finding codes stored on a document."""
    return [FINDINGS[code] for code in codes if code in FINDINGS]


# PDF


def structure_elements(root):
    """The structure elements under a PDF's ``/StructTreeRoot``, each once, capped."""
    pending, seen, count = [root], set(), 0
    while pending and count < MAX_STRUCTURE_ELEMENTS:
        item = pending.pop()
        reference = getattr(item, "indirect_reference", None)
        item = item.get_object()
        if reference is not None:
            if reference.idnum in seen:
                continue
            seen.add(reference.idnum)
        if isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, DictionaryObject):
            count += 1
            yield item
            if "/K" in item:
                pending.append(item["/K"])


def entry(dictionary, key, default=None):
    """``dictionary[key]`` resolved: a PDF's dictionaries often refer to another object."""
    value = dictionary.get(key)
    return default if value is None else value.get_object()


def is_true(value):
    """Whether a PDF boolean is true: pypdf's ``BooleanObject(False)`` is truthy."""
    return getattr(value, "value", value) is True


def pdf_findings(data):
    reader = PdfReader(io.BytesIO(data), strict=False)
    catalog = reader.root_object
    findings = []
    marked = is_true(entry(entry(catalog, "/MarkInfo", {}), "/Marked"))
    tree = entry(catalog, "/StructTreeRoot")
    if not (marked and tree is not None):
        findings.append("pdf-untagged")
    if not str(entry(catalog, "/Lang", "")).strip():
        findings.append("pdf-no-language")
    title = reader.metadata.title if reader.metadata else None
    if not (title or "").strip():
        findings.append("pdf-no-title")
    elif not is_true(entry(entry(catalog, "/ViewerPreferences", {}), "/DisplayDocTitle")):
        findings.append("pdf-title-hidden")
    if tree is not None and any(
        entry(element, "/S") == "/Figure" and not str(entry(element, "/Alt", "")).strip()
        for element in structure_elements(tree)
    ):
        findings.append("pdf-figure-without-alt")
    if not any((page.extract_text() or "").strip() for page in reader.pages[:PDF_TEXT_PAGES]):
        findings.append("pdf-no-text")
    return findings


# Office documents


def xml_of(archive, name):
    """The parsed member, or None when the package has no such member."""
    if name not in archive.namelist():
        return None
    return ElementTree.fromstring(read_member(archive, name))


def parsed(archive, names):
    return [root for root in (xml_of(archive, name) for name in names) if root is not None]


def decorative(element):
    """Office marks an image that needs no description with an ``…/decorative`` extension."""
    return any(
        child.tag.endswith("}decorative") and child.get("val") in ("1", "true")
        for child in element.iter()
    )


def images_without_alt(properties):
    """``properties``: the non-visual properties of each image (``wp:docPr``, ``p:cNvPr``)."""
    return any(
        not (element.get("descr") or "").strip() and not decorative(element)
        for element in properties
    )


def docx_pictures(document):
    """The properties (``wp:docPr``) of the drawings that are pictures: text boxes, shapes
    and charts have them too, but their text is read as it is."""
    for drawing in (*document.iter(f"{WP}inline"), *document.iter(f"{WP}anchor")):
        properties = drawing.find(f"{WP}docPr")
        if properties is not None and drawing.find(f".//{PIC}pic") is not None:
            yield properties


def docx_heading_styles(styles):
    """The ids of the styles that make a heading: Word names them "heading 1" … and
    "Title" in every interface language, though their ids are localised ("Otsikko1")."""
    ids = set()
    for style in styles.iter(f"{W}style") if styles is not None else ():
        name = style.find(f"{W}name")
        name = (name.get(f"{W}val") if name is not None else "").lower()
        if (
            name.startswith("heading")
            or name == "title"
            or style.find(f".//{W}outlineLvl") is not None
        ):
            ids.add(style.get(f"{W}styleId"))
    return ids


def docx_findings(archive):
    document = xml_of(archive, "word/document.xml")
    styles = xml_of(archive, "word/styles.xml")
    findings = []
    heading_styles = docx_heading_styles(styles)
    used = {style.get(f"{W}val") for style in document.iter(f"{W}pStyle")}
    if not (
        used & heading_styles
        or any(re.match(r"(heading|title)", style or "", re.I) for style in used)
        or document.find(f".//{W}outlineLvl") is not None
    ):
        findings.append("no-headings")
    if images_without_alt(docx_pictures(document)):
        findings.append("image-without-alt")
    roots = parsed(archive, ["word/document.xml", "word/styles.xml", "word/settings.xml"])
    if not any(
        any(value.strip() for value in element.attrib.values())
        for root in roots
        for element in [*root.iter(f"{W}lang"), *root.iter(f"{W}themeFontLang")]
    ):
        findings.append("no-language")
    for table in document.iter(f"{W}tbl"):
        first_row = table.find(f"{W}tr")
        header = first_row.find(f"{W}trPr/{W}tblHeader") if first_row is not None else None
        if header is None or header.get(f"{W}val") in ("0", "false"):
            findings.append("table-without-header")
            break
    return findings


def pptx_header_row(table):
    properties = table.find(f"{A}tblPr")
    return properties is not None and properties.get("firstRow") in ("1", "true")


def pptx_findings(archive):
    slides = parsed(
        archive,
        [name for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)],
    )
    findings = []
    for slide in slides:
        titles = [
            shape
            for shape in slide.iter(f"{P}sp")
            if any(
                placeholder.get("type") in ("title", "ctrTitle")
                for placeholder in shape.iter(f"{P}ph")
            )
        ]
        if not any("".join(t.text or "" for t in shape.iter(f"{A}t")).strip() for shape in titles):
            findings.append("slides-without-titles")
            break
    pictures = [
        properties
        for slide in slides
        for picture in slide.iter(f"{P}pic")
        for properties in picture.iter(f"{P}cNvPr")
    ]
    if images_without_alt(pictures):
        findings.append("image-without-alt")
    roots = slides + parsed(archive, ["ppt/presentation.xml"])
    if not any(
        (element.get("lang") or "").strip()
        for root in roots
        for tag in (f"{A}rPr", f"{A}endParaRPr", f"{A}defRPr")
        for element in root.iter(tag)
    ):
        findings.append("no-language")
    tables = [table for slide in slides for table in slide.iter(f"{A}tbl")]
    if not all(pptx_header_row(table) for table in tables):
        findings.append("table-without-header")
    return findings


def odt_findings(archive):
    content = xml_of(archive, "content.xml")
    findings = []
    if content.find(f".//{TEXT_NS}h") is None:
        findings.append("no-headings")
    if any(
        frame.find(f"{DRAW}image") is not None
        and not any(
            (child.text or "").strip()
            for child in (frame.find(f"{SVG}title"), frame.find(f"{SVG}desc"))
            if child is not None
        )
        for frame in content.iter(f"{DRAW}frame")
    ):
        findings.append("image-without-alt")
    roots = parsed(archive, ["content.xml", "styles.xml", "meta.xml"])
    if not any(
        (element.get(f"{FO}language") or "").strip() not in ("", "zxx")
        for root in roots
        for element in root.iter()
    ) and not any(
        (language.text or "").strip() for root in roots for language in root.iter(f"{DC}language")
    ):
        findings.append("no-language")
    if any(
        table.find(f"{TABLE}table-header-rows") is None for table in content.iter(f"{TABLE}table")
    ):
        findings.append("table-without-header")
    return findings


OFFICE_CHECKS = {"docx": docx_findings, "pptx": pptx_findings, "odt": odt_findings}
CHECKED_FORMATS = {"pdf", *OFFICE_CHECKS}


def check_bytes(data, extension):
    """The finding codes of a file's content (empty: nothing found), or None when its
    format is not checked. Runs in the sandbox: it gets bytes, not models."""
    if extension == "pdf":
        return pdf_findings(data)
    if extension in OFFICE_CHECKS:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_directory(archive.infolist())
            return OFFICE_CHECKS[extension](archive)
    return None
