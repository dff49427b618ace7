"""Retry the index updates a search server missed while it was unreachable.

Safe to run from cron every few minutes: with nothing recorded, or with the database backend
(which is updated in the same transaction as the content, so it misses nothing), it only reads
one table. Records are retried oldest first, in batches; each one that succeeds is removed. When
the server is still unreachable the run stops at once, leaving the rest for the next run.

    manage.py catch_up_search_index [--batch-size 100] [--backend default]
"""

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from search.models import MissedIndexUpdate


class Command(BaseCommand):
    help = "Retry the search index updates missed while the search server was unreachable."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=100, help="Records per batch (default 100)."
        )
        parser.add_argument(
            "--backend", dest="backend_name", help="Only this WAGTAILSEARCH_BACKENDS entry."
        )

    def handle(self, *, batch_size, backend_name, verbosity, **options):
        config = get_app_config().get_search_backend_config()
        names = [backend_name] if backend_name else list(config)
        backends = [get_search_backend(name) for name in names]
        backends = [backend for backend in backends if hasattr(backend, "retry_missed")]
        done = failed = 0
        if backends:
            done, failed = self.catch_up(backends, max(1, batch_size))
        remaining = MissedIndexUpdate.objects.count()
        if verbosity > 0 and (done or failed or remaining):
            self.stdout.write(
                f"Search index: {done} missed update(s) caught up, {remaining} still waiting."
            )
        if failed:
            self.stderr.write("The search server is still unreachable; the next run tries again.")

    def catch_up(self, backends, batch_size):
        done = 0
        last_pk = 0
        while True:
            waiting = MissedIndexUpdate.objects.filter(pk__gt=last_pk)
            waiting = waiting.select_related("content_type")
            batch = list(waiting.order_by("pk")[:batch_size])
            if not batch:
                return done, 0
            for missed in batch:
                last_pk = missed.pk
                try:
                    # Every backend is tried: one that is back gets it while another is down.
                    results = [backend.retry_missed(missed) for backend in backends]
                except Exception as error:  # noqa: BLE001 - not the server being down: skip it
                    self.stderr.write(f"Could not index {missed}: {type(error).__name__}: {error}")
                    continue
                if not all(results):
                    return done, 1
                done += 1
