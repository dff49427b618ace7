from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, Q, When
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.forms import PageForm
from home.models import AggregatingPage, optional_image
from home.permissions import ReviewedPage
from network.feeds import BlogAtomFeed, BlogRssFeed
from network.models.organisations import (
    InOrganisation,
    OrganisationPage,
    ancestor_paths,
    attach_organisations,
    nearest_organisation,
)

POSTS_PER_PAGE = 10
COMMENTING_RULES_SLUG = "blogin-kommentointi"


class BlogIndexPage(RoutablePageMixin, AggregatingPage):
    """The network blog: lists the posts of every organisation in this language."""

    way_in_icon = "blog"

    class Meta:
        verbose_name = _("blog")

    def posts(self):
        """Published, public posts in this page's language, from every organisation."""
        return (
            self.aggregate(BlogPage)
            .select_related("image", "locale")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    def latest_entries(self, count):
        return self.prepare_cards(self.posts()[:count])

    def showcase_entries(self):
        return self.posts()

    def prepare_cards(self, entries):
        return attach_organisations(entries)

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
                OrganisationPage.objects.live()
                .public()
                .filter(slug=request.GET["organisation"])
                .order_by(Case(When(locale_id=self.locale_id, then=0), default=1), "pk")
                .first()
            )
            posts = posts.descendant_of(organisation) if organisation else posts.none()
        posts = posts.prefetch_related("image__renditions")  # the cards' pictures
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
    content_object = ParentalKey(
        "network.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPage(RoutablePageMixin, InOrganisation, ReviewedPage):
    """A post on the network blog, written by a member organisation in its own subtree.

    Readers may comment (``comment/``); comments are shown only once a coordinator approves them."""

    author_name = models.CharField(_("author"), max_length=200)
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=600)
    image = optional_image(_("image"))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True, verbose_name=_("tags"))

    base_form_class = PageForm

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
    # the shortcut on its organisation's editors' dashboard (network.dashboard)
    add_label = _("New blog post")
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    @staticmethod
    def blog_index_for(locale_id):
        return BlogIndexPage.objects.live().filter(locale_id=locale_id).first()

    def get_context(self, request, *args, **kwargs):
        from network.forms import CommentForm  # network.forms imports the models

        context = super().get_context(request, *args, **kwargs)
        context.update(self._linked_pages())
        context["comments"] = self.comments.approved()
        context["comment_form"] = CommentForm()
        context["comment_sent"] = request.GET.get("comment") == "sent"
        return context

    def _linked_pages(self):
        """The pages the post links to, in one query: its organisation (the nearest above it),
        the blog in its language and the commenting rules page (if that language has one).
        They are plain ``Page`` objects; the template needs only their titles and URLs."""
        above = ancestor_paths(self.path)
        content_types = ContentType.objects.get_for_models(OrganisationPage, BlogIndexPage)
        organisation_type, blog_type = content_types[OrganisationPage], content_types[BlogIndexPage]
        in_language = Q(live=True, locale_id=self.locale_id)
        pages = Page.objects.filter(
            Q(path__in=above, content_type=organisation_type)
            | in_language & Q(content_type=blog_type)
            | in_language & Q(slug=COMMENTING_RULES_SLUG)
        ).order_by("path")
        organisations, blog_index, commenting_rules = {}, None, None
        for page in pages:
            if page.content_type_id == organisation_type.pk and page.path in above:
                organisations[page.path] = page
            elif (
                page.content_type_id == blog_type.pk
                and page.live
                and page.locale_id == self.locale_id
            ):
                blog_index = blog_index or page
            elif page.slug == COMMENTING_RULES_SLUG and commenting_rules is None:
                commenting_rules = page
        if "organisation" not in self.__dict__:
            # fills InOrganisation's cached property
            self.organisation = nearest_organisation(self.path, organisations)
        return {"blog_index": blog_index, "commenting_rules": commenting_rules}

    @path("comment/", name="comment")
    def comment(self, request):
        """Post a comment: saved as pending, then back to the post (POST-redirect-GET).
        Invalid input re-renders the post with the form as typed: 400, or 429 when rate limited."""
        from home.rate_limits import client_address
        from network.forms import CommentForm

        if request.method != "POST":
            return redirect(self.get_url(request) + "#comments")
        form = CommentForm(request.POST, client_address=client_address(request))
        if form.is_valid():
            form.save_for(self)
            return redirect(self.get_url(request) + "?comment=sent#comments")
        response = self.render(request, context_overrides={"comment_form": form})
        response.status_code = 429 if form.is_rate_limited else 400
        return response
