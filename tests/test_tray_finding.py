"""Finding an activity for a client in the tray: the language the client speaks (spoken in
the activity or interpreted), age, cost and time ("open now", "this week"), the activity
taking place next first, each saying why it is listed and when it is on."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from home.models import Language
from network.models import ActivityIndexPage, ActivityPage, Municipality
from tests import factories as make

pytestmark = pytest.mark.django_db

TRAY = "/fi/toiminta/"
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def languages(*codes):
    return list(Language.objects.filter(code__in=codes))


@pytest.fixture
def monday():
    """10.30 on the Monday of the week after next, in Helsinki: every time below has begun."""
    today = timezone.localdate()
    day = today + datetime.timedelta(days=14 - today.weekday())
    return datetime.datetime.combine(day, datetime.time(10, 30), tzinfo=HELSINKI)


@pytest.fixture
def at_time(monkeypatch):
    """Sets the moment the site lives in."""

    def set_now(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return set_now


@pytest.fixture
def tray(monday):
    """Four national activities: a café on Mondays 10–12 in Finnish with interpretation into
    Arabic for adults, a mothers' group on Wednesdays in Arabic (a fee, up to 64), family work
    by appointment for children, an evening group whose times begin the week after."""
    organisation = make.organisation("Monikulttuurinen yhdistys")
    starts = timezone.localdate()
    cafe = make.activity(
        organisation,
        "Kielikahvila",
        languages=languages("fi"),
        interpretation_languages=languages("ar"),
        min_age=18,
    )
    make.schedule(cafe, weekdays=["MO"], start="10:00", end="12:00", valid_from=starts)
    group = make.activity(
        organisation,
        "Äitiryhmä",
        languages=languages("ar"),
        free=False,
        fee="2 € kerta",
        max_age=64,
    )
    make.schedule(group, weekdays=["WE"], start="09:00", end="11:00", valid_from=starts)
    make.activity(
        organisation,
        "Perhetyö",
        languages=languages("ar", "fi"),
        by_appointment=True,
        min_age=0,
        max_age=17,
    )
    evening = make.activity(organisation, "Iltaryhmä")
    make.schedule(
        evening,
        weekdays=["TU"],
        start="18:00",
        end="20:00",
        valid_from=monday.date() + datetime.timedelta(days=7),
    )


def cards(soup):
    return [card.select_one(".card__title a").get_text() for card in soup.select(".card")]


def card(soup, title):
    return next(c for c in soup.select(".card") if c.select_one(".card__title a").text == title)


def test_the_activity_on_next_comes_first(client, soup_of, tray, monday, at_time):
    at_time(monday)
    soup = soup_of(client.get(TRAY))
    # under way now, on Wednesday, the week after, by appointment (no time: last)
    assert cards(soup) == ["Kielikahvila", "Äitiryhmä", "Iltaryhmä", "Perhetyö"]
    cafe, group = card(soup, "Kielikahvila"), card(soup, "Äitiryhmä")
    assert cafe.select_one(".card__next").get_text() == "Käynnissä nyt, klo 12 asti"
    wednesday = monday.date() + datetime.timedelta(days=2)
    assert group.select_one(".card__next time")["datetime"].startswith(f"{wednesday}T09:00:00")
    assert group.select_one(".card__next").get_text().startswith("Seuraavan kerran keskiviikkona")
    assert card(soup, "Perhetyö").select_one(".card__next") is None


@pytest.mark.parametrize(
    "query,expected",
    [
        ("when=now", ["Kielikahvila"]),
        ("when=week", ["Kielikahvila", "Äitiryhmä"]),
        ("language=ar", ["Kielikahvila", "Äitiryhmä", "Perhetyö"]),
        ("age=10", ["Äitiryhmä", "Iltaryhmä", "Perhetyö"]),
        ("age=18", ["Kielikahvila", "Äitiryhmä", "Iltaryhmä"]),
        ("age=70", ["Kielikahvila", "Iltaryhmä"]),
        ("free=on", ["Kielikahvila", "Iltaryhmä", "Perhetyö"]),
        ("when=week&language=ar&age=30&free=on", ["Kielikahvila"]),
    ],
)
def test_filters_for_a_client(client, soup_of, tray, monday, at_time, query, expected):
    at_time(monday)
    soup = soup_of(client.get(f"{TRAY}?{query}"))
    assert cards(soup) == expected
    for pair in query.split("&"):  # each choice stays in the form
        name, value = pair.split("=")
        field = soup.select_one(f"form.filters [name={name}]")
        chosen = field.find("option", selected=True) if field.name == "select" else field
        assert chosen.get("value") == value or chosen.has_attr("checked")


def test_an_interpreted_activity_says_so(client, soup_of, tray, monday, at_time):
    at_time(monday)
    soup = soup_of(client.get(f"{TRAY}?language=ar&municipality=kemi"))
    assert card(soup, "Kielikahvila").select_one(".card__reach").text == (
        "valtakunnallinen; tulkattuna"
    )
    assert card(soup, "Äitiryhmä").select_one(".card__reach").text == "valtakunnallinen"
    alone = soup_of(client.get(f"{TRAY}?language=ar"))
    assert card(alone, "Kielikahvila").select_one(".card__reach").text == "tulkattuna"
    assert card(alone, "Äitiryhmä").select_one(".card__reach") is None


@pytest.mark.parametrize("age", ["kymmenen", "-1", "500"])
def test_a_bad_age_is_an_error_on_the_field_and_the_rest_still_filters(
    client, soup_of, tray, monday, at_time, age
):
    at_time(monday)
    response = client.get(f"{TRAY}?age={age}&free=on")
    assert response.status_code == 200
    soup = soup_of(response)
    field = soup.select_one("form.filters [name=age]")
    assert field["aria-invalid"] == "true"
    assert soup.select_one(f"#{field['aria-describedby']}").get_text().strip()
    assert field["value"] == age  # what was typed is kept
    assert cards(soup) == ["Kielikahvila", "Iltaryhmä", "Perhetyö"]


def test_a_time_that_has_passed_is_worked_out_anew(client, soup_of, tray, monday, at_time):
    at_time(monday)
    client.get(TRAY)
    cafe = ActivityPage.objects.get(title="Kielikahvila")
    assert cafe.next_starts_at == monday.replace(minute=0, hour=10)
    at_time(monday + datetime.timedelta(hours=3))  # the café ended at noon
    soup = soup_of(client.get(f"{TRAY}?when=now"))
    assert cards(soup) == []
    cafe.refresh_from_db()
    assert cafe.next_starts_at == monday.replace(minute=0, hour=10) + datetime.timedelta(days=7)
    assert cards(soup_of(client.get(TRAY)))[0] == "Äitiryhmä"


def test_the_tray_with_every_filter_has_constant_queries(
    client, query_count, tray, monday, at_time
):
    at_time(monday)
    url = f"{TRAY}?when=week&language=ar&age=30&free=on&municipality=kemi&childcare="
    client.get(url)  # times that passed are worked out once
    before = query_count(url)
    organisation = make.organisation("Toinen yhdistys")
    for number in range(6):
        activity = make.activity(
            organisation, f"Kerho {number}", interpretation_languages=languages("ar")
        )
        make.schedule(activity, weekdays=["TU"], valid_from=timezone.localdate())
    client.get(url)
    assert query_count(url) == before


def test_the_language_filter_says_it_counts_interpretation(client, soup_of, tray):
    soup = soup_of(client.get(f"{TRAY}?language=xx"))
    field = soup.select_one("form.filters [name=language]")
    described = [soup.select_one(f"#{id}").get_text() for id in field["aria-describedby"].split()]
    assert described[0] == "Toiminnassa puhuttu kieli tai kieli, jolle tulkataan."
    assert described[1].startswith("Valitse oikea vaihtoehto")  # and the error, both read


def options(soup, name):
    return [option.get_text() for option in soup.select(f"form.filters [name={name}] option")]


def test_the_filters_show_a_change_at_once_though_kept_rendered(client, soup_of, tray, saved):
    """The filters' options are kept rendered between requests (``network.filters``): a
    renamed municipality, a new language or a new organisation shows on the next request,
    and an edited activity's title in the list."""
    url = f"{TRAY}?municipality=kemi"
    soup = soup_of(client.get(url))
    assert soup.select_one("[name=municipality] option[selected]").get_text() == "Kemi"
    with saved():
        kemi = Municipality.objects.get(slug="kemi")
        kemi.name = "Kemi (uusi)"
        kemi.save()
    soup = soup_of(client.get(url))
    assert soup.select_one("[name=municipality] option[selected]").get_text() == "Kemi (uusi)"
    assert "Zetaani" not in options(soup, "language")
    with saved():
        Language.objects.create(code="zz", native_name="Zetaani", finnish_name="zetaani")
    soup = soup_of(client.get(url))
    assert "Zetaani" in options(soup, "language")
    assert "Uusi yhdistys" not in options(soup, "organisation")
    with saved():
        make.organisation("Uusi yhdistys")
        cafe = ActivityPage.objects.get(title="Kielikahvila")
        cafe.title = "Kielikahvila ja kerho"
        cafe.save()
    soup = soup_of(client.get(url))
    assert "Uusi yhdistys" in options(soup, "organisation")
    assert "Kielikahvila ja kerho" in cards(soup)


def test_the_language_filter_names_languages_for_the_reader_in_each_interface_language(
    client, soup_of, tray
):
    """The kept options are kept per interface language: a Swedish reader does not get the
    Finnish names the Finnish tray was rendered with, and each list is in its reader's order."""
    swedish_tray = make.translation(ActivityIndexPage.objects.get(locale__language_code="fi"), "sv")
    for _round in range(2):  # the second round is read from what was kept
        finnish = options(soup_of(client.get(TRAY)), "language")
        swedish = options(soup_of(client.get(swedish_tray.url)), "language")
        assert finnish.index("arabia – العربية") < finnish.index("englanti – English")
        assert finnish.index("venäjä – Русский") < finnish.index("viro – eesti")
        assert swedish.index("arabiska – العربية") < swedish.index("ryska – Русский")
        assert "suomi" in finnish and "finska – suomi" in swedish
        assert "ruotsi – svenska" in finnish and "svenska" in swedish
        assert "arabia – العربية" not in swedish
