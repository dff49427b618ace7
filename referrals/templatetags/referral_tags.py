"""Helpers of the referral list's templates."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from home import addresses

register = template.Library()


@register.simple_tag
def label_attributes(language):
    """`` lang=… dir=…`` for interface text (labels) inside content written in ``language``
    when the interface is shown in another language: the client's language where the
    interface has it, else the default language (Arabic lists have Finnish labels)."""
    current = translation.get_language()
    shown = current if current in settings.INTERFACE_LANGUAGES else settings.LANGUAGE_CODE
    if shown == language:
        return ""
    return format_html(
        ' lang="{}" dir="{}"', shown, "rtl" if shown in settings.LANGUAGES_BIDI else "ltr"
    )


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """``path`` at the site's public address (for links in a PDF or a page handed to someone
    else)."""
    return addresses.absolute(path, context.get("request"))
