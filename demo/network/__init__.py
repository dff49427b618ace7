"""Demo content of the network: organisations, blog comments, events, the tray;
each module registers its own steps."""

from demo.network import organisations  # noqa: F401
from demo.network import comments  # noqa: F401
from demo.network import events  # noqa: F401
from demo.network import activities  # noqa: F401
