"""Which activities reach people living in a place: the tray's one rule for it. The filters,
the place trays and every coverage matrix narrow or count activities with it, so that a count
always equals the list it links to."""

from django.db.models import Q

from network.models.organisations import OrganisationLevel
from network.models.places import Region

ONLINE = "online"


def reach_conditions(place):
    """Why an activity reaches people living in ``place`` (a municipality or a region), each
    reason as a condition on activities, most specific first: it runs there (in one of the
    region's municipalities, places included: their municipalities count), it is a regional
    activity of the place's region, it is national, it can be joined online (from anywhere:
    last, as the loosest tie to the place, so an activity that also meets there says so).
    A new way of reaching people is one more entry here."""
    if isinstance(place, Region):
        runs_there, region = Q(municipalities__region=place), place.pk
    else:
        runs_there, region = Q(municipalities=place), place.region_id
    return {
        OrganisationLevel.LOCAL: runs_there,
        OrganisationLevel.REGIONAL: Q(level=OrganisationLevel.REGIONAL, regions=region),
        OrganisationLevel.NATIONAL: Q(level=OrganisationLevel.NATIONAL),
        ONLINE: Q(online=True),
    }
