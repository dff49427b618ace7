"""Every page type of the site, for the tests that must cover them all, and ``one_page`` to
build a published Finnish page of a type with the factories."""

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
