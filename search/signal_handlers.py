"""An index update that modelsearch's own handler (on ``post_save``) misses: a page's
many-to-many relations and child objects (topics, tags, files) are written after
``post_save``, and the index update that modelsearch runs then reads the page back from
the database, so what a publish changed in them would reach the index only with the
next save. The page is indexed again once it is published (by the task worker when there is
one: by then the publish is committed)."""

from wagtail.signals import page_published

from home.tasks import reindex_later


def reindex_published(instance, **kwargs):
    if getattr(type(instance), "search_auto_update", True):
        reindex_later(instance)


def register_signal_handlers():
    page_published.connect(reindex_published, dispatch_uid="search_reindex_published")
