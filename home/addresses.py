"""The site's public address, for every link that leaves the page: sitemap, hreflang, canonical,
share tags, robots.txt, feeds and open data.

``BASE_URL`` (``settings.SITE_BASE_URL``) says it when set; otherwise the Site record's host and
port do (Settings → Sites in the admin), as Wagtail builds them. With several Wagtail sites,
``BASE_URL`` is not used and each site's record gives its address.
"""

from django.conf import settings
from wagtail.models import Site


def _one_site(request=None):
    """Whether the installation has one Wagtail site (read from Wagtail's cached root paths,
    kept on the request as ``Page.get_url_parts`` keeps them)."""
    if request is None:
        paths = Site.get_site_root_paths()
    else:
        try:
            paths = request._wagtail_cached_site_root_paths
        except AttributeError:
            paths = request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return len({path.site_id for path in paths}) <= 1


def root_url(site=None, request=None):
    """``https://host[:port]`` of ``site`` (by default the one ``request`` is for, else the
    default site), without a trailing slash."""
    if settings.SITE_BASE_URL and _one_site(request):
        return settings.SITE_BASE_URL
    if site is None:
        site = (Site.find_for_request(request) if request is not None else None) or (
            Site.objects.filter(is_default_site=True).first()
        )
    return site.root_url if site is not None else ""


def public_root_url(wagtail_root_url, request=None):
    """Wagtail's root URL of a page's site, replaced by ``BASE_URL`` when that is set."""
    if settings.SITE_BASE_URL and _one_site(request):
        return settings.SITE_BASE_URL
    return wagtail_root_url


def absolute(path, request=None):
    """``path`` (``/static/…``, ``/sitemap.xml``) at the site's public address."""
    if path.startswith(("http://", "https://")):
        return path
    return root_url(request=request) + path
