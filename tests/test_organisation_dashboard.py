"""An editor's dashboard shows their organisation first (issue 20, item 1): its drafts, pages
in review and sent back with the coordinator's comment, recent publications, activities due
for a check, comments and the month's downloads, with shortcuts to add content under it.
The attacks: another organisation's work never shows, in any of them."""

import datetime

import pytest
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from home import autosave_drafts
from materials.models.documents import DownloadCount
from network.freshness import months_before, record_check
from network.models import Comment, CommentStatus
from tests import factories as make
from tests.test_freshness import english

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    return make.organisation("Järjestö A", level="local"), make.organisation("Järjestö B")


@pytest.fixture
def editor(organisations):
    return english(make.editor(organisations[0], "editori"))


def panel(client, soup_of, user):
    client.force_login(user)
    return soup_of(client.get(reverse("wagtailadmin_home"))).find(id="own-organisation-section")


def section_text(found, section_id):
    return " ".join(found.find(id=section_id).get_text(" ").split())


def submit(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def send_back(page, user, coordinator, comment):
    task_state = submit(page, user).current_task_state
    task_state.specific.task.specific.on_action(task_state, coordinator, "reject", comment=comment)


def downloads(material, count, date=None):
    DownloadCount.objects.create(
        document=material.files.first().document,
        date=date or timezone.localdate(),
        count=count,
    )


def test_the_editor_sees_their_own_work_and_none_of_anothers(
    client, soup_of, organisations, editor
):
    own, other = organisations
    other_editor = make.editor(other, "toinen")
    make.blog_post(own, "Oma luonnos", live=False)
    make.blog_post(other, "Vieras luonnos", live=False)
    submit(make.event(own, "Oma tapahtuma", live=False), editor)
    submit(make.event(other, "Vieras tapahtuma", live=False), other_editor)
    coordinator = make.coordinator()
    send_back(make.material(own, "Oma opas", live=False), editor, coordinator, "Lisää lähteet.")
    send_back(
        make.material(other, "Vieras opas", live=False), other_editor, coordinator, "Salaista"
    )
    make.activity(own, "Oma kielikahvila")
    make.activity(other, "Vieras kielikahvila")

    found = panel(client, soup_of, editor)
    assert found.find("h2").get_text(strip=True).endswith("Your organisation: Järjestö A")
    assert "Oma luonnos" in section_text(found, "drafts")
    assert "Oma tapahtuma" in section_text(found, "in-review")
    assert "Oma tapahtuma" not in section_text(found, "drafts")
    sent_back = section_text(found, "sent-back")
    assert "Oma opas" in sent_back and "Lisää lähteet." in sent_back
    assert "Oma kielikahvila" in section_text(found, "published")
    assert "Vieras" not in found.get_text() and "Salaista" not in found.get_text()


def test_comments_and_downloads_are_the_organisations_own(client, soup_of, organisations, editor):
    own, other = organisations
    own_post, other_post = make.blog_post(own, "Oma postaus"), make.blog_post(other, "Vieras")
    Comment.objects.create(post=own_post, name="Lukija", body="Hyvä kirjoitus")
    Comment.objects.create(
        post=own_post, name="Roskaaja", body="Osta", status=CommentStatus.REJECTED
    )
    Comment.objects.create(post=other_post, name="Toinen", body="Vieras kommentti")
    own_material = make.material_with_files(own, "Oma opas")
    downloads(own_material, 7)
    downloads(own_material, 100, timezone.localdate().replace(day=1) - datetime.timedelta(days=1))
    downloads(make.material_with_files(other, "Vieras opas"), 50)

    found = panel(client, soup_of, editor)
    comments = section_text(found, "newest-comments")
    assert "Lukija" in comments and "Hyvä kirjoitus" in comments
    assert "Roskaaja" not in comments and "Vieras kommentti" not in comments
    assert "Downloads of your materials this month: 7" in " ".join(found.get_text(" ").split())


def test_activities_due_for_a_check_are_counted(client, soup_of, organisations, editor):
    own, other = organisations
    today = timezone.localdate()
    record_check(make.activity(own, "Vanha"), months_before(today, 13))
    record_check(make.activity(own, "Tuore"), months_before(today, 2))
    record_check(make.activity(other, "Vieras vanha"), months_before(today, 13))

    text = " ".join(panel(client, soup_of, editor).get_text().split())
    assert "Activities not checked for a year: 1" in text


def test_shortcuts_add_each_kind_of_content_under_the_organisation(
    client, soup_of, organisations, editor
):
    own = organisations[0]
    links = {
        link.get_text(" ", strip=True).split(" (")[0]: link["href"]
        for link in panel(client, soup_of, editor).select("a.button")
    }
    for label, app, model in [
        ("New material", "materials", "materialpage"),
        ("New activity", "network", "activitypage"),
        ("New blog post", "network", "blogpage"),
        ("New event", "network", "eventpage"),
    ]:
        assert links[label] == reverse("wagtailadmin_pages:add", args=[app, model, own.pk])
        assert client.get(links[label]).status_code == 200


def test_the_shortcuts_lead_to_the_organisation_in_the_editors_language(
    client, soup_of, organisations
):
    swedish = make.translation(organisations[0], "sv")
    person = make.editor(organisations[0], "redaktor")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "sv"
    profile.save()
    hrefs = [link["href"] for link in panel(client, soup_of, person).select("a.button")]
    assert reverse("wagtailadmin_explore", args=[swedish.pk]) in hrefs
    assert reverse("wagtailadmin_pages:add", args=["network", "blogpage", swedish.pk]) in hrefs


def test_an_editor_of_two_organisations_sees_both(client, soup_of, organisations):
    person = english(make.user("kaksi", *(make.editor(o).groups.get() for o in organisations)))
    found = panel(client, soup_of, person)
    assert [h.get_text(strip=True) for h in found.select("h3.w-h3")][:2] == [
        "Järjestö A",
        "Järjestö B",
    ]


def test_coordinators_see_the_networks_queue_not_an_organisation(
    client, soup_of, organisations, editor
):
    submit(make.event(organisations[0], "Tapahtuma A", live=False), editor)
    submit(make.event(organisations[1], "Tapahtuma B", live=False), editor)
    client.force_login(english(make.coordinator()))
    dashboard = soup_of(client.get(reverse("wagtailadmin_home")))
    assert dashboard.find(id="own-organisation-section") is None
    queue = dashboard.find(id="awaiting-review-section").get_text()
    assert "Tapahtuma A" in queue and "Tapahtuma B" in queue


def test_the_panel_costs_the_same_queries_however_much_there_is(
    rf, organisations, editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from network.dashboard import OrganisationPanel

    own = organisations[0]
    request = rf.get(reverse("wagtailadmin_home"))
    request.user = editor

    def render():
        return OrganisationPanel(request).render_html({"request": request})

    def add_one_of_each(number):
        post = make.blog_post(own, f"Kirjoitus {number}")
        Comment.objects.create(post=post, name="Lukija", body="Kiitos")
        make.blog_post(own, f"Luonnos {number}", live=False)
        submit(make.event(own, f"Tapahtuma {number}", live=False), editor)
        downloads(make.material_with_files(own, f"Opas {number}"), 3)

    add_one_of_each(0)
    render()
    with CaptureQueriesContext(connection) as few:
        render()
    for number in range(1, 5):
        add_one_of_each(number)
    with django_assert_max_num_queries(len(few)):
        html = render()
    assert "Tapahtuma 4" in html and "Luonnos 4" in html and "Kirjoitus 4" in html


# Where the explorer and the choosers open


def explorer_start(rf, user, language="fi"):
    """The page id the sidebar's "Pages" item opens the explorer at, in ``language``."""
    from django.contrib.auth import get_user_model
    from django.utils import translation
    from wagtail.admin.menu import admin_menu

    request = rf.get(reverse("wagtailadmin_home"))
    request.user = get_user_model().objects.get(pk=user.pk)
    with translation.override(language):
        items = admin_menu.render_component(request)
    return next(item.start_page_id for item in items if item.name == "explorer")


def chooser_start(client, user):
    """The page id the page chooser opens at when nothing is chosen yet, asked as Wagtail's
    chooser asks when any page will do."""
    client.force_login(user)
    answer = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "wagtailcore.page"})
    return answer.json()["parent_page_id"]


def explorer_root_start(client, user):
    """The page id of the explorer ``/admin/pages/`` (Wagtail's explorer at the root) shows
    ``user``, after its redirect if it makes one."""
    from wagtail.models import Page

    client.force_login(user)
    answer = client.get("/admin/pages/")
    if answer.status_code == 200:
        return Page.get_first_root_node().pk
    return resolve(answer["Location"]).kwargs["parent_page_id"]


def test_the_explorer_and_chooser_open_at_the_editors_organisation_in_their_language(
    client, rf, organisations
):
    own = organisations[0]
    swedish = make.translation(own, "sv")
    person = make.editor(own, "redaktor")
    assert explorer_start(rf, person) == own.pk
    assert chooser_start(client, person) == own.pk
    assert explorer_root_start(client, person) == own.pk
    ordered = client.get("/admin/pages/?ordering=title")["Location"]  # the listing's order stays
    assert ordered == reverse("wagtailadmin_explore", args=[own.pk]) + "?ordering=title"

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "sv"
    profile.save()
    assert explorer_start(rf, person, "sv") == swedish.pk
    assert chooser_start(client, person) == swedish.pk
    assert explorer_root_start(client, person) == swedish.pk


def test_an_editor_of_two_organisations_starts_at_the_organisation_listing(
    client, rf, organisations
):
    from wagtail.models import Page

    person = make.user("kaksi", *(make.editor(o).groups.get() for o in organisations))
    swedish = make.translation(organisations[0], "sv")
    listing = organisations[0].get_parent()
    assert explorer_start(rf, person) == listing.pk
    assert chooser_start(client, person) == listing.pk
    assert explorer_root_start(client, person) == listing.pk
    # in Swedish, only the first has a Swedish page: the start still holds both
    start = Page.objects.get(pk=explorer_start(rf, person, "sv"))
    assert swedish.path.startswith(start.path)
    assert organisations[1].path.startswith(start.path)


def test_coordinators_start_at_the_root(client, rf, organisations):
    from wagtail.models import Page

    coordinator = make.coordinator()
    assert explorer_start(rf, coordinator) == Page.get_first_root_node().pk
    assert chooser_start(client, coordinator) == Page.get_first_root_node().pk
    assert explorer_root_start(client, coordinator) == Page.get_first_root_node().pk
    client.logout()
    assert client.get("/admin/pages/")["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_draft_only_autosave_saved_says_when_it_will_be_deleted(
    client, soup_of, organisations, editor
):
    """Wagtail's editor said "Saved"; the clean-up deletes such a draft after a week, so the
    editor is told before, on the dashboard (``home.autosave_drafts``)."""
    own = organisations[0]
    autosaved = make.blog_post(own, "Keskeneräinen", live=False)
    autosave_drafts.note(autosaved)
    make.blog_post(own, "Itse tallennettu", live=False)

    drafts = panel(client, soup_of, editor).find(id="drafts")
    (warning,) = [
        item for item in drafts.find_all("li") if "Only saved automatically" in item.get_text()
    ]
    assert "Keskeneräinen" in warning.get_text()
    autosaved.refresh_from_db()
    with translation.override("en"):
        day = date_format(
            timezone.localdate(autosaved.latest_revision_created_at + autosave_drafts.KEPT_FOR),
            "SHORT_DATE_FORMAT",
        )
    assert f"deleted on {day}" in warning.get_text()
    assert "Itse tallennettu" in drafts.get_text()

    autosave_drafts.forget(autosaved)  # the editor saved it by hand
    drafts = panel(client, soup_of, editor).find(id="drafts")
    assert "Only saved automatically" not in drafts.get_text()
