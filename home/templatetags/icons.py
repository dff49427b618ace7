"""``{% icon "place" %}``: one of the site's own icons (``static_src/icons/``) inline, so that
it takes the text's colour and needs no request of its own. Icons are decoration beside
words that say the same, hidden from screen readers."""

import functools
import re

from django import template
from django.contrib.staticfiles import finders
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

OUTER_TAG = re.compile(r"^\s*<svg[^>]*>|</svg>\s*$")


@functools.cache
def icon_shapes(name):
    """The inside of ``icons/<name>.svg``; a missing icon is an error while developing."""
    path = finders.find(f"icons/{name}.svg")
    if path is None:
        raise template.TemplateSyntaxError(f"No icon {name!r} in static_src/icons/")
    with open(path, encoding="utf-8") as file:
        return OUTER_TAG.sub("", file.read())


@register.simple_tag
def icon(name, classname=""):
    return format_html(
        '<svg class="icon icon--{}{}" aria-hidden="true" focusable="false" viewBox="0 0 24 24"'
        ' fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"'
        ' stroke-linejoin="round">{}</svg>',
        name,
        f" {classname}" if classname else "",
        mark_safe(icon_shapes(name)),  # noqa: S308 - the site's own files
    )
