"""The site's search: one query over every published public page (files' text is part
of their material page), narrowed by result type, language, organisation and topic,
with counts per choice computed over the other choices.

The matching pages come from the search backend as a queryset (``matching``); the
facet counts are computed from one pass over their ids, types, languages and paths,
so a search costs the same few queries however many pages match."""

import operator
from collections import Counter
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Locale, Page, get_page_models

from materials.models import MaterialPage, Topic
from network.models import OrganisationPage
from search.backends.analysed import RankedCompilerMixin

RESULTS_PER_PAGE = 10
# For engines that cannot hand over all matches as a queryset, facets count this many.
FACET_SAMPLE = 1000
FACETS = ("type", "language", "organisation", "topic")


def matching(queryset, query):
    """``(matches, complete)``: the objects of ``queryset`` that match ``query`` as an
    unordered queryset, and whether that is all of them (a search server gives a sample)."""
    results = queryset.search(query, order_by_relevance=False)
    compiler = results.query_compiler
    if isinstance(compiler, RankedCompilerMixin):
        return compiler.search(None, None, None), True
    return queryset.filter(pk__in=search_server_ids(results, FACET_SAMPLE)), False


def search_server_ids(results, limit):
    """The ids of the first ``limit`` matches of an OpenSearch/Elasticsearch search, in one
    request that returns ids only (iterating the results would scroll in pages of 100
    and load every object)."""
    index = results.backend.get_index_for_model(results.query_compiler.queryset.model).name
    response = results._backend_do_search(
        results._get_es_body(), index=index, _source=False, size=limit, **{results.fields_param_name: "pk"}
    )
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class KnownCount:
    """Search results whose number is already known, for the paginator."""

    def __init__(self, results, count):
        self.results, self.total = results, count

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.results[key]


def page_types():
    """{model name: content type id} of the page types a visitor can narrow to."""
    models = [model for model in get_page_models() if model is not Page]
    return {model._meta.model_name: ct.pk for model, ct in ContentType.objects.get_for_models(*models).items()}


class SiteSearch:
    def __init__(self, text, params, language):
        self.text = text
        self.language = language
        self.types = page_types()
        languages = {code for code, _name in settings.LANGUAGES}
        self.selected = {
            "type": params.get("type") if params.get("type") in self.types else None,
            "language": params.get("language") if params.get("language") in languages else language,
            "organisation": params.get("organisation") or None,
            "topic": params.get("topic") or None,
        }
        self.organisations = {
            path: (slug, locale_id, title)
            for path, slug, locale_id, title in OrganisationPage.objects.live().public().values_list(
                "path", "slug", "locale_id", "title"
            )
        }
        self.locales = dict(Locale.objects.values_list("language_code", "pk"))
        self.total = None  # the number of results, once the facets have counted them
        self.organisation_depth = OrganisationPage.objects.values_list("depth", flat=True).first() or 0

    @cached_property
    def public_pages(self):
        return Page.objects.live().public().filter(depth__gt=1)

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
        """The page ``page_number`` of the ranked results, as specific pages."""
        with self.analysed_in_content_language():
            results = self.narrowed(self.base()).search(self.text)
            if self.total is not None:
                results = KnownCount(results, self.total)
            paginator = Paginator(results, RESULTS_PER_PAGE)
            page = paginator.get_page(page_number)
            ids = [result.pk for result in page.object_list]
        specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
        page.object_list = [specific[pk] for pk in ids if pk in specific]
        materials = [result for result in page.object_list if isinstance(result, MaterialPage)]
        prefetch_related_objects(materials, "files__document__language")  # their files' text makes the snippets
        return page

    def facets(self):
        """{facet: [(value, label, count, selected)]}, each count taking the other facets' choices."""
        with self.analysed_in_content_language():
            matches, complete = matching(self.base(), self.text)
        # One row per page and topic (one row for a page without topics): the match is
        # evaluated once for all four facets.
        pages, topics = {}, {}
        for pk, content_type, locale_id, path, topic in matches.order_by().values_list(
            "pk", "content_type_id", "locale_id", "path", "materialpage__topics__slug"
        ):
            pages[pk] = content_type, locale_id, path
            if topic:
                topics.setdefault(pk, set()).add(topic)
        languages = {pk: code for code, pk in self.locales.items()}
        depth = self.organisation_depth * Page.steplen
        organisation_slugs = {path: slug for path, (slug, _locale, _title) in self.organisations.items()}
        no_topics = frozenset()
        topic_sets = {pk: frozenset(slugs) for pk, slugs in topics.items()}
        # Pages that share type, language, organisation and topics count alike: group them first.
        kinds = Counter(
            (content_type, locale_id, organisation_slugs.get(path[:depth]), topic_sets.get(pk, no_topics))
            for pk, (content_type, locale_id, path) in pages.items()
        )
        chosen = self.selected
        chosen_type = self.types.get(chosen["type"]) if chosen["type"] else None
        counts = {facet: Counter() for facet in FACETS}
        fitting = 0
        for (content_type, locale_id, organisation, page_topics), number in kinds.items():
            language = languages.get(locale_id)
            # A page counts for a facet's choices when it fits every other facet's choice.
            misfits = {
                "type": bool(chosen_type) and content_type != chosen_type,
                "language": language != chosen["language"],
                "organisation": bool(chosen["organisation"]) and organisation != chosen["organisation"],
                "topic": bool(chosen["topic"]) and chosen["topic"] not in page_topics,
            }
            misfitting = sum(misfits.values())
            if misfitting > 1:
                continue
            fitting += 0 if misfitting else number
            if not misfitting or misfits["type"]:
                counts["type"][content_type] += number
            if not misfitting or misfits["language"]:
                counts["language"][language] += number
            if organisation and (not misfitting or misfits["organisation"]):
                counts["organisation"][organisation] += number
            if not misfitting or misfits["topic"]:
                for topic in page_topics:
                    counts["topic"][topic] += number
        # every match was counted: the results need no count query of their own
        self.total = fitting if complete else None
        return self._labelled(counts)

    def _labelled(self, counts):
        names = dict(settings.LANGUAGES)
        type_names = {pk: name for name, pk in self.types.items()}
        active = Locale.get_active().pk
        organisation_titles = {}
        for slug, locale_id, title in self.organisations.values():
            if slug not in organisation_titles or locale_id == active:
                organisation_titles[slug] = title
        topic_names = {term.slug: term.name for term in Topic.for_locale()}
        labels = {
            "type": lambda pk: capfirst(ContentType.objects.get_for_id(pk).model_class()._meta.verbose_name),
            "language": lambda code: names.get(code, code),
            "organisation": lambda slug: organisation_titles.get(slug, slug),
            "topic": lambda slug: topic_names.get(slug, slug),
        }
        values = {"type": lambda pk: type_names.get(pk)}
        facets = {}
        for facet in FACETS:
            chosen = self.selected[facet]
            entries = []
            for value, count in counts[facet].most_common():
                key = values.get(facet, lambda v: v)(value)
                entries.append({"value": key, "label": labels[facet](value), "count": count, "selected": key == chosen})
            facets[facet] = entries
        return facets
