"""Admin widgets of the materials bank."""

from django.utils.translation import gettext as _
from wagtail.documents.widgets import AdminDocumentChooser


class DocumentWithLanguageChooser(AdminDocumentChooser):
    """The chooser of a material's files panel: each chosen file's title with its language,
    so that the editor sees which file the public page offers in which language, and which
    file still lacks one, without opening each."""

    def get_display_title(self, instance):
        title = super().get_display_title(instance)
        if instance.language is None:
            return _("%(title)s (language not chosen)") % {"title": title}
        return f"{title} ({instance.language})"
