"""The contact card of organisation pages (``home.contact.ContactMixin``): every contact
detail an editor fills in is shown, and the card only when there is one. (An activity shows
its contact under "How to take part": tests/test_activity_taking_part.py.)"""

import pytest

from network.models import OrganisationPage
from tests import factories as make

pytestmark = pytest.mark.django_db

CLEARED = {"contact_name": "", "contact_email": "", "contact_phone": ""}
PAGES = {
    OrganisationPage: ("Yhteystiedot", {**CLEARED, "website": "", "address": ""}),
}


def published(model, **fields):
    """A Finnish page of ``model`` published with ``fields``, read back."""
    page = make.organisation("Testijärjestö", **fields)
    return model.objects.get(pk=page.pk)


def contact_card(client, soup_of, page):
    return soup_of(client.get(page.url)).select_one(".contact-card")


@pytest.mark.parametrize("model", PAGES)
def test_card_shows_every_contact_detail(client, soup_of, model):
    heading, cleared = PAGES[model]
    contact = {
        "contact_name": "Aino Virtanen",
        "contact_email": "aino@example.org",
        "contact_phone": "040 123 4567",
    }
    page = published(model, **{**cleared, **contact})
    assert (page.contact_name, page.contact_phone) == ("Aino Virtanen", "040 123 4567")
    card = contact_card(client, soup_of, page)
    assert card.h2.get_text() == heading
    facts = dict(zip((dt.get_text() for dt in card.select("dt")), card.select("dd")))
    assert list(facts) == ["Yhteyshenkilö", "Sähköposti", "Puhelin"]
    assert facts["Yhteyshenkilö"].get_text() == "Aino Virtanen"
    assert facts["Sähköposti"].a["href"] == "mailto:aino@example.org"
    assert facts["Puhelin"].get_text() == "040 123 4567"


@pytest.mark.parametrize(
    "model,field,value",
    [
        (OrganisationPage, "contact_name", "Aino Virtanen"),
        (OrganisationPage, "contact_email", "aino@example.org"),
        (OrganisationPage, "contact_phone", "040 123 4567"),
        (OrganisationPage, "address", "Kauppakatu 1\n00100 Helsinki"),
        (OrganisationPage, "website", "https://example.org/"),
    ],
)
def test_one_detail_is_enough_for_the_card(client, soup_of, model, field, value):
    page = published(model, **{**PAGES[model][1], field: value})
    card = contact_card(client, soup_of, page)
    assert card is not None
    assert getattr(page, field) in card.decode().replace("<br/>", "\n")


@pytest.mark.parametrize("model", PAGES)
def test_no_card_without_contact_details(client, soup_of, model):
    page = published(model, **PAGES[model][1])
    assert contact_card(client, soup_of, page) is None
