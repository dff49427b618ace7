"""The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): upload checks, and
notes for the editor about an existing document (duplicates, text extraction,
downloads). Only editors of the document's collection see its edit form, so the
download count is visible to the owning organisation and the coordinators."""

from django.core.files.uploadedfile import UploadedFile
from django.db.models import Sum
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.documents.forms import BaseDocumentForm
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.forms import LanguagesByNameMixin
from materials.accessibility import messages
from materials.models.documents import AccessibilityStatus, ExtractionStatus
from materials.models.pages import MaterialPage
from materials.models.versions import DocumentVersion
from materials.validation import validate_upload


class DocumentForm(LanguagesByNameMixin, BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        instance = kwargs.get("instance")
        if instance is not None and instance.pk and instance.language_id is None:
            # The multiple uploader renders a file's form from the document it has just
            # saved: a proposal made meanwhile (at once without a task worker) is in the
            # database only.
            instance.refresh_from_db(fields=["language", "language_proposed"])
        super().__init__(*args, **kwargs)
        self.require_language()
        if self.instance.pk:
            self.add_notes()

    def require_language(self):
        """A file's language is required, for the download link names it. The multiple
        uploader's first step posts only the file, its title and collection, and saves the
        document before the editor sees its form: there the language is left for that form.
        A language proposed from the file's text is preselected, and the editor told to check it."""
        field = self.fields.get("language")
        if field is None:
            return
        upload_step = (
            self.is_bound and not self.instance.pk and self.add_prefix("language") not in self.data
        )
        # The uploader's form of a file (the one form with a prefix) could not preselect a
        # proposal made after it was shown: left empty, it takes that (``clean_language``).
        self.proposal_fills_empty = bool(
            self.is_bound
            and self.prefix
            and self.instance.language_proposed
            and self.instance.language_id is not None
        )
        self.took_proposal = False
        field.required = not upload_step and not self.proposal_fills_empty
        field.error_messages["required"] = _("Choose the language the file is written in.")
        if self.instance.language_proposed:
            field.help_text = _("Proposed from the file's text — check it.")

    def clean_language(self):
        """A language left empty in the uploader's form is the one proposed from the file's
        text since the form was shown. It stays marked proposed, so the file's edit page
        still asks the editor to check it."""
        language = self.cleaned_data.get("language")
        if language is None and self.proposal_fills_empty:
            self.took_proposal = True
            return self.instance.language
        return language

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            validate_upload(uploaded)
        return uploaded

    def save(self, commit=True):
        """A new file for an existing document keeps the old one as an earlier version
        instead of letting Wagtail delete it: the new file is stored beside it, under
        another name if it has the same, so nothing is ever overwritten."""
        replaced = self.original_file if "file" in self.changed_data and commit else None
        if replaced:
            old = {"file_size": self.instance.file_size, "checksum": self.instance.checksum}
            self.original_file = None  # Wagtail deletes what it finds here
        language = self.fields.get("language")
        if language and (language.required or self.proposal_fills_empty) and not self.took_proposal:
            self.instance.language_proposed = False  # the editor has seen it
        document = super().save(commit=commit)
        if replaced:
            DocumentVersion.objects.create(
                document=document, file=replaced.name, replaced_by=self.user, **old
            )
        return document

    def add_notes(self):
        """A duplicate is only a warning: the same file may belong to two materials.
        The notes go into the help text of the file field, or of the title in the
        multiple uploader's form, which has no file field."""
        notes = []
        all_duplicates = self.instance.duplicates()
        if self.user is not None:
            editable = self.permission_policy.instances_user_has_permission_for(self.user, "change")
            all_duplicates_visible = all_duplicates.filter(pk__in=editable.values("pk"))
        else:
            all_duplicates_visible = all_duplicates.none()
        duplicates = list(all_duplicates_visible.order_by("pk")[:5])
        if not duplicates and all_duplicates.exists():
            # another organisation's file: say so without naming it
            notes.append(
                format_html(
                    '<strong class="w-text-critical-200">{}</strong>',
                    _("The same file has already been uploaded by another organisation."),
                )
            )
        if duplicates:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                ((reverse("wagtaildocs:edit", args=[doc.pk]), doc.title) for doc in duplicates),
            )
            notes.append(
                format_html(
                    '<strong class="w-text-critical-200">{}</strong> {}',
                    _("The same file has already been uploaded:"),
                    links,
                )
            )
            # only the materials the editor may edit: another's may be a draft
            editable_pages = PagePermissionPolicy().instances_user_has_permission_for(
                self.user, "change"
            )
            materials = MaterialPage.objects.filter(
                files__document__in=duplicates, pk__in=editable_pages.values("pk")
            ).distinct()
            material_links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("wagtailadmin_pages:edit", args=[pk]), title)
                    for pk, title in materials.order_by("title").values_list("pk", "title")[:5]
                ),
            )
            if material_links:
                notes.append(format_html("{} {}", _("Materials offering it:"), material_links))
        status = self.instance.extraction_status
        if status == ExtractionStatus.FAILED:
            notes.append(
                format_html(
                    "{} {}",
                    _("The text of the file could not be read for search:"),
                    self.instance.extraction_error,
                )
            )
        elif status == ExtractionStatus.PENDING and self.instance.extraction_error:
            # a failure that was not the file's (materials.extraction.process_document)
            notes.append(
                format_html(
                    "{} {}",
                    _("Reading the text of the file failed; it will be tried again soon:"),
                    self.instance.extraction_error,
                )
            )
        elif status == ExtractionStatus.PENDING:
            notes.append(_("The text of the file is being read for search."))
        notes.extend(self.accessibility_notes())
        downloads = self.instance.download_counts.aggregate(total=Sum("count"))["total"] or 0
        notes.append(
            ngettext("Downloaded %(count)s time.", "Downloaded %(count)s times.", downloads)
            % {"count": downloads}
        )
        field = self.fields.get("file") or self.fields.get("title")
        if field is None:  # a partial form (Wagtail's API) shows no notes
            return
        field.help_text = format_html_join(
            " ", "{}", ((note,) for note in [field.help_text, *notes] if note)
        )

    def accessibility_notes(self):
        """What assistive technology would stumble on in the file, each with how to fix it."""
        status = self.instance.accessibility_status
        if status == AccessibilityStatus.ACCESSIBLE:
            return [_("No accessibility problems were found in the file.")]
        if status != AccessibilityStatus.PROBLEMS:
            return []
        findings = format_html_join(
            "",
            '<li class="w-my-2">{}</li>',
            ((message,) for message in messages(self.instance.accessibility_findings)),
        )
        return [
            format_html(
                '<strong class="w-text-critical-200">{}</strong><ul>{}</ul>',
                _("The file may be hard to read with assistive technology:"),
                findings,
            )
        ]
