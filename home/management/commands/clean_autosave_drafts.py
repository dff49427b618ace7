from django.core.management.base import BaseCommand

from home import autosave_drafts


class Command(BaseCommand):
    help = (
        "Delete the pages Wagtail's autosave created that nobody saved, submitted or "
        "published and nobody has changed for a week (for cron; the task worker runs it hourly)."
    )

    def handle(self, *args, **options):
        deleted = autosave_drafts.clean()
        self.stdout.write(f"Deleted {deleted} abandoned autosave drafts.")
