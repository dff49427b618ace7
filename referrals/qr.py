"""The share link as a QR code: inline SVG (segno), with the link as its text alternative."""

import segno
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def qr_svg(url):
    """An ``<svg role="img">`` of the QR code of ``url``, named for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=4, border=2, dark="#000", light="#fff", svgclass="referral-qr__code"
    )
    label = format_html(
        ' role="img" aria-label="{}"', _("QR code of the link to this list: %(url)s") % {"url": url}
    )
    return mark_safe(svg.replace("<svg", "<svg" + label, 1))
