"""Freshness of the tray (issue 18, item 5): every activity carries the date its organisation
last checked it, one date in every language; "Still correct" is one click without review, for
the activity's own editors and the coordinators only; editors are reminded once after 11 months
and the site marks an activity after 12. Attacks check the database afterwards."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from network.freshness import months_before, record_check
from network.models import ActivityPage
from network.roles import TRANSLATORS
from tests import factories as make

pytestmark = pytest.mark.django_db

NOTICE = {
    "fi": "Ei tarkistettu yli vuoteen: varmista tiedot järjestäjältä",
    "sv": "Inte kontrollerad på över ett år: bekräfta uppgifterna med arrangören",
}


def months_ago(months, days=0):
    return months_before(timezone.localdate(), months) - datetime.timedelta(days=days)


def checked(page):
    """The activity's last check and reminder as the database holds them."""
    row = ActivityPage.objects.values("last_checked", "stale_reminder_sent_at").get(pk=page.pk)
    return row["last_checked"], row["stale_reminder_sent_at"]


@pytest.fixture
def organisation():
    return make.organisation("Järjestö A", level="local")


@pytest.fixture
def activity(organisation):
    return make.activity(organisation, "Kielikahvila")


@pytest.fixture
def editor(organisation):
    return make.editor(organisation, "editori")


def session(user):
    """An admin session that sends the CSRF token as the admin's forms do."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))
    return client


def still_correct(client, page, method="post"):
    url = reverse("network_activity_still_correct", args=[page.pk])
    if method == "get":
        return client.get(url)
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {"csrfmiddlewaretoken": token})


def english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


# The date of the check


def test_publishing_dates_the_check_and_a_translation_keeps_the_source_date(activity):
    assert checked(activity) == (timezone.localdate(), None)
    record_check(activity, months_ago(13))
    swedish = make.translation(activity, "sv", title="Språkcafé")
    assert checked(swedish)[0] == months_ago(13)  # a translator's publish is no check

    make.publish(ActivityPage.objects.get(pk=activity.pk))  # a published edit is a check
    assert checked(activity)[0] == checked(swedish)[0] == timezone.localdate()


def test_a_translation_published_from_an_old_revision_keeps_the_newer_check(
    activity, editor, settings
):
    record_check(activity, months_ago(13))
    swedish = make.translation(activity, "sv", title="Språkcafé")
    old_revision = swedish.get_latest_revision()
    still_correct(session(editor), activity)
    old_revision.publish()  # its copy of the page holds the old date
    assert checked(swedish)[0] == timezone.localdate()


def test_existing_activities_are_dated_by_their_last_publish(activity):
    swedish = make.translation(activity, "sv", title="Språkcafé")
    published = timezone.now() - datetime.timedelta(days=400)
    ActivityPage.objects.filter(pk=activity.pk).update(last_published_at=published)
    ActivityPage.objects.update(last_checked=None)
    draft = make.activity(activity.get_parent().specific, "Luonnos", live=False)
    ActivityPage.objects.filter(pk=draft.pk).update(last_checked=None)

    migration = importlib.import_module("network.migrations.0007_activity_last_checked")
    migration.fill_last_checked(apps, None)
    assert checked(activity)[0] == checked(swedish)[0] == timezone.localdate(published)
    assert checked(draft)[0] is None


# "Still correct"


def test_still_correct_is_one_click_without_review_in_every_language(activity, editor):
    swedish = make.translation(activity, "sv", title="Språkcafé")
    ActivityPage.objects.update(last_checked=months_ago(13), stale_reminder_sent_at=timezone.now())
    revisions = activity.revisions.count()

    response = still_correct(session(editor), activity)
    assert response.status_code == 302
    assert checked(activity) == (timezone.localdate(), None)
    assert checked(swedish) == (timezone.localdate(), None)
    after = ActivityPage.objects.get(pk=activity.pk)
    assert after.revisions.count() == revisions  # nothing to review
    assert after.title == "Kielikahvila" and not after.has_unpublished_changes
    assert after.current_workflow_state is None


def test_the_check_of_a_translation_page_checks_the_activity(activity, editor):
    swedish = make.translation(activity, "sv", title="Språkcafé")
    record_check(activity, months_ago(13))
    still_correct(session(editor), swedish)
    assert checked(activity)[0] == timezone.localdate()


def test_coordinators_confirm_any_activity(activity):
    record_check(activity, months_ago(13))
    still_correct(session(make.coordinator()), activity)
    assert checked(activity)[0] == timezone.localdate()


@pytest.mark.parametrize("who", ["other_editor", "translator", "inactive_editor"])
def test_others_cannot_confirm(activity, who):
    other = make.organisation("Järjestö B")
    swedish = make.translation(activity, "sv", title="Språkcafé")
    user = {
        "other_editor": lambda: make.editor(other, "toinen"),
        "translator": lambda: make.user("kaantaja", TRANSLATORS),
        "inactive_editor": lambda: make.editor(activity.get_parent().specific, "entinen"),
    }[who]()
    client = session(user)
    user.is_active = who != "inactive_editor"
    user.save()
    record_check(activity, months_ago(13))
    for page in (activity, swedish):
        assert still_correct(client, page).status_code in (302, 403)
    assert checked(activity)[0] == checked(swedish)[0] == months_ago(13)


def test_anonymous_get_forged_and_csrf_less_requests_change_nothing(activity, editor):
    blog_post = make.blog_post(activity.get_parent().specific, "Uutinen")
    record_check(activity, months_ago(13))

    anonymous = still_correct(Client(), activity)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    client = session(editor)
    assert still_correct(client, activity, method="get").status_code == 405
    forged = still_correct(client, blog_post)  # not found (Django then tries the /fi/ address)
    assert forged.status_code in (302, 404) and forged.get("Location") != "/admin/"
    assert blog_post.revisions.count() == 1
    without_token = Client(enforce_csrf_checks=True)
    without_token.force_login(editor)
    assert still_correct(without_token, activity).status_code == 403
    assert checked(activity)[0] == months_ago(13)


def test_the_button_is_on_the_activity_for_its_editors_only(client, activity, editor):
    url = reverse("network_activity_still_correct", args=[activity.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    listing = reverse("wagtailadmin_explore", args=[activity.get_parent().pk])
    client.force_login(editor)
    assert url in client.get(edit).content.decode()
    assert url in client.get(listing).content.decode()
    client.force_login(make.user("kaantaja", TRANSLATORS))
    page = client.get(edit)
    assert page.status_code == 200 and url not in page.content.decode()


# The dashboard


def test_editors_dashboard_lists_their_activities_oldest_check_first(
    client, soup_of, organisation, editor
):
    fresh = make.activity(organisation, "Tuore")
    old = make.activity(organisation, "Vanha")
    older = make.activity(organisation, "Vanhempi")
    record_check(old, months_ago(2, days=-3))  # not yet two whole months
    record_check(older, months_ago(13, days=3))
    make.activity(make.organisation("Järjestö B"), "Muiden toiminta")

    client.force_login(english(editor))
    panel = soup_of(client.get(reverse("wagtailadmin_home"))).find(id="own-activities-section")
    rows = [" ".join(row.get_text(" ").split()) for row in panel.select("tbody tr")]
    assert [row.split(" checked")[0] for row in rows] == ["Vanhempi", "Vanha", "Tuore"]
    assert "checked 13 months ago" in rows[0] and "checked 1 month ago" in rows[1]
    assert "checked less than a month ago" in rows[2]
    buttons = [button["data-w-action-url-value"] for button in panel.select("tbody button")]
    assert buttons == [
        reverse("network_activity_still_correct", args=[page.pk]) for page in (older, old, fresh)
    ]


def test_translators_dashboard_lists_no_activities_to_confirm(client, soup_of, activity):
    client.force_login(make.user("kaantaja", TRANSLATORS))
    dashboard = soup_of(client.get(reverse("wagtailadmin_home")))
    assert dashboard.find(id="own-activities-section") is None
    assert "Kielikahvila" not in dashboard.get_text()


def test_coordinators_dashboard_lists_every_organisations_stale_activities(
    client, soup_of, organisation
):
    stale = make.activity(organisation, "Vanha")
    reminded = make.activity(make.organisation("Järjestö B"), "Muistutettu")
    make.activity(organisation, "Tuore")
    record_check(stale, months_ago(11))
    record_check(reminded, months_ago(14))
    ActivityPage.objects.filter(pk=reminded.pk).update(
        stale_reminder_sent_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 9))
    )

    client.force_login(english(make.coordinator()))
    panel = soup_of(client.get(reverse("wagtailadmin_home"))).find(id="stale-activities-section")
    rows = [[cell.get_text(strip=True) for cell in row("td")] for row in panel.select("tbody tr")]
    assert [row[:2] for row in rows] == [["Järjestö B", "Muistutettu"], ["Järjestö A", "Vanha"]]
    assert rows[0][3] != "not sent" and "2026" in rows[0][3]
    assert rows[1][3] == "not sent"


# The reminder


@pytest.fixture
def stale_organisation(organisation, activity):
    """Järjestö A with two activities unchecked for 11 months and one fresh; its editors:
    one in English, one in Finnish (no preference), one inactive and one without email."""
    second = make.activity(organisation, "Äitiryhmä")
    make.activity(organisation, "Tuore")
    record_check(activity, months_ago(11))
    record_check(second, months_ago(15))
    english(make.editor(organisation, "english"))
    editors = make.editor(organisation, "suomi").groups.get()
    make.user("entinen", editors, is_active=False)
    no_email = make.user("ei-postia", editors)
    no_email.email = ""
    no_email.save()
    make.activity(make.organisation("Järjestö B"), "Muiden")  # fresh, and no editors
    return organisation, activity, second


def remind(*args):
    from io import StringIO

    out = StringIO()
    call_command("remind_stale_activities", *args, stdout=out)
    return out.getvalue()


def test_editors_are_reminded_once_in_their_language(stale_organisation):
    organisation, activity, second = stale_organisation
    mail.outbox.clear()
    output = remind()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"english@example.org", "suomi@example.org"}
    finnish, english_mail = by_recipient["suomi@example.org"], by_recipient["english@example.org"]
    assert "tarkista" in finnish.subject.lower() and "Järjestö A" in finnish.subject
    assert "Still correct" in english_mail.body and "Still correct" not in finnish.body
    for message in (finnish, english_mail):
        assert "Kielikahvila" in message.body and "Äitiryhmä" in message.body
        assert "Tuore" not in message.body and "Muiden" not in message.body
        assert f"/admin/pages/{activity.pk}/edit/" in message.body
    assert "Sent 2 email(s) about 2 activities." in output
    assert checked(activity)[1] is not None and checked(second)[1] is not None

    mail.outbox.clear()
    remind()  # cron runs it again the next day
    assert mail.outbox == []


def test_a_new_check_allows_a_new_reminder_when_it_goes_stale(stale_organisation):
    organisation, activity, second = stale_organisation
    remind()
    record_check(activity, months_ago(12))  # checked, then a year passed
    mail.outbox.clear()
    remind()
    assert len(mail.outbox) == 2
    assert all("Kielikahvila" in m.body and "Äitiryhmä" not in m.body for m in mail.outbox)


def test_dry_run_lists_and_sends_nothing(stale_organisation):
    organisation, activity, second = stale_organisation
    mail.outbox.clear()
    output = remind("--dry-run")
    assert "Järjestö A: would email 2 editor(s)" in output and "Kielikahvila" in output
    assert mail.outbox == [] and checked(activity)[1] is None


def test_an_organisation_without_editors_is_reported_and_reminded_later(organisation, activity):
    record_check(activity, months_ago(11))
    assert "no editor with an email address" in remind()
    assert checked(activity)[1] is None
    make.editor(organisation, "uusi")
    mail.outbox.clear()
    remind()
    assert [message.to for message in mail.outbox] == [["uusi@example.org"]]


# On the site


@pytest.fixture
def tray_activities(organisation):
    """Activities in Kemi checked just over and just under a year ago, and one in Swedish."""
    from network.models import Municipality

    kemi = list(Municipality.objects.filter(name="Kemi"))
    stale = make.activity(organisation, "Vanha kahvila", municipalities=kemi)
    almost = make.activity(organisation, "Melkein vanha", municipalities=kemi)
    record_check(stale, months_ago(12))
    record_check(almost, months_ago(12, days=-1))
    return stale, almost


def notices(soup, language="fi"):
    return [p for p in soup.find_all("p") if p.get_text(strip=True) == NOTICE[language]]


def test_an_activity_unchecked_for_a_year_is_marked_on_its_page(client, soup_of, tray_activities):
    stale, almost = tray_activities
    page = soup_of(client.get(stale.url))
    assert [p["lang"] for p in notices(page)] == ["fi"]
    assert notices(soup_of(client.get(almost.url))) == []

    swedish = make.translation(stale, "sv", title="Gammalt kafé")
    assert len(notices(soup_of(client.get(swedish.url)), "sv")) == 1


@pytest.mark.parametrize("url", ["/fi/toiminta/", "/fi/toiminta/kunta/kemi/"])
def test_the_tray_cards_mark_it(client, soup_of, tray_activities, url):
    page = soup_of(client.get(url))
    marked = [p.find_parent("article").find("a").get_text(strip=True) for p in notices(page)]
    assert marked == ["Vanha kahvila"]


def test_marks_cost_no_queries(query_count, organisation, tray_activities):
    before = {url: query_count(url) for url in ("/fi/toiminta/", "/fi/toiminta/kunta/kemi/")}
    for page in ActivityPage.objects.all():
        record_check(page, months_ago(20))
    assert {url: query_count(url) for url in before} == before


# The demo


@pytest.mark.usefixtures("demo_site")
def test_demo_has_a_marked_and_a_stale_activity(client, soup_of):
    marked = [page for page in ActivityPage.objects.live() if page.unchecked_for_a_year]
    assert [page.slug for page in marked] == ["puhutaan-kotoutumisesta"]
    stale = ActivityPage.objects.filter(last_checked__lte=months_ago(11))
    assert {page.slug for page in stale} == {"puhutaan-kotoutumisesta", "meri-lapin-aitiryhmat"}
    assert len(notices(soup_of(client.get(marked[0].url)))) == 1
