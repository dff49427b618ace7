"""Remind organisations' editors, once, of activities they have not checked for
``REMIND_AFTER_MONTHS`` (``network.freshness``). Run daily from cron: an activity is
mentioned again only after a new check has gone stale."""

from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from network import freshness
from network.models import ActivityPage, attach_organisations


class Command(BaseCommand):
    help = (
        "Email each organisation's editors once about its activities not checked for "
        f"{freshness.REMIND_AFTER_MONTHS} months; --dry-run lists them without sending."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        due = attach_organisations(
            freshness.stale_activities().filter(stale_reminder_sent_at__isnull=True)
        )
        due = [activity for activity in due if activity.organisation is not None]
        due.sort(key=lambda activity: (activity.organisation.title, activity.organisation.pk))
        emails = reminded = 0
        for organisation, activities in groupby(due, key=lambda activity: activity.organisation):
            activities = list(activities)
            editors = list(freshness.editors_of(organisation))
            titles = ", ".join(activity.title for activity in activities)
            if not editors:
                self.stdout.write(
                    f"{organisation.title}: no editor with an email address ({titles})"
                )
                continue
            if dry_run:
                self.stdout.write(
                    f"{organisation.title}: would email {len(editors)} editor(s) about {titles}"
                )
                continue
            for editor in editors:
                send_reminder(editor, organisation, activities)
            ActivityPage.objects.filter(
                translation_key__in=[activity.translation_key for activity in activities]
            ).update(stale_reminder_sent_at=timezone.now())
            emails += len(editors)
            reminded += len(activities)
            self.stdout.write(
                f"{organisation.title}: emailed {len(editors)} editor(s) about {titles}"
            )
        if not dry_run:
            self.stdout.write(f"Sent {emails} email(s) about {reminded} activities.")


def send_reminder(editor, organisation, activities):
    """One email to ``editor`` in their admin language (else the site's), listing the
    activities with their admin edit links and what to do."""
    profile = getattr(editor, "wagtail_userprofile", None)
    language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for activity in activities:
        activity.edit_url = base + reverse("wagtailadmin_pages:edit", args=[activity.pk])
    with translation.override(language):
        send_mail(
            gettext("%(organisation)s: activities to check in Tarjotin")
            % {"organisation": organisation.title},
            render_to_string(
                "network/email/stale_activities.txt",
                {
                    "organisation": organisation,
                    "activities": activities,
                    "months": freshness.REMIND_AFTER_MONTHS,
                    "dashboard_url": base + reverse("wagtailadmin_home"),
                },
            ),
            None,
            [editor.email],
        )
