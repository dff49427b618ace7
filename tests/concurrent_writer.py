"""One process of the SQLite load test (``test_sqlite_under_load``): downloads a file,
comments on a blog post and publishes a page of its own, in turns, as visitors and a
coordinator would, against the database named by ``DATABASE_URL``.

Usage: ``concurrent_writer.py JOB_FILE NUMBER``. The job file (JSON) names the document,
the post, the pages, the number of rounds and the folder where the process announces
that it is set up (``ready-NUMBER``) and waits for ``go``, so that every process writes
at the same time. Prints what it did as JSON."""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(job, number):
    from django.test import Client
    from wagtail.models import Page

    from materials.models import CustomDocument
    from network.models import BlogPage

    document = CustomDocument.objects.get(pk=job["document"])
    post_url = BlogPage.objects.get(pk=job["post"]).url
    page = Page.objects.get(pk=job["pages"][number]).specific
    client = Client()
    done = {"downloads": 0, "comments": 0, "publishes": 0, "errors": []}

    folder = Path(job["folder"])
    (folder / f"ready-{number}").touch()
    while not (folder / "go").exists():
        time.sleep(0.01)

    for round_ in range(job["rounds"]):
        try:
            for _ in range(job["downloads_per_round"]):
                response = client.get(f"/files/{document.pk}/{document.filename}")
                b"".join(response.streaming_content)
                check(response.status_code == 200, "download", response.status_code)
                done["downloads"] += 1
            # An address of its own for each comment: the limit per address is not tested here.
            address = f"192.0.2.{number * job['rounds'] + round_ + 1}"
            text = {
                "name": f"Lukija {number}",
                "body": f"Kommentti {number}.{round_}",
                "website": "",
            }
            response = client.post(post_url + "comment/", text, REMOTE_ADDR=address)
            check(response.status_code == 302, "comment", response.status_code)
            done["comments"] += 1
            page.title = job["title"].format(number=number, round=round_)
            page.save_revision().publish()
            done["publishes"] += 1
        except Exception as error:  # reported to the test, which fails on any
            done["errors"].append(f"{type(error).__name__}: {error}")
    return done


def check(ok, what, status):
    if not ok:
        raise AssertionError(f"{what} answered {status}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # the test client's host is allowed, mail stays in memory
    job_file, number = sys.argv[1:]
    print(json.dumps(run(json.loads(Path(job_file).read_text()), int(number))))
