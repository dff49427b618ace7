"""Correcting mistyped query words against the vocabulary of the public pages.

A query word none of whose tokens occur in any indexed text is corrected, and so is one
whose compound parts occur but not its whole form when a speller rejects it (a typo in
"maahanmuutajaäidit" leaves "maahan" intact; a compound spelt right is searched by its
parts, where no speller says otherwise): the
words a speller offers for it whose tokens the index has come first, then the indexed
terms that share its first two letters within a small edit distance (a swap of two
letters counts one edit). They become extra alternatives of that word, and the first
is offered as "did you mean"."""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.analysis import analyse_query_by_kind, fold, spelling_suggestions
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
    remember(
        text for obj, text in pairs if not any(obj.path.startswith(path) for path in restricted)
    )


def remember(token_texts):
    """Add the tokens of analysed texts to the vocabulary (one insert statement)."""
    terms = {token for text in token_texts for token in text.split() if len(token) <= 64}
    IndexedTerm.objects.bulk_create(
        [IndexedTerm(term=term) for term in terms], ignore_conflicts=True, batch_size=2000
    )


def allowed_edits(word):
    return 1 if len(word) < 8 else 2


def known(tokens):
    """The indexed terms among ``tokens`` (a set)."""
    return (
        set(IndexedTerm.objects.filter(term__in=tokens).values_list("term", flat=True))
        if tokens
        else set()
    )


def corrections(word, language):
    """Indexed terms close to ``word`` (as typed, in ``language``), closest first (at
    most MAX_CANDIDATES): those of the speller's suggestions, then those within
    ``allowed_edits``."""
    if len(word) < MIN_LENGTH:
        return []
    found = list(dict.fromkeys(spelled(word, language) + edited(fold(word))))
    return found[:MAX_CANDIDATES]


def spelled(word, language):
    """The whole-word tokens of the speller's suggestions for ``word`` that the index
    has, in the speller's order."""
    suggested = [
        token
        for suggestion in spelling_suggestions(word.lower(), language)
        for whole, _parts in analyse_query_by_kind(suggestion, language)
        for token in whole
    ]
    indexed = known(set(suggested))
    return [token for token in dict.fromkeys(suggested) if token in indexed]


def edited(word):
    """Indexed terms within ``allowed_edits`` of ``word``, closest first."""
    limit = allowed_edits(word)
    prefix = word[:2]
    # A range on the unique index (LIKE 'ab%' cannot use it on SQLite).
    terms = IndexedTerm.objects.filter(
        term__gte=prefix, term__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1)
    )
    candidates = [
        term
        for term in terms.order_by("term").values_list("term", flat=True)
        if abs(len(term) - len(word)) <= limit and term != word
    ]
    close = process.extract(
        word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=MAX_CANDIDATES
    )
    return [
        term for term, _distance, _index in sorted(close, key=lambda found: (found[1], found[0]))
    ]
