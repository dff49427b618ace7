"""An organisation editor's dashboard: their organisation's drafts, reviews, recent
publications, activities due for a check, comments and figures in one panel, with shortcuts
to add content where it belongs in their subtree.

Everything is scoped by the pages the editor's groups edit (``roles.own_page_paths``), the
rule their page permissions follow, so no other organisation's work shows. Coordinators get
no such panel: Wagtail's own "Awaiting your review" lists the network's queue for them.
Apps above ``network`` add figures through the ``register_organisation_dashboard_figures``
hook (a function of the scope, a filter on pages, returning ``(label, value)`` pairs)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from home import autosave_drafts
from network import freshness
from network.models import Comment, CommentStatus, OrganisationPage, in_organisations
from network.roles import is_coordinator, organisations_in_language, own_page_paths

RECENT = 5
FIGURES_HOOK = "register_organisation_dashboard_figures"


def shortcuts(organisation, user):
    """(label, URL) of each page type the user may add under ``organisation`` that has a
    dashboard shortcut (``add_label``)."""
    if not organisation.permissions_for_user(user).can_add_subpage():
        return []
    return [
        (
            model.add_label,
            reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, organisation.pk],
            ),
        )
        for model in organisation.specific_class.creatable_subpage_models()
        if hasattr(model, "add_label") and model.can_create_at(organisation)
    ]


def workflow_states(scope):
    """The pages of ``scope`` in review or sent back, newest first, each with its
    ``workflow_state`` (and so the coordinator's comment on a rejection). A page has one
    active workflow state at most."""
    page_ids = (
        Page.objects.filter(scope).annotate(id_text=Cast("pk", CharField())).values("id_text")
    )
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
        .select_related("current_task_state")
    }
    pages = sorted(
        Page.objects.filter(pk__in=states).select_related("locale"),
        key=lambda page: states[page.pk].created_at,
        reverse=True,
    )
    for page in pages:
        page.workflow_state = states[page.pk]
    return pages


class OrganisationPanel(Component):
    """The editor's organisations, their shortcuts, and what needs the editor's eye."""

    name = "own_organisation"
    template_name = "network/admin/organisation_panel.html"
    order = 90

    def __init__(self, request):
        self.user = request.user
        self.paths = list(own_page_paths(self.user))
        organisations = OrganisationPage.objects.filter(path__in=self.paths).select_related(
            "locale"
        )
        self.organisations = [
            (organisation, shortcuts(organisation, self.user))
            for organisation in organisations_in_language(organisations, get_language())
        ]

    def get_context_data(self, parent_context):
        scope = in_organisations(self.paths)
        in_workflow = workflow_states(scope)
        year_ago = freshness.unchecked_since(freshness.MARK_AFTER_MONTHS)
        return {
            "organisations": self.organisations,
            "in_review": [
                page
                for page in in_workflow
                if page.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            ],
            "sent_back": [
                page
                for page in in_workflow
                if page.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
            ],
            "drafts": drafts(scope, in_workflow),
            "published": Page.objects.live()
            .filter(scope)
            .exclude(last_published_at=None)
            .select_related("locale")
            .order_by("-last_published_at", "pk")[:RECENT],
            "due": freshness.activities_of(self.user)
            .filter(Q(last_checked__lte=year_ago) | Q(last_checked=None))
            .count(),
            "comments": Comment.objects.filter(post__in=Page.objects.filter(scope).values("pk"))
            .exclude(status=CommentStatus.REJECTED)
            .select_related("post")
            .order_by("-created_at", "-pk")[:RECENT],
            "figures": [
                figure for figures in hooks.get_hooks(FIGURES_HOOK) for figure in figures(scope)
            ],
        }


def drafts(scope, in_workflow):
    """The newest drafts outside review; one only autosave has saved says when it goes."""
    pages = list(
        Page.objects.filter(scope, has_unpublished_changes=True)
        .exclude(pk__in=[page.pk for page in in_workflow])
        .select_related("locale", "autosave_draft")
        .order_by("-latest_revision_created_at", "pk")[:RECENT]
    )
    for page in pages:
        page.removal_date = autosave_drafts.removal_date(page)
    return pages


def dashboard_panels(request):
    """The organisation's panel for an organisation's editors (not coordinators)."""
    if is_coordinator(request.user):
        return []
    panel = OrganisationPanel(request)
    return [panel] if panel.organisations else []
