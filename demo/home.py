"""Demo content of the ground floor: home pages, guides, footer and settings.

Texts are from the network's source material (the kotoutumistarjotin blog post,
the THL list of low-threshold activities, the blog's comment rules)."""

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from demo import translations as demo_translations
from demo.builder import configured, demo_step
from home.models import FooterText, HomePage, SiteSettings, StandardPage


def paragraphs(*texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


def heading(text, level="h2"):
    return [("heading", {"text": text, "level": level})]


def bullets(*items):
    return [("paragraph", RichText("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"))]


HOME = {
    "fi": {
        "title": "Tarjotin",
        "hero_title": "Kotoutumista tukevan järjestöverkoston materiaalit ja toiminta",
        "intro": "<p>Tarjotin kokoaa järjestöjen kotoutumista tukevat toimintamuodot, materiaalipankin "
        "ja verkoston blogin yhteen paikkaan. Ammattilainen löytää täältä materiaalit ja toiminnan, "
        "johon asiakkaan voi ohjata – kunnittain, kielittäin ja kotoutumisen vaiheen mukaan.</p>",
    },
    "sv": {
        "title": "Tarjotin",
        "hero_title": "Material och verksamhet från organisationsnätverket för integration",
        "intro": "<p>Tarjotin samlar organisationernas verksamhet till stöd för integration, en "
        "materialbank och nätverkets blogg på ett ställe. Yrkesverksamma hittar här material och "
        "verksamhet som de kan hänvisa sina klienter till – per kommun, språk och skede av "
        "integrationen.</p>",
    },
    "en": {
        "title": "Tarjotin",
        "hero_title": "Materials and activities of the integration support network",
        "intro": "<p>Tarjotin brings together the integration support activities of Finnish "
        "organisations, a shared materials bank and the network's blog. Professionals find "
        "materials and activities to refer their clients to – by municipality, language and stage "
        "of integration.</p>",
    },
}

TRAY_GUIDE = {
    "fi": {
        "title": "Mikä on kotoutumistarjotin?",
        "intro": "Kotoutumistarjotin tekee näkyväksi järjestöjen monipuolisen toiminnan kotoutumisen "
        "tukena: mitä on tarjolla, missä ja kenelle – ja mitä vielä puuttuu.",
        "body": heading("Yhteinen malli kaikille järjestöille")
        + paragraphs(
            "Huhtikuussa 2016 useat kotoutumisen parissa toimivat järjestöt sopivat "
            "”kotoutumistarjottimen” luomisesta. Tausta-ajatuksena on kotoutumiskaarimenetelmän "
            "käyttö ja toimintamuotojen asettaminen kotoutumisprosessin eri vaiheisiin.",
            "Kukin järjestö kuvaa omat kotoutumista tukevat toimintamuotonsa kotoutumistarjottimelle "
            "valtakunnallisesti, alueellisesti ja paikallisesti yhteisen mallin mukaan. "
            "Toimintamuodot kuvataan tiiviissä muodossa ja ne jaotellaan sen mukaan, sisältävätkö ne "
            "ensisijaisesti maahan muuttaneille suunnattua",
        )
        + bullets(
            "tukea (esim. kielikerhot, ystävätoiminta, äiti-lapsi-ryhmät, miesten kerhot)",
            "osallistumismahdollisuuksia (kansainväliset kerhot ja klubit, vertaistoiminta, yhdessä "
            "suunnitellut toimintamuodot) vai",
            "maahan muuttaneiden rekrytointia ja toimintaa järjestön perustoiminnassa (liikunta, käden "
            "taidot, aktiivinen vapaaehtoisuus, ryhmien vetäminen).",
        )
        + heading("Näkyväksi myös puutteet")
        + paragraphs(
            "Kotoutumistarjottimen pohjaa käytetään eri järjestöjen yhteistyön, koulutuksen ja "
            "vapaaehtoisten tuen hahmottamiseksi eri tasoilla. Sen avulla tehdään näkyväksi järjestöjen "
            "eri toimintamuodot sekä niiden yleisyys. Kotoutumistarjotin näyttää myös toiminnan haasteet "
            "ja puutteet.",
            "Paikallisen kotoutumistarjottimen avulla viranomaiset ja järjestöt voivat sopia "
            "yhteistyöstä ja eri toimijat ovat tietoisia toisistaan.",
        ),
    },
    "sv": {
        "title": "Vad är integrationsbrickan?",
        "intro": "Integrationsbrickan (kotoutumistarjotin) synliggör organisationernas mångsidiga "
        "verksamhet till stöd för integration: vad som finns, var och för vem – och vad som saknas.",
        "body": heading("En gemensam modell för alla organisationer")
        + paragraphs(
            "I april 2016 kom flera organisationer som arbetar med integration överens om att skapa "
            "en ”integrationsbricka”. Tanken bakom är integrationsbågen: verksamhetsformerna placeras "
            "i integrationsprocessens olika skeden.",
            "Varje organisation beskriver sina verksamhetsformer nationellt, regionalt och lokalt "
            "enligt en gemensam modell. Verksamheten delas in i",
        )
        + bullets(
            "stöd (t.ex. språkklubbar, vänverksamhet, mamma-barn-grupper, mansklubbar)",
            "möjligheter att delta (internationella klubbar, kamratverksamhet, verksamhet som "
            "planeras tillsammans) och",
            "rekrytering av invandrare till organisationens egen verksamhet (motion, hantverk, aktivt "
            "frivilligarbete, att leda grupper).",
        )
        + heading("Även bristerna blir synliga")
        + paragraphs(
            "Brickan visar hur vanliga olika verksamhetsformer är och var det saknas verksamhet. "
            "Med en lokal integrationsbricka kan myndigheter och organisationer komma överens om "
            "samarbete och känna till varandra.",
        ),
    },
    "en": {
        "title": "What is the integration tray?",
        "intro": "The integration tray (kotoutumistarjotin) makes the many integration support "
        "activities of organisations visible: what exists, where and for whom – and what is missing.",
        "body": heading("One shared model for every organisation")
        + paragraphs(
            "In April 2016 several organisations working on integration agreed to create an "
            "“integration tray”. The idea builds on the integration path method: activities are "
            "placed on the stages of the integration process.",
            "Each organisation describes its activities nationally, regionally and locally using a "
            "shared model. Activities are classified as",
        )
        + bullets(
            "support (language clubs, befriending, mother-and-child groups, men's clubs)",
            "opportunities to participate (international clubs, peer activities, activities planned "
            "together), or",
            "recruitment of immigrants into the organisation's own activities (sports, crafts, active "
            "volunteering, leading groups).",
        )
        + heading("Gaps become visible too")
        + paragraphs(
            "The tray shows how common each form of activity is and where activities are missing. "
            "A local tray helps authorities and organisations agree on cooperation and know of each "
            "other.",
        ),
    },
}

ACCESSIBILITY = {
    "fi": {
        "title": "Saavutettavuusseloste",
        "intro": "Tarjotin pyrkii täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset.",
        "body": paragraphs(
            "Tämä saavutettavuusseloste koskee Tarjotin-palvelua. Palvelu on suunniteltu "
            "käytettäväksi näppäimistöllä ja ruudunlukijalla, ja sen sisältö on saatavilla suomeksi, "
            "ruotsiksi ja englanniksi sekä osin asiakkaiden omilla kielillä.",
            "Kaikki verkoston jäsenten julkaisemat tiedostot eivät välttämättä ole saavutettavia. "
            "Jos et pysty käyttämään jotakin sisältöä, ota yhteyttä verkoston koordinaattoriin, niin "
            "toimitamme sen sinulle saavutettavassa muodossa.",
            "Jos huomaat sivustolla saavutettavuuspuutteita, kerro niistä meille. Jos et ole "
            "tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen valvontaviranomaiselle "
            "(Etelä-Suomen aluehallintovirasto, saavutettavuusvaatimukset.fi).",
        ),
    },
    "sv": {
        "title": "Tillgänglighetsutlåtande",
        "intro": "Tarjotin strävar efter att uppfylla kraven på nivå AA i WCAG 2.1.",
        "body": paragraphs(
            "Detta tillgänglighetsutlåtande gäller tjänsten Tarjotin. Tjänsten kan användas med "
            "tangentbord och skärmläsare och innehållet finns på finska, svenska och engelska.",
            "Om du upptäcker brister i tillgängligheten, kontakta oss. Om du inte är nöjd med svaret "
            "kan du anmäla saken till tillsynsmyndigheten (Regionförvaltningsverket i Södra Finland).",
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "intro": "Tarjotin aims to meet the level AA requirements of WCAG 2.1.",
        "body": paragraphs(
            "This accessibility statement applies to the Tarjotin service. The service works with a "
            "keyboard and a screen reader, and its content is available in Finnish, Swedish and "
            "English, and partly in clients' own languages.",
            "If you find accessibility problems, please tell us. If you are not satisfied with our "
            "answer, you can notify the supervisory authority (Regional State Administrative Agency "
            "for Southern Finland).",
        ),
    },
}

GUIDES = [
    {
        "slug": "matalan-kynnyksen-toiminta",
        "title": "Järjestöjen matalan kynnyksen toiminta",
        "intro": "Seurakunnilla ja muilla järjestöillä on laajaa matalan kynnyksen toimintaa, joka "
        "täydentää julkisia palveluja.",
        "body": paragraphs(
            "Järjestöillä on keskeinen merkitys kotoutumisessa ihmisten arkisten kohtaamisten "
            "mahdollistajina sekä julkisten palvelujen täydentäjänä. Ne pystyvät tarjoamaan matalan "
            "kynnyksen toimintaa ja palveluja joustavasti.",
        )
        + heading("Esimerkkejä toiminnasta")
        + bullets(
            "yksinäisyyden torjunta ja ystävätoiminta",
            "lastenhoitoapu, kerhot ja ryhmätoiminta",
            "tapahtumat, virkistystilaisuudet, tuetut lomat ja leirit, retket",
            "ulkoilu ja liikuntaryhmät",
            "tiedon tuottaminen ja jakaminen, oppaat",
            "vaikuttamistyö ja edunvalvonta",
            "koulutukset, kurssit ja vertaistuki",
            "kriisiapu, ohjaus ja neuvonta",
        )
        + [
            (
                "quote",
                {
                    "text": "Järjestöjen keskinäinen sekä kuntien ja järjestöjen välinen yhteistyö "
                    "ovat keskeisessä roolissa väestön osallisuuden, hyvinvoinnin ja terveyden "
                    "edistämisessä.",
                    "attribution": "THL, 2023",
                },
            )
        ],
    },
    {
        "slug": "blogin-kommentointi",
        "title": "Blogin kommentointi ja oikeudet",
        "intro": "Verkoston blogiin kirjoittavat jäsenjärjestöt ja yhteistyökumppanit. Kommentit "
        "julkaistaan vasta moderoinnin jälkeen.",
        "body": paragraphs(
            "Blogeja voi kommentoida, ja kommentoija vastaa siitä, että hänen tekstinsä on lakien ja "
            "hyvien tapojen mukaista. Blogin ylläpitäjät päättävät, mitkä viestit julkaistaan.",
            "Blogikirjoittajat eivät ota kantaa yksittäisten henkilöiden tilanteisiin liittyviin "
            "kysymyksiin. Kirjoitukset ja kommentit edustavat kirjoittajiensa näkemyksiä.",
            "Otamme vastaan blogikirjoituksia koko ajan. Jos olet kiinnostunut kirjoittamaan blogiin, "
            "ota yhteyttä verkoston koordinaattoriin.",
        ),
    },
]

FOOTER = {
    "fi": {
        "organisation_name": "Kotoutumistarjotin-verkosto",
        "body": "<p>Tarjotin on kotoutumista tukevien järjestöjen yhteinen palvelu. Verkosto on avoin, "
        "ja toivotamme uudet toimijat mukaan yhteistyöhön.</p>",
    },
    "sv": {
        "organisation_name": "Nätverket Integrationsbrickan",
        "body": "<p>Tarjotin är en gemensam tjänst för organisationer som stöder integration. Nätverket "
        "är öppet och nya aktörer är välkomna.</p>",
    },
    "en": {
        "organisation_name": "The Integration Tray Network",
        "body": "<p>Tarjotin is a shared service of organisations that support integration. The network "
        "is open, and new members are welcome.</p>",
    },
    "ar": {
        "organisation_name": "شبكة دليل أنشطة الاندماج",
        "body": "<p>Tarjotin خدمة مشتركة للمنظمات الداعمة للاندماج. الشبكة مفتوحة، ونرحّب "
        "بانضمام جهات جديدة إلى التعاون.</p>",
    },
    "fa": {
        "organisation_name": "شبکه Tarjotin برای ادغام",
        "body": "<p>Tarjotin خدمتی مشترک از سازمان‌هایی است که از ادغام حمایت می‌کنند. این شبکه "
        "باز است و از همکاری فعالان تازه استقبال می‌کنیم.</p>",
    },
    "so": {
        "organisation_name": "Shabakadda Tarjotin ee is-dhexgalka",
        "body": "<p>Tarjotin waa adeeg ay wadaagaan ururada taageera is-dhexgalka. Shabakaddu waa u "
        "furan tahay qof walba, waxaana soo dhaweynaynaa xubno cusub.</p>",
    },
    "uk": {
        "organisation_name": "Мережа «Таця інтеграції»",
        "body": "<p>Tarjotin — спільний сервіс організацій, що підтримують інтеграцію. Мережа "
        "відкрита, і ми запрошуємо нових учасників до співпраці.</p>",
    },
    "ru": {
        "organisation_name": "Сеть Tarjotin в поддержку интеграции",
        "body": "<p>Tarjotin — общий сервис организаций, поддерживающих интеграцию. Сеть открыта, "
        "и мы приглашаем новых участников к сотрудничеству.</p>",
    },
}


def ensure_site_root():
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.filter(depth=2, locale__language_code="fi").first()
    if home is None:
        home = HomePage(title=HOME["fi"]["title"], slug="tarjotin")
        root.add_child(instance=home)
        home.save_revision().publish()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Tarjotin"
    site.save()
    if old_root and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()
    return home


@demo_step(10)
def home_and_guides(builder):
    home = builder.update(ensure_site_root(), **HOME["fi"])
    for code in ("sv", "en"):
        builder.translation(home, code, **HOME[code])
    # Not in the menu, which has the tray itself: the home page's call to action links the guide.
    tray = builder.page(
        home, StandardPage, "kotoutumistarjotin", show_in_menus=False, **TRAY_GUIDE["fi"]
    )
    for code in ("sv", "en"):
        builder.translation(tray, code, show_in_menus=False, **TRAY_GUIDE[code])
    for guide in GUIDES:
        builder.page(
            home, StandardPage, guide["slug"], **{k: v for k, v in guide.items() if k != "slug"}
        )
    statement = builder.page(home, StandardPage, "saavutettavuusseloste", **ACCESSIBILITY["fi"])
    for code in ("sv", "en"):
        builder.translation(statement, code, **ACCESSIBILITY[code])

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    wanted = {
        "contact_email": "verkosto@tarjotin.fi",
        "accessibility_page_id": statement.pk,
    }
    if any(getattr(settings, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(settings, name, value)
        settings.save()
    source_footer = None
    for code in configured(FOOTER):
        texts = FOOTER[code]
        locale = Locale.objects.get(language_code=code)
        footer = FooterText.objects.filter(locale=locale).first()
        if footer is None:
            footer = (
                source_footer.copy_for_translation(locale)
                if source_footer
                else FooterText(locale=locale)
            )
        if any(getattr(footer, name) != value for name, value in texts.items()):
            for name, value in texts.items():
                setattr(footer, name, value)
            footer.save()
        source_footer = source_footer or footer


#: The listings in the order of the home page's ways in and of the menu.
LISTING_ORDER = ["materiaalipankki", "toiminta", "tapahtumat", "blogi"]


@demo_step(89)
def listing_order(builder):
    """The apps build their listings one after another (the blog with the organisations,
    first); the home page leads to them in the page tree's order, so put them in the order
    a visitor looks for them: the bank, the tray, the events, then the blog."""
    sources = [builder.find(slug) for slug in LISTING_ORDER]
    keys = [page.translation_key for page in sources if page is not None]
    for home in HomePage.objects.filter(depth=2):
        children = list(home.get_children().filter(translation_key__in=keys))
        children.sort(key=lambda page: keys.index(page.translation_key))
        if [page.pk for page in children] == list(
            home.get_children().filter(translation_key__in=keys).values_list("pk", flat=True)
        ):
            continue
        for page in children:
            page.move(home, pos="last-child")


@demo_step(90)
def home_page_sections(builder):
    """Once the other apps have built their pages, point the home pages at them."""
    blog = builder.find("blogi")
    tray = builder.find("kotoutumistarjotin")
    for home in HomePage.objects.filter(depth=2).select_related("locale"):
        if blog is None or tray is None or home.locale.language_code not in SECTION_TEXTS:
            continue
        local_blog = blog.get_translation_or_none(home.locale) or blog
        local_tray = tray.get_translation_or_none(home.locale) or tray
        texts = SECTION_TEXTS[home.locale.language_code]
        body = [
            ("latest", {"title": texts["latest"], "index_page": local_blog, "count": 3}),
            (
                "call_to_action",
                {
                    "title": local_tray.title,
                    "text": local_tray.intro,
                    "page": local_tray,
                    "url": "",
                    "button_text": texts["cta"],
                },
            ),
        ]
        builder.update(home, body=body)


SECTION_TEXTS = {
    "fi": {"latest": "Uusimmat blogikirjoitukset", "cta": "Lue lisää"},
    "sv": {"latest": "Senaste blogginlägg", "cta": "Läs mer"},
    "en": {"latest": "Latest blog posts", "cta": "Read more"},
}


@demo_step(94)
def pages_translated_with_wagtail_localize(builder):
    """The home page in Arabic and Ukrainian (Swedish and English exist already), and a
    guide in Swedish, English, Arabic and Ukrainian, translated segment by segment the way
    translators work."""
    builder.localize_pages(["tarjotin"], demo_translations.by_source(demo_translations.HOME))
    builder.localize_pages(
        ["matalan-kynnyksen-toiminta"], demo_translations.by_source(demo_translations.GUIDE)
    )
