"""Structured data (JSON-LD) in a page's head."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: no character of the data can end the element or start markup.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """``data`` as a ``<script type="application/ld+json">`` element. Browsers do not run it,
    so the Content-Security-Policy (scripts from the site only) does not concern it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
