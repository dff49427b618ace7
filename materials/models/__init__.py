from materials.models.documents import CustomDocument
from materials.models.pages import (
    LICENCE_URLS,
    Licence,
    MaterialFile,
    MaterialIndexPage,
    MaterialPage,
    MaterialPageTag,
    MaterialType,
)
from materials.models.taxonomies import Audience, Topic

__all__ = [
    "LICENCE_URLS",
    "Audience",
    "CustomDocument",
    "Licence",
    "MaterialFile",
    "MaterialIndexPage",
    "MaterialPage",
    "MaterialPageTag",
    "MaterialType",
    "Topic",
]
