"""A task worker killed in the middle of a file's processing (SIGKILL, a machine crash) leaves
the task RUNNING and the file pending for ever: the worker's periodic check
(``materials.stalled``) marks the dead task failed and queues the file again, within the
attempts allowed, and leaves work that is queued or still running alone."""

import runpy
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker as db_worker_module
from django_tasks_db.models import DBTaskResult

import cms.settings as settings_module
from cms import env
from home import tasks
from home.tasks import MAX_ATTEMPTS
from materials import stalled
from materials.extraction import process_document
from materials.models.documents import CustomDocument, ExtractionStatus
from tests.test_material_files import make_docx

# Stored in the site's language, in which the worker runs (as the other reasons a file failed)
LOST = "The processing was interrupted: the background worker stopped."


@pytest.fixture
def run_worker(settings, monkeypatch):
    """Tasks are queued in the database; ``run_worker()`` does every task that is due, in this
    process (without its check for dropped connections, which would close the test's)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MATERIALS_STALLED_MINUTES = 30
    monkeypatch.setattr(db_worker_module, "close_old_connections", lambda: None)
    return partial(
        call_command, "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0
    )


def processing():
    """The file processing's task rows (saving a document queues search index updates too)."""
    return DBTaskResult.objects.filter(task_path=process_document.module_path)


def minutes_ago(minutes):
    return timezone.now() - timedelta(minutes=minutes)


def added_file(django_capture_on_commit_callbacks, minutes=60):
    """A file uploaded ``minutes`` ago, its processing queued."""
    with django_capture_on_commit_callbacks(execute=True):
        document = CustomDocument.objects.create(
            title="Opas", file=ContentFile(make_docx("Kotoutuminen alkaa"), name="opas.docx")
        )
    CustomDocument.objects.filter(pk=document.pk).update(created_at=minutes_ago(minutes))
    return document


def worker_dies_running(document, minutes):
    """A worker took the file's queued task ``minutes`` ago and was killed doing it."""
    task = processing().ready().get(args_kwargs__args__0=document.pk)
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=minutes_ago(minutes), enqueued_at=minutes_ago(minutes + 1)
    )
    return task


def some_time_passes():
    """The retries' waits are over."""
    DBTaskResult.objects.filter(run_after__gt=timezone.now()).update(run_after=timezone.now())


def status_of(document):
    document.refresh_from_db()
    return document.extraction_status


@pytest.mark.django_db
def test_file_of_a_killed_worker_is_processed_again(
    run_worker, django_capture_on_commit_callbacks, english_admin
):
    document = added_file(django_capture_on_commit_callbacks)
    dead = worker_dies_running(document, minutes=45)
    run_worker()  # a worker that starts again finds nothing to do: the task is "running"
    assert status_of(document) == ExtractionStatus.PENDING

    assert stalled.recover() == 1
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED
    assert dead.exception_class_path == "materials.stalled.WorkerLost"
    page = english_admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "it will be tried again soon" in page and gettext(LOST) in page
    assert stalled.recover() == 0  # queued again once only
    assert processing().filter(status=TaskResultStatus.READY).count() == 1

    some_time_passes()
    run_worker()
    assert status_of(document) == ExtractionStatus.DONE
    assert "Kotoutuminen alkaa" in document.extracted_text
    assert document.extraction_error == ""
    assert stalled.recover() == 0


@pytest.mark.django_db
def test_running_or_queued_work_is_left_alone(run_worker, django_capture_on_commit_callbacks):
    queued = added_file(django_capture_on_commit_callbacks)  # waiting for a busy worker
    processing().update(enqueued_at=minutes_ago(90))
    running = added_file(django_capture_on_commit_callbacks)
    task = worker_dies_running(running, minutes=20)  # a worker may still be at it
    new = added_file(django_capture_on_commit_callbacks, minutes=1)
    processing().filter(args_kwargs__args__0=new.pk).delete()  # its task not queued yet

    assert stalled.recover() == 0
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING
    assert processing().count() == 2
    assert {status_of(d) for d in (queued, running, new)} == {ExtractionStatus.PENDING}


@pytest.mark.django_db
def test_a_file_whose_task_was_never_queued_is_queued(
    run_worker, django_capture_on_commit_callbacks
):
    document = added_file(django_capture_on_commit_callbacks)
    processing().delete()  # the web process died before queuing it

    assert stalled.recover() == 1
    run_worker()
    assert status_of(document) == ExtractionStatus.DONE


@pytest.mark.django_db
def test_past_the_last_attempt_the_file_is_marked_failed(
    run_worker, django_capture_on_commit_callbacks, english_admin
):
    document = added_file(django_capture_on_commit_callbacks)
    processing().delete()
    process_document.enqueue(document.pk, attempt=MAX_ATTEMPTS)  # the last retry
    dead = worker_dies_running(document, minutes=45)

    assert stalled.recover() == 1
    assert status_of(document) == ExtractionStatus.FAILED
    assert document.extraction_error == f"WorkerLost: {gettext(LOST)}"
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED
    assert not processing().filter(status=TaskResultStatus.READY).exists()
    page = english_admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "could not be read for search" in page and gettext(LOST) in page
    assert stalled.recover() == 0


@pytest.mark.django_db
def test_with_the_immediate_backend_nothing_is_touched(django_capture_on_commit_callbacks):
    document = added_file(django_capture_on_commit_callbacks)
    CustomDocument.objects.filter(pk=document.pk).update(extraction_status="pending")
    assert stalled.recover() == 0
    assert not processing().exists()


def test_the_check_is_one_of_the_workers_periodic_jobs(monkeypatch):
    assert tasks.PERIODIC["materials.stalled.recover"] == (
        stalled.CHECK_EVERY_SECONDS,
        stalled.recover,
    )
    runs = []

    def failing():
        raise OSError("database out of reach")

    def working():
        runs.append("ran")

    monkeypatch.setattr(tasks, "PERIODIC", {})
    tasks.every(60, failing)  # does not stop the others
    tasks.every(60, working)
    due = {}
    tasks.run_due(due)
    tasks.run_due(due)  # not yet due again
    assert runs == ["ran"]


@pytest.mark.parametrize("value", ["0", "-5"])
def test_stalled_minutes_below_one_are_refused_by_name(monkeypatch, value):
    monkeypatch.setenv("MATERIALS_STALLED_MINUTES", value)
    with pytest.raises(ImproperlyConfigured, match="MATERIALS_STALLED_MINUTES must be at least 1"):
        env.env_int("MATERIALS_STALLED_MINUTES", 30, minimum=1)


@pytest.mark.parametrize(
    "processing,stalled,expected",
    [("60", "", 30), ("3600", "", 62), ("3600", "90", 90), ("3600", "30", "at least 62")],
)
def test_a_file_is_never_taken_for_stalled_while_it_may_still_be_processed(
    monkeypatch, processing, stalled, expected
):
    monkeypatch.setenv("MATERIALS_PROCESSING_SECONDS", processing)
    monkeypatch.setenv("MATERIALS_STALLED_MINUTES", stalled)
    settings_file = Path(settings_module.__file__).with_name("base.py")
    if isinstance(expected, int):
        assert runpy.run_path(str(settings_file))["MATERIALS_STALLED_MINUTES"] == expected
    else:
        with pytest.raises(ImproperlyConfigured, match=expected):
            runpy.run_path(str(settings_file))
