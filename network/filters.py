"""The integration tray's filters: a plain GET form, so every filtered view has a
shareable address and works without JavaScript."""

import datetime
import functools

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from home import change_count, languages
from home.models import Language
from home.text_filter import narrow_to_text, typed_text
from home.widgets import QuickSelect
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
from network.models.activities import MAX_AGE
from network.models.schedules import HELSINKI

# The choices of "when": under way now, or at some moment from now to the end of the week.
NOW, THIS_WEEK = "now", "week"


class PlaceChoices(ModelChoiceIterator):
    """A place field's options read as (slug, name) pairs: no model instance for each of the
    309 municipalities on every request; the chosen place alone is loaded, when cleaned."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("slug", "name")


class PlaceField(forms.ModelChoiceField):
    """A municipality or region by its slug; the activities shown are those reaching it
    (``ActivityPageQuerySet.reaching``)."""

    iterator = PlaceChoices

    def __init__(self, places, label):
        super().__init__(
            places,
            to_field_name="slug",
            label=label,
            required=False,
            empty_label=_("All"),
            widget=QuickSelect,
        )


def municipality_field():
    return PlaceField(Municipality.objects.all(), _("Municipality"))


def read_choices():
    """The filters' choices read from the database, in the active language (every option
    label a plain string, so that a cache can keep them; a language named in the active
    language and in itself, sorted by the former: ``home.languages``)."""
    anything = [("", str(_("All")))]
    return {
        "municipality": anything + list(Municipality.objects.values_list("slug", "name")),
        "region": anything + list(Region.objects.values_list("slug", "name")),
        "category": anything + [(value, str(label)) for value, label in ActivityCategory.choices],
        "stage": anything + [(t.slug, t.name) for t in IntegrationStage.for_locale()],
        "target": anything + [(t.slug, t.name) for t in TargetGroup.for_locale()],
        "language": anything
        + languages.by_name(Language.objects.values_list("code", "native_name")),
        "organisation": anything
        + list(
            OrganisationPage.objects.filter(locale=Locale.get_default())
            .order_by("title", "pk")
            .values_list("slug", "title")
        ),
    }


def rendered_choices():
    """The filters' choices and their options rendered ({field: (choices, HTML)}): about
    1,400 options (every organisation, municipality and language) cost more to read and
    render than the rest of the tray, so they are kept per language under the number of
    changes (``home.change_count``: pages, and the places, languages and taxonomies counted in
    ``NetworkConfig.ready``)."""
    return {
        name: (choices, QuickSelect.options_html(choices))
        for name, choices in read_choices().items()
    }


class FilterForm(forms.Form):
    """A GET form whose help texts and errors are tied to their fields for screen readers;
    its choices are kept rendered between requests (``rendered_choices``) when it is given the
    ``request``."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        site = request and Site.find_for_request(request)
        kept = change_count.cached_per_change(request, site, "filter-choices", rendered_choices)
        for name, (choices, html) in kept.items():
            if name not in self.fields:
                continue
            field = self.fields[name]
            if not isinstance(field, PlaceField):  # a place is cleaned by its query
                # read (and normalised, ~1,000 organisations) only if a value is cleaned
                field.choices = functools.partial(list, choices)
            field.widget.rendered_options = html
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-help"

    def is_valid(self):
        valid = super().is_valid()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = [attrs.get("aria-describedby"), f"{self[name].auto_id}-error"]
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(filter(None, described))
        return valid

    def chosen_count(self):
        """How many filters are in use, for the "Filter (n)" button that unfolds them."""
        data = getattr(self, "cleaned_data", {})
        # an age of 0 is a choice: ``in`` would take it for False
        return sum(1 for value in data.values() if value not in (None, "") and value is not False)


class ActivityFilterForm(FilterForm):
    """What a professional looks for a client: where the client lives (what reaches that
    place: ``reach_conditions``), the language the client speaks (spoken in the activity or
    interpreted), who the client is, when, and words."""

    q = forms.CharField(
        label=_("Search words"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    municipality = municipality_field()
    region = PlaceField(Region.objects.all(), _("Region"))
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        widget=QuickSelect,
        help_text=_("Spoken in the activity, or with interpretation into it."),
    )
    target = forms.ChoiceField(label=_("Target group"), required=False, widget=QuickSelect)
    age = forms.IntegerField(
        label=_("Age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    stage = forms.ChoiceField(label=_("Stage of integration"), required=False, widget=QuickSelect)
    category = forms.ChoiceField(label=_("Category"), required=False, widget=QuickSelect)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        widget=QuickSelect,
        choices=[("", _("Any time")), (NOW, _("Open now")), (THIS_WEEK, _("This week"))],
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False, widget=QuickSelect)
    childcare = forms.BooleanField(label=_("Childcare available"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def place(self):
        """The place chosen, the municipality before the region: what each activity listed
        reaches, and says why."""
        data = getattr(self, "cleaned_data", {})
        return data.get("municipality") or data.get("region")

    def chosen_language(self):
        """The language chosen: each activity listed says whether it is interpreted."""
        return getattr(self, "cleaned_data", {}).get("language")

    # The search engine failed on the words typed: the other filters still apply.
    text_failed = False

    def apply(self, activities):
        data = dict.fromkeys(self.fields) | getattr(self, "cleaned_data", {})
        activities, self.text_failed = narrow_to_text(
            activities, ActivityPage.objects.live().public(), typed_text(data["q"])
        )
        for place in (data["municipality"], data["region"]):
            if place:
                activities = activities.reaching(place)
        if data["category"]:
            activities = activities.filter(category=data["category"])
        if data["stage"]:
            activities = activities.having("stages", integrationstage__slug=data["stage"])
        if data["target"]:
            activities = activities.having("target_groups", targetgroup__slug=data["target"])
        if data["language"]:
            activities = activities.in_language(data["language"])
        if data["age"] is not None:
            activities = activities.for_age(data["age"])
        if data["when"]:
            activities = activities.taking_place(self.now, self.time_window_end(data["when"]))
        if data["childcare"]:
            activities = activities.filter(childcare=True)
        if data["free"]:
            activities = activities.filter(free=True)
        if data["organisation"]:
            organisations = OrganisationPage.objects.filter(slug=data["organisation"]).only("path")
            activities = activities.filter(in_organisations(organisations))
        return activities  # every condition is one of its own: no activity comes twice

    def time_window_end(self, when):
        """Until when an activity must take place: now ("open now"), or the end of this
        week, Sunday night in Helsinki ("this week")."""
        if when == NOW:
            return self.now
        today = timezone.localdate(self.now)
        monday = today + datetime.timedelta(days=7 - today.weekday())
        return datetime.datetime.combine(monday, datetime.time.min, tzinfo=HELSINKI)


class MunicipalityForm(FilterForm):
    """One municipality: the coverage matrix narrowed to what reaches it, or the home page's
    way into the tray of what reaches it."""

    municipality = municipality_field()
