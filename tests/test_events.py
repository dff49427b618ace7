"""Events: upcoming and past listings, the event page, validation and the iCalendar exports."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from network.models import EventIndexPage, EventPage, EventType
from tests import factories as make

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
MINUTE = datetime.timedelta(minutes=1)
NETWORK_MEETING = "/fi/jarjestot/suomen-punainen-risti/verkostokokous-2027/"


@pytest.fixture
def listing():
    """The events listing in Finnish and Swedish, under the names visitors see."""
    finnish = make.add(make.home(), EventIndexPage, "Tapahtumat", slug="tapahtumat")
    make.translation(finnish, "sv", title="Evenemang")
    return finnish


@pytest.fixture
def organisers():
    """Three organisations, by slug."""
    names = ("Väestöliitto", "Suomen Punainen Risti", "Marttaliitto")
    return {page.slug: page for page in map(make.organisation, names)}


@pytest.fixture
def network_meeting():
    """The Red Cross's network meeting in Helsinki, in summer time (UTC+3)."""
    return add_event(
        make.organisation("Suomen Punainen Risti"),
        "Kotoutumistarjottimen verkostokokous",
        datetime.datetime(2027, 8, 30, 11, tzinfo=HELSINKI),
        hours=5,
        slug="verkostokokous-2027",
        event_type=EventType.NETWORK_MEETING,
        place_name="Suomen Punaisen Ristin keskustoimisto",
        address="Tehtaankatu 1 a, 00140 Helsinki",
        registration_link="https://www.punainenristi.fi",
        intro="Kotoutumistarjottimen verkosto kokoontuu Helsinkiin kuulemaan jäsenten kuulumiset.",
    )


def add_event(organisation, title, start, hours=2, **fields):
    """A workshop unless ``event_type`` says otherwise."""
    fields.setdefault("event_type", EventType.WORKSHOP)
    return make.event(organisation, title, start=start, hours=hours, **fields)


def first_meeting(organisation):
    """An event a year ago: neither upcoming nor recent."""
    return add_event(
        organisation,
        "Kotoutumistarjottimen ensimmäinen verkostokokous",
        timezone.now() - datetime.timedelta(days=365),
    )


def card_titles(soup):
    return [a.get_text() for a in soup.select(".card__title a")]


def events_in(response):
    calendar = Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_upcoming_soonest_first_and_past_newest_first(client, soup_of, listing, organisers):
    now = timezone.now()
    first_meeting(organisers["suomen-punainen-risti"])
    add_event(organisers["vaestoliitto"], "Huomenna", now + datetime.timedelta(days=1))
    add_event(
        organisers["suomen-punainen-risti"], "Tunnin päästä", now + datetime.timedelta(hours=1)
    )
    add_event(
        organisers["marttaliitto"], "Käynnissä nyt", now - datetime.timedelta(hours=1), hours=3
    )
    add_event(organisers["vaestoliitto"], "Eilen", now - datetime.timedelta(days=1))
    add_event(organisers["marttaliitto"], "Toissa päivänä", now - datetime.timedelta(days=2))

    soup = soup_of(client.get("/fi/tapahtumat/"))
    upcoming = card_titles(soup)
    assert upcoming[:3] == ["Käynnissä nyt", "Tunnin päästä", "Huomenna"]
    assert "Eilen" not in upcoming and "Toissa päivänä" not in upcoming
    assert soup.select_one('.filter-options a[aria-current="page"]')["href"] == "/fi/tapahtumat/"
    starts = [card.time["datetime"] for card in soup.select(".card")]
    assert starts == sorted(starts, key=datetime.datetime.fromisoformat)

    soup = soup_of(client.get("/fi/tapahtumat/?when=past"))
    past = card_titles(soup)
    assert past[:2] == ["Eilen", "Toissa päivänä"]
    assert "Kotoutumistarjottimen ensimmäinen verkostokokous" in past
    assert not {"Käynnissä nyt", "Tunnin päästä", "Huomenna"} & set(past)
    current = soup.select_one('.filter-options a[aria-current="page"]')
    assert current["href"] == "/fi/tapahtumat/?when=past"
    starts = [card.time["datetime"] for card in soup.select(".card")]
    assert starts == sorted(starts, key=datetime.datetime.fromisoformat, reverse=True)


def test_listing_shows_organiser_and_type_and_is_paginated(client, soup_of, listing, organisers):
    start = timezone.now() + datetime.timedelta(hours=1)
    for number in range(12):
        add_event(organisers["vaestoliitto"], f"Työpaja {number:02}", start + number * MINUTE)
    soup = soup_of(client.get("/fi/tapahtumat/"))
    cards = soup.select(".card")
    assert len(cards) == 10
    assert cards[0].select_one(".card__org").get_text() == "Väestöliitto"
    assert cards[0].select_one(".card__type").get_text() == "Työpaja"
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    second = soup_of(client.get("/fi/tapahtumat/" + next_link))
    assert card_titles(second)[:2] == ["Työpaja 10", "Työpaja 11"]


def test_swedish_listing_shows_untranslated_events_marked_finnish(
    client, soup_of, listing, organisers
):
    add_event(organisers["vaestoliitto"], "Huomenna", timezone.now() + datetime.timedelta(days=1))
    soup = soup_of(client.get("/sv/tapahtumat/"))
    assert soup.html["lang"] == "sv"
    assert soup.h1.get_text() == "Evenemang"
    cards = soup.select(".card")
    assert cards and all(card["lang"] == "fi" for card in cards)
    assert all(card.select_one(".card__type")["lang"] == "sv" for card in cards)


def test_arabic_listing_says_a_finnish_events_time_in_arabic_marked_so(
    client, soup_of, listing, organisers
):
    """A Finnish card on an Arabic page: its time is interface text in Arabic (Django's
    Arabic date format carries right-to-left marks), so it is marked Arabic, right to left,
    or the browser lays "04/02/2027" out as "042027/02/"."""
    make.translation(listing, "ar", title="الفعاليات")
    add_event(organisers["vaestoliitto"], "Huomenna", timezone.now() + datetime.timedelta(days=1))
    soup = soup_of(client.get("/ar/tapahtumat/"))
    card = soup.select_one(".card")
    assert card["lang"] == "fi"
    when = card.select_one(".event-time")
    assert (when["lang"], when["dir"]) == ("ar", "rtl")
    assert "\u200f" in when.get_text()


def test_event_page_renders_in_finnish_with_helsinki_time(client, soup_of, network_meeting):
    response = client.get(NETWORK_MEETING)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "fi"
    assert soup.h1.get_text() == "Kotoutumistarjottimen verkostokokous"
    times = [time["datetime"] for time in soup.select(".page-meta time")]
    assert times == ["2027-08-30T11:00:00+03:00", "2027-08-30T16:00:00+03:00"]
    assert "30.8.2027 11.00" in soup.select_one(".page-meta").get_text()
    organiser = soup.select_one('.contact-card a[href="/fi/jarjestot/suomen-punainen-risti/"]')
    assert organiser.get_text() == "Suomen Punainen Risti"
    assert soup.select_one(f'a[href="{NETWORK_MEETING}ics/"]') is not None
    assert soup.select_one('a[href="https://www.punainenristi.fi"]') is not None


def test_arabic_event_page_has_arabic_labels_and_django_arabic_date_formats(
    client, soup_of, network_meeting
):
    arabic = make.translation(network_meeting, "ar", title="اجتماع شبكة دليل أنشطة الاندماج")
    soup = soup_of(client.get(arabic.url))
    assert soup.html["lang"] == "ar" and soup.h1.get_text() == arabic.title
    labels = [dt.get_text(strip=True) for dt in soup.select(".contact-card dt")]
    assert labels[:2] == ["الوقت", "المكان"]
    assert soup.select_one(".page-meta").get_text(" ", strip=True).startswith("اجتماع الشبكة")
    # Django's Arabic formats: day/month/year between right-to-left marks, a 12-hour clock
    meta = soup.select_one(".page-meta").get_text()
    assert "30\u200f/08\u200f/2027 11:00 ص" in meta and "4:00 م" in meta


def test_end_before_start_is_a_validation_error():
    start = datetime.datetime(2027, 5, 1, 12, tzinfo=HELSINKI)
    earlier = start - datetime.timedelta(hours=1)
    event = EventPage(title="Väärin päin", slug="vaarin-pain", intro="x", start=start, end=earlier)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict
    EventPage(title="Oikein", slug="oikein", intro="x", start=start, end=start).clean()


def test_end_before_start_is_a_form_error_in_the_admin(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-123456")
    client.force_login(user)
    organisation = make.organisation("Väestöliitto")
    url = reverse("wagtailadmin_pages:add", args=["network", "eventpage", organisation.pk])
    data = {
        "title": "Väärin päin",
        "slug": "vaarin-pain",
        "event_type": "workshop",
        "start": "2027-05-01 12:00",
        "end": "2027-05-01 10:00",
        "intro": "Johdanto",
        "body-count": "0",
        "action-publish": "publish",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    # The admin speaks the default language, Finnish.
    assert errors["end"] == ["Tapahtuma ei voi päättyä ennen kuin se alkaa."]
    assert not EventPage.objects.filter(slug="vaarin-pain").exists()

    data.update(end="2027-05-01 15:00")
    response = client.post(url, data)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="vaarin-pain")
    assert event.start == datetime.datetime(2027, 5, 1, 9, tzinfo=datetime.UTC)


def test_single_event_ics_imports_with_helsinki_time(client, network_meeting):
    event = network_meeting
    response = client.get(NETWORK_MEETING + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="verkostokokous-2027.ics"'

    calendar, items = events_in(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    [item] = items
    assert item["SUMMARY"] == "Kotoutumistarjottimen verkostokokous"
    assert item["UID"] == f"event-{event.translation_key}@tarjotin"
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert item["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert start == datetime.datetime(2027, 8, 30, 11, tzinfo=HELSINKI)
    assert start.astimezone(datetime.UTC) == datetime.datetime(2027, 8, 30, 8, tzinfo=datetime.UTC)
    assert end.astimezone(datetime.UTC) == datetime.datetime(2027, 8, 30, 13, tzinfo=datetime.UTC)
    assert item.decoded("DTSTAMP").tzinfo is not None
    assert item["DESCRIPTION"].startswith("Kotoutumistarjottimen verkosto kokoontuu Helsinkiin")
    assert "Tehtaankatu 1 a, 00140 Helsinki" in item["LOCATION"]
    assert item["URL"].startswith("http") and item["URL"].endswith(NETWORK_MEETING)
    assert item["ORGANIZER"].params["CN"] == "Suomen Punainen Risti"

    again = events_in(client.get(NETWORK_MEETING + "ics/"))[1][0]
    assert again["UID"] == item["UID"]


def test_winter_event_converts_with_winter_offset(client):
    event = add_event(
        make.organisation("Väestöliitto"),
        "Talvikoulutus",
        datetime.datetime(2027, 1, 15, 11, tzinfo=HELSINKI),
        contact_email="koulutus@example.org",
        online_link="https://meet.example.org/talvi",
    )
    [item] = events_in(client.get(event.url + "ics/"))[1]
    start = item.decoded("DTSTART").astimezone(datetime.UTC)
    assert start == datetime.datetime(2027, 1, 15, 9, tzinfo=datetime.UTC)
    assert str(item["ORGANIZER"]) == "mailto:koulutus@example.org"
    assert item["LOCATION"] == "https://meet.example.org/talvi"


def test_feed_has_upcoming_and_recent_events_with_stable_uids(client, soup_of, listing, organisers):
    now = timezone.now()
    first_meeting(organisers["suomen-punainen-risti"])
    vaestoliitto = organisers["vaestoliitto"]
    recent = add_event(vaestoliitto, "Kuukausi sitten", now - datetime.timedelta(days=30))
    add_event(vaestoliitto, "Puoli vuotta sitten", now - datetime.timedelta(days=180))
    soon = add_event(organisers["marttaliitto"], "Ensi viikolla", now + datetime.timedelta(days=7))

    soup = soup_of(client.get("/fi/tapahtumat/"))
    feed_link = soup.select_one('link[rel=alternate][type="text/calendar"]')
    assert feed_link["href"] == "/fi/tapahtumat/feed/ics/"

    response = client.get("/fi/tapahtumat/feed/ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tapahtumat.ics"'
    calendar, items = events_in(response)
    assert calendar["X-WR-CALNAME"] == "Tapahtumat"
    by_summary = {str(item["SUMMARY"]): item for item in items}
    assert {"Kuukausi sitten", "Ensi viikolla"} <= set(by_summary)
    assert "Puoli vuotta sitten" not in by_summary
    assert "Kotoutumistarjottimen ensimmäinen verkostokokous" not in by_summary
    assert by_summary["Ensi viikolla"]["UID"] == f"event-{soon.translation_key}@tarjotin"
    assert by_summary["Kuukausi sitten"]["UID"] == f"event-{recent.translation_key}@tarjotin"
    assert by_summary["Ensi viikolla"]["ORGANIZER"].params["CN"] == "Marttaliitto"
    assert len({item["UID"] for item in items}) == len(items)
    single = events_in(client.get(soon.url + "ics/"))[1][0]
    assert single["UID"] == by_summary["Ensi viikolla"]["UID"]


def test_listing_and_feed_queries_do_not_grow_with_the_number_of_events(
    client, query_count, listing, organisers
):
    organisations = [*organisers.values(), make.organisation("Suomen Partiolaiset")]
    start = timezone.now() + datetime.timedelta(hours=1)

    def add(count, offset):
        for number in range(offset, offset + count):
            organisation = organisations[number % len(organisations)]
            add_event(organisation, f"Tapahtuma {number}", start + datetime.timedelta(hours=number))

    add(3, 0)
    urls = ("/fi/tapahtumat/", "/fi/tapahtumat/feed/ics/", "/sv/tapahtumat/")
    before = {url: query_count(url) for url in urls}
    add(27, 3)
    after = {url: query_count(url) for url in before}
    assert after == before
    assert before["/fi/tapahtumat/"] <= 28
    assert before["/fi/tapahtumat/feed/ics/"] <= 12
