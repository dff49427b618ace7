"""Uploading a translated PO file, checked before anything is imported.

wagtail-localize's own upload view imports whatever entries of a file it can match
and skips the rest silently, and a file without its translation ID raises a server
error. Here a file is accepted only as a whole: it must parse, belong to this
translation and match the current source text; otherwise the translator gets a
message that says why, and no translation changes.
"""

import os
import re
import tempfile

import polib
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

MAX_PO_BYTES = 5 * 1024 * 1024


class RejectedFile(Exception):
    """The upload cannot be imported; the message says why, for the translator."""


def parse_po(upload):
    if upload is None:
        raise RejectedFile(_("Choose a PO file to upload."))
    if upload.size > MAX_PO_BYTES:
        raise RejectedFile(
            _("The file is larger than 5 MB; a PO file of one page is much smaller.")
        )
    content = upload.read()
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        raise RejectedFile(
            _("The file is not UTF-8 text; save it as UTF-8 in your PO editor.")
        ) from None
    # polib treats a string argument as a file name when such a file exists, so the
    # upload goes through a temporary file of its own.
    handle, path = tempfile.mkstemp(suffix=".po")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        return polib.pofile(path, encoding="utf-8")
    except (OSError, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))  # polib's message names the temporary file
        if line:
            message = _("The file is not a valid PO file: there is an error on line %(line)s.") % {
                "line": line.group(1)
            }
        else:
            message = _("The file is not a valid PO file.")
        raise RejectedFile(message) from None
    finally:
        os.unlink(path)


def check_po(po, translation):
    """Raise RejectedFile unless every translated entry of ``po`` belongs to
    ``translation`` and matches its current source text."""
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise RejectedFile(
            _(
                "This file was not downloaded from this translation (%(object)s into "
                "%(language)s); download it again here."
            )
            % {
                "object": translation.source.object_repr,
                "language": translation.target_locale.get_display_name(),
            }
        )
    current = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    stale = [entry for entry in po if entry.msgstr and (entry.msgctxt, entry.msgid) not in current]
    if stale:
        raise RejectedFile(
            ngettext(
                "%(count)d entry does not match the current source text (“%(example)s”): the "
                "source has "
                "changed since the file was downloaded. Download it again; nothing was imported.",
                "%(count)d entries do not match the current source text (for example "
                "“%(example)s”): the "
                "source has changed since the file was downloaded. Download it again; nothing was "
                "imported.",
                len(stale),
            )
            % {"count": len(stale), "example": stale[0].msgid[:80]}
        )


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    try:
        po = parse_po(request.FILES.get("file"))
        check_po(po, translation)
    except RejectedFile as rejection:
        messages.error(request, str(rejection))
    else:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, _("The translations in the PO file were imported."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
