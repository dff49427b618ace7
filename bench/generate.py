"""Bulk content for benchmarks: ``generate(n)`` adds n organisations and n blog posts.

The organisations go under the Finnish "jarjestot" index, the posts are spread
over them. Pages are created live without revisions by default (one save per
page, which is what makes this fast); pass ``revisions=True`` to publish each
page through a revision like the admin does. A second call adds n more: slugs
continue from the highest ``bench-org-<k>`` / ``bench-post-<k>`` already there.

As a script::

    python bench/generate.py --n 1000          # DJANGO_SETTINGS_MODULE defaults to cms.settings.dev
"""

import argparse
import datetime
import io
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ORG_SLUG = "bench-org-{}"
POST_SLUG = "bench-post-{}"
ACTIVITY_SLUG = "bench-activity-{}"
MATERIAL_SLUG = "bench-material-{}"
FILES_PER_MATERIAL = 2
INDEX_SLUG = "jarjestot"

TAG_POOL = [
    "kotoutuminen",
    "vertaistuki",
    "kielikerho",
    "ystävätoiminta",
    "perhetyö",
    "nuoret",
    "työllisyys",
    "vapaaehtoistoiminta",
    "koulutus",
    "järjestöyhteistyö",
    "liikunta",
    "mielenterveys",
    "äidit",
    "verkosto",
]
FIRST_NAMES = [
    "Aino",
    "Eero",
    "Helmi",
    "Juha",
    "Kaisa",
    "Leena",
    "Mikko",
    "Noora",
    "Olli",
    "Pirjo",
    "Sami",
    "Tiina",
    "Ville",
    "Amina",
    "Hassan",
    "Olena",
    "Dmitri",
    "Fatima",
    "Ahmed",
    "Sanna",
]
LAST_NAMES = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Saarinen",
    "Salminen",
    "Ali",
    "Kovalenko",
    "Mohamed",
]
ORG_KINDS = [
    "Kotoutumisyhdistys",
    "Monikulttuurinen yhdistys",
    "Kansalaisopisto",
    "Setlementti",
    "Nuorisoseura",
    "Perhekeskus",
    "Kumppanuustalo",
    "Ystävyysseura",
]
ORG_NAMES = [
    "Kaisla",
    "Mänty",
    "Sateenkaari",
    "Silta",
    "Majakka",
    "Kompassi",
    "Verso",
    "Tuuli",
    "Kajo",
    "Lähde",
    "Saari",
    "Pihlaja",
    "Kide",
    "Aalto",
    "Revontuli",
    "Niitty",
]
WORDS = [
    "kotoutuminen",
    "järjestö",
    "toiminta",
    "ryhmä",
    "vapaaehtoinen",
    "perhe",
    "lapsi",
    "nuori",
    "kieli",
    "suomi",
    "kurssi",
    "kerho",
    "ohjaus",
    "neuvonta",
    "tuki",
    "verkosto",
    "yhteistyö",
    "kunta",
    "palvelu",
    "asiakas",
    "ammattilainen",
    "kohtaaminen",
    "arki",
    "työ",
    "koulutus",
    "harrastus",
    "liikunta",
    "kokemus",
    "osallisuus",
    "yhteisö",
    "tapahtuma",
    "vertaistuki",
    "hanke",
    "malli",
    "menetelmä",
    "tieto",
    "materiaali",
    "opas",
    "tavoite",
    "tulos",
    "järjestämme",
    "tarjoamme",
    "kokoontuu",
    "tukee",
    "vahvistaa",
    "auttaa",
    "edistää",
    "kehittää",
    "kutsumme",
    "löytyy",
    "osallistui",
    "kertoo",
    "toivotamme",
    "voi",
    "uusi",
    "yhteinen",
    "paikallinen",
    "valtakunnallinen",
    "matalan",
    "kynnyksen",
    "avoin",
    "maksuton",
    "monikielinen",
    "tärkeä",
    "hyvä",
    "aktiivinen",
    "viikoittain",
    "yhdessä",
    "myös",
    "erityisesti",
    "kaikille",
    "jo",
    "vielä",
    "nyt",
    "kevään",
    "syksyn",
    "aikana",
    "kanssa",
    "kautta",
    "mukaan",
    "lisäksi",
    "sekä",
    "ja",
    "että",
    "mutta",
    "kun",
    "jossa",
]
TITLE_PATTERNS = [
    "{A} ja {B}",
    "Näin {a} tukee {b}",
    "{A} {b}n tukena",
    "Kokemuksia: {a} arjessa",
    "Uutta {a}ssa",
    "{A} – {b} ja {c}",
    "Miksi {a} kannattaa?",
    "{A} alkaa taas",
]


@dataclass
class Generated:
    """What one ``generate`` call made, and how long it took (seconds)."""

    organisations: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    materials: list = field(default_factory=list)
    seconds: float = 0.0
    index_seconds: float = 0.0  # search index updates (when run in-process)
    reference_index_seconds: float = 0.0  # Wagtail's reference index (when run in-process)
    extraction_seconds: float = 0.0  # text extraction of the material files (in-process task)

    @property
    def created(self):
        return (
            len(self.organisations) + len(self.posts) + len(self.activities) + len(self.materials)
        )

    @property
    def ms_per_page(self):
        return 1000 * self.seconds / self.created if self.created else 0.0


def _sentence(rng, low=6, high=14):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng):
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _title(rng):
    a, b, c = rng.sample(WORDS[:40], 3)
    return rng.choice(TITLE_PATTERNS).format(A=a.capitalize(), a=a, B=b, b=b, c=c)


def _body(rng, paragraphs):
    from wagtail.rich_text import RichText

    body = []
    for number in range(paragraphs):
        if number and rng.random() < 0.3:
            body.append(("heading", {"text": _title(rng), "level": "h2"}))
        body.append(("paragraph", RichText(f"<p>{_paragraph(rng)}</p>")))
    return body


def _next_number(queryset, pattern):
    """One more than the highest <k> in slugs matching ``pattern`` (a format with one {})."""
    prefix = pattern.split("{}")[0]
    regex = re.compile(re.escape(prefix) + r"(\d+)$")
    numbers = (
        regex.match(slug)
        for slug in queryset.filter(slug__startswith=prefix).values_list("slug", flat=True)
    )
    return max((int(match.group(1)) for match in numbers if match), default=0) + 1


class _TaskTimer:
    """Adds up how long the in-process background tasks (search and reference
    index updates, run by the immediate task backend) took, while connected."""

    def __init__(self):
        self.seconds = {}

    def __call__(self, sender, task_result, **kwargs):
        if task_result.started_at and task_result.finished_at:
            name = getattr(task_result.task.func, "__name__", str(task_result.task))
            spent = (task_result.finished_at - task_result.started_at).total_seconds()
            self.seconds[name] = self.seconds.get(name, 0.0) + spent

    def __enter__(self):
        from django_tasks.signals import task_finished

        task_finished.connect(self, dispatch_uid=id(self))
        return self

    def __exit__(self, *exc):
        from django_tasks.signals import task_finished

        task_finished.disconnect(dispatch_uid=id(self))

    def total(self, word):
        return sum(value for name, value in self.seconds.items() if word in name)


def _find_index(stdout=None):
    from django.core.management import call_command
    from wagtail.models import Locale

    from network.models import OrganisationIndexPage

    def lookup():
        return OrganisationIndexPage.objects.filter(
            slug=INDEX_SLUG, locale=Locale.get_default()
        ).first()

    index = lookup()
    if index is None:
        call_command("load_demo", stdout=stdout or io.StringIO())
        index = lookup()
        if index is None:
            raise RuntimeError(f'load_demo did not create the "{INDEX_SLUG}" page')
    return index


def _tags():
    from taggit.models import Tag

    return [Tag.objects.get_or_create(name=name)[0] for name in TAG_POOL]


def _save(parent, page, revisions):
    parent.add_child(instance=page)
    if revisions:
        page.save_revision().publish()
    return page


def generate(n, stdout=None, *, revisions=False, seed=None, activities=0, materials=0):
    """Add ``n`` OrganisationPages under the Finnish "jarjestot" index and ``n``
    BlogPages spread over them; return a ``Generated``.

    ``stdout``: anything with ``write`` for progress lines (default: silent).
    ``revisions``: publish every page through a revision (slower, like the admin);
    by default pages are saved live with first/last published dates and no revision.
    ``seed``: for the random content; defaults to the first new organisation number,
    so that the same database state always gives the same content.
    ``activities``: also add that many ActivityPages, spread over the new organisations
    (municipalities, stages, target groups and languages drawn at random).
    ``materials``: also add that many MaterialPages with two text files each, in random
    languages; each file's text is extracted by the usual background task.
    """
    from django.db import transaction
    from django.utils import timezone

    from network.models import BlogPage, OrganisationLevel, OrganisationPage, Region

    def log(message):
        if stdout is not None:
            stdout.write(message + "\n")

    result = Generated()
    if n <= 0:
        return result
    index = _find_index(stdout)
    started = time.perf_counter()
    with _TaskTimer() as timer, transaction.atomic():
        first_org = _next_number(OrganisationPage.objects.all(), ORG_SLUG)
        first_post = _next_number(BlogPage.objects.all(), POST_SLUG)
        rng = random.Random(first_org if seed is None else seed)
        regions = list(Region.objects.all())
        tags = _tags()
        now = timezone.now()
        today = timezone.localdate()
        levels = (
            [OrganisationLevel.NATIONAL]
            + [OrganisationLevel.REGIONAL] * 2
            + [OrganisationLevel.LOCAL] * 2
        )

        for offset in range(n):
            number = first_org + offset
            slug = ORG_SLUG.format(number)
            level = rng.choice(levels)
            if level == OrganisationLevel.NATIONAL or not regions:
                page_regions = []
            else:
                page_regions = rng.sample(
                    regions, 1 if level == OrganisationLevel.LOCAL else rng.randint(1, 3)
                )
            name = f"{rng.choice(ORG_KINDS)} {rng.choice(ORG_NAMES)} {number} ry"
            organisation = OrganisationPage(
                title=name,
                slug=slug,
                locale_id=index.locale_id,
                short_name=f"{name[:3].upper()}{number}",
                level=level,
                intro=_sentence(rng, 10, 20),
                description=_body(rng, rng.randint(1, 2)),
                website=f"https://{slug}.example.fi",
                contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                contact_email=f"info@{slug}.example.fi",
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            organisation.regions = page_regions
            result.organisations.append(_save(index, organisation, revisions))
        log(f"{n} organisations created ({time.perf_counter() - started:.2f} s)")

        # Spread posts unevenly: a few busy organisations, many with one or none.
        weights = [1 / (rank + 1) for rank in range(len(result.organisations))]
        owners = rng.choices(result.organisations, weights=weights, k=n)
        for offset, organisation in enumerate(owners):
            date = datetime.date(2015, 1, 1) + datetime.timedelta(
                days=rng.randrange((today - datetime.date(2015, 1, 1)).days + 1)
            )
            published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
            post = BlogPage(
                title=_title(rng),
                slug=POST_SLUG.format(first_post + offset),
                locale_id=organisation.locale_id,
                author_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                date=date,
                intro=_sentence(rng, 12, 24)[:600],
                body=_body(rng, rng.randint(3, 5)),
                live=True,
                first_published_at=published,
                last_published_at=now,
            )
            post.tags.set(rng.sample(tags, rng.randint(1, 3)))
            result.posts.append(_save(organisation, post, revisions))
        log(f"{n} blog posts created ({time.perf_counter() - started:.2f} s)")
        if activities:
            result.activities = _activities(activities, result.organisations, rng, revisions, now)
            log(f"{activities} activities created ({time.perf_counter() - started:.2f} s)")
        if materials:
            result.materials = _materials(materials, result.organisations, rng, revisions, now)
            log(
                f"{materials} materials with {materials * FILES_PER_MATERIAL} files created "
                f"({time.perf_counter() - started:.2f} s)"
            )

    result.seconds = time.perf_counter() - started
    result.index_seconds = timer.total("search") or timer.total("insert_or_update")
    result.reference_index_seconds = timer.total("reference")
    result.extraction_seconds = timer.total("process_document")
    return result


STREETS = [
    "Keskuskatu",
    "Kauppakatu",
    "Koulukatu",
    "Rantakatu",
    "Kirkkokatu",
    "Asemakatu",
    "Puistotie",
    "Torikatu",
    "Kirjastonkuja",
    "Sairaalantie",
]
PLACE_NAMES = ["kirjasto", "kumppanuustalo", "nuorisotalo", "seurakuntatalo", "kansalaisopisto"]
FEES = ["2 € / kerta", "5 € / kerta", "20 € / lukukausi", "Jäsenmaksu 10 € / vuosi"]
LANGUAGE_CODES = ["fi", "sv", "en", "ar", "so", "ru", "uk", "fa"]


def _places(rng, activity, municipalities):
    """1–3 places in the activity's municipalities (a street address and a postal code)."""
    from network.models import ActivityPlace

    places = []
    for municipality in rng.sample(municipalities, min(len(municipalities), rng.randint(1, 3))):
        places.append(
            ActivityPlace(
                name=f"{municipality.name}n {rng.choice(PLACE_NAMES)}"
                if rng.random() < 0.7
                else "",
                street_address=f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                postal_code=f"{rng.randint(100, 999)}{rng.randint(0, 9)}0",
                municipality=municipality,
                step_free=rng.choice(["unknown", "yes", "no"]),
            )
        )
    return places


def _schedules(rng, today):
    """0–2 valid times: weekly, every other week or monthly, from a recent date."""
    from network.models import ActivitySchedule

    schedules = []
    for _ in range(rng.choices([0, 1, 2], weights=[2, 6, 2])[0]):
        frequency = rng.choices(["weekly", "every_other_week", "monthly"], weights=[6, 2, 2])[0]
        hour = rng.randint(9, 18)
        schedule = ActivitySchedule(
            frequency=frequency,
            weekdays=rng.sample(["MO", "TU", "WE", "TH", "FR", "SA"], rng.randint(1, 2)),
            week_of_month=rng.choice([1, 2, 3, -1]) if frequency == "monthly" else None,
            start_time=datetime.time(hour, rng.choice([0, 30])),
            end_time=datetime.time(hour + rng.randint(1, 3), 0),
            valid_from=today - datetime.timedelta(days=rng.randint(0, 120)),
        )
        if rng.random() < 0.3:  # a season: September to May
            schedule.months_from, schedule.months_to = 9, 5
        schedule.full_clean(exclude=["activity"])
        schedules.append(schedule)
    return schedules


def _activities(count, organisations, rng, revisions, now):
    from home.models import Language
    from network.models import (
        ActivityCategory,
        ActivityPage,
        ActivityStatus,
        IntegrationStage,
        JoinMethod,
        Municipality,
        TargetGroup,
    )

    first = _next_number(ActivityPage.objects.all(), ACTIVITY_SLUG)
    locale_id = organisations[0].locale_id
    municipalities = list(Municipality.objects.all())
    stages = list(IntegrationStage.objects.filter(locale_id=locale_id))
    groups = list(TargetGroup.objects.filter(locale_id=locale_id))
    languages = list(Language.objects.filter(code__in=LANGUAGE_CODES))
    today = now.date()
    statuses = [ActivityStatus.ACTIVE] * 18 + [ActivityStatus.PAUSED, ActivityStatus.ENDED]
    created = []
    for offset in range(count):
        number = first + offset
        organisation = rng.choice(organisations)
        slug = ACTIVITY_SLUG.format(number)
        join_method = rng.choice(JoinMethod.values)
        free = rng.random() < 0.75
        activity = ActivityPage(
            title=_title(rng),
            slug=slug,
            locale_id=locale_id,
            intro=_sentence(rng, 10, 20),
            body=_body(rng, rng.randint(1, 3)),
            category=rng.choice(ActivityCategory.values),
            level=organisation.level,
            childcare=rng.random() < 0.3,
            online=rng.random() < 0.15,
            by_appointment=rng.random() < 0.1,
            free=free,
            fee="" if free else rng.choice(FEES),
            join_method=join_method,
            signup_url=f"https://{slug}.example.fi/ilmoittaudu" if join_method == "link" else "",
            contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            contact_email=f"{slug}@example.fi" if join_method == "email" else "",
            contact_phone=f"040 {rng.randint(1000000, 9999999)}" if join_method == "phone" else "",
            status=rng.choice(statuses),
            last_checked=today - datetime.timedelta(days=rng.randrange(730)),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        if rng.random() < 0.3:  # an age range for some: children, young people or adults
            activity.min_age, activity.max_age = rng.choice(
                [(None, 12), (13, 29), (18, None), (16, 64), (65, None)]
            )
        chosen = rng.sample(municipalities, rng.randint(1, 3))
        activity.municipalities = chosen
        activity.places = _places(rng, activity, chosen)
        if activity.by_appointment:
            activity.schedule = "Sovi aika ohjaajan kanssa."
            activity.schedules = []
        else:
            activity.schedules = _schedules(rng, today)
        activity.stages = rng.sample(stages, rng.randint(1, 2))
        activity.target_groups = rng.sample(groups, rng.randint(1, 3))
        spoken = rng.sample(languages, rng.randint(1, 3))
        activity.languages = spoken
        others = [language for language in languages if language not in spoken]
        activity.interpretation_languages = (
            rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.3 else []
        )
        created.append(_save(organisation, activity, revisions))
    return created


def _materials(count, organisations, rng, revisions, now):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from home.models import Language
    from materials.models import Audience, MaterialFile, MaterialPage, MaterialType, Topic

    Document = get_document_model()
    first = _next_number(MaterialPage.objects.all(), MATERIAL_SLUG)
    locale_id = organisations[0].locale_id
    topics = list(Topic.objects.filter(locale_id=locale_id))
    audiences = list(Audience.objects.filter(locale_id=locale_id))
    languages = list(
        Language.objects.filter(code__in=["fi", "sv", "en", "ar", "so", "ru", "uk", "fa"])
    )
    created = []
    for offset in range(count):
        number = first + offset
        organisation = rng.choice(organisations)
        files = []
        for language in rng.sample(languages, FILES_PER_MATERIAL):
            document = Document(title=f"{_title(rng)} ({language.code})", language=language)
            text = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 6)))
            document.file.save(
                f"bench-{number}-{language.code}.txt", ContentFile(text.encode()), save=False
            )
            document.save()
            files.append(MaterialFile(document=document))
        material = MaterialPage(
            title=_title(rng),
            slug=MATERIAL_SLUG.format(number),
            locale_id=locale_id,
            intro=_sentence(rng, 10, 20),
            body=_body(rng, rng.randint(1, 3)),
            material_type=rng.choice(MaterialType.values),
            year=rng.randint(2010, 2026),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        material.topics = rng.sample(topics, rng.randint(1, 2))
        material.audiences = rng.sample(audiences, rng.randint(1, 2))
        material.files = files
        created.append(_save(organisation, material, revisions))
    return created


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, default=1000, help="organisations and blog posts to add (each)"
    )
    parser.add_argument(
        "--revisions", action="store_true", help="publish each page through a revision"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--activities", type=int, default=0, help="activities to add (tray benchmark)"
    )
    parser.add_argument("--materials", type=int, default=0, help="materials to add, two files each")
    args = parser.parse_args(argv)

    from django.db import connection

    started = time.perf_counter()
    result = generate(
        args.n,
        stdout=sys.stdout,
        revisions=args.revisions,
        seed=args.seed,
        activities=args.activities,
        materials=args.materials,
    )
    elapsed = time.perf_counter() - started
    print(
        f"Created {result.created} pages ({len(result.organisations)} organisations, "
        f"{len(result.posts)} blog posts, {len(result.activities)} activities, "
        f"{len(result.materials)} materials) in {result.seconds:.2f} s "
        f"= {result.ms_per_page:.1f} ms/page [{connection.vendor}, "
        f"{'with' if args.revisions else 'without'} revisions]"
    )
    print(
        f"  of which search index updates {result.index_seconds:.2f} s, "
        f"reference index {result.reference_index_seconds:.2f} s, "
        f"file text extraction {result.extraction_seconds:.2f} s (run in-process on each save)"
    )
    if elapsed - result.seconds > 0.5:
        print(f"  plus {elapsed - result.seconds:.2f} s setting up (load_demo, tag pool)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench._setup import setup_django

    setup_django()
    main()
