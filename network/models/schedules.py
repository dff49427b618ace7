"""When an activity takes place: recurring schedules an editor fills in without knowing
RFC 5545 (every week or every other week on some weekdays, or one week of the month, between
two times, optionally only in some months, with dates it does not take place), turned into
an RFC 5545 rule (``rfc5545``) and its occurrences with dateutil, in Helsinki's local time.

Schedules are not translatable models: wagtail-localize synchronises them from the source page
to its translations, so that every language gives the same times.

``next_occurrences``, ``by_next_occurrence`` and ``taking_place`` answer "what comes next" and
"what takes place this week" for many activities in Python, from their prefetched schedules
(``prefetch_related("schedules")``): no query per activity."""

import calendar
import datetime
import re
import zoneinfo
from collections import namedtuple
from functools import cached_property

from dateutil import rrule
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # RFC 5545, Monday first
WEEKDAYS_EN = dict(
    zip(WEEKDAY_CODES, "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
)
# How far ahead a schedule without a last day is looked at to know that it takes place: every
# rule an editor can make repeats within a year.
HORIZON = datetime.timedelta(days=800)

Occurrence = namedtuple("Occurrence", "start end")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    EVERY_OTHER_WEEK = "every_other_week", _("Every other week")
    MONTHLY = "monthly", _("Once a month")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, pgettext_lazy("week of the month", "First")
    SECOND = 2, pgettext_lazy("week of the month", "Second")
    THIRD = 3, pgettext_lazy("week of the month", "Third")
    FOURTH = 4, pgettext_lazy("week of the month", "Fourth")
    LAST = -1, pgettext_lazy("week of the month", "Last")


class WeekdaysField(models.CharField):
    """Weekdays as a list of RFC 5545 codes (``["TU", "TH"]``), stored as ``"TU,TH"`` and
    edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            codes = set(value)
        else:
            codes = set(filter(None, (value or "").split(",")))
        return [code for code in WEEKDAY_CODES if code in codes]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=capfirst(self.verbose_name),
            choices=[(code, WEEKDAYS[number]) for number, code in enumerate(WEEKDAY_CODES)],
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=self.help_text,
        )


def parse_dates(text):
    """The dates in ``text`` (d.m.yyyy, one per line or separated by commas or semicolons),
    sorted, and the entries that are not such dates."""
    dates, bad = set(), []
    for entry in filter(None, (part.strip() for part in re.split(r"[\n,;]+", text or ""))):
        match = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", entry)
        try:
            if match is None:
                raise ValueError(entry)
            day, month, year = map(int, match.groups())
            dates.add(datetime.date(year, month, day))
        except ValueError:
            bad.append(entry)
    return sorted(dates), bad


def finnish_date(day):
    return f"{day.day}.{day.month}.{day.year}"


class ActivitySchedule(Orderable):
    """One recurring time of an activity, e.g. Tuesdays 17–19 from September to May."""

    activity = ParentalKey(
        "network.ActivityPage", related_name="schedules", on_delete=models.CASCADE
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    weekdays = WeekdaysField(_("weekdays"), blank=True)
    week_of_month = models.SmallIntegerField(
        _("week of the month"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_("Only for a schedule once a month, e.g. the first Tuesday of each month."),
    )
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    valid_from = models.DateField(_("first day"), help_text=_("From which day the times apply."))
    until = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave empty if it goes on.")
    )
    months_from = models.PositiveSmallIntegerField(
        _("from month"),
        choices=list(MONTHS.items()),
        null=True,
        blank=True,
        help_text=_("Only if it runs in some months of the year, e.g. September to May."),
    )
    months_to = models.PositiveSmallIntegerField(
        _("to month"), choices=list(MONTHS.items()), null=True, blank=True
    )
    exceptions = models.TextField(
        _("dates it does not take place"),
        blank=True,
        help_text=_("E.g. holidays: dates like 24.12.2026, one per line or separated by commas."),
    )

    panels = [
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("week_of_month")]),
        FieldPanel("weekdays"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("until")]),
        FieldRowPanel([FieldPanel("months_from"), FieldPanel("months_to")]),
        FieldPanel("exceptions"),
    ]
    api_fields = [
        APIField("frequency"),
        APIField("weekdays"),
        APIField("week_of_month"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("valid_from"),
        APIField("until"),
        APIField("months_from"),
        APIField("months_to"),
        APIField("exception_dates"),
        APIField("rfc5545"),
        APIField("in_words"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("time")
        verbose_name_plural = _("times")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.in_words()

    @property
    def exception_dates(self):
        return parse_dates(self.exceptions)[0]

    @property
    def months(self):
        """The months it runs in (1–12, from ``months_from`` round to ``months_to``)."""
        if not (self.months_from and self.months_to):
            return list(range(1, 13))
        span = (self.months_to - self.months_from) % 12 + 1
        return [(self.months_from - 1 + step) % 12 + 1 for step in range(span)]

    def _at(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=HELSINKI)

    def _day(self, day):
        """The first and last moment of ``day``."""
        return self._at(day, datetime.time.min), self._at(day, datetime.time.max)

    def _last_start(self):
        return self.until and self._at(self.until, self.start_time)

    def _rule(self):
        monthly = self.frequency == Frequency.MONTHLY
        days = [getattr(rrule, code) for code in self.weekdays]
        return rrule.rrule(
            rrule.MONTHLY if monthly else rrule.WEEKLY,
            dtstart=self._at(self.valid_from, self.start_time),
            interval=2 if self.frequency == Frequency.EVERY_OTHER_WEEK else 1,
            wkst=rrule.MO,
            byweekday=[day(self.week_of_month) for day in days] if monthly else days,
            bymonth=self.months if self.months_from else None,
            until=self._last_start(),
        )

    def _rule_set(self):
        rules = rrule.rruleset()
        rules.rrule(self._rule())
        for day in self.exception_dates:
            rules.exdate(self._at(day, self.start_time))
        return rules

    @cached_property
    def rule_set(self):
        """The occurrences' starts as a dateutil ``rruleset`` (kept: build a new instance
        after changing the fields)."""
        return self._rule_set()

    @property
    def duration(self):
        return datetime.datetime.combine(
            self.valid_from, self.end_time
        ) - datetime.datetime.combine(self.valid_from, self.start_time)

    def first_occurrence(self):
        """The start of the first occurrence, exceptions aside (or of the first day, for a
        rule that never occurs)."""
        first = self._at(self.valid_from, self.start_time)
        return self._rule().after(first, inc=True) or first

    def season(self, today):
        """``(first day, last day or None)`` of the stretch of time the schedule runs in
        without a break of months: the one under way on ``today`` or the next."""
        start, end = self.valid_from, self.until
        if self.months_from:
            year = max(today, start).year - 1
            while True:
                first = datetime.date(year, self.months_from, 1)
                last_year = year + (self.months_to < self.months_from)
                days = calendar.monthrange(last_year, self.months_to)[1]
                last = datetime.date(last_year, self.months_to, days)
                if last >= max(today, start):
                    break
                year += 1
            start, end = max(start, first), min(filter(None, (end, last)))
        return start, end

    def opening_hours(self, today):
        """schema.org ``OpeningHoursSpecification``s of a weekly schedule (the only kind
        schema.org can say): its days and hours in its current or next season, and its
        upcoming exceptions as days closed (opens and closes at 00:00). None for others."""
        if self.frequency != Frequency.WEEKLY:
            return []
        start, end = self.season(today)
        if end is not None and end < max(start, today):
            return []  # over
        days = [WEEKDAYS_EN[code] for code in self.weekdays]
        closed = [day for day in self.exception_dates if day >= today]
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{day}" for day in days],
                "opens": f"{self.start_time:%H:%M}",
                "closes": f"{self.end_time:%H:%M}",
                "validFrom": start.isoformat(),
                **({"validThrough": end.isoformat()} if end else {}),
            },
            *(
                {
                    "@type": "OpeningHoursSpecification",
                    "opens": "00:00",
                    "closes": "00:00",
                    "validFrom": day.isoformat(),
                    "validThrough": day.isoformat(),
                }
                for day in closed
            ),
        ]

    def rfc5545(self):
        """The schedule as RFC 5545 text: DTSTART of the first occurrence in Europe/Helsinki
        time, the RRULE, and EXDATE for the dates it does not take place (its end time is
        ``end_time``; dateutil's ``rrulestr`` reads the text)."""
        start = self.first_occurrence()
        local = "%Y%m%dT%H%M%S"
        parts = [
            f"FREQ={'MONTHLY' if self.frequency == Frequency.MONTHLY else 'WEEKLY'}",
            *(["INTERVAL=2"] if self.frequency == Frequency.EVERY_OTHER_WEEK else []),
            "WKST=MO",
            "BYDAY="
            + ",".join(
                f"{self.week_of_month if self.frequency == Frequency.MONTHLY else ''}{code}"
                for code in self.weekdays
            ),
            *([f"BYMONTH={','.join(map(str, self.months))}"] if self.months_from else []),
            *(
                [f"UNTIL={self._last_start().astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"]
                if self.until
                else []
            ),
        ]
        lines = [
            f"DTSTART;TZID={HELSINKI.key}:{start:{local}}",
            f"RRULE:{';'.join(parts)}",
        ]
        if self.exception_dates:
            starts = (f"{self._at(day, self.start_time):{local}}" for day in self.exception_dates)
            lines.append(f"EXDATE;TZID={HELSINKI.key}:{','.join(starts)}")
        return "\n".join(lines)

    def occurrences(self, start, end):
        """The occurrences (``Occurrence(start, end)``, Helsinki time) under way at some
        moment between the aware datetimes ``start`` and ``end``."""
        duration = self.duration
        return [
            Occurrence(begin, begin + duration)
            for begin in self.rule_set.between(start - duration, end, inc=True)
            if begin + duration > start and begin < end
        ]

    def next_occurrence(self, after):
        """The start of the first occurrence after the aware datetime ``after``, or None."""
        return self.rule_set.after(after)

    def in_words(self):
        from network.schedule_words import describe

        return describe(self)

    def clean(self):
        """Errors on the fields that cause them, in the editor's language; the combination
        that never takes place on the schedule as a whole."""
        super().clean()
        errors = {}
        if self.frequency != Frequency.MONTHLY:
            self.week_of_month = None
        elif self.week_of_month is None:
            errors["week_of_month"] = _("Choose which week of the month.")
        if not self.weekdays:
            errors["weekdays"] = _("This schedule never takes place: choose at least one weekday.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if self.valid_from and self.until and self.until < self.valid_from:
            errors["until"] = _("The last day cannot be before the first day.")
        if bool(self.months_from) != bool(self.months_to):
            missing = "months_to" if self.months_from else "months_from"
            errors[missing] = _("Choose both the first and the last month, or neither.")
        dates, bad = parse_dates(self.exceptions)
        if bad:
            errors["exceptions"] = [
                _("“%(entry)s” is not a date: write dates like 24.12.2026.") % {"entry": entry}
                for entry in bad
            ]
        else:
            self.exceptions = "\n".join(finnish_date(day) for day in dates)
        if errors:
            raise ValidationError(errors)
        if not (self.valid_from and self.start_time and self.end_time):
            return  # their fields say what is missing
        rule = self._rule()
        strays = [day for day in dates if not rule.between(*self._day(day), inc=True)]
        if strays:
            raise ValidationError(
                {
                    "exceptions": [
                        _("“%(entry)s” is not a day this schedule takes place.")
                        % {"entry": finnish_date(day)}
                        for day in strays
                    ]
                }
            )
        if not self._takes_place():
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "This schedule never takes place: no day between its first and last "
                        "day matches its weekdays, months and exceptions."
                    )
                }
            )

    def _takes_place(self):
        first = self._at(self.valid_from, self.start_time)
        last = self._last_start() or first + HORIZON
        return bool(self._rule_set().between(first, min(last, first + HORIZON), inc=True))


def next_occurrence(activity, after):
    """The start of ``activity``'s next occurrence after ``after``, or None."""
    starts = (schedule.next_occurrence(after) for schedule in activity.schedules.all())
    return min(filter(None, starts), default=None)


def upcoming(activity, now):
    """The occurrence of ``activity`` under way at ``now``, else its next one, or None, from
    its schedules (prefetched, or in memory on a page being saved). Each activity keeps it
    (``ActivityPage.next_starts_at``), so that the tray filters and orders by it in the
    database, however many activities there are."""
    found = []
    for schedule in activity.schedules.all():
        start = schedule.next_occurrence(now - schedule.duration)
        if start is not None:
            found.append(Occurrence(start, start + schedule.duration))
    return min(found, default=None)
