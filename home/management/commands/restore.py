from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a folder written by the backup command into the database (DATABASE_URL) and "
        "the media storage (MEDIA_ROOT or the MEDIA_STORAGE_URL bucket), after checking every "
        "file against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder holding the backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the content of a database or media storage that is not empty",
        )

    def handle(self, *args, directory, force, **options):
        try:
            manifest = restore_backup(directory, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {len(manifest['files']) - 1} media files from "
                f"{directory} (backup of {manifest['created']}). Run manage.py migrate if the "
                "code is newer than the backup, and restart the site."
            )
        )
