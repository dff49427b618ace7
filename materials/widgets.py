"""Admin widgets of the materials bank."""

from django.utils.translation import gettext as _
from wagtail.documents.widgets import AdminDocumentChooser

from materials.accessibility import messages
from materials.models.documents import AccessibilityStatus


class DocumentWithLanguageChooser(AdminDocumentChooser):
    """The chooser of a material's files panel: each chosen file's title with its language,
    so that the editor sees which file the public page offers in which language, and which
    file still lacks one, without opening each; and whether the file was found accessible,
    or how many problems were found, linked to the file's edit page that lists them."""

    template_name = "materials/admin/includes/document_chooser.html"

    def get_display_title(self, instance):
        title = super().get_display_title(instance)
        if instance.language is None:
            return _("%(title)s (language not chosen)") % {"title": title}
        return f"{title} ({instance.language})"

    def get_value_data_from_instance(self, instance):
        data = super().get_value_data_from_instance(instance)
        data["accessible"] = instance.accessibility_status == AccessibilityStatus.ACCESSIBLE
        if instance.accessibility_status == AccessibilityStatus.PROBLEMS:
            data["accessibility_problems"] = len(messages(instance.accessibility_findings))
        return data

    def get_context(self, name, value_data, attrs):
        context = super().get_context(name, value_data, attrs)
        value_data = value_data or {}
        context["accessible"] = value_data.get("accessible", False)
        context["accessibility_problems"] = value_data.get("accessibility_problems")
        return context
