"""Download counts (``home.counts``): with the shared cache on Redis (CI's Redis stage) and a
task worker, a download costs no database write, the worker's loop writes the sums, nothing is
lost when many write at once or when writing fails; without Redis each is written at once."""

import threading

import pytest
from django.core.files.base import ContentFile
from django.db.models import Sum

from home import counts
from materials.models.documents import COUNTED, CustomDocument, DownloadCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return CustomDocument.objects.create(
            title="Opas", file=ContentFile(b"plain text", name="opas.txt")
        )


@pytest.fixture(autouse=True)
def empty_buffer(settings):
    # the production stack's tasks setting: a worker writes the buffered counts
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    connection = counts.redis()
    if connection is not None:
        connection.delete(*connection.keys(counts.PREFIX + "*") or ["none"])
    yield
    if connection is not None:
        connection.delete(*connection.keys(counts.PREFIX + "*") or ["none"])


def pending():
    """Counts waiting in Redis: {(document id, date): count}."""
    connection = counts.redis()
    return counts.parse(connection.hgetall(counts.PREFIX + COUNTED)) if connection else {}


def written(document):
    return DownloadCount.objects.filter(document=document).aggregate(n=Sum("count"))["n"] or 0


def test_downloads_reach_the_figures_after_the_workers_flush(client, document):
    for _ in range(3):
        assert client.get(document.url).status_code == 200
    if counts.redis() is not None:
        assert written(document) == 0  # the requests wrote nothing to the database
        assert sum(pending().values()) == 3
        assert counts.flush() == 3
    assert written(document) == 3
    assert counts.flush() == 0  # nothing counted twice
    assert written(document) == 3


def test_a_failed_write_keeps_the_counts_for_the_next_flush(document, monkeypatch):
    if counts.redis() is None:
        pytest.skip("buffering needs Redis: CI's Redis stage (CACHE_URL) runs this test")
    DownloadCount.record(document)
    DownloadCount.record(document)

    def fail(rows):
        raise RuntimeError("database out of reach")

    monkeypatch.setitem(counts.WRITERS, COUNTED, fail)
    with pytest.raises(RuntimeError):
        counts.flush()
    DownloadCount.record(document)  # counted while the database was away
    monkeypatch.undo()
    assert counts.flush() == 3
    assert written(document) == 3


def test_many_writers_at_once_lose_nothing(document):
    if counts.redis() is None:
        pytest.skip("buffering needs Redis: CI's Redis stage (CACHE_URL) runs this test")
    threads = [
        threading.Thread(target=lambda: [DownloadCount.record(document) for _ in range(50)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts.flush() == 400
    assert written(document) == 400


def test_counts_of_a_deleted_document_are_dropped_not_an_error(document):
    DownloadCount.record(document)
    document.delete()
    counts.flush()
    assert not DownloadCount.objects.exists()


def test_without_a_task_worker_counts_are_written_at_once(document, settings):
    """Nothing would write buffered counts, so none are buffered, Redis or not."""
    settings.TASKS = {"default": {"BACKEND": counts.IMMEDIATE}}
    DownloadCount.record(document)
    assert written(document) == 1
    assert pending() == {}


def test_a_download_is_counted_when_redis_is_out_of_reach(client, document, monkeypatch):
    """Redis away: the download still succeeds and its count is written at once."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    class Unreachable:
        def hincrby(self, *args):
            raise RedisConnectionError("connection refused")

    monkeypatch.setattr(counts, "redis", Unreachable)
    assert client.get(document.url).status_code == 200
    assert written(document) == 1
