"""Removing an earlier version of a file: an editor who replaced a file because the old one
held what must not be kept (a client's name, a private phone number) deletes the old file
for good. The version's row stays, so its name still leads to the current file and the list
says who removed it and when; Wagtail's history of the document logs it."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from materials.models.versions import DocumentVersion
from materials.views import editable_version

LOG_ACTION = "tarjotin.remove_file_version"


def remove_version(request, document_id, version_id):
    """GET asks to confirm; POST deletes the file (once the removal is committed)."""
    version = editable_version(request.user, document_id, version_id)
    if request.method != "POST":
        return TemplateResponse(
            request, "materials/admin/remove_version.html", {"version": version}
        )
    with transaction.atomic():
        updated = DocumentVersion.objects.filter(pk=version.pk, removed_at=None).update(
            removed_at=timezone.now(), removed_by=request.user
        )
        if updated:
            log(
                instance=version.document,
                action=LOG_ACTION,
                user=request.user,
                data={"filename": version.filename},
            )
            storage, name = version.file.storage, version.file.name
            transaction.on_commit(lambda: storage.delete(name))
    messages.success(
        request, _("The earlier version %(name)s was removed.") % {"name": version.filename}
    )
    return redirect("wagtaildocs:edit", version.document_id)
