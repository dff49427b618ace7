"""Wagtail's SQLite FTS5 backend with analysed text and ranking inside the engine.

Differences from the stock backend (modelsearch's ``SQLiteSearchBackend``):

- the stored text is analysed in the object's language and the query alike
  (``search.backends.analysed``), so inflected forms, compound parts and words typed
  without ä/ö meet;
- relevance is FTS5's ``bm25()`` with column weights, computed once per matching row
  in the one query that orders and limits the results (the stock backend re-runs the
  match in a correlated subquery for every hit);
- saving an object writes its own row only: no table-wide title statistics are
  refreshed on every save, so publishing costs the same with 100 or 20,000 entries.
"""

from django.db.models import FloatField, Func, IntegerField, Lookup, Value
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import vocabulary
from search.analysis import fold, tokens
from search.backends.analysed import (
    MAX_QUERY_WORDS,
    RankedCompilerMixin,
    RankedResultsMixin,
    analysed_entry,
    is_match_nothing,
    objects_to_index,
    query_groups,
)

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# bm25 weights of the FTS5 columns, in their order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


def quoted(token):
    """An FTS5 string: the token as data, never as query syntax."""
    return '"' + token.replace('"', '""') + '"'


def fts5_query(columns, groups, prefix_last=False, every_word=True):
    words = []
    for number, group in enumerate(groups, start=1):
        alternatives = [
            quoted(token) + ("*" if prefix_last and number == len(groups) else "")
            for token in group
        ]
        words.append("(" + " OR ".join(alternatives) + ")")
    return "{" + " ".join(columns) + "} : (" + (" AND " if every_word else " OR ").join(words) + ")"


class FTSMatch(Lookup):
    """``<fts table> MATCH %s`` as a WHERE condition (a Lookup, so that Django adds no
    ``= true``)."""

    lookup_name = "tarjotin_fts_match"

    def __init__(self, query):
        self.fts_query = query
        super().__init__(None, None)

    def as_sql(self, compiler, connection):
        return f"{FTS_TABLE} MATCH %s", [self.fts_query]


class WeightedBM25(Func):
    output_field = FloatField()

    def __init__(self):
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({FTS_TABLE}, %s, %s, %s)", list(COLUMN_WEIGHTS)


class AnalysedSQLiteIndex(SQLiteIndex):
    def _refresh_title_norms(self, full=False):
        """Nothing to refresh: bm25() normalises column lengths itself."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        rows, texts = {}, []
        for obj, language, (title_text, autocomplete_text, fields) in objects_to_index(model, objs):
            title, autocomplete, body = analysed_entry(
                (title_text, autocomplete_text, " ".join(fields)), language
            )
            rows[str(obj.pk)] = title, autocomplete, body
            texts.append((obj, f"{title} {body}"))
        if not rows:
            return
        vocabulary.remember_visible(texts)
        content_type = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type)
        changed = []
        for entry in entries.filter(object_id__in=rows):
            entry.title, entry.autocomplete, entry.body = rows.pop(entry.object_id)
            changed.append(entry)
        entries.bulk_update(changed, ["title", "autocomplete", "body"], batch_size=500)
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in rows.items()
            ],
            batch_size=500,
        )


class AnalysedSQLiteQueryCompiler(RankedCompilerMixin, SQLiteSearchQueryCompiler):
    COLUMNS = ["title", "body"]
    PREFIX_LAST = False
    OBJECT_ID = "index_entry__object_id"
    BEST_FIRST = "score"  # bm25() is lower for better matches

    def fts_groups(self):
        return query_groups(self.query)

    def matching_entries(self):
        """The FTS rows matching the query, or None when the query has nothing to match."""
        if is_match_nothing(self.query):
            return None
        groups = self.fts_groups()
        if not groups:
            return None
        self.groups = groups
        return SQLiteFTSIndexEntry.objects.filter(
            FTSMatch(
                fts5_query(self.COLUMNS, groups, self.PREFIX_LAST, every_word=self.PREFIX_LAST)
            ),
            index_entry__content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def score(self):
        return WeightedBM25()

    def tier(self):
        if len(self.groups) < 2 or self.PREFIX_LAST:
            return Value(0)
        every_word = fts5_query(self.COLUMNS, self.groups, self.PREFIX_LAST)
        return RawSQL(
            f"CASE WHEN {FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
            "MATCH %s) THEN 0 ELSE 1 END",  # noqa: S608
            [every_word],
            output_field=IntegerField(),
        )


class AnalysedSQLiteAutocompleteCompiler(
    AnalysedSQLiteQueryCompiler, SQLiteAutocompleteQueryCompiler
):
    """Prefix matching of the words as typed (folded), on titles."""

    COLUMNS = ["autocomplete"]
    PREFIX_LAST = True

    def fts_groups(self):
        words = [fold(word) for word in tokens(getattr(self.query, "query_string", ""))][
            :MAX_QUERY_WORDS
        ]
        return [[word] for word in words if word] or None


class AnalysedSQLiteResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class SearchBackend(SQLiteSearchBackend):
    query_compiler_class = AnalysedSQLiteQueryCompiler
    autocomplete_query_compiler_class = AnalysedSQLiteAutocompleteCompiler
    index_class = AnalysedSQLiteIndex
    results_class = AnalysedSQLiteResults
