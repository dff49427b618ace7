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


def ensure_languages(**kwargs):
    """Every language of the reference list (``home/data/languages.csv``) is in
    ``home.Language``, so that a language added to the list later can be chosen for
    files and activities; a corrected name reaches the table too."""
    from cms.languages import language_fields, reference
    from home.models import Language

    stored = {language.code: language for language in Language.objects.all()}
    for code, row in reference().items():
        fields = language_fields(row)
        language = stored.get(code)
        if language is None:
            Language.objects.create(code=code, **fields)
        elif any(getattr(language, name) != value for name, value in fields.items()):
            Language.objects.filter(pk=language.pk).update(**fields)


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

        from home import change_count, front_cache, stream_fields
        from home.permissions import copy_access_to_translation

        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(ensure_languages, sender=self)
        post_migrate.connect(create_cache_table, sender=self)
        change_count.connect()
        front_cache.connect()
        stream_fields.register()
        copy_for_translation_done.connect(copy_access_to_translation)
