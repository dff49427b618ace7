"""Migration 0011: the latest revision of an activity saved before 0008 gets its free-text
cost converted as 0008 converted the live row, so publishing that draft brings no old cost
back (and no "free of charge" over a fee)."""

import importlib

import pytest
from django.apps import apps

from network.models import ActivityPage
from tests import factories as make

pytestmark = pytest.mark.django_db

migration = importlib.import_module("network.migrations.0011_activity_revisions_cost")


def written_before_0008(revision, cost, signup_url=""):
    """``revision`` as saved before 0008: a cost text, none of the fields that replaced it."""
    content = {
        name: value
        for name, value in revision.content.items()
        if name not in ("free", "fee", "join_method")
    }
    revision.content = {**content, "cost": cost, "signup_url": signup_url}
    revision.save(update_fields=["content"])


@pytest.mark.parametrize(
    "cost,signup_url,expected",
    [
        ("5 € kerta", "", (False, "5 € kerta", "none")),
        ("Maksuton.", "https://example.org/ilmo", (True, "", "link")),
    ],
)
def test_the_latest_revision_gets_free_fee_and_the_way_to_join(cost, signup_url, expected):
    organisation = make.organisation("Setlementti", level="local")
    activity = make.activity(organisation, "Kielikahvila")
    activity.title = "Kielikahvila (luonnos)"
    draft = activity.save_revision()
    written_before_0008(draft, cost, signup_url)

    migration.convert_latest_revisions(apps, None)

    draft.refresh_from_db()
    assert "cost" not in draft.content
    page = draft.as_object()
    assert (page.free, page.fee, page.join_method) == expected
    assert page.title == "Kielikahvila (luonnos)"
    draft.publish()
    live = ActivityPage.objects.get(pk=activity.pk)
    assert (live.free, live.fee, live.join_method) == expected


def test_revisions_without_a_cost_are_left_alone():
    organisation = make.organisation("Setlementti", level="local")
    activity = make.activity(organisation, "Kielikahvila", free=False, fee="2 €")
    revision = activity.get_latest_revision()
    before = revision.content
    migration.convert_latest_revisions(apps, None)
    revision.refresh_from_db()
    assert revision.content == before
