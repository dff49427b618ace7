"""What the search counts its facets on: the type, language, organisation and topics of
every page a visitor can find (live, public, below the root). Each process keeps it in
memory under the number of changes saved (``home.change_count``: pages, view restrictions,
topics and a material's topics among them), so a search looks its matches up there
instead of reading a row for each of thousands of matches; it is read again, in three
queries, once the number has moved (or a minute has passed)."""

from typing import NamedTuple

from django.db.models.signals import m2m_changed
from wagtail.models import Page

from home import change_count
from materials.models import MaterialPage, Topic
from network.models import OrganisationBranches, OrganisationPage

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
    m2m_changed.connect(
        record_topics_change, sender=MaterialPage.topics.through, dispatch_uid="visible-topics"
    )


def record_topics_change(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        change_count.record_change(sender, instance)


class PageKey(NamedTuple):
    """What the facets count a visible page by."""

    content_type: int  # id
    locale: int  # id
    organisation: str | None  # slug
    topics: frozenset  # slugs


class VisibleOrganisation(NamedTuple):
    slug: str
    locale: int  # id
    title: str


class VisiblePages:
    """``keys``: {page id: ``PageKey``}; ``organisations``: the visible organisations'
    ``OrganisationBranches`` ({path: ``VisibleOrganisation``})."""

    def __init__(self):
        pages = queryset().order_by()
        self.organisations = OrganisationBranches(
            {
                path: VisibleOrganisation(slug, locale_id, title)
                for path, slug, locale_id, title in pages.type(OrganisationPage).values_list(
                    "path", "slug", "locale_id", "title"
                )
            }
        )
        slugs = {path: org.slug for path, org in self.organisations.by_path.items()}
        topics = {}
        for page_id, slug in MaterialPage.topics.through.objects.values_list(
            "materialpage_id", "topic__slug"
        ):
            topics.setdefault(page_id, set()).add(slug)
        shared = {}  # one frozenset per combination of topics
        for page_id, page_topics in topics.items():
            page_topics = frozenset(page_topics)
            topics[page_id] = shared.setdefault(page_topics, page_topics)
        self.keys = {
            pk: PageKey(content_type, locale_id, slugs.get(branch), topics.get(pk, NO_TOPICS))
            for pk, content_type, locale_id, branch in pages.values_list(
                "pk", "content_type_id", "locale_id", self.organisations.branch()
            )
        }
