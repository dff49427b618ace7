"""The base of translatable taxonomies (integration stages, target groups, topics,
audiences). Each term exists once per language; its slug is shared by all its
translations, so filters and shared links work in every language."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin


def active_content_language(default):
    """The content language of the active language (as ``Locale.get_active``), else ``default``."""
    try:
        return get_supported_content_language_variant(translation.get_language() or default)
    except LookupError:
        return default


class Term(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Shared by all translations; used in addresses.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale=None):
        """Terms in ``locale`` (the active one by default), falling back to the source
        language for terms not translated yet: one query."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        code = locale.language_code if locale else active_content_language(default)
        codes = [code, default]
        terms = {}
        for term in cls.objects.filter(locale__language_code__in=codes).select_related("locale"):
            if term.locale.language_code == code or term.translation_key not in terms:
                terms[term.translation_key] = term
        return sorted(terms.values(), key=lambda term: (term.sort_order, term.name))

    @classmethod
    def localized_names(cls, terms):
        """Names of ``terms`` in the active language, in taxonomy order."""
        keys = {term.translation_key for term in terms}
        return [term.name for term in cls.for_locale() if term.translation_key in keys]


def seed_terms(apps, app_label, model_name, rows):
    """For data migrations: create terms from rows of (slug, Finnish, Swedish, English)
    in those of the three languages that are configured, one translation key per row."""
    import uuid

    from django.conf import settings

    columns = {"fi": 1, "sv": 2, "en": 3}
    Locale = apps.get_model("wagtailcore", "Locale")
    model = apps.get_model(app_label, model_name)
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code in columns
    }
    for order, row in enumerate(rows):
        key = uuid.uuid4()
        for code, locale in locales.items():
            model.objects.get_or_create(
                slug=row[0],
                locale=locale,
                defaults={"name": row[columns[code]], "sort_order": order, "translation_key": key},
            )
