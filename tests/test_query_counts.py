"""Pages cost a fixed number of SQL queries however much content there is (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from network.models import BlogPage, OrganisationPage
from network.models.organisations import ORGANISATION_POSTS_SHOWN

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/fi/",
    "swedish home": "/sv/",
    "blog": "/fi/blogi/",
    "blog post": "/fi/jarjestot/suomen-punainen-risti/herkkuja-kotoutumistarjottimelle/",
    "organisations": "/fi/jarjestot/",
    "organisation": "/fi/jarjestot/vaestoliitto/",
    "rss": "/fi/blogi/feed/rss/",
}
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


def query_counts(client):
    counts = {}
    for name, url in PAGES.items():
        client.get(url)  # warm per-process caches (site root paths, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_query_counts_stay_constant_with_ten_times_the_content(client):
    before = query_counts(client)
    posts, organisations = BlogPage.objects.count(), OrganisationPage.objects.count()

    generate(posts * 9)
    own_post = BlogPage.objects.get(slug="osaksi-suomalaista-yhteiskuntaa")
    for number in range(ORGANISATION_POSTS_SHOWN + 1):  # fill the organisation page's post list
        own_post.copy(update_attrs={"slug": f"kopio-{number}", "title": f"Kopio {number}"})

    assert BlogPage.objects.count() >= posts * 10
    assert OrganisationPage.objects.count() >= organisations + posts * 9
    after = query_counts(client)
    assert after == before
    for name, count in before.items():
        assert count <= LIMITS[name], f"{name}: {count} queries"
