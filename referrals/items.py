"""The pages of a referral list, each in the client's language where it is translated.

An id may be any language's version of a tray activity or a material. Only live, public pages
are listed (members-only materials neither: a client could not open their files), whatever ids
a cookie or link carries; each is shown in the client's language when a live translation
exists, else as it was added, marked with its own language. A material links to its public
file in the client's language, or names the languages it is available in. The number of
queries does not grow with the number of items."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.models import Locale

from materials.models import MaterialFile, MaterialPage
from materials.models.pages import mark_private_files
from network.models import ActivityPage
from network.models.activities import ActivityStatus, taking_part_prefetches
from network.models.organisations import attach_organisations

ACTIVITY, MATERIAL = "activity", "material"
MODELS = {ACTIVITY: ActivityPage, MATERIAL: MaterialPage}
PREFETCH = {
    ACTIVITY: ["municipalities", "regions", *taking_part_prefetches()],
    MATERIAL: [
        Prefetch("files", queryset=MaterialFile.objects.select_related("document__language"))
    ],
}


@dataclass
class Item:
    kind: str
    page: object
    language: str  # the language the page is written in
    translated: bool  # whether that is the client's language
    file: object = None  # a material's public file in the client's language
    other_files: list = field(default_factory=list)  # else its public files in other languages

    @property
    def direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"


def listable(model):
    """The pages of ``model`` a list may hold: live and public, no members-only materials,
    no paused or ended activities (the tray's own ``listed``)."""
    pages = model.objects.live().public().filter(alias_of__isnull=True)
    if model is MaterialPage:
        pages = pages.filter(members_only=False)
    if model is ActivityPage:
        pages = pages.listed()
    return pages


def offers_adding(page):
    """Whether ``page`` (live and shown) may go on a list, read from the page alone: the
    conditions of ``listable`` that a visitor's page can fail."""
    if isinstance(page, ActivityPage):
        return page.status == ActivityStatus.ACTIVE
    return isinstance(page, MaterialPage) and not page.members_only


def addable(page_id):
    """The live public activity or material with this id, or None."""
    for model in MODELS.values():
        page = listable(model).filter(pk=page_id).first()
        if page is not None:
            return page
    return None


def resolve(ids, language):
    """The items of the list ``ids`` (in that order, one per page whatever the languages it
    was added in) for a client reading ``language``."""
    locale = Locale.objects.filter(language_code=language).first()
    items = {}
    for kind, model in MODELS.items():
        added = list(listable(model).filter(pk__in=ids).select_related("locale"))
        if not added:
            continue
        translations = {}
        if locale is not None:
            translations = {
                page.translation_key: page
                for page in listable(model)
                .filter(locale=locale, translation_key__in={p.translation_key for p in added})
                .select_related("locale")
            }
        shown = [translations.get(page.translation_key, page) for page in added]
        prefetch_related_objects(shown, *PREFETCH[kind])
        attach_organisations(shown)
        for page, original in zip(shown, added):
            code = page.locale.language_code
            items[original.pk] = Item(kind, page, code, translated=code == language)
    listed, seen = [], set()
    for page_id in ids:
        item = items.get(page_id)
        if item is not None and item.page.translation_key not in seen:
            seen.add(item.page.translation_key)
            listed.append(item)
    _choose_files([item for item in listed if item.kind == MATERIAL], language)
    return listed


def _choose_files(items, language):
    """Each material's public file in ``language``, else its public files (one per language)."""
    files = mark_private_files(file for item in items for file in item.page.files.all())
    public = {}
    for file in files:
        if not file.locked:
            public.setdefault(file.material_id, []).append(file)
    for item in items:
        mine = public.get(item.page.pk, [])
        item.file = next(
            (f for f in mine if f.document.language and f.document.language.code == language),
            None,
        )
        if item.file is None:
            by_language = {}
            for f in mine:
                by_language.setdefault(f.document.language_id, f)
            item.other_files = list(by_language.values())
