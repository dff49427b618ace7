"""The demo accounts ``load_demo`` creates on a development machine: each logs in with the
printed password and can do what its role allows, and nothing more."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from demo.accounts import PASSWORD, ensure_demo_accounts
from tests import factories as make
from tests.test_setup import ROOT

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(settings):
    """The two organisations the demo editor edits, one they do not, and the accounts."""
    settings.DEMO_ACCOUNTS = True
    organisations = {
        slug: make.onboarded(title, slug=slug).organisation
        for slug, title in (
            ("vaestoliitto", "Väestöliitto"),
            ("toivola-luotola-setlementti", "Toivola-Luotola Setlementti ry"),
            ("suomen-punainen-risti", "Suomen Punainen Risti"),
        )
    }
    ensure_demo_accounts()
    return organisations


def logged_in(username):
    """A client logged in through the admin's login form with the demo password."""
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302, f"{username} could not log in"
    return client


def can_edit(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code == 200


def test_the_editor_edits_their_two_organisations_and_not_another(network):
    client = logged_in("editor")
    assert can_edit(client, network["vaestoliitto"])
    assert can_edit(client, network["toivola-luotola-setlementti"])
    assert not can_edit(client, network["suomen-punainen-risti"])

    post = make.blog_post(network["vaestoliitto"], "Uutinen", live=False)
    data = make.blog_post_form(title="Uutinen julkaistaan?")
    client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)
    post.refresh_from_db()
    assert not post.live, "an editor's publish is a draft for review"
    assert (
        UserProfile.get_for_user(get_user_model().objects.get(username="editor")).preferred_language
        == "fi"
    )


def test_the_coordinator_edits_and_publishes_every_organisation(network):
    client = logged_in("coordinator")
    red_cross = network["suomen-punainen-risti"]
    assert can_edit(client, red_cross)
    user = get_user_model().objects.get(username="coordinator")
    assert red_cross.permissions_for_user(user).can_publish()


def test_the_translator_publishes_translations_only(network):
    client = logged_in("translator")
    finnish = network["vaestoliitto"]
    swedish = make.translation(finnish, "sv")
    user = get_user_model().objects.get(username="translator")
    assert can_edit(client, swedish)
    assert swedish.permissions_for_user(user).can_publish()
    assert not finnish.permissions_for_user(user).can_publish()
    assert not finnish.permissions_for_user(user).can_delete()


def test_a_second_run_keeps_a_changed_password(network):
    user = get_user_model().objects.get(username="editor")
    user.set_password("oma-salasana-123")
    user.save()
    lines = ensure_demo_accounts()
    user.refresh_from_db()
    assert user.check_password("oma-salasana-123")
    assert get_user_model().objects.filter(username="editor").count() == 1
    assert "password unchanged" in lines[0]


def test_the_first_run_says_how_each_account_logs_in(settings):
    settings.DEMO_ACCOUNTS = True
    make.onboarded("Väestöliitto", slug="vaestoliitto")
    lines = ensure_demo_accounts()
    assert len(lines) == 3
    for line, username in zip(lines, ("editor", "coordinator", "translator"), strict=True):
        assert f"user {username!r}, password {PASSWORD!r}" in line
    assert "editor of Väestöliitto" in lines[0]


def test_no_accounts_without_the_development_settings(settings):
    settings.DEMO_ACCOUNTS = False
    make.onboarded("Väestöliitto", slug="vaestoliitto")
    lines = ensure_demo_accounts()
    assert not get_user_model().objects.exists()
    assert "No demo accounts" in lines[0]


def test_an_existing_user_with_a_demo_name_is_left_alone(settings):
    settings.DEMO_ACCOUNTS = True
    make.onboarded("Väestöliitto", slug="vaestoliitto")
    real = get_user_model().objects.create_user("coordinator", "real@example.org", "oma-salasana-1")
    lines = ensure_demo_accounts()
    real.refresh_from_db()
    assert not real.groups.exists(), "a real account must not get the coordinator role"
    assert real.check_password("oma-salasana-1")
    assert "'coordinator' exists already: left as it is" in lines[1]
    assert get_user_model().objects.get(username="editor").groups.exists()


def demo_accounts_setting(**environ):
    """``DEMO_ACCOUNTS`` as the development settings compute it in this environment."""
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEMO_ACCOUNTS", "DEBUG")
    }
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.DEMO_ACCOUNTS)"],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(("debug", "expected"), [("true", "True"), ("false", "False")])
def test_the_development_settings_turn_them_on_with_debug_only(debug, expected):
    assert demo_accounts_setting(DEBUG=debug) == expected


POSTGRES = "postgres://tarjotin@db.example.org/tarjotin"


def test_not_on_a_server_database_unless_the_environment_says_it_is_a_demo():
    assert demo_accounts_setting(DEBUG="true", DATABASE_URL=POSTGRES) == "False"
    assert (
        demo_accounts_setting(DEBUG="true", DATABASE_URL=POSTGRES, DEMO_ACCOUNTS="true") == "True"
    )
    assert (
        demo_accounts_setting(DEBUG="false", DATABASE_URL=POSTGRES, DEMO_ACCOUNTS="true") == "False"
    )
