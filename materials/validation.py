"""Checks on an uploaded file before it is stored: allowed extension, size, and that
the content really is what the extension claims.

Browsers decide how to treat a file from its bytes as much as from its name, so an
HTML page renamed ``.pdf`` must not reach the public download URL. Office files are
zip archives; their directory is inspected before anything is decompressed, so that a
zip bomb is refused without being expanded."""

import codecs
import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

OOXML = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
OPENDOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
PLAIN_TEXT = {"txt", "csv"}

MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
HTML_SNIFF_BYTES = 4096
LOOKS_LIKE_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg|object|embed)\b", re.I)


def extension_of(name):
    return os.path.splitext(name)[1][1:].lower()


def validate_upload(uploaded):
    """Raise ValidationError with a message for the editor when the file is refused."""
    extension = extension_of(uploaded.name)
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be uploaded. Allowed types: %(allowed)s."),
            code="extension",
            params={"extension": extension or "?", "allowed": ", ".join(allowed)},
        )
    limit_mb = settings.MATERIALS_MAX_UPLOAD_MB
    if uploaded.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is too large. The largest file you can upload is %(limit)s MB."),
            code="size",
            params={"limit": limit_mb},
        )
    uploaded.seek(0)
    try:
        check_content(uploaded, extension)
    finally:
        uploaded.seek(0)


def mismatch(extension):
    return ValidationError(
        _("The content of the file does not match its type “%(extension)s”. Save the file again "
          "in that format, or upload it with its real file extension."),
        code="content",
        params={"extension": extension},
    )


def check_content(f, extension):
    if extension == "pdf":
        if not f.read(5) == b"%PDF-":
            raise mismatch(extension)
    elif extension in OOXML or extension in OPENDOCUMENT:
        check_office_zip(f, extension)
    elif extension in PLAIN_TEXT:
        check_plain_text(f, extension)


def check_office_zip(f, extension):
    try:
        archive = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise mismatch(extension) from None
    with archive:
        members = archive.infolist()
        check_zip_directory(members)
        names = {member.filename for member in members}
        if extension in OOXML:
            prefix = OOXML[extension]
            if "[Content_Types].xml" not in names or not any(name.startswith(prefix) for name in names):
                raise mismatch(extension)
        else:
            mimetype = next((member for member in members if member.filename == "mimetype"), None)
            if mimetype is None or mimetype.file_size > 100:
                raise mismatch(extension)
            try:
                declared = archive.read(mimetype).decode("ascii", errors="replace").strip()
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
                raise mismatch(extension) from None
            if declared != OPENDOCUMENT[extension]:
                raise mismatch(extension)


def check_zip_directory(members):
    """Refuse archives that would expand to something huge, judged from the declared
    sizes in the zip directory alone."""
    expanded = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members)
    if (
        len(members) > MAX_ZIP_MEMBERS
        or expanded > MAX_ZIP_EXPANDED_BYTES
        or expanded > MAX_ZIP_RATIO * max(compressed, 1)
    ):
        raise ValidationError(
            _("The file expands to an unreasonably large size when opened and cannot be accepted."),
            code="zip_bomb",
        )


def check_plain_text(f, extension):
    decoder = codecs.getincrementaldecoder("utf-8")()
    head = f.read(HTML_SNIFF_BYTES)
    if LOOKS_LIKE_HTML.search(head):
        raise mismatch(extension)
    try:
        decoder.decode(head)
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ValidationError(
            _("Text and CSV files must be saved in UTF-8 encoding."), code="encoding"
        ) from None
