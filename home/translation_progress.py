"""A report of translation progress: every translated page and snippet with, for each
language, how many of its text segments are translated (wagtail-localize's editor
shows this one translation at a time; coordinators and translators need it at a glance),
which pages changed since they were last synchronised (``home.translation_lag``), and
filters by language and by that.

The queries do not grow with the rows: one per listed content type and one per
language, whatever the page size."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home import languages, translation_lag


def segment_counts(source_ids, locale=None):
    """{source id: number of string segments}, only those translated into ``locale`` if given."""
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    if locale is not None:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        segments = segments.filter(Exists(translated))
    return dict(segments.values("source_id").annotate(n=Count("pk")).values_list("source_id", "n"))


def edit_urls(sources):
    """{(translation key, locale id): admin edit URL} of the translated objects."""
    keys_by_model = {}
    for source in sources:
        keys_by_model.setdefault(source.specific_content_type.model_class(), []).append(
            source.object_id
        )
    urls = {}
    for model, keys in keys_by_model.items():
        if issubclass(model, Page):
            rows = Page.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale_id", "pk"
            )
            url_name, rows = "wagtailadmin_pages:edit", list(rows)
        else:
            rows = model.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale_id", "pk"
            )
            url_name, rows = model.snippet_viewset.get_url_name("edit"), list(rows)
        for key, locale_id, pk in rows:
            urls[(key, locale_id)] = reverse(url_name, args=[quote(pk)])
    return urls


def target_languages():
    """The codes of the languages translated into: every content language but the source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationProgressFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), method="translated_into", empty_label=_("All languages")
    )
    behind = django_filters.BooleanFilter(
        label=_("Only those behind the source"),
        method="behind_the_source",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = TranslationSource
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pairs = [(code, code) for code in target_languages()]
        self.filters["language"].extra["choices"] = languages.by_name(pairs)

    def translated_into(self, queryset, name, code):
        return queryset.filter(
            translations__target_locale__language_code=code, translations__enabled=True
        )

    def behind_the_source(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(source_published_at__gt=F("last_updated_at"))


class TranslationProgressView(ReportView):
    page_title = _("Translation progress")
    header_icon = "wagtail-localize-language"
    index_url_name = "translation_progress"
    index_results_url_name = "translation_progress_results"
    results_template_name = "home/admin/translation_progress_results.html"
    paginate_by = 25
    filterset_class = TranslationProgressFilterSet

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        published = Page.objects.filter(
            translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
        )
        return (
            TranslationSource.objects.filter(translations__enabled=True)
            .distinct()
            .select_related("specific_content_type", "locale")
            .annotate(source_published_at=Subquery(published.values("last_published_at")[:1]))
            .order_by("-last_updated_at", "-pk")
        )

    def target_locales(self):
        """The columns: every language translated into, or the one filtered by."""
        chosen = self.filters.form.cleaned_data.get("language") if self.is_filtering else None
        codes = [chosen] if chosen else target_languages()
        by_code = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in=codes)
        }
        return [by_code[code] for code in codes if code in by_code]

    def decorate_paginated_queryset(self, object_list):
        sources = list(object_list)
        ids = [source.pk for source in sources]
        totals = segment_counts(ids)
        urls = edit_urls(sources)
        translated_into = {}
        for source_id, locale_id in Translation.objects.filter(
            source_id__in=ids, enabled=True
        ).values_list("source_id", "target_locale_id"):
            translated_into.setdefault(locale_id, set()).add(source_id)
        done = {
            locale.pk: segment_counts(translated_into[locale.pk], locale)
            for locale in self.locales
            if locale.pk in translated_into
        }
        rows = []
        for source in sources:
            cells = []
            for locale in self.locales:
                if source.pk not in translated_into.get(locale.pk, ()):
                    cells.append(None)
                    continue
                total, translated = totals.get(source.pk, 0), done[locale.pk].get(source.pk, 0)
                cells.append(
                    {
                        "translated": translated,
                        "total": total,
                        "percent": round(100 * translated / total) if total else 100,
                        "url": urls.get((source.object_id, locale.pk)),
                    }
                )
            rows.append(
                {
                    "source": source,
                    "behind": translation_lag.is_behind(
                        source.source_published_at, source.last_updated_at
                    ),
                    "source_url": urls.get((source.object_id, source.locale_id)),
                    "cells": cells,
                }
            )
        return rows

    def get(self, request, *args, **kwargs):
        self.locales = self.target_locales()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = self.locales
        return context
