"""Load the languages of home/data/languages.csv."""

import csv
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "languages.csv"


def load_languages(apps, schema_editor):
    Language = apps.get_model("home", "Language")
    with DATA_FILE.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            Language.objects.update_or_create(
                code=row["code"],
                defaults={
                    "native_name": row["native_name"],
                    "finnish_name": row["finnish_name"],
                    "is_rtl": row["is_rtl"] == "1",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("home", "0002_language")]

    operations = [migrations.RunPython(load_languages, migrations.RunPython.noop)]
