"""The caching proxy in front of the site (Varnish) is purged of what a change makes stale
(home.front_cache): the page, the pages above it, every listing and the sitemap, once the
change is committed. The real proxy is tested in tests/test_production_stack.py."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from cms import env
from home.front_cache import PurgeOnCommit
from materials.models import MaterialIndexPage
from network.models import ActivityIndexPage, BlogIndexPage, EventIndexPage
from tests import factories

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """Records the addresses it is asked to purge, as Varnish would receive them."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def front_cache(settings):
    """The proxy, from here on: listed after the fixtures that build pages, so that what they
    publish is not in the batch of the change a test makes (all in one transaction)."""
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield
    PURGED.clear()


@pytest.fixture
def site():
    """Every listing, and an organisation with a material."""
    for model in (MaterialIndexPage, ActivityIndexPage, BlogIndexPage, EventIndexPage):
        factories.section(model)
        factories.section(model, "sv")
    organisation = factories.organisation("Kotoutumisyhdistys")
    return organisation, factories.material(organisation, "Selkoesite")


def purges(callbacks):
    """How many batches of purges the commit sends."""
    return sum(isinstance(callback, PurgeOnCommit) for callback in callbacks)


def purged_paths():
    return sorted(urlsplit(url).path for url in PURGED)


def test_publishing_purges_the_page_its_organisation_every_listing_and_the_sitemap(
    site, front_cache, django_capture_on_commit_callbacks
):
    organisation, material = site
    material.title = "Selkoesite, uusi painos"

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        factories.publish(material)
        assert PURGED == []  # not before the commit: the proxy would fetch the old version

    paths = purged_paths()
    assert material.url in paths
    assert organisation.url in paths
    assert "/sitemap.xml" in paths
    for language in ("fi", "sv"):  # a listing shows an untranslated original too
        assert f"/{language}/" in paths
        assert factories.section(MaterialIndexPage, language).url in paths
        tray = factories.section(ActivityIndexPage, language).url
        assert {tray, tray + "kattavuus/", tray + "alue/*", tray + "kunta/*"} <= set(paths)
        blog = factories.section(BlogIndexPage, language).url
        assert {blog, blog + "feed/rss/", blog + "feed/atom/"} <= set(paths)
        events = factories.section(EventIndexPage, language).url
        assert {events, events + "feed/ics/"} <= set(paths)
        assert f"/{language}/tags/*" in paths  # a tag the change removed is not known
    assert len(paths) == len(set(paths))  # each address once
    assert purges(callbacks) == 1


def test_unpublishing_purges_the_page_and_the_listings(site, front_cache, saved):
    _organisation, material = site

    with saved():
        material.unpublish()

    assert material.url in purged_paths()
    assert factories.section(MaterialIndexPage).url in purged_paths()


@pytest.fixture
def other_organisation(site):
    return factories.organisation("Toinen yhdistys")


def test_a_moved_page_is_purged_with_everything_under_its_old_address(
    site, other_organisation, front_cache, saved
):
    _organisation, material = site
    old_url = material.url
    other = other_organisation

    with saved():
        material.move(other, pos="last-child")
    material.refresh_from_db()

    assert old_url + "*" in purged_paths()
    assert material.url in purged_paths()
    assert other.url in purged_paths()


def test_deleting_an_organisation_purges_its_whole_subtree_in_one_batch(
    site, front_cache, django_capture_on_commit_callbacks
):
    organisation, material = site
    organisation_url = organisation.url

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        organisation.delete()

    assert organisation_url + "*" in purged_paths()
    assert material.url in purged_paths()
    assert factories.section(MaterialIndexPage).url in purged_paths()
    assert purges(callbacks) == 1
    assert len(PURGED) == len(set(PURGED))


def test_nothing_is_purged_without_a_proxy(site, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    _organisation, material = site

    with django_capture_on_commit_callbacks() as callbacks:
        factories.publish(material)

    assert purges(callbacks) == 0


def test_a_members_only_page_tells_the_proxy_not_to_keep_it(site, client, django_user_model):
    """Varnish keeps nothing marked private (scripts/varnish/tarjotin.vcl): neither the login
    redirect a reader gets nor the page a member reads."""
    _organisation, material = site
    PageViewRestriction.objects.create(page=material, restriction_type=PageViewRestriction.LOGIN)

    refused = client.get(material.url)
    client.force_login(django_user_model.objects.create_user("jasen", password="pw-123456"))
    shown = client.get(material.url)

    assert refused.status_code == 302
    assert shown.status_code == 200
    for response in (refused, shown):
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


def test_frontend_cache_url_names_the_proxies(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:6081/, http://10.0.0.2:6081")
    http = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    assert env.frontend_cache_config() == {
        "proxy-1": {"BACKEND": http, "LOCATION": "http://127.0.0.1:6081"},
        "proxy-2": {"BACKEND": http, "LOCATION": "http://10.0.0.2:6081"},
    }
    monkeypatch.setenv("FRONTEND_CACHE_URL", "")
    assert env.frontend_cache_config() == {}
    monkeypatch.setenv("FRONTEND_CACHE_URL", "varnish:6081")
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_URL"):
        env.frontend_cache_config()
