"""The tray as open data: the Open Referral HSDS 3.0 API (``/api/hsds/``), checked against the
specification's own schemas, and the schema.org JSON-LD of activity and organisation pages."""

import datetime
import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.models import PageViewRestriction

from home.models import Language
from network.models import ActivityPage, IntegrationStage, Municipality, OrganisationLevel
from tests import factories as make

pytestmark = pytest.mark.django_db

API = "/api/hsds"
SCHEMAS = Path(__file__).resolve().parents[1] / "network" / "hsds" / "schemas"
# openapi.json names the record schemas by these addresses; they are the vendored files.
SPECIFICATION = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
REGISTRY = Registry().with_resources(
    (
        SPECIFICATION + path.relative_to(SCHEMAS).as_posix(),
        Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
    )
    for path in SCHEMAS.rglob("*.json")
)
ENDPOINTS = {
    "/": "/",
    "/services": "/services",
    "/services/{id}": "/services/{id}",
    "/organizations": "/organizations",
    "/organizations/{id}": "/organizations/{id}",
    "/service_at_locations": "/service_at_locations",
    "/taxonomies": "/taxonomies",
    "/taxonomy_terms": "/taxonomy_terms",
}


def validator(schema):
    return Draft202012Validator(
        schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def response_schema(endpoint):
    """The schema ``openapi.json`` gives a successful GET of ``endpoint``."""
    pointer = "/".join(
        ["paths", endpoint.replace("/", "~1"), "get", "responses", "200", "content"]
        + ["application~1json", "schema"]
    )
    return {"$ref": f"{SPECIFICATION}openapi.json#/{pointer}"}


def record_schema(name):
    return {"$ref": f"{SPECIFICATION}{name}"}


def get(client, path, headers=None):
    response = client.get(f"{API}{path}", headers=headers)
    assert response["Content-Type"] == "application/json", response.status_code
    return response


def ok(client, path, headers=None):
    response = get(client, path, headers)
    assert response.status_code == 200, response.content
    return response.json()


def names(page):
    return sorted(item["name"] for item in page["contents"])


def language_of(record):
    [attribute] = [item for item in record["attributes"] if item["link_type"] == "text_language"]
    return attribute["value"]


@pytest.fixture
def network():
    """Two organisations: one national with an address and three activities (one translated
    into Swedish), one local with an activity in Oulu; a private, a draft activity and one
    under an unpublished organisation, a private organisation."""
    association = make.organisation(
        "Kotoutumisyhdistys",
        short_name="KY",
        address="Kotikatu 1, 00100 Helsinki",
        contact_email="info@example.org",
        contact_phone="+358 40 123 4567",
        website="https://example.org/",
    )
    city = make.organisation("Oulun kaupunki", level=OrganisationLevel.LOCAL)
    stage = IntegrationStage.objects.get(slug="alkuvaihe", locale__language_code="fi")
    cafe = make.activity(
        association,
        "Kielikahvila",
        stages=[stage],
        languages=list(Language.objects.filter(code__in=["fi", "ar"])),
        contact_email="kahvila@example.org",
        contact_phone="+358 40 765 4321",
        schedule="Tiistaisin klo 17–19",
    )
    make.translation(cafe, "sv", title="Språkcafé", intro="Träffa andra")
    make.activity(association, "Läksykerho", category="participation")
    family = make.activity(city, "Perhetyö", municipalities=[Municipality.objects.get(name="Oulu")])
    private = make.activity(association, "Salainen ryhmä")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = make.activity(association, "Luonnos", live=False)
    hidden_organisation = make.organisation("Suljettu järjestö")
    orphan = make.activity(hidden_organisation, "Orpo toiminta")
    hidden_organisation.unpublish()
    orphan.refresh_from_db()
    assert orphan.live  # only its organisation is unpublished
    secret_organisation = make.organisation("Yksityinen järjestö")
    PageViewRestriction.objects.create(
        page=secret_organisation, restriction_type=PageViewRestriction.LOGIN
    )
    return {
        "association": association,
        "city": city,
        "cafe": cafe,
        "family": family,
        "hidden": [private, draft, orphan],
        "hidden_organisations": [hidden_organisation, secret_organisation],
    }


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_every_endpoint_answers_as_the_specification_says(client, network, endpoint):
    ids = {
        "{id}": str(
            network["cafe" if endpoint.startswith("/services") else "association"].translation_key
        )
    }
    path = endpoint.replace("{id}", ids["{id}"])
    for language in ("fi", "sv"):
        data = ok(client, f"{path}?lang={language}")
        validator(response_schema(endpoint)).validate(data)
        if "contents" in data:
            assert data["contents"], "an empty page would validate whatever the records"
            assert set(data) == {
                "total_items",
                "total_pages",
                "page_number",
                "size",
                "first_page",
                "last_page",
                "empty",
                "contents",
            }
    if endpoint == "/services":  # lists give the full records, nested as /services/{id}
        for record in data["contents"]:
            validator(record_schema("compiled/service.json")).validate(record)
    if endpoint == "/organizations":
        for record in data["contents"]:
            validator(record_schema("compiled/organization.json")).validate(record)


def test_the_schemas_are_not_vacuous(client, network):
    data = ok(client, "/services")
    del data["contents"][0]["name"]
    errors = list(validator(response_schema("/services")).iter_errors(data))
    assert ["'name' is a required property"] == [error.message for error in errors]
    record = ok(client, f"/services/{network['cafe'].translation_key}")
    record["id"] = "kielikahvila"
    assert not validator(response_schema("/services/{id}")).is_valid(record)


def test_a_service_carries_what_the_activity_says(client, network):
    cafe, association = network["cafe"], network["association"]
    record = ok(client, f"/services/{cafe.translation_key}?lang=fi")
    assert record["name"] == "Kielikahvila"
    assert record["organization_id"] == str(association.translation_key)
    assert record["url"] == cafe.get_full_url()
    assert record["email"] == "kahvila@example.org"
    assert [phone["number"] for phone in record["phones"]] == ["+358 40 765 4321"]
    assert record["fees_description"] == "Maksuton"  # free of charge, in words
    assert [item["description"] for item in record["schedules"]] == ["Tiistaisin klo 17–19"]
    assert [area["name"] for area in record["service_areas"]] == ["Suomi"]
    assert sorted(language["code"] for language in record["languages"]) == ["ar", "fi"]
    terms = {item["link_type"]: item["taxonomy_term"]["name"] for item in record["attributes"]}
    assert terms["integration_stage"] == "Alkuvaihe ja alkukartoitus"
    assert terms["category"] == "Tuki"
    [at_location] = record["service_at_locations"]
    [organisation] = ok(client, "/organizations?search=Kotoutumis")["contents"]
    assert [location["id"] for location in organisation["locations"]] == [
        at_location["location_id"]
    ]
    assert organisation["locations"][0]["description"] == "Kotikatu 1, 00100 Helsinki"
    local = ok(client, f"/services/{network['family'].translation_key}")
    assert [area["name"] for area in local["service_areas"]] == ["Oulu"]
    assert "service_at_locations" not in local  # its organisation gives no address


@pytest.fixture
def groups(network):
    """A paused activity with two places (one with coordinates, one without a street address),
    online joining, a fee, ages and interpretation, translated into Swedish."""
    page = make.activity(
        network["association"],
        "Äitiryhmä",
        places=[
            make.kemi_library(
                latitude="65.7356",
                longitude="24.565",
                accessibility_notes="Hissi",
            ),
            make.place("Tornio"),
        ],
        online=True,
        online_url="https://meet.example.org/aitiryhma",
        join_method="phone",
        contact_phone="040 864 1127",
        signup_deadline=datetime.date(2027, 1, 31),
        join_instructions="Kerro lasten iät.",
        free=False,
        fee="5 € kerta",
        eligibility="Kotona lapsiaan hoitavat äidit",
        min_age=18,
        max_age=64,
        interpretation_languages=list(Language.objects.filter(code__in=["ar"])),
        status="paused",
    )
    make.translation(page, "sv", title="Mammagrupp")
    return page


def test_places_and_online_are_locations_with_addresses(client, groups):
    for language in ("fi", "sv"):
        record = ok(client, f"/services/{groups.translation_key}?lang={language}")
        validator(response_schema("/services/{id}")).validate(record)
        data = ok(client, f"/service_at_locations?lang={language}&per_page=100")
        validator(response_schema("/service_at_locations")).validate(data)
    record = ok(client, f"/services/{groups.translation_key}?lang=fi")
    assert record["status"] == "temporarily closed"
    assert record["fees_description"] == "5 € kerta"
    assert record["eligibility_description"] == "Kotona lapsiaan hoitavat äidit"
    assert (record["minimum_age"], record["maximum_age"]) == (18, 64)
    assert record["application_process"] == (
        "Ilmoittautuminen puhelimitse: 040 864 1127\n"
        "Ilmoittaudu viimeistään 31. tammikuuta 2027\nKerro lasten iät."
    )
    assert record["interpretation_services"] == "Tulkkaus saatavilla kielille العربية"
    library, tornio, online = [item["location"] for item in record["service_at_locations"]]
    assert library["location_type"] == "physical"
    assert (library["latitude"], library["longitude"]) == (65.7356, 24.565)
    [address] = library["addresses"]
    assert address == {
        "id": address["id"],
        "location_id": library["id"],
        "address_1": "Marina Takalon katu 3",
        "city": "Kemi",
        "state_province": "Lappi",
        "postal_code": "94100",
        "country": "FI",
        "address_type": "physical",
    }
    assert library["accessibility"][0]["description"] == "Esteetön sisäänkäynti Hissi"
    assert tornio["name"] == "Tornio" and "addresses" not in tornio
    assert online == {
        "id": online["id"],
        "location_type": "virtual",
        "organization_id": str(groups.organisation.translation_key),
        "name": "Verkossa",
        "url": "https://meet.example.org/aitiryhma",
    }
    # the same locations, ids and all, in the listing and in Swedish
    listed = ok(client, "/service_at_locations?per_page=100&lang=sv")["contents"]
    ids = {item["location_id"] for item in listed if item["service_id"] == record["id"]}
    assert ids == {library["id"], tornio["id"], online["id"]}


def test_ended_is_inactive_and_free_is_said_in_words(client, network):
    page = make.activity(network["association"], "Päättynyt", status="ended")
    record = ok(client, f"/services/{page.translation_key}?lang=en")
    assert (record["status"], record["fees_description"]) == ("inactive", "Free of charge")
    assert record["application_process"] == "No registration needed"


def test_a_service_carries_its_times_as_hsds_schedules(client, network, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 6))
    cafe = network["cafe"]
    make.schedule(
        cafe,
        weekdays=["TU", "TH"],
        valid_from=datetime.date(2026, 9, 1),
        until=datetime.date(2027, 5, 28),
        months_from=9,
        months_to=5,
        exceptions="24.12.2026",
    )
    make.schedule(
        cafe,
        frequency="monthly",
        week_of_month=-1,
        weekdays=["FR"],
        start="10:00",
        end="12:00",
        valid_from=datetime.date(2026, 11, 1),
    )
    cafe.by_appointment = True
    make.publish(cafe)
    record = ok(client, f"/services/{cafe.translation_key}?lang=fi")
    validator(response_schema("/services/{id}")).validate(record)
    weekly, monthly, appointment = record["schedules"]
    id = str(cafe.translation_key)
    assert {key: value for key, value in weekly.items() if key != "id"} == {
        "service_id": id,
        "valid_from": "2026-09-01",
        "valid_to": "2027-05-28",
        "dtstart": "2026-09-01",
        "timezone": 3,
        "until": "2027-05-28",
        "wkst": "MO",
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "TU,TH",
        "opens_at": "17:00+03:00",
        "closes_at": "19:00+03:00",
        "description": "Tiistaisin ja torstaisin klo 17–19, syyskuusta toukokuuhun, "
        "28. toukokuuta 2027 asti, paitsi 24. joulukuuta 2026",
        "notes": "Tiistaisin klo 17–19",
    }
    assert (monthly["freq"], monthly["byday"], monthly["dtstart"]) == (
        "MONTHLY",
        "-1FR",
        "2026-11-27",
    )
    assert (monthly["opens_at"], monthly["timezone"]) == ("10:00+02:00", 2)
    assert appointment["description"] == "Ajanvarauksella"
    assert len({weekly["id"], monthly["id"], appointment["id"]}) == 3
    again = ok(client, f"/services/{cafe.translation_key}?lang=fi")["schedules"]
    assert [item["id"] for item in again] == [weekly["id"], monthly["id"], appointment["id"]]


def test_ids_are_the_same_in_every_language_and_each_record_says_its_language(client, network):
    finnish = ok(client, "/services?lang=fi")
    swedish = get(client, "/services?lang=sv")
    assert swedish["Content-Language"] == "sv"
    swedish = swedish.json()
    assert sorted(item["id"] for item in finnish["contents"]) == sorted(
        item["id"] for item in swedish["contents"]
    )
    by_name = {item["name"]: item for item in swedish["contents"]}
    assert "Kielikahvila" not in by_name
    assert language_of(by_name["Språkcafé"]) == "sv"
    assert language_of(by_name["Läksykerho"]) == "fi"  # not translated: the source text
    assert (
        by_name["Språkcafé"]["url"]
        == network["cafe"]
        .get_translation(network["cafe"].locale.__class__.objects.get(language_code="sv"))
        .get_full_url()
    )
    header = ok(client, "/services", {"Accept-Language": "sv"})
    assert names(header) == names(swedish)
    terms = ok(client, "/taxonomy_terms?lang=sv&search=inledande")  # the stage "alkuvaihe"
    assert [(term["name"], term["language"]) for term in terms["contents"]] == [
        ("Inledande skede och kartläggning", "sv")
    ]


@pytest.mark.parametrize(
    "query,message",
    [
        ("/services?lang=xx", "Unknown language"),
        ("/taxonomies?lang=<script>", "Unknown language"),
        ("/services?page=0", "page"),
        ("/services?page=abc", "page"),
        ("/services?per_page=101", "per_page"),
        ("/organizations?per_page=-1", "per_page"),
        ("/services?modified_after=yesterday", "modified_after"),
        ("/service_at_locations?modified_after=2026-13-01", "modified_after"),
        ("/services?modified_after=0001-01-01T00:00:00", "modified_after"),
        ("/service_at_locations?modified_after=0001-01-01T00:00:00", "modified_after"),
        ("/services?taxonomy_term_id=1%20OR%201=1", "taxonomy_term_id"),
        ("/services?organization_id=x", "organization_id"),
        ("/taxonomy_terms?taxonomy_id=x", "taxonomy_id"),
    ],
)
def test_bad_parameters_are_a_json_error(client, network, query, message):
    response = client.get(f"{API}{query}", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_paging(client, network):
    first = ok(client, "/services?per_page=2")
    assert (first["total_items"], first["total_pages"], first["size"]) == (3, 2, 2)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)
    second = ok(client, "/services?per_page=2&page=2")
    assert (second["page_number"], second["size"], second["last_page"]) == (2, 1, True)
    assert names(first) + names(second) == ["Kielikahvila", "Läksykerho", "Perhetyö"]
    beyond = ok(client, "/services?per_page=2&page=3")
    assert (beyond["contents"], beyond["empty"]) == ([], True)


def test_modified_after(client, network):
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    ActivityPage.objects.exclude(pk=network["cafe"].pk).update(last_published_at=long_ago)
    assert names(ok(client, "/services?modified_after=2021-01-01T00:00:00Z")) == ["Kielikahvila"]
    everything = ok(client, "/services?modified_after=2019-12-31")
    assert names(everything) == ["Kielikahvila", "Läksykerho", "Perhetyö"]


def test_filters_by_taxonomy_term_organization_and_text(client, network):
    terms = ok(client, "/taxonomy_terms?per_page=100")["contents"]
    early = next(term["id"] for term in terms if term["code"] == "alkuvaihe")
    arabic = next(term["id"] for term in terms if term["code"] == "ar")
    participation = next(term["id"] for term in terms if term["code"] == "participation")
    assert names(ok(client, f"/services?taxonomy_term_id={early}")) == ["Kielikahvila"]
    assert names(ok(client, f"/services?taxonomy_term_id={arabic}")) == ["Kielikahvila"]
    assert names(ok(client, f"/services?taxonomy_term_id={participation}")) == ["Läksykerho"]
    unknown = "00000000-0000-4000-8000-000000000000"
    assert names(ok(client, f"/services?taxonomy_term_id={unknown}")) == []
    city = network["city"].translation_key
    assert names(ok(client, f"/services?organization_id={city}")) == ["Perhetyö"]
    assert names(ok(client, "/services?search=kerho")) == ["Läksykerho"]
    assert names(ok(client, "/organizations?search=oulun")) == ["Oulun kaupunki"]
    taxonomies = ok(client, "/taxonomies")["contents"]
    stages = next(item["id"] for item in taxonomies if item["name"] == "Kotoutumisen vaiheet")
    in_stages = ok(client, f"/taxonomy_terms?taxonomy_id={stages}&per_page=100")["contents"]
    assert "alkuvaihe" in [term["code"] for term in in_stages]
    assert {term["taxonomy_id"] for term in in_stages} == {stages}


def test_private_draft_and_unpublished_pages_never_appear(client, network):
    hidden = [page.title for page in network["hidden"]]
    hidden_organisations = [page.title for page in network["hidden_organisations"]]
    for language in ("fi", "sv", "en"):
        for path in ("/services", "/service_at_locations", "/organizations"):
            text = get(client, f"{path}?lang={language}&per_page=100").content.decode()
            for title in hidden + hidden_organisations:
                assert title not in text, (path, title)
        for page in network["hidden"]:
            response = get(client, f"/services/{page.translation_key}?lang={language}")
            assert response.status_code == 404
            assert "error" in response.json()
        for page in network["hidden_organisations"]:
            response = get(client, f"/organizations/{page.translation_key}?lang={language}")
            assert response.status_code == 404
    offered = ok(client, f"/organizations/{network['association'].translation_key}")["services"]
    assert sorted(service["name"] for service in offered) == ["Kielikahvila", "Läksykerho"]
    assert [
        item["service"]["name"] for item in ok(client, "/service_at_locations")["contents"]
    ] == [
        "Kielikahvila",
        "Läksykerho",
    ]
    assert get(client, "/services/not-a-uuid").status_code == 404


def test_read_only_open_to_every_origin_and_not_under_a_language(client, network):
    response = get(client, "/services")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]
    assert client.post(f"{API}/services").status_code == 405
    assert client.get(f"/fi{API}/services", follow=True).status_code == 404


def services_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/services", "/service_at_locations", "/organizations"])
def test_queries_do_not_grow_with_the_number_of_services(
    client, network, django_assert_max_num_queries, path
):
    url = f"{path}?lang=sv&per_page=100"
    few = services_queries(client, API + url)
    association = network["association"]
    stage = IntegrationStage.objects.get(slug="osallistuminen", locale__language_code="fi")
    for number in range(8):
        make.activity(association, f"Lisätoiminta {number}", stages=[stage], free=False, fee="2 €")
    with django_assert_max_num_queries(few):
        data = ok(client, url)
    assert len(data["contents"]) >= 8 if path != "/organizations" else True


def ld_json(soup):
    [script] = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_activity_and_organisation_pages_carry_schema_org_json_ld(client, soup_of, network):
    cafe = ld_json(soup_of(client.get(network["cafe"].url)))
    assert cafe["@type"] == "Service"
    assert cafe["provider"] == {
        "@type": "Organization",
        "name": "Kotoutumisyhdistys",
        "url": network["association"].get_full_url(),
    }
    assert cafe["areaServed"] == [{"@type": "Country", "name": "Suomi"}]
    assert {language["alternateName"] for language in cafe["availableLanguage"]} == {"fi", "ar"}
    assert "hoursAvailable" not in cafe  # the schedule is free text, not opening hours
    family = ld_json(soup_of(client.get(network["family"].url)))
    assert family["areaServed"] == [{"@type": "City", "name": "Oulu"}]
    organisation = ld_json(soup_of(client.get(network["association"].url)))
    assert organisation["@type"] == "Organization"
    assert organisation["address"] == "Kotikatu 1, 00100 Helsinki"
    assert organisation["email"] == "info@example.org"
    assert organisation["telephone"] == "+358 40 123 4567"


def test_json_ld_gives_places_with_addresses_and_online_joining(client, soup_of, groups):
    channels = ld_json(soup_of(client.get(groups.url)))["availableChannel"]
    assert channels[0]["serviceLocation"] == {
        "@type": "Place",
        "name": "Kemin kaupunginkirjasto",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Marina Takalon katu 3",
            "postalCode": "94100",
            "addressLocality": "Kemi",
            "addressCountry": "FI",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 65.7356, "longitude": 24.565},
    }
    assert channels[2] == {
        "@type": "ServiceChannel",
        "name": "Verkossa",
        "serviceUrl": "https://meet.example.org/aitiryhma",
    }


def test_json_ld_cannot_end_its_script_element(client, soup_of, network):
    title = '</script><script>alert("x")</script><!--'
    page = make.activity(network["association"], title)
    response = client.get(page.url)
    assert b'<script>alert("x")' not in response.content
    assert ld_json(soup_of(response))["name"] == title


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_queries_do_not_grow_with_activities_with_places_and_times(client, network, path):
    association = network["association"]
    arabic = list(Language.objects.filter(code="ar"))

    def add(number):
        activity = make.activity(
            association,
            f"Kerho {number}",
            places=[make.place("Kemi", street_address="Kauppakatu 1", postal_code="94100")]
            + [make.place("Oulu", street_address="Torikatu 2", postal_code="90100")],
            online=number % 2 == 0,
            interpretation_languages=arabic,
        )
        make.schedule(activity, weekdays=["TU"])
        make.schedule(activity, weekdays=["TH"], frequency="every_other_week")

    add(0)
    url = f"{path}?lang=fi&per_page=100"
    few = services_queries(client, API + url)
    for number in range(1, 9):
        add(number)
    assert services_queries(client, API + url) == few
    data = ok(client, url)
    kemi = [r for r in data["contents"] if "Kemi" in json.dumps(r, ensure_ascii=False)]
    assert len(kemi) >= 9  # every activity with its places is in the page


def test_translators_order_the_words_of_the_sign_up_and_interpretation_sentences(
    client, groups, monkeypatch
):
    """Whole sentences with placeholders: a language may put the date or languages first."""
    from network.hsds import records

    sentences = {
        "Sign up by %(date)s": "%(date)s mennessä",
        "Interpretation available into %(languages)s": "%(languages)s: tulkkaus",
    }
    translated = records.gettext
    monkeypatch.setattr(
        records, "gettext", lambda message: translated(sentences.get(message, message))
    )
    record = ok(client, f"/services/{groups.translation_key}?lang=fi")
    assert record["application_process"].splitlines()[1] == "31. tammikuuta 2027 mennessä"
    assert record["interpretation_services"] == "العربية: tulkkaus"
