from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home import autosave_drafts, localize_guards, translation_files, translation_progress
from home.admin_api import ChoosableDocumentsAPIViewSet, ChoosableImagesAPIViewSet
from home.forms import new_slug


# After Wagtail's own registrations (order 0), which these endpoints replace.
@hooks.register("construct_admin_api", order=1)
def register_choosable_media_endpoints(router):
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", ChoosableImagesAPIViewSet)


@hooks.register("register_admin_urls")
def register_checked_po_upload():
    # The same address as wagtail-localize's upload, registered first so that it
    # takes its place: the translation editor posts here.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            localize_guards.own_language_snippets(translation_files.upload_pofile),
            name="tarjotin_upload_pofile",
        )
    ]


@hooks.register("register_admin_urls")
def register_own_language_translation_editor():
    # wagtail-localize's translation editor at its own addresses, registered first
    return [
        path(
            f"localize/translate/<int:translation_id>/{address}",
            localize_guards.own_language_snippets(view),
            name=f"tarjotin_{view.__name__}",
        )
        for address, view in localize_guards.EDITOR_VIEWS.items()
    ]


@hooks.register("register_admin_urls")
def register_localize_publishing_guards():
    # wagtail-localize's own addresses, registered first so that these take their place.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            localize_guards.update_translations_guarded,
            name="tarjotin_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            localize_guards.SubmitPageTranslation.as_view(),
            name="tarjotin_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize_guards.SubmitSnippetTranslation.as_view(),
            name="tarjotin_submit_snippet_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            localize_guards.convert_to_alias_guarded,
            name="tarjotin_convert_to_alias",
        ),
    ]


@hooks.register("register_admin_urls")
def register_translation_progress():
    view = translation_progress.TranslationProgressView
    return [
        path("reports/translation-progress/", view.as_view(), name="translation_progress"),
        path(
            "reports/translation-progress/results/",
            view.as_view(results_only=True),
            name="translation_progress_results",
        ),
    ]


class TranslationProgressMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_progress_menu_item():
    return TranslationProgressMenuItem(
        _("Translation progress"),
        reverse("translation_progress"),
        icon_name="wagtail-localize-language",
        order=8900,
    )


@hooks.register("before_create_page")
def make_room_for_a_retried_page(request, parent_page, page_class):
    if request.method == "POST":
        slug = new_slug(request.POST.get("slug", ""), request.POST.get("title", ""))
        autosave_drafts.make_room(request.user, parent_page, slug)


@hooks.register("after_create_page")
def note_a_page_autosave_created(request, page):
    if autosave_drafts.is_autosave(request):
        autosave_drafts.note(page)


@hooks.register("after_edit_page")
def forget_a_page_a_person_saved(request, page):
    if not autosave_drafts.is_autosave(request):
        autosave_drafts.forget(page)
