"""Journey a: an organisation's editor uploads a material with a Finnish and an Arabic PDF,
tags it and submits it for review; a coordinator approves it; an anonymous visitor finds
it in the materials bank by facets and by an inflected word of the Finnish PDF's text,
and downloads the Arabic file."""

import re
import uuid

from playwright.sync_api import expect

from demo.sample_files import make_pdf

# The Finnish PDF says "kaskelottien" (genitive plural); the visitor searches for
# "kaskelotteja" (partitive plural). Only Voikko's lemma "kaskelotti" joins the two, and
# no other text on the site mentions sperm whales. The word is in the PDF only (not in
# the material's title or summary), so finding the material proves the text extraction.
TEXT_WORD = "kaskelottien"
SEARCH_WORD = "kaskelotteja"
# Waits that include the server's work on an upload (text extraction, preview).
SERVER_WORK_MS = 20_000


def upload_in_chooser(page, opener, upload, language):
    """Upload ``upload`` (path, document title) in ``language`` through the document
    chooser that ``opener`` opens; the chooser closes with the new document chosen."""
    path, title = upload
    opener.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Lähetä").click()
    modal.get_by_label("Tiedosto").set_input_files(path)
    modal.get_by_label("Otsikko").fill(title)
    modal.get_by_label("Kieli").select_option(label=language)
    modal.get_by_role("button", name="Lähetä", exact=True).click()
    expect(modal).to_be_hidden(timeout=SERVER_WORK_MS)


def describe_material(page, title):
    """On a material's add form: its title, summary and type."""
    page.get_by_role("textbox", name="Otsikko").fill(title)
    page.get_by_role("textbox", name="Tiivistelmä").fill("Opas rannikon retkille perheiden kanssa.")
    page.get_by_role("combobox", name="Tyyppi").select_option(label="Opas")


def submit_for_review(page):
    """On a material's edit form, as an editor: editors have no "Publish", the more-actions
    menu offers the review workflow."""
    page.get_by_role("button", name="Lisää toimintoja").click()
    submit = page.get_by_role(
        "button", name="Lähetä työnkulkuun Verkoston tarkastus / Nätverkets granskning"
    )
    expect(submit).to_be_visible()
    expect(page.get_by_role("button", name="Julkaise", exact=True)).to_have_count(0)
    submit.click()


def create_and_submit(page, organisation, title, tag, finnish, arabic):
    """As the editor: a new material under ``organisation`` with the ``finnish`` and
    ``arabic`` files ((path, document title) each), submitted to the review workflow."""
    page.goto(f"/admin/pages/{organisation.pk}/")
    page.get_by_role("link", name=re.compile("Lisää alasivu")).first.click()
    page.get_by_role("link", name="Materiaali", exact=True).click()
    describe_material(page, title)
    tags = page.locator("[data-contentpath=tags] .tagit-new input")
    tags.fill(tag)
    tags.press("Enter")
    expect(page.locator("[data-contentpath=tags] .tagit-choice")).to_have_text([re.compile(tag)])

    upload_in_chooser(
        page, page.get_by_role("button", name="Lisää tiedosto"), arabic, "arabia – العربية"
    )
    expect(page.locator("#inline_child_files-1")).to_contain_text(arabic[1])
    slot = page.locator("#inline_child_files-0")
    upload_in_chooser(page, slot.get_by_role("button", name="Valitse dokumentti"), finnish, "suomi")
    expect(slot).to_contain_text(finnish[1])

    submit_for_review(page)
    expect(page.locator(".messages")).to_contain_text(
        f"Sivu '{title}' luotu ja lähetetty tarkastettavaksi"
    )
    status = page.get_by_role("row").filter(has_text=title)
    expect(status).to_contain_text(re.compile("tarkastettavana", re.IGNORECASE))


def approve_on_dashboard(page, organisation, title):
    """As the coordinator: approve the material in the dashboard's review list; the
    workflow's only task done, the material is published."""
    page.goto("/admin/")
    row = page.locator("#awaiting-review-section").get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Toimet").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Hyväksy", exact=True).click()
    expect(row).to_have_count(0)
    page.goto(f"/admin/pages/{organisation.pk}/")
    status = page.get_by_role("row").filter(has_text=title)
    expect(status).to_contain_text(re.compile("julkaistu", re.IGNORECASE))


def results(page):
    """The titles of the materials the bank lists."""
    return page.locator(".card-list .card__title")


def test_material_from_upload_through_review_to_download(log_in, people, page, tmp_path):
    suffix = uuid.uuid4().hex[:8]
    title = f"Valasretki rannikolle {suffix}"
    tag = f"valasretket-{suffix}"
    finnish_pdf = tmp_path / f"valasretki-{suffix}-fi.pdf"
    finnish_pdf.write_bytes(make_pdf(title, [f"Ohjaaja kertoo retkellä {TEXT_WORD} elämästä."]))
    arabic_pdf = tmp_path / f"valasretki-{suffix}-ar.pdf"
    arabic_pdf.write_bytes(make_pdf(title, ["Arabiankielinen versio: rihla ila al-sahil."]))
    assert finnish_pdf.read_bytes() != arabic_pdf.read_bytes()
    organisation = people["organisations"][0]

    create_and_submit(
        log_in(people["editor_a"]),
        organisation,
        title,
        tag,
        finnish=(finnish_pdf, f"{title} (suomi)"),
        arabic=(arabic_pdf, f"{title} (arabia)"),
    )

    # Awaiting review, the material is not in the bank.
    page.goto("/fi/")
    menu = page.get_by_role("navigation", name="Päävalikko")
    menu.get_by_role("link", name="Materiaalipankki").click()
    page.wait_for_url("**/materiaalipankki/")
    bank_url = page.url
    page.get_by_label("Hakusanat").fill(SEARCH_WORD)
    page.get_by_label("Hakusanat").press("Enter")
    expect(page.get_by_role("heading", name="0 materiaalia")).to_be_visible()

    approve_on_dashboard(log_in(people["coordinator"]), organisation, title)

    # Facets: the tag finds the material alone, and its files' languages are
    # Finnish and Arabic; adding the Arabic language keeps it.
    page.goto(bank_url)
    page.get_by_label(tag).check()
    page.get_by_role("button", name="Näytä materiaalit").click()
    expect(page.get_by_role("heading", name="1 materiaali", exact=True)).to_be_visible()
    expect(results(page)).to_have_text([title])
    languages = page.get_by_role("group", name="Tiedoston kieli")
    expect(languages.get_by_role("checkbox")).to_have_count(2)
    expect(languages).to_contain_text("suomi (1)")
    languages.get_by_label("العربية").check()
    page.get_by_role("button", name="Näytä materiaalit").click()
    expect(page).to_have_url(re.compile(r"[?&]language=ar(&|$)"))
    expect(page.get_by_role("heading", name="1 materiaali", exact=True)).to_be_visible()
    expect(results(page)).to_have_text([title])

    # Text search: another form of the word in the Finnish PDF finds the material alone.
    page.get_by_role("link", name="Poista rajaukset").click()
    page.wait_for_url(bank_url)
    page.get_by_label("Hakusanat").fill(SEARCH_WORD)
    page.get_by_label("Hakusanat").press("Enter")
    expect(page.get_by_role("heading", name="1 materiaali", exact=True)).to_be_visible()
    expect(results(page)).to_have_text([title])

    # The Arabic file downloads byte for byte as uploaded.
    results(page).get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # Each card: the download button, and (the PDFs have no tags) a link to ask for an
    # accessible version.
    cards = page.locator(".download-list")
    downloads = cards.locator(".download__button")
    expect(downloads).to_have_count(2)
    expect(cards.get_by_role("link", name="Pyydä saavutettava versio")).to_have_count(2)
    expect(downloads.first).to_contain_text("suomi")
    with page.expect_download() as download_info:
        downloads.filter(has_text="العربية").click()
    download = download_info.value
    assert download.suggested_filename == arabic_pdf.name
    assert download.path().read_bytes() == arabic_pdf.read_bytes()
