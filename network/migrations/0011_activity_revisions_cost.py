"""Revisions saved before 0008 still hold the free-text cost, which 0008 converted in the
live rows only: the latest revision of each activity (what its edit form, a publish of its
draft or a comparison loads) gets "free of charge", the fee and the way to join the same way.
Older revisions keep their text: publishing one of them is a deliberate step back."""

import importlib

from django.db import migrations

taking_part = importlib.import_module("network.migrations.0008_activity_taking_part")


def converted_content(content):
    """A revision's ``content`` with its cost converted, or None when it has no cost."""
    if "cost" not in content:
        return None
    converted = {name: value for name, value in content.items() if name != "cost"}
    converted.update(
        taking_part.cost_fields(content["cost"] or "", content.get("signup_url") or "")
    )
    return converted


def convert_latest_revisions(apps, schema_editor):
    ActivityPage = apps.get_model("network", "ActivityPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    latest = ActivityPage.objects.exclude(latest_revision=None).values("latest_revision_id")
    for revision in Revision.objects.filter(pk__in=latest).only("pk", "content"):
        content = converted_content(revision.content)
        if content is not None:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0010_activity_next_time"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(convert_latest_revisions, migrations.RunPython.noop)]
