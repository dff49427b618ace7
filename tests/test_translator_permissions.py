"""A language's translators ("Kääntäjät / Översättare: Soomaali") translate and publish
that language only. A Somali translator tries every way the admin, the admin API, bulk
actions and wagtail-localize offer to change a Finnish page and an Arabic translation; each
attack checks the pages and their translations in the database afterwards, not the status
code. And the way they are meant to work: translating a Finnish page into Somali and publishing
it."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import StandardPage
from home.permissions import translator_groups
from materials.models import Topic
from network.roles import add_translator, ensure_translators
from tests import factories as make
from tests.test_translation_workflow import (
    editor_props,
    publish_translation,
    start_translation,
    translate_segments,
)

pytestmark = pytest.mark.django_db

GUIDE = "Vanhemman opas"
INTRO = "Opas uusille vanhemmille."


@pytest.fixture
def somali_translator():
    user = make.user("turjumaan")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    add_translator(user, "so")
    return user


@pytest.fixture
def guide():
    """A published Finnish guide, on a site with Somali and Arabic home pages."""
    make.home("so")
    make.home("ar")
    return make.standard_page(GUIDE, intro=INTRO)


@pytest.fixture
def arabic(guide, django_capture_on_commit_callbacks):
    """The guide translated into Arabic with wagtail-localize, published (when the
    transaction commits, as wagtail-localize publishes)."""
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="ar")
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert guide.get_translation(translation.target_locale).live
    return translation


def locale(code):
    return Locale.objects.get(language_code=code)


def state(page):
    """What an attack could change on ``page``: its texts, place in the tree, live
    version, drafts, lock and alias, and its translations' strings."""
    page = Page.objects.get(pk=page.pk)
    return {
        "title": page.title,
        "draft": page.draft_title,
        "live": page.live,
        "live_revision": page.live_revision_id,
        "revisions": page.revisions.count(),
        "parent": page.get_parent().pk,
        "locked": page.locked,
        "alias_of": page.alias_of_id,
        "strings": sorted(
            StringTranslation.objects.filter(locale=page.locale).values_list("data", flat=True)
        ),
        "translations": sorted(
            Page.objects.filter(translation_key=page.translation_key).values_list(
                "locale__language_code", flat=True
            )
        ),
    }


def api(client, page, action, payload=None):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/",
        json.dumps(payload or {}),
        content_type="application/json",
    )


def bulk(client, action, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return client.post(f"{url}?id={page.pk}", {"include_descendants": "on"})


def attack_admin(client, page):
    """Every admin path that changes, publishes, removes or moves ``page``."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = {"title": "Muutettu", "slug": page.slug, "intro": "Muutettu", "body-count": "0"}
    client.post(edit, {**form, "action-publish": "1"})
    client.post(edit, form)
    client.post(edit, {"action": "publish"})
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    somali_home = make.home("so")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, somali_home.pk]))
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Kopio", "new_slug": "kopio", "new_parent_page": somali_home.pk},
    )
    for action in ("publish", "unpublish", "delete"):
        bulk(client, action, page)
    for action, payload in (
        ("publish", {}),
        ("unpublish", {}),
        ("delete", {}),
        ("move", {"destination_page_id": somali_home.pk}),
        ("copy", {"destination_page_id": somali_home.pk, "slug": "api-kopio"}),
        ("copy_for_translation", {"locale": "so", "copy_parents": True}),
        ("create_alias", {"destination_page_id": somali_home.pk, "update_slug": "alias"}),
        ("revert_to_page_revision", {"revision_id": page.live_revision_id}),
    ):
        api(client, page, action, payload)


def test_every_language_but_the_source_has_a_translator_group(guide):
    names = translator_groups()
    assert set(names) == {"sv", "en", "ar", "fa", "so", "uk", "ru"}
    assert names["so"] == "Kääntäjät / Översättare: Soomaali"

    def held():
        return set(
            GroupPagePermission.objects.filter(group__name__in=names.values()).values_list(
                "group__name", "page__locale__language_code", "permission__codename"
            )
        )

    before = held()
    assert before == {
        (names[code], code, f"{action}_page")
        for code in ("so", "ar")
        for action in ("change", "publish")
    }
    ensure_translators()
    assert held() == before and Group.objects.filter(name__in=names.values()).count() == 7
    # a language whose home page comes later opens to its translators at once
    make.home("uk")
    assert (names["uk"], "uk", "publish_page") in held()


def test_a_somali_translator_translates_a_finnish_page_and_publishes_it(
    client, somali_translator, guide, soup_of, django_capture_on_commit_callbacks
):
    client.force_login(somali_translator)
    submit = reverse("wagtail_localize:submit_page_translation", args=[guide.pk])
    offered = soup_of(client.get(submit)).select('input[name="locales"]')
    assert [int(box["value"]) for box in offered] == [locale("so").pk]

    translation = start_translation(client, guide, locale("so"))
    somali = guide.get_translation(locale("so"))
    props = editor_props(client, somali)
    assert props["perms"]["canPublish"] is True
    translate_segments(
        client, translation, props, {GUIDE: "Hagaha waalidka", INTRO: "Hage waalid cusub."}
    )
    publish_translation(client, somali, django_capture_on_commit_callbacks)

    page = soup_of(client.get("/so/vanhemman-opas/"))
    assert page.h1.get_text(strip=True) == "Hagaha waalidka"
    assert "Hage waalid cusub." in page.main.get_text()
    assert Page.objects.get(pk=guide.pk).title == GUIDE


def test_a_somali_translator_starts_no_translation_into_another_language(
    client, somali_translator, guide
):
    client.force_login(somali_translator)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        {"locales": [locale("ar").pk, locale("sv").pk]},
    )
    topic = Topic.objects.filter(locale__language_code="fi").first()
    Topic.objects.filter(translation_key=topic.translation_key, locale=locale("ar")).delete()
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["materials", "topic", topic.pk]
        ),
        {"locales": [locale("ar").pk]},
    )
    assert state(guide)["translations"] == ["fi"]
    assert not Topic.objects.filter(
        translation_key=topic.translation_key, locale=locale("ar")
    ).exists()


def test_a_somali_translator_changes_no_finnish_page(client, somali_translator, guide, arabic):
    before = state(guide), state(guide.get_translation(locale("ar")))
    client.force_login(somali_translator)
    attack_admin(client, guide)
    # "publish immediately" on the source's translations, and its Arabic one made an alias
    client.post(
        reverse("wagtail_localize:update_translations", args=[arabic.source.pk]),
        {"publish_translations": "on"},
    )
    assert (state(guide), state(guide.get_translation(locale("ar")))) == before
    assert "Muutettu" not in client.get(guide.url).content.decode()
    assert not StandardPage.objects.filter(slug__in=["kopio", "api-kopio", "alias"]).exists()


def test_a_somali_translator_changes_no_arabic_translation(
    client, somali_translator, guide, arabic, settings
):
    page = guide.get_translation(locale("ar"))
    before = state(page)
    client.force_login(somali_translator)
    attack_admin(client, page)

    segment = StringSegment.objects.filter(source=arabic.source).first()
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[arabic.pk, segment.pk]),
        "value=Qoraal la beddelay",
        content_type="application/x-www-form-urlencoded",
    )
    client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    client.post(reverse("wagtail_localize:stop_translation", args=[arabic.pk]))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "tests.fake_translator.FakeTranslator"}
    client.post(reverse("wagtail_localize:machine_translate", args=[arabic.pk]))
    client.post(
        reverse("wagtail_localize:update_translations", args=[arabic.source.pk]),
        {"use_machine_translation": "on"},
    )

    assert state(page) == before
    arabic.refresh_from_db()
    assert arabic.enabled
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()
    assert "Muutettu" not in client.get(page.url).content.decode()


def test_a_somali_translator_creates_no_page(client, somali_translator, guide):
    client.force_login(somali_translator)
    pages = Page.objects.count()
    for parent in (make.home("fi"), make.home("so")):
        client.post(
            reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk]),
            {
                "title": "Uusi",
                "slug": "uusi",
                "intro": "",
                "body-count": "0",
                "action-publish": "1",
            },
        )
    assert Page.objects.count() == pages


def test_a_somali_translator_publishes_no_unreviewed_draft_in_somali(
    client, somali_translator, guide, django_capture_on_commit_callbacks
):
    """A Finnish page that is not live holds a draft no coordinator has approved: translated
    and published in Somali, its text would be public. Alone, and under a published page
    translated with its subtree, it is refused; syncing its translations too."""
    draft = make.standard_page("Salainen luonnos", intro="Ei vielä tarkastettu.")
    draft.unpublish()
    below = make.standard_page("Alasivun luonnos", parent=guide)
    below.unpublish()
    client.force_login(somali_translator)

    answer = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[draft.pk]),
        {"locales": [locale("so").pk]},
        follow=True,
    )
    assert "is not published yet" in answer.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
            {"locales": [locale("so").pk], "include_subtree": "on"},
        )
    assert state(draft)["translations"] == ["fi"]
    assert state(below)["translations"] == ["fi"]
    assert state(guide)["translations"] == ["fi"]

    # a coordinator started the draft's translation; the translator cannot sync it and publish
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    Translation.objects.create(source=source, target_locale=locale("so")).save_target()
    somali = draft.get_translation(locale("so"))
    client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert not Page.objects.get(pk=somali.pk).live


def snippet_editor_props(client, snippet):
    from bs4 import BeautifulSoup

    response = client.get(reverse("wagtailsnippets_materials_topic:edit", args=[snippet.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    assert editor is not None, "the topic does not open in wagtail-localize's translation editor"
    return json.loads(editor["data-props"])


def topic_translation(client, finnish, code):
    """``finnish`` translated into ``code`` with wagtail-localize by whoever ``client`` is."""
    Topic.objects.filter(translation_key=finnish.translation_key, locale=locale(code)).delete()
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["materials", "topic", finnish.pk]
        ),
        {"locales": [locale(code).pk]},
    )
    return Translation.objects.get(
        source__object_id=finnish.translation_key, target_locale=locale(code)
    )


def topics(finnish):
    return sorted(
        Topic.objects.filter(translation_key=finnish.translation_key).values_list(
            "locale__language_code", "name", "slug"
        )
    )


def test_a_somali_translator_translates_a_topic_into_somali_and_saves_it(
    client, somali_translator, django_capture_on_commit_callbacks
):
    finnish = Topic.objects.get(slug="vanhemmuus", locale__language_code="fi")
    client.force_login(somali_translator)
    translation = topic_translation(client, finnish, "so")
    somali = Topic.objects.get(translation_key=finnish.translation_key, locale=locale("so"))
    translate_segments(
        client, translation, snippet_editor_props(client, somali), {finnish.name: "Waalidnimo"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            reverse("wagtailsnippets_materials_topic:edit", args=[somali.pk]),
            {"action": "publish"},
        )
    assert saved.status_code == 302
    somali.refresh_from_db()
    assert somali.name == "Waalidnimo"


def test_a_somali_translator_changes_no_topic_in_another_language(
    client, somali_translator, django_capture_on_commit_callbacks
):
    """The Finnish source and the Arabic translation, through the snippet views, bulk
    delete and wagtail-localize's translation editor, are as they were."""
    finnish = Topic.objects.get(slug="vanhemmuus", locale__language_code="fi")
    coordinator = make.user("koordinaattori", is_superuser=True)
    client.force_login(coordinator)
    arabic_translation = topic_translation(client, finnish, "ar")
    arabic = Topic.objects.get(translation_key=finnish.translation_key, locale=locale("ar"))
    props = snippet_editor_props(client, arabic)
    # and an Arabic topic translated by hand, edited in Wagtail's own form
    other = Topic.objects.filter(locale__language_code="fi").exclude(pk=finnish.pk).first()
    Topic.objects.filter(translation_key=other.translation_key, locale=locale("ar")).delete()
    by_hand = other.copy_for_translation(locale("ar"))
    by_hand.save()
    somali = other.copy_for_translation(locale("so"))
    somali.save()
    before = topics(finnish) + topics(other)
    strings = sorted(StringTranslation.objects.values_list("locale__language_code", "data"))
    topic_count = Topic.objects.count()

    translations = sorted(Translation.objects.values_list("pk", "target_locale", "enabled"))
    po_file = arabic_translation.export_po()
    for entry in po_file:
        entry.msgstr = "Muutettu"

    client.force_login(somali_translator)
    form = {"name": "Muutettu", "slug": "muutettu", "sort_order": 0}
    snippet_views = "wagtailsnippets_materials_topic"
    for topic in (finnish, arabic, other, by_hand):
        url = reverse(f"{snippet_views}:edit", args=[topic.pk])
        assert client.get(url).url == reverse("wagtailadmin_home")
        client.post(url, form)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"action": "publish"})
        client.post(url, {"localize-restart-translation": "1"})
        client.post(reverse(f"{snippet_views}:delete", args=[topic.pk]))
        client.post(reverse(f"{snippet_views}:copy", args=[topic.pk]), form)
        client.post(
            reverse(f"{snippet_views}:copy", args=[topic.pk]) + "?locale=so",
            {**form, "locale": locale("so").pk},
        )
        for reading in ("history", "usage"):
            client.post(reverse(f"{snippet_views}:{reading}", args=[topic.pk]), form)
        bulk_delete = reverse("wagtail_bulk_action", args=["materials", "topic", "delete"])
        client.post(f"{bulk_delete}?id={topic.pk}")
    # one bulk request with every id, the translator's own language's among them
    forged = "&".join(f"id={topic.pk}" for topic in (somali, finnish, arabic, by_hand))
    client.post(f"{bulk_delete}?{forged}")
    client.post(reverse(f"{snippet_views}:add"), form)
    client.post(reverse(f"{snippet_views}:add") + "?locale=ar", {**form, "locale": locale("ar").pk})
    client.post(reverse("wagtailsnippetchoosers_materials_topic:create"), form)
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["materials", "topic", other.pk]
        ),
        {"locales": [locale("ar").pk]},
    )
    client.post(reverse("wagtail_localize:machine_translate", args=[arabic_translation.pk]))
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[arabic_translation.pk]),
        {"file": SimpleUploadedFile("ar.po", str(po_file).encode())},
    )
    for segment in props["segments"]:
        if segment["type"] != "string":
            client.put(
                reverse(
                    "wagtail_localize:edit_override", args=[arabic_translation.pk, segment["id"]]
                ),
                "value=muutettu",
                content_type="application/x-www-form-urlencoded",
            )
    segment_answers = [
        client.put(
            reverse(
                "wagtail_localize:edit_string_translation",
                args=[arabic_translation.pk, segment["id"]],
            ),
            "value=Muutettu",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        for segment in props["segments"]
        if segment["type"] == "string"
    ]
    client.post(reverse("wagtail_localize:stop_translation", args=[arabic_translation.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:update_translations", args=[arabic_translation.source_id]),
            {"publish_translations": "on"},
        )

    # refused: the admin sends whoever it refuses to the dashboard
    assert segment_answers and set(segment_answers) == {302}
    assert topics(finnish) + topics(other) == before
    assert Topic.objects.count() == topic_count
    assert sorted(StringTranslation.objects.values_list("locale__language_code", "data")) == strings
    assert sorted(Translation.objects.values_list("pk", "target_locale", "enabled")) == translations


def test_a_somali_translator_reads_the_progress_report_of_somali(
    client, somali_translator, guide, soup_of
):
    client.force_login(somali_translator)
    start_translation(client, guide, locale("so"))
    soup = soup_of(client.get(reverse("translation_progress"), {"language": "so"}))
    assert [th.get_text().strip() for th in soup.select("thead th")][1:] == ["Somali – Soomaali"]
    assert [tr.th.a.get_text(strip=True) for tr in soup.select("tbody tr")] == [GUIDE]
