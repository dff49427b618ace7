"""RSS and Atom feeds of the network blog, served by ``BlogIndexPage`` routes."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class BlogRssFeed(Feed):
    def __init__(self, blog_index):
        super().__init__()
        self.blog_index = blog_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.blog_index.title

    def link(self):
        return self.blog_index.get_url(request=self.request)

    def description(self):
        return self.blog_index.search_description or self.blog_index.title

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self.blog_index.posts()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_author_name(self, item):
        return item.author_name

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class BlogAtomFeed(BlogRssFeed):
    feed_type = Atom1Feed
    subtitle = BlogRssFeed.description
