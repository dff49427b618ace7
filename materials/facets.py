"""Facets of the materials bank: combinable filters, each with counts.

Every facet reads its values from the query string (several values of one facet
widen the selection, different facets narrow it), filters a queryset, and counts
its options over the materials that match all the *other* facets, so that each
count says how many results choosing that option would give. Each count is one
aggregate query, whatever the number of materials.
"""

from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.html import strip_tags

from home.languages import collation_key
from network.models import OrganisationBranches, in_organisations


class Facet:
    def __init__(self, name, label, lookup, labels=None, numeric=False, newest_first=False):
        self.name = name
        self.label = label
        self.lookup = lookup
        self.labels = labels  # callable(values) -> {value: label}; default: the value itself
        self.numeric = numeric  # values that are not whole numbers are ignored
        # options in descending order of value (years: newest first), not by count then label
        self.newest_first = newest_first

    def selected(self, query):
        values = [value for value in query.getlist(self.name) if value][:20]
        return [value for value in values if value.isdigit()] if self.numeric else values

    def condition(self, values):
        return Q(**{f"{self.lookup}__in": values})

    def count(self, queryset):
        rows = queryset.order_by().values(self.lookup).annotate(n=Count("pk", distinct=True))
        return {
            str(row[self.lookup]): row["n"] for row in rows if row[self.lookup] not in (None, "")
        }

    def label_for(self, values):
        return self.labels(values) if self.labels else {value: value for value in values}

    def options(self, counts, selected):
        values = set(counts) | set(selected)
        labels = self.label_for(values)
        options = [
            {
                "value": str(value),
                "label": labels.get(value, value),
                "count": counts.get(value, 0),
                "selected": str(value) in selected,
            }
            for value in values
        ]
        if self.newest_first:
            return sorted(options, key=lambda option: int(option["value"]), reverse=True)
        # ties by the name the reader sees (a language's label is HTML around two names)
        key = collation_key()
        return sorted(
            options, key=lambda option: (-option["count"], key(strip_tags(str(option["label"]))))
        )


class OrganisationFacet(Facet):
    """A facet over the organisation each material belongs to (``OrganisationBranches``).
    Values are the organisations' slugs; counting groups by the start of the tree path,
    so it needs no join."""

    def __init__(self, name, label, organisations):
        super().__init__(name, label, lookup="organisation_branch")
        self.organisations = organisations

    @cached_property
    def branches(self):
        pages = self.organisations.only("path", "slug", "title")
        return OrganisationBranches({page.path: page for page in pages})

    def condition(self, values):
        pages = self.branches.by_path.values()
        return in_organisations(page for page in pages if page.slug in values)

    def count(self, queryset):
        if not self.branches.by_path:
            return {}
        rows = (
            queryset.order_by()
            .annotate(organisation_branch=self.branches.branch())
            .values("organisation_branch")
            .annotate(n=Count("pk", distinct=True))
        )
        counts = {}
        for row in rows:
            page = self.branches.of_branch(row["organisation_branch"])
            if page:
                counts[page.slug] = counts.get(page.slug, 0) + row["n"]
        return counts

    def label_for(self, values):
        titles = {page.slug: page.title for page in self.branches.by_path.values()}
        return {value: titles.get(value, value) for value in values}


# A facet of more than FOLD_OVER options lists FIRST_SHOWN at once and folds the rest behind
# "n more" (open when one of them is chosen), rather than scrolling inside a box that cuts an
# option in half; folding one or two would only hide them.
FIRST_SHOWN = 8
FOLD_OVER = 10


def apply_facets(queryset, facets, query):
    """Return the filtered queryset and, per facet, its options with counts."""
    chosen = {facet.name: facet.selected(query) for facet in facets}
    conditions = {
        facet.name: facet.condition(chosen[facet.name]) for facet in facets if chosen[facet.name]
    }
    results = queryset
    for condition in conditions.values():
        results = results.filter(condition)
    panels = []
    for facet in facets:
        others = queryset
        for name, condition in conditions.items():
            if name != facet.name:
                others = others.filter(condition)
        options = facet.options(facet.count(others), chosen[facet.name])
        more = options[FIRST_SHOWN:] if len(options) > FOLD_OVER else []
        panels.append(
            {
                "name": facet.name,
                "label": facet.label,
                "options": options,
                "shown": options[: len(options) - len(more)],
                "more": more,
                "more_open": any(option["selected"] for option in more),
            }
        )
    return results.distinct(), panels


def chosen_count(panels):
    """How many facet values are chosen, for the "Filter (n)" button that unfolds them."""
    return sum(option["selected"] for panel in panels for option in panel["options"])
