"""The site's search: one query over every published public page (files' text is part
of their material page), narrowed by result type, language, organisation and topic,
with counts per choice computed over the other choices.

A request runs in a straight line (``SiteSearch.run``): the query is analysed once
(``AnalysedQuery``, handed to the engine with the text); the engine gives the ids of every
match, best first (``ranked_ids``); the facet counts come from one pass over those pages'
types, languages, organisations and topics, kept in memory for every visible page
(``search.visible_pages``); the page of results is a slice of the matches that fit every
choice; its snippets mark the analysed query's tokens. So a search costs the same few
queries however many pages match, and the match is evaluated once."""

from collections import Counter
from itertools import islice
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.models import Locale, Page, get_page_models

from materials.models import MaterialPage, Topic
from network.models import in_organisations
from search import visible_pages
from search.backends.analysed import AnalysedText, RankedCompilerMixin, analyse_query
from search.snippets import add_snippets

RESULTS_PER_PAGE = 10
# A search server hands over the ids of this many best matches; the facets count those.
FACET_SAMPLE = 1000
FACETS = ("type", "language", "organisation", "topic")


class RankedIds(NamedTuple):
    ids: list  # of the matches, best first
    complete: bool  # all of them, or the first FACET_SAMPLE of a search server's


def ranked_ids(queryset, query):
    """The ``RankedIds`` of the objects of ``queryset`` that match ``query``."""
    results = queryset.search(query)
    compiler = results.query_compiler
    if isinstance(compiler, RankedCompilerMixin):
        # Every match, not only those of the queryset, so also drafts and private pages:
        # the facet pass keeps only the visible pages' (``_keys``, which every result
        # and count comes from), and the database has one filter less to apply.
        ids = compiler.ranked(None, None, within_queryset=False, scores=False)
        return RankedIds(list(map(int, ids)), True)
    ids = search_server_ids(results, FACET_SAMPLE)
    return RankedIds(ids, len(ids) < FACET_SAMPLE)


def search_server_ids(results, limit):
    """The ids of the first ``limit`` matches of an OpenSearch/Elasticsearch search, in one
    request that returns ids only (iterating the results would scroll in pages of 100
    and load every object). The ids are read from doc values: reading the stored field,
    as modelsearch does, unpacks each document's stored source (~70 ms for 1,000)."""
    index = results.backend.get_index_for_model(results.query_compiler.queryset.model).name
    response = results._backend_do_search(
        results._get_es_body(),
        index=index,
        _source=False,
        size=limit,
        stored_fields=["_none_"],
        docvalue_fields=["pk"],
    )
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class FittingIds:
    """The ids of the matches that fit every choice, in rank order, as the paginator reads
    them: their number is known from the facets' counts, and they are picked out of the
    ranked ids only as far as the page asked for reaches."""

    def __init__(self, ids, fits, number):
        self.ids, self.fits, self.number = ids, fits, number

    def count(self):
        return self.number

    def __len__(self):
        return self.number

    def __getitem__(self, key):
        return list(islice(filter(self.fits, self.ids), key.start, key.stop))


class SearchServerIds:
    """The ids of a search server's results, of whose first matches (best first) the ids
    are known already (``known``): the paginator asks the server only for the count and
    for pages beyond them."""

    def __init__(self, results, known):
        self.results, self.known = results, known

    def count(self):
        return self.results.count()

    def __getitem__(self, key):
        if key.stop is not None and key.stop <= len(self.known):
            return self.known[key]
        return [result.pk for result in self.results[key]]


class Found(NamedTuple):
    """What a search shows."""

    facets: dict  # {facet: [{value, label, count, selected}]}
    page: object  # the page of results (specific pages, each with its ``snippet``)


def page_types():
    """{model name: content type id} of the page types a visitor can narrow to."""
    models = [model for model in get_page_models() if model is not Page]
    return {
        model._meta.model_name: ct.pk
        for model, ct in ContentType.objects.get_for_models(*models).items()
    }


class SiteSearch:
    """One visitor's search: the query text, the choices made in the facets and the pages
    the visitor can find; ``run`` gives the facets and a page of results."""

    def __init__(self, text, params, language, visible):
        """``visible``: the pages a visitor can find (``VisiblePages``)."""
        self.visible = visible
        self.language = language
        self.types = page_types()
        languages = {code for code, _name in settings.LANGUAGES}
        self.selected = {
            "type": params.get("type") if params.get("type") in self.types else None,
            "language": params.get("language") if params.get("language") in languages else language,
            "organisation": params.get("organisation") or None,
            "topic": params.get("topic") or None,
        }
        self.organisations = visible.organisations
        self.locales = dict(Locale.objects.values_list("language_code", "pk"))
        # Analysed once, in the language chosen for the results (Swedish words on the
        # Finnish interface with the language facet on Swedish).
        self.query = analyse_query(text, self.selected["language"])

    @cached_property
    def public_pages(self):
        return visible_pages.queryset()

    def base(self):
        return self.public_pages.all()

    def narrowed(self, queryset):
        """``queryset`` with every selected choice applied."""
        chosen = self.selected
        queryset = queryset.filter(locale_id=self.locales.get(chosen["language"]))
        if chosen["type"]:
            queryset = queryset.filter(content_type_id=self.types[chosen["type"]])
        if chosen["organisation"]:
            organisations = self.organisations.by_path.items()
            paths = [path for path, org in organisations if org.slug == chosen["organisation"]]
            queryset = queryset.filter(in_organisations(paths))
        if chosen["topic"]:
            queryset = queryset.filter(
                pk__in=MaterialPage.objects.filter(topics__slug=chosen["topic"]).values("pk")
            )
        return queryset

    def run(self, page_number):
        """``Found``: the facets and the page ``page_number`` of the results, with snippets."""
        ranked = ranked_ids(self.base(), AnalysedText(self.query))
        counts, fitting = self.count(ranked.ids)
        if not ranked.complete:  # beyond a search server's sample, the server's own pages
            results = self.narrowed(self.base()).search(AnalysedText(self.query))
            fitting = SearchServerIds(results, fitting)
        page = self.page_of(fitting, page_number)
        add_snippets(page.object_list, self.query.tokens, self.query.language)
        return Found(self._labelled(counts), page)

    def page_of(self, ids, page_number):
        """The page ``page_number`` of the ranked ``ids``, as specific pages."""
        page = Paginator(ids, RESULTS_PER_PAGE).get_page(page_number)
        ids = list(page.object_list)
        # Through the visible pages again: the kept keys are a moment old after a change.
        specific = self.public_pages.filter(pk__in=ids).specific().in_bulk()
        page.object_list = [specific[pk] for pk in ids if pk in specific]
        materials = [result for result in page.object_list if isinstance(result, MaterialPage)]
        prefetch_related_objects(
            materials, "files__document__language"
        )  # their files' text makes the snippets
        return page

    def count(self, ids):
        """({facet: Counter of its values}, ``FittingIds``) over the visible pages among the
        ranked ``ids``; each facet's counts take the other facets' choices."""
        keys = self._keys(ids)
        chosen = self.selected
        chosen_type = self.types.get(chosen["type"]) if chosen["type"] else None
        chosen_locale = self.locales.get(chosen["language"])
        chosen_organisation, chosen_topic = chosen["organisation"], chosen["topic"]
        counts = {facet: Counter() for facet in FACETS}
        fitting_keys, fitting = set(), 0
        # Pages with the same key (type, language, organisation and topics) count alike.
        for key, number in Counter(keys.values()).items():
            content_type, locale_id, organisation, page_topics = key
            # A page counts for a facet's choices when it fits every other facet's choice.
            other_type = chosen_type is not None and content_type != chosen_type
            other_language = locale_id != chosen_locale
            other_organisation = (
                chosen_organisation is not None and organisation != chosen_organisation
            )
            other_topic = chosen_topic is not None and chosen_topic not in page_topics
            misfitting = other_type + other_language + other_organisation + other_topic
            if misfitting > 1:
                continue
            if not misfitting:
                fitting_keys.add(key)
                fitting += number
            if not misfitting or other_type:
                counts["type"][content_type] += number
            if not misfitting or other_language:
                counts["language"][locale_id] += number
            if organisation and (not misfitting or other_organisation):
                counts["organisation"][organisation] += number
            if not misfitting or other_topic:
                for topic in page_topics:
                    counts["topic"][topic] += number
        # The results are the matches that fit every choice, in rank order.
        return counts, FittingIds(ids, lambda pk: keys.get(pk) in fitting_keys, fitting)

    def _keys(self, ids):
        """{page id: ``PageKey``} of the visible pages among ``ids`` (a search server's
        index may not have caught up with an unpublished page; the database backends'
        matches include drafts)."""
        keys = self.visible.keys
        return {pk: keys[pk] for pk in ids if pk in keys}

    def _labelled(self, counts):
        names = dict(settings.LANGUAGES)
        codes = {pk: code for code, pk in self.locales.items()}
        type_names = {pk: name for name, pk in self.types.items()}
        active = self.locales.get(translation.get_language())
        organisation_titles = {}
        for slug, locale_id, title in self.organisations.by_path.values():
            if slug not in organisation_titles or locale_id == active:
                organisation_titles[slug] = title
        topic_names = {term.slug: term.name for term in Topic.for_locale()}
        labels = {
            "type": lambda pk: capfirst(
                ContentType.objects.get_for_id(pk).model_class()._meta.verbose_name
            ),
            "language": lambda pk: names.get(codes.get(pk), codes.get(pk)),
            "organisation": lambda slug: organisation_titles.get(slug, slug),
            "topic": lambda slug: topic_names.get(slug, slug),
        }
        values = {"type": type_names.get, "language": codes.get}
        facets = {}
        for facet in FACETS:
            chosen = self.selected[facet]
            entries = []
            for value, count in counts[facet].most_common():
                key = values.get(facet, lambda v: v)(value)
                entries.append(
                    {
                        "value": key,
                        "label": labels[facet](value),
                        "count": count,
                        "selected": key == chosen,
                    }
                )
            # by count, then by name (``most_common`` leaves ties in the order counted)
            facets[facet] = sorted(
                entries, key=lambda entry: (-entry["count"], str(entry["label"]))
            )
        return facets
