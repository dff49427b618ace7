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


def by_category_and_stage(activities):
    """``activities`` (with their ``stages`` prefetched) grouped by category, then by stage
    in the taxonomy's order: an activity with several stages is under each, one with none
    under a last group whose ``stage`` is None. Empty groups are left out."""
    stages = IntegrationStage.for_locale()
    groups = []
    for value, label in ActivityCategory.choices:
        in_category = [activity for activity in activities if activity.category == value]
        by_stage = [
            {
                "stage": stage,
                "activities": [
                    activity
                    for activity in in_category
                    if stage.translation_key in {s.translation_key for s in activity.stages.all()}
                ],
            }
            for stage in stages
        ]
        by_stage.append(
            {
                "stage": None,
                "activities": [activity for activity in in_category if not activity.stages.all()],
            }
        )
        by_stage = [group for group in by_stage if group["activities"]]
        if by_stage:
            groups.append({"category": value, "label": label, "stages": by_stage})
    return groups
