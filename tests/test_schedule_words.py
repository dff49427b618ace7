"""Schedules in words, exactly as a reader sees them in Finnish, Swedish, English and
Arabic (``network.schedule_words``)."""

import datetime

import pytest
from django.utils import translation

from network import schedule_words
from network.models import ActivitySchedule

TODAY = datetime.date(2026, 12, 6)


def schedule(**fields):
    fields.setdefault("weekdays", ["TU"])
    fields.setdefault("valid_from", datetime.date(2026, 9, 1))
    fields.setdefault("start_time", datetime.time(17))
    fields.setdefault("end_time", datetime.time(19))
    return ActivitySchedule(**fields)


CASES = {
    "weekly, September to May": (
        schedule(months_from=9, months_to=5),
        {
            "fi": "Tiistaisin klo 17–19, syyskuusta toukokuuhun",
            "sv": "Tisdagar kl. 17–19, september–maj",
            "en": "Tuesdays 17:00–19:00, September to May",
            "ar": "أيام الثلاثاء من الساعة 17:00 إلى 19:00، من سبتمبر إلى مايو",
        },
    ),
    "two days, half past, Christmas off": (
        schedule(
            weekdays=["MO", "WE"],
            start_time=datetime.time(9, 30),
            end_time=datetime.time(11, 30),
            exceptions="23.12.2026\n21.12.2026\n1.1.2026",
        ),
        {
            "fi": "Maanantaisin ja keskiviikkoisin klo 9.30–11.30, "
            "paitsi 21. joulukuuta 2026 ja 23. joulukuuta 2026",
            "sv": "Måndagar och onsdagar kl. 9.30–11.30, "
            "utom 21 december 2026 och 23 december 2026",
            "en": "Mondays and Wednesdays 9:30–11:30, not on 21 December 2026 and 23 December 2026",
            "ar": "أيام الاثنين والأربعاء من الساعة 9:30 إلى 11:30، "
            "باستثناء 21 ديسمبر 2026 و23 ديسمبر 2026",
        },
    ),
    "every other week, three days, until": (
        schedule(
            frequency="every_other_week",
            weekdays=["MO", "WE", "FR"],
            until=datetime.date(2027, 5, 28),
        ),
        {
            "fi": "Maanantaisin, keskiviikkoisin ja perjantaisin joka toinen viikko klo 17–19, "
            "28. toukokuuta 2027 asti",
            "sv": "Måndagar, onsdagar och fredagar varannan vecka kl. 17–19, "
            "till och med 28 maj 2027",
            "en": "Mondays, Wednesdays and Fridays every other week 17:00–19:00, until 28 May 2027",
            "ar": "أيام الاثنين والأربعاء والجمعة كل أسبوعين من الساعة 17:00 إلى 19:00، "
            "حتى 28 مايو 2027",
        },
    ),
    "first Tuesday of the month, from a day to come": (
        schedule(frequency="monthly", week_of_month=1, valid_from=datetime.date(2027, 1, 8)),
        {
            "fi": "Kuukauden ensimmäisenä tiistaina klo 17–19, 8. tammikuuta 2027 alkaen",
            "sv": "Första tisdagen i månaden kl. 17–19, från och med 8 januari 2027",
            "en": "On the first Tuesday of each month 17:00–19:00, from 8 January 2027",
            "ar": "أول ثلاثاء من كل شهر من الساعة 17:00 إلى 19:00، ابتداءً من 8 يناير 2027",
        },
    ),
    "last Friday, in June only, between two days": (
        schedule(
            frequency="monthly",
            week_of_month=-1,
            weekdays=["FR"],
            months_from=6,
            months_to=6,
            valid_from=datetime.date(2027, 1, 8),
            until=datetime.date(2028, 6, 30),
        ),
        {
            "fi": "Kuukauden viimeisenä perjantaina klo 17–19, kesäkuussa, "
            "8. tammikuuta 2027 – 30. kesäkuuta 2028",
            "sv": "Sista fredagen i månaden kl. 17–19, i juni, 8 januari 2027 – 30 juni 2028",
            "en": "On the last Friday of each month 17:00–19:00, in June, "
            "from 8 January 2027 until 30 June 2028",
            "ar": "آخر جمعة من كل شهر من الساعة 17:00 إلى 19:00، في يونيو، "
            "من 8 يناير 2027 حتى 30 يونيو 2028",
        },
    ),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("code", ["fi", "sv", "en", "ar"])
def test_schedule_in_words(name, code):
    item, sentences = CASES[name]
    with translation.override(code):
        assert schedule_words.describe(item, TODAY) == sentences[code]


@pytest.mark.parametrize(
    "code,appointment,upcoming,nothing",
    [
        (
            "fi",
            "Ajanvarauksella",
            "Seuraavan kerran tiistaina 8. joulukuuta 2026 klo 17",
            "Ei tulevia kertoja",
        ),
        (
            "sv",
            "Enligt överenskommelse",
            "Nästa gång: tisdag 8 december 2026 kl. 17",
            "Inga kommande tillfällen",
        ),
        ("en", "By appointment", "Next: Tuesday 8 December 2026 at 17:00", "No upcoming dates"),
        (
            "ar",
            "بموعد مسبق",
            "الموعد القادم: الثلاثاء 8 ديسمبر 2026 الساعة 17:00",
            "لا توجد مواعيد قادمة",
        ),
    ],
)
def test_by_appointment_and_next_time(code, appointment, upcoming, nothing):
    # 15:00 UTC is 17:00 in Helsinki in winter
    start = datetime.datetime(2026, 12, 8, 15, tzinfo=datetime.UTC)
    with translation.override(code):
        assert schedule_words.by_appointment() == appointment
        assert schedule_words.next_time(start) == upcoming
        assert schedule_words.next_time(None) == nothing


def test_translators_order_the_days_and_the_times(monkeypatch):
    """Days and times are one sentence with placeholders: a language may put the times first."""
    translated = schedule_words.pgettext

    def times_first(context, message):
        if context == "days and times of a schedule":
            return "%(times)s, %(days)s"
        return translated(context, message)

    monkeypatch.setattr(schedule_words, "pgettext", times_first)
    with translation.override("en"):
        assert schedule_words.describe(schedule(), TODAY) == "17:00–19:00, Tuesdays"
