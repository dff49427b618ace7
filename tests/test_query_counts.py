"""Pages cost a fixed number of SQL queries however much content there is (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from network.models import (
    BlogIndexPage,
    BlogPage,
    CommentStatus,
    OrganisationIndexPage,
    OrganisationPage,
)
from network.models.organisations import ORGANISATION_ENTRIES_SHOWN
from tests import factories as make

pytestmark = pytest.mark.django_db

# Upper bounds: a page that creeps past these has grown a query somewhere. (The header
# and footer are kept between requests, home.change_count: these count a request after the first.)
LIMITS = {
    "home": 19,
    "swedish home": 21,
    "blog": 20,
    "blog post": 18,
    "organisations": 19,
    "organisation": 20,
    "rss": 12,
}


@pytest.fixture
def pages():
    """The pages counted, on a small site to grow: the home pages show the newest posts; two
    organisations have tagged posts, one of them commented. Their addresses by name, and
    the post whose organisation is counted."""
    make.section(OrganisationIndexPage)
    for language in ("fi", "sv"):
        blog = make.section(BlogIndexPage, language)
        home = make.home(language)
        home.body = [("latest", {"title": "Uusimmat", "index_page": blog, "count": 3})]
        make.publish(home)
    red_cross = make.organisation("Suomen Punainen Risti")
    family = make.organisation("Väestöliitto")
    commented = make.blog_post(
        red_cross, "Herkkuja kotoutumistarjottimelle", tags=["kotoutuminen", "ruoka"]
    )
    for number in range(2):
        commented.comments.create(
            name=f"Lukija {number}", body="Kiitos!", status=CommentStatus.APPROVED
        )
    own_post = make.blog_post(family, "Osaksi suomalaista yhteiskuntaa", tags=["kotoutuminen"])
    urls = {
        "home": "/fi/",
        "swedish home": "/sv/",
        "blog": "/fi/blogi/",
        "blog post": commented.url,
        "organisations": "/fi/jarjestot/",
        "organisation": family.url,
        "rss": "/fi/blogi/feed/rss/",
    }
    return urls, own_post


def query_counts(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm per-process caches (site root paths, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_query_counts_stay_constant_with_ten_times_the_content(client, pages):
    urls, own_post = pages
    before = query_counts(client, urls)
    posts, organisations = BlogPage.objects.count(), OrganisationPage.objects.count()

    generate(posts * 9)
    for number in range(ORGANISATION_ENTRIES_SHOWN + 1):  # fill the organisation page's post list
        own_post.copy(update_attrs={"slug": f"kopio-{number}", "title": f"Kopio {number}"})

    assert BlogPage.objects.count() >= posts * 10
    assert OrganisationPage.objects.count() >= organisations + posts * 9
    after = query_counts(client, urls)
    assert after == before
    for name, count in before.items():
        assert count <= LIMITS[name], f"{name}: {count} queries"
