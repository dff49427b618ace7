"""Index updates that survive a search server being down.

A search server (OpenSearch, Elasticsearch) lives outside the site's database, so it can be
stopped or unreachable while editors keep publishing. ``ResilientIndexingMixin`` goes first in
the bases of such a backend: when an index update fails because the server cannot be reached
(connection refused, timeout, 429 or 5xx), the update is recorded as a ``MissedIndexUpdate``
instead of being lost, and nothing is raised into the request, so publishing succeeds. A later
successful update of the same object removes its record; ``manage.py catch_up_search_index``
retries the recorded ones (``retry_missed``); a full rebuild (``update_index``) removes the
records of every index it rebuilt, when the rebuild has succeeded (see ``clearing_rebuilder``).

Other errors (a bad mapping, a document the server refuses) are not recorded: trying again
would not help. They are raised as before, and modelsearch logs them without failing the save.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.index import get_indexed_instance, get_indexed_models

logger = logging.getLogger(__name__)

# HTTP statuses that mean "not now" rather than "never": rate limiting and an unavailable node.
TRANSIENT_STATUSES = {429, 502, 503, 504}


def _client_errors():
    """(errors that always mean unreachable, errors that carry an HTTP status) of the clients
    that are installed."""
    unreachable, with_status = [], []
    try:
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
        from opensearchpy.exceptions import TransportError as OpenSearchTransportError
    except ImportError:
        pass
    else:
        unreachable.append(OpenSearchConnectionError)  # also ConnectionTimeout and SSLError
        with_status.append(OpenSearchTransportError)
    try:
        from elastic_transport import TransportError as ElasticTransportError
        from elasticsearch import ApiError as ElasticApiError
    except ImportError:
        pass
    else:
        unreachable.append(ElasticTransportError)  # ConnectionError, ConnectionTimeout, ...
        with_status.append(ElasticApiError)
    return tuple(unreachable), tuple(with_status)


UNREACHABLE_ERRORS, STATUS_ERRORS = _client_errors()


def engine_unreachable(error):
    """Whether an indexing error means the server could not be reached (worth trying again)."""
    if isinstance(error, UNREACHABLE_ERRORS):
        return True
    if isinstance(error, STATUS_ERRORS):
        status = getattr(error, "status_code", None)
        if status is None:  # elasticsearch's ApiError
            status = getattr(error, "status", None)
        return status == "N/A" or status in TRANSIENT_STATUSES
    return False


def _object_key(obj):
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def record_missed(obj, action):
    """Note that ``obj`` was to be added (``"add"``) or deleted (``"delete"``) but was not."""
    from search.models import MissedIndexUpdate

    content_type, object_id = _object_key(obj)
    now = timezone.now()
    missed = MissedIndexUpdate.objects.filter(content_type=content_type, object_id=object_id)
    if missed.update(action=action, last_failed_at=now, attempts=F("attempts") + 1):
        return
    try:
        # In a savepoint: a concurrent insert must not break the caller's transaction.
        with transaction.atomic():
            MissedIndexUpdate.objects.create(
                content_type=content_type,
                object_id=object_id,
                action=action,
                first_failed_at=now,
                last_failed_at=now,
            )
    except IntegrityError:
        missed.update(action=action, last_failed_at=now, attempts=F("attempts") + 1)


def forget_missed(objects, before):
    """Remove the records of objects whose index entry is now up to date, unless a newer
    failure (after ``before``, the time the successful update started) was recorded meanwhile."""
    from search.models import MissedIndexUpdate

    by_type = {}
    for obj in objects:
        content_type, object_id = _object_key(obj)
        by_type.setdefault(content_type, []).append(object_id)
    for content_type, object_ids in by_type.items():
        MissedIndexUpdate.objects.filter(
            content_type=content_type, object_id__in=object_ids, last_failed_at__lte=before
        ).delete()


def clearing_rebuilder(rebuilder_class):
    """A rebuilder that, once its index has been rebuilt and put in place, removes the records
    of missed updates to the objects of that index: the rebuild read them from the database.
    Records of failures after the rebuild started are kept, as the rebuild may have read the
    object before that change."""

    if rebuilder_class is None or getattr(rebuilder_class, "clears_missed_updates", False):
        return rebuilder_class

    class ClearingRebuilder(rebuilder_class):
        clears_missed_updates = True

        def start(self):
            self.started_at = timezone.now()
            return super().start()

        def finish(self):
            super().finish()
            from search.models import MissedIndexUpdate

            # The atomic rebuilder fills a new index, then points the alias (the name) at it.
            index = getattr(self, "alias", self.index)
            backend = index.backend
            models = [
                model
                for model in get_indexed_models()
                if backend.get_index_for_model(model).name == index.name
            ]
            content_types = ContentType.objects.get_for_models(*models).values()
            cleared, _ = MissedIndexUpdate.objects.filter(
                content_type__in=content_types, last_failed_at__lt=self.started_at
            ).delete()
            if cleared:
                logger.info(
                    "Rebuilding %s made %d missed index updates obsolete", index.name, cleared
                )

    name = "Clearing" + rebuilder_class.__name__
    ClearingRebuilder.__name__ = ClearingRebuilder.__qualname__ = name
    ClearingRebuilder.__module__ = __name__
    return ClearingRebuilder


class ResilientIndexingMixin:
    """Put first in the bases of a search server backend (see the module's docstring)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in ("rebuilder_class", "basic_rebuilder_class", "atomic_rebuilder_class"):
            if getattr(cls, name, None) is not None:
                setattr(cls, name, clearing_rebuilder(getattr(cls, name)))

    def add(self, obj):
        return self._update(super().add, [obj], "add", obj)

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        return self._update(super().add_bulk, obj_list, "add", model, obj_list)

    def delete(self, obj):
        return self._update(super().delete, [obj], "delete", obj)

    def _update(self, method, objects, action, *args):
        """``method(*args)``, recording ``objects`` when the server cannot be reached. True when
        the index was updated."""
        started = timezone.now()
        try:
            method(*args)
        except Exception as error:
            if not engine_unreachable(error):
                raise
            self._missed(objects, action, error)
            return False
        forget_missed(objects, started)
        return True

    def _missed(self, objects, action, error):
        logger.warning(
            "Search server unreachable (%s); %d index update(s) recorded for catch_up_search_index",
            type(error).__name__,
            len(objects),
        )
        for obj in objects:
            record_missed(obj, action)

    def retry_missed(self, missed):
        """Bring one recorded object's index entry up to date with the database: index it when
        it exists and is indexed, else delete it from the index (whatever the recorded action
        was, the database has the last word). True when done, and the record is then removed;
        False when the server is still unreachable (the record's attempts go up)."""
        model = missed.content_type.model_class()
        if model is None:  # the model is gone, and so is its index
            missed.delete()
            return True
        try:
            pk = model._meta.pk.to_python(missed.object_id)
        except Exception:  # noqa: BLE001 - an id that cannot be this model's cannot be indexed
            missed.delete()
            return True
        obj = model._default_manager.filter(pk=pk).first()
        indexed = get_indexed_instance(obj) if obj is not None else None
        if indexed is not None:
            return self.add(indexed)
        return self.delete(model(pk=pk))
