"""Navigation, language switcher and footer, shared by every page."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import FooterText, SiteSettings

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


def _active_locale(context):
    """The active language's Locale, looked up once per request."""
    request = context.get("request")
    locale = getattr(request, "_tarjotin_locale", None)
    if locale is None:
        locale = Locale.get_active()
        if request is not None:
            request._tarjotin_locale = locale
    return locale


def _locale_homes(context):
    """The root page of the site in every locale, cached on the request."""
    request = context.get("request")
    cached = getattr(request, "_tarjotin_locale_homes", None)
    if cached is not None:
        return cached
    site = _site(context)
    homes = {}
    if site:
        for page in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[page.locale.language_code] = page
    if request is not None:
        request._tarjotin_locale_homes = homes
    return homes


@register.simple_tag(takes_context=True)
def locale_home(context):
    return _locale_homes(context).get(translation.get_language())


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """One link per language: to this page's translation when there is one,
    otherwise to that language's home page."""
    request = context.get("request")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = _locale_homes(context)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request=request),
                "is_current": code == current,
                "is_translation": code in translations,
            }
        )
    return {"links": links, "current": current}


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    home = locale_home(context)
    items = []
    if home is not None:
        items = home.get_children().live().public().in_menu().specific(defer=True)
    return {
        "home": home,
        "items": items,
        "current_page": current_page,
        "request": context.get("request"),
    }


@register.inclusion_tag("home/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    locale = _active_locale(context)
    footer_text = FooterText.objects.filter(locale=locale).first()
    site_settings = SiteSettings.for_request(request) if request else None
    accessibility_page = None
    if site_settings and site_settings.accessibility_page_id:
        statement = site_settings.accessibility_page
        accessibility_page = statement.get_translation_or_none(locale) or statement
    return {
        "footer_text": footer_text,
        "site_settings": site_settings,
        "accessibility_page": accessibility_page,
        "request": request,
    }
