"""Index updates that modelsearch's own handlers (on ``post_save``) miss.

- A page's many-to-many relations and child objects (topics, tags, files) are written
  after ``post_save``, and the index update that modelsearch runs then reads the page
  back from the database: what a publish changed in them would reach the index only with
  the next save. The page is indexed again once it is published.
- Moving a page changes the place in the tree of its whole subtree, where only the page
  itself is saved: the facet keys of the database backends (``search.facet_keys``) and
  the paths stored by search servers are written again for all of it."""

from modelsearch.index import insert_or_update_object
from wagtail.signals import page_published, post_page_move


def reindex_published(instance, **kwargs):
    insert_or_update_object(instance)


def reindex_moved(instance, **kwargs):
    for page in instance.get_descendants(inclusive=True).specific():
        insert_or_update_object(page)


def register_signal_handlers():
    page_published.connect(reindex_published, dispatch_uid="search_reindex_published")
    post_page_move.connect(reindex_moved, dispatch_uid="search_reindex_moved")
