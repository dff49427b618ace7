"""Onboarding a member organisation: its page subtree, collection and editor group.

Wagtail's own permission model then isolates the organisation: its editors get
page permissions on their organisation page (and so on everything below it, in
every language) and media permissions on their collection, and nothing else.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, GroupPagePermission, Locale

from network.models import OrganisationIndexPage, OrganisationLevel, OrganisationPage
from network.roles import grant_media_permissions

# "publish" lets editors unpublish and delete their own pages; publishing itself goes
# through review (see home.permissions.ReviewedPagePermissions).
EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock", "publish"]


class OnboardingError(ValueError):
    pass


@dataclass
class Onboarded:
    organisation: OrganisationPage
    collection: Collection
    group: Group


def editor_group_name(name):
    """In Finnish and Swedish, as the network's other names (``network.roles``)."""
    return f"{name}: toimittajat / redaktörer"


@transaction.atomic
def add_organisation(name, *, slug="", level=OrganisationLevel.NATIONAL, regions=(), short_name=""):
    """Create the organisation page (published, in the source language), its
    collection and its editor group. Raises OnboardingError with a message an
    administrator can act on."""
    name = name.strip()
    slug = slug or slugify(name)
    if not name or not slug:
        raise OnboardingError("The organisation needs a name.")
    if level not in OrganisationLevel.values:
        raise OnboardingError(
            f"Unknown level {level!r}; use one of {', '.join(OrganisationLevel.values)}."
        )
    index = OrganisationIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise OnboardingError(
            "There is no organisation listing page to add the organisation under."
        )
    if index.get_children().filter(slug=slug).exists():
        raise OnboardingError(f"An organisation with the address {slug!r} already exists.")
    if Group.objects.filter(name=editor_group_name(name)).exists():
        raise OnboardingError(f"The group {editor_group_name(name)!r} already exists.")

    organisation = OrganisationPage(title=name, slug=slug, level=level, short_name=short_name)
    index.add_child(instance=organisation)
    organisation.regions.set(regions)
    organisation.save_revision().publish()
    return provide_access(organisation)


def provide_access(organisation):
    """The organisation's collection and editor group with its permissions; creates
    what is missing and changes nothing else, so it is safe to run again."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=organisation.title).first()
    if collection is None:
        collection = root.add_child(name=organisation.title)
    group, _ = Group.objects.get_or_create(name=editor_group_name(organisation.title))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant_page_permissions(group, organisation)
    grant_media_permissions(group, collection)
    return Onboarded(organisation, collection, group)


def grant_page_permissions(group, organisation):
    """Editor permissions on the organisation page in every language it exists in."""
    for page in organisation.get_translations(inclusive=True):
        for permission_type in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                ),
            )
