"""Translations of the demo's home page and one guide, made through wagtail-localize.

Each row is one text segment: Finnish (the source), then Swedish, English, Arabic and
Ukrainian. The guide on blog comments (``blogin-kommentointi``) is deliberately left
untranslated, to show the "not available in your language" path.
"""

LANGUAGES = ["sv", "en", "ar", "uk"]

HOME = [
    ("Tarjotin", "Tarjotin", "Tarjotin", "Tarjotin", "Tarjotin"),
    (
        "Kotoutumista tukevan järjestöverkoston materiaalit ja toiminta",
        "Material och verksamhet från organisationsnätverket för integration",
        "Materials and activities of the integration support network",
        "مواد وأنشطة شبكة المنظمات الداعمة للاندماج",
        "Матеріали та діяльність мережі організацій, що підтримують інтеграцію",
    ),
    (
        "Tarjotin kokoaa järjestöjen kotoutumista tukevat toimintamuodot, materiaalipankin ja "
        "verkoston blogin yhteen paikkaan. Ammattilainen löytää täältä materiaalit ja toiminnan, "
        "johon asiakkaan voi ohjata – kunnittain, kielittäin ja kotoutumisen vaiheen mukaan.",
        "Tarjotin samlar organisationernas verksamhet till stöd för integration, en materialbank "
        "och nätverkets blogg på ett ställe. Yrkesverksamma hittar här material och verksamhet som "
        "de kan hänvisa sina klienter till – per kommun, språk och skede av integrationen.",
        "Tarjotin brings together the integration support activities of Finnish organisations, a "
        "shared materials bank and the network's blog. Professionals find materials and activities "
        "to refer their clients to – by municipality, language and stage of integration.",
        "يجمع Tarjotin في مكان واحد أنشطة المنظمات الداعمة للاندماج ومكتبة المواد ومدونة الشبكة. "
        "يجد المختصون هنا المواد والأنشطة التي يمكنهم توجيه عملائهم إليها، حسب البلدية واللغة "
        "ومرحلة الاندماج.",
        "Tarjotin збирає в одному місці діяльність організацій на підтримку інтеграції, банк "
        "матеріалів і блог мережі. Фахівці знайдуть тут матеріали та заходи, до яких можна "
        "скерувати клієнтів, – за муніципалітетом, мовою та етапом інтеграції.",
    ),
    (
        "Uusimmat blogikirjoitukset",
        "Senaste blogginlägg",
        "Latest blog posts",
        "أحدث التدوينات",
        "Нові дописи в блозі",
    ),
    (
        "Mikä on kotoutumistarjotin?",
        "Vad är integrationsbrickan?",
        "What is the integration tray?",
        "ما هو دليل أنشطة الاندماج؟",
        "Що таке «таця інтеграції»?",
    ),
    (
        "Kotoutumistarjotin tekee näkyväksi järjestöjen monipuolisen toiminnan kotoutumisen tukena: "
        "mitä on tarjolla, missä ja kenelle – ja mitä vielä puuttuu.",
        "Integrationsbrickan synliggör organisationernas mångsidiga verksamhet till stöd för "
        "integration: vad som erbjuds, var och för vem – och vad som fortfarande saknas.",
        "The integration tray makes the varied work of organisations supporting integration visible: "
        "what is on offer, where and for whom – and what is still missing.",
        "يُظهر دليل أنشطة الاندماج تنوع أنشطة المنظمات في دعم الاندماج: ما المتاح، وأين، ولمن، وما الذي "
        "لا يزال ناقصًا.",
        "«Таця інтеграції» показує різноманітну діяльність організацій на підтримку інтеграції: що "
        "пропонується, де і для кого – і чого ще бракує.",
    ),
    ("Lue lisää", "Läs mer", "Read more", "اقرأ المزيد", "Докладніше"),
]

GUIDE = [
    (
        "Järjestöjen matalan kynnyksen toiminta",
        "Organisationernas lågtröskelverksamhet",
        "Low-threshold activities of organisations",
        "الأنشطة منخفضة العتبة التي تقدمها المنظمات",
        "Доступна діяльність організацій",
    ),
    (
        "Seurakunnilla ja muilla järjestöillä on laajaa matalan kynnyksen toimintaa, joka täydentää "
        "julkisia palveluja.",
        "Församlingar och andra organisationer har en omfattande lågtröskelverksamhet som "
        "kompletterar den offentliga servicen.",
        "Parishes and other organisations run a wide range of low-threshold activities that "
        "complement public services.",
        "تقدم الأبرشيات والمنظمات الأخرى طيفًا واسعًا من الأنشطة منخفضة العتبة التي تُكمّل الخدمات العامة.",
        "Парафії та інші організації проводять широку доступну діяльність, яка доповнює публічні послуги.",
    ),
    (
        "Järjestöillä on keskeinen merkitys kotoutumisessa ihmisten arkisten kohtaamisten "
        "mahdollistajina sekä julkisten palvelujen täydentäjänä. Ne pystyvät tarjoamaan matalan "
        "kynnyksen toimintaa ja palveluja joustavasti.",
        "Organisationerna har en central roll i integrationen: de gör vardagliga möten mellan "
        "människor möjliga och kompletterar den offentliga servicen. De kan erbjuda lågtröskelverksamhet "
        "och tjänster flexibelt.",
        "Organisations play a central role in integration by making everyday encounters between people "
        "possible and by complementing public services. They can offer low-threshold activities and "
        "services flexibly.",
        "تؤدي المنظمات دورًا محوريًا في الاندماج، إذ تتيح اللقاءات اليومية بين الناس وتُكمّل الخدمات "
        "العامة. وتستطيع تقديم أنشطة وخدمات منخفضة العتبة بمرونة.",
        "Організації відіграють ключову роль в інтеграції: вони уможливлюють щоденні зустрічі людей і "
        "доповнюють публічні послуги. Вони можуть гнучко пропонувати доступну діяльність і послуги.",
    ),
    (
        "Esimerkkejä toiminnasta",
        "Exempel på verksamhet",
        "Examples of activities",
        "أمثلة على الأنشطة",
        "Приклади діяльності",
    ),
    (
        "yksinäisyyden torjunta ja ystävätoiminta",
        "motverkande av ensamhet och vänverksamhet",
        "preventing loneliness and befriending",
        "مكافحة الوحدة وأنشطة الصداقة",
        "протидія самотності та дружні зустрічі",
    ),
    (
        "lastenhoitoapu, kerhot ja ryhmätoiminta",
        "barnpassning, klubbar och gruppverksamhet",
        "childcare help, clubs and group activities",
        "المساعدة في رعاية الأطفال والنوادي والأنشطة الجماعية",
        "допомога з доглядом за дітьми, гуртки та групова діяльність",
    ),
    (
        "tapahtumat, virkistystilaisuudet, tuetut lomat ja leirit, retket",
        "evenemang, rekreation, understödda semestrar och läger, utflykter",
        "events, recreation, supported holidays and camps, outings",
        "الفعاليات والترفيه والعطلات والمخيمات المدعومة والرحلات",
        "заходи, дозвілля, підтримані відпустки й табори, екскурсії",
    ),
    (
        "ulkoilu ja liikuntaryhmät",
        "friluftsliv och motionsgrupper",
        "outdoor and exercise groups",
        "الأنشطة الخارجية ومجموعات الرياضة",
        "прогулянки та спортивні групи",
    ),
    (
        "tiedon tuottaminen ja jakaminen, oppaat",
        "att ta fram och dela information, guider",
        "producing and sharing information, guides",
        "إنتاج المعلومات ومشاركتها، والأدلة",
        "створення та поширення інформації, посібники",
    ),
    (
        "vaikuttamistyö ja edunvalvonta",
        "påverkansarbete och intressebevakning",
        "advocacy",
        "المناصرة والدفاع عن الحقوق",
        "адвокація та захист інтересів",
    ),
    (
        "koulutukset, kurssit ja vertaistuki",
        "utbildningar, kurser och kamratstöd",
        "training, courses and peer support",
        "التدريبات والدورات ودعم الأقران",
        "навчання, курси та взаємна підтримка",
    ),
    (
        "kriisiapu, ohjaus ja neuvonta",
        "krishjälp, handledning och rådgivning",
        "crisis help, guidance and counselling",
        "المساعدة في الأزمات والتوجيه والإرشاد",
        "кризова допомога, супровід і консультування",
    ),
    (
        "Järjestöjen keskinäinen sekä kuntien ja järjestöjen välinen yhteistyö ovat keskeisessä "
        "roolissa väestön osallisuuden, hyvinvoinnin ja terveyden edistämisessä.",
        "Samarbetet mellan organisationer och mellan kommuner och organisationer har en central roll "
        "i att främja befolkningens delaktighet, välbefinnande och hälsa.",
        "Cooperation among organisations, and between municipalities and organisations, plays a "
        "central role in promoting the population's inclusion, wellbeing and health.",
        "يؤدي التعاون بين المنظمات، وبين البلديات والمنظمات، دورًا محوريًا في تعزيز مشاركة السكان "
        "ورفاههم وصحتهم.",
        "Співпраця між організаціями, а також між муніципалітетами й організаціями відіграє ключову "
        "роль у сприянні залученості, добробуту та здоров'ю населення.",
    ),
    ("THL, 2023", "THL, 2023", "THL, 2023", "THL، 2023", "THL, 2023"),
]


def by_source(rows):
    """{Finnish text: {language code: translation}} from rows of segments."""
    return {row[0]: dict(zip(LANGUAGES, row[1:])) for row in rows}
