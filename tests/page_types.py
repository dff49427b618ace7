"""Every page type of the site, for the tests that must cover them all: ``one_page`` builds a
published Finnish page of a type with the factories, ``every_page_type`` one of each."""

from wagtail.fields import StreamField

from home.models import HomePage, StandardPage
from materials.models import MaterialIndexPage, MaterialPage
from network.models import (
    ActivityIndexPage,
    ActivityPage,
    BlogIndexPage,
    BlogPage,
    EventIndexPage,
    EventPage,
    OrganisationIndexPage,
    OrganisationPage,
)
from tests import factories as make


def _listing(model, item):
    """The index page of ``model``, listing one item that ``item(organisation)`` builds, so
    that its cards are rendered too."""

    def build():
        item(make.organisation("Listattu järjestö"))
        return make.section(model)

    return build


BUILDERS = {
    HomePage: make.home,
    StandardPage: make.standard_page,
    OrganisationIndexPage: _listing(OrganisationIndexPage, lambda organisation: organisation),
    OrganisationPage: make.organisation,
    BlogIndexPage: _listing(BlogIndexPage, make.blog_post),
    BlogPage: lambda: make.blog_post(make.organisation()),
    EventIndexPage: _listing(EventIndexPage, make.event),
    EventPage: lambda: make.event(make.organisation()),
    ActivityIndexPage: _listing(ActivityIndexPage, make.activity),
    ActivityPage: lambda: make.activity(make.organisation()),
    MaterialIndexPage: _listing(MaterialIndexPage, make.material),
    MaterialPage: lambda: make.material(make.organisation()),
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
