"""Seed the materials bank's topics and audiences in Finnish, Swedish and English."""

from django.db import migrations

from home.taxonomy import seed_terms

TOPICS = [
    ("kotoutuminen", "Kotoutuminen", "Integration", "Integration"),
    ("vanhemmuus", "Vanhemmuus ja kasvatus", "Föräldraskap och fostran", "Parenting"),
    ("tyoelama", "Työelämä ja mentorointi", "Arbetsliv och mentorskap", "Working life and mentoring"),
    ("kieli", "Kielen oppiminen", "Språkinlärning", "Language learning"),
    ("vertaistuki", "Vertaistuki ja ryhmätoiminta", "Kamratstöd och gruppverksamhet", "Peer support and groups"),
    ("tasa-arvo", "Tasa-arvo ja seksuaalioikeudet", "Jämställdhet och sexuella rättigheter", "Equality and sexual rights"),
    ("vapaaehtoistoiminta", "Vapaaehtoistoiminta", "Frivilligverksamhet", "Volunteering"),
    ("jarjestoyhteistyo", "Järjestöyhteistyö", "Organisationssamarbete", "Cooperation between organisations"),
    ("perhetyo", "Perhetyö", "Familjearbete", "Family work"),
]
AUDIENCES = [
    ("maahanmuuttajat", "Maahan muuttaneet", "Invandrare", "Immigrants"),
    ("vanhemmat", "Vanhemmat", "Föräldrar", "Parents"),
    ("ammattilaiset", "Ammattilaiset", "Yrkesverksamma", "Professionals"),
    ("vapaaehtoiset", "Vapaaehtoiset", "Frivilliga", "Volunteers"),
    ("ohjaajat", "Ryhmänohjaajat", "Gruppledare", "Group facilitators"),
    ("opettajat", "Opettajat", "Lärare", "Teachers"),
    ("jarjestot", "Järjestöt", "Organisationer", "Organisations"),
]


def seed(apps, schema_editor):
    seed_terms(apps, "materials", "Topic", TOPICS)
    seed_terms(apps, "materials", "Audience", AUDIENCES)


def unseed(apps, schema_editor):
    for model_name in ("Topic", "Audience"):
        apps.get_model("materials", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("materials", "0002_material_pages"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
