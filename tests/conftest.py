import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site is built once per run; each test runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def soup_of():
    def parse(response):
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def query_count(client):
    """SQL queries to render a URL, after a first request has warmed per-process caches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count
