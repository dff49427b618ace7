"""Wagtail 8's autosave creates a page before the editor saves it: a draft nobody went on
with does not block a retry with the same title and is deleted after a week, while a draft a
person saved is never deleted (``home.autosave_drafts``)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Page, PageLogEntry

from network.models import BlogIndexPage, BlogPage
from tests import factories as make

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def organisation():
    make.section(BlogIndexPage)
    return make.organisation("Testijärjestö")


@pytest.fixture
def editor_client(client, organisation):
    client.force_login(make.editor(organisation))
    return client


def autosave_new_post(client, organisation, title):
    """The first autosave of a new blog post: what the create view gets as the editor types."""
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", organisation.pk])
    data = make.blog_post_form(title=title)
    del data["action-publish"]
    return client.post(url, data, **AUTOSAVE)


def left_alone_for(page, age):
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=timezone.now() - age)


def test_a_retry_with_the_same_title_replaces_the_editors_abandoned_draft(
    editor_client, organisation
):
    first = autosave_new_post(editor_client, organisation, "Kevään retki")
    assert first.json()["success"]
    abandoned = BlogPage.objects.get(slug="kevaan-retki")
    left_alone_for(abandoned, timedelta(minutes=5))

    retry = autosave_new_post(editor_client, organisation, "Kevään retki")

    assert retry.json()["success"], retry.json()
    (post,) = BlogPage.objects.child_of(organisation).filter(slug="kevaan-retki")
    assert post.pk == retry.json()["pk"] != abandoned.pk


def test_a_draft_still_open_in_the_editor_is_not_replaced(editor_client, organisation):
    first = autosave_new_post(editor_client, organisation, "Kevään retki")
    draft = BlogPage.objects.get(pk=first.json()["pk"])
    left_alone_for(draft, timedelta(minutes=5))
    EditingSession.objects.create(
        user=draft.owner,
        content_type=draft.content_type,
        object_id=str(draft.pk),
        last_seen_at=timezone.now(),
    )

    retry = autosave_new_post(editor_client, organisation, "Kevään retki")

    assert not retry.json()["success"]
    assert BlogPage.objects.filter(pk=draft.pk).exists()


def test_the_clean_up_deletes_only_week_old_drafts_nobody_saved(editor_client, organisation):
    abandoned = BlogPage.objects.get(
        pk=autosave_new_post(editor_client, organisation, "Hylätty").json()["pk"]
    )
    recent = BlogPage.objects.get(
        pk=autosave_new_post(editor_client, organisation, "Tuore").json()["pk"]
    )
    saved = BlogPage.objects.get(
        pk=autosave_new_post(editor_client, organisation, "Tallennettu").json()["pk"]
    )
    # The editor goes on and presses "Save draft" on the page autosave created.
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[saved.pk]),
        make.blog_post_form("action-draft", title="Tallennettu", intro="Oma teksti"),
    )
    assert response.status_code == 302
    for page in (abandoned, saved):
        left_alone_for(page, timedelta(days=8))
    left_alone_for(recent, timedelta(days=6))

    call_command("clean_autosave_drafts")

    remaining = set(BlogPage.objects.child_of(organisation).values_list("title", flat=True))
    assert remaining == {"Tuore", "Tallennettu"}
    # deleted as Wagtail deletes, so the site history says so
    assert PageLogEntry.objects.filter(page_id=abandoned.pk, action="wagtail.delete").exists()
    saved.refresh_from_db()
    assert saved.get_latest_revision_as_object().intro == "Oma teksti"


def test_a_submitted_autosave_draft_is_kept(editor_client, organisation):
    draft = BlogPage.objects.get(
        pk=autosave_new_post(editor_client, organisation, "Arvioitavana").json()["pk"]
    )
    draft.get_workflow().start(draft, draft.owner)  # as a coordinator's bulk submit does
    left_alone_for(draft, timedelta(days=8))

    call_command("clean_autosave_drafts")

    assert BlogPage.objects.filter(pk=draft.pk).exists()
