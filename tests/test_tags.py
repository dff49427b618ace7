"""A tag page lists everything published with the tag: materials, activities, blog posts."""

import pytest

from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged():
    """A blog post, an activity and a material tagged "Perhe Yhtenäiseksi", and one of each
    with another tag, from one organisation; the site has a Swedish home page."""
    make.home("sv")
    organisation = make.organisation("Suomen Punainen Risti")
    for tags, suffix in ((["Perhe Yhtenäiseksi"], ""), (["womento"], " (muu)")):
        make.blog_post(organisation, f"Varhainen tuki{suffix}", tags=tags)
        make.activity(organisation, f"Perhetyö{suffix}", tags=tags)
        make.material(organisation, f"Työskentelymenetelmän opas{suffix}", tags=tags)


def test_tag_page_gathers_every_content_type(client, soup_of, tagged):
    response = client.get("/fi/tags/perhe-yhtenäiseksi/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "fi"
    titles = {a.get_text() for a in soup.select(".card__title a")}
    assert titles == {
        "Varhainen tuki",  # blog post
        "Perhetyö",  # activity
        "Työskentelymenetelmän opas",  # material
    }
    assert len(soup.select("main h2")) == 3


def test_unknown_tag_is_404(client, tagged):
    assert client.get("/fi/tags/ei-ole-olemassa/").status_code == 404


def test_swedish_tag_page_shows_finnish_originals(client, soup_of, tagged):
    soup = soup_of(client.get("/sv/tags/womento/"))
    assert soup.html["lang"] == "sv"
    cards = soup.select(".card")
    assert len(cards) == 3 and all(card["lang"] == "fi" for card in cards)
