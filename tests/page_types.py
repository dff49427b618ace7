"""Every page type of the site, for the tests that must cover them all: ``one_page`` builds a
published Finnish page of a type with the factories, ``every_page_type`` one of each."""

from wagtail.fields import StreamField

from home.models import HomePage, Language, StandardPage
from materials.models import Audience, MaterialIndexPage, MaterialPage, Topic
from network.models import (
    ActivityIndexPage,
    ActivityPage,
    BlogIndexPage,
    BlogPage,
    EventIndexPage,
    EventPage,
    IntegrationStage,
    Municipality,
    OrganisationIndexPage,
    OrganisationPage,
    TargetGroup,
)
from tests import factories as make


def _listing(model, item):
    """The index page of ``model``, listing one item that ``item(organisation)`` builds, so
    that its cards are rendered too."""

    def build():
        item(make.organisation("Listattu järjestö"))
        return make.section(model)

    return build


CONTACT = {
    "contact_name": "Anna Yhteyshenkilö",
    "contact_email": "anna@example.org",
    "contact_phone": "+358 40 123 4567",
}


def _organisation():
    return make.organisation(address="Kotikatu 1, 00100 Helsinki", **CONTACT)


def _activity():
    """An activity with every part of its page filled in: facts, places, contact."""
    return make.activity(
        _organisation(),
        level="local",
        municipalities=Municipality.objects.filter(name="Kemi"),
        stages=IntegrationStage.objects.filter(locale__language_code="fi")[:2],
        target_groups=TargetGroup.objects.filter(locale__language_code="fi")[:1],
        languages=Language.objects.filter(code__in=["fi", "ar"]),
        schedule="Tiistaisin 17–19",
        tags=["vertaistuki"],
        **CONTACT,
    )


def _material():
    """A material with files in two languages, topics, audiences and tags."""
    return make.material_with_files(
        _organisation(),
        "Opas",
        ["fi", "ar"],
        topics=Topic.objects.filter(locale__language_code="fi")[:2],
        audiences=Audience.objects.filter(locale__language_code="fi")[:1],
        year=2024,
        tags=["opas"],
    )


BUILDERS = {
    HomePage: make.home,
    StandardPage: make.standard_page,
    OrganisationIndexPage: _listing(OrganisationIndexPage, lambda organisation: organisation),
    OrganisationPage: _organisation,
    BlogIndexPage: _listing(BlogIndexPage, make.blog_post),
    BlogPage: lambda: make.blog_post(_organisation(), tags=["verkosto"]),
    EventIndexPage: _listing(EventIndexPage, make.event),
    EventPage: lambda: make.event(
        _organisation(), place_name="Kerhotila", address="Kotikatu 1, Helsinki"
    ),
    ActivityIndexPage: _listing(ActivityIndexPage, make.activity),
    ActivityPage: _activity,
    MaterialIndexPage: _listing(MaterialIndexPage, make.material),
    MaterialPage: _material,
}
PAGE_TYPES = list(BUILDERS)


def one_page(model):
    """A published Finnish page of ``model`` (one of ``PAGE_TYPES``)."""
    return BUILDERS[model]()


def every_page_type():
    """One published Finnish page of each type, by type, every StreamField holding a
    paragraph (for the tests that edit or break them)."""
    pages = {model: one_page(model) for model in PAGE_TYPES}
    for page in pages.values():
        empty = [
            field.name
            for field in page._meta.get_fields()
            if isinstance(field, StreamField) and not getattr(page, field.name)
        ]
        for name in empty:
            setattr(page, name, [("paragraph", f"<p>{page.title}</p>")])
        if empty:
            make.publish(page)
    return pages
