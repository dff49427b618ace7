"""Translatable taxonomies of the materials bank."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from home.taxonomy import Term


@register_snippet
class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


@register_snippet
class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
