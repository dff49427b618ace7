"""Where an activity meets: its places, each with a Finnish street address in a known
municipality, optional coordinates and physical accessibility. A place's municipality counts
as one the activity runs in (``ActivityPage.clean`` adds it), so the tray's reach rule needs
no second path through places."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

# Finland lies within these (with a margin): a point outside is a typo or swapped values.
LATITUDES = (59.0, 70.5)
LONGITUDES = (19.0, 32.0)


class StepFree(models.TextChoices):
    UNKNOWN = "unknown", _("Not known")
    YES = "yes", _("Yes")
    NO = "no", _("No")


def within(low, high, message):
    return [
        MinValueValidator(low, message=message),
        MaxValueValidator(high, message=message),
    ]


class ActivityPlace(Orderable):
    """One place where an activity meets; the same in every translation of the activity."""

    page = ParentalKey("network.ActivityPage", related_name="places", on_delete=models.CASCADE)
    name = models.CharField(
        _("name of the place"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Kemi city library"),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[
            RegexValidator(r"^\d{5}\Z", _("A Finnish postal code is five digits, e.g. 94100."))
        ],
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=within(*LATITUDES, _("A latitude in Finland is between 59 and 70.5.")),
        help_text=_("Optional, with the longitude: decimal degrees, e.g. 65.7369."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=within(*LONGITUDES, _("A longitude in Finland is between 19 and 32.")),
        help_text=_("Optional, with the latitude: decimal degrees, e.g. 24.5637."),
    )
    step_free = models.CharField(
        _("step-free entrance"),
        max_length=10,
        choices=StepFree.choices,
        default=StepFree.UNKNOWN,
        help_text=_("Can a wheelchair or a pram get in without steps?"),
    )
    accessibility_notes = models.TextField(
        _("accessibility of the place"),
        max_length=600,
        blank=True,
        help_text=_("e.g. lift to the second floor, accessible toilet, induction loop."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("municipality")]
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("step_free"),
        FieldPanel("accessibility_notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return ", ".join(part for part in (self.name, self.street_address) if part) or str(
            self.municipality
        )

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )

    @property
    def text_language(self):
        """The language of the name and notes: the source page's, as places are shared by
        every translation of the activity rather than translated."""
        return settings.LANGUAGE_CODE

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
