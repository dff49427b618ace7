"""What the site search's facets need to know of a page, kept in its search index entry:
its type, locale, place in the tree (which organisation it belongs to) and topics, as
one short string (the *facet key*).

The ranking query hands the keys over with the ids of the matches, so counting the
facets of thousands of matches needs no second query for the pages themselves; only
whether each is still visible is asked of the pages table. Keys are written whenever a
page is indexed (see ``search.signal_handlers``)."""

from wagtail.models import Page

from materials.models import MaterialPage


def facet_key(obj):
    """The facet key of an object: for a page, "<content type> <locale> <path> <topic
    ids>" (topic ids comma-separated, possibly none); for anything else, empty."""
    if not isinstance(obj, Page):
        return ""
    topics = ",".join(str(topic.pk) for topic in obj.topics.all()) if isinstance(obj, MaterialPage) else ""
    return f"{obj.content_type_id} {obj.locale_id} {obj.path} {topics}"


def parse_facet_key(key):
    """(content type id, locale id, path, topic ids) of a facet key, or None when the key
    is empty (an entry indexed before keys existed)."""
    if not key:
        return None
    content_type, locale, path, topics = key.split(" ")
    return int(content_type), int(locale), path, frozenset(int(topic) for topic in topics.split(",") if topic)
