"""Journey: a professional in Kemi finds, for an Arabic-speaking mother at home with a
toddler, the local mothers' group with childcare and a national activity she can join
online, adds them and an Arabic booklet to a referral list, and prints it in Arabic."""

import re
import unicodedata

from playwright.sync_api import expect
from pypdf import PdfReader

from demo.network.activities import IN_ARABIC

MOTHERS = "Äitiryhmät Meri-Lapissa"
ONLINE = "Womento-työuramentorointi"
# both are translated into Arabic in the demo; the booklet is not
IN_THE_CLIENTS_LANGUAGE = [
    IN_ARABIC[slug]["title"] for slug in ("meri-lapin-aitiryhmat", "womento-tyouramentorointi")
]
BOOKLET = "Lastenkasvatusvihko: Lapsen kasvattaminen uudessa kulttuurissa"


def card(page, title):
    return page.locator("article.card").filter(
        has=page.locator(".card__title", has_text=re.compile(f"^{re.escape(title)}$"))
    )


def add(page, title, count):
    """Adds the card's item with one click; the header counts it without leaving the page."""
    url = page.url
    card(page, title).get_by_role("button", name=re.compile("^Lisää ohjauslistalle")).click()
    expect(page.get_by_role("link", name=re.compile(rf"^Ohjauslista \({count}\)"))).to_be_visible()
    assert page.url == url


def test_professional_hands_an_arabic_speaking_mother_a_printed_list(page, tmp_path):
    page.goto("/fi/toiminta/")
    filters = page.get_by_role("form", name="Rajaa toimintaa")
    filters.get_by_label("Kunta:", exact=True).select_option(label="Kemi")
    filters.get_by_label("Kieli:", exact=True).select_option(label="arabia – العربية")
    filters.get_by_label("Kohderyhmä:", exact=True).select_option(label="Äidit")
    filters.get_by_label("Ikä:", exact=True).fill("29")
    filters.get_by_label("Lastenhoito järjestetty").check()
    filters.get_by_role("button", name="Näytä toiminta").click()
    page.wait_for_url(re.compile(r"municipality=kemi.*language=ar"))
    mothers = card(page, MOTHERS)
    expect(mothers).to_have_count(1)
    # why it is listed: it meets in Kemi, in Finnish with an interpreter into Arabic
    expect(mothers.locator(".card__reach")).to_have_text("paikallinen: Kemi; tulkattuna")
    expect(mothers.locator(".card__next")).to_contain_text(re.compile("^(Seuraavan|Käynnissä)"))
    add(page, MOTHERS, 1)

    # a national activity she can join online from Kemi, for women
    filters.get_by_label("Kieli:", exact=True).select_option(label="Kaikki")
    filters.get_by_label("Kohderyhmä:", exact=True).select_option(label="Naiset")
    filters.get_by_label("Lastenhoito järjestetty").uncheck()
    filters.get_by_role("button", name="Näytä toiminta").click()
    page.wait_for_url(re.compile(r"target=naiset"))
    expect(card(page, ONLINE).locator(".card__reach")).to_have_text("valtakunnallinen")
    page.get_by_role("link", name=ONLINE).click()
    expect(page.locator(".taking-part")).to_contain_text("Verkossa")
    page.get_by_role("button", name=re.compile("^Lisää ohjauslistalle")).click()
    expect(page.get_by_role("link", name=re.compile(r"^Ohjauslista \(2\)"))).to_be_visible()

    # an Arabic booklet from the materials bank
    page.goto("/fi/materiaalipankki/?language=ar")
    add(page, BOOKLET, 3)

    # the list in the client's language: links, QR code, and the page to print
    page.get_by_role("link", name=re.compile(r"^Ohjauslista \(3\)")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ohjauslista")
    page.get_by_label("Asiakkaan kieli").select_option("ar")
    page.get_by_role("button", name="Näytä tällä kielellä").click()
    page.wait_for_url(re.compile(r"lang=ar"))
    items = page.locator(".referral-items > li")
    expect(items).to_have_count(3)
    expect(page.locator(".referral-qr svg")).to_be_visible()
    share = page.get_by_label("Jakolinkki").input_value()
    assert re.search(r"/ar/lista/[0-9a-z-]+/$", share)
    booklet = items.filter(has_text=BOOKLET)
    expect(booklet.locator(".referral-item__file a[hreflang=ar]")).to_have_count(1)

    page.get_by_role("link", name="Avaa asiakkaan sivu (tulostettava)").click()
    page.wait_for_url(re.compile(r"/ar/lista/[0-9a-z-]+/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    titles = page.locator(".referral-item__title")
    expect(titles).to_have_count(3)
    for title in IN_THE_CLIENTS_LANGUAGE:
        expect(titles.filter(has_text=title)).to_have_count(1)
    untranslated = page.locator(".referral-item[lang=fi]")
    expect(untranslated).to_have_count(1)
    expect(
        untranslated.filter(has_text=BOOKLET).locator(".referral-item__language")
    ).to_be_visible()
    # the tagged PDF of the same list
    response = page.request.get(
        page.get_by_role("link", name=re.compile("PDF")).get_attribute("href")
    )
    assert response.headers["content-type"] == "application/pdf"
    downloaded = tmp_path / "tagged.pdf"
    downloaded.write_bytes(response.body())
    reader = PdfReader(downloaded)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "/StructTreeRoot" in reader.trailer["/Root"]

    # and the page itself, printed
    page.emulate_media(media="print")
    printed = tmp_path / "list.pdf"
    page.pdf(path=str(printed), format="A4")
    # Chromium's PDF holds Arabic letters in their presentation forms, and a title mixing
    # scripts comes out run by run: each word is looked for in the normalised text
    text = " ".join(page_.extract_text() for page_ in PdfReader(printed).pages)
    text = unicodedata.normalize("NFKC", text)
    for title in IN_THE_CLIENTS_LANGUAGE:
        assert all(word in text for word in title.split()), title
    expect(page.get_by_role("link", name=re.compile("^Ohjauslista"))).to_be_hidden()
