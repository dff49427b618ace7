"""An editor chooses where an activity runs among the 309 municipalities: finds one by
typing part of its name and ticks it from the keyboard, takes the whole of Lapland with
one box, sees what is chosen above the list, and saves; the draft has exactly those
municipalities. The editor's screen keeps 0 serious or critical axe violations."""

import uuid

from playwright.sync_api import expect

from tests.e2e.axe import blocking, describe, run_axe
from tests.e2e.test_accessibility import WAGTAIL_ADMIN_ALLOWED


def make_activity(organisation):
    """A published activity of ``organisation`` that runs nowhere yet."""
    from network.models import ActivityPage

    key = uuid.uuid4().hex[:8]
    activity = ActivityPage(
        title=f"Saunailta {key}",
        slug=f"saunailta-{key}",
        intro="Saunailta uusille kuntalaisille.",
        category="support",
        level="local",
    )
    organisation.add_child(instance=activity)
    activity.save_revision().publish()
    return activity


def test_editor_chooses_a_municipality_and_the_whole_of_lapland(people, log_in, orm):
    from network.models import ActivityPage, Municipality

    activity = make_activity(people["organisations"][0])
    lapland = set(Municipality.objects.filter(region__name="Lappi").values_list("name", flat=True))
    editor = log_in(people["editor_a"])
    editor.goto(f"/admin/pages/{activity.pk}/edit/")
    municipalities = editor.locator("[data-contentpath=municipalities]")
    count = municipalities.locator("[aria-live=polite]")
    expect(count).to_have_text("Valittuna: 0")

    search = municipalities.get_by_role("searchbox", name="Kunnat Hae nimellä", exact=True)
    search.fill("jyväs")
    jyvaskyla = municipalities.get_by_role("checkbox", name="Jyväskylä")
    expect(jyvaskyla).to_be_visible()
    expect(municipalities.get_by_role("checkbox", name="Helsinki")).to_be_hidden()
    expect(municipalities.get_by_role("group", name="Lappi")).to_be_hidden()
    jyvaskyla.focus()
    editor.keyboard.press("Space")
    expect(jyvaskyla).to_be_checked()
    expect(count).to_have_text("Valittuna: 1")

    search.fill("")
    region = municipalities.get_by_role("group", name="Lappi")
    region.get_by_role("checkbox", name="Koko maakunta").check()
    expect(region.get_by_role("checkbox", name="Rovaniemi")).to_be_checked()
    expect(count).to_have_text(f"Valittuna: {len(lapland) + 1}")
    chosen = municipalities.locator(".filterable-checkboxes__chosen li")
    expect(chosen).to_have_count(len(lapland) + 1)
    expect(chosen.filter(has_text="Jyväskylä")).to_have_count(1)

    failures = blocking(editor, run_axe(editor), WAGTAIL_ADMIN_ALLOWED)
    assert not failures, describe(failures)

    editor.get_by_role("button", name="Tallenna luonnos").click()
    expect(editor.locator(".messages")).to_contain_text(f"Sivu '{activity.title}' päivitetty.")
    draft = ActivityPage.objects.get(pk=activity.pk).get_latest_revision_as_object()
    assert set(draft.municipalities.values_list("name", flat=True)) == lapland | {"Jyväskylä"}
