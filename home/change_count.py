"""The count of changes saved to what every page shows around its content (home pages
of each language, the main menu, the footer), and values kept under that count.

A page asks the database for one number instead of running about eight queries to
build its header and footer; a change saved in any process moves the number, so every
process shows it on its next request. The number grows once the saving transaction
has committed, so no lock is held and a rolled-back change counts nothing. README
(*Configuration*) says which writes must move it by hand."""

from time import monotonic

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models import FooterText, SiteChange, SiteSettings, SocialLink

# What the header and footer show depends on these (titles, addresses, menus, who may
# see which page, the footer's texts and links).
SHOWN_MODELS = (Page, PageViewRestriction, Site, Locale, FooterText, SiteSettings, SocialLink)
# Page fields that saving a draft, locking or adding a child writes, none of them shown:
# such saves (the editor's autosave among them) change nothing kept here.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
        "numchild",
    }
)
# Entries of earlier numbers are not read again: they go when their time is up.
KEPT_SECONDS = 3600
# What a process keeps in memory is read again after this long at most, whatever the
# number: a change whose count failed to move (its UPDATE failing after the change had
# committed) is then shown late, not never.
KEPT_IN_MEMORY_SECONDS = 60


# {name: (number of changes, time it was built, value)} of the values kept in memory.
_in_memory = {}


def connect():
    """Count the saves and deletes of the shown models (of those alone: a receiver for
    every model would make Django delete every queryset row by row)."""
    for model in apps.get_models():
        if issubclass(model, SHOWN_MODELS):
            count_changes_of(model)


def count_changes_of(model):
    """Count the saves and deletes of ``model`` (for an app upstairs whose kept values
    depend on further models)."""
    post_save.connect(
        record_change, sender=model, dispatch_uid=f"change-count-save-{model._meta.label}"
    )
    post_delete.connect(
        record_change, sender=model, dispatch_uid=f"change-count-delete-{model._meta.label}"
    )


def record_change(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page) and update_fields and DRAFT_FIELDS.issuperset(update_fields):
        return
    # robust: the change is saved by then; a count that fails to move is logged, and the
    # kept values show the change late (within KEPT_IN_MEMORY_SECONDS or KEPT_SECONDS)
    transaction.on_commit(count_change, robust=True)


def count_change():
    if not SiteChange.objects.filter(pk=1).update(number=F("number") + 1):
        SiteChange.objects.update_or_create(pk=1, defaults={"number": 1})


def changes(request):
    """The number of changes saved so far, read once per request."""
    number = getattr(request, "_tarjotin_changes", None)
    if number is None:
        number = SiteChange.objects.filter(pk=1).values_list("number", flat=True).first() or 0
        request._tarjotin_changes = number
    return number


def cached_per_change(request, site, name, build):
    """``build()``, kept under ``name``, the site, the active language and the number of
    changes: built again after any change (and each time outside a site's request).
    Nothing on the public site renders inside a transaction (``ATOMIC_REQUESTS`` is
    off), so no value built from an uncommitted change is kept."""
    if request is None or site is None:
        return build()
    key = f"per-change:{name}:{site.pk}:{translation.get_language()}:{changes(request)}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, KEPT_SECONDS)
    return value


def kept_in_memory(request, name, build):
    """``build()``, kept in this process's memory until the number of changes moves (or for
    KEPT_IN_MEMORY_SECONDS): for a value that would cost more to copy out of the cache
    than the queries it saves. Built each time outside a request."""
    if request is None:
        return build()
    number, now = changes(request), monotonic()
    entry = _in_memory.get(name)
    if entry is None or entry[0] != number or now - entry[1] > KEPT_IN_MEMORY_SECONDS:
        entry = _in_memory[name] = (number, now, build())
    return entry[2]


def forget():
    """Drop what this process keeps in memory (a test's rolled-back changes take the number
    back with them, so the next test would find values kept under its number)."""
    _in_memory.clear()
