"""What every page shows around its content (the home page of each language, the main
menu, the footer), kept by each process in its cache under the site, the language and
the number of changes saved so far (``SiteChange``). A page then asks the database for
that number instead of running a dozen queries, and a change saved in any process is
shown by all of them on their next request."""

from django.core.cache import cache
from django.db.models import F
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models import FooterText, SiteChange, SiteSettings, SocialLink

# What the header and footer show depends on these (titles, addresses, menus, who may
# see which page, the footer's texts and links).
SHOWN_MODELS = (Page, PageViewRestriction, Site, Locale, FooterText, SiteSettings, SocialLink)
# Entries of earlier numbers are never read again: they go when their time is up.
KEPT_SECONDS = 3600


def record_change(sender, instance=None, **kwargs):
    """Count a change to what every page shows (a post_save or post_delete receiver). The
    count is part of the saving transaction: other processes see it once that commits."""
    if isinstance(instance, SHOWN_MODELS) and not SiteChange.objects.filter(pk=1).update(number=F("number") + 1):
        SiteChange.objects.update_or_create(pk=1, defaults={"number": 1})


def changes(request):
    """The number of changes saved so far, read once per request."""
    number = getattr(request, "_tarjotin_changes", None)
    if number is None:
        number = SiteChange.objects.filter(pk=1).values_list("number", flat=True).first() or 0
        request._tarjotin_changes = number
    return number


def cached(request, site, name, build):
    """``build()``, kept under ``name``, the site, the active language and the number of
    changes: built again after any change (and each time outside a site's request)."""
    if request is None or site is None:
        return build()
    key = f"chrome:{name}:{site.pk}:{translation.get_language()}:{changes(request)}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, KEPT_SECONDS)
    return value
