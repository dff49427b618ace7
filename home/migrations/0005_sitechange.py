from django.db import migrations, models


def create_counter(apps, schema_editor):
    apps.get_model("home", "SiteChange").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_organisation_name_by_language")]

    operations = [
        migrations.CreateModel(
            name="SiteChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_counter, migrations.RunPython.noop),
    ]
