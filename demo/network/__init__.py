"""Demo content of the network: organisations, blog comments, events, the tray, the blog
and events in Arabic;
each module registers its own steps."""

from demo.network import (
    activities,  # noqa: F401
    comments,  # noqa: F401
    events,  # noqa: F401
    in_arabic,  # noqa: F401
    organisations,  # noqa: F401
    schedules,  # noqa: F401
)
