"""Structural accessibility checks on a page of every type in Finnish, Swedish and Arabic: a
skip link to <main>, landmarks, one h1 and no skipped heading levels, alt text on images, and
only self-hosted assets."""

import pytest
from wagtail.models import Page

from network.models import BlogIndexPage
from tests import factories as make
from tests.page_types import PAGE_TYPES, one_page

pytestmark = pytest.mark.django_db
LANGUAGES = ["fi", "sv", "ar"]


@pytest.fixture
def every_page_type():
    """One page of each type, translated into Swedish and Arabic."""
    for model in PAGE_TYPES:
        page = one_page(model)
        for code in LANGUAGES[1:]:
            make.translation(page, code)


def public_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific())


def test_every_page_has_skip_link_landmarks_and_ordered_headings(client, soup_of, every_page_type):
    pages = public_pages()
    assert {type(page) for page in pages} == set(PAGE_TYPES)
    assert {page.locale.language_code for page in pages} == set(LANGUAGES)
    for url in [page.url for page in pages]:
        soup = soup_of(client.get(url))
        first_link = soup.body.find("a")
        assert first_link["href"] == "#main" and "skip-link" in first_link["class"], url
        assert soup.find("main", id="main") is not None, url
        assert soup.find("header") and soup.find("footer") and soup.find("nav"), url
        headings = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert headings.count(1) == 1, url
        main_headings = [int(tag.name[1]) for tag in soup.main.find_all(["h1", "h2", "h3", "h4"])]
        assert main_headings[0] == 1, url
        for previous, current in zip(main_headings, main_headings[1:]):
            assert current <= previous + 1, f"{url}: h{previous} followed by h{current}"
        for image in soup.find_all("img"):
            assert image.has_attr("alt"), url
        for label_target in soup.select("input:not([type=hidden])"):
            assert soup.find("label", attrs={"for": label_target["id"]}), url


def test_assets_are_self_hosted(client, soup_of):
    make.section(BlogIndexPage, "sv")
    make.translation(make.standard_page("Kotoutumistarjotin"), "en")
    for url in ["/fi/", "/sv/blogi/", "/en/kotoutumistarjotin/"]:
        soup = soup_of(client.get(url))
        sources = [tag.get("src") for tag in soup.find_all(["script", "img"]) if tag.get("src")]
        sources += [tag["href"] for tag in soup.find_all("link", rel="stylesheet")]
        assert sources
        assert all(source.startswith("/") and not source.startswith("//") for source in sources)
