"""The site's search: one query over every published public page (files' text is part
of their material page), narrowed by result type, language, organisation and topic,
with counts per choice computed over the other choices.

The search engine is asked once for the ids of every match, best first (``ranked_matches``);
the facet counts come from one pass over those pages' types, languages, organisations and
topics, kept in memory for every visible page (``search.visible_pages``), and the page of
results is a slice of the matches that fit every choice. So a search costs the same few
queries however many pages match, and the match is evaluated once."""

import operator
from collections import Counter
from functools import reduce
from itertools import islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Locale, Page, get_page_models

from materials.models import MaterialPage, Topic
from search import visible_pages
from search.backends.analysed import RankedCompilerMixin

RESULTS_PER_PAGE = 10
# A search server hands over the ids of this many best matches; the facets count those.
FACET_SAMPLE = 1000
FACETS = ("type", "language", "organisation", "topic")


def ranked_matches(queryset, query):
    """``(ids, complete)``: the ids of the objects of ``queryset`` that match ``query``,
    best first, and whether that is all of them (a search server gives the first
    FACET_SAMPLE)."""
    results = queryset.search(query)
    compiler = results.query_compiler
    if isinstance(compiler, RankedCompilerMixin):
        # Every match, not only those of the queryset, so also drafts and private pages:
        # the facet pass keeps only the visible pages' (``_pages``, which every result
        # and count comes from), and the database has one filter less to apply.
        return list(map(int, compiler.ranked(None, None, within_queryset=False, scores=False))), True
    ids = search_server_ids(results, FACET_SAMPLE)
    return ids, len(ids) < FACET_SAMPLE


def search_server_ids(results, limit):
    """The ids of the first ``limit`` matches of an OpenSearch/Elasticsearch search, in one
    request that returns ids only (iterating the results would scroll in pages of 100
    and load every object). The ids are read from doc values: reading the stored field,
    as modelsearch does, unpacks each document's stored source (~70 ms for 1,000)."""
    index = results.backend.get_index_for_model(results.query_compiler.queryset.model).name
    response = results._backend_do_search(
        results._get_es_body(), index=index, _source=False, size=limit, stored_fields=["_none_"], docvalue_fields=["pk"]
    )
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class Fitting:
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


class FirstFromSample:
    """A search server's results, the ids of whose first matches (best first) are known
    already: the paginator asks the server only for the count and for pages beyond them."""

    def __init__(self, results, sample):
        self.results, self.sample = results, sample

    def count(self):
        return self.results.count()

    def __getitem__(self, key):
        if key.stop is not None and key.stop <= len(self.sample):
            return self.sample[key]
        return [result.pk for result in self.results[key]]


def page_types():
    """{model name: content type id} of the page types a visitor can narrow to."""
    models = [model for model in get_page_models() if model is not Page]
    return {model._meta.model_name: ct.pk for model, ct in ContentType.objects.get_for_models(*models).items()}


class SiteSearch:
    def __init__(self, text, params, language, visible):
        """``visible``: the keys of the pages a visitor can find (``VisiblePages``)."""
        self.text = text
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
        # Ids of the matches that fit every choice, best first, once the facets have counted
        # them, and whether that is all of them (else the first of a search server's sample).
        self.fitting, self.complete = None, False

    @cached_property
    def public_pages(self):
        return visible_pages.queryset()

    def base(self):
        return self.public_pages.all()

    def analysed_in_content_language(self):
        """The query is analysed in the language chosen for the results (Swedish words on
        the Finnish interface with the language facet on Swedish)."""
        return translation.override(self.selected["language"])

    def narrowed(self, queryset):
        """``queryset`` with every selected choice applied."""
        chosen = self.selected
        queryset = queryset.filter(locale_id=self.locales.get(chosen["language"]))
        if chosen["type"]:
            queryset = queryset.filter(content_type_id=self.types[chosen["type"]])
        if chosen["organisation"]:
            paths = [path for path, (slug, _locale, _title) in self.organisations.items() if slug == chosen["organisation"]]
            if not paths:
                return queryset.none()
            queryset = queryset.filter(reduce(operator.or_, (Q(path__startswith=path) for path in paths)))
        if chosen["topic"]:
            queryset = queryset.filter(pk__in=MaterialPage.objects.filter(topics__slug=chosen["topic"]).values("pk"))
        return queryset

    def results(self, page_number):
        """The page ``page_number`` of the ranked results, as specific pages: a slice of the
        matches the facets counted; beyond a search server's sample, the server's own page."""
        if self.fitting is not None and self.complete:
            page = Paginator(self.fitting, RESULTS_PER_PAGE).get_page(page_number)
        else:
            with self.analysed_in_content_language():
                results = FirstFromSample(self.narrowed(self.base()).search(self.text), self.fitting or ())
                page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
        ids = list(page.object_list)
        # Through the visible pages again: the kept keys are a moment old after a change.
        specific = self.public_pages.filter(pk__in=ids).specific().in_bulk()
        page.object_list = [specific[pk] for pk in ids if pk in specific]
        materials = [result for result in page.object_list if isinstance(result, MaterialPage)]
        prefetch_related_objects(materials, "files__document__language")  # their files' text makes the snippets
        return page

    def facets(self):
        """{facet: [(value, label, count, selected)]}, each count taking the other facets' choices."""
        with self.analysed_in_content_language():
            ids, complete = ranked_matches(self.base(), self.text)
        pages = self._pages(ids)
        chosen = self.selected
        chosen_type = self.types.get(chosen["type"]) if chosen["type"] else None
        chosen_locale = self.locales.get(chosen["language"])
        chosen_organisation, chosen_topic = chosen["organisation"], chosen["topic"]
        counts = {facet: Counter() for facet in FACETS}
        fitting_kinds, fitting = set(), 0
        # Pages that share type, language, organisation and topics count alike.
        for kind, number in Counter(pages.values()).items():
            content_type, locale_id, organisation, page_topics = kind
            # A page counts for a facet's choices when it fits every other facet's choice.
            other_type = chosen_type is not None and content_type != chosen_type
            other_language = locale_id != chosen_locale
            other_organisation = chosen_organisation is not None and organisation != chosen_organisation
            other_topic = chosen_topic is not None and chosen_topic not in page_topics
            misfitting = other_type + other_language + other_organisation + other_topic
            if misfitting > 1:
                continue
            if not misfitting:
                fitting_kinds.add(kind)
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
        self.fitting = Fitting(ids, lambda pk: pages.get(pk) in fitting_kinds, fitting)
        self.complete = complete
        return self._labelled(counts)

    def _pages(self, ids):
        """{page id: (content type, locale, organisation slug, topic slugs)} of the visible
        pages among ``ids`` (a search server's index may not have caught up with an
        unpublished page; the database backends' matches include drafts)."""
        keys = self.visible.keys
        return {pk: keys[pk] for pk in ids if pk in keys}

    def _labelled(self, counts):
        names = dict(settings.LANGUAGES)
        codes = {pk: code for code, pk in self.locales.items()}
        type_names = {pk: name for name, pk in self.types.items()}
        active = self.locales.get(translation.get_language())
        organisation_titles = {}
        for slug, locale_id, title in self.organisations.values():
            if slug not in organisation_titles or locale_id == active:
                organisation_titles[slug] = title
        topic_names = {term.slug: term.name for term in Topic.for_locale()}
        labels = {
            "type": lambda pk: capfirst(ContentType.objects.get_for_id(pk).model_class()._meta.verbose_name),
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
                entries.append({"value": key, "label": labels[facet](value), "count": count, "selected": key == chosen})
            facets[facet] = entries
        return facets
