"""An activity's schedule for its page (``network/includes/schedule.html``): each time in
words, by appointment, the notes and the next occurrence, in the page's language; and for a
listing, when each activity takes place next."""

from django import template
from django.utils import timezone

from network import schedule_words
from network.models.schedules import next_occurrence

register = template.Library()


@register.simple_tag
def schedule_of(activity):
    """What the page says about when ``activity`` takes place (its schedules read once)."""
    schedules = list(activity.schedules.all())
    upcoming = next_occurrence(activity, timezone.now())
    return {
        "times": [schedule.in_words() for schedule in schedules],
        "by_appointment": activity.by_appointment and schedule_words.by_appointment(),
        "notes": activity.schedule,
        "next": schedules and schedule_words.next_time(upcoming),
        "next_start": upcoming,
    }


@register.simple_tag
def next_time_of(activity):
    """When a listed ``activity`` takes place next, from the time it keeps
    (``ActivityPage.next_starts_at``): under way now, or its next start; None when no time is
    to come."""
    start, end, now = activity.next_starts_at, activity.next_ends_at, timezone.now()
    if start is None or end <= now:  # none to come, or kept from before it passed
        return None
    if start <= now:
        text = schedule_words.under_way(end)
    else:
        text = schedule_words.next_time(start)
    return {"text": text, "start": start}
