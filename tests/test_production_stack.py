"""The stack of ``scripts/production.sh`` (Varnish in front of gunicorn, on PostgreSQL and
Redis), tested through Varnish as readers, members and editors reach it: anonymous pages come
from the cache (also for a reader holding the CSRF cookie of a form they have seen), a publish
is seen within two seconds, and logged-in people, pages with a form and the admin never get a
cached page.

Marked ``production``: .ci/run starts the stack and runs these with ``PRODUCTION_URL`` set; the
test changes content through ``scripts/production.sh manage`` (the stack's own settings)."""

import http.cookiejar
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.production

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "Tuotanto-Salasana-2026"
PUBLISH_SECONDS = 2


@pytest.fixture(scope="module")
def site_url():
    url = os.environ.get("PRODUCTION_URL")
    if not url:
        pytest.fail("Start the stack (scripts/production.sh start) and set PRODUCTION_URL.")
    return url.rstrip("/")


def manage(code):
    """Run Python in the stack's Django (its database, cache and front cache); its output."""
    return subprocess.run(
        ["bash", "scripts/production.sh", "manage", "shell", "--no-imports", "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser of its own (cookies kept), which sees redirects rather than following them."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def get(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:  # 3xx, 4xx and 5xx answers
            return error.code, error.headers, error.read().decode()

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def log_in(self, username):
        self.get("/admin/login/")
        status, _headers, _body = self.get(
            "/admin/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookie("csrftoken"),
            },
        )
        assert status == 302 and self.cookie("sessionid")


@pytest.fixture(scope="module")
def demo(site_url):
    """Addresses of the demo's pages, read from the stack's database: the bank, a tagged
    material the bank's first page lists and its first tag's page, a blog post."""
    found = json.loads(
        manage(
            "import json\n"
            "from materials.models import MaterialIndexPage, MaterialPage\n"
            "from network.models import BlogPage\n"
            "bank = MaterialIndexPage.objects.live().get(locale__language_code='fi')\n"
            "materials = MaterialPage.objects.live().public().filter(locale=bank.locale)\n"
            "print(json.dumps({'bank': bank.url, 'materials': [[m.pk, m.url, t.slug] for m in"
            " materials for t in m.tags.all()[:1]],"
            " 'blog_post': BlogPage.objects.live().public().first().url}))"
        )
    )
    listed = Visitor(site_url).get(found["bank"])[2]
    found["material_id"], found["material"], tag = next(
        (pk, url, tag) for pk, url, tag in found.pop("materials") if f'href="{url}"' in listed
    )
    found["tag_page"] = f"/fi/tags/{tag}/"
    return found


@pytest.fixture(scope="module")
def member(site_url):
    username = f"member-{uuid.uuid4().hex[:8]}"
    manage(
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.create_superuser({username!r}, password={PASSWORD!r})"
    )
    visitor = Visitor(site_url)
    visitor.log_in(username)
    return visitor


def cached_twice(visitor, path):
    """Ask twice; the second answer's X-Cache."""
    visitor.get(path)
    status, headers, _body = visitor.get(path)
    assert status == 200
    return headers["X-Cache"]


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(site_url):
    reader = Visitor(site_url)
    path = f"/fi/?visit={uuid.uuid4().hex}"

    first = reader.get(path)
    second = reader.get(path)

    assert first[0] == second[0] == 200
    assert first[1]["X-Cache"] == "MISS"
    assert second[1]["X-Cache"] == "HIT"
    assert second[2] == first[2]
    assert "Set-Cookie" not in second[1]


def test_a_published_change_is_seen_through_the_cache_within_two_seconds(site_url, demo):
    reader = Visitor(site_url)
    assert cached_twice(reader, demo["material"]) == "HIT"
    assert cached_twice(reader, demo["bank"]) == "HIT"
    assert cached_twice(reader, demo["tag_page"]) == "HIT"
    title = f"Uusi painos {uuid.uuid4().hex[:8]}"

    manage(
        "from materials.models import MaterialPage\n"
        f"page = MaterialPage.objects.get(pk={demo['material_id']})\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()"
    )

    published = time.monotonic()
    waiting = {demo["material"], demo["bank"], demo["tag_page"]}
    while waiting and time.monotonic() - published < PUBLISH_SECONDS:
        waiting = {path for path in waiting if title not in reader.get(path)[2]}
        time.sleep(0.05)  # polling the proxy, as a reader reloading the page
    assert not waiting, f"still the old version after {PUBLISH_SECONDS} s: {waiting}"


def test_a_logged_in_member_never_gets_a_cached_page(site_url, member):
    reader = Visitor(site_url)
    assert cached_twice(reader, "/fi/") == "HIT"

    for _ in range(2):
        status, headers, body = member.get("/fi/")
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "wagtail-userbar" in body  # the member's own page, with the editing bar
    assert "wagtail-userbar" not in reader.get("/fi/")[2]


def test_a_page_with_a_comment_form_is_never_cached(site_url, demo):
    reader = Visitor(site_url)

    for _ in range(3):
        status, headers, body = reader.get(demo["blog_post"])
        assert status == 200
        assert headers["X-Cache"] == "MISS"
    # the form's token is this reader's own, the one of its cookie
    assert reader.cookie("csrftoken")
    assert 'name="csrfmiddlewaretoken"' in body


def test_a_reader_who_has_seen_a_form_gets_cached_pages_and_keeps_their_own_token(site_url, demo):
    reader = Visitor(site_url)
    reader.get(demo["blog_post"])
    cookie = reader.cookie("csrftoken")
    assert cookie
    path = f"/fi/?visit={uuid.uuid4().hex}"
    assert Visitor(site_url).get(path)[1]["X-Cache"] == "MISS"  # a reader without cookies

    status, headers, body = reader.get(path)

    assert status == 200
    assert headers["X-Cache"] == "HIT"
    assert "Set-Cookie" not in headers
    assert 'name="csrfmiddlewaretoken"' not in body
    # a page with a form still reaches gunicorn with their cookie: their secret is kept
    status, headers, body = reader.get(demo["blog_post"])
    assert headers["X-Cache"] == "MISS"
    assert 'name="csrfmiddlewaretoken"' in body
    assert reader.cookie("csrftoken") == cookie


def test_the_admin_is_never_cached(site_url, member):
    for visitor in (Visitor(site_url), member):
        for _ in range(2):
            status, headers, _body = visitor.get("/admin/")
            assert headers["X-Cache"] == "MISS"
    assert status == 200  # the member's dashboard


def test_health_checks_answer_through_the_proxy_and_are_never_cached(site_url):
    reader = Visitor(site_url)
    for path in ("/healthz", "/readyz"):
        for _ in range(2):
            status, headers, _body = reader.get(path)
            assert status == 200
            assert headers["X-Cache"] == "MISS"
