"""The file side of the materials bank: upload checks, text extraction and previews,
downloads with counts, members-only files."""

import io
import json
import zipfile
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, Locale
from wagtail.users.models import UserProfile

from demo import sample_files
from materials.models import MaterialFile
from materials.models.documents import CustomDocument, DownloadCount, ExtractionStatus
from tests import factories as make

pytestmark = pytest.mark.django_db


def make_pdf(text="Hei maailma"):
    """A valid one-page PDF showing ``text``."""
    return sample_files.make_pdf(text, [])


def make_zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def make_docx(text="Hei maailma"):
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    return make_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document})


def make_pptx(text="Hei maailma"):
    slide = (
        '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
        "</p:spTree></p:cSld></p:sld>"
    )
    return make_zip({"[Content_Types].xml": CONTENT_TYPES, "ppt/slides/slide1.xml": slide})


def make_odt(text="Hei maailma"):
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    return make_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def upload(client, name, data):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "files[]": SimpleUploadedFile(name, data),
        },
    )


def add_document(name, data, capture, **fields):
    with capture(execute=True):
        document = CustomDocument.objects.create(
            title=name, file=ContentFile(data, name=name), **fields
        )
    document.refresh_from_db()
    return document


# Upload safety


@pytest.mark.parametrize(
    "name,data,message",
    [
        (
            "guide.pdf",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "does not match its type",
        ),
        ("notes.txt", b"<html><body>hi</body></html>", "does not match its type"),
        ("notes.txt", "Hei maailma".encode("latin-1") + b"\xe4\xff", "UTF-8"),
        ("slides.pptx", make_docx(), "does not match its type"),
        (
            "text.odt",
            make_zip({"mimetype": "text/html", "content.xml": "<x/>"}),
            "does not match its type",
        ),
        ("page.html", b"<html></html>", "cannot be uploaded"),
    ],
)
def test_upload_with_wrong_content_is_refused_and_nothing_saved(
    english_admin, media, name, data, message
):
    before = CustomDocument.objects.count()
    response = upload(english_admin, name, data)
    result = json.loads(response.content)
    assert result["success"] is False
    assert message in result["error_message"]
    assert CustomDocument.objects.count() == before
    assert stored_files(media) == []


def test_zip_bombs_are_refused_from_the_directory(english_admin, media):
    many = make_zip(
        {"[Content_Types].xml": CONTENT_TYPES, **{f"word/{n}.xml": "" for n in range(10_001)}}
    )
    huge = make_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"\0" * 5_000_000})
    for data in (many, huge):
        result = json.loads(upload(english_admin, "bomb.docx", data).content)
        assert result["success"] is False
        assert "unreasonably large" in result["error_message"]
    assert stored_files(media) == []


def test_oversized_file_is_refused_naming_the_limit(english_admin, media, settings):
    settings.MATERIALS_MAX_UPLOAD_MB = 1
    result = json.loads(upload(english_admin, "big.txt", b"a" * (1024 * 1024 + 1)).content)
    assert result["success"] is False
    assert "1 MB" in result["error_message"]
    assert stored_files(media) == []


def test_valid_upload_is_stored_with_checksum_and_text(
    english_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = json.loads(
            upload(english_admin, "opas.docx", make_docx("Kotoutuminen alkaa")).content
        )
    assert result["success"] is True
    document = CustomDocument.objects.get(pk=result["doc_id"])
    assert len(document.checksum) == 64
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Kotoutuminen alkaa" in document.extracted_text


def test_duplicate_upload_is_kept_with_a_warning_linking_the_original(
    english_admin, django_capture_on_commit_callbacks
):
    original = add_document("original.pdf", make_pdf(), django_capture_on_commit_callbacks)
    result = json.loads(upload(english_admin, "copy.pdf", make_pdf()).content)
    assert result["success"] is True
    assert "already been uploaded" in result["form"]
    assert reverse("wagtaildocs:edit", args=[original.pk]) in result["form"]
    edit_page = english_admin.get(reverse("wagtaildocs:edit", args=[result["doc_id"]]))
    assert reverse("wagtaildocs:edit", args=[original.pk]) in edit_page.content.decode()


# Text extraction and previews


@pytest.mark.parametrize(
    "name,maker",
    [
        ("opas.pdf", make_pdf),
        ("opas.docx", make_docx),
        ("opas.pptx", make_pptx),
        ("opas.odt", make_odt),
    ],
)
def test_extracted_text_makes_the_document_findable(
    name, maker, django_capture_on_commit_callbacks
):
    document = add_document(name, maker(), django_capture_on_commit_callbacks)
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Hei maailma" in document.extracted_text
    assert document in CustomDocument.objects.search("maailma")


def test_pdf_gets_page_count_and_preview(django_capture_on_commit_callbacks):
    document = add_document("opas.pdf", make_pdf(), django_capture_on_commit_callbacks)
    assert document.page_count == 1
    with document.preview.open("rb") as f:
        image = Image.open(f)
        assert image.format == "PNG" and image.width == 400


def test_preview_is_deleted_with_the_document(media, django_capture_on_commit_callbacks):
    document = add_document("opas.pdf", make_pdf(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert stored_files(media) == []


def test_corrupted_pdf_is_accepted_with_failed_extraction(
    english_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = json.loads(upload(english_admin, "rikki.pdf", b"%PDF-1.4 garbage").content)
    assert result["success"] is True
    document = CustomDocument.objects.get(pk=result["doc_id"])
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extraction_error
    assert not document.preview
    edit_page = english_admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "could not be read for search" in edit_page


def test_spreadsheet_text_is_not_applicable(django_capture_on_commit_callbacks):
    data = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"})
    document = add_document("taulukko.xlsx", data, django_capture_on_commit_callbacks)
    assert document.extraction_status == ExtractionStatus.NOT_APPLICABLE


# Downloads


def download_url(document):
    return reverse("materials:download", args=[document.pk, document.filename])


def test_download_headers_and_daily_count(client, django_capture_on_commit_callbacks):
    document = add_document("opas ä.pdf", make_pdf(), django_capture_on_commit_callbacks)
    for _ in range(2):
        response = client.get(download_url(document))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in response.get("Cache-Control", "")
    counts = DownloadCount.objects.filter(document=document)
    assert list(counts.values_list("count", flat=True)) == [2]
    assert isinstance(counts.get().date, date)


def test_downloads_through_wagtails_route_are_counted_too(
    client, django_capture_on_commit_callbacks
):
    document = add_document("opas.docx", make_docx(), django_capture_on_commit_callbacks)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert DownloadCount.objects.get(document=document).count == 1


def test_editors_see_the_download_count(english_admin, django_capture_on_commit_callbacks):
    document = add_document("opas.pdf", make_pdf(), django_capture_on_commit_callbacks)
    DownloadCount.objects.create(document=document, date=date(2026, 1, 5), count=3)
    DownloadCount.record(document)
    edit_page = english_admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Downloaded 4 times." in edit_page


def test_download_needs_the_right_file_name(client, django_capture_on_commit_callbacks):
    document = add_document("opas.pdf", make_pdf(), django_capture_on_commit_callbacks)
    assert (
        client.get(reverse("materials:download", args=[document.pk, "other.pdf"])).status_code
        == 404
    )


def test_members_only_file_needs_login_on_both_routes(
    client, django_user_model, django_capture_on_commit_callbacks
):
    document = add_document(
        "sisainen.pdf", make_pdf(), django_capture_on_commit_callbacks, members_only=True
    )
    for url in (download_url(document), document.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    assert not DownloadCount.objects.filter(document=document).exists()

    client.force_login(django_user_model.objects.create_user("jasen", password="pw-123456"))
    response = client.get(document.url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == download_url(document)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert DownloadCount.objects.get(document=document).count == 1


# The order of a material's files


def test_files_keep_their_order_in_every_language_and_one_added_in_code_goes_last(client, soup_of):
    codes = ["uk", "fi", "ar"]  # created in this order, shown in the reverse
    documents = [
        make.document(f"Opas {code}", code, name=f"opas-{code}.txt", data=b"Hei") for code in codes
    ]
    page = make.material(
        make.organisation("Testijärjestö"),
        "Opas",
        files=[
            MaterialFile(document=document, sort_order=order)
            for order, document in enumerate(reversed(documents))
        ],
    )
    swedish = Locale.objects.get(language_code="sv")
    translation = page.copy_for_translation(swedish, copy_parents=True)
    translation.save_revision().publish()

    def shown(material):
        buttons = soup_of(client.get(material.url)).select("a.download__button")
        return [a["hreflang"] for a in buttons]

    assert shown(page) == shown(translation) == ["ar", "fi", "uk"]
    assert [f.document.language.code for f in translation.files.all()] == ["ar", "fi", "uk"]

    late = make.document("Opas sv", "sv", name="opas-sv.txt", data=b"Hej")
    MaterialFile.objects.create(material=page, document=late)
    assert shown(page) == ["ar", "fi", "uk", "sv"]


def test_the_migration_numbers_files_saved_without_an_order_as_they_were_added():
    migration = import_module("materials.migrations.0006_material_file_order")
    material = make.material_with_files(
        make.organisation("Testijärjestö"), languages=["ar", "fi", "uk"]
    )
    files = list(material.files.order_by("pk"))
    assert len(files) > 1
    MaterialFile.objects.filter(material=material).update(sort_order=None)
    migration.number_unordered_files(apps, None)
    assert [f.sort_order for f in material.files.order_by("pk")] == list(range(len(files)))


# Macros and lying zip directories


MACRO_TYPES = CONTENT_TYPES.replace(
    "/>",
    '><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
)


def lying_about_size(data, name, declared):
    """``data`` with the expanded size of member ``name`` patched to ``declared`` in both
    its local header and the central directory, as a hostile tool would write it."""
    patched = bytearray(data)
    encoded = name.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := patched.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if patched[name_at : name_at + len(encoded)] == encoded:
                patched[start + size_at : start + size_at + 4] = declared.to_bytes(4, "little")
            start += 4
    return bytes(patched)


@pytest.mark.parametrize(
    "name,data",
    [
        (
            "macro.docx",
            make_zip(
                {
                    "[Content_Types].xml": CONTENT_TYPES,
                    "word/document.xml": "<w/>",
                    "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
                }
            ),
        ),
        (
            "macro.xlsx",
            make_zip(
                {
                    "[Content_Types].xml": CONTENT_TYPES,
                    "xl/workbook.xml": "<w/>",
                    "xl/VBAPROJECT.BIN": b"macro",
                }
            ),
        ),
        (
            "renamed.docx",
            make_zip({"[Content_Types].xml": MACRO_TYPES, "word/document.xml": "<w/>"}),
        ),
        (
            "macro.odt",
            make_zip(
                {
                    "mimetype": "application/vnd.oasis.opendocument.text",
                    "content.xml": "<x/>",
                    "Basic/Standard/Module1.xml": "<script/>",
                }
            ),
        ),
        (
            "script.odt",
            make_zip(
                {
                    "mimetype": "application/vnd.oasis.opendocument.text",
                    "content.xml": "<x/>",
                    "Scripts/python/run.py": "import os",
                }
            ),
        ),
    ],
)
def test_office_files_with_macros_are_refused_with_one_reason(english_admin, media, name, data):
    before = CustomDocument.objects.count()
    result = json.loads(upload(english_admin, name, data).content)
    assert result["success"] is False
    assert "contains macros" in result["error_message"]
    assert "does not match" not in result["error_message"]
    assert CustomDocument.objects.count() == before
    assert stored_files(media) == []


def test_zip_whose_directory_understates_sizes_is_inflated_and_refused(english_admin, media):
    honest = make_zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": b"\0" * 30_000_000,
        }
    )
    bomb = lying_about_size(honest, "word/document.xml", 1000)
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml").file_size == 1000
    result = json.loads(upload(english_admin, "bomb.docx", bomb).content)
    assert result["success"] is False
    assert result["error_message"].count("unreasonably large") == 1
    assert stored_files(media) == []


def test_zip_whose_directory_misstates_a_small_size_is_refused_as_damaged(english_admin, media):
    for declared in (3, 500):
        data = lying_about_size(make_docx(), "word/document.xml", declared)
        result = json.loads(upload(english_admin, "damaged.docx", data).content)
        assert result["success"] is False
        assert "is damaged" in result["error_message"]
    assert stored_files(media) == []


def test_refusal_is_in_the_editors_language_in_the_single_upload_form(
    english_admin, media, django_user_model
):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="english-admin"))
    profile.preferred_language = "fi"
    profile.save()
    data = make_zip({"[Content_Types].xml": MACRO_TYPES, "word/document.xml": "<w/>"})
    response = english_admin.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Makro",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("makro.docx", data),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"] and len(errors["file"]) == 1
    assert "makro" in errors["file"][0].lower()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    "name,maker",
    [
        ("a.docx", make_docx),
        ("a.pptx", make_pptx),
        ("a.odt", make_odt),
    ],
)
def test_ordinary_office_files_still_pass_the_inflating_check(english_admin, name, maker):
    result = json.loads(upload(english_admin, name, maker()).content)
    assert result["success"] is True


def test_a_second_entry_of_the_same_name_is_inflated_too(english_admin, media):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", "<w/>")
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("word/document.xml", b"\0" * 30_000_000)
    bomb = lying_about_size(out.getvalue(), "word/document.xml", 4)
    result = json.loads(upload(english_admin, "twice.docx", bomb).content)
    assert result["success"] is False
    assert "unreasonably large" in result["error_message"]
    assert stored_files(media) == []
