"""Purges the caching proxy in front of the site (Varnish, ``FRONTEND_CACHE_URL``) when a page
it keeps goes stale, through Wagtail's frontend_cache backends.

A published or unpublished page changes its own addresses (``get_cached_paths``: its sub-routes
too), its ancestors' (an organisation page shows its newest entries), every listing's (the home
pages and each ``AggregatingPage``, in every language, since a listing shows untranslated
originals: bank, tray, blog, events, with their feeds and the tray's regional and municipal
pages), the tag pages' of every language (a tag removed in the change is not known any more,
and a tag page is cheap to build again) and the sitemap's. A moved or deleted page also takes
everything under its old address with it: the proxy bans a path ending in ``*`` as a prefix
(``scripts/varnish/tarjotin.vcl``).
Purges are sent once the change is committed, so that the proxy fetches the new version.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from home import addresses

SITEMAP_PATH = "/sitemap.xml"


def routed_paths(page):
    """``/`` and the paths of a routable page's routes, those with parameters as prefixes."""
    paths = {"/"}
    for route in getattr(page, "get_subpage_urls", tuple)():
        fixed, parameter, _rest = str(route.pattern).partition("<")
        paths.add(fixed + "*" if parameter else fixed or "/")
    return sorted(paths)


def tag_page_prefixes():
    """Every tag page of every interface language, as prefixes (``/fi/tags/*``)."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(reverse("tag", args=["-"]).removesuffix("-/") + "*")
    return prefixes


def enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


def listings():
    """The live pages that list other pages: the home pages and every ``AggregatingPage``."""
    from home.models import AggregatingPage, HomePage

    models = [HomePage, *(m for m in apps.get_models() if issubclass(m, AggregatingPage))]
    return Page.objects.live().type(*models)


class PurgeOnCommit(PurgeBatch):
    """The addresses one transaction changes, purged when it commits, by the process that
    committed: Wagtail would queue the purge as a task, and in production the task worker's
    queue may hold minutes of files' text extraction, while a purge is a few requests to the
    proxy that make a publish visible."""

    def __call__(self):
        purge_urls_from_cache_task.call(list(self.urls))


def waiting_batch():
    """The current transaction's batch, so that a transaction that changes many pages (a
    subtree deleted page by page) purges each address once; None before its first change."""
    waiting = transaction.get_connection().run_on_commit
    return next((func for _ids, func, _robust in waiting if isinstance(func, PurgeOnCommit)), None)


def purge_around(page, *, old_subtree=False):
    """Purge, after the commit, what ``page`` changes; with ``old_subtree`` also everything
    under its present address (the page is about to move or disappear)."""
    batch = waiting_batch()
    first = batch is None
    if first:
        batch = PurgeOnCommit()
        batch.add_pages(listings())
        batch.add_urls(addresses.absolute(path) for path in [SITEMAP_PATH, *tag_page_prefixes()])
    batch.add_page(page)
    if old_subtree:
        url = page.get_full_url(batch)
        if url:
            batch.add_url(url + "*")
    batch.add_pages(page.get_ancestors().live().filter(depth__gt=1))
    if first:
        transaction.on_commit(batch)


def page_changed(instance, **kwargs):
    if enabled():
        purge_around(instance)


def page_leaving(instance, **kwargs):
    if enabled() and instance.live:
        purge_around(instance, old_subtree=True)


def connect():
    # Every page type: the signals are sent with the specific class as sender.
    page_published.connect(page_changed, dispatch_uid="front_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="front_cache_unpublished")
    pre_page_move.connect(page_leaving, dispatch_uid="front_cache_moving")
    post_page_move.connect(page_changed, dispatch_uid="front_cache_moved")
    pre_delete.connect(page_leaving, sender=Page, dispatch_uid="front_cache_deleted")
