from cms import env

from .base import *  # noqa: F403

DEBUG = env.env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405

# The demo site (manage.py load_demo) is for development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# load_demo also creates an editor, a coordinator and a translator with a known password: so
# only with DEBUG on, and on a database other than SQLite (a server's, perhaps production's)
# only when DEMO_ACCOUNTS=true says it is a demo.
DEMO_ACCOUNTS = DEBUG and (
    DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"  # noqa: F405
    or env.env_bool("DEMO_ACCOUNTS", False)
)

DJANGO_ADMIN = env.env_bool("DJANGO_ADMIN", True)
