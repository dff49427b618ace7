import io
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Locale

DEMO = {"loaded": False}


def pytest_collection_modifyitems(items):
    """Tests that stand on the demo site run last: the demo is built once, when the first of
    them starts, and every test before it sees only what it builds itself."""
    items.sort(key=lambda item: "demo_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site (``load_demo``), for the few tests whose subject is the demo itself.
    Built once per run (once per worker with ``-n``), when the first test that asks for it
    starts; each test runs in a transaction on top of it. Its files go to a folder of the
    run's own, so that parallel workers do not write over each other's. A search server's
    index is rebuilt to hold it. (The browser tests load the demo in their own
    ``django_db_setup``.)"""
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
    from wagtail.search.backends import get_search_backend

    DEMO["loaded"] = True
    own_media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("demo-media")))
    own_media.enable()
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        backend = get_search_backend()
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
            backend.refresh_indexes()
    yield
    own_media.disable()


@pytest.fixture(autouse=True)
def demo_only_where_asked(request):
    """A test that did not ask for the demo fails rather than run on top of it: pytest's
    ``--ff`` or ``--nf`` reorder the tests after they are sorted."""
    if DEMO["loaded"] and "demo_site" not in request.fixturenames:
        pytest.fail(
            "The demo site was loaded before this test, which builds its own data: run the "
            "tests in their own order (without --ff or --nf)."
        )


@pytest.fixture(autouse=True)
def media(request, tmp_path):
    """Files a test stores go to a folder of its own, not the configured media folder (the
    demo's files and the browser tests' server stay there)."""
    if "demo_site" in request.fixturenames or request.node.get_closest_marker("e2e"):
        yield None
        return
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    yield Path(settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches (the shared one holds the rate limits of logins and
    comments, so no test is throttled by another's attempts; in the database it is rolled
    back with the test): rolling a test's transaction back takes the
    number of changes (``home.change_count``) back too, and a header, footer or search map the
    test kept under it would be shown to the next test."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    from home import change_count

    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):  # rolled back with each test's transaction
            cache.clear()
    change_count.forget()


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """``with saved(): ...`` runs the block's commit callbacks at its end, as a committed
    change would (a test's transaction never commits): the change count (``home.change_count``)
    moves, and what each process keeps under it is read again."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def english_admin(client, django_user_model):
    """``client`` logged in as a superuser whose admin speaks English, so that a test can
    read Wagtail's messages."""
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("english-admin", password="pw-123456")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def content_only_language(settings, db):
    """Tigrinya configured for content, as ``LANGUAGES`` may add any language, without an
    interface translation: its pages show the interface in the default language."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("ti", "ትግርኛ")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    Locale.objects.get_or_create(language_code="ti")
    return "ti"


@pytest.fixture
def soup_of():
    def parse(response):
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def query_count(client):
    """SQL queries to render a URL, after a first request has warmed per-process caches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


@pytest.fixture(scope="session")
def search_backend(django_db_setup, django_db_blocker):
    """The configured search backend, with an index that holds what the test database holds.

    A database backend's index is a table filled as pages are saved; a search server
    (OpenSearch, Elasticsearch) keeps its index outside the test database, so it is rebuilt
    once per run (emptying what an earlier run left in it)."""
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        with django_db_blocker.unblock():
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        backend.refresh_indexes()
    return backend


@pytest.fixture
def indexed_pages(search_backend):
    """Registers pages a test creates: the index is refreshed so that they can be found at
    once, and they are taken out of the index when the test ends (rolling back the test's
    transaction does not reach a search server)."""
    created = []

    def register(page):
        created.append(page)
        search_backend.refresh_indexes()
        return page

    yield register
    for page in reversed(created):
        search_backend.delete(page)
    search_backend.refresh_indexes()


@pytest.fixture
def built_pages_leave_the_index(db, indexed_pages):
    """Every page the test builds (with the parents the factories build for it) is taken out
    of a search server's index when the test ends, as ``indexed_pages`` takes out the pages
    registered with it: otherwise another test could find them under its own pages' ids."""
    from django.db.models import Max
    from wagtail.models import Page

    last = Page.objects.aggregate(last=Max("pk"))["last"] or 0
    yield
    for page in Page.objects.filter(pk__gt=last).specific():
        indexed_pages(page)


@pytest.fixture(scope="session")
def database_url_for_processes(django_db_setup, django_db_blocker, tmp_path_factory):
    """A ``DATABASE_URL`` other processes can open, holding what ``migrate`` made: the PostgreSQL
    test database itself, or on SQLite (whose test database lives in this process's memory)
    a copy of it in a file, made before any test's transaction begins."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        if connection.vendor != "sqlite":
            db = connection.settings_dict
            user, password = db["USER"], db["PASSWORD"]
            return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        path = tmp_path_factory.mktemp("processes") / "db.sqlite3"
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")  # as migrate leaves a new database
        target.close()
        return f"sqlite:///{path}"
