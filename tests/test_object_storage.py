"""Media in an S3-compatible bucket (MEDIA_STORAGE_URL), on the real server of scripts/s3.sh:
.ci/run's object storage stage starts it and sets the variable before the tests start.

Files go in through the admin's uploader and out through Tarjotin's download route, which
checks members-only files and counts downloads; the bucket itself is looked at with a boto3
client of its own. The objects the tests make are removed at the end (a test's transaction
does not reach the bucket)."""

import json
import urllib.error
import urllib.request
from types import SimpleNamespace

import boto3
import pytest
from django.core.files.storage import storages
from django.urls import reverse
from storages.backends.s3 import S3Storage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.backup import backup_media, media_files, restore_media
from materials.models.documents import CustomDocument, DownloadCount, ExtractionStatus
from tests.test_material_files import add_document, make_docx, make_pdf, upload

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


@pytest.fixture
def bucket():
    """The bucket's keys, as a client other than the storage's sees them; what the test
    added is deleted afterwards."""
    storage = storages["default"]
    if not isinstance(storage, S3Storage):
        pytest.fail("MEDIA_STORAGE_URL must name the bucket of scripts/s3.sh for these tests.")
    client = boto3.client(
        "s3",
        endpoint_url=storage.endpoint_url,
        region_name=storage.region_name,
        aws_access_key_id=storage.access_key,
        aws_secret_access_key=storage.secret_key,
        config=storage.client_config,
    )

    def keys():
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=storage.bucket_name)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def body(key):
        return client.get_object(Bucket=storage.bucket_name, Key=key)["Body"].read()

    before = keys()
    yield SimpleNamespace(keys=keys, body=body)
    for key in keys() - before:
        client.delete_object(Bucket=storage.bucket_name, Key=key)


def download(client, document):
    response = client.get(reverse("materials:download", args=[document.pk, document.filename]))
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


def test_an_uploaded_file_lands_in_the_bucket_and_downloads_through_tarjotin(
    english_admin, client, bucket, django_capture_on_commit_callbacks
):
    data = make_pdf("Kotoutuminen alkaa")
    with django_capture_on_commit_callbacks(execute=True):
        result = json.loads(upload(english_admin, "opas.pdf", data).content)
    document = CustomDocument.objects.get(pk=result["doc_id"])
    assert document.file.name in bucket.keys()
    assert bucket.body(document.file.name) == data
    # the text and the preview were read from the bucket, and the preview went there too
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Kotoutuminen alkaa" in document.extracted_text
    assert document.preview.name in bucket.keys()

    client.logout()
    response, received = download(client, document)
    assert response.status_code == 200
    assert received == data
    assert response["Content-Disposition"].startswith("attachment;")
    assert DownloadCount.objects.get(document=document).count == 1


def test_a_second_file_of_the_same_name_never_overwrites_the_first(
    client, bucket, django_capture_on_commit_callbacks
):
    first_data, second_data = make_docx("Ensimmäinen"), make_docx("Toinen")
    first = add_document("opas.docx", first_data, django_capture_on_commit_callbacks)
    second = add_document("opas.docx", second_data, django_capture_on_commit_callbacks)
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= bucket.keys()
    assert download(client, first)[1] == first_data
    assert download(client, second)[1] == second_data


def test_a_file_missing_from_the_bucket_is_not_found(
    client, bucket, django_capture_on_commit_callbacks
):
    document = add_document("opas.pdf", make_pdf(), django_capture_on_commit_callbacks)
    document.file.storage.delete(document.file.name)
    assert download(client, document)[0].status_code == 404


def test_a_members_only_file_is_refused_to_visitors_and_private_in_the_bucket(
    client, bucket, django_capture_on_commit_callbacks
):
    document = add_document(
        "sisainen.pdf", make_pdf(), django_capture_on_commit_callbacks, members_only=True
    )
    response, _ = download(client, document)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    assert not DownloadCount.objects.filter(document=document).exists()

    # Nor can the bucket be read around Tarjotin: only a signed address, which soon expires.
    signed = document.file.url
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    with urllib.request.urlopen(signed) as answer:
        assert answer.read() == make_pdf()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(signed.split("?")[0])
    assert refused.value.code == 403


def test_a_pictures_rendition_is_in_the_bucket_behind_a_longer_signed_address(bucket):
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100|format-webp")
    assert {image.file.name, rendition.file.name} <= bucket.keys()
    assert "X-Amz-Expires=7200" in rendition.url
    with urllib.request.urlopen(rendition.url) as answer:
        assert answer.read() == bucket.body(rendition.file.name)


def test_readyz_writes_to_the_bucket_and_leaves_nothing_there(client, bucket):
    before = bucket.keys()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["storage"] == "ok"
    assert bucket.keys() == before


def test_a_backup_holds_the_buckets_files_and_a_restore_puts_them_back(
    bucket, tmp_path, django_capture_on_commit_callbacks
):
    """``scripts/backup.sh`` copies the media storage, not the unused media folder."""
    data = make_pdf("Varmuuskopio")
    document = add_document("varmuus.pdf", data, django_capture_on_commit_callbacks)
    storage = storages["default"]
    names = backup_media(tmp_path, storage)
    assert f"media/{document.file.name}" in names
    assert f"media/{document.preview.name}" in names
    assert (tmp_path / "media" / document.file.name).read_bytes() == data

    storage.delete(document.file.name)  # lost from the bucket
    restore_media(tmp_path, names, storage)
    assert bucket.body(document.file.name) == data  # back under its own key, not renamed
    assert document.file.name in media_files(storage)  # what a restore sees as "not empty"

    before = bucket.keys()
    restore_media(tmp_path, names, storage)  # over files that are there: --force
    assert bucket.keys() == before  # written over, not beside under another name
    assert bucket.body(document.file.name) == data
