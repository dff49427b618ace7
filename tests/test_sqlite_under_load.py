"""Writes under load on SQLite, the embedded default: several processes download, comment and
publish at once against one database file, and none of their writes fails or is lost.

SQLite refuses at once to turn a transaction that has read into a writing one while another
process writes ("database is locked", whatever the timeout), so publishes used to fail while
visitors downloaded files; write transactions now begin IMMEDIATE (``cms.env``)."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests import factories as make

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).with_name("concurrent_writer.py")
PROCESSES = 4
ROUNDS = 6
DOWNLOADS_PER_ROUND = 4
TITLE = "Julkaistu kuormassa {number}.{round}"
SECONDS = 90  # the whole run takes a few seconds; this only bounds a hang
# Builds what the processes work on (``content_to_write_on``) in their database, committed.
SETUP = """
import json
import django
django.setup()
from tests.test_sqlite_under_load import content_to_write_on
print(json.dumps(content_to_write_on()))
"""

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite's write locking; the suite's SQLite run (and .ci/run's) runs it",
)


def content_to_write_on():
    """A public file to download, a blog post to comment on and a page for each process to
    publish; their ids."""
    organisation = make.organisation("Testijärjestö")
    pages = [make.standard_page(f"Sivu {number}") for number in range(PROCESSES)]
    return {
        "document": make.document().pk,
        "post": make.blog_post(organisation).pk,
        "pages": [page.pk for page in pages],
    }


def environment(job):
    """The processes' database and media folder."""
    return {**os.environ, "DATABASE_URL": job["database_url"], "MEDIA_ROOT": job["media"]}


def start_workers(job_file, job):
    return [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(job_file), str(number)],
            cwd=ROOT,
            env=environment(job),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(PROCESSES)
    ]


def wait_until_ready(folder, workers):
    deadline = time.monotonic() + SECONDS
    while len(list(folder.glob("ready-*"))) < PROCESSES:
        exited = [worker for worker in workers if worker.poll() is not None]
        if exited or time.monotonic() > deadline:
            for worker in workers:
                worker.kill()
            errors = "".join(worker.communicate()[1] for worker in workers)
            pytest.fail("a writer did not start: " + errors[-3000:])
        time.sleep(0.05)


def downloads_counted(database, document_id):
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT coalesce(sum(count), 0) FROM materials_downloadcount WHERE document_id = ?",
            (document_id,),
        ).fetchone()[0]


@pytest.fixture(scope="module")
def job(database_url_for_processes, tmp_path_factory):
    """What the processes work on, in their copy of the test database: built there by a
    process of its own, since the test's transaction never reaches the copy."""
    job = {
        "rounds": ROUNDS,
        "downloads_per_round": DOWNLOADS_PER_ROUND,
        "title": TITLE,
        "folder": str(tmp_path_factory.mktemp("sqlite-load")),
        "media": str(tmp_path_factory.mktemp("sqlite-load-media")),
        "database_url": database_url_for_processes,
    }
    setup = subprocess.run(
        [sys.executable, "-c", SETUP],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", **environment(job)},
        capture_output=True,
        text=True,
        timeout=SECONDS,
    )
    assert setup.returncode == 0, setup.stderr[-3000:]
    return {**job, **json.loads(setup.stdout.strip().splitlines()[-1])}


@pytest.mark.django_db
def test_concurrent_downloads_comments_and_publishes_all_succeed(job):
    folder = Path(job["folder"])
    database = job["database_url"].removeprefix("sqlite:///")
    counted_before = downloads_counted(database, job["document"])
    job_file = folder / "job.json"
    job_file.write_text(json.dumps(job))

    workers = start_workers(job_file, job)
    wait_until_ready(folder, workers)
    (folder / "go").touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=SECONDS)
        assert worker.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))

    assert [result["errors"] for result in results] == [[]] * PROCESSES
    assert all(
        (result["downloads"], result["comments"], result["publishes"])
        == (ROUNDS * DOWNLOADS_PER_ROUND, ROUNDS, ROUNDS)
        for result in results
    )
    # What the database holds afterwards: every write is there.
    downloads = downloads_counted(database, job["document"]) - counted_before
    with sqlite3.connect(database) as db:
        comments = {
            body
            for (body,) in db.execute(
                "SELECT body FROM network_comment WHERE post_id = ?", (job["post"],)
            )
        }
        ids = ",".join(map(str, job["pages"]))
        titles = dict(db.execute(f"SELECT id, title FROM wagtailcore_page WHERE id IN ({ids})"))
    assert downloads == PROCESSES * ROUNDS * DOWNLOADS_PER_ROUND
    assert comments >= {f"Kommentti {n}.{r}" for n in range(PROCESSES) for r in range(ROUNDS)}
    expected = {pk: TITLE.format(number=n, round=ROUNDS - 1) for n, pk in enumerate(job["pages"])}
    assert titles == expected
