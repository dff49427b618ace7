"""Demo content of the network: the event listing and a few events of member organisations.

The dates are fixed (2027 and one in 2016) so that loading the demo again changes nothing."""

import datetime
import zoneinfo

from demo.builder import body_from_text, demo_step
from network.models import EventIndexPage, EventPage, EventType

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def helsinki(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


INDEX_TITLES = {"fi": "Tapahtumat", "sv": "Evenemang", "en": "Events"}
INDEX_INTROS = {
    "fi": "<p>Verkoston jäsenten kokoukset, alueelliset tapaamiset, työpajat ja koulutukset.</p>",
    "sv": "<p>Nätverksmedlemmarnas möten, regionala träffar, workshoppar och utbildningar.</p>",
    "en": "<p>Meetings, regional gatherings, workshops and trainings of the network's members.</p>",
}

EVENTS = [
    {
        "organisation": "suomen-punainen-risti",
        "slug": "verkostokokous-2027",
        "title": "Kotoutumistarjottimen verkostokokous",
        "event_type": EventType.NETWORK_MEETING,
        "start": helsinki(2027, 8, 30, 11),
        "end": helsinki(2027, 8, 30, 16),
        "place_name": "Suomen Punaisen Ristin keskustoimisto",
        "address": "Tehtaankatu 1 a, 00140 Helsinki",
        "audience": "Verkoston jäsenjärjestöt ja yhteistyökumppanit",
        "registration_link": "https://www.punainenristi.fi",
        "intro": "Kotoutumistarjottimen verkosto kokoontuu Helsinkiin kuulemaan jäsenten kuulumiset, "
        "esittelemään uudet materiaalit ja toiminnot ja sopimaan seuraavan vuoden yhteistyöstä.",
        "body": "## Ohjelma\n\n"
        "- klo 11 Tervetuloa ja verkoston ajankohtaiset\n"
        "- klo 12 Lounas\n"
        "- klo 13 Jäsenten puheenvuorot: uudet materiaalit ja toiminnot\n"
        "- klo 15 Yhteistyö ensi vuonna\n"
        "- klo 16 Päätös\n\n"
        "Kokoukseen ovat tervetulleita kaikki verkoston jäsenjärjestöjen työntekijät ja vapaaehtoiset.",
    },
    {
        "organisation": "toivola-luotola-setlementti",
        "slug": "alueellinen-verkostotapaaminen-oulu-2027",
        "title": "Lapin ja Pohjois-Pohjanmaan alueellinen verkostotapaaminen",
        "event_type": EventType.REGIONAL_MEETING,
        "start": helsinki(2027, 3, 17, 12),
        "end": helsinki(2027, 3, 17, 15, 30),
        "place_name": "Oulun pääkirjasto",
        "address": "Kaarlenväylä 3, 90100 Oulu",
        "audience": "Lapin ja Pohjois-Pohjanmaan järjestöt, kunnat ja seurakunnat",
        "intro": "Pohjoisen verkoston jäsenet tapaavat Oulussa: miten järjestöt, kunnat ja seurakunnat "
        "tukevat maahanmuuttajaperheitä pitkien välimatkojen alueella.",
        "body": "Tapaamisessa kuullaan Meri-Lapin äitien järjestölähtöisen kotoutumisen kokemuksista ja "
        "Oulun Perhe Yhtenäiseksi -työskentelystä. Lopuksi sovitaan alueen yhteisistä tapahtumista.",
    },
    {
        "organisation": "vaestoliitto",
        "slug": "womento-mentorointityopaja-2027",
        "title": "Womento-mentorointityöpaja",
        "event_type": EventType.WORKSHOP,
        "start": helsinki(2027, 4, 20, 13),
        "end": helsinki(2027, 4, 20, 16),
        "place_name": "Väestöliitto",
        "address": "Kalevankatu 16, 00100 Helsinki",
        "audience": "Mentoreiksi aikovat ja mentorointia järjestävät",
        "registration_link": "https://www.vaestoliitto.fi",
        "intro": "Työpajassa tutustutaan Womento-työuramentorointiin, joka on parantanut erityisesti "
        "maahanmuuttajanaisten työelämäosallisuutta ja -taitoja.",
        "body": "Työpajassa harjoitellaan mentorointikeskustelua ja kuullaan mentoreiden ja aktorien "
        "kokemuksia. Ennakkotietoja ei tarvita.",
    },
    {
        "organisation": "oulun-kaupunki-maahanmuuttajapalvelut",
        "slug": "perhe-yhtenaiseksi-koulutus-2027",
        "title": "Perhe Yhtenäiseksi -koulutus",
        "event_type": EventType.TRAINING,
        "start": helsinki(2027, 10, 12, 9),
        "end": helsinki(2027, 10, 13, 15),
        "place_name": "Oulun kaupungintalo",
        "address": "Torikatu 10, 90100 Oulu",
        "audience": "Perhetyön ja maahanmuuttajapalvelujen ammattilaiset",
        "intro": "Kaksipäiväinen koulutus Perhe Yhtenäiseksi -työskentelyyn ja perheen "
        "kotoutumissuunnitelman laatimiseen pakolaistaustaisten perheiden kanssa.",
        "body": "Oulussa kaikille pakolaistaustaisille perheille tarjottu varhainen tuki vähensi "
        "lastensuojeluasiakkuuksia noin puolella. Koulutuksessa käydään läpi työskentelyn vaiheet "
        "ja menetelmät.",
    },
    {
        "organisation": "suomen-punainen-risti",
        "slug": "verkostokokous-2016",
        "title": "Kotoutumistarjottimen ensimmäinen verkostokokous",
        "event_type": EventType.NETWORK_MEETING,
        "start": helsinki(2016, 8, 30, 12),
        "end": helsinki(2016, 8, 30, 16),
        "place_name": "Suomen Punaisen Ristin keskustoimisto",
        "address": "Tehtaankatu 1 a, 00140 Helsinki",
        "audience": "Kotoutumista tukevat järjestöt",
        "intro": "Punainen Risti kutsui järjestöt koolle aloittamaan verkostoyhteistyön "
        "turvapaikanhakijoiden vastaanoton ja kotoutujien kotoutumisen tueksi.",
        "body": "Kokouksessa sovittiin, että järjestöt kuvaavat kotoutumista tukevan toimintansa "
        "yhteisen mallin mukaan kotoutumistarjottimelle.",
    },
]


@demo_step(60)
def events(builder):
    home = builder.find("tarjotin")
    index = builder.page(
        home,
        EventIndexPage,
        "tapahtumat",
        title=INDEX_TITLES["fi"],
        show_in_menus=True,
        intro=INDEX_INTROS["fi"],
    )
    for code in ("sv", "en"):
        builder.translation(
            index, code, title=INDEX_TITLES[code], intro=INDEX_INTROS[code], show_in_menus=True
        )
    for event in EVENTS:
        fields = dict(event)
        organisation = builder.find(fields.pop("organisation"))
        slug = fields.pop("slug")
        fields["body"] = body_from_text(fields["body"])
        builder.page(organisation, EventPage, slug, **fields)
