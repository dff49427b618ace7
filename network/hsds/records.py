"""The site as Open Referral HSDS 3.0 records: an organisation page is an ``organization``,
a tray activity a ``service``, the places it reaches its ``service_areas``, its places (with
their addresses) and its online joining ``locations`` where it is given (else its
organisation's address). The whole mapping is here, so that new fields of activities
(schedules, contacts) slot in at one place.

Ids are UUIDs that stay the same in every language and every export: a page's or taxonomy
term's ``translation_key`` (shared by its translations), and for the records without one a
name-based UUID (uuid5) of what they stand for.

HSDS has no language per field: each organization and service names the language its text is
in with an attribute (``link_type`` ``text_language``, a term of the languages taxonomy),
the source language (Finnish) where the page is not translated into the one asked for."""

import functools
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.models import Language
from network.hsds.schedules import schedules
from network.models import (
    ActivityCategory,
    ActivityStatus,
    IntegrationStage,
    JoinMethod,
    StepFree,
    TargetGroup,
)
from network.structured_data import without_empty

HSDS_VERSION = "3.0"
# An ended activity may run again (a new project round), so it is inactive rather than defunct.
STATUSES = {
    ActivityStatus.ACTIVE: "active",
    ActivityStatus.PAUSED: "temporarily closed",
    ActivityStatus.ENDED: "inactive",
}
COUNTRY = "FI"
NAMESPACE = uuid.UUID("c28b9098-22df-4414-8f0e-7b37115f79ae")


@functools.lru_cache(maxsize=100_000)
def derived_id(*parts):
    """A UUID for what ``parts`` name, the same in every run and every export (kept once
    worked out: a page of services names ~350, each a SHA-1)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, parts))))


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: Promise
    description: Promise

    @property
    def id(self):
        return derived_id("taxonomy", self.key)

    def record(self):
        return {"id": self.id, "name": str(self.name), "description": str(self.description)}


STAGES = Taxonomy(
    "integration-stages",
    _("Integration stages"),
    _("Stages of the integration path, from arrival to established life."),
)
TARGET_GROUPS = Taxonomy("target-groups", _("Target groups"), _("Whom an activity is meant for."))
CATEGORIES = Taxonomy(
    "activity-categories",
    _("Activity categories"),
    _("What kind of activity it is: support, participation or recruitment."),
)
LANGUAGES = Taxonomy(
    "languages",
    _("Languages"),
    _("Languages by ISO 639 code: those an activity runs in, and the language of a text."),
)
TAXONOMIES = [STAGES, TARGET_GROUPS, CATEGORIES, LANGUAGES]


@dataclass(frozen=True)
class Term:
    """A taxonomy term, in ``language``; ``activities`` selects the activities it describes."""

    taxonomy: Taxonomy
    id: str
    code: str
    name: str
    language: str
    activities: Q
    link_type: str

    def record(self):
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "description": "",
            "taxonomy_id": self.taxonomy.id,
            "taxonomy": str(self.taxonomy.name),
            "language": self.language,
        }


class Vocabulary:
    """Every taxonomy's terms in one language (in the source language where a term is not
    translated): three queries, whatever the number of records that use them."""

    def __init__(self, locale):
        code = locale.language_code
        interface = code if code in settings.INTERFACE_LANGUAGES else settings.LANGUAGE_CODE
        self.languages = {language.code: language for language in Language.objects.all()}
        self.terms = [
            *(
                self._shared(STAGES, term, "stages", "integration_stage")
                for term in IntegrationStage.for_locale(locale)
            ),
            *(
                self._shared(TARGET_GROUPS, term, "target_groups", "target_group")
                for term in TargetGroup.for_locale(locale)
            ),
            *(
                Term(
                    CATEGORIES,
                    derived_id("category", value),
                    value,
                    str(label),
                    interface,
                    Q(category=value),
                    "category",
                )
                for value, label in ActivityCategory.choices
            ),
            *(self.language(code) for code in self.languages),
        ]
        self.by_id = {term.id: term for term in self.terms}

    @staticmethod
    def _shared(taxonomy, term, field, link_type):
        key = term.translation_key
        return Term(
            taxonomy,
            str(key),
            term.slug,
            term.name,
            term.locale.language_code,
            Q(**{f"{field}__translation_key": key}),
            link_type,
        )

    def language(self, code, link_type="service_language"):
        """The term of the language ``code``, named in itself."""
        known = self.languages.get(code)
        return Term(
            LANGUAGES,
            derived_id("language", code),
            code,
            known.native_name if known else code,
            code,
            Q(languages__code=code),
            link_type,
        )

    def of(self, terms):
        """The terms for ``terms`` (integration stages or target groups in any language)."""
        ids = {str(term.translation_key) for term in terms}
        return [term for term in self.terms if term.id in ids]


def attribute(link_id, link_entity, term, value=""):
    return without_empty(
        {
            "id": derived_id("attribute", link_id, term.link_type, term.id),
            "link_id": link_id,
            "link_type": term.link_type,
            "link_entity": link_entity,
            "taxonomy_term_id": term.id,
            "taxonomy_term": term.record(),
            "value": value,
        }
    )


def text_language(link_id, link_entity, page, vocabulary):
    """The attribute that says which language the record's text is in."""
    code = page.locale.language_code
    return attribute(link_id, link_entity, vocabulary.language(code, "text_language"), code)


def organization(page, vocabulary, request, services=None):
    """An organisation page; with ``services`` (records) when they are asked for."""
    id = str(page.translation_key)
    place = location(page)
    return {
        "id": id,
        "name": page.title,
        "description": page.intro,  # required, even when empty
        **without_empty(
            {
                "alternate_name": page.short_name,
                "email": page.contact_email,
                "website": page.website,
                "uri": page.get_full_url(request),
                "phones": phones(page, "organization_id", id),
                "contacts": contacts(page, "organization_id", id),
                "locations": [place] if place else [],
                "attributes": [text_language(id, "organization", page, vocabulary)],
                "services": services,
            }
        ),
    }


def location(organisation):
    """Where an organisation receives people: its address as text. HSDS's structured
    ``addresses`` need street, city and postal code apart, which the address does not keep."""
    if organisation is None or not organisation.address:
        return None
    return {
        "id": derived_id("location", organisation.translation_key),
        "location_type": "physical",
        "organization_id": str(organisation.translation_key),
        "name": organisation.title,
        "description": organisation.address,
    }


def locations(page):
    """Where an activity is given: its places and, when it can be joined online, a virtual
    location; the organisation's address when it names neither."""
    found = [place_location(page, number, place) for number, place in enumerate(page.places.all())]
    if page.online:
        found.append(online_location(page))
    if not found and (office := location(page.organisation)):
        found.append(office)
    return found


def place_location(page, number, place):
    """A place of an activity (its ``number`` in the activity's order, which every translation
    shares, keeps its id) with its address when it has a street address and postal code."""
    id = derived_id("location", page.translation_key, "place", number)
    municipality = place.municipality
    steps = {StepFree.YES: _("Step-free entrance"), StepFree.NO: _("No step-free entrance")}
    accessibility = " ".join(
        part for part in (str(steps.get(place.step_free, "")), place.accessibility_notes) if part
    )
    return without_empty(
        {
            "id": id,
            "location_type": "physical",
            "organization_id": page.organisation and str(page.organisation.translation_key),
            "name": place.name or municipality.name,
            "latitude": float(place.latitude) if place.has_coordinates else None,
            "longitude": float(place.longitude) if place.has_coordinates else None,
            "addresses": place.street_address
            and place.postal_code
            and [
                {
                    "id": derived_id("address", id),
                    "location_id": id,
                    "address_1": place.street_address,
                    "city": municipality.name,
                    "state_province": municipality.region.name,
                    "postal_code": place.postal_code,
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            ],
            "accessibility": accessibility
            and [
                {
                    "id": derived_id("accessibility", id),
                    "location_id": id,
                    "description": accessibility,
                }
            ],
        }
    )


def online_location(page):
    return without_empty(
        {
            "id": derived_id("location", page.translation_key, "online"),
            "location_type": "virtual",
            "organization_id": page.organisation and str(page.organisation.translation_key),
            "name": gettext("Online"),
            "url": page.online_url,
        }
    )


def phones(page, owner, id):
    if not page.contact_phone:
        return []
    return [{"id": derived_id("phone", id), owner: id, "number": page.contact_phone}]


def contacts(page, owner, id):
    if not page.contact_name:
        return []
    return [
        without_empty(
            {
                "id": derived_id("contact", id),
                owner: id,
                "name": page.contact_name,
                "email": page.contact_email,
            }
        )
    ]


def service_summary(page, request):
    """An activity's one-to-one fields (what HSDS lists without nesting)."""
    return without_empty(
        {
            "id": str(page.translation_key),
            "organization_id": page.organisation and str(page.organisation.translation_key),
            "name": page.title,
            "description": page.intro,
            "url": page.get_full_url(request),
            "email": page.contact_email,
            "status": STATUSES[page.status],
            "fees_description": page.fee if not page.free else gettext("Free of charge"),
            "application_process": application_process(page),
            "eligibility_description": page.eligibility,
            "minimum_age": page.min_age,
            "maximum_age": page.max_age,
            "last_modified": page.last_published_at and page.last_published_at.isoformat(),
        }
    )


def application_process(page):
    """How to join in words, one line each: the way (with where to sign up), the deadline,
    the instructions."""
    way = str(page.get_join_method_display())
    channel = {
        JoinMethod.LINK: page.signup_url,
        JoinMethod.PHONE: page.contact_phone,
        JoinMethod.EMAIL: page.contact_email,
    }.get(page.join_method)
    lines = [f"{way}: {channel}" if channel else way]
    if page.signup_deadline:
        lines.append(gettext("Sign up by %(date)s") % {"date": date_format(page.signup_deadline)})
    return "\n".join([*lines, page.join_instructions.strip()]).strip()


def service(page, vocabulary, request):
    """An activity with what it links to: where and in which languages it runs, its
    classification, contact details and schedule, and its locations."""
    record = service_summary(page, request)
    id = record["id"]
    interpretation = [language.native_name for language in page.interpretation_languages.all()]
    languages = [language.code for language in page.languages.all()]
    terms = [
        *vocabulary.of(page.stages.all()),
        *vocabulary.of(page.target_groups.all()),
        vocabulary.by_id[derived_id("category", page.category)],
        *(vocabulary.language(code) for code in languages),
    ]
    return without_empty(
        {
            **record,
            "interpretation_services": interpretation
            and gettext("Interpretation available into %(languages)s")
            % {"languages": ", ".join(interpretation)},
            "phones": phones(page, "service_id", id),
            "contacts": contacts(page, "service_id", id),
            "schedules": schedules(page, id),
            "service_areas": [
                {
                    "id": derived_id("service_area", id, kind, str(name)),
                    "service_id": id,
                    "name": str(name),
                }
                for kind, name in page.areas_served()
            ],
            "languages": [
                {
                    "id": derived_id("language", id, code),
                    "service_id": id,
                    "code": code,
                    "name": vocabulary.language(code).name,
                }
                for code in languages
            ],
            "service_at_locations": [service_at_location(page, place) for place in locations(page)],
            "attributes": [
                *(attribute(id, "service", term) for term in terms),
                text_language(id, "service", page, vocabulary),
            ],
        }
    )


def service_at_location(page, place, request=None):
    """An activity at one of its locations (the location included); with the activity's
    one-to-one fields when ``request`` is given (for the listing)."""
    service_id = str(page.translation_key)
    record = {
        "id": derived_id("service_at_location", service_id, place["id"]),
        "service_id": service_id,
        "location_id": place["id"],
        "location": place,
    }
    if request is not None:
        record["service"] = service_summary(page, request)
    return record
