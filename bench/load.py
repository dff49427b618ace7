"""A load and fault test of the production stack (``scripts/production.sh``), on loopback.

For ``--seconds`` (300; CI runs 60), through Varnish: anonymous readers, searchers and
downloaders, logged-in members, commenters, two editors and a coordinator publishing. Meanwhile
one gunicorn worker process, the task worker and Redis are restarted once each
(``production.sh restart``). Then it checks that nothing was lost: every counted download is in
the download counts once the counts buffered in Redis are written, every comment that was
answered "sent" is stored, every publish is a revision, the last one live, seen through the
cache and found by the search; it prints "0 lost" or the losses.

Editors and the coordinator open the admin over HTTP and publish through Wagtail's revisions in
this process (what the admin's Publish button calls), so the purge and the index update go
through Varnish and the task worker as they would from the admin. Each commenter comes from an
address of its own (X-Forwarded-For, which the stack trusts from Varnish), as distinct readers
would, so that the comment rate limit is not what is measured.

Run it in the stack's environment (its database, Redis and settings):

    bash scripts/production.sh start
    bash scripts/production.sh python bench/load.py --seconds 300

Exit status 1 when anything was lost or more than ``--max-errors`` requests failed.
"""

import argparse
import http.cookiejar
import os
import random
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import percentile, table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# (kind, threads, seconds between two actions of one thread)
USERS = (
    ("reader", 3, 0.05),
    ("searcher", 2, 0.3),
    ("downloader", 2, 0.2),
    ("member", 2, 0.3),
    ("commenter", 1, 1.5),
)
ANONYMOUS = ("reader", "searcher", "downloader")
PUBLISH_EVERY = 8.0  # seconds between two edits of an editor or the coordinator
EDITED_ORGANISATIONS = ("vaestoliitto", "toivola-luotola-setlementti")
COORDINATED_ORGANISATION = "suomen-punainen-risti"
SEARCH_WORDS = ("kotoutuminen", "perhe", "opas", "vapaaehtoinen", "kieli", "koulutus", "nuoret")
FAULTS = ("web", "worker", "redis")  # at a quarter, half and three quarters of the run
PASSWORD = f"Kuorma-{uuid.uuid4().hex}"
SEEN_WITHIN = 2.0  # seconds for a publish to show through the cache (issue 22, item 2)
CATCH_UP = 120.0  # seconds for the task worker to finish the queued index updates


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser of its own: cookies kept, redirects seen rather than followed, and an address
    of its own in X-Forwarded-For."""

    def __init__(self, base, address):
        self.base = base
        self.address = address
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def request(self, path, data=None):
        """(status, headers, body); status 0 when no answer came (the error in the body)."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"X-Forwarded-For": self.address}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")
        except OSError as error:
            return 0, {}, repr(error)

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def log_in(self, record, username):
        """Log in through the admin's form, timed as a "login"; whether it worked (a user
        who could not log in does nothing more: the failed login is the error counted)."""
        self.request("/admin/login/")
        status, _headers, _body = record.timed(
            "login",
            self.request,
            "/admin/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookie("csrftoken"),
            },
            expected=(302,),
        )
        return status == 302


class Record:
    """Requests by kind: their times, and what failed (kind, status, path, seconds into the
    run)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.times = defaultdict(list)
        self.hits = Counter()  # answers from Varnish's cache
        self.errors = []

    def timed(self, kind, action, *args, expected=(200,)):
        """Run ``action(*args)`` (returning (status, headers, body)), note its time under
        ``kind``, and its failure unless the status is ``expected``; the answer."""
        began = time.monotonic()
        try:
            answer = action(*args)
        except Exception:  # noqa: BLE001 - a publish that raised is an error to count
            answer = (0, {}, traceback.format_exc(limit=3))
        elapsed = time.monotonic() - began
        with self.lock:
            self.times[kind].append(1000 * elapsed)
            self.hits[kind] += answer[1].get("X-Cache") == "HIT"
            if answer[0] not in expected:
                where = args[0] if args and isinstance(args[0], str) else ""
                self.errors.append((kind, answer[0], where, began - self.started, answer[2][-300:]))
        return answer


class Tally:
    """What the stack must have kept: downloads per document, comments sent, publishes per
    page with the last title."""

    def __init__(self):
        self.lock = threading.Lock()
        self.downloads = Counter()
        self.comments = 0
        self.publishes = Counter()
        self.last_title = {}


def fixtures(marker):
    """The users, pages and files of the run, from the stack's database."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from wagtail.models import Locale

    from materials.models import CustomDocument
    from network.models import BlogPage, OrganisationPage
    from network.onboarding import provide_access
    from network.roles import ensure_coordinators_and_workflow

    User = get_user_model()
    fi = Locale.objects.get(language_code="fi")
    access_admin = Permission.objects.get(codename="access_admin")

    def user(name, *groups):
        account = User.objects.create_user(f"{marker}-{name}", password=PASSWORD)
        account.user_permissions.add(access_admin)
        account.groups.add(*groups)
        return account

    def pages_of(slug):
        organisation = OrganisationPage.objects.get(locale=fi, slug=slug)
        return [page.specific for page in organisation.get_children().live().public()[:2]]

    editors = []
    for number, slug in enumerate(EDITED_ORGANISATIONS, start=1):
        group = provide_access(OrganisationPage.objects.get(locale=fi, slug=slug)).group
        editors.append((user(f"editor{number}", group), pages_of(slug)))
    coordinator = (
        user("coordinator", ensure_coordinators_and_workflow()),
        pages_of(COORDINATED_ORGANISATION),
    )
    documents = list(CustomDocument.objects.order_by("pk"))
    private = CustomDocument.private_ids([document.pk for document in documents])
    paths = ["/fi/", "/sv/", "/fi/materiaalipankki/", "/fi/blogi/", "/fi/jarjestot/"]
    paths += [page.url for page in BlogPage.objects.live().public().filter(locale=fi)[:5]]
    for _account, pages in [*editors, coordinator]:
        paths += [page.url for page in pages]
    return {
        "members": [user(f"member{number}") for number in (1, 2)],
        "editors": editors,
        "coordinator": coordinator,
        "reviewed": [str(page.pk) for _account, pages in editors for page in pages],
        "paths": paths,
        "posts": [post.url for post in BlogPage.objects.live().public().filter(locale=fi)[:3]],
        "files": [
            (document.pk, f"/files/{document.pk}/{document.filename}")
            for document in documents
            if document.pk not in private
        ],
        "private_files": [
            (document.pk, f"/files/{document.pk}/{document.filename}")
            for document in documents
            if document.pk in private
        ],
    }


def downloads_so_far(document_ids):
    """Download counts per document, after writing those buffered in Redis; None when the
    buffered counts could not be written within a minute (another flush holding the lock)."""
    from django.db.models import Sum

    from home import counts
    from materials.models.documents import DownloadCount

    deadline = time.monotonic() + 60
    while True:
        counts.flush()
        connection = counts.redis()
        waiting = connection is not None and any(connection.scan_iter(counts.PREFIX + "downloads*"))
        if not waiting:
            break
        if time.monotonic() > deadline:
            return None
        time.sleep(1)
    rows = (
        DownloadCount.objects.filter(document_id__in=document_ids)
        .values("document_id")
        .annotate(total=Sum("count"))
    )
    totals = Counter({row["document_id"]: row["total"] for row in rows})
    return {pk: totals[pk] for pk in document_ids}


def user_loop(kind, number, base, data, record, tally, stop, pause):
    """One simulated user of ``kind`` until ``stop`` is set."""
    rng = random.Random(f"{kind}{number}")
    visitor = Visitor(base, f"10.{len(kind)}.{number}.1")
    if kind == "member" and not visitor.log_in(record, data["members"][number].username):
        return
    sent = 0
    while not stop.is_set():
        if kind in ANONYMOUS:
            # a new visitor each time: a browser that has been shown a form (a blog post's
            # comment form) keeps its CSRF cookie, and Varnish passes all its requests
            visitor.cookies.clear()
        if kind == "reader":
            record.timed(kind, visitor.request, rng.choice(data["paths"]))
        elif kind == "searcher":
            word = rng.choice(SEARCH_WORDS)
            if rng.random() < 0.3:
                record.timed(kind, visitor.request, f"/fi/search/autocomplete/?q={word[:3]}")
            else:
                record.timed(kind, visitor.request, f"/fi/search/?q={word}")
        elif kind in ("downloader", "member") and (kind == "downloader" or rng.random() < 0.3):
            files = data["files"] + (data["private_files"] if kind == "member" else [])
            pk, path = rng.choice(files)
            if record.timed(kind, visitor.request, path)[0] == 200:
                with tally.lock:
                    tally.downloads[pk] += 1
        elif kind == "member":
            record.timed(kind, visitor.request, rng.choice(data["paths"] + ["/admin/"]))
        elif kind == "commenter":
            sent += 1
            # a reader of their own: a fresh CSRF cookie and an address no earlier run used
            # (the rate limit remembers addresses for ten minutes)
            run = data["marker"][-8:]
            writer = Visitor(base, f"fd00:{run[:4]}:{run[4:]}::{sent:x}")
            post = rng.choice(data["posts"])
            record.timed(kind, writer.request, post)
            status, headers, _body = record.timed(
                kind,
                writer.request,
                post + "comment/",
                {
                    "name": f"Kuormakoe {number}",
                    "email": "",
                    "body": f"{data['marker']} comment {number}-{sent}",
                    "website": "",
                    "csrfmiddlewaretoken": writer.cookie("csrftoken") or "",
                },
                expected=(302,),
            )
            if status == 302 and "comment=sent" in headers.get("Location", ""):
                with tally.lock:
                    tally.comments += 1
        stop.wait(pause * rng.uniform(0.5, 1.5))


def published(tally, page_id, title):
    with tally.lock:
        tally.publishes[page_id] += 1
        tally.last_title[page_id] = title


def editor_loop(number, account, pages, base, data, record, tally, stop):
    """An organisation's editor: every ``PUBLISH_EVERY`` seconds opens one of their pages that
    is not waiting for review in the admin, changes its title and submits it for review."""
    from django.db import close_old_connections

    rng = random.Random(f"editor{number}")
    visitor = Visitor(base, f"10.200.{number}.1")
    if not visitor.log_in(record, account.username):
        return
    originals = {page.pk: page.title for page in pages}
    edits = 0
    try:
        while not stop.wait(PUBLISH_EVERY * rng.uniform(0.5, 1.5)):
            for page in pages:
                page.refresh_from_db()
            free = [page for page in pages if not page.workflow_in_progress]
            if not free:
                continue  # both wait for the coordinator
            page = free[edits % len(free)]
            edits += 1
            record.timed("editor", visitor.request, f"/admin/pages/{page.pk}/edit/")
            # a word of its own: no other edit's word contains it
            title = f"{originals[page.pk]} {data['marker']}e{number}x{edits}z"

            def submit(page=page, title=title):
                page.title = title
                page.save_revision(user=account)
                page.get_workflow().start(page, account)
                return 200, {}, ""

            record.timed("submit", submit)
    finally:
        close_old_connections()


def approve_waiting(account, data, record, tally):
    """The coordinator approves (and so publishes) every submitted edit of the run."""
    from wagtail.models import TaskState

    waiting = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, revision__object_id__in=data["reviewed"]
    ).select_related("revision")
    for state in waiting:

        def approve(state=state):
            state.specific.approve(user=account)
            return 200, {}, ""

        if record.timed("approve", approve)[0] == 200:
            published(tally, int(state.revision.object_id), state.revision.content["title"])


def coordinator_loop(account, pages, base, data, record, tally, stop):
    """The coordinator: every ``PUBLISH_EVERY`` seconds looks at the admin's dashboard,
    approves what the editors submitted, and changes and publishes one of their own pages
    (no review); once more after the run, so that no submitted edit is left waiting."""
    from django.db import close_old_connections

    rng = random.Random("coordinator")
    visitor = Visitor(base, "10.201.0.1")
    if not visitor.log_in(record, account.username):
        return
    originals = {page.pk: page.title for page in pages}
    edits = 0
    try:
        while not stop.wait(PUBLISH_EVERY * rng.uniform(0.5, 1.5)):
            record.timed("coordinator", visitor.request, "/admin/")
            approve_waiting(account, data, record, tally)
            page = pages[edits % len(pages)]
            edits += 1
            record.timed("coordinator", visitor.request, f"/admin/pages/{page.pk}/edit/")
            title = f"{originals[page.pk]} {data['marker']}c{edits}z"

            def publish(page=page, title=title):
                page.refresh_from_db()
                page.title = title
                page.save_revision(user=account).publish(user=account)
                return 200, {}, ""

            if record.timed("publish", publish)[0] == 200:
                published(tally, page.pk, title)
        approve_waiting(account, data, record, tally)
    finally:
        close_old_connections()


def faults(seconds, record, stop, done):
    """Restart one gunicorn worker, the task worker and Redis, at a quarter, half and three
    quarters of the run; (what, seconds into the run, seconds it took) in ``done``."""
    for step, what in enumerate(FAULTS, start=1):
        if stop.wait(max(0.0, record.started + seconds * step / 4 - time.monotonic())):
            return
        began = time.monotonic()
        subprocess.run(["bash", "scripts/production.sh", "restart", what], cwd=ROOT, check=True)
        done.append((what, began - record.started, time.monotonic() - began))


def wait_for_tasks():
    """Wait until the task worker has run every queued task (index updates); False if it had
    not within ``CATCH_UP`` seconds."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + CATCH_UP
    while time.monotonic() < deadline:
        waiting = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        )
        if not waiting.exists():
            return True
        time.sleep(1)
    return False


def losses(base, data, tally, downloads_before, started_at):
    """What the stack lost, as lines of text (none: nothing lost)."""
    from wagtail.models import Page, PageLogEntry

    from network.models import Comment

    lost = []
    if not wait_for_tasks():
        lost.append(f"the task worker left queued tasks after {CATCH_UP:.0f} s")
    ids = list(downloads_before)
    after = downloads_so_far(ids)
    if after is None:
        lost.append("the download counts buffered in Redis could not be written")
    else:
        for pk in ids:
            missing = downloads_before[pk] + tally.downloads[pk] - after[pk]
            if missing > 0:
                lost.append(f"document {pk}: {missing} of {tally.downloads[pk]} downloads")
            elif missing < 0:
                print(f"note: document {pk} counted {-missing} more downloads than were made")
    stored = Comment.objects.filter(body__startswith=data["marker"]).count()
    if stored < tally.comments:
        lost.append(f"comments: {tally.comments - stored} of {tally.comments} sent")
    reader = Visitor(base, "10.250.0.1")
    for pk, title in tally.last_title.items():
        page = Page.objects.select_related("live_revision").get(pk=pk)
        logged = PageLogEntry.objects.filter(
            page_id=pk, action="wagtail.publish", timestamp__gte=started_at
        ).count()
        if logged < tally.publishes[pk]:
            lost.append(
                f"page {pk}: {tally.publishes[pk] - logged} of {tally.publishes[pk]} published "
                "revisions"
            )
        if page.title != title or page.live_revision.content["title"] != title:
            lost.append(f"page {pk}: the last publish is not live ({page.title!r})")
        url = page.specific.url
        word = title.rsplit(" ", 1)[1]
        seen = time.monotonic()
        while word not in reader.request(url)[2] and time.monotonic() - seen < SEEN_WITHIN:
            time.sleep(0.1)
        if word not in reader.request(url)[2]:
            lost.append(f"page {pk}: the cache still serves an older version of {url}")
        if url not in reader.request(f"/fi/search/?q={word}")[2]:
            lost.append(f"page {pk}: the search does not find its last title ({word})")
    return lost


def report(record, tally, faults_done, seconds):
    print(
        f"\n{seconds} s, {os.cpu_count()} cores shared with the load, load average "
        f"{os.getloadavg()[0]:.1f}"
    )
    for what, at, took in faults_done:
        print(f"  restarted {what} at {at:.0f} s ({took:.1f} s)")
    rows = []
    errors = Counter(kind for kind, *_rest in record.errors)
    for kind, times in sorted(record.times.items()):
        rows.append(
            (
                kind,
                len(times),
                f"{len(times) / seconds:.1f}",
                f"{percentile(times, 0.50):.0f}",
                f"{percentile(times, 0.95):.0f}",
                f"{percentile(times, 0.99):.0f}",
                f"{100 * record.hits[kind] / len(times):.0f} %",
                errors[kind],
            )
        )
    print()
    table(
        ("kind", "requests", "per s", "p50 ms", "p95 ms", "p99 ms", "cached", "errors"),
        rows,
        right={1, 2, 3, 4, 5, 6, 7},
    )
    print(
        f"\ndownloads {sum(tally.downloads.values())}, comments sent {tally.comments}, "
        f"publishes {sum(tally.publishes.values())}"
    )
    for kind, status, path, at, detail in record.errors[:20]:
        print(f"  error: {kind} {path} HTTP {status} at {at:.1f} s: {detail.strip()[-200:]}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=300, help="length of the load (300)")
    parser.add_argument(
        "--url",
        default=os.environ.get("FRONTEND_CACHE_URL", "http://127.0.0.1:6081").split(",")[0],
        help="the stack's address, Varnish (default: the stack's FRONTEND_CACHE_URL)",
    )
    parser.add_argument(
        "--max-errors", type=int, default=0, help="failed requests allowed (default 0)"
    )
    args = parser.parse_args(argv)

    from django.conf import settings
    from django.utils import timezone

    # The review notifications that this process sends for the editors and the coordinator
    # (the admin's process would send them): kept in memory rather than printed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    base = args.url.rstrip("/")
    marker = f"kuorma{uuid.uuid4().hex[:8]}"
    data = fixtures(marker)
    data["marker"] = marker
    downloads_before = downloads_so_far([pk for pk, _path in data["files"] + data["private_files"]])
    started_at = timezone.now()
    record, tally, stop, faults_done = Record(), Tally(), threading.Event(), []
    threads = [
        threading.Thread(
            target=user_loop, args=(kind, number, base, data, record, tally, stop, pause)
        )
        for kind, count, pause in USERS
        for number in range(count)
    ]
    for number, (account, pages) in enumerate(data["editors"], start=1):
        threads.append(
            threading.Thread(
                target=editor_loop,
                args=(number, account, pages, base, data, record, tally, stop),
            )
        )
    threads.append(
        threading.Thread(
            target=coordinator_loop, args=(*data["coordinator"], base, data, record, tally, stop)
        )
    )
    threads.append(threading.Thread(target=faults, args=(args.seconds, record, stop, faults_done)))
    crashed = []

    def note_crash(hook):
        """A user (or the faults) stopped by an exception fails the run."""
        crashed.append(hook.thread.name)
        traceback.print_exception(hook.exc_type, hook.exc_value, hook.exc_traceback)

    threading.excepthook = note_crash
    print(f"{len(threads) - 1} users for {args.seconds} s against {base} (marker {marker})")
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join()

    report(record, tally, faults_done, args.seconds)
    lost = losses(base, data, tally, downloads_before, started_at)
    print("\n" + ("\n".join(f"LOST: {line}" for line in lost) if lost else "0 lost"))
    too_many = len(record.errors) > args.max_errors
    if too_many:
        print(f"{len(record.errors)} failed requests, more than --max-errors {args.max_errors}")
    if crashed:
        print(f"{len(crashed)} threads stopped on an exception")
    return 1 if lost or too_many or crashed or len(faults_done) < len(FAULTS) else 0


if __name__ == "__main__":
    from bench._setup import setup_django

    setup_django()
    sys.exit(main())
