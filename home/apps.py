from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_locales(**kwargs):
    """Every language in settings.LANGUAGES exists as a Wagtail locale, so that
    adding a language is a matter of configuration."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def create_cache_table(using="default", **kwargs):
    """The database cache's table (the shared cache, see ``cms.env.shared_cache_config``) is
    made by ``migrate``, so a new installation and the test database have it."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.signals import copy_for_translation_done

        from home import chrome
        from home.permissions import copy_access_to_translation

        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(create_cache_table, sender=self)
        chrome.connect()
        copy_for_translation_done.connect(copy_access_to_translation)
