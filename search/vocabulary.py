"""Correcting mistyped query words against the vocabulary of the public pages.

A query word none of whose analysed tokens occur in any indexed text is compared
with indexed terms of a similar length that share its first letters; terms within a
small edit distance become extra alternatives of that word, and the closest one is
offered as "did you mean"."""

from search.models import IndexedTerm

MIN_LENGTH = 4
MAX_CANDIDATES = 3


def remember_visible(objects_and_texts):
    """Add the tokens of the live, public pages among ``(object, analysed text)`` pairs:
    "did you mean" must never offer a word that only unpublished, private or members-only
    content holds (documents are left out: their public text is part of their material)."""
    from wagtail.models import Page, PageViewRestriction

    pairs = [(obj, text) for obj, text in objects_and_texts if isinstance(obj, Page) and obj.live]
    if not pairs:
        return
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    remember(text for obj, text in pairs if not any(obj.path.startswith(path) for path in restricted))


def remember(token_texts):
    """Add the tokens of analysed texts to the vocabulary (one insert statement)."""
    terms = {token for text in token_texts for token in text.split() if len(token) <= 64}
    IndexedTerm.objects.bulk_create(
        [IndexedTerm(term=term, length=len(term)) for term in terms], ignore_conflicts=True, batch_size=2000
    )


def allowed_edits(word):
    return 1 if len(word) < 8 else 2


def edit_distance(a, b, limit):
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def known(tokens):
    return IndexedTerm.objects.filter(term__in=tokens).exists()


def corrections(word):
    """Indexed terms close to ``word``, closest first (at most MAX_CANDIDATES)."""
    if len(word) < MIN_LENGTH:
        return []
    limit = allowed_edits(word)
    candidates = IndexedTerm.objects.filter(
        term__startswith=word[:2], length__gte=len(word) - limit, length__lte=len(word) + limit
    ).values_list("term", flat=True)
    scored = sorted(
        (distance, term)
        for term in candidates
        if (distance := edit_distance(word, term, limit)) <= limit and term != word
    )
    return [term for _distance, term in scored[:MAX_CANDIDATES]]
