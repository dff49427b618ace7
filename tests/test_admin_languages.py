"""The admin in the editor's language: Wagtail's and wagtail-localize's strings that their
own Finnish and Swedish catalogues leave in English come from ours, on the pages and in
the JavaScript catalogues."""

import json

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from network.roles import TRANSLATORS
from tests import factories as make

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
