from django.core.management.base import BaseCommand, CommandError

from network.models import OrganisationLevel, Region
from network.onboarding import OnboardingError, add_organisation


class Command(BaseCommand):
    help = (
        "Onboard a member organisation: its page subtree, its document/image collection and "
        "its editor group with permissions on exactly those."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--slug", default="")
        parser.add_argument("--short-name", default="")
        parser.add_argument(
            "--level", default=OrganisationLevel.NATIONAL, choices=OrganisationLevel.values
        )
        parser.add_argument(
            "--region", action="append", default=[], help="Region name; repeat for several."
        )
        parser.add_argument(
            "--editor", action="append", default=[], help="Username to add to the editor group."
        )

    def handle(self, name, slug, short_name, level, region, editor, **options):
        from django.contrib.auth import get_user_model

        regions = list(Region.objects.filter(name__in=region))
        unknown = sorted(set(region) - {r.name for r in regions})
        if unknown:
            raise CommandError(f"Unknown region(s): {', '.join(unknown)}.")
        users = list(get_user_model().objects.filter(username__in=editor))
        missing = sorted(set(editor) - {user.username for user in users})
        if missing:
            raise CommandError(f"Unknown user(s): {', '.join(missing)}.")
        try:
            result = add_organisation(
                name, slug=slug, level=level, regions=regions, short_name=short_name
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from None
        result.group.user_set.add(*users)
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {result.organisation.title} at {result.organisation.url_path}, "
                f"collection {result.collection.name!r}, group {result.group.name!r}."
            )
        )
