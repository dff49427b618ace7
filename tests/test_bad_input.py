"""Bad input is a clear answer, never a server error: hostile query strings on every
public page type and the search, garbled comment posts, the admin's login redirect, page
forms with missing or garbled StreamField and management-form keys for every page type,
document and PO uploads. The cases are enumerated, so every run sends the same requests."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page
from wagtail.users.models import UserProfile

from network.models import BlogIndexPage
from tests import factories as make
from tests.page_types import PAGE_TYPES, every_page_type

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "-1",
    "99999999999999999999999",
    "nan",
    "\x00",
    "ä" * 500,
    "<script>alert(1)</script>' OR 1=1 --",
    "../../etc/passwd\njava\nscript:alert(1)",
]
PARAMETERS = [
    "page",
    "q",
    "type",
    "topic",
    "language",
    "organisation",
    "region",
    "municipality",
    "stage",
    "target",
    "category",
    "childcare",
    "audience",
    "tag",
    "year",
    "level",
    "when",
    "all",
    "comment",
    "next",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_query_strings_on_public_pages_and_search(client, value):
    urls = [page.url for page in every_page_type().values()]
    urls += ["/fi/search/", "/sv/search/autocomplete/", "/fi/tags/x/", "/fi/unavailable/1/"]
    for url in urls:
        response = client.get(url, {name: value for name in PARAMETERS})
        assert response.status_code < 500, (url, value)
    pairs = [(name, each) for name in ("page", "q") for each in (value, "2")]
    repeated = client.get("/fi/search/", pairs)
    assert repeated.status_code < 500, value


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"name": "x"},
        {"name": "\x00" * 5, "email": "not-an-email", "text": "<script>"},
        {"name": "a" * 10_000, "email": "a@example.org", "text": "b" * 100_000, "website": "x"},
    ],
)
def test_garbled_comment_posts_are_answered_with_the_form(client, fields):
    post = make.blog_post(make.organisation("Testijärjestö"))
    comments = post.comments.count()
    response = client.post(post.url + "comment/", fields)
    assert response.status_code < 500
    assert post.comments.count() <= comments + 1


@pytest.mark.parametrize(
    "next_url",
    [
        "java%0ascript:alert(1)",
        "java%0dscript:alert(1)",
        "%0ajavascript:alert(1)",
        "javascript:alert(1)",
        "//evil.example/",
        "/admin/%0d%0aSet-Cookie:x=1",
        "%00",
    ],
)
def test_login_redirect_while_logged_in_is_safe(english_admin, next_url):
    response = english_admin.get(f"/admin/login/?next={next_url}")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/admin/")
    assert "\n" not in location and "\r" not in location and "script" not in location


def page_form_data(page):
    return {"title": page.title, "slug": page.slug}


STREAM_GARBLINGS = [
    {},
    {"{f}-count": "x"},
    {"{f}-count": "1"},
    {"{f}-count": "1", "{f}-0-deleted": "", "{f}-0-type": "paragraph", "{f}-0-order": "z"},
    {"{f}-count": "99999999999999999999"},
]


def stream_field_names(page_or_model):
    fields = page_or_model._meta.get_fields()
    return [field.name for field in fields if isinstance(field, StreamField)]


@pytest.mark.parametrize("garbling", STREAM_GARBLINGS)
def test_page_edit_with_garbled_stream_data_keeps_the_content(english_admin, garbling):
    pages = [page for page in every_page_type().values() if stream_field_names(page)]
    assert len(pages) >= 7
    for page in pages:
        stored = {name: list(getattr(page, name).raw_data) for name in stream_field_names(page)}
        revision = page.latest_revision_id
        data = page_form_data(page)
        for name in stream_field_names(page):
            data.update({key.format(f=name): value for key, value in garbling.items()})
        response = english_admin.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 200, type(page)
        errors = response.context["form"].errors.as_data()
        assert any(error.code == "garbled" for name in stored for error in errors.get(name, [])), (
            errors
        )
        page.refresh_from_db()
        assert {name: list(getattr(page, name).raw_data) for name in stored} == stored
        assert page.latest_revision_id == revision


def test_garbled_stream_data_gets_the_message_in_the_editors_language(english_admin):
    user = english_admin.session["_auth_user_id"]
    profile = UserProfile.objects.get(user_id=user)
    profile.preferred_language = "fi"
    profile.save()
    page = make.standard_page()
    response = english_admin.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form_data(page)
    )
    finnish = json.dumps("Sisältö saapui puutteellisena, eikä sitä tallennettu.")[1:-1]
    assert escape(finnish) in response.content.decode()


@pytest.mark.parametrize(
    "garbling",
    [
        *STREAM_GARBLINGS,
        {"{f}-count": "0", "comments-TOTAL_FORMS": "x", "comments-INITIAL_FORMS": "-5"},
    ],
)
def test_page_create_of_every_type_with_garbled_management_data(english_admin, garbling):
    """A type with a StreamField refuses the garbled page; the others may create it."""
    every_page_type()  # a parent for every type
    for model in PAGE_TYPES:
        parent = next(
            (
                page
                for page in Page.objects.filter(locale__language_code="fi").specific()
                if model in type(page).allowed_subpage_models()
            ),
            None,
        )
        if parent is None:
            continue
        count = model.objects.count()
        url = reverse(
            "wagtailadmin_pages:add",
            args=[
                model._meta.app_label,
                model._meta.model_name,
                parent.pk,
            ],
        )
        data = {"title": "Rikki", "slug": "rikki"}
        for name in stream_field_names(model):
            data.update({key.format(f=name): value for key, value in garbling.items()})
        response = english_admin.post(url, data)
        assert response.status_code < 500, model
        if stream_field_names(model) and "0" not in garbling.values():
            assert model.objects.count() == count, model


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"title": "x", "collection": "abc", "language": "??"},
        {"title": "x" * 10_000, "collection": "-1", "members_only": "maybe"},
    ],
)
def test_document_forms_with_garbled_fields(english_admin, fields):
    collection = Collection.get_first_root_node().pk
    document = make.document()
    title = document.title
    upload = english_admin.post(
        reverse("wagtaildocs:add"),
        {
            "collection": collection,
            **fields,
            "file": SimpleUploadedFile("a.pdf", b"not a pdf"),
        },
    )
    assert upload.status_code < 500
    edit = english_admin.post(reverse("wagtaildocs:edit", args=[document.pk]), fields)
    assert edit.status_code < 500
    document.refresh_from_db()
    assert document.title == title


def localized(page, language):
    """A translation of ``page`` into ``language`` started through wagtail-localize, as a
    translator starts one (a PO file is uploaded to such a translation)."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language)
    )
    translation.save_target(publish=False)
    return translation


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\xff garbage",
        b'msgid "x"\nmsgstr',
        "ä".encode("latin-1"),
    ],
)
def test_po_upload_of_garbage_changes_nothing(english_admin, data):
    translation = localized(make.standard_page(), "sv")
    before = translation.source.get_translated_instance(translation.target_locale).pk
    response = english_admin.post(
        reverse("tarjotin_upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("x.po", data)},
    )
    assert response.status_code < 500
    missing = english_admin.post(reverse("tarjotin_upload_pofile", args=[translation.pk]), {})
    assert missing.status_code < 500
    assert translation.source.get_translated_instance(translation.target_locale).pk == before


@pytest.mark.parametrize("fields", [{}, {"name": "", "slug": "\x00", "locale": "x"}])
def test_snippet_edit_with_garbled_fields_changes_nothing(english_admin, fields):
    """Every kind of snippet: the taxonomies (made by migrate), a footer text and a comment."""
    from django.forms.models import model_to_dict
    from wagtail.snippets.models import get_snippet_models

    make.footer_text()
    make.blog_post(make.organisation("Testijärjestö")).comments.create(
        name="Lukija", email="lukija@example.org", body="Kiitos!"
    )
    edited = 0
    for model in get_snippet_models():
        instance = model.objects.first()
        if instance is None or not hasattr(model, "snippet_viewset"):
            continue
        before = model_to_dict(instance)
        url = reverse(model.snippet_viewset.get_url_name("edit"), args=[instance.pk])
        response = english_admin.post(url, fields)
        assert response.status_code < 500, model
        instance.refresh_from_db()
        assert model_to_dict(instance) == before, model
        edited += 1
    assert edited >= 3


def test_nul_characters_in_the_address_never_reach_the_database(client):
    """PostgreSQL refuses text with NUL: a parameter loses it, a page address is not found."""
    make.section(BlogIndexPage)
    blog = client.get("/fi/blogi/?tag=%00&organisation=a%00b&page=%00")
    assert blog.status_code == 200
    assert "Sivua ei löytynyt" not in blog.content.decode()
    search = client.get("/fi/search/?q=opas%00&type=%00")
    assert search.status_code == 200
    assert search.context["request"].GET["q"] == "opas"
    assert client.get("/fi/%00/").status_code == 404
