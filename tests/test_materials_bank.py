"""The materials bank: material pages with files per language, and combinable facets."""

import pytest
from wagtail.models import Locale, Page

from home.models import Language
from materials.models import Audience, MaterialFile, MaterialIndexPage, MaterialPage, Topic
from network.models import OrganisationLevel
from tests import factories as make

pytestmark = pytest.mark.django_db

BANK = "/fi/materiaalipankki/"


@pytest.fixture
def bank(indexed_pages):
    """Four organisations' materials (and a draft that is not listed), with each facet's
    values spread so that every choice keeps some and leaves some out. Titles to the
    materials."""
    family = make.organisation("Perheliitto")
    local = make.organisation("Perheliiton Oulun yhdistys", level=OrganisationLevel.LOCAL)
    aid = make.organisation("Avustusjärjestö")
    settlement = make.organisation("Setlementti")
    parenting = Topic.objects.get(slug="vanhemmuus", locale__language_code="fi")
    facilitators = {
        "audiences": [Audience.objects.get(slug="ohjaajat", locale__language_code="fi")]
    }
    materials = [
        make.material_with_files(
            family,
            "Lastenkasvatusvihko: Huoltajuus",
            ["fi", "ar"],
            material_type="booklet",
            year=2019,
            topics=[parenting],
            tags=["vertaistuki"],
        ),
        make.material_with_files(
            family,
            "Lastenkasvatusvihko: Koulunkäynti",
            ["ar", "ru"],
            material_type="booklet",
            year=2021,
            topics=[parenting],
        ),
        make.material_with_files(
            local,
            "Vauvavihko",
            ["fi", "ru"],
            material_type="booklet",
            year=2020,
            topics=[parenting],
            **facilitators,
        ),
        make.material_with_files(aid, "Sanasto", ["fi", "ar", "so"], year=2022),
        make.material_with_files(
            aid, "Kotoutumisopas", ["fi", "ar"], year=2019, tags=["vertaistuki"], **facilitators
        ),
        make.material_with_files(aid, "Womento-opas", ["fi"], year=2023),
        make.material_with_files(
            settlement, "Arviointiraportti", ["fi"], material_type="report", year=2018
        ),
        make.material_with_files(
            settlement, "Koulutusdiat", ["fi"], material_type="presentation", year=2020
        ),
        make.material_with_files(
            settlement, "Luonnosraportti", ["fi", "ar"], material_type="report", live=False
        ),
    ]
    return {material.title: indexed_pages(material) for material in materials}


def titles(soup):
    return [a.get_text() for a in soup.select(".card__title a")]


def facet(soup, name):
    return {
        box["value"]: (
            int(box.find_next("span", class_="count").get_text().strip("()")),
            box.has_attr("checked"),
        )
        for box in soup.select(f"input[type=checkbox][name={name}]")
    }


def test_bank_lists_materials_of_every_organisation(client, soup_of, bank):
    soup = soup_of(client.get(BANK))
    assert (
        f"{MaterialPage.objects.live().filter(locale__language_code='fi').count()} "
        in soup.select_one("#results-heading").get_text()
    )
    organisations = facet(soup, "organisation")
    assert {"perheliitto", "avustusjarjesto", "setlementti"} <= set(organisations)


def test_facets_combine_and_count_what_each_choice_would_give(client, soup_of, bank):
    soup = soup_of(client.get(f"{BANK}?language=ar&type=booklet"))
    found = titles(soup)
    assert found and all(title.startswith("Lastenkasvatusvihko") for title in found)
    expected = (
        MaterialPage.objects.filter(
            locale__language_code="fi",
            material_type="booklet",
            files__document__language__code="ar",
        )
        .distinct()
        .count()
    )
    assert len(found) == expected
    languages = facet(soup, "language")
    assert languages["ar"] == (expected, True)
    # counts of another language are counted with the type filter applied, not the language one
    assert (
        languages["ru"][0]
        == MaterialPage.objects.filter(
            material_type="booklet", files__document__language__code="ru"
        )
        .distinct()
        .count()
    )
    types = facet(soup, "type")
    assert types["booklet"][1] is True
    assert (
        types["guide"][0]
        == MaterialPage.objects.filter(material_type="guide", files__document__language__code="ar")
        .distinct()
        .count()
    )


def test_two_values_of_one_facet_widen_the_selection(client, soup_of, bank):
    one = titles(soup_of(client.get(f"{BANK}?type=report")))
    both = titles(soup_of(client.get(f"{BANK}?type=report&type=presentation")))
    assert set(one) < set(both)


def result_count(soup):
    return int(soup.select_one("#results-heading").get_text().split()[0])


@pytest.mark.parametrize(
    "query,lookup",
    [
        ("organisation=perheliitto", {"path__startswith": "PERHELIITTO"}),
        ("year=2019", {"year": 2019}),
        ("topic=vanhemmuus", {"topics__slug": "vanhemmuus"}),
        ("audience=ohjaajat", {"audiences__slug": "ohjaajat"}),
        ("tag=vertaistuki", {"tags__slug": "vertaistuki"}),
        ("q=Womento", {"title__icontains": "Womento"}),
    ],
)
def test_each_facet_and_the_text_filter(client, soup_of, bank, query, lookup):
    if "path__startswith" in lookup:
        lookup = {
            "path__startswith": Page.objects.get(
                slug="perheliitto", locale__language_code="fi"
            ).path
        }
    expected = (
        MaterialPage.objects.live().filter(locale__language_code="fi", **lookup).distinct().count()
    )
    total = MaterialPage.objects.live().filter(locale__language_code="fi").count()
    soup = soup_of(client.get(f"{BANK}?{query}"))
    assert result_count(soup) == expected < total
    assert expected > 0


def test_a_tag_no_material_has_lists_nothing(client, soup_of, bank):
    """An unknown tag narrows to nothing rather than being ignored."""
    soup = soup_of(client.get(f"{BANK}?tag=ei-ole"))
    assert result_count(soup) == 0
    assert titles(soup) == []


def test_sort_by_title(client, soup_of, bank):
    found = titles(soup_of(client.get(f"{BANK}?organisation=avustusjarjesto&sort=title")))
    assert found == sorted(found) == ["Kotoutumisopas", "Sanasto", "Womento-opas"]


def test_sort_by_most_downloaded(client, soup_of, bank):
    """The runner-up comes first by title, and each of the popular one's files has no more
    downloads than it: only their sum puts the popular one first."""
    from materials.models.documents import DownloadCount

    popular = bank["Sanasto"]
    for file in popular.files.all():  # several files: their downloads add up
        DownloadCount.record(file.document)
    runner_up = bank["Kotoutumisopas"]
    DownloadCount.record(runner_up.files.first().document)
    found = titles(soup_of(client.get(f"{BANK}?sort=downloads")))
    assert found[:2] == [popular.title, runner_up.title]


def test_material_page_offers_one_download_per_language_in_its_own_name(client, soup_of):
    material = make.material_with_files(
        make.organisation("Perheliitto"),
        "Lastenkasvatusvihko: Lapsen kasvattaminen",
        ["fi", "ar", "so", "ru", "en"],
        licence="cc-by-4.0",
    )
    soup = soup_of(client.get(material.url))
    buttons = soup.select(".download__button")
    names = {
        button.find("span", lang=True)["lang"]: button.find("span", lang=True).get_text()
        for button in buttons
    }
    assert names == {
        "fi": "suomi",
        "ar": "العربية",
        "so": "Soomaali",
        "ru": "Русский",
        "en": "English",
    }
    arabic = next(button for button in buttons if button.get("hreflang") == "ar")
    assert arabic.find("span", lang="ar")["dir"] == "rtl"
    licence = soup.find("a", rel="license")
    assert (
        licence.get_text() == "CC BY 4.0"
        and "creativecommons.org/licenses/by/4.0" in licence["href"]
    )


def test_the_same_files_are_offered_from_a_translated_page(client, soup_of):
    make.section(MaterialIndexPage, "sv")
    material = make.material_with_files(
        make.organisation("Perheliitto"),
        "Lastenkasvatusvihko: Koulunkäynti ja koulun tukimuodot",
        ["ar", "fi"],
    )
    arabic_files = set(material.files.values_list("document_id", flat=True))
    swedish = material.copy_for_translation(
        Locale.objects.get(language_code="sv"), copy_parents=True
    )
    swedish.save_revision().publish()
    assert (
        set(MaterialFile.objects.filter(material=swedish).values_list("document_id", flat=True))
        == arabic_files
    )
    soup = soup_of(client.get("/sv/materiaalipankki/?language=ar"))
    assert soup.html["lang"] == "sv"
    assert "Lastenkasvatusvihko: Koulunkäynti ja koulun tukimuodot" in titles(soup)


def add_materials(count):
    organisation = Page.objects.get(slug="perheliitto", locale__language_code="fi").specific
    topic = Topic.objects.get(slug="vanhemmuus", locale=organisation.locale)
    document = MaterialFile.objects.filter(document__language__code="ar").first().document
    for number in range(count):
        make.material(
            organisation,
            f"Lisävihko {number}",
            material_type="booklet",
            year=2020,
            topics=[topic],
            files=[MaterialFile(document=document)],
        )


def test_bank_with_three_facets_has_constant_queries(query_count, bank):
    url = f"{BANK}?type=booklet&topic=vanhemmuus&language=ar"
    before = query_count(url)
    add_materials(25)
    assert query_count(url) == before


def test_languages_of_files_are_not_limited_to_site_languages():
    assert Language.objects.filter(code__in=["so", "prs", "uk", "ti"]).count() == 4


def test_members_only_material_shows_that_it_exists_but_files_need_login(
    client, soup_of, django_user_model
):
    material = make.material_with_files(
        make.organisation("Perheliitto"),
        "Vertaisryhmäohjaajien koulutus",
        material_type="training",
        members_only=True,
    )
    soup = soup_of(client.get(material.url))
    assert soup.h1.get_text() == material.title  # the description is public
    link = soup.select_one(".download__button")["href"]
    response = client.get(link)
    assert response.status_code == 302 and "/login/" in response["Location"]
    document = material.files.first().document
    assert client.get(document.url).status_code == 302  # Wagtail's own route too

    client.force_login(django_user_model.objects.create_user("jasen", password="pw-123456"))
    response = client.get(link)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_public_material_downloads_without_login_and_counts(client, soup_of):
    from materials.models.documents import DownloadCount

    material = make.material_with_files(
        make.organisation("Perheliitto"), "Lastenkasvatusvihko: Huoltajuus", ["fi", "ar"]
    )
    soup = soup_of(client.get(material.url))
    arabic = next(b for b in soup.select(".download__button") if b.get("hreflang") == "ar")
    response = client.get(arabic["href"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    document = material.files.get(document__language__code="ar").document
    assert DownloadCount.objects.get(document=document).count == 1


def test_files_under_a_private_page_need_login_too(client, soup_of):
    from wagtail.models import PageViewRestriction

    organisation = make.organisation("Setlementti")
    material = make.material_with_files(organisation, "Meri-Lapin äitiryhmien toimintamalli")
    PageViewRestriction.objects.create(
        page=organisation, restriction_type=PageViewRestriction.LOGIN
    )
    document = material.files.first().document
    for url in (f"/files/{document.pk}/{document.filename}", document.url):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_bad_year_is_ignored_and_a_chosen_year_shows_once(client, soup_of, bank):
    assert client.get(f"{BANK}?year=abc").status_code == 200
    soup = soup_of(client.get(f"{BANK}?year=2019"))
    assert len(soup.select("input[name=year][value='2019']")) == 1


def test_a_draft_translation_does_not_hide_the_original(client, soup_of, indexed_pages):
    make.section(MaterialIndexPage, "sv")
    material = indexed_pages(
        make.material_with_files(make.organisation("Avustusjärjestö"), "Womento-opas")
    )
    draft = material.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    assert not draft.live
    assert material.title in titles(soup_of(client.get("/sv/materiaalipankki/?q=Womento")))


def test_editor_attaches_many_files_at_once(client, django_user_model):
    from django.urls import reverse

    client.force_login(
        django_user_model.objects.create_superuser("admin", "a@example.org", "pw-123456")
    )
    material = make.material_with_files(
        make.organisation("Avustusjärjestö"), "Womento-opas", ["fi", "ar", "so"]
    )
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[material.pk])).content.decode()
    assert "new MultipleChooserPanel(" in editor and 'id="id_files-OPEN_MODAL"' in editor
    documents = list(MaterialFile.objects.values_list("document_id", flat=True)[:3])
    chosen = client.get(
        reverse("wagtaildocs_chooser:chosen_multiple")
        + "?"
        + "&".join(f"id={pk}" for pk in documents)
    )
    assert chosen.status_code == 200
    assert {str(item["id"]) for item in chosen.json()["result"]} == {str(pk) for pk in documents}


def test_text_filter_understands_inflected_finnish(client, soup_of, bank, indexed_pages):
    """Among the bank's other materials, only the one about mothers' groups matches."""
    indexed_pages(
        make.material_with_files(
            make.organisation("Meri-Lapin setlementti"), "Meri-Lapin äitiryhmien toimintamalli"
        )
    )
    found = titles(soup_of(client.get(f"{BANK}?q=äitiryhmä")))
    assert found == ["Meri-Lapin äitiryhmien toimintamalli"]
    assert titles(soup_of(client.get(f"{BANK}?q=aitiryhmien"))) == found


def test_a_long_facet_lists_eight_and_folds_the_rest_open_when_one_of_them_is_chosen(
    client, soup_of, indexed_pages
):
    """No facet scrolls inside a box that cuts an option in half: a long one lists the first
    eight, the rest behind "n more", unfolded when one of the folded ones is chosen."""
    organisation = make.organisation("Monitunnisteinen järjestö")
    tags = [f"aihe{number:02}" for number in range(1, 13)]
    indexed_pages(make.material_with_files(organisation, "Monen aiheen opas", ["fi"], tags=tags))

    fieldset = soup_of(client.get(BANK)).find("input", value="aihe01").find_parent("fieldset")
    folded = fieldset.select_one("details.facet__more")
    assert [box["value"] for box in fieldset.select(":scope > ul input")] == tags[:8]
    assert [box["value"] for box in folded.select("input")] == tags[8:]
    assert folded.summary.get_text(strip=True) == "4 lisää"
    assert not folded.has_attr("open")
    assert len({box["id"] for box in fieldset.select("input")}) == 12  # each its own label

    chosen = soup_of(client.get(f"{BANK}?tag=aihe10")).find("input", value="aihe10")
    assert chosen.has_attr("checked")
    assert chosen.find_parent("details").has_attr("open")
