"""One search request analyses the query once: the facets, the results, the page beyond
a search server's sample, "did you mean" and the snippets all read the same analysis."""

from collections import Counter

import pytest

from search import site_search, views
from search.backends import analysed
from search.site_search import RESULTS_PER_PAGE
from tests import factories as make

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("built_pages_leave_the_index")]


@pytest.fixture
def analyses(monkeypatch):
    """Counts the analyses per (text, language) while the test runs."""
    counted = Counter()
    analyse = analysed.analyse_query

    def counting(text, language=None):
        result = analyse(text, language)
        counted[(text, result.language)] += 1
        return result

    for module in (analysed, site_search, views):
        monkeypatch.setattr(module, "analyse_query", counting)
    return counted


@pytest.fixture
def family_pages(search_backend):
    """More guides and materials about families' integration than one page of results holds."""
    organisation = make.organisation("Väestöliitto")
    for number in range(RESULTS_PER_PAGE + 2):
        if number % 3:
            make.standard_page(f"Perheopas {number}", intro="Perheen kotoutuminen alkaa kotoa.")
        else:
            make.material(organisation, f"Perhevihko {number}", intro="Kotoutuminen ja perhe.")
    search_backend.refresh_indexes()


@pytest.mark.parametrize(
    "params", [{}, {"type": "materialpage"}, {"page": "2"}, {"language": "sv"}]
)
def test_one_search_analyses_its_query_once(client, soup_of, family_pages, analyses, params):
    response = client.get("/fi/search/", {"q": "kotoutuminen perhe", **params})
    assert response.status_code == 200
    assert soup_of(response).select(".search-results__snippet mark") or params.get("language")
    language = params.get("language", "fi")
    assert analyses.pop(("kotoutuminen perhe", language)) == 1
    # besides, only a corrected word ("did you mean" checks that a visible page holds it)
    for (text, _language), number in analyses.items():
        assert len(text.split()) == 1 and number == 1


def test_did_you_mean_reads_the_same_analysis(client, soup_of, indexed_pages, analyses):
    indexed_pages(make.standard_page("Mentorointiopas", intro="Mentorointi tukee työnhakua."))
    analyses.clear()
    soup = soup_of(client.get("/fi/search/", {"q": "mentorinti"}))
    assert soup.select_one(".search-suggestion a").get_text() == "mentorointi"
    # the query once, and the corrected word once to check a visible page holds it
    assert analyses == {("mentorinti", "fi"): 1, ("mentorointi", "fi"): 1}
