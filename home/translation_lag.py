"""A translation behind its source: the page in the source language was published after
wagtail-localize last read it for translating (created or synchronised), so the
translation may not say what the source now says. Visitors are told so on the translated
page, and the translators' report lists such pages per language.

Only pages translated with wagtail-localize are judged: a page translated by hand has no
moment of synchronisation to compare with."""

from django.db.models import Exists, OuterRef, Subquery
from wagtail_localize.models import Translation, TranslationSource


def sync_facts():
    """Annotations of a page queryset: ``read_for_translation_at``, when wagtail-localize last
    read the page as a source, and ``translated_with_localize``, whether the page is a
    wagtail-localize translation (subqueries: no query of their own)."""
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    return {
        "read_for_translation_at": Subquery(sources.values("last_updated_at")[:1]),
        "translated_with_localize": Exists(
            Translation.objects.filter(
                source__object_id=OuterRef("translation_key"),
                target_locale_id=OuterRef("locale_id"),
                enabled=True,
            )
        ),
    }


def is_behind(published_at, read_for_translation_at):
    """Whether a source published at ``published_at`` was published after it was last read
    for translating."""
    return bool(read_for_translation_at and published_at and published_at > read_for_translation_at)
