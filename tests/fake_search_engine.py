"""An in-memory search server that can be switched off, behind Tarjotin's resilient indexing.

Its documents live in ``DOCUMENTS`` (modelsearch builds a new backend object on every lookup),
and while ``STATE["down"]`` is true every call fails as an unreachable OpenSearch node does.
"""

from modelsearch.backends.base import BaseIndex, BaseSearchBackend
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from search.backends.resilience import ResilientIndexingMixin

DOCUMENTS = {}  # (root model label, pk) -> title
STATE = {"down": False}


def key(obj):
    from modelsearch.backends.base import get_model_root

    return get_model_root(type(obj))._meta.label_lower, str(obj.pk)


def check_up():
    if STATE["down"]:
        raise OpenSearchConnectionError("N/A", "Connection refused", None)


class FakeIndex(BaseIndex):
    def __init__(self, backend, name="fake_all"):
        super().__init__(backend)
        self.name = name

    def get_key(self):
        return self.name

    def add_item(self, obj):
        check_up()
        DOCUMENTS[key(obj)] = str(obj)

    def add_items(self, model, items):
        check_up()
        for item in items:
            DOCUMENTS[key(item)] = str(item)

    def delete_item(self, obj):
        check_up()
        DOCUMENTS.pop(key(obj), None)

    def refresh(self):
        check_up()


class FakeRebuilder:
    def __init__(self, index):
        self.index = index

    def start(self):
        check_up()
        return self.index

    def finish(self):
        check_up()


class FakeEngine(BaseSearchBackend):
    index_class = FakeIndex
    rebuilder_class = FakeRebuilder
    catch_indexing_errors = True


class SearchBackend(ResilientIndexingMixin, FakeEngine):
    pass
