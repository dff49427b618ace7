"""Check the files that have not been checked for accessibility (uploaded before the checks
existed), in the same sandbox as a new upload, so that the badges and the coordinators'
report cover every file. Run once after deploying them; running it again checks only
what is still unchecked."""

from django.core.management.base import BaseCommand

from materials.accessibility import CHECKED_FORMATS, check_bytes
from materials.models.documents import AccessibilityStatus, CustomDocument
from materials.sandbox import SandboxError, run_limited
from materials.validation import extension_of


class Command(BaseCommand):
    help = "Check every PDF, DOCX, PPTX and ODT file not yet checked for accessibility."

    def handle(self, *args, **options):
        checked = failed = 0
        unchecked = CustomDocument.objects.filter(
            accessibility_status=AccessibilityStatus.NOT_CHECKED
        ).order_by("pk")
        for document in unchecked.iterator():
            extension = extension_of(document.filename)
            if extension not in CHECKED_FORMATS:
                continue
            try:
                with document.open_file() as f:
                    data = f.read()
                findings = run_limited(check_bytes, data, extension)
            except (SandboxError, FileNotFoundError) as error:
                failed += 1
                self.stderr.write(f"{document.pk} {document.filename}: {error}")
                continue
            document.set_accessibility_findings(findings)
            document.save(update_fields=["accessibility_status", "accessibility_findings"])
            checked += 1
        self.stdout.write(f"Files checked: {checked}; could not be read: {failed}.")
