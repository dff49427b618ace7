from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Revision

from home.models import FooterText, PageViewCount
from materials.models.documents import DownloadCount
from network.models import BlogPage, OrganisationPage
from network.onboarding import editor_group_name
from tests import factories as make
from tests.test_downloads_report import DOWNLOADS, PAGE_VIEWS, as_, csv_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "tags": Tag.objects.count(),
        "footers": FooterText.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "downloads": DownloadCount.objects.aggregate(Sum("count")),
        "page_views": PageViewCount.objects.aggregate(Sum("count")),
    }


def test_second_run_changes_nothing():
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_every_demo_organisation_has_its_editor_group_and_collection():
    for organisation in OrganisationPage.objects.filter(locale__language_code="fi"):
        group = Group.objects.get(name=editor_group_name(organisation.title))
        assert GroupPagePermission.objects.filter(group=group, page=organisation).exists()
        assert Collection.objects.filter(name=organisation.title).exists()


def test_demo_has_the_network_from_the_source_texts():
    names = set(
        OrganisationPage.objects.filter(locale__language_code="fi").values_list("title", flat=True)
    )
    assert {
        "Väestöliitto",
        "Suomen Punainen Risti",
        "Toivola-Luotola Setlementti ry",
        "Marttaliitto",
    } <= names
    assert len(names) >= 15
    post = BlogPage.objects.get(slug="herkkuja-kotoutumistarjottimelle")
    assert post.author_name == "Johanna Matikainen"
    assert "kotoutumiskaarimenetelmän" in str(post.body)
    assert post.organisation.title == "Suomen Punainen Risti"


@pytest.mark.parametrize("code", ["sv", "en"])
def test_home_and_a_guide_exist_in_swedish_and_english(code):
    locale = Locale.objects.get(language_code=code)
    for slug in ("tarjotin", "kotoutumistarjotin"):
        page = Page.objects.get(slug=slug, locale__language_code="fi")
        translation = page.get_translation_or_none(locale)
        assert translation is not None and translation.live
        assert (
            translation.specific.hero_title != page.specific.hero_title
            if slug == "tarjotin"
            else translation.title != page.title
        )


def test_a_changed_text_is_restored_by_the_next_run():
    post = BlogPage.objects.get(slug="herkkuja-kotoutumistarjottimelle")
    post.title = "Muutettu"
    post.save_revision().publish()
    call_command("load_demo", verbosity=0)
    post.refresh_from_db()
    assert post.title == "Herkkuja kotoutumistarjottimelle"


def test_every_demo_activity_says_when_and_has_times_to_come(client):
    from django.utils import timezone

    from network.models import ActivityPage
    from network.models.schedules import next_occurrence

    activities = ActivityPage.objects.filter(locale__language_code="fi").prefetch_related(
        "schedules"
    )
    upcoming = {activity.pk: next_occurrence(activity, timezone.now()) for activity in activities}
    for activity in activities:
        assert activity.by_appointment or upcoming[activity.pk], activity.slug
        assert upcoming[activity.pk] or not activity.schedules.all(), activity.slug
    group = activities.get(slug="meri-lapin-aitiryhmat")
    text = client.get(group.url).content.decode()
    assert "Tiistaisin ja torstaisin klo 9.30–11.30, syyskuusta toukokuuhun" in text
    assert "Seuraavan kerran" in text


def test_every_demo_organisation_has_a_logo_contact_details_and_a_description(client, soup_of):
    for organisation in OrganisationPage.objects.filter(locale__language_code="fi"):
        assert organisation.logo.is_svg(), organisation
        assert organisation.logo.default_alt_text == f"{organisation.title}, logo"
        assert organisation.contact_email and organisation.contact_phone and organisation.address
        description = " ".join(str(block.value.source) for block in organisation.description)
        assert description.count(".</p>") >= 2, organisation  # more than one sentence
    for url in ("/fi/jarjestot/vaestoliitto/", "/ar/jarjestot/vaestoliitto/"):
        soup = soup_of(client.get(url))
        logo = soup.select_one("img.organisation-logo")
        assert logo["alt"] == "Väestöliitto, logo" and logo["src"].endswith(".svg"), url
        assert soup.select(".showcase"), url  # its materials, activities…


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_demo_home_explains_the_network_and_leads_four_ways(client, soup_of, code):
    soup = soup_of(client.get(f"/{code}/"))
    assert soup.select_one(".hero .lead").get_text().count(". ") == 1  # two sentences
    tiles = [a["href"] for a in soup.select(".ways-in .way-in h2 a")]
    # The bank, the tray, the events and the blog, in the order a visitor looks for them
    slugs = ["materiaalipankki", "toiminta", "tapahtumat", "blogi"]
    assert tiles == [f"/{code}/{slug}/" for slug in slugs]
    assert soup.select_one(".way-in select option[value=kemi]")
    assert len(soup.select(".showcase")) == 2


def test_demo_pdfs_are_booklets_with_a_coloured_cover_and_numbered_pages():
    import pypdfium2
    from PIL import ImageStat

    from materials.models import CustomDocument

    pdfs = CustomDocument.objects.filter(file__endswith=".pdf")
    assert pdfs.count() >= 10
    for document in pdfs:
        assert document.page_count >= 5, document  # a cover and at least four pages of text
        assert document.preview, document
    document = pdfs.filter(title__startswith="Lastenkasvatusvihko").first()
    with document.open_file() as f:
        pdf = pypdfium2.PdfDocument(f.read())
    cover = pdf[0]
    assert document.title.startswith(cover.get_textpage().get_text_range().split()[0])
    assert "Väestöliitto" in cover.get_textpage().get_text_range()
    # the brand blue fills the cover: the first page's preview is far from blank
    red, green, blue = ImageStat.Stat(cover.render(scale=0.2).to_pil().convert("RGB")).mean
    assert blue > 80 and red < 100
    last = pdf[len(pdf) - 1].get_textpage().get_text_range()
    assert last.split()[-1] == str(len(pdf))  # the page number at the foot
    assert len(last) > 1500  # a full page of text


def test_demo_booklets_read_as_booklets_in_every_language():
    """Each language's file of a booklet has its own headings and paragraphs, not the
    page's one sentence repeated (a search in Swedish or Arabic finds words of its body)."""
    from demo.booklet_texts import BOOKLET_BODY
    from demo.materials import BOOKLET_TEXT
    from materials.models import CustomDocument

    for code, body in BOOKLET_BODY.items():
        documents = CustomDocument.objects.filter(
            language__code=code, extracted_text__contains=BOOKLET_TEXT[code][:40]
        )
        assert documents, code
        headings = [line[3:] for line in body if line.startswith("## ")]
        for document in documents:
            text = document.extracted_text
            assert all(heading in text for heading in headings), document
            distinct = {line.strip() for line in text.splitlines() if len(line.strip()) > 20}
            assert len(distinct) >= 8, (document, len(distinct))


def test_arabic_readers_find_the_blog_and_events_in_arabic(client, soup_of):
    """The Arabic blog and event listings show posts and events written in Arabic, and mark
    the Finnish ones beside them as Finnish."""
    for path, arabic_titles in (
        ("/ar/blogi/", {"أن تصبح جزءًا من المجتمع الفنلندي"}),
        (
            "/ar/tapahtumat/",
            {"ورشة الإرشاد المهني Womento", "اللقاء الإقليمي للشبكة في لابلاند وشمال أوستروبوثنيا"},
        ),
    ):
        cards = soup_of(client.get(path)).select("main .card")
        titles = {card.select_one("h2, h3").get_text(strip=True): card for card in cards}
        assert arabic_titles <= set(titles), path
        for title, card in titles.items():
            assert card.get("lang") == (None if title in arabic_titles else "fi"), title


def test_demo_files_show_accessible_files_and_files_with_findings():
    """The booklet PDFs are untagged, the Word files say their language and have a title:
    the badge, the request link and the coordinators' report all have something to show."""
    from materials.models import CustomDocument

    problems = CustomDocument.objects.filter(file__endswith=".pdf")
    accessible = CustomDocument.objects.filter(file__endswith=".docx")
    assert problems.exists() and accessible.exists()
    assert {document.accessibility_status for document in problems} == {"problems"}
    assert {document.accessibility_status for document in accessible} == {"accessible"}
    assert "pdf-untagged" in problems.first().accessibility_findings


def test_demo_materials_and_posts_have_illustrations_with_alt_texts(client, soup_of):
    from materials.models import MaterialPage

    pages = [*MaterialPage.objects.filter(locale__language_code="fi")]
    pages += BlogPage.objects.filter(locale__language_code="fi")
    assert all(page.image.default_alt_text.startswith("Geometrinen kuvitus") for page in pages)
    assert len({page.image.file.name for page in pages}) == len(pages)
    # shown in Arabic too (rendering one page is enough: renditions take time)
    page = MaterialPage.objects.filter(locale__language_code="ar").first()
    img = soup_of(client.get(page.url)).select_one("main picture img")
    assert img["alt"] == page.image.description
    assert img.find_previous_sibling("source", type="image/webp")["srcset"]


def test_the_arabic_tray_lists_activities_translated_into_arabic(client, soup_of):
    """The mothers' groups with childcare and the national online mentoring, in Arabic: the
    tray lists them under their Arabic titles, and each page is Arabic throughout."""
    from demo.network.activities import IN_ARABIC

    tray = soup_of(client.get("/ar/toiminta/"))
    titles = [link.get_text(strip=True) for link in tray.select(".card-list .card__title a")]
    for slug, texts in IN_ARABIC.items():
        assert texts["title"] in titles, slug
        page = Page.objects.get(slug=slug, locale__language_code="ar")
        shown = soup_of(client.get(page.url)).select_one("main").get_text(" ", strip=True)
        for field in ("intro", "body", "join_instructions", "eligibility"):
            assert texts[field] in shown, (slug, field)
    search = soup_of(client.get("/ar/search/", {"q": "الأطفال"}))
    found = [link.get_text(strip=True) for link in search.select(".search-results > li h2 a")]
    assert IN_ARABIC["meri-lapin-aitiryhmat"]["title"] in found


def test_the_downloads_report_has_figures_for_the_last_months(client):
    as_(client, make.coordinator("report-reader"))
    today = timezone.localdate()
    months = {(today - timedelta(days=days)).strftime("%Y-%m") for days in (1, 60, 120, 180)}
    for url in (DOWNLOADS, PAGE_VIEWS):
        rows = csv_rows(client, url)[1:]
        assert months <= {row[-2] for row in rows}
        assert len({row[1] for row in rows}) >= 10  # materials (and activities)
        assert all(int(row[-1]) > 0 for row in rows)


def test_the_counts_are_the_same_on_every_load():
    before = snapshot()
    DownloadCount.objects.all().delete()
    PageViewCount.objects.all().delete()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before
