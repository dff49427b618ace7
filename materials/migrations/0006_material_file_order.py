from django.db import migrations
from django.db.models import Max


def number_unordered_files(apps, schema_editor):
    """Files saved without an order (in code) get one after their material's others, in
    the order they were added, so that every database lists them alike."""
    MaterialFile = apps.get_model("materials", "MaterialFile")
    unordered = MaterialFile.objects.filter(sort_order__isnull=True).order_by("material_id", "pk")
    last = {}
    for item in unordered:
        if item.material_id not in last:
            highest = MaterialFile.objects.filter(material_id=item.material_id).aggregate(
                highest=Max("sort_order")
            )["highest"]
            last[item.material_id] = -1 if highest is None else highest
        last[item.material_id] += 1
        item.sort_order = last[item.material_id]
        item.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0005_material_file_relation"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="materialfile",
            options={"ordering": ["sort_order", "pk"]},
        ),
        migrations.RunPython(number_unordered_files, migrations.RunPython.noop),
    ]
