from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def page_not_found(request, exception=None):
    """A 404 page in the language of the URL prefix (or the visitor's preferred one)."""
    return render(request, "404.html", {"page": None}, status=404)


def server_error(request):
    """A 500 page that needs no database: all three interface languages, the
    visitor's own first in ``lang``."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"language_code": language}))
