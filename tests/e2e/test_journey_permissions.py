"""Journey e: an organisation's editor cannot open another organisation's page editor."""

from urllib.parse import urlsplit


def test_editor_is_refused_another_organisations_page_editor(log_in, people):
    own, other = people["organisations"]
    page = log_in(people["editor_a"])

    page.goto(f"/admin/pages/{own.pk}/edit/")
    assert page.locator("input[name=title]").input_value() == own.title

    page.goto(f"/admin/pages/{other.pk}/edit/")
    # Wagtail refuses by sending the editor back to the dashboard with a message.
    assert urlsplit(page.url).path == "/admin/"
    assert "sinulla ei ole pääsyä" in page.locator(".messages").inner_text()
    assert page.locator("input[name=title]").count() == 0
    assert page.locator(f'form[action*="/pages/{other.pk}/edit/"]').count() == 0
