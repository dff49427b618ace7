"""What the search counts its facets on: the type, language, organisation and topics of
every page a visitor can find (live, public, below the root). Each process keeps it in
memory until the next change saved (``home.chrome``), so a search looks its matches up
there instead of reading a row for each of thousands of matches; it is read again, in
three queries, after any change to pages, their view restrictions or the topics."""

from django.db.models.functions import Substr
from wagtail.models import Page

from home import chrome
from materials.models import MaterialPage, Topic
from network.models import OrganisationPage

NO_TOPICS = frozenset()


def visible_pages(request):
    return chrome.kept(request, "visible-pages", VisiblePages)


def count_topic_changes():
    """Topic slugs are kept here: renaming or deleting a topic counts as a change."""
    chrome.count_changes_of(Topic)


class VisiblePages:
    """``keys``: {page id: (content type id, locale id, organisation slug or None, topic
    slugs)}; ``organisations``: {path: (slug, locale id, title)} of the organisations'
    pages, which sit at one depth of the tree: a page belongs to the one its path starts
    with."""

    def __init__(self):
        pages = Page.objects.live().public().filter(depth__gt=1).order_by()
        self.organisations = {
            path: (slug, locale_id, title)
            for path, slug, locale_id, title in pages.type(OrganisationPage).values_list(
                "path", "slug", "locale_id", "title"
            )
        }
        branch_length = min(map(len, self.organisations), default=0)
        branches = {path: slug for path, (slug, _locale, _title) in self.organisations.items()}
        topics = {}
        for page_id, slug in MaterialPage.topics.through.objects.values_list("materialpage_id", "topic__slug"):
            topics.setdefault(page_id, set()).add(slug)
        shared = {}  # one frozenset per combination of topics
        for page_id, slugs in topics.items():
            slugs = frozenset(slugs)
            topics[page_id] = shared.setdefault(slugs, slugs)
        self.keys = {
            pk: (content_type, locale_id, branches.get(branch), topics.get(pk, NO_TOPICS))
            for pk, content_type, locale_id, branch in pages.values_list(
                "pk", "content_type_id", "locale_id", Substr("path", 1, branch_length)
            )
        }
