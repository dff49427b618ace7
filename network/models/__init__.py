from network.models.activities import (
    ActivityCategory,
    ActivityIndexPage,
    ActivityPage,
    ActivityPageTag,
    ActivityStatus,
    JoinMethod,
)
from network.models.activity_places import ActivityPlace, StepFree
from network.models.blog import BlogIndexPage, BlogPage, BlogPageTag
from network.models.comments import Comment, CommentStatus
from network.models.events import EventIndexPage, EventPage, EventType
from network.models.organisations import (
    OrganisationBranches,
    OrganisationIndexPage,
    OrganisationLevel,
    OrganisationPage,
    attach_organisations,
    in_organisations,
    nearest_organisation,
)
from network.models.places import Municipality, Region
from network.models.schedules import ActivitySchedule
from network.models.taxonomies import IntegrationStage, TargetGroup

__all__ = [
    "ActivityCategory",
    "ActivityIndexPage",
    "ActivityPage",
    "ActivityPageTag",
    "ActivityPlace",
    "ActivityStatus",
    "JoinMethod",
    "StepFree",
    "ActivitySchedule",
    "IntegrationStage",
    "TargetGroup",
    "BlogIndexPage",
    "BlogPage",
    "BlogPageTag",
    "EventIndexPage",
    "EventPage",
    "EventType",
    "Comment",
    "CommentStatus",
    "Municipality",
    "OrganisationIndexPage",
    "OrganisationLevel",
    "OrganisationPage",
    "Region",
    "attach_organisations",
    "in_organisations",
    "nearest_organisation",
    "OrganisationBranches",
]
