"""Every page type of the site, for the tests that must cover them all."""

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

PAGE_TYPES = [
    HomePage,
    StandardPage,
    OrganisationIndexPage,
    OrganisationPage,
    BlogIndexPage,
    BlogPage,
    EventIndexPage,
    EventPage,
    ActivityIndexPage,
    ActivityPage,
    MaterialIndexPage,
    MaterialPage,
]
