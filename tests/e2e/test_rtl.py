"""Right-to-left layout: the Arabic home page and an Arabic material page are mirrored
(the header, the main navigation, the download list and the text start on the right),
and the Finnish versions of the same pages are not. A full-page screenshot of each is
kept in the output folder every run."""

import pytest

from tests.e2e.conftest import OUTPUT

# Where things are on the page, in CSS pixels of the viewport.
MEASURE = """() => {
    const box = element => {
        const rect = element.getBoundingClientRect();
        return {left: rect.left, right: rect.right, top: Math.round(rect.top)};
    };
    const direction = element => getComputedStyle(element).direction;
    const heading = document.querySelector("main h1");
    const text = document.createRange();
    text.selectNodeContents(heading);
    // the heading's last line of text
    const lines = [...text.getClientRects()];
    const lastTop = Math.max(...lines.map(line => Math.round(line.top)));
    const lastLine = lines.filter(line => Math.round(line.top) === lastTop);
    const arabic = [...document.querySelectorAll("main p")]
        .filter(p => p.closest("[lang]").lang === "ar" && p.textContent.trim());
    return {
        htmlDir: document.documentElement.dir,
        bodyDirection: direction(document.body),
        mainDirection: direction(document.querySelector("main")),
        viewport: document.documentElement.clientWidth,
        logo: box(document.querySelector(".site-logo")),
        menu: [...document.querySelectorAll("nav.main-menu li")].map(box),
        downloads: [...document.querySelectorAll(".download-list > li")].map(box),
        heading: box(heading),
        lastLine: {
            left: Math.min(...lastLine.map(line => line.left)),
            right: Math.max(...lastLine.map(line => line.right)),
        },
        // text marked as another language than Arabic, in the content and the footer: blocks,
        // and words isolated in their own direction (a language's own name)
        otherLanguageBlocks: [...document.querySelectorAll("main [lang], .site-footer [lang]")]
            .filter(element => element.lang !== "ar"
                && (getComputedStyle(element).display !== "inline" || element.hasAttribute("dir")))
            .map(element => ({
                lang: element.lang,
                direction: direction(element),
                text: element.textContent.trim().slice(0, 60),
            })),
        arabicParagraphs: [...arabic].map(p => ({
            direction: direction(p),
            textAlign: getComputedStyle(p).textAlign,
        })),
    };
}"""
SLACK = 2  # pixels of rounding


def home(language):
    return f"/{language}/"


def material(language):
    """The booklet on equality and sexual rights in close relationships, in ``language``."""
    from wagtail.models import Locale

    from materials.models import MaterialPage

    booklet = MaterialPage.objects.live().get(
        locale__language_code="fi", title__contains="Tasa-arvo ja seksuaalioikeudet lähisuhteessa"
    )
    return booklet.get_translation(Locale.objects.get(language_code=language)).url


def first_row(boxes):
    """The boxes on the same line as the first one."""
    return [box for box in boxes if box["top"] == boxes[0]["top"]]


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("fi", "ltr")])
@pytest.mark.parametrize("page_of", [home, material], ids=["home", "material"])
def test_layout_follows_the_writing_direction(page_of, language, direction, orm, page):
    page.goto(page_of(language))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"layout-{page_of.__name__}-{language}.png"), full_page=True)
    layout = page.evaluate(MEASURE)
    rtl = direction == "rtl"

    assert layout["htmlDir"] == direction
    assert layout["bodyDirection"] == layout["mainDirection"] == direction

    # The site's name sits at the start of the header: the right half in Arabic.
    logo_centre = (layout["logo"]["left"] + layout["logo"]["right"]) / 2
    assert (logo_centre > layout["viewport"] / 2) == rtl, layout["logo"]

    # The main navigation runs from the right in Arabic: its first item is right of the
    # last one on the same line.
    menu = first_row(layout["menu"])
    assert len(menu) >= 3
    first, last = menu[0], menu[-1]
    if rtl:
        assert first["left"] > last["right"], menu
    else:
        assert first["right"] < last["left"], menu

    # The heading's (last line of) text hugs the start edge of its box.
    heading, text = layout["heading"], layout["lastLine"]
    assert text["right"] - text["left"] < heading["right"] - heading["left"] - 20, (
        "heading fills its line"
    )
    if rtl:
        assert (
            abs(text["right"] - heading["right"]) <= SLACK
            and text["left"] > heading["left"] + SLACK
        )
    else:
        assert (
            abs(text["left"] - heading["left"]) <= SLACK
            and text["right"] < heading["right"] - SLACK
        )

    if rtl:
        assert layout["arabicParagraphs"], "no Arabic text in main"
        for paragraph in layout["arabicParagraphs"]:
            assert paragraph["direction"] == "rtl", paragraph
            assert paragraph["textAlign"] in ("start", "right"), paragraph
        # Finnish text shown in the Arabic page (untranslated cards, the fallback footer
        # text) keeps its own direction, so its punctuation stays at its end.
        finnish = [block for block in layout["otherLanguageBlocks"] if block["lang"] == "fi"]
        assert finnish, "no Finnish text marked in the Arabic page"
        for block in finnish:
            assert block["direction"] == "ltr", block

    if page_of is material:
        downloads = first_row(layout["downloads"])
        assert len(downloads) >= 2
        if rtl:
            assert downloads[0]["left"] > downloads[1]["right"], downloads
        else:
            assert downloads[0]["right"] < downloads[1]["left"], downloads
