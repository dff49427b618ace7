"""wagtail-localize views that make or change pages without asking the page's permission tester.

"Update translations" with "Publish immediately" publishes every translation of a source,
and "Convert to alias" makes a translation a live copy of its source; both check only
wagtail-localize's model permission or "edit". These guards take the same addresses (see
``wagtail_hooks``) and let a request through only when ``ReviewedPagePermissions`` allows
publishing each page it would make live; otherwise nothing changes.

"Translate" creates the translations into any language for whoever may submit
translations; here it offers (and accepts) only the languages whose pages the user edits,
so a language's translators start translations into their language alone, and only those
who change a snippet type translate its snippets. wagtail-localize's translation editor
views save a snippet's strings for whoever holds "change" on the snippet type, without asking
the type's permission policy (``TranslatedSnippetPermissionPolicy``) about the translation:
``own_language_snippets`` narrows them to the languages the policy allows
(``may_change_snippet_in``).

A page that is not live holds a draft no coordinator has approved, and wagtail-localize
translates (and "Update translations" syncs) the page as stored: a translator who may
publish their language would publish that draft's text in it. Only someone who may publish
the source page translates it, or syncs it, before it is live."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from home.permissions import may_change_snippet_in, may_translate_into

update_translations_view = update_translations.UpdateTranslationsView.as_view()


def unreviewed(page, user):
    """Whether translating ``page`` for ``user`` would copy a draft past review."""
    return not page.live and not page.permissions_for_user(user).can_publish()


def update_translations_guarded(request, translation_source_id):
    if request.method == "POST":
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:
            instance = None
        if isinstance(instance, Page) and unreviewed(instance, request.user):
            raise PermissionDenied
        if instance is not None and not isinstance(instance, Page):
            # syncing rewrites every language's translation of the snippet
            for translation in source.translations.filter(enabled=True):
                language_code = translation.target_locale.language_code
                if not may_change_snippet_in(request.user, type(instance), language_code):
                    raise PermissionDenied
        if request.POST.get("publish_translations"):
            for translation in source.translations.filter(enabled=True):
                try:
                    target = translation.get_target_instance()
                except ObjectDoesNotExist:
                    continue
                if isinstance(target, Page):
                    if not target.permissions_for_user(request.user).can_publish():
                        raise PermissionDenied
    return update_translations_view(request, translation_source_id=translation_source_id)


def own_language_snippets(view):
    """``view`` (one of wagtail-localize's ``translate/<translation_id>/...`` views), refused
    for a snippet's translation into a language whose snippets the user does not change."""

    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        model = translation.source.specific_content_type.model_class()
        if not issubclass(model, Page) and not may_change_snippet_in(
            request.user, model, translation.target_locale.language_code
        ):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


EDITOR_VIEWS = {
    "strings/<int:string_segment_id>/edit/": edit_translation.edit_string_translation,
    "overrides/<int:overridable_segment_id>/edit/": edit_translation.edit_override,
    "machine_translate/": edit_translation.machine_translate,
    "disable/": edit_translation.stop_translation,
}


def convert_to_alias_guarded(request, page_id):
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class OwnLanguagesOnly:
    """The submit view's languages narrowed to those the user may translate into
    (``may_translate_into``)."""

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(
            pk__in=[locale.pk for locale in locales.queryset if self.may_translate_into(locale)]
        )
        return form


class SubmitPageTranslation(OwnLanguagesOnly, submit_translations.SubmitPageTranslationView):
    def may_translate_into(self, locale):
        return may_translate_into(self.request.user, self.object, locale)

    def form_valid(self, form):
        pages = [self.object]
        if form.cleaned_data["include_subtree"]:
            pages += self.object.get_descendants().not_live().specific()
        draft = next((page for page in pages if unreviewed(page, self.request.user)), None)
        if draft is None:
            return super().form_valid(form)
        messages.error(
            self.request,
            _(
                "“%(title)s” is not published yet: a draft is translated only after its "
                "review, or by someone who may publish it."
            )
            % {"title": draft.get_admin_display_title()},
        )
        return redirect(self.request.get_full_path())


class SubmitSnippetTranslation(OwnLanguagesOnly, submit_translations.SubmitSnippetTranslationView):
    def may_translate_into(self, locale):
        # snippet permissions are per type; a language's translators' in their language only
        return user_can_edit_snippet_type(
            self.request.user, type(self.object)
        ) and may_change_snippet_in(self.request.user, type(self.object), locale.language_code)
