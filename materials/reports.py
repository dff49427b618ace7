"""*Reports → Downloads*, the figures funders ask for: the downloads of the materials' files
per organisation, material, file, language and month, and on its second tab the views of
the materials' and activities' pages per month; both filtered by date range and
organisation, and exported as CSV or XLSX by Wagtail's report export.

An organisation's editors see their own organisation's rows only: the rows are limited to
the pages their groups edit (``network.roles.own_page_paths``) before any filter applies,
so no filter or export reaches another organisation's; coordinators and superusers see
every organisation's. A file shown by the materials of two organisations counts its
downloads under both. A few queries per page, whatever the number of rows."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from home.languages import name_text
from home.models import PageViewCount
from home.tree import below_any
from materials.models.documents import DownloadCount
from network.models import OrganisationPage, in_organisations, nearest_organisation
from network.models.organisations import ancestor_paths
from network.roles import is_coordinator, organisations_in_language, own_page_paths


def rows_of(user):
    """A filter on the rows' ``path`` (their page's): every row for a coordinator, the
    subtrees of the organisations the user edits otherwise."""
    if is_coordinator(user):
        return Q()
    return in_organisations(own_page_paths(user))


def may_see_figures(user):
    return is_coordinator(user) or own_page_paths(user).exists()


def organisations_of(user):
    """The organisations the user may filter by, each once, in the interface language."""
    organisations = OrganisationPage.objects.filter(rows_of(user)).select_related("locale")
    chosen = organisations_in_language(organisations, get_language())
    return OrganisationPage.objects.filter(pk__in=[page.pk for page in chosen]).order_by("title")


class FiguresFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: organisations_of(request.user),
        method="in_organisation",
    )

    def in_organisation(self, queryset, name, organisation):
        """The organisation's rows in every language: each has a subtree of its own."""
        paths = OrganisationPage.objects.filter(
            translation_key=organisation.translation_key
        ).values_list("path", flat=True)
        return queryset.filter(below_any(paths))


class FiguresReportView(ReportView):
    """What the two tabs share: the user's rows, the filters, the sums per month and the
    organisation of each row. A subclass names its daily counts (with the ``path`` of the
    page each belongs to), what a row groups by, its ``fields`` and the other tab."""

    header_icon = "download"
    filterset_class = FiguresFilterSet
    #: (key of a row, heading) of the table's and the export's columns
    fields = ()
    other_tab = ("", "")  # (label, URL name)

    def dispatch(self, request, *args, **kwargs):
        if not may_see_figures(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        return [Column(key, label=heading) for key, heading in self.fields]

    @cached_property
    def list_export(self):
        return [key for key, _heading in self.fields]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The headings named now, in the reader's language: a CSV is written as it is sent,
        after the view has switched back to the site's."""
        self.export_headings = {key: str(heading) for key, heading in self.fields}
        return super().as_spreadsheet(queryset, spreadsheet_format)

    @cached_property
    def header_buttons(self):
        label, url_name = self.other_tab
        query = self.request.GET.copy()
        for parameter in ("export", self.page_kwarg, "_w_filter_fragment"):
            query.pop(parameter, None)
        url = reverse(url_name) + (f"?{query.urlencode()}" if query else "")
        return [HeaderButton(label, url=url, icon_name="arrow-right", priority=10)]

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_queryset()}

    @cached_property
    def rows_of_user(self):
        return rows_of(self.request.user)

    def get_queryset(self):
        return self.daily_counts().filter(self.rows_of_user)

    def get_filtered_queryset(self):
        return (
            self.filter_queryset(self.get_queryset())
            .annotate(month=TruncMonth("date"))
            .values("path", "month", *self.group_by)
            .annotate(total=Sum("count"))
            .order_by("path", *self.group_by, "month")
        )

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        above = {path for row in rows for path in ancestor_paths(row["path"])}
        titles = dict(OrganisationPage.objects.filter(path__in=above).values_list("path", "title"))
        for row in rows:
            row["organisation"] = nearest_organisation(row["path"], titles) or ""
            row["month"] = f"{row['month']:%Y-%m}"
            self.decorate(row)
        return rows


class DownloadsReportView(FiguresReportView):
    page_title = _("Downloads")
    index_url_name = "downloads_report"
    index_results_url_name = "downloads_report_results"
    export_filename = "downloads"
    group_by = ("material", "file_id", "file", "language_code", "language_name")
    fields = (
        ("organisation", _("Organisation")),
        ("material", _("Material")),
        ("file", _("File")),
        ("language", _("Language")),
        ("month", _("Month")),
        ("total", _("Downloads")),
    )
    other_tab = (_("Page views"), "page_views_report")

    def daily_counts(self):
        used = "document__material_files__material"
        return DownloadCount.objects.annotate(
            path=F(f"{used}__path"),
            material=F(f"{used}__title"),
            file_id=F("document_id"),
            file=F("document__title"),
            language_code=F("document__language__code"),
            language_name=F("document__language__native_name"),
        ).filter(path__isnull=False)

    def decorate(self, row):
        code = row["language_code"]
        row["language"] = name_text(code, row["language_name"]) if code else ""


class PageViewsReportView(FiguresReportView):
    page_title = _("Page views")
    header_icon = "view"
    index_url_name = "page_views_report"
    index_results_url_name = "page_views_report_results"
    export_filename = "page-views"
    group_by = ("page_title", "language_code")
    fields = (
        ("organisation", _("Organisation")),
        ("page_title", _("Material or activity")),
        ("language", _("Language")),
        ("month", _("Month")),
        ("total", _("Page views")),
    )
    other_tab = (_("Downloads"), "downloads_report")

    def daily_counts(self):
        return PageViewCount.objects.annotate(
            path=F("page__path"), page_title=F("page__title")
        ).annotate(language_code=F("page__locale__language_code"))

    def decorate(self, row):
        row["language"] = name_text(row["language_code"])
