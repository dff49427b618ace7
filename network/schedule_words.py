"""Schedules in words, in the active language: "Tuesdays 17:00–19:00, September to May",
"tiistaisin klo 17–19, syyskuusta toukokuuhun".

No maintained library says an RFC 5545 rule in Finnish, Swedish, Arabic or Somali, so the
words are gettext strings here. Every inflected form is its own message with a context (a
month "from", "to", "in" and in a date; a weekday as a recurrence, after an ordinal, in a
date): Finnish cases are translated whole, never built by joining endings."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

from network.models.schedules import HELSINKI, Frequency


def recurring_weekday(code):
    return {
        "MO": pgettext("weekdays, recurring", "Mondays"),
        "TU": pgettext("weekdays, recurring", "Tuesdays"),
        "WE": pgettext("weekdays, recurring", "Wednesdays"),
        "TH": pgettext("weekdays, recurring", "Thursdays"),
        "FR": pgettext("weekdays, recurring", "Fridays"),
        "SA": pgettext("weekdays, recurring", "Saturdays"),
        "SU": pgettext("weekdays, recurring", "Sundays"),
    }[code]


def weekday_of_the_month(code):
    return {
        "MO": pgettext("weekday after first, second… last", "Monday"),
        "TU": pgettext("weekday after first, second… last", "Tuesday"),
        "WE": pgettext("weekday after first, second… last", "Wednesday"),
        "TH": pgettext("weekday after first, second… last", "Thursday"),
        "FR": pgettext("weekday after first, second… last", "Friday"),
        "SA": pgettext("weekday after first, second… last", "Saturday"),
        "SU": pgettext("weekday after first, second… last", "Sunday"),
    }[code]


def weekday_of_a_date(number):
    return [
        pgettext("weekday of a date", "Monday"),
        pgettext("weekday of a date", "Tuesday"),
        pgettext("weekday of a date", "Wednesday"),
        pgettext("weekday of a date", "Thursday"),
        pgettext("weekday of a date", "Friday"),
        pgettext("weekday of a date", "Saturday"),
        pgettext("weekday of a date", "Sunday"),
    ][number]


def month_of_a_date(number):
    return [
        pgettext("month of a date", "January"),
        pgettext("month of a date", "February"),
        pgettext("month of a date", "March"),
        pgettext("month of a date", "April"),
        pgettext("month of a date", "May"),
        pgettext("month of a date", "June"),
        pgettext("month of a date", "July"),
        pgettext("month of a date", "August"),
        pgettext("month of a date", "September"),
        pgettext("month of a date", "October"),
        pgettext("month of a date", "November"),
        pgettext("month of a date", "December"),
    ][number - 1]


def month_from(number):
    return [
        pgettext("from month", "January"),
        pgettext("from month", "February"),
        pgettext("from month", "March"),
        pgettext("from month", "April"),
        pgettext("from month", "May"),
        pgettext("from month", "June"),
        pgettext("from month", "July"),
        pgettext("from month", "August"),
        pgettext("from month", "September"),
        pgettext("from month", "October"),
        pgettext("from month", "November"),
        pgettext("from month", "December"),
    ][number - 1]


def month_to(number):
    return [
        pgettext("to month", "January"),
        pgettext("to month", "February"),
        pgettext("to month", "March"),
        pgettext("to month", "April"),
        pgettext("to month", "May"),
        pgettext("to month", "June"),
        pgettext("to month", "July"),
        pgettext("to month", "August"),
        pgettext("to month", "September"),
        pgettext("to month", "October"),
        pgettext("to month", "November"),
        pgettext("to month", "December"),
    ][number - 1]


def month_in(number):
    return [
        pgettext("in month", "January"),
        pgettext("in month", "February"),
        pgettext("in month", "March"),
        pgettext("in month", "April"),
        pgettext("in month", "May"),
        pgettext("in month", "June"),
        pgettext("in month", "July"),
        pgettext("in month", "August"),
        pgettext("in month", "September"),
        pgettext("in month", "October"),
        pgettext("in month", "November"),
        pgettext("in month", "December"),
    ][number - 1]


def in_the_month(week, days):
    """``days`` (already joined) on one week of the month (1–4, or -1 for the last)."""
    return {
        1: pgettext("monthly schedule", "on the first %(days)s of each month"),
        2: pgettext("monthly schedule", "on the second %(days)s of each month"),
        3: pgettext("monthly schedule", "on the third %(days)s of each month"),
        4: pgettext("monthly schedule", "on the fourth %(days)s of each month"),
        -1: pgettext("monthly schedule", "on the last %(days)s of each month"),
    }[week] % {"days": days}


def listing(items):
    """``items`` as one phrase: "a, b and c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    separator = pgettext("between items of a list", ", ")
    return pgettext("list", "%(items)s and %(last)s") % {
        "items": separator.join(items[:-1]),
        "last": items[-1],
    }


def time_of_day(time):
    if time.minute == 0:
        return pgettext("time of day, whole hour", "%(hour)d:00") % {"hour": time.hour}
    return pgettext("time of day", "%(hour)d:%(minute)02d") % {
        "hour": time.hour,
        "minute": time.minute,
    }


def a_date(day):
    """``day`` in words: "8 December 2026"."""
    return pgettext("date", "%(day)d %(month)s %(year)d") % {
        "day": day.day,
        "month": month_of_a_date(day.month),
        "year": day.year,
    }


def days_and_times(schedule):
    if schedule.frequency == Frequency.MONTHLY:
        days = in_the_month(
            schedule.week_of_month, listing(map(weekday_of_the_month, schedule.weekdays))
        )
    else:
        days = listing(map(recurring_weekday, schedule.weekdays))
        if schedule.frequency == Frequency.EVERY_OTHER_WEEK:
            days = pgettext("schedule", "%(days)s every other week") % {"days": days}
        else:
            # Translators: weekdays (“Tuesdays”) of a weekly schedule, e.g. “أيام %(days)s”.
            days = pgettext("weekly schedule", "%(days)s") % {"days": days}
    times = pgettext("times", "%(start)s–%(end)s") % {
        "start": time_of_day(schedule.start_time),
        "end": time_of_day(schedule.end_time),
    }
    return pgettext("days and times of a schedule", "%(days)s %(times)s") % {
        "days": days,
        "times": times,
    }


def months(schedule):
    if not schedule.months_from:
        return None
    if schedule.months_from == schedule.months_to:
        return pgettext("months", "in %(month)s") % {"month": month_in(schedule.months_from)}
    return pgettext("months", "%(first)s to %(last)s") % {
        "first": month_from(schedule.months_from),
        "last": month_to(schedule.months_to),
    }


def first_and_last_day(schedule, today):
    starts = schedule.valid_from > today
    if starts and schedule.until:
        return pgettext("schedule", "from %(start)s until %(end)s") % {
            "start": a_date(schedule.valid_from),
            "end": a_date(schedule.until),
        }
    if starts:
        return pgettext("schedule", "from %(date)s") % {"date": a_date(schedule.valid_from)}
    if schedule.until:
        return pgettext("schedule", "until %(date)s") % {"date": a_date(schedule.until)}
    return None


def exceptions(schedule, today):
    upcoming = [day for day in schedule.exception_dates if day >= today]
    if not upcoming:
        return None
    return pgettext("schedule", "not on %(dates)s") % {"dates": listing(map(a_date, upcoming))}


def describe(schedule, today=None):
    """``schedule`` (an ``ActivitySchedule``) as one sentence; its first day only while it
    is still to come, and its exceptions from ``today`` (default: today) on."""
    today = today or timezone.localdate()
    parts = [
        days_and_times(schedule),
        months(schedule),
        first_and_last_day(schedule, today),
        exceptions(schedule, today),
    ]
    return capfirst(pgettext("between parts of a schedule", ", ").join(filter(None, parts)))


def by_appointment():
    return gettext("By appointment")


def next_time(moment):
    """The next occurrence's start (an aware datetime), in Helsinki time, as a sentence."""
    if moment is None:
        return gettext("No upcoming dates")
    local = moment.astimezone(HELSINKI)
    return pgettext("next occurrence", "Next: %(weekday)s %(date)s at %(time)s") % {
        "weekday": weekday_of_a_date(local.weekday()),
        "date": a_date(local.date()),
        "time": time_of_day(local.time()),
    }


def under_way(end):
    """An occurrence under way (ending at the aware datetime ``end``), as a sentence."""
    return gettext("Taking place now, until %(time)s") % {
        "time": time_of_day(end.astimezone(HELSINKI).time())
    }
