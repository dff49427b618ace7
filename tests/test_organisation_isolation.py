"""No effect across organisations: an editor of A never links, hides or lists B's files,
whatever ids the editor posts, and reads no blog comments through the snippet chooser."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.media_choices import NOT_CHOOSABLE
from materials.models import CustomDocument, MaterialFile, MaterialPage
from network.models import BlogPage, Comment
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_and_b():
    """Two local organisations, each with its page, collection and editor group."""
    return tuple(make.onboarded(f"Järjestö {name}", level="local") for name in "AB")


def editor_of(onboarded, client):
    """Logs ``client`` in as an editor of ``onboarded``."""
    client.force_login(make.editor(onboarded.organisation))


def document_in(onboarded, title):
    document = CustomDocument(title=title, collection=onboarded.collection)
    document.file.save(f"{title}.txt", ContentFile(title.encode()), save=False)
    document.save()
    return document


def image_in(onboarded, title):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), collection=onboarded.collection
    )


def publish_material(onboarded, slug, document, **fields):
    return make.material(
        onboarded.organisation, slug, slug=slug, files=[MaterialFile(document=document)], **fields
    )


def material_form(documents, action="action-draft", **extra):
    data = {
        "title": "A:n materiaali",
        "slug": "a-materiaali",
        "intro": "Esittely",
        "material_type": "guide",
        "licence": "cc-by-4.0",
        "members_only": "on",
        "tags": "",
        "body-count": "0",
        action: action,
        "files-TOTAL_FORMS": str(len(documents)),
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "1",
        "files-MAX_NUM_FORMS": "1000",
    }
    for i, document in enumerate(documents):
        data.update(
            {
                f"files-{i}-document": str(document.pk),
                f"files-{i}-label": "",
                f"files-{i}-id": "",
                f"files-{i}-ORDER": str(i),
                f"files-{i}-DELETE": "",
            }
        )
    data.update(extra)
    return data


def add_material(client, onboarded, data):
    parent = onboarded.organisation.pk
    url = reverse("wagtailadmin_pages:add", args=["materials", "materialpage", parent])
    return client.post(url, data)


def refused(response, field):
    """The admin shows the form again, with an error on ``field`` ("files" for the formset)."""
    assert response.status_code == 200
    form = response.context["form"]
    if field in form.formsets:
        return any(errors for errors in form.formsets[field].errors)
    return field in form.errors


def downloads_anonymously(client, document):
    client.logout()
    response = client.get(reverse("materials:download", args=[document.pk, document.filename]))
    return response.status_code == 200


def test_forged_document_of_another_organisation_is_refused_in_the_files_formset(client, a_and_b):
    a, b = a_and_b
    theirs = document_in(b, "b-opas")
    publish_material(b, "b-materiaali", theirs)
    editor_of(a, client)

    for action in ("action-draft", "action-submit"):
        assert refused(add_material(client, a, material_form([theirs], action)), "files"), action
    assert not MaterialPage.objects.filter(slug="a-materiaali").exists()
    uses = MaterialFile.objects.filter(document=theirs).values_list("material__slug", flat=True)
    assert list(uses) == ["b-materiaali"]
    assert not theirs.requires_login
    assert downloads_anonymously(client, theirs)


def test_forged_document_is_refused_when_editing_an_existing_material(client, a_and_b):
    a, b = a_and_b
    ours, theirs = document_in(a, "a-opas"), document_in(b, "b-opas")
    page = publish_material(a, "a-materiaali", ours)
    editor_of(a, client)
    data = material_form([ours, theirs])
    data.update({"files-INITIAL_FORMS": "1", "files-0-id": str(page.files.get().pk)})
    assert refused(client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data), "files")
    page.refresh_from_db()
    assert [f.document_id for f in page.get_latest_revision_as_object().files.all()] == [ours.pk]
    assert not page.members_only and not theirs.requires_login
    assert downloads_anonymously(client, theirs)


def test_an_unpublished_draft_changes_no_files_visibility(client, a_and_b):
    a, _b = a_and_b
    ours = document_in(a, "a-opas")
    editor_of(a, client)
    response = add_material(client, a, material_form([ours]))
    assert response.status_code == 302
    draft = MaterialPage.objects.get(slug="a-materiaali")
    assert not draft.live and draft.members_only
    assert MaterialFile.objects.filter(material=draft, document=ours).exists()
    assert not ours.requires_login
    assert downloads_anonymously(client, ours)

    # Once a coordinator publishes the material, its files are for members.
    draft.save_revision().publish()
    assert ours.requires_login
    assert not downloads_anonymously(client, ours)


def test_a_draft_of_a_published_material_changes_nothing_until_it_is_published(client, a_and_b):
    a, _b = a_and_b
    ours = document_in(a, "a-opas")
    page = publish_material(a, "a-materiaali", ours)
    editor_of(a, client)
    data = material_form([ours], slug="a-materiaali")
    data.update({"files-INITIAL_FORMS": "1", "files-0-id": str(page.files.get().pk)})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes and page.get_latest_revision_as_object().members_only
    assert not page.members_only
    assert downloads_anonymously(client, ours)


def add_post(client, onboarded, **fields):
    """The editor saves a new blog post draft of ``onboarded``'s with ``fields`` in its form."""
    url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", onboarded.organisation.pk])
    return client.post(url, make.blog_post_form("action-draft", **fields))


def test_forged_image_of_another_organisation_is_refused(client, a_and_b):
    a, b = a_and_b
    ours, theirs = image_in(a, "A:n kuva"), image_in(b, "B:n kuva")
    editor_of(a, client)
    assert refused(add_post(client, a, image=str(theirs.pk)), "image")
    assert not BlogPage.objects.filter(slug="uutinen").exists()

    assert add_post(client, a, image=str(ours.pk)).status_code == 302
    assert BlogPage.objects.get(slug="uutinen").image == ours


def document_block(document):
    return {
        "body-count": "1",
        "body-0-type": "document",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value-document": str(document.pk),
        "body-0-value-link_text": "Lataa",
    }


def document_link_in_text(document):
    """A paragraph whose word "Lataa" links to ``document`` (Draftail's content state)."""
    link = {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": document.pk}}
    paragraph = {
        "key": "a",
        "type": "unstyled",
        "depth": 0,
        "text": "Lataa",
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
    }
    text = {"blocks": [paragraph], "entityMap": {"0": link}}
    return {"body-0-value": json.dumps(text)}


@pytest.mark.parametrize("block", [document_block, document_link_in_text])
def test_forged_document_in_a_streamfield_block_or_its_text_is_refused(client, a_and_b, block):
    a, b = a_and_b
    ours, theirs = document_in(a, "a-opas"), document_in(b, "b-opas")
    editor_of(a, client)
    response = add_post(client, a, **block(theirs))
    assert refused(response, "body")
    error = response.context["form"].errors["body"].as_data()[0]
    assert [str(e.message) for e in error.non_block_errors.as_data()] == [str(NOT_CHOOSABLE)]
    assert not BlogPage.objects.filter(slug="uutinen").exists()

    assert add_post(client, a, **block(ours)).status_code == 302
    post = BlogPage.objects.get(slug="uutinen")
    references = BlogPage._meta.get_field("body").extract_references(post.body)
    found = {(model, str(pk)) for model, pk, _path, _content in references}
    assert found == {(CustomDocument, str(ours.pk))}


def test_a_file_already_on_the_page_stays_valid_for_its_editor(client, a_and_b):
    """A coordinator linked B's public file to A's material; A's editor can still save it."""
    a, b = a_and_b
    theirs = document_in(b, "b-opas")
    page = publish_material(a, "a-materiaali", theirs)
    editor_of(a, client)
    data = material_form([theirs], slug="a-materiaali", members_only="")
    data.update({"files-INITIAL_FORMS": "1", "files-0-id": str(page.files.get().pk)})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302


API = "/admin/api/main/documents/"


def api_ids(client, endpoint):
    """Every id the admin API lists at ``endpoint``, page by page."""
    ids, offset = set(), 0
    while True:
        response = client.get(f"/admin/api/main/{endpoint}/", {"offset": offset, "limit": 20})
        assert response.status_code == 200
        body = response.json()
        ids |= {item["id"] for item in body["items"]}
        offset += 20
        if offset >= body["meta"]["total_count"]:
            return ids


def test_choosers_and_the_admin_api_list_only_own_files(client, a_and_b):
    a, b = a_and_b
    ours, theirs = document_in(a, "a-opas"), document_in(b, "b-opas")
    our_image, their_image = image_in(a, "A:n kuva"), image_in(b, "B:n kuva")
    editor_of(a, client)

    listed = api_ids(client, "documents")
    assert ours.pk in listed and theirs.pk not in listed
    for url in (f"{API}{theirs.pk}/", f"{API}find/?id={theirs.pk}"):
        response = client.get(url, follow=True)
        assert response.status_code == 404 and b"b-opas" not in response.content
    images = api_ids(client, "images")
    assert our_image.pk in images and their_image.pk not in images

    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "a-opas" in chooser and "b-opas" not in chooser

    client.force_login(make.coordinator())
    assert {ours.pk, theirs.pk} <= api_ids(client, "documents")
    assert client.get(f"/admin/api/main/documents/{theirs.pk}/").json()["title"] == "b-opas"


def test_the_snippet_chooser_shows_no_comments_to_an_editor(client, a_and_b):
    a, _b = a_and_b
    post = make.blog_post(a.organisation)  # even a post of the editor's own organisation
    comment = Comment.objects.create(
        post=post, name="Lukija", email="lukija@example.org", body="Salainen kommentti"
    )
    editor_of(a, client)
    urls = [
        reverse("wagtailsnippetchoosers_network_comment:choose"),
        reverse("wagtailsnippetchoosers_network_comment:choose_results"),
        reverse("wagtailsnippetchoosers_network_comment:chosen", args=[comment.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        shown = response.content.decode()
        assert "Salainen" not in shown and "Lukija" not in shown

    client.force_login(make.coordinator())
    assert "Lukija" in client.get(urls[0]).content.decode()
