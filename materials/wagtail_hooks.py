"""Members-only files on every download route, Wagtail's ``/documents/`` included."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks

from materials.views import login_redirect


@hooks.register("before_serve_document")
def members_only(document, request):
    """Anonymous visitors go to the login page. Logged-in users who reach a members-only
    file through Wagtail's route go to ours, which keeps the file out of shared caches."""
    if not document.requires_login:
        return None
    if not request.user.is_authenticated:
        return login_redirect(request)
    if request.resolver_match and request.resolver_match.view_name == "wagtaildocs_serve":
        return redirect(reverse("materials:download", args=[document.pk, document.filename]))
    return None
