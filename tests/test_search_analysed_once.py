"""One search request analyses the query once: the facets, the results, the page beyond
a search server's sample, "did you mean" and the snippets all read the same analysis."""

from collections import Counter

import pytest
from wagtail.models import Page

from home.models import StandardPage
from search import site_search, views
from search.backends import analysed

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize(
    "params", [{}, {"type": "materialpage"}, {"page": "2"}, {"language": "sv"}]
)
def test_one_search_analyses_its_query_once(client, soup_of, analyses, params):
    response = client.get("/fi/search/", {"q": "kotoutuminen perhe", **params})
    assert response.status_code == 200
    assert soup_of(response).select(".search-results__snippet mark") or params.get("language")
    language = params.get("language", "fi")
    assert analyses.pop(("kotoutuminen perhe", language)) == 1
    # besides, only a corrected word ("did you mean" checks that a visible page holds it)
    for (text, _language), number in analyses.items():
        assert len(text.split()) == 1 and number == 1


def test_did_you_mean_reads_the_same_analysis(client, soup_of, indexed_pages, analyses):
    parent = Page.objects.get(depth=2, locale__language_code="fi")
    guide = StandardPage(
        title="Mentorointiopas", slug="mentorointiopas", intro="Mentorointi tukee työnhakua."
    )
    parent.add_child(instance=guide)
    guide.save_revision().publish()
    indexed_pages(guide)
    analyses.clear()
    soup = soup_of(client.get("/fi/search/", {"q": "mentorinti"}))
    assert soup.select_one(".search-suggestion a").get_text() == "mentorointi"
    # the query once, and the corrected word once to check a visible page holds it
    assert analyses == {("mentorinti", "fi"): 1, ("mentorointi", "fi"): 1}
