"""Start the background processing of a document once its new file is committed,
re-index the materials offering it when it, its collection's privacy or another
material offering it changes, remove its preview and earlier files with it, and
count downloads made through Wagtail's own ``/documents/`` route (``document.url``)."""

from functools import partial

from django.db import transaction
from wagtail.tasks import delete_file_from_storage_task

from home.tasks import reindex_later
from materials.extraction import process_document
from materials.models.documents import DownloadCount, ExtractionStatus
from materials.models.pages import MaterialPage


def process_new_file(sender, instance, **kwargs):
    # A new file resets the status to pending (CustomDocument._set_document_file_metadata);
    # the task's own save sets it to something else, so it does not start itself again.
    if instance.extraction_status == ExtractionStatus.PENDING and instance.file:
        transaction.on_commit(partial(process_document.enqueue, instance.pk))


def reindex_materials(sender, instance, **kwargs):
    """The materials offering a file are searched with its text unless it requires login:
    re-index them when the file changes (new text, members-only ticked or cleared)."""
    for page in MaterialPage.objects.filter(files__document=instance).distinct():
        reindex_later(page)


def reindex_materials_of_collection(sender, instance, **kwargs):
    """A privacy setting added to or removed from a collection makes its files (and those
    of the collections below it) private or public again: re-index their materials."""
    collections = instance.collection.get_descendants(inclusive=True)
    pages = MaterialPage.objects.filter(files__document__collection__in=collections).distinct()
    for page in pages:
        reindex_later(page)


def reindex_materials_sharing_files(sender, instance, **kwargs):
    """Publishing or unpublishing a material can make its files private or public again
    (``CustomDocument.private_ids``): re-index the other materials offering them."""
    documents = instance.files.values("document")
    others = MaterialPage.objects.filter(files__document__in=documents).exclude(pk=instance.pk)
    for page in others.distinct():
        reindex_later(page)


def count_wagtail_download(sender, instance, request, **kwargs):
    if request.method == "GET":
        DownloadCount.record(instance)


def delete_later(field_file):
    """Delete a stored file once the deletion is committed, as Wagtail deletes a document's file."""
    storage, name = field_file.storage.deconstruct(), field_file.name
    transaction.on_commit(partial(delete_file_from_storage_task.enqueue, storage, name))


def delete_preview(sender, instance, **kwargs):
    """The preview goes with its document."""
    if instance.preview:
        delete_later(instance.preview)


def delete_old_version(sender, instance, **kwargs):
    """A deleted document's earlier files go with it: no one could fetch them any more."""
    if instance.file:
        delete_later(instance.file)
