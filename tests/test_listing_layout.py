"""What a visitor reads on the listings and a material's files: the "Filter (n)" button that
unfolds the filters of the materials bank, the tray and the search counts the filters in use;
every file of a material is one card of the same shape with its language, format, size and
pages, said in the interface's language on a page in a content-only language."""

import re

import pytest

from materials.models import MaterialIndexPage
from network.models import ActivityIndexPage
from tests import factories as make

pytestmark = pytest.mark.django_db


def filter_button(soup):
    summary = soup.select_one("details.filter-fold > summary")
    return " ".join(summary.get_text(" ").split())


def test_the_banks_filter_button_counts_the_chosen_values_and_the_words(client, soup_of):
    bank = make.section(MaterialIndexPage)
    make.material(make.organisation("Perheliitto"), "Vanhemmuuden opas", material_type="guide")
    assert filter_button(soup_of(client.get(bank.url))) == "Suodata"
    soup = soup_of(client.get(bank.url, {"type": ["guide", "report"], "q": "opas"}))
    assert filter_button(soup) == "Suodata (3) (3 valittu)"
    # the filters stay in the fold, the results after it
    fold = soup.select_one("details.filter-fold")
    assert fold.select_one("input[name=q]")["value"] == "opas"
    assert fold.find_next("section").select_one("#results-heading")


def test_the_trays_filter_button_counts_the_filters_in_use(client, soup_of):
    tray = make.section(ActivityIndexPage)
    assert filter_button(soup_of(client.get(tray.url))) == "Suodata"
    soup = soup_of(client.get(tray.url, {"free": "on", "age": "0", "category": "", "q": " "}))
    # an age of 0 is a choice; an empty category and blank words are none
    assert filter_button(soup) == "Suodata (2) (2 valittu)"
    assert soup.select_one("details.filter-fold form.filters")


def cards(soup):
    return soup.select(".download-list > li.download")


def shape(card):
    """The card's parts, in order, as class names."""
    return [" ".join(child.get("class", [])) for child in card.find_all(recursive=False)]


def test_every_file_is_one_card_shape_with_language_format_size_and_pages(client, soup_of):
    pdf = make.document("Opas", "fi")
    pdf.page_count = 12
    pdf.save()
    docx = make.document("Guide", "en", name="guide.docx", data=b"PK\x03\x04 not read here")
    material = make.material(make.organisation("Perheliitto"), "Opas", files=make.files(pdf, docx))
    first, second = cards(soup_of(client.get(material.url)))
    assert shape(first) == shape(second) == ["download__thumb", "button download__button"]
    # the file's language named for the reader, and in itself where that differs
    assert first.select_one(".download__language").get_text() == "suomi"
    assert first.select_one(".download__language [lang=fi]").get_text() == "suomi"
    assert second.select_one(".download__language").get_text() == "englanti – English"
    assert second.select_one(".download__language [lang=en]").get_text() == "English"
    meta = first.select_one(".download__meta").get_text()
    assert re.fullmatch(r"PDF, [\d,]+\s(tavua|kt), 12 sivua", meta), meta
    meta = second.select_one(".download__meta").get_text()
    assert re.fullmatch(r"DOCX, \d+\stavua", meta), meta  # pages unknown: not said
    assert first.select_one(".format-icon") is None or first.select_one("img") is None
    assert second.select_one(".format-icon").get_text() == "DOCX"


def test_a_file_without_a_preview_shows_its_formats_icon_and_name(client, soup_of):
    files = {
        "guide.docx": "file-text",
        "notes.odt": "file-text",
        "slides.pptx": "file-slides",
        "table.xlsx": "file",
    }
    documents = [make.document(name, name=name, data=b"not read here") for name in files]
    material = make.material(make.organisation("Perheliitto"), "Opas", files=make.files(*documents))
    shown = cards(soup_of(client.get(material.url)))
    assert len(shown) == len(files)
    for card, (name, icon) in zip(shown, files.items()):
        mark = card.select_one(".format-icon")
        assert mark.select_one("svg")["class"] == ["icon", f"icon--{icon}", "format-icon__mark"]
        assert mark.get_text() == name.rsplit(".", 1)[1].upper()


def test_a_files_facts_on_an_arabic_page_are_in_arabic(client, soup_of):
    pdf = make.document("Opas", "ar")
    pdf.page_count = 1
    pdf.save()
    material = make.material(make.organisation("Perheliitto"), "Opas", files=make.files(pdf))
    arabic = make.translation(material, "ar")
    (card,) = cards(soup_of(client.get(arabic.url)))
    meta = card.select_one(".download__meta")
    assert not meta.has_attr("lang")  # the page's own language
    assert re.fullmatch(r"PDF, [\d,٫]+\s(بايت|ك\.بايت), 1 صفحة", meta.get_text()), meta.get_text()
    language = card.select_one(".download__language [lang=ar]")
    assert (language.get_text(), language["dir"]) == ("العربية", "rtl")


def test_a_files_facts_in_a_content_only_language_are_in_the_interfaces_language(
    client, soup_of, content_only_language
):
    pdf = make.document("Opas", "ar")
    pdf.page_count = 1
    pdf.save()
    material = make.material(make.organisation("Perheliitto"), "Opas", files=make.files(pdf))
    translated = make.translation(material, content_only_language)
    (card,) = cards(soup_of(client.get(translated.url)))
    meta = card.select_one(".download__meta")
    assert (meta["lang"], meta["dir"]) == ("fi", "ltr")
    assert re.fullmatch(r"PDF, [\d,]+\s(tavua|kt), 1 sivu", meta.get_text()), meta.get_text()
    assert card.select_one(".download__language")["lang"] == "fi"  # "arabia – ..." in Finnish
    language = card.select_one(".download__language [lang=ar]")
    assert (language.get_text(), language["dir"]) == ("العربية", "rtl")


def test_a_wide_table_scrolls_in_a_labelled_region_with_a_hint(client, soup_of):
    tray = make.section(ActivityIndexPage)
    soup = soup_of(client.get(f"{tray.url}kattavuus/"))
    regions = soup.select(".table-scroll")
    assert len(regions) == 2
    for region in regions:
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert soup.find(id=region["aria-labelledby"]).name == "caption"
        hint = soup.find(id=region["aria-describedby"])
        assert hint.get_text() == (
            "Taulukko on näyttöä leveämpi: vieritä sitä sivusuunnassa nähdäksesi kaiken."
        )
        assert hint.find_next("div") is region  # said before the table


def test_the_searchs_facets_list_by_count_then_name(client, soup_of, indexed_pages):
    """Organisations with as many results are listed by name, not in the order counted."""
    for title, pages in (("Öljymäki ry", 2), ("Yhdistys Kolme", 1), ("Aamutähti ry", 1)):
        organisation = make.organisation(title)
        for number in range(pages):
            indexed_pages(make.blog_post(organisation, f"Bzqxw-uutinen {number}"))
    soup = soup_of(client.get("/fi/search/", {"q": "bzqxw"}))
    shown = [
        " ".join(item.get_text(" ", strip=True).split())
        for item in soup.select("#facet-organisation ~ ul li")
    ]
    assert shown == ["Öljymäki ry (2)", "Aamutähti ry (1)", "Yhdistys Kolme (1)"]
