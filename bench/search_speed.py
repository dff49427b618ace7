"""Search speed on generated data: search page p50/p95, autocomplete p95, full
``update_index`` time, and the cost of publishing one page with a small and a large index.

One run, on the backend the settings select (``SEARCH_URL``, ``DATABASE_URL``):

1. migrates and loads the demo site when missing, adds one material page (two files)
   used for the publishing timings, rebuilds the index (about a hundred objects) and
   times publishing that page (``save_revision().publish()``, index update included);
2. generates ``--n`` pages and ``--n`` files (default 10,000 each) with search indexing
   and the reference index switched off: organisations, blog posts and material pages
   with two documents each whose ``extracted_text`` is filled in directly (status done,
   no extraction run), in Finnish, Swedish and English text recombined from the source
   texts (``--seeds``) and the search development passages (``--passages``);
3. times the full ``update_index`` (seconds and objects per second);
4. times publishing the same page again, now with the full index, and on PostgreSQL
   vacuums and analyses the index table (``settle``) so that autovacuum does not do it
   while searches are timed;
5. times the search page (``/fi/search/?q=``) for a fixed set of queries and the
   autocomplete (``/fi/search/autocomplete/?q=``) through the WSGI application, called
   as a server calls it (``cms.wsgi``), in a new process started as a server starts one;
6. prints the figures and appends them as one JSON line to ``bench/out/search_speed.jsonl``.

``--report`` prints every recorded run side by side instead. Use a new, empty scratch
database for each run (the generated pages stay there; ``--reuse`` measures again on a
database that already has them, without generating or the small-index step).

    DATABASE_URL=sqlite:////tmp/speed.sqlite3 python bench/search_speed.py
    DATABASE_URL=sqlite:////tmp/quick.sqlite3 python bench/search_speed.py --n 1000 --repeat 10
    python bench/search_speed.py --report
"""

import argparse
import contextlib
import datetime
import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import percentile, table  # noqa: E402
from bench._setup import ROOT, setup_django  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "search_speed.jsonl"
SHARED = ROOT.parent / "shared"
SLUG = "speed-{}-{}"  # speed-org-1, speed-post-1, speed-material-1
PUBLISH_ORG_SLUG = "speed-publish-org"
PUBLISH_SLUG = "speed-publish"
WARMUP = 2
PUBLISH_WARMUP, PUBLISH_REPEAT = 3, 15
BATCH = 500
FALLBACK_CHUNK_SIZE = 400

# (kind, query) on the Finnish search page.
QUERIES = [
    ("common", "kotoutuminen"),
    ("common", "perhe"),
    ("common", "järjestöt"),
    ("inflected", "maahanmuuttajille"),
    ("inflected", "äitien"),
    ("inflected", "vapaaehtoisten"),
    ("rare", "Womento"),
    ("rare", "Keminmaa"),
    ("compound", "ryhmäohjaus"),
    ("two words", "lasten kasvatus"),
    ("two words", "Perhe Yhtenäiseksi"),
    ("three words", "järjestöjen yhteistyö kotoutumisessa"),
    ("typo", "mentorinti"),
    ("typo", "turvapaikahakijat"),
    ("no accent", "vaestoliitto"),
    ("no result", "ksylofonikvartetti"),
]
AUTOCOMPLETE = ["k", "kot", "perh", "maahanm", "järj", "vapaaeh", "ryhmä oh", "tyo"]

# Targets of the issue (item 9), ms and seconds.
SEARCH_P95_TARGET = {"sqlite": 150, "postgresql": 100, "opensearch": 100, "elasticsearch": 100}
AUTOCOMPLETE_P95_TARGET = 50
REINDEX_TARGET_S = 120
PUBLISH_RATIO_TARGET = 0.20

# Sentences with these words are kept out of the common pool and drawn rarely, so
# that the "rare" queries match a few dozen objects at full size.
RARE_WORDS = ("womento", "keminmaa")
RARE_SHARE = 0.0002

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def peak_rss_mb():
    """This process's peak resident memory in MiB (Linux's VmHWM: ``ru_maxrss`` would
    also count what the process that started it used before ``exec``)."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- text -----------------------------------------------------------------------------


class Corpus:
    """Sentences per language from the source texts, drawn with Zipf-like weights (a few
    sentences are everywhere, most are rare), with Finnish compounds made up on the way
    so that the vocabulary keeps growing like a real site's does."""

    def __init__(self, seeds, passages, rng):
        self.rng = rng
        sentences = {"fi": [], "sv": [], "en": []}
        for path in sorted(Path(seeds).glob("*.txt")):
            sentences["fi"] += self._split(path.read_text(encoding="utf-8"))
        for line in Path(passages).read_text(encoding="utf-8").splitlines():
            if line.strip():
                passage = json.loads(line)
                sentences.setdefault(passage["lang"], []).extend(self._split(passage["body"]))
        self.sentences, self.weights = {}, {}
        self.rare = sorted(
            {text for text in sentences["fi"] if any(word in text.lower() for word in RARE_WORDS)}
        )
        sentences["fi"] = [text for text in sentences["fi"] if text not in self.rare]
        for language, found in sentences.items():
            unique = sorted(set(found))
            if not unique:
                continue
            rng.shuffle(unique)
            self.sentences[language] = unique
            self.weights[language] = [1 / (rank + 1) ** 0.7 for rank in range(len(unique))]
        if "fi" not in self.sentences:
            raise SystemExit(f"No Finnish source text found in {seeds}.")
        self.nouns = sorted(
            {
                word.lower()
                for text in self.sentences["fi"]
                for word in WORD.findall(text)
                if 4 <= len(word) <= 10
            }
        )

    @staticmethod
    def _split(text):
        parts = (" ".join(part.split()) for part in SENTENCE_END.split(text))
        return [part for part in parts if 4 <= len(part.split()) <= 40]

    def language(self, wanted):
        return wanted if wanted in self.sentences else "fi"

    def sentence(self, language):
        language = self.language(language)
        if language == "fi" and self.rare and self.rng.random() < RARE_SHARE:
            return self.rng.choice(self.rare)
        sentence = self.rng.choices(self.sentences[language], weights=self.weights[language])[0]
        if language == "fi" and self.rng.random() < 0.3:
            words = sentence.split()
            position = self.rng.randrange(len(words))
            words[position] = self.rng.choice(self.nouns) + self.rng.choice(self.nouns)
            sentence = " ".join(words)
        return sentence

    def paragraph(self, language, low=3, high=6):
        return " ".join(self.sentence(language) for _ in range(self.rng.randint(low, high)))

    def text(self, language, low, high):
        return "\n\n".join(self.paragraph(language) for _ in range(self.rng.randint(low, high)))

    def title(self, language):
        words = WORD.findall(self.sentence(language))
        start = self.rng.randrange(max(1, len(words) - 3))
        title = " ".join(words[start : start + self.rng.randint(3, 7)])
        return title[:1].upper() + title[1:]

    def intro(self, language):
        return " ".join(self.sentence(language) for _ in range(2))[:600]

    def body(self, language, low, high):
        from wagtail.rich_text import RichText

        blocks = []
        for number in range(self.rng.randint(low, high)):
            if number and self.rng.random() < 0.3:
                blocks.append(("heading", {"text": self.title(language)[:120], "level": "h2"}))
            blocks.append(("paragraph", RichText(f"<p>{self.paragraph(language)}</p>")))
        return blocks

    def file_text(self, language):
        """Extracted text of one file: mostly a few pages, one in ten a long booklet."""
        if self.rng.random() < 0.1:
            return self.text(language, 20, 40)
        return self.text(language, 2, 6)


# --- generating -----------------------------------------------------------------------


@contextlib.contextmanager
def indexing_suspended():
    """No search index or reference index updates on save while inside (the search
    signal handlers are disconnected, as the index is rebuilt afterwards anyway)."""
    from django.db.models.signals import post_delete, post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    disconnected = []
    for model in models:
        if post_save.disconnect(post_save_signal_handler, sender=model):
            disconnected.append(model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


def _documents(corpus, rng, languages, count, number, now):
    """``count`` documents with extracted text, inserted in one statement (no file on
    disk, no extraction task: ``bulk_create`` sends no signals)."""
    from wagtail.documents import get_document_model

    from materials.models.documents import ExtractionStatus

    Document = get_document_model()
    weights = [7 if language.code == "fi" else 1.5 for language in languages]
    documents = []
    for position in range(count):
        language = rng.choices(languages, weights=weights)[0]
        code = corpus.language(language.code)
        name = f"{SLUG.format('file', number)}-{position}.txt"
        documents.append(
            Document(
                title=f"{corpus.title(code)[:200]} ({language.code})",
                file=f"documents/{name}",
                file_size=0,
                language=language,
                checksum=f"{hash((number, position)) & (2**64 - 1):064x}"[:64],
                extracted_text=corpus.file_text(code),
                extraction_status=ExtractionStatus.DONE,
                created_at=now,
            )
        )
    return Document.objects.bulk_create(documents)


def _material(corpus, rng, parent, number, files, taxonomies, now):
    from materials.models import MaterialFile, MaterialPage, MaterialType

    topics, audiences, languages = taxonomies
    page = MaterialPage(
        title=corpus.title("fi")[:200],
        slug=SLUG.format("material", number) if number else PUBLISH_SLUG,
        locale_id=parent.locale_id,
        intro=corpus.intro("fi"),
        body=corpus.body("fi", 1, 3),
        material_type=rng.choice(MaterialType.values),
        year=rng.randint(2010, 2026),
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    page.topics = rng.sample(topics, min(len(topics), rng.randint(1, 2)))
    page.audiences = rng.sample(audiences, min(len(audiences), rng.randint(1, 2)))
    page.files = [
        MaterialFile(document=document)
        for document in _documents(corpus, rng, languages, files, number, now)
    ]
    parent.add_child(instance=page)
    return page


def _organisation(corpus, rng, index, slug, now):
    from network.models import OrganisationLevel, OrganisationPage

    name = corpus.title("fi")[:200]
    page = OrganisationPage(
        title=name,
        slug=slug,
        locale_id=index.locale_id,
        short_name=slug[-20:],
        level=rng.choice(OrganisationLevel.values),
        intro=corpus.intro("fi"),
        description=corpus.body("fi", 1, 2),
        website=f"https://{slug}.example.fi",
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    index.add_child(instance=page)
    return page


def _taxonomies(locale_id):
    from home.models import Language
    from materials.models import Audience, Topic

    return (
        list(Topic.objects.filter(locale_id=locale_id)),
        list(Audience.objects.filter(locale_id=locale_id)),
        list(Language.objects.filter(code__in=["fi", "sv", "en"])),
    )


def publish_page(corpus, rng, stdout):
    """The material page whose publishing is timed (created once, indexed normally)."""
    from django.utils import timezone

    from bench.generate import _find_index
    from materials.models import MaterialPage
    from network.models import OrganisationPage

    page = MaterialPage.objects.filter(slug=PUBLISH_SLUG).first()
    if page is not None:
        return page
    index = _find_index(stdout)
    now = timezone.now()
    organisation = OrganisationPage.objects.filter(slug=PUBLISH_ORG_SLUG).first() or _organisation(
        corpus, rng, index, PUBLISH_ORG_SLUG, now
    )
    return _material(corpus, rng, organisation, 0, 2, _taxonomies(index.locale_id), now)


def generate(n_pages, n_files, corpus, rng, log):
    """Add ``n_pages`` pages (a twentieth organisations, material pages for the files,
    the rest blog posts) and ``n_files`` documents, without indexing; returns the counts."""
    from django.db import transaction
    from django.utils import timezone

    from bench.generate import _find_index, _tags
    from network.models import BlogPage

    index = _find_index()
    now = timezone.now()
    today = timezone.localdate()
    materials = max(0, n_files // 2)
    organisations = max(1, n_pages // 20)
    posts = max(0, n_pages - organisations - materials)
    taxonomies = _taxonomies(index.locale_id)
    tags = _tags()
    started = time.perf_counter()
    with indexing_suspended():
        with transaction.atomic():
            created_orgs = [
                _organisation(corpus, rng, index, SLUG.format("org", number), now)
                for number in range(1, organisations + 1)
            ]
        log(f"  {organisations} organisations ({time.perf_counter() - started:.1f} s)")
        owners_weights = [1 / (rank + 1) ** 0.5 for rank in range(len(created_orgs))]
        for first in range(1, posts + 1, BATCH):
            with transaction.atomic():
                for number in range(first, min(posts, first + BATCH - 1) + 1):
                    parent = rng.choices(created_orgs, weights=owners_weights)[0]
                    date = today - datetime.timedelta(days=rng.randrange(3650))
                    post = BlogPage(
                        title=corpus.title("fi")[:200],
                        slug=SLUG.format("post", number),
                        locale_id=parent.locale_id,
                        author_name="Bench",
                        date=date,
                        intro=corpus.intro("fi"),
                        body=corpus.body("fi", 3, 6),
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                    post.tags.set(rng.sample(tags, rng.randint(1, 3)))
                    parent.add_child(instance=post)
            log(
                f"  {min(posts, first + BATCH - 1)}/{posts} blog posts "
                f"({time.perf_counter() - started:.1f} s)"
            )
        for first in range(1, materials + 1, BATCH):
            with transaction.atomic():
                for number in range(first, min(materials, first + BATCH - 1) + 1):
                    parent = rng.choices(created_orgs, weights=owners_weights)[0]
                    files = 2 if number <= n_files // 2 else 1
                    _material(corpus, rng, parent, number, files, taxonomies, now)
            log(
                f"  {min(materials, first + BATCH - 1)}/{materials} materials "
                f"({time.perf_counter() - started:.1f} s)"
            )
        extra_files = n_files - 2 * materials
        if extra_files:  # an odd n: one more file on the first material
            from materials.models import MaterialFile, MaterialPage

            first_material = MaterialPage.objects.get(slug=SLUG.format("material", 1))
            for document in _documents(corpus, rng, taxonomies[2], extra_files, 0, now):
                MaterialFile.objects.create(material=first_material, document=document)
    return {
        "organisations": organisations,
        "posts": posts,
        "materials": materials,
        "files": n_files,
        "seconds": time.perf_counter() - started,
    }


# --- measuring ------------------------------------------------------------------------


def indexed_objects():
    """Objects a full ``update_index`` indexes (every indexed model's own objects)."""
    from modelsearch import index

    return sum(model.get_indexed_objects().count() for model in index.get_indexed_models())


def reindex(chunk_size=None):
    """Seconds of a full ``update_index`` (``chunk_size``: its ``--chunk_size``)."""
    from django.core.management import call_command

    options = {"chunk_size": chunk_size} if chunk_size else {}
    started = time.perf_counter()
    call_command("update_index", stdout=io.StringIO(), **options)
    return time.perf_counter() - started


def full_reindex(chunk_size, log):
    """(seconds, chunk size used, note). On SQLite, Django 5.2 prefetches a foreign key
    (``files__document``) with ``id = 1 OR id = 2 OR …``, which fails past about a
    thousand documents per chunk ("Expression tree is too large"); the rebuild is then
    retried with chunks of FALLBACK_CHUNK_SIZE and the failure is recorded."""
    from django.db import OperationalError

    try:
        return reindex(chunk_size), chunk_size, None
    except OperationalError as error:
        if (
            "Expression tree is too large" not in str(error)
            or (chunk_size or 1000) <= FALLBACK_CHUNK_SIZE
        ):
            raise
        note = (
            f"update_index with chunk size {chunk_size or 'default (1000)'} failed: {error}; "
            f"timed again with --chunk_size {FALLBACK_CHUNK_SIZE}"
        )
        log(f"  {note}")
        return reindex(FALLBACK_CHUNK_SIZE), FALLBACK_CHUNK_SIZE, note


def time_publish(page):
    """p50 of ``save_revision().publish()`` of ``page`` (its intro alternates between two
    texts of the same length) in ms, and the share of it spent in the search index task."""
    from bench.generate import _TaskTimer
    from materials.models import MaterialPage

    page = MaterialPage.objects.get(pk=page.pk)
    base = page.intro.rstrip(" 01")
    times, index_times = [], []
    for number in range(PUBLISH_WARMUP + PUBLISH_REPEAT):
        page.intro = f"{base} {number % 2}"
        with _TaskTimer() as timer:
            started = time.perf_counter()
            page.save_revision().publish()
            elapsed = time.perf_counter() - started
        if number >= PUBLISH_WARMUP:
            times.append(1000 * elapsed)
            index_times.append(1000 * (timer.total("search") or timer.total("insert_or_update")))
    return {
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
        "index_p50": percentile(index_times, 0.5),
    }


def time_get(application, path, params, repeat):
    """Time ``repeat`` GET requests (after WARMUP) through ``application`` called as a WSGI
    server calls it: the request signals run, so database connections are handled as in
    production (Django's test client keeps them open whatever the settings say, and
    records every rendered template's context). The queries of one more request are
    counted apart, so that recording them costs the timed requests nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(params),
            "HTTP_HOST": "localhost",
        }
        setup_testing_defaults(environ)
        statuses = []
        response = application(
            environ, lambda status, headers: statuses.append(int(status.split()[0]))
        )
        try:
            body = b"".join(response)
        finally:
            # as a server does: the request_finished signal handles the connections
            response.close()
        return statuses[0], body

    for _ in range(WARMUP):
        get()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        status, body = get()
        times.append(1000 * (time.perf_counter() - started))
    with CaptureQueriesContext(connection) as captured:
        get()
    return {
        "status": status,
        "times": times,
        "queries": len(captured.captured_queries),
        "body": body,
    }


def hits(text):
    from django.utils import translation

    from search.site_search import SiteSearch
    from search.visible_pages import VisiblePages

    with translation.override("fi"):
        site_search = SiteSearch(text, {}, "fi", VisiblePages())
        return site_search.narrowed(site_search.base()).search(text).count()


def measure_search(repeat, log):
    from cms.wsgi import application  # the process set up as the WSGI server sets it up (gc.freeze)

    rows, all_times = [], []
    for kind, text in QUERIES:
        result = time_get(application, "/fi/search/", {"q": text}, repeat)
        all_times += result["times"]
        rows.append(
            {
                "kind": kind,
                "q": text,
                "status": result["status"],
                "hits": hits(text),
                "queries": [result["queries"], result["queries"]],
                "p50": percentile(result["times"], 0.5),
                "p95": percentile(result["times"], 0.95),
            }
        )
        log(f"  {text!r}: p50 {rows[-1]['p50']:.0f} ms")
    auto_times, auto_rows = [], []
    for text in AUTOCOMPLETE:
        result = time_get(application, "/fi/search/autocomplete/", {"q": text}, repeat)
        auto_times += result["times"]
        suggestions = len(json.loads(result["body"]).get("suggestions", []))
        auto_rows.append(
            {
                "q": text,
                "status": result["status"],
                "suggestions": suggestions,
                "p50": percentile(result["times"], 0.5),
                "p95": percentile(result["times"], 0.95),
            }
        )
    return {
        "queries": rows,
        "autocomplete_queries": auto_rows,
        "search_p50": percentile(all_times, 0.5),
        "search_p95": percentile(all_times, 0.95),
        "autocomplete_p50": percentile(auto_times, 0.5),
        "autocomplete_p95": percentile(auto_times, 0.95),
    }


def measure_search_apart(repeat):
    """``measure_search`` in a new process, as a server's: searches timed in this process,
    after it has generated and indexed thousands of objects, took ~10 ms longer (from
    the state that work leaves its memory in; emptying the analysis caches, collecting
    garbage or a new database connection did not change that)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--searches-only",
        "--repeat",
        str(repeat),
    ]
    finished = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, check=True
    )  # its log goes to stderr
    return json.loads(finished.stdout.splitlines()[-1])


def settle():
    """On PostgreSQL, vacuum and analyse the search index table before timing searches:
    the full rebuild rewrote every row, and autovacuum would otherwise do the same work
    while the searches are timed (the figures are of a site in its usual state, not of
    the minutes after a full reindex)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")


def describe_backend():
    from django.conf import settings
    from django.db import connection

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if "opensearch" in backend:
        engine = "opensearch"
    elif "elasticsearch" in backend:
        engine = "elasticsearch"
    else:
        engine = connection.vendor
    return engine, backend, connection.vendor


# --- printing -------------------------------------------------------------------------


def verdict(value, target, lower_is_better=True):
    if value is None or target is None:
        return ""
    return "ok" if (value <= target if lower_is_better else value >= target) else "MISSED"


def print_run(run):
    print(
        f"\n{run['engine']} search on {run['database']} · {run['pages']} pages, {run['files']} "
        "files "
        f"generated · {run['objects']} objects indexed · DEBUG={run['debug']} · {run['repeat']} "
        "requests "
        f"per query after {WARMUP} warm-up"
    )
    table(
        ("kind", "query", "hits", "SQL", "p50 ms", "p95 ms"),
        [
            (
                row["kind"],
                row["q"],
                row["hits"] if row["status"] == 200 else f"HTTP {row['status']}",
                "-".join(str(n) for n in sorted(set(row["queries"]))),
                f"{row['p50']:.1f}",
                f"{row['p95']:.1f}",
            )
            for row in run["queries"]
        ],
        right={2, 3, 4, 5},
    )
    print()
    table(
        ("autocomplete", "suggestions", "p50 ms", "p95 ms"),
        [
            (
                row["q"],
                row["suggestions"] if row["status"] == 200 else f"HTTP {row['status']}",
                f"{row['p50']:.1f}",
                f"{row['p95']:.1f}",
            )
            for row in run["autocomplete_queries"]
        ],
        right={1, 2, 3},
    )
    print()
    target = SEARCH_P95_TARGET.get(run["engine"])
    ratio = run.get("publish_ratio")
    summary = [
        ("search p50", f"{run['search_p50']:.1f} ms", "", ""),
        (
            "search p95",
            f"{run['search_p95']:.1f} ms",
            f"≤ {target} ms",
            verdict(run["search_p95"], target),
        ),
        (
            "autocomplete p95",
            f"{run['autocomplete_p95']:.1f} ms",
            f"≤ {AUTOCOMPLETE_P95_TARGET} ms",
            verdict(run["autocomplete_p95"], AUTOCOMPLETE_P95_TARGET),
        ),
        (
            "full update_index",
            f"{run['reindex_s']:.1f} s ({run['objects_per_s']:.0f} objects/s)",
            f"≤ {REINDEX_TARGET_S} s",
            verdict(run["reindex_s"], REINDEX_TARGET_S),
        ),
    ]
    if run.get("reindex_note"):
        summary.append(("  note", run["reindex_note"][:150], "", "FAILED"))
    if run.get("publish_small"):
        summary.append(
            (
                f"publish at {run['objects_small']} objects",
                f"{run['publish_small']['p50']:.1f} ms (index "
                f"{run['publish_small']['index_p50']:.1f})",
                "",
                "",
            )
        )
    summary.append(
        (
            f"publish at {run['objects']} objects",
            f"{run['publish_large']['p50']:.1f} ms (index {run['publish_large']['index_p50']:.1f})",
            "",
            "",
        )
    )
    if ratio is not None:
        summary.append(
            (
                "publish large / small",
                f"{ratio:.2f}",
                "0.80–1.20",
                verdict(abs(ratio - 1), PUBLISH_RATIO_TARGET),
            )
        )
    summary += [
        ("generating", f"{run['generate_s']:.1f} s", "", ""),
        ("peak memory (RSS)", f"{run['peak_rss_mb']:.0f} MiB", "", ""),
        *(
            [("searching process's RSS", f"{run['search_rss_mb']:.0f} MiB", "", "")]
            if "search_rss_mb" in run
            else []
        ),
    ]
    table(("figure", "value", "target", ""), summary)


def report(path):
    if not path.exists():
        raise SystemExit(f"No runs recorded in {path} yet.")
    runs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rows = []
    for run in runs:
        small = run.get("publish_small") or {}
        rows.append(
            (
                run["when"][:16].replace("T", " "),
                run["engine"],
                run["database"],
                f"{run['pages']}+{run['files']}",
                run["objects"],
                f"{run['search_p50']:.0f}",
                f"{run['search_p95']:.0f}",
                f"{run['autocomplete_p95']:.0f}",
                f"{run['reindex_s']:.0f}",
                f"{small['p50']:.0f}" if small else "-",
                f"{run['publish_large']['p50']:.0f}",
                f"{run['publish_ratio']:.2f}" if run.get("publish_ratio") is not None else "-",
                f"{run['peak_rss_mb']:.0f}",
                run.get("timed_through", "test client"),
            )
        )
    table(
        (
            "when (UTC)",
            "backend",
            "database",
            "pages+files",
            "objects",
            "p50 ms",
            "p95 ms",
            "autoc. p95",
            "reindex s",
            "publish small ms",
            "publish large ms",
            "ratio",
            "RSS MiB",
            "timed through",
        ),
        rows,
        right=set(range(3, 13)),
    )
    print(
        "\nTargets: search p95 ≤ 150 ms (SQLite), ≤ 100 ms (PostgreSQL, OpenSearch); autocomplete "
        "p95 "
        f"≤ {AUTOCOMPLETE_P95_TARGET} ms; reindex ≤ {REINDEX_TARGET_S} s; publish ratio 0.80–1.20."
    )


# --- main -----------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", type=int, default=10_000, help="pages and files to generate, each (default 10000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=20, help="timed requests per query after warm-up (default 20)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--seeds", default=str(SHARED / "seeds"), help="folder of Finnish source texts (*.txt)"
    )
    parser.add_argument("--passages", default=str(SHARED / "search-dev-set" / "passages.jsonl"))
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=None,
        help="update_index --chunk_size (default: the command's own, 1000)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="the database already has the generated content"
    )
    parser.add_argument("--out", default=str(OUT), help="JSON lines file the run is appended to")
    parser.add_argument("--no-record", action="store_true", help="do not append the run to --out")
    parser.add_argument(
        "--report", action="store_true", help="print all recorded runs side by side and stop"
    )
    parser.add_argument(
        "--searches-only", action="store_true", help=argparse.SUPPRESS
    )  # step 5, in its own process
    args = parser.parse_args(argv)
    if args.report:
        report(Path(args.out))
        return
    if args.repeat < 1 or args.n < 0:
        parser.error("--repeat must be at least 1 and --n not negative")

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if "localhost" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]

    def log(message):
        print(message, flush=True, file=sys.stderr if args.searches_only else sys.stdout)

    if args.searches_only:
        measured = measure_search(args.repeat, log)
        print(json.dumps({**measured, "search_rss_mb": peak_rss_mb()}))
        return

    engine, backend, database = describe_backend()
    log(f"Search speed: {backend} ({engine}) on {database}")
    rng = random.Random(args.seed)
    corpus = Corpus(args.seeds, args.passages, rng)
    call_command("migrate", verbosity=0)
    run = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        # how requests are timed; runs recorded before November 24, 2026 went through Django's
        # test client, without vacuuming PostgreSQL's index table first, and until the
        # next day in the process that had generated and indexed the content
        "timed_through": "wsgi, settled, own process",
        "backend": backend,
        "database": database,
        "debug": settings.DEBUG,
        "repeat": args.repeat,
        "pages": args.n,
        "files": args.n,
        "publish_small": None,
        "publish_ratio": None,
        "objects_small": None,
    }

    page = publish_page(corpus, rng, None)
    if not args.reuse:
        started = time.perf_counter()
        full_reindex(args.chunk_size, log)
        run["objects_small"] = indexed_objects()
        log(
            f"Small index: {run['objects_small']} objects ({time.perf_counter() - started:.1f} s); "
            "timing publishing"
        )
        run["publish_small"] = time_publish(page)
        log(f"Generating {args.n} pages and {args.n} files, indexing off")
        run["generate_s"] = generate(args.n, args.n, corpus, rng, log)["seconds"]
    else:
        run["generate_s"] = 0.0
    log("Full update_index")
    run["reindex_s"], run["chunk_size"], run["reindex_note"] = full_reindex(args.chunk_size, log)
    run["objects"] = indexed_objects()
    run["objects_per_s"] = run["objects"] / run["reindex_s"]
    log(f"  {run['objects']} objects in {run['reindex_s']:.1f} s; timing publishing")
    run["publish_large"] = time_publish(page)
    if run["publish_small"]:
        run["publish_ratio"] = run["publish_large"]["p50"] / run["publish_small"]["p50"]
    settle()
    log("Search page and autocomplete")
    run.update(measure_search_apart(args.repeat))
    run["peak_rss_mb"] = peak_rss_mb()
    print_run(run)
    if not args.no_record:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(run, ensure_ascii=False) + "\n")
        print(
            f"\nRecorded in {os.path.relpath(out)}; `python bench/search_speed.py --report` "
            "compares the runs."
        )


if __name__ == "__main__":
    main()
