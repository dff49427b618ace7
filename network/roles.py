"""The network coordinators and the review workflow every page goes through.

Organisation editors (see ``onboarding``) write and submit; coordinators approve
and publish, or reject with a comment. Wagtail sends the notifications (to the
coordinators on submission, to the editor on approval or rejection) and shows
coordinators the pages awaiting their review on the dashboard.

Editors also need to take their own pages offline and delete them, which Wagtail
only allows with the "publish" permission. So editors hold it on their own
subtree, and ``refuse_direct_publishing`` (registered in ``wagtail_hooks``) takes
away every way of using it to publish without review.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

COORDINATORS = "Network coordinators"
WORKFLOW = "Network review"
TASK = "Coordinator approval"
COORDINATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COORDINATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("network", "add_integrationstage"),
    ("network", "change_integrationstage"),
    ("network", "delete_integrationstage"),
    ("network", "add_targetgroup"),
    ("network", "change_targetgroup"),
    ("network", "delete_targetgroup"),
    ("home", "change_footertext"),
    ("home", "add_footertext"),
    ("network", "change_comment"),
    ("network", "view_comment"),
]
MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def ensure_coordinators_and_workflow(**kwargs):
    """Create (or complete) the coordinator group and the review workflow. Idempotent."""
    root = Page.get_first_root_node()
    if root is None:
        return None
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for app_label, codename in COORDINATOR_MODEL_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)
    for permission_type in COORDINATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{permission_type}_page"),
        )
    grant_media_permissions(group, Collection.get_first_root_node())

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return group


def grant_media_permissions(group, collection):
    """Add, edit, choose and delete documents and images in ``collection`` (and the
    collections below it). Wagtail checks these against its own Document and Image
    models, whatever the custom models are."""
    for app_label, model_name in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        for action in MEDIA_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model_name}"
                ),
            )


def is_coordinator(user):
    return user.is_superuser or user.groups.filter(name=COORDINATORS).exists()


def publishing_refused(request):
    """The response for an editor who tries to publish without review."""
    from django.http import HttpResponseForbidden
    from django.utils.translation import gettext

    return HttpResponseForbidden(
        gettext("Publishing goes through review: use “Submit for review”, and a coordinator publishes.")
    )


def refuse_direct_publishing(request, posted_names):
    """For a POST that would publish: a refusal unless the user is a coordinator."""
    if request.method != "POST" or is_coordinator(request.user):
        return None
    if any(request.POST.get(name) for name in posted_names):
        return publishing_refused(request)
    return None
