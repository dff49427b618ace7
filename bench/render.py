"""Render timings of the main pages through Django's test client, and (optionally) wrk.

For each page: p50 and p95 wall time of a full request (URL resolving, middleware,
view, template rendering) over ``--repeat`` requests after 3 warm-up requests, and
the number of SQL queries per request. Then, with ``--url`` and ``wrk`` on PATH,
requests/second of a running server (``wrk -t2 -c8 -d10s``).

    python bench/render.py --repeat 50
    python bench/render.py --url http://127.0.0.1:8000     # also load-test a running server
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _wrk as wrk  # noqa: E402
from bench._report import percentile, table  # noqa: E402

WARMUP = 3
# Every filter of the tray at once, as a professional finding for a client would set them.
TRAY_EVERY_FILTER = (
    "/fi/toiminta/?q=kerho&municipality=kemi&language=ar&target=nuoret&age=30&stage=alkuvaihe"
    "&category=support&when=week&childcare=on&free=on"
)
REFERRAL_ITEMS = 10
WRK_LABELS = ("home fi", "blog index", "blog post", "organisations")


def pages():
    """(label, path) of the pages to measure; paths that cannot be found are left out with a
    note."""
    from wagtail.models import Locale

    from network.models import BlogIndexPage, BlogPage, OrganisationPage

    targets = [("home fi", "/fi/"), ("home sv", "/sv/")]
    fi = Locale.objects.filter(language_code="fi").first()
    blog = BlogIndexPage.objects.live().filter(locale=fi).first()
    targets.append(("blog index", blog.url if blog else "/fi/blogi/"))
    post = (
        BlogPage.objects.live().filter(locale=fi, slug="herkkuja-kotoutumistarjottimelle").first()
        or BlogPage.objects.live().filter(locale=fi).order_by("-date").first()
    )
    targets.append(("blog post", post.url if post else None))
    targets.append(("organisations", "/fi/jarjestot/"))
    # The organisation with the most posts: the heaviest organisation page.
    organisation = (
        OrganisationPage.objects.live().filter(locale=fi).order_by("-numchild", "path").first()
    )
    targets.append(("organisation", organisation.url if organisation else None))
    targets.append(("standard page", "/fi/kotoutumistarjotin/"))
    targets.append(("rss feed", (blog.url if blog else "/fi/blogi/") + "feed/rss/"))
    targets.append(("tray", "/fi/toiminta/"))
    targets.append(("tray, 3 filters", "/fi/toiminta/?region=uusimaa&target=perheet&language=ar"))
    targets.append(("tray, all filters", TRAY_EVERY_FILTER))
    targets.append(("tray, all but words", TRAY_EVERY_FILTER.replace("q=kerho&", "")))
    targets.append(("municipal tray", "/fi/toiminta/kunta/kemi/"))
    targets.append(("regional tray", "/fi/toiminta/alue/lappi/"))
    targets.append(("hsds services", "/api/hsds/services?lang=fi"))
    term = hsds_term()
    targets.append(
        (
            "hsds, taxonomy term",
            f"/api/hsds/services?lang=fi&taxonomy_term_id={term}" if term else None,
        )
    )
    targets.append(("hsds, text", "/api/hsds/services?lang=fi&search=kerho"))
    targets.append(("hsds at locations", "/api/hsds/service_at_locations?lang=fi"))
    code = referral_code()
    targets.append(("referral list", f"/fi/lista/{code}/" if code else None))
    targets.append(("tray coverage", "/fi/toiminta/kattavuus/"))
    targets.append(("events", "/fi/tapahtumat/"))
    targets.append(("materials bank", "/fi/materiaalipankki/"))
    targets.append(
        ("bank, 3 facets", "/fi/materiaalipankki/?type=booklet&topic=vanhemmuus&language=ar")
    )
    targets.append(("bank, most downloaded", "/fi/materiaalipankki/?sort=downloads"))
    return targets


def hsds_term():
    """The HSDS id of the integration stage "alkuvaihe" (a taxonomy term), or None."""
    from network.models import IntegrationStage

    stage = IntegrationStage.objects.filter(slug="alkuvaihe").first()
    return stage and stage.translation_key


def referral_code(items=REFERRAL_ITEMS):
    """The code of a referral list of ``items`` pages: a few materials (if there are any)
    and the rest generated activities, or None when there are not enough."""
    from materials.models import MaterialPage
    from network.models import ActivityPage
    from referrals import codes
    from referrals.items import listable

    materials = list(
        listable(MaterialPage).filter(locale__language_code="fi").values_list("pk", flat=True)[:3]
    )
    activities = list(
        listable(ActivityPage)
        .filter(locale__language_code="fi", slug__startswith="bench-activity-")
        .order_by("pk")
        .values_list("pk", flat=True)[: items - len(materials)]
    )
    ids = activities + materials
    return codes.encode(ids) if len(ids) == items else None


def measure(client, path, repeat):
    """Warm up, then time ``repeat`` requests; returns a dict of figures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        response = client.get(path)
    times, queries = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            content = response.content  # make sure streaming responses are consumed
            elapsed = time.perf_counter() - started
        times.append(1000 * elapsed)
        queries.append(len(captured.captured_queries))
    return {
        "status": response.status_code,
        "kib": len(content) / 1024,
        "queries": queries,
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
    }


def print_table(rows):
    headers = ("page", "path", "status", "KiB", "queries", "p50 ms", "p95 ms")
    body = []
    for label, path, figures in rows:
        if figures is None:
            body.append((label, path or "(not found)", "-", "-", "-", "-", "-"))
            continue
        low, high = min(figures["queries"]), max(figures["queries"])
        body.append(
            (
                label,
                path,
                str(figures["status"]),
                f"{figures['kib']:.1f}",
                str(low) if low == high else f"{low}-{high}",
                f"{figures['p50']:.1f}",
                f"{figures['p95']:.1f}",
            )
        )
    table(headers, body, right={2, 3, 4, 5, 6})


def run_wrk(base, targets, duration, threads=2, connections=8):
    if shutil.which("wrk") is None:
        print(
            "wrk: skipped, not installed (install with `apt-get install wrk`, then pass --url http://127.0.0.1:8000)"
        )
        return
    if not base:
        print(
            "wrk: skipped, give --url BASE (e.g. http://127.0.0.1:8000) of a running server to "
            "load-test it"
        )
        return
    print(f"\nwrk -t{threads} -c{connections} -d{duration}s against {base}")
    base = base.rstrip("/")
    chosen = [(label, path) for label, path in targets if label in WRK_LABELS and path]
    width = max((len(path) for _label, path in chosen), default=0)
    for label, path in chosen:
        figures = wrk.run(base + path, duration, threads, connections)
        note = ""
        if figures["non_2xx"]:
            note += f"  ({figures['non_2xx']} non-2xx/3xx responses)"
        if figures["socket_errors"]:
            note += f"  (Socket errors: {figures['socket_errors']})"
        if figures["rate"] is not None:
            print(f"  {label:<14} {path:<{width}} {figures['rate']:>9.1f} req/s{note}")
        else:
            output = figures["output"]
            last = (output.strip().splitlines() or ["no output"])[-1]
            print(f"  {label:<14} {path:<{width}} wrk failed: {last}")
            if "unable to connect" in output:
                print("  (is the server running? stopping here)")
                break


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=50, help="timed requests per page (after 3 warm-ups)"
    )
    parser.add_argument(
        "--url",
        default=None,
        help="base URL of a running server for wrk, e.g. http://127.0.0.1:8000",
    )
    parser.add_argument(
        "--wrk-duration", type=int, default=10, help="seconds per wrk run (default 10)"
    )
    parser.add_argument(
        "--path", action="append", default=[], help="extra path to measure (repeatable)"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from network.models import BlogPage, OrganisationPage

    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    targets = pages() + [(path, path) for path in args.path]
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']} · DEBUG={settings.DEBUG} · "
        f"{OrganisationPage.objects.count()} organisations, {BlogPage.objects.count()} blog posts "
        "· "
        f"{args.repeat} requests per page after {WARMUP} warm-up\n"
    )
    client = Client()
    rows = []
    for label, path in targets:
        rows.append((label, path, measure(client, path, args.repeat) if path else None))
    print_table(rows)
    print()
    run_wrk(args.url, targets, args.wrk_duration)


if __name__ == "__main__":
    from bench._setup import setup_django

    setup_django()
    main()
