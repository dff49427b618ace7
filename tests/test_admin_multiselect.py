"""The activity editor's long lists (309 municipalities, 47 languages) as filterable
checkboxes: municipalities under their regions with a "whole region" box, the chosen ones
listed above the list, and the form sending and checking the same fields as before."""

import pytest
from django.urls import reverse

from home.models import Language
from network.models import ActivityPage, Municipality, Region
from tests import factories as make
from tests.test_admin_languages import speaking

pytestmark = pytest.mark.django_db


@pytest.fixture
def editing(client):
    """A Finnish-speaking editor's client and an activity of their organisation that runs in
    Kemi, with its editor's address."""
    organisation = make.organisation("Setlementti", level="local")
    activity = make.activity(
        organisation, "Äitiryhmä", municipalities=list(Municipality.objects.filter(name="Kemi"))
    )
    client.force_login(speaking(make.editor(organisation), "fi"))
    return client, activity, reverse("wagtailadmin_pages:edit", args=[activity.pk])


def widget_of(soup, name):
    return soup.find("input", attrs={"name": name}).find_parent(class_="filterable-checkboxes")


def test_municipalities_are_grouped_by_region_with_a_whole_region_box_and_a_filter(
    editing, soup_of
):
    client, _activity, url = editing
    soup = soup_of(client.get(url))
    widget = widget_of(soup, "municipalities")
    groups = {
        fieldset.legend.get_text(strip=True): fieldset
        for fieldset in widget.find_all("fieldset", class_="filterable-checkboxes__group")
    }
    assert len(groups) == Region.objects.count() == 19
    lapland = groups["Lappi"]
    names = [label.get_text(strip=True) for label in lapland.select("li label")]
    assert "Rovaniemi" in names and "Kemi" in names and "Helsinki" not in names
    whole = lapland.find("label", class_="filterable-checkboxes__whole")
    assert whole.get_text(strip=True) == "Koko maakunta"
    assert not whole.input.has_attr("name")  # never sent: the municipalities are
    # the filter box is named by the field's label and its own
    search = widget.find("input", attrs={"type": "search"})
    labels = [
        label.get_text(strip=True) for label in soup.find_all("label", attrs={"for": search["id"]})
    ]
    assert labels == ["Kunnat", "Hae nimellä"]
    # what is chosen is said above the 309 boxes, and is checked in the list
    assert widget.find(class_="filterable-checkboxes__count").get_text(strip=True) == (
        "Valittuna: 1"
    )
    assert [item.get_text() for item in widget.select(".filterable-checkboxes__chosen li")] == [
        "Kemi"
    ]
    kemi = lapland.find("input", attrs={"value": str(Municipality.objects.get(name="Kemi").pk)})
    assert kemi.has_attr("checked")
    assert len(widget.find_all("input", attrs={"name": "municipalities"})) == (
        Municipality.objects.count()
    )
    # the languages are filterable too, without groups
    languages = widget_of(soup, "languages")
    assert languages.find("input", attrs={"type": "search"}) is not None
    assert languages.find("fieldset") is None
    assert len(languages.select(".filterable-checkboxes__options > ul")) == 1
    assert soup.find("script", src=lambda src: src and "filterable_checkboxes" in src)


def test_chosen_municipalities_and_languages_are_saved(editing):
    client, activity, url = editing
    chosen = Municipality.objects.filter(name__in=["Inari", "Sodankylä"])
    arabic = Language.objects.get(code="ar")
    data = make.activity_form(
        "action-draft",
        title=activity.title,
        municipalities=[str(municipality.pk) for municipality in chosen],
        languages=[str(arabic.pk)],
        interpretation_languages=[str(arabic.pk)],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    draft = ActivityPage.objects.get(pk=activity.pk).get_latest_revision_as_object()
    assert sorted(draft.municipalities.values_list("name", flat=True)) == ["Inari", "Sodankylä"]
    assert list(draft.languages.all()) == list(draft.interpretation_languages.all()) == [arabic]


def test_a_forged_municipality_is_an_error_in_the_editors_language(editing, soup_of):
    client, activity, url = editing
    revision = activity.latest_revision_id
    data = make.activity_form("action-draft", title=activity.title, municipalities=["999999"])
    response = client.post(url, data)
    assert response.status_code == 200
    field = soup_of(response).find("input", attrs={"name": "municipalities"})
    error = field.find_parent(class_="w-field")
    assert "Valitse oikea vaihtoehto" in error.get_text()
    activity.refresh_from_db()
    assert activity.latest_revision_id == revision
