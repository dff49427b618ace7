"""Checks on an uploaded file before it is stored: allowed extension, size, and that
the content really is what the extension claims.

Browsers decide how to treat a file from its bytes as much as from its name, so an
HTML page renamed ``.pdf`` must not reach the public download URL. Office files are
zip archives: their directory is inspected first, then every member is inflated with a
hard cap (the directory may lie about sizes), and files carrying macros are refused."""

import codecs
import os
import posixpath
import re
import struct
import zipfile
import zlib

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
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
READ_CHUNK_BYTES = 64 * 1024
LOCAL_HEADER_BYTES = 30
ENCRYPTED = 0x1
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
KEPT_MEMBERS = {"[Content_Types].xml", "mimetype"}
ODF_MACRO_FOLDERS = ("basic/", "scripts/")
HTML_SNIFF_BYTES = 4096
LOOKS_LIKE_HTML = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg|object|embed)\b", re.I
)


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
        _(
            "The content of the file does not match its type “%(extension)s”. Save the file again "
            "in that format, or upload it with its real file extension."
        ),
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
        with zipfile.ZipFile(f) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise mismatch(extension) from None
    check_zip_directory(entries)
    members = {member.filename: member for member in entries}
    if extension in OOXML:
        content_types = members.get("[Content_Types].xml")
        if (
            content_types is None
            or content_types.file_size > MAX_CONTENT_TYPES_BYTES
            or not any(name.startswith(OOXML[extension]) for name in members)
        ):
            raise mismatch(extension)
    else:
        mimetype = members.get("mimetype")
        if mimetype is None or mimetype.file_size > 100:
            raise mismatch(extension)
    contents = inflate_all(f, entries, extension)
    if extension in OOXML:
        check_no_ooxml_macros(members, contents["[Content_Types].xml"], extension)
    else:
        declared = contents["mimetype"].decode("ascii", errors="replace").strip()
        if declared != OPENDOCUMENT[extension]:
            raise mismatch(extension)
        check_no_opendocument_macros(members, extension)


def check_zip_directory(members):
    """Refuse archives that would expand to something huge, judged from the declared
    sizes in the zip directory alone (cheap, before anything is inflated)."""
    expanded = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members)
    if (
        len(members) > MAX_ZIP_MEMBERS
        or expanded > MAX_ZIP_EXPANDED_BYTES
        or expanded > MAX_ZIP_RATIO * max(compressed, 1)
    ):
        raise zip_bomb()


def zip_bomb():
    return ValidationError(
        _("The file expands to an unreasonably large size when opened and cannot be accepted."),
        code="zip_bomb",
    )


def inflate_all(f, members, extension):
    """Inflate every member for real, counting the bytes that come out, and stop at
    ``MAX_ZIP_EXPANDED_BYTES`` or ``MAX_ZIP_RATIO`` times the file's size, whatever the
    directory declares: a directory may lie, and ``zipfile`` trusts it. A member whose
    real size or checksum differs from the declared one is refused as damaged. Returns
    the contents of the small members the checks read, by name."""
    archive_size = f.seek(0, os.SEEK_END)
    budget = min(MAX_ZIP_EXPANDED_BYTES, MAX_ZIP_RATIO * archive_size)
    kept = {}
    for member in members:
        size, checksum, chunks = 0, 0, []
        try:
            for chunk in member_chunks(f, member):
                size += len(chunk)
                if size > budget:
                    raise zip_bomb()
                checksum = zlib.crc32(chunk, checksum)
                if member.filename in KEPT_MEMBERS:
                    chunks.append(chunk)
        except (UnreadableMember, zlib.error, struct.error):
            raise damaged(extension) from None
        if size != member.file_size or checksum != member.CRC:
            raise damaged(extension)
        budget -= size
        kept[member.filename] = b"".join(chunks)
    return kept


class UnreadableMember(Exception):
    """A member that is cut short, encrypted or compressed in a way Office never uses."""


def member_chunks(f, member):
    """The inflated bytes of one member, read from its local header on, so that neither
    its declared compressed nor its declared expanded size is relied upon."""
    f.seek(member.header_offset)
    header = f.read(LOCAL_HEADER_BYTES)
    if not header.startswith(b"PK\x03\x04") or member.flag_bits & ENCRYPTED:
        raise UnreadableMember
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    f.seek(member.header_offset + LOCAL_HEADER_BYTES + name_length + extra_length)
    if member.compress_type == zipfile.ZIP_STORED:
        remaining = member.compress_size
        while remaining > 0:
            data = f.read(min(remaining, READ_CHUNK_BYTES))
            if not data:
                raise UnreadableMember
            remaining -= len(data)
            yield data
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise UnreadableMember
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending = b""
    while not inflater.eof:
        pending = pending or f.read(READ_CHUNK_BYTES)
        if not pending:
            raise UnreadableMember
        yield inflater.decompress(pending, READ_CHUNK_BYTES)
        pending = inflater.unconsumed_tail


def damaged(extension):
    return ValidationError(
        _(
            "The file is damaged: its contents do not match its own table of contents. Save "
            "it again as “%(extension)s” and upload the new copy."
        ),
        code="damaged",
        params={"extension": extension},
    )


def macros(extension):
    return ValidationError(
        _(
            "The file contains macros (program code that runs when it is opened) and cannot "
            "be accepted. Save it as an ordinary “%(extension)s” file without macros and "
            "upload it again."
        ),
        code="macros",
        params={"extension": extension},
    )


def check_no_ooxml_macros(names, content_types, extension):
    """A macro project (``vbaProject.bin``) anywhere, or a part declared macro-enabled
    (a .docm/.xlsm/.pptm renamed) in ``[Content_Types].xml``."""
    if any(posixpath.basename(name).lower() == "vbaproject.bin" for name in names):
        raise macros(extension)
    try:
        types = ElementTree.fromstring(content_types)
    except (ElementTree.ParseError, DefusedXmlException):
        raise damaged(extension) from None
    declared = (element.get("ContentType", "").lower() for element in types.iter())
    if any("macroenabled" in value or "vbaproject" in value for value in declared):
        raise macros(extension)


def check_no_opendocument_macros(names, extension):
    """OpenDocument keeps Basic macros under ``Basic/`` and other scripts under ``Scripts/``."""
    if any(name.lower().startswith(ODF_MACRO_FOLDERS) for name in names):
        raise macros(extension)


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
