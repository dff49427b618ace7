"""StreamField blocks shared by every page type that has a body."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty to use "
            "the image's own description; write '-' for a purely decorative image."
        ),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    link_text = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "home/blocks/document_link_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Source"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(required=False, label=pgettext_lazy("content block", "Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External address"))
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or give an external address.")]}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of guides, blog posts, organisation pages and later materials."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=pgettext_lazy("content block", "Text"),
        template="home/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        help_text=_("Address of a video or other media, e.g. a YouTube link."),
        template="home/blocks/embed_block.html",
    )

    class Meta:
        use_json_field = True


class LatestEntriesBlock(blocks.StructBlock):
    """The newest entries of an index page, such as the blog.

    Any page type can be chosen that offers ``latest_entries(count)``; this keeps
    the ground floor free of imports from the apps that define those pages.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    index_page = blocks.PageChooserBlock(label=_("Listing page"))
    count = blocks.IntegerBlock(label=_("Number of entries"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = _("Latest entries")
        template = "home/blocks/latest_entries_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        index_page = value["index_page"]
        listing = getattr(index_page.specific if index_page else None, "latest_entries", None)
        context["entries"] = listing(value["count"]) if listing else []
        return context
