"""Activity forms on the integration tray (kotoutumistarjotin), and the tray views:
a filterable listing, a coverage matrix of category × integration stage with the national
view of regions × categories, and the trays of one region or municipality."""

import operator
from functools import reduce

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.contact import ContactMixin
from home.forms import TermsInPageLanguageForm
from home.models import AggregatingPage
from home.permissions import ReviewedPage
from home.widgets import FilterableCheckboxes
from network import structured_data
from network.freshness import MARK_AFTER_MONTHS, unchecked_since
from network.models.activity_places import ActivityPlace
from network.models.organisations import InOrganisation, OrganisationLevel, attach_organisations
from network.models.places import Municipality, Region, municipalities_by_region
from network.models.reach import reach_conditions
from network.models.schedules import upcoming
from network.models.taxonomies import IntegrationStage, TargetGroup

ACTIVITIES_PER_PAGE = 20
# How many activities a place tray lists in each group of category and stage.
PLACE_TRAY_GROUP_SIZE = 5


class ActivityCategory(models.TextChoices):
    SUPPORT = "support", _("Support")
    PARTICIPATION = "participation", _("Participation opportunity")
    RECRUITMENT = "recruitment", _("Recruitment into the organisation's activities")


class ActivityStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("activity status", "Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class JoinMethod(models.TextChoices):
    NONE = "none", _("No registration needed")
    LINK = "link", _("Sign up with the link")
    PHONE = "phone", _("Sign up by phone")
    EMAIL = "email", _("Sign up by email")


# What each way of signing up needs filled in, and the error when it is not.
JOIN_METHOD_NEEDS = {
    JoinMethod.LINK: ("signup_url", _("Signing up with the link needs the sign-up link.")),
    JoinMethod.PHONE: ("contact_phone", _("Signing up by phone needs the contact phone.")),
    JoinMethod.EMAIL: ("contact_email", _("Signing up by email needs the contact email.")),
}
MAX_AGE = 120

# The facts of an activity, the same in every translation (wagtail-localize copies them from
# the source and offers no override): a translator translates only the texts.
SHARED_FACTS = [
    "places",
    "online",
    "join_method",
    "signup_deadline",
    "free",
    "min_age",
    "max_age",
    "interpretation_languages",
    "childcare",
    "status",
]


class ActivityPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.ActivityPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ActivityPageQuerySet(PageQuerySet):
    def listed(self):
        """The activities the tray lists and counts: active ones (paused and ended activities
        keep their pages, which say so)."""
        return self.filter(status=ActivityStatus.ACTIVE)

    def refresh_times(self, now):
        """Keeps anew when the activities whose kept occurrence has ended take place next:
        the tray does so before it filters or orders by time (a few at a time: those whose
        time passed since the last request)."""
        passed = self.filter(next_ends_at__lt=now).order_by("pk").prefetch_related("schedules")
        for activity in passed:
            kept = activity.next_ends_at
            activity.set_next_time(now)
            # Only if no one changed it meanwhile: a publish in between has the newer times.
            ActivityPage.objects.filter(pk=activity.pk, next_ends_at=kept).update(
                next_starts_at=activity.next_starts_at, next_ends_at=activity.next_ends_at
            )

    def in_language(self, code):
        """Activities spoken in the language ``code``, or interpreted into it."""
        return self.filter(
            having("languages", language__code=code)
            | having("interpretation_languages", language__code=code)
        )

    def having(self, field, **lookups):
        """Activities with a term of the many-to-many ``field`` matching ``lookups`` (on its
        table of links): a condition of its own, so that no activity comes twice and the
        listing needs no ``distinct()`` over whole rows."""
        return self.filter(having(field, **lookups))

    def interpreted_into(self, code):
        """Each activity annotated with ``interpreted``: whether it is in ``code`` only with
        interpretation (it is not spoken in the activity)."""
        return self.annotate(
            interpreted=~Exists(
                ActivityPage.languages.through.objects.filter(
                    activitypage_id=OuterRef("pk"), language__code=code
                )
            )
        )

    def for_age(self, age):
        """Activities open to a person of ``age`` (no limit on a side is no limit)."""
        return self.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=age),
            Q(max_age__isnull=True) | Q(max_age__gte=age),
        )

    def taking_place(self, start, end):
        """Activities under way at some moment from ``start`` to ``end`` (aware datetimes),
        by their kept next time (``refresh_times`` first)."""
        return self.filter(next_ends_at__gt=start, next_starts_at__lte=end)

    def reaching(self, place):
        """Activities open to people living in ``place``, a municipality or a region (the rule:
        ``reach_conditions``)."""
        return self.filter(reaching(place))

    def with_reach(self, place):
        """Each activity annotated with ``reach``: why it reaches ``place``, the most specific
        reason of ``reach_conditions`` that applies to it (None when none does)."""
        return self.annotate(
            reach=Case(
                *(
                    When(
                        Exists(ActivityPage.objects.filter(condition, pk=OuterRef("pk"))),
                        then=Value(str(reason)),
                    )
                    for reason, condition in reach_conditions(place).items()
                ),
                default=None,
            )
        )


def having(field, **lookups):
    """Whether an activity has a term of its many-to-many ``field`` whose link matches
    ``lookups`` (e.g. ``having("stages", integrationstage__slug="alkuvaihe")``)."""
    links = getattr(ActivityPage, field).through.objects
    return Exists(links.filter(activitypage_id=OuterRef("pk"), **lookups))


def taking_part_prefetches():
    """What ``network/includes/how_to_take_part.html`` shows of each activity, to prefetch
    for a page or a list of activities: a fixed number of queries however many."""
    return [
        Prefetch("places", queryset=ActivityPlace.objects.select_related("municipality__region")),
        "languages",
        "interpretation_languages",
        "schedules",
    ]


def reaching(place):
    """The activities reaching ``place`` as one condition, for filtering or for counting
    (``Count(..., filter=reaching(place))``) in a query of activities."""
    reach = reduce(operator.or_, reach_conditions(place).values())
    return Q(pk__in=ActivityPage.objects.filter(reach).values("pk"))


def attach_target_group_names(activities):
    """Sets ``target_group_names`` on each of ``activities``, in the active language and the
    taxonomy's order, from one query of their links' keys: a card needs only the names, and
    prefetching the terms costs a manager and a queryset per activity."""
    names = {term.translation_key: term.name for term in TargetGroup.for_locale()}
    keys = {activity.pk: [] for activity in activities}
    links = (
        ActivityPage.target_groups.through.objects.filter(activitypage_id__in=keys)
        .order_by("targetgroup__sort_order", "targetgroup__name")
        .values_list("activitypage_id", "targetgroup__translation_key", "targetgroup__name")
    )
    for pk, key, name in links:
        keys[pk].append(names.get(key, name))
    for activity in activities:
        activity.target_group_names = keys[activity.pk]
    return activities


def explain_reach(activities, place):
    """Says on each of ``activities`` (annotated by ``ActivityPageQuerySet.with_reach``, with
    their municipalities prefetched) why it reaches ``place``, as
    ``network/includes/reach_reason.html`` puts it: ``places_here``, the municipalities of
    ``place`` it runs in, and ``reach_region``, the region of ``place``."""
    region = place if isinstance(place, Region) else place.region
    own_key = "region_id" if isinstance(place, Region) else "pk"  # a municipality's key to it
    for activity in activities:
        activity.reach_region = region
        activity.places_here = [
            municipality.name
            for municipality in activity.municipalities.all()
            if getattr(municipality, own_key) == place.pk
        ]
    return activities


class ActivityPage(InOrganisation, ContactMixin, ReviewedPage):
    """One activity form of an organisation, described in the network's common model."""

    intro = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    category = models.CharField(_("category"), max_length=20, choices=ActivityCategory.choices)
    level = models.CharField(_("level"), max_length=20, choices=OrganisationLevel.choices)
    regions = ParentalManyToManyField("network.Region", verbose_name=_("regions"), blank=True)
    municipalities = ParentalManyToManyField(
        "network.Municipality", verbose_name=_("municipalities"), blank=True
    )
    stages = ParentalManyToManyField(
        "network.IntegrationStage", verbose_name=_("stages of the integration path"), blank=True
    )
    target_groups = ParentalManyToManyField(
        "network.TargetGroup", verbose_name=_("target groups"), blank=True
    )
    languages = ParentalManyToManyField(
        "home.Language", verbose_name=_("languages the activity runs in"), blank=True
    )
    interpretation_languages = ParentalManyToManyField(
        "home.Language",
        verbose_name=_("interpretation available into"),
        related_name="interpreted_activities",
        blank=True,
        help_text=_("The languages an interpreter can be arranged for."),
    )
    online = models.BooleanField(_("can be joined online"), default=False)
    online_url = models.URLField(
        _("online joining link"),
        blank=True,
        help_text=_("Where to join online, e.g. a video meeting; empty if it is sent on sign-up."),
    )
    schedule = models.CharField(
        _("notes on the schedule"),
        max_length=255,
        blank=True,
        help_text=_("What the times above do not say, e.g. “Come as you can, no need to book”."),
    )
    by_appointment = models.BooleanField(
        _("by appointment"), default=False, help_text=_("A time is agreed with each person.")
    )
    free = models.BooleanField(_("free of charge"), default=True)
    fee = models.CharField(
        _("fee"),
        max_length=200,
        blank=True,
        help_text=_("What taking part costs, e.g. 5 € a time; needed when not free of charge."),
    )
    childcare = models.BooleanField(_("childcare available"), default=False)
    accessibility = models.TextField(_("accessibility"), blank=True)
    join_method = models.CharField(
        _("how to join"), max_length=10, choices=JoinMethod.choices, default=JoinMethod.NONE
    )
    signup_url = models.URLField(_("sign-up link"), blank=True)
    signup_deadline = models.DateField(_("sign-up deadline"), null=True, blank=True)
    join_instructions = models.TextField(
        _("instructions for joining"),
        max_length=600,
        blank=True,
        help_text=_("In a sentence or two for the client, e.g. come to any meeting."),
    )
    eligibility = models.TextField(
        _("who it is for"),
        max_length=400,
        blank=True,
        help_text=_("In words for the client, e.g. mothers at home with small children."),
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActivityStatus.choices,
        default=ActivityStatus.ACTIVE,
        help_text=_(
            "Paused and ended activities leave the tray's lists and counts; "
            "their page stays and says so."
        ),
    )
    tags = ClusterTaggableManager(through=ActivityPageTag, blank=True, verbose_name=_("tags"))
    # The organisation's last check of the details, the same in every language (see
    # network.freshness): set by publishing the source page or by "still correct".
    last_checked = models.DateField(_("last checked"), null=True, blank=True, editable=False)
    stale_reminder_sent_at = models.DateTimeField(
        _("stale reminder sent at"), null=True, blank=True, editable=False
    )
    # When it takes place: the occurrence under way or the next one (None: none to come), kept
    # by save() and by ``ActivityPageQuerySet.refresh_times`` once it has passed, for the
    # tray's "open now" and "this week" and its order.
    next_starts_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    next_ends_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    objects = PageManager.from_queryset(ActivityPageQuerySet)()

    # What ``with_reach`` and ``interpreted_into`` annotate, when the listing did not ask: a
    # card reads both, and a template's failed look-up calls ``dir()`` on the page (~0.3 ms
    # for a page's 400 attributes, twice a card).
    reach = None
    interpreted = False

    base_form_class = TermsInPageLanguageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            _("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel(
                    "municipalities",
                    widget=FilterableCheckboxes(
                        grouping=municipalities_by_region, whole_group_label=_("Whole region")
                    ),
                ),
                InlinePanel("places", label=_("Places"), heading=_("Places where it meets")),
                FieldPanel("online"),
                FieldPanel("online_url"),
            ],
            _("Where"),
            help_text=_(
                "A place's municipality is added to the municipalities on saving. An activity "
                "that can be joined online reaches every municipality."
            ),
        ),
        MultiFieldPanel(
            [
                InlinePanel("schedules", label=_("time")),
                FieldPanel("by_appointment"),
                FieldPanel("schedule"),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("join_method"),
                FieldPanel("signup_url"),
                FieldPanel("signup_deadline"),
                FieldPanel("join_instructions"),
                *ContactMixin.contact_panels,
            ],
            _("How to join"),
            help_text=_(
                "Signing up with the link, by phone or by email needs the link, the phone or the "
                "email below."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldPanel("languages", widget=FilterableCheckboxes),
                FieldPanel("interpretation_languages", widget=FilterableCheckboxes),
            ],
            _("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("free"),
                FieldPanel("fee"),
                FieldPanel("childcare"),
                FieldPanel("accessibility"),
                FieldPanel("status"),
            ],
            _("Practical information"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("category"),
        index.FilterField("level"),
        index.FilterField("childcare"),
        index.FilterField("status"),
        index.FilterField("free"),
        index.FilterField("online"),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("category"),
        APIField("level"),
        APIField("regions"),
        APIField("municipalities"),
        APIField("stages"),
        APIField("target_groups"),
        APIField("languages"),
        APIField("interpretation_languages"),
        APIField("places"),
        APIField("online"),
        APIField("online_url"),
        APIField("schedule"),
        APIField("free"),
        APIField("fee"),
        APIField("schedules"),
        APIField("by_appointment"),
        APIField("childcare"),
        APIField("accessibility"),
        APIField("join_method"),
        APIField("signup_url"),
        APIField("signup_deadline"),
        APIField("join_instructions"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("eligibility"),
        APIField("min_age"),
        APIField("max_age"),
        APIField("status"),
        APIField("tags"),
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in SHARED_FACTS
    ]

    parent_page_types = ["network.OrganisationPage"]
    # the shortcut on its organisation's editors' dashboard (network.dashboard)
    add_label = _("New activity")
    # views counted by the page's beacon (home.views.count_page_view) for the Downloads report
    counts_views = True
    subpage_types = []

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def clean(self):
        """Checks that the facts fit together (an error on the field to fix) and counts each
        place's municipality among those the activity runs in."""
        super().clean()
        self.add_place_municipalities()
        errors = {}
        needed = JOIN_METHOD_NEEDS.get(self.join_method)
        if needed and not getattr(self, needed[0]):
            errors[needed[0]] = needed[1]
        if not self.free and not self.fee.strip():
            errors["fee"] = _("Say what taking part costs, or tick “free of charge”.")
        if self.free and self.fee.strip():
            errors["fee"] = _(
                "An activity free of charge has no fee: empty this or untick “free of charge”."
            )
        if self.online_url and not self.online:
            errors["online"] = _("Tick this for the online joining link, or remove the link.")
        if None not in (self.min_age, self.max_age) and self.min_age > self.max_age:
            errors["max_age"] = _("The maximum age cannot be below the minimum age.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.set_next_time(timezone.now())
        super().save(*args, **kwargs)

    def set_next_time(self, now):
        self.next_starts_at, self.next_ends_at = upcoming(self, now) or (None, None)

    def add_place_municipalities(self):
        """The municipalities of the places, added to those the activity runs in (in memory:
        saved with the page or its revision)."""
        places = {place.municipality_id for place in self.places.all()}
        if not places:
            return
        try:
            have = list(self.municipalities.all())
        except ValueError:  # a new page whose municipalities were never set
            have = []
        missing = places - {municipality.pk for municipality in have}
        if missing:
            self.municipalities = [*have, *Municipality.objects.filter(pk__in=missing)]

    def areas_served(self):
        """Where the activity reaches, as ``(kind, name)`` pairs (kind: country, region or
        municipality): Finland for a national activity, else the municipalities it runs in
        and, for a regional one, its regions (the rule ``reaching`` applies)."""
        if self.level == OrganisationLevel.NATIONAL:
            return [("country", _("Finland"))]
        regions = self.regions.all() if self.level == OrganisationLevel.REGIONAL else []
        return [("region", region.name) for region in regions] + [
            ("municipality", municipality.name) for municipality in self.municipalities.all()
        ]

    @property
    def unchecked_for_a_year(self):
        """Whether the site marks the activity as not checked for over a year."""
        return self.last_checked is not None and self.last_checked <= unchecked_since(
            MARK_AFTER_MONTHS
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # a new page's preview has nothing saved to fetch
            prefetch_related_objects([self], *taking_part_prefetches())
        context["structured_data"] = structured_data.activity(self, request)
        context["tray"] = ActivityIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        context["stage_names"] = IntegrationStage.localized_names(self.stages.all())
        context["target_group_names"] = TargetGroup.localized_names(self.target_groups.all())
        return context


class ActivityIndexPage(RoutablePageMixin, AggregatingPage):
    """The integration tray: every organisation's activities, filterable, and the
    coverage matrix that shows where activities are missing."""

    way_in_template = "network/includes/way_in_tray.html"
    way_in_icon = "tray"
    card_template = "network/includes/card/activity.html"

    class Meta:
        verbose_name = _("integration tray")

    def activities(self):
        """What the tray lists and counts, in every view of it: live, public, active."""
        return self.aggregate(ActivityPage).listed()

    def showcase_entries(self):
        return self.activities().order_by("title", "pk")

    def prepare_cards(self, entries):
        return attach_organisations(
            entries.select_related("locale").prefetch_related("municipalities", "languages")
        )

    def municipality_picker(self):
        """The home page's way into the tray of one municipality: a GET form to this page."""
        from network.filters import MunicipalityForm

        return MunicipalityForm(auto_id="way-in-%s")

    @path("")
    def listing(self, request):
        from network.filters import ActivityFilterForm

        now = timezone.now()
        ActivityPage.objects.refresh_times(now)
        form = ActivityFilterForm(request.GET or None, now=now, request=request)
        form.is_valid()  # invalid values get an error; the valid ones still filter
        activities = form.apply(self.activities())
        place, language = form.place(), form.chosen_language()
        if place:  # each activity says why it reaches the place
            activities = activities.with_reach(place)
        if language:  # and whether it is in the language only with interpretation
            activities = activities.interpreted_into(language)
        activities = (
            activities.defer("body")  # a card shows no description
            .select_related("locale")
            .prefetch_related("municipalities", "languages")
            .order_by(F("next_starts_at").asc(nulls_last=True), "title", "pk")
        )
        page_obj = Paginator(activities, ACTIVITIES_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = attach_organisations(page_obj.object_list)
        if place:
            explain_reach(page_obj.object_list, place)
        attach_target_group_names(page_obj.object_list)
        return self.render(
            request,
            context_overrides={"form": form, "activities": page_obj},
        )

    @path("kattavuus/", name="matrix")
    def matrix(self, request):
        """Counts of activities by category and integration stage, of all activities or of
        those reaching one municipality (empty cells are gaps), and the national view: what
        reaches each region, by category."""
        from network.coverage import by_region, coverage
        from network.filters import MunicipalityForm

        form = MunicipalityForm(request.GET or None, request=request)
        activities = self.activities()
        if form.is_valid() and form.cleaned_data["municipality"]:
            activities = activities.reaching(form.cleaned_data["municipality"])
        return self.render(
            request,
            template="network/activity_matrix.html",
            context_overrides={
                **coverage(activities),
                "form": form,
                "regions": by_region(self.activities()),
            },
        )

    @path("alue/<slug:slug>/", name="region")
    def region(self, request, slug):
        region = get_object_or_404(Region, slug=slug)
        municipalities = Municipality.objects.filter(
            region=region, pk__in=self.activities().values("municipalities")
        )
        return self.place_tray(request, region, "region", {"municipalities": municipalities})

    @path("kunta/<slug:slug>/", name="municipality")
    def municipality(self, request, slug):
        municipality = get_object_or_404(Municipality.objects.select_related("region"), slug=slug)
        return self.place_tray(request, municipality, "municipality")

    def place_tray(self, request, place, kind, context=None):
        """The tray of one region or municipality (``kind``, also the filter narrowing the
        listing to it): what reaches it, grouped by category and stage, its coverage matrix and
        its gaps in words; printable for a local network meeting."""
        from network.coverage import by_category_and_stage, coverage, gaps

        activities = self.activities().reaching(place)
        # Each group lists its most local activities first, up to PLACE_TRAY_GROUP_SIZE (a
        # place reached by hundreds of national and online activities would otherwise list
        # them all): the rest are counted and a link opens them in the filtered tray. What is
        # listed is chosen from a light query of every activity reaching the place, and only
        # that is read whole.
        rows = (
            activities.with_reach(place)
            .order_by()
            .values_list("pk", "category", "title", "reach", "stages__translation_key")
        )
        groups, chosen = by_category_and_stage(
            rows, PLACE_TRAY_GROUP_SIZE, list(reach_conditions(place))
        )
        listed = {
            activity.pk: activity
            for activity in attach_organisations(
                ActivityPage.objects.filter(pk__in=chosen)
                .defer("body")  # a line shows no description
                .select_related("locale")
                .prefetch_related("municipalities")
            )
        }
        for row in rows:  # the reason is already known: no second annotation
            if row[0] in listed:
                listed[row[0]].reach = row[3]
        explain_reach(listed.values(), place)
        for category in groups:
            for group in category["stages"]:
                group["activities"] = [listed[pk] for pk in group["activities"]]
        count = len({row[0] for row in rows})
        matrix = coverage(activities)
        return self.render(
            request,
            template="network/place_tray.html",
            context_overrides={
                "place": place,
                "kind": kind,
                "region": place if kind == "region" else place.region,
                "count": count,
                "groups": groups,
                "gaps": gaps(matrix["rows"]),
                **matrix,
                **(context or {}),
            },
        )
