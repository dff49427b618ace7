"""Figures for funders (issue 20, item 5): *Reports → Downloads* sums the downloads per
organisation, material, file, language and month, its second tab the page views of
materials and activities, both exported as CSV and XLSX. The attacks: an organisation's
editor never sees another organisation's rows, through a filter, a forged parameter or an
export; the page views' beacon keeps nothing of the reader and counts nothing it should not."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from home.models import PageViewCount
from home.permissions import TRANSLATORS
from materials.models.documents import DownloadCount
from tests import factories as make
from tests.test_freshness import english

pytestmark = pytest.mark.django_db

DOWNLOADS = "/admin/reports/downloads/"
PAGE_VIEWS = "/admin/reports/downloads/page-views/"
READER = {"user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


@pytest.fixture
def organisations():
    return make.organisation("Järjestö A"), make.organisation("Järjestö B")


@pytest.fixture
def figures(organisations):
    """Downloads in January and February 2026 of a material of each organisation, and the
    views of a material's and an activity's pages."""
    own, other = organisations
    material = make.material_with_files(own, "Oma opas", languages=("fi", "so"))
    finnish, somali = (item.document for item in material.files.all())
    foreign = make.material_with_files(other, "Vieras opas").files.first().document
    for document, day, count in [
        (finnish, datetime.date(2026, 1, 5), 3),
        (finnish, datetime.date(2026, 1, 20), 4),
        (finnish, datetime.date(2026, 2, 1), 2),
        (somali, datetime.date(2026, 1, 10), 1),
        (foreign, datetime.date(2026, 1, 10), 50),
    ]:
        DownloadCount.objects.create(document=document, date=day, count=count)
    activity = make.activity(own, "Oma kielikahvila")
    for page, day, count in [
        (material, datetime.date(2026, 1, 3), 10),
        (material, datetime.date(2026, 1, 30), 5),
        (activity, datetime.date(2026, 2, 14), 8),
        (make.activity(other, "Vieras kielikahvila"), datetime.date(2026, 1, 3), 70),
    ]:
        PageViewCount.objects.create(page=page, date=day, count=count)
    return material, activity


def csv_rows(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(client, url):
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_(client, user):
    client.force_login(english(user))
    return client


def test_downloads_are_summed_per_file_and_month_in_both_exports(client, figures):
    as_(client, make.coordinator())

    rows = csv_rows(client, DOWNLOADS)
    assert rows[0] == ["Organisation", "Material", "File", "Language", "Month", "Downloads"]
    own = [row for row in rows[1:] if row[0] == "Järjestö A"]
    assert [(row[2], row[4], row[5]) for row in own] == [
        ("Oma opas (fi)", "2026-01", "7"),
        ("Oma opas (fi)", "2026-02", "2"),
        ("Oma opas (so)", "2026-01", "1"),
    ]
    assert {row[1] for row in own} == {"Oma opas"}
    assert "suomi" in own[0][3] and "Soomaali" in own[2][3]
    assert ["Järjestö B", "Vieras opas", "Vieras opas (fi)"] == rows[4][:3]

    sheet = xlsx_rows(client, DOWNLOADS)
    assert sheet[0] == rows[0]
    assert [row[:3] + row[4:] for row in sheet[1:]] == [
        [row[0], row[1], row[2], row[4], int(row[5])] for row in rows[1:]
    ]


def test_the_report_page_lists_the_months_and_the_date_range_narrows_them(client, figures):
    as_(client, make.coordinator())

    page = client.get(DOWNLOADS)
    assert page.status_code == 200
    text = " ".join(page.content.decode().split())
    assert "2026-01" in text and "2026-02" in text and "Vieras opas" in text

    january = client.get(
        DOWNLOADS, {"date_from": "2026-01-01", "date_to": "2026-01-31", "export": "csv"}
    )
    months = {
        row[4] for row in csv.reader(io.StringIO(b"".join(january.streaming_content).decode()))
    }
    assert months == {"Month", "2026-01"}


def test_page_views_of_materials_and_activities_per_month(client, figures, organisations):
    as_(client, make.coordinator())

    rows = csv_rows(client, PAGE_VIEWS)
    assert rows[0] == ["Organisation", "Material or activity", "Language", "Month", "Page views"]
    own = [(row[1], row[3], row[4]) for row in rows[1:] if row[0] == "Järjestö A"]
    assert own == [("Oma opas", "2026-01", "15"), ("Oma kielikahvila", "2026-02", "8")]

    by_organisation = client.get(PAGE_VIEWS, {"organisation": organisations[1].pk, "export": "csv"})
    body = b"".join(by_organisation.streaming_content).decode()
    assert "Vieras kielikahvila" in body and "Oma" not in body


@pytest.mark.parametrize("url", [DOWNLOADS, PAGE_VIEWS])
def test_an_editor_sees_their_own_organisations_rows_only(client, figures, organisations, url):
    own, other = organisations
    as_(client, make.editor(own))
    forged = {"organisation": other.pk}

    shown = [
        client.get(url).content.decode(),
        client.get(url, forged).content.decode(),
        client.get(f"{url}results/", forged).content.decode(),
    ]
    for export in ("csv", "xlsx"):
        for query in ({}, forged):
            response = client.get(url, {"export": export} | query)
            content = b"".join(response.streaming_content)
            if export == "xlsx":
                sheet = openpyxl.load_workbook(io.BytesIO(content)).active
                content = str(list(sheet.iter_rows(values_only=True))).encode()
            shown.append(content.decode())

    assert all("Oma" in text for text in shown)
    assert not any("Vieras" in text or "Järjestö B" in text for text in shown)


def test_an_admin_user_without_an_organisation_is_refused(client, figures):
    as_(client, make.user("kaantaja", TRANSLATORS))
    for response in (client.get(DOWNLOADS), client.get(PAGE_VIEWS, {"export": "csv"})):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_the_reports_queries_do_not_grow_with_the_rows(client, organisations, query_count):
    as_(client, make.coordinator())
    own, other = organisations

    def downloads_of(organisation, title):
        for item in make.material_with_files(organisation, title, ("fi", "sv")).files.all():
            for month in (1, 2, 3):
                DownloadCount.objects.create(
                    document=item.document, date=datetime.date(2026, month, 2), count=month
                )

    downloads_of(own, "Ensimmäinen")
    few = query_count(DOWNLOADS)
    for number in range(4):
        downloads_of(own if number % 2 else other, f"Opas {number}")
    assert query_count(DOWNLOADS) == few


def test_the_beacon_counts_a_view_and_keeps_nothing_of_the_reader(client, figures):
    material, activity = figures
    PageViewCount.objects.all().delete()

    for page in (material, material, activity):
        response = client.post(reverse("count_page_view", args=[page.pk]), headers=READER)
        assert response.status_code == 204
        assert not response.cookies

    assert {field.name for field in PageViewCount._meta.get_fields()} == {
        "id",
        "page",
        "date",
        "count",
    }
    counts = {row.page_id: row.count for row in PageViewCount.objects.all()}
    assert counts == {material.pk: 2, activity.pk: 1}


def test_the_beacon_ignores_what_is_no_readers_view(client, organisations):
    own = organisations[0]
    draft = make.material(own, "Luonnos", live=False)
    post = make.blog_post(own, "Blogi")
    live = make.material(own, "Julkaistu")

    assert client.get(reverse("count_page_view", args=[live.pk]), headers=READER).status_code == 405
    for page_id in (draft.pk, post.pk, 999_999):
        response = client.post(reverse("count_page_view", args=[page_id]), headers=READER)
        assert response.status_code == 204
    robot = {"user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"}
    client.post(reverse("count_page_view", args=[live.pk]), headers=robot)
    elsewhere = READER | {"sec-fetch-site": "cross-site"}
    client.post(reverse("count_page_view", args=[live.pk]), headers=elsewhere)
    assert not PageViewCount.objects.exists()

    for _ in range(10):
        client.post(reverse("count_page_view", args=[live.pk]), headers=READER)
    assert PageViewCount.objects.get(page=live).count == 3  # VIEWS_PER_ADDRESS


def test_material_and_activity_pages_send_their_beacon(client, organisations):
    for page in (make.material(organisations[0], "Opas"), make.activity(organisations[0])):
        html = client.get(page.url).content.decode()
        assert f'data-count-url="/count/{page.pk}/"' in html


def test_the_beacon_answers_even_when_the_shared_cache_is_out_of_reach(
    client, figures, monkeypatch
):
    """The reader's page never shows an error for the sake of a count."""
    import home.views

    def unreachable(*args):
        raise ConnectionError("the shared cache is out of reach")

    monkeypatch.setattr(home.views, "over_limit", unreachable)
    material, _activity = figures
    response = client.post(reverse("count_page_view", args=[material.pk]), headers=READER)
    assert response.status_code == 204
