"""Finland's regions (maakunnat) and municipalities, loaded from ``network/data``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.languages import collation_key


class Region(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="municipalities"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


def municipalities_by_region(choices):
    """Municipality choices (the admin's ``FilterableCheckboxes``) under their regions'
    names, in the reader's alphabetical order: an editor ticks a region's municipalities
    together, and finds a municipality under the region it is known by."""
    regions = {
        str(pk): region for pk, region in Municipality.objects.values_list("pk", "region__name")
    }
    groups = {}
    for value, label in choices:
        groups.setdefault(regions[str(value)], []).append((value, label))
    key = collation_key()
    return sorted(groups.items(), key=lambda group: key(group[0]))
