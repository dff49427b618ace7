"""Activity forms on the integration tray (kotoutumistarjotin), and the tray views:
a filterable listing and a coverage matrix of category × integration stage."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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
from network.models.organisations import InOrganisation, OrganisationLevel, attach_organisations
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
    def reaching(self, municipality):
        """Activities open to people living in ``municipality``: those that run there, the
        regional ones of its region and the national ones (online activities belong here too
        once they exist). The one statement of that rule, for every view that narrows
        activities to a place."""
        reach = (
            Q(municipalities=municipality)
            | Q(level=OrganisationLevel.REGIONAL, regions=municipality.region_id)
            | Q(level=OrganisationLevel.NATIONAL)
        )
        return self.filter(pk__in=ActivityPage.objects.filter(reach).values("pk"))


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
    schedule = models.CharField(_("schedule"), max_length=255, blank=True)
    cost = models.CharField(
        _("cost"), max_length=120, blank=True, help_text=_("e.g. free of charge")
    )
    childcare = models.BooleanField(_("childcare available"), default=False)
    accessibility = models.TextField(_("accessibility"), blank=True)
    signup_url = models.URLField(_("sign-up link"), blank=True)
    tags = ClusterTaggableManager(through=ActivityPageTag, blank=True, verbose_name=_("tags"))

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
                FieldPanel("languages"),
                FieldPanel("schedule"),
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
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
        those reaching one municipality; empty cells are gaps."""
        from network.filters import CoverageFilterForm

        form = CoverageFilterForm(request.GET or None)
        activities = self.activities()
        if form.is_valid() and form.cleaned_data["municipality"]:
            activities = activities.reaching(form.cleaned_data["municipality"])
        counts = {
            (row["category"], row["stages__slug"]): row["count"]
            for row in activities.order_by()  # the default ordering by path would split the groups
            .values("category", "stages__slug")
            .annotate(count=Count("pk", distinct=True))
        }
        stages = IntegrationStage.for_locale()
        rows = [
            {
                "category": value,
                "label": label,
                "cells": [
                    {"stage": stage, "count": counts.get((value, stage.slug), 0)}
                    for stage in stages
                ],
                "unclassified": counts.get((value, None), 0),
            }
            for value, label in ActivityCategory.choices
        ]
        return self.render(
            request,
            template="network/activity_matrix.html",
            context_overrides={"stages": stages, "rows": rows, "form": form},
        )
