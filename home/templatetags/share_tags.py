"""What a page says about itself when it is found or shared: its description, Open Graph and
Twitter card tags (absolute addresses at the site's public address: ``home.addresses``), and
share links that need no third-party script (plain links, opened only when clicked)."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from home import addresses
from home.templatetags.site_tags import _active_locale, _translations, content_language

register = template.Library()

DESCRIPTION_CHARS = 200
# Open Graph names languages with a territory.
OG_LOCALES = {
    "fi": "fi_FI",
    "sv": "sv_FI",
    "en": "en_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "so": "so_SO",
    "uk": "uk_UA",
    "ru": "ru_RU",
}


SHARE = {
    "facebook": "https://www.facebook.com/sharer/sharer.php?",
    "linkedin": "https://www.linkedin.com/sharing/share-offsite/?",
    "whatsapp": "https://wa.me/?",
}


def description_of(page):
    """The page's search description, else its introduction as plain text, shortened."""
    text = getattr(page, "search_description", "") or ""
    if not text.strip():
        intro = getattr(page, "intro", "") or ""
        text = strip_tags(str(intro))
    text = " ".join(text.split())
    return Truncator(text).chars(DESCRIPTION_CHARS) if text else ""


def _og_locale(code):
    return OG_LOCALES.get(code, code)


@register.inclusion_tag("home/includes/share_meta.html", takes_context=True)
def share_meta(context, page=None):
    request = context.get("request")
    tagline = _("Integration network's materials and activities")
    if not (isinstance(page, Page) and page.pk):
        return {"description": tagline}
    content_lang = content_language(context, page)
    description = description_of(page)
    image = getattr(page, "image", None)
    image_url = image_alt = None
    if image is not None:
        try:
            rendition = image.get_rendition("fill-1200x630")
        except SourceImageIOError:  # the original file is lost: share the page without it
            image = None
        else:
            image_url = addresses.absolute(rendition.url, request)
            image_alt = getattr(image, "default_alt_text", "") or ""
    active = _active_locale(context)  # read once per request
    code = active.language_code if page.locale_id == active.pk else page.locale.language_code
    alternates = [_og_locale(other) for other in _translations(context, page) if other != code]
    return {
        "description": description or tagline,
        "description_lang": content_lang["code"] if content_lang else None,
        "page_is_shared": True,
        "title": page.seo_title or page.title,
        "url": page.get_full_url(request=request),
        "type": "website" if page.depth <= 2 else "article",
        "og_locale": _og_locale(code),
        "og_alternates": alternates,
        "image_url": image_url or addresses.absolute(static("img/icon-512.png"), request),
        "image_alt": image_alt if image_url else "",
        "large_image": bool(image_url),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


@register.inclusion_tag("home/includes/share_links.html", takes_context=True)
def share_links(context, page):
    """Links that share ``page`` by email, Facebook, LinkedIn and WhatsApp: addresses of
    those services with the page's address in them, no script or image of theirs."""
    request = context.get("request")
    url = page.get_full_url(request=request)
    title = page.seo_title or page.title
    # quote, not quote_plus: mail programs show a "+" in a mailto: address as it is
    email = urlencode({"subject": title, "body": url}, quote_via=quote)
    return {
        "links": [
            ("email", _("Email"), f"mailto:?{email}"),
            ("facebook", "Facebook", SHARE["facebook"] + urlencode({"u": url})),
            ("linkedin", "LinkedIn", SHARE["linkedin"] + urlencode({"url": url})),
            ("whatsapp", "WhatsApp", SHARE["whatsapp"] + urlencode({"text": f"{title} {url}"})),
        ],
        "request": request,
    }
