"""Which organisation a page belongs to is answered by one rule (the nearest organisation
page above it), so every listing, filter, facet and the search name the same one. Each
path is checked against Wagtail's own tree queries on a network built for it (``network``)."""

import pytest
from wagtail.models import Page

from materials.models import MaterialPage
from network.models import (
    ActivityPage,
    BlogPage,
    EventPage,
    OrganisationLevel,
    OrganisationPage,
    attach_organisations,
    in_organisations,
)
from search.site_search import SiteSearch
from search.visible_pages import VisiblePages
from tests import factories as make

pytestmark = pytest.mark.django_db

BANK = "/fi/materiaalipankki/"
TRAY = "/fi/toiminta/"


@pytest.fixture
def network():
    """Content of every kind where the nearest organisation is not simply the parent: below
    an organisation, below ordinary pages one and two levels inside another, below an
    unpublished organisation, and in a translation. (Organisations themselves sit at one
    depth: an organisation page goes only under the organisation listing.)"""
    union = make.organisation("Liitto")
    society = make.organisation("Yhdistys", level=OrganisationLevel.LOCAL)
    guides = make.standard_page("Ohjeet", parent=society)
    archive = make.standard_page("Arkisto", parent=guides)
    closed = make.organisation("Lopettanut", live=False)
    for parent, name in ((union, "Liitto"), (guides, "Ohjeet"), (archive, "Arkisto")):
        make.blog_post(parent, f"{name}: kirjoitus")
        make.material(parent, f"{name}: opas")
        make.activity(parent, f"{name}: kielikahvila", level=OrganisationLevel.LOCAL)
        make.event(parent, f"{name}: tapaaminen")
    make.blog_post(closed, "Lopettanut: kirjoitus")
    make.blog_post(make.translation(society, "sv"), "Yhdistys: inlägg")


def nearest_organisation_by_tree(page):
    return OrganisationPage.objects.ancestor_of(page).order_by("-depth").first()


def content_pages():
    pages = []
    for model in (BlogPage, MaterialPage, ActivityPage, EventPage):
        pages += list(model.objects.live().order_by("path"))
    assert {type(page) for page in pages} == {BlogPage, MaterialPage, ActivityPage, EventPage}
    return pages


def test_listings_name_the_nearest_organisation_above_each_page(network):
    pages = content_pages()
    attached = attach_organisations([type(page).objects.get(pk=page.pk) for page in pages])
    for page, listed in zip(pages, attached):
        expected = nearest_organisation_by_tree(page)
        assert expected is not None, page.title
        assert listed.organisation == expected, page.title
        assert page.organisation == expected, page.title


def test_blog_post_links_to_its_organisation(client, soup_of, network):
    published = OrganisationPage.objects.live()
    posts = BlogPage.objects.live().filter(in_organisations(published), locale__language_code="fi")
    assert posts.count() > 1
    for post in posts:
        soup = soup_of(client.get(post.url))
        organisation = nearest_organisation_by_tree(post)
        link = soup.find("a", href=organisation.url)
        assert link is not None and link.get_text() == organisation.title, post.title


def test_search_keys_and_narrowing_follow_the_tree(network):
    visible = VisiblePages()
    pages = Page.objects.live().public().filter(depth__gt=1)
    for page in pages:  # an organisation's own page counts as its own
        above = OrganisationPage.objects.ancestor_of(page, inclusive=True)
        organisation = above.order_by("-depth").first()
        expected = organisation.slug if organisation and organisation.live else None
        assert visible.keys[page.pk].organisation == expected, page.title
    for organisation in OrganisationPage.objects.live().filter(locale__language_code="fi"):
        site_search = SiteSearch("x", {"organisation": organisation.slug}, "fi", visible)
        narrowed = set(site_search.narrowed(site_search.base()).values_list("pk", flat=True))
        below = pages.descendant_of(organisation, inclusive=True).filter(locale__language_code="fi")
        assert narrowed == set(below.values_list("pk", flat=True)), organisation.slug


def test_bank_and_tray_count_and_filter_by_the_tree(client, soup_of, network):
    for organisation in OrganisationPage.objects.live().filter(locale__language_code="fi"):
        materials = MaterialPage.objects.live().public().descendant_of(organisation)
        soup = soup_of(client.get(BANK, {"organisation": organisation.slug}))
        shown = {a.get_text() for a in soup.select(".card__title a")}
        assert shown == set(materials.values_list("title", flat=True)), organisation.slug
        box = soup.select_one(f"input[name=organisation][value={organisation.slug}]")
        if materials:
            assert box.has_attr("checked")
            count = int(box.find_next("span", class_="count").get_text().strip("()"))
            assert count == materials.count(), organisation.slug
        activities = ActivityPage.objects.live().public().descendant_of(organisation)
        soup = soup_of(client.get(TRAY, {"organisation": organisation.slug}))
        shown = {a.get_text() for a in soup.select(".card__title a")}
        assert shown == set(activities.values_list("title", flat=True)), organisation.slug


def test_an_organisation_nobody_has_matches_nothing(client, soup_of, indexed_pages):
    indexed_pages(make.material(make.organisation("Yhdistys"), "Kotoutuminen Suomeen"))
    assert not Page.objects.filter(in_organisations([])).exists()
    response = client.get("/fi/search/", {"q": "kotoutuminen", "organisation": "ei-ole-olemassa"})
    assert response.status_code == 200
    assert response.context["search_results"].paginator.count == 0
    assert soup_of(response).select(".search-results a") == []
    unnarrowed = client.get("/fi/search/", {"q": "kotoutuminen"})
    assert unnarrowed.context["search_results"].paginator.count
    response = client.get(BANK, {"organisation": "ei-ole-olemassa"})
    assert response.status_code == 200
    assert soup_of(response).select(".card__title a") == []
    assert soup_of(client.get(BANK)).select(".card__title a")
