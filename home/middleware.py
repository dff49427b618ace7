"""Taking NUL characters out of the address before any view reads it.

PostgreSQL cannot store or compare text containing NUL, so a query parameter such as
``?tag=%00`` that reaches a database lookup ends in a DataError, a server error, and a
page address with one fails in Wagtail's page lookup the same way. No page's address
holds a NUL, so such a path is not found (404), and query parameters lose their NULs
(the search already drops control characters), once here for every view instead of in
each view that looks a parameter up."""

from urllib.parse import urlencode

from django.http import Http404, QueryDict
from django.middleware import locale

NUL = "\x00"


class DropNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404
        pairs = [(key, value) for key, values in request.GET.lists() for value in values]
        if any(NUL in key or NUL in value for key, value in pairs):
            request.GET = QueryDict(
                urlencode([(key.replace(NUL, ""), value.replace(NUL, "")) for key, value in pairs])
            )
        return self.get_response(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, leaving alone a response marked ``language_neutral`` (the open data API,
    which takes its language as a parameter): Django would send a 404 of an address outside
    the language prefixes to the same address under ``/fi/``, where Wagtail answers every
    address with a page or a 404 page of its own."""

    def process_response(self, request, response):
        if getattr(response, "language_neutral", False):
            return response
        return super().process_response(request, response)
