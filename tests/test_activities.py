"""The integration tray: activity pages, combinable filters and the coverage matrix."""

import pytest
from wagtail.models import Locale

from home.models import Language
from network.models import (
    ActivityIndexPage,
    ActivityPage,
    IntegrationStage,
    Municipality,
    OrganisationLevel,
    OrganisationPage,
    Region,
    TargetGroup,
)
from tests import factories as make

pytestmark = pytest.mark.django_db

TRAY = "/fi/toiminta/"
# the tray's national activities, open to people anywhere in Finland
NATIONAL = [
    "Puhutaan kotoutumisesta -vertaisryhmät",
    "Vapaaehtoiseksi Punaiseen Ristiin",
    "Womento-työuramentorointi",
]


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs, locale__language_code="fi"))


def languages(*codes):
    return list(Language.objects.filter(code__in=codes))


def places(*names):
    return list(Municipality.objects.filter(name__in=names))


@pytest.fixture
def tray():
    """Five activities of four organisations: three national ones, a regional one in some
    municipalities of Lappi, a local one in Oulu, each with its own category, stages, target
    groups and languages. Titles to the activities."""
    vaestoliitto = make.organisation("Väestöliitto")
    red_cross = make.organisation("Suomen Punainen Risti")
    settlement = make.organisation("Toivola-Luotola-setlementti", level=OrganisationLevel.REGIONAL)
    oulu = make.organisation(
        "Oulun kaupunki, maahanmuuttajapalvelut", level=OrganisationLevel.LOCAL
    )
    activities = [
        make.activity(
            vaestoliitto,
            "Womento-työuramentorointi",
            stages=terms(IntegrationStage, "tyo-ja-opiskelu"),
            target_groups=terms(TargetGroup, "naiset"),
            languages=languages("fi", "en"),
        ),
        make.activity(
            vaestoliitto,
            "Puhutaan kotoutumisesta -vertaisryhmät",
            category="participation",
            stages=terms(IntegrationStage, "alkuvaihe", "kotoutumiskoulutus"),
            target_groups=terms(TargetGroup, "turvapaikanhakijat", "perheet"),
            languages=languages("fi", "ar", "so", "fa"),
        ),
        make.activity(
            settlement,
            "Äitiryhmät Meri-Lapissa",
            slug="meri-lapin-aitiryhmat",
            municipalities=places("Kemi", "Keminmaa", "Simo", "Tervola", "Tornio"),
            stages=terms(IntegrationStage, "alkuvaihe", "osallistuminen"),
            target_groups=terms(TargetGroup, "aidit", "perheet"),
            languages=languages("fi"),
            childcare=True,
        ),
        make.activity(
            oulu,
            "Perhe Yhtenäiseksi -perhetyö",
            municipalities=places("Oulu"),
            stages=terms(IntegrationStage, "saapuminen", "alkuvaihe"),
            target_groups=terms(TargetGroup, "perheet", "pakolaiset", "lapset"),
            languages=languages("fi", "ar"),
        ),
        make.activity(
            red_cross,
            "Vapaaehtoiseksi Punaiseen Ristiin",
            category="recruitment",
            stages=terms(IntegrationStage, "osallistuminen", "vakiintunut"),
            target_groups=terms(TargetGroup, "nuoret", "naiset", "miehet"),
            languages=languages("fi", "sv", "en"),
        ),
    ]
    return {activity.title: activity for activity in activities}


def titles(soup):
    return sorted(a.get_text() for a in soup.select(".card__title a"))


@pytest.mark.parametrize(
    "query,expected",
    [
        ("municipality=kemi", sorted(["Äitiryhmät Meri-Lapissa"] + NATIONAL)),
        # a region, like a municipality, gets what reaches it (tests/test_place_trays.py)
        ("region=lappi", sorted(["Äitiryhmät Meri-Lapissa"] + NATIONAL)),
        ("region=pohjois-pohjanmaa", sorted(["Perhe Yhtenäiseksi -perhetyö"] + NATIONAL)),
        ("childcare=on", ["Äitiryhmät Meri-Lapissa"]),
        ("category=recruitment", ["Vapaaehtoiseksi Punaiseen Ristiin"]),
        (
            "organisation=vaestoliitto",
            ["Puhutaan kotoutumisesta -vertaisryhmät", "Womento-työuramentorointi"],
        ),
        (
            "target=perheet&language=ar",
            ["Perhe Yhtenäiseksi -perhetyö", "Puhutaan kotoutumisesta -vertaisryhmät"],
        ),
        ("target=perheet&language=ar&stage=saapuminen", ["Perhe Yhtenäiseksi -perhetyö"]),
        (
            "municipality=kemi&target=aidit&language=fi&childcare=on&category=support&stage=alkuvaihe"
            "&organisation=toivola-luotola-setlementti&region=lappi",
            ["Äitiryhmät Meri-Lapissa"],
        ),
        ("municipality=helsinki", NATIONAL),
        ("municipality=helsinki&category=recruitment", ["Vapaaehtoiseksi Punaiseen Ristiin"]),
    ],
)
def test_filters_combine_and_are_shareable(client, soup_of, tray, query, expected):
    response = client.get(f"{TRAY}?{query}")
    assert response.status_code == 200
    soup = soup_of(response)
    assert titles(soup) == expected
    for name, value in (pair.split("=") for pair in query.split("&")):
        field = soup.find(attrs={"name": name})
        if field.name == "select":
            assert field.find("option", selected=True)["value"] == value
        else:
            assert field.has_attr("checked")


def test_unknown_filter_value_gets_a_clear_error_and_keeps_the_page(client, soup_of, tray):
    response = client.get(f"{TRAY}?municipality=atlantis&target=perheet")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one(".field-error") is not None
    # the valid filter still applies
    assert titles(soup) == sorted(
        ActivityPage.objects.live()
        .filter(locale__language_code="fi", target_groups__slug="perheet")
        .values_list("title", flat=True)
    )


def test_filters_have_labels(client, soup_of, tray):
    soup = soup_of(client.get(TRAY))
    for field in soup.select("form.filters select, form.filters input"):
        assert soup.find("label", attrs={"for": field["id"]}), field["name"]


def test_matrix_counts_and_shows_gaps(client, soup_of, tray):
    soup = soup_of(client.get(f"{TRAY}kattavuus/"))
    rows = {row.th.get_text(strip=True): row for row in soup.select("tbody tr")}
    support = rows["Tuki"] if "Tuki" in rows else rows["Support"]
    links = {a["href"]: a.get_text() for a in support.select("a")}
    assert links[f"{TRAY}?category=support&stage=alkuvaihe"] == "2"
    gaps = soup.select(".matrix__cell--gap")
    assert gaps and all(cell.get_text(strip=True) for cell in gaps)  # a gap says so in words
    recruitment = [row for label, row in rows.items() if row.select_one("a[href*=recruitment]")][0]
    assert recruitment.select(".matrix__cell--gap")


def test_matrix_link_leads_to_the_filtered_listing(client, soup_of, tray):
    soup = soup_of(client.get(f"{TRAY}?category=support&stage=alkuvaihe"))
    assert titles(soup) == ["Perhe Yhtenäiseksi -perhetyö", "Äitiryhmät Meri-Lapissa"]


def test_activity_page_shows_taxonomies_in_the_page_language(client, soup_of, tray):
    make.home("sv")
    activity = tray["Äitiryhmät Meri-Lapissa"]
    soup = soup_of(client.get(activity.url))
    facts = soup.select_one("dl.facts").get_text(" ", strip=True)
    assert "Äidit" in facts and "Kemi" in facts and "Tornio" in facts
    swedish = activity.copy_for_translation(
        Locale.objects.get(language_code="sv"), copy_parents=True
    )
    swedish.save_revision().publish()
    soup = soup_of(client.get(swedish.url))
    assert soup.html["lang"] == "sv"
    assert "Mammor" in soup.select_one("dl.facts").get_text()


def test_organisation_page_lists_its_activities(client, soup_of, tray):
    soup = soup_of(client.get("/fi/jarjestot/vaestoliitto/"))
    tray_title = ActivityIndexPage.objects.get(locale__language_code="fi").title
    section = soup.find("h2", string=tray_title).find_parent("section")
    assert {a.get_text() for a in section.select(".card__title a")} == {
        "Womento-työuramentorointi",
        "Puhutaan kotoutumisesta -vertaisryhmät",
    }


def test_seeded_taxonomies_exist_in_three_languages():
    for model in (IntegrationStage, TargetGroup):
        for code in ("fi", "sv", "en"):
            assert model.objects.filter(locale__language_code=code).count() >= 6
    assert Language.objects.filter(code="ar", is_rtl=True).exists()


def add_activities(count):
    organisation = OrganisationPage.objects.get(slug="toivola-luotola-setlementti")
    for number in range(count):
        make.activity(
            organisation,
            f"Lisäryhmä {number}",
            municipalities=places("Kemi"),
            target_groups=terms(TargetGroup, "aidit"),
            stages=terms(IntegrationStage, "alkuvaihe"),
            languages=languages("fi"),
            childcare=True,
        )


def test_listing_with_all_filters_has_constant_queries(query_count, tray):
    url = (
        f"{TRAY}?municipality=kemi&target=aidit&language=fi&childcare=on&category=support"
        "&stage=alkuvaihe&organisation=toivola-luotola-setlementti&region=lappi"
    )
    before = query_count(url)
    add_activities(15)
    assert query_count(url) == before


def add_activity(title, level, regions=(), municipalities=(), category="support"):
    return make.activity(
        OrganisationPage.objects.get(slug="toivola-luotola-setlementti"),
        title,
        category=category,
        level=level,
        regions=list(Region.objects.filter(name__in=regions)),
        municipalities=places(*municipalities),
        stages=terms(IntegrationStage, "alkuvaihe"),
    )


@pytest.fixture
def activities_at_each_level(tray):
    add_activity("Paikallinen Helsingissä", "local", municipalities=["Helsinki"])
    add_activity("Paikallinen Tampereella", "local", municipalities=["Tampere"])
    add_activity("Alueellinen Uudellamaalla", "regional", regions=["Uusimaa"])
    add_activity("Alueellinen Pirkanmaalla", "regional", regions=["Pirkanmaa"])
    add_activity("Valtakunnallinen", "national")


REACH = {
    # municipality: the activities above that reach it (besides the tray's national ones)
    "helsinki": ["Alueellinen Uudellamaalla", "Paikallinen Helsingissä", "Valtakunnallinen"],
    "espoo": ["Alueellinen Uudellamaalla", "Valtakunnallinen"],
    "tampere": ["Alueellinen Pirkanmaalla", "Paikallinen Tampereella", "Valtakunnallinen"],
    "rovaniemi": ["Valtakunnallinen"],
    # the Meri-Lappi groups are regional but run in the municipalities they name, not all of Lappi
    "kemi": ["Valtakunnallinen", "Äitiryhmät Meri-Lapissa"],
}


@pytest.mark.parametrize("municipality", REACH)
def test_tray_lists_exactly_the_activities_reaching_a_municipality(
    client, soup_of, activities_at_each_level, municipality
):
    expected = sorted(REACH[municipality] + NATIONAL)
    soup = soup_of(client.get(f"{TRAY}?municipality={municipality}"))
    assert titles(soup) == expected
    assert soup.select_one("#results-heading").get_text() == f"{len(expected)} toimintaa"
    place = Municipality.objects.get(slug=municipality)
    reaching = ActivityPage.objects.live().filter(locale__language_code="fi").reaching(place)
    assert sorted(reaching.values_list("title", flat=True)) == expected


def test_activity_in_several_places_is_listed_once(client, soup_of, tray):
    add_activity(
        "Koko Uusimaa ja Helsinki", "regional", regions=["Uusimaa"], municipalities=["Helsinki"]
    )
    soup = soup_of(client.get(f"{TRAY}?municipality=helsinki"))
    assert titles(soup) == sorted(["Koko Uusimaa ja Helsinki"] + NATIONAL)
    assert soup.select_one("#results-heading").get_text() == "4 toimintaa"


def test_matrix_counts_what_reaches_a_municipality(client, soup_of, activities_at_each_level):
    def support_early(query):
        soup = soup_of(client.get(f"{TRAY}kattavuus/{query}"))
        link = soup.select_one("a[href*='category=support&stage=alkuvaihe']")
        return link["href"], int(link.get_text())

    # every activity above is support in the early stage, besides the tray's two
    assert support_early("") == (f"{TRAY}?category=support&stage=alkuvaihe", 7)
    href, count = support_early("?municipality=helsinki")
    assert count == 3
    assert href == f"{TRAY}?category=support&stage=alkuvaihe&municipality=helsinki"
    assert len(titles(soup_of(client.get(href)))) == count
    assert support_early("?municipality=rovaniemi")[1] == 1


def test_matrix_with_unknown_municipality_says_so_and_counts_everything(client, soup_of, tray):
    response = client.get(f"{TRAY}kattavuus/?municipality=atlantis")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one(".field-error") is not None
    assert soup.select_one("#id_municipality")["aria-invalid"] == "true"
    link = soup.select_one("a[href*='category=support&stage=alkuvaihe']")
    assert link["href"] == f"{TRAY}?category=support&stage=alkuvaihe" and link.get_text() == "2"


def test_text_filter_understands_inflected_finnish_and_combines(client, soup_of, tray):
    for activity in tray.values():
        activity.save()  # indexed with the taxonomies the fixture gave it
    assert titles(soup_of(client.get(f"{TRAY}?q=mentorointia"))) == ["Womento-työuramentorointi"]
    groups = ["Puhutaan kotoutumisesta -vertaisryhmät", "Äitiryhmät Meri-Lapissa"]
    assert titles(soup_of(client.get(f"{TRAY}?q=ryhmissä"))) == groups
    # the words narrow what the other filters chose, and stay in the form
    soup = soup_of(client.get(f"{TRAY}?q=ryhmä&municipality=helsinki"))
    assert titles(soup) == ["Puhutaan kotoutumisesta -vertaisryhmät"]
    assert soup.select_one("form.filters input[name=q]")["value"] == "ryhmä"
    assert titles(soup_of(client.get(f"{TRAY}?q=mentorointia&category=recruitment"))) == []


def test_text_filter_with_the_search_engine_down_says_so_and_still_filters(
    client, soup_of, tray, settings
):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": ["http://127.0.0.1:9"],  # the discard port: nothing listens on it here
            "INDEX_PREFIX": "tarjotin_tray_",
            "TIMEOUT": 5,
        }
    }
    response = client.get(f"{TRAY}?q=äitiryhmä&childcare=on")
    assert response.status_code == 200
    soup = soup_of(response)
    assert (
        soup.select_one("[role=alert]")
        .get_text()
        .startswith("Tekstihaku ei ole juuri nyt käytettävissä")
    )
    assert titles(soup) == ["Äitiryhmät Meri-Lapissa"]


def reasons(soup):
    """{title: why it is listed} of the tray's cards that say why."""
    return {
        card.select_one(".card__title a").get_text(): card.select_one(".card__reach").get_text()
        for card in soup.select(".card")
        if card.select_one(".card__reach")
    }


def test_each_activity_says_why_it_reaches_the_place_chosen(client, soup_of, tray):
    national = dict.fromkeys(NATIONAL, "valtakunnallinen")
    kemi = reasons(soup_of(client.get(f"{TRAY}?municipality=kemi")))
    assert kemi == {"Äitiryhmät Meri-Lapissa": "paikallinen: Kemi", **national}
    lapland = reasons(soup_of(client.get(f"{TRAY}?region=lappi")))
    assert lapland == {
        "Äitiryhmät Meri-Lapissa": "paikallinen: Kemi, Keminmaa, Simo, Tervola, Tornio",
        **national,
    }
    # the municipality, the more specific place, explains when both are chosen
    both = reasons(soup_of(client.get(f"{TRAY}?region=lappi&municipality=tornio")))
    assert both["Äitiryhmät Meri-Lapissa"] == "paikallinen: Tornio"
    # with no place chosen there is nothing to explain
    assert reasons(soup_of(client.get(TRAY))) == {}


def test_a_regional_activity_says_it_reaches_its_region(client, soup_of):
    settlement = make.organisation("Lapin setlementti", level=OrganisationLevel.REGIONAL)
    make.activity(
        settlement,
        "Lapin opintopiiri",
        level=OrganisationLevel.REGIONAL,
        regions=list(Region.objects.filter(slug="lappi")),
        municipalities=places("Rovaniemi"),
    )
    soup = soup_of(client.get(f"{TRAY}?municipality=kemi"))
    assert reasons(soup) == {"Lapin opintopiiri": "alueellinen: Lappi"}
