"""Keyboard only: the skip link, the main navigation, the language switcher, the search
box and the facet filters are reached with Tab and used with Enter or Space, and the
element in focus always shows a focus indicator."""

import re

import pytest
from playwright.sync_api import expect

TAB_LIMIT = 80

# The outline and shadow the element has, and whether the browser treats its focus as
# keyboard focus (:focus-visible).
FOCUS_STYLE = """element => {
    const style = getComputedStyle(element);
    return {
        outline: style.outlineStyle === "none"
            ? "none" : `${style.outlineStyle} ${style.outlineWidth}`,
        shadow: style.boxShadow,
        focusVisible: element.matches(":focus-visible"),
    };
}"""


def focused_matches(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def tab_to(page, selector):
    """Press Tab until the focused element matches selector (each stop on the way showing
    its focus); fail if it never does."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        assert_focus_is_visible(page)
        if focused_matches(page, selector):
            return
    pytest.fail(f"{selector} not reached with {TAB_LIMIT} presses of Tab on {page.url}")


def assert_focus_is_visible(page):
    """The focused element has an outline or a shadow it does not have unfocused."""
    element = page.evaluate_handle("document.activeElement")
    focused = element.evaluate(FOCUS_STYLE)
    element.evaluate("element => element.blur()")
    unfocused = element.evaluate(FOCUS_STYLE)
    element.evaluate("element => element.focus()")
    description = element.evaluate("element => element.outerHTML.slice(0, 120)")
    assert focused["focusVisible"], f"keyboard focus is not :focus-visible on {description}"
    has_outline = focused["outline"] != "none" and not focused["outline"].endswith(" 0px")
    assert has_outline or focused["shadow"] != "none", (
        f"no outline or shadow in focus on {description}: {focused}"
    )
    assert (focused["outline"], focused["shadow"]) != (unfocused["outline"], unfocused["shadow"]), (
        f"focus does not change the look of {description}: {focused}"
    )


def language_of(href):
    """The language prefix of a path such as /ru/unavailable/3/."""
    return href.strip("/").split("/")[0]


def count_in(label):
    """The number in brackets at the end of a facet option's label: "Opas (12)" -> "12"."""
    return re.search(r"\((\d+)\)\s*$", label).group(1)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/fi/")
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_in_viewport()
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fi/#main$"))
    assert focused_matches(page, "main#main")
    # The next stop is the first link of the content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_main_navigation_links_are_reachable_and_followed_with_enter(page):
    page.goto("/fi/")
    menu_links = page.locator("nav.main-menu a")
    hrefs = menu_links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert len(hrefs) >= 5
    tab_to(page, "nav.main-menu a")
    reached = [page.evaluate("document.activeElement.getAttribute('href')")]
    while len(reached) < len(hrefs):
        page.keyboard.press("Tab")
        assert focused_matches(page, "nav.main-menu a"), (
            f"Tab left the main navigation after {reached}"
        )
        assert_focus_is_visible(page)
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == hrefs

    materials_bank = next(href for href in hrefs if "materiaalipankki" in href)
    page.goto("/fi/")
    tab_to(page, f'nav.main-menu a[href="{materials_bank}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{materials_bank}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Materiaalipankki")


def test_language_switcher_switches_to_swedish_with_enter(page):
    page.goto("/fi/")
    tab_to(page, '.language-switcher a[hreflang="sv"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/")
    assert page.locator("html").get_attribute("lang") == "sv"


def test_other_languages_disclosure_opens_with_enter(page):
    page.goto("/fi/")
    disclosure = page.locator("details.language-switcher__more")
    expect(disclosure).not_to_have_attribute("open", "")
    tab_to(page, "details.language-switcher__more > summary")
    page.keyboard.press("Enter")
    expect(disclosure).to_have_attribute("open", "")
    first_language = disclosure.locator("a").first
    href = first_language.get_attribute("href")
    page.keyboard.press("Tab")
    assert focused_matches(page, "details.language-switcher__more a")
    assert_focus_is_visible(page)
    assert page.evaluate("document.activeElement.getAttribute('href')") == href
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert page.locator("html").get_attribute("lang") == language_of(href)


def test_search_box_submits_with_enter_and_shows_results(page):
    page.goto("/fi/")
    tab_to(page, "header input[type=search]")
    page.keyboard.type("kotoutuminen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/search/?q=kotoutuminen")
    expect(page.locator(".search-results li").first).to_be_visible()


def test_search_facet_link_is_followed_with_enter(page):
    page.goto("/fi/search/?q=kotoutuminen")
    results = page.locator("#results-heading")
    facet_link = page.locator("section[aria-labelledby=facet-type] a").first
    href = facet_link.get_attribute("href")
    label = facet_link.inner_text()
    expect(results).not_to_have_text(re.compile(rf"^{count_in(label)} "))
    tab_to(page, "section[aria-labelledby=facet-type] a")
    assert page.evaluate("document.activeElement.getAttribute('href')") == href
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]type="))
    expect(page.locator("section[aria-labelledby=facet-type] .search-facet__current")).to_have_text(
        label
    )
    expect(results).to_have_text(re.compile(rf"^{count_in(label)} "))


def test_materials_bank_facet_checkbox_works_with_space_and_enter(page):
    page.goto("/fi/materiaalipankki/")
    results = page.locator("#results-heading")
    tab_to(page, ".facet input[type=checkbox]")
    checkbox = page.locator(f"#{page.evaluate('document.activeElement.id')}")
    name = checkbox.get_attribute("name")
    value = checkbox.get_attribute("value")
    count = count_in(page.locator(f'label[for="{checkbox.get_attribute("id")}"]').inner_text())
    expect(results).not_to_have_text(re.compile(rf"^{count} "))
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}"))
    expect(results).to_have_text(re.compile(rf"^{count} "))
    expect(page.locator(f'.facet input[name="{name}"][value="{value}"]')).to_be_checked()
