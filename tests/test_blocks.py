"""Every shared StreamField block renders on a guide page."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from tests import factories as make

pytestmark = pytest.mark.django_db


def test_guide_with_every_block_renders(client, soup_of):
    image = get_image_model().objects.create(
        title="Ryhmäkuva", file=get_test_image_file(), description="Kolme naista keskustelee"
    )
    document = make.document("Opas vanhemmille")
    tray = make.standard_page("Kotoutumistarjotin")
    guide = make.standard_page(
        "Kaikki lohkot",
        body=[
            ("heading", {"text": "Väliotsikko", "level": "h2"}),
            ("paragraph", RichText("<p>Tekstiä <b>lihavoituna</b>.</p>")),
            ("image", {"image": image, "alt_text": "", "caption": "Kuvateksti"}),
            ("image", {"image": image, "alt_text": "-", "caption": ""}),
            ("document", {"document": document, "link_text": ""}),
            ("quote", {"text": "Lainaus", "attribution": "THL, 2023"}),
            (
                "call_to_action",
                {"title": "Lue lisää", "text": "", "page": tray, "url": "", "button_text": "Avaa"},
            ),
            ("embed", "https://www.youtube.com/watch?v=not-reachable-here"),
        ],
    )

    response = client.get(guide.url)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("main h2.block-heading").get_text() == "Väliotsikko"
    images = soup.select(".block-image img")
    assert images[0]["alt"] == "Kolme naista keskustelee"
    assert images[1]["alt"] == ""
    assert soup.select_one(".block-image figcaption").get_text(strip=True) == "Kuvateksti"
    link = soup.select_one(".block-document a")
    assert (
        link["href"] == document.url
        and "Opas vanhemmille" in link.get_text()
        and "PDF" in link.get_text()
    )
    assert soup.select_one(".block-quote figcaption").get_text(strip=True) == "– THL, 2023"
    assert soup.select_one(".block-cta a.button")["href"] == tray.url


def test_call_to_action_needs_a_target():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python({"title": "x", "text": "", "page": None, "url": "", "button_text": "y"})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
