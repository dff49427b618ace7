"""Translatable taxonomies of the integration tray: stages of the integration path
and target groups."""

from django.utils.translation import gettext_lazy as _

from home.permissions import register_translated_snippet
from home.taxonomy import Term


@register_translated_snippet
class IntegrationStage(Term):
    """A stage of the integration path (kotoutumiskaari), from arrival to established life."""

    class Meta(Term.Meta):
        verbose_name = _("integration stage")
        verbose_name_plural = _("integration stages")


@register_translated_snippet
class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
