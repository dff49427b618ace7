from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from home.demo_builder import STEPS, DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site from the network's source texts. Safe to run again."

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        builder = DemoBuilder(self.stdout if options["verbosity"] > 1 else None)
        with transaction.atomic():
            for _order, step in sorted(STEPS, key=lambda item: item[0]):
                step(builder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {builder.created} pages created, {builder.updated} updated."
            )
        )
