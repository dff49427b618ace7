"""Load Finland's regions and municipalities from network/data/municipalities.csv."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"


def load_places(apps, schema_editor):
    Region = apps.get_model("network", "Region")
    Municipality = apps.get_model("network", "Municipality")
    with DATA_FILE.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            region, _ = Region.objects.get_or_create(
                name=row["region"], defaults={"slug": slugify(row["region"])}
            )
            Municipality.objects.update_or_create(
                name=row["municipality"],
                defaults={"slug": slugify(row["municipality"]), "region": region},
            )


def unload_places(apps, schema_editor):
    apps.get_model("network", "Municipality").objects.all().delete()
    apps.get_model("network", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(load_places, unload_places)]
