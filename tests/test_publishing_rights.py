"""Nothing goes live without a reviewer: every way Wagtail and wagtail-localize offer
to make a page live, tried by an organisation editor, and what a translator may do
to organisations' pages. Each attack checks the live site and the database
afterwards, not the status code."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from home.permissions import ReviewedPage, ReviewedPagePermissions
from network.models import BlogPage
from network.roles import TRANSLATORS
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return make.onboarded("Järjestö A", level="local")


@pytest.fixture
def editor(organisation):
    return make.user("editori", organisation.group)


@pytest.fixture
def coordinator():
    return make.coordinator("koordinaattori")


@pytest.fixture
def translator():
    return make.user("kaantaja", TRANSLATORS)


def blog_post(parent, slug, live=True):
    """A post under ``parent`` titled "Julkaistu <slug>", published unless ``live`` is false."""
    return make.blog_post(parent, f"Julkaistu {slug}", slug=slug, live=live)


@pytest.fixture
def live_post(organisation):
    return blog_post(organisation.organisation, "julkaistu")


@pytest.fixture
def draft(organisation):
    return blog_post(organisation.organisation, "luonnos", live=False)


def public_text(url):
    """What an anonymous visitor gets at ``url``: the page's HTML, or None."""
    response = Client().get(url)
    return response.content.decode() if response.status_code == 200 else None


def live_slugs():
    return set(Page.objects.live().values_list("slug", flat=True))


def api_action(client, page, action, payload=None):
    """An admin API action, sent as the admin's own JavaScript does (session cookie and
    CSRF token)."""
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/",
        json.dumps(payload or {}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )


@pytest.fixture
def editor_session(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get(reverse("wagtailadmin_home"))  # sets the CSRF cookie
    return client


def test_every_page_model_asks_the_review_rule(editor, live_post):
    for model in get_page_models():
        if model is not Page:
            assert issubclass(model, ReviewedPage), model
    generic = Page.objects.get(pk=live_post.pk)  # as bulk actions and the API load pages
    assert isinstance(generic.permissions_for_user(editor), ReviewedPagePermissions)


def test_page_editor_publishing_saves_at_most_a_draft(client, editor, organisation, live_post):
    client.force_login(editor)
    add = reverse(
        "wagtailadmin_pages:add", args=["network", "blogpage", organisation.organisation.pk]
    )
    form = client.get(add).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(add, make.blog_post_form("action-publish", title="Uusi", slug="uusi"))
    assert "uusi" not in live_slugs()
    assert public_text(f"{organisation.organisation.url}uusi/") is None

    client.post(
        reverse("wagtailadmin_pages:edit", args=[live_post.pk]),
        make.blog_post_form("action-publish", title="Muutettu", slug=live_post.slug),
    )
    assert "Muutettu" not in public_text(live_post.url)
    assert BlogPage.objects.get(pk=live_post.pk).title == "Julkaistu julkaistu"


def test_bulk_publish_leaves_drafts_unpublished(client, editor, draft):
    client.force_login(editor)
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={draft.pk}",
        {"include_descendants": "on"},
    )
    assert "luonnos" not in live_slugs()


def test_copies_and_aliases_from_the_copy_view_are_not_live(
    client, editor, organisation, live_post
):
    client.force_login(editor)
    copy = reverse("wagtailadmin_pages:copy", args=[live_post.pk])
    for slug, extra in (("kopio", {"publish_copies": "on"}), ("alias", {"alias": "on"})):
        client.post(
            copy,
            {
                "new_title": slug,
                "new_slug": slug,
                "new_parent_page": organisation.organisation.pk,
                **extra,
            },
        )
        assert slug not in live_slugs()
        assert public_text(f"{organisation.organisation.url}{slug}/") is None


def test_admin_api_publish_copy_and_alias_make_nothing_live(
    editor_session, organisation, live_post, draft
):
    before = live_slugs()
    api_action(editor_session, draft, "publish")
    assert "luonnos" not in live_slugs()

    editor_session.post(
        reverse("wagtailadmin_pages:edit", args=[live_post.pk]),
        make.blog_post_form("action-draft", title="Luonnosmuutos", slug=live_post.slug),
        HTTP_X_CSRFTOKEN=editor_session.cookies["csrftoken"].value,
    )
    api_action(editor_session, live_post, "publish")
    assert "Luonnosmuutos" not in public_text(live_post.url)

    api_action(editor_session, live_post, "copy", {"slug": "api-kopio", "keep_live": True})
    api_action(editor_session, live_post, "create_alias", {"update_slug": "api-alias"})
    api_action(
        editor_session, live_post, "copy_for_translation", {"locale": "sv", "copy_parents": True}
    )
    assert live_slugs() == before


def test_admin_api_cannot_detach_an_alias(editor_session, coordinator, organisation, live_post):
    alias = live_post.create_alias(parent=organisation.organisation, update_slug="alias-kopio")
    api_action(editor_session, alias, "convert_alias")
    alias.refresh_from_db()
    assert alias.alias_of_id == live_post.pk


def test_admin_api_revert_does_not_publish(editor_session, coordinator, live_post):
    first = live_post.live_revision
    live_post.title = "Toinen versio"
    live_post.save_revision(user=coordinator).publish(user=coordinator)
    api_action(editor_session, live_post, "revert_to_page_revision", {"revision_id": first.pk})
    assert "Toinen versio" in public_text(live_post.url)


def test_scheduled_publishing_needs_a_reviewer(client, editor, draft):
    client.force_login(editor)
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        make.blog_post_form("action-publish", title="Ajastettu", slug=draft.slug, go_live_at=past),
    )
    call_command("publish_scheduled", verbosity=0)
    assert "luonnos" not in live_slugs()
    assert not draft.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_editors_do_not_set_privacy(client, editor, live_post):
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[live_post.pk]),
        {"restriction_type": "login"},
    )
    assert not PageViewRestriction.objects.filter(page=live_post).exists()
    assert public_text(live_post.url) is not None


def test_editors_cannot_start_translations(client, editor, live_post):
    client.force_login(editor)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[live_post.pk]),
        {"locales": [Locale.objects.get(language_code="sv").pk]},
    )
    assert not BlogPage.objects.filter(
        translation_key=live_post.translation_key, locale__language_code="sv"
    ).exists()


def test_a_new_translation_stays_a_draft_until_published(
    client, translator, live_post, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    swedish = Locale.objects.get(language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[live_post.pk]),
            {"locales": [swedish.pk], "include_subtree": ""},
        )
    translation = BlogPage.objects.get(translation_key=live_post.translation_key, locale=swedish)
    assert not translation.live
    # the Swedish visitor is sent to the "not available in your language" notice meanwhile
    notice = Client().get(f"/sv/unavailable/{live_post.pk}/")
    assert notice.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[translation.pk]), {"action": "publish"}
        )
    translation.refresh_from_db()
    assert translation.live


@pytest.fixture
def swedish_post(live_post):
    translation = live_post.copy_for_translation(
        Locale.objects.get(language_code="sv"), copy_parents=True
    )
    translation.save_revision().publish()
    return BlogPage.objects.get(pk=translation.pk)


def test_translators_publish_translations_and_nothing_else(
    client, translator, organisation, swedish_post
):
    client.force_login(translator)
    tester = swedish_post.permissions_for_user(translator)
    assert tester.can_edit() and tester.can_publish()

    client.post(reverse("wagtailadmin_pages:unpublish", args=[swedish_post.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[swedish_post.pk]))
    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[swedish_post.pk]),
        {"restriction_type": "login"},
    )
    home = make.home("sv")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[swedish_post.pk, home.pk]))
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={swedish_post.pk}"
    )
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        + f"?id={swedish_post.pk}"
    )
    client.get(reverse("wagtailadmin_home"))
    for action, payload in (
        ("unpublish", {}),
        ("delete", {}),
        ("move", {"destination_page_id": home.pk}),
    ):
        client.post(
            f"/admin/api/main/pages/{swedish_post.pk}/action/{action}/",
            json.dumps(payload),
            content_type="application/json",
        )

    after = BlogPage.objects.get(pk=swedish_post.pk)
    assert after.live and after.get_parent().pk == swedish_post.get_parent().pk
    assert not PageViewRestriction.objects.filter(page=after).exists()
    assert public_text(after.url) is not None

    finnish = organisation.organisation
    assert not finnish.permissions_for_user(translator).can_publish()
    assert not finnish.permissions_for_user(translator).can_delete()


def test_editors_keep_unpublish_and_delete_of_their_own_pages(editor, live_post, swedish_post):
    for page in (live_post, swedish_post):
        tester = page.permissions_for_user(editor)
        assert tester.can_unpublish() and tester.can_delete() and not tester.can_publish()


def translation_draft(source, code):
    """A wagtail-localize translation of ``source`` into ``code``, saved as a draft."""
    from wagtail_localize.models import Translation, TranslationSource

    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation = Translation.objects.create(
        source=translation_source, target_locale=Locale.objects.get(language_code=code)
    )
    translation.save_target(publish=False)
    return translation_source, BlogPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def test_update_translations_publishes_only_what_the_user_may_publish(
    client, translator, coordinator, organisation, django_capture_on_commit_callbacks
):
    # A translator's own page in English, sent to Finnish: "Publish immediately" must not
    # put the Finnish page live without review.
    english_org = organisation.organisation.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english = blog_post(english_org, "english-post")
    source, finnish = translation_draft(english, "fi")
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    finnish.refresh_from_db()
    assert not finnish.live

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    finnish.refresh_from_db()
    assert finnish.live


def test_converting_a_translation_to_an_alias_needs_a_reviewer(client, editor, live_post):
    _source, swedish = translation_draft(live_post, "sv")
    client.force_login(editor)
    client.post(reverse("wagtail_localize:convert_to_alias", args=[swedish.pk]))
    swedish.refresh_from_db()
    assert not swedish.live and swedish.alias_of_id is None


def test_editors_do_not_move_pages_out_of_or_into_privacy(client, editor, organisation):
    section = blog_post(organisation.organisation, "jasenille")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    private = blog_post(section, "sisainen")
    public = blog_post(organisation.organisation, "julkinen")
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[private.pk, organisation.organisation.pk])
    )
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[public.pk, section.pk]))
    assert Page.objects.get(pk=private.pk).get_parent().pk == section.pk
    assert Page.objects.get(pk=public.pk).get_parent().pk == organisation.organisation.pk
    assert public_text(public.url) is not None and public_text(private.url) is None
