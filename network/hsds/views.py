"""The Open Referral HSDS 3.0 read API: live, public tray activities and their organisations
in the language asked for (``?lang=`` or ``Accept-Language``), each page's translation where
it exists, else the source (Finnish) page. Plain views returning JSON: the API is a handful
of read-only lists whose records ``records`` builds; a bad parameter is a 400 JSON error."""

import datetime
import functools
import math
import operator
import uuid
from functools import reduce

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from home.i18n import own_or_untranslated_q
from network.hsds import records
from network.hsds.records import TAXONOMIES, Vocabulary
from network.models import ActivityPage, OrganisationPage, attach_organisations, in_organisations
from network.models.activities import taking_part_prefetches
from network.models.activity_places import ActivityPlace

PER_PAGE = 20
MAX_PER_PAGE = 100
CACHE_SECONDS = 60
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class ApiError(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def hsds_view(view):
    """GET only; ``view(request, locale, vocabulary, ...)`` runs in the language asked for
    and returns data, or raises ``ApiError``; open to every origin, cached briefly."""

    @require_safe
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            locale = requested_locale(request)
            with translation.override(locale.language_code):
                data = view(request, locale, Vocabulary(locale), *args, **kwargs)
                response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
            response["Content-Language"] = locale.language_code
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        except ApiError as error:
            response = JsonResponse({"error": error.message}, status=error.status)
        patch_vary_headers(response, ["Accept-Language"])
        response["Access-Control-Allow-Origin"] = "*"
        response.language_neutral = True  # a 404 stays one (home.middleware.LocaleMiddleware)
        return response

    return wrapper


def requested_locale(request):
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = request.GET.get("lang")
    if code is None:
        code = translation.get_language_from_request(request)
    elif code not in codes:
        raise ApiError(
            _("Unknown language “%(code)s”: use one of %(codes)s.")
            % {"code": code, "codes": ", ".join(codes)}
        )
    return Locale.objects.get(language_code=code)


def integer(request, name, default, highest=None):
    value = request.GET.get(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or (highest and number > highest):
        limit = f"1–{highest}" if highest else "1–"
        raise ApiError(
            _("“%(name)s” must be a whole number in %(limit)s.") % {"name": name, "limit": limit}
        )
    return number


def uuid_parameter(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ApiError(_("“%(name)s” must be a UUID.") % {"name": name}) from None


def paged(request, items, record):
    """HSDS's page of ``items`` (a query or a list), each made a record by ``record``."""
    number = integer(request, "page", 1)
    size = integer(request, "per_page", PER_PAGE, MAX_PER_PAGE)
    total = len(items) if isinstance(items, list) else items.count()
    start = (number - 1) * size
    contents = record(items[start : start + size]) if start < total else []
    pages = math.ceil(total / size)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }


def organisation_of(**filters):
    """A filter for activities whose organisation (the organisation page their tree path
    starts with) matches ``filters``. The organisations' paths are compared with the starts of
    the activity's path at the depths organisations sit at (one, in practice), so that the
    database looks each up by the index of paths rather than comparing every organisation
    with every activity."""
    depths = OrganisationPage.objects.order_by().values_list("depth", flat=True).distinct()
    starts = [Substr(OuterRef("path"), 1, depth * Page.steplen) for depth in depths]
    same_path = reduce(operator.or_, (Q(path=start) for start in starts), Q(pk__in=[]))
    return Exists(OrganisationPage.objects.filter(same_path, **filters))


def in_live_organisations():
    """A filter for activities whose organisation is live. An activity sits right below its
    organisation (``ActivityPage.parent_page_types``), so it is enough that none above it is
    unpublished: the subtrees of those few are left out by path, with no look-up for each
    activity (``organisation_of`` costs ~70 ms over 5,000 activities on SQLite)."""
    unpublished = OrganisationPage.objects.filter(live=False).values_list("path", flat=True)
    return ~in_organisations(unpublished)


def activities(request, locale, vocabulary):
    """The live, public activities of live organisations in ``locale`` or, untranslated,
    in the source language, narrowed by the request's filters: ``search`` (a plain match in
    the title and summary), ``taxonomy_term_id``, ``organization_id`` and ``modified_after``."""
    found = (
        ActivityPage.objects.live()
        .public()
        .filter(own_or_untranslated_q(ActivityPage, locale), in_live_organisations())
    )
    if text := request.GET.get("search", "").strip():
        found = found.filter(Q(title__icontains=text) | Q(intro__icontains=text))
    if (term_id := uuid_parameter(request, "taxonomy_term_id")) is not None:
        term = vocabulary.by_id.get(term_id)
        described = ActivityPage.objects.filter(term.activities) if term else found.none()
        found = found.filter(pk__in=described.values("pk"))
    if (organisation_id := uuid_parameter(request, "organization_id")) is not None:
        found = found.filter(organisation_of(translation_key=organisation_id))
    if (after := request.GET.get("modified_after")) is not None:
        found = found.filter(last_published_at__gte=moment(after))
    return found.select_related("locale").order_by("title", "pk")


def moment(text):
    try:
        value = datetime.datetime.fromisoformat(text)
        value = value if timezone.is_aware(value) else timezone.make_aware(value)
        return value.astimezone(datetime.UTC)  # a moment UTC cannot hold fails here, not later
    except (ValueError, OverflowError):
        raise ApiError(
            _("“modified_after” must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z.")
        ) from None


def with_links(pages):
    """``pages`` with their organisations and what their records list, in a fixed number
    of queries."""
    pages = pages.prefetch_related(
        "municipalities", "regions", "stages", "target_groups", *taking_part_prefetches()
    )
    return attach_organisations(pages)


def organisations(locale):
    return (
        OrganisationPage.objects.live()
        .public()
        .filter(own_or_untranslated_q(OrganisationPage, locale))
        .select_related("locale")
        .order_by("title", "pk")
    )


def one(items, id, message):
    try:
        found = items.filter(translation_key=uuid.UUID(id)).first()
    except ValueError:
        found = None
    if found is None:
        raise ApiError(message, status=404)
    return found


@hsds_view
def root(request, locale, vocabulary):
    return {"version": records.HSDS_VERSION, "openapi_url": OPENAPI_URL}


@hsds_view
def services(request, locale, vocabulary):
    return paged(
        request,
        activities(request, locale, vocabulary),
        lambda pages: [records.service(page, vocabulary, request) for page in with_links(pages)],
    )


@hsds_view
def service(request, locale, vocabulary, id):
    found = ActivityPage.objects.live().public().filter(own_or_untranslated_q(ActivityPage, locale))
    page = one(found.filter(in_live_organisations()), id, _("No service has this id."))
    return records.service(
        with_links(ActivityPage.objects.filter(pk=page.pk))[0], vocabulary, request
    )


@hsds_view
def organizations(request, locale, vocabulary):
    found = organisations(locale)
    if text := request.GET.get("search", "").strip():
        found = found.filter(Q(title__icontains=text) | Q(intro__icontains=text))
    return paged(
        request,
        found,
        lambda pages: [records.organization(page, vocabulary, request) for page in pages],
    )


@hsds_view
def organization(request, locale, vocabulary, id):
    page = one(organisations(locale), id, _("No organization has this id."))
    offered = activities(request, locale, vocabulary).filter(
        organisation_of(translation_key=page.translation_key)
    )
    summaries = [records.service_summary(item, request) for item in attach_organisations(offered)]
    return records.organization(page, vocabulary, request, services=summaries)


class ActivityLocations:
    """Each of ``activities`` (a query, in its order) at each of its locations
    (``records.locations``), as pairs to count and slice like a list: one light query says how
    many locations each activity has, and only the activities of the slice asked for are read
    whole, so that a page costs the same however many activities there are."""

    def __init__(self, activities):
        places = (
            ActivityPlace.objects.filter(page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        rows = activities.annotate(
            place_count=Coalesce(Subquery(places), 0),
            office=organisation_of(address__gt=""),
        ).values_list("pk", "place_count", "online", "office")
        # as records.locations: the places and online, else the organisation's address
        self.sizes = [(pk, count + online or int(office)) for pk, count, online, office in rows]

    def count(self):
        return sum(size for _pk, size in self.sizes)

    def __getitem__(self, window):
        wanted, skip, position = [], 0, 0
        for pk, size in self.sizes:
            if position + size > window.start and position < window.stop:
                if not wanted:
                    skip = window.start - position
                wanted.append(pk)
            position += size
        pages = {
            page.pk: page
            for page in with_links(
                ActivityPage.objects.filter(pk__in=wanted).select_related("locale")
            )
        }
        pairs = [(pages[pk], place) for pk in wanted for place in records.locations(pages[pk])]
        return pairs[skip : skip + window.stop - window.start]


@hsds_view
def service_at_locations(request, locale, vocabulary):
    """Each activity at each of its locations (``records.locations``), paged by
    ``ActivityLocations``."""
    found = activities(request, locale, vocabulary).filter(
        Q(places__isnull=False) | Q(online=True) | organisation_of(live=True, address__gt="")
    )
    return paged(
        request,
        ActivityLocations(found.distinct()),
        lambda items: [records.service_at_location(page, place, request) for page, place in items],
    )


@hsds_view
def taxonomies(request, locale, vocabulary):
    return paged(request, TAXONOMIES, lambda items: [item.record() for item in items])


@hsds_view
def taxonomy_terms(request, locale, vocabulary):
    terms = vocabulary.terms
    if (taxonomy_id := uuid_parameter(request, "taxonomy_id")) is not None:
        terms = [term for term in terms if term.taxonomy.id == taxonomy_id]
    if text := request.GET.get("search", "").strip().casefold():
        terms = [term for term in terms if text in term.name.casefold()]
    return paged(request, terms, lambda items: [term.record() for term in items])
