"""Every public page type fits the window at 320, 375, 768 and 1,280 px, in Finnish and in
Arabic (right to left): nothing makes the page scroll sideways (a wide table scrolls inside its
own labelled region). On a phone the filters of the materials bank, the tray and the search are
folded behind one "Filter (n)" button and the first result shows in the first 375 × 812
screen; on a desktop they are open beside the results without overlapping them. A screenshot
of each page at each width is kept in the output folder."""

import pytest

from tests.e2e.conftest import OUTPUT

WIDTHS = [320, 375, 768, 1280]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
# what overflows: elements wider than the window, for the failure's message
OVERFLOW = """() => {
    const width = innerWidth;
    const wide = [...document.querySelectorAll("body *")].filter(element => {
        const box = element.getBoundingClientRect();
        return box.width && (box.right > width + 1 || box.left < -1);
    });
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        wide: wide.slice(0, 5).map(element => element.tagName + "." + element.className),
    };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(new_page, paths, width):
    page = new_page(viewport={"width": width, "height": 812})
    OUTPUT.mkdir(parents=True, exist_ok=True)
    overflowing = {}
    for language, urls in paths.items():
        for name, path in urls.items():
            response = page.goto(path)
            assert response.status == 200, (path, response.status)
            page.screenshot(path=str(OUTPUT / f"layout-{width}-{language}-{name}.png"))
            measured = page.evaluate(OVERFLOW)
            if measured["scrollWidth"] > measured["innerWidth"]:
                overflowing[f"{language} {name} {path}"] = measured
    assert not overflowing, overflowing


LISTINGS = {
    "bank": ".card-list > li .card__title a",
    "tray": ".card-list > li .card__title a",
    "search": ".search-results > li h2 a",
}


@pytest.mark.parametrize("language", ["fi", "ar"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_phone_shows_the_first_result_before_the_folded_filters(
    new_page, paths, listing, language
):
    page = new_page(viewport=PHONE)
    page.goto(paths[language][listing])
    first = page.locator(LISTINGS[listing]).first
    assert first.count(), (listing, language)  # the demo lists something in both languages
    # the title's first line is on the first screen
    line = first.evaluate("link => link.getClientRects()[0].bottom")
    assert line <= PHONE["height"], (listing, line)
    fold = page.locator("details.filter-fold")
    assert not fold.evaluate("details => details.open")
    assert fold.bounding_box()["y"] < first.bounding_box()["y"]
    # one key press opens it, and its controls are reachable by keyboard
    page.locator(".filter-fold__summary").focus()
    page.keyboard.press("Enter")
    assert fold.evaluate("details => details.open")
    control = fold.locator("input, select, a").first
    control.focus()
    assert control.evaluate("element => element === document.activeElement")
    assert control.is_visible()


@pytest.mark.parametrize("language", ["fi", "ar"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_desktop_shows_the_filters_beside_the_results(new_page, paths, listing, language):
    page = new_page(viewport=DESKTOP)
    page.goto(paths[language][listing])
    fold = page.locator("details.filter-fold")
    assert fold.evaluate("details => details.open")
    filters = fold.bounding_box()
    results = page.locator(".card-list, .search-results").first.bounding_box()
    assert results, (listing, language)  # the demo has results to set beside the filters
    apart = (
        filters["x"] + filters["width"] <= results["x"]
        or results["x"] + results["width"] <= filters["x"]
    )
    assert apart, (filters, results)
    if language == "ar":  # the filters at the start of the line: on the right
        assert filters["x"] > results["x"]


def test_the_filter_button_counts_the_filters_in_use(page, paths):
    page.goto(paths["fi"]["bank"] + "?type=guide&type=report&q=opas")
    summary = page.locator(".filter-fold__summary")
    assert "(3)" in summary.inner_text()
    page.goto(paths["fi"]["tray"] + "?free=on&category=")
    assert "(1)" in page.locator(".filter-fold__summary").inner_text()
