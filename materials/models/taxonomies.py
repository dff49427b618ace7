"""Translatable taxonomies of the materials bank."""

from django.utils.translation import gettext_lazy as _

from home.permissions import register_translated_snippet
from home.taxonomy import Term


@register_translated_snippet
class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


@register_translated_snippet
class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
