"""``{% page_actions page %}``: what the apps above offer to do with a page, on the page and
on its cards. ``home`` owns the point and the lower apps' templates place it; each function
registered for the Wagtail hook ``page_actions`` gets the template context and the page and
returns HTML or nothing (the referral list adds its "Add" button), so no lower app names
an upper one."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_actions(context, page):
    parts = (action(context, page) for action in hooks.get_hooks("page_actions"))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))
