"""Security headers under the production settings: a Content-Security-Policy on every HTML
page (the site's strict, the admin's with what Wagtail's editor needs), a Permissions-Policy,
a sandbox on files, no inline script on the public site, and no /django-admin/."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from materials.models import MaterialFile
from tests import factories as make

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
# Requests with Django's test client in a process of its own under the production settings,
# to the pages ``site_to_check`` builds there. Static files are named as stored, since
# collectstatic has not run for the test.
CLIENT = """
import json
import django
from django.conf import settings
django.setup()
from django.db import transaction
from django.test import Client, override_settings
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
from tests.test_security_headers import site_to_check
client, answers = Client(), {}
with transaction.atomic():  # the pages built and the download counted are not left behind
    for name, url in site_to_check().items():
        response = client.get(url, secure=True, follow=True, HTTP_ACCEPT_LANGUAGE="fi")
        body = b"" if response.streaming else response.content
        answers[name] = {"status": response.status_code, "headers": dict(response.headers),
                         "body": body.decode("utf-8", "replace")}
    transaction.set_rollback(True)
print(json.dumps(answers))
"""


def site_to_check():
    """The addresses checked, by name, and what they show: built in the process that sends
    the requests (the test's own transaction does not reach it): a home page, a public
    material with a file that the search finds."""
    organisation = make.organisation("Testijärjestö")
    material = make.material(
        organisation, "Kotoutumisen opas", intro="Kotoutuminen alkaa arjesta: opas vanhemmille."
    )
    document = make.document("Kotoutumisen opas")
    MaterialFile.objects.create(material=material, document=document)
    return {
        "home": make.home().url,
        "material": material.url,
        "search": "/fi/search/?q=kotoutuminen",
        "admin": "/admin/login/",
        "file": f"/files/{document.pk}/{document.filename}",
        "django-admin": "/django-admin/",
    }


@pytest.fixture(scope="module")
def production_answers(database_url_for_processes, tmp_path_factory):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "headers-test-only-secret-key-not-for-production-0123456789",
        "DATABASE_URL": database_url_for_processes,
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_URL": "dummy://",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
    }
    environ.pop("DJANGO_ADMIN", None)
    result = subprocess.run(
        [sys.executable, "-c", CLIENT],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def directives(header):
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("name", ["home", "material", "search"])
def test_site_pages_have_a_strict_policy_and_no_inline_script(production_answers, name):
    answer = production_answers[name]
    assert answer["status"] == 200
    assert "Kotoutumisen opas" in answer["body"] or name == "home"  # results are rendered
    policy = directives(answer["headers"]["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in answer["headers"]["Permissions-Policy"]
    assert "geolocation=()" in answer["headers"]["Permissions-Policy"]

    soup = BeautifulSoup(answer["body"], "html.parser")
    inline = [
        script
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/json"
    ]
    assert inline == []
    assert [tag.name for tag in soup.find_all(style=True)] == []
    assert soup.find_all("style") == []
    handlers = [
        (tag.name, attr)
        for tag in soup.find_all(True)
        for attr in tag.attrs
        if attr.lower().startswith("on")
    ]
    assert handlers == []


def test_admin_pages_have_a_policy_with_only_what_the_editor_needs(production_answers):
    answer = production_answers["admin"]
    assert answer["status"] == 200
    policy = directives(answer["headers"]["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert set(policy["script-src"]) == {"'self'", "'unsafe-inline'"}
    assert "'unsafe-eval'" not in answer["headers"]["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in answer["headers"]["Permissions-Policy"]


def test_files_are_sandboxed(production_answers):
    answer = production_answers["file"]
    assert answer["status"] == 200
    assert directives(answer["headers"]["Content-Security-Policy"]) == {
        "default-src": ["'none'"],
        "sandbox": [],
    }
    assert answer["headers"]["Content-Disposition"].startswith("attachment")


def test_django_admin_is_not_served_in_production(production_answers):
    answer = production_answers["django-admin"]
    assert answer["status"] == 404
    assert "Django administration" not in answer["body"]
