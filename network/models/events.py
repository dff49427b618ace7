"""Events of the network: network and regional meetings, workshops, trainings.

An event lives in its organiser's subtree; ``EventIndexPage`` lists the events of every
organisation and serves them as an iCalendar feed, and every event has its own ``.ics``."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event, vCalAddress
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.forms import PageForm
from home.models import AggregatingPage
from home.permissions import ReviewedPage
from network.models.organisations import (
    InOrganisation,
    OrganisationPage,
    attach_organisations,
    in_organisations,
)

EVENTS_PER_PAGE = 10
EVENT_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Helsinki")
FEED_PAST_DAYS = 90
ICAL_PRODID = "-//Tarjotin//Events//FI"


class EventType(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    REGIONAL_MEETING = "regional_meeting", _("Regional meeting")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


class EventIndexPage(RoutablePageMixin, AggregatingPage):
    """Lists the events of every organisation in this language: upcoming by default,
    past ones with ``?when=past``; ``feed/ics/`` is the iCalendar feed."""

    way_in_icon = "event"
    card_template = "network/includes/card/event.html"
    showcase_on_home = 3
    showcase_heading = _("Upcoming events")

    class Meta:
        verbose_name = _("event listing")

    def events(self):
        """Published, public events in this page's language, from every organisation."""
        return self.aggregate(EventPage).select_related("locale")

    def upcoming_events(self, now=None):
        """Events that have not ended yet (including those going on), soonest first."""
        return self.events().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None):
        """Events that have ended, newest first."""
        return self.events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def showcase_entries(self):
        return self.upcoming_events()

    def prepare_cards(self, entries):
        return attach_organisations(entries)

    @path("")
    def event_list(self, request):
        past = request.GET.get("when") == "past"
        events = self.past_events() if past else self.upcoming_events()
        if request.GET.get("organisation"):  # an organisation page's "all its events"
            organisations = OrganisationPage.objects.filter(slug=request.GET["organisation"])
            events = events.filter(in_organisations(organisations.only("path")))
        page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = self.prepare_cards(page_obj.object_list)
        return self.render(request, context_overrides={"events": page_obj, "past": past})

    @path("feed/ics/", name="ical")
    def ical_feed(self, request):
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        events = attach_organisations(self.events().filter(end__gte=since).order_by("start", "pk"))
        calendar = build_calendar(events, request, name=self.title)
        return ical_response(calendar, self.slug)


class EventPage(InOrganisation, RoutablePageMixin, ReviewedPage):
    """An event organised by a member organisation, in that organisation's subtree."""

    event_type = models.CharField(
        _("event type"), max_length=30, choices=EventType.choices, default=EventType.NETWORK_MEETING
    )
    start = models.DateTimeField(_("starts"), help_text=_("Finnish time (Europe/Helsinki)."))
    end = models.DateTimeField(_("ends"), help_text=_("Finnish time (Europe/Helsinki)."))
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Address of the remote meeting, if one can take part online."),
    )
    registration_link = models.URLField(_("registration link"), blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("For registration or questions.")
    )
    audience = models.CharField(
        _("audience"),
        max_length=200,
        blank=True,
        help_text=_("For example: network members, professionals."),
    )
    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = PageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("event_type"), FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            _("Type and time"),
        ),
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("address"), FieldPanel("online_link")], _("Place")
        ),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("registration_link"), FieldPanel("contact_email")],
            _("Audience and registration"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("audience"),
        index.FilterField("event_type"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = [
        APIField("event_type"),
        APIField("start"),
        APIField("end"),
        APIField("place_name"),
        APIField("address"),
        APIField("online_link"),
        APIField("registration_link"),
        APIField("contact_email"),
        APIField("audience"),
        APIField("intro"),
        APIField("body"),
    ]

    parent_page_types = ["network.OrganisationPage"]
    # the shortcut on its organisation's editors' dashboard (network.dashboard)
    add_label = _("New event")
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start, EVENT_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, EVENT_TIME_ZONE)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def location(self):
        """Place name and address on one line, as calendar programs show them."""
        return ", ".join(part for part in (self.place_name, self.address) if part)

    @staticmethod
    def event_index_for(locale_id):
        return EventIndexPage.objects.live().filter(locale_id=locale_id).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event_index"] = self.event_index_for(self.locale_id)
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        return ical_response(build_calendar([self], request), self.slug)


def ical_uid(event):
    """The same for every language version and every download of an event."""
    return f"event-{event.translation_key}@tarjotin"


def ical_event(event, request):
    item = Event()
    item.add("uid", ical_uid(event))
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("summary", event.title)
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    description = "\n\n".join(part for part in (event.intro, event.online_link) if part)
    if description:
        item.add("description", description)
    location = event.location or event.online_link
    if location:
        item.add("location", location)
    item.add("url", event.get_full_url(request=request))
    organisation = event.organisation
    if organisation is not None:
        email = event.contact_email or organisation.contact_email
        address = f"mailto:{email}" if email else organisation.get_full_url(request=request)
        organizer = vCalAddress(address)
        organizer.params["cn"] = organisation.title
        item.add("organizer", organizer)
    item.add("categories", [str(EventType(event.event_type).label)])
    return item


def build_calendar(events, request, name=None):
    calendar = Calendar()
    calendar.add("prodid", ICAL_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", EVENT_TIME_ZONE.key)
    for event in events:
        calendar.add_component(ical_event(event, request))
    calendar.add_missing_timezones()
    return calendar


def ical_response(calendar, name):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "events"}.ics"'
    return response
