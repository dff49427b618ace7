"""Every page type renders in every language, with the right lang and switcher links."""

import datetime

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from home.models import SiteSettings
from materials.models import MaterialIndexPage
from network.models import BlogIndexPage, OrganisationIndexPage, OrganisationLevel
from tests import factories as make
from tests.page_types import PAGE_TYPES, one_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def sections():
    """The home page in fi, sv and en, with the blog and the organisations index, so that a
    404 below them comes from the missing page, not a missing section."""
    for code in LANGUAGES:
        make.home(code)
    return make.section(BlogIndexPage), make.section(OrganisationIndexPage)


@pytest.fixture
def bloggers():
    """Three organisations (one local) writing five posts, dated out of creation order, and
    tagged: only the Oulu post is about the network."""
    red_cross = make.organisation("Suomen Punainen Risti")
    family = make.organisation("Väestöliitto")
    oulu = make.organisation("Oulun maahanmuuttajapalvelut", level=OrganisationLevel.LOCAL)
    day = datetime.date(2026, 3, 1)
    posts = [
        make.blog_post(red_cross, "Varhainen tuki", date=day, tags=["perhe"]),
        make.blog_post(family, "Osaksi yhteiskuntaa", date=day + datetime.timedelta(days=9)),
        make.blog_post(
            oulu, "Herkkuja tarjottimelle", date=day + datetime.timedelta(days=3), tags=["verkosto"]
        ),
        make.blog_post(red_cross, "Kielikahvilat", date=day - datetime.timedelta(days=30)),
        make.blog_post(oulu, "Kevään kurssit", date=day + datetime.timedelta(days=20)),
    ]
    return family, posts


def titles_of(soup):
    return [a.get_text() for a in soup.select(".card__title a")]


def test_page_type_tests_cover_every_page_model():
    assert set(PAGE_TYPES) == set(get_page_models()) - {Page}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders_in_language(client, soup_of, model, code):
    page = make.translation(one_page(model), code)

    response = client.get(page.url)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == code
    assert soup.html["dir"] == "ltr"
    assert soup.h1 is not None
    current = soup.select_one(".language-switcher [aria-current]")
    assert current.select_one("[lang]")["lang"] == code
    available = {
        a["hreflang"]: a["href"] for a in soup.select(".language-switcher > ul a[hreflang]")
    }
    unavailable = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher__more a")}
    for other, _name in settings.LANGUAGES:
        if other == code:
            continue
        other_page = page.get_translation_or_none(Locale.objects.get(language_code=other))
        if other_page and other_page.live:
            assert available[other] == other_page.url
        else:
            assert unavailable[other] == f"/{other}/unavailable/{page.pk}/"


def test_switcher_lists_only_existing_translations(client, soup_of):
    guide = make.standard_page("Kotoutumistarjotin")
    for code in ("sv", "en"):
        make.translation(guide, code)
    soup = soup_of(client.get(guide.url))
    links = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher > ul a[hreflang]")}
    assert links == {"sv": "/sv/kotoutumistarjotin/", "en": "/en/kotoutumistarjotin/"}

    post = make.blog_post(make.organisation(), "Varhainen tuki")
    soup = soup_of(client.get(post.url))
    assert not soup.select(".language-switcher > ul a[hreflang]")
    others = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher__more a")}
    assert others["sv"] == f"/sv/unavailable/{post.pk}/"
    assert set(others) == {code for code, _name in settings.LANGUAGES} - {"fi"}


def test_root_redirects_to_finnish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.parametrize(
    "code,text",
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_unknown_slug_is_404_in_language(client, soup_of, sections, code, text):
    response = client.get(f"/{code}/ei-ole-olemassa/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == code
    assert text in soup.h1.get_text()


@pytest.mark.parametrize(
    "path", ["/de/", "/xx/jotain/", "/fi/blogi/olematon/", "/fi/jarjestot/x/y/z/"]
)
def test_unknown_locale_or_slug_is_404(client, sections, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_server_error_page_is_trilingual_and_needs_no_database(rf, django_assert_num_queries):
    from home.views import server_error

    request = rf.get("/sv/jotain/")
    with django_assert_num_queries(0):
        response = server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sv">' in body
    for text in ("Palvelussa on häiriö", "Tjänsten har en störning", "Something went wrong"):
        assert text in body


def test_blog_tag_filter_lists_only_tagged_posts(client, soup_of, bloggers):
    soup = soup_of(client.get("/fi/blogi/?tag=verkosto"))
    assert titles_of(soup) == ["Herkkuja tarjottimelle"]
    tag_links = [a.get_text(" ", strip=True) for a in soup.select(".tag-list a")]
    assert "verkosto (1)" in tag_links


def test_blog_lists_posts_of_every_organisation_newest_first(client, soup_of, bloggers):
    soup = soup_of(client.get("/fi/blogi/"))
    cards = soup.select(".card")
    assert len(cards) == 5
    organisations = {card.select_one(".card__org").get_text() for card in cards}
    assert organisations == {
        "Suomen Punainen Risti",
        "Väestöliitto",
        "Oulun maahanmuuttajapalvelut",
    }
    dates = [card.time["datetime"] for card in cards]
    assert dates == sorted(dates, reverse=True)
    assert titles_of(soup) == [
        "Kevään kurssit",
        "Osaksi yhteiskuntaa",
        "Herkkuja tarjottimelle",
        "Varhainen tuki",
        "Kielikahvilat",
    ]


def test_swedish_blog_shows_untranslated_posts_marked_finnish(client, soup_of, bloggers):
    make.section(BlogIndexPage, "sv")
    soup = soup_of(client.get("/sv/blogi/"))
    assert soup.html["lang"] == "sv"
    cards = soup.select(".card")
    assert len(cards) == 5 and all(card["lang"] == "fi" for card in cards)


def test_organisation_page_lists_its_own_posts(client, soup_of, bloggers):
    family, _posts = bloggers
    soup = soup_of(client.get(family.url))
    assert titles_of(soup) == ["Osaksi yhteiskuntaa"]


def test_blog_filters_by_organisation_from_its_page(client, soup_of, bloggers):
    family, _posts = bloggers
    soup = soup_of(client.get(family.url))
    link = soup.select_one(f'a[href="/fi/blogi/?organisation={family.slug}"]')
    assert link.get_text() == "Katso se sivulla ”Blogi”"  # one post of theirs: "see it"
    soup = soup_of(client.get(link["href"]))
    assert titles_of(soup) == ["Osaksi yhteiskuntaa"]


def test_unknown_tag_or_organisation_lists_nothing(client, soup_of, bloggers):
    for query in ("tag=ei-ole", "organisation=ei-ole"):
        response = client.get(f"/fi/blogi/?{query}")
        assert response.status_code == 200
        assert soup_of(response).select(".card") == []


def test_organisation_listing_is_paginated(client, soup_of, sections):
    from bench.generate import generate

    generate(30)
    soup = soup_of(client.get("/fi/jarjestot/"))
    assert len(soup.select(".card")) == 24
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    second = soup_of(client.get("/fi/jarjestot/" + next_link))
    assert len(second.select(".card")) == 30 - 24


def test_organisation_filter_by_level(client, soup_of):
    make.organisation("Väestöliitto")
    make.organisation("Pohjois-Pohjanmaan verkosto", level=OrganisationLevel.REGIONAL)
    make.organisation("Oulun maahanmuuttajapalvelut", level=OrganisationLevel.LOCAL)
    soup = soup_of(client.get("/fi/jarjestot/?level=local"))
    assert titles_of(soup) == ["Oulun maahanmuuttajapalvelut"]


def test_footer_links_accessibility_statement_in_visitors_language(client, soup_of):
    statement = make.standard_page("Saavutettavuusseloste")
    make.translation(statement, "sv")
    site_settings = SiteSettings.for_site(make.home().get_site())
    site_settings.accessibility_page = statement
    site_settings.save()
    for code, path in [("fi", "/fi/saavutettavuusseloste/"), ("sv", "/sv/saavutettavuusseloste/")]:
        soup = soup_of(client.get(f"/{code}/"))
        links = [a["href"] for a in soup.select("footer a")]
        assert path in links


@pytest.mark.parametrize("query", ["%00", "a%00b", "%1b[31m", "\u202e", "' OR 1=1 --", "<script>"])
def test_odd_search_input_gets_a_normal_page(client, query):
    response = client.get(f"/fi/search/?q={query}")
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main")[1]


def test_sitemap_lists_every_language_and_no_private_page(client):
    for code in LANGUAGES:
        make.home(code)
    make.translation(make.standard_page("Kotoutumistarjotin"), "sv")
    make.section(MaterialIndexPage)
    private = make.standard_page("Blogin kommentointi")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/fi/", "/sv/", "/en/", "/sv/kotoutumistarjotin/", "/fi/materiaalipankki/"):
        assert f"{path}</loc>" in body, path
    assert "blogin-kommentointi" not in body
