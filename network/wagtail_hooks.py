"""Admin for the network app: moderation of blog comments, and the activities' "Still
correct" with its dashboard panels (``network.freshness_admin``), the organisation
editors' own panel (``network.dashboard``) and their start in the page explorer and
choosers (``network.explorer``).

Coordinators with the ``network.change_comment`` permission (superusers have it) see
the comments, pending first, and approve or reject them from the listing or the edit view.
Comments are written by readers on the site, so the admin cannot add them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from network import dashboard, explorer, freshness_admin
from network.models import Comment, CommentStatus

# status: (button label, icon, message after the action)
MODERATION_ACTIONS = {
    CommentStatus.APPROVED: (
        _("Approve"),
        "check",
        _("The comment by “%(name)s” was approved; it is now shown."),
    ),
    CommentStatus.REJECTED: (
        _("Reject"),
        "cross",
        _("The comment by “%(name)s” was rejected; it is not shown."),
    ),
}


class CommentPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, except that nobody adds comments in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "add"]
        )


register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class ModeratorsOnlyMixin:
    """Comments are readers' words and addresses: only those who moderate them see them,
    in the snippet chooser (``/admin/snippets/choose/network/comment/``) too."""

    def dispatch(self, request, *args, **kwargs):
        policy = CommentPermissionPolicy(Comment)
        if not policy.user_has_any_permission(request.user, ["change", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CommentChooseView(ModeratorsOnlyMixin, chooser.ChooseView):
    pass


class CommentChooseResultsView(ModeratorsOnlyMixin, chooser.ChooseResultsView):
    pass


class CommentChosenView(ModeratorsOnlyMixin, chooser.SnippetChosenView):
    pass


class CommentChosenMultipleView(ModeratorsOnlyMixin, chooser.SnippetChosenMultipleView):
    pass


class CommentChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = CommentChooseView
    choose_results_view_class = CommentChooseResultsView
    chosen_view_class = CommentChosenView
    chosen_multiple_view_class = CommentChosenMultipleView


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.permission_policy.user_has_permission(self.request.user, "change"):
            return buttons
        for status, (label, icon, _message) in MODERATION_ACTIONS.items():
            if instance.status != status:
                url = reverse("network_comment_moderate", args=[instance.pk, status])
                buttons.append(
                    Button(
                        label,
                        url=url,
                        icon_name=icon,
                        priority=5,
                        # Wagtail's w-action controller sends a POST with the CSRF token.
                        attrs={
                            "data-controller": "w-action",
                            "data-action": "w-action#post",
                            "data-w-action-url-value": url,
                        },
                    )
                )
        return buttons


class CommentEditView(EditView):
    def save_instance(self):
        if "status" in self.form.changed_data:
            self.form.instance.record_moderation(self.request.user)
        return super().save_instance()


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = CommentIndexView
    chooser_viewset_class = CommentChooserViewSet
    edit_view_class = CommentEditView
    list_display = ["name", "post", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "body"]
    panels = [
        FieldPanel("status"),
        FieldPanel("post", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("body", read_only=True),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("post").order_by_pending_first()

    @property
    def menu_item_class(self):
        base = super().menu_item_class

        class PendingCountMenuItem(base):
            def render_component(self, request):
                component = super().render_component(request)
                pending = Comment.objects.filter(status=CommentStatus.PENDING).count()
                if pending:
                    component.label = f"{component.label} ({pending})"
                return component

        return PendingCountMenuItem


@require_POST
def moderate(request, pk, status):
    """Approve or reject one comment from the listing, then go back to it."""
    if status not in MODERATION_ACTIONS:
        raise PermissionDenied
    if not CommentPermissionPolicy(Comment).user_has_permission(request.user, "change"):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    comment.status = status
    comment.record_moderation(request.user)
    comment.save()
    messages.success(request, MODERATION_ACTIONS[status][2] % {"name": comment.name})
    return redirect(reverse(comment_viewset.get_url_name("list")))


comment_viewset = CommentViewSet()
register_snippet(comment_viewset)


@hooks.register("register_admin_urls")
def register_moderation_url():
    return [
        path("comments/moderate/<int:pk>/<str:status>/", moderate, name="network_comment_moderate")
    ]


@hooks.register("register_admin_urls")
def register_still_correct_url():
    return [
        path(
            "activities/<int:page_id>/still-correct/",
            freshness_admin.still_correct,
            name="network_activity_still_correct",
        )
    ]


@hooks.register("register_page_header_buttons")
def still_correct_header_button(page, user, view_name, next_url=None):
    return freshness_admin.still_correct_button(page, user, next_url)


@hooks.register("register_page_listing_more_buttons")
def still_correct_listing_button(page, user, next_url=None):
    return freshness_admin.still_correct_button(page, user, next_url)


@hooks.register("construct_homepage_panels")
def add_freshness_panels(request, panels):
    panels.extend(freshness_admin.dashboard_panels(request))


@hooks.register("construct_homepage_panels")
def add_organisation_panel(request, panels):
    panels.extend(dashboard.dashboard_panels(request))


@hooks.register("construct_main_menu")
def open_the_explorer_at_the_own_organisation(request, menu_items):
    menu_items[:] = explorer.own_start_explorer(menu_items)
