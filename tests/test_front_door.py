"""What a visitor, a search engine or a shared link sees first: the page's title and
description, share tags with the site's real address, robots.txt, the sitemap and hreflang
links, the icon and the web manifest; and small defects a visitor would notice (separators
with nothing between them, the materials bank's years, the wording of a listing's link)."""

import datetime
import json
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale, PageViewRestriction, Site

from cms import env
from materials.facets import Facet
from materials.models import MaterialIndexPage
from network.models import BlogIndexPage, EventIndexPage
from tests import factories as make

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def real_host():
    """The Site record of a launched site: https://tarjotin.example."""
    make.home()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "tarjotin.example", 443
    site.save()
    return "https://tarjotin.example"


@pytest.fixture
def guide():
    """A guide in Finnish with a Swedish translation, each with its own introduction."""
    page = make.standard_page(
        "Kotoutumisen tuki", intro="Miten järjestöt tukevat kotoutumista eri puolilla Suomea."
    )
    swedish = make.translation(
        page, "sv", title="Stöd för integration", intro="Hur organisationer stöder integration."
    )
    return page, swedish


def meta(soup, **attributes):
    tag = soup.find("meta", attrs=attributes)
    return tag["content"] if tag else None


def test_description_is_the_search_description_or_the_intro_in_the_pages_language(
    client, soup_of, guide
):
    finnish, swedish = guide
    soup = soup_of(client.get(finnish.url))
    assert meta(soup, name="description") == finnish.intro
    soup = soup_of(client.get(swedish.url))
    assert meta(soup, name="description") == "Hur organisationer stöder integration."

    finnish.search_description = "Opas ammattilaisille: järjestöjen tuki kotoutumiseen."
    make.publish(finnish)
    soup = soup_of(client.get(finnish.url))
    assert meta(soup, name="description") == finnish.search_description
    assert meta(soup, property="og:description") == finnish.search_description


def test_a_long_intro_is_shortened_for_the_description(client, soup_of):
    page = make.standard_page("Pitkä opas", intro="sana " * 200)
    description = meta(soup_of(client.get(page.url)), name="description")
    assert 100 < len(description) <= 200
    assert description.endswith("…")


def test_share_tags_name_the_page_at_the_sites_real_address(client, soup_of, real_host, guide):
    finnish, _swedish = guide
    soup = soup_of(client.get(finnish.url))
    assert meta(soup, property="og:url") == f"{real_host}/fi/kotoutumisen-tuki/"
    assert meta(soup, property="og:title") == "Kotoutumisen tuki"
    assert meta(soup, property="og:type") == "article"
    assert meta(soup, property="og:locale") == "fi_FI"
    assert meta(soup, property="og:locale:alternate") == "sv_FI"
    assert meta(soup, property="og:image") == f"{real_host}/static/img/icon-512.png"
    assert meta(soup, name="twitter:card") == "summary"
    assert meta(soup, name="twitter:title") == "Kotoutumisen tuki"
    assert meta(soup, name="twitter:image") == f"{real_host}/static/img/icon-512.png"


def test_base_url_gives_the_address_when_set(client, soup_of, settings, guide):
    settings.SITE_BASE_URL = "https://www.tarjotin.example"
    finnish, _swedish = guide
    soup = soup_of(client.get(finnish.url))
    assert meta(soup, property="og:url") == "https://www.tarjotin.example/fi/kotoutumisen-tuki/"
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates["sv"] == "https://www.tarjotin.example/sv/kotoutumisen-tuki/"


@pytest.mark.parametrize(
    "raw, parsed",
    [
        ("", None),
        ("https://tarjotin.fi", "https://tarjotin.fi"),
        ("https://Tarjotin.fi/", "https://tarjotin.fi"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_base_url_is_parsed(monkeypatch, raw, parsed):
    monkeypatch.setenv("BASE_URL", raw)
    assert env.base_url() == parsed


@pytest.mark.parametrize(
    "raw",
    [
        "tarjotin.fi",
        "ftp://tarjotin.fi",
        "https://tarjotin.fi/fi/",
        "https://admin:salasana@tarjotin.fi",
    ],
)
def test_a_base_url_that_is_not_an_address_is_refused(monkeypatch, raw):
    monkeypatch.setenv("BASE_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        env.base_url()


def test_hreflang_links_and_sitemap_use_the_sites_real_address(client, soup_of, real_host, guide):
    finnish, swedish = guide
    soup = soup_of(client.get(swedish.url))
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates == {
        "fi": f"{real_host}/fi/kotoutumisen-tuki/",
        "sv": f"{real_host}/sv/kotoutumisen-tuki/",
        "x-default": f"{real_host}/fi/kotoutumisen-tuki/",
    }
    response = client.get("/sitemap.xml")
    locations = {loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")}
    assert f"{real_host}/fi/kotoutumisen-tuki/" in locations
    assert f"{real_host}/sv/kotoutumisen-tuki/" in locations
    assert all(location.startswith(f"{real_host}/") for location in locations)


XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_alternates(client):
    """``{location: {hreflang: href}}`` of the sitemap's pages."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_names_each_pages_translations_at_the_sites_real_address(client, real_host, guide):
    untranslated = make.standard_page("Vain suomeksi")
    alternates = sitemap_alternates(client)
    both = {
        "fi": f"{real_host}/fi/kotoutumisen-tuki/",
        "sv": f"{real_host}/sv/kotoutumisen-tuki/",
        "x-default": f"{real_host}/fi/kotoutumisen-tuki/",
    }
    assert alternates[f"{real_host}/fi/kotoutumisen-tuki/"] == both
    assert alternates[f"{real_host}/sv/kotoutumisen-tuki/"] == both
    # a page in one language only has no alternates to name
    assert alternates[f"{real_host}{untranslated.url}"] == {}


def test_sitemap_leaves_out_a_private_translation(client, real_host, guide):
    _finnish, swedish = guide
    PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.LOGIN)
    alternates = sitemap_alternates(client)
    assert alternates[f"{real_host}/fi/kotoutumisen-tuki/"] == {}
    assert f"{real_host}/sv/kotoutumisen-tuki/" not in alternates


def canonical(soup):
    links = soup.select('link[rel="canonical"]')
    assert len(links) == 1, links
    return links[0]["href"]


def test_every_page_names_its_canonical_address_without_the_query(
    client, soup_of, real_host, guide
):
    _finnish, swedish = guide
    bank = make.section(MaterialIndexPage)
    soup = soup_of(client.get(swedish.url))
    assert canonical(soup) == f"{real_host}/sv/kotoutumisen-tuki/"
    # a filtered listing is the listing, on the page of it asked for
    soup = soup_of(client.get(f"{bank.url}?year=2024&sort=title"))
    assert canonical(soup) == f"{real_host}/fi/materiaalipankki/"
    soup = soup_of(client.get(f"{bank.url}?year=2024&page=2&sort=title"))
    assert canonical(soup) == f"{real_host}/fi/materiaalipankki/?page=2"
    for number in ("1", "x", "٢"):  # the first page, and none
        soup = soup_of(client.get(f"{bank.url}?page={number}"))
        assert canonical(soup) == f"{real_host}/fi/materiaalipankki/"
    # views that are no page: the search, the referral list
    soup = soup_of(client.get("/fi/search/?q=kotoutuminen"))
    assert canonical(soup) == f"{real_host}/fi/search/"
    soup = soup_of(client.get("/fi/lista/"))
    assert canonical(soup) == f"{real_host}/fi/lista/"


def test_an_alias_names_its_original_as_canonical(client, soup_of, real_host, guide):
    finnish, _swedish = guide
    make.home("en")
    alias = finnish.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    soup = soup_of(client.get(alias.url))
    assert canonical(soup) == f"{real_host}/fi/kotoutumisen-tuki/"


def test_robots_txt_allows_the_site_points_to_the_sitemap_and_keeps_out_of_the_admin(
    client, real_host
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fi/search/" in lines
    assert f"Sitemap: {real_host}/sitemap.xml" in lines


def test_favicon_and_manifest_are_served_with_their_types(client, soup_of):
    make.home()
    make.translation(make.home(), "sv")
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/x-icon"
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file

    soup = soup_of(client.get("/sv/"))
    assert soup.select_one('link[rel=icon][type="image/svg+xml"]')["href"].endswith(".svg")
    manifest_url = soup.select_one("link[rel=manifest]")["href"]
    assert manifest_url == "/sv/manifest.webmanifest"
    response = client.get(manifest_url)
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Tarjotin"
    assert manifest["lang"] == "sv"
    assert manifest["start_url"] == "/sv/"
    assert manifest["description"] == "Integrationsnätverkets material och verksamhet"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    for icon in manifest["icons"]:  # static files, which the web server serves
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon


def test_home_page_title_names_the_site_once(client, soup_of):
    make.home()
    title = soup_of(client.get("/fi/")).title.get_text()
    assert title.count("Tarjotin") == 1
    assert title == "Tarjotin – Kotoutumisverkoston materiaalit ja toiminta"
    page = make.standard_page("Yhteystiedot")
    assert soup_of(client.get(page.url)).title.get_text() == "Yhteystiedot – Tarjotin"


def test_event_cards_have_no_empty_separators(client, soup_of):
    listing = make.section(EventIndexPage)
    organisation = make.organisation("Väestöliitto")
    make.event(organisation, "Työpaja", place_name="Helsinki")
    make.event(
        organisation,
        "Verkkotapaaminen",
        start=datetime.datetime(2030, 5, 1, 9, tzinfo=datetime.UTC),
    )
    soup = soup_of(client.get(listing.url))
    metas = [" ".join(card.get_text().split()) for card in soup.select(".card__meta")]
    assert len(metas) == 2
    for text in metas:
        assert "· ·" not in text
        assert not text.endswith("·")
    assert metas[0].endswith("· Verkostokokous · Helsinki · Väestöliitto")
    assert metas[1].endswith("· Verkostokokous · Väestöliitto")


def test_blog_cards_have_no_empty_separators(client, soup_of):
    blog = make.section(BlogIndexPage)
    make.blog_post(make.organisation("Setlementti"), "Uutinen", date=datetime.date(2025, 3, 1))
    card = soup_of(client.get(blog.url)).select_one(".card__meta")
    assert " ".join(card.get_text().split()) == "1.3.2025 · Setlementti"


def test_year_facet_lists_the_newest_year_first(client, soup_of):
    organisation = make.organisation("Järjestö")
    for title, year in [("A", 2019), ("B", 2019), ("C", 2019), ("D", 2023), ("E", 2021)]:
        make.material(organisation, title, year=year)
    bank = make.section(MaterialIndexPage)
    soup = soup_of(client.get(bank.url))
    years = [box["value"] for box in soup.select('input[name="year"]')]
    assert years == ["2023", "2021", "2019"]


def test_other_facets_list_by_count_then_name():
    facet = Facet("topic", "Topic", "topics__slug")
    options = facet.options({"b": 1, "a": 1, "c": 5}, [])
    assert [option["value"] for option in options] == ["c", "a", "b"]


def test_latest_entries_link_reads_as_a_sentence_in_each_language(client, soup_of):
    """It read "Kaikki: Blogi" and "Alla: Blogg"."""
    blog = make.section(BlogIndexPage)
    blog.title = "Blogi"
    make.publish(blog)
    for language, title, text in [
        ("fi", "Blogi", "Katso kaikki sivulla ”Blogi”"),
        ("sv", "Blogg", "Se allt på sidan ”Blogg”"),
        ("en", "Blog", "See all on the page “Blog”"),
    ]:
        if language != "fi":
            make.translation(blog, language, title=title)
        home = make.home(language)
        home.body = [("latest", {"title": "Uusimmat", "index_page": blog, "count": 3})]
        make.publish(home)
        link = soup_of(client.get(home.url)).select_one(".latest-entries p a")
        assert link.get_text() == text, language


def test_comment_form_puts_each_label_right_before_its_own_field(client, soup_of):
    post = make.blog_post(make.organisation("Järjestö"), "Kommentoitava")
    soup = soup_of(client.get(post.url))
    groups = soup.select(".comment-form .form-field")
    assert [group.label.get_text() for group in groups] == [
        "Nimi",
        "Sähköposti (vapaaehtoinen)",
        "Kommentti",
    ]
    for group in groups:
        label = group.find("label")
        control = group.find(["input", "textarea"])
        assert control["id"] == label["for"]
        assert group.find().name == "label"  # first in its group, above its field


def test_share_links_need_no_script_of_a_third_party(client, soup_of, real_host):
    post = make.blog_post(make.organisation("Järjestö"), "Jaettava")
    soup = soup_of(client.get(post.url))
    links = [a["href"] for a in soup.select(".share a")]
    address = f"{real_host}{post.url}".replace(":", "%3A").replace("/", "%2F")
    assert any(link.startswith("mailto:?subject=Jaettava") for link in links)
    assert any(link.startswith("https://www.facebook.com/") and address in link for link in links)
    scripts = [script["src"] for script in soup.select("script[src]")]
    assert all(src.startswith("/static/") for src in scripts)
    assert not soup.select('iframe, img[src^="http"]')
