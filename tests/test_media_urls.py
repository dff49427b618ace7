"""Documents are never served straight from MEDIA_URL, not even by the development server."""

import pytest
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests import factories as make

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
    document = make.document("Vertaisryhmäohjaajien koulutus")
    make.material(make.organisation(), "Koulutus", members_only=True, files=make.files(document))
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    with override_settings(ROOT_URLCONF="cms.urls"):
        response = client.get(settings.MEDIA_URL + document.file.name)
        image_response = client.get(settings.MEDIA_URL + image.file.name)
    assert response.status_code == 404
    assert image_response.status_code == 200  # the development server does serve images
