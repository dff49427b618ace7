from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.i18n import own_or_untranslated_q
from network.feeds import BlogAtomFeed, BlogRssFeed
from network.models.organisations import InOrganisation, OrganisationPage, attach_organisations

POSTS_PER_PAGE = 10


class BlogIndexPage(RoutablePageMixin, Page):
    """The network blog: lists the posts of every organisation in this language."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog")

    def posts(self):
        """Published, public posts in this page's language, from every organisation."""
        return (
            BlogPage.objects.live()
            .public()
            .filter(own_or_untranslated_q(BlogPage, self.locale))
            .select_related("image", "locale")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    def latest_entries(self, count):
        return attach_organisations(self.posts()[:count])

    def tags_in_use(self):
        return (
            Tag.objects.filter(
                network_blogpagetag_items__content_object__in=self.posts().values("pk")
            )
            .annotate(post_count=Count("network_blogpagetag_items"))
            .order_by("name")
        )

    @path("")
    def post_list(self, request):
        posts = self.posts()
        tag = organisation = None
        if request.GET.get("tag"):
            tag = Tag.objects.filter(slug=request.GET["tag"]).first()
            posts = posts.filter(tags=tag) if tag else posts.none()
        if request.GET.get("organisation"):
            organisation = (
                OrganisationPage.objects.filter(slug=request.GET["organisation"])
                .order_by(Case(When(locale_id=self.locale_id, then=0), default=1))
                .first()
            )
            posts = posts.descendant_of(organisation) if organisation else posts.none()
        page_obj = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = attach_organisations(page_obj.object_list)
        return self.render(
            request,
            context_overrides={
                "posts": page_obj,
                "tag": tag,
                "organisation": organisation,
                "tags": self.tags_in_use(),
            },
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return BlogRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return BlogAtomFeed(self)(request)


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("network.BlogPage", related_name="tagged_items", on_delete=models.CASCADE)


class BlogPage(InOrganisation, Page):
    """A post on the network blog, written by a member organisation in its own subtree."""

    author_name = models.CharField(_("author"), max_length=200)
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=600)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("author_name"), FieldPanel("date")], _("Author and date")),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("author_name"),
        APIField("date"),
        APIField("intro"),
        APIField("image"),
        APIField("body"),
        APIField("tags"),
    ]

    parent_page_types = ["network.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    @staticmethod
    def blog_index_for(locale_id):
        return BlogIndexPage.objects.live().filter(locale_id=locale_id).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog_index"] = self.blog_index_for(self.locale_id)
        return context
