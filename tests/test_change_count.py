"""The header and footer every page shows are kept rendered between requests
(``home.change_count``), and every change an editor saves shows on the next request.

The change count grows when the saving transaction commits; a test's transaction never
does, so the changes below run their commit callbacks on the spot (``saved``, conftest)."""

import pytest
from django.db.models import F
from wagtail.models import Page, PageViewRestriction, Site

from home.models import FooterText, SiteChange, SiteSettings, StandardPage
from tests import factories as make

pytestmark = pytest.mark.django_db


def menu_titles(client, soup_of, url="/fi/"):
    return [a.get_text(strip=True) for a in soup_of(client.get(url)).select(".main-menu a")]


def footer_text(client, soup_of, url="/fi/"):
    return soup_of(client.get(url)).select_one("footer").get_text(" ", strip=True)


@pytest.fixture(autouse=True)
def home():
    """What the header and footer show: the Finnish home page with two pages in its menu,
    the Swedish one, the footer texts of both, the contact details and the accessibility
    statement; the Finnish home."""
    make.home("sv")
    make.standard_page("Tietoa verkostosta", show_in_menus=True)
    make.standard_page("Yhteystiedot", show_in_menus=True)
    make.footer_text("fi", organisation_name="Kotoutumisverkosto")
    make.footer_text("sv", organisation_name="Integrationsnätverket")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "verkosto@example.org"
    site_settings.accessibility_page = make.standard_page("Saavutettavuusseloste")
    site_settings.save()
    return make.home("fi")  # read again: its count of children includes the menu pages


def test_a_page_published_into_the_menu_shows_at_once_and_goes_when_unpublished(
    client, soup_of, home, saved
):
    assert "Qwzrtyx-opas" not in menu_titles(client, soup_of)
    with saved():
        guide = StandardPage(
            title="Qwzrtyx-opas", slug="qwzrtyx-opas", show_in_menus=True, live=False
        )
        page = home.add_child(instance=guide)
        page.save_revision().publish()

    assert "Qwzrtyx-opas" in menu_titles(client, soup_of)
    assert "Qwzrtyx-opas" in menu_titles(client, soup_of, "/fi/search/?q=kotoutuminen")
    assert "Qwzrtyx-opas" not in menu_titles(client, soup_of, "/sv/")

    page.refresh_from_db()
    with saved():
        page.unpublish()
    assert "Qwzrtyx-opas" not in menu_titles(client, soup_of)


def test_a_deleted_menu_page_leaves_the_menu_at_once(client, soup_of, home, saved):
    item = home.get_children().live().in_menu().last()
    assert item.title in menu_titles(client, soup_of)
    with saved():
        item.delete()
    assert item.title not in menu_titles(client, soup_of)


def test_a_renamed_menu_page_shows_its_new_title_and_address_at_once(client, soup_of, home, saved):
    item = home.get_children().live().in_menu().first().specific
    assert item.title in menu_titles(client, soup_of)
    with saved():
        item.title, item.slug = "Qwzrtyx uusi nimi", "qwzrtyx-uusi-nimi"
        item.save_revision().publish()
    links = {
        a.get_text(strip=True): a["href"]
        for a in soup_of(client.get("/fi/")).select(".main-menu a")
    }
    assert links["Qwzrtyx uusi nimi"] == "/fi/qwzrtyx-uusi-nimi/"


def test_a_saved_draft_changes_nothing_shown(client, soup_of, home, saved):
    item = home.get_children().live().in_menu().first().specific
    menu_titles(client, soup_of)
    number = SiteChange.objects.get().number
    with saved():
        item.title = "Qwzrtyx luonnos"
        item.save_revision()
    assert SiteChange.objects.get().number == number
    assert "Qwzrtyx luonnos" not in menu_titles(client, soup_of)


def test_a_view_restriction_on_a_menu_page_takes_it_out_of_the_menu_at_once(
    client, soup_of, home, saved
):
    item = home.get_children().live().in_menu().first()
    assert item.title in menu_titles(client, soup_of)
    with saved():
        restriction = PageViewRestriction.objects.create(
            page=item, restriction_type=PageViewRestriction.LOGIN
        )
    assert item.title not in menu_titles(client, soup_of)
    with saved():
        restriction.delete()
    assert item.title in menu_titles(client, soup_of)


def test_footer_text_and_settings_changes_show_at_once(client, soup_of, saved):
    assert "Qwzrtyx-verkosto" not in footer_text(client, soup_of)
    with saved():
        footer = FooterText.objects.get(locale__language_code="fi")
        footer.organisation_name = "Qwzrtyx-verkosto"
        footer.save()
    assert "Qwzrtyx-verkosto" in footer_text(client, soup_of)
    assert "Qwzrtyx-verkosto" not in footer_text(client, soup_of, "/sv/")

    with saved():
        site_settings = SiteSettings.objects.get()
        site_settings.contact_phone = "+358 40 123 4567"
        site_settings.save()
    assert "+358 40 123 4567" in footer_text(client, soup_of)


def test_an_unpublished_language_home_leaves_the_language_switcher_at_once(client, soup_of, saved):
    def switcher(url):
        return {
            a["hreflang"]
            for a in soup_of(client.get(url)).select(".language-switcher > ul a[hreflang]")
        }

    assert "sv" in switcher("/fi/search/?q=kotoutuminen")
    with saved():
        Page.objects.get(depth=2, locale__language_code="sv").unpublish()
    assert "sv" not in switcher("/fi/search/?q=kotoutuminen")


def test_the_header_is_kept_until_the_change_count_moves_as_another_process_would(
    client, soup_of, home
):
    """A change saved in another process reaches this one through the count alone: the
    title below changes without a signal in this process, so the kept menu still shows
    the old one until the count moves (which the other process's save does)."""
    item = home.get_children().live().in_menu().first()
    assert item.title in menu_titles(client, soup_of)
    Page.objects.filter(pk=item.pk).update(title="Qwzrtyx toisesta prosessista")
    assert item.title in menu_titles(client, soup_of)

    SiteChange.objects.update(number=F("number") + 1)
    assert "Qwzrtyx toisesta prosessista" in menu_titles(client, soup_of)


def test_a_kept_header_and_footer_save_their_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/fi/")  # every per-process cache warm
    with CaptureQueriesContext(connection) as kept:
        client.get("/fi/")
    SiteChange.objects.update(number=F("number") + 1)
    with CaptureQueriesContext(connection) as built:
        client.get("/fi/")
    assert len(built) - len(kept) >= 7


def test_a_count_that_fails_to_move_does_not_fail_the_saved_change(
    home, saved, monkeypatch, caplog
):
    from django.db import DatabaseError

    from home import change_count

    def locked():
        raise DatabaseError("database is locked")

    monkeypatch.setattr(change_count, "count_change", locked)
    page = home.get_children().live().first().specific
    page.title = "Qwzrtyx uusi otsikko"
    with saved():
        page.save_revision().publish()
    assert Page.objects.get(pk=page.pk).title == "Qwzrtyx uusi otsikko"
    assert "database is locked" in caplog.text
