from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Materials bank")

    def ready(self):
        from wagtail.documents.models import document_served
        from wagtail.models import CollectionViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from home.tasks import every
        from materials import stalled
        from materials.models import CustomDocument, DocumentVersion, MaterialPage
        from materials.signals import (
            count_wagtail_download,
            delete_old_version,
            delete_preview,
            process_new_file,
            reindex_materials,
            reindex_materials_of_collection,
            reindex_materials_sharing_files,
        )

        post_save.connect(
            process_new_file, sender=CustomDocument, dispatch_uid="materials_process_new_file"
        )
        post_save.connect(
            reindex_materials, sender=CustomDocument, dispatch_uid="materials_reindex_materials"
        )
        # What makes a file private or public again (CustomDocument.private_ids)
        for signal in (post_save, post_delete):
            signal.connect(
                reindex_materials_of_collection,
                sender=CollectionViewRestriction,
                dispatch_uid="materials_reindex_collection",
            )
        for signal in (page_published, page_unpublished):
            signal.connect(
                reindex_materials_sharing_files,
                sender=MaterialPage,
                dispatch_uid="materials_reindex_sharing",
            )
        post_delete.connect(
            delete_preview, sender=CustomDocument, dispatch_uid="materials_delete_preview"
        )
        post_delete.connect(
            delete_old_version, sender=DocumentVersion, dispatch_uid="materials_delete_old_version"
        )
        document_served.connect(
            count_wagtail_download, dispatch_uid="materials_count_wagtail_download"
        )
        every(stalled.CHECK_EVERY_SECONDS, stalled.recover)
