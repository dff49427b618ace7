"""An organisation's page lists a few of its materials, activities, events and posts, each
with a link to the listing filtered to all of them, and says how to reach it."""

import datetime

import pytest
from django.utils import timezone

from materials.models import MaterialIndexPage
from network.models import ActivityIndexPage, BlogIndexPage, EventIndexPage
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    """Väestöliitto with four of each kind of content, and another organisation with one."""
    for model in (MaterialIndexPage, ActivityIndexPage, EventIndexPage, BlogIndexPage):
        make.section(model)
    own, other = make.organisation("Väestöliitto"), make.organisation("Marttaliitto")
    start = timezone.now() + datetime.timedelta(days=5)
    for number in range(4):
        make.material(own, f"Opas {number}", year=2020 + number)
        make.activity(own, f"Ryhmä {number}")
        make.event(own, f"Tapahtuma {number}", start=start + datetime.timedelta(days=number))
        make.blog_post(own, f"Kirjoitus {number}", date=datetime.date(2024, 1, number + 1))
    make.material(other, "Toisen opas")
    make.activity(other, "Toisen ryhmä")
    make.event(other, "Toisen tapahtuma")
    make.blog_post(other, "Toisen kirjoitus")
    return own, other


def sections(soup):
    return {section.h2.get_text(): section for section in soup.select(".showcase")}


def test_organisation_page_shows_three_of_each_of_its_own_with_all_of_them_a_link_away(
    client, soup_of, organisations
):
    own, _other = organisations
    found = sections(soup_of(client.get(own.url)))
    assert list(found) == ["Materiaalipankki", "Kotoutumistarjotin", "Tapahtumalistaus", "Blogi"]
    shown = {
        name: [t.get_text(strip=True) for t in s.select(".card__title")]
        for name, s in found.items()
    }
    assert shown == {
        "Materiaalipankki": ["Opas 3", "Opas 2", "Opas 1"],
        "Kotoutumistarjotin": ["Ryhmä 0", "Ryhmä 1", "Ryhmä 2"],
        "Tapahtumalistaus": ["Tapahtuma 0", "Tapahtuma 1", "Tapahtuma 2"],
        "Blogi": ["Kirjoitus 3", "Kirjoitus 2", "Kirjoitus 1"],
    }
    for name, section in found.items():
        link = section.select_one(".showcase__more a")
        assert link.get_text() == f"Katso kaikki 4 sivulla ”{name}”"
        assert link["href"].endswith("?organisation=vaestoliitto")
        listing = soup_of(client.get(link["href"]))
        titles = [t.get_text(strip=True) for t in listing.select(".card__title")]
        assert len(titles) == 4, name
        assert not any(title.startswith("Toisen") for title in titles), name


def test_an_organisation_with_nothing_of_a_kind_leaves_that_kind_out(client, soup_of):
    make.section(BlogIndexPage)
    organisation = make.organisation("Uusi järjestö")
    make.blog_post(organisation, "Ainoa kirjoitus")
    found = sections(soup_of(client.get(organisation.url)))
    assert list(found) == ["Blogi"]
    assert found["Blogi"].select_one(".showcase__more a").get_text() == ("Katso se sivulla ”Blogi”")


def test_contact_details_are_links_with_icons_hidden_from_screen_readers(client, soup_of):
    organisation = make.organisation(
        "Setlementti",
        contact_phone="+358 40 000 0003",
        contact_email="info@setlementti.example",
        address="Esimerkkikatu 3\n94100 Kemi",
        website="https://setlementti.example",
    )
    card = soup_of(client.get(organisation.url)).select_one(".contact-card")
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in card.select("dt")],
            card.select("dd"),
            strict=True,
        )
    )
    assert facts["Puhelin"].a["href"] == "tel:+358400000003"
    assert facts["Sähköposti"].a["href"] == "mailto:info@setlementti.example"
    assert facts["Osoite"].get_text(" ", strip=True) == "Esimerkkikatu 3 94100 Kemi"
    assert facts["Verkkosivusto"].a["href"] == "https://setlementti.example"
    for icon in card.select("dt svg"):
        assert icon["aria-hidden"] == "true" and not icon.get_text(strip=True)
    assert len(card.select("dt svg")) == 4
