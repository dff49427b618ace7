"""``/healthz`` and ``/readyz`` (home.health): what a load balancer and
``scripts/production.sh status`` read."""

import time
from types import SimpleNamespace

import pytest
from django_tasks.backends.dummy import DummyBackend

from home import health, tasks

pytestmark = pytest.mark.django_db

SECRET = "s3cret-Pa55word"


class QueueForWorker(DummyBackend):
    """Keeps tasks for a worker process (which, in these tests, never takes them)."""


@pytest.fixture
def worker_backend(settings):
    settings.TASKS = {"default": {"BACKEND": f"{__name__}.QueueForWorker"}}


def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_readyz_lists_each_check_and_is_never_cached(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_an_unreachable_cache_makes_readyz_fail_without_naming_its_password(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://:{SECRET}@127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1},
        },
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "fail"
    assert response.json()["checks"]["cache"] == "fail"
    assert response.json()["checks"]["database"] == "ok"
    body = response.content.decode()
    assert SECRET not in body and "redis://" not in body and "127.0.0.1" not in body


def test_unwritable_media_storage_makes_readyz_fail(client, settings, tmp_path):
    (tmp_path / "not-mounted").write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(tmp_path / "not-mounted")

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "fail"
    assert "not-mounted" not in response.content.decode()


def test_a_database_error_makes_readyz_fail_without_naming_the_database(client, monkeypatch):
    def refused():
        raise ConnectionError(f"could not connect to postgres://tarjotin:{SECRET}@db:5432")

    monkeypatch.setattr(health, "check_database", refused)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "fail"
    assert SECRET not in response.content.decode()
    assert "postgres" not in response.content.decode()


def test_an_unreachable_search_engine_makes_readyz_fail_without_naming_it(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [f"http://tarjotin:{SECRET}@127.0.0.1:9"],
            "TIMEOUT": 1,
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["search"] == "fail"
    assert SECRET not in response.content.decode()


def test_no_worker_check_when_tasks_run_in_the_request(client):
    assert "worker" not in client.get("/readyz").json()["checks"]


def test_readyz_fails_while_no_task_worker_beats(client, worker_backend, monkeypatch):
    response = client.get("/readyz")
    assert response.status_code == 503  # no worker has started
    assert response.json()["checks"]["worker"] == "fail"

    tasks.beat()  # as a worker does at its start and every few seconds
    assert client.get("/readyz").json()["checks"]["worker"] == "ok"

    silent = time.time() + health.WORKER_SILENCE_SECONDS + 1
    monkeypatch.setattr(tasks, "time", SimpleNamespace(time=lambda: silent))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "fail"
