"""The admin side of the activities' freshness (``network.freshness``): the one-click
"Still correct", its button on an activity's header and listing menus, and the dashboard
panels: an editor's own activities by last check, and the coordinators' list of those not
checked for ``REMIND_AFTER_MONTHS``."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets.button import Button

from network import freshness
from network.models import ActivityPage, attach_organisations
from network.roles import is_coordinator


@require_POST
def still_correct(request, page_id):
    """Date today's check of an activity (every language) without a revision to review."""
    activity = get_object_or_404(ActivityPage, pk=page_id)
    if not activity.permissions_for_user(request.user).can_confirm_still_correct():
        raise PermissionDenied
    freshness.record_check(activity)
    messages.success(
        request,
        _("“%(title)s” was confirmed as still correct.")
        % {"title": activity.get_admin_display_title()},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def still_correct_button(page, user, next_url=None, priority=25):
    """The "Still correct" button of an activity the user may confirm (else nothing)."""
    if not issubclass(page.specific_class, ActivityPage):
        return []
    if not page.permissions_for_user(user).can_confirm_still_correct():
        return []
    url = reverse("network_activity_still_correct", args=[page.pk])
    attrs = {
        # Wagtail's w-action controller sends a POST with the CSRF token.
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": url,
    }
    if next_url:
        attrs["data-w-action-next-value"] = next_url
    return [Button(_("Still correct"), url=url, icon_name="check", priority=priority, attrs=attrs)]


class OwnActivitiesPanel(Component):
    """An organisation editor's activities, the longest unchecked first."""

    name = "own_activities_by_last_check"
    template_name = "network/admin/own_activities_panel.html"
    order = 150

    def __init__(self, activities):
        self.activities = activities

    def get_context_data(self, parent_context):
        for activity in self.activities:
            if activity.last_checked:
                activity.months_unchecked = freshness.months_since(activity.last_checked)
        return {"activities": self.activities, "request": parent_context["request"]}


class StaleActivitiesPanel(Component):
    """Every organisation's activities not checked for ``REMIND_AFTER_MONTHS``."""

    name = "stale_activities"
    template_name = "network/admin/stale_activities_panel.html"
    order = 160

    def __init__(self, activities):
        self.activities = activities

    def get_context_data(self, parent_context):
        return {"activities": self.activities, "months": freshness.REMIND_AFTER_MONTHS}


def dashboard_panels(request):
    """The coordinators' panel for coordinators, the own activities' panel for editors."""
    if is_coordinator(request.user):
        stale = attach_organisations(freshness.stale_activities())
        return [StaleActivitiesPanel(stale)] if stale else []
    own = list(freshness.activities_of(request.user))
    return [OwnActivitiesPanel(own)] if own else []
