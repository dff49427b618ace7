"""The admin form field of every StreamField, refusing garbled form data with a message.

Wagtail's ``StreamBlock`` and ``ListBlock`` read their ``-count``, ``-deleted`` and
``-order`` keys with ``data[key]`` and ``int()``, so a POST that lacks them (a browser
extension, a truncated request, a hand-made request) ends in a KeyError or ValueError:
a server error, and the editor's work lost. This field, put in place of Wagtail's
``BlockField`` through Wagtail's own ``register_form_field_override``, turns such data
into an error on the field; the form is then shown again with the saved content."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField

GARBLED = object()
"""What the widget reads from form data that Wagtail's blocks cannot read."""


class CheckedBlockWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError, OverflowError):
            return GARBLED


class CheckedBlockField(BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", CheckedBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def bound_data(self, data, initial):
        """The form shown again holds the content as it was, not the garbled data."""
        return initial if data is GARBLED else data

    def has_changed(self, initial_value, data_value):
        return data_value is GARBLED or super().has_changed(initial_value, data_value)

    def clean(self, value):
        if value is GARBLED:
            raise ValidationError(
                _(
                    "This content arrived incomplete and was not saved. The saved version is "
                    "shown again: make your change once more and save."
                ),
                code="garbled",
            )
        return super().clean(value)


def register():
    register_form_field_override(StreamField, override={"form_class": CheckedBlockField})
