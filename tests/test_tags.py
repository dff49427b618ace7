"""A tag page lists everything published with the tag: materials, activities, blog posts."""

import pytest

pytestmark = pytest.mark.django_db


def test_tag_page_gathers_every_content_type(client, soup_of):
    response = client.get("/fi/tags/perhe-yhtenäiseksi/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "fi"
    titles = {a.get_text() for a in soup.select(".card__title a")}
    assert "Pakolaisperheille tarjottava varhainen tuki kannattaa" in titles  # blog post
    assert "Perhe Yhtenäiseksi -perhetyö" in titles  # activity
    assert "Perhe Yhtenäiseksi -työskentelymenetelmän opas" in titles  # material
    assert len(soup.select("main h2")) == 3


def test_unknown_tag_is_404(client):
    assert client.get("/fi/tags/ei-ole-olemassa/").status_code == 404


def test_swedish_tag_page_shows_finnish_originals(client, soup_of):
    soup = soup_of(client.get("/sv/tags/womento/"))
    assert soup.html["lang"] == "sv"
    cards = soup.select(".card")
    assert cards and all(card["lang"] == "fi" for card in cards)
