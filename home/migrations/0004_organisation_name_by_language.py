"""The network's name moves from the site settings to the translatable footer texts,
so that it can be translated; existing footers keep the name that was set."""

from django.db import migrations, models


def copy_name_to_footers(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    FooterText = apps.get_model("home", "FooterText")
    settings = SiteSettings.objects.first()
    if settings is not None:
        FooterText.objects.update(organisation_name=settings.organisation_name)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_load_languages")]

    operations = [
        migrations.AddField(
            model_name="footertext",
            name="organisation_name",
            field=models.CharField(
                blank=True,
                help_text="Shown above the contact details.",
                max_length=200,
                verbose_name="network name",
            ),
        ),
        migrations.RunPython(copy_name_to_footers, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sitesettings", name="organisation_name"),
    ]
