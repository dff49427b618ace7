from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import translation
from wagtail.models import Page


def page_not_found(request, exception=None):
    """A 404 page in the language of the URL prefix (or the visitor's preferred one)."""
    return render(request, "404.html", {"page": None}, status=404)


def server_error(request):
    """A 500 page that needs no database: all three interface languages, the
    visitor's own first in ``lang``."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"language_code": language}))


def login_locked_out(request, response, credentials):
    """django-axes' answer to a login refused for too many failures: the admin's sign-in
    page says so in the visitor's language, with status 429."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return render(request, "home/admin/login_locked_out.html", {"minutes": minutes}, status=429)


def translation_unavailable(request, page_id):
    """The notice behind a language that a page has not been translated into: says so
    in that language, and offers its home page and the languages the page exists in."""
    page = get_object_or_404(Page.objects.live().public().filter(alias_of__isnull=True), pk=page_id)
    language = translation.get_language()
    names = dict(settings.LANGUAGES)
    translations = [
        {"page": p, "code": p.locale.language_code, "name": names.get(p.locale.language_code)}
        for p in page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    ]
    context = {
        "page": None,
        "language_name": names.get(language, language),
        "translations": translations,
    }
    response = render(request, "home/translation_unavailable.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
