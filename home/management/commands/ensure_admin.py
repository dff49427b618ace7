from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser for development if none exists, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="tarjotin-dev")

    def handle(self, *args, username, password, **options):
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, f"{username}@localhost", password)
            self.stdout.write(self.style.SUCCESS(f"Created the superuser {username!r}."))
            how = f"user {username!r}, password {password!r}"
        else:
            reset = f"manage.py changepassword {username}"
            how = f"user {username!r} (password unchanged; reset: {reset})"
        self.stdout.write(f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/ as {how}.")
