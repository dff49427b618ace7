"""Finnish-aware analysis for the OpenSearch (and Elasticsearch) backends.

Each document carries, besides Wagtail's own fields:

- ``_t_all``, ``_t_whole``, ``_t_title``: the tokens of ``search.analysis`` (every
  token; whole-word tokens only; title tokens), indexed with the whitespace analyser,
  so that the engine matches exactly what the database backends match;
- ``_t_<analyser>``: the raw text in a field analysed by the engine's own analyser for
  the document's language (``finnish``, ``swedish``, ``english``, ``arabic``…),
  configured in the index mapping.

A query matches documents that have any of its words' tokens (or a word within a small
edit distance, for typing errors), and ranks documents with every word, whole-word
matches, title matches and the language analyser's matches above the others."""

import threading

from modelsearch.query import PlainText
from wagtail.models import Locale

from search import vocabulary
from search.analysis import analyse_document, analyse_document_by_kind, fold, tokens
from search.backends.analysed import (
    MAX_QUERY_WORDS,
    analysis_of,
    object_language,
    prepare_search_texts,
    query_text,
    raw_texts,
)

TOKEN_FIELDS = {"_t_all": "whitespace", "_t_whole": "whitespace", "_t_title": "whitespace"}
# Languages with an analyser of their own in OpenSearch's analysis-common module.
NATIVE_ANALYSERS = {
    "fi": "finnish",
    "sv": "swedish",
    "en": "english",
    "ar": "arabic",
    "fa": "persian",
    "ru": "russian",
    "et": "estonian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "tr": "turkish",
}
BOOSTS = {"every_word": 10.0, "whole": 3.0, "title": 3.0, "native": 1.0, "typo": 0.5}


def native_field(language):
    return f"_t_{NATIVE_ANALYSERS.get(language, 'standard')}"


_locale_codes = {}
_pending = threading.local()


def pending_terms():
    """(object, token string) of the documents made since the index last wrote (per
    thread): the vocabulary ("did you mean") learns them in one insert per batch."""
    if not hasattr(_pending, "texts"):
        _pending.texts = []
    return _pending.texts


def remember_pending_terms():
    pending = pending_terms()
    if pending:
        vocabulary.remember_visible(pending)
        pending.clear()


def locale_codes():
    """Locale ids to language codes, read once per process (and again for a new locale)."""
    if not _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes


class AnalysedMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        for name, analyser in TOKEN_FIELDS.items():
            properties[name] = {"type": "text", "analyzer": analyser}
        for analyser in {*NATIVE_ANALYSERS.values(), "standard"}:
            properties[f"_t_{analyser}"] = {"type": "text", "analyzer": analyser}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        codes = locale_codes()
        if getattr(obj, "locale_id", None) is not None and obj.locale_id not in codes:
            _locale_codes.clear()
            codes = locale_codes()
        language = object_language(obj, codes)
        title, _autocomplete, body = raw_texts(obj)
        whole, _parts = analyse_document_by_kind(f"{title} {body}", language)
        document["_t_all"] = analyse_document(f"{title} {body}", language)
        document["_t_whole"] = whole
        document["_t_title"] = analyse_document(title, language)
        document[native_field(language)] = f"{title}\n{body}"
        pending_terms().append((obj, document["_t_all"]))
        return document


class AnalysedIndexMixin:
    def add_item(self, item):
        super().add_item(item)
        remember_pending_terms()

    def add_items(self, model, items):
        with prepare_search_texts(model, items):
            super().add_items(model, items)
        remember_pending_terms()


class AnalysedQueryCompilerMixin:
    def get_inner_query(self):
        query = self.query
        try:
            text = query_text(query)
        except NotImplementedError:
            return super().get_inner_query()
        analysed = analysis_of(query)
        groups, wholes, language = analysed.groups, analysed.wholes, analysed.language
        if not groups:
            return {"match_none": {}}
        every_token = " ".join(token for group in groups for token in group)
        folded_words = " ".join(fold(word) for word in tokens(text)[:MAX_QUERY_WORDS])
        matching = [
            {"match": {"_t_all": {"query": every_token}}},
            {
                "match": {
                    "_t_all": {
                        "query": folded_words,
                        "fuzziness": "AUTO",
                        "prefix_length": 2,
                        "boost": BOOSTS["typo"],
                    }
                }
            },
            {"match": {native_field(language): {"query": text, "boost": BOOSTS["native"]}}},
        ]
        ranking = [
            {
                "bool": {
                    "must": [{"match": {"_t_all": " ".join(group)}} for group in groups],
                    "boost": BOOSTS["every_word"],
                }
            },
            {
                "match": {
                    "_t_whole": {
                        "query": " ".join(token for whole in wholes for token in whole),
                        "boost": BOOSTS["whole"],
                    }
                }
            },
            {"match": {"_t_title": {"query": every_token, "boost": BOOSTS["title"]}}},
        ]
        return {
            "bool": {
                "must": {"bool": {"should": matching, "minimum_should_match": 1}},
                "should": ranking,
            }
        }


class FoldedAutocompleteMixin:
    """Wagtail indexes autocomplete prefixes through ``asciifolding`` but searches them with
    the ``standard`` analyser, which keeps ä and ö, so "järj" found no "Järjestöt". The
    typed words are folded here the same way."""

    def __init__(self, queryset, query, *args, **kwargs):
        super().__init__(queryset, query, *args, **kwargs)
        if isinstance(self.query, PlainText):
            words = " ".join(fold(word) for word in self.query.query_string.split())
            self.query = PlainText(words, operator=self.query.operator, boost=self.query.boost)


def with_analysis(backend_class):
    """``backend_class`` (an OpenSearch or Elasticsearch backend of modelsearch) with the
    analysed mapping, index and query compiler: subclasses of its own classes, so that
    the same code serves every engine version."""
    mapping = type("AnalysedMapping", (AnalysedMappingMixin, backend_class.mapping_class), {})
    search_compiler = type(
        "AnalysedQueryCompiler",
        (AnalysedQueryCompilerMixin, backend_class.query_compiler_class),
        {"mapping_class": mapping},
    )
    autocomplete_compiler = type(
        "AnalysedAutocompleteQueryCompiler",
        (FoldedAutocompleteMixin, backend_class.autocomplete_query_compiler_class),
        {"mapping_class": mapping},
    )
    index = type("AnalysedIndex", (AnalysedIndexMixin, backend_class.index_class), {})
    return type(
        f"Analysed{backend_class.__name__}",
        (backend_class,),
        {
            "index_class": index,
            "mapping_class": mapping,
            "query_compiler_class": search_compiler,
            "autocomplete_query_compiler_class": autocomplete_compiler,
        },
    )
