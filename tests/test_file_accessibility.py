"""Files that tell what is wrong with them: each uploaded PDF, DOCX, PPTX and ODT is checked
for what assistive technology would stumble on; the editor reads the findings in their
language with how to fix each, readers see a badge and a way to ask for an accessible
version, and coordinators a report of the files with problems."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)
from wagtail.users.models import UserProfile

from demo import sample_files
from materials.models.documents import AccessibilityStatus, CustomDocument
from tests import factories as make
from tests.test_material_files import CONTENT_TYPES, make_zip, upload

pytestmark = pytest.mark.django_db


def tagged_pdf(*, figure_alt="Kartta Suomesta", marked=True, show_title=True):
    """A one-page PDF with text, tags, a language, a title shown by viewers and a figure;
    ``marked`` or ``show_title`` false writes that flag as false."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(sample_files.make_pdf("Opas", []))))
    figure = DictionaryObject({NameObject("/S"): NameObject("/Figure")})
    if figure_alt:
        figure[NameObject("/Alt")] = TextStringObject(figure_alt)
    document = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Document"),
            NameObject("/K"): ArrayObject([writer._add_object(figure)]),
        }
    )
    tree = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): writer._add_object(document),
        }
    )
    catalog = writer.root_object
    catalog[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(marked)}
    )
    catalog[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    catalog[NameObject("/Lang")] = TextStringObject("fi")
    # held in an object of its own, as a PDF may hold any of its dictionaries
    catalog[NameObject("/ViewerPreferences")] = writer._add_object(
        DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(show_title)})
    )
    writer.add_metadata({"/Title": "Opas"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DRAWING_NS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
GRAPHIC_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
PICTURE_NS = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
SHAPE_NS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def docx(*, accessible):
    """A Word document with a heading, an image, a text box and a table: in a Finnish Word
    (localised style id) with the language set, alt text and a header row, or with none of
    them (a text box needs no alt text either way)."""
    heading = '<w:pPr><w:pStyle w:val="Otsikko1"/></w:pPr>' if accessible else ""
    descr = ' descr="Kaavio palveluista"' if accessible else ""
    header = "<w:trPr><w:tblHeader/></w:trPr>" if accessible else ""
    document = (
        f"<w:document {W_NS} {DRAWING_NS}><w:body>"
        f"<w:p>{heading}<w:r><w:t>Palvelut</w:t></w:r></w:p>"
        f'<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Kuva 1"{descr}/>'
        f"<a:graphic {GRAPHIC_NS}><a:graphicData><pic:pic {PICTURE_NS}/></a:graphicData>"
        "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
        # a text box: its text is read as it is, it needs no description
        '<w:p><w:r><w:drawing><wp:anchor><wp:docPr id="2" name="Tekstiruutu 1"/>'
        f"<a:graphic {GRAPHIC_NS}><a:graphicData><wps:wsp {SHAPE_NS}/></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></w:r></w:p>"
        f"<w:tbl><w:tr>{header}<w:tc><w:p><w:r><w:t>Palvelu</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>Neuvonta</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    )
    language = '<w:rPr><w:lang w:val="fi-FI"/></w:rPr>' if accessible else ""
    styles = (
        f"<w:styles {W_NS}><w:docDefaults><w:rPrDefault>{language}</w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:styleId="Otsikko1"><w:name w:val="heading 1"/></w:style>'
        "</w:styles>"
    )
    return make_zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": document,
            "word/styles.xml": styles,
        }
    )


def pptx(*, accessible):
    placeholder = '<p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>' if accessible else ""
    language = ' lang="fi-FI"' if accessible else ""
    descr = ' descr="Kaavio palveluista"' if accessible else ""
    first_row = ' firstRow="1"' if accessible else ""
    slide = (
        '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<p:cSld><p:spTree><p:sp>{placeholder}<p:txBody><a:p><a:r><a:rPr{language}/>"
        "<a:t>Palvelut</a:t></a:r></a:p></p:txBody></p:sp>"
        f'<p:pic><p:nvPicPr><p:cNvPr id="2" name="Kuva 1"{descr}/></p:nvPicPr></p:pic>'
        f"<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tblPr{first_row}/>"
        "<a:tr><a:tc><a:txBody><a:p><a:r><a:t>Palvelu</a:t></a:r></a:p></a:txBody></a:tc></a:tr>"
        "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
        "</p:spTree></p:cSld></p:sld>"
    )
    return make_zip({"[Content_Types].xml": CONTENT_TYPES, "ppt/slides/slide1.xml": slide})


def odt(*, accessible):
    heading = "text:h" if accessible else "text:p"
    description = "<svg:desc>Kaavio palveluista</svg:desc>" if accessible else ""
    header_rows = "<table:table-header-rows>" if accessible else ""
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">'
        '<office:automatic-styles><style:style style:name="P1"><style:text-properties '
        f'fo:language="{"fi" if accessible else "zxx"}"/></style:style></office:automatic-styles>'
        f"<office:body><office:text><{heading}>Palvelut</{heading}>"
        f'<text:p><draw:frame draw:name="Kuva 1"><draw:image/>{description}</draw:frame></text:p>'
        f"<table:table>{header_rows}<table:table-row><table:table-cell><text:p>Palvelu</text:p>"
        f"</table:table-cell></table:table-row>{header_rows and '</table:table-header-rows>'}"
        "</table:table></office:text></office:body></office:document-content>"
    )
    return make_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


OFFICE_PROBLEMS = ["no-headings", "image-without-alt", "no-language", "table-without-header"]


def finnish_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("suomi-admin", password="pw-123456")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    client.force_login(user)
    return client


def uploaded(client, name, data, capture):
    """A file uploaded through the admin's multiple uploader, checked by the task after commit."""
    with capture(execute=True):
        result = json.loads(upload(client, name, data).content)
    assert result["success"] is True
    return CustomDocument.objects.get(pk=result["doc_id"])


@pytest.mark.parametrize(
    "name,data,findings",
    [
        ("opas.pdf", tagged_pdf(), []),
        (
            "opas.pdf",
            sample_files.make_pdf("Opas", []),
            ["pdf-untagged", "pdf-no-language", "pdf-no-title"],
        ),
        ("opas.pdf", tagged_pdf(figure_alt=""), ["pdf-figure-without-alt"]),
        (
            "opas.pdf",
            tagged_pdf(marked=False, show_title=False),
            ["pdf-untagged", "pdf-title-hidden"],
        ),
        (
            "opas.pdf",
            blank_pdf(),
            ["pdf-untagged", "pdf-no-language", "pdf-no-title", "pdf-no-text"],
        ),
        ("opas.docx", docx(accessible=True), []),
        ("opas.docx", docx(accessible=False), OFFICE_PROBLEMS),
        ("opas.pptx", pptx(accessible=True), []),
        ("opas.pptx", pptx(accessible=False), ["slides-without-titles", *OFFICE_PROBLEMS[1:]]),
        ("opas.odt", odt(accessible=True), []),
        ("opas.odt", odt(accessible=False), OFFICE_PROBLEMS),
    ],
)
def test_an_uploaded_file_is_checked_for_accessibility(
    english_admin, django_capture_on_commit_callbacks, name, data, findings
):
    document = uploaded(english_admin, name, data, django_capture_on_commit_callbacks)
    assert document.accessibility_findings == findings
    expected = AccessibilityStatus.PROBLEMS if findings else AccessibilityStatus.ACCESSIBLE
    assert document.accessibility_status == expected


def test_a_format_without_checks_stays_unchecked(english_admin, django_capture_on_commit_callbacks):
    document = uploaded(english_admin, "muistio.txt", b"Hei", django_capture_on_commit_callbacks)
    assert document.accessibility_status == AccessibilityStatus.NOT_CHECKED


def test_the_editor_reads_each_finding_in_finnish_with_how_to_fix_it(
    client, django_user_model, django_capture_on_commit_callbacks
):
    admin = finnish_admin(client, django_user_model)
    document = uploaded(
        admin, "opas.pdf", sample_files.make_pdf("Opas", []), django_capture_on_commit_callbacks
    )
    page = admin.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Tiedostoa voi olla vaikea lukea apuvälineillä" in page
    assert "PDF-tiedostossa ei ole rakennetunnisteita" in page
    assert "Asiakirjan rakennetunnisteet helppokäyttöisyyttä varten" in page  # how to fix it
    assert "ei kerrota, millä kielellä" in page

    replaced = uploaded(admin, "kunnossa.pdf", tagged_pdf(), django_capture_on_commit_callbacks)
    page = admin.get(reverse("wagtaildocs:edit", args=[replaced.pk])).content.decode()
    assert "Tiedostosta ei löytynyt saavutettavuusongelmia" in page
    assert "PDF-tiedostossa ei ole rakennetunnisteita" not in page


def test_a_new_file_is_checked_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make.document("Opas")
    document.refresh_from_db()
    assert document.accessibility_status == AccessibilityStatus.PROBLEMS
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("opas.pdf", io.BytesIO(tagged_pdf()), save=False)
        document._set_document_file_metadata()
        document.save()
    document.refresh_from_db()
    assert document.accessibility_status == AccessibilityStatus.ACCESSIBLE


def test_files_uploaded_before_the_checks_are_checked_by_a_command():
    old = make.document("Vanha opas", data=blank_pdf())  # its processing never ran
    notes = make.document("Muistio", name="muistio.txt", data=b"Hei")
    assert old.accessibility_status == AccessibilityStatus.NOT_CHECKED
    out = io.StringIO()
    call_command("check_file_accessibility", stdout=out)
    old.refresh_from_db()
    notes.refresh_from_db()
    assert old.accessibility_status == AccessibilityStatus.PROBLEMS
    assert "pdf-no-text" in old.accessibility_findings
    assert notes.accessibility_status == AccessibilityStatus.NOT_CHECKED
    assert "Files checked: 1;" in out.getvalue()


def material_with(organisation, capture):
    with capture(execute=True):
        good = make.document("Selkeä opas", "fi", name="selkea.pdf", data=tagged_pdf())
        poor = make.document("Skannattu opas", "fi", name="skannattu.pdf", data=blank_pdf())
    return make.material(organisation, "Opas", files=make.files(good, poor))


def test_the_material_page_shows_each_files_accessibility_and_how_to_ask_for_a_better_one(
    client, soup_of, django_capture_on_commit_callbacks
):
    organisation = make.organisation("Selkojärjestö", contact_email="info@selko.example")
    material = material_with(organisation, django_capture_on_commit_callbacks)
    cards = soup_of(client.get(material.url)).select("li.download")
    good, poor = (card.select_one(".download__accessibility") for card in cards)
    assert good.get_text(strip=True).endswith("Saavutettava tiedosto")
    assert good.select("a") == []
    assert "Voi olla vaikea lukea apuvälineillä" in poor.get_text()
    link = poor.select_one("a")
    assert link.get_text(strip=True) == "Pyydä saavutettava versio"
    assert link["href"].startswith("mailto:info@selko.example?subject=")
    assert "Skannattu%20opas" in link["href"]


def test_without_a_contact_email_the_request_goes_to_the_organisation_page(
    client, soup_of, django_capture_on_commit_callbacks
):
    organisation = make.organisation("Hiljainen järjestö")
    material = material_with(organisation, django_capture_on_commit_callbacks)
    link = soup_of(client.get(material.url)).select_one(".download__accessibility a")
    assert link["href"] == organisation.url


def test_coordinators_get_a_report_of_the_files_with_problems(
    client, django_capture_on_commit_callbacks
):
    organisation = make.onboarded("Raporttijärjestö")
    with django_capture_on_commit_callbacks(execute=True):
        make.document("Skannattu opas", data=blank_pdf(), collection=organisation.collection)
        make.document("Selkeä opas", data=tagged_pdf(), collection=organisation.collection)
    client.force_login(make.coordinator())
    url = reverse("file_accessibility")
    page = client.get(url).content.decode()
    assert "Skannattu opas" in page
    assert "Raporttijärjestö" in page
    assert "PDF-tiedostosta ei saatu luettua tekstiä" in page
    assert "Selkeä opas" not in page
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()  # in the menu

    client.force_login(make.editor(organisation.organisation))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Skannattu opas" not in response.content.decode()
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_files_panel_shows_each_files_accessibility_linked_to_its_findings(
    english_admin, soup_of, django_capture_on_commit_callbacks
):
    material = material_with(make.organisation(), django_capture_on_commit_callbacks)
    good, poor = (row.document for row in material.files.order_by("sort_order"))
    page = soup_of(english_admin.get(reverse("wagtailadmin_pages:edit", args=[material.pk])))
    good_row, poor_row = page.select("[data-chooser-title][id^=id_files-]")

    assert good_row.get_text(" ", strip=True) == "Selkeä opas (Finnish – suomi) ✓ Accessible file"
    assert good_row.select("a") == []
    problems = len(poor.accessibility_findings)
    assert problems >= 2
    link = poor_row.select_one("a")
    assert link.get_text(" ", strip=True) == (
        f"{problems} accessibility problems: see how to fix them"
    )
    assert link["href"] == reverse("wagtaildocs:edit", args=[poor.pk])
    findings = soup_of(english_admin.get(link["href"])).get_text()
    assert "The file may be hard to read with assistive technology:" in findings
