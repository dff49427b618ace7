from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = pgettext_lazy("site search", "Search")

    def ready(self):
        from search.signal_handlers import register_signal_handlers
        from search.visible_pages import count_topic_changes

        register_signal_handlers()
        count_topic_changes()
