"""Admin forms shared by the page types of the apps above."""

from django.conf import settings
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import string_to_ascii

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None and not settings.WAGTAIL_ALLOW_UNICODE_SLUGS:
            slug.required = False  # clean_slug makes one from the title
            # A typed slug spelt in ASCII as one made from the title: the slug script's
            # own clean-up on leaving the field drops "ä" ("päivä" became "piv").
            action = slug.widget.attrs.get("data-action", "")
            slug.widget.attrs["data-action"] = action.replace(
                "blur->w-slug#slugify", "blur->w-slug#urlify"
            )

    def clean_slug(self):
        """A new slug in ASCII, as the admin's slug script writes it (ä→a, ö→o, å→a), and
        Arabic, Persian or Cyrillic spelt in Latin letters rather than dropped; one left
        empty (an editor without JavaScript) comes from the title. A page's current slug
        stays, so its address does not move."""
        slug = self.cleaned_data.get("slug")
        if settings.WAGTAIL_ALLOW_UNICODE_SLUGS or (slug and slug == self.instance.slug):
            return slug
        if not slug and self.instance.pk:  # emptied: the address stays
            return self.instance.slug
        return new_slug(slug, self.cleaned_data.get("title", ""))


def new_slug(slug, title):
    """The slug a new page gets from the slug and title the editor sent (``clean_slug``)."""
    if settings.WAGTAIL_ALLOW_UNICODE_SLUGS:
        return slug
    return slugify(string_to_ascii(slug or title))


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
