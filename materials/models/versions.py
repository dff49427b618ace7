from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from materials.models.documents import CustomDocument


class DocumentVersionManager(models.Manager):
    """Who replaced (and removed) each version comes with it: the document's edit page lists
    them all."""

    def get_queryset(self):
        return super().get_queryset().select_related("replaced_by", "removed_by")


class DocumentVersion(models.Model):
    """A file a document had before it was replaced, kept in storage as it was: the
    document keeps its address, language, counts and uses, and its editors can still
    fetch what was there before (``materials.views.old_version``)."""

    document = models.ForeignKey(
        CustomDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    file = models.FileField(_("file"), max_length=255, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True, editable=False)
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The file deleted for good (materials.version_removal), the row kept: its name still
    # leads to the current file, and the list says who removed it and when.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DocumentVersionManager()

    class Meta:
        verbose_name = _("earlier version of a file")
        verbose_name_plural = _("earlier versions of files")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]
