from cms import env

from .base import *  # noqa: F403

DEBUG = env.env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405

# The demo site (manage.py load_demo) is for development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# load_demo also creates an editor, a coordinator and a translator with a known password.
DEMO_ACCOUNTS = DEBUG

DJANGO_ADMIN = env.env_bool("DJANGO_ADMIN", True)
