"""Replacing a document's file: the address printed in booklets and QR codes keeps leading
to the current file, the document keeps its language, counts and uses, the text and preview
follow the new file, and the old file stays for the document's editors only."""

import json

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from demo.sample_files import make_pdf
from materials.models import CustomDocument, DocumentVersion, MaterialFile
from materials.models.documents import DownloadCount
from tests import factories as make

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("built_pages_leave_the_index")]

OLD_PDF = make_pdf("Vanha vihko", ["Sana: kirahvi."])
NEW_PDF = make_pdf("Uusi vihko", ["Sana: pingviini."])


@pytest.fixture
def booklet(django_capture_on_commit_callbacks):
    """A Finnish booklet of an organisation, offered by its published material and
    downloaded once; its editor's client comes with it."""
    onboarded = make.onboarded("Väestöliitto")
    with django_capture_on_commit_callbacks(execute=True):
        document = make.document(
            "Vihko", "fi", name="vihko.pdf", data=OLD_PDF, collection=onboarded.collection
        )
        material = make.material(
            onboarded.organisation, "Kotikielen vihko", files=make.files(document)
        )
    document.refresh_from_db()
    return onboarded, document, material


def download_url(document, filename=None):
    return reverse("materials:download", args=[document.pk, filename or document.filename])


def replace(client, document, name, data, capture):
    """What an editor does on the document's edit page: opens it and chooses a new file."""
    url = reverse("wagtaildocs:edit", args=[document.pk])
    client.get(url)
    with capture(execute=True):
        response = client.post(
            url,
            {
                "title": document.title,
                "collection": document.collection_id,
                "language": document.language_id,
                "file": SimpleUploadedFile(name, data),
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    return document


def status(client, url):
    """The status a visitor ends up with (a 404 outside the language prefixes is first
    redirected into one)."""
    return client.get(url, follow=True).status_code


def content(response):
    return b"".join(response.streaming_content)


def search_titles(client, soup_of, word):
    soup = soup_of(client.get("/fi/search/", {"q": word}))
    return [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]


def test_a_replaced_file_keeps_its_address_language_counts_and_uses(
    client, booklet, soup_of, indexed_pages, django_capture_on_commit_callbacks
):
    onboarded, document, material = booklet
    indexed_pages(material)
    old_url = download_url(document)
    assert content(client.get(old_url)) == OLD_PDF
    old_preview = document.preview.read()
    editor = make.editor(onboarded.organisation)
    client.force_login(editor)

    replace(client, document, "vihko.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    indexed_pages(material)

    # the printed address leads to the new file; the visit is counted once, on the new address
    client.logout()
    response = client.get(old_url)
    assert response.status_code == 302
    assert response["Location"] == download_url(document)
    assert content(client.get(old_url, follow=True)) == NEW_PDF
    assert DownloadCount.objects.get(document=document).count == 2
    assert document.language.code == "fi"
    assert list(
        MaterialFile.objects.filter(material=material).values_list("document", flat=True)
    ) == [document.pk]
    # text, preview and search follow the new file
    assert "pingviini" in document.extracted_text
    assert "kirahvi" not in document.extracted_text
    assert document.preview and document.preview.read() != old_preview
    assert material.title in search_titles(client, soup_of, "pingviini")
    assert material.title not in search_titles(client, soup_of, "kirahvi")


def test_the_old_file_is_kept_and_listed_for_the_documents_editors(
    client, booklet, soup_of, django_capture_on_commit_callbacks
):
    onboarded, document, _material = booklet
    old_name = document.file.name
    editor = make.editor(onboarded.organisation)
    editor.first_name, editor.last_name = "Eeva", "Editori"
    editor.save()
    client.force_login(editor)

    replace(client, document, "vihko.pdf", NEW_PDF, django_capture_on_commit_callbacks)

    version = DocumentVersion.objects.get(document=document)
    assert (version.file.name, version.file_size, version.replaced_by) == (
        old_name,
        len(OLD_PDF),
        editor,
    )
    assert version.file.read() == OLD_PDF  # same name chosen again: nothing overwritten
    assert document.file.name != old_name and document.file.read() == NEW_PDF
    assert version.checksum != document.checksum

    edit_page = soup_of(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    row = edit_page.select_one("#document-versions-heading").find_next("tbody").find("tr")
    cells = [cell.get_text(strip=True) for cell in row.find_all("td")]
    assert cells[0] == "vihko.pdf" and cells[3] == "Eeva Editori"
    old_version_url = row.find("a")["href"]
    assert content(client.get(old_version_url)) == OLD_PDF
    assert DownloadCount.objects.filter(document=document).count() == 0


def test_old_versions_are_not_for_anonymous_visitors_or_other_organisations(
    client, booklet, django_capture_on_commit_callbacks
):
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    version = document.versions.get()
    url = reverse("materials:old_version", args=[document.pk, version.pk])
    assert client.get(url).status_code == 200

    client.logout()
    assert status(client, url) == 404
    other = make.onboarded("Punainen Risti")
    client.force_login(make.editor(other.organisation))
    assert status(client, url) == 404
    # a version id under another document's id leads nowhere either
    own = make.document("Oma", collection=other.collection)
    assert status(client, reverse("materials:old_version", args=[own.pk, version.pk])) == 404


def test_only_the_names_the_document_had_lead_to_it(
    client, booklet, django_capture_on_commit_callbacks
):
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    assert client.get(download_url(document, "vihko.pdf")).status_code == 302
    assert status(client, download_url(document, "muu.pdf")) == 404
    assert content(client.get(download_url(document))) == NEW_PDF


def test_deleting_a_document_deletes_its_earlier_files(
    english_admin, booklet, media, django_capture_on_commit_callbacks
):
    _onboarded, document, material = booklet
    replace(english_admin, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    MaterialFile.objects.filter(material=material).delete()
    with django_capture_on_commit_callbacks(execute=True):
        CustomDocument.objects.get(pk=document.pk).delete()
    assert not DocumentVersion.objects.exists()
    assert [path for path in media.rglob("*") if path.is_file()] == []


# The multiple uploader's duplicate warning


def log_in_in_english(client, user):
    """``client`` logged in as ``user``, whose admin speaks English: the test reads the warning."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)


def upload(client, collection, name, data):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"title": name, "collection": collection.pk, "files[]": SimpleUploadedFile(name, data)},
    )
    return json.loads(response.content)


def test_the_multiple_uploader_links_a_duplicate_to_its_document_and_material(client, booklet):
    onboarded, document, material = booklet
    log_in_in_english(client, make.editor(onboarded.organisation))
    result = upload(client, onboarded.collection, "kopio.pdf", OLD_PDF)
    assert result["success"] is True
    assert CustomDocument.objects.get(pk=result["doc_id"]).checksum == document.checksum
    assert "already been uploaded" in result["form"]
    assert reverse("wagtaildocs:edit", args=[document.pk]) in result["form"]
    assert reverse("wagtailadmin_pages:edit", args=[material.pk]) in result["form"]


def test_the_multiple_uploader_names_no_other_organisations_file(client, booklet):
    _onboarded, document, material = booklet
    other = make.onboarded("Punainen Risti")
    log_in_in_english(client, make.editor(other.organisation))
    result = upload(client, other.collection, "kopio.pdf", OLD_PDF)
    assert "already been uploaded by another organisation" in result["form"]
    assert reverse("wagtaildocs:edit", args=[document.pk]) not in result["form"]
    assert reverse("wagtailadmin_pages:edit", args=[material.pk]) not in result["form"]
    assert material.title not in result["form"]


def wagtail_url(document, filename):
    return reverse("wagtaildocs_serve", args=[document.pk, filename])


def test_wagtails_own_address_of_a_replaced_file_leads_to_the_new_one(
    client, booklet, django_capture_on_commit_callbacks
):
    """``/documents/<id>/<name>`` (``document.url``) is in pages and links made before
    ``/files/``: Wagtail itself answers an earlier name with 404."""
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    client.logout()

    response = client.get(wagtail_url(document, "vihko.pdf"))
    assert response.status_code == 302
    assert response["Location"] == wagtail_url(document, "uusi.pdf")
    assert content(client.get(wagtail_url(document, "vihko.pdf"), follow=True)) == NEW_PDF
    assert status(client, wagtail_url(document, "muu.pdf")) == 404


def test_wagtails_address_tells_a_members_only_files_new_name_only_to_members(
    client, booklet, django_capture_on_commit_callbacks
):
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    CustomDocument.objects.filter(pk=document.pk).update(members_only=True)
    client.logout()

    response = client.get(wagtail_url(document, "vihko.pdf"))
    assert response.status_code == 302
    assert "uusi" not in response["Location"]
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def removal_url(document, version):
    return reverse("remove_document_version", args=[document.pk, version.pk])


def test_an_editor_removes_an_earlier_file_for_good_and_its_address_still_works(
    client, booklet, soup_of, django_capture_on_commit_callbacks
):
    """An old file held personal data by mistake: once removed, nobody can fetch it, the
    printed address still leads to the current file, and the list and history say who."""
    onboarded, document, _material = booklet
    editor = make.editor(onboarded.organisation)
    editor.first_name, editor.last_name = "Eeva", "Editori"
    editor.save()
    client.force_login(editor)
    replace(client, document, "vihko.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    version = document.versions.get()
    old_version_url = reverse("materials:old_version", args=[document.pk, version.pk])
    storage, old_name = version.file.storage, version.file.name

    confirm = soup_of(client.get(removal_url(document, version)))  # asking deletes nothing
    assert "vihko.pdf" in confirm.get_text() and storage.exists(old_name)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(removal_url(document, version))
    assert response["Location"] == reverse("wagtaildocs:edit", args=[document.pk])

    version.refresh_from_db()
    assert version.removed_by == editor and version.removed_at is not None
    assert not storage.exists(old_name)
    assert status(client, old_version_url) == 404
    assert content(client.get(download_url(document, "vihko.pdf"), follow=True)) == NEW_PDF
    row = soup_of(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    row = row.select_one("#document-versions-heading").find_next("tbody").find("tr")
    assert "Poistettu" in row.get_text() and "poistaja Eeva Editori" in row.get_text()
    assert row.find("a") is None  # nothing left to download or remove
    entry = ModelLogEntry.objects.get(action="tarjotin.remove_file_version")
    assert (entry.user, entry.object_id, entry.data) == (
        editor,
        str(document.pk),
        {"filename": "vihko.pdf"},
    )


def test_nobody_else_removes_an_earlier_file(client, booklet, django_capture_on_commit_callbacks):
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "uusi.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    version = document.versions.get()
    storage, old_name = version.file.storage, version.file.name
    other = make.onboarded("Punainen Risti")
    own = make.document("Oma", collection=other.collection)

    client.logout()
    client.post(removal_url(document, version))  # to the login page
    client.force_login(make.editor(other.organisation))
    with django_capture_on_commit_callbacks(execute=True):
        # not found (a 404 outside a language prefix is sent to one first)
        assert client.post(removal_url(document, version), follow=True).status_code == 404
        # the version's id under a document of their own
        forged = reverse("remove_document_version", args=[own.pk, version.pk])
        assert client.post(forged, follow=True).status_code == 404

    version.refresh_from_db()
    assert version.removed_at is None and storage.exists(old_name)
    assert not ModelLogEntry.objects.filter(action="tarjotin.remove_file_version").exists()


def test_a_removal_the_storage_refuses_changes_nothing_and_can_be_tried_again(
    client, booklet, monkeypatch, django_capture_on_commit_callbacks
):
    onboarded, document, _material = booklet
    client.force_login(make.editor(onboarded.organisation))
    replace(client, document, "vihko.pdf", NEW_PDF, django_capture_on_commit_callbacks)
    version = document.versions.get()
    storage, old_name = version.file.storage, version.file.name

    def out_of_reach(name):
        raise OSError("the storage is out of reach")

    monkeypatch.setattr(FileSystemStorage, "delete", lambda self, name: out_of_reach(name))
    response = client.post(removal_url(document, version), follow=True)
    assert response.status_code == 200
    assert "Tiedostoa ei juuri nyt voitu poistaa" in response.content.decode()
    version.refresh_from_db()
    assert version.removed_at is None and storage.exists(old_name)
    assert not ModelLogEntry.objects.filter(action="tarjotin.remove_file_version").exists()

    monkeypatch.undo()
    client.post(removal_url(document, version))
    version.refresh_from_db()
    assert version.removed_at is not None and not storage.exists(old_name)
