"""Members-only files on every download route, Wagtail's ``/documents/`` included; the
month's downloads on the organisation editors' dashboard (``network.dashboard``); the
Downloads report with its page views tab (``materials.reports``), the coordinators'
report of files with accessibility problems (``materials.accessibility_report``), and
removing an earlier version of a file (``materials.version_removal``)."""

from django.db.models import Sum
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from materials import version_removal
from materials.accessibility_report import FileAccessibilityView
from materials.models import MaterialFile, MaterialPage
from materials.models.documents import DownloadCount
from materials.reports import DownloadsReportView, PageViewsReportView, may_see_figures
from materials.views import login_redirect
from network.roles import is_coordinator


@hooks.register("before_serve_document")
def members_only(document, request):
    """Anonymous visitors go to the login page. Logged-in users who reach a members-only
    file through Wagtail's route go to ours, which keeps the file out of shared caches."""
    if not document.requires_login:
        return None
    if not request.user.is_authenticated:
        return login_redirect(request)
    if request.resolver_match and request.resolver_match.view_name == "wagtaildocs_serve":
        return redirect(reverse("materials:download", args=[document.pk, document.filename]))
    return None


@hooks.register("register_organisation_dashboard_figures")
def downloads_this_month(scope):
    """Downloads this month of the files of the materials in ``scope`` (each file once,
    whichever of them shows it)."""
    files = MaterialFile.objects.filter(material__in=MaterialPage.objects.filter(scope))
    total = DownloadCount.objects.filter(
        date__gte=timezone.localdate().replace(day=1), document__in=files.values("document")
    ).aggregate(total=Sum("count"))["total"]
    return [(_("Downloads of your materials this month"), total or 0)]


@hooks.register("register_admin_urls")
def register_reports():
    urls = []
    for address, view, name in (
        ("reports/downloads/", DownloadsReportView, "downloads_report"),
        ("reports/downloads/page-views/", PageViewsReportView, "page_views_report"),
        ("reports/file-accessibility/", FileAccessibilityView, "file_accessibility"),
    ):
        urls += [
            path(address, view.as_view(), name=name),
            path(f"{address}results/", view.as_view(results_only=True), name=f"{name}_results"),
        ]
    return urls


@hooks.register("register_admin_urls")
def register_version_removal():
    return [
        path(
            "documents/<int:document_id>/versions/<int:version_id>/remove/",
            version_removal.remove_version,
            name="remove_document_version",
        )
    ]


@hooks.register("register_log_actions")
def register_version_removal_log(actions):
    actions.register_action(
        version_removal.LOG_ACTION,
        _("Remove an earlier version of a file"),
        _("Removed an earlier version of the file"),
    )


class ReportMenuItem(MenuItem):
    """A report in the Reports menu, shown to those ``may_see`` lets in (its view refuses
    the others)."""

    def __init__(self, may_see, *args, **kwargs):
        self.may_see = may_see
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_downloads_menu_item():
    return ReportMenuItem(
        may_see_figures,
        _("Downloads"),
        reverse("downloads_report"),
        icon_name="download",
        order=8950,
    )


@hooks.register("register_reports_menu_item")
def register_file_accessibility_menu_item():
    return ReportMenuItem(
        is_coordinator,
        _("File accessibility"),
        reverse("file_accessibility"),
        icon_name="doc-full",
        order=8960,
    )
