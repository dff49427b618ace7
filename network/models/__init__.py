from network.models.blog import BlogIndexPage, BlogPage, BlogPageTag
from network.models.organisations import (
    OrganisationIndexPage,
    OrganisationLevel,
    OrganisationPage,
    attach_organisations,
)
from network.models.places import Municipality, Region

__all__ = [
    "BlogIndexPage",
    "BlogPage",
    "BlogPageTag",
    "Municipality",
    "OrganisationIndexPage",
    "OrganisationLevel",
    "OrganisationPage",
    "Region",
    "attach_organisations",
]
