"""Activity forms on the integration tray (kotoutumistarjotin), and the tray views:
a filterable listing, a coverage matrix of category × integration stage with the national
view of regions × categories, and the trays of one region or municipality."""

import operator
from functools import reduce

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.contact import ContactMixin
from home.forms import TermsInPageLanguageForm
from home.models import AggregatingPage
from home.permissions import ReviewedPage
from network import structured_data
from network.freshness import MARK_AFTER_MONTHS, unchecked_since
from network.models.organisations import InOrganisation, OrganisationLevel, attach_organisations
from network.models.places import Municipality, Region
from network.models.reach import reach_conditions
from network.models.taxonomies import IntegrationStage, TargetGroup

ACTIVITIES_PER_PAGE = 20


class ActivityCategory(models.TextChoices):
    SUPPORT = "support", _("Support")
    PARTICIPATION = "participation", _("Participation opportunity")
    RECRUITMENT = "recruitment", _("Recruitment into the organisation's activities")


class ActivityPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "network.ActivityPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ActivityPageQuerySet(PageQuerySet):
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


def reaching(place):
    """The activities reaching ``place`` as one condition, for filtering or for counting
    (``Count(..., filter=reaching(place))``) in a query of activities."""
    reach = reduce(operator.or_, reach_conditions(place).values())
    return Q(pk__in=ActivityPage.objects.filter(reach).values("pk"))


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
    schedule = models.CharField(
        _("notes on the schedule"),
        max_length=255,
        blank=True,
        help_text=_("What the times above do not say, e.g. “Come as you can, no need to book”."),
    )
    by_appointment = models.BooleanField(
        _("by appointment"), default=False, help_text=_("A time is agreed with each person.")
    )
    cost = models.CharField(
        _("cost"), max_length=120, blank=True, help_text=_("e.g. free of charge")
    )
    childcare = models.BooleanField(_("childcare available"), default=False)
    accessibility = models.TextField(_("accessibility"), blank=True)
    signup_url = models.URLField(_("sign-up link"), blank=True)
    tags = ClusterTaggableManager(through=ActivityPageTag, blank=True, verbose_name=_("tags"))
    # The organisation's last check of the details, the same in every language (see
    # network.freshness): set by publishing the source page or by "still correct".
    last_checked = models.DateField(_("last checked"), null=True, blank=True, editable=False)
    stale_reminder_sent_at = models.DateTimeField(
        _("stale reminder sent at"), null=True, blank=True, editable=False
    )

    objects = PageManager.from_queryset(ActivityPageQuerySet)()

    base_form_class = TermsInPageLanguageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("stages"), FieldPanel("target_groups")],
            _("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("regions"), FieldPanel("municipalities")],
            _("Where"),
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
                FieldPanel("languages"),
                FieldPanel("cost"),
                FieldPanel("childcare"),
                FieldPanel("accessibility"),
            ],
            _("Practical information"),
        ),
        MultiFieldPanel(
            [*ContactMixin.contact_panels, FieldPanel("signup_url")], _("Contact and sign-up")
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
        APIField("schedule"),
        APIField("schedules"),
        APIField("by_appointment"),
        APIField("cost"),
        APIField("childcare"),
        APIField("accessibility"),
        APIField("signup_url"),
        APIField("tags"),
    ]

    parent_page_types = ["network.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

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
        prefetch_related_objects([self], "schedules")  # read by the JSON-LD and the page
        context["structured_data"] = structured_data.activity(self, request)
        context["tray"] = ActivityIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        context["stage_names"] = IntegrationStage.localized_names(self.stages.all())
        context["target_group_names"] = TargetGroup.localized_names(self.target_groups.all())
        return context


class ActivityIndexPage(RoutablePageMixin, AggregatingPage):
    """The integration tray: every organisation's activities, filterable, and the
    coverage matrix that shows where activities are missing."""

    class Meta:
        verbose_name = _("integration tray")

    def activities(self):
        return self.aggregate(ActivityPage)

    @path("")
    def listing(self, request):
        from network.filters import ActivityFilterForm

        form = ActivityFilterForm(request.GET or None)
        form.is_valid()  # invalid values get an error; the valid ones still filter
        activities = form.apply(self.activities())
        activities = (
            activities.select_related("locale")
            .prefetch_related("municipalities", "regions", "stages", "target_groups", "languages")
            .order_by("title", "pk")
        )
        page_obj = Paginator(activities, ACTIVITIES_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = attach_organisations(page_obj.object_list)
        stages = {term.translation_key: term.name for term in IntegrationStage.for_locale()}
        groups = {term.translation_key: term.name for term in TargetGroup.for_locale()}
        for activity in page_obj.object_list:
            activity.stage_names = [
                stages.get(t.translation_key, t.name) for t in activity.stages.all()
            ]
            activity.target_group_names = [
                groups.get(t.translation_key, t.name) for t in activity.target_groups.all()
            ]
        return self.render(request, context_overrides={"form": form, "activities": page_obj})

    @path("kattavuus/", name="matrix")
    def matrix(self, request):
        """Counts of activities by category and integration stage, of all activities or of
        those reaching one municipality (empty cells are gaps), and the national view: what
        reaches each region, by category."""
        from network.coverage import by_region, coverage
        from network.filters import CoverageFilterForm

        form = CoverageFilterForm(request.GET or None)
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
        listed = attach_organisations(
            activities.with_reach(place)
            .select_related("locale")
            .prefetch_related("municipalities", "stages")
            .order_by("title", "pk")
        )
        own_key = "region_id" if kind == "region" else "pk"  # a municipality's key to the place
        for activity in listed:
            activity.places_here = [
                municipality.name
                for municipality in activity.municipalities.all()
                if getattr(municipality, own_key) == place.pk
            ]
        matrix = coverage(activities)
        return self.render(
            request,
            template="network/place_tray.html",
            context_overrides={
                "place": place,
                "kind": kind,
                "region": place if kind == "region" else place.region,
                "count": len(listed),
                "groups": by_category_and_stage(listed),
                "gaps": gaps(matrix["rows"]),
                **matrix,
                **(context or {}),
            },
        )
