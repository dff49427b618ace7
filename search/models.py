from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedTerm(models.Model):
    """Every token the search index has seen: the vocabulary that mistyped query words
    are corrected against ("did you mean"). Insert-only, so indexing an object costs
    the same however large the index is; a term no longer in any document only costs
    a lookup that finds nothing."""

    term = models.CharField(_("term"), max_length=64, unique=True)
    length = models.PositiveSmallIntegerField(_("length"), db_index=True)

    class Meta:
        verbose_name = _("indexed term")
        verbose_name_plural = _("indexed terms")

    def __str__(self):
        return self.term
