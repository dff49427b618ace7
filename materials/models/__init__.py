from materials.models.documents import CustomDocument

__all__ = ["CustomDocument"]
