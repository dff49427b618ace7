"""Content languages: configured locales, the language switcher and alternates, the
"not available" path, right-to-left markup, materials' file languages in every
locale, and the translated demo content."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation

from cms.languages import describe
from home.languages import collation_key
from home.models import FooterText, HomePage
from materials.models import Audience, MaterialIndexPage, MaterialPage, Topic
from network.models import IntegrationStage, TargetGroup
from network.roles import TRANSLATORS
from tests import factories as make

pytestmark = pytest.mark.django_db

BOOKLET = "vihko-tasa-arvo-lahisuhteessa"
UNTRANSLATED = "blogin-kommentointi"
FILE_LANGUAGES = ["fi", "ar", "so", "en", "uk"]


@pytest.fixture
def booklet():
    """A material with a file in each of ``FILE_LANGUAGES``, translated into Arabic and
    Ukrainian (not Swedish), and the materials bank in fi, sv, ar and uk."""
    source = make.material(
        make.organisation("Väestöliitto"),
        "Vihko: tasa-arvo lähisuhteessa",
        slug=BOOKLET,
        files=make.files(
            *(make.document(f"Vihko ({code})", language=code) for code in FILE_LANGUAGES)
        ),
    )
    make.translation(source, "ar", title="كتيب: المساواة في العلاقة")
    make.translation(source, "uk", title="Буклет: рівність у стосунках")
    for code in ("fi", "sv", "ar", "uk"):
        make.section(MaterialIndexPage, code)
    return source


@pytest.fixture
def untranslated():
    """A Finnish page with no translation, on a site with a Swedish home page."""
    make.home("sv")
    return make.standard_page("Blogin kommentointi")


def test_default_locales_include_the_clients_languages():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"fi", "sv", "en", "ar", "fa", "so", "uk", "ru"} <= codes
    assert settings.LANGUAGE_CODE == "fi"
    assert {"ar", "fa"} <= set(settings.LANGUAGES_BIDI)
    assert not {"so", "uk", "ru"} & set(settings.LANGUAGES_BIDI)


def test_a_new_locale_is_configuration():
    languages, bidi = describe(["fi", "ti", "prs", "ckb"])
    assert dict(languages)["ti"] == "ትግርኛ"
    assert bidi == ["prs", "ckb"]
    with pytest.raises(ImproperlyConfigured, match="xx"):
        describe(["fi", "xx"])


@pytest.mark.parametrize("code", ["so", "ti"])
def test_a_language_django_has_no_catalogue_for_is_served(client, code, settings):
    make.home()
    settings.LANGUAGES, settings.LANGUAGES_BIDI = describe(["fi", "sv", "en", code])
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    Locale.objects.get_or_create(language_code=code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'lang="{code}"' in response.content.decode()


def test_alternates_name_every_translation_and_a_default(client, soup_of, booklet):
    soup = soup_of(client.get(f"/ar/jarjestot/vaestoliitto/{BOOKLET}/"))
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }
    path = f"/jarjestot/vaestoliitto/{BOOKLET}/"
    assert alternates == {
        "fi": f"http://localhost/fi{path}",
        "ar": f"http://localhost/ar{path}",
        "uk": f"http://localhost/uk{path}",
        "x-default": f"http://localhost/fi{path}",
    }


def test_untranslated_page_offers_the_not_available_path(client, soup_of, untranslated):
    page = untranslated
    soup = soup_of(client.get(page.url))
    assert not soup.select(".language-switcher > ul a")
    link = soup.select_one('.language-switcher__more a[hreflang="sv"]')
    notice = client.get(link["href"])
    assert notice.status_code == 200
    assert notice["X-Robots-Tag"] == "noindex"
    notice = soup_of(notice)
    assert notice.html["lang"] == "sv"
    assert notice.h1.get_text(strip=True) == "Den här sidan finns inte på ditt språk"
    assert notice.select_one("a.button")["href"] == "/sv/"
    original = notice.select_one('main a[hreflang="fi"]')
    assert original["href"] == page.url and original["lang"] == "fi"


def test_not_available_notice_reveals_nothing_private(client, untranslated):
    page = untranslated
    assert client.get(f"/sv/unavailable/{page.pk}/").status_code == 200
    page.unpublish()
    assert client.get(f"/sv/unavailable/{page.pk}/").status_code == 404


def test_arabic_pages_are_right_to_left_with_an_arabic_interface(client, soup_of):
    make.translation(make.home(), "ar", hero_title="أهلاً وسهلاً")
    make.translation(make.standard_page("Ohjeet", show_in_menus=True), "ar", title="إرشادات")
    soup = soup_of(client.get("/ar/"))
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert (
        soup.h1.get_text(strip=True) == HomePage.objects.get(locale__language_code="ar").hero_title
    )
    # the interface is in Arabic, so it takes the page's language
    skip_link = soup.select_one(".skip-link")
    assert skip_link.get_text(strip=True) == "الانتقال إلى المحتوى الرئيسي"
    assert soup.select_one(".main-menu a").get_text(strip=True) == "الصفحة الرئيسية"
    menu_links = soup.select(".main-menu li + li a")
    assert [a.get_text(strip=True) for a in menu_links] == ["إرشادات"]
    for part in (skip_link, soup.select_one("header.site-header"), soup.select_one("footer")):
        assert not part.has_attr("lang")
    assert not any(a.has_attr("lang") for a in menu_links)
    assert soup.select_one(".language-switcher [aria-current] [lang]")["lang"] == "ar"


def test_a_language_without_an_interface_shows_it_in_finnish_marked(
    client, soup_of, content_only_language
):
    make.translation(make.home(), content_only_language, hero_title="እንቋዕ ብደሓን መጻእኩም")
    soup = soup_of(client.get("/ti/"))
    assert soup.html["lang"] == "ti"
    assert soup.select_one(".skip-link").get_text(strip=True) == "Siirry pääsisältöön"
    assert soup.select_one("header.site-header")["lang"] == "fi"
    assert soup.select_one(".skip-link")["lang"] == "fi"
    assert soup.select_one("footer.site-footer")["lang"] == "fi"


def test_a_page_shown_in_a_locale_without_its_own_home_is_marked_with_its_language(client, soup_of):
    make.home()
    assert not HomePage.objects.filter(locale__language_code="fa").exists()
    soup = soup_of(client.get("/fa/"))
    assert soup.html["lang"] == "fa" and soup.html["dir"] == "rtl"
    assert soup.main["lang"] == "fi" and soup.main["dir"] == "ltr"


def test_translated_material_lists_the_same_files_in_their_own_languages(client, soup_of, booklet):
    finnish = booklet
    arabic = finnish.get_translation(Locale.objects.get(language_code="ar")).specific
    assert [f.document_id for f in arabic.files.all()] == [
        f.document_id for f in finnish.files.all()
    ]

    def languages(url):
        soup = soup_of(client.get(url))
        return [a["hreflang"] for a in soup.select("a.download__button")]

    assert languages(finnish.url) == languages(arabic.url) == FILE_LANGUAGES


@pytest.mark.parametrize("code", ["fi", "sv", "ar", "uk"])
def test_file_language_facet_works_in_every_locale(client, soup_of, booklet, code):
    swedish_file = make.document("Guide", language="sv")
    make.material(booklet.get_parent(), "Ruotsinkielinen opas", files=make.files(swedish_file))
    soup = soup_of(client.get(f"/{code}/materiaalipankki/?language=uk"))
    titles = [a.get_text(strip=True) for a in soup.select(".card__title a")]
    assert len(titles) == 1, code
    expected = MaterialPage.objects.get(
        slug=BOOKLET, locale__language_code=code if code in ("fi", "ar", "uk") else "fi"
    )
    assert expected.title in titles
    assert soup.select_one("input[name=language][value=uk]").has_attr("checked")


@pytest.mark.parametrize("code", ["ar", "uk"])
def test_demo_has_a_guide_and_a_booklet_translated_with_wagtail_localize(client, demo_site, code):
    """The demo itself is the subject: its translations are made with wagtail-localize."""
    locale = Locale.objects.get(language_code=code)
    for slug in ("tarjotin", "matalan-kynnyksen-toiminta", BOOKLET):
        source = Page.objects.get(slug=slug, locale__language_code="fi")
        page = source.get_translation(locale)
        assert page.live and page.title != source.title or slug == "tarjotin"
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale=locale
        ).exists()
        assert client.get(page.url).status_code == 200


def test_demo_leaves_one_page_untranslated_and_translates_the_taxonomies(demo_site):
    """The demo itself is the subject: it keeps a page untranslated to show the notice."""
    page = Page.objects.get(slug=UNTRANSLATED, locale__language_code="fi")
    assert list(page.get_translations()) == []
    for model in (Topic, Audience, TargetGroup, IntegrationStage):
        for code in ("sv", "en", "ar", "fa", "so", "uk", "ru"):
            assert (
                model.objects.filter(locale__language_code=code).count()
                == model.objects.filter(locale__language_code="fi").count()
            )
    arrival = IntegrationStage.objects.get(slug="saapuminen", locale__language_code="ar")
    assert arrival.name == "الوصول إلى فنلندا"
    assert FooterText.objects.get(locale__language_code="ar").organisation_name == (
        "شبكة دليل أنشطة الاندماج"
    )


def test_translators_may_publish_in_every_language_but_the_source():
    for code in ("fi", "sv", "ar"):
        make.home(code)
    translators = Group.objects.get(name=TRANSLATORS)
    publishing = set(
        GroupPagePermission.objects.filter(
            group=translators, permission__codename="publish_page"
        ).values_list("page__locale__language_code", flat=True)
    )
    homes = set(
        HomePage.objects.exclude(locale__language_code="fi").values_list(
            "locale__language_code", flat=True
        )
    )
    assert publishing == homes == {"sv", "ar"}
    # a language whose home page is created later opens to translators at once
    russian = HomePage.objects.get(locale__language_code="fi").copy_for_translation(
        Locale.objects.get(language_code="ru")
    )
    assert GroupPagePermission.objects.filter(
        group=translators, page=russian, permission__codename="publish_page"
    ).exists()


@pytest.mark.parametrize(
    "code,name,lang",
    [
        ("fi", "Kotoutumistarjotin-verkosto", "fi"),
        ("sv", "Nätverket Integrationsbrickan", "sv"),
        ("ar", "Kotoutumistarjotin-verkosto", "fi"),
    ],
)
def test_footer_texts_are_translated_or_fall_back_marked(client, soup_of, code, name, lang):
    for home_language in ("fi", "sv", "ar"):
        make.home(home_language)
    finnish = FooterText.objects.create(
        locale=Locale.objects.get(language_code="fi"),
        organisation_name="Kotoutumistarjotin-verkosto",
        body="<p>Verkosto kotoutumisen tueksi.</p>",
    )
    swedish = finnish.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.organisation_name = "Nätverket Integrationsbrickan"
    swedish.body = "<p>Ett nätverk för integration.</p>"
    swedish.save()
    footer = soup_of(client.get(f"/{code}/")).select_one("footer.site-footer")
    network = footer.find("p", string=name)
    assert network is not None and network["lang"] == lang
    assert footer.select_one(".site-footer__text")["lang"] == lang


def test_an_alias_leads_to_its_originals_notice(client, soup_of, untranslated):
    original = untranslated
    make.home("uk")
    alias = original.create_alias(
        parent=Page.objects.get(depth=2, locale__language_code="uk"),
        update_locale=Locale.objects.get(language_code="uk"),
    )
    soup = soup_of(client.get(alias.url))
    others = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher__more a")}
    assert "uk" not in others
    assert others["sv"] == f"/sv/unavailable/{original.pk}/"
    assert client.get(others["sv"]).status_code == 200
    assert soup.main["lang"] == "fi"  # the alias shows the Finnish original's text


def test_every_migrate_brings_the_reference_list_of_languages_into_the_table():
    from home.models import Language

    Language.objects.filter(code="se").delete()  # as if Northern Sami were added to the list later
    Language.objects.filter(code="fa").update(finnish_name="vanha nimi")
    call_command("migrate", verbosity=0)
    assert Language.objects.get(code="se").native_name == "davvisámegiella"
    assert Language.objects.get(code="fa").finnish_name == "persia (farsi)"


def test_file_buttons_name_the_language_for_the_reader_and_in_itself(client, soup_of, booklet):
    arabic = booklet.get_translation(Locale.objects.get(language_code="ar"))

    def buttons(url):
        soup = soup_of(client.get(url))
        return {
            a["hreflang"]: a.select_one(".download__language")
            for a in soup.select("a.download__button")
        }

    finnish_page, arabic_page = buttons(booklet.url), buttons(arabic.url)
    assert finnish_page["ar"].get_text() == "arabia – العربية"
    own = finnish_page["ar"].select_one("[lang]")
    assert (own["lang"], own["dir"], own.get_text()) == ("ar", "rtl", "العربية")
    assert finnish_page["fi"].get_text() == "suomi"
    assert arabic_page["fi"].get_text() == "الفنلنديّة – suomi"
    assert arabic_page["fi"].select_one("[lang]")["dir"] == "ltr"
    assert arabic_page["ar"].get_text() == "العربية"


def test_the_switcher_names_languages_for_the_reader_sorted_as_they_read(
    client, soup_of, untranslated
):
    def others(url):
        soup = soup_of(client.get(url))
        return [a.get_text() for a in soup.select(".language-switcher__more a")]

    assert others(untranslated.url) == [
        "arabia – العربية",
        "englanti – English",
        "persia (farsi) – فارسی",
        "ruotsi – svenska",
        "somali – Soomaali",
        "ukraina – Українська",
        "venäjä – Русский",
    ]
    make.translation(untranslated, "uk")
    ukrainian = untranslated.get_translation(Locale.objects.get(language_code="uk"))
    assert others(ukrainian.url)[:3] == [
        "Англійська – English",
        "Арабська – العربية",
        "Перська (фарсі) – فارسی",
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fi", ["alku", "zeta", "Åland", "äiti", "ölj"]),
        ("en", ["äiti", "Åland", "alku", "ölj", "zeta"]),
        ("uk", ["гора", "ґанок", "дім", "єнот", "іній", "їжак", "яр"]),
    ],
)
def test_names_sort_in_the_readers_alphabet(code, expected):
    with translation.override(code):
        assert sorted(reversed(expected), key=collation_key()) == expected


def test_the_admin_offers_languages_by_the_names_the_editor_reads(db):
    """The file form's and an activity's language lists follow the names in the editor's
    language, not the table's Finnish order (German, "saksa", came before Turkish, "turkki",
    in Swedish too)."""
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    from network.models import ActivityPage

    document_form = get_document_form(get_document_model())
    activity_form = ActivityPage.get_edit_handler().get_form_class()
    for code in ("fi", "sv", "en"):
        with translation.override(code):
            key = collation_key()
            file_labels = [label for _value, label in document_form().fields["language"].choices]
            activity = activity_form(instance=ActivityPage(), for_user=None)
            activity_labels = [label for _value, label in activity.fields["languages"].choices]
            assert file_labels[0] == "---------"
            assert file_labels[1:] == sorted(file_labels[1:], key=key)
            assert activity_labels == sorted(activity_labels, key=key)
            assert len(activity_labels) >= 40
    with translation.override("sv"):
        labels = [str(label) for _value, label in document_form().fields["language"].choices]
        assert labels.index("turkiska – Türkçe") < labels.index("tyska – Deutsch")
