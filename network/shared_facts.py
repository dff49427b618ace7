"""An activity's shared facts follow its source page into every translation on publish.

wagtail-localize copies the synchronised fields (``SHARED_FACTS``, places, schedules…) only
when an editor presses "Update translations", and the many-to-many fields (municipalities,
languages, stages…) never. A published source therefore writes them to each live translation
at once, and a published translation takes them back from the live source (its revision or
wagtail-localize's snapshot of the source may be older). Each translation's live row and its
latest revision get the same facts, so a translator's draft keeps its texts and a later
publish of it restores no old facts. The translated texts are never touched.
"""

from django.conf import settings
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail_localize.fields import copy_synchronised_fields


def copy_shared_facts(source, target):
    """``source``'s synchronised fields and many-to-many choices onto ``target`` (in
    memory). wagtail-localize leaves an emptied many-to-many field as it was: set here. It
    also counts a StreamField as synchronised (it lays the source's blocks down before a
    translator fills them in), which would put the source's description over the
    translated one: the target's StreamFields are kept."""
    texts = {
        field.name: getattr(target, field.name)
        for field in target._meta.concrete_fields
        if isinstance(field, StreamField)
    }
    copy_synchronised_fields(source, target)
    for name, value in texts.items():
        setattr(target, name, value)
    for field in source._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            setattr(target, field.name, list(getattr(source, field.name).all()))


def write_shared_facts(source, translation):
    """``source``'s facts into ``translation``'s live row and its latest revision."""
    copy_shared_facts(source, translation)
    # Unvalidated: a fee newly asked by the source waits for its translation.
    translation.save(clean=False)
    revision = translation.get_latest_revision()
    if revision is None:
        return
    draft = revision.as_object()
    copy_shared_facts(source, draft)
    revision.content = draft.serializable_data()
    revision.save(update_fields=["content"])


def published(sender, instance, **kwargs):
    """page_published: a source activity's facts go to its live translations; a published
    translation takes the live source's."""
    from network.models import ActivityPage

    if not isinstance(instance, ActivityPage):
        return
    pages = ActivityPage.objects.filter(translation_key=instance.translation_key).live()
    source = pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return
    if instance.pk == source.pk:
        translations = pages.exclude(pk=source.pk)
    else:
        translations = pages.filter(pk=instance.pk)
    for translation in translations:
        write_shared_facts(source, translation)
