"""Demo content of the materials bank: materials from the network's source texts, with
PDF booklets (a cover and pages of text) and DOCX files made in code, in several
languages, and a generated illustration each; some members-only."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo.booklet_texts import BOOKLET_BODY
from demo.builder import body_from_text, demo_step, plain
from demo.illustrations import illustration_for
from demo.network.organisations import TEXTS
from demo.sample_files import make_booklet, make_docx
from home.models import Language
from materials.models import Audience, MaterialFile, MaterialIndexPage, MaterialPage, Topic

BANK_TITLES = {"fi": "Materiaalipankki", "sv": "Materialbanken", "en": "Materials bank"}
BANK_INTRO = (
    "<p>Verkoston jäsenjärjestöjen oppaat, koulutusmateriaalit, vihkot ja toimintamallit. "
    "Rajaa aiheen, kohderyhmän ja tiedoston kielen mukaan.</p>"
)

# A few sentences per language for the files of multilingual booklets.
BOOKLET_TEXT = {
    "fi": "Tämä vihko tukee vanhempia lapsen kasvattamisessa Suomessa. Lapsen kasvattaminen "
    "kulttuurissa, jossa ei itse ole kasvanut, askarruttaa monia vanhempia.",
    "sv": "Det här häftet stöder föräldrar i barnuppfostran i Finland. Att uppfostra barn i en "
    "kultur där man inte själv har vuxit upp väcker frågor hos många föräldrar.",
    "en": "This booklet supports parents in raising children in Finland. Raising a child in a "
    "culture you did not grow up in raises questions for many parents.",
    "so": "Buuggan wuxuu taageeraa waalidiinta barbaarinta carruurta Finland. Barbaarinta ilmaha "
    "dhaqan aadan ku soo koran waxay su'aalo u keentaa waalidiin badan.",
    "ar": "يدعم هذا الكتيب الوالدين في تربية الأطفال في فنلندا. تثير تربية الطفل في ثقافة لم "
    "تنشأ فيها أسئلة لدى كثير من الآباء والأمهات.",
    "ru": "Эта брошюра помогает родителям в воспитании детей в Финляндии. Воспитание ребёнка в "
    "культуре, в которой вы сами не выросли, вызывает вопросы у многих родителей.",
    "uk": "Ця брошура допомагає батькам у вихованні дітей у Фінляндії. Виховання дитини в "
    "культурі, в якій ви самі не виросли, викликає запитання в багатьох батьків.",
}
# Tags shared with blog posts and activities, so that tag pages gather all of them.
TAG_WORDS = {
    "Womento": "Womento",
    "Perhe Yhtenäiseksi": "Perhe Yhtenäiseksi",
    "äiti": "äidit",
    "Lastenkasvatusvihko": "vanhemmuus",
    "vertais": "vertaistuki",
    "Kotoutumistarjotin": "kotoutumistarjotin",
    "kotoutumistarjotin": "kotoutumistarjotin",
}
PDF_LANGUAGES = {"fi", "sv", "en", "so"}  # Latin script: standard PDF fonts suffice

BOOKLETS = [
    (
        "lapsen-kasvattaminen",
        "Lastenkasvatusvihko: Lapsen kasvattaminen uudessa kulttuurissa",
        ["fi", "ar", "so", "ru", "en"],
    ),
    (
        "koulunkaynti",
        "Lastenkasvatusvihko: Koulunkäynti ja koulun tukimuodot",
        ["fi", "ar", "so", "ru", "en"],
    ),
    (
        "perheen-roolit",
        "Lastenkasvatusvihko: Perheenjäsenten roolit muuttuvat",
        ["fi", "ar", "so", "en"],
    ),
    ("huoltajuus", "Lastenkasvatusvihko: Huoltajuus erotilanteessa", ["fi", "ar", "so"]),
    (
        "tasa-arvo-lahisuhteessa",
        "Lastenkasvatusvihko: Tasa-arvo ja seksuaalioikeudet lähisuhteessa",
        ["fi", "ar", "so", "en", "uk"],
    ),
]

# slug, organisation, title, type, year, topics, audiences, languages, members only, summary
MATERIALS = [
    (
        "womento-opas",
        "vaestoliitto",
        "Womento-työuramentoroinnin opas",
        "guide",
        2019,
        ["tyoelama"],
        ["ammattilaiset", "jarjestot"],
        ["fi", "en"],
        False,
        "Mentori tutustuttaa maahanmuuttajanaisen suomalaiseen työkulttuuriin ja auttaa tekemään "
        "ansioluettelon ja mallihakemuksen. Opas kertoo, miten Womento-toiminta järjestetään.",
    ),
    (
        "womento-mentorin-kasikirja",
        "vaestoliitto",
        "Womento-mentorin käsikirja",
        "activity-model",
        2020,
        ["tyoelama", "vapaaehtoistoiminta"],
        ["vapaaehtoiset"],
        ["fi"],
        False,
        "Käsikirja vapaaehtoiselle mentorille: tapaamisten rakenne, työnhaun tuki ja verkostojen "
        "laajentaminen.",
    ),
    (
        "puhutaan-kotoutumisesta-ohjaajan-opas",
        "vaestoliitto",
        "Puhutaan kotoutumisesta – vertaisryhmän ohjaajan opas",
        "activity-model",
        2018,
        ["vertaistuki", "tasa-arvo"],
        ["ohjaajat"],
        ["fi"],
        False,
        "Ohjaajan opas vertaisryhmiin, joissa maahanmuuttajat ja turvapaikanhakijat keskustelevat "
        "tasa-arvosta ja seksuaalioikeuksista.",
    ),
    (
        "puhutaan-kotoutumisesta-osallistujalle",
        "vaestoliitto",
        "Puhutaan kotoutumisesta – osallistujan materiaali",
        "training",
        2018,
        ["vertaistuki", "tasa-arvo"],
        ["maahanmuuttajat"],
        ["fi", "ar", "so"],
        False,
        "Vertaisryhmän osallistujille: keskustelun aiheet perheestä, tasa-arvosta ja oikeuksista.",
    ),
    (
        "vertaisryhmaohjaajien-koulutus",
        "vaestoliitto",
        "Vertaisryhmäohjaajien koulutusmateriaali",
        "training",
        2021,
        ["vertaistuki"],
        ["ohjaajat", "vapaaehtoiset"],
        ["fi"],
        True,
        "Vertaisryhmäohjaajien koulutuksia on järjestetty vuodesta 2004 lähtien parille sadalle "
        "järjestövapaaehtoiselle ja ammattilaiselle.",
    ),
    (
        "tyopajat-vanhemmille",
        "vaestoliitto",
        "Työpajat maahanmuuttajavanhemmille – työpajamalli",
        "activity-model",
        2017,
        ["vanhemmuus"],
        ["ohjaajat", "ammattilaiset"],
        ["fi", "en"],
        False,
        "Erikielisten työpajojen ja seminaarien malli maahanmuuttajavanhemmille.",
    ),
    (
        "puhelinneuvonta",
        "vaestoliitto",
        "Perhe-elämän neuvonta puhelimessa – opas ammattilaisille",
        "guide",
        2016,
        ["vanhemmuus", "perhetyo"],
        ["ammattilaiset"],
        ["fi"],
        False,
        "Neuvontaa perhe-elämään ja vanhemmuuteen liittyvissä kysymyksissä: miten ohjata asiakas.",
    ),
    (
        "perhe-yhtenaiseksi-opas",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Perhe Yhtenäiseksi -työskentelymenetelmän opas",
        "guide",
        2022,
        ["perhetyo", "vanhemmuus"],
        ["ammattilaiset"],
        ["fi"],
        False,
        "Perhe Yhtenäiseksi -työskentelymenetelmä ja -opas tarjoavat työntekijälle tietoa ja "
        "konkreettisia työvälineitä pakolaisperheiden kanssa tehtävään työhön.",
    ),
    (
        "perhe-yhtenaiseksi-koulutus",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Perhe Yhtenäiseksi -koulutuksen materiaali",
        "training",
        2022,
        ["perhetyo"],
        ["ammattilaiset"],
        ["fi"],
        True,
        "Turvallinen Oulu -hanke koulutti 20 perheiden kanssa työtä tekevää henkilöä menetelmän käyttöön.",
    ),
    (
        "perheen-kotoutumissuunnitelma",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Perheen kotoutumissuunnitelma – pohja ja ohje",
        "guide",
        2021,
        ["perhetyo", "kotoutuminen"],
        ["ammattilaiset"],
        ["fi", "en"],
        False,
        "Kaikille perheille tehdään perheen kotoutumissuunnitelma. Pohja ja täyttöohje työntekijälle.",
    ),
    (
        "turvallinen-oulu-raportti",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Turvallinen Oulu -hankkeen loppuraportti",
        "report",
        2022,
        ["perhetyo"],
        ["ammattilaiset", "jarjestot"],
        ["fi"],
        False,
        "Lastensuojeluasiakkuuksien määrä putosi noin 50 % ja perhetyön tarve 75 %. Raportti kertoo "
        "vaikuttavuuden seurannasta.",
    ),
    (
        "perhe-yhtenaiseksi-esittely",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Perhe Yhtenäiseksi – esittely",
        "presentation",
        2022,
        ["perhetyo"],
        ["ammattilaiset"],
        ["fi", "sv"],
        False,
        "Esitysmateriaali menetelmän esittelyyn peruspalveluiden työntekijöille.",
    ),
    (
        "kotoutumistarjottimen-pohja",
        "suomen-punainen-risti",
        "Kotoutumistarjottimen pohja – toimintamuotojen kuvaaminen",
        "guide",
        2016,
        ["jarjestoyhteistyo"],
        ["jarjestot"],
        ["fi", "sv", "en"],
        False,
        "Kukin järjestö kuvaa omat kotoutumista tukevat toimintamuotonsa yhteisen mallin mukaan: "
        "tuki, osallistumismahdollisuudet ja rekrytointi.",
    ),
    (
        "kotoutumiskaari",
        "suomen-punainen-risti",
        "Kotoutumiskaari – toimintamuodot kotoutumisen vaiheisiin",
        "guide",
        2016,
        ["kotoutuminen", "jarjestoyhteistyo"],
        ["jarjestot", "ammattilaiset"],
        ["fi"],
        False,
        "Kotoutumiskaarimenetelmä: toimintamuotojen asettaminen kotoutumisprosessin eri vaiheisiin.",
    ),
    (
        "verkostokokous-esitys",
        "suomen-punainen-risti",
        "Verkostokokouksen esitys: alueelliset tarjottimet",
        "presentation",
        2016,
        ["jarjestoyhteistyo"],
        ["jarjestot"],
        ["fi"],
        True,
        "Valtakunnalliset järjestöt kokoavat omat tarjottimensa ja ohjeistavat alue- ja "
        "paikallistason toimijoitaan tekemään omansa.",
    ),
    (
        "alueelliset-tyopajat",
        "suomen-punainen-risti",
        "Alueellisten tarjottimien työpajamalli",
        "activity-model",
        2017,
        ["jarjestoyhteistyo"],
        ["jarjestot", "ohjaajat"],
        ["fi"],
        False,
        "Työpajatyöskentely järjestöjen kesken ja materiaalien kokoaminen materiaalipankkiin.",
    ),
    (
        "vapaaehtoisten-perehdytys",
        "suomen-punainen-risti",
        "Vapaaehtoisten perehdytysmateriaali",
        "training",
        2023,
        ["vapaaehtoistoiminta"],
        ["vapaaehtoiset"],
        ["fi", "en"],
        True,
        "Perehdytys maahan muuttaneille vapaaehtoisille: ystävätoiminta, ensiapu ja ryhmien vetäminen.",
    ),
    (
        "meri-lapin-aitiryhmat-malli",
        "toivola-luotola-setlementti",
        "Meri-Lapin äitiryhmien toimintamalli",
        "activity-model",
        2020,
        ["vertaistuki", "vanhemmuus"],
        ["ohjaajat", "jarjestot"],
        ["fi"],
        False,
        "Ryhmätoiminnassa käsitellään arkeen, asumiseen, kulttuuriin, vapaa-aikaan ja "
        "elämänhallintaan liittyviä asioita. Ryhmien aikana lapsille järjestetään lastenhoito.",
    ),
    (
        "aiti-lapsi-ryhman-ohjaajan-opas",
        "toivola-luotola-setlementti",
        "Ryhmänohjaajan opas: äiti-lapsi-ryhmät",
        "activity-model",
        2019,
        ["vertaistuki"],
        ["ohjaajat"],
        ["fi"],
        False,
        "Käytännön ohjeet äiti-lapsi-ryhmän ohjaamiseen.",
    ),
    (
        "meri-lappi-loppuraportti",
        "toivola-luotola-setlementti",
        "Meri-Lapin äitien järjestölähtöinen kotoutuminen – loppuraportti 2018–2020",
        "report",
        2021,
        ["kotoutuminen", "vanhemmuus"],
        ["jarjestot", "ammattilaiset"],
        ["fi"],
        False,
        "Hankkeen toimialueena olivat Meri-Lapin kunnat Kemi, Keminmaa, Simo, Tervola ja Tornio.",
    ),
    (
        "yksiloohjauksen-tyokalut",
        "toivola-luotola-setlementti",
        "Yksilöohjauksen työkalut",
        "training",
        2020,
        ["kotoutuminen"],
        ["ammattilaiset"],
        ["fi"],
        True,
        "Yksilöohjauksella tunnistetaan äitien haasteita arjessa ja selvitetään tuen ja "
        "kielitaidon kehittämisen tarpeita.",
    ),
    (
        "jarjestot-kunnassa",
        "laurea-ammattikorkeakoulu",
        "Järjestöt kunnassa – matalan kynnyksen kohtaamispaikat",
        "report",
        2023,
        ["jarjestoyhteistyo"],
        ["ammattilaiset", "jarjestot"],
        ["fi"],
        False,
        "Seurakunnilla ja muilla järjestöillä on laajaa matalan kynnyksen toimintaa.",
    ),
    (
        "kohtaamispaikkojen-kartoitus",
        "laurea-ammattikorkeakoulu",
        "Kohtaamispaikkojen kartoitus kunnittain ja toiminnoittain",
        "report",
        2023,
        ["jarjestoyhteistyo", "kotoutuminen"],
        ["ammattilaiset"],
        ["fi"],
        False,
        "Kohtaamispaikkojen kartoittaminen kuntien ja toimintojen mukaan helpottaa asiakaspalvelua.",
    ),
    (
        "tietopaketti-kunnille",
        "suomen-punainen-risti",
        "Kotoutumista tukevan järjestötoiminnan tietopaketti kunnille",
        "guide",
        2024,
        ["jarjestoyhteistyo"],
        ["ammattilaiset"],
        ["fi", "sv"],
        False,
        "Kotoutumisen edistämisen vaikuttavuutta voidaan lisätä kumppanuuksien avulla.",
    ),
    (
        "kotoutumisen-sanasto",
        "suomen-punainen-risti",
        "Kotoutumisen sanasto",
        "guide",
        2024,
        ["kieli", "kotoutuminen"],
        ["maahanmuuttajat", "opettajat"],
        ["fi", "en", "ar", "uk"],
        False,
        "Tärkeimmät kotoutumiseen liittyvät sanat selitettyinä usealla kielellä.",
    ),
    (
        "jasenkysely-2024",
        "suomen-punainen-risti",
        "Verkoston jäsenkysely 2024 – tulokset",
        "report",
        2024,
        ["jarjestoyhteistyo"],
        ["jarjestot"],
        ["fi"],
        True,
        "Jäsenjärjestöjen näkemyksiä verkoston toiminnasta ja kehittämistarpeista.",
    ),
    (
        "video-kotoutumistarjotin",
        "suomen-punainen-risti",
        "Video: Mitä kotoutumistarjotin tarkoittaa? (tekstivastine)",
        "video",
        2025,
        ["jarjestoyhteistyo"],
        ["jarjestot", "ammattilaiset"],
        ["fi", "en"],
        False,
        "Lyhyt video kotoutumistarjottimesta; tiedostona videon tekstivastine.",
    ),
]


def _source_paragraphs():
    """The paragraphs and headings of the network's source texts, without quotes'
    sources and web addresses, to fill the pages of Finnish booklets."""
    paragraphs = []
    for path in sorted(TEXTS.glob("*.txt")):
        for chunk in path.read_text(encoding="utf-8").split("\n\n"):
            chunk = " ".join(chunk.split()).removeprefix("> ")
            if chunk and not chunk.startswith("-- ") and "http" not in chunk:
                paragraphs.append(chunk)
    return paragraphs


SOURCE_PARAGRAPHS = _source_paragraphs()


def _file_for(title, language_code, text, organisation, year, number):
    """A booklet PDF of 4 to 9 pages after its cover (Finnish ones continue with the
    network's texts, from a different place for each material), or a DOCX in other scripts."""
    if language_code in PDF_LANGUAGES:
        start = 7 * number % len(SOURCE_PARAGRAPHS)
        more = SOURCE_PARAGRAPHS[start:] + SOURCE_PARAGRAPHS[:start]
        paragraphs = [text] + (
            more if language_code == "fi" else BOOKLET_BODY.get(language_code, [])
        )
        pdf = make_booklet(title, paragraphs, organisation, year, pages=4 + number % 6)
        return f"{language_code}.pdf", pdf
    rtl = Language.objects.filter(code=language_code, is_rtl=True).exists()
    return f"{language_code}.docx", make_docx(
        title, [text, *BOOKLET_BODY.get(language_code, [])], rtl=rtl, language=language_code
    )


def _document(slug, title, language, text, collection, organisation, year, number):
    """The demo file for one language version, made once (same title means same file)."""
    Document = get_document_model()
    document_title = f"{title} ({language.finnish_name})"
    document = Document.objects.filter(title=document_title).first()
    if document is None:
        name, content = _file_for(title, language.code, text, organisation, year, number)
        document = Document(title=document_title, language=language, collection=collection)
        document.file.save(f"{slug}-{name}", ContentFile(content), save=False)
        document.save()
    return document


def _collection(organisation):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=organisation.title).first() or root


@demo_step(65)
def materials_bank(builder):
    home = builder.find("tarjotin")
    bank = builder.page(
        home,
        MaterialIndexPage,
        "materiaalipankki",
        title=BANK_TITLES["fi"],
        intro=BANK_INTRO,
        show_in_menus=True,
    )
    for code in ("sv", "en"):
        builder.translation(bank, code, title=BANK_TITLES[code], show_in_menus=True)
    organisations = {
        page.slug: page for page in builder.find("jarjestot").get_children().specific()
    }
    languages = {language.code: language for language in Language.objects.all()}
    topics = {term.slug: term for term in Topic.objects.filter(locale=home.locale)}
    audiences = {term.slug: term for term in Audience.objects.filter(locale=home.locale)}

    entries = list(MATERIALS) + [
        (
            f"vihko-{slug}",
            "vaestoliitto",
            title,
            "booklet",
            2019,
            ["vanhemmuus"],
            ["vanhemmat", "maahanmuuttajat"],
            codes,
            False,
            BOOKLET_TEXT["fi"],
        )
        for slug, title, codes in BOOKLETS
    ]
    for number, (
        slug,
        organisation_slug,
        title,
        kind,
        year,
        topic_slugs,
        audience_slugs,
        codes,
        members,
        summary,
    ) in enumerate(entries):
        organisation = organisations[organisation_slug]
        tags = [tag for word, tag in TAG_WORDS.items() if word in title] + (
            ["monikielinen"] if len(codes) > 2 else []
        )
        fields = dict(
            tags=tags,
            title=title,
            intro=summary,
            material_type=kind,
            year=year,
            members_only=members,
            licence="all-rights-reserved" if members else "cc-by-4.0",
            topics=[topics[t] for t in topic_slugs],
            audiences=[audiences[a] for a in audience_slugs],
            body=body_from_text(summary),
            image=illustration_for(slug, title, _collection(organisation)),
        )
        if not organisation.get_children().filter(slug=slug).exists():
            # files are part of the page's first revision, so the editor shows them
            collection = _collection(organisation)
            # in the order given: files without a sort order come back in any order on PostgreSQL
            fields["files"] = [
                MaterialFile(
                    sort_order=order,
                    document=_document(
                        slug,
                        title,
                        languages[code],
                        BOOKLET_TEXT[code] if kind == "booklet" or code != "fi" else summary,
                        collection,
                        organisation.title,
                        year,
                        number,
                    ),
                )
                for order, code in enumerate(codes)
            ]
        builder.page(organisation, MaterialPage, slug, **fields)


# The bank and one booklet in Arabic and Ukrainian; the booklet's files are the same
# in every language (each file keeps its own language).
LOCALIZED = {
    BANK_TITLES["fi"]: {"ar": "مكتبة المواد", "uk": "Банк матеріалів"},
    plain(BANK_INTRO): {
        "ar": "أدلة المنظمات الأعضاء في الشبكة ومواد التدريب والكتيبات ونماذج الأنشطة. صفِّ النتائج "
        "حسب الموضوع والفئة المستهدفة ولغة الملف.",
        "uk": "Посібники, навчальні матеріали, брошури та моделі діяльності організацій – членів "
        "мережі. Фільтруйте за темою, цільовою групою та мовою файлу.",
    },
    "Lastenkasvatusvihko: Tasa-arvo ja seksuaalioikeudet lähisuhteessa": {
        "ar": "كتيب تربية الأطفال: المساواة والحقوق الجنسية في العلاقات الحميمة",
        "uk": "Брошура про виховання дітей: рівність і сексуальні права у близьких стосунках",
    },
    BOOKLET_TEXT["fi"]: {"ar": BOOKLET_TEXT["ar"], "uk": BOOKLET_TEXT["uk"]},
}


@demo_step(96)
def booklet_in_arabic_and_ukrainian(builder):
    builder.localize_pages(["materiaalipankki", "vihko-tasa-arvo-lahisuhteessa"], LOCALIZED)
