"""Admin forms shared by the page types of the apps above."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

from home.media_choices import ChoosableMediaFormMixin
from home.taxonomy import Term


class PageForm(ChoosableMediaFormMixin, WagtailAdminPageForm):
    """The admin form of every page type: documents and images only from the editor's
    own collections (``home.media_choices``)."""


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
