"""Contact details of a page: the same fields, labels and editor panels on every page
type that names someone to contact (organisations, tray activities)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ContactMixin(models.Model):
    """Who to contact; ``templates/home/includes/contact_card.html`` shows them."""

    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)

    contact_panels = [
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
    ]

    class Meta:
        abstract = True
