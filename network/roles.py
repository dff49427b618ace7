"""The network coordinators, the translators, and the review workflow every page goes through.

Organisation editors (see ``onboarding``) write and submit; coordinators approve
and publish, or reject with a comment. Wagtail sends the notifications (to the
coordinators on submission, to the editor on approval or rejection) and shows
coordinators the pages awaiting their review on the dashboard.

Who may publish without review is decided by every page's permission tester
(``home.permissions.ReviewedPagePermissions``): the groups of the review task
(coordinators), and translators in the languages other than the source one: those of
the Translators group in all of them, a language's translator group in that language only.
"""

from django.conf import settings
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

from home.permissions import (
    TRANSLATORS,
    all_translator_groups,
    translator_groups,
)

# Names in Finnish and Swedish, the languages the network's editors use the admin in, the
# way bilingual Finnish bodies are named: Wagtail shows a group's, workflow's or task's
# stored name everywhere (buttons, dashboard, emails, history), whatever the reader's
# language. Migration network 0012 renamed the English ones.
COORDINATORS = "Verkoston koordinaattorit / Nätverkets koordinatorer"
WORKFLOW = "Verkoston tarkastus / Nätverkets granskning"
TASK = "Koordinaattorin hyväksyntä / Koordinatorns godkännande"
COORDINATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COORDINATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("network", "change_comment"),
    ("network", "view_comment"),
]
TRANSLATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
]
MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def ensure_coordinators_and_workflow(**kwargs):
    """Create (or complete) the coordinator group and the review workflow. Idempotent."""
    root = Page.get_first_root_node()
    if root is None:
        return None
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    grant_model_permissions(group, COORDINATOR_MODEL_PERMISSIONS)
    grant_model_permissions(group, translatable_snippet_permissions(["add", "change", "delete"]))
    for permission_type in COORDINATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_page_permission(permission_type)
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


def ensure_translators(**kwargs):
    """Create (or complete) the translator groups. Idempotent.

    The Translators group starts translations, translates every translatable snippet
    and page, and publishes pages in every language except the source one: it holds
    "publish" on each other language's home page. Its members may also edit source
    pages, but those drafts go through the coordinators' review like an editor's.

    Each of those languages also has a group of its own ("Kääntäjät / Översättare:
    Soomaali"), for a volunteer who translates into that language only: it starts
    translations, edits and publishes pages under that language's home pages and
    translates that language's snippets, nothing else."""
    root = Page.get_first_root_node()
    if root is None:
        return None
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    grant_model_permissions(group, TRANSLATOR_MODEL_PERMISSIONS)
    grant_model_permissions(group, translatable_snippet_permissions(["change"]))
    GroupPagePermission.objects.get_or_create(
        group=group, page=root, permission=_page_permission("change")
    )
    for name in translator_groups().values():
        language_group = Group.objects.get_or_create(name=name)[0]
        grant_model_permissions(language_group, TRANSLATOR_MODEL_PERMISSIONS)
        # in that language only: home.permissions.snippet_languages
        grant_model_permissions(language_group, translatable_snippet_permissions(["change"]))
    for home in root.get_children().exclude(locale__language_code=settings.LANGUAGE_CODE):
        grant_translators_publishing(home)
    return group


def grant_translators_publishing(home):
    """Translators publish in ``home``'s language (a language's home page, not the source
    one), and that language's own translators edit and publish there."""
    language_group = translator_groups().get(home.locale.language_code)
    for group in Group.objects.filter(name__in=[TRANSLATORS, language_group]):
        actions = ["publish"] if group.name == TRANSLATORS else ["change", "publish"]
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_page_permission(action)
            )


def add_translator(user, language_code):
    """Make ``user`` a translator into ``language_code`` (a content language other than the
    source one) and nothing else: a member of that language's translator group."""
    ensure_translators()
    user.groups.add(Group.objects.get(name=translator_groups()[language_code]))


def new_locale_home(sender, instance, created, raw=False, **kwargs):
    """post_save: a new language's home page (translated, copied or an alias) opens
    that language to translators."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            grant_translators_publishing(instance)


def translatable_snippet_permissions(actions):
    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    return [
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
        for action in actions
    ]


def grant_model_permissions(group, permissions):
    # post_migrate reaches this app before the apps after it have their permissions
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for app_label, codename in permissions:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


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


def own_page_paths(user):
    """The tree paths of the pages ``user`` edits as their own: through an organisation's
    editor group, or everything as a coordinator; not the trees they translate."""
    return (
        GroupPagePermission.objects.filter(group__user=user, permission__codename="change_page")
        .exclude(group__name__in=all_translator_groups())
        .values_list("page__path", flat=True)
    )


def organisations_in_language(organisations, language):
    """One page per organisation: its translation in ``language`` if there is one, else
    the source-language page, whose editors' permissions every translation inherits."""
    chosen = {}
    for organisation in organisations:
        if organisation.locale.language_code == language:
            chosen[organisation.translation_key] = organisation
        elif organisation.locale.language_code == settings.LANGUAGE_CODE:
            chosen.setdefault(organisation.translation_key, organisation)
    return sorted(chosen.values(), key=lambda organisation: organisation.title)


def is_coordinator(user):
    return user.is_superuser or user.groups.filter(name=COORDINATORS).exists()
