"""Backups of the database and the uploaded files, in a folder with a manifest of checksums.

django-dbbackup's connectors make and load the database dump: SQLite through its backup API
(safe while the site writes), PostgreSQL with ``pg_dump --format=custom`` and ``pg_restore``.
The uploaded files are copied one by one from the media storage (the media folder or the S3
bucket of ``MEDIA_STORAGE_URL``), so the manifest holds each file's SHA-256 and a restore can
name the file that was changed or lost. The manifest is written last: a folder
without one is a backup that did not finish.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path, PurePosixPath

from dbbackup.db.exceptions import ConnectorError
from dbbackup.db.postgresql import PgDumpBinaryConnector
from dbbackup.db.sqlite import SqliteBackupConnector
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = "tarjotin-backup/1"
MEDIA = "media"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for the operator."""


class SqliteConnector(SqliteBackupConnector):
    """Restores through SQLite's backup API as well: writing the dump over the file of a
    database in WAL mode, as the library does, would leave the old ``-wal`` file to be
    replayed over it, and would pull the file from under open connections."""

    def restore_dump(self, dump):
        with tempfile.NamedTemporaryFile(suffix=".sqlite3") as copy:
            shutil.copyfileobj(dump, copy)
            copy.flush()
            source = sqlite3.connect(copy.name)
            try:
                self.connection.ensure_connection()
                source.backup(self.connection.connection)
            finally:
                source.close()


CONNECTORS = {
    "sqlite": (SqliteConnector, "database.sqlite3"),
    "postgresql": (PgDumpBinaryConnector, "database.pgdump"),
}


def database_connector(alias=DEFAULT_DB_ALIAS):
    vendor = connections[alias].vendor
    if vendor not in CONNECTORS:
        raise BackupError(f"Backups of {vendor} databases are not supported.")
    connector_class, filename = CONNECTORS[vendor]
    connector = connector_class(alias)
    for tool in (getattr(connector, "dump_cmd", None), getattr(connector, "restore_cmd", None)):
        if tool and not shutil.which(tool):
            raise BackupError(
                f"{tool} is missing: install the PostgreSQL client of the server's version "
                "(Debian: postgresql-client-15)."
            )
    return vendor, connector, filename


def checksum(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_storage():
    """Where uploaded files are kept: documents, pictures, previews and renditions (in a
    bucket, the renditions storage shares the default one's bucket and keys)."""
    return storages["default"]


def describe(storage):
    """The media storage as an operator knows it, for messages."""
    if isinstance(storage, FileSystemStorage):
        return f"The media folder {storage.location}"
    return f"The media bucket {getattr(storage, 'bucket_name', storage)}"


def odd_key(storage, folder, name):
    where = f"the folder {folder + '/'!r}" if folder else "its top level"
    return BackupError(
        f"{describe(storage)} holds a key the backup cannot copy under its own name: listing "
        f"{where} gave {name!r}. A key with an empty part ('//'), a leading '/' or a '.' or "
        "'..' part would be restored under another name or not at all: rename or delete it, "
        "then back up again."
    )


def media_files(storage, warn=None):
    """Every file in the media storage, as names the storage knows, in a stable order. In
    the media folder, symbolic links are left out, each named to ``warn`` (a function taking
    a message): a link could bring in a file from elsewhere on the machine. A bucket key that
    is not a plain path (``odd_key``) is a ``BackupError``: the storage's listing turns it
    into names that lead elsewhere, or back to the same folder without end."""

    def linked(name):
        if isinstance(storage, FileSystemStorage) and os.path.islink(storage.path(name)):
            if warn:
                warn(f"Skipped {name} in the media folder: it is a symbolic link, not backed up.")
            return True
        return False

    def join(folder, name):
        if name in ("", ".", "..") or "/" in name:
            raise odd_key(storage, folder, name)
        return f"{folder}/{name}" if folder else name

    def walk(folder):
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:  # the media folder does not exist yet
            return
        for name in files:
            name = join(folder, name)
            if not linked(name):
                yield name
        for name in folders:
            name = join(folder, name)
            if not linked(name):
                yield from walk(name)

    return sorted(walk(""))


def backup_media(directory, storage, warn=None):
    """Copy every file of the media storage into ``directory``/media; their names there."""
    names = []
    for name in media_files(storage, warn):
        target = directory / MEDIA / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        names.append(f"{MEDIA}/{name}")
    return names


def make_backup(directory, alias=DEFAULT_DB_ALIAS, warn=None):
    """Write the database and the media folder into ``directory`` (new or empty); return the
    manifest. ``warn`` is told of each file left out (``media_files``). The database comes
    first: a file uploaded meanwhile is copied without its row, which is harmless, rather than
    a row without its file."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty: give a new or empty folder.")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    vendor, connector, filename = database_connector(alias)
    with open(directory / filename, "wb") as out:
        try:
            shutil.copyfileobj(connector.create_dump(), out)
        except (ConnectorError, sqlite3.Error) as error:
            raise BackupError(f"The database dump failed: {error}") from None
    names = [filename, *backup_media(directory, media_storage(), warn)]
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": {"vendor": vendor, "file": filename},
        "files": {
            name: {"sha256": checksum(directory / name), "bytes": (directory / name).stat().st_size}
            for name in names
        },
    }
    partial = directory / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    os.replace(partial, directory / MANIFEST)
    return manifest


def read_manifest(directory):
    """The manifest of a complete, unchanged backup; otherwise a ``BackupError`` naming
    what is wrong. Nothing is restored from a folder that fails any of these checks."""
    directory = Path(directory)
    if not directory.is_dir():
        raise BackupError(f"{directory} is not a folder.")
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(
            f"{directory} has no {MANIFEST}: it is not a backup, or the backup did not finish."
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"{directory / MANIFEST} is damaged: it is not valid JSON.") from None
    try:
        if manifest["format"] != FORMAT:
            raise BackupError(f"{directory} holds another format of backup: {manifest['format']}.")
        files = {name: entry["sha256"] for name, entry in manifest["files"].items()}
        database = manifest["database"]["file"]
        vendor = manifest["database"]["vendor"]
    except (KeyError, TypeError, AttributeError):
        raise BackupError(f"{directory / MANIFEST} is damaged: fields are missing.") from None
    if database not in files or vendor not in CONNECTORS:
        raise BackupError(f"{directory / MANIFEST} is damaged: the database entry is wrong.")
    problems = []
    for name, expected in sorted(files.items()):
        path, parts = directory / name, PurePosixPath(name).parts
        in_place = name == database or (parts[:1] == (MEDIA,) and ".." not in parts)
        if not in_place or not path.resolve().is_relative_to(directory.resolve()):
            problems.append(f"{name}: lies outside the backup")
        elif not path.is_file():
            problems.append(f"{name}: missing")
        elif checksum(path) != expected:
            problems.append(f"{name}: changed since the backup (SHA-256 differs)")
    listed = set(files) | {MANIFEST}
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if path.is_file() and name not in listed:
            problems.append(f"{name}: not listed in the manifest")
    if problems:
        raise BackupError(
            f"{directory} does not match its manifest; nothing was restored.\n  "
            + "\n  ".join(problems)
        )
    return manifest


def restore_backup(directory, force=False, alias=DEFAULT_DB_ALIAS):
    """Load a backup made by ``make_backup`` into the configured database and media storage.

    The backup is checked whole first. An existing database or media storage with content
    is refused unless ``force``: then the database is replaced and the backup's files are
    written over those of the same name (other files stay)."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    vendor, connector, _filename = database_connector(alias)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"{directory} holds a {manifest['database']['vendor']} database; "
            f"DATABASE_URL names a {vendor} database."
        )
    storage = media_storage()
    if not force:
        if connections[alias].introspection.table_names():
            raise BackupError(
                "The database is not empty; restore into an empty one, or add --force to "
                "replace its content."
            )
        if media_files(storage):
            raise BackupError(
                f"{describe(storage)} is not empty; restore into an empty one, or add "
                "--force to write over its files."
            )
    with open(directory / manifest["database"]["file"], "rb") as dump:
        try:
            connector.restore_dump(dump)
        except (ConnectorError, sqlite3.Error) as error:
            raise BackupError(f"Restoring the database failed: {error}") from None
    restore_media(directory, manifest["files"], storage)
    return manifest


def restore_media(directory, names, storage):
    """Put the backup's files (``names`` in ``directory``) back under their own names. The
    storage never overwrites (a bucket's uploads get a new name instead), so a file of the
    same name goes first."""
    prefix = f"{MEDIA}/"
    for name in names:
        if name.startswith(prefix):
            target = name.removeprefix(prefix)
            if storage.exists(target):
                storage.delete(target)
            with open(directory / name, "rb") as source:
                saved = storage.save(target, File(source))
            if saved != target:
                raise BackupError(f"{name} could not be written back as {target}: got {saved}.")
