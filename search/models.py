from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedTerm(models.Model):
    """Every token the search index has seen: the vocabulary that mistyped query words
    are corrected against ("did you mean"). Insert-only, so indexing an object costs
    the same however large the index is; a term no longer in any document only costs
    a lookup that finds nothing."""

    term = models.CharField(_("term"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("indexed term")
        verbose_name_plural = _("indexed terms")

    def __str__(self):
        return self.term


class MissedIndexUpdate(models.Model):
    """An index update that a search server (OpenSearch, Elasticsearch) did not receive
    because it was unreachable: which object, and whether it was to be added (or updated)
    or deleted. ``manage.py catch_up_search_index`` retries them; a full ``update_index``
    makes them obsolete. One row per object: its latest missed action wins. Nothing about
    the person who made the change is kept."""

    class Action(models.TextChoices):
        ADD = "add", _("add or update")
        DELETE = "delete", _("delete")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    first_failed_at = models.DateTimeField(_("first failure"))
    last_failed_at = models.DateTimeField(_("last failure"))
    attempts = models.PositiveIntegerField(_("attempts"), default=1)

    class Meta:
        verbose_name = _("missed search index update")
        verbose_name_plural = _("missed search index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_missed_index_update"
            )
        ]

    def __str__(self):
        return f"{self.action} {self.content_type_id}:{self.object_id}"
