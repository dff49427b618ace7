"""Seed the integration stages and target groups in Finnish, Swedish and English
(translations only for the languages that are configured)."""

import uuid

from django.conf import settings
from django.db import migrations

STAGES = [
    ("saapuminen", "Maahan saapuminen", "Ankomst till Finland", "Arrival in Finland"),
    ("alkuvaihe", "Alkuvaihe ja alkukartoitus", "Inledande skede och kartläggning", "Initial phase and assessment"),
    ("kotoutumiskoulutus", "Kotoutumiskoulutus ja kielen opiskelu", "Integrationsutbildning och språkstudier", "Integration training and language learning"),
    ("tyo-ja-opiskelu", "Työ, opiskelu ja harjoittelu", "Arbete, studier och praktik", "Work, study and traineeships"),
    ("osallistuminen", "Osallistuminen ja verkostot", "Delaktighet och nätverk", "Participation and networks"),
    ("vakiintunut", "Vakiintunut elämä Suomessa", "Etablerat liv i Finland", "Established life in Finland"),
]
TARGET_GROUPS = [
    ("naiset", "Naiset", "Kvinnor", "Women"),
    ("aidit", "Äidit", "Mammor", "Mothers"),
    ("perheet", "Perheet", "Familjer", "Families"),
    ("lapset", "Lapset", "Barn", "Children"),
    ("nuoret", "Nuoret", "Unga", "Young people"),
    ("miehet", "Miehet", "Män", "Men"),
    ("ikaantyneet", "Ikääntyneet", "Äldre", "Older people"),
    ("tyottomat", "Työttömät", "Arbetslösa", "Unemployed people"),
    ("turvapaikanhakijat", "Turvapaikanhakijat", "Asylsökande", "Asylum seekers"),
    ("pakolaiset", "Pakolaiset", "Flyktingar", "Refugees"),
    ("ammattilaiset", "Ammattilaiset ja vapaaehtoiset", "Yrkesverksamma och frivilliga", "Professionals and volunteers"),
]
COLUMNS = {"fi": 1, "sv": 2, "en": 3}


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {}
    for code in configured:
        if code in COLUMNS:
            locales[code], _ = Locale.objects.get_or_create(language_code=code)
    for model_name, rows in (("IntegrationStage", STAGES), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("network", model_name)
        for order, row in enumerate(rows):
            key = uuid.uuid4()
            for code, locale in locales.items():
                model.objects.get_or_create(
                    slug=row[0],
                    locale=locale,
                    defaults={"name": row[COLUMNS[code]], "sort_order": order, "translation_key": key},
                )


def unseed(apps, schema_editor):
    for model_name in ("IntegrationStage", "TargetGroup"):
        apps.get_model("network", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0005_activities"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
