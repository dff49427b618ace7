"""Demo content of the network: member organisations and the network blog.

The organisations are those named in the network's source texts; the blog
posts carry the source texts themselves (``demo/network/texts``)."""

import datetime
from pathlib import Path

from demo.builder import body_from_text, demo_step
from demo.home import paragraphs
from demo.illustrations import illustration_for
from demo.network.logos import logo_for
from network.models import (
    BlogIndexPage,
    BlogPage,
    OrganisationIndexPage,
    OrganisationLevel,
    OrganisationPage,
    Region,
)
from network.onboarding import provide_access

TEXTS = Path(__file__).resolve().parent / "texts"
NATIONAL, REGIONAL, LOCAL = (
    OrganisationLevel.NATIONAL,
    OrganisationLevel.REGIONAL,
    OrganisationLevel.LOCAL,
)

# slug, name, short name, level, regions, summary, website
ORGANISATIONS = [
    (
        "suomen-punainen-risti",
        "Suomen Punainen Risti",
        "SPR",
        NATIONAL,
        [],
        "Punainen Risti käynnisti järjestöjen verkostoyhteistyön turvapaikanhakijoiden vastaanoton ja "
        "kotoutujien kotoutumisen tueksi ja koordinoi kotoutumistarjotin-verkostoa.",
        "https://www.punainenristi.fi",
    ),
    (
        "vaestoliitto",
        "Väestöliitto",
        "",
        NATIONAL,
        [],
        "Vuonna 1941 perustettu Väestöliitto on sosiaali- ja terveysalalla toimiva asiantuntijajärjestö, "
        "joka edistää väestön hyvinvointia. Toiminta painottuu nuorten ja perheiden hyvinvoinnin "
        "lisäämiseen, suomalaisen yhteiskunnan monikulttuurisuuden vahvistamiseen sekä "
        "seksuaaliterveyden edistämiseen.",
        "https://www.vaestoliitto.fi",
    ),
    (
        "toivola-luotola-setlementti",
        "Toivola-Luotola Setlementti ry",
        "",
        REGIONAL,
        ["Lappi"],
        "Setlementti hallinnoi Meri-Lapin äitien järjestölähtöinen kotoutuminen -hanketta ja ylläpitää "
        "Kohtaamispaikka Mikseriä.",
        "",
    ),
    (
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Oulun kaupungin maahanmuuttajapalvelut",
        "",
        LOCAL,
        ["Pohjois-Pohjanmaa"],
        "Oulun kaupungin maahanmuuttajapalvelut tarjoavat pakolaistaustaisille perheille Perhe "
        "Yhtenäiseksi -työskentelyä ja perheen kotoutumissuunnitelman.",
        "https://www.ouka.fi",
    ),
    (
        "laurea-ammattikorkeakoulu",
        "Laurea-ammattikorkeakoulu",
        "Laurea",
        REGIONAL,
        ["Uusimaa"],
        "Laurean opiskelijat kirjoittavat Showcase-blogiin muun muassa järjestöjen roolista "
        "maahanmuuttajien tukemisessa.",
        "https://www.laurea.fi",
    ),
    ("suomen-partiolaiset", "Suomen Partiolaiset", "", NATIONAL, [], "", ""),
    ("suomen-pakolaisapu", "Suomen Pakolaisapu", "", NATIONAL, [], "", ""),
    ("valo-ry", "Valo-Valmennusyhdistys ry", "VALO", NATIONAL, [], "", ""),
    ("setlementtiliitto", "Setlementtiliitto / Viittakivi", "", NATIONAL, [], "", ""),
    ("pelastakaa-lapset", "Pelastakaa Lapset", "", NATIONAL, [], "", ""),
    ("marttaliitto", "Marttaliitto", "", NATIONAL, [], "", ""),
    (
        "mannerheimin-lastensuojeluliitto",
        "Mannerheimin Lastensuojeluliitto",
        "MLL",
        NATIONAL,
        [],
        "",
        "",
    ),
    ("suomen-mielenterveysseura", "Suomen Mielenterveysseura", "", NATIONAL, [], "", ""),
    ("ensi-ja-turvakotien-liitto", "Ensi- ja turvakotien liitto", "", NATIONAL, [], "", ""),
    ("kuurojen-liitto", "Kuurojen Liitto", "", NATIONAL, [], "", ""),
    ("lastensuojelun-keskusliitto", "Lastensuojelun Keskusliitto", "", NATIONAL, [], "", ""),
    (
        "suomen-pelastusalan-keskusjarjesto",
        "Suomen Pelastusalan Keskusjärjestö",
        "SPEK",
        NATIONAL,
        [],
        "",
        "",
    ),
]

NETWORK_MEMBER_SUMMARY = "{name} on mukana järjestöjen kotoutumista tukevassa verkostossa."

# Descriptions from the network's source texts (about Väestöliitto, Laurea's Showcase blog, Oulu,
# the network and its members, the Meri-Lappi project); a member the texts only name gets the
# network's own description of what its members do.
DESCRIPTIONS = {
    "suomen-punainen-risti": [
        "Suomen Punainen Risti käynnisti vuonna 2016 järjestöjen verkostoyhteistyön "
        "turvapaikanhakijoiden vastaanoton ja kotoutujien kotoutumisen tueksi.",
        "SPR:n alueellinen työntekijäverkosto kutsuu koolle alueelliset ja paikalliset "
        "tapaamiset, joissa järjestöt ja viranomaiset kokoavat paikallisen kotoutumistarjottimen.",
    ],
    "vaestoliitto": [
        "Väestöliiton maahanmuuttajatyöhön kuuluu vertaisryhmätoiminnan lisäksi erilaisia "
        "tilaisuuksia, oppaita, asiakastyötä sekä puhelinneuvontaa.",
        "Vuonna 2003 aloitettu toiminta on valtakunnallista ja perustuu tutkimustietoon, "
        "käytännön kokemukseen sekä eri kulttuuritaustoista tulevien asiantuntijoiden "
        "ammattitaitoon.",
    ],
    "toivola-luotola-setlementti": [
        "Kohtaamispaikka Mikserin tiloissa käynnistyi vuonna 2018 maahanmuuttajaäitien ja koko "
        "perheen kotoutumista edistävä kolmivuotinen hanke.",
        "Sen tarkoituksena on rakentaa ja ottaa käyttöön alueellisia järjestölähtöisiä toiminta- "
        "ja yhteistyömalleja Kemissä, Keminmaalla, Simossa, Tervolassa ja Torniossa.",
    ],
    "oulun-kaupunki-maahanmuuttajapalvelut": [
        "Oulun kaupungin maahanmuuttajapalvelut tarjosivat kaikille pakolaistaustaisille "
        "asiakasperheille Perhe Yhtenäiseksi -työskentelyä, ja jokaiselle perheelle tehdään "
        "perheen kotoutumissuunnitelma.",
        "Turvallinen Oulu -hanke koulutti 20 perheiden kanssa työskentelevää menetelmän käyttöön.",
    ],
    "laurea-ammattikorkeakoulu": [
        "Suurin osa Laurean Showcase-blogin kirjoituksista on tehty osana opintojaksoja.",
        "Laurea tarjoaa tutkintoon johtavan koulutuksen lisäksi täydennys- ja "
        "erikoistumiskoulutuksia sekä avoimen AMK:n opintojaksoja.",
    ],
}
MEMBER_DESCRIPTION = [
    "Verkoston järjestöt kuvaavat kotoutumista tukevat toimintamuotonsa kotoutumistarjottimelle "
    "valtakunnallisesti, alueellisesti ja paikallisesti yhteisen mallin mukaan.",
    "Valtakunnalliset järjestöt kokoavat omat tarjottimensa ja ohjeistavat alue- ja "
    "paikallistason toimijoitaan tekemään omansa.",
]
# Contact details for the demo (addresses on an invented street, .example addresses).
TOWNS = {
    "toivola-luotola-setlementti": "94100 Kemi",
    "oulun-kaupunki-maahanmuuttajapalvelut": "90100 Oulu",
    "laurea-ammattikorkeakoulu": "01300 Vantaa",
}


def contact_details(number, slug):
    return {
        "address": f"Esimerkkikatu {number + 1}, {TOWNS.get(slug, '00100 Helsinki')}",
        "contact_phone": f"+358 40 000 {number + 1:04d}",
        "contact_email": f"kotoutuminen@{slug}.example",
    }


# slug, organisation slug, title, author, date, intro, tags
POSTS = [
    (
        "herkkuja-kotoutumistarjottimelle",
        "suomen-punainen-risti",
        "Herkkuja kotoutumistarjottimelle",
        "Johanna Matikainen",
        datetime.date(2016, 6, 15),
        "Punainen Risti käynnisti järjestöjen verkostoyhteistyön turvapaikanhakijoiden vastaanoton ja "
        "kotoutujien kotoutumisen tueksi. Tervetuloa mukaan!",
        ["kotoutumistarjotin", "verkosto", "järjestöyhteistyö"],
    ),
    (
        "pakolaisperheille-varhainen-tuki",
        "oulun-kaupunki-maahanmuuttajapalvelut",
        "Pakolaisperheille tarjottava varhainen tuki kannattaa",
        "Iida-Maria Bimberg",
        datetime.date(2022, 6, 10),
        "Oulussa kaikille pakolaistaustaisille perheille tarjottiin Perhe Yhtenäiseksi -työskentelyä. "
        "Lastensuojeluasiakkuuksien määrä putosi noin 50 % ja perhetyön tarve 75 %.",
        ["perhetyö", "pakolaisperheet", "Perhe Yhtenäiseksi"],
    ),
    (
        "jarjestot-ja-niiden-rooli",
        "laurea-ammattikorkeakoulu",
        "Järjestöt ja niiden rooli maahanmuuttajien tukemisessa",
        "Laurea Showcase",
        datetime.date(2023, 2, 4),
        "Kotouttamistehtävä kuuluu valtiolle ja kunnille, mutta järjestöt täydentävät julkisia "
        "palveluja matalan kynnyksen toiminnalla.",
        ["järjestöt", "matalan kynnyksen toiminta"],
    ),
    (
        "osaksi-suomalaista-yhteiskuntaa",
        "vaestoliitto",
        "Osaksi suomalaista yhteiskuntaa",
        "Väestöliitto",
        datetime.date(2021, 3, 1),
        "Väestöliiton Womento-työuramentorointi on parantanut erityisesti maahanmuuttajanaisten "
        "työelämäosallisuutta ja -taitoja.",
        ["vanhemmuus", "Womento", "vertaistuki"],
    ),
    (
        "meri-lapin-aitien-kotoutuminen",
        "toivola-luotola-setlementti",
        "Meri-Lapin äitien järjestölähtöinen kotoutuminen",
        "Toivola-Luotola Setlementti ry",
        datetime.date(2018, 1, 15),
        "Kohtaamispaikka Mikserissä alkoi kolmivuotinen hanke maahanmuuttajaäitien ja koko perheen "
        "kotoutumisen tueksi Meri-Lapin kunnissa.",
        ["äidit", "Meri-Lappi", "ryhmätoiminta"],
    ),
]

INDEX_TITLES = {
    "jarjestot": {"fi": "Verkoston jäsenet", "sv": "Nätverkets medlemmar", "en": "Network members"},
    "blogi": {"fi": "Blogi", "sv": "Blogg", "en": "Blog"},
}


@demo_step(50)
def organisations_and_blog(builder):
    home = builder.find("tarjotin")
    regions = {region.name: region for region in Region.objects.all()}
    index = builder.page(
        home,
        OrganisationIndexPage,
        "jarjestot",
        title=INDEX_TITLES["jarjestot"]["fi"],
        show_in_menus=True,
        intro="<p>Kotoutumista tukevat järjestöt, jotka kuvaavat toimintansa yhteisen mallin mukaan.</p>",
    )
    organisations, collections = {}, {}
    for number, row in enumerate(ORGANISATIONS):
        slug, name, short_name, level, region_names, summary, website = row
        organisations[slug] = organisation = builder.page(
            index,
            OrganisationPage,
            slug,
            title=name,
            short_name=short_name,
            level=level,
            regions=[regions[region] for region in region_names],
            intro=summary or NETWORK_MEMBER_SUMMARY.format(name=name),
            description=paragraphs(*DESCRIPTIONS.get(slug, MEMBER_DESCRIPTION)),
            website=website,
            **contact_details(number, slug),
        )
        collections[slug] = collection = provide_access(organisation).collection
        builder.update(organisation, logo=logo_for(number, name, short_name, collection))
    blog = builder.page(
        home,
        BlogIndexPage,
        "blogi",
        title=INDEX_TITLES["blogi"]["fi"],
        show_in_menus=True,
        intro="<p>Verkoston jäsenten ja yhteistyökumppanien kirjoituksia kotoutumisesta.</p>",
    )
    for slug, organisation, title, author, date, intro, tags in POSTS:
        builder.page(
            organisations[organisation],
            BlogPage,
            slug,
            title=title,
            author_name=author,
            date=date,
            intro=intro,
            tags=tags,
            image=illustration_for(slug, title, collections[organisation]),
            body=body_from_text((TEXTS / f"{slug}.txt").read_text(encoding="utf-8")),
        )
    for page, titles in ((index, INDEX_TITLES["jarjestot"]), (blog, INDEX_TITLES["blogi"])):
        for code in ("sv", "en"):
            builder.translation(page, code, title=titles[code], show_in_menus=True)


def unchanged(organisation):
    """The organisation's name, address and phone number: the same in every language (names
    stay as they are registered)."""
    number, row = next(
        (number, row) for number, row in enumerate(ORGANISATIONS) if row[0] == organisation
    )
    details = contact_details(number, organisation)
    return [row[1], details["address"], details["contact_phone"]]


# The member list and one member in Arabic and Ukrainian, the ancestors of a booklet
# translated into those languages (materials' demo).
LOCALIZED = {
    "Verkoston jäsenet": {"ar": "أعضاء الشبكة", "uk": "Члени мережі"},
    "Kotoutumista tukevat järjestöt, jotka kuvaavat toimintansa yhteisen mallin mukaan.": {
        "ar": "منظمات داعمة للاندماج تصف أنشطتها وفق نموذج مشترك.",
        "uk": "Організації, що підтримують інтеграцію та описують свою діяльність за спільною моделлю.",
    },
    **{text: {"ar": text, "uk": text} for text in unchanged("vaestoliitto")},
    DESCRIPTIONS["vaestoliitto"][0]: {
        "ar": "يشمل عمل Väestöliitto مع المهاجرين، إلى جانب مجموعات الأقران، فعاليات وأدلة "
        "وخدمات للعملاء واستشارات هاتفية.",
        "uk": "Робота Väestöliitto з іммігрантами, крім груп рівної підтримки, охоплює заходи, "
        "посібники, роботу з клієнтами та консультації телефоном.",
    },
    DESCRIPTIONS["vaestoliitto"][1]: {
        "ar": "بدأ هذا العمل عام 2003 وهو على المستوى الوطني، ويقوم على البحث العلمي والخبرة "
        "العملية ومهارة خبراء من خلفيات ثقافية مختلفة.",
        "uk": "Ця діяльність, розпочата 2003 року, є загальнонаціональною і спирається на "
        "дослідження, практичний досвід та фаховість експертів різного культурного походження.",
    },
    next(row[5] for row in ORGANISATIONS if row[0] == "vaestoliitto"): {
        "ar": "Väestöliitto منظمة خبيرة في المجالين الاجتماعي والصحي تأسست عام 1941، وتعمل على تعزيز "
        "رفاه السكان. وتركز أنشطتها على رفاه الشباب والأسر، وتعزيز التعددية الثقافية في المجتمع "
        "الفنلندي، ودعم الصحة الجنسية.",
        "uk": "Väestöliitto – заснована 1941 року експертна організація в соціальній сфері та галузі "
        "охорони здоров'я, яка сприяє добробуту населення. Її діяльність зосереджена на добробуті "
        "молоді та сімей, зміцненні багатокультурності фінського суспільства та сприянні "
        "сексуальному здоров'ю.",
    },
}


# The settlement in Arabic, the parent of its mothers' groups translated into Arabic
# (activities' demo).
SETTLEMENT = "toivola-luotola-setlementti"
SETTLEMENT_IN_ARABIC = {
    **{text: {"ar": text} for text in unchanged(SETTLEMENT)},
    next(row[5] for row in ORGANISATIONS if row[0] == SETTLEMENT): {
        "ar": "تدير الجمعية مشروع «اندماج أمهات لابلاند الساحلية بمبادرة من المنظمات» وتشرف على "
        "ملتقى Mikseri."
    },
    DESCRIPTIONS[SETTLEMENT][0]: {
        "ar": "انطلق عام 2018 في مقر ملتقى Mikseri مشروع مدته ثلاث سنوات يدعم اندماج الأمهات "
        "المهاجرات والأسرة بأكملها."
    },
    DESCRIPTIONS[SETTLEMENT][1]: {
        "ar": "ويهدف المشروع إلى بناء نماذج إقليمية للأنشطة والتعاون تقودها المنظمات، وتطبيقها في "
        "كيمي وكيمينما وسيمو وتيرفولا وتورنيو."
    },
}


@demo_step(95)
def members_in_arabic_and_ukrainian(builder):
    builder.localize_pages(["jarjestot", "vaestoliitto"], LOCALIZED)
    builder.localize_pages([SETTLEMENT], SETTLEMENT_IN_ARABIC)
