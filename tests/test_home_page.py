"""The home page as a front door: the network in two sentences, the ways in to the materials
bank, the tray (straight to a municipality's activities), the events and the blog, and the
newest materials and upcoming events, at a constant number of queries."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home import change_count
from materials.models import MaterialIndexPage
from network.models import (
    ActivityIndexPage,
    BlogIndexPage,
    EventIndexPage,
    Municipality,
    OrganisationIndexPage,
)
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings():
    """The home page's listings in the page tree's order, and the organisations' listing."""
    make.section(OrganisationIndexPage)
    return [
        make.section(model)
        for model in (MaterialIndexPage, ActivityIndexPage, EventIndexPage, BlogIndexPage)
    ]


def test_the_ways_in_lead_to_the_bank_the_tray_the_events_and_the_blog(client, soup_of, listings):
    soup = soup_of(client.get("/fi/"))
    tiles = soup.select(".ways-in .way-in")
    assert [tile.h2.a["href"] for tile in tiles] == [listing.url for listing in listings]
    assert [tile.h2.get_text(strip=True) for tile in tiles] == [p.title for p in listings]
    for tile in tiles:  # an icon beside each title, hidden from screen readers
        svg = tile.h2.select_one("svg")
        assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"
    assert "/jarjestot/" not in str(soup.select_one(".ways-in"))


def test_the_tray_tile_goes_to_the_activities_reaching_a_municipality_without_script(
    client, soup_of, listings
):
    tray = listings[1]
    organisation = make.organisation("Setlementti")
    make.activity(
        organisation, "Äitien ryhmä", level="local", municipalities=[municipality("Kemi")]
    )
    make.activity(
        organisation, "Kielikahvila", level="local", municipalities=[municipality("Inari")]
    )
    form = soup_of(client.get("/fi/")).select_one(".way-in form")
    assert form["method"] == "get" and form["action"] == tray.url
    select = form.select_one("select")
    assert form.select_one(f'label[for="{select["id"]}"]').get_text() == (
        "Toiminta, joka tavoittaa kunnan"
    )
    kemi = select.find("option", string="Kemi")["value"]

    soup = soup_of(client.get(form["action"], {select["name"]: kemi}))
    titles = [title.get_text(strip=True) for title in soup.select(".card__title")]
    assert titles == ["Äitien ryhmä"]
    assert soup.select_one("#id_municipality option[selected]").get_text() == "Kemi"


def municipality(name):
    return Municipality.objects.get(name=name)


def test_home_shows_the_newest_materials_and_the_upcoming_events(client, soup_of, listings):
    bank, _tray, events, _blog = listings
    organisation = make.organisation("Väestöliitto")
    for number, year in enumerate([2019, 2024, 2021, 2023, 2020]):
        make.material(organisation, f"Opas {number}", year=year)
    now = timezone.now()
    make.event(organisation, "Mennyt", start=now - datetime.timedelta(days=3))
    for days in (30, 2, 9, 60):
        make.event(organisation, f"Tapahtuma {days}", start=now + datetime.timedelta(days=days))

    soup = soup_of(client.get("/fi/"))
    sections = {s.h2.get_text(): s for s in soup.select(".showcase")}
    assert list(sections) == ["Uusimmat materiaalit", "Tulevat tapahtumat"]
    materials = sections["Uusimmat materiaalit"]
    assert titles(materials) == ["Opas 1", "Opas 3", "Opas 2"]  # 2024, 2023, 2021
    assert "Väestöliitto" in materials.select_one(".card__meta").get_text()
    assert materials.select_one(".showcase__more a")["href"] == bank.url
    upcoming = sections["Tulevat tapahtumat"]
    assert titles(upcoming) == ["Tapahtuma 2", "Tapahtuma 9", "Tapahtuma 30"]
    assert upcoming.select_one(".showcase__more a").get_text() == (
        f"Katso kaikki sivulla ”{events.title}”"
    )


def titles(section):
    return [title.get_text(strip=True) for title in section.select(".card__title")]


def cold_queries(client, url):
    """The queries of a request that builds everything kept under the change count (after a
    first request has warmed the per-process caches: site root paths, settings)."""
    client.get(url)
    caches["default"].clear()
    change_count.forget()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_home_costs_the_same_queries_with_more_content(client, listings):
    organisation = make.organisation("Järjestö")
    make.material_with_files(organisation, "Opas", languages=("fi", "ar"))
    make.event(organisation, "Tapahtuma")
    make.blog_post(organisation, "Uutinen")
    before = cold_queries(client, "/fi/")
    other = make.organisation("Toinen järjestö")
    for number in range(6):
        make.material_with_files(other, f"Opas {number}", languages=("fi", "sv", "en"))
        make.event(other, f"Tapahtuma {number}")
    assert cold_queries(client, "/fi/") == before


def test_the_kept_front_door_shows_a_new_material_at_once(client, soup_of, listings, saved):
    organisation = make.organisation("Järjestö")
    make.material(organisation, "Vanha opas", year=2020)
    assert titles(soup_of(client.get("/fi/")).select_one(".showcase")) == ["Vanha opas"]
    with saved():
        make.material(organisation, "Uusi opas", year=2025)
    shown = titles(soup_of(client.get("/fi/")).select_one(".showcase"))
    assert shown == ["Uusi opas", "Vanha opas"]


def test_a_language_without_its_own_listings_gets_the_finnish_ways_in(client, soup_of, listings):
    make.home("ar")
    tiles = soup_of(client.get("/ar/")).select(".ways-in .way-in")
    assert [tile.h2.a["href"] for tile in tiles] == [listing.url for listing in listings]
    assert all(tile["lang"] == "fi" for tile in tiles)  # the Finnish titles say so


def test_the_kept_front_door_keeps_no_visitors_query(client, soup_of, listings):
    organisation = make.organisation("Järjestö")
    make.material(organisation, "Opas", year=2024)
    client.get("/fi/?fbclid=x")  # the first visitor, from a shared link, fills the cache
    response = client.get("/fi/")
    assert b"fbclid" not in response.content
    forms = soup_of(response).select("form.referral-add")
    assert forms and {form.select_one("[name=next]")["value"] for form in forms} == {"/fi/"}
