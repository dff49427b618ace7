"""Tarjotin's OpenSearch backend (``SEARCH_URL=opensearch://...``): Wagtail's OpenSearch 3 client
backend, with Finnish-aware analysis (``search.backends.opensearch_analysis``) and index updates
that survive the server being down (``search.backends.resilience``)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from search.backends.opensearch_analysis import with_analysis
from search.backends.resilience import ResilientIndexingMixin


class SearchBackend(ResilientIndexingMixin, with_analysis(OpenSearch3SearchBackend)):
    pass
