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
    """Each field's label, help text and field are closer to each other than to the field
    above (they read as one group); the label comes first."""
    page.goto(BLOG_POST)
    groups = page.evaluate(
        """() => [...document.querySelectorAll('.comment-form .form-field')].map(group =>
            [...group.children].filter(child => child.getClientRects().length).map(child => {
                const box = child.getBoundingClientRect();
                return {tag: child.tagName, top: box.top, bottom: box.bottom};
            }))"""
    )
    assert len(groups) == 3
    for previous, group in zip(groups, groups[1:], strict=False):
        assert group[0]["tag"] == "LABEL"
        between_groups = group[0]["top"] - previous[-1]["bottom"]
        inside = [after["top"] - before["bottom"] for before, after in zip(group, group[1:])]
        assert max(inside) < between_groups, (previous, group)


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
