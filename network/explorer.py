"""Where the admin's page explorer and page choosers open: an organisation's editor starts
at their organisation in their admin language, not at the root with a home per language,
whether they follow the "Pages" menu, open ``/admin/pages/`` or a page chooser.

Wagtail starts both at the nearest page above every page the user may explore; an
editor's group holds its organisation's page in every language, so that is the root. Here
the start is the nearest page above the pages the user edits as their own
(``roles.own_page_paths``) in their language (else the source language): their
organisation, or the organisation listing for an editor of several. Coordinators keep the
root; translators, who edit no organisation of their own, keep Wagtail's start."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page

from network.roles import organisations_in_language, own_page_paths

CACHE = "_own_start_page"
# The page type Wagtail's choosers ask for when any page will do (its JavaScript always sends one).
ANY_PAGE = "wagtailcore.page"


def start_page(user):
    """The page the explorer and choosers open at for ``user``, or None for Wagtail's own;
    kept on the user for the request, as Wagtail keeps its start."""
    if not hasattr(user, CACHE):
        own = Page.objects.filter(path__in=own_page_paths(user)).select_related("locale")
        pages = organisations_in_language(own, get_language())
        start = None
        if pages:
            start = Page.objects.first_common_ancestor_of(pages, include_self=True, strict=True)
        setattr(user, CACHE, start)
    return getattr(user, CACHE)


class OwnStartExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at ``start_page``."""

    def render_component(self, request):
        component = super().render_component(request)
        start = start_page(request.user)
        if start is not None and hasattr(component, "start_page_id"):
            component.start_page_id = start.pk
        return component


def own_start_explorer(menu_items):
    """``menu_items`` with Wagtail's explorer item replaced by ``OwnStartExplorerMenuItem``."""
    return [
        OwnStartExplorerMenuItem(
            item.label,
            item.url,
            name=item.name,
            classname=item.classname,
            icon_name=item.icon_name,
            attrs=dict(item.attrs),
            order=item.order,
        )
        if type(item) is ExplorerMenuItem
        else item
        for item in menu_items
    ]


class OwnStartBrowseView(BrowseView):
    """Wagtail's page chooser, opening at ``start_page`` when it would open at the root
    (any page type, nothing chosen yet)."""

    def get(self, request, parent_page_id=None):
        any_type = request.GET.get("page_type", ANY_PAGE) == ANY_PAGE
        if parent_page_id is None and any_type:
            start = start_page(request.user)
            parent_page_id = start.pk if start is not None else None
        return super().get(request, parent_page_id)


choose_page = never_cache(require_admin_access(OwnStartBrowseView.as_view()))


wagtail_explore_root = page_viewset_registry.as_view("index", is_base_page=True)


def open_explorer(request):
    """``/admin/pages/`` (Wagtail's explorer at the root, where its breadcrumbs and the
    dashboard's links lead): an editor with a start of their own is sent there."""
    start = start_page(request.user)
    if start is not None:
        address = reverse("wagtailadmin_explore", args=[start.pk])
        query = request.GET.urlencode()  # ordering, page number, filters
        return redirect(f"{address}?{query}" if query else address)
    return wagtail_explore_root(request)


explore_root = never_cache(require_admin_access(open_explorer))
