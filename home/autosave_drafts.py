"""Pages Wagtail's autosave created that nobody went on with.

Wagtail 8's page editor autosaves a new page as soon as something is typed: its create view
gets a JSON request and adds the page to the tree, then the editor continues on the edit
view. An editor who leaves then has a never-published draft they may not know of, and its
slug makes their next try with the same title fail. Such a page is noted (``AutosaveDraft``)
until a person saves, submits or publishes it (a request for an HTML page, not autosave's
JSON); a noted page that is still unpublished, outside any workflow, without subpages and
open in no editor is *abandoned*:
- when its owner creates a page at its slug again, it is deleted first (``make_room``);
- after ``KEPT_FOR`` untouched, ``clean`` deletes it (``manage.py clean_autosave_drafts``,
  and hourly from the task worker)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction, DeletePagePermissionError
from wagtail.admin.models import EditingSession
from wagtail.models import Page, WorkflowState

from home.models import AutosaveDraft

# A week: Wagtail's editor said "Saved", so someone away for a few days finds their text.
KEPT_FOR = timedelta(days=7)
# Wagtail's editor pings its editing session every 10 s while the page is open.
OPEN_IF_SEEN_WITHIN = timedelta(minutes=1)


def is_autosave(request):
    """Whether ``request`` is Wagtail's autosave (it asks for JSON, as Wagtail checks)."""
    return not request.accepts("text/html")


def note(page):
    AutosaveDraft.objects.get_or_create(page=page)


def forget(page):
    AutosaveDraft.objects.filter(page=page).delete()


def removal_date(page):
    """The day ``clean`` deletes ``page`` if it stays as it is, for a page only autosave has
    saved (its note read with ``select_related("autosave_draft")``); None otherwise."""
    try:
        page.autosave_draft
    except AutosaveDraft.DoesNotExist:
        return None
    if page.live or page.first_published_at or page.numchild or page.locked:
        return None  # never deleted as abandoned (see ``abandoned``)
    changed = page.latest_revision_created_at or timezone.now()
    return timezone.localdate(changed + KEPT_FOR)


def abandoned(untouched_for):
    """Noted pages nobody has changed for ``untouched_for`` and nobody has open."""
    now = timezone.now()
    noted = Page.objects.filter(
        autosave_draft__isnull=False,
        live=False,
        first_published_at__isnull=True,
        numchild=0,
        latest_revision_created_at__lt=now - untouched_for,
        locked=False,
    )
    # Editing sessions and workflow states name pages by a text object_id, which PostgreSQL
    # does not compare with an integer key: they are read for the few noted pages only.
    ids = [str(pk) for pk in noted.values_list("pk", flat=True)]
    busy = {
        *EditingSession.objects.filter(
            object_id__in=ids, last_seen_at__gte=now - OPEN_IF_SEEN_WITHIN
        ).values_list("object_id", flat=True),
        *WorkflowState.objects.filter(object_id__in=ids).values_list("object_id", flat=True),
    }
    return noted.filter(pk__in=[int(pk) for pk in ids if pk not in busy])


def _delete(pages, user=None):
    """Delete ``pages`` through Wagtail's delete action (logged; with ``user``, only what
    Wagtail lets them delete), each checked again inside its transaction."""
    deleted = 0
    for page in pages:
        with transaction.atomic():
            still = abandoned(timedelta(0)).select_for_update(of=("self",)).filter(pk=page.pk)
            page = still.first()
            if page is None:
                continue
            try:
                DeletePageAction(page.specific, user=user).execute()
            except DeletePagePermissionError:
                continue
        deleted += 1
    return deleted


def make_room(user, parent, slug):
    """Delete ``user``'s abandoned draft at ``slug`` under ``parent``, so that the page they
    are creating again can have its slug."""
    drafts = abandoned(OPEN_IF_SEEN_WITHIN).child_of(parent).filter(owner=user, slug=slug)
    return _delete(drafts, user)


def clean():
    """Delete the drafts abandoned for ``KEPT_FOR``; return how many."""
    return _delete(abandoned(KEPT_FOR))
