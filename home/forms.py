"""Admin forms shared by the page types of the apps above."""

from django.conf import settings
from django.db.models import Q
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from home.media_choices import ChoosableMediaFormMixin
from home.taxonomy import Term


class PageForm(ChoosableMediaFormMixin, WagtailAdminPageForm):
    """The admin form of every page type: documents and images only from the editor's
    own collections (``home.media_choices``), and new slugs in ASCII."""

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
