"""Narrowing a listing (the materials bank, the integration tray) to the pages whose text
matches what a visitor typed, with the site's search backend (Finnish-aware). The listing's
other filters keep working when the search engine is down: the text is then left out and
the visitor told so, never a server error."""

import logging
from typing import NamedTuple

logger = logging.getLogger(__name__)

# The best matches a listing is narrowed to: more are never read by a person.
TEXT_MATCHES = 1000
TEXT_MAX_LENGTH = 200


class TextMatch(NamedTuple):
    queryset: object
    failed: bool  # the search engine failed: the text did not narrow the listing


def typed_text(value):
    """What a visitor typed, with its runs of white space made single and its length capped."""
    return " ".join((value or "").split())[:TEXT_MAX_LENGTH]


def narrow_to_text(queryset, searchable, text):
    """``queryset`` narrowed to the best ``TEXT_MATCHES`` matches of ``text`` among the pages
    of ``searchable`` (published, public ones of the same model)."""
    if not text:
        return TextMatch(queryset, False)
    try:
        matches = [page.pk for page in searchable.search(text)[:TEXT_MATCHES]]
    except Exception:  # noqa: BLE001 - the search engine's failure must not fail the listing
        logger.exception("A listing's text search failed")
        return TextMatch(queryset, True)
    return TextMatch(queryset.filter(pk__in=matches), False)
