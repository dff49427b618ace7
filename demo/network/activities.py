"""Demo activities of the integration tray, from the network's source texts, each last
checked some months before the demo was built (one over a year ago, one 11 months ago: see
``network.freshness``), with how to take part: places at real venues of those towns (libraries,
family centres, parish halls), or online; fictional contact people, 040 numbers and addresses
under ``.example``; costs, ages and who it is for as the source texts say."""

import datetime

from django.utils import timezone

from demo.builder import body_from_text, demo_step, plain
from demo.network.schedules import SCHEDULES
from home.models import Language
from network.freshness import months_before, record_check
from network.models import (
    ActivityCategory,
    ActivityIndexPage,
    ActivityPage,
    ActivityPlace,
    ActivityStatus,
    IntegrationStage,
    JoinMethod,
    Municipality,
    OrganisationLevel,
    StepFree,
    TargetGroup,
)

TRAY_TITLES = {
    "fi": "Kotoutumistarjotin",
    "sv": "Integrationsbrickan",
    "en": "Integration tray",
    "ar": "دليل أنشطة الاندماج",
}
TRAY_INTRO = (
    "<p>Järjestöjen kotoutumista tukevat toimintamuodot yhdessä paikassa. Rajaa toimintaa kunnan, "
    "kohderyhmän, kielen ja kotoutumisen vaiheen mukaan ja ohjaa asiakas oikeaan paikkaan.</p>"
)

ACTIVITIES = [
    {
        "slug": "womento-tyouramentorointi",
        "checked_months_ago": 2,
        "organisation": "vaestoliitto",
        "title": "Womento-työuramentorointi",
        "intro": "Mentori tutustuttaa maahanmuuttajanaisen suomalaiseen työkulttuuriin ja auttaa "
        "tekemään ansioluettelon ja mallihakemuksen työnhakua varten.",
        "body": "Väestöliitto on parantanut erityisesti maahanmuuttajanaisten työelämäosallisuutta ja "
        "-taitoja Womento-työuramentoroinnin avulla. Useat toimintaan osallistuneet ovat löytäneet "
        "koulutustaan vastaavaa työtä ja laajentaneet ammattialan verkostojaan.",
        "category": ActivityCategory.SUPPORT,
        "level": OrganisationLevel.NATIONAL,
        "municipalities": ["Helsinki"],
        "stages": ["tyo-ja-opiskelu"],
        "target_groups": ["naiset"],
        "languages": ["fi", "en"],
        "interpretation_languages": [],
        "places": [
            {
                "name": "Väestöliitto, Monikulttuurisuusyksikkö",
                "street_address": "Kalevankatu 16",
                "postal_code": "00100",
                "municipality": "Helsinki",
                "latitude": "60.166600",
                "longitude": "24.935900",
                "step_free": StepFree.YES,
                "accessibility_notes": "Hissi kaikkiin kerroksiin.",
            }
        ],
        "online": True,
        "online_url": "",
        "join_method": JoinMethod.EMAIL,
        "signup_deadline_days": 40,
        "join_instructions": "Lähetä lyhyt esittely itsestäsi ja koulutuksestasi. Mentoroinnin "
        "tapaamiset voivat olla myös etänä.",
        "contact_name": "Leila Haddad",
        "contact_phone": "040 728 1934",
        "contact_email": "womento@vaestoliitto.example",
        "free": True,
        "eligibility": "Maahan muuttaneet naiset, jotka hakevat koulutustaan vastaavaa työtä.",
        "min_age": 18,
        "max_age": 64,
        "status": ActivityStatus.ACTIVE,
        "childcare": False,
        "tags": ["mentorointi", "työelämä"],
    },
    {
        "slug": "puhutaan-kotoutumisesta",
        "checked_months_ago": 13,
        "organisation": "vaestoliitto",
        "title": "Puhutaan kotoutumisesta -vertaisryhmät",
        "intro": "Vertaisryhmissä maahanmuuttajat ja turvapaikanhakijat keskustelevat tasa-arvosta, "
        "seksuaalioikeuksista ja perhe-elämän muutoksista.",
        "body": "Puhutaan kotoutumisesta -vertaisryhmätoiminnan avulla maahanmuuttajien ja "
        "turvapaikanhakijoiden tietotaito tasa-arvosta ja seksuaalioikeuksista on parantunut eri "
        "puolilla Suomea. Vertaisryhmäohjaajia on koulutettu vuodesta 2004 lähtien.",
        "category": ActivityCategory.PARTICIPATION,
        "level": OrganisationLevel.NATIONAL,
        "municipalities": ["Turku", "Vantaa"],
        "stages": ["alkuvaihe", "kotoutumiskoulutus"],
        "target_groups": ["turvapaikanhakijat", "perheet"],
        "languages": ["fi", "ar", "so", "fa"],
        "interpretation_languages": ["ku", "ti"],
        "places": [
            {
                "name": "Vantaan seurakuntakeskus",
                "street_address": "Unikkotie 5",
                "postal_code": "01300",
                "municipality": "Vantaa",
                "step_free": StepFree.YES,
                "accessibility_notes": "",
            },
            {
                "name": "Turun pääkirjasto",
                "street_address": "Linnankatu 2",
                "postal_code": "20100",
                "municipality": "Turku",
                "step_free": StepFree.YES,
                "accessibility_notes": "Induktiosilmukka ryhmätilassa.",
            },
        ],
        "online": False,
        "online_url": "",
        "join_method": JoinMethod.PHONE,
        "signup_deadline_days": None,
        "join_instructions": "Soita ja kerro, mitä kieltä puhut: ryhmä kootaan saman kielen "
        "puhujista.",
        "contact_name": "Amina Warsame",
        "contact_phone": "040 531 6207",
        "contact_email": "vertaisryhmat@vaestoliitto.example",
        "free": True,
        "eligibility": "Maahan muuttaneet ja turvapaikanhakijat, naisten ja miesten ryhmät "
        "erikseen.",
        "min_age": 18,
        "max_age": None,
        "status": ActivityStatus.PAUSED,
        "childcare": False,
        "tags": ["vertaistuki", "tasa-arvo"],
    },
    {
        "slug": "meri-lapin-aitiryhmat",
        "checked_months_ago": 11,
        "organisation": "toivola-luotola-setlementti",
        "title": "Äitiryhmät Meri-Lapissa",
        "intro": "Ryhmä- ja yksilöohjausta kotona lapsiaan hoitaville maahanmuuttajaäideille. "
        "Ryhmien aikana lapsille on lastenhoito.",
        "body": "Ryhmätoiminnassa käsitellään arkeen, asumiseen, kulttuuriin, vapaa-aikaan ja "
        "elämänhallintaan liittyviä asioita. Ryhmätapaamiset mahdollistetaan turvallisessa "
        "ympäristössä yhdessä lasten kanssa.",
        "category": ActivityCategory.SUPPORT,
        "level": OrganisationLevel.REGIONAL,
        "municipalities": ["Kemi", "Keminmaa", "Simo", "Tervola", "Tornio"],
        "stages": ["alkuvaihe", "osallistuminen"],
        "target_groups": ["aidit", "perheet"],
        "languages": ["fi"],
        "interpretation_languages": ["ar", "so", "ru"],
        "places": [
            {
                "name": "Kemin kaupunginkirjasto",
                "street_address": "Marina Takalon katu 3",
                "postal_code": "94100",
                "municipality": "Kemi",
                "latitude": "65.735600",
                "longitude": "24.565000",
                "step_free": StepFree.YES,
                "accessibility_notes": "Ryhmätila katutasossa, lastenvaunuille paikka eteisessä.",
            },
            {
                "name": "Keminmaan seurakuntatalo",
                "street_address": "Kirkkotie 1",
                "postal_code": "94400",
                "municipality": "Keminmaa",
                "step_free": StepFree.YES,
                "accessibility_notes": "",
            },
            {
                "name": "Simon kirjasto",
                "street_address": "Hallintotie 2",
                "postal_code": "95200",
                "municipality": "Simo",
                "step_free": StepFree.UNKNOWN,
                "accessibility_notes": "",
            },
            {
                "name": "Tervolan perhekeskus",
                "street_address": "Kirkkotie 6",
                "postal_code": "95300",
                "municipality": "Tervola",
                "step_free": StepFree.NO,
                "accessibility_notes": "Kaksi porrasta sisäänkäynnillä, apua saa soittamalla.",
            },
            {
                "name": "Tornion kaupunginkirjasto",
                "street_address": "Torikatu 2",
                "postal_code": "95400",
                "municipality": "Tornio",
                "latitude": "65.846900",
                "longitude": "24.144600",
                "step_free": StepFree.YES,
                "accessibility_notes": "",
            },
        ],
        "online": False,
        "online_url": "",
        "join_method": JoinMethod.PHONE,
        "signup_deadline_days": None,
        "join_instructions": "Ryhmään voi tulla mukaan kesken kauden. Työntekijän kanssa voi "
        "sopia henkilökohtaisen tutustumisajan.",
        "contact_name": "Hanna Niskala",
        "contact_phone": "040 864 1127",
        "contact_email": "aitiryhmat@toivola-luotola.example",
        "free": True,
        "eligibility": "Kotona lapsiaan hoitavat, äitiys- tai vanhempainvapaalla olevat tai "
        "muuten työelämän ulkopuolella olevat maahanmuuttajaäidit.",
        "min_age": None,
        "max_age": None,
        "status": ActivityStatus.ACTIVE,
        "childcare": True,
        "tags": ["äidit", "ryhmätoiminta"],
    },
    {
        "slug": "perhe-yhtenaiseksi",
        "checked_months_ago": 5,
        "organisation": "oulun-kaupunki-maahanmuuttajapalvelut",
        "title": "Perhe Yhtenäiseksi -perhetyö",
        "intro": "Perheterapeuttisia ja perhetyön menetelmiä hyödyntävää työskentelyä "
        "pakolaistaustaisille perheille heti alkuvaiheessa.",
        "body": "Perhe Yhtenäiseksi -työskentelymenetelmällä tarjotaan tukea ennaltaehkäisevästi, "
        "ennen kuin haasteita ilmenee. Kaikille perheille tehdään perheen kotoutumissuunnitelma.",
        "category": ActivityCategory.SUPPORT,
        "level": OrganisationLevel.LOCAL,
        "municipalities": ["Oulu"],
        "stages": ["saapuminen", "alkuvaihe"],
        "target_groups": ["perheet", "pakolaiset", "lapset"],
        "languages": ["fi", "ar"],
        "interpretation_languages": ["ar", "prs", "ti", "so", "ckb"],
        "places": [
            {
                "name": "Oulun kaupungin maahanmuuttajapalvelut",
                "street_address": "Torikatu 10",
                "postal_code": "90100",
                "municipality": "Oulu",
                "step_free": StepFree.YES,
                "accessibility_notes": "Tapaamiset myös perheen kotona.",
            }
        ],
        "online": False,
        "online_url": "",
        "join_method": JoinMethod.NONE,
        "signup_deadline_days": None,
        "join_instructions": "Maahanmuuttajapalvelujen sosiaaliohjaaja tarjoaa työskentelyä "
        "perheelle; perheen työntekijä voi myös ottaa yhteyttä.",
        "contact_name": "Iida Pesonen",
        "contact_phone": "040 392 5518",
        "contact_email": "perhetyo@ouka.example",
        "free": True,
        "eligibility": "Oulun kaupungin maahanmuuttajapalvelujen asiakkaina olevat "
        "pakolaistaustaiset perheet.",
        "min_age": None,
        "max_age": None,
        "status": ActivityStatus.ACTIVE,
        "childcare": False,
        "tags": ["perhetyö", "Perhe Yhtenäiseksi"],
    },
    {
        "slug": "vapaaehtoiseksi-punaiseen-ristiin",
        "checked_months_ago": 0,
        "organisation": "suomen-punainen-risti",
        "title": "Vapaaehtoiseksi Punaiseen Ristiin",
        "intro": "Maahan muuttaneet mukaan järjestön perustoimintaan: ystävätoiminta, ensiapu, "
        "ryhmien vetäminen.",
        "body": "Kotoutumistarjottimen kolmas luokka on maahan muuttaneiden rekrytointi ja "
        "toiminta järjestön perustoiminnassa, kuten aktiivinen vapaaehtoisuus ja ryhmien vetäminen.",
        "category": ActivityCategory.RECRUITMENT,
        "level": OrganisationLevel.NATIONAL,
        "municipalities": ["Helsinki"],
        "stages": ["osallistuminen", "vakiintunut"],
        "target_groups": ["nuoret", "naiset", "miehet"],
        "languages": ["fi", "sv", "en"],
        "interpretation_languages": [],
        "places": [
            {
                "name": "Suomen Punainen Risti, keskustoimisto",
                "street_address": "Tehtaankatu 1 a",
                "postal_code": "00140",
                "municipality": "Helsinki",
                "step_free": StepFree.YES,
                "accessibility_notes": "",
            }
        ],
        "online": True,
        "online_url": "https://www.punainenristi.fi/vapaaehtoiseksi",
        "join_method": JoinMethod.LINK,
        "signup_deadline_days": None,
        "join_instructions": "Ilmoittaudu vapaaehtoiseksi lomakkeella; osaston yhteyshenkilö "
        "ottaa yhteyttä.",
        "contact_name": "Mikko Laaksonen",
        "contact_phone": "040 615 0492",
        "contact_email": "vapaaehtoiseksi@punainenristi.example",
        "signup_url": "https://www.punainenristi.fi/vapaaehtoiseksi",
        "free": False,
        "fee": "Jäsenmaksu 20 € vuodessa (alle 29-vuotiaille 10 €).",
        "eligibility": "Kaikki maahan muuttaneet, jotka haluavat toimia vapaaehtoisina.",
        "min_age": 15,
        "max_age": None,
        "status": ActivityStatus.ACTIVE,
        "childcare": False,
        "tags": ["vapaaehtoistoiminta"],
    },
]


# Deadlines count from a fixed day, so that a second run of the demo changes nothing.
DEADLINE_FROM = datetime.date(2026, 12, 1)


def place(municipality, **fields):
    return ActivityPlace(municipality=Municipality.objects.get(name=municipality), **fields)


def terms(model, slugs, locale):
    return list(model.objects.filter(slug__in=slugs, locale=locale))


@demo_step(55)
def integration_tray(builder):
    home = builder.find("tarjotin")
    tray = builder.page(
        home,
        ActivityIndexPage,
        "toiminta",
        title=TRAY_TITLES["fi"],
        intro=TRAY_INTRO,
        show_in_menus=True,
    )
    for code in ("sv", "en"):
        builder.translation(tray, code, title=TRAY_TITLES[code], show_in_menus=True)
    organisations = builder.find("jarjestot").get_children().specific()
    by_slug = {page.slug: page for page in organisations}
    for activity in ACTIVITIES:
        fields = dict(activity)
        slug, organisation = fields.pop("slug"), by_slug[fields.pop("organisation")]
        fields["body"] = body_from_text(fields["body"])
        fields["municipalities"] = list(
            Municipality.objects.filter(name__in=fields["municipalities"])
        )
        fields["stages"] = terms(IntegrationStage, fields["stages"], home.locale)
        fields["target_groups"] = terms(TargetGroup, fields["target_groups"], home.locale)
        fields["languages"] = list(Language.objects.filter(code__in=fields["languages"]))
        fields["interpretation_languages"] = list(
            Language.objects.filter(code__in=fields["interpretation_languages"])
        )
        fields["places"] = [place(**item) for item in fields["places"]]
        days = fields.pop("signup_deadline_days")
        fields["signup_deadline"] = days and DEADLINE_FROM + datetime.timedelta(days=days)
        checked_months_ago = fields.pop("checked_months_ago")
        published = builder.created + builder.updated
        page = builder.page(organisation, ActivityPage, slug, **fields)
        if builder.created + builder.updated != published:
            # publishing dated the check today; the demo shows a tray checked over time
            record_check(page, months_before(timezone.localdate(), checked_months_ago))


# The tray and two activities in Arabic, translated with wagtail-localize: the mothers' groups
# in Meri-Lappi (interpreted into Arabic, with childcare) and the national mentoring that
# can be joined online. Per activity, the Arabic of each text; the contact person and phone
# number stay as they are.
IN_ARABIC = {
    "meri-lapin-aitiryhmat": {
        "title": "مجموعات الأمهات في لابلاند الساحلية",
        "intro": "إرشاد جماعي وفردي للأمهات المهاجرات اللواتي يعتنين بأطفالهن في المنزل. "
        "تتوفر رعاية للأطفال أثناء لقاءات المجموعة.",
        "body": "تتناول المجموعات شؤون الحياة اليومية والسكن والثقافة وأوقات الفراغ وتدبير أمور "
        "الحياة. وتُعقد لقاءات المجموعة في بيئة آمنة بحضور الأطفال.",
        "schedule": "رعاية الأطفال متوفرة أثناء المجموعة. تجتمع المجموعات في كيمي وتورنيو.",
        "join_instructions": "يمكن الانضمام إلى المجموعة في أي وقت خلال الموسم. ويمكن الاتفاق مع "
        "الموظفة المسؤولة على موعد فردي للتعارف.",
        "eligibility": "الأمهات المهاجرات اللواتي يعتنين بأطفالهن في المنزل، أو في إجازة أمومة أو "
        "إجازة والدية، أو من هن خارج سوق العمل لسبب آخر.",
    },
    "womento-tyouramentorointi": {
        "title": "برنامج Womento للإرشاد المهني",
        "intro": "تُعرّف المرشدةُ المرأةَ المهاجرة بثقافة العمل في فنلندا، وتساعدها على إعداد "
        "سيرتها الذاتية ونموذج لرسالة طلب عمل.",
        "body": "عزّزت Väestöliitto من خلال برنامج Womento للإرشاد المهني مشاركةَ النساء المهاجرات "
        "في الحياة العملية ومهاراتهن فيها. ووجدت كثيرات من المشاركات عملًا يناسب تعليمهن ووسّعن "
        "شبكة علاقاتهن المهنية.",
        "schedule": "تحدد المرشدة والمتدرّبة مواعيد لقاءاتهما فيما بينهما، وتُقام أمسية تواصل "
        "مشتركة مرة كل شهر.",
        "join_instructions": "أرسلي نبذة قصيرة عن نفسك وعن تعليمك. ويمكن أن تُعقد لقاءات الإرشاد عن "
        "بُعد أيضًا.",
        "eligibility": "النساء المهاجرات اللواتي يبحثن عن عمل يناسب تعليمهن.",
    },
}


def arabic_texts():
    """{Finnish text: {"ar": translation}} of the tray and the activities of ``IN_ARABIC``."""
    texts = {
        TRAY_TITLES["fi"]: TRAY_TITLES["ar"],
        plain(TRAY_INTRO): "أنشطة المنظمات الداعمة للاندماج في مكان واحد. صفِّ الأنشطة حسب "
        "البلدية والفئة المستهدفة واللغة ومرحلة الاندماج، ووجِّه العميل إلى المكان المناسب.",
    }
    for activity in ACTIVITIES:
        arabic = IN_ARABIC.get(activity["slug"])
        if arabic is None:
            continue
        finnish = {**activity, "schedule": SCHEDULES[activity["slug"]]["notes"]}
        texts |= {finnish[field]: text for field, text in arabic.items()}
        texts |= {activity[field]: activity[field] for field in ("contact_name", "contact_phone")}
    return {source: {"ar": text} for source, text in texts.items()}


@demo_step(97)
def tray_in_arabic(builder):
    """After the home page and the settlement exist in Arabic (steps 94 and 95)."""
    builder.localize_pages(["toiminta", *IN_ARABIC], arabic_texts())
