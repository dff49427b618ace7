"""Pictures of materials and blog posts: in the lighter formats, in a few widths, with
their alt text; the first one on a page loads at once, those on cards when scrolled to."""

import pytest

from demo.illustrations import illustration_for
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return factories.organisation("Kotoutumisyhdistys")


def lead_picture(soup):
    picture = soup.select_one("picture:has(img.lead-image)")
    assert picture is not None
    return picture


@pytest.mark.parametrize("kind", ["material", "blog_post"])
def test_article_shows_its_image_as_a_picture_in_light_formats(client, soup_of, organisation, kind):
    image = illustration_for("kuva", "Kuva")
    page = getattr(factories, kind)(organisation, "Kuvallinen", image=image)

    picture = lead_picture(soup_of(client.get(page.url)))

    webp = picture.select_one('source[type="image/webp"]')
    assert [entry.split()[1] for entry in webp["srcset"].split(", ")] == ["480w", "960w", "1440w"]
    assert webp["sizes"]
    img = picture.img
    assert img["alt"] == image.description and img["alt"].startswith("Geometrinen kuvitus")
    assert img["src"].endswith(".jpg") and img["srcset"].count("w,") == 2
    assert int(img["width"]) * 9 == int(img["height"]) * 16  # the space is kept while it loads
    assert "loading" not in img.attrs  # the page's largest content: not deferred


def test_an_image_whose_file_is_lost_leaves_the_page_readable(client, soup_of, organisation):
    image = illustration_for("kadonnut", "Kadonnut")
    page = factories.blog_post(organisation, "Kuva katosi", image=image)
    image.file.delete(save=False)

    response = client.get(page.url)

    assert response.status_code == 200
    assert soup_of(response).select_one("main h1").get_text(strip=True) == "Kuva katosi"


@pytest.mark.parametrize("kind", ["material", "blog_post"])
def test_article_without_an_image_has_no_picture(client, soup_of, organisation, kind):
    page = getattr(factories, kind)(organisation, "Kuvaton")
    assert soup_of(client.get(page.url)).select_one("main picture") is None


def test_blog_cards_show_small_pictures_without_a_query_per_post(
    client, soup_of, organisation, query_count
):
    factories.blog_post(organisation, "Ensimmäinen", image=illustration_for("yksi", "Yksi"))
    factories.blog_post(organisation, "Toinen", image=illustration_for("kaksi", "Kaksi"))
    url = factories.section(factories.BlogIndexPage).url
    before = query_count(url)
    factories.blog_post(organisation, "Kolmas", image=illustration_for("kolme", "Kolme"))

    assert query_count(url) == before
    images = soup_of(client.get(url)).select(".card picture img.card__image")
    assert len(images) == 3
    assert all(img["loading"] == "lazy" and img["alt"] for img in images)
    assert all(img.find_previous_sibling("source", type="image/webp") for img in images)
