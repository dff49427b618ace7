"""Demo content of the network app; each module registers its own steps."""

from network.demo import organisations  # noqa: F401
