"""axe-core on every public page type in Finnish, Swedish and Arabic, on the search
results and on the admin screens an organisation's editor uses.

A serious or critical violation of a WCAG 2.0/2.1 A or AA rule fails the test; the other
findings (lesser impacts, best practices) are reported: as a warning in pytest's summary
and in ``axe-report.json`` in the output folder, with every finding of the run."""

import json
import warnings

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import StandardPage
from tests.e2e.axe import blocking, describe, run_axe, summary
from tests.e2e.conftest import OUTPUT
from tests.page_types import PAGE_TYPES

LANGUAGES = ["fi", "sv", "ar"]
# A word with results in each language, for the search page
SEARCHES = [("fi", "kotoutuminen"), ("sv", "integration"), ("ar", "الاندماج")]

# Violations inside Wagtail's own admin markup, which this project does not render and
# cannot change: (axe rule, CSS selector of the Wagtail element, why). Only on admin
# screens, never on the public site; our own admin customisations get no entries.
WAGTAIL_ADMIN_ALLOWED = [
    (
        "aria-input-field-name",
        ".Draftail-Editor [role=textbox]",
        "Wagtail's rich text editor (Draftail): the field's label names the hidden input, "
        "not the contenteditable textbox. Upstream: wagtail/wagtail#14205 (open).",
    ),
    (
        "label",
        ".tagit .tagit-new input",
        "Wagtail's tag field (its vendored jQuery tag-it): the field's label names the "
        "hidden input; the text box tag-it adds for typing a new tag has no label.",
    ),
    (
        "label",
        ".replace-file-input input[type=file]",
        "Wagtail's multiple document upload: the file input lies under the visible "
        "'choose from your computer' button and has no label (wagtaildocs/multiple/add.html).",
    ),
]


@pytest.fixture(scope="module")
def report():
    """Every finding of this module's tests, written to axe-report.json at the end."""
    findings = {}
    yield findings
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "axe-report.json").write_text(json.dumps(findings, ensure_ascii=False, indent=2))


def check(page, name, report, allowed=()):
    """Run axe on the page: record everything, fail on what blocks, warn about the rest
    (saying which serious findings the allow-list excused)."""
    violations = run_axe(page)
    failures = blocking(page, violations, allowed)
    serious = {violation["id"] for violation in blocking(page, violations)}
    excused = sorted(serious - {failure["id"] for failure in failures})
    report[name] = {"url": page.url, "violations": summary(violations), "excused": excused}
    assert not failures, f"axe on {name} ({page.url}):\n{describe(failures)}"
    if violations:
        note = f"\nexcused as Wagtail's own markup: {', '.join(excused)}" if excused else ""
        message = f"axe on {name} ({page.url}), not blocking:\n{describe(violations)}{note}"
        warnings.warn(message, stacklevel=2)


def visitor_url(page_type, language):
    """Where a visitor of ``language`` meets ``page_type``: a live page of that type in
    that language's tree (a translation before an alias). Where the demo has none, a
    translator's copy of the Finnish one is published first, so that every template is
    checked in every language's interface and direction."""
    pages = page_type.objects.live().public().order_by("path")
    in_language = pages.filter(locale__language_code=language)
    page = in_language.filter(alias_of__isnull=True).first() or in_language.first()
    if page is None:
        original = pages.filter(locale__language_code="fi").first()
        page = original.copy_for_translation(
            Locale.objects.get(language_code=language), copy_parents=True
        )
        page.save_revision().publish()
    return page.url


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.__name__)
def test_public_page_has_no_serious_violations(page_type, language, orm, page, report):
    url = visitor_url(page_type, language)
    response = page.goto(url)
    assert response.status == 200, url
    assert page.locator("html").get_attribute("lang") == language
    check(page, f"{page_type.__name__} {language}", report)


@pytest.mark.parametrize("language, query", SEARCHES)
def test_search_results_with_facets_have_no_serious_violations(language, query, page, report):
    page.goto(f"/{language}/search/?q={query}")
    type_facet = page.locator("section[aria-labelledby=facet-type]")
    option = type_facet.get_by_role("link").first
    label = option.inner_text().rsplit("(", 1)[0].strip()
    option.click()
    expect(type_facet.locator(".search-facet__current")).to_contain_text(label)
    expect(page.locator(".search-results li").first).to_be_visible()
    check(page, f"search {language}", report)


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_not_available_in_your_language_notice_has_no_serious_violations(
    language, orm, page, report
):
    untranslated = (
        StandardPage.objects.live()
        .filter(locale__language_code="fi")
        .exclude(
            translation_key__in=StandardPage.objects.filter(locale__language_code=language).values(
                "translation_key"
            )
        )
        .first()
    )
    with translation.override(language):
        url = reverse("translation_unavailable", args=[untranslated.pk])
    response = page.goto(url)
    assert response.status == 200, url
    check(page, f"not available {language}", report)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_has_no_serious_violations(language, page, report):
    response = page.goto(f"/{language}/ei-ole-olemassa/")
    assert response.status == 404
    check(page, f"404 {language}", report)


# The admin screens an organisation's editor works in, by name: their address given the
# organisation's page, one of its materials and one of its blog posts.
ADMIN_SCREENS = {
    "dashboard": lambda organisation, material, post: "/admin/",
    "page explorer": lambda organisation, material, post: f"/admin/pages/{organisation.pk}/",
    "material editor": lambda organisation, material, post: f"/admin/pages/{material.pk}/edit/",
    "new material form": lambda organisation, material, post: (
        f"/admin/pages/add/materials/materialpage/{organisation.pk}/"
    ),
    "blog post editor": lambda organisation, material, post: f"/admin/pages/{post.pk}/edit/",
    "page history": lambda organisation, material, post: f"/admin/pages/{material.pk}/history/",
    "documents": lambda organisation, material, post: "/admin/documents/",
    "document upload": lambda organisation, material, post: "/admin/documents/multiple/add/",
    # with the file's accessibility findings (materials.accessibility)
    "document editor": lambda organisation, material, post: (
        f"/admin/documents/edit/{material.files.first().document_id}/"
    ),
}


@pytest.mark.parametrize("screen", list(ADMIN_SCREENS))
def test_editor_admin_screen_has_no_serious_violations(screen, orm, people, log_in, report):
    from materials.models import MaterialPage
    from network.models import BlogPage

    organisation = people["organisations"][0]
    material = MaterialPage.objects.child_of(organisation).order_by("path").first()
    post = BlogPage.objects.child_of(organisation).order_by("path").first()
    url = ADMIN_SCREENS[screen](organisation, material, post)
    page = log_in(people["editor_a"])
    response = page.goto(url)
    assert response.status == 200, url
    assert page.url.endswith(url), f"{screen}: sent to {page.url}"
    page.wait_for_load_state("networkidle")
    check(page, f"admin {screen}", report, WAGTAIL_ADMIN_ALLOWED)


def test_file_accessibility_report_has_no_serious_violations(people, log_in, report):
    page = log_in(people["coordinator"])
    response = page.goto("/admin/reports/file-accessibility/")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    check(page, "admin file accessibility report", report, WAGTAIL_ADMIN_ALLOWED)
