"""Journey c: a professional filters the integration tray by municipality, target group and
language, opens an activity, then an event of the same organisation, and downloads its .ics."""

import datetime
import re
import uuid

from icalendar import Calendar
from playwright.sync_api import expect

# Demo activities: the match runs in Oulu for families in Arabic; the mothers' groups run in
# Lapland in Finnish, with interpretation into Arabic; the peer groups are for families in
# Arabic too, nationwide, but paused (so never listed). The test adds a nationwide activity
# for families in Arabic, without a municipality of its own.
MATCH = "Perhe Yhtenäiseksi -perhetyö"
FOR_MOTHERS_IN_FINNISH = "Äitiryhmät Meri-Lapissa"
PAUSED = "Puhutaan kotoutumisesta -vertaisryhmät"


def make_national_activity():
    """A published national activity of the peer groups' organisation for families, in
    Arabic."""
    from home.models import Language
    from network.models import ActivityPage, TargetGroup

    paused = ActivityPage.objects.get(slug="puhutaan-kotoutumisesta", locale__language_code="fi")
    key = uuid.uuid4().hex[:8]
    activity = ActivityPage(
        title=f"Perheiden kielikerho {key}",
        slug=f"perheiden-kielikerho-{key}",
        intro="Kielikerho perheille verkossa ja paikan päällä.",
        category="support",
        level="national",
    )
    paused.get_parent().add_child(instance=activity)
    activity.languages = list(Language.objects.filter(code="ar"))
    activity.target_groups = list(
        TargetGroup.objects.filter(slug="perheet", locale__language_code="fi")
    )
    activity.save_revision().publish()
    return activity.title


def next_morning_in_helsinki():
    from network.models.events import EVENT_TIME_ZONE

    tomorrow = datetime.datetime.now(EVENT_TIME_ZONE).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(9, 30), tzinfo=EVENT_TIME_ZONE)


def make_event(activity_slug):
    """A published event, starting tomorrow, of the organisation running the activity."""
    from network.models import ActivityPage, EventPage

    activity = ActivityPage.objects.get(slug=activity_slug, locale__language_code="fi")
    start = next_morning_in_helsinki()
    event = EventPage(
        title=f"Perhetyön infotilaisuus {uuid.uuid4().hex[:8]}",
        slug=f"perhetyon-infotilaisuus-{uuid.uuid4().hex[:8]}",
        start=start,
        end=start + datetime.timedelta(hours=2),
        place_name="Oulun kaupungintalo",
        address="Torikatu 10, 90100 Oulu",
        intro="Tilaisuudessa esitellään perhetyötä pakolaistaustaisille perheille.",
    )
    activity.get_parent().add_child(instance=event)
    event.save_revision().publish()
    return event


def test_professional_filters_the_tray_and_downloads_an_event(page, orm):
    event = make_event("perhe-yhtenaiseksi")
    elsewhere = make_national_activity()

    page.goto("/fi/")
    menu = page.get_by_role("navigation", name="Päävalikko")
    menu.get_by_role("link", name="Kotoutumistarjotin", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kotoutumistarjotin")
    results = page.locator(".card__title")
    expect(results.filter(has_text=FOR_MOTHERS_IN_FINNISH)).to_have_count(1)

    filters = page.get_by_role("form", name="Rajaa toimintaa")
    filters.get_by_label("Kohderyhmä:", exact=True).select_option(label="Perheet")
    filters.get_by_label("Kieli:", exact=True).select_option(label="arabia – العربية")
    filters.get_by_role("button", name="Näytä toiminta").click()
    page.wait_for_url(re.compile(r"(?=.*target=perheet)(?=.*language=ar)"))
    expect(results.filter(has_text=MATCH)).to_have_count(1)
    expect(results.filter(has_text=elsewhere)).to_have_count(1)
    expect(results.filter(has_text=PAUSED)).to_have_count(0)
    # the mothers' groups run in Finnish with interpretation into Arabic, and say so
    mothers = page.locator("article.card").filter(has_text=FOR_MOTHERS_IN_FINNISH)
    expect(mothers.locator(".card__reach")).to_have_text("tulkattuna")

    # the choices stay selected; the municipality keeps what reaches Oulu: the activity
    # there and the national one (a municipality never hides the nationwide activities)
    expect(filters.get_by_label("Kieli:", exact=True)).to_have_value("ar")
    filters.get_by_label("Kunta:", exact=True).select_option(label="Oulu")
    filters.get_by_role("button", name="Näytä toiminta").click()
    page.wait_for_url(re.compile(r"municipality=oulu"))
    expect(results.filter(has_text=MATCH)).to_have_count(1)
    expect(results.filter(has_text=elsewhere)).to_have_count(1)
    cards = page.locator("article.card")
    expect(cards.filter(has_text=MATCH).locator(".card__facts")).to_contain_text("Oulu")
    expect(cards.filter(has_text=FOR_MOTHERS_IN_FINNISH)).to_have_count(0)  # in Lapland
    for index in range(cards.count()):
        facts = cards.nth(index).locator(".card__facts")
        expect(facts).to_contain_text("Perheet")
        expect(facts).to_contain_text(re.compile("العربية|tulkattuna"))

    results.get_by_role("link", name=MATCH).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MATCH)
    organiser = page.locator(".page-meta").get_by_role("link").inner_text()

    menu.get_by_role("link", name="Tapahtumat", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tapahtumat")
    card = page.locator("article.card").filter(has_text=event.title)
    expect(card.locator(".card__org")).to_have_text(organiser)
    card.get_by_role("link", name=event.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lisää kalenteriin (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    with open(download.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title
    assert entry.decoded("DTSTART") == event.start
    assert entry["DTSTART"].params["TZID"] == "Europe/Helsinki"
