"""Demo content of the network app; each module registers its own steps."""

from network.demo import organisations  # noqa: F401
from network.demo import comments  # noqa: F401
from network.demo import events  # noqa: F401
from network.demo import activities  # noqa: F401
