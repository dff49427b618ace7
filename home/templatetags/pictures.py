"""``{% picture_of image "lead" %}``: an image as a <picture> in the formats of
``settings.PICTURE_FORMATS``, each in a few widths, so that a phone loads a small file and
a browser that reads WebP loads the lighter one. The widths and ``sizes`` of each
place an image is shown are defined here once, for every template that shows one."""

from django import template
from django.conf import settings
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.templatetags.site_tags import shared_text_language

register = template.Library()

# place: (resize operation per width, widths, the sizes attribute)
PLACES = {
    # the lead image of an article, as wide as its text column (--measure)
    "lead": ("width-{}", (480, 960, 1440), "(min-width: 50rem) 46rem, calc(100vw - 2rem)"),
    # the small image on a card, cropped to 16:9
    "card": ("fill-{}x{}", (160, 320), "10rem"),
}


def _resize(operation, width):
    return operation.format(width, width * 9 // 16)


@register.simple_tag
def picture_of(image, place, lazy=True, css_class=""):
    """The <picture> of ``image`` (alt text from its description) for ``place``; the
    first image of a page (its largest content, shown first) is not ``lazy``."""
    if not image:
        return ""
    operation, widths, sizes = PLACES[place]
    # a lost original file shows as a missing image, as Wagtail's own tags do, not a 500
    renditions = get_renditions_or_not_found(
        image,
        [
            f"{_resize(operation, width)}|format-{fmt}"
            for fmt in settings.PICTURE_FORMATS
            for width in widths
        ],
    )
    attrs = {"alt": image.default_alt_text, "sizes": sizes, "decoding": "async"}
    attrs.update(shared_text_language())  # the alt text is read in its own language
    if lazy:
        attrs["loading"] = "lazy"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs).__html__()
