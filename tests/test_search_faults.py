"""A search server that is stopped or unreachable: the search page answers 503 with a message in
the visitor's language, every other page keeps working, publishing succeeds, and the index
updates it missed are recorded and caught up (``search.backends.resilience``).

Most tests need no server: they point the search settings at Tarjotin's OpenSearch backend on a
closed port, or at an in-memory engine that can be switched off (``tests/fake_search_engine.py``),
so they run in every stage. The tests marked ``opensearch`` stop and restart a real OpenSearch
node (scripts/opensearch.sh); they run in the OpenSearch stage of ``.ci/run`` and are left out
of the other runs (``-m "not opensearch"`` in pyproject.toml).
"""

import io
import os
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from elastic_transport import ConnectionError as ElasticConnectionError
from elasticsearch import ApiError as ElasticApiError
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import ConnectionTimeout, NotFoundError, RequestError, TransportError
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from materials.models import MaterialIndexPage
from search.backends.resilience import ResilientIndexingMixin, engine_unreachable
from search.models import MissedIndexUpdate
from tests import factories as make
from tests import fake_search_engine

REPO = Path(__file__).resolve().parent.parent
UNAVAILABLE = {
    "fi": "Haku ei ole juuri nyt käytettävissä.",
    "sv": "Sökfunktionen är inte tillgänglig just nu.",
}
# Pages that do not search: they must answer whatever state the search server is in.
OTHER_PAGES = ["/fi/", "/sv/", "/fi/blogi/", "/fi/materiaalipankki/", "/fi/jarjestot/vaestoliitto/"]

CLOSED_PORT = {
    "default": {
        "BACKEND": "search.backends.opensearch",
        "URLS": ["http://127.0.0.1:9"],  # the discard port: nothing listens on it here
        "INDEX_PREFIX": "tarjotin_faults_",
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
    }
}
FAKE = {"default": {"BACKEND": "tests.fake_search_engine.SearchBackend", "AUTO_UPDATE": True}}

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("finnish_home")]


@pytest.fixture
def finnish_home(built_pages_leave_the_index):
    """The site's home page, built before a test points the search at an unreachable or fake
    server: the updates that server misses are those of the pages the test publishes."""
    return make.home()


def publish_new_page(title):
    """A page published as an editor publishes: a saved revision, then published."""
    page = make.home().add_child(instance=StandardPage(title=title, intro=title, live=False))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def missed_for(page):
    return MissedIndexUpdate.objects.filter(
        content_type=ContentType.objects.get_for_model(page.specific_class), object_id=str(page.pk)
    )


@pytest.fixture
def other_pages():
    """The pages of ``OTHER_PAGES`` and a blog post (built before a test stops the search)."""
    make.home("sv")
    make.blog_post(make.organisation("Väestöliitto"), "Kevään verkostopäivä")
    make.section(MaterialIndexPage)


def message(response):
    soup = BeautifulSoup(response.content, "html.parser")
    alert = soup.select_one(".notice--error[role=alert]")
    return alert.get_text(" ", strip=True) if alert else None


def blog_post_url(client):
    """The newest post on the Finnish blog."""
    soup = BeautifulSoup(client.get("/fi/blogi/").content, "html.parser")
    return soup.select_one(".card__title a")["href"]


def assert_search_unavailable(client):
    for language, text in UNAVAILABLE.items():
        started = time.monotonic()
        response = client.get(f"/{language}/search/", {"q": "kotoutuminen"})
        elapsed = time.monotonic() - started
        assert response.status_code == 503
        assert text in message(response)
        assert elapsed < 5, f"the 503 took {elapsed:.1f} s"
    autocomplete = client.get("/fi/search/autocomplete/", {"q": "kotou"})
    assert autocomplete.status_code == 503
    assert autocomplete.json()["suggestions"] == []


def assert_other_pages_work(client):
    for url in [*OTHER_PAGES, blog_post_url(client)]:
        assert client.get(url).status_code == 200, url


# What counts as "unreachable"


@pytest.mark.parametrize(
    "error,unreachable",
    [
        (OpenSearchConnectionError("N/A", "Connection refused", None), True),
        (ConnectionTimeout("TIMEOUT", "read timed out", None), True),
        (TransportError(503, "unavailable", {}), True),
        (TransportError(429, "too many requests", {}), True),
        (TransportError("N/A", "no answer", {}), True),
        (ElasticConnectionError("Connection refused"), True),
        (RequestError(400, "mapper_parsing_exception", {}), False),
        (NotFoundError(404, "index_not_found_exception", {}), False),
        (ValueError("a bug"), False),
    ],
)
def test_only_an_unreachable_server_counts_as_a_missed_update(error, unreachable):
    assert engine_unreachable(error) is unreachable


def test_elasticsearch_api_errors_count_by_status():
    class Meta:
        status = 503

    assert engine_unreachable(ElasticApiError("unavailable", Meta(), {}))
    Meta.status = 400
    assert not engine_unreachable(ElasticApiError("bad request", Meta(), {}))


def test_the_configured_server_backends_record_missed_updates():
    for path in ("search.backends.opensearch", "search.backends.elasticsearch"):
        backend = get_search_backend(path, URLS=["http://127.0.0.1:9"])
        assert isinstance(backend, ResilientIndexingMixin), path
        assert backend.rebuilder_class.clears_missed_updates, path


# An OpenSearch backend pointed at a closed port: a server that cannot be reached


@override_settings(WAGTAILSEARCH_BACKENDS=CLOSED_PORT)
def test_publishing_succeeds_and_the_update_is_recorded_when_the_server_is_unreachable(client):
    page = publish_new_page("Tavoittamaton hakupalvelin")

    assert page.live and page.has_unpublished_changes is False
    assert client.get(page.url).status_code == 200
    (missed,) = missed_for(page)
    assert missed.action == "add"
    assert missed.attempts >= 1
    assert missed.first_failed_at <= missed.last_failed_at <= timezone.now()


@override_settings(WAGTAILSEARCH_BACKENDS=CLOSED_PORT)
def test_search_answers_503_in_the_visitors_language_and_other_pages_work(client, other_pages):
    assert_search_unavailable(client)
    assert_other_pages_work(client)


@override_settings(WAGTAILSEARCH_BACKENDS=CLOSED_PORT)
def test_a_deletion_is_recorded_too():
    page = publish_new_page("Poistettava sivu")
    page_id = page.pk
    content_type = ContentType.objects.get_for_model(StandardPage)
    page.delete()

    missed = MissedIndexUpdate.objects.get(content_type=content_type, object_id=str(page_id))
    assert missed.action == "delete"


@override_settings(WAGTAILSEARCH_BACKENDS=CLOSED_PORT)
def test_catching_up_while_the_server_is_still_unreachable_keeps_the_records():
    page = publish_new_page("Yhä tavoittamaton")
    before = missed_for(page).get()
    stderr = io.StringIO()

    call_command("catch_up_search_index", stdout=io.StringIO(), stderr=stderr)

    after = missed_for(page).get()
    assert after.attempts == before.attempts + 1
    assert after.first_failed_at == before.first_failed_at
    assert "still unreachable" in stderr.getvalue()


# An in-memory engine that is switched off and on again


@pytest.fixture
def fake_engine():
    fake_search_engine.DOCUMENTS.clear()
    fake_search_engine.STATE["down"] = False
    with override_settings(WAGTAILSEARCH_BACKENDS=FAKE):
        yield fake_search_engine
    fake_search_engine.DOCUMENTS.clear()
    fake_search_engine.STATE["down"] = False


def indexed(page):
    return ("wagtailcore.page", str(page.pk)) in fake_search_engine.DOCUMENTS


def test_missed_updates_are_caught_up_when_the_server_is_back(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Kiinni ollut palvelin")
    gone = publish_new_page("Sillä välin poistettu")
    fake_engine.DOCUMENTS[("wagtailcore.page", str(gone.pk))] = "indexed before the outage"
    gone.delete()
    assert not indexed(page)
    assert missed_for(page).exists() and MissedIndexUpdate.objects.filter(action="delete").exists()

    fake_engine.STATE["down"] = False
    call_command("catch_up_search_index", batch_size=1, stdout=io.StringIO())

    assert indexed(page)
    assert ("wagtailcore.page", str(gone.pk)) not in fake_engine.DOCUMENTS
    assert not MissedIndexUpdate.objects.exists()


def test_a_later_successful_update_clears_the_record(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Myöhemmin korjautuva")
    assert missed_for(page).exists()

    fake_engine.STATE["down"] = False
    page.save_revision().publish()

    assert indexed(page)
    assert not missed_for(page).exists()


def test_a_second_failure_counts_an_attempt_and_keeps_the_first_failure_time(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Kahdesti epäonnistunut")
    first = missed_for(page).get()
    page.save_revision().publish()

    again = missed_for(page).get()
    assert again.attempts > first.attempts
    assert again.first_failed_at == first.first_failed_at
    assert again.last_failed_at >= first.last_failed_at


def test_other_indexing_errors_are_not_recorded(fake_engine, monkeypatch):
    def refuse(self, obj):
        raise RequestError(400, "mapper_parsing_exception", {})

    monkeypatch.setattr(fake_engine.FakeIndex, "add_item", refuse)
    # modelsearch logs the error, and publishing succeeds
    page = publish_new_page("Kelvoton asiakirja")

    assert page.live
    assert not missed_for(page).exists()


def test_a_full_rebuild_makes_earlier_records_obsolete(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Uudelleenrakennettava")
    assert missed_for(page).exists()

    fake_engine.STATE["down"] = False
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

    assert indexed(page)
    assert not MissedIndexUpdate.objects.exists()


def test_a_rebuild_keeps_records_of_failures_after_it_started(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Kesken rakennuksen")
    fake_engine.STATE["down"] = False
    later = timezone.now() + timedelta(hours=1)  # as if it failed again while the rebuild ran
    missed_for(page).update(last_failed_at=later)

    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

    assert missed_for(page).exists()


def test_a_failed_rebuild_keeps_the_records(fake_engine):
    fake_engine.STATE["down"] = True
    page = publish_new_page("Epäonnistunut rakennus")

    with pytest.raises(OpenSearchConnectionError):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

    assert missed_for(page).exists()


def test_catching_up_with_nothing_recorded_is_quiet(fake_engine):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("catch_up_search_index", stdout=stdout, stderr=stderr)
    assert stdout.getvalue() == stderr.getvalue() == ""


# A real OpenSearch node, stopped and started again


def opensearch_script(action):
    """Runs scripts/opensearch.sh; the node's settings come from the environment as in CI."""
    return subprocess.run(
        ["bash", str(REPO / "scripts" / "opensearch.sh"), action],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ.copy(),
    ).stdout.strip()


@pytest.fixture
def stopped_node():
    """Stops the OpenSearch node that SEARCH_URL points at, and always starts it again."""
    backend = get_search_backend()
    if type(backend).__module__ != "search.backends.opensearch":
        pytest.fail("These tests need SEARCH_URL=opensearch://... (scripts/opensearch.sh's node).")
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    backend.refresh_indexes()
    opensearch_script("stop")
    try:
        yield backend
    finally:
        opensearch_script("start")


@pytest.mark.opensearch
def test_a_stopped_node_misses_nothing(client, other_pages, stopped_node):
    word = "pysähtynytsolmu"
    started = time.monotonic()
    page = publish_new_page(f"Julkaistu solmun ollessa pysähdyksissä {word}")
    publish_seconds = time.monotonic() - started

    assert page.live and publish_seconds < 5
    assert client.get(page.url).status_code == 200
    assert missed_for(page).exists()
    assert_search_unavailable(client)
    assert_other_pages_work(client)

    opensearch_script("start")
    call_command("catch_up_search_index", stdout=io.StringIO())
    stopped_node.refresh_indexes()

    assert not MissedIndexUpdate.objects.exists()
    response = client.get("/fi/search/", {"q": word})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a["href"] for a in soup.select("ol.search-results h2 a")] == [page.url]

    # The node keeps its index when this test's transaction is rolled back.
    stopped_node.delete(page)
    stopped_node.refresh_indexes()
