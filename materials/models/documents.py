import hashlib

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail.search import index

from home import counts


def sha256_of(filelike):
    """Hex SHA-256 of a file read in chunks from the start; Wagtail's own ``file_hash``
    is SHA-1, which is kept for its ETags but not trusted for duplicate detection."""
    filelike.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: filelike.read(1024 * 1024), b""):
        digest.update(chunk)
    filelike.seek(0)
    return digest.hexdigest()


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    NOT_APPLICABLE = "not-applicable", _("Not applicable")


class AccessibilityStatus(models.TextChoices):
    NOT_CHECKED = "not-checked", _("Not checked")
    ACCESSIBLE = "accessible", _("Accessible")
    PROBLEMS = "problems", _("Problems found")


#: The icon (``static_src/icons/``) of a file format on download cards; others get ``file``.
FORMAT_ICONS = {
    "pdf": "file-pdf",
    **dict.fromkeys(("docx", "doc", "odt", "rtf", "txt"), "file-text"),
    **dict.fromkeys(("pptx", "ppt", "odp"), "file-slides"),
    **dict.fromkeys(("mp4", "webm", "ogv", "mov"), "video"),
}


class CustomDocument(AbstractDocument):
    """The site's document model, swapped in from the first migration so that the
    materials bank can add file metadata (language, page count, extracted text)
    without moving data between tables."""

    language = models.ForeignKey(
        "home.Language",
        verbose_name=_("language"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language the file is written in."),
    )
    # The language may stay empty here: documents from before, and the multiple uploader's
    # first step, which saves the file before the editor fills its form; the admin's form
    # requires it (``materials.forms``). ``language_proposed``: set from the file's text
    # (``materials.language_detection``) and not yet confirmed by an editor.
    language_proposed = models.BooleanField(_("language proposed"), default=False, editable=False)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members of the network can download the file."),
    )
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True, editable=False)
    checksum = models.CharField(
        _("SHA-256 checksum"), max_length=64, blank=True, db_index=True, editable=False
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("text extraction error"), blank=True, editable=False)
    preview = models.FileField(
        _("preview"), upload_to="document_previews", blank=True, editable=False
    )
    # materials.accessibility: what assistive technology would stumble on, as finding codes
    accessibility_status = models.CharField(
        _("accessibility"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NOT_CHECKED,
        editable=False,
    )
    accessibility_findings = models.JSONField(
        _("accessibility findings"), default=list, blank=True, editable=False
    )

    admin_form_fields = WagtailDocument.admin_form_fields + ("language", "members_only")
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("extracted_text"),
    ]

    @property
    def format_icon(self):
        """The icon of the file's format, so that a card tells a booklet from slides at a glance."""
        return FORMAT_ICONS.get(self.file_extension.lower(), "file")

    def clean(self):
        """Wagtail's extension check only for a file that is there: when the upload
        checks (``materials.validation``) refused the file, the form has named the
        reason, and Wagtail's check of the missing file would add a second, spurious
        "File extension “” is not allowed"."""
        if self.file:
            super().clean()

    def _set_document_file_metadata(self):
        """Called by Wagtail whenever a new file is uploaded: the old file's text,
        pages and preview no longer apply, and the background extraction starts again."""
        super()._set_document_file_metadata()
        self.checksum = sha256_of(self.file)
        self.extracted_text = self.extraction_error = ""
        self.page_count = None
        self.extraction_status = ExtractionStatus.PENDING
        self.set_accessibility_findings(None)
        if self.preview:
            self.preview.delete(save=False)

    def set_accessibility_findings(self, codes):
        """``codes`` from ``materials.accessibility.check_bytes``: None when not checked."""
        self.accessibility_findings = codes or []
        if codes is None:
            self.accessibility_status = AccessibilityStatus.NOT_CHECKED
        else:
            self.accessibility_status = (
                AccessibilityStatus.PROBLEMS if codes else AccessibilityStatus.ACCESSIBLE
            )

    def save(self, *args, **kwargs):
        # Documents created in code (demo content, imports) skip the admin form.
        if self.file and not self.checksum:
            with self.open_file() as f:
                self.checksum = sha256_of(f)
        super().save(*args, **kwargs)

    @property
    def requires_login(self):
        """Not public: see ``private_ids``."""
        return self.pk in self.private_ids([self.pk])

    @classmethod
    def private_ids(cls, document_ids):
        """Those of ``document_ids`` that only logged-in users may download, and that search
        must not reveal: the one rule the download, the material page and search all ask.
        A file is private when it is marked members only, sits in a collection with a
        privacy setting (or below one), or belongs to a published material that is
        members only or under a page with a privacy setting. Drafts decide nothing: an
        editor's unpublished material never changes what anyone may download. Four queries."""
        restricted_collections = tuple(
            CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        )
        private = {
            pk
            for pk, members_only, path in cls.objects.filter(pk__in=document_ids).values_list(
                "pk", "members_only", "collection__path"
            )
            if members_only or path.startswith(restricted_collections)
        }
        restricted_pages = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        material_file = apps.get_model("materials", "MaterialFile")
        uses = material_file.objects.filter(
            document_id__in=document_ids, material__live=True
        ).values_list("document_id", "material__members_only", "material__path")
        for document_id, material_members_only, path in uses:
            if material_members_only or path.startswith(restricted_pages):
                private.add(document_id)
        return private

    def duplicates(self):
        """Other documents with exactly the same file content."""
        if not self.checksum:
            return CustomDocument.objects.none()
        return CustomDocument.objects.filter(checksum=self.checksum).exclude(pk=self.pk)


class DownloadCount(models.Model):
    """Downloads of a document per day: a number, nothing about who downloaded."""

    document = models.ForeignKey(
        CustomDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "date"], name="unique_download_count_per_day"
            )
        ]

    @classmethod
    def record(cls, document):
        """One download of ``document`` today, buffered in Redis when there is one
        (``home.counts``)."""
        counts.add(COUNTED, document.pk)


COUNTED = "downloads"
counts.register(COUNTED, DownloadCount, "document")
