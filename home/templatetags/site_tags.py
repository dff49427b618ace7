"""Navigation, language switcher and footer, shared by every page."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.db.models import Case, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from wagtail.models import Locale, Page, Site

from home import addresses, change_count, languages, translation_lag
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
        homes = change_count.cached_per_change(
            request, site, "homes", lambda: _live_translations_by_code(site.root_page)
        )
    if request is not None:
        request._tarjotin_locale_homes = homes
    return homes


def _live_translations_by_code(page):
    return {
        version.locale.language_code: version
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag(takes_context=True)
def locale_home(context):
    return _locale_homes(context).get(translation.get_language())


def _translations(context, page):
    """The live translations of ``page`` (itself included) by language code, cached
    on the request. Aliases are not translations: their content is another
    language's, so they do not count as the page existing in their locale."""
    request = context.get("request")
    cache = getattr(request, "_tarjotin_translations", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._tarjotin_translations = cache
    if page.pk not in cache:
        cache[page.pk] = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .annotate(**translation_lag.sync_facts())
        }
    return cache[page.pk]


@register.filter
def language_name(language):
    """A language (its code or a ``home.Language``) named for the reader: ``arabia –
    <span lang="ar" dir="rtl">العربية</span>`` (``home.languages``)."""
    return languages.name_html(
        getattr(language, "code", language), getattr(language, "native_name", None)
    )


@register.filter
def by_language_name(items):
    """``items`` (``home.Language`` rows, or dicts with a ``code``) sorted by the name the
    reader sees."""
    key = languages.collation_key()

    def name(item):
        return languages.name_text(item["code"] if isinstance(item, dict) else item.code)

    return sorted(items, key=lambda item: key(name(item)))


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """On a page: one link per language the page exists in, and under "other
    languages" the rest, each leading to a notice in that language with a way to its
    home page. Elsewhere (search, tag pages): every language's home page."""
    request = context.get("request")
    current = translation.get_language()
    is_page = isinstance(page, Page) and bool(page.pk)
    targets = _translations(context, page) if is_page else _locale_homes(context)
    links, unavailable = [], []
    for code, _name in languages.by_name(settings.LANGUAGES):
        link = {"code": code, "name": languages.name_html(code), "is_current": code == current}
        if code in targets:
            link["url"] = targets[code].get_url(request=request)
            links.append(link)
        elif is_page and code != current:
            with translation.override(code):
                # an alias has no notice of its own: its original's is the one
                link["url"] = reverse("translation_unavailable", args=[page.alias_of_id or page.pk])
            unavailable.append(link)
    return {"links": links, "unavailable": unavailable, "current": current, "is_page": is_page}


def _canonical(request, page):
    """The address asked for at the site's public address (an alias's: its original's),
    without its query but for a listing's ``page`` number: a filtered listing is the
    listing, while its second page lists other entries than the first."""
    url = addresses.absolute(request.path, request)
    if isinstance(page, Page) and page.alias_of_id:
        original = Page.objects.filter(pk=page.alias_of_id).first()
        url = (original and original.specific.get_full_url(request=request)) or url
    number = request.GET.get("page", "")
    if number.isascii() and number.isdigit() and int(number) > 1:
        url += f"?{urlencode({'page': int(number)})}"
    return url


@register.inclusion_tag("home/includes/translation_behind.html", takes_context=True)
def translation_behind(context, page=None):
    """On a translation that wagtail-localize made of a page since published again in the
    source language (``home.translation_lag``): a notice in the page's language, with a
    link to the source."""
    if not (isinstance(page, Page) and page.pk) or page.alias_of_id:
        return {}
    translations = _translations(context, page)
    own = next((p for p in translations.values() if p.pk == page.pk), None)
    source = translations.get(settings.LANGUAGE_CODE)
    if own is None or source is None or source.pk == page.pk or not own.translated_with_localize:
        return {}
    if not translation_lag.is_behind(source.last_published_at, source.read_for_translation_at):
        return {}
    return {"source": source, "request": context.get("request")}


@register.inclusion_tag("home/includes/alternate_links.html", takes_context=True)
def alternate_links(context, page=None):
    """``<link rel="canonical">`` (``_canonical``); and ``<link rel="alternate" hreflang>`` for
    every translation of the page, with ``x-default`` for the version in the default language
    (or the page itself)."""
    request = context.get("request")
    canonical = _canonical(request, page) if request is not None else None
    if not (isinstance(page, Page) and page.pk):
        return {"canonical": canonical, "alternates": []}
    translations = _translations(context, page)
    alternates = [(code, p.get_full_url(request=request)) for code, p in translations.items()]
    default = translations.get(settings.LANGUAGE_CODE, page)
    alternates.append(("x-default", default.get_full_url(request=request)))
    return {"canonical": canonical, "alternates": alternates}


@register.simple_tag(takes_context=True)
def content_language(context, page=None):
    """The language of the page's content when it is not the language of the URL,
    as ``{"code", "dir"}``, else None: a page shown in a locale it has no translation
    in (a locale without its own home page) or an alias of a page in another locale.
    Kept on the request: interface text inside it is marked (``interface_attributes``)."""
    if not (isinstance(page, Page) and page.pk):
        return None
    active = _active_locale(context)
    code = None
    if page.locale_id != active.pk:
        code = page.locale.language_code
    elif page.alias_of_id:
        original = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
        code = original if original != active.language_code else None
    request = context.get("request")
    if request is not None:
        request._tarjotin_content_language = code
    if code is None:
        return None
    return {"code": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}


@register.simple_tag
def interface_language():
    """The language the interface is shown in, when it is not the page's language:
    pages in a content-only language (Arabic, Somali…) show the interface in the
    default language, and that text must say so with ``lang``."""
    current = translation.get_language()
    return None if current in settings.INTERFACE_LANGUAGES else settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def interface_attributes(context, always=False, within=None):
    """`` lang=… dir=…`` for interface text inside a page's content when the interface is
    shown in another language than the content around it: the interface of a content-only
    language (``interface_language``), a page shown in a locale it is not translated into
    (``content_language``: Finnish under ``/fa/``, with the interface in Farsi), or the card
    of a page ``within`` in another language. With ``always``, the interface language's in
    any case (for a piece that may stand inside content in another language)."""
    shown = interface_language() or translation.get_language()
    request = context.get("request")
    around = (
        within.locale.language_code
        if within is not None
        else getattr(request, "_tarjotin_content_language", None) or translation.get_language()
    )
    if shown == around and not always:
        return ""
    return format_html(
        ' lang="{}" dir="{}"', shown, "rtl" if shown in settings.LANGUAGES_BIDI else "ltr"
    )


def shared_text_language():
    """``{"lang", "dir"}`` of text that every language shares and editors write once, in the
    default language (tags, image descriptions), on a page in another language; else {}."""
    code = settings.LANGUAGE_CODE
    if translation.get_language() == code:
        return {}
    return {"lang": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}


@register.simple_tag
def shared_text_attributes():
    """`` lang=… dir=…`` of ``shared_text_language``, for a template."""
    return format_html_join("", ' {}="{}"', shared_text_language().items())


@register.simple_tag
def shared_text(text):
    """``text`` that every language shares (a tag's name) inside a sentence of the page's
    language: isolated in a ``<bdi>`` that says its language and direction, so that a Finnish
    word reads in its own order inside an Arabic heading."""
    return format_html("<bdi{}>{}</bdi>", shared_text_attributes(), text)


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    """The home page and its public children shown in menus, each as ``{pk, url, title}``."""
    home = locale_home(context)
    request = context.get("request")
    items = []
    if home is not None:
        items = change_count.cached_per_change(
            request, _site(context), "menu", lambda: _menu_items(home, request)
        )
    return {
        "home": home,
        "items": items,
        "current_page": current_page,
        "request": context.get("request"),
        "content_lang": translation.get_language() if interface_language() else None,
    }


def _menu_items(home, request):
    return [
        {"pk": item.pk, "url": item.get_url(request=request), "title": item.title}
        for item in home.get_children().live().public().in_menu().specific(defer=True)
    ]


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, rendered (and kept: ``home.change_count``)."""
    request = context.get("request")

    def render():
        return render_to_string("home/includes/footer.html", _footer(context, request))

    return change_count.cached_per_change(request, _site(context), "footer", render)


def _footer(context, request):
    locale = _active_locale(context)
    # The footer text in this language, else in the default one (marked with its lang).
    footer_text = (
        FooterText.objects.filter(
            locale__language_code__in=[locale.language_code, settings.LANGUAGE_CODE]
        )
        .select_related("locale")
        .order_by(Case(When(locale=locale.pk, then=0), default=1), "pk")
        .first()
    )
    site_settings = SiteSettings.for_request(request) if request else None
    accessibility_page = None
    if site_settings and site_settings.accessibility_page_id:
        statement = site_settings.accessibility_page
        accessibility_page = statement.get_translation_or_none(locale) or statement
    bidi = footer_text is not None and footer_text.locale.language_code in settings.LANGUAGES_BIDI
    return {
        "footer_text": footer_text,
        # the fallback text keeps its own direction (Finnish in an Arabic page runs left to right)
        "footer_dir": "rtl" if bidi else "ltr",
        "site_settings": site_settings,
        "accessibility_page": accessibility_page,
        "request": request,
        "ui_lang": interface_language(),
    }


@register.filter
def language_attributes(item):
    """`` lang=… dir=…`` for a listed page in another language than the page around
    it (an untranslated original shown in a translation's listing), else nothing."""
    code = item.locale.language_code
    if code == translation.get_language():
        return ""
    return format_html(
        ' lang="{}" dir="{}"', code, "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    )


@register.filter
def phone_uri(number):
    """A ``tel:`` address for a phone number as people write it (``040 123 4567``): its
    digits, in the international form for a Finnish number starting with 0."""
    digits = "".join(character for character in number if character.isdigit())
    if number.strip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+358{digits[1:]}"
    return f"tel:{digits}"
