"""MEDIA_STORAGE_URL parsing, and the S3 storage it configures, without an S3 server: a storage
signs its addresses by itself. tests/test_object_storage.py stores files on a real one."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from cms import env


def config_for(monkeypatch, url):
    monkeypatch.setenv("MEDIA_STORAGE_URL", url)
    return env.media_storage_config()


def test_media_stays_in_the_folder_by_default(monkeypatch):
    monkeypatch.delenv("MEDIA_STORAGE_URL", raising=False)
    assert env.media_storages() == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    }


def test_an_s3_url_gives_private_objects_never_overwritten_with_short_signed_addresses(
    monkeypatch,
):
    config = config_for(
        monkeypatch,
        "s3://avain:salainen%2Fosa@tarjotin-media?endpoint=http://127.0.0.1:9000&region=eu-north-1",
    )
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = S3Storage(**config["OPTIONS"])
    assert storage.file_overwrite is False
    assert storage.default_acl is None
    assert (storage.access_key, storage.secret_key) == ("avain", "salainen/osa")

    address = urlsplit(storage.url("documents/opas.pdf"))
    assert (address.netloc, address.path) == (
        "127.0.0.1:9000",
        "/tarjotin-media/documents/opas.pdf",
    )
    signed = parse_qs(address.query)
    assert signed["X-Amz-Expires"] == ["300"]
    assert signed["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert "/eu-north-1/s3/" in signed["X-Amz-Credential"][0]


def test_pictures_signed_addresses_outlive_the_pages_that_are_kept(monkeypatch):
    """A listing's kept part (an hour) or Varnish (ten minutes) may show a page long after its
    picture addresses were signed."""
    monkeypatch.setenv("MEDIA_STORAGE_URL", "s3://avain:salainen@tarjotin-media?region=eu-north-1")
    storages = env.media_storages()
    assert storages["renditions"]["OPTIONS"]["bucket_name"] == "tarjotin-media"
    address = S3Storage(**storages["renditions"]["OPTIONS"]).url("images/kuva.webp")
    assert parse_qs(urlsplit(address).query)["X-Amz-Expires"] == ["7200"]


def test_without_credentials_in_the_url_boto3_finds_them(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ymparistosta")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "salainen")
    config = config_for(monkeypatch, "s3://tarjotin-media?region=eu-north-1&expire=600")
    options = config["OPTIONS"]
    assert "access_key" not in options and "endpoint_url" not in options
    address = S3Storage(**options).url("images/kuva.jpg")
    signed = parse_qs(urlsplit(address).query)
    assert signed["X-Amz-Credential"][0].startswith("ymparistosta/")
    assert signed["X-Amz-Expires"] == ["600"]


@pytest.mark.parametrize(
    "url, message",
    [
        ("gs://tarjotin-media", "MEDIA_STORAGE_URL scheme 'gs' is not supported"),
        ("s3://?endpoint=http://127.0.0.1:9000", "MEDIA_STORAGE_URL needs a bucket name"),
        ("s3://Tarjotin-Media", "bucket 'Tarjotin-Media' is not a valid bucket name"),
        ("s3://tarjotin_media", "bucket 'tarjotin_media' is not a valid bucket name"),
        ("s3://tarjotin-media?endpoint=127.0.0.1:9000", "endpoint must be an http or https"),
        ("s3://tarjotin-media?expire=soon", "expire must be a number of seconds"),
        ("s3://tarjotin-media?acl=public-read", "unknown options acl"),
    ],
)
def test_a_bad_media_storage_url_is_refused_naming_the_variable(monkeypatch, url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        config_for(monkeypatch, url)
