"""Counts of things people do (downloads, page views), per object and day, that no request
pays a database write for when the shared cache is Redis, and that no concurrent writer loses.

``add(kind, object_id)`` adds one. With Redis (``CACHE_URL``), it is one ``HINCRBY`` in a hash
per kind; the task worker's loop (``home.tasks``) calls ``flush()`` every few seconds, which
takes each hash away atomically (``RENAME``) and hands its sums to the kind's ``writer`` in one
transaction. If the writer fails, the sums go back into the hash for the next flush. One worker
flushes at a time (a lock in Redis). A flush cut off between the database's commit and removing
the taken hash would count those again (taken hashes left behind are flushed first next time):
counts may then be too high by one flush, never too low. Without Redis or without a worker
(the embedded default), ``add`` writes at once, in the database's own atomic update.

The app that owns a kind's daily rows registers their model (``register``), so this
ground-floor module needs none of them."""

import datetime
import logging
import uuid
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
PREFIX = "tarjotin:counts:"
TAKEN = ":taken:"
WRITERS = {}


def register(kind, model, key):
    """Count ``kind`` in ``model``: daily rows of ``date``, ``count`` and the foreign key
    ``key`` (unique together)."""
    WRITERS[kind] = partial(write, model, key)


def write(model, key, counted):
    """Add ``{(object id, date): count}`` to ``model``'s daily rows without losing a count to
    a concurrent writer: each addition is one UPDATE, and of two creating a day's row the one
    that loses the race on the unique constraint adds to the winner's. Objects deleted
    meanwhile are left out."""
    target = model._meta.get_field(key).related_model
    alive = set(
        target.objects.filter(pk__in={pk for pk, _day in counted}).values_list("pk", flat=True)
    )
    for (object_id, day), count in counted.items():
        if object_id not in alive:
            continue
        where = {f"{key}_id": object_id, "date": day}
        rows = model.objects.filter(**where)
        if not rows.update(count=F("count") + count):
            _row, created = model.objects.get_or_create(**where, defaults={"count": count})
            if not created:
                rows.update(count=F("count") + count)


def redis():
    """The shared cache's Redis connection when counts wait there for the task worker to write
    them: the shared cache is Redis and tasks go to a worker (``TASKS_BACKEND=database``). None
    otherwise: with nothing to write them, they are written at once."""
    if not settings.CACHES["shared"]["BACKEND"].startswith("django_redis."):
        return None
    if settings.TASKS["default"]["BACKEND"] == IMMEDIATE:
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("shared")


def add(kind, object_id):
    """Count one ``kind`` for the object today (local time). With Redis out of reach the
    count is written at once, so that a download never fails for the sake of its count."""
    today = timezone.localdate()
    connection = redis()
    if connection is not None:
        try:
            connection.hincrby(PREFIX + kind, f"{object_id}:{today.isoformat()}", 1)
            return
        except RedisError:
            logger.warning("Redis is out of reach: a count is written at once", exc_info=True)
    WRITERS[kind]({(object_id, today): 1})


def parse(fields):
    rows = {}
    for field, count in fields.items():
        object_id, day = (field.decode() if isinstance(field, bytes) else field).split(":")
        rows[(int(object_id), datetime.date.fromisoformat(day))] = int(count)
    return rows


def flush():
    """Write every kind's buffered counts; how many were written. Nothing to do without Redis."""
    connection = redis()
    if connection is None:
        return 0
    lock = connection.lock(PREFIX + "flushing", timeout=300)
    if not lock.acquire(blocking=False):
        return 0  # another worker is flushing
    try:
        return _flush(connection)
    finally:
        lock.release()


def _flush(connection):
    written = 0
    for kind, writer in WRITERS.items():
        key = PREFIX + kind
        leftovers = [name.decode() for name in connection.scan_iter(f"{key}{TAKEN}*")]
        taken = f"{key}{TAKEN}{uuid.uuid4().hex}"
        if connection.exists(key):
            connection.rename(key, taken)  # atomic: new counts start a new hash
            leftovers.append(taken)
        for name in leftovers:
            fields = connection.hgetall(name)
            rows = parse(fields)
            try:
                with transaction.atomic():
                    writer(rows)
            except Exception:
                with connection.pipeline() as back:
                    for field, count in fields.items():
                        back.hincrby(key, field, int(count))
                    back.delete(name)
                    back.execute()
                raise
            connection.delete(name)
            written += sum(rows.values())
    return written
