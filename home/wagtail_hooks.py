from django.urls import path
from wagtail import hooks

from home import translation_files


@hooks.register("register_admin_urls")
def register_checked_po_upload():
    # The same address as wagtail-localize's upload, registered first so that it
    # takes its place: the translation editor posts here.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translation_files.upload_pofile,
            name="tarjotin_upload_pofile",
        )
    ]
