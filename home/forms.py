"""Admin forms shared by the page types of the apps above."""

from django.conf import settings
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from home.languages import collation_key
from home.media_choices import ChoosableMediaFormMixin
from home.taxonomy import Term


class LanguagesByName(ModelChoiceIterator):
    """Languages in the order of the names the editor reads (``arabia – العربية``): the table
    is ordered by the Finnish name, which a Swedish-speaking editor's list would not follow."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        key = collation_key()
        yield from sorted((self.choice(obj) for obj in self.queryset), key=lambda c: key(c[1]))


class LanguagesByNameMixin:
    """A model form whose language choices (``home.Language``) are sorted by ``LanguagesByName``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and queryset.model._meta.label == "home.Language":
                field.iterator = LanguagesByName
                field.widget.choices = field.choices


class PageForm(LanguagesByNameMixin, ChoosableMediaFormMixin, WagtailAdminPageForm):
    """The admin form of every page type: documents and images only from the editor's
    own collections (``home.media_choices``), languages by the names the editor reads, and
    new slugs in ASCII."""

    def clean_slug(self):
        """A typed slug as the admin's slug script writes it (ä→a, ö→o, å→a), for an
        editor without JavaScript or who types one. A page's current slug stays, so
        its address does not move; one with no Latin letters (Arabic) stays as typed."""
        slug = self.cleaned_data.get("slug")
        if not slug or slug == self.instance.slug or settings.WAGTAIL_ALLOW_UNICODE_SLUGS:
            return slug
        return slugify(slug) or slug


class TermsInPageLanguageForm(PageForm):
    """Taxonomy choices (topics, audiences, stages, target groups) in the page's own
    language only: every term exists once per language, and a list with all of them
    offers each several times. Terms the page already has stay listed, so that saving
    never drops one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, Term):
                continue
            chosen = (
                [term.pk for term in getattr(self.instance, name).all()] if self.instance.pk else []
            )
            field.queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
