"""What the background work (django-tasks) needs beyond what django-tasks gives.

Retries: django-tasks and its database worker record a task that raised as failed and never
run it again, so work that failed for a passing reason (the file storage or the database out
of reach for a moment) would be lost. ``retry_later`` enqueues the next attempt, later each
time, up to ``MAX_ATTEMPTS``; the task passes its ``attempt`` on, so the count is stored with
the queued task.

Search index updates that code asks for (``reindex_later``) are tasks too.

Heartbeat: the worker (``manage.py db_worker``, see ``home/management/commands``) notes the
time every few seconds in the shared cache, and ``worker_heartbeat_age`` tells a health check
how long ago that was. The same loop writes the counts buffered in Redis (``home.counts``) and,
runs the periodic jobs apps register with ``every`` (hourly: deleting the abandoned autosave
drafts, ``home.autosave_drafts``), so that home/ need not know the apps above it."""

import logging
import time
from datetime import timedelta

from django.core.cache import caches
from django.db import close_old_connections
from django.utils import timezone
from modelsearch.tasks import insert_or_update_object_task

from home import autosave_drafts, counts

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_DELAY = timedelta(minutes=1)  # before the second attempt; twice that before the third
HEARTBEAT_SECONDS = 10
HEARTBEAT_KEY = "tasks-worker-heartbeat"
CLEAN_EVERY_SECONDS = 3600
#: The worker's periodic jobs (``every``): name to (seconds, function).
PERIODIC = {}


def retry_later(task, *args, attempt):
    """Enqueue attempt ``attempt + 1`` of ``task(*args)``; False, enqueuing nothing, when
    ``attempt`` was the last one allowed. A backend that cannot wait (the immediate one of
    development) runs it at once."""
    if attempt >= MAX_ATTEMPTS:
        return False
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + RETRY_DELAY * attempt)
    task.enqueue(*args, attempt=attempt + 1)
    return True


def reindex_later(instance):
    """Bring ``instance``'s search index entry up to date as a task, as modelsearch does when a
    model is saved: in the worker when there is one, not in the editor's request."""
    meta = instance._meta
    insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(instance.pk))


def beat():
    """Note that a worker is alive now (seen by every process: the shared cache)."""
    caches["shared"].set(HEARTBEAT_KEY, time.time(), timeout=None)


def every(seconds, job):
    """Have the task worker call ``job()`` every ``seconds``, the first time when it starts
    (from an app's ``ready``). Registering the same function again replaces it."""
    PERIODIC[f"{job.__module__}.{job.__qualname__}"] = (seconds, job)


def run_due(due):
    """Run the periodic jobs whose time has come (``due``: name to monotonic time, updated).
    A failure (the database out of reach) is logged and tried at the job's next time."""
    for name, (seconds, job) in PERIODIC.items():
        now = time.monotonic()
        if now >= due.get(name, now):
            due[name] = now + seconds
            try:
                job()
            except Exception:  # noqa: BLE001 - one job's failure must not stop the worker
                logger.warning("The task worker's periodic job %s failed", name, exc_info=True)


def beat_until(stopped):
    """Beat, and write the counts buffered in Redis (``home.counts``), every
    ``HEARTBEAT_SECONDS``, and run the periodic jobs (``every``) when due, until the event
    ``stopped`` is set (in a thread of the worker process). A failure (the cache or the
    database out of reach) is logged and tried again."""
    due = {}
    while not stopped.wait(HEARTBEAT_SECONDS):
        close_old_connections()  # the database cache's connection may have been dropped
        try:
            beat()
        except Exception:  # noqa: BLE001 - a missed beat must not stop the worker
            logger.warning("The task worker could not record its heartbeat", exc_info=True)
        try:
            counts.flush()
        except Exception:  # noqa: BLE001 - the counts stay buffered for the next time
            logger.warning("The task worker could not write the buffered counts", exc_info=True)
        run_due(due)


def worker_heartbeat_age():
    """Seconds since a task worker last beat, or None when none has since the cache was
    emptied. Older than a few ``HEARTBEAT_SECONDS`` means no worker is running."""
    last = caches["shared"].get(HEARTBEAT_KEY)
    return None if last is None else max(0.0, time.time() - last)


every(CLEAN_EVERY_SECONDS, autosave_drafts.clean)
