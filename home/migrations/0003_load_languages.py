"""Load the languages of home/data/languages.csv (``home.apps.ensure_languages``
keeps the table in step with the file on every later migrate)."""

from django.db import migrations

from cms.languages import language_fields, reference


def load_languages(apps, schema_editor):
    Language = apps.get_model("home", "Language")
    for code, row in reference().items():
        Language.objects.update_or_create(code=code, defaults=language_fields(row))


class Migration(migrations.Migration):
    dependencies = [("home", "0002_language")]

    operations = [migrations.RunPython(load_languages, migrations.RunPython.noop)]
