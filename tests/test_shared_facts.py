"""Translations follow the source's shared facts on publish (issue 18): publishing the Finnish
activity writes its places, times, municipalities, status and other shared facts to every live
translation at once, live row and latest revision, without touching the translated texts."""

import pytest
from wagtail.rich_text import RichText

from network.models import ActivityIndexPage, ActivityPage, ActivitySchedule, Municipality
from tests import factories as make

pytestmark = pytest.mark.django_db

TITLES = {"sv": "Mammagrupp", "ar": "مجموعة الأمهات"}


@pytest.fixture
def activity():
    """A Finnish activity in Kemi, translated into Swedish and Arabic, with both trays."""
    organisation = make.organisation("Setlementti", level="local")
    for language in TITLES:
        make.section(ActivityIndexPage, language)
    source = make.activity(
        organisation,
        "Äitiryhmä",
        places=[make.place("Kemi", name="Kirjasto")],
        municipalities=[Municipality.objects.get(name="Kemi")],
    )
    make.schedule(source, weekdays=("TU",))
    for language, title in TITLES.items():
        make.translation(source, language, title=title)
    return ActivityPage.objects.get(pk=source.pk)


def move_to_tornio_on_thursdays(source):
    source.places = [make.place("Tornio", name="Aineen kirjasto")]
    source.municipalities = [Municipality.objects.get(name="Tornio")]
    schedule = source.schedules.first()
    source.schedules = [
        ActivitySchedule(
            weekdays=["TH"],
            start_time=schedule.start_time,
            end_time=schedule.end_time,
            valid_from=schedule.valid_from,
        )
    ]
    source.min_age = 20
    make.publish(source)


def translations(source):
    return {
        page.locale.language_code: page
        for page in ActivityPage.objects.filter(translation_key=source.translation_key).exclude(
            pk=source.pk
        )
    }


def facts(page):
    return (
        [(place.name, place.municipality.name) for place in page.places.all()],
        [municipality.name for municipality in page.municipalities.all()],
        [schedule.weekdays for schedule in page.schedules.all()],
        page.min_age,
    )


TORNIO_FACTS = ([("Aineen kirjasto", "Tornio")], ["Tornio"], [["TH"]], 20)


def test_publishing_the_source_moves_every_translation_at_once(client, soup_of, activity):
    move_to_tornio_on_thursdays(activity)
    for language, page in translations(activity).items():
        assert page.title == TITLES[language]  # the translators' own text stays
        assert facts(page) == TORNIO_FACTS, language
        assert page.next_starts_at.weekday() == 3  # Thursday, as the tray orders by it
        for town, listed in (("tornio", True), ("kemi", False)):
            html = client.get(f"/{language}/toiminta/?municipality={town}").content.decode()
            assert (TITLES[language] in html) is listed, (language, town)
        shown = soup_of(client.get(page.url)).get_text()
        assert "Aineen kirjasto" in shown and TITLES[language] in shown


def test_a_translators_draft_keeps_its_text_and_gets_the_facts(activity):
    swedish = translations(activity)["sv"]
    swedish.title = "Mammagrupp för alla"
    swedish.save_revision()
    move_to_tornio_on_thursdays(activity)
    swedish = ActivityPage.objects.get(pk=swedish.pk)
    draft = swedish.get_latest_revision_as_object()
    assert (swedish.title, draft.title) == ("Mammagrupp", "Mammagrupp för alla")
    assert facts(draft) == TORNIO_FACTS
    swedish.get_latest_revision().publish()  # the translator's publish brings back no old fact
    swedish = ActivityPage.objects.get(pk=swedish.pk)
    assert swedish.title == "Mammagrupp för alla"
    assert facts(swedish) == TORNIO_FACTS


def test_the_status_reaches_the_translations_and_takes_them_off_the_tray(client, activity):
    activity.status = "ended"
    make.publish(activity)
    for language, page in translations(activity).items():
        assert page.status == "ended"
        html = client.get(f"/{language}/toiminta/").content.decode()
        assert TITLES[language] not in html


def test_an_old_revision_of_a_translation_takes_the_sources_facts(activity):
    old = translations(activity)["ar"].get_latest_revision()
    move_to_tornio_on_thursdays(activity)
    old.publish()
    arabic = translations(activity)["ar"]
    assert (arabic.title, facts(arabic)) == (TITLES["ar"], TORNIO_FACTS)


def test_a_translated_description_stays_when_the_facts_move(client, soup_of, activity):
    activity.body = [("paragraph", RichText("<p>Ryhmä kokoontuu kirjastolla.</p>"))]
    make.publish(activity)
    arabic = translations(activity)["ar"]
    arabic.body = [("paragraph", RichText("<p>تجتمع المجموعة في المكتبة.</p>"))]
    make.publish(arabic)  # the translation's own publish keeps its text
    move_to_tornio_on_thursdays(activity)
    arabic = translations(activity)["ar"]
    shown = soup_of(client.get(arabic.url)).get_text()
    assert "تجتمع المجموعة في المكتبة." in shown and "Ryhmä kokoontuu" not in shown
    assert "تجتمع" in str(arabic.get_latest_revision_as_object().body)
    assert facts(arabic) == TORNIO_FACTS
