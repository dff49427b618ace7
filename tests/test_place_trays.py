"""The trays of one region or municipality (issue 18, item 4): what reaches the place by the
tray's one reach rule, grouped by category and stage, its coverage and gaps in words,
printable; and the national matrix of regions by category."""

import re

import pytest
from django.contrib.staticfiles import finders

from network.models import (
    ActivityIndexPage,
    ActivityPage,
    IntegrationStage,
    Municipality,
    OrganisationLevel,
    Region,
)
from network.models.activities import PLACE_TRAY_GROUP_SIZE
from tests import factories as make

pytestmark = pytest.mark.django_db

TRAY = "/fi/toiminta/"
KEMI = f"{TRAY}kunta/kemi/"
LAPPI = f"{TRAY}alue/lappi/"
MATRIX = f"{TRAY}kattavuus/"


def stages(*slugs):
    return list(IntegrationStage.objects.filter(slug__in=slugs, locale__language_code="fi"))


def municipalities(*names):
    return list(Municipality.objects.filter(name__in=names))


def regions(*names):
    return list(Region.objects.filter(name__in=names))


@pytest.fixture
def activities():
    """One activity for each case of the reach rule, seen from Kemi (in Lappi)."""
    national = make.organisation("Valtakunnallinen järjestö")
    regional = make.organisation("Alueellinen järjestö", level=OrganisationLevel.REGIONAL)
    local = make.organisation("Paikallinen yhdistys", level=OrganisationLevel.LOCAL)
    make.activity(national, "Valtakunnallinen neuvonta", stages=stages("alkuvaihe"))
    make.activity(
        regional,
        "Lapin vertaisryhmä",
        category="participation",
        regions=regions("Lappi"),
        stages=stages("alkuvaihe", "osallistuminen"),
    )
    make.activity(regional, "Uudenmaan vertaisryhmä", regions=regions("Uusimaa"))
    make.activity(local, "Kemin kielikahvila", municipalities=municipalities("Kemi"))
    make.activity(
        local,
        "Rovaniemen kerho",
        category="recruitment",
        municipalities=municipalities("Rovaniemi"),
        stages=stages("vakiintunut"),
    )
    make.activity(local, "Helsingin kerho", municipalities=municipalities("Helsinki"))


def reasons(soup):
    """The activities listed in a place tray, each with why it reaches the place."""
    return {
        line.select_one(".activity-line__title").get_text(): line.select_one(
            ".activity-line__reach"
        ).get_text()
        for line in soup.select(".activity-line")
    }


def test_municipal_tray_lists_what_reaches_the_municipality_and_why(client, soup_of, activities):
    soup = soup_of(client.get(KEMI))
    assert soup.h1.get_text() == "Kunnan tarjotin: Kemi"
    assert soup.find("a", string="Lappi")["href"] == LAPPI
    assert reasons(soup) == {
        "Kemin kielikahvila": "paikallinen: Kemi",  # local in the municipality
        "Lapin vertaisryhmä": "alueellinen: Lappi",  # regional in its region
        "Valtakunnallinen neuvonta": "valtakunnallinen",
    }  # not local elsewhere in the region, regional elsewhere, local elsewhere


def test_regional_tray_adds_the_local_activities_of_its_municipalities(client, soup_of, activities):
    soup = soup_of(client.get(LAPPI))
    assert soup.h1.get_text() == "Alueellinen tarjotin: Lappi"
    assert reasons(soup) == {
        "Kemin kielikahvila": "paikallinen: Kemi",
        "Rovaniemen kerho": "paikallinen: Rovaniemi",  # local elsewhere in the region
        "Lapin vertaisryhmä": "alueellinen: Lappi",
        "Valtakunnallinen neuvonta": "valtakunnallinen",
    }
    # the municipal trays of the region that have activities of their own
    places = soup.find("nav", attrs={"aria-labelledby": "municipalities-heading"})
    assert {a.get_text(): a["href"] for a in places.find_all("a")} == {
        "Kemi": KEMI,
        "Rovaniemi": f"{TRAY}kunta/rovaniemi/",
    }


def test_activities_are_grouped_by_category_then_stage(client, soup_of, activities):
    soup = soup_of(client.get(KEMI))
    groups = {}
    for category in soup.select(".place-tray__category"):
        for stage in category.find_all("h4"):
            titles = [a.get_text() for a in stage.find_next("ul").select(".activity-line__title")]
            groups[(category.h3.get_text(), stage.get_text())] = titles
    assert groups == {
        ("Tuki", "Alkuvaihe ja alkukartoitus"): ["Valtakunnallinen neuvonta"],
        ("Tuki", "Vaihetta ei ole kerrottu"): ["Kemin kielikahvila"],
        # an activity with two stages is under both
        ("Osallistumismahdollisuus", "Alkuvaihe ja alkukartoitus"): ["Lapin vertaisryhmä"],
        ("Osallistumismahdollisuus", "Osallistuminen ja verkostot"): ["Lapin vertaisryhmä"],
    }


def matrix_cells(soup, caption_id="matrix-caption"):
    """{(row, column): cell} of the table with this caption."""
    table = soup.find(id=caption_id).find_parent("table")
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    return {
        (row.th.get_text(strip=True), column): cell
        for row in table.tbody.find_all("tr")
        for column, cell in zip(columns[1:], row.find_all("td"), strict=True)
    }


def test_empty_cells_of_the_coverage_say_none_in_words(client, soup_of, activities):
    soup = soup_of(client.get(KEMI))
    table = soup.find(id="matrix-caption").find_parent("table")
    assert table.find_parent(attrs={"role": "region", "tabindex": "0"})
    assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
    cells = matrix_cells(soup)
    assert len(cells) == 3 * 6
    counted = {key: cell.get_text(strip=True) for key, cell in cells.items() if cell.a}
    assert counted == {
        ("Tuki", "Alkuvaihe ja alkukartoitus"): "1",
        ("Osallistumismahdollisuus", "Alkuvaihe ja alkukartoitus"): "1",
        ("Osallistumismahdollisuus", "Osallistuminen ja verkostot"): "1",
    }
    for key, cell in cells.items():
        if key not in counted:
            assert cell.get_text(strip=True) == "ei yhtään", key


def test_gaps_are_listed_in_words(client, soup_of, activities):
    soup = soup_of(client.get(KEMI))
    gaps = [li.get_text() for li in soup.select("ul.gaps li")]
    assert gaps == [
        "Tuki: ei yhtään vaiheissa Maahan saapuminen, Kotoutumiskoulutus ja kielen opiskelu, "
        "Työ, opiskelu ja harjoittelu, Osallistuminen ja verkostot, Vakiintunut elämä Suomessa",
        "Osallistumismahdollisuus: ei yhtään vaiheissa Maahan saapuminen, Kotoutumiskoulutus ja "
        "kielen opiskelu, Työ, opiskelu ja harjoittelu, Vakiintunut elämä Suomessa",
        "Rekrytointi järjestön toimintaan: ei yhtään vaiheissa Maahan saapuminen, Alkuvaihe ja "
        "alkukartoitus, Kotoutumiskoulutus ja kielen opiskelu, Työ, opiskelu ja harjoittelu, "
        "Osallistuminen ja verkostot, Vakiintunut elämä Suomessa",
    ]
    # Rovaniemi's recruitment is in the regional tray: one stage less missing
    soup = soup_of(client.get(LAPPI))
    assert (
        soup.select("ul.gaps li")[2]
        .get_text()
        .endswith("Työ, opiskelu ja harjoittelu, Osallistuminen ja verkostot")
    )


@pytest.mark.parametrize(
    "url",
    [
        f"{TRAY}alue/atlantis/",
        f"{TRAY}kunta/atlantis/",
        f"{TRAY}kunta/lappi/",  # a region is not a municipality
        f"{TRAY}alue/kemi/",
        f"{TRAY}kunta/%C3%A4%27%3Cb%3E/",
    ],
)
def test_unknown_places_are_not_found(client, soup_of, url):
    make.section(ActivityIndexPage)
    response = client.get(url)
    assert response.status_code == 404
    assert soup_of(response).h1.get_text() == "Sivua ei löytynyt"


def test_swedish_tray_and_its_not_found_page_are_in_swedish(client, soup_of, activities):
    make.section(ActivityIndexPage, "sv")
    soup = soup_of(client.get("/sv/toiminta/kunta/kemi/"))
    assert soup.html["lang"] == "sv" and soup.html["dir"] == "ltr"
    assert soup.h1.get_text() == "Kommunens bricka: Kemi"
    assert reasons(soup)["Lapin vertaisryhmä"] == "regional: Lappi"
    # the Finnish originals shown in the Swedish tray say their language
    line = soup.find("a", string="Kemin kielikahvila").find_parent(class_="activity-line")
    assert line["lang"] == "fi"
    response = client.get("/sv/toiminta/alue/atlantis/")
    assert response.status_code == 404
    assert soup_of(response).html["lang"] == "sv"


def test_arabic_tray_has_an_arabic_interface_and_marks_finnish_content(client, soup_of, activities):
    make.section(ActivityIndexPage, "ar")
    response = client.get("/ar/toiminta/alue/lappi/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    # the interface is in Arabic, in the page's language
    assert soup.h1.get_text(strip=True) == "دليل أنشطة المنطقة: Lappi"
    assert not soup.h1.has_attr("lang")
    for part in soup.select(".table-scroll, ul.gaps, h3, h4"):
        assert not part.has_attr("lang"), part
    lines = soup.select(".activity-line")
    assert lines
    for line in lines:  # untranslated Finnish originals
        assert (line["lang"], line["dir"]) == ("fi", "ltr")
        reach = line.select_one(".activity-line__reach")
        assert (reach["lang"], reach["dir"]) == ("ar", "rtl"), reach
    assert client.get("/ar/toiminta/kunta/atlantis/").status_code == 404
    soup = soup_of(client.get("/ar/toiminta/?municipality=kemi"))
    link = soup.find("a", href="/ar/toiminta/kunta/kemi/")
    assert link.get_text(strip=True) == "فتح دليل أنشطة البلدية: Kemi"
    assert not link.parent.has_attr("lang")


def print_rules(css):
    """The declarations of ``@media print`` blocks in ``css``, by selector."""
    rules = {}
    for block in re.finditer(r"@media print\s*{((?:[^{}]*{[^{}]*})*)\s*}", css):
        for selectors, body in re.findall(r"([^{}]+){([^{}]*)}", block.group(1)):
            for selector in selectors.split(","):
                rules.setdefault(selector.strip(), "")
                rules[selector.strip()] += body
    return rules


def test_tray_prints_without_navigation_or_controls(client, soup_of, activities):
    soup = soup_of(client.get(KEMI))
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert "/static/css/tarjotin.css" in stylesheets
    css = open(finders.find("css/tarjotin.css"), encoding="utf-8").read()
    rules = print_rules(css)
    for hidden in (".site-header", ".main-menu", ".site-footer", ".place-tray__actions"):
        assert "display: none" in rules[hidden], hidden
    assert "overflow: visible" in rules[".table-scroll"]  # the matrix is on paper, not scrolled
    assert "size: A4" in css
    # the print button: a real button, hidden unless the script shows it
    button = soup.find("button", attrs={"data-print": True})
    assert button["type"] == "button" and button.has_attr("hidden")
    assert soup.find("script", src="/static/js/print.js")
    assert "window.print()" in open(finders.find("js/print.js"), encoding="utf-8").read()
    assert not soup.find("script", src=None)  # nothing inline, as the CSP demands


def listed_titles(client, soup_of, url):
    soup = soup_of(client.get(url))
    return sorted(a.get_text() for a in soup.select(".card__title a"))


PLACES = [("kunta", "kemi"), ("kunta", "rovaniemi"), ("kunta", "helsinki"), ("alue", "lappi")]
PLACES += [("alue", "uusimaa"), ("alue", "ahvenanmaa")]


@pytest.mark.parametrize("kind,slug", PLACES)
def test_counts_equal_the_tray_and_the_filter_for_the_same_place(
    client, soup_of, activities, kind, slug
):
    """One rule: a place tray's matrix counts what the tray lists under each category and
    stage, its links lead to a filtered listing with as many, and the filter lists the tray."""
    soup = soup_of(client.get(f"{TRAY}{kind}/{slug}/"))
    listed = {}
    for category in soup.select(".place-tray__category"):
        for stage in category.find_all("h4"):
            items = stage.find_next("ul").select(".activity-line__title")
            listed[(category.h3.get_text(), stage.get_text())] = len(items)
    for (category, stage), cell in matrix_cells(soup).items():
        count = int(cell.a.get_text()) if cell.a else 0
        assert count == listed.get((category, stage), 0), (category, stage)
        if cell.a:
            assert len(listed_titles(client, soup_of, cell.a["href"])) == count
    filter_name = {"kunta": "municipality", "alue": "region"}[kind]
    tray_titles = sorted(set(reasons(soup)))
    assert listed_titles(client, soup_of, f"{TRAY}?{filter_name}={slug}") == tray_titles
    place = (Municipality if kind == "kunta" else Region).objects.get(slug=slug)
    reaching = ActivityPage.objects.live().filter(locale__language_code="fi").reaching(place)
    assert sorted(reaching.values_list("title", flat=True)) == tray_titles


def test_national_matrix_counts_each_region_and_links_to_its_tray(client, soup_of, activities):
    soup = soup_of(client.get(MATRIX))
    cells = matrix_cells(soup, "regions-caption")
    table = soup.find(id="regions-caption").find_parent("table")
    rows = {row.th.get_text(strip=True): row.th for row in table.tbody.find_all("tr")}
    assert len(rows) == Region.objects.count() == 19
    for name, header in rows.items():
        region = Region.objects.get(name=name)
        tray_url = f"{TRAY}alue/{region.slug}/"
        assert header["scope"] == "row" and header.a["href"] == tray_url
        tray = soup_of(client.get(tray_url))
        for category in ("Tuki", "Osallistumismahdollisuus", "Rekrytointi järjestön toimintaan"):
            section = tray.find("h3", string=category)
            in_tray = set()
            if section:
                in_tray = {a.get_text() for a in section.parent.select(".activity-line__title")}
            cell = cells[(name, category)]
            assert cell.get_text(strip=True) == (str(len(in_tray)) if in_tray else "ei yhtään")
    recruitment = "Rekrytointi järjestön toimintaan"
    assert cells[("Lappi", "Tuki")].get_text(strip=True) == "2"  # national, Kemi
    assert cells[("Uusimaa", "Tuki")].get_text(strip=True) == "3"  # national, regional, Helsinki
    assert cells[("Lappi", recruitment)].get_text(strip=True) == "1"
    assert cells[("Uusimaa", recruitment)].get_text(strip=True) == "ei yhtään"


def test_online_activities_reach_every_place_by_the_one_rule(client, soup_of, activities):
    """An activity joined online reaches every place: the trays, the filter and the counts
    all say so (the rule's online reason); a paused one reaches nowhere."""
    local = make.organisation("Verkkoyhdistys", level=OrganisationLevel.LOCAL)
    oulu = {"municipalities": municipalities("Oulu"), "stages": stages("alkuvaihe")}
    make.activity(local, "Oulun verkkokerho", online=True, **oulu)
    make.activity(local, "Oulun kerho", **oulu)
    make.activity(local, "Tauolla oleva verkkokerho", online=True, status="paused", **oulu)
    kemi = reasons(soup_of(client.get(KEMI)))
    assert kemi["Oulun verkkokerho"] == "verkossa"
    assert "Oulun kerho" not in kemi and "Tauolla oleva verkkokerho" not in kemi
    assert reasons(soup_of(client.get(LAPPI)))["Oulun verkkokerho"] == "verkossa"
    # where it also meets, the more specific reason
    oulu_tray = reasons(soup_of(client.get(f"{TRAY}kunta/oulu/")))
    assert oulu_tray["Oulun verkkokerho"] == "paikallinen: Oulu"
    assert "Oulun verkkokerho" in listed_titles(client, soup_of, f"{TRAY}?municipality=kemi")
    cells = matrix_cells(soup_of(client.get(MATRIX)), "regions-caption")
    assert cells[("Lappi", "Tuki")].get_text(strip=True) == "3"  # national, Kemi, online
    kemi_matrix = matrix_cells(soup_of(client.get(f"{MATRIX}?municipality=kemi")))
    assert kemi_matrix[("Tuki", "Alkuvaihe ja alkukartoitus")].get_text(strip=True) == "2"


def test_tray_links_to_the_place_trays(client, soup_of, activities):
    soup = soup_of(client.get(TRAY))
    assert soup.find("a", string="Maakuntien ja kuntien tarjottimet")["href"].startswith(MATRIX)
    soup = soup_of(client.get(f"{TRAY}?municipality=kemi&region=lappi"))
    assert soup.find("a", string="Avaa kunnan tarjotin: Kemi")["href"] == KEMI
    assert soup.find("a", string="Avaa maakunnan tarjotin: Lappi")["href"] == LAPPI
    soup = soup_of(client.get(f"{TRAY}?municipality=atlantis"))
    assert not soup.find("a", href=re.compile("/kunta/"))


def add_activities(count):
    """``count`` activities spread over places and levels, with stages."""
    organisation = make.organisation("Lisäjärjestö", level=OrganisationLevel.LOCAL)
    places = ["Kemi", "Rovaniemi", "Tornio", "Helsinki"]
    for number in range(count):
        make.activity(
            organisation,
            f"Lisätoiminta {number}",
            category=["support", "participation", "recruitment"][number % 3],
            level=[OrganisationLevel.LOCAL, OrganisationLevel.REGIONAL][number % 2],
            municipalities=municipalities(places[number % 4]),
            regions=regions("Lappi"),
            stages=stages("alkuvaihe", "osallistuminen"),
        )


@pytest.mark.parametrize("url", [KEMI, LAPPI, MATRIX])
def test_place_trays_and_national_matrix_have_constant_queries(query_count, url):
    add_activities(3)
    before = query_count(url)
    add_activities(9)
    assert query_count(url) == before


def test_a_long_group_lists_the_most_local_first_and_links_to_the_rest(client, soup_of, activities):
    national = make.organisation("Toinen valtakunnallinen")
    for number in range(12):
        make.activity(national, f"Neuvonta {number:02}", stages=stages("alkuvaihe"))
    local = make.organisation("Kemin yhdistys", level=OrganisationLevel.LOCAL)
    make.activity(
        local, "Ö-kerho", municipalities=municipalities("Kemi"), stages=stages("alkuvaihe")
    )
    soup = soup_of(client.get(KEMI))
    heading = soup.find("h4", string="Alkuvaihe ja alkukartoitus")
    titles = [a.get_text() for a in heading.find_next("ul").select(".activity-line__title")]
    # 14 activities of support at this stage: the local one first, then by title
    assert titles == ["Ö-kerho"] + [f"Neuvonta {n:02}" for n in range(PLACE_TRAY_GROUP_SIZE - 1)]
    more = heading.find_next("ul").find_next_sibling("p").a
    assert more.get_text() == f"{14 - PLACE_TRAY_GROUP_SIZE} lisää tarjottimella"
    tray = soup_of(client.get(more["href"]))
    assert more["href"] == f"{TRAY}?municipality=kemi&category=support&stage=alkuvaihe"
    assert tray.find(id="results-heading").get_text() == "14 toimintaa"
