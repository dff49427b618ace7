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
