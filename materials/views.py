"""Downloading a document's file: always as an attachment with a type taken from the
allowlisted extension, counted per day, and members-only files for logged-in users.

Files must never be served straight from MEDIA_URL in production: that would skip
the members-only check and the count (the web server should not expose MEDIA_ROOT)."""

from urllib.parse import quote

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.documents.views import serve
from wagtail.permissions import policy_registry

from home.security_headers import sandbox
from materials.models.documents import CustomDocument, DownloadCount
from materials.models.versions import DocumentVersion
from materials.validation import extension_of

# Only types that browsers will not run as a page; anything else is a plain download.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


def login_redirect(request):
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def refusal(document, request):
    """The response of Wagtail's collection view restrictions or our members-only rule
    (``wagtail_hooks``) to a visitor who may not have the file, else None."""
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def from_earlier_name(request, document, filename, url_name):
    """A name the document had before its file was replaced (printed booklets and QR codes
    carry it) redirects to the current file at ``url_name``; the access checks come first,
    so the redirect tells the current name only to a visitor who may have the file. Any
    other name is not found."""
    if filename not in {version.filename for version in document.versions.all()}:
        raise Http404("The file name does not match the document.")
    return refusal(document, request) or redirect(url_name, document.pk, document.filename)


@require_safe
def preview(request, document_id):
    """The first-page thumbnail of a PDF, under the same access rules as the file."""
    document = get_object_or_404(CustomDocument, pk=document_id)
    if not document.preview:
        raise Http404("This file has no preview.")
    if refused := refusal(document, request):
        return refused
    response = sandbox(FileResponse(document.preview.open("rb"), content_type="image/png"))
    response["X-Content-Type-Options"] = "nosniff"
    if document.requires_login:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=3600)
    return response


def content_disposition(filename):
    ascii_name = (
        filename.encode("ascii", errors="replace").decode().replace('"', "").replace("?", "_")
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def attachment(handle, filename):
    """A file as a download that no browser runs as a page."""
    response = FileResponse(
        handle, content_type=CONTENT_TYPES.get(extension_of(filename), "application/octet-stream")
    )
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    return sandbox(response)


@require_safe
def download(request, document_id, filename):
    """A document's file. A name the document had before its file was replaced (printed
    booklets and QR codes carry it) leads to the current file."""
    document = get_object_or_404(CustomDocument, pk=document_id)
    if document.filename != filename:
        return from_earlier_name(request, document, filename, "materials:download")
    if refused := refusal(document, request):
        return refused
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None

    response = attachment(handle, filename)
    if document.requires_login:
        patch_cache_control(response, private=True, no_store=True)
    if request.method == "GET":
        DownloadCount.record(document)
    return response


def wagtail_serve(request, document_id, document_filename):
    """Wagtail's own address of a file (``document.url``, in pages saved before the
    ``/files/`` one), which Wagtail answers with 404 once the file is replaced: an earlier
    name redirects as on ``download``, the current one is Wagtail's."""
    document = get_object_or_404(CustomDocument, pk=document_id)
    if document.filename != document_filename:
        return from_earlier_name(request, document, document_filename, "wagtaildocs_serve")
    return serve.serve(request, document_id, document_filename)


def editable_version(user, document_id, version_id):
    """The earlier version (its file not removed) if ``user`` may edit its document (Wagtail's
    permission policy for documents); to anyone else it does not exist."""
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=version_id,
        document_id=document_id,
        removed_at=None,
    )
    policy = policy_registry.get_by_type(CustomDocument)
    if not policy.user_has_permission_for_instance(user, "change", version.document):
        raise Http404("No such version.")
    return version


@require_safe
def old_version(request, document_id, version_id):
    """A replaced file, for those who may edit its document. Not counted as a download."""
    version = editable_version(request.user, document_id, version_id)
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    response = attachment(handle, version.filename)
    patch_cache_control(response, private=True, no_store=True)
    return response
