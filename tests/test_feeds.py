import datetime
import xml.etree.ElementTree as ET

import pytest

from tests import factories as make

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def posts():
    """Five posts by two organisations, created out of date order: the newest is tagged
    and the second newest has a named author."""
    laurea = make.organisation("Laurea-ammattikorkeakoulu")
    red_cross = make.organisation("Suomen Punainen Risti")
    day = datetime.date(2026, 2, 1)
    make.blog_post(red_cross, "Vanha kirjoitus", date=day)
    make.blog_post(
        red_cross,
        "Pakolaisperheille tarjottava varhainen tuki kannattaa",
        date=day + datetime.timedelta(days=20),
        author_name="Iida-Maria Bimberg",
    )
    make.blog_post(
        laurea,
        "Järjestöt ja niiden rooli maahanmuuttajien tukemisessa",
        slug="jarjestot-ja-niiden-rooli",
        date=day + datetime.timedelta(days=30),
        tags=["matalan kynnyksen toiminta", "järjestöt"],
    )
    make.blog_post(laurea, "Syksyn kurssit", date=day + datetime.timedelta(days=10))
    make.blog_post(laurea, "Kevään kurssit", date=day + datetime.timedelta(days=5))


def test_rss_feed_lists_posts_with_links_and_authors(client):
    response = client.get("/fi/blogi/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "fi"
    items = channel.findall("item")
    assert len(items) == 5
    first = items[0]
    assert first.findtext("title") == "Järjestöt ja niiden rooli maahanmuuttajien tukemisessa"
    assert first.findtext("link").endswith(
        "/fi/jarjestot/laurea-ammattikorkeakoulu/jarjestot-ja-niiden-rooli/"
    )
    assert "matalan kynnyksen toiminta" in [c.text for c in first.findall("category")]
    assert items[1].findtext("title") == "Pakolaisperheille tarjottava varhainen tuki kannattaa"


def test_atom_feed_is_valid_atom(client):
    response = client.get("/fi/blogi/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    assert entries[1].find(f"{ATOM}author/{ATOM}name").text == "Iida-Maria Bimberg"


def test_blog_index_advertises_its_feeds(client, soup_of):
    soup = soup_of(client.get("/fi/blogi/"))
    types = {link["type"]: link["href"] for link in soup.select("link[rel=alternate][type]")}
    assert types["application/rss+xml"] == "/fi/blogi/feed/rss/"
    assert types["application/atom+xml"] == "/fi/blogi/feed/atom/"
