"""Tarjotin's Elasticsearch backend (``SEARCH_URL=elasticsearch://...``): Wagtail's Elasticsearch 9
backend, with Finnish-aware analysis (``search.backends.opensearch_analysis``) and index updates
that survive the server being down (``search.backends.resilience``)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.backends.opensearch_analysis import with_analysis
from search.backends.resilience import ResilientIndexingMixin


class SearchBackend(ResilientIndexingMixin, with_analysis(Elasticsearch9SearchBackend)):
    pass
