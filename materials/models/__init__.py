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
from materials.models.versions import DocumentVersion

__all__ = [
    "LICENCE_URLS",
    "Audience",
    "CustomDocument",
    "DocumentVersion",
    "Licence",
    "MaterialFile",
    "MaterialIndexPage",
    "MaterialPage",
    "MaterialPageTag",
    "MaterialType",
    "Topic",
]
