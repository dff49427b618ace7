"""``/healthz`` and ``/readyz``, for a load balancer and ``scripts/production.sh status``.

``/healthz`` answers as soon as the process does: when it fails, restart the process.
``/readyz`` checks what requests need: the database, the shared cache, the search engine (when
it is not the database), the media storage and, when tasks run in a worker, that the worker
is alive (its heartbeat, ``home.tasks``). Each check says only ok or fail, never why: an error
can name a host, a user or a password. The reasons go to the log; any failure answers 503, so
that no request is sent here.
"""

import logging
import uuid

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

from home.tasks import HEARTBEAT_SECONDS, worker_heartbeat_age

logger = logging.getLogger(__name__)

#: How long the worker may be silent: three missed beats.
WORKER_SILENCE_SECONDS = 3 * HEARTBEAT_SECONDS


def shared_cache():
    return caches["shared"]


def worker_configured():
    """Whether tasks run in a worker process: any backend but the two of django-tasks that run
    them in the request or not at all (their subclasses may hand them on)."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return type(backend) not in (ImmediateBackend, DummyBackend)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache():
    cache, key, value = shared_cache(), f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the shared cache did not keep a value")
    cache.delete(key)


def check_search():
    if not get_search_backend().es.ping():
        raise RuntimeError("the search engine does not answer")


def check_storage():
    """A file can be written and removed (on a new installation the folder is made)."""
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


def check_worker():
    age = worker_heartbeat_age()
    if age is None or age > WORKER_SILENCE_SECONDS:
        raise RuntimeError(f"no task worker has beaten for {age} seconds")


def checks():
    """The checks that apply to this installation, by name."""
    found = {"database": check_database, "cache": check_cache}
    if isinstance(get_search_backend(), ElasticsearchBaseSearchBackend):  # not the database
        found["search"] = check_search
    found["storage"] = check_storage
    if worker_configured():
        found["worker"] = check_worker
    return found


def run(check, name):
    try:
        check()
    except Exception:
        logger.warning("Readiness check %s failed", name, exc_info=True)
        return "fail"
    return "ok"


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    results = {name: run(check, name) for name, check in checks().items()}
    ready = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "fail", "checks": results}, status=200 if ready else 503
    )
