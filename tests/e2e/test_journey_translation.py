"""Journey b: a translator translates a Finnish guide into Swedish in wagtail-localize's
editor and publishes it; the language switcher on the Finnish page leads to the Swedish one."""

import re
import uuid

from playwright.sync_api import expect

INTRO = "Kirjastokortilla lainaat kirjoja maksutta."
PARAGRAPH = "Kortin saa kirjastosta henkilöllisyystodistusta näyttämällä."
SWEDISH_INTRO = "Med bibliotekskortet lånar du böcker gratis."
SWEDISH_PARAGRAPH = "Du får kortet på biblioteket genom att visa ett identitetsbevis."


def publish_finnish_guide(key):
    """A new, published Finnish guide with a title, an introduction and one paragraph."""
    from wagtail.models import Page

    from home.models import StandardPage

    home = Page.objects.get(depth=2, locale__language_code="fi")
    guide = StandardPage(
        title=f"Opas kirjastokortista {key}",
        slug=f"opas-kirjastokortista-{key}",
        intro=INTRO,
        body=[("paragraph", f"<p>{PARAGRAPH}</p>")],
    )
    home.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def translate_segment(editor, source, translation):
    """Open a segment in the translation editor, type its translation and save it."""
    segment = editor.locator("li:has(> p)").filter(has=editor.page.get_by_text(source, exact=True))
    segment.get_by_role("button", name="Käännä").click()
    segment.get_by_role("textbox").fill(translation)
    with editor.page.expect_response(lambda response: response.request.method == "PUT") as saved:
        segment.get_by_role("button", name="Tallenna").click()
    assert saved.value.ok, saved.value.status
    expect(segment.get_by_text(translation, exact=True)).to_be_visible()
    expect(segment).to_contain_text("Käännetty manuaalisesti")


def test_translator_publishes_a_swedish_guide_that_the_switcher_leads_to(page, log_in, people, orm):
    key = uuid.uuid4().hex[:8]
    guide = publish_finnish_guide(key)
    swedish_title = f"Guide till bibliotekskortet {key}"
    swedish_slug = f"guide-till-bibliotekskortet-{key}"

    # before the translation, Swedish is only among the languages the page lacks
    page.goto(guide.url)
    switcher = page.get_by_role("navigation", name="Kieli")
    swedish_link = switcher.get_by_role("link", name="ruotsi – svenska", exact=True)
    expect(swedish_link).to_have_count(0)
    switcher.get_by_text("Muut kielet").click()
    expect(swedish_link).to_have_attribute("data-unavailable", "")

    admin = log_in(people["translator"])
    admin.goto(f"/admin/pages/{guide.pk}/edit/")
    admin.get_by_role("button", name="Toimet").click()
    admin.get_by_role("link", name="Käännä tämä sivu").click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text(guide.title)
    admin.get_by_label("ruotsi – svenska").check()
    admin.get_by_role("button", name="Lähetä").click()

    admin.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert f"/admin/pages/{guide.pk}/" not in admin.url  # the Swedish copy, not the source
    editor = admin.locator(".js-translation-editor")
    expect(editor.get_by_text("suomi to ruotsi – svenska translation").first).to_be_visible()
    translate_segment(editor, guide.title, swedish_title)
    translate_segment(editor, INTRO, SWEDISH_INTRO)
    translate_segment(editor, PARAGRAPH, SWEDISH_PARAGRAPH)
    editor.get_by_role("tab", name="Nosto").click()  # the promote tab has the slug
    translate_segment(editor, guide.slug, swedish_slug)
    # the admin speaks Finnish, wagtail-localize's own words too (locale/fi: djangojs.po)
    admin.get_by_role("button", name="Julkaise kielellä ruotsi – svenska").click()
    expect(admin.locator(".messages")).to_contain_text(
        f"”{swedish_title}” on julkaistu kielellä ruotsi – svenska."
    )

    page.goto(guide.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(guide.title)
    expect(swedish_link).not_to_have_attribute("data-unavailable", "")
    swedish_link.click()
    page.wait_for_url(re.compile(f"/sv/{swedish_slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(swedish_title)
    expect(page.get_by_role("main")).to_contain_text(SWEDISH_PARAGRAPH)
