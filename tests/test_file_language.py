"""A file's language: proposed from its text, required of the editor, and named on each
file row of the admin's files panel and of the public download card."""

import json
from contextlib import nullcontext

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from home.models import Language
from materials.language_detection import propose_language
from materials.models.documents import CustomDocument
from tests import factories as make
from tests.test_material_files import CONTENT_TYPES, add_document, make_docx, make_zip, upload

pytestmark = pytest.mark.django_db

FINNISH = (
    "Tämä opas kertoo, miten kotoutumiskoulutukseen haetaan ja mitä tukea kunnasta saa. "
    "Lue ohjeet huolellisesti ennen kuin täytät hakemuksen."
)
SWEDISH = (
    "Den här guiden berättar hur man ansöker om integrationsutbildning och vilket stöd "
    "kommunen ger. Läs anvisningarna noggrant innan du fyller i ansökan."
)
ARABIC = (
    "يشرح هذا الدليل كيفية التقديم على دورة الاندماج وما هو الدعم الذي تقدمه البلدية. "
    "اقرأ التعليمات بعناية قبل ملء الطلب."
)


def speaking(client, language):
    profile = UserProfile.objects.get(user__username="english-admin")
    profile.preferred_language = language
    profile.save()
    return client


def edit_data(document, **fields):
    return {
        "title": document.title,
        "collection": document.collection_id,
        "language": document.language_id or "",
        **fields,
    }


@pytest.mark.parametrize("text,code", [(FINNISH, "fi"), (SWEDISH, "sv"), (ARABIC, "ar")])
def test_language_is_proposed_from_the_files_text(django_capture_on_commit_callbacks, text, code):
    document = add_document("guide.docx", make_docx(text), django_capture_on_commit_callbacks)
    assert document.language.code == code
    assert document.language_proposed


def test_title_is_the_fallback_when_the_file_has_no_text(django_capture_on_commit_callbacks):
    workbook = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"})
    document = add_document(
        "Kotoutumiskoulutukseen hakeminen ja kunnan tuki.xlsx",
        workbook,
        django_capture_on_commit_callbacks,
    )
    assert document.language.code == "fi" and document.language_proposed


def test_an_editors_choice_is_not_overwritten_by_a_later_extraction(
    django_capture_on_commit_callbacks,
):
    swedish = Language.objects.get(code="sv")
    document = add_document(
        "guide.docx", make_docx(FINNISH), django_capture_on_commit_callbacks, language=swedish
    )
    assert document.language == swedish and not document.language_proposed
    # the worker read the document before the editor chose its language
    unread = add_document("opas.docx", make_docx(FINNISH), lambda **kwargs: nullcontext())
    CustomDocument.objects.filter(pk=unread.pk).update(language=swedish)
    unread.extracted_text = FINNISH
    assert propose_language(unread) is False
    unread.refresh_from_db()
    assert unread.language == swedish and not unread.language_proposed


def test_edit_form_refuses_an_empty_language_in_finnish_and_keeps_what_was_typed(english_admin):
    document = make.document("Opas")
    response = speaking(english_admin, "fi").post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        edit_data(document, title="Uusi otsikko"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["language"] == ["Valitse kieli, jolla tiedosto on kirjoitettu."]
    assert 'value="Uusi otsikko"' in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Opas"


def test_multiple_uploader_saves_the_file_and_then_requires_its_language(english_admin, media):
    result = json.loads(upload(english_admin, "opas.docx", make_docx(FINNISH)).content)
    assert result["success"] is True
    document_id = result["doc_id"]
    prefix = f"doc-{document_id}"
    url = reverse("wagtaildocs:edit_multiple", args=[document_id])
    data = {
        f"{prefix}-title": "Opas",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
        f"{prefix}-language": "",
    }
    refused = json.loads(speaking(english_admin, "fi").post(url, data).content)
    assert refused["success"] is False
    assert "Valitse kieli, jolla tiedosto on kirjoitettu." in refused["form"]
    data[f"{prefix}-language"] = Language.objects.get(code="fi").pk
    assert json.loads(english_admin.post(url, data).content)["success"] is True
    assert CustomDocument.objects.get(pk=document_id).language.code == "fi"


def test_uploader_takes_the_proposal_made_after_its_form_was_shown(
    english_admin, media, django_capture_on_commit_callbacks, soup_of
):
    """The uploader shows a file's form before the worker has read the file: an editor who
    leaves the language empty gets the language proposed meanwhile, still to be checked."""
    with django_capture_on_commit_callbacks(execute=True):  # the worker reads the file
        result = json.loads(upload(english_admin, "guide.docx", make_docx(SWEDISH)).content)
    document_id = result["doc_id"]
    shown = BeautifulSoup(result["form"], "html.parser").get_text()
    assert "Proposed from the file's text" not in shown  # the form came before the proposal
    prefix = f"doc-{document_id}"
    data = {
        f"{prefix}-title": "Guide",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
        f"{prefix}-language": "",
    }
    url = reverse("wagtaildocs:edit_multiple", args=[document_id])
    assert json.loads(english_admin.post(url, data).content)["success"] is True
    document = CustomDocument.objects.get(pk=document_id)
    assert document.title == "Guide"
    assert document.language.code == "sv" and document.language_proposed
    edit_page = english_admin.get(reverse("wagtaildocs:edit", args=[document_id]))
    assert "Proposed from the file's text — check it." in soup_of(edit_page).get_text()


def test_uploader_preselects_a_proposal_made_before_its_form_is_shown(
    english_admin, media, monkeypatch
):
    """Without a task worker (development) the file is read as it is saved, before the
    uploader renders its form."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, *args, **kwargs: func())
    result = json.loads(upload(english_admin, "guide.docx", make_docx(SWEDISH)).content)
    form = BeautifulSoup(result["form"], "html.parser")
    selected = form.select_one(f"select[name=doc-{result['doc_id']}-language] option[selected]")
    assert selected["value"] == str(Language.objects.get(code="sv").pk)
    assert "Proposed from the file's text — check it." in form.get_text()


def test_an_editors_choice_in_the_uploader_confirms_the_proposal(
    english_admin, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = json.loads(upload(english_admin, "guide.docx", make_docx(SWEDISH)).content)
    document_id = result["doc_id"]
    prefix = f"doc-{document_id}"
    finnish = Language.objects.get(code="fi")
    data = {
        f"{prefix}-title": "Guide",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
        f"{prefix}-language": finnish.pk,
    }
    url = reverse("wagtaildocs:edit_multiple", args=[document_id])
    assert json.loads(english_admin.post(url, data).content)["success"] is True
    document = CustomDocument.objects.get(pk=document_id)
    assert document.language == finnish and not document.language_proposed


def test_proposed_language_is_preselected_and_confirmed_by_saving(
    english_admin, django_capture_on_commit_callbacks, soup_of
):
    document = add_document("guide.docx", make_docx(SWEDISH), django_capture_on_commit_callbacks)
    url = reverse("wagtaildocs:edit", args=[document.pk])
    page = soup_of(english_admin.get(url))
    select = page.select_one("select[name=language]")
    assert select.select_one("option[selected]")["value"] == str(document.language_id)
    assert "Proposed from the file's text — check it." in page.get_text()

    english_admin.post(url, edit_data(document))
    document.refresh_from_db()
    assert document.language.code == "sv" and not document.language_proposed
    assert "Proposed from the file's text" not in english_admin.get(url).content.decode()


def test_files_panel_names_each_files_language(english_admin, soup_of):
    organisation = make.organisation()
    material = make.material(
        organisation,
        files=make.files(make.document("Opas suomeksi", "fi"), make.document("Vanha opas")),
    )
    page = soup_of(english_admin.get(reverse("wagtailadmin_pages:edit", args=[material.pk])))
    titles = [node.get_text(strip=True) for node in page.select("[data-chooser-title]")]
    assert "Opas suomeksi (Finnish – suomi)" in titles
    assert "Vanha opas (language not chosen)" in titles


def test_download_card_names_the_language_or_else_the_file(client, soup_of):
    organisation = make.organisation()
    material = make.material(
        organisation,
        files=make.files(make.document("Opas ruotsiksi", "sv"), make.document("Vanha opas")),
    )
    cards = soup_of(client.get(material.url)).select(".download__language")
    assert [card.get_text() for card in cards] == [
        "ruotsi – svenska",
        "Lataa: Vanha opas",
    ]
