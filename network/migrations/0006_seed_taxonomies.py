"""Seed the integration stages and target groups in Finnish, Swedish and English
(translations only for the languages that are configured)."""

from django.db import migrations

from home.taxonomy import seed_terms

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


def seed(apps, schema_editor):
    seed_terms(apps, "network", "IntegrationStage", STAGES)
    seed_terms(apps, "network", "TargetGroup", TARGET_GROUPS)


def unseed(apps, schema_editor):
    for model_name in ("IntegrationStage", "TargetGroup"):
        apps.get_model("network", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0005_activities"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
