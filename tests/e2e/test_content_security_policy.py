"""The Content-Security-Policy breaks nothing: the browser reports no violation on the home
page, a material page, the search page and the admin's page editor."""

from materials.models import MaterialPage


def violations_on(page, path):
    """Chromium's console reports for ``path``, once its scripts have run."""
    reports = []
    page.on("console", lambda message: reports.append(message.text))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return [text for text in reports if "Content Security Policy" in text]


def test_public_pages_report_no_violation(page, orm):
    material = MaterialPage.objects.live().public().filter(locale__language_code="fi").first()
    for path in ("/fi/", material.url, "/fi/search/?q=kotoutuminen"):
        assert violations_on(page, path) == [], path


def test_page_editor_reports_no_violation(log_in, people, orm):
    organisation = people["organisations"][0]
    materials = MaterialPage.objects.descendant_of(organisation)
    material = materials.filter(locale__language_code="fi").first()
    editor = log_in(people["editor_a"])
    edited = material or organisation
    assert violations_on(editor, f"/admin/pages/{edited.pk}/edit/") == []
    assert editor.locator("form#page-edit-form").count() == 1
