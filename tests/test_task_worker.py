"""Background work in production: with ``TASKS_BACKEND=database`` an upload's text and preview
wait in the database for the worker (``manage.py db_worker``) instead of holding up the
editor's request; the worker does them when it runs, beats a heartbeat meanwhile, and tries a
failed task again a bounded number of times, the editor seeing why it failed."""

import json
import os
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as db_worker_module
from django_tasks_db.models import DBTaskResult

from cms import env
from home.tasks import MAX_ATTEMPTS, worker_heartbeat_age
from materials.models.documents import CustomDocument, ExtractionStatus
from tests.test_material_files import make_docx, upload

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 60  # the worker reads the file in a second or two; this only bounds a hang
STORAGE_DOWN = "The storage did not answer"

# Run by a process of its own, against the database the worker process uses: adds a file
# (queued, as in a request), or waits for the worker to have read one.
ADD_FILE = """
import django
django.setup()
from django.core.files.base import ContentFile
from materials.models.documents import CustomDocument
from tests.test_material_files import make_docx
document = CustomDocument.objects.create(
    title="Opas", file=ContentFile(make_docx("Kotoutuminen alkaa"), name="opas.docx")
)
document.refresh_from_db()
print(document.pk, document.extraction_status)
"""
WAIT_FOR_TEXT = """
import json, sys, time
import django
django.setup()
from home.tasks import worker_heartbeat_age
from materials.models.documents import CustomDocument, ExtractionStatus
deadline = time.monotonic() + {seconds}
while time.monotonic() < deadline:
    document = CustomDocument.objects.get(pk={pk})
    if document.extraction_status != ExtractionStatus.PENDING:
        break
    time.sleep(0.2)
print(json.dumps({{
    "status": document.extraction_status,
    "text": document.extracted_text,
    "heartbeat_age": worker_heartbeat_age(),
}}))
"""
# On PostgreSQL the processes share the test database itself, which no rollback cleans.
CLEAN_UP = """
import django
django.setup()
from django.core.cache import caches
from django_tasks_db.models import DBTaskResult
from home.tasks import HEARTBEAT_KEY
from materials.models.documents import CustomDocument
CustomDocument.objects.filter(pk={pk}).delete()
DBTaskResult.objects.all().delete()
caches["shared"].delete(HEARTBEAT_KEY)
"""


@pytest.fixture
def run_worker(settings, monkeypatch):
    """Tasks are queued in the database; the worker runs in this process, until it has done
    every task that is due. Its check for dropped connections is left out: it would close the
    test's, which is inside a transaction."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker_module, "close_old_connections", lambda: None)
    return partial(
        call_command, "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0
    )


def uploaded_docx(client, capture):
    with capture(execute=True):
        result = json.loads(upload(client, "opas.docx", make_docx("Kotoutuminen alkaa")).content)
    assert result["success"] is True
    return CustomDocument.objects.get(pk=result["doc_id"])


def edit_page(client, document):
    return client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()


def storage_down(monkeypatch):
    """Reading any document's file fails, as when its storage does not answer; the number of
    reads tried is returned."""
    tries = []

    def unreachable(self, mode="rb"):
        tries.append(self.pk)
        raise OSError(STORAGE_DOWN)

    monkeypatch.setattr(CustomDocument, "open_file", unreachable)
    return tries


def some_time_passes():
    """The retries' waits are over."""
    DBTaskResult.objects.filter(run_after__gt=timezone.now()).update(run_after=timezone.now())


def test_upload_is_read_by_the_worker_not_in_the_request(
    english_admin, run_worker, django_capture_on_commit_callbacks
):
    document = uploaded_docx(english_admin, django_capture_on_commit_callbacks)
    assert document.extraction_status == ExtractionStatus.PENDING
    assert document.extracted_text == ""
    assert "is being read for search" in edit_page(english_admin, document)
    assert worker_heartbeat_age() is None  # no worker has run

    run_worker()

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Kotoutuminen alkaa" in document.extracted_text
    assert document in CustomDocument.objects.search("kotoutuminen")
    assert "is being read for search" not in edit_page(english_admin, document)
    assert worker_heartbeat_age() < 5


def test_failing_task_is_retried_then_marked_failed_and_the_editor_sees_why(
    english_admin, run_worker, django_capture_on_commit_callbacks, monkeypatch
):
    document = uploaded_docx(english_admin, django_capture_on_commit_callbacks)
    tries = storage_down(monkeypatch)

    run_worker()
    document.refresh_from_db()
    assert tries == [document.pk]
    assert document.extraction_status == ExtractionStatus.PENDING
    page = edit_page(english_admin, document)
    assert "it will be tried again soon" in page and STORAGE_DOWN in page
    run_worker()  # the next attempt waits a while
    assert len(tries) == 1

    for attempt in range(2, MAX_ATTEMPTS + 1):
        some_time_passes()
        run_worker()
        assert len(tries) == attempt

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert STORAGE_DOWN in document.extraction_error
    page = edit_page(english_admin, document)
    assert "could not be read for search" in page and STORAGE_DOWN in page
    assert "tried again" not in page
    some_time_passes()
    run_worker()
    assert len(tries) == MAX_ATTEMPTS  # gave up
    assert DBTaskResult.objects.failed().count() == MAX_ATTEMPTS


def test_without_a_worker_the_retries_run_at_once_in_the_request(
    english_admin, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks() as after_commit:
        result = json.loads(upload(english_admin, "opas.docx", make_docx()).content)
    tries = storage_down(monkeypatch)
    for callback in after_commit:  # the processing, all of it in the request
        callback()
    document = CustomDocument.objects.get(pk=result["doc_id"])
    assert len(tries) == MAX_ATTEMPTS
    assert document.extraction_status == ExtractionStatus.FAILED
    assert STORAGE_DOWN in edit_page(english_admin, document)


def test_a_broken_file_is_not_tried_again(
    run_worker, django_capture_on_commit_callbacks, english_admin
):
    with django_capture_on_commit_callbacks(execute=True):
        result = json.loads(upload(english_admin, "rikki.pdf", b"%PDF-1.4 garbage").content)
    run_worker()
    some_time_passes()
    run_worker()
    document = CustomDocument.objects.get(pk=result["doc_id"])
    assert document.extraction_status == ExtractionStatus.FAILED
    assert DBTaskResult.objects.count() == DBTaskResult.objects.successful().count()


@pytest.mark.parametrize(
    "value,backend",
    [
        (None, "django_tasks.backends.immediate.ImmediateBackend"),
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        (" Database ", "django_tasks_db.DatabaseBackend"),
    ],
)
def test_tasks_backend_is_chosen_by_environment(monkeypatch, value, backend):
    if value is None:
        monkeypatch.delenv("TASKS_BACKEND", raising=False)
    else:
        monkeypatch.setenv("TASKS_BACKEND", value)
    assert env.tasks_config() == {"default": {"BACKEND": backend}}


def test_unknown_tasks_backend_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("TASKS_BACKEND", "celery")
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND.*'celery'"):
        env.tasks_config()


def test_worker_process_started_after_an_upload_does_the_work(database_url_for_processes, tmp_path):
    """The worker is stopped while a file is added, started, does the work and stops on
    SIGTERM: real processes on the database the test suite set up."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url_for_processes,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TASKS_BACKEND": "database",
    }

    def python(*args, **kwargs):
        return subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=SECONDS + 30,
            **kwargs,
        )

    added = python("-c", ADD_FILE)
    assert added.returncode == 0, added.stderr[-3000:]
    pk, status = added.stdout.split()[-2:]
    assert status == ExtractionStatus.PENDING  # nobody has read it yet

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        waited = python("-c", WAIT_FOR_TEXT.format(seconds=SECONDS, pk=int(pk)))
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            output = worker.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:  # it must not keep the test database open
            worker.kill()
            output = worker.communicate()[0]
        cleaned = python("-c", CLEAN_UP.format(pk=int(pk)))
    assert cleaned.returncode == 0, cleaned.stderr[-3000:]
    assert waited.returncode == 0, waited.stderr[-3000:]
    result = json.loads(waited.stdout.strip().splitlines()[-1])
    assert result["status"] == ExtractionStatus.DONE, output[-3000:]
    assert "Kotoutuminen alkaa" in result["text"]
    assert result["heartbeat_age"] is not None and result["heartbeat_age"] < 30
    assert worker.returncode == 0, output[-3000:]
