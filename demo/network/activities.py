"""Demo activities of the integration tray, from the network's source texts, each last
checked some months before the demo was built (one over a year ago, one 11 months ago: see
``network.freshness``)."""

from django.utils import timezone

from demo.builder import body_from_text, demo_step
from home.models import Language
from network.freshness import months_before, record_check
from network.models import (
    ActivityCategory,
    ActivityIndexPage,
    ActivityPage,
    IntegrationStage,
    Municipality,
    OrganisationLevel,
    TargetGroup,
)

TRAY_TITLES = {"fi": "Kotoutumistarjotin", "sv": "Integrationsbrickan", "en": "Integration tray"}
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
        "municipalities": [],
        "stages": ["tyo-ja-opiskelu"],
        "target_groups": ["naiset"],
        "languages": ["fi", "en"],
        "cost": "Maksuton",
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
        "municipalities": [],
        "stages": ["alkuvaihe", "kotoutumiskoulutus"],
        "target_groups": ["turvapaikanhakijat", "perheet"],
        "languages": ["fi", "ar", "so", "fa"],
        "cost": "Maksuton",
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
        "cost": "Maksuton",
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
        "cost": "Maksuton",
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
        "municipalities": [],
        "stages": ["osallistuminen", "vakiintunut"],
        "target_groups": ["nuoret", "naiset", "miehet"],
        "languages": ["fi", "sv", "en"],
        "cost": "Maksuton",
        "childcare": False,
        "tags": ["vapaaehtoistoiminta"],
    },
]


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
        checked_months_ago = fields.pop("checked_months_ago")
        published = builder.created + builder.updated
        page = builder.page(organisation, ActivityPage, slug, **fields)
        if builder.created + builder.updated != published:
            # publishing dated the check today; the demo shows a tray checked over time
            record_check(page, months_before(timezone.localdate(), checked_months_ago))
