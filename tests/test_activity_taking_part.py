"""How to take part in an activity (issue 18, item 1): bad input in the admin's activity form
is an error on the field, with everything typed still there and nothing saved; a place's
municipality counts as one the activity runs in; the page's "How to take part" in Finnish and
English; paused and ended activities leave the tray but keep their pages; translations share
the places and the status; the demo's activities say how to take part."""

import datetime

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from home.models import Language
from network.models import ActivityIndexPage, ActivityPage, IntegrationStage, Municipality
from tests import factories as make

pytestmark = pytest.mark.django_db

KEMI_LIBRARY = {
    "name": "Kemin kaupunginkirjasto",
    "street_address": "Marina Takalon katu 3",
    "postal_code": "94100",
    "latitude": "65.7356",
    "longitude": "24.565",
    "step_free": "yes",
    "accessibility_notes": "Ryhmätila katutasossa",
}


def kemi_place(**fields):
    """A place's form fields, its municipality by name (``with_ids`` makes it the form's)."""
    return {**KEMI_LIBRARY, "municipality": "Kemi", **fields}


def with_ids(place):
    """``place`` with its municipality's name as the form sends it (an unknown one as is)."""
    found = Municipality.objects.filter(name=place["municipality"]).first()
    return {**place, "municipality": str(found.pk) if found else place["municipality"]}


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["network", "activitypage", organisation.pk])


# Each case: form fields (places: the one place's fields), the field with the error (a place's
# fields as places-0-…) and the message the editor reads.
BAD_INPUT = {
    "postal code of four digits": (
        {"places": [kemi_place(postal_code="9410")]},
        "places-0-postal_code",
        "A Finnish postal code is five digits, e.g. 94100.",
    ),
    "unknown municipality": (
        {"places": [kemi_place(municipality="999999")]},
        "places-0-municipality",
        "Select a valid choice",
    ),
    "latitude without longitude": (
        {"places": [kemi_place(longitude="")]},
        "places-0-longitude",
        "Give both the latitude and the longitude, or neither.",
    ),
    "latitude and longitude swapped": (
        {"places": [kemi_place(latitude="24.565", longitude="65.7356")]},
        "places-0-latitude",
        "A latitude in Finland is between 59 and 70.5.",
    ),
    "sign-up link missing": (
        {"join_method": "link", "join_instructions": "Täytä lomake"},
        "signup_url",
        "Signing up with the link needs the sign-up link.",
    ),
    "phone missing": (
        {"join_method": "phone", "contact_name": "Aino Virtanen"},
        "contact_phone",
        "Signing up by phone needs the contact phone.",
    ),
    "email missing": (
        {"join_method": "email", "contact_phone": "040 123 4567"},
        "contact_email",
        "Signing up by email needs the contact email.",
    ),
    "fee missing": (
        {"free": None, "eligibility": "Äidit"},
        "fee",
        "Say what taking part costs, or tick “free of charge”.",
    ),
    "fee of a free activity": (
        {"fee": "5 € kerta"},
        "fee",
        "An activity free of charge has no fee",
    ),
    "ages the wrong way round": (
        {"min_age": "65", "max_age": "18"},
        "max_age",
        "The maximum age cannot be below the minimum age.",
    ),
    "age over 120": (
        {"min_age": "130"},
        "min_age",
        "Ensure this value is less than or equal to 120.",
    ),
    "online link without online": (
        {"online_url": "https://meet.example.org/kahvila"},
        "online",
        "Tick this for the online joining link, or remove the link.",
    ),
}


def form_value(soup, name):
    """What the re-shown form holds in the field ``name``."""
    field = soup.find(attrs={"name": name})
    assert field is not None, name
    if field.name == "textarea":
        return field.get_text().strip()
    if field.name == "select":
        chosen = field.find("option", selected=True)
        return chosen["value"] if chosen else ""
    if field.get("type") == "checkbox":
        return "on" if field.has_attr("checked") else None
    return field.get("value", "")


def place_fields(fields):
    places = [with_ids(place) for place in fields.pop("places", [kemi_place()])]
    return places, {f"places-0-{name}": value for name, value in places[0].items()}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_an_error_on_the_field_keeping_everything_typed(english_admin, soup_of, case):
    fields, field, message = BAD_INPUT[case]
    fields = dict(fields)
    organisation = make.organisation("Setlementti", level="regional")
    places, typed_places = place_fields(fields)
    fields = {"contact_name": "Hanna Niskala", "eligibility": "Äidit", **fields}
    data = make.activity_form(title="Äitiryhmä", places=places, **fields)
    response = english_admin.post(add_url(organisation), data)
    assert response.status_code == 200
    soup = soup_of(response)
    error = soup.find(id=f"id_{field}-errors") or soup.find(attrs={"name": field}).find_parent(
        class_="w-field"
    )
    assert message in error.get_text(), error.get_text()
    typed = {
        "title": "Äitiryhmä",
        **{name: value for name, value in fields.items() if value is not None},
        **typed_places,
    }
    if soup.find(attrs={"name": field}).name == "select":
        del typed[field]  # a choice that does not exist cannot be shown as chosen
    for name, value in typed.items():
        assert form_value(soup, name) == value, name
    assert not ActivityPage.objects.filter(title="Äitiryhmä").exists()


def test_bad_input_on_edit_saves_nothing(english_admin, soup_of):
    organisation = make.organisation("Setlementti")
    page = make.activity(organisation, "Äitiryhmä", places=[make.place("Kemi")])
    revision = page.latest_revision_id
    data = make.activity_form(
        title="Äitiryhmä muutettu",
        places=[with_ids(kemi_place(postal_code="ABCDE"))],
        status="paused",
    )
    response = english_admin.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "A Finnish postal code is five digits" in response.content.decode()
    page.refresh_from_db()
    assert (page.title, page.status, page.latest_revision_id) == ("Äitiryhmä", "active", revision)


def test_a_places_municipality_is_added_to_those_the_activity_runs_in(english_admin, client):
    organisation = make.organisation("Setlementti", level="local")
    make.section(ActivityIndexPage)
    data = make.activity_form(
        title="Äitiryhmä",
        places=[
            with_ids(kemi_place()),
            with_ids(kemi_place(municipality="Tornio", name="Aineen kirjasto")),
        ],
    )
    response = english_admin.post(add_url(organisation), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ActivityPage.objects.get(title="Äitiryhmä")
    assert page.live
    assert sorted(page.municipalities.values_list("name", flat=True)) == ["Kemi", "Tornio"]
    tray = client.get("/fi/toiminta/kunta/tornio/").content.decode()
    assert "Äitiryhmä" in tray


@pytest.fixture
def full_activity():
    """An activity that fills in every fact of how to take part, translated into English."""
    organisation = make.organisation("Setlementti", level="local")
    make.section(ActivityIndexPage)
    page = make.activity(
        organisation,
        "Äitiryhmä",
        places=[
            make.kemi_library(
                accessibility_notes="Hissi toiseen kerrokseen",
            )
        ],
        online=True,
        online_url="https://meet.example.org/aitiryhma",
        join_method="phone",
        signup_deadline=datetime.date(2027, 1, 31),
        join_instructions="Soita ja kerro lasten iät.",
        contact_name="Hanna Niskala",
        contact_phone="040 864 1127",
        contact_email="hanna@example.org",
        free=False,
        fee="5 € kerta",
        eligibility="Kotona lapsiaan hoitavat äidit",
        min_age=18,
        max_age=64,
        languages=list(Language.objects.filter(code="fi")),
        interpretation_languages=list(Language.objects.filter(code__in=["ar", "so"])),
        childcare=True,
    )
    make.translation(page, "en", title="Mothers' group", eligibility="Mothers at home")
    return page


def taking_part(soup):
    section = soup.select_one("section.taking-part")
    return section, {
        dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in section.select("dt")
    }


def test_how_to_take_part_in_finnish(client, soup_of, full_activity):
    section, facts = taking_part(soup_of(client.get(full_activity.url)))
    assert section.find("h2").get_text() == "Näin osallistut"
    assert list(facts) == [
        "Missä",
        "Miten osallistua",
        "Yhteystiedot",
        "Hinta",
        "Kenelle",
        "Kielet",
        "Tulkkaus",
        "Lastenhoito",
        "Viimeksi tarkistettu",
    ]
    where = [li.get_text(" ", strip=True) for li in facts["Missä"].select("li")]
    assert where[0] == (
        "Kemin kaupunginkirjasto Marina Takalon katu 3, 94100 Kemi Esteetön sisäänkäynti "
        "Hissi toiseen kerrokseen"
    )
    assert where[1] == "Verkossa : osallistumislinkki"
    join = facts["Miten osallistua"]
    assert join.get_text(" ", strip=True).startswith(
        "Ilmoittautuminen puhelimitse : 040 864 1127 Ilmoittaudu viimeistään 31. tammikuuta 2027"
    )
    assert join.find("a")["href"] == "tel:+358408641127"
    assert join.time["datetime"] == "2027-01-31"
    contact = facts["Yhteystiedot"]
    assert [a["href"] for a in contact.find_all("a")] == [
        "tel:+358408641127",
        "mailto:hanna@example.org",
    ]
    # a number reads left to right on a right-to-left page too, its groups in their order
    assert [a.get("dir") for a in (join.find("a"), contact.find("a"))] == ["ltr", "ltr"]
    assert facts["Hinta"].get_text(strip=True) == "5 € kerta"
    assert facts["Kenelle"].get_text(" ", strip=True) == (
        "Kotona lapsiaan hoitavat äidit 18–64-vuotiaat"
    )
    interpreted = facts["Tulkkaus"].find_all("span", lang=True)
    assert {span["lang"] for span in interpreted} == {"ar", "so"}
    assert facts["Lastenhoito"].get_text(strip=True) == "Lastenhoito on järjestetty"
    assert "Tila" not in facts  # active


def test_how_to_take_part_in_english(client, soup_of, full_activity):
    english = ActivityPage.objects.get(
        translation_key=full_activity.translation_key, locale__language_code="en"
    )
    section, facts = taking_part(soup_of(client.get(english.url)))
    assert section.find("h2").get_text() == "How to take part"
    assert facts["Who it is for"].get_text(" ", strip=True) == "Mothers at home ages 18–64"
    assert "Sign up by Jan. 31, 2027" in facts["How to join"].get_text(" ", strip=True)
    assert facts["Cost"].get_text(strip=True) == "5 € kerta"
    # the place's name and notes are the Finnish page's, and say so; their own direction keeps
    # a note's full stop at its end on a right-to-left page
    place = section.select_one(".taking-part__place")
    name = place.find("span", lang="fi")
    assert (name.get_text(), name["dir"]) == ("Kemin kaupunginkirjasto", "auto")


@pytest.mark.parametrize(
    "ages,words",
    [((16, None), "from age 16"), ((None, 12), "up to age 12"), ((0, 6), "ages 0–6")],
)
def test_one_sided_ages_in_words(client, soup_of, ages, words):
    make.home("en")
    organisation = make.translation(make.organisation("Järjestö"), "en")
    make.section(ActivityIndexPage, "en")
    page = make.activity(organisation, "Club", min_age=ages[0], max_age=ages[1])
    _section, facts = taking_part(soup_of(client.get(page.url)))
    assert facts["Who it is for"].get_text(strip=True) == words


@pytest.mark.parametrize(
    "status,notice",
    [("paused", "Tämä toiminta on tauolla"), ("ended", "Tämä toiminta on päättynyt")],
)
def test_paused_and_ended_activities_leave_the_tray_but_keep_their_page(
    client, soup_of, status, notice
):
    organisation = make.organisation("Setlementti", level="local")
    make.section(ActivityIndexPage)
    at = {
        "municipalities": [Municipality.objects.get(name="Kemi")],
        "stages": [IntegrationStage.objects.get(slug="alkuvaihe", locale__language_code="fi")],
    }
    make.activity(organisation, "Käynnissä oleva", **at)
    stopped = make.activity(organisation, "Pysähtynyt", status=status, **at)
    for url in (
        "/fi/toiminta/",
        "/fi/toiminta/kunta/kemi/",
        "/fi/toiminta/alue/lappi/",
        "/fi/toiminta/?municipality=kemi",
    ):
        html = client.get(url).content.decode()
        assert "Käynnissä oleva" in html and "Pysähtynyt" not in html, url
    matrix = soup_of(client.get("/fi/toiminta/kattavuus/?municipality=kemi"))
    counts = [link.get_text(strip=True) for link in matrix.select("td.matrix__cell a")]
    assert counts == ["1"]  # only the active one
    page = soup_of(client.get(stopped.url))
    assert page.select_one(".notice--status").get_text(strip=True) == notice
    _section, facts = taking_part(page)
    assert facts["Tila"].get_text(strip=True) in ("Tauolla", "Päättynyt")


def test_translations_share_places_and_status(client):
    organisation = make.organisation("Setlementti", level="local")
    make.home("sv")
    source = make.activity(
        organisation, "Äitiryhmä", places=[make.place("Kemi", name="Kirjasto")], min_age=18
    )
    swedish = make.translation(source, "sv", title="Mammagrupp")
    assert [p.name for p in swedish.places.all()] == ["Kirjasto"]
    source.places = [make.place("Tornio", name="Aineen kirjasto")]
    source.status = "paused"
    source.min_age = 20
    make.publish(source)
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation_source.update_from_db()
    # "Update translations": the texts not yet translated fall back to the source's
    translation_source.create_or_update_translation(swedish.locale, fallback=True)
    swedish = ActivityPage.objects.get(pk=swedish.pk)
    assert [(p.name, p.municipality.name) for p in swedish.places.all()] == [
        ("Aineen kirjasto", "Tornio")
    ]
    assert (swedish.status, swedish.min_age) == ("paused", 20)


@pytest.mark.usefixtures("demo_site")
def test_demo_activities_say_how_to_take_part(client, soup_of):
    activities = ActivityPage.objects.filter(locale__language_code="fi")
    assert activities.count() >= 5
    for page in activities:
        assert page.places.exists() or page.online, page.slug
        assert page.contact_name and page.contact_phone.startswith("040"), page.slug
        assert page.free or page.fee, page.slug
    mothers = activities.get(slug="meri-lapin-aitiryhmat")
    assert [place.municipality.name for place in mothers.places.all()] == [
        "Kemi",
        "Keminmaa",
        "Simo",
        "Tervola",
        "Tornio",
    ]
    assert mothers.childcare and "äidit" in mothers.eligibility
    section, facts = taking_part(soup_of(client.get(mothers.url)))
    assert len(section.select(".taking-part__place")) == 5
    assert {page.status for page in activities} >= {"active", "paused"}
