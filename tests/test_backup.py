"""Backup and restore as an operator runs them: ``bash scripts/backup.sh DIR`` on a site that
is being written to, ``bash scripts/restore.sh DIR`` into an empty database and media folder,
and the restored site compared with the original through what people see and what the
database holds. The database is the suite's backend: SQLite, or PostgreSQL when
DATABASE_URL names one (scratch databases next to the test database)."""

import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.management import CommandError, call_command
from django.db import connection
from storages.utils import clean_name

from home import backup as backup_module
from home.backup import MANIFEST, BackupError, media_files, read_manifest, restore_backup

ROOT = Path(__file__).resolve().parent.parent

# Content beyond the demo: what a backup must not lose, and the table of the concurrent writer.
POPULATE = """
import datetime
from django.contrib.auth.models import User
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page
from materials.models.documents import DownloadCount
from network.models import BlogPage, Comment

for number, document in enumerate(get_document_model().objects.order_by("pk")[:3], start=1):
    day = datetime.date(2020, 3, number)  # before the demo's own counts (its last months)
    DownloadCount.objects.create(document=document, date=day, count=7 * number)
User.objects.create_user("varmuus", "varmuus@example.fi", "salasana-123")
Comment.objects.create(post=BlogPage.objects.first(), name="Lukija", email="lukija@example.fi",
                       body="Kiitos!")
page = Page.objects.get(slug="toiminta", locale__language_code="fi").specific
page.title = "Luonnos, ei julkaistu"
page.save_revision()
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE backup_probe (n integer PRIMARY KEY)")
"""

# What a restore must give back, printed as JSON by the site under test.
OBSERVE = """
import hashlib, json
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Revision
from materials.models.documents import DownloadCount
from network.models import Comment

def sha256(field):
    with field.open("rb") as file:
        return hashlib.sha256(file.read()).hexdigest()

def search(query):
    response = Client().get("/fi/search/", {"q": query}, HTTP_HOST="localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".search-results h2 a")]

with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM backup_probe ORDER BY n")
    probe = [n for (n,) in cursor.fetchall()]
print(json.dumps({
    "pages": list(Page.objects.order_by("path").values_list(
        "path", "title", "slug", "live", "locale__language_code", "content_type__model",
        "latest_revision_id", "has_unpublished_changes")),
    "revisions": list(Revision.objects.order_by("pk").values_list(
        "pk", "object_id", "content_type__model", "created_at", "content")),
    "group_permissions": sorted(
        [group.name, sorted(group.permissions.values_list("codename", flat=True))]
        for group in Group.objects.all()),
    "page_permissions": sorted(GroupPagePermission.objects.values_list(
        "group__name", "page__path", "permission__codename")),
    "collection_permissions": sorted(GroupCollectionPermission.objects.values_list(
        "group__name", "collection__name", "permission__codename")),
    "users": sorted(User.objects.values_list("username", "password", "email", "is_superuser")),
    "memberships": sorted(User.groups.through.objects.values_list("user__username", "group__name")),
    "comments": sorted(Comment.objects.values_list("name", "email", "body", "status")),
    "documents": sorted(
        (d.title, d.file.name, sha256(d.file)) for d in get_document_model().objects.all()),
    "downloads": sorted(DownloadCount.objects.values_list("document__title", "date", "count")),
    "search": {query: search(query) for query in ("kotoutuminen", "äiti", "vapaaehtoinen")},
    "probe": probe,
}, default=str))
"""


class Site:
    """A database and a media folder of their own, driven through the project's scripts."""

    def __init__(self, url, media):
        self.url, self.media = url, media

    def env(self):
        env = {key: value for key, value in os.environ.items() if key != "SEARCH_URL"}
        return env | {
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        }

    def run(self, *command, check=True):
        result = subprocess.run(
            command, cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=600
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def manage(self, *arguments, check=True):
        return self.run(str(ROOT / ".venv/bin/python"), "manage.py", *arguments, check=check)

    def observe(self):
        return json.loads(self.manage("shell", "-v", "0", "-c", OBSERVE).stdout)

    def table_count(self):
        code = "from django.db import connection as c; print(len(c.introspection.table_names()))"
        return int(self.manage("shell", "-v", "0", "-c", code).stdout)


class Databases:
    """Scratch databases on the suite's database server, dropped at the end."""

    def __init__(self, folder):
        self.folder = folder
        self.settings = connection.settings_dict
        self.made = []

    def new(self, name):
        media = self.folder / f"{name}-media"
        if connection.vendor == "sqlite":
            return Site(f"sqlite:///{self.folder / name}.sqlite3", media)
        database = f"{self.settings['NAME']}_{name}"
        self.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self.admin(f'CREATE DATABASE "{database}"')
        self.made.append(database)
        user, password = quote(self.settings["USER"] or ""), quote(self.settings["PASSWORD"] or "")
        host, port = self.settings["HOST"] or "localhost", self.settings["PORT"] or 5432
        return Site(f"postgres://{user}:{password}@{host}:{port}/{database}", media)

    def admin(self, sql):
        with psycopg.connect(
            dbname="postgres",
            user=self.settings["USER"],
            password=self.settings["PASSWORD"],
            host=self.settings["HOST"],
            port=self.settings["PORT"],
            autocommit=True,
        ) as admin:
            admin.execute(sql)

    def drop(self):
        for database in self.made:
            self.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


class ProbeWriter(threading.Thread):
    """Commits one row after another into the original while the backup runs."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site, self.written, self.stop = site, 0, threading.Event()

    def connect(self):
        if connection.vendor == "sqlite":
            return sqlite3.connect(self.site.url.removeprefix("sqlite:///"), timeout=20)
        return psycopg.connect(self.site.url.replace("postgres://", "postgresql://", 1))

    def run(self):
        database = self.connect()
        try:
            while not self.stop.is_set():
                database.execute("INSERT INTO backup_probe (n) VALUES (%d)" % (self.written + 1))
                database.commit()
                self.written += 1
        finally:
            database.close()


@pytest.fixture(scope="module")
def databases(tmp_path_factory, django_db_setup):
    made = Databases(tmp_path_factory.mktemp("backup"))
    yield made
    made.drop()


@pytest.fixture(scope="module")
def original(databases):
    site = databases.new("original")
    site.manage("migrate", "--verbosity", "0")
    site.manage("load_demo", "--verbosity", "0")
    site.manage("shell", "-c", POPULATE)
    return site


@pytest.fixture(scope="module")
def backup(original, databases):
    """A backup taken while a writer commits to the original, and the writer's counts
    before and after it."""
    folder = databases.folder / "backup"
    writer = ProbeWriter(original)
    writer.start()
    while writer.written < 20:  # the writer is in full flow before the backup starts
        assert writer.is_alive(), "the writer stopped"
        time.sleep(0.01)
    before = writer.written
    result = original.run("bash", "scripts/backup.sh", str(folder))
    after = writer.written
    writer.stop.set()
    writer.join()
    assert "Backed up" in result.stdout
    return folder, before, after


def test_restore_into_an_empty_site_gives_back_everything(original, backup, databases):
    folder, written_before, written_after = backup
    restored = databases.new("restored")
    result = restored.run("bash", "scripts/restore.sh", str(folder))
    assert "Restored" in result.stdout
    expected, found = original.observe(), restored.observe()

    # The writer went on during the backup; the backup holds a consistent moment of it:
    # every row up to one point, none missing, none after the backup ended.
    assert written_after > written_before
    probe = found.pop("probe")
    assert written_before <= len(probe) <= written_after
    assert probe == list(range(1, len(probe) + 1))
    del expected["probe"]
    assert found == expected
    # what the comparison rests on is really there
    assert len(expected["pages"]) > 100 and len(expected["revisions"]) > 100
    assert "Luonnos, ei julkaistu" not in {page[1] for page in expected["pages"]}
    assert any("Luonnos, ei julkaistu" in json.dumps(rev) for rev in expected["revisions"])
    written = sorted(count for _file, day, count in expected["downloads"] if day < "2021")
    assert expected["documents"] and written == [7, 14, 21]
    assert any(
        user[:3] == ["varmuus", user[1], "varmuus@example.fi"] and user[1].startswith("md5$")
        for user in expected["users"]
    )
    assert ["Lukija", "lukija@example.fi", "Kiitos!", "pending"] in expected["comments"]
    assert all(expected["search"].values()) and expected["page_permissions"]
    # the media folder holds the same bytes, file by file
    assert sorted(p.relative_to(restored.media) for p in restored.media.rglob("*")) == sorted(
        p.relative_to(original.media) for p in original.media.rglob("*")
    )
    if connection.vendor == "sqlite":
        database = sqlite3.connect(restored.url.removeprefix("sqlite:///"))
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        database.close()


def test_backup_is_readable_by_its_owner_only(backup):
    folder = backup[0]
    assert folder.stat().st_mode & 0o077 == 0
    assert all(path.stat().st_mode & 0o077 == 0 for path in folder.rglob("*"))


def test_backup_refuses_a_folder_that_is_not_empty(original, databases):
    folder = databases.folder / "not-empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    result = original.run("bash", "scripts/backup.sh", str(folder), check=False)
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "Traceback" not in result.stderr
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


CHANGE = """
from django.contrib.auth.models import User
from wagtail.models import Page
Page.objects.update(title="Muutettu")
User.objects.filter(username="varmuus").delete()
"""


def test_restore_refuses_a_site_with_content_unless_forced(original, backup, databases):
    folder = backup[0]
    site = databases.new("forced")
    site.run("bash", "scripts/restore.sh", str(folder))
    site.manage("shell", "-c", CHANGE)
    changed = site.observe()

    result = site.run("bash", "scripts/restore.sh", str(folder), check=False)
    assert result.returncode == 1
    assert "The database is not empty" in result.stderr and "--force" in result.stderr
    assert site.observe() == changed  # nothing was touched

    site.run("bash", "scripts/restore.sh", str(folder), "--force")
    restored, expected = site.observe(), original.observe()
    for state in (restored, expected, changed):
        del state["probe"]  # the writer's rows, compared in the first test
    assert restored == expected
    assert changed != expected


def test_restore_refuses_a_non_empty_media_folder(backup, databases):
    site = databases.new("media-only")
    site.media.mkdir()
    (site.media / "left-over.pdf").write_bytes(b"%PDF-1.4")
    result = site.run("bash", "scripts/restore.sh", str(backup[0]), check=False)
    assert result.returncode == 1 and "media folder" in result.stderr
    assert site.table_count() == 0
    assert [path.name for path in site.media.iterdir()] == ["left-over.pdf"]


def first_document(folder):
    return next(path for path in sorted((folder / "media").rglob("*.pdf")))


def change_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE = {
    "a document's bytes": (lambda f: change_a_byte(first_document(f)), "SHA-256 differs"),
    "the database dump": (lambda f: change_a_byte(next(f.glob("database.*"))), "database."),
    "a lost document": (lambda f: first_document(f).unlink(), "missing"),
    "an unfinished backup": (lambda f: (f / MANIFEST).unlink(), "did not finish"),
    "an added file": (
        lambda f: (f / "media" / "documents" / "extra.pdf").write_bytes(b"%PDF"),
        "not listed in the manifest",
    ),
    "a damaged manifest": (
        lambda f: (f / MANIFEST).write_text((f / MANIFEST).read_text()[:200]),
        "not valid JSON",
    ),
    "a manifest reaching outside": (
        lambda f: (f / MANIFEST).write_text(
            (f / MANIFEST).read_text().replace('"media/', '"../../media/', 1)
        ),
        "lies outside the backup",
    ),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_or_partial_backup_is_refused_with_the_reason(backup, tmp_path, damage):
    folder = tmp_path / "copy"
    shutil.copytree(backup[0], folder)
    read_manifest(folder)  # the copy itself is sound
    change, reason = DAMAGE[damage]
    change(folder)
    with pytest.raises(BackupError, match=reason.replace(".", r"\.")):
        read_manifest(folder)


def test_tampered_backup_restores_nothing(backup, databases, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(backup[0], folder)
    change_a_byte(first_document(folder))
    site = databases.new("tampered")
    result = site.run("bash", "scripts/restore.sh", str(folder), "--force", check=False)
    assert result.returncode == 1
    assert "does not match its manifest; nothing was restored" in result.stderr
    assert first_document(folder).relative_to(folder).as_posix() in result.stderr
    assert "Traceback" not in result.stderr
    assert site.table_count() == 0 and not site.media.exists()


@pytest.mark.django_db
def test_backup_of_another_database_kind_is_refused(backup, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(backup[0], folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest["database"]["vendor"] = other
    (folder / MANIFEST).write_text(json.dumps(manifest))
    pages = connection.introspection.table_names()
    with pytest.raises(BackupError, match=f"holds a {other} database"):
        restore_backup(folder, force=True)
    assert connection.introspection.table_names() == pages


def test_manifest_cannot_send_a_file_outside_the_media_folder(backup, tmp_path):
    """A name that stays inside the backup folder could still climb out of MEDIA_ROOT."""
    folder = tmp_path / "copy"
    shutil.copytree(backup[0], folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    database = manifest["database"]["file"]
    manifest["files"][f"media/../{database}"] = manifest["files"][database]
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(BackupError, match=rf"media/\.\./{database}: lies outside the backup"):
        read_manifest(folder)


class Bucket(Storage):
    """A bucket's keys as django-storages' ``S3Storage.listdir`` lists them (the folder as a
    prefix, ``/`` as the delimiter, the names made relative with ``posixpath.relpath``), so
    that keys no S3 test server stores can be walked without one."""

    bucket_name = "tarjotin-media"

    def __init__(self, *keys):
        self.keys = dict.fromkeys(keys, b"content")

    def listdir(self, name):
        path = clean_name(name)
        if path and not path.endswith("/"):
            path += "/"
        folders, files = set(), []
        for key in self.keys:
            if key.startswith(path) and key != path:
                rest = key.removeprefix(path)
                if "/" in rest:
                    folders.add(posixpath.relpath(f"{path}{rest.split('/')[0]}/", path))
                else:
                    files.append(posixpath.relpath(key, path))
        return sorted(folders), files

    def _open(self, name, mode="rb"):
        return ContentFile(self.keys[name], name=name)


def test_bucket_walk_gives_each_key():
    bucket = Bucket("documents/opas.pdf", "images/a/b.jpg", "top.txt")
    assert media_files(bucket) == ["documents/opas.pdf", "images/a/b.jpg", "top.txt"]


@pytest.mark.parametrize(
    "key,where,listed",
    [
        ("documents//opas.pdf", "the folder 'documents/'", "'.'"),  # went round without end
        ("documents/a//b/opas.pdf", "the folder 'documents/a/'", "'.'"),
        ("/etc/opas.pdf", "its top level", "'../"),  # was SuspiciousOperation
        ("documents/./opas.pdf", "the folder 'documents/'", "'.'"),
        ("documents/../opas.pdf", "the folder 'documents/'", "'..'"),
    ],
)
def test_bucket_key_that_is_not_a_plain_path_stops_the_backup_naming_it(key, where, listed):
    bucket = Bucket("documents/fine.pdf", key)
    with pytest.raises(BackupError) as error:
        media_files(bucket)
    message = str(error.value)
    assert message.startswith("The media bucket tarjotin-media holds a key")
    assert f"listing {where} gave {listed}" in message


class DumpOnly:
    """A database connector whose dump is a few bytes: the tests of the media walk need no
    database (a real dump would wait for the test's transaction, and a test that commits
    empties the tables the later tests need)."""

    def create_dump(self):
        return io.BytesIO(b"dump")


@pytest.fixture
def dump_only(monkeypatch):
    monkeypatch.setattr(
        backup_module,
        "database_connector",
        lambda alias: ("sqlite", DumpOnly(), "database.sqlite3"),
    )


def test_backup_command_fails_on_an_odd_key_leaving_no_complete_backup(
    tmp_path, monkeypatch, dump_only
):
    monkeypatch.setattr(backup_module, "media_storage", lambda: Bucket("documents//opas.pdf"))
    folder = tmp_path / "backup"
    with pytest.raises(CommandError, match="holds a key.*listing the folder 'documents/'"):
        call_command("backup", str(folder))  # manage.py exits with 1
    assert not (folder / MANIFEST).exists()
    with pytest.raises(BackupError, match="the backup did not finish"):
        read_manifest(folder)


def test_symbolic_links_in_the_media_folder_are_named_and_left_out(media, tmp_path, dump_only):
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "opas.txt").write_text("opas")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("not the site's")
    (media / "linked").symlink_to(elsewhere, target_is_directory=True)
    (media / "documents" / "link.txt").symlink_to(elsewhere / "secret.txt")
    folder, stdout, stderr = tmp_path / "backup", io.StringIO(), io.StringIO()

    call_command("backup", str(folder), stdout=stdout, stderr=stderr)

    assert "Skipped linked in the media folder: it is a symbolic link" in stderr.getvalue()
    assert "Skipped documents/link.txt in the media folder" in stderr.getvalue()
    media_names = [name for name in read_manifest(folder)["files"] if name.startswith("media/")]
    assert media_names == ["media/documents/opas.txt"]
    assert "Backed up" in stdout.getvalue()
