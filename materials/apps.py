from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Materials bank")

    def ready(self):
        from wagtail.documents.models import document_served
        from wagtail.models import CollectionViewRestriction

        from materials.models import CustomDocument
        from materials.signals import (
            count_wagtail_download,
            delete_preview,
            process_new_file,
            reindex_materials,
            reindex_materials_of_collection,
        )

        post_save.connect(process_new_file, sender=CustomDocument, dispatch_uid="materials_process_new_file")
        post_save.connect(reindex_materials, sender=CustomDocument, dispatch_uid="materials_reindex_materials")
        restriction = CollectionViewRestriction
        post_save.connect(reindex_materials_of_collection, sender=restriction, dispatch_uid="materials_privacy_set")
        post_delete.connect(
            reindex_materials_of_collection, sender=restriction, dispatch_uid="materials_privacy_removed"
        )
        post_delete.connect(delete_preview, sender=CustomDocument, dispatch_uid="materials_delete_preview")
        document_served.connect(count_wagtail_download, dispatch_uid="materials_count_wagtail_download")
