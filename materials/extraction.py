"""Reading the text of uploaded files, so that the materials bank finds a material by
what its files say, and the background task that does it after an upload.

Files come from many organisations and many tools, so any of them may be broken:
every failure is recorded on the document (``extraction_status``, a short
``extraction_error``) and never reaches the editor's upload. A failure that is not the
file's (its storage out of reach) is tried again later (``home.tasks.retry_later``)."""

import io
import logging
import re
import zipfile

from defusedxml import ElementTree
from django_tasks import task
from pypdf import PdfReader

from home.tasks import retry_later
from materials.language_detection import propose_language
from materials.models.documents import CustomDocument, ExtractionStatus
from materials.previews import make_preview
from materials.sandbox import SandboxError, run_limited
from materials.validation import check_zip_directory, extension_of

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000
MAX_PDF_PAGES = 500
MAX_XML_BYTES = 50 * 1024 * 1024
MAX_ERROR_CHARS = 300

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class ExtractionError(Exception):
    pass


def read_member(archive, name):
    """A zip member's bytes, refusing to decompress more than the cap whatever the
    directory claims."""
    with archive.open(name) as member:
        data = member.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise ExtractionError(f"{name} is too large")
    return data


def paragraphs(xml, paragraph_tags, text_tag=None):
    """Text of each paragraph element, one per line."""
    root = ElementTree.fromstring(xml)
    lines = []
    for element in root.iter():
        if element.tag in paragraph_tags:
            parts = element.iter(text_tag) if text_tag else [element]
            line = "".join("".join(part.itertext()) for part in parts).strip()
            if line:
                lines.append(line)
    return lines


def pdf_text(f):
    reader = PdfReader(f, strict=False)
    pages = len(reader.pages)
    texts, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        texts.append(text)
        length += len(text)
        if length >= MAX_TEXT_CHARS:
            break
    return "\n".join(texts), pages


def docx_text(archive):
    return paragraphs(read_member(archive, "word/document.xml"), {f"{W}p"}, f"{W}t")


def slide_number(name):
    return int(re.search(r"(\d+)\.xml$", name).group(1))


def pptx_text(archive):
    slides = sorted(
        (name for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)),
        key=slide_number,
    )
    return [
        line
        for name in slides
        for line in paragraphs(read_member(archive, name), {f"{A}p"}, f"{A}t")
    ]


def opendocument_text(archive):
    return paragraphs(read_member(archive, "content.xml"), {f"{TEXT_NS}p", f"{TEXT_NS}h"})


ZIP_READERS = {
    "docx": docx_text,
    "pptx": pptx_text,
    "odt": opendocument_text,
    "odp": opendocument_text,
}


def extract_bytes(data, extension):
    """(text, page count) of a file's content, or None when its format has no text
    worth reading (spreadsheets). Runs in the sandbox: it gets bytes, not models."""
    f = io.BytesIO(data)
    if extension == "pdf":
        return pdf_text(f)
    if extension in ("txt", "csv"):
        return data[: MAX_TEXT_CHARS * 4].decode("utf-8", errors="replace"), None
    if extension in ZIP_READERS:
        with zipfile.ZipFile(f) as archive:
            check_zip_directory(archive.infolist())
            return "\n".join(ZIP_READERS[extension](archive)), None
    return None


def read_file(data, extension):
    """The text (``extract_bytes``) and the accessibility findings of a file in one
    sandboxed pass. A file whose text was read but that the checks cannot make sense of
    is left unchecked: its text still makes it findable."""
    # imported here: the checks read zip members with this module's ``read_member``
    from materials.accessibility import check_bytes

    text = extract_bytes(data, extension)
    try:
        findings = check_bytes(data, extension)
    except Exception:  # noqa: BLE001 - an unreadable detail only leaves the file unchecked
        findings = None
    return text, findings


def extract(document):
    extension = extension_of(document.filename)
    if extension not in ZIP_READERS and extension not in ("pdf", "txt", "csv"):
        return None
    with document.open_file() as f:
        data = f.read()
    return run_limited(read_file, data, extension)


def describe(error):
    return f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS]


def extract_into(document):
    """Read the file's text into the document (unsaved). A file the sandbox could not read is
    recorded as failed; other errors (reading it from storage) are raised, for a retry."""
    try:
        result = extract(document)
    except SandboxError as error:
        logger.info("Text extraction failed for document %s: %r", document.pk, error)
        document.extraction_status = ExtractionStatus.FAILED
        document.extraction_error = describe(error)
        return
    if result is None:
        document.extraction_status = ExtractionStatus.NOT_APPLICABLE
        return
    (text, pages), findings = result
    document.set_accessibility_findings(findings)
    document.extracted_text = text.replace("\x00", "")[:MAX_TEXT_CHARS]
    document.page_count = pages
    document.extraction_status = ExtractionStatus.DONE
    document.extraction_error = ""


@task()
def process_document(document_id, attempt=1):
    """Extract the text and make the preview of a newly uploaded file, and propose its
    language when it has none (``propose_language``). When that fails for
    another reason than the file, the editor sees why while it waits to be tried again, and
    the document is marked failed after the last attempt. Saved with ``update``, which starts
    no new processing (``materials.signals.process_new_file``)."""
    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is None or document.extraction_status != ExtractionStatus.PENDING:
        return
    try:
        extract_into(document)
        make_preview(document)
    except Exception as error:
        logger.warning("Document %s, attempt %s: %r", document_id, attempt, error)
        failed = CustomDocument.objects.filter(pk=document_id)
        failed.update(extraction_error=describe(error))
        if not retry_later(process_document, document_id, attempt=attempt):
            failed.update(extraction_status=ExtractionStatus.FAILED)
        raise
    document.save(
        update_fields=[
            "extracted_text",
            "page_count",
            "extraction_status",
            "extraction_error",
            "preview",
            "accessibility_status",
            "accessibility_findings",
        ]
    )
    propose_language(document)
