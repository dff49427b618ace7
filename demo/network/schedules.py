"""When the demo activities take place (by the activities' slugs), after the source texts:
the Meri-Lappi mothers' groups meet on weekday mornings with childcare from September to May
but not over Christmas, Perhe Yhtenäiseksi works with each family at agreed times and gathers
the families every other week, the peer groups of Puhutaan kotoutumisesta are arranged on
request. The times run from the school year under way (or the next), so that the demo always
has occurrences to come; a run on another day may move them, a second run the same day
changes nothing. The check dates the activities step gave are kept (see
``network.freshness``)."""

import datetime

from django.utils import timezone

from demo.builder import comparable, demo_step
from network.freshness import record_check
from network.models import ActivityPage, ActivitySchedule

SCHEDULES = {
    "meri-lapin-aitiryhmat": {
        "times": [
            {"weekdays": ["TU", "TH"], "start": "09:30", "end": "11:30", "christmas_off": True},
        ],
        "notes": "Lastenhoito ryhmän aikana. Ryhmät Kemissä ja Torniossa.",
    },
    "perhe-yhtenaiseksi": {
        "by_appointment": True,
        "times": [
            {"frequency": "every_other_week", "weekdays": ["WE"], "start": "16:00", "end": "18:00"}
        ],
        "notes": "Perhetapaamiset sovitaan perheen kanssa; perheryhmä kokoontuu Oulun "
        "maahanmuuttajapalveluissa.",
    },
    "womento-tyouramentorointi": {
        "by_appointment": True,
        "times": [
            {
                "frequency": "monthly",
                "week_of_month": 1,
                "weekdays": ["WE"],
                "start": "17:00",
                "end": "19:00",
            }
        ],
        "notes": "Mentori ja aktori sopivat tapaamisensa keskenään; yhteinen verkostoilta "
        "kerran kuukaudessa.",
    },
    "puhutaan-kotoutumisesta": {
        "by_appointment": True,
        "notes": "Ryhmä kootaan tilauksesta: sovi ajankohdasta vertaisryhmäohjaajan kanssa.",
    },
    "vapaaehtoiseksi-punaiseen-ristiin": {
        "times": [
            {
                "frequency": "monthly",
                "week_of_month": -1,
                "weekdays": ["TH"],
                "start": "17:30",
                "end": "19:00",
            }
        ],
        "notes": "Uusien vapaaehtoisten infoilta, ei ennakkoilmoittautumista.",
    },
}


def school_year(today):
    """1 September of the school year under way, or of the next one in summer."""
    return datetime.date(today.year if today.month >= 6 else today.year - 1, 9, 1)


def christmas_days(start, weekdays):
    """The days of ``weekdays`` over Christmas (21 December to 6 January) after ``start``."""
    first = datetime.date(start.year, 12, 21)
    days = (first + datetime.timedelta(days=n) for n in range(17))
    codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    return [day for day in days if codes[day.weekday()] in weekdays]


def schedule(time, start):
    """A demo time as an ``ActivitySchedule``: September to May from ``start``."""
    exceptions = christmas_days(start, time["weekdays"]) if time.get("christmas_off") else []
    item = ActivitySchedule(
        frequency=time.get("frequency", "weekly"),
        week_of_month=time.get("week_of_month"),
        weekdays=time["weekdays"],
        start_time=datetime.time.fromisoformat(time["start"]),
        end_time=datetime.time.fromisoformat(time["end"]),
        valid_from=start,
        months_from=9,
        months_to=5,
        exceptions="\n".join(f"{day.day}.{day.month}.{day.year}" for day in exceptions),
    )
    item.full_clean(exclude=["activity"])
    return item


@demo_step(56)
def activity_schedules(builder):
    start = school_year(timezone.localdate())
    for slug, plan in SCHEDULES.items():
        page = ActivityPage.objects.get(slug=slug, locale__language_code="fi")
        schedules = [schedule(time, start) for time in plan.get("times", [])]
        by_appointment = plan.get("by_appointment", False)
        if (
            comparable(page, "schedules", page.schedules.all())
            == comparable(page, "schedules", schedules)
            and page.by_appointment == by_appointment
            and page.schedule == plan["notes"]
        ):
            continue
        checked = page.last_checked
        page.schedules = schedules
        page.by_appointment, page.schedule = by_appointment, plan["notes"]
        page.save_revision().publish()
        record_check(page, checked)
        builder.updated += 1
        builder.log(f"scheduled fi:{slug}")
