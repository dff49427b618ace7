import logging
import re

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from home import addresses, counts, languages
from home.models import VIEWED
from home.rate_limits import client_address, over_limit

# Browsers that announce themselves as robots; others that do not run no scripts, so send no beacon.
logger = logging.getLogger(__name__)
ROBOT_AGENT = re.compile(r"bot|crawl|spider|slurp|headless|lighthouse|preview", re.IGNORECASE)
# Views of one page counted per visitor's address within the window: reloads are not readers.
VIEWS_PER_ADDRESS = 3
VIEW_WINDOW = 30 * 60


def page_not_found(request, exception=None):
    """A 404 page in the language of the URL prefix (or the visitor's preferred one)."""
    return render(request, "404.html", {"page": None}, status=404)


def server_error(request):
    """A 500 page that needs no database: all three interface languages, the
    visitor's own first in ``lang``."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"language_code": language}))


def login_locked_out(request, response, credentials):
    """django-axes' answer to a login refused for too many failures: the admin's sign-in
    page says so in the visitor's language, with status 429."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return render(request, "home/admin/login_locked_out.html", {"minutes": minutes}, status=429)


def translation_unavailable(request, page_id):
    """The notice behind a language that a page has not been translated into: says so
    in that language, and offers its home page and the languages the page exists in."""
    page = get_object_or_404(Page.objects.live().public().filter(alias_of__isnull=True), pk=page_id)
    language = translation.get_language()
    translations = [
        {
            "page": p,
            "code": p.locale.language_code,
            "dir": "rtl" if p.locale.language_code in settings.LANGUAGES_BIDI else "ltr",
        }
        for p in page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    ]
    context = {
        "page": None,
        "language_name": languages.name_html(language),
        "translations": translations,
    }
    response = render(request, "home/translation_unavailable.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # nothing of a visitor's changes, and the cached page has no token to send
@require_POST
def count_page_view(request, page_id):
    """The beacon a material's or an activity's page sends once it is shown
    (``static_src/js/count_view.js``), so that a view served from the caching proxy is counted
    too: a POST is never cached. One more view of the page today, unless the page is not a
    counted type, not live or not public, the sender says it is a robot, the request comes
    from another site, or the address has sent more than ``VIEWS_PER_ADDRESS`` for the page
    within ``VIEW_WINDOW``. No cookie is read or set, nothing of the sender is stored (the
    limit keeps only a keyed hash of the address, in the cache). A visitor without scripts is
    not counted. Always 204: the answer says nothing of the page."""
    try:
        count_view_of(request, page_id)
    except Exception:  # noqa: BLE001 - a lost view must not show as an error to the reader
        logger.warning("A page view could not be counted", exc_info=True)
    return HttpResponse(status=204)


def count_view_of(request, page_id):
    agent = request.headers.get("User-Agent", "")
    other_site = request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin"
    if agent and not ROBOT_AGENT.search(agent) and not other_site:
        page = Page.objects.live().public().filter(pk=page_id).first()
        if (
            page is not None
            and getattr(page.specific_class, "counts_views", False)
            and not over_limit(
                f"page-view-{page.pk}", client_address(request), VIEWS_PER_ADDRESS, VIEW_WINDOW
            )
        ):
            counts.add(VIEWED, page.pk)


def robots_txt(request):
    """``/robots.txt``: the public site may be crawled, the admin, the search and the page
    views' beacon not; points to the sitemap at the site's public address."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /count/",
        # Search result pages are endless and say "noindex" themselves.
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {addresses.absolute(reverse('sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache_control(max_age=86400, public=True)
def favicon(request):
    """``/favicon.ico``, asked for by browsers and feed readers that do not read the page's
    ``<link rel="icon">`` (the SVG): the mark rendered by ``scripts/make_icons.py``."""
    path = finders.find("img/favicon.ico")
    if path is None:
        raise Http404
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


def web_manifest(request):
    """The web manifest in the language of the URL: the site's name, its home page in that
    language, its colours and icons."""
    language = translation.get_language()
    site = Site.find_for_request(request)
    home = site and (
        site.root_page.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language)
        .first()
    )
    start = home.get_url(request=request) if home else "/"
    manifest = {
        "name": "Tarjotin",
        "short_name": "Tarjotin",
        "description": str(_("Integration network's materials and activities")),
        "lang": language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": start,
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#083a66",
        "icons": [
            {"src": static("img/tarjotin.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
