"""Render timings of a referral list's PDF: ten items (a few materials if there are any, the
rest generated activities), through Django's test client, p50 and p95 over ``--repeat``
renders after one warm-up; and how much of a render is WeasyPrint (layout and PDF) rather
than the HTML of the list.

    python bench/referral_pdf.py --repeat 10
"""

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import percentile  # noqa: E402
from bench.render import REFERRAL_ITEMS, referral_code  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed renders (after 1 warm-up)")
    parser.add_argument("--items", type=int, default=REFERRAL_ITEMS, help="items on the list")
    parser.add_argument("--lang", default="fi", help="the client's language (the address's)")
    args = parser.parse_args(argv)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from referrals import pdf

    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    code = referral_code(args.items)
    if code is None:
        sys.exit(f"Not enough pages for a list of {args.items}: run bench/generate.py --activities")
    path = f"/{args.lang}/lista/{code}/pdf/"

    spent_in_weasyprint = []
    render = pdf.render

    def timed_render(html):
        started = time.perf_counter()
        try:
            return render(html)
        finally:
            spent_in_weasyprint.append(1000 * (time.perf_counter() - started))

    pdf.render = timed_render
    client = Client()
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    spent_in_weasyprint.clear()
    times = []
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append(1000 * (time.perf_counter() - started))
    pdf.render = render
    print(
        f"{connection.vendor} · DEBUG={settings.DEBUG} · {path}\n"
        f"PDF of {args.items} items: {len(response.content) / 1024:.0f} KiB, "
        f"{len(queries)} queries, p50 {percentile(times, 0.5):.0f} ms, "
        f"p95 {percentile(times, 0.95):.0f} ms over {args.repeat} renders "
        f"(WeasyPrint p50 {percentile(spent_in_weasyprint, 0.5):.0f} ms; target < 1000 ms)"
    )


if __name__ == "__main__":
    from bench._setup import setup_django

    setup_django()
    main()
