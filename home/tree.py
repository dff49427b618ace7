"""Filters by place in the page tree, for the ground floor and the apps above it."""

import operator
from functools import reduce

from django.db.models import Q


def below_any(paths):
    """A filter: the pages below any of the tree ``paths``; none when there are none."""
    return reduce(operator.or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))
