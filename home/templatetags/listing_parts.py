"""``{% listing_part page "template" %}``: the part of a page drawn from the listings below
the home page (the home page's ways in and newest entries, an organisation's own entries),
kept under the count of changes (``home.change_count``). It takes some twenty queries to
build and changes when pages do, or as time passes (an event ends): the hour is part of the
key, so it is built again within the hour whatever happens."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home import change_count

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_part(context, page, template_name):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    hour = timezone.now().strftime("%Y%m%d%H")

    def render():
        return render_to_string(
            template_name, {"page": page, **page.listing_context()}, request=request
        )

    name = f"listing-part:{template_name}:{page.pk}:{hour}"
    return mark_safe(change_count.cached_per_change(request, site, name, render))  # noqa: S308
