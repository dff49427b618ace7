"""Refusing addresses that carry a NUL character, with a 400 page in the visitor's language.

PostgreSQL cannot store or compare text containing NUL, so a query parameter such as
``?tag=%00`` that reaches a database lookup ends in a DataError, a server error. No
legitimate address carries one, so it is refused here once for every view, instead of
in each view that looks a parameter up."""

from django.core.exceptions import BadRequest


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query
        ):
            raise BadRequest("NUL character in the address")
        return self.get_response(request)
