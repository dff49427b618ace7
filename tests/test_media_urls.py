"""Documents are never served straight from MEDIA_URL, not even by the development server."""

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from materials.models import MaterialPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    import importlib

    import cms.urls

    settings.DEBUG = True
    clear_url_caches()
    importlib.reload(cms.urls)
    yield
    settings.DEBUG = False
    clear_url_caches()
    importlib.reload(cms.urls)


def test_members_only_file_has_no_direct_media_url(client, settings, debug_urls):
    document = (
        MaterialPage.objects.get(slug="vertaisryhmaohjaajien-koulutus").files.first().document
    )
    with override_settings(ROOT_URLCONF="cms.urls"):
        response = client.get(settings.MEDIA_URL + document.file.name)
    assert response.status_code == 404
