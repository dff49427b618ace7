"""SEARCH_URL parsing, and the search backends it configures, without a search server.

Building a backend creates its client but sends nothing, so the Elasticsearch configuration (no
Elasticsearch server can run here) is checked as far as the client it would use.
"""

import base64

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms import env
from search.backends.resilience import ResilientIndexingMixin


def config_for(monkeypatch, url):
    monkeypatch.setenv("SEARCH_URL", url)
    return env.search_config()


def backend_for(monkeypatch, url):
    params = config_for(monkeypatch, url)
    return get_search_backend(params.pop("BACKEND"), **params)


def basic_auth(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def opensearch_connection(backend):
    (connection,) = backend.es.transport.connection_pool.connections
    return connection


@pytest.mark.parametrize("url", ["", "   "])
def test_unset_search_url_means_the_database_backend(monkeypatch, url):
    assert config_for(monkeypatch, url)["BACKEND"] == "search.backends.database"


@pytest.mark.parametrize(
    "url,backend,host",
    [
        ("opensearch://127.0.0.1:9200", "search.backends.opensearch", "http://127.0.0.1:9200"),
        (
            "http+opensearch://search.example",
            "search.backends.opensearch",
            "http://search.example:9200",
        ),
        (
            "https+opensearch://u:p@search.example:443",
            "search.backends.opensearch",
            "https://search.example:443",
        ),
        (
            "elasticsearch://search.example",
            "search.backends.elasticsearch",
            "http://search.example:9200",
        ),
        (
            "https+elasticsearch://search.example:9243",
            "search.backends.elasticsearch",
            "https://search.example:9243",
        ),
    ],
)
def test_search_url_selects_engine_and_host(monkeypatch, url, backend, host):
    config = config_for(monkeypatch, url)
    assert config["BACKEND"] == backend
    assert config["URLS"] == [host]
    assert config["ATOMIC_REBUILD"] is True
    assert config["AUTO_UPDATE"] is True
    assert 1 <= config["TIMEOUT"] <= 30


@pytest.mark.parametrize(
    "query,prefix",
    [
        ("", "tarjotin_"),
        ("?index=tarjotin_staging", "tarjotin_staging_"),
        ("?index=site2_", "site2_"),
    ],
)
@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_index_prefix_names_the_indexes(monkeypatch, engine, query, prefix):
    backend = backend_for(monkeypatch, f"{engine}://search.example:9200{query}")
    assert backend.index_prefix == prefix
    assert backend.get_index_for_model(Page).name == f"{prefix}wagtailcore_page"


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_rebuilds_are_atomic(monkeypatch, engine):
    backend = backend_for(monkeypatch, f"{engine}://search.example:9200")
    assert backend.rebuilder_class is backend.atomic_rebuilder_class
    assert backend.rebuilder_class is not backend.basic_rebuilder_class


def test_opensearch_client(monkeypatch):
    backend = backend_for(
        monkeypatch, "https+opensearch://us%40er:p%2Fss%3Aword@search.example:443"
    )
    assert isinstance(backend, OpenSearch3SearchBackend)
    assert isinstance(backend, ResilientIndexingMixin)
    connection = opensearch_connection(backend)
    assert connection.host == "https://search.example:443"
    assert connection.headers["authorization"] == basic_auth("us@er", "p/ss:word")
    assert connection.timeout == config_for(monkeypatch, "opensearch://x")["TIMEOUT"]


def test_opensearch_client_without_credentials(monkeypatch):
    connection = opensearch_connection(backend_for(monkeypatch, "opensearch://127.0.0.1:9201"))
    assert connection.host == "http://127.0.0.1:9201"
    assert "authorization" not in connection.headers


def test_elasticsearch_client(monkeypatch):
    backend = backend_for(monkeypatch, "https+elasticsearch://us%40er:p%2Fss@search.example:9243")
    assert isinstance(backend, Elasticsearch9SearchBackend)
    assert isinstance(backend, ResilientIndexingMixin)
    (node,) = backend.es.transport.node_pool.all()
    assert (node.config.scheme, node.config.host, node.config.port) == (
        "https",
        "search.example",
        9243,
    )
    assert backend.es._headers["authorization"] == basic_auth("us@er", "p/ss")
    assert backend.es._request_timeout == config_for(monkeypatch, "opensearch://x")["TIMEOUT"]


def test_elasticsearch_client_without_credentials(monkeypatch):
    backend = backend_for(monkeypatch, "elasticsearch://search.example")
    assert "authorization" not in backend.es._headers


@pytest.mark.parametrize(
    "url",
    [
        "solr://x",
        "opensearch",
        "opensearch://",
        "ftp+opensearch://x",
        "https+solr://x",
        "opensearch://x:port",
        "opensearch://x?index=Tarjotin",
        "elasticsearch://x?index=a/b",
        "opensearch://x?index=_hidden",
    ],
)
def test_bad_search_url_names_the_variable(monkeypatch, url):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        config_for(monkeypatch, url)
