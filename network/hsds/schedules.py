"""An activity's schedules as HSDS 3.0 ``schedule`` records: each recurring time with its
rule (``freq``, ``interval``, ``byday`` as "1TU" or "-1FR" for a week of the month, ``dtstart``,
``until``), its first and last day, opening and closing times with their UTC offset, and its
description in words, in the language of the record's text. HSDS 3.0 has no field for the
months a rule runs in nor for dates it skips: those are in the description. "By appointment"
and the notes of a page without times are records with a description only."""

import datetime

from django.utils import translation

from network import schedule_words
from network.models.schedules import Frequency
from network.structured_data import without_empty

HSDS_FREQUENCY = {
    Frequency.WEEKLY: ("WEEKLY", 1),
    Frequency.EVERY_OTHER_WEEK: ("WEEKLY", 2),
    Frequency.MONTHLY: ("MONTHLY", 1),
}


def with_offset(moment, time):
    """``time`` of the day of ``moment`` (aware) as HH:MM with that day's UTC offset."""
    local = datetime.datetime.combine(moment.date(), time, tzinfo=moment.tzinfo)
    return local.isoformat(timespec="minutes")[11:]


def schedule(item, service_id, number, notes):
    from network.hsds.records import derived_id  # records imports this module

    frequency, interval = HSDS_FREQUENCY[item.frequency]
    week = item.week_of_month if item.frequency == Frequency.MONTHLY else ""
    first = item.first_occurrence()
    return without_empty(
        {
            "id": derived_id("schedule", service_id, number),
            "service_id": service_id,
            "valid_from": item.valid_from.isoformat(),
            "valid_to": item.until and item.until.isoformat(),
            "dtstart": first.date().isoformat(),
            "timezone": first.utcoffset().total_seconds() / 3600,
            "until": item.until and item.until.isoformat(),
            "wkst": "MO",
            "freq": frequency,
            "interval": interval,
            "byday": ",".join(f"{week}{code}" for code in item.weekdays),
            "opens_at": with_offset(first, item.start_time),
            "closes_at": with_offset(first, item.end_time),
            "description": item.in_words(),
            "notes": notes,
        }
    )


def schedules(page, service_id):
    """The records of ``page``'s times (an activity with prefetched ``schedules``)."""
    from network.hsds.records import derived_id  # records imports this module

    with translation.override(page.locale.language_code):
        records = [
            schedule(item, service_id, number, page.schedule)
            for number, item in enumerate(page.schedules.all())
        ]
        if page.by_appointment:
            records.append(
                {
                    "id": derived_id("schedule", service_id, "by appointment"),
                    "service_id": service_id,
                    "description": schedule_words.by_appointment(),
                }
            )
        if page.schedule and not records:
            records.append(
                {
                    "id": derived_id("schedule", service_id),
                    "service_id": service_id,
                    "description": page.schedule,
                }
            )
    return records
