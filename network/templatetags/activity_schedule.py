"""An activity's schedule for its page (``network/includes/schedule.html``): each time in
words, by appointment, the notes and the next occurrence, in the page's language."""

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
        "lang": schedule_words.words_language(),
    }
