"""Who may do what with a page: the network's review rule, and permissions that
follow translations.

Wagtail asks a page's permission tester before every action that changes a page,
in every admin view, bulk action and admin API action, so the review rule lives
there (``ReviewedPagePermissions``) and no view needs a rule of its own. Every page
model inherits it from ``ReviewedPage``.

An organisation's editor group holds permissions on the organisation's page
subtree. Each language has its own copy of that subtree, so when a page is
translated (by hand, by wagtail-localize or with ``copy_parents``), the new page
receives the group permissions and view restrictions of the page it was
translated from.
"""

from django.conf import settings
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    PagePermissionTester,
    PageViewRestriction,
)
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home import addresses, front_cache
from home.languages import own_name

# Translators of every language; each language also has a group of its own (``translator_groups``).
TRANSLATORS = "Kääntäjät / Översättare"  # in Finnish and Swedish: see network.roles.COORDINATORS


def translator_groups():
    """``{language code: group name}`` of the translators of each content language but the
    source one: "Kääntäjät / Översättare: Soomaali", in Finnish and Swedish like the other
    groups, with the language named in itself. The names come from the reference list of
    languages, not from the interface catalogues, so that every ``migrate`` finds the same
    groups."""
    return {
        code: f"{TRANSLATORS}: {own_name(code)}"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    }


def all_translator_groups():
    """The names of every translators' group: all languages' and each language's."""
    return [TRANSLATORS, *translator_groups().values()]


class ReviewedPagePermissions(PagePermissionTester):
    """Wagtail's page permissions with the network's review rule.

    - Only reviewers (members of a group that approves a workflow task) publish
      directly: publishing, creating a page live, a copy kept live, an alias, a
      detached alias, and privacy settings. Everyone else submits for review.
      Organisation editors hold "publish" on their subtree only so that they can
      unpublish and delete their own pages.
    - The Translators group lets its members edit any page and publish pages in
      the languages other than the source one; a language's translator group
      ("Kääntäjät / Översättare: Soomaali") edits and publishes that language's pages
      only, as its permissions are on that language's home pages. Nothing else (adding,
      deleting, unpublishing, moving, reordering, privacy) comes from these groups.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.translating = set()
        if user.is_active and not user.is_superuser:
            translator_group_ids = _roles(user)["translator_group_ids"]
            self.permissions = set()
            for perm in self.permission_policy.get_cached_permissions_for_user(user):
                if page.path.startswith(perm.page.path):
                    action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
                    held = (
                        self.translating
                        if perm.group_id in translator_group_ids
                        else self.permissions
                    )
                    held.add(action)

    def is_reviewer(self):
        return self.user.is_superuser or _roles(self.user)["reviewer"]

    def _publishes(self, page):
        """Whether publishing ``page`` (or a new page in its language) skips review."""
        if not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        if self.is_reviewer() and "publish" in self.permissions:
            return True
        return "publish" in self.translating and page.locale.language_code != settings.LANGUAGE_CODE

    def can_edit(self):
        if self.page.alias_of_id and not self.can_publish():
            # editing an alias detaches live content from its reviewed source
            return False
        if super().can_edit():
            return True
        return self.user.is_active and not self.page_is_root and "change" in self.translating

    def can_publish(self):
        return not self.page_is_root and self._publishes(self.page)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self._publishes(self.page)

    def can_confirm_still_correct(self):
        """Confirming that the page's details are still correct (a check, no new content:
        ``network.freshness``) is for those who edit it as their own, its organisation's
        editors and the coordinators; not for translators, who vouch for the wording only."""
        if not self.user.is_active or self.page_is_root:
            return False
        return self.user.is_superuser or "change" in self.permissions

    def can_set_view_restrictions(self):
        return super().can_publish() and self.is_reviewer()

    def can_move_to(self, destination):
        if not super().can_move_to(destination):
            return False
        if self.user.is_superuser or self.is_reviewer():
            return True
        # under other privacy settings the page's audience changes: a reviewer's decision
        return _restricted_ancestors(self.page.get_parent()) == _restricted_ancestors(destination)


class ReviewedPage(Page):
    """Base of every page model: Wagtail asks ``ReviewedPagePermissions``."""

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return ReviewedPagePermissions(user, self)

    def get_url_parts(self, request=None):
        """Wagtail's, at the site's public address (``BASE_URL``: ``home.addresses``), so that
        full URLs (sitemap, hreflang, share tags, feeds, open data) name the real host."""
        parts = super().get_url_parts(request)
        if not parts or parts[1] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, addresses.public_root_url(root_url, request), page_path

    def get_cached_paths(self):
        """What the caching proxy keeps of this page (``home.front_cache``): its address and its
        routes' (feeds, the tray's matrix); a route with parameters (each municipality's tray)
        as a prefix, which the proxy purges with everything under it."""
        return front_cache.routed_paths(self)


def _restricted_ancestors(page):
    """Ids of the pages with a privacy setting at or above ``page``."""
    return set(
        PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).values_list(
            "page_id", flat=True
        )
    )


def _roles(user):
    """The user's review and translation roles, read once per user object (as
    Wagtail keeps the user's page permissions)."""
    roles = getattr(user, "_network_roles", None)
    if roles is None:
        roles = {
            "reviewer": GroupApprovalTask.objects.filter(active=True, groups__user=user).exists(),
            "translator_group_ids": set(
                user.groups.filter(name__in=all_translator_groups()).values_list("id", flat=True)
            ),
        }
        user._network_roles = roles
    return roles


def snippet_languages(user, model, action):
    """The languages of ``model``'s snippets (a translatable type) on which ``user`` holds
    ``action``: ``None`` for all of them. Wagtail's permissions are per type, and a
    language's translator group holds "change" on every translatable type, so it counts in
    its own language only; the Translators group's in every language but the source one.
    Held directly, through another group (the coordinators) or as a superuser, it counts
    everywhere. Read once per user object, as Django keeps the user's permissions."""
    cache = user.__dict__.setdefault("_snippet_languages", {})
    codename = f"{action}_{model._meta.model_name}"
    name = f"{model._meta.app_label}.{codename}"
    if name not in cache:
        cache[name] = _languages_holding(user, model, codename, name)
    return cache[name]


def _languages_holding(user, model, codename, name):
    if not user.has_perm(name):
        return frozenset()
    if name in user.get_user_permissions():  # directly, or every permission as a superuser
        return None
    holders = set(
        user.groups.filter(
            permissions__content_type__app_label=model._meta.app_label,
            permissions__codename=codename,
        ).values_list("name", flat=True)
    )
    language_of = {group: code for code, group in translator_groups().items()}
    if not holders or holders - {TRANSLATORS, *language_of}:
        # another group, or another authentication backend, grants it
        return None
    if TRANSLATORS in holders:
        return frozenset(language_of.values())
    return frozenset(language_of[group] for group in holders)


def may_change_snippet_in(user, model, language_code):
    """Whether ``user`` changes ``model``'s snippets (a translatable type) in ``language_code``."""
    languages = snippet_languages(user, model, "change")
    return languages is None or language_code in languages


class TranslatedSnippetPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions on a translatable snippet type, narrowed per instance to
    the languages the user holds them in (``snippet_languages``): a language's translators
    change that language's snippets only, and the source-language ones are the coordinators'.
    Wagtail asks it about each snippet in its bulk actions, its edit and delete actions and
    the copy view; ``home.snippet_views`` has the listing and the edit and delete views ask it
    too."""

    def user_has_permission_for_instance(self, user, action, instance):
        languages = snippet_languages(user, self.model, action)
        return languages is None or instance.locale.language_code in languages

    def instances_user_has_any_permission_for(self, user, actions):
        held = [snippet_languages(user, self.model, action) for action in actions]
        instances = self.model._default_manager.all()
        if None in held:
            return instances
        return instances.filter(locale__language_code__in=set().union(*held))


def register_translated_snippet(model):
    """``@register_snippet`` for a translatable snippet type, with its permission policy and
    the views that ask it about each snippet (``home.snippet_views``)."""
    register_permission_policy(model, TranslatedSnippetPermissionPolicy(model), exact_class=True)
    return register_snippet(model, viewset="home.snippet_views.TranslatedSnippetViewSet")


def may_translate_into(user, page, locale):
    """Whether ``user`` may create ``page``'s translation into ``locale`` (wagtail-localize
    asks only for its "submit translation" permission): they edit the page's nearest
    translation there, or that of the nearest page above it, under which the new one goes.
    Where the language has no page yet, the rights on the whole tree decide."""
    for ancestor in page.get_ancestors(inclusive=True).exclude(depth=1).reverse():
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return translated.permissions_for_user(user).can_edit()
    tester = ReviewedPagePermissions(user, Page.get_first_root_node())
    return user.is_superuser or "change" in (tester.permissions | tester.translating)


def copy_access_to_translation(sender, source_obj, target_obj, **kwargs):
    if not isinstance(source_obj, Page):
        return
    for rule in GroupPagePermission.objects.filter(page=source_obj):
        GroupPagePermission.objects.get_or_create(
            group_id=rule.group_id, page=target_obj, permission_id=rule.permission_id
        )
    for restriction in PageViewRestriction.objects.filter(page=source_obj).prefetch_related(
        "groups"
    ):
        if PageViewRestriction.objects.filter(page=target_obj).exists():
            break
        copy = PageViewRestriction.objects.create(
            page=target_obj,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.groups.set(restriction.groups.all())
