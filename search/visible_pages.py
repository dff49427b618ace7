"""What the search counts its facets on: the type, language, organisation and topics of
every page a visitor can find (live, public, below the root). Each process keeps it in
memory under the number of changes saved (``home.change_count``: pages, view restrictions,
topics and a material's topics among them), so a search looks its matches up there
instead of reading a row for each of thousands of matches; it is read again, in three
queries, once the number has moved (or a minute has passed)."""

from django.db.models.functions import Substr
from django.db.models.signals import m2m_changed
from wagtail.models import Page

from home import change_count
from materials.models import MaterialPage, Topic
from network.models import OrganisationPage

NO_TOPICS = frozenset()


def for_request(request):
    """The ``VisiblePages`` this process keeps for the number of changes ``request`` read."""
    return change_count.kept_in_memory(request, "visible-pages", VisiblePages)


def queryset():
    """The pages a visitor can find: the search's results are read through these too."""
    return Page.objects.live().public().filter(depth__gt=1)


def count_topic_changes():
    """Topic slugs are kept here: renaming or deleting a topic, and changing which topics a
    material has, count as changes. A material's topics are written after its page's
    ``post_save`` (and, outside a transaction, after that save's count has moved), so
    their writing is counted on its own."""
    change_count.count_changes_of(Topic)
    m2m_changed.connect(record_topics_change, sender=MaterialPage.topics.through, dispatch_uid="visible-topics")


def record_topics_change(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        change_count.record_change(sender, instance)


class VisiblePages:
    """``keys``: {page id: (content type id, locale id, organisation slug or None, topic
    slugs)}; ``organisations``: {path: (slug, locale id, title)} of the organisations'
    pages, which sit at one depth of the tree: a page belongs to the one its path starts
    with."""

    def __init__(self):
        pages = queryset().order_by()
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
