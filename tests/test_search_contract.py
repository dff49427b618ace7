"""The search contract: what a visitor can rely on, whichever search backend is configured.

These tests run against the backend the settings select (``SEARCH_URL``; unset means Tarjotin's
database backend), through the site's search page and through the backend itself. The CI runs
them again against a real OpenSearch node (scripts/opensearch.sh). Only behaviour that every
backend has belongs here; test_search.py (Finnish analysis, facets, snippets) runs on every
backend too.

A search server keeps its index outside the test database: pages created here are indexed on
save (``AUTO_UPDATE``) and removed from the index again when the test ends, because rolling back
the test's transaction does not reach the server.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import StandardPage
from tests import factories as make

# Words in error messages of OpenSearch, Elasticsearch, SQLite FTS5, PostgreSQL and Python.
ENGINE_ERROR_TEXT = [
    "traceback",
    "exception",
    "transporterror",
    "requesterror",
    "search_phase_execution",
    "query_shard",
    "parse_exception",
    "parsing_exception",
    "illegal_argument",
    "failed to parse",
    "operationalerror",
    "programmingerror",
    "databaseerror",
    "syntax error",
    "fts5",
    "tsquery",
    "opensearch",
    "elasticsearch",
]

HOSTILE_QUERIES = {
    "unbalanced double quote": '"kotoutuminen',
    "unbalanced quotes": '\'"\'""',
    "unbalanced brackets": "(((opas]]{",
    "closing brackets": ")) ]] }}",
    "NEAR(": "NEAR(opas",
    "near with distance": "opas NEAR/3 kotoutuminen",
    "bare boolean operators": "AND OR NOT",
    "trailing operator": "opas AND",
    "column filter": "col:term",
    "field with no value": "field:",
    "title field": "title:Marttaliitto",
    "operator characters": "&|!:*",
    "regular expression": "/regex.*[a-z]+/",
    "fuzzy": "opas~",
    "fuzzy with distance": "opas~2",
    "boost": "opas^10",
    "lone star": "*",
    "lone question mark": "?",
    "wildcards": "ko*tou?uminen",
    "plus and minus": "+opas -kotoutuminen",
    "lucene range": "[a TO z] {0 TO 9}",
    "escape character": "\\",
    "ten thousand characters": "kotoutuminen " * 769,
    "ten thousand unbroken characters": "a" * 10_000,
    "control characters": "opas\x00\x01\x07\x1b[31m\x7f",
    "tab and newline": "opas\tkotoutuminen\nverkosto\r",
    "emoji": "🙂🇫🇮👩‍👩‍👧 opas",
    "combining marks": "Va\u0308esto\u0308liitto",
    "zalgo": "o\u0336\u0337p\u0338\u0339a\u033as",
    "right to left": "أعضاء الشبكة",
    "right to left override": "\u202eopas\u202c",
    "zero width": "op\u200bas\ufeff",
    "SQL injection": "' OR 1=1 --",
    "SQL union": "x'); DROP TABLE wagtailcore_page; --",
    "SQL comment": "/* opas */",
    "FTS5 syntax": '"opas" * ^kotoutuminen',
    "tsquery syntax": "opas & !kotoutuminen | (verkosto <-> tarjotin):*",
    "HTML fragment": "<script>alert(1)</script>",
    "HTML attribute": '"><img src=x onerror=alert(1)>',
    "percent and underscore": "100% _opas_",
    "JSON": '{"query": {"match_all": {}}}',
}


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("search_backend", "built_pages_leave_the_index"),
]


@pytest.fixture
def site(search_backend):
    """A small network in several languages, with pages that must never be found by an
    anonymous visitor (members only, drafts) bearing the same words as the public ones."""
    martat = make.organisation("Marttaliitto", intro="Kotoutuminen ja arjen taidot.")
    vaestoliitto = make.organisation("Väestöliitto", intro="Perheiden kotoutuminen.")
    for language in ("sv", "ar", "uk"):
        make.translation(vaestoliitto, language)
    make.translation(make.home(), "en")
    red_cross = make.organisation("Suomen Punainen Risti")
    make.material(red_cross, "Kotoutumisen sanasto", intro="Sanasto kotoutumisen tueksi.")
    make.material(vaestoliitto, "Lastenkasvatusvihko", intro="Opas vanhemmille.")
    make.material(martat, "Opas arkeen", intro="Opas kotoutumisen alkuun.")
    statement = make.standard_page("Saavutettavuusseloste", slug="saavutettavuusseloste")
    make.translation(statement, "sv", title="Tillgänglighetsutlåtande")
    make.translation(statement, "en", title="Accessibility statement")
    make.standard_page("Järjestöjen matalan kynnyksen toiminta", intro="Kohtaamispaikat.")
    hidden = "Väestöliitto: Lastenkasvatusvihko ja Tarjotin, opas"
    for language in ("fi", "sv"):
        members = make.standard_page(f"{hidden} jäsenille", parent=make.home(language))
        PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
        make.standard_page(f"{hidden} (luonnos)", parent=make.home(language), live=False)
    search_backend.refresh_indexes()


@pytest.fixture
def matching_page(search_backend):
    """One page holding the words the hostile queries are made of, so that they reach the
    matching and highlighting of results, not only an empty index."""
    words = "Marttaliitto opas kotoutuminen verkosto tarjotin regex term"
    page = make.standard_page(f"Opas: {words}", intro=words)
    arabic = "أعضاء الشبكة term"  # for the queries in a right-to-left language
    make.translation(page, "ar", title=f"دليل: {arabic}", intro=arabic)
    search_backend.refresh_indexes()


@pytest.fixture
def new_page(indexed_pages):
    def create(parent, title, *, live=True):
        return indexed_pages(
            parent.add_child(instance=StandardPage(title=title, intro=title, live=live))
        )

    return create


def search(client, query, language="fi"):
    return client.get(f"/{language}/search/", {"q": query})


def results(response):
    """(address, title) of each result on the search page."""
    soup = BeautifulSoup(response.content, "html.parser")
    links = soup.select("ol.search-results h2 a")
    return [(link["href"], link.get_text(strip=True)) for link in links]


def assert_no_engine_error_text(response):
    body = response.content.decode().lower()
    for text in ENGINE_ERROR_TEXT:
        assert text not in body, text


def assert_ordinary_answer(response):
    """A results or no-results page, as for any query."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".notice--error") is None
    empty_query = not soup.select_one("#search-page-q")["value"]
    assert empty_query or soup.select_one("main [role=status]") is not None
    assert_no_engine_error_text(response)


@pytest.mark.parametrize(
    "language,query,address",
    [
        ("fi", "Marttaliitto", "/fi/jarjestot/marttaliitto/"),
        ("fi", "marttaliitto", "/fi/jarjestot/marttaliitto/"),
        ("fi", "sanasto", "/fi/jarjestot/suomen-punainen-risti/kotoutumisen-sanasto/"),
        ("sv", "Tillgänglighetsutlåtande", "/sv/saavutettavuusseloste/"),
        ("en", "Accessibility", "/en/saavutettavuusseloste/"),
        ("ar", "Väestöliitto", "/ar/jarjestot/vaestoliitto/"),
    ],
)
def test_a_word_of_a_title_finds_the_page(site, client, language, query, address):
    response = search(client, query, language)
    assert_ordinary_answer(response)
    assert address in [href for href, _title in results(response)]


@pytest.mark.parametrize("typed", ["Järj", "järjestöjen mat", "jarjestojen"])
def test_autocomplete_finds_a_title_from_its_first_letters_with_or_without_accents(
    site, client, typed
):
    response = client.get("/fi/search/autocomplete/", {"q": typed})
    assert response.status_code == 200
    titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
    assert "Järjestöjen matalan kynnyksen toiminta" in titles, titles


@pytest.mark.parametrize("language", ["fi", "ar", "uk"])
def test_results_are_in_the_requested_language_only(site, client, language):
    # The organisation keeps its name in every language it is translated into.
    found = results(search(client, "Väestöliitto", language))
    assert f"/{language}/jarjestot/vaestoliitto/" in [href for href, _title in found]
    assert all(href.startswith(f"/{language}/") for href, _title in found), found


@pytest.mark.parametrize(
    "language,query", [("fi", "Lastenkasvatusvihko"), ("sv", "Tarjotin"), ("fi", "opas")]
)
def test_every_result_is_a_page_an_anonymous_visitor_can_open(site, client, language, query):
    found = results(search(client, query, language))
    assert found
    for href, _title in found:
        assert client.get(href).status_code == 200, href


def test_the_backend_searches_only_what_it_is_given(site, search_backend):
    finnish = Page.objects.live().public().filter(locale=Locale.objects.get(language_code="fi"))
    found = list(search_backend.search("Väestöliitto", finnish))
    assert found and all(page.locale.language_code == "fi" and page.live for page in found)
    assert "Väestöliitto" in [page.title for page in found]


def test_unpublished_and_members_only_pages_never_reach_anonymous_visitors(
    client, new_page, search_backend
):
    home = make.home()
    draft = new_page(home, "Luonnoksen otsikko zorbulvaxi", live=False)
    members = new_page(home, "Jäsenten nurkkaus zorbulvaxi")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    inside = new_page(members, "Jäsenten sisäinen ohje zorbulvaxi")
    search_backend.refresh_indexes()

    # The index has all three, so it is the filtering that keeps them out of sight.
    indexed = {page.pk for page in search_backend.search("zorbulvaxi", Page.objects.all())}
    assert indexed == {draft.pk, members.pk, inside.pk}
    assert not search_backend.search("zorbulvaxi", Page.objects.live().public())

    response = search(client, "zorbulvaxi")
    assert_ordinary_answer(response)
    assert results(response) == []
    body = response.content.decode()
    for title in ("Luonnoksen otsikko", "Jäsenten nurkkaus", "Jäsenten sisäinen ohje"):
        assert title not in body
    for page in (draft, members, inside):
        assert page.url_path.rstrip("/").rsplit("/", 1)[-1] not in body


def test_a_page_unpublished_after_indexing_disappears_from_results(
    client, new_page, search_backend
):
    page = new_page(make.home(), "Vanhentunut tiedote kvorpelinda")
    search_backend.refresh_indexes()
    assert [href for href, _title in results(search(client, "kvorpelinda"))] == [page.url]

    page.unpublish()
    search_backend.refresh_indexes()
    response = search(client, "kvorpelinda")
    assert results(response) == []
    assert "Vanhentunut tiedote" not in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_hostile_query_is_answered_safely(matching_page, client, query):
    response = search(client, query)
    assert_ordinary_answer(response)
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body


def test_hostile_queries_in_a_right_to_left_language(matching_page, client):
    for query in ("NEAR(", '"أعضاء', "col:term", "&|!:*"):
        assert_ordinary_answer(search(client, query, "ar"))


def test_a_query_over_the_length_limit_is_answered(matching_page, client):
    query = "Marttaliitto " + "kotoutuminen verkosto " * 20
    assert len(query) > 256
    response = search(client, query)
    assert_ordinary_answer(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main [role=status]") is not None
    assert len(soup.select_one("#search-page-q")["value"]) <= 256
