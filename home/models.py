from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from home import counts
from home.blocks import RICH_TEXT_FEATURES, BodyBlock, LatestEntriesBlock
from home.forms import PageForm
from home.i18n import own_or_untranslated_q
from home.languages import name_text
from home.permissions import ReviewedPage, register_translated_snippet
from home.tree import below_any


def optional_image(verbose_name):
    """A page's optional image (a lead picture, a logo): deleting the image keeps the page."""
    return models.ForeignKey(
        get_image_model_string(),
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class CustomImage(AbstractImage):
    """The site's image model, swapped in from the first migration so that fields
    (credits, licence) can be added later without moving data."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomeBodyBlock(BodyBlock):
    latest = LatestEntriesBlock()


class HomePage(ReviewedPage):
    """The root page of one language version of the site."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = PageForm

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("hero_title"), APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def ways_in(self):
        """The listings below the home page of the default language (the bank, the tray, the
        events, the blog) in its page tree's order, each in this language where translated."""
        own = self.listings_below(self)
        source = self.get_translation_or_none(Locale.get_default())
        if source is None or source.pk == self.pk:
            return own
        by_key = {listing.translation_key: listing for listing in own}
        return [
            by_key.get(listing.translation_key, listing) for listing in self.listings_below(source)
        ]

    @staticmethod
    def listings_below(home):
        if home is None:
            return []
        pages = (
            home.get_children()
            .live()
            .public()
            .type(AggregatingPage)
            .specific()
            .select_related("locale", for_specific_subqueries=True)
        )
        return [page for page in pages if page.way_in_template]

    def listing_context(self):
        """The ways in and the newest entries (``home.templatetags.listing_parts``)."""
        ways_in = self.ways_in()
        showcases = (
            listing.showcase(listing.showcase_on_home)
            for listing in ways_in
            if listing.showcase_on_home
        )
        return {
            "ways_in": ways_in,
            "showcases": [showcase for showcase in showcases if showcase["entries"]],
        }


class StandardPage(ReviewedPage):
    """Guides and information pages."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = PageForm

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("guide or information page")
        verbose_name_plural = _("guide and information pages")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details, social media and the accessibility statement, shown in every footer.
    What differs by language (the network's name, the footer text) is in ``FooterText``."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer, in the visitor's language when translated."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], _("Contact")),
        FieldPanel("accessibility_page"),
        InlinePanel("social_links", heading=_("Social media links"), label=_("Link")),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="social_links", on_delete=models.CASCADE)
    service = models.CharField(_("service"), max_length=60, help_text=_("e.g. Facebook, LinkedIn"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("service"), FieldPanel("url")]


@register_translated_snippet
class FooterText(TranslatableMixin, models.Model):
    """The site's texts that differ by language: the network's name in the contact
    details and the footer text. Translated like page content."""

    organisation_name = models.CharField(
        _("network name"),
        max_length=200,
        blank=True,
        help_text=_("Shown above the contact details."),
    )
    body = RichTextField(_("footer text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("organisation_name"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return _("Footer text (%(locale)s)") % {"locale": self.locale.language_code}


class Language(models.Model):
    """A language that content, files or activities can be in (ISO 639 code), named in
    itself so that a speaker recognises it."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    native_name = models.CharField(_("name in the language itself"), max_length=60)
    finnish_name = models.CharField(_("name in Finnish"), max_length=60)
    is_rtl = models.BooleanField(_("written right to left"), default=False)

    class Meta:
        ordering = ["finnish_name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return name_text(self.code, self.native_name)


class AggregatingPage(ReviewedPage):
    """Base of the pages that list content from every organisation's subtree (the blog,
    the events, the integration tray): an introduction, and ``aggregate`` to list a
    page type in this page's language, with untranslated originals as fallback."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    base_form_class = PageForm

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def aggregate(self, model):
        return model.objects.live().public().filter(own_or_untranslated_q(model, self.locale))

    # What the home page and the organisation pages show of a listing, without importing
    # the apps above this floor: each listing names its partials and fills in the hooks.

    #: The home page's tile leading to this listing; None leaves the listing out.
    way_in_template = "home/includes/way_in.html"
    way_in_icon = "list"
    #: The card of one entry, and how many entries the home page shows (0: none).
    card_template = "home/includes/card/page.html"
    showcase_on_home = 0
    showcase_heading = None

    def showcase_entries(self):
        """The entries a showcase picks from, in the order it shows them."""
        return self.get_children().none()

    def prepare_cards(self, entries):
        """The entries as a list, with what their cards need attached."""
        return list(entries)

    def showcase(self, count, organisation=None):
        """A few entries for the home page or for an organisation page (its own, with how
        many it has in all and the listing filtered to them; ``organisation.branch_paths``
        are the tree paths its content is under)."""
        entries = self.showcase_entries()
        link = self.url
        if organisation is not None:
            entries = entries.filter(below_any(organisation.branch_paths))
            link = f"{self.url}?organisation={organisation.slug}"
        shown = self.prepare_cards(entries[:count])
        return {
            "listing": self,
            "heading": self.title if organisation is not None else self.showcase_heading,
            "entries": shown,
            "total": entries.count() if organisation is not None else len(shown),
            "link": link,
        }


class SiteChange(models.Model):
    """One row counting the changes to what every page shows around its content (pages,
    view restrictions, sites, locales, footer texts, site settings): each process keeps
    that rendered under this number (``home.change_count``), so a change saved in one process
    shows on the next request in all of them."""

    number = models.BigIntegerField(default=0)


class PageViewCount(models.Model):
    """Views of a page per day: a number, nothing about who viewed it (no cookie is set or
    read, no address or browser stored). Counted by the page's beacon
    (``home.views.count_page_view``, through ``home.counts``) for the page types that set
    ``counts_views``, shown with the downloads on the Downloads report."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="view_counts"
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")
        constraints = [
            models.UniqueConstraint(fields=["page", "date"], name="unique_page_view_count_per_day")
        ]


VIEWED = "views"
counts.register(VIEWED, PageViewCount, "page")


class AutosaveDraft(models.Model):
    """A page Wagtail's autosave created before anyone saved it (``home.autosave_drafts``):
    the note goes when a person first saves, submits or publishes it, and a page still
    noted and left alone is deleted."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="autosave_draft"
    )
    created_at = models.DateTimeField(auto_now_add=True)
