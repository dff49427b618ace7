"""The referral list as a tagged PDF (PDF/UA-1) with WeasyPrint.

Rendering fetches nothing: the stylesheet is read from the static files on disk and handed
over as text, and any address in the document (a link, an image) is refused by the fetcher,
so a list renders in a fraction of a second and never waits for another server. The fonts
are the machine's (DejaVu covers Latin, Cyrillic and Arabic script)."""

import pydyf
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.pdf import tags
from weasyprint.urls import URLFetcher

PDF_VARIANT = "pdf/ua-1"
STYLESHEET = "css/referral-pdf.css"


class NoFetching(URLFetcher):
    def fetch(self, url, headers=None):
        raise ValueError(f"Not fetched while rendering a referral list: {url}")


def _tag_languages(build_box_tree):
    """WeasyPrint (up to 70 at least) writes the document's language in the catalog only. A
    referral list mixes languages (an untranslated item, Finnish labels in an Arabic list),
    and PDF/UA wants each part's language on its structure element: this wraps WeasyPrint's
    builder of the structure tree (called for every box, recursively, through the module)
    to copy an element's ``lang`` attribute to ``/Lang`` of the structure elements it makes."""

    def build(box, *args, **kwargs):
        source = getattr(box, "element", None)
        language = source.get("lang") if source is not None else None
        for element in build_box_tree(box, *args, **kwargs):
            if language and "Lang" not in element:
                element["Lang"] = pydyf.String(language)
            yield element

    build.tags_languages = True
    return build


if not getattr(tags._build_box_tree, "tags_languages", False):
    tags._build_box_tree = _tag_languages(tags._build_box_tree)


def stylesheet():
    with open(finders.find(STYLESHEET), encoding="utf-8") as handle:
        return CSS(string=handle.read(), url_fetcher=NoFetching())


def render(html):
    """The PDF of ``html`` (the list's PDF layout): tagged, PDF/UA-1, as bytes."""
    return HTML(string=html, url_fetcher=NoFetching()).write_pdf(
        stylesheets=[stylesheet()], pdf_variant=PDF_VARIANT, pdf_tags=True
    )
