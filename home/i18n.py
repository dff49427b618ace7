"""Listing content across languages.

An aggregating page in a language other than the source shows its own
translations and, for what is not translated yet, the source-language original,
so that a Swedish reader sees the whole network rather than an empty list.
"""

from django.db.models import Q
from wagtail.models import Locale


def own_or_untranslated_q(model, locale):
    """Items in ``locale`` plus source-language items not translated into it (a draft
    or private translation does not count: the original stays listed)."""
    source = Locale.get_default()
    if locale.pk == source.pk:
        return Q(locale=locale)
    translated = model.objects.live().public().filter(locale=locale).values("translation_key")
    return Q(locale=locale) | (Q(locale=source) & ~Q(translation_key__in=translated))
