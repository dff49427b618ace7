from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.contact import ContactMixin
from home.forms import PageForm
from home.i18n import own_or_untranslated_q
from home.models import AggregatingPage, HomePage, optional_image
from home.permissions import ReviewedPage
from home.tree import below_any
from network import structured_data

ORGANISATIONS_PER_PAGE = 24
ORGANISATION_ENTRIES_SHOWN = 3


class OrganisationLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LOCAL = "local", _("Local")


class OrganisationIndexPage(AggregatingPage):
    """Lists the member organisations; each organisation's subtree sits below it."""

    subpage_types = ["network.OrganisationPage"]
    way_in_template = None  # the home page's ways in are to the content, not the members

    class Meta:
        verbose_name = _("organisation listing")

    def organisations(self):
        """Organisations in this language, and those not yet translated into it."""
        source_index = self.get_translation_or_none(Locale.get_default()) or self
        return (
            OrganisationPage.objects.filter(own_or_untranslated_q(OrganisationPage, self.locale))
            .filter(Q(path__startswith=self.path) | Q(path__startswith=source_index.path))
            .live()
            .public()
            .order_by("title", "pk")
            .select_related("logo", "locale")
            .prefetch_related("regions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        level = request.GET.get("level")
        organisations = self.organisations()
        if level in OrganisationLevel.values:
            organisations = organisations.filter(level=level)
        context["organisations"] = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["levels"] = OrganisationLevel.choices
        context["selected_level"] = level
        return context


class OrganisationPage(ContactMixin, ReviewedPage):
    """A member organisation. Its blog posts (and later materials and activities)
    are its descendants, so page permissions on this subtree isolate its editors."""

    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=OrganisationLevel.choices,
        default=OrganisationLevel.NATIONAL,
    )
    regions = ParentalManyToManyField(
        "network.Region",
        verbose_name=_("regions"),
        blank=True,
        help_text=_("Leave empty for an organisation that works in the whole country."),
    )
    intro = models.TextField(_("summary"), max_length=500, blank=True)
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    logo = optional_image(_("logo"))
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("address"), blank=True)

    base_form_class = PageForm

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("regions", widget=forms.CheckboxSelectMultiple)],
            _("Where it works"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), *ContactMixin.contact_panels, FieldPanel("address")],
            _("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name", boost=3),
        index.SearchField("intro", boost=2),
        index.SearchField("description"),
        index.FilterField("level"),
    ]
    api_fields = [
        APIField("short_name"),
        APIField("level"),
        APIField("regions"),
        APIField("intro"),
        APIField("description"),
        APIField("logo"),
        APIField("website"),
        APIField("contact_email"),
        APIField("contact_phone"),
    ]

    parent_page_types = ["network.OrganisationIndexPage"]
    subpage_types = [
        "network.BlogPage",
        "network.EventPage",
        "network.ActivityPage",
        "materials.MaterialPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = structured_data.organisation(self, request)
        return context

    @cached_property
    def branch_paths(self):
        """Where its content is in the page tree: below this page and, for a translation,
        below the original too (the originals not translated yet)."""
        source = self.get_translation_or_none(Locale.get_default())
        return {self.path} | ({source.path} if source else set())

    def listing_context(self):
        """A few of its materials, activities, events and posts, each with how many it has
        and a link to the listing filtered to them: the home page's listings, in its order
        (``home.templatetags.listing_parts``)."""
        home = HomePage.objects.ancestor_of(self).first()
        listings = home.ways_in() if home else []
        found = (
            listing.showcase(ORGANISATION_ENTRIES_SHOWN, organisation=self) for listing in listings
        )
        return {"showcases": [showcase for showcase in found if showcase["entries"]]}


# Which organisation a page belongs to: the nearest organisation page above it in the
# tree. Listings, filters, the materials bank's facet and the search all ask here.


def ancestor_paths(path):
    """The tree paths of the pages above the page at ``path``, nearest first."""
    step = Page.steplen
    return [path[:end] for end in range(len(path) - step, 0, -step)]


def nearest_organisation(path, by_path):
    """The organisation of ``by_path`` ({tree path: organisation}) nearest above ``path``."""
    return next((by_path[above] for above in ancestor_paths(path) if above in by_path), None)


def in_organisations(organisations):
    """A filter: the pages below any of ``organisations`` (pages or tree paths); none
    when there are none."""
    return below_any(getattr(organisation, "path", organisation) for organisation in organisations)


class OrganisationBranches:
    """The organisations' pages by tree path, for grouping many rows by organisation in
    one query: organisations sit at one depth of the tree (below the organisation
    listing), so a row's organisation is the one its path starts with, and ``branch``
    is that start as an expression a query can select or group by."""

    def __init__(self, by_path):
        self.by_path = by_path
        self.length = min(map(len, by_path), default=0)

    def branch(self):
        return Substr("path", 1, self.length)

    def of_branch(self, branch):
        """The organisation whose subtree a row with this ``branch`` is in, or None."""
        return self.by_path.get(branch)


class InOrganisation:
    """For pages that live in an organisation's subtree: ``organisation`` is the
    nearest organisation above the page. Listings fill it in bulk with
    ``attach_organisations`` so that it costs no query per item."""

    @cached_property
    def organisation(self):
        return OrganisationPage.objects.ancestor_of(self).order_by("-depth").first()


def attach_organisations(pages):
    """Set ``organisation`` on every page of ``pages`` with one query; return a list."""
    pages = list(pages)
    above = {path for page in pages for path in ancestor_paths(page.path)}
    found = OrganisationPage.objects.filter(path__in=above).select_related("logo")
    by_path = {organisation.path: organisation for organisation in found}
    for page in pages:
        page.organisation = nearest_organisation(page.path, by_path)
    return pages
