"""A PNG thumbnail of the first page of a PDF, shown next to the download link.
Other formats get none: the templates show an icon for the format instead."""

import io
import logging
import os

import pypdfium2
from django.core.files.base import ContentFile

from materials.sandbox import SandboxError, run_limited

logger = logging.getLogger(__name__)

PREVIEW_WIDTH = 400


def render_first_page(data):
    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[0]
        image = page.render(scale=PREVIEW_WIDTH / page.get_width()).to_pil()
        # pdfium rounds the bitmap size up; keep within the promised width.
        image.thumbnail((PREVIEW_WIDTH, image.height))
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()


def make_preview(document):
    """Attach a preview to the document (without saving it); a PDF that cannot be
    rendered simply has no preview. An error reading the file from storage is raised."""
    if document.file_extension.lower() != "pdf":
        return
    with document.open_file() as f:
        data = f.read()
    try:
        png = run_limited(render_first_page, data)
    except SandboxError as error:  # a broken PDF has no preview, nothing more
        logger.info("No preview for document %s: %r", document.pk, error)
        return
    name = os.path.splitext(document.filename)[0] + ".png"
    document.preview.save(name, ContentFile(png), save=False)
