"""The translation workflow through wagtail-localize's own models and views: a
translator translates a Finnish page into Swedish segment by segment and publishes it;
the source changes and "update translations" keeps what did not change and marks what
did; PO files go out and come back (and bad ones are refused); machine translation
appears only when a provider is configured."""

import json

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import FooterText
from materials.models import Audience, Topic
from network.models import IntegrationStage, TargetGroup
from network.roles import COORDINATORS, TRANSLATORS
from tests import factories as make
from tests.page_types import PAGE_TYPES, one_page

pytestmark = pytest.mark.django_db

INTRO = "Opas uusille vanhemmille."
PARAGRAPHS = ["Ensimmäinen kappale neuvolasta.", "Toinen kappale päivähoidosta."]
SWEDISH = {
    "Vanhemman opas": "Föräldrarnas guide",
    INTRO: "En guide för nya föräldrar.",
    PARAGRAPHS[0]: "Första stycket om rådgivningen.",
    PARAGRAPHS[1]: "Andra stycket om dagvården.",
}


def user_in(group_name, username):
    user = make.user(username, group_name)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's messages in English, for the assertions
    profile.save()
    return user


@pytest.fixture
def translator():
    return user_in(TRANSLATORS, "kaantaja")


@pytest.fixture
def guide():
    """A published Finnish guide on a site that has a Swedish home page."""
    make.home("sv")
    return make.standard_page(
        "Vanhemman opas",
        intro=INTRO,
        body=[("paragraph", "".join(f"<p>{text}</p>" for text in PARAGRAPHS))],
    )


def sweden():
    return Locale.objects.get(language_code="sv")


def editor_props(client, page):
    from bs4 import BeautifulSoup

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    assert editor is not None, "the page does not open in wagtail-localize's translation editor"
    return json.loads(editor["data-props"])


def translate_segments(client, translation, props, texts):
    for segment in props["segments"]:
        if segment["type"] != "string" or segment["source"] not in texts:
            continue
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, segment["id"]]
        )
        response = client.put(
            url,
            f"value={texts[segment['source']]}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def start_translation(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def start_swedish_translation(client, guide):
    return start_translation(client, guide, sweden())


def publish_translation(client, page, on_commit):
    # wagtail-localize publishes when the request's transaction commits
    with on_commit(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302


def translate_and_publish(client, guide, on_commit):
    translation = start_swedish_translation(client, guide)
    swedish = guide.get_translation(sweden())
    props = editor_props(client, swedish)
    translate_segments(client, translation, props, SWEDISH)
    publish_translation(client, swedish, on_commit)
    return translation, swedish


def test_translator_translates_segment_by_segment_and_publishes(
    client, translator, guide, soup_of, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translation = start_swedish_translation(client, guide)
    swedish = guide.get_translation(sweden())
    props = editor_props(client, swedish)
    assert props["locale"]["code"] == "sv" and props["sourceLocale"]["code"] == "fi"
    sources = {segment["source"] for segment in props["segments"] if segment["type"] == "string"}
    assert set(SWEDISH) <= sources
    assert translation.get_progress() == (len(sources), 0)

    translate_segments(client, translation, props, SWEDISH)
    total, done = translation.get_progress()
    assert done == len(SWEDISH)
    assert editor_props(client, swedish)["perms"]["canPublish"] is True
    publish_translation(client, swedish, django_capture_on_commit_callbacks)

    page = client.get("/sv/vanhemman-opas/")
    assert page.status_code == 200
    soup = soup_of(page)
    assert soup.html["lang"] == "sv"
    assert soup.h1.get_text(strip=True) == "Föräldrarnas guide"
    assert "Första stycket om rådgivningen." in soup.main.get_text()
    # the Finnish page's switcher now leads to the Swedish one
    finnish = soup_of(client.get("/fi/vanhemman-opas/"))
    links = {
        a["hreflang"]: a["href"] for a in finnish.select(".language-switcher > ul a[hreflang]")
    }
    assert links["sv"] == "/sv/vanhemman-opas/"


def test_translator_cannot_publish_the_source_language(client, translator, guide):
    client.force_login(translator)
    edit = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    form = client.get(edit).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    # A forged publish saves a draft for review at most; the live page stays as it was.
    client.post(
        edit,
        {
            "title": "Muutettu",
            "slug": guide.slug,
            "intro": INTRO,
            "body-count": "0",
            "action-publish": "1",
        },
    )
    guide.refresh_from_db()
    assert (
        guide.title == "Vanhemman opas"
        and guide.live_revision.as_object().title == "Vanhemman opas"
    )
    assert "Muutettu" not in client.get(guide.url).content.decode()


def test_translator_translates_snippets_but_leaves_the_source_to_coordinators(client, translator):
    client.force_login(translator)
    finnish = Topic.objects.get(slug="vanhemmuus", locale__language_code="fi")
    swedish = Topic.objects.get(slug="vanhemmuus", locale__language_code="sv")
    assert (
        client.get(reverse("wagtailsnippets_materials_topic:edit", args=[swedish.pk])).status_code
        == 200
    )
    refused = client.post(
        reverse("wagtailsnippets_materials_topic:edit", args=[finnish.pk]),
        {"name": "Muutettu", "slug": finnish.slug, "sort_order": 0},
    )
    # the admin's refusal: back to the dashboard, with its message
    assert refused.url == reverse("wagtailadmin_home")
    finnish.refresh_from_db()
    assert finnish.name != "Muutettu"
    coordinator = user_in(COORDINATORS, "koordinaattori")
    client.force_login(coordinator)
    assert (
        client.get(reverse("wagtailsnippets_materials_topic:edit", args=[finnish.pk])).status_code
        == 200
    )


def test_a_translation_behind_its_source_says_so_until_synchronised(
    client, translator, guide, soup_of, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_and_publish(client, guide, django_capture_on_commit_callbacks)
    client.logout()

    def notice():
        return soup_of(client.get("/sv/vanhemman-opas/")).select_one("main .translation-behind")

    assert notice() is None
    assert soup_of(client.get(guide.url)).select_one(".translation-behind") is None
    guide.refresh_from_db()
    guide.intro = "Opas uusille ja tuleville vanhemmille."
    guide.save_revision().publish()
    shown = notice()
    assert shown is not None
    assert shown.get_text(" ", strip=True).startswith(
        "Den här översättningen kan vara inaktuell: originalsidan har ändrats"
    )
    link = shown.select_one('a[hreflang="fi"]')
    assert link["href"] == guide.url and link.get_text() == "Läs originalsidan"
    assert shown.select_one('[lang="fi"]').get_text() == "suomi"
    # the Finnish page itself says nothing
    assert soup_of(client.get(guide.url)).select_one(".translation-behind") is None

    client.force_login(translator)
    source = TranslationSource.objects.get(object_id=guide.translation_key)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    client.logout()
    assert notice() is None


def test_sync_keeps_unchanged_segments_and_marks_changed_ones(
    client, translator, guide, soup_of, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translation, swedish = translate_and_publish(client, guide, django_capture_on_commit_callbacks)
    total, done = translation.get_progress()

    guide.refresh_from_db()
    guide.intro = "Opas uusille ja tuleville vanhemmille."
    guide.save_revision().publish()
    source = TranslationSource.objects.get(object_id=guide.translation_key)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    segments = {
        segment.string.data: segment
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }
    assert INTRO not in segments and "Opas uusille ja tuleville vanhemmille." in segments
    translated = set(
        StringTranslation.objects.filter(
            locale=sweden(), translation_of__in=[segment.string for segment in segments.values()]
        ).values_list("translation_of__data", flat=True)
    )
    # unchanged segments keep their Swedish; the changed one waits for a translator
    assert {"Vanhemman opas", *PARAGRAPHS} <= translated
    assert "Opas uusille ja tuleville vanhemmille." not in translated
    assert translation.get_progress() == (total, done - 1)
    props = editor_props(client, swedish)
    waiting = [
        s["source"]
        for s in props["segments"]
        if s["type"] == "string"
        and not any(t["segment_id"] == s["id"] for t in props["initialStringTranslations"])
    ]
    assert "Opas uusille ja tuleville vanhemmille." in waiting
    # nothing was overwritten: the published Swedish page still reads as before
    live = soup_of(client.get("/sv/vanhemman-opas/")).main.get_text()
    assert "En guide för nya föräldrar." in live and "tuleville" not in live


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, content, name="sv.po"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = client.post(
        url, {"file": SimpleUploadedFile(name, content), "next": "/admin/"}, follow=True
    )
    return [str(message) for message in response.context["messages"]]


def test_po_round_trip(client, translator, guide):
    client.force_login(translator)
    translation = start_swedish_translation(client, guide)
    po = download_po(client, translation)
    assert {entry.msgid for entry in po} >= set(SWEDISH)
    for entry in po:
        entry.msgstr = SWEDISH.get(entry.msgid, entry.msgid)
    messages = upload(client, translation, str(po).encode())
    assert any("imported" in message for message in messages)
    assert translation.get_progress()[1] == len(po)


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"this is not a PO file\n\x00\x01", "not a valid PO file"),
        (
            'msgid ""\nmsgstr ""\n\nmsgid "Vanhemman opas"\nmsgstr "X"\n'.encode(),
            "not downloaded from this translation",
        ),
        ("Föräldrar".encode("utf-16"), "UTF-8"),
    ],
)
def test_bad_po_files_are_refused_and_change_nothing(client, translator, guide, content, reason):
    client.force_login(translator)
    translation = start_swedish_translation(client, guide)
    before = StringTranslation.objects.count()
    messages = upload(client, translation, content)
    assert any(reason in message for message in messages), messages
    assert StringTranslation.objects.count() == before


def test_po_from_another_page_or_an_older_source_is_refused(client, translator, guide):
    client.force_login(translator)
    translation = start_swedish_translation(client, guide)
    po = download_po(client, translation)
    for entry in po:
        entry.msgstr = SWEDISH.get(entry.msgid, entry.msgid)

    other = start_swedish_translation(client, make.standard_page("Blogin kommentointi"))
    before = StringTranslation.objects.count()
    assert any(
        "not downloaded from this translation" in m for m in upload(client, other, str(po).encode())
    )

    guide.refresh_from_db()
    guide.intro = "Uusi johdanto."
    guide.save_revision().publish()
    translation.source.update_from_db()
    messages = upload(client, translation, str(po).encode())
    assert any("does not match the current source text" in m for m in messages), messages
    assert StringTranslation.objects.count() == before


def test_machine_translation_only_with_a_provider(client, translator, guide, settings):
    client.force_login(translator)
    translation = start_swedish_translation(client, guide)
    swedish = guide.get_translation(sweden())
    assert editor_props(client, swedish)["machineTranslator"] is None
    machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(machine, follow=True).status_code == 404
    assert not StringTranslation.objects.filter(translation_type="machine").exists()

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "tests.fake_translator.FakeTranslator"}
    assert editor_props(client, swedish)["machineTranslator"]["name"] == "Fake translator"
    assert client.post(machine, {"next": "/admin/"}).status_code == 302
    drafts = StringTranslation.objects.filter(locale=sweden(), translation_type="machine")
    assert drafts.filter(data=f"[sv] {INTRO}").exists()


def test_progress_report_shows_each_language(client, translator, guide, soup_of):
    client.force_login(translator)
    complete = make.standard_page("Järjestöjen matalan kynnyksen toiminta", intro="Kohtaamisia.")
    arabic = start_translation(client, complete, Locale.objects.get(language_code="ar"))
    props = editor_props(client, complete.get_translation(arabic.target_locale))
    every = {s["source"]: f"[ar] {s['source']}" for s in props["segments"] if s["type"] == "string"}
    translate_segments(client, arabic, props, every)
    translation = start_swedish_translation(client, guide)
    swedish = guide.get_translation(sweden())
    translate_segments(client, translation, editor_props(client, swedish), {INTRO: SWEDISH[INTRO]})
    total, done = translation.get_progress()

    soup = soup_of(client.get(reverse("translation_progress")))
    headings = [th.get_text().strip() for th in soup.select("thead th")]
    row = next(
        tr
        for tr in soup.select("tbody tr")
        if tr.th.a and tr.th.a.get_text(strip=True) == "Vanhemman opas"
    )
    cells = dict(zip(headings[1:], row.select("td")))
    assert f"{done} of {total} segments" in cells["Swedish – svenska"].get_text()
    assert cells["Swedish – svenska"].a["href"] == reverse(
        "wagtailadmin_pages:edit", args=[swedish.pk]
    )
    assert cells["English"].get_text(strip=True) == "—"
    # the guide translated into Arabic in full is complete
    guide_row = next(
        tr for tr in soup.select("tbody tr") if "matalan kynnyksen" in tr.th.get_text()
    )
    assert (
        dict(zip(headings[1:], guide_row.select("td")))["Arabic – العربية"].a.get_text(strip=True)
        == "Complete"
    )


def test_progress_report_filters_by_language_and_lists_pages_behind_their_source(
    client, translator, guide, soup_of, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_and_publish(client, guide, django_capture_on_commit_callbacks)
    other = make.standard_page("Blogin kommentointi")
    start_translation(client, other, Locale.objects.get(language_code="ar"))
    guide.refresh_from_db()
    guide.intro = "Opas uusille ja tuleville vanhemmille."
    guide.save_revision().publish()

    def report(**query):
        soup = soup_of(client.get(reverse("translation_progress"), query))
        headings = [th.get_text().strip() for th in soup.select("thead th")][1:]
        rows = {tr.th.a.get_text(strip=True): tr.get_text() for tr in soup.select("tbody tr")}
        return headings, rows

    headings, rows = report()
    assert set(rows) == {"Vanhemman opas", "Blogin kommentointi"}
    assert "Swedish – svenska" in headings and "Arabic – العربية" in headings
    assert "Behind the source" in rows["Vanhemman opas"]
    assert "Behind the source" not in rows["Blogin kommentointi"]
    headings, rows = report(language="ar")
    assert headings == ["Arabic – العربية"] and set(rows) == {"Blogin kommentointi"}
    headings, rows = report(behind="on")
    assert set(rows) == {"Vanhemman opas"}


def test_progress_report_queries_do_not_grow_with_rows(client, translator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(translator)
    arabic = Locale.objects.get(language_code="ar")
    pages = [make.standard_page(f"Ohje {number}") for number in range(6)]
    for page in pages[:3]:
        start_translation(client, page, arabic)
    url = reverse("translation_progress")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for page in pages[3:]:
        start_translation(client, page, arabic)
    assert TranslationSource.objects.filter(translations__target_locale=arabic).count() == 6
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)


def test_progress_report_is_for_translators_and_coordinators(client):
    editor = get_user_model().objects.create_user("toimittaja", "t@example.org", "pw-123456")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("translation_progress")).status_code in (302, 403)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_translates_segment_by_segment(client, translator, model):
    client.force_login(translator)
    russian = Locale.objects.get(language_code="ru")
    source = one_page(model)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [russian.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=russian
    )
    props = editor_props(client, source.get_translation(russian))
    strings = [segment for segment in props["segments"] if segment["type"] == "string"]
    assert any(segment["source"] == source.title for segment in strings)
    assert translation.get_progress() == (len(strings), 0)


def finnish_snippet(model):
    """The Finnish source of a snippet: the taxonomies come with ``migrate``, the footer text
    is the site's own and is written here."""
    if model is FooterText:
        return FooterText.objects.create(
            locale=Locale.objects.get(language_code="fi"),
            organisation_name="Kotoutumisen verkosto",
            body="<p>Yhteystiedot</p>",
        )
    return model.objects.filter(locale__language_code="fi").first()


@pytest.mark.parametrize(
    "model",
    [Topic, Audience, IntegrationStage, TargetGroup, FooterText],
    ids=lambda model: model.__name__,
)
def test_every_translatable_snippet_translates_segment_by_segment(client, translator, model):
    client.force_login(translator)
    russian = Locale.objects.get(language_code="ru")
    source = finnish_snippet(model)
    opts = model._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, source.pk],
    )
    assert client.post(url, {"locales": [russian.pk]}).status_code == 302
    target = model.objects.get(translation_key=source.translation_key, locale=russian)
    response = client.get(
        reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[target.pk])
    )
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content
