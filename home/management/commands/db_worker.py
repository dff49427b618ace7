"""django-tasks-db's worker (``manage.py db_worker``, same options), which also beats a
heartbeat (``home.tasks``) while it runs, so that the health check can tell whether a
worker is there to do the queued work."""

import threading

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from home.tasks import beat, beat_until


class Command(DatabaseWorkerCommand):
    def handle(self, *args, **options):
        beat()
        stopped = threading.Event()
        beating = threading.Thread(target=beat_until, args=(stopped,), daemon=True)
        beating.start()
        try:
            super().handle(*args, **options)
        finally:
            stopped.set()
            # a flush of buffered counts under way finishes and lets go of its lock
            beating.join(timeout=60)
