"""Editors submit, coordinators approve or reject with a comment; notifications by email;
scheduled publishing."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from network.models import BlogPage
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    """A local organisation, one of its editors and a network coordinator (a reviewer)."""
    organisation = make.organisation("Järjestö A", level="local")
    return organisation, make.editor(organisation, "editori"), make.coordinator("koordinaattori")


def submit(client, organisation, **extra):
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", organisation.pk])
    response = client.post(url, make.blog_post_form("action-submit", **extra))
    assert response.status_code == 302
    return BlogPage.objects.get(slug="uutinen")


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_editor_unpublishes_and_deletes_own_live_pages(client, people):
    organisation, editor, coordinator = people
    client.force_login(editor)
    page = submit(client, organisation)
    client.force_login(coordinator)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live

    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    assert not page.live
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert not BlogPage.objects.filter(pk=page.pk).exists()


def test_coordinator_approves_and_editor_is_told(client, people):
    organisation, editor, coordinator = people
    client.force_login(editor)
    mail.outbox.clear()
    page = submit(client, organisation)
    assert not page.live
    assert any("koordinaattori@example.org" in message.to for message in mail.outbox)

    client.force_login(coordinator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Uutinen" in dashboard  # the review queue on the coordinator's dashboard
    mail.outbox.clear()
    response = workflow_action(client, page, "approve", comment="Hyvä!")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert any(message.to == ["editori@example.org"] for message in mail.outbox)
    assert client.get(page.url).status_code == 200


def test_coordinator_rejects_with_a_comment(client, people):
    organisation, editor, coordinator = people
    client.force_login(editor)
    page = submit(client, organisation)
    client.force_login(coordinator)
    mail.outbox.clear()
    workflow_action(client, page, "reject", comment="Lisää lähteet, kiitos.")
    page.refresh_from_db()
    assert not page.live
    to_editor = [message for message in mail.outbox if message.to == ["editori@example.org"]]
    assert to_editor and "Lisää lähteet, kiitos." in to_editor[0].body


def test_editor_cannot_approve_own_work(client, people):
    organisation, editor, _ = people
    client.force_login(editor)
    page = submit(client, organisation)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live


def test_scheduled_publishing(client, people, monkeypatch):
    organisation, editor, coordinator = people
    client.force_login(editor)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    page = submit(client, organisation, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    client.force_login(coordinator)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at is not None

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live  # not yet

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=3))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
