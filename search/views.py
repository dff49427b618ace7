import logging

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 256


def search(request):
    """Full-text search over the published public pages of the visitor's language."""
    typed = "".join(char for char in request.GET.get("q", "") if char.isprintable() or char.isspace())
    query = " ".join(typed.split())[:MAX_QUERY_LENGTH]
    results = None
    failed = False
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        try:
            results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            list(results.object_list)
        except Exception:  # noqa: BLE001 - any engine error becomes a friendly message
            logger.exception("Search failed for a query of %d characters", len(query))
            results, failed = None, True
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "search_failed": failed},
        status=503 if failed else 200,
    )
