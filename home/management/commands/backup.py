from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Back up the database (DATABASE_URL) and the uploaded files (the media folder or the "
        "MEDIA_STORAGE_URL bucket) into a new or empty folder, with a manifest of SHA-256 "
        "checksums. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder to write the backup into")

    def warn(self, message):
        self.stderr.write(self.style.WARNING(message))

    def handle(self, *args, directory, **options):
        try:
            manifest = make_backup(directory, warn=self.warn)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']['vendor']} database and "
                f"{len(manifest['files']) - 1} media files into {directory}."
            )
        )
