"""Wagtail's PostgreSQL backend on analysed text (``search.backends.analysed``): tokens
stored as ``tsvector`` in the ``simple`` configuration, matched through GIN indexes and
ranked with ``ts_rank`` in the query that limits the results. Ranking reads a short
``ranking`` vector kept in the row (title and each field's opening), so that long bodies
stored apart (TOAST) are not read to rank many matches; ``docs/search.md`` says more."""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections, router, transaction
from django.db.models import BooleanField, Case, Expression, F, Q, Value, When
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Page

from search import vocabulary
from search.analysis import analyse_document_by_kind, fold, tokens
from search.backends.analysed import (
    MAX_QUERY_WORDS,
    RankedCompilerMixin,
    RankedResultsMixin,
    analysis_of,
    is_match_nothing,
    objects_to_index,
)

CONFIG = "simple"
TITLE_WEIGHT = 5.0
# ts_rank weights of the vector labels D, C, B, A (parts of the text's compounds in the
# body and title, the text's whole words in the body and title). For the query's whole
# words, a word found inside a compound of the text counts as much as one standing alone
# (as in bm25 on SQLite and OpenSearch, where a token is a token): "perhetyö" finds
# "perhetyöntekijä" as it finds "perhetyön".
WHOLE_WORD_WEIGHTS = [1.0, 1.0, 1.0, 1.0]
# For the query's compound parts, a part found in a compound counts a tenth of one found
# as a word (there is no inverse document frequency in ts_rank to tell a rare part from a
# common one): "perhetyö" is not "perhe" and "työ" anywhere in the text.
LABEL_WEIGHTS = [0.1, 0.1, 1.0, 1.0]
# The share of the rank on any token (compound parts) added to the rank of the whole words.
PART_FACTOR = 0.3
# ts_rank normalisation 1: divide by 1 + log(length of the vector), so long texts do not
# outrank short ones on word count alone.
NORMALISATION = 1
# Words in the vector that ranking reads (about 2 kB, so it stays in the row), at least
# OPENING_WORDS of each field.
RANKED_WORDS = 100
OPENING_WORDS = 20
# The columns an index update writes, in the order of the values of its rows.
UPDATED_COLUMNS = ("title", "autocomplete", "body", "ranking", "title_text", "body_text", "is_page")
# The column the search app's migration added to the index table (unknown to its model),
# named with the table's own name: the ranking queries never alias that table.
RANKING = RawSQL(f'"{IndexEntry._meta.db_table}"."ranking"', [], output_field=SearchVectorField())


class RowsOf(Expression):
    """The index row may be a page's (``pages``), or another object's: it is not marked as
    the other kind's (the column the search app's migrations added; the page rows and the
    others each have GIN indexes on their title and text, with these conditions). The
    table is named with the alias the query gives it: in the every-word subquery it is
    not the table's own name."""

    output_field = BooleanField()

    def __init__(self, pages):
        super().__init__()
        self.pages = pages

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.is_page IS NOT {'FALSE' if self.pages else 'TRUE'}", []


def rows_of_kind(entries, model):
    """``entries`` kept to the rows of ``model``'s kind (pages or other objects): each
    search then matches through the GIN indexes of that kind's rows alone, and reads no
    row of the other kind."""
    return entries.filter(RowsOf(pages=issubclass(model, Page)))


def opening(fields):
    """The words that ranking reads: the first words of each field's text."""
    per_field = max(OPENING_WORDS, RANKED_WORDS // max(len(fields), 1))
    words = []
    for text in fields:
        words += tokens(text[: per_field * 40])[:per_field]  # 40 characters a word is plenty
    return " ".join(words[:RANKED_WORDS])


def quoted(token):
    """A tsquery lexeme: the token as data, never as query syntax."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(groups, prefix_last=False, every_word=True):
    words = []
    for number, group in enumerate(groups, start=1):
        suffix = ":*" if prefix_last and number == len(groups) else ""
        words.append("(" + " | ".join(quoted(token) + suffix for token in group) + ")")
    return SearchQuery(
        (" & " if every_word else " | ").join(words), search_type="raw", config=CONFIG
    )


class AnalysedPostgresIndex(PostgresIndex):
    def _refresh_title_norms(self, full=False):
        """Nothing to refresh: ranking does not use the title statistics."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type = get_content_type_pk(model)
        is_page = issubclass(model, Page)
        entries, texts = [], []
        for obj, language, (title_text, _autocomplete, fields) in objects_to_index(model, objs):
            title = analyse_document_by_kind(title_text, language)
            body = analyse_document_by_kind(" ".join(fields), language)
            ranked = analyse_document_by_kind(opening(fields), language)
            autocomplete = " ".join(fold(word) for word in tokens(title_text))
            entries.append((str(obj.pk), title_text, title, autocomplete, body, ranked))
            texts.append((obj, " ".join(title + body)))
        if not entries:
            return
        vocabulary.remember_visible(texts)
        # Whole-word matches weigh A (title) and B (body), part matches C and D.
        vector = "setweight(to_tsvector(%s, %s), '{}') || setweight(to_tsvector(%s, %s), '{}')"
        body_vector = vector.format("B", "D")
        title_vector = vector.format("A", "C")
        row = (
            f"(%s, %s, 1.0, {title_vector}, to_tsvector(%s, %s), {body_vector}, {body_vector}, "
            "%s, '', %s)"
        )
        rows = ", ".join([row] * len(entries))
        params = []
        for object_id, raw_title, title, autocomplete, body, ranked in entries:
            params += [
                content_type,
                object_id,
                CONFIG,
                title[0],
                CONFIG,
                title[1],
                CONFIG,
                autocomplete,
            ]
            params += [
                CONFIG,
                body[0],
                CONFIG,
                body[1],
                CONFIG,
                ranked[0],
                CONFIG,
                ranked[1],
                raw_title,
                is_page,
            ]
        table = IndexEntry._meta.db_table
        stored = ", ".join(f"{table}.{column}" for column in UPDATED_COLUMNS)
        indexed = ", ".join(f"EXCLUDED.{column}" for column in UPDATED_COLUMNS)
        # A row whose text has not changed is left as it is: rewriting it would leave a dead
        # copy behind, and after a full update_index the rows of the table would be spread
        # over twice the pages, which every search then reads.
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title_norm, "  # noqa: S608
                f"{', '.join(UPDATED_COLUMNS)}) "
                f"VALUES {rows} ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                + ", ".join(f"{column} = EXCLUDED.{column}" for column in UPDATED_COLUMNS)
                + f" WHERE ({stored}) IS DISTINCT FROM ({indexed})",
                params,
            )


@contextmanager
def matched_through_indexes(using):
    """Within this block, the matches are found through the GIN indexes (as bitmaps). The
    planner does not know that testing a row's body vector means reading it from TOAST:
    for a common word it would rather read the rows of every page (a sequential scan, or
    the content type's B-tree index) and test each body, at several times the cost (and
    a cost that JIT compilation only adds to)."""
    settings = ("enable_seqscan", "enable_indexscan", "jit")
    connection = connections[using]
    # "Local" settings end with the transaction: with the block's own, nothing to put back;
    # inside an outer transaction (or with autocommit off) they would last until it ends,
    # so they are put back.
    outer = connection.in_atomic_block or not connection.get_autocommit()
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if outer:
            cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in settings))
            previous = cursor.fetchone()
        cursor.execute(
            "SELECT " + ", ".join(f"set_config('{name}', 'off', true)" for name in settings)
        )
        yield  # after an error, rolling the block back undoes the settings
        if outer:
            cursor.execute(
                "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in settings),
                previous,
            )


class AnalysedPostgresQueryCompiler(RankedCompilerMixin, PostgresSearchQueryCompiler):
    PREFIX_LAST = False

    def query_plan(self):
        """(groups of alternative tokens per word, whole-word tokens per word)."""
        analysed = analysis_of(self.query)
        return analysed.groups, analysed.wholes

    def ts_query(self, every_word=False, whole_words=False):
        if not hasattr(self, "groups"):
            self.groups, self.wholes = (
                (None, None) if is_match_nothing(self.query) else self.query_plan()
            )
        groups = self.wholes if whole_words else self.groups
        return tsquery(groups, self.PREFIX_LAST, every_word) if groups else None

    def matching_entries(self):
        query = self.ts_query()
        if query is None:
            return None
        # The content type is compared as an expression that its B-tree index cannot serve,
        # so that only the GIN indexes find the matches (``matched_through_indexes``).
        entries = IndexEntry.objects.alias(kind=F("content_type_id") + 0).filter(
            Q(title=query) | Q(body=query),
            kind__in=get_descendants_content_types_pks(self.queryset.model),
        )
        return rows_of_kind(entries, self.queryset.model)

    def engine_settings(self):
        return matched_through_indexes(router.db_for_read(IndexEntry))

    def score(self):
        """The rank of the whole query words in the title and the opening, plus a share of
        the rank on every token (compound parts too): in the title, and for a one-word
        query in the opening too. With several words the every-word tier orders the matches
        on parts, and a second ``ts_rank`` over the opening of every match cost a sixth of
        a three-word search; with one word it alone orders those that match on parts."""

        def rank(vector, query, weights=LABEL_WEIGHTS):
            return SearchRank(vector, query, weights=weights, normalization=Value(NORMALISATION))

        whole_words = self.ts_query(whole_words=True)
        score = rank(F("title"), whole_words, WHOLE_WORD_WEIGHTS) * TITLE_WEIGHT + rank(
            RANKING, whole_words, WHOLE_WORD_WEIGHTS
        )
        if self.wholes == self.groups:
            return score
        every_token = self.ts_query()
        parts = rank(F("title"), every_token) * TITLE_WEIGHT
        if len(self.groups) == 1:
            parts += rank(RANKING, every_token)
        return score + parts * PART_FACTOR

    def tier(self):
        if len(self.groups) < 2:
            return Value(0)
        every_word = self.ts_query(every_word=True)
        # As a set found through the GIN indexes: tested row by row, each body would be
        # read from TOAST.
        every_word_entries = IndexEntry.objects.filter(Q(title=every_word) | Q(body=every_word))
        matching_every_word = rows_of_kind(every_word_entries, self.queryset.model).values("pk")
        return Case(When(pk__in=matching_every_word, then=Value(0)), default=Value(1))


class AnalysedPostgresAutocompleteCompiler(
    AnalysedPostgresQueryCompiler, PostgresAutocompleteQueryCompiler
):
    """Prefix matching of every word as typed (folded), on titles."""

    PREFIX_LAST = True

    def query_plan(self):
        words = [[fold(word)] for word in tokens(getattr(self.query, "query_string", ""))][
            :MAX_QUERY_WORDS
        ]
        return words, words

    def matching_entries(self):
        query = self.ts_query(every_word=True)
        if query is None:
            return None
        return IndexEntry.objects.filter(
            autocomplete=query,
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def score(self):
        return SearchRank(F("autocomplete"), self.ts_query(every_word=True))

    def tier(self):
        return Value(0)


class AnalysedPostgresResults(RankedResultsMixin, PostgresSearchResults):
    pass


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = AnalysedPostgresQueryCompiler
    autocomplete_query_compiler_class = AnalysedPostgresAutocompleteCompiler
    index_class = AnalysedPostgresIndex
    results_class = AnalysedPostgresResults
