"""What the first screen shows, measured in the browser: search results beside their filters on
a desktop (the first result in the first screen) and before the folded filters on a phone;
comment labels next to their own fields; event cards without empty separators, counting the
text the stylesheet adds."""

import pytest

from tests.e2e.conftest import OUTPUT

SEARCH = "/fi/search/?q=kotoutuminen"
BLOG_POST = "/fi/jarjestot/laurea-ammattikorkeakoulu/jarjestot-ja-niiden-rooli/"
EVENTS = "/fi/tapahtumat/"


@pytest.mark.parametrize("width, height", [(1280, 800), (375, 740)])
def test_first_search_result_is_in_the_first_screen(new_page, width, height):
    page = new_page(viewport={"width": width, "height": height})
    page.goto(SEARCH)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"search-{width}.png"))
    first = page.locator(".search-results > li h2 a").first.bounding_box()
    assert first["y"] + first["height"] <= height, first
    facets = page.locator(".search-facets")
    if width >= 800:
        # open beside the results
        assert facets.evaluate("details => details.open")
        box = facets.bounding_box()
        assert box["x"] + box["width"] <= first["x"], (box, first)
    else:
        # folded above the results, one tap away
        assert not facets.evaluate("details => details.open")
        page.locator(".search-facets summary").click()
        assert page.locator(".search-facets nav a").first.is_visible()


def test_comment_labels_sit_above_their_own_fields(page):
    page.goto(BLOG_POST)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.comment-form .form-field')].map(group => {
            const box = element => element.getBoundingClientRect();
            const label = box(group.querySelector('label'));
            const field = box(group.querySelector('input, textarea'));
            return {labelTop: label.top, labelBottom: label.bottom, fieldTop: field.top,
                    fieldBottom: field.bottom};
        })"""
    )
    assert len(boxes) == 3
    for previous, group in zip(boxes, boxes[1:], strict=False):
        gap_to_previous_field = group["labelTop"] - previous["fieldBottom"]
        gap_to_own_field = group["fieldTop"] - group["labelBottom"]
        assert gap_to_own_field < gap_to_previous_field, (previous, group)


def test_event_cards_show_no_empty_separator(page):
    page.goto(EVENTS)
    lines = page.evaluate(
        """() => [...document.querySelectorAll('.card__meta')].map(meta => {
            // the text as shown: the elements' own text with what the stylesheet adds
            const shown = node => {
                if (node.nodeType === Node.TEXT_NODE) return node.textContent;
                if (node.nodeType !== Node.ELEMENT_NODE) return '';
                const added = pseudo => {
                    const content = getComputedStyle(node, pseudo).content;
                    return content && content !== 'none' && content !== 'normal'
                        ? content.replace(/^"|"$/g, '') : '';
                };
                return added('::before') + [...node.childNodes].map(shown).join('')
                    + added('::after');
            };
            return shown(meta).replace(/\\s+/g, ' ').trim();
        })"""
    )
    assert lines
    for line in lines:
        assert "· ·" not in line, line
        assert not line.startswith("·") and not line.endswith("·"), line
