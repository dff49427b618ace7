from wagtail.documents.models import AbstractDocument, Document as WagtailDocument


class CustomDocument(AbstractDocument):
    """The site's document model, swapped in from the first migration so that the
    materials bank can add file metadata (language, page count, extracted text)
    without moving data between tables."""

    admin_form_fields = WagtailDocument.admin_form_fields
