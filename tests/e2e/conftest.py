"""End-to-end fixtures: the site served by gunicorn from the test database, and Debian's
Chromium driven by Playwright.

Run through ``scripts/e2e.sh``, which installs the browser and axe-core, starts PostgreSQL
and collects the static files. The test database (built by pytest-django, with the demo
content loaded by its ``django_db_setup``) is the server's database: a test sets up data
with the ORM inside ``orm`` (committed at once, so the server sees it) and drives the
site in the browser. Data stays for the rest of the run, so tests use their own names.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

E2E_DIR = Path(__file__).resolve().parent
REPO = E2E_DIR.parent.parent
OUTPUT = Path(os.environ.get("E2E_OUTPUT", REPO / "test-output" / "e2e"))
PASSWORD = "e2e-Salasana-2026"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 90
# a word of the demo's pages in each language, so that the search has results
SEARCH_WORD = {"fi": "kotoutuminen", "ar": "الأطفال"}
ACTION_TIMEOUT_MS = 20_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Everything under tests/e2e is marked e2e (left out of the ordinary test runs)."""
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test leaves a screenshot of each of its open pages in the output folder."""
    outcome = yield
    report = outcome.get_result()
    opener = getattr(item, "funcargs", {}).get("new_page")
    if report.when == "call" and report.failed and opener is not None:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        pages = [
            page for context in opener.contexts for page in context.pages if not page.is_closed()
        ]
        for number, page in enumerate(pages, start=1):
            page.screenshot(path=str(OUTPUT / f"failed-{item.name}-{number}.png"), full_page=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database pytest-django created, as the server's DATABASE_URL."""
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("The end-to-end tests need PostgreSQL: run them with scripts/e2e.sh.")
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def wait_until_serving(url, process, log):
    """Poll the home page until the server answers (or has died)."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)  # polling the server's start, not waiting on a page
    pytest.fail(f"gunicorn did not answer {url} within {SERVER_START_SECONDS} s; see {log}")


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    """A test database with the demo content, for the whole run.

    pytest-django creates its test database only for tests that use its transactional
    fixtures, whose rollbacks would hide a test's writes from the server."""
    from django.core.management import call_command
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=0)


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """Base URL of the site served by gunicorn (production settings, and the public images
    as the web server in front of it serves them: cms/wsgi_media.py) from the test database."""
    with django_db_blocker.unblock():
        url = database_url()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = OUTPUT / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "e2e-only-secret-key-not-for-production-use-0123456789",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "BASE_URL": base_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_URL": "dummy://",
        # Autosave sends drafts on timers of its own; a journey saves and submits explicitly.
        "WAGTAIL_AUTOSAVE_INTERVAL": "0",
    }
    # One worker with threads: per-process caches stay coherent with what the site changes.
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi_media",
        "--bind", f"127.0.0.1:{port}",
        "--workers", "1", "--threads", "4", "--timeout", "120",
        "--access-logfile", "-",
    ]  # fmt: skip
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        wait_until_serving(f"{base_url}/fi/", process, log)
        yield base_url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # The server's connections must be gone before pytest-django drops the database.
        with django_db_blocker.unblock():
            connection.close()


@pytest.fixture
def orm(django_db_blocker):
    """Database access from the test, outside any transaction: the server sees it at once."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=ACTION_TIMEOUT_MS)  # assertions wait as long as actions
    # Playwright's synchronous API runs an event loop in the test thread; the ORM calls the
    # tests make between browser steps are still synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_site):
    """Opens pages in fresh browser contexts (separate cookies: one per person)."""
    contexts = []

    def open_page(locale="fi-FI", **options):
        context = browser.new_context(
            base_url=live_site, locale=locale, accept_downloads=True, **options
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    open_page.contexts = contexts  # for the screenshots of a failed test
    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A browser page of an anonymous visitor."""
    return new_page()


@pytest.fixture(scope="session")
def people(django_db_setup, django_db_blocker):
    """Accounts of the journeys' roles, all with the password PASSWORD.

    ``editor_a`` edits the first organisation, ``editor_b`` the second; ``coordinator``
    reviews and moderates; ``translator`` translates."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import override_settings

    from network.models import OrganisationPage
    from network.onboarding import editor_group_name
    from network.roles import COORDINATORS, TRANSLATORS

    with django_db_blocker.unblock():
        first, second = OrganisationPage.objects.filter(locale__language_code="fi").order_by(
            "path"
        )[:2]
        groups = {
            "editor_a": editor_group_name(first.title),
            "editor_b": editor_group_name(second.title),
            "coordinator": COORDINATORS,
            "translator": TRANSLATORS,
        }
        accounts = {}
        for username, group_name in groups.items():
            user, _ = get_user_model().objects.get_or_create(
                username=f"e2e-{username}",
                defaults={"email": f"e2e-{username}@example.org", "first_name": username},
            )
            # The server checks passwords with the production hashers (the test settings'
            # fast MD5 hasher is unknown there).
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
            ):
                user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            accounts[username] = user
        accounts["organisations"] = (first, second)
        return accounts


@pytest.fixture
def log_in(new_page):
    """A browser page logged in to the admin as ``user`` (a separate context per call)."""

    def as_user(user, locale="fi-FI"):
        page = new_page(locale=locale)
        page.goto("/admin/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    return as_user


def _first_live(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


@pytest.fixture(scope="module")
def paths(django_db_setup, django_db_blocker):
    """``{language: {page type: path}}`` of every public page type (the layout and Lighthouse
    tests), in Finnish and in Arabic: the demo translates one page of each type into Arabic."""
    from wagtail.models import Page

    from home.models import StandardPage
    from materials.models import MaterialIndexPage, MaterialPage
    from network.models import (
        ActivityIndexPage,
        ActivityPage,
        BlogIndexPage,
        BlogPage,
        EventIndexPage,
        EventPage,
        OrganisationIndexPage,
        OrganisationPage,
    )

    models = {
        "home": None,
        "bank": MaterialIndexPage,
        "material": MaterialPage,
        "tray": ActivityIndexPage,
        "activity": ActivityPage,
        "events": EventIndexPage,
        "event": EventPage,
        "blog": BlogIndexPage,
        "post": BlogPage,
        "organisations": OrganisationIndexPage,
        "organisation": OrganisationPage,
        "guide": StandardPage,
    }
    with django_db_blocker.unblock():
        finnish_home = Page.objects.get(depth=2, locale__language_code="fi")
        found = {"fi": {}, "ar": {}}
        for name, model in models.items():
            for language, urls in found.items():
                if model is not None:
                    urls[name] = _first_live(model, language).url
        for language, urls in found.items():
            urls["home"] = f"/{language}/"
            urls["place tray"] = urls["tray"] + "alue/lappi/"
            urls["search"] = f"/{language}/search/?q={SEARCH_WORD[language]}"
            urls["referral list"] = f"/{language}/lista/"
            # the notice behind a language a page is not translated into
            urls["unavailable"] = f"/{language}/unavailable/{finnish_home.pk}/"
    return found
