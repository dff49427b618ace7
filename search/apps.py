from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search.signal_handlers import register_signal_handlers
        from search.visible_pages import count_topic_changes

        register_signal_handlers()
        count_topic_changes()
