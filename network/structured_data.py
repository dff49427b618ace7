"""schema.org descriptions of tray activities (``Service``) and organisations
(``Organization``), embedded in their pages as JSON-LD for search engines and other readers
of structured data. Where an activity is given are its ``availableChannel``s: a place with
its postal address, or online. Its ``hoursAvailable`` are its weekly times (see
``ActivitySchedule.opening_hours``: schema.org has no words for "every other week" or "the
first Tuesday of each month")."""

from django.utils import timezone
from django.utils.translation import gettext

SCHEMA_ORG = "https://schema.org"
AREA_TYPES = {"country": "Country", "region": "AdministrativeArea", "municipality": "City"}


def without_empty(record):
    """``record`` without the fields that have no value (empty text, lists or None)."""
    return {name: value for name, value in record.items() if value not in ("", None, [], {})}


def organisation(page, request):
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Organization",
            "name": page.title,
            "alternateName": page.short_name,
            "description": page.intro,
            "url": page.get_full_url(request),
            "address": page.address,
            "email": page.contact_email,
            "telephone": page.contact_phone,
        }
    )


def activity(page, request):
    provider = page.organisation
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Service",
            "name": page.title,
            "description": page.intro,
            "url": page.get_full_url(request),
            "provider": provider
            and {
                "@type": "Organization",
                "name": provider.title,
                "url": provider.get_full_url(request),
            },
            "areaServed": [
                {"@type": AREA_TYPES[kind], "name": str(name)} for kind, name in page.areas_served()
            ],
            "availableLanguage": [
                {"@type": "Language", "name": language.native_name, "alternateName": language.code}
                for language in page.languages.all()
            ],
            "availableChannel": [
                *(place_channel(place) for place in page.places.all()),
                *([online_channel(page)] if page.online else []),
            ],
            "email": page.contact_email,
            "telephone": page.contact_phone,
            "hoursAvailable": [
                specification
                for schedule in page.schedules.all()
                for specification in schedule.opening_hours(timezone.localdate())
            ],
        }
    )


def place_channel(place):
    """A place of an activity (``network.models.ActivityPlace``) as a channel to the service."""
    municipality = place.municipality
    return {
        "@type": "ServiceChannel",
        "serviceLocation": without_empty(
            {
                "@type": "Place",
                "name": place.name or municipality.name,
                "address": without_empty(
                    {
                        "@type": "PostalAddress",
                        "streetAddress": place.street_address,
                        "postalCode": place.postal_code,
                        "addressLocality": municipality.name,
                        "addressCountry": "FI",
                    }
                ),
                "geo": place.has_coordinates
                and {
                    "@type": "GeoCoordinates",
                    "latitude": float(place.latitude),
                    "longitude": float(place.longitude),
                },
            }
        ),
    }


def online_channel(page):
    return without_empty(
        {"@type": "ServiceChannel", "name": gettext("Online"), "serviceUrl": page.online_url}
    )
