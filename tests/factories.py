"""Small builders for what a test relies on, so that the test says it.

The test database holds what ``migrate`` makes (locales, languages, places, taxonomies,
the coordinators and translators and the review workflow) and no content: a test builds
the site skeleton, organisations, people and pages it needs here, naming only the fields
it cares about (the rest get plain defaults). Pages are published unless ``live=False``.
The demo content is there only for tests that ask for the ``demo_site`` fixture.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from materials.models import MaterialIndexPage, MaterialPage
from network.models import (
    ActivityIndexPage,
    ActivityPage,
    BlogIndexPage,
    BlogPage,
    EventIndexPage,
    EventPage,
    OrganisationIndexPage,
    OrganisationLevel,
    OrganisationPage,
)
from network.onboarding import provide_access
from network.roles import COORDINATORS

PASSWORD = "Salasana-2026"
SECTIONS = {
    OrganisationIndexPage: "jarjestot",
    BlogIndexPage: "blogi",
    EventIndexPage: "tapahtumat",
    ActivityIndexPage: "toiminta",
    MaterialIndexPage: "materiaalipankki",
}
_numbers = itertools.count(1)


def _slug(parent, title):
    """The title as a slug, numbered when a sibling has it already."""
    slug = slugify(title)[:50] or "page"
    if parent.get_children().filter(slug=slug).exists():
        slug = f"{slug}-{next(_numbers)}"
    return slug


def publish(page, live=True):
    """A revision of ``page`` as it is in memory, published when ``live``. Its number of
    children is read again first: publishing saves the whole page, and a count kept from
    before children were added would break the tree."""
    page.refresh_from_db(fields=["numchild"])
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def add(parent, model, title, *, live=True, **fields):
    """A page of ``model`` under ``parent`` (in the parent's language)."""
    fields.setdefault("slug", _slug(parent, title))
    many = {
        name: fields.pop(name)
        for name in list(fields)
        if model._meta.get_field(name).many_to_many or name == "tags"
    }
    page = model(title=title, locale=parent.locale, live=live, **fields)
    parent.add_child(instance=page)
    for name, values in many.items():
        getattr(page, name).set(values)
    if many:
        page.save()  # as the admin does: the revision records the saved rows (copy needs them)
    return publish(page, live)


def home(language="fi"):
    """The site's home page in ``language``: the default site's root, in the source
    language, with a translation for each other language asked for."""
    source = HomePage.objects.filter(depth=2, locale__language_code="fi").first()
    if source is None:
        site = Site.objects.get(is_default_site=True)
        welcome = site.root_page
        source = HomePage(title="Tarjotin", slug="tarjotin")
        Page.get_first_root_node().add_child(instance=source)
        publish(source)
        site.root_page = source
        site.site_name = "Tarjotin"
        site.save()
        if welcome.pk != source.pk and not welcome.get_children().exists():
            welcome.delete()
    return translation(source, language)


def translation(page, language, **fields):
    """``page`` in ``language`` (its parents translated first), published, or the one that
    exists."""
    page = page.specific
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if parent.depth > 1:
        translation(parent, language)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


def section(model, language="fi", **fields):
    """The site's index page of ``model`` (the organisations, blog, events, activity tray or
    materials bank) in ``language``."""
    source_home = home()
    source = model.objects.filter(locale=source_home.locale).first()
    if source is None:
        fields.setdefault("slug", SECTIONS[model])
        source = add(source_home, model, model._meta.verbose_name.capitalize(), **fields)
    return translation(source, language)


def standard_page(title="Ohje", *, parent=None, **fields):
    return add(parent or home(), StandardPage, title, **fields)


def organisation(title="Järjestö", *, level=OrganisationLevel.NATIONAL, **fields):
    """An organisation page with its collection and editor group (as onboarding makes them).
    A title already taken gets a number: an organisation's collection and group go by its
    name, and onboarding refuses a second organisation of the same name."""
    if OrganisationPage.objects.filter(title=title).exists():
        title = f"{title} {next(_numbers)}"
    page = add(section(OrganisationIndexPage), OrganisationPage, title, level=level, **fields)
    provide_access(page)
    return page


def blog_post(organisation, title="Blogikirjoitus", **fields):
    section(BlogIndexPage)
    fields.setdefault("author_name", "Kirjoittaja")
    fields.setdefault("intro", f"Johdanto: {title}")
    fields.setdefault("body", [("paragraph", f"<p>{title}</p>")])
    return add(organisation, BlogPage, title, **fields)


def event(organisation, title="Verkostotapaaminen", *, start=None, hours=2, **fields):
    """An event starting at ``start`` (a week from now by default)."""
    section(EventIndexPage)
    start = start or timezone.now() + datetime.timedelta(days=7)
    fields.setdefault("intro", f"Johdanto: {title}")
    return add(
        organisation,
        EventPage,
        title,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **fields,
    )


def activity(organisation, title="Kielikahvila", **fields):
    section(ActivityIndexPage)
    fields.setdefault("intro", f"Kuvaus: {title}")
    fields.setdefault("category", "support")
    if "level" not in fields:  # the parent may be an ordinary page inside an organisation
        fields["level"] = organisation.level
    return add(organisation, ActivityPage, title, **fields)


def material(organisation, title="Opas", **fields):
    section(MaterialIndexPage)
    fields.setdefault("intro", f"Tiivistelmä: {title}")
    fields.setdefault("material_type", "guide")
    return add(organisation, MaterialPage, title, **fields)


def user(username, *groups, **fields):
    """A user with the password ``PASSWORD`` in ``groups`` (names or groups)."""
    person = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **fields
    )
    for group in groups:
        person.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    return person


def editor(organisation, username=None):
    """A member of ``organisation``'s editor group."""
    return user(username or f"editor-{organisation.slug}", provide_access(organisation).group)


def coordinator(username="coordinator"):
    """A network coordinator: a reviewer who publishes every page."""
    return user(username, COORDINATORS)


def onboarded(title="Järjestö", **fields):
    """An organisation as onboarding leaves it (``network.onboarding.Onboarded``): its page,
    collection and editor group, for tests about what its editors may reach."""
    return provide_access(organisation(title, **fields))


def document(title="Opas", language=None, *, name=None, data=None, **fields):
    """A document (file) in the root collection, written in ``language`` (a ``home.Language``
    code) when given: a one-page PDF showing its title unless ``data`` is given (with its
    file ``name``)."""
    from django.core.files.base import ContentFile

    from demo.sample_files import make_pdf
    from home.models import Language
    from materials.models import CustomDocument

    if language is not None:
        fields["language"] = Language.objects.get(code=language)
    return CustomDocument.objects.create(
        title=title,
        file=ContentFile(data or make_pdf(title, []), name=name or f"{slugify(title)}.pdf"),
        **fields,
    )


def files(*documents):
    """``documents`` as a material's files (``material(..., files=files(...))``), in order."""
    from materials.models import MaterialFile

    return [MaterialFile(document=item, sort_order=i) for i, item in enumerate(documents)]


def material_with_files(organisation, title="Opas", languages=("fi",), **fields):
    """A material with one file in each of ``languages``, in that order."""
    fields["files"] = files(*(document(f"{title} ({code})", code) for code in languages))
    return material(organisation, title, **fields)


def footer_text(language="fi", **fields):
    """The footer's texts in ``language`` (the network's name and the footer text)."""
    from home.models import FooterText

    fields.setdefault("organisation_name", "Verkosto")
    fields.setdefault("body", "<p>Alatunniste</p>")
    return FooterText.objects.create(locale=Locale.objects.get(language_code=language), **fields)


def blog_post_form(action="action-publish", *, title="Uutinen", **fields):
    """What the admin's blog post form sends, built with Wagtail's
    ``wagtail.test.utils.form_data``: ``action`` is the button pressed (``action-draft``,
    ``action-submit``, ``action-publish``); ``fields`` replace or add form fields by their
    names in the form (``image``, ``body-0-value``…)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "author_name": "Kirjoittaja",
            "date": "2026-11-01",
            "intro": "Johdanto",
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>Teksti</p>"))]),
            action: action,
        }
    )
    data.update(fields)
    return data


def place(municipality="Kemi", **fields):
    """An activity's place (``activity(..., places=[place(...)])``) in ``municipality`` (a
    name)."""
    from network.models import ActivityPlace, Municipality

    return ActivityPlace(municipality=Municipality.objects.get(name=municipality), **fields)


def kemi_library(**fields):
    """The place of the tests' mothers' group: Kemi's library, step-free."""
    return place(
        "Kemi",
        **{
            "name": "Kemin kaupunginkirjasto",
            "street_address": "Marina Takalon katu 3",
            "postal_code": "94100",
            "step_free": "yes",
            **fields,
        },
    )


def schedule(activity, *, weekdays=("TU",), start="17:00", end="19:00", valid_from=None, **fields):
    """A time of ``activity`` (weekly, Tuesdays 17–19 from today unless told), published with
    it. ``fields`` are ``ActivitySchedule`` fields (``frequency``, ``until``, ``months_from``,
    ``exceptions`` as the editor types them…)."""
    from network.models import ActivitySchedule

    item = ActivitySchedule(
        weekdays=list(weekdays),
        start_time=datetime.time.fromisoformat(start),
        end_time=datetime.time.fromisoformat(end),
        valid_from=valid_from or timezone.localdate(),
        **fields,
    )
    item.full_clean(exclude=["activity"])
    activity.schedules.add(item)
    publish(activity)
    return ActivitySchedule.objects.filter(activity=activity).order_by("sort_order", "pk").last()


def schedule_form(**fields):
    """One time as the admin's "When" inline sends it (weekly, Tuesdays 17–19 from
    1.9.2026); ``fields`` replace its fields by name."""
    return {
        "frequency": "weekly",
        "week_of_month": "",
        "weekdays": ["TU"],
        "start_time": "17:00",
        "end_time": "19:00",
        "valid_from": "2026-09-01",
        "until": "",
        "months_from": "",
        "months_to": "",
        "exceptions": "",
        **fields,
    }


def activity_form(
    action="action-publish", *, title="Kielikahvila", places=(), schedules=(), **fields
):
    """What the admin's activity form sends (``blog_post_form`` says how): a free local
    activity with no registration, ``places`` (dicts of a place's form fields) in the "Where"
    inline and ``schedules`` (``schedule_form`` items, with their ``id`` when they exist) in
    the "When" inline, ``action`` the button pressed. ``fields`` replace or add form fields by
    their names; None leaves a field out (an unticked checkbox)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    schedules = [dict(item) for item in schedules]
    saved = sum(1 for item in schedules if item.get("id"))
    # checkboxes send a list, which nested_form_data would number as subfields
    weekdays = {f"schedules-{i}-weekdays": item.pop("weekdays") for i, item in enumerate(schedules)}
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "intro": f"Kuvaus: {title}",
            "category": "support",
            "level": "local",
            "join_method": "none",
            "free": "on",
            "status": "active",
            "tags": "",
            "body": streamfield([]),
            "places": inline_formset(list(places)),
            "schedules": inline_formset(schedules, initial=saved),
            action: action,
        }
    )
    data.update(weekdays)
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}
