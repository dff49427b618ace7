"""The editor's day (issue 20): an organisation's editor finds their organisation on the
dashboard, starts a material from it with a PDF that has no tags, reads the finding on the
file's edit page, replaces the file with a tagged one and submits the material; the
coordinator approves it from the review queue; a visitor downloads the file by its old
name; the editor reads the download in *Reports → Downloads* and exports it as CSV.

Background work (an upload's text and accessibility check) runs in the web process in
the end-to-end suite (no ``TASKS_BACKEND``), so the finding is there when the page loads."""

import csv
import uuid

from django.utils import timezone
from playwright.sync_api import expect

from demo.sample_files import make_pdf
from materials.models.documents import CustomDocument
from tests.e2e.test_journey_material import (
    SERVER_WORK_MS,
    approve_on_dashboard,
    describe_material,
    submit_for_review,
    upload_in_chooser,
)
from tests.test_file_accessibility import tagged_pdf


def open_document(page, document_title):
    """The document's edit page, from the admin's list of documents."""
    page.goto("/admin/documents/")
    page.get_by_role("link", name=document_title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(document_title)


def test_editor_replaces_an_inaccessible_file_and_exports_its_downloads(
    log_in, people, page, orm, tmp_path
):
    suffix = uuid.uuid4().hex[:8]
    title = f"Saunaopas {suffix}"
    document_title = f"{title} (suomi)"
    untagged = tmp_path / f"saunaopas-{suffix}.pdf"
    untagged.write_bytes(make_pdf(title, ["Saunan lauteilla istutaan hiljaa."]))
    tagged = tmp_path / f"saunaopas-{suffix}-saavutettava.pdf"
    tagged.write_bytes(tagged_pdf())
    organisation = people["organisations"][0]
    editor = log_in(people["editor_a"])

    # The dashboard names the editor's organisation and starts a material under it.
    expect(editor.get_by_role("heading", name=f"Järjestösi: {organisation.title}")).to_be_visible()
    editor.get_by_role("link", name=f"Uusi materiaali ({organisation.title})").click()
    describe_material(editor, title)
    slot = editor.locator("#inline_child_files-0")
    upload_in_chooser(
        editor,
        slot.get_by_role("button", name="Valitse dokumentti"),
        (untagged, document_title),
        "suomi",
    )
    expect(slot).to_contain_text(document_title)
    editor.get_by_role("button", name="Tallenna luonnos").click()
    expect(editor.locator(".messages")).to_contain_text(f"Sivu '{title}' luotu.")
    material_edit_url = editor.url

    # The untagged PDF's findings, in Finnish.
    open_document(editor, document_title)
    file_notes = editor.locator("[data-contentpath=file]")
    expect(file_notes).to_contain_text("Tiedostoa voi olla vaikea lukea apuvälineillä")
    expect(file_notes).to_contain_text("PDF-tiedostossa ei ole rakennetunnisteita")

    # A tagged file replaces it; the first file is listed as an earlier version.
    file_notes.locator("input[type=file]").set_input_files(tagged)
    editor.get_by_role("button", name="Tallenna", exact=True).click()
    expect(editor.locator(".messages")).to_contain_text(
        f"Dokumentti '{document_title}' päivitetty", timeout=SERVER_WORK_MS
    )
    open_document(editor, document_title)
    expect(editor.locator("[data-contentpath=file]")).to_contain_text(
        "Tiedostosta ei löytynyt saavutettavuusongelmia"
    )
    versions = editor.get_by_role("region", name="Aiemmat versiot")
    expect(versions.locator("tbody tr")).to_have_count(1)
    expect(versions).to_contain_text(untagged.name)

    editor.goto(material_edit_url)
    submit_for_review(editor)
    expect(editor.locator(".messages")).to_contain_text(
        f"Sivu '{title}' on lähetetty tarkastettavaksi."
    )

    approve_on_dashboard(log_in(people["coordinator"]), organisation, title)

    # A visitor follows the file's old address (a printed QR code) to the new file.
    document_id = CustomDocument.objects.get(title=document_title).pk
    page.goto("/fi/")
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { window.location.href = url; }", f"/files/{document_id}/{untagged.name}"
        )
    download = download_info.value
    assert download.suggested_filename == tagged.name
    assert download.path().read_bytes() == tagged.read_bytes()

    # Reports → Downloads, narrowed to this month, lists the download and exports it as CSV.
    editor.goto("/admin/")
    editor.get_by_role("button", name="Raportit").click()
    editor.get_by_role("link", name="Lataukset", exact=True).click()
    today = timezone.localdate()
    month = f"{today:%Y-%m}"
    # (the demo's own months of downloads fill the first pages of the whole report)
    editor.goto(f"/admin/reports/downloads/?date_from={today:%Y-%m}-01&date_to={today:%Y-%m-%d}")
    row = editor.get_by_role("row").filter(has_text=title)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell")).to_have_text(
        [organisation.title, title, document_title, "suomi", month, "1"]
    )
    editor.get_by_role("button", name="Toimet").click()
    with editor.expect_download() as download_info:
        editor.get_by_role("link", name="Hae CSV").click()
    export = download_info.value.path().read_text(encoding="utf-8-sig").splitlines()
    rows = [row for row in csv.DictReader(export) if row["Materiaali"] == title]
    assert rows == [
        {
            "Järjestö": organisation.title,
            "Materiaali": title,
            "Tiedosto": document_title,
            "Kieli": "suomi",
            "Kuukausi": month,
            "Lataukset": "1",
        }
    ]
