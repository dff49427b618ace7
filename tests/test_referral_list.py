"""The referral list for a client (issue 18, item 3): a professional adds tray activities and
materials (ids in a cookie, nothing else), picks the client's language and gets a share link,
a QR code, a printable page and a tagged PDF, each item in the client's language where it is
translated, else marked with its own."""

import ctypes
import datetime
import io
import re
import unicodedata
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import segno
from django.test import Client
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from cms import env
from referrals import codes, views
from tests import factories as make

pytestmark = pytest.mark.django_db

ADD = "/fi/lista/lisaa/"


def browser():
    """A browser: its form posts say which site they come from (``Origin``)."""
    return Client(headers={"Origin": "http://testserver"})


@pytest.fixture
def client():
    return browser()


@pytest.fixture
def organisation():
    make.home("ar")
    return make.organisation("Punainen Risti")


def arabic_activity(organisation, title, arabic, **fields):
    activity = make.activity(organisation, title, **fields)
    return activity, make.translation(activity, "ar", title=arabic)


def listed(soup):
    return [h.get_text(strip=True) for h in soup.select(".referral-item__title")]


def share_path_of(soup):
    return urlsplit(soup.select_one("#referral-share")["value"]).path


def plain(text):
    """Text as extracted from a PDF, comparable: presentation forms of Arabic letters back
    to letters, no spaces, no bidi controls."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def structure(reader):
    """``(element, kids)`` of every structure element, depth first."""
    found = []

    def walk(node):
        node = node.get_object()
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        if node.get("/S"):
            found.append(node)
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and kid.get("/Type") != "/OBJR":
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def marked_text(content):
    """``{(page number, marked-content id): text}`` of a PDF, read with PDFium (which
    gives Arabic in logical order)."""
    texts = {}
    document = pdfium.PdfDocument(content)
    for number in range(len(document)):
        page = document[number]
        text_page = page.get_textpage()
        for item in page.get_objects(max_depth=5):
            if item.type != pdfium_raw.FPDF_PAGEOBJ_TEXT:
                continue
            mcid = pdfium_raw.FPDFPageObj_GetMarkedContentID(item)
            size = pdfium_raw.FPDFTextObj_GetText(item, text_page, None, 0)
            buffer = (ctypes.c_ushort * (size // 2))()
            pdfium_raw.FPDFTextObj_GetText(item, text_page, buffer, size)
            text = bytes(buffer).decode("utf-16-le").rstrip("\0")
            texts[number, mcid] = texts.get((number, mcid), "") + text
    return texts


def text_of(element, texts, pages):
    """The text marked for ``element`` and the elements below it."""
    page = pages.get(element.raw_get("/Pg").idnum) if "/Pg" in element else None
    kids = element.get("/K")
    out = []
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, int):
            out.append(texts.get((page, kid), ""))
        elif isinstance(kid, dict) and kid.get("/S"):
            out.append(text_of(kid, texts, pages))
    return "".join(out)


def test_arabic_pdf_of_three_activities_and_two_materials(client, organisation):
    """The issue's test: the PDF's text, its tags and its language marks."""
    _, cafe = arabic_activity(organisation, "Kielikahvila", "مقهى اللغة", schedule="ma 10–12")
    _, sewing = arabic_activity(organisation, "Ompelupiiri", "حلقة الخياطة")
    untranslated = make.activity(organisation, "Läksykerho")
    guide = make.material_with_files(organisation, "Opas", languages=("fi", "ar"))
    make.translation(guide, "ar", title="دليل الخدمات")
    booklet = make.material_with_files(organisation, "Vihko", languages=("ar",))
    arabic_booklet = make.translation(booklet, "ar", title="كتيّب الصحة")
    for page in (cafe, sewing, untranslated, guide, arabic_booklet):
        assert client.post(ADD, {"page": page.pk}).status_code == 302

    soup = BeautifulSoupOf(client.get("/fi/lista/?lang=ar"))
    response = client.get(share_path_of(soup) + "pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = plain("".join(page.extract_text() for page in reader.pages))
    for title in ("مقهى اللغة", "حلقة الخياطة", "دليل الخدمات", "كتيّب الصحة"):
        wanted = plain(title)
        assert wanted in text or wanted[::-1] in text, title
    assert "Läksykerho" in text
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "ar"
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title.startswith("أنشطة ومواد من أجلك")
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfuaid:part(="|>)1', xmp)
    # Each item is an article carrying its language: Arabic, except the untranslated one.
    articles = [e for e in structure(reader) if e["/S"] == "/Art"]
    texts = marked_text(response.content)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    assert [str(a.get("/Lang")) for a in articles] == ["ar", "ar", "fi", "ar", "ar"]
    assert "Läksykerho" in text_of(articles[2], texts, pages)
    assert "حلقة الخياطة" in text_of(articles[1], texts, pages)
    assert "Läksykerho" not in text_of(articles[1], texts, pages)


def BeautifulSoupOf(response):
    from bs4 import BeautifulSoup

    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_adding_and_removing_without_javascript(client, organisation):
    cafe = make.activity(organisation, "Kielikahvila")
    guide = make.material_with_files(organisation, "Opas")

    tray = BeautifulSoupOf(client.get("/fi/toiminta/"))
    form = tray.select_one("form[data-referral-add]")
    assert form["action"] == ADD and form.select_one("[name=page]")["value"] == str(cafe.pk)
    response = client.post(ADD, {"page": cafe.pk, "next": "/fi/toiminta/?page=1&x=y"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/lista/?next=%2Ffi%2Ftoiminta%2F%3Fpage%3D1%26x%3Dy"
    assert client.cookies[codes.COOKIE_NAME].value == codes.encode([cafe.pk])
    page = BeautifulSoupOf(client.get(response["Location"]))
    assert "”Kielikahvila” lisättiin ohjauslistalle." in page.select_one(".messages").get_text()
    assert (
        page.find("a", string="Takaisin sivulle, jolla olit")["href"] == "/fi/toiminta/?page=1&x=y"
    )
    client.post(ADD, {"page": guide.pk})
    client.post(ADD, {"page": cafe.pk})  # twice: still once
    assert listed(BeautifulSoupOf(client.get("/fi/lista/"))) == ["Kielikahvila", "Opas"]

    client.post("/fi/lista/poista/", {"page": cafe.pk})
    assert listed(BeautifulSoupOf(client.get("/fi/lista/"))) == ["Opas"]
    client.post("/fi/lista/poista/", {"all": "1"})
    assert "Lista on tyhjä." in BeautifulSoupOf(client.get("/fi/lista/")).get_text()


def test_adding_with_javascript_answers_the_count_and_a_message(client, organisation):
    cafe = make.activity(organisation, "Kielikahvila")
    response = client.post(ADD, {"page": cafe.pk}, HTTP_ACCEPT="application/json")
    assert response.json() == {
        "count": 1,
        "message": "”Kielikahvila” lisättiin ohjauslistalle. Ohjauslistalla on 1 kohde.",
    }
    forged = client.post(ADD, {"page": "999999"}, HTTP_ACCEPT="application/json")
    assert forged.status_code == 400 and forged.json()["count"] == 1


def test_a_post_from_another_site_is_refused(client, organisation):
    cafe = make.activity(organisation, "Kielikahvila")
    response = client.post(ADD, {"page": cafe.pk}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert codes.COOKIE_NAME not in client.cookies
    response = client.post(ADD, {"page": cafe.pk}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert client.post(ADD, {"page": cafe.pk}, HTTP_ORIGIN="http://testserver").status_code == 302


@pytest.mark.parametrize(
    "headers,allowed",
    [
        ({}, False),  # nothing says where the post comes from
        ({"Referer": "https://evil.example/fi/toiminta/"}, False),
        ({"Sec-Fetch-Site": "none"}, False),
        ({"Referer": "http://testserver/fi/toiminta/"}, True),
        ({"Sec-Fetch-Site": "same-origin"}, True),
        ({"Origin": "http://testserver", "Referer": "https://evil.example/"}, True),
    ],
)
def test_a_post_must_say_it_comes_from_this_site(organisation, headers, allowed):
    cafe = make.activity(organisation, "Kielikahvila")
    browser = Client(headers=headers)
    response = browser.post(ADD, {"page": cafe.pk})
    if allowed:
        assert response.status_code == 302
        assert browser.cookies[codes.COOKIE_NAME].value == codes.encode([cafe.pk])
    else:
        assert response.status_code == 403
        assert response.content.decode() == "Tämän lomakkeen voi lähettää vain tältä sivustolta."
        assert codes.COOKIE_NAME not in browser.cookies


def test_unpublished_private_and_forged_ids_never_appear(client, organisation):
    shown = make.activity(organisation, "Kielikahvila")
    draft = make.activity(organisation, "Luonnos", live=False)
    private = make.activity(organisation, "Vain jäsenille")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    members_only = make.material_with_files(organisation, "Jäsenopas", members_only=True)
    guide = make.standard_page("Ohje")
    ids = [shown.pk, draft.pk, private.pk, members_only.pk, guide.pk, 987654]

    for page_id in ids[1:]:
        response = client.post(ADD, {"page": page_id})
        assert (
            "Tätä sivua ei voi lisätä ohjauslistalle."
            in BeautifulSoupOf(client.get(response["Location"])).get_text()
        )
    client.cookies[codes.COOKIE_NAME] = codes.encode(ids) + "-%%-ZZZZZZZZZZZZZZZZZ-0--x!"
    assert listed(BeautifulSoupOf(client.get("/fi/lista/"))) == ["Kielikahvila"]
    shared = BeautifulSoupOf(client.get(f"/fi/lista/{codes.encode(ids)}/"))
    assert listed(shared) == ["Kielikahvila"]
    text = client.get(f"/fi/lista/{codes.encode(ids)}/pdf/").content
    assert listed(shared) == ["Kielikahvila"] and b"%PDF" in text[:8]
    assert client.get("/fi/lista/?lang=xx").status_code == 200
    assert client.get("/fi/lista/<script>/").status_code == 404
    assert client.get("/fi/lista/" + "z" * 400 + "/").status_code == 200
    assert client.post("/fi/lista/lisaa/", {"page": "9" * 40}).status_code == 302


def test_private_files_are_never_linked(client, organisation):
    document = make.document("Salainen", "ar", members_only=True)
    material = make.material(
        organisation, "Opas", files=make.files(make.document("Opas fi", "fi"), document)
    )
    page = BeautifulSoupOf(client.get(f"/ar/lista/{codes.encode([material.pk])}/"))
    links = [a["href"] for a in page.select(".referral-item a")]
    assert not any(f"/files/{document.pk}/" in href for href in links)
    assert any("/files/" in href for href in links)  # the public Finnish file instead


def test_share_link_round_trip(client, organisation):
    cafe, arabic_cafe = arabic_activity(organisation, "Kielikahvila", "مقهى اللغة")
    sewing = make.activity(organisation, "Ompelupiiri")
    for page in (sewing, cafe):
        client.post(ADD, {"page": page.pk})
    path = share_path_of(BeautifulSoupOf(client.get("/fi/lista/?lang=ar")))
    # the pages shown: the Arabic translation where there is one
    assert path == f"/ar/lista/{codes.encode([sewing.pk, arabic_cafe.pk])}/"

    other = browser()
    shared = BeautifulSoupOf(other.get(path))
    assert listed(shared) == ["Ompelupiiri", "مقهى اللغة"]
    assert shared.html["lang"] == "ar" and shared.html["dir"] == "rtl"
    item = shared.select(".referral-item")
    assert (item[0]["lang"], item[0]["dir"]) == ("fi", "ltr")
    assert (item[1]["lang"], item[1]["dir"]) == ("ar", "rtl")
    assert "suomi" in item[0].select_one(".referral-item__language").get_text().lower()
    assert item[1].select_one(".referral-item__language") is None
    assert not shared.select("form.referral-remove")  # read-only for the client

    other.post(path + "palauta/")
    assert other.cookies[codes.COOKIE_NAME].value == codes.encode([sewing.pk, arabic_cafe.pk])
    assert listed(BeautifulSoupOf(other.get("/fi/lista/?lang=fi"))) == [
        "Ompelupiiri",
        "Kielikahvila",
    ]


def test_qr_code_encodes_the_share_link_at_the_sites_address(client, organisation, settings):
    settings.SITE_BASE_URL = "https://tarjotin.example"  # BASE_URL, not the address asked
    cafe = make.activity(organisation, "Kielikahvila")
    client.post(ADD, {"page": cafe.pk})
    page = BeautifulSoupOf(client.get("/fi/lista/?lang=ar"))
    share_url = page.select_one("#referral-share")["value"]
    assert share_url == f"https://tarjotin.example/ar/lista/{codes.encode([cafe.pk])}/"
    svg = page.select_one(".referral-qr svg")
    assert svg["role"] == "img" and share_url in svg["aria-label"]
    expected = segno.make(share_url, error="m", micro=False).svg_inline(scale=4, border=2)
    dark = re.search(r'<path[^>]* d="([^"]+)"', expected).group(1)
    assert dark in [path["d"] for path in svg.find_all("path")]


@pytest.fixture
def renders(monkeypatch):
    """The PDFs rendered (WeasyPrint's part replaced by a stub that counts)."""
    from referrals import pdf

    rendered = []

    def render(html):
        rendered.append(html)
        return b"%PDF-1.7 " + str(len(rendered)).encode()

    monkeypatch.setattr(pdf, "render", render)
    return rendered


def test_a_pdf_is_rendered_once_per_version_of_its_items(client, organisation, renders):
    cafe, arabic_cafe = arabic_activity(organisation, "Kielikahvila", "مقهى اللغة")
    code = codes.encode([cafe.pk])
    first = client.get(f"/fi/lista/{code}/pdf/")
    assert client.get(f"/fi/lista/{code}/pdf/").content == first.content
    assert len(renders) == 1 and "Kielikahvila" in renders[0]
    client.get(f"/ar/lista/{code}/pdf/")  # another language
    assert len(renders) == 2 and "مقهى اللغة" in renders[1]
    cafe.title = "Kielikahvila Kemissä"
    make.publish(cafe)  # a published edit makes a new PDF
    assert client.get(f"/fi/lista/{code}/pdf/").content != first.content
    assert len(renders) == 3 and "Kielikahvila Kemissä" in renders[2]


def test_a_pdf_shows_the_facts_a_published_source_writes_into_its_translation(
    client, organisation, renders, saved
):
    cafe, arabic_cafe = arabic_activity(
        organisation, "Kielikahvila", "مقهى اللغة", places=[make.place("Kemi")]
    )
    code = codes.encode([arabic_cafe.pk])
    client.get(f"/ar/lista/{code}/pdf/")
    assert "Kemi" in renders[0] and "Tornio" not in renders[0]
    arabic_published_at = arabic_cafe.last_published_at
    with saved():
        cafe.places = [make.place("Tornio")]
        make.publish(cafe)
    arabic_cafe.refresh_from_db()
    assert arabic_cafe.last_published_at == arabic_published_at  # the key's old stamp
    client.get(f"/ar/lista/{code}/pdf/")
    assert len(renders) == 2 and "Tornio" in renders[1] and "Kemi" not in renders[1]


def test_a_pdf_is_rendered_for_each_address_of_the_site(client, organisation, renders, settings):
    cafe = make.activity(organisation, "Kielikahvila")
    code = codes.encode([cafe.pk])
    client.get(f"/fi/lista/{code}/pdf/")
    settings.SITE_BASE_URL = "https://tarjotin.example.org"
    client.get(f"/fi/lista/{code}/pdf/")
    assert len(renders) == 2 and "https://tarjotin.example.org/fi/lista/" in renders[1]


def test_too_many_pdfs_from_one_address_are_refused_in_words(
    client, organisation, renders, monkeypatch, soup_of
):
    monkeypatch.setattr(views, "PDF_RATE_LIMIT", 2)
    pages = [make.activity(organisation, f"Kerho {number}") for number in range(3)]
    lists = [codes.encode([page.pk]) for page in pages]
    for code in lists[:2]:
        assert client.get(f"/fi/lista/{code}/pdf/").status_code == 200
    refused = client.get(f"/fi/lista/{lists[2]}/pdf/")
    assert refused.status_code == 429 and len(renders) == 2
    page = soup_of(refused)
    assert page.h1.get_text(strip=True) == "Liian monta PDF-tiedostoa lyhyessä ajassa"
    assert page.find("a", href=f"/fi/lista/{lists[2]}/")
    assert client.get(f"/fi/lista/{lists[0]}/pdf/").status_code == 200  # kept: no new render
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.get(f"/fi/lista/{lists[2]}/pdf/").status_code == 200


def test_material_links_the_file_in_the_clients_language(client, organisation):
    guide = make.material_with_files(organisation, "Opas", languages=("fi", "ar", "uk"))
    finnish_only = make.material_with_files(organisation, "Vihko", languages=("fi", "sv"))
    ids = codes.encode([guide.pk, finnish_only.pk])
    files = {f.document.language.code: f.document for f in guide.files.all()}

    page = BeautifulSoupOf(client.get(f"/ar/lista/{ids}/"))
    first, second = page.select(".referral-item")
    link = first.select_one(".referral-item__file a")
    assert f"/files/{files['ar'].pk}/" in link["href"] and link["hreflang"] == "ar"
    assert "العربية" in first.select_one(".referral-item__file").get_text()
    # named in the client's language and in themselves
    assert [a.get_text() for a in second.select(".referral-item__files a")] == [
        "الفنلنديّة – suomi",
        "السويديّة – svenska",
    ]
    uk = BeautifulSoupOf(client.get(f"/uk/lista/{ids}/"))
    assert f"/files/{files['uk'].pk}/" in uk.select_one(".referral-item__file a")["href"]


def test_list_page_queries_do_not_grow_with_items(client, organisation, query_count):
    def build(n):
        pages = []
        for i in range(n):
            _, arabic = arabic_activity(
                organisation, f"Toiminta {i}", f"نشاط {i}", free=False, fee="2 € / kerta"
            )
            pages.append(arabic)
            pages.append(make.material_with_files(organisation, f"Opas {i}", ("fi", "ar")))
        return codes.encode([p.pk for p in pages])

    few, many = build(1), build(5)
    client.cookies[codes.COOKIE_NAME] = few
    on_few = query_count("/fi/lista/?lang=ar")
    client.cookies[codes.COOKIE_NAME] = many
    assert query_count("/fi/lista/?lang=ar") == on_few
    assert query_count(f"/ar/lista/{many}/") == query_count(f"/ar/lista/{few}/")
    assert query_count(f"/ar/lista/{many}/pdf/") == query_count(f"/ar/lista/{few}/pdf/")


def test_codes_ignore_garbage_and_cap_the_list():
    assert codes.decode("a-B-%-a-0-" + "z" * 13) == [10, 11]
    assert len(codes.decode("-".join(codes.encode([i]) for i in range(1, 100)))) == codes.MAX_ITEMS
    assert codes.decode(codes.encode([1, 35, 36, 123456])) == [1, 35, 36, 123456]


def test_an_untranslated_item_says_its_facts_in_its_own_language(client, organisation):
    """In an Arabic list, a Finnish-only activity is marked Finnish, so its facts (labels,
    times, dates) are Finnish too: Arabic words inside it would be read as Finnish."""
    activity = make.activity(organisation, "Kerho")
    make.schedule(activity, weekdays=["TU"], valid_from=datetime.date(2026, 9, 1))
    soup = BeautifulSoupOf(client.get(f"/ar/lista/{codes.encode([activity.pk])}/"))
    item = soup.select_one(".referral-item")
    assert item["lang"] == "fi"
    when = item.select_one(".schedule")
    assert when.get_text(" ", strip=True).startswith("Tiistaisin klo 17–19")
    assert not item.select(".taking-part [lang=ar]")
    # the facts' heading sits under the item's title
    assert item.select_one(".taking-part h3").get_text() == "Näin osallistut"


@pytest.mark.parametrize("posted", ["²", "١٢", "12.0", "9" * 12, ""])
def test_odd_page_numbers_are_refused_not_a_server_error(client, organisation, posted):
    listed = make.activity(organisation, "Kerho")
    client.post("/fi/lista/lisaa/", {"page": listed.pk})
    assert client.post("/fi/lista/lisaa/", {"page": posted}).status_code == 302
    assert client.post("/fi/lista/poista/", {"page": posted}).status_code == 302
    assert codes.decode(client.cookies[codes.COOKIE_NAME].value) == [listed.pk]


@pytest.mark.parametrize("status", ["paused", "ended"])
def test_a_paused_or_ended_activity_cannot_be_listed(client, organisation, soup_of, status):
    activity = make.activity(organisation, "Kerho", status=status)
    assert not soup_of(client.get(activity.url)).select("form.referral-add")
    response = client.post("/fi/lista/lisaa/", {"page": activity.pk})
    assert (
        codes.COOKIE_NAME not in response.cookies or not response.cookies[codes.COOKIE_NAME].value
    )
    # nor shown from a link made while it ran
    soup = BeautifulSoupOf(client.get(f"/fi/lista/{codes.encode([activity.pk])}/"))
    assert not soup.select(".referral-item")


def test_visitors_behind_a_trusted_proxy_each_have_their_own_pdf_allowance(
    organisation, renders, monkeypatch, settings
):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8")
    settings.TRUSTED_PROXIES = env.trusted_proxies()
    monkeypatch.setattr(views, "PDF_RATE_LIMIT", 1)
    pages = [make.activity(organisation, f"Kerho {number}") for number in range(3)]
    lists = [codes.encode([page.pk]) for page in pages]
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    forwarded = "HTTP_X_FORWARDED_FOR"
    assert proxy.get(f"/fi/lista/{lists[0]}/pdf/", **{forwarded: "192.0.2.1"}).status_code == 200
    assert proxy.get(f"/fi/lista/{lists[1]}/pdf/", **{forwarded: "192.0.2.2"}).status_code == 200
    # The first visitor's own allowance is used up, even if they claim another address first.
    refused = proxy.get(f"/fi/lista/{lists[2]}/pdf/", **{forwarded: "198.51.100.9, 192.0.2.1"})
    assert refused.status_code == 429 and len(renders) == 2


def test_a_forged_forwarded_address_is_ignored_without_a_trusted_proxy(
    organisation, renders, monkeypatch, settings
):
    settings.TRUSTED_PROXIES = []
    monkeypatch.setattr(views, "PDF_RATE_LIMIT", 1)
    pages = [make.activity(organisation, f"Kerho {number}") for number in range(2)]
    visitor = Client(REMOTE_ADDR="192.0.2.50")
    first = visitor.get(
        f"/fi/lista/{codes.encode([pages[0].pk])}/pdf/", HTTP_X_FORWARDED_FOR="1.1.1.1"
    )
    assert first.status_code == 200
    forged = visitor.get(
        f"/fi/lista/{codes.encode([pages[1].pk])}/pdf/", HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert forged.status_code == 429 and len(renders) == 1


def test_the_add_button_on_an_arabic_page_reads_right_to_left(client, organisation, soup_of):
    _cafe, arabic_cafe = arabic_activity(organisation, "Kielikahvila", "مقهى اللغة")
    form = soup_of(client.get(arabic_cafe.url)).select_one("form.referral-add")
    assert (form["lang"], form["dir"]) == ("ar", "rtl")
    assert form.select_one("[data-label]").get_text() == "أضِف إلى قائمة الإحالة"
    title = form.select_one("span[lang=ar]")
    assert title.get_text() == "مقهى اللغة" and title["dir"] == "auto"
