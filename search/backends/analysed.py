"""What the database backends share: text is analysed (``search.analysis``) when it is
indexed, in the language of the object, and when it is searched, in the language of
the request. The engine then only matches tokens, so the same analysis serves SQLite
and PostgreSQL, and no query text ever reaches the engine's query syntax."""

from contextlib import nullcontext
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils import translation
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from wagtail.models import Locale

from search import vocabulary
from search.analysis import (
    analyse_document,
    analyse_query_by_kind,
    fold,
    misspelled,
    tokens,
)

MAX_QUERY_WORDS = 32


def object_language(obj, locale_codes):
    """The language an object's text is written in: a page's or snippet's locale, a
    document's own language, else the default language."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is not None and locale_id in locale_codes:
        return locale_codes[locale_id]
    language = getattr(obj, "language", None)
    return getattr(language, "code", None) or settings.LANGUAGE_CODE


def analysed_entry(raw, language):
    """(title, autocomplete, body) to store for an object whose raw texts are ``raw``."""
    title, autocomplete, body = raw
    return (
        analyse_document(title, language),
        " ".join(fold(word) for word in tokens(autocomplete or title)),
        analyse_document(body, language),
    )


def query_text(query):
    if isinstance(query, (PlainText, Phrase)):
        return query.query_string
    if isinstance(query, (And, Or)):
        return " ".join(
            sub.query_string for sub in query.subqueries if isinstance(sub, (PlainText, Phrase))
        )
    raise NotImplementedError(
        f"{type(query).__name__} is not supported by Tarjotin's search backends."
    )


class AnalysedQuery(NamedTuple):
    """A query analysed in one language: what every backend matches, ranks and corrects
    with, and what the snippets mark."""

    text: str
    language: str
    # Per word, its alternative tokens (a match needs one token of every group), or its
    # whole-word tokens and close indexed terms when it was corrected (``analyse_query``).
    groups: list
    # Per word, the tokens that match the whole word (not only a part of a compound).
    wholes: list
    # {typed word: closest indexed term} of the corrected words.
    corrections: dict

    @property
    def tokens(self):
        return {token for group in self.groups for token in group}


def analyse_query(text, language=None):
    """The ``AnalysedQuery`` of ``text`` in ``language`` (default: the active language)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    words = []
    for word in tokens(text)[:MAX_QUERY_WORDS]:
        kinds = analyse_query_by_kind(word, language)
        # Folded forms only: every indexed token has its folded copy beside it, so the
        # original form would match the same texts again (and count twice in rankings).
        whole = list(
            dict.fromkeys(fold(token) for word_whole, _parts in kinds for token in word_whole)
        )
        parts = (fold(token) for _whole, word_parts in kinds for token in word_parts)
        group = list(dict.fromkeys([*whole, *parts]))
        if group:
            words.append((word, group, whole))
    known = vocabulary.known({token for _word, group, _whole in words for token in group})
    groups, wholes, corrected = [], [], {}
    for word, group, whole in words:
        # Corrected when none of its tokens is known, or when only parts of it are and a
        # speller rejects it (a typo inside a compound leaves its other parts intact); a
        # word spelt right whose whole form no page has is searched by its parts.
        if known.isdisjoint(whole) and (known.isdisjoint(group) or misspelled(word, language)):
            close = vocabulary.corrections(word, language)
            if close:
                # Searched as its corrections: the pieces that the analysis of a mistyped
                # word splits off ("maa" of "maahanmuutajaäidit") would match other words.
                corrected[word] = close[0]
                close = [token for token in dict.fromkeys(map(fold, close)) if token not in whole]
                group = whole = whole + close
        groups.append(group)
        wholes.append(whole)
    return AnalysedQuery(text, language, groups, wholes, corrected)


class AnalysedText(PlainText):
    """A query handed to ``.search()`` together with its analysis, so that the backends
    match, count and rank with it instead of analysing the text again."""

    def __init__(self, analysed):
        super().__init__(analysed.text)
        self.analysed = analysed


def analysis_of(query):
    """The ``AnalysedQuery`` of a backend's query: the one it carries, else analysed now in
    the active language."""
    analysed = getattr(query, "analysed", None)
    return analysed if analysed is not None else analyse_query(query_text(query))


def query_groups(query):
    """The query as groups of alternative tokens, or None when nothing can match."""
    return analysis_of(query).groups or None


def is_match_all(query):
    return isinstance(query, MatchAll)


def is_match_nothing(query):
    return isinstance(query, Not) and isinstance(query.subquery, MatchAll)


def fetch_all(queryset):
    """The rows of a ``values_list`` queryset as tuples, fetched at once: Django fetches
    rows a hundred at a time, and for the thousands of matches of a common word those
    calls cost milliseconds. Only for values that need no conversion from the database."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class RankedCompilerMixin:
    """Query compiler parts shared by the database backends. Subclasses provide
    ``matching_entries()`` (the index rows matching any word of the query, or None when
    nothing can match), ``tier()`` (0 for rows matching every word, 1 for the others:
    those come first), ``OBJECT_ID`` (the path from such a row to the object's id) and
    ``score()`` (relevance; ``BEST_FIRST`` orders it)."""

    OBJECT_ID = "object_id"
    BEST_FIRST = "-score"

    def wanted_object_ids(self):
        from django.db.models import TextField
        from django.db.models.functions import Cast

        return self.queryset.annotate(_object_id=Cast("pk", TextField())).values("_object_id")

    def matches(self, within_queryset=True):
        """The index rows matching the query, of the queryset's objects only unless
        ``within_queryset`` is false (when the caller keeps to those objects itself)."""
        entries = self.matching_entries()
        if entries is None or not within_queryset:
            return entries
        return entries.filter(**{f"{self.OBJECT_ID}__in": self.wanted_object_ids()})

    def engine_settings(self):
        """A context in which the engine evaluates the ranking queries (see PostgreSQL's)."""
        return nullcontext()

    def ranked(self, start, stop, within_queryset=True, scores=True):
        """(object id, score) of the best matches from ``start`` to ``stop``, best first
        (without ``scores``: the object ids): one query, ordered and limited by the engine."""
        matches = self.matches(within_queryset)
        if matches is None:
            return []
        rows = matches.annotate(score=self.score(), tier=self.tier()).order_by(
            "tier", self.BEST_FIRST, self.OBJECT_ID
        )
        rows = (
            rows.values_list(self.OBJECT_ID, "score")
            if scores
            else rows.values_list(self.OBJECT_ID)
        )
        with self.engine_settings():
            rows = fetch_all(rows[start:stop])
        return rows if scores else [object_id for (object_id,) in rows]

    def search(self, config, start, stop, score_field=None):
        """The matching objects as a queryset in the queryset's own order (used when
        results are not ordered by relevance, and for facets)."""
        from django.db.models import IntegerField
        from django.db.models.functions import Cast

        if is_match_all(self.query):
            return self.queryset[start:stop]
        matches = self.matches()
        if matches is None:
            return self.queryset.none()
        ids = matches.annotate(_pk=Cast(self.OBJECT_ID, IntegerField())).values("_pk")
        queryset = self.queryset.filter(pk__in=ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class RankedResultsMixin:
    """Search results fetched as ranked ids, then the objects in one query."""

    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.order_by_relevance or is_match_all(compiler.query):
            return list(compiler.search(None, self.start, self.stop))
        rows = compiler.ranked(self.start, self.stop)
        queryset = compiler.queryset
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objects = queryset.in_bulk([int(object_id) for object_id, _score in rows])
        results = []
        for object_id, score in rows:
            obj = objects.get(int(object_id))
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        compiler = self.query_compiler
        if is_match_all(compiler.query):
            return compiler.queryset.count()
        matches = compiler.matches()
        if matches is None:
            return 0
        with compiler.engine_settings():
            return matches.count()


def prepare_search_texts(model, objs):
    """A context in which the search texts of ``objs`` are computed one by one, after the
    model has loaded at once what they all need (its ``prepare_search_texts`` class
    method, a context manager, if it has one)."""
    prepare = getattr(model, "prepare_search_texts", None)
    return prepare(objs) if prepare is not None else nullcontext()


def objects_to_index(model, objs):
    """[(object, its language, its raw fields: ``raw_fields``)] of ``objs``, objects of
    ``model``, read within ``prepare_search_texts`` (the database backends' indexing)."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    with prepare_search_texts(model, objs):
        return [(obj, object_language(obj, codes), raw_fields(obj)) for obj in objs]


def raw_texts(obj):
    """(title, autocomplete, body): the text of an object's search fields, the ``title``
    field apart, and of its autocomplete fields (see ``raw_fields``)."""
    title, autocomplete, body = raw_fields(obj)
    return title, autocomplete, " ".join(body)


def raw_fields(obj):
    """(title, autocomplete, [body field texts]): as ``raw_texts``, with the text of each
    body field (and related object's field) apart. Each field's value is computed once
    (the indexers of modelsearch's database backends compute every field's value again
    for the title, the body and the autocomplete text)."""
    from modelsearch.index import AutocompleteField, RelatedFields, SearchField

    title, autocomplete, body = [], [], []

    def text(value):
        if isinstance(value, (list, tuple)):
            return " ".join(text(item) for item in value)
        if isinstance(value, dict):
            return " ".join(text(item) for item in value.values())
        return "" if value is None else str(value)

    def walk(target, fields, top):
        for field in fields:
            if isinstance(field, SearchField):
                (title if top and field.field_name == "title" else body).append(
                    text(field.get_value(target))
                )
            elif isinstance(field, AutocompleteField):
                autocomplete.append(text(field.get_value(target)))
            elif isinstance(field, RelatedFields):
                related = field.get_value(target)
                if related is None:
                    continue
                items = (
                    related.all()
                    if hasattr(related, "all")
                    else [related() if callable(related) else related]
                )
                for item in items:
                    walk(item, field.fields, False)

    walk(obj, obj.get_search_fields(), True)
    return (
        " ".join(title),
        " ".join(part for part in autocomplete if part),
        [part for part in body if part],
    )
