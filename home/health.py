"""``/healthz`` and ``/readyz``, for a load balancer and ``scripts/production.sh status``.

``/healthz`` answers as soon as the process does: when it fails, restart the process.
``/readyz`` checks what requests need: the database, the shared cache, the search engine (when
it is not the database), the media storage and, when tasks run in a worker, that the worker
takes them. Each check says only ok or fail, never why: an error can name a host, a user or a
password. The reasons go to the log; any failure answers 503, so that no request is sent here.
"""

import logging
import time
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
from django_tasks.signals import task_enqueued, task_started
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

#: The shared cache's key holding when the oldest task the worker has not yet taken was due.
WAITING_KEY = "health:task-waiting-since"
#: How long a task may wait for the worker (which may be busy with a long extraction).
WORKER_GRACE_SECONDS = 300


def shared_cache():
    return caches["shared"]


def worker_configured():
    """Whether tasks run in a worker process: any backend but the two of django-tasks that run
    them in the request or not at all (their subclasses may hand them on)."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return type(backend) not in (ImmediateBackend, DummyBackend)


def task_waiting(task_result, **kwargs):
    if worker_configured():
        run_after = task_result.task.run_after
        due = run_after.timestamp() if run_after else time.time()
        shared_cache().add(WAITING_KEY, due, timeout=None)  # kept if an older one waits


def task_taken(**kwargs):
    if worker_configured():
        shared_cache().delete(WAITING_KEY)


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
    since = shared_cache().get(WAITING_KEY)
    if since is not None and time.time() - since > WORKER_GRACE_SECONDS:
        raise RuntimeError(f"a task has waited for the worker since {since}")


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


def connect():
    task_enqueued.connect(task_waiting, dispatch_uid="health_task_waiting")
    task_started.connect(task_taken, dispatch_uid="health_task_taken")
