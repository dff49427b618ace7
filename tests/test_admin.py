"""The admin screens an editor uses open without errors for every page type and setting."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from home.models import HomePage, StandardPage
from materials.models import MaterialPage
from network.models import (
    ActivityPage,
    BlogIndexPage,
    BlogPage,
    EventIndexPage,
    EventPage,
    OrganisationIndexPage,
    OrganisationPage,
)
from tests import factories as make
from tests.page_types import PAGE_TYPES, every_page_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-123456")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model",
    PAGE_TYPES,
    ids=lambda model: model.__name__,
)
def test_page_editor_opens(admin_client, model):
    page = every_page_type()[model]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "parent_model,model",
    [
        (OrganisationPage, BlogPage),
        (HomePage, StandardPage),
        (OrganisationIndexPage, OrganisationPage),
        (OrganisationPage, EventPage),
        (HomePage, EventIndexPage),
        (OrganisationPage, ActivityPage),
        (OrganisationPage, MaterialPage),
    ],
    ids=lambda model: model.__name__,
)
def test_create_form_opens_where_the_page_type_belongs(admin_client, parent_model, model):
    parent = every_page_type()[parent_model]
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    assert admin_client.get(url).status_code == 200


def test_blog_post_cannot_be_created_outside_an_organisation(admin_client):
    home = make.home()
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", home.pk])
    response = admin_client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not BlogPage.objects.child_of(home).exists()


def test_site_settings_and_footer_snippet_open(admin_client):
    assert admin_client.get("/admin/settings/home/sitesettings/").status_code in (200, 302)
    footer = make.footer_text("fi")
    url = reverse("wagtailsnippets_home_footertext:edit", args=[footer.pk])
    assert admin_client.get(url).status_code == 200


def test_editor_can_publish_a_blog_post_through_the_admin(admin_client):
    organisation = make.organisation("Testijärjestö")
    make.section(BlogIndexPage)
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", organisation.pk])
    data = make.blog_post_form("action-publish", title="Uusi kirjoitus", tags="uusi, testi")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    post = BlogPage.objects.get(slug="uusi-kirjoitus")
    assert post.live
    assert sorted(tag.name for tag in post.tags.all()) == ["testi", "uusi"]
    assert admin_client.get("/fi/blogi/?tag=testi").content.decode().count("Uusi kirjoitus") == 1


@pytest.mark.parametrize(
    "model,build,field",
    [(MaterialPage, make.material, "topics"), (ActivityPage, make.activity, "target_groups")],
    ids=["MaterialPage", "ActivityPage"],
)
def test_taxonomy_choices_are_in_the_pages_language(admin_client, soup_of, model, build, field):
    """Each term exists once per language; the editor of a Finnish page sees the Finnish ones."""
    parent = make.organisation("Testijärjestö")
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    offered = {
        int(option["value"])
        for option in soup_of(admin_client.get(url)).select(f"input[type=checkbox][name={field}]")
    }
    terms = model._meta.get_field(field).related_model.objects
    assert offered == set(terms.filter(locale__language_code="fi").values_list("pk", flat=True))
    assert terms.exclude(
        locale__language_code="fi"
    ).exists()  # other languages' terms exist, unoffered

    page = build(parent, **{field: [terms.filter(locale__language_code="fi").first()]})
    swedish = terms.filter(locale__language_code="sv").first()
    getattr(page, field).add(
        swedish
    )  # a term of another language the page already has stays offered
    page.save_revision()
    edit = soup_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert edit.select_one(f"input[name={field}][value='{swedish.pk}']").has_attr("checked")


@pytest.mark.parametrize(
    "model,fields",
    [
        (MaterialPage, ["topics", "audiences"]),
        (ActivityPage, ["stages", "target_groups", "regions"]),
        (OrganisationPage, ["regions"]),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "-".join(value),
)
def test_short_taxonomies_are_checkbox_groups(admin_client, soup_of, model, fields):
    """Topics, audiences, stages, target groups and regions are ticked, not Ctrl-clicked in
    a list box; the 309 municipalities are not a bare wall of checkboxes but grouped by
    region behind a filter (tests/test_admin_multiselect.py)."""
    page = every_page_type()[model]
    edit = soup_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    for field in fields:
        assert not edit.select(f"select[name={field}]"), field
        terms = model._meta.get_field(field).related_model.objects.all()
        if hasattr(terms.model, "locale"):
            terms = terms.filter(locale__language_code="fi")
        labels = {
            edit.select_one(f"label[for={box['id']}]").get_text(strip=True)
            for box in edit.select(f"input[type=checkbox][name={field}]")
        }
        assert labels == {term.name for term in terms} and len(labels) > 1, field
    if model is ActivityPage:
        assert edit.select(".filterable-checkboxes__group input[name=municipalities]")


def test_new_pages_get_ascii_slugs_from_finnish_and_swedish_titles(admin_client, soup_of):
    organisation = make.organisation("Testijärjestö")
    make.section(BlogIndexPage)
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", organisation.pk])
    response = admin_client.get(url)
    form = response.content.decode()
    # the slug script transliterates unless told to allow Unicode (an attribute left out)
    assert 'data-controller="w-slug"' in form and "data-w-slug-allow-unicode-value" not in form
    # and spells a typed one in ASCII on leaving the field, as one from the title
    slug_actions = soup_of(response)("input", attrs={"name": "slug"})[0]["data-action"].split()
    assert "blur->w-slug#urlify" in slug_actions and "blur->w-slug#slugify" not in slug_actions

    data = make.blog_post_form(
        "action-publish", title="Äidin ja lapsen kerho Åbo", slug="äidin-ja-lapsen-kerho-åbo"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    post = BlogPage.objects.child_of(organisation).get()
    assert post.slug == "aidin-ja-lapsen-kerho-abo"
    assert admin_client.get(post.url).status_code == 200


@pytest.mark.parametrize(
    "title,slug",
    [
        ("Päivähoito ja yöpyminen", "paivahoito-ja-yopyminen"),
        ("مرحبا بكم", "mrhb-bkm"),  # spelt in Latin letters, not left empty
        ("Привіт, сусіди", "privit-susidi"),
    ],
)
def test_a_page_saved_without_a_slug_gets_one_in_ascii_from_its_title(admin_client, title, slug):
    """The slug script fills the slug as the editor types the title; without it (no
    JavaScript) the server makes the same kind of slug rather than refusing the page."""
    organisation = make.organisation("Testijärjestö")
    make.section(BlogIndexPage)
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", organisation.pk])
    response = admin_client.post(url, make.blog_post_form("action-publish", title=title, slug=""))
    assert response.status_code == 302, response.content[:2000]
    assert BlogPage.objects.child_of(organisation).get().slug == slug


@pytest.mark.parametrize("sent", ["äiti", ""])  # as it was, or the field emptied
def test_an_existing_pages_slug_stays_when_the_page_is_saved(admin_client, sent):
    """A page's address stays (printed booklets and QR codes carry it): neither its Unicode
    slug nor an emptied slug field gives it a new one from its changed title."""
    organisation = make.organisation("Testijärjestö")
    post = make.blog_post(organisation, "Äiti", slug="äiti")
    data = make.blog_post_form("action-publish", title="Äiti ja lapsi", slug=sent)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    post.refresh_from_db()
    assert (post.slug, post.title) == ("äiti", "Äiti ja lapsi")
