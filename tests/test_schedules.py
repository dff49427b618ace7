"""Activities' schedules: the rule and its occurrences in Helsinki time, the editor's form
(bad input is an error on the field, in the editor's language, and nothing typed is lost),
the same times in every translation, the activity page, and the helpers for listings."""

import datetime
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from network.models import ActivityIndexPage, ActivityPage, ActivitySchedule
from network.models.schedules import upcoming
from tests import factories as make

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def at(*parts):
    return datetime.datetime(*parts, tzinfo=HELSINKI)


def mothers_group(**fields):
    """Tuesdays 10–12, September to May, not on the Tuesdays around Christmas."""
    return ActivitySchedule(
        weekdays=["TU"],
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        valid_from=datetime.date(2026, 9, 1),
        months_from=9,
        months_to=5,
        exceptions="22.12.2026, 29.12.2026",
        **fields,
    )


def test_rfc5545_text_gives_the_same_occurrences():
    group = mothers_group(until=datetime.date(2027, 5, 28))
    assert group.rfc5545() == (
        "DTSTART;TZID=Europe/Helsinki:20260901T100000\n"
        "RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TU;BYMONTH=9,10,11,12,1,2,3,4,5;UNTIL=20270528T070000Z\n"
        "EXDATE;TZID=Europe/Helsinki:20261222T100000,20261229T100000"
    )
    parsed = list(rrulestr(group.rfc5545(), forceset=True))
    starts = [item.start for item in group.occurrences(at(2026, 1, 1), at(2028, 1, 1))]
    assert parsed == starts
    assert len(starts) == 39 - 2  # the Tuesdays of September to 25 May, but two


def test_occurrences_keep_local_time_over_daylight_saving_and_skip_exceptions():
    group = mothers_group()
    december = group.occurrences(at(2026, 12, 1), at(2027, 1, 1))
    assert [item.start.day for item in december] == [1, 8, 15]  # not 22 or 29
    october = group.occurrences(at(2026, 10, 1), at(2026, 11, 1))[0]
    assert (october.start.hour, october.start.utcoffset()) == (10, datetime.timedelta(hours=3))
    assert (december[0].start.hour, december[0].start.utcoffset()) == (
        10,
        datetime.timedelta(hours=2),
    )
    assert group.occurrences(at(2027, 6, 1), at(2027, 9, 1)) == []  # summer break
    # an occurrence under way counts as taking place at that moment
    assert group.occurrences(at(2026, 12, 8, 11), at(2026, 12, 8, 11)) == [
        (at(2026, 12, 8, 10), at(2026, 12, 8, 12))
    ]


def test_next_occurrence_after_a_moment():
    group = mothers_group(until=datetime.date(2027, 5, 28))
    assert group.next_occurrence(at(2026, 12, 16)) == at(2027, 1, 5, 10)
    assert group.next_occurrence(at(2027, 5, 25, 11)) is None
    monthly = ActivitySchedule(
        frequency="monthly",
        week_of_month=-1,
        weekdays=["FR"],
        start_time=datetime.time(9),
        end_time=datetime.time(11),
        valid_from=datetime.date(2026, 9, 1),
    )
    assert monthly.next_occurrence(at(2026, 12, 6)) == at(2026, 12, 25, 9)
    fortnightly = ActivitySchedule(
        frequency="every_other_week",
        weekdays=["WE"],
        start_time=datetime.time(17),
        end_time=datetime.time(19),
        valid_from=datetime.date(2026, 12, 2),
    )
    assert fortnightly.next_occurrence(at(2026, 12, 3)) == at(2026, 12, 16, 17)


# The editor's form -------------------------------------------------------------------------


@pytest.fixture
def organisation():
    make.section(ActivityIndexPage)
    return make.organisation("Setlementti")


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["network", "activitypage", organisation.pk])


BAD = [
    (
        {"start_time": "19:00", "end_time": "17:00"},
        "end_time",
        "The end time must be after the start time.",
    ),
    (
        {"valid_from": "2027-01-08", "until": "2026-12-31"},
        "until",
        "The last day cannot be before the first day.",
    ),
    (
        {"weekdays": []},
        "weekdays",
        "This schedule never takes place: choose at least one weekday.",
    ),
    (
        {"months_from": "9", "months_to": "5", "valid_from": "2027-06-01", "until": "2027-08-31"},
        None,
        "This schedule never takes place: no day between its first and last day matches",
    ),
    (
        {"exceptions": "22.12.2026\n31.2.2027, jouluna"},
        "exceptions",
        "“31.2.2027” is not a date: write dates like 24.12.2026.",
    ),
    (
        {"exceptions": "24.12.2026"},
        "exceptions",
        "“24.12.2026” is not a day this schedule takes place.",
    ),
    (
        {"frequency": "monthly", "weekdays": ["FR"]},
        "week_of_month",
        "Choose which week of the month.",
    ),
]


def typed_values(soup, prefix="schedules-0-"):
    """What the re-shown form holds in the first time's fields."""
    values = {}
    for field in soup.select(f"[name^={prefix}]"):
        name = field["name"][len(prefix) :]
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            values[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            values[name] = field.get_text().strip()
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                values.setdefault(name, []).append(field["value"])
        else:
            values[name] = field.get("value", "")
    return values


@pytest.mark.parametrize("fields,field,message", BAD, ids=[case[1] or "never" for case in BAD])
def test_bad_schedule_is_an_error_on_its_field_and_keeps_what_was_typed(
    english_admin, soup_of, organisation, fields, field, message
):
    typed = make.schedule_form(**fields)
    data = make.activity_form(title="Äitiryhmä", schedule="Lastenhoito", schedules=[typed])
    response = english_admin.post(add_url(organisation), data)

    assert response.status_code == 200
    soup = soup_of(response)
    if field is None:
        errors = soup.select("[data-inline-panel-child] .error-message")
    else:
        errors = soup.select(f"[data-field-wrapper]:has([name=schedules-0-{field}]) .error-message")
    assert any(message in error.get_text() for error in errors), [e.get_text() for e in errors]
    values = typed_values(soup)
    for name, value in typed.items():
        assert values.get(name, []) == value, name
    assert soup.select_one("[name=schedule]")["value"] == "Lastenhoito"
    assert soup.select_one("[name=title]")["value"] == "Äitiryhmä"
    assert not ActivityPage.objects.filter(title="Äitiryhmä").exists()
    assert not ActivitySchedule.objects.exists()


def test_errors_are_in_the_editors_language(client, soup_of, organisation):
    client.force_login(make.coordinator())  # the admin in Finnish, the default
    data = make.activity_form(
        schedules=[make.schedule_form(end_time="16:00", exceptions="1.13.2026")]
    )
    text = soup_of(client.post(add_url(organisation), data)).get_text()
    assert "Päättymisajan on oltava alkamisajan jälkeen." in text
    assert "”1.13.2026” ei ole päivämäärä: kirjoita päivämäärät muodossa 24.12.2026." in text


def test_editor_adds_times_that_are_published_with_the_activity(english_admin, organisation):
    data = make.activity_form(
        title="Äitiryhmä",
        by_appointment="on",
        schedules=[
            make.schedule_form(
                weekdays=["TU", "TH"],
                months_from="9",
                months_to="5",
                exceptions="29.12.2026; 22.12.2026",
            ),
            make.schedule_form(frequency="monthly", week_of_month="-1", weekdays=["FR"]),
        ],
    )
    response = english_admin.post(add_url(organisation), data)
    assert response.status_code == 302, response.content[:3000]
    page = ActivityPage.objects.get(title="Äitiryhmä")
    assert page.live and page.by_appointment
    weekly, monthly = page.schedules.all()
    assert weekly.weekdays == ["TU", "TH"] and weekly.months == [9, 10, 11, 12, 1, 2, 3, 4, 5]
    assert weekly.exceptions == "22.12.2026\n29.12.2026"  # tidied, one per line
    assert "BYDAY=-1FR" in monthly.rfc5545()


def test_a_bad_edit_changes_nothing(english_admin, soup_of, organisation):
    page = make.activity(organisation, "Kielikahvila")
    saved = make.schedule(page, valid_from=datetime.date(2026, 9, 1))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    typed = make.schedule_form(id=str(saved.pk), start_time="18:00", end_time="18:00")
    response = english_admin.post(edit, make.activity_form(schedules=[typed]))
    assert response.status_code == 200
    assert "The end time must be after the start time." in soup_of(response).get_text()
    assert typed_values(soup_of(response))["start_time"] == "18:00"
    saved.refresh_from_db()
    assert saved.start_time == datetime.time(17)
    assert page.get_latest_revision().as_object().schedules.get().start_time == datetime.time(17)


# Translations -----------------------------------------------------------------------------


def test_translations_have_the_same_times_and_follow_the_source(organisation):
    make.home("sv")
    page = make.activity(organisation, "Kielikahvila")
    make.schedule(page, weekdays=["TU"], valid_from=datetime.date(2026, 9, 1))
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="sv")
    )
    translation.save_target(publish=False)  # published at once, as the demo does
    swedish = page.get_translation(translation.target_locale)
    swedish.get_latest_revision().publish()
    assert [item.weekdays for item in swedish.schedules.all()] == [["TU"]]

    page = ActivityPage.objects.get(pk=page.pk)
    item = page.schedules.get()
    item.weekdays, item.exceptions = ["TH"], "24.12.2026"
    page.schedules = [item]
    page.by_appointment = True
    make.publish(page)
    source.update_from_db()
    translation.save_target(publish=False)
    swedish = ActivityPage.objects.get(pk=swedish.pk)
    swedish.get_latest_revision().publish()

    swedish = ActivityPage.objects.get(pk=swedish.pk)
    [copy] = swedish.schedules.all()
    assert (copy.weekdays, copy.exception_dates) == (["TH"], [datetime.date(2026, 12, 24)])
    assert copy.pk != item.pk and swedish.by_appointment
    assert ActivitySchedule.objects.count() == 2


# The activity page ------------------------------------------------------------------------


def schedule_row(soup):
    [row] = soup.select("dd.schedule")
    return row


def test_page_says_the_times_in_its_language_and_when_next(client, soup_of, organisation):
    page = make.activity(organisation, "Kielikahvila", schedule="Ei ilmoittautumista.")
    make.schedule(page, valid_from=datetime.date(2026, 9, 1), months_from=9, months_to=5)
    make.schedule(
        page,
        frequency="monthly",
        week_of_month=1,
        weekdays=["SA"],
        start="10:00",
        end="14:00",
        valid_from=datetime.date(2026, 9, 1),
    )
    now = at(2026, 12, 6, 12)
    pages = {code: make.translation(page, code) for code in ("sv", "en", "ar")}
    expected = {
        "fi": [
            "Tiistaisin klo 17–19, syyskuusta toukokuuhun",
            "Kuukauden ensimmäisenä lauantaina klo 10–14",
            "Seuraavan kerran tiistaina 8. joulukuuta 2026 klo 17",
        ],
        "sv": [
            "Tisdagar kl. 17–19, september–maj",
            "Första lördagen i månaden kl. 10–14",
            "Nästa gång: tisdag 8 december 2026 kl. 17",
        ],
        "en": [
            "Tuesdays 17:00–19:00, September to May",
            "On the first Saturday of each month 10:00–14:00",
            "Next: Tuesday 8 December 2026 at 17:00",
        ],
        "ar": [
            "أيام الثلاثاء من الساعة 17:00 إلى 19:00، من سبتمبر إلى مايو",
            "أول سبت من كل شهر من الساعة 10:00 إلى 14:00",
            "الموعد القادم: الثلاثاء 8 ديسمبر 2026 الساعة 17:00",
        ],
    }
    for code, (weekly, monthly, next_words) in expected.items():
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("django.utils.timezone.now", lambda: now)
            soup = soup_of(client.get(pages.get(code, page).url))
        row = schedule_row(soup)
        assert [item.get_text() for item in row.select("li")] == [weekly, monthly], code
        assert row.select_one("time").get_text() == next_words
        assert row.select_one("time")["datetime"] == "2026-12-08T17:00:00+02:00"
        assert "Ei ilmoittautumista." in row.get_text()
        assert not row.select("[lang]"), "the words are in the page's language"


def test_page_says_by_appointment_and_when_nothing_is_coming(client, soup_of, organisation):
    page = make.activity(organisation, "Perhetyö", by_appointment=True)
    soup = soup_of(client.get(page.url))
    assert [item.get_text() for item in schedule_row(soup).select("li")] == ["Ajanvarauksella"]
    assert "Seuraavan kerran" not in soup.get_text()  # no times: nothing to count
    make.schedule(page, valid_from=datetime.date(2026, 1, 6), until=datetime.date(2026, 5, 26))
    row = schedule_row(soup_of(client.get(page.url)))
    assert "Ei tulevia kertoja" in row.get_text()
    assert len(row.select("li")) == 2
    assert not soup_of(client.get(make.activity(organisation, "Tyhjä").url)).select(".schedule")


def test_words_fall_back_to_finnish_marked_as_such(
    client, soup_of, organisation, content_only_language
):
    page = make.activity(organisation, "Kielikahvila")
    make.schedule(page, valid_from=datetime.date(2026, 9, 1))
    tigrinya = make.translation(page, content_only_language)
    row = schedule_row(soup_of(client.get(tigrinya.url)))
    assert row.select_one("ul")["lang"] == "fi"
    assert row.select_one("li").get_text() == "Tiistaisin klo 17–19"


def test_page_queries_do_not_grow_with_the_times(query_count, organisation):
    page = make.activity(organisation, "Kielikahvila")
    make.schedule(page)
    before = query_count(page.url)
    for weekday in ("MO", "WE", "TH"):
        make.schedule(page, weekdays=[weekday])
    assert query_count(page.url) == before


# Open data and helpers --------------------------------------------------------------------


def test_json_ld_has_weekly_hours_and_closed_days(client, soup_of, organisation):
    from tests.test_hsds import ld_json

    page = make.activity(organisation, "Kielikahvila")
    make.schedule(
        page,
        weekdays=["TU", "TH"],
        valid_from=datetime.date(2026, 9, 1),
        months_from=9,
        months_to=5,
        exceptions="1.4.2027",
    )
    make.schedule(page, frequency="monthly", week_of_month=1, weekdays=["SA"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 6))
        data = ld_json(soup_of(client.get(page.url)))
    assert data["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
            "opens": "17:00",
            "closes": "19:00",
            "validFrom": "2026-09-01",
            "validThrough": "2027-05-31",
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2027-04-01",
            "validThrough": "2027-04-01",
        },
    ]  # the monthly time is not said: schema.org has no "first Saturday"


def test_an_activity_keeps_its_occurrence_under_way_or_next(organisation):
    group = make.activity(organisation, "Äitiryhmä")
    make.schedule(
        group, weekdays=["MO"], start="10:00", end="12:00", valid_from=datetime.date(2026, 9, 1)
    )
    make.schedule(group, weekdays=["FR"], valid_from=datetime.date(2026, 9, 1))
    group = ActivityPage.objects.prefetch_related("schedules").get(pk=group.pk)
    monday = at(2026, 12, 7)
    with CaptureQueriesContext(connection) as queries:
        assert upcoming(group, monday) == (at(2026, 12, 7, 10), at(2026, 12, 7, 12))
        # under way at 11, it is still the one kept; at noon it has ended
        assert upcoming(group, at(2026, 12, 7, 11)).start == at(2026, 12, 7, 10)
        assert upcoming(group, at(2026, 12, 7, 12)) == (at(2026, 12, 11, 17), at(2026, 12, 11, 19))
    assert not queries  # the schedules are read once, prefetched
    by_appointment = make.activity(organisation, "Perhetyö", by_appointment=True)
    assert upcoming(by_appointment, monday) is None
    # publishing keeps it on the page, from the schedules being published
    assert group.next_starts_at is not None and group.next_starts_at >= at(2026, 12, 1)
    assert ActivityPage.objects.get(pk=by_appointment.pk).next_starts_at is None
