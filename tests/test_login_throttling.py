"""Failed logins are throttled per account and per address (django-axes), in the cache every
worker process shares; the shared cache's configuration (CACHE_URL); /django-admin/ off."""

import ipaddress

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.urls import Resolver404, resolve

from cms import env

pytestmark = pytest.mark.django_db

PASSWORD = "oikea-salasana-123"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("toimittaja", "t@example.org", PASSWORD)


def sign_in(client, username, password, address="192.0.2.10", language="fi"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_lock_the_account_even_from_other_addresses(client, editor):
    for attempt in range(LIMIT - 1):
        response = sign_in(client, "toimittaja", "väärä", address=f"192.0.2.{attempt}")
        assert response.status_code == 200
    response = sign_in(client, "toimittaja", "väärä", address="192.0.2.99")
    assert response.status_code == 429

    # The right password from a fresh address is refused too, and nobody is signed in.
    response = sign_in(client, "toimittaja", PASSWORD, address="198.51.100.1")
    assert response.status_code == 429
    assert not signed_in(client)
    # Another account is not affected.
    get_user_model().objects.create_superuser("koordinaattori", "k@example.org", PASSWORD)
    assert sign_in(client, "koordinaattori", PASSWORD, address="198.51.100.2").status_code == 302
    assert signed_in(client)


def test_one_address_trying_many_accounts_is_locked_out(client, editor):
    for attempt in range(LIMIT):
        sign_in(client, f"arvaus{attempt}", "väärä", address="203.0.113.5")
    response = sign_in(client, "toimittaja", PASSWORD, address="203.0.113.5")
    assert response.status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "toimittaja", PASSWORD, address="203.0.113.6").status_code == 302
    assert signed_in(client)


def test_failures_are_counted_in_the_shared_cache(client, editor):
    """What one worker counted, every other worker sees: the count is in CACHES["shared"],
    not in the process's memory (the default cache is emptied here, as another process has)."""
    for _attempt in range(LIMIT):
        sign_in(client, "toimittaja", "väärä")
    caches["default"].clear()
    assert sign_in(client, "toimittaja", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    "language, words",
    [("fi", "Liian monta"), ("sv", "För många"), ("en", "Too many failed sign-in attempts")],
)
def test_lockout_page_speaks_the_visitors_language(client, editor, language, words):
    for _attempt in range(LIMIT):
        response = sign_in(client, "toimittaja", "väärä", language=language)
    assert response.status_code == 429
    text = response.content.decode()
    assert words in text
    assert "15" in text


def test_right_password_before_the_limit_signs_in(client, editor):
    for _attempt in range(LIMIT - 1):
        sign_in(client, "toimittaja", "väärä")
    assert sign_in(client, "toimittaja", PASSWORD).status_code == 302
    assert signed_in(client)


def test_django_admin_is_not_mounted_unless_configured():
    assert settings.DJANGO_ADMIN is False
    with pytest.raises(Resolver404):
        resolve("/django-admin/")


def test_shared_cache_is_the_database_by_default(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    config = env.shared_cache_config()
    assert config == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tarjotin_cache",
    }


@pytest.mark.parametrize(
    "url", ["redis://127.0.0.1:6379/0", "rediss://:secret@cache.example.fi:6380/1"]
)
def test_cache_url_selects_redis(monkeypatch, url):
    monkeypatch.setenv("CACHE_URL", url)
    config = env.shared_cache_config()
    assert config["BACKEND"] == "django_redis.cache.RedisCache"
    assert config["LOCATION"] == url


@pytest.mark.parametrize(
    "url, message",
    [
        ("memcached://127.0.0.1:11211", "scheme 'memcached' is not supported"),
        ("redis://", "needs a host"),
        ("redis://127.0.0.1:port/0", "bad port"),
    ],
)
def test_bad_cache_url_is_refused_naming_the_variable(monkeypatch, url, message):
    monkeypatch.setenv("CACHE_URL", url)
    with pytest.raises(ImproperlyConfigured, match=message):
        env.shared_cache_config()


def test_the_login_limit_counts_each_visitor_behind_a_trusted_proxy(client, editor, settings):
    """One rule (``home.rate_limits.client_address``) for logins, comments and PDFs."""
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.2")]
    for attempt in range(LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"arvaus{attempt}", "password": "väärä"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    behind_the_same_proxy = client.post(
        "/admin/login/",
        {"username": "toimittaja", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    assert behind_the_same_proxy.status_code == 302
    settings.TRUSTED_PROXIES = []  # the same header from an untrusted address counts for nothing
    client.logout()
    for attempt in range(LIMIT):
        sign_in(client, f"arvaus{attempt}", "väärä", address="198.51.100.7")
    forged = client.post(
        "/admin/login/",
        {"username": "toimittaja", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert forged.status_code == 429


def test_trusted_proxies_must_be_addresses(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.1, proxy.example.org")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES.*'proxy.example.org'"):
        env.trusted_proxies()
