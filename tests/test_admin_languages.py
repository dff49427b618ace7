"""The admin in the editor's language: Wagtail's and wagtail-localize's strings that their
own Finnish and Swedish catalogues leave in English come from ours, on the pages and in
the JavaScript catalogues."""

import importlib
import json

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from network.roles import COORDINATORS, TASK, TRANSLATORS, WORKFLOW
from tests import factories as make
from tests.test_publishing_rights import translation_draft

pytestmark = pytest.mark.django_db


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def organisation():
    return make.onboarded("Väestöliitto")


@pytest.mark.parametrize(
    ("language", "saved", "paused"),
    [
        ("fi", "Tallennettu", "Automaattinen tallennus on keskeytetty"),
        ("sv", "Sparat", "Automatisk sparning är pausad"),
    ],
)
def test_the_page_editor_says_autosave_in_the_editors_language(
    client, organisation, language, saved, paused
):
    client.force_login(speaking(make.editor(organisation.organisation), language))
    post = make.blog_post(organisation.organisation, "Uutinen")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()
    assert saved in html and paused in html
    assert "Autosave is paused" not in html


def test_locales_is_languages_in_finnish_not_regional_settings(client, django_user_model):
    admin = django_user_model.objects.create_superuser("paakayttaja", "p@example.org", "x")
    client.force_login(speaking(admin, "fi"))
    html = client.get(reverse("wagtaillocales:index")).content.decode()
    assert "Kielet" in html
    assert "Maa-asetustot" not in html


def test_a_translations_locale_is_its_language_in_finnish(client, organisation):
    client.force_login(speaking(make.user("kaantaja", TRANSLATORS), "fi"))
    _source, swedish = translation_draft(make.blog_post(organisation.organisation, "Toinen"), "sv")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.pk])).content.decode()
    assert "Saatavilla 2 kielellä" in html and "Vaihda kieltä" in html
    assert "asetusto" not in html


@pytest.mark.parametrize(
    ("url_name", "language", "expected"),
    [
        ("wagtailadmin_javascript_catalog", "fi", "Muutokset on tallennettu automaattisesti."),
        ("wagtailadmin_javascript_catalog", "sv", "Ändringarna har sparats automatiskt."),
        ("wagtail_localize:javascript_catalog", "fi", "Julkaise kielellä "),
        ("wagtail_localize:javascript_catalog", "sv", "Stoppar synkroniserad översättning"),
    ],
)
def test_the_javascript_catalogues_carry_our_translations(client, url_name, language, expected):
    client.force_login(speaking(make.user("kaantaja", TRANSLATORS), language))
    script = client.get(reverse(url_name)).content.decode()
    assert json.dumps(expected) in script  # the catalogue is JSON with ASCII escapes


@pytest.mark.parametrize(
    ("language", "button"),
    [
        ("fi", "Lähetä työnkulkuun Verkoston tarkastus / Nätverkets granskning"),
        ("sv", "Lämna in till Verkoston tarkastus / Nätverkets granskning"),
    ],
)
def test_the_review_workflow_is_named_in_finnish_and_swedish(
    client, soup_of, organisation, language, button
):
    """Wagtail shows a workflow's stored name in every editor's language alike: it is stored
    in both of the languages the network's editors use."""
    editor = speaking(make.editor(organisation.organisation), language)
    client.force_login(editor)
    post = make.blog_post(organisation.organisation, "Uutinen")
    edit = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])))
    buttons = [" ".join(button.get_text().split()) for button in edit.select("button")]
    assert button in buttons
    assert "Network review" not in str(edit)


def test_the_coordinator_sees_the_task_and_the_groups_in_their_language(
    client, organisation, django_user_model
):
    coordinator = speaking(make.coordinator(), "sv")
    editor = make.editor(organisation.organisation)
    post = make.blog_post(organisation.organisation, "Uutinen")
    post.save_revision(user=editor)
    post.get_workflow().start(post, editor)
    client.force_login(coordinator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Koordinatorns godkännande" in dashboard and "Coordinator approval" not in dashboard

    client.force_login(
        speaking(django_user_model.objects.create_superuser("pk", "p@e.org", "x"), "fi")
    )
    groups = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Väestöliitto: toimittajat / redaktörer" in groups
    assert "Verkoston koordinaattorit" in groups and "Kääntäjät / Översättare" in groups
    assert "editors" not in groups and "Translators" not in groups
    collections = client.get(reverse("wagtailadmin_collections:add")).content.decode()
    assert "Verkosto / Nätverket" in collections and "Root" not in collections
    explorer = client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert "Sivusto / Webbplatsen" in explorer and "Root" not in explorer


def test_the_english_names_of_an_existing_database_are_renamed_with_their_members(
    django_user_model,
):
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    renaming = importlib.import_module("network.migrations.0012_names_in_finnish_and_swedish")
    member = django_user_model.objects.create_user("jasen")
    Group.objects.filter(name=COORDINATORS).update(name="Network coordinators")
    Group.objects.create(name="Kemin kotoutumisyhdistys: editors").user_set.add(member)
    Workflow.objects.filter(name=WORKFLOW).update(name="Network review")
    Task.objects.filter(name=TASK).update(name="Coordinator approval")

    renaming.forwards(apps, None)
    assert set(member.groups.values_list("name", flat=True)) == {
        "Kemin kotoutumisyhdistys: toimittajat / redaktörer"
    }
    assert Group.objects.filter(name=COORDINATORS).exists()
    assert Workflow.objects.get(name=WORKFLOW).tasks.get().name == TASK


@pytest.mark.parametrize(
    ("language", "screen", "said", "not_said"),
    [
        (
            "fi",
            "dashboard",
            ["Hae kaikista sivuista…", "Näytä pikanäppäimet"],
            ["Search all pages…"],
        ),
        ("fi", "edit", ["Sisällön mittarit", "Näytä tai piilota esikatselu"], ["Content metrics"]),
        (
            "fi",
            "tasks",
            ["Näytä käytöstä poistetut", "Koordinaattorin hyväksyntä"],
            ["Show disabled"],
        ),
        (
            "sv",
            "edit",
            ["Visa senaste versionen", "Felaktig rubrikhierarki"],
            ["View latest version"],
        ),
        ("sv", "explore", ["Utforskar"], ["Exploring"]),
    ],
)
def test_the_admin_says_in_finnish_and_swedish_what_wagtails_catalogues_leave_in_english(
    client, organisation, django_user_model, language, screen, said, not_said
):
    editor = speaking(make.editor(organisation.organisation), language)
    post = make.blog_post(organisation.organisation, "Uutinen")
    url, user = {
        "dashboard": (reverse("wagtailadmin_home"), editor),
        "edit": (reverse("wagtailadmin_pages:edit", args=[post.pk]), editor),
        "explore": (reverse("wagtailadmin_explore", args=[organisation.organisation.pk]), editor),
        "tasks": (
            reverse("wagtailadmin_workflows:task_index"),
            speaking(django_user_model.objects.create_superuser("pk", "p@e.org", "x"), language),
        ),
    }[screen]
    client.force_login(user)
    html = client.get(url).content.decode()
    assert [text for text in said if text in html] == said
    assert [text for text in not_said if text in html] == []


@pytest.mark.parametrize(
    ("language", "count"), [("fi", "1–2 / 2 (sivut)"), ("sv", "1–2 av 2 sidor")]
)
def test_the_explorer_counts_pages_in_the_editors_language(client, organisation, language, count):
    """The count above the page explorer's list, left in English by Wagtail's catalogues."""
    make.blog_post(organisation.organisation, "Ensimmäinen")
    make.blog_post(organisation.organisation, "Toinen")
    client.force_login(speaking(make.editor(organisation.organisation), language))
    url = reverse("wagtailadmin_explore", args=[organisation.organisation.pk])
    html = " ".join(client.get(url).content.decode().split())
    assert count in html
    assert " of 2 " not in html


def test_the_admin_shows_no_gravatar(client, organisation):
    """No editor's email address goes to Gravatar (a hash of it would, on every page)."""
    client.force_login(speaking(make.editor(organisation.organisation), "fi"))
    response = client.get(reverse("wagtailadmin_home"))
    assert "gravatar" not in response.content.decode()
    assert "gravatar" not in response.headers.get("Content-Security-Policy", "")
