"""When each activity of the tray was last checked by its organisation, and what follows.

An activity is one check in every language: publishing the source-language page (a
published edit is a check) or confirming it "still correct" dates every translation of it,
and a translation's own publish keeps the source's date (it checks the wording, not the
facts). Editors are reminded once after ``REMIND_AFTER_MONTHS`` (``remind_stale_activities``)
and the site marks an activity after ``MARK_AFTER_MONTHS``.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone

REMIND_AFTER_MONTHS = 11
MARK_AFTER_MONTHS = 12


def months_before(day, months):
    """``day`` moved back ``months`` calendar months (the 31st becomes the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_since(day, today=None):
    """Whole calendar months from ``day`` to ``today``."""
    today = today or timezone.localdate()
    months = (today.year - day.year) * 12 + today.month - day.month
    return months - (today.day < day.day)


def unchecked_since(months):
    """The last day an activity could have been checked and now be ``months`` unchecked."""
    return months_before(timezone.localdate(), months)


def record_check(activity, when=None):
    """Date the check of ``activity`` (all its translations) ``when`` (today): no revision,
    no change to the live content, and a new reminder may follow the next time it goes
    stale. Nothing kept under ``home.change_count`` shows the date, so the count stays."""
    from network.models import ActivityPage

    ActivityPage.objects.filter(translation_key=activity.translation_key).update(
        last_checked=when or timezone.localdate(), stale_reminder_sent_at=None
    )


def published(sender, instance, **kwargs):
    """page_published: a source-language activity was checked; a translation takes the
    source's check back (publishing restores the revision's copy of it, which may be older)."""
    from network.models import ActivityPage

    if not isinstance(instance, ActivityPage):
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        record_check(instance)
        return
    source = (
        ActivityPage.objects.filter(
            translation_key=instance.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .values("last_checked", "stale_reminder_sent_at")
        .first()
    )
    if source is not None:
        ActivityPage.objects.filter(pk=instance.pk).update(**source)


def checked_activities():
    """The live source-language activities: each stands for itself in every language."""
    from network.models import ActivityPage

    return ActivityPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)


def stale_activities():
    """The activities not checked for ``REMIND_AFTER_MONTHS``, oldest check first."""
    return (
        checked_activities()
        .filter(last_checked__lte=unchecked_since(REMIND_AFTER_MONTHS))
        .order_by("last_checked", "title", "pk")
    )


def activities_of(user):
    """The activities of the organisations whose pages ``user`` edits as their own (through
    an editor group, or as a coordinator; not the translators' whole tree), oldest check
    first."""
    from network.models import in_organisations
    from network.roles import own_page_paths

    return (
        checked_activities()
        .filter(in_organisations(own_page_paths(user)))
        .order_by(F("last_checked").asc(nulls_first=True), "title", "pk")
    )


def editors_of(organisation):
    """The active members, with an email address, of the editor groups of ``organisation``
    (those holding "change" on its page), with their admin profiles."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__page_permissions__page=organisation,
            groups__page_permissions__permission__codename="change_page",
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )
