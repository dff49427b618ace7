"""Demo accounts, one per role, for trying the admin as the network's people use it.

They get their rights the way a real installation gives them (an organisation's editor
group from onboarding, the coordinators' and translators' groups from ``network.roles``),
so what they see is what a volunteer, a coordinator or a translator sees. Their password
is known, so only the development settings with DEBUG on create them, on SQLite unless
``DEMO_ACCOUNTS=true`` says the database is a demo (``settings.DEMO_ACCOUNTS``; no other
settings module sets it). An account that exists already, perhaps a real person's, is left
alone: no password, no group.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from network.models import OrganisationPage
from network.onboarding import provide_access
from network.roles import ensure_coordinators_and_workflow, ensure_translators

PASSWORD = "tarjotin-dev"
EDITED_ORGANISATIONS = ["vaestoliitto", "toivola-luotola-setlementti"]


@dataclass
class Account:
    username: str
    language: str  # the admin's language, Wagtail's preference
    role: str
    groups: list


def accounts():
    """The demo accounts and the groups that make their roles."""
    organisations = OrganisationPage.objects.filter(
        locale=Locale.get_default(), slug__in=EDITED_ORGANISATIONS
    ).order_by("title")
    editor_groups = [provide_access(organisation).group for organisation in organisations]
    return [
        Account(
            "editor",
            "fi",
            "editor of " + " and ".join(organisation.title for organisation in organisations),
            editor_groups,
        ),
        Account("coordinator", "fi", "network coordinator", [ensure_coordinators_and_workflow()]),
        Account("translator", "sv", "translator", [ensure_translators()]),
    ]


def ensure_demo_accounts():
    """Create the accounts that are missing and return how to log in with each, or why
    there are none; an existing account keeps its password and groups."""
    if not getattr(settings, "DEMO_ACCOUNTS", False):
        return [
            "No demo accounts: their passwords are known, so only the development "
            "settings with DEBUG on create them, on SQLite or with DEMO_ACCOUNTS=true."
        ]
    User = get_user_model()
    lines = []
    for account in accounts():
        if User.objects.filter(username=account.username).exists():
            lines.append(
                f"User {account.username!r} exists already: left as it is (password unchanged, "
                f"not made a demo {account.role})."
            )
            continue
        user = User.objects.create_user(account.username, f"{account.username}@localhost", PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = account.language
        profile.save()
        user.groups.add(*account.groups)
        lines.append(
            f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/ as user {user.username!r}, "
            f"password {PASSWORD!r} ({account.role})."
        )
    return lines
