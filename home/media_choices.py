"""Documents and images an editor may put on a page: only those Wagtail lets the editor
choose (the collection permission "choose", which an organisation's editors hold on
their own collection).

Wagtail's choosers list only those, but a page form accepts any id posted to it; a
forged id of another organisation's file would link that file to the page. The page
forms check every way a page refers to a file: chooser fields (a blog post's image,
a material's files), and files and images inside StreamField blocks and rich text.
What the page already refers to stays valid, so that a coordinator's choice does not
stop its editor from saving."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

NOT_CHOOSABLE = _("Choose only documents and images from your own organisation's collections.")


def choosable_ids(user):
    """{media model: a query of the ids ``user`` may choose}."""
    models = (get_document_model(), get_image_model())
    return {
        model: policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            user, ["choose"]
        )
        for model in models
    }


def limit_chooser_fields(form, choosable):
    """Chooser fields of ``form`` accept only what may be chosen, or their current value."""
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        allowed = choosable.get(getattr(queryset, "model", None))
        if allowed is None:
            continue
        current = form.initial.get(name)
        condition = Q(pk__in=allowed.values("pk"))
        if current is not None:
            condition |= Q(pk=getattr(current, "pk", current))
        field.queryset = queryset.filter(condition)


def media_references(model_field, value):
    """{(media model, id)} that a StreamField or rich text value refers to."""
    return {
        (model, str(object_id))
        for model, object_id, _path, _content_path in model_field.extract_references(value)
    }


class ChoosableMediaFormMixin:
    """For Wagtail admin forms (``for_user`` set): see the module's docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choosable_media = choosable_ids(self.for_user) if self.for_user else None
        if self.choosable_media is None:
            return
        limit_chooser_fields(self, self.choosable_media)
        for formset in self.formsets.values():
            for form in formset.forms:
                limit_chooser_fields(form, self.choosable_media)

    def clean(self):
        cleaned_data = super().clean()
        if self.choosable_media is None:
            return cleaned_data
        for name in self.fields:
            model_field = self._model_field(name)
            if model_field is None or cleaned_data.get(name) is None:
                continue
            added = media_references(model_field, cleaned_data[name]) - media_references(
                model_field, getattr(self.instance, name)
            )
            if any(not self._may_choose(model, pk) for model, pk in added):
                self.add_error(name, self._refusal(model_field))
        return cleaned_data

    def _model_field(self, name):
        try:
            field = self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return field if hasattr(field, "extract_references") else None

    def _may_choose(self, model, pk):
        allowed = self.choosable_media.get(model)
        return allowed is None or allowed.filter(pk=pk).exists()

    @staticmethod
    def _refusal(model_field):
        if isinstance(model_field, StreamField):
            # The StreamField widget shows only block errors.
            return StreamBlockValidationError(non_block_errors=ErrorList([NOT_CHOOSABLE]))
        return NOT_CHOOSABLE
