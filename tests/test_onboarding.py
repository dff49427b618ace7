"""Onboarding a member organisation, and the isolation between organisations' editors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from network.models import BlogPage, OrganisationIndexPage, OrganisationPage
from network.onboarding import OnboardingError, add_organisation
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def organisation_index():
    """Onboarding adds each organisation under the site's organisation listing page."""
    return make.section(OrganisationIndexPage)


@pytest.fixture
def two_organisations():
    return add_organisation("Järjestö A", level="local"), add_organisation(
        "Järjestö B", level="local"
    )


def test_command_onboards_page_collection_and_group(django_user_model):
    django_user_model.objects.create_user("maija")
    call_command(
        "add_organisation",
        "Kemin kotoutumisyhdistys",
        "--level",
        "local",
        "--region",
        "Lappi",
        "--editor",
        "maija",
        verbosity=0,
    )
    page = OrganisationPage.objects.get(slug="kemin-kotoutumisyhdistys")
    assert page.live and page.level == "local"
    assert [region.name for region in page.regions.all()] == ["Lappi"]
    assert Collection.objects.filter(name="Kemin kotoutumisyhdistys").exists()
    group = django_user_model.objects.get(username="maija").groups.get()
    assert group.name == "Kemin kotoutumisyhdistys: toimittajat / redaktörer"
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {page.pk}


@pytest.mark.parametrize(
    "args,message",
    [
        (["Uusi", "--slug", "jarjesto-a"], "already exists"),
        (["Uusi", "--region", "Atlantis"], "Unknown region"),
        (["Uusi", "--editor", "nobody"], "Unknown user"),
    ],
)
def test_command_explains_bad_input(args, message):
    make.organisation("Järjestö A")
    with pytest.raises(CommandError, match=message):
        call_command("add_organisation", *args, verbosity=0)
    assert not OrganisationPage.objects.filter(title="Uusi").exists()


def test_editor_works_in_own_subtree_only(client, two_organisations):
    a, b = two_organisations
    client.force_login(make.user("anna", a.group))
    own_post, other_post = (
        make.blog_post(a.organisation, "oma"),
        make.blog_post(b.organisation, "vieras"),
    )

    assert client.get(reverse("wagtailadmin_pages:edit", args=[own_post.pk])).status_code == 200
    add_url = reverse("wagtailadmin_pages:add", args=["network", "blogpage", a.organisation.pk])
    assert client.get(add_url).status_code == 200

    for url in (
        reverse("wagtailadmin_pages:edit", args=[other_post.pk]),
        reverse("wagtailadmin_pages:add", args=["network", "blogpage", b.organisation.pk]),
        reverse("wagtailadmin_pages:delete", args=[other_post.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[other_post.pk]),
        reverse("wagtailadmin_pages:move", args=[other_post.pk]),
        reverse("wagtailadmin_pages:copy", args=[other_post.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/login/" not in response["Location"]

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[other_post.pk]),
        {
            "title": "Muutettu",
            "slug": "vieras",
            "author_name": "X",
            "intro": "x",
            "body-count": "0",
        },
    )
    assert response.status_code in (302, 403)
    client.post(reverse("wagtailadmin_pages:delete", args=[other_post.pk]))
    other_post.refresh_from_db()
    assert other_post.title == "vieras" and other_post.live


def test_documents_only_in_own_collection(client, two_organisations):
    a, b = two_organisations
    client.force_login(make.user("anna", a.group))
    Document = get_document_model()
    upload = reverse("wagtaildocs:add")
    for collection in (a.collection, b.collection):
        client.post(
            upload,
            {
                "title": f"Opas {collection.name}",
                "file": SimpleUploadedFile("opas.txt", b"Hei"),
                "collection": collection.pk,
            },
        )
    # A's only permitted collection is A's: an upload aimed at B's lands there or nowhere.
    assert Document.objects.filter(collection=a.collection).count() >= 1
    assert not Document.objects.filter(collection=b.collection).exists()
    others = Document.objects.create(
        title="B:n opas", file=SimpleUploadedFile("b.txt", b"B"), collection=b.collection
    )
    assert client.get(reverse("wagtaildocs:edit", args=[others.pk])).status_code in (302, 403)
    client.post(reverse("wagtaildocs:delete", args=[others.pk]))
    assert Document.objects.filter(pk=others.pk).exists()


def test_leaving_the_group_removes_access_at_once(client, two_organisations):
    a, _ = two_organisations
    user = make.user("anna", a.group)
    client.force_login(user)
    post = make.blog_post(a.organisation, "oma")
    url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    assert client.get(url).status_code == 200
    a.group.user_set.remove(user)
    assert client.get(url).status_code in (302, 403)


def test_permissions_follow_the_subtree_into_new_translations(client, two_organisations):
    a, b = two_organisations
    swedish = Locale.objects.get(language_code="sv")
    post = make.blog_post(a.organisation, "oma")
    translated_post = post.copy_for_translation(swedish, copy_parents=True)
    translated_org = a.organisation.get_translation(swedish)

    # The Swedish organisation page is an alias of the Finnish one until it is translated
    # (copy_parents); editors add pages below it, and only reviewers detach aliases.
    add_below_org = reverse(
        "wagtailadmin_pages:add", args=["network", "blogpage", translated_org.pk]
    )
    client.force_login(make.user("anna", a.group))
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[translated_post.pk])).status_code == 200
    )
    assert client.get(add_below_org).status_code == 200

    client.logout()
    client.force_login(make.user("bertta", b.group))
    assert client.get(
        reverse("wagtailadmin_pages:edit", args=[translated_post.pk])
    ).status_code in (302, 403)
    assert client.get(add_below_org).status_code in (302, 403)


def test_onboarding_refuses_a_duplicate_name():
    add_organisation("Järjestö A")
    with pytest.raises(OnboardingError):
        add_organisation("Järjestö A", slug="toinen")


def test_editor_copies_within_own_subtree_but_not_into_another(client, two_organisations):
    a, b = two_organisations
    client.force_login(make.user("anna", a.group))
    post = make.blog_post(a.organisation, "oma")
    url = reverse("wagtailadmin_pages:copy", args=[post.pk])
    for parent, slug in ((a.organisation, "kopio-a"), (b.organisation, "kopio-b")):
        client.post(url, {"new_title": slug, "new_slug": slug, "new_parent_page": parent.pk})
    assert BlogPage.objects.child_of(a.organisation).filter(slug="kopio-a").exists()
    assert not BlogPage.objects.filter(slug="kopio-b").exists()


def test_editor_deletes_and_moves_own_drafts_only_within_own_subtree(client, two_organisations):
    a, b = two_organisations
    user = make.user("anna", a.group)
    client.force_login(user)
    doomed, mover = (
        make.blog_post(a.organisation, "poistettava", live=False, owner=user),
        make.blog_post(a.organisation, "siirrettava", live=False, owner=user),
    )

    client.post(reverse("wagtailadmin_pages:delete", args=[doomed.pk]))
    assert not BlogPage.objects.filter(pk=doomed.pk).exists()

    client.post(reverse("wagtailadmin_pages:move_confirm", args=[mover.pk, b.organisation.pk]))
    mover.refresh_from_db()
    assert mover.get_parent().pk == a.organisation.pk


def test_images_only_in_own_collection(client, two_organisations):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    a, b = two_organisations
    client.force_login(make.user("anna", a.group))
    Image = get_image_model()
    theirs = Image.objects.create(
        title="B:n kuva", file=get_test_image_file(), collection=b.collection
    )
    ours = Image.objects.create(
        title="A:n kuva", file=get_test_image_file(), collection=a.collection
    )
    assert client.get(reverse("wagtailimages:edit", args=[ours.pk])).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[theirs.pk])).status_code in (302, 403)
    client.post(reverse("wagtailimages:delete", args=[theirs.pk]))
    assert Image.objects.filter(pk=theirs.pk).exists()
    client.post(reverse("wagtailimages:delete", args=[ours.pk]))
    assert not Image.objects.filter(pk=ours.pk).exists()


def test_editor_moves_pages_within_own_subtree(client, two_organisations):
    a, b = two_organisations
    user = make.user("anna", a.group)
    client.force_login(user)
    guide, appendix = (
        make.standard_page(slug, parent=a.organisation, owner=user) for slug in ("ohje", "liite")
    )
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[appendix.pk, guide.pk]))
    appendix.refresh_from_db()
    assert appendix.get_parent().pk == guide.pk
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[appendix.pk, b.organisation.pk]))
    appendix.refresh_from_db()
    assert appendix.get_parent().pk == guide.pk
