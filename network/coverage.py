"""The tray's counts and groups: activities by category and stage of integration (the
coverage matrix and its gaps in words), by region and category (the national view), and the
activities of a place tray grouped by category and stage. Every count of a place narrows
activities with the reach rule (``network.models.reach``), so counts equal the lists."""

from django.db.models import Count
from django.utils.translation import ngettext

from network.models import ActivityCategory, IntegrationStage, Region
from network.models.activities import reaching


def coverage(activities):
    """The matrix of ``activities`` by category (rows) and stage (columns): ``stages``, and
    ``rows`` of cells with their counts (0 is a gap)."""
    counts = {
        (row["category"], row["stages__slug"]): row["count"]
        for row in activities.order_by()  # the default ordering by path would split the groups
        .values("category", "stages__slug")
        .annotate(count=Count("pk", distinct=True))
    }
    stages = IntegrationStage.for_locale()
    rows = [
        {
            "category": value,
            "label": label,
            "cells": [
                {"stage": stage, "count": counts.get((value, stage.slug), 0)} for stage in stages
            ],
        }
        for value, label in ActivityCategory.choices
    ]
    return {"stages": stages, "rows": rows}


def gaps(rows):
    """The empty cells of a coverage matrix's ``rows`` in words, one sentence a category."""
    sentences = []
    for row in rows:
        missing = [cell["stage"].name for cell in row["cells"] if not cell["count"]]
        if missing:
            sentences.append(
                ngettext(
                    "%(category)s: none at the stage %(stages)s",
                    "%(category)s: none at the stages %(stages)s",
                    len(missing),
                )
                % {"category": row["label"], "stages": ", ".join(missing)}
            )
    return sentences


def by_region(activities):
    """The matrix of ``activities`` reaching each region (rows) by category (columns), in one
    query: ``categories``, and ``rows`` of a region and its counts."""
    regions = list(Region.objects.all())
    counts = {
        row.pop("category"): row
        for row in activities.order_by()
        .values("category")
        .annotate(
            **{
                f"region_{region.pk}": Count("pk", distinct=True, filter=reaching(region))
                for region in regions
            }
        )
    }
    rows = [
        {
            "region": region,
            "counts": [
                counts.get(value, {}).get(f"region_{region.pk}", 0)
                for value, _label in ActivityCategory.choices
            ],
        }
        for region in regions
    ]
    return {"categories": ActivityCategory.choices, "rows": rows}


def by_category_and_stage(rows, size, reasons):
    """The activities of ``rows`` (``(pk, category, title, reach, stage translation key)``,
    a row for each stage of an activity, one with None for an activity without) grouped by
    category, then by stage in the taxonomy's order: an activity with several stages is under
    each, one with none under a last group whose ``stage`` is None. In each group ``count``
    activities, the first ``size`` of them in ``activities`` (their pks): the most local
    first (in the order of ``reasons``, as ``reach_conditions`` gives them), then by title;
    ``more`` those left out of the list. Empty groups are left out. Returns the groups and the
    set of pks they list."""
    rank = {str(reason): number for number, reason in enumerate(reasons)}
    members = {}  # (category, stage key) -> {pk: sort key}
    for pk, category, title, reach, stage in rows:
        order = (rank.get(reach, len(rank)), title.casefold(), pk)
        members.setdefault((category, stage), {})[pk] = order
    stages = IntegrationStage.for_locale()
    groups, chosen = [], set()
    for value, label in ActivityCategory.choices:
        by_stage = []
        for stage in [*stages, None]:
            found = members.get((value, stage.translation_key if stage else None))
            if not found:
                continue
            first = sorted(found, key=found.get)[:size]
            chosen.update(first)
            by_stage.append({"stage": stage, "activities": first, "more": len(found) - len(first)})
        if by_stage:
            groups.append({"category": value, "label": label, "stages": by_stage})
    return groups, chosen
