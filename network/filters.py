"""The integration tray's filters: a plain GET form, so every filtered view has a
shareable address and works without JavaScript."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import Language
from network.models import (
    ActivityCategory,
    ActivityPage,
    IntegrationStage,
    Municipality,
    OrganisationPage,
    Region,
    TargetGroup,
    in_organisations,
)


def municipality_field():
    """A municipality by its slug; the activities shown are those reaching it
    (``ActivityPageQuerySet.reaching``)."""
    return forms.ModelChoiceField(
        Municipality.objects.all(),
        to_field_name="slug",
        label=_("Municipality"),
        required=False,
        empty_label=_("All"),
    )


class FilterForm(forms.Form):
    """A GET form whose invalid fields are marked for screen readers."""

    def is_valid(self):
        valid = super().is_valid()
        for name in self.errors:
            if name in self.fields:  # tie the message to its field for screen readers
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"}
                )
        return valid


class ActivityFilterForm(FilterForm):
    municipality = municipality_field()
    region = forms.ChoiceField(label=_("Region"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    stage = forms.ChoiceField(label=_("Stage of integration"), required=False)
    target = forms.ChoiceField(label=_("Target group"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    childcare = forms.BooleanField(label=_("Childcare available"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["region"].choices = anything + list(Region.objects.values_list("slug", "name"))
        self.fields["category"].choices = anything + list(ActivityCategory.choices)
        self.fields["stage"].choices = anything + [
            (t.slug, t.name) for t in IntegrationStage.for_locale()
        ]
        self.fields["target"].choices = anything + [
            (t.slug, t.name) for t in TargetGroup.for_locale()
        ]
        self.fields["language"].choices = anything + list(
            Language.objects.values_list("code", "native_name")
        )
        self.fields["organisation"].choices = anything + list(
            OrganisationPage.objects.filter(locale=Locale.get_default())
            .order_by("title", "pk")
            .values_list("slug", "title")
        )

    def apply(self, activities):
        data = {name: "" for name in self.fields} | getattr(self, "cleaned_data", {})
        if data["municipality"]:
            activities = activities.reaching(data["municipality"])
        if data["region"]:
            # named for the region, or in one of its municipalities
            in_region = ActivityPage.objects.filter(
                Q(regions__slug=data["region"]) | Q(municipalities__region__slug=data["region"])
            )
            activities = activities.filter(pk__in=in_region.values("pk"))
        if data["category"]:
            activities = activities.filter(category=data["category"])
        if data["stage"]:
            activities = activities.filter(stages__slug=data["stage"])
        if data["target"]:
            activities = activities.filter(target_groups__slug=data["target"])
        if data["language"]:
            activities = activities.filter(languages__code=data["language"])
        if data["childcare"]:
            activities = activities.filter(childcare=True)
        if data["organisation"]:
            organisations = OrganisationPage.objects.filter(slug=data["organisation"]).only("path")
            activities = activities.filter(in_organisations(organisations))
        return activities.distinct()


class CoverageFilterForm(FilterForm):
    """The coverage matrix narrowed to what reaches one municipality."""

    municipality = municipality_field()
