"""Page permissions and privacy follow translations.

An organisation's editor group holds permissions on the organisation's page
subtree. Each language has its own copy of that subtree, so when a page is
translated (by hand, by wagtail-localize or with ``copy_parents``), the new page
receives the group permissions and view restrictions of the page it was
translated from.
"""

from wagtail.models import GroupPagePermission, PageViewRestriction


def copy_access_to_translation(sender, source_obj, target_obj, **kwargs):
    from wagtail.models import Page

    if not isinstance(source_obj, Page):
        return
    for rule in GroupPagePermission.objects.filter(page=source_obj):
        GroupPagePermission.objects.get_or_create(
            group_id=rule.group_id, page=target_obj, permission_id=rule.permission_id
        )
    for restriction in PageViewRestriction.objects.filter(page=source_obj).prefetch_related("groups"):
        if PageViewRestriction.objects.filter(page=target_obj).exists():
            break
        copy = PageViewRestriction.objects.create(
            page=target_obj,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.groups.set(restriction.groups.all())
