import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from search import visible_pages
from search.backends.analysed import AnalysedText, analyse_query
from search.query import clean
from search.site_search import SiteSearch
from search.snippets import mentions, text_of

logger = logging.getLogger(__name__)

AUTOCOMPLETE_SIZE = 8
# One letter matches too many titles to help anyone, and costs the most to rank.
AUTOCOMPLETE_MIN_LENGTH = 2
# Entries shown per facet before "show all" (a network has hundreds of organisations).
FACET_ENTRIES = 10


def editors_picks(site_search, query, language):
    """The editors' picks for ``query`` (a promotions ``Query`` or None): live public
    pages in the visitor's language."""
    if query is None:
        return []
    picks = list(query.editors_picks.order_by("sort_order", "pk"))
    visible = site_search.public_pages.filter(
        pk__in=[pick.page_id for pick in picks if pick.page_id], locale__language_code=language
    ).in_bulk()
    return [
        pick
        for pick in picks
        if pick.page_id in visible or (not pick.page_id and pick.external_link_url)
    ]


def with_links(request, facets):
    """Each facet's most frequent entries (all of them on request: ``?all=<facet>``), each
    with the address that selects it and, when selected and not the language, the one
    that removes it; other parameters stay, the page number goes."""
    shown_facets = {}
    for name, entries in facets.items():
        shown = entries
        more = None
        if len(entries) > FACET_ENTRIES and request.GET.get("all") != name:
            shown = [
                entry
                for rank, entry in enumerate(entries)
                if rank < FACET_ENTRIES or entry["selected"]
            ]
            params = request.GET.copy()
            params["all"] = name
            more = {"url": "?" + params.urlencode(), "count": len(entries)}
        for entry in shown:
            params = request.GET.copy()
            params.pop("page", None)
            params.pop("all", None)
            params[name] = entry["value"]
            entry["url"] = "?" + params.urlencode()
            if entry["selected"] and name != "language":
                params.pop(name)
                entry["clear_url"] = "?" + params.urlencode()
        shown_facets[name] = {"entries": shown, "more": more}
    return shown_facets


def chosen_filters(selected, language):
    """How many filters the visitor chose (results in the page's own language are no choice)."""
    return sum(
        1
        for name, value in selected.items()
        if value and not (name == "language" and value == language)
    )


def did_you_mean(site_search):
    """The query with its mistyped words corrected, when that finds something."""
    query = site_search.query
    if not query.corrections:
        return None
    corrected = " ".join(query.corrections.get(word, word) for word in query.text.lower().split())
    if corrected == query.text.lower():
        return None
    # Every corrected word must be a word of a page the visitor can see, so a suggestion
    # never comes from a page that has since become private (the vocabulary only grows).
    terms = set(query.corrections.values())
    if not all(visibly_used(site_search, term, query.language) for term in terms):
        return None
    return corrected


def visibly_used(site_search, term, language, pages=5):
    """Whether the text of one of the best visible pages for ``term`` has it among its
    words' tokens (the index also holds words of pages no longer visible)."""
    term_query = AnalysedText(analyse_query(term, language))
    found = site_search.narrowed(site_search.base()).search(term_query)[:pages]
    pages = Page.objects.filter(pk__in=[page.pk for page in found]).specific()
    return any(mentions(text_of(page), {term}, language) for page in pages)


def search(request):
    """Search over every published public page and the files of public materials."""
    query = clean(request.GET.get("q", ""))
    language = translation.get_language()
    context = {"search_query": query.text, "query_was_cut": query.was_cut}
    status = 200
    if query.text:
        try:
            visible = visible_pages.for_request(request)
            site_search = SiteSearch(query.text, request.GET, language, visible)
            found = site_search.run(request.GET.get("page"))
            suggestion = did_you_mean(site_search)
        except Exception:  # noqa: BLE001 - any engine failure becomes a friendly message
            logger.exception("Search failed for a query of %d characters", len(query.text))
            context["search_failed"], status = True, 503
        else:
            promoted = Query.objects.filter(query_string=normalise_query_string(query.text)).first()
            context.update(
                search_results=found.page,
                facets=with_links(request, found.facets),
                selected=site_search.selected,
                chosen_filters=chosen_filters(site_search.selected, language),
                suggestion=suggestion,
                picks=editors_picks(site_search, promoted, language),
            )
            if found.page.paginator.count:  # popular queries: daily counts, nothing personal
                (promoted or Query.get(query.text)).add_hit()
    return TemplateResponse(request, "search/search.html", context, status=status)


@require_GET
def autocomplete(request):
    """Titles starting with the words typed so far, in the visitor's language, as JSON."""
    query = clean(request.GET.get("q", ""))
    suggestions = []
    if len(query.text) >= AUTOCOMPLETE_MIN_LENGTH:
        pages = visible_pages.queryset().filter(locale=Locale.get_active())
        try:
            found = list(pages.autocomplete(query.text)[:AUTOCOMPLETE_SIZE])
        except Exception:  # noqa: BLE001
            logger.exception("Autocomplete failed for a query of %d characters", len(query.text))
            return JsonResponse(
                {"query": query.text, "suggestions": [], "error": "unavailable"}, status=503
            )
        suggestions = [
            {"title": page.title, "url": page.get_url(request=request)} for page in found
        ]
    return JsonResponse({"query": query.text, "suggestions": suggestions})
