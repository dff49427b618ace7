"""The coordinators' report of the files assistive technology may stumble on
(``materials.accessibility``), with their organisation (the collection named after it,
``network.onboarding.provide_access``) and what was found, so that they can help the
organisations that need it most."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from materials.accessibility import messages
from materials.models.documents import AccessibilityStatus, CustomDocument
from network.roles import is_coordinator


class FileAccessibilityView(ReportView):
    page_title = _("File accessibility")
    header_icon = "doc-full"
    index_url_name = "file_accessibility"
    index_results_url_name = "file_accessibility_results"
    results_template_name = "materials/admin/file_accessibility_results.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            CustomDocument.objects.filter(accessibility_status=AccessibilityStatus.PROBLEMS)
            .select_related("collection")
            .order_by("collection__path", "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        documents = list(object_list)
        for document in documents:
            document.finding_messages = messages(document.accessibility_findings)
        return documents
