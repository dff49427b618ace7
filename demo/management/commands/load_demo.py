from django.core.management.base import BaseCommand
from django.db import transaction

# Importing the modules registers their steps (demo_step).
import demo.counts  # noqa: F401
import demo.home  # noqa: F401
import demo.materials  # noqa: F401
import demo.network  # noqa: F401
import demo.taxonomies  # noqa: F401
from demo.accounts import ensure_demo_accounts
from demo.builder import STEPS, DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site from the network's source texts. Safe to run again."

    def handle(self, *args, **options):
        builder = DemoBuilder(self.stdout if options["verbosity"] > 1 else None)
        with transaction.atomic():
            for _order, step in sorted(STEPS, key=lambda item: item[0]):
                step(builder)
            logins = ensure_demo_accounts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {builder.created} pages created, {builder.updated} updated."
            )
        )
        for line in logins:
            self.stdout.write(line)
