"""Removing an earlier version of a file: an editor who replaced a file because the old one
held what must not be kept (a client's name, a private phone number) deletes the old file
for good. The version's row stays, so its name still leads to the current file and the list
says who removed it and when; Wagtail's history of the document logs it. The file goes
first: a removal that could not delete it changes nothing and can be tried again."""

import logging

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
logger = logging.getLogger(__name__)


def remove_version(request, document_id, version_id):
    """GET asks to confirm; POST deletes the file, then marks the version removed."""
    version = editable_version(request.user, document_id, version_id)
    if request.method != "POST":
        return TemplateResponse(
            request, "materials/admin/remove_version.html", {"version": version}
        )
    with transaction.atomic():
        locked = (
            DocumentVersion.objects.select_for_update(of=("self",))
            .filter(pk=version.pk, removed_at=None)
            .first()
        )
        if locked is not None:
            try:
                locked.file.storage.delete(locked.file.name)
            except Exception:  # noqa: BLE001 - the storage out of reach: nothing is changed
                logger.exception("Could not delete the earlier file %s", locked.file.name)
                messages.error(
                    request,
                    _("The file could not be removed just now. Nothing was changed; try again."),
                )
                return redirect("wagtaildocs:edit", version.document_id)
            locked.removed_at, locked.removed_by = timezone.now(), request.user
            locked.save(update_fields=["removed_at", "removed_by"])
            log(
                instance=version.document,
                action=LOG_ACTION,
                user=request.user,
                data={"filename": version.filename},
            )
    messages.success(
        request, _("The earlier version %(name)s was removed.") % {"name": version.filename}
    )
    return redirect("wagtaildocs:edit", version.document_id)
