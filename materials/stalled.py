"""Files whose processing was lost. A task worker killed in the middle of a task (SIGKILL,
the machine gone) leaves its django-tasks-db row RUNNING and the document pending for ever:
the library never looks at a RUNNING row again. The worker runs ``recover`` every few minutes
(``home.tasks.every``, registered in ``materials.apps``): a file pending longer than
``MATERIALS_STALLED_MINUTES`` with no task queued or lately started has its dead task rows
marked failed and its processing queued again, within the attempts ``home.tasks.retry_later``
allows; after the last one the document is marked failed, as when the processing itself fails.

Several workers may run it at once: each document is handled in a transaction holding its row
(``SKIP LOCKED``: another worker passes over it), and what decides is read after the lock."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from home.tasks import retry_later
from materials.extraction import describe, process_document
from materials.models.documents import CustomDocument, ExtractionStatus

CHECK_EVERY_SECONDS = 300


class WorkerLost(Exception):
    """Recorded on the dead task's row and, for the editor, on the document."""


def recover():
    """Queue again the processing of every file whose task was lost; how many were."""
    if not isinstance(process_document.get_backend(), DatabaseBackend):
        return 0  # the immediate backend runs tasks in the request: none is ever lost
    cutoff = timezone.now() - timedelta(minutes=settings.MATERIALS_STALLED_MINUTES)
    pending = CustomDocument.objects.filter(extraction_status=ExtractionStatus.PENDING)
    recovered = 0
    for pk in pending.exclude(file="").values_list("pk", flat=True):
        with transaction.atomic():
            recovered += recover_document(pk, cutoff)
    return recovered


def recover_document(pk, cutoff):
    """Inside a transaction: True when document ``pk``'s processing was lost before ``cutoff``
    and has been queued again or, past the last attempt, the document marked failed."""
    locked = CustomDocument.objects.select_for_update(skip_locked=True)
    document = locked.filter(pk=pk, extraction_status=ExtractionStatus.PENDING).first()
    if document is None:  # done meanwhile, or another worker has it
        return False
    tasks = DBTaskResult.objects.filter(
        task_path=process_document.module_path, args_kwargs__args__0=pk
    )
    if tasks.filter(status=TaskResultStatus.READY).exists():
        return False
    latest = tasks.order_by("-enqueued_at").first()
    seen = [document.created_at]
    if latest is not None:
        seen += [latest.enqueued_at, latest.started_at or latest.enqueued_at]
    if (
        max(seen) >= cutoff
        or tasks.filter(status=TaskResultStatus.RUNNING, started_at__gte=cutoff).exists()
    ):
        return False
    error = WorkerLost(gettext("The processing was interrupted: the background worker stopped."))
    for dead in tasks.filter(status=TaskResultStatus.RUNNING).select_for_update():
        dead.set_failed(error)
    # A successful last task was that of an earlier file: this one's attempts start afresh.
    succeeded = latest is None or latest.status == TaskResultStatus.SUCCESSFUL
    attempt = 0 if succeeded else latest.args_kwargs["kwargs"].get("attempt", 1)
    lost = CustomDocument.objects.filter(pk=pk)
    if retry_later(process_document, pk, attempt=attempt):
        lost.update(extraction_error=describe(error))
    else:
        lost.update(extraction_status=ExtractionStatus.FAILED, extraction_error=describe(error))
    return True
