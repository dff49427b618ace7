"""The network's role groups, review workflow and task, editor groups, root collection and
root page named in Finnish and Swedish, the languages its editors use the admin in: Wagtail shows these
names as they are stored (buttons, dashboard, emails, history), so they cannot follow each
editor's language. Renamed, not recreated, so that groups keep their members and the
workflow its history."""

from django.db import migrations

RENAMED = [
    (
        "auth",
        "Group",
        "Network coordinators",
        "Verkoston koordinaattorit / Nätverkets koordinatorer",
    ),
    ("auth", "Group", "Translators", "Kääntäjät / Översättare"),
    ("wagtailcore", "Workflow", "Network review", "Verkoston tarkastus / Nätverkets granskning"),
    (
        "wagtailcore",
        "Task",
        "Coordinator approval",
        "Koordinaattorin hyväksyntä / Koordinatorns godkännande",
    ),
    ("wagtailcore", "Collection", "Root", "Verkosto / Nätverket"),
]
EDITORS = (": editors", ": toimittajat / redaktörer")
ROOT_PAGE = ("Root", "Sivusto / Webbplatsen")


def rename(apps, old_index, new_index):
    for app_label, model_name, *names in RENAMED:
        model = apps.get_model(app_label, model_name)
        found = model.objects.filter(name=names[old_index])
        if model_name == "Collection":
            found = found.filter(depth=1)  # the root collection, not one of that name
        found.update(name=names[new_index])
    old, new = EDITORS[old_index], EDITORS[new_index]
    for group in apps.get_model("auth", "Group").objects.filter(name__endswith=old):
        group.name = group.name.removesuffix(old) + new
        group.save(update_fields=["name"])
    apps.get_model("wagtailcore", "Page").objects.filter(
        depth=1, title=ROOT_PAGE[old_index]
    ).update(title=ROOT_PAGE[new_index], draft_title=ROOT_PAGE[new_index])


def forwards(apps, schema_editor):
    rename(apps, 0, 1)


def backwards(apps, schema_editor):
    rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_activity_revisions_cost"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
