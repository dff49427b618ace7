"""How the PostgreSQL backend ranks: by the title and the opening of the text, read from
the table's own rows, with the matches found through the GIN indexes (of pages' rows
alone, for the site search); every word of a long text still finds it. (PostgreSQL only:
the CI stage on PostgreSQL runs these.)"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from search.backends.postgres import RANKED_WORDS
from tests import factories as make

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "checks the PostgreSQL backend's own storage and query plans; .ci/run runs it in "
            "its PostgreSQL stage"
        ),
    ),
]

FILLER = " ".join(
    ["Kotoutumisen tuki kuuluu kaikille kunnan asukkaille."] * (RANKED_WORDS // 6 + 5)
)


@pytest.fixture
def long_guide(indexed_pages):
    def create(title, body):
        return indexed_pages(make.standard_page(title, intro=body))

    return create


def result_titles(client, query):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/fi/search/", {"q": query}).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]


def test_a_word_far_into_a_long_text_finds_it_and_a_word_in_the_opening_ranks_first(
    client, long_guide
):
    long_guide("Opas A", f"{FILLER} Lopussa mainitaan kaskelotti.")
    long_guide("Opas B", f"Kaskelotti aloittaa tämän tekstin. {FILLER}")

    assert result_titles(client, "kaskelotti") == ["Opas B", "Opas A"]


def test_ranking_reads_title_and_opening_from_the_row_and_matches_through_the_gin_indexes(
    client, long_guide
):
    page = long_guide("Pitkä opas", f"{FILLER} {FILLER} {FILLER} Lopussa kaskelotti.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(title), pg_column_size(ranking), pg_column_size(body), "
            "length(ranking), length(body) FROM wagtailsearch_indexentry WHERE object_id = %s "
            "AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        title_size, ranking_size, body_size, ranking_words, body_words = cursor.fetchone()
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
            "'wagtailsearch_indexentry'::regclass "
            "AND attname IN ('title', 'ranking')"
        )
        storage = dict(cursor.fetchall())
    # The opening holds fewer distinct words than the whole text, and stays in the row
    # (storage MAIN), as the title does.
    assert ranking_words < body_words and ranking_size < body_size
    assert storage == {"title": "m", "ranking": "m"}

    # The query the search page ranks with, as it ran, and the settings it ran under.
    plan = ranking_plan(client, "kaskelotti")
    # Through the GIN index of pages' rows alone: no document's or image's row is read.
    assert "Bitmap Index Scan on search_page_body_gin" in plan
    assert "Seq Scan on wagtailsearch_indexentry" not in plan
    # With more words, the pages with every word are one set, found through the same index.
    plan = ranking_plan(client, "kaskelotti lopussa")
    assert "hashed SubPlan" in plan and plan.count("Bitmap Index Scan on search_page_body_gin") == 2


def ranking_plan(client, query):
    """The plan of the query the search page ranked ``query`` with, under its settings."""
    return plan_of_ranking(lambda: client.get("/fi/search/", {"q": query}))


def plan_of_ranking(search):
    """The plan of the ranking query that ``search()`` ran, under its settings, planned with
    statistics of the table as it is now: those autovacuum left after earlier tests wrote and
    rolled back many rows could make another index look cheaper (the test asks which index
    the query can use, not what stale statistics say)."""
    with CaptureQueriesContext(connection) as queries:
        search()
    statements = [query["sql"] for query in queries.captured_queries]
    ranking = next(number for number, sql in enumerate(statements) if "ts_rank" in sql)
    assert "set_config('enable_seqscan', 'off', true)" in statements[ranking - 1]
    assert (
        "set_config('enable_seqscan', 'on', true)" in statements[ranking + 1]
    )  # put back afterwards
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        previous = cursor.fetchone()
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', "
            "'off', true)"
        )
        cursor.execute("EXPLAIN " + statements[ranking])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT set_config('enable_seqscan', %s, true), set_config('enable_indexscan', %s, "
            "true)",
            previous,
        )
    return plan


def test_the_rows_of_pages_are_marked_and_those_of_documents_are_not(
    long_guide, settings, tmp_path
):
    from materials.models import CustomDocument

    settings.MEDIA_ROOT = str(tmp_path)
    page = long_guide("Merkitty opas", "Kaskelotti ui.")
    document = CustomDocument.objects.create(
        title="Kaskelottien laulut", file=ContentFile(b"laulu", name="laulut.txt")
    )
    get_search_backend().add(document)

    def marked(obj):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT is_page FROM wagtailsearch_indexentry WHERE content_type_id = %s AND "
                "object_id = %s",
                [ContentType.objects.get_for_model(obj).pk, str(obj.pk)],
            )
            return cursor.fetchone()[0]

    assert marked(page) is True and marked(document) is False
    assert document in CustomDocument.objects.search(
        "kaskelotti"
    )  # documents are searched as before
    # through the GIN indexes of the other rows: no page's row is read
    plan = plan_of_ranking(lambda: list(CustomDocument.objects.search("kaskelotti")))
    assert "Bitmap Index Scan on wagtailsear_body_90c85d_gin" in plan and "search_page_" not in plan


def test_each_gin_index_on_title_and_text_holds_one_kind_of_row():
    """Were a GIN index to hold both kinds, the planner could match pages through it and
    then read and drop every matching document's row (it did so on a freshly packed table)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
            "'wagtailsearch_indexentry' "
            "AND (indexdef LIKE '%%gin (title)%%' OR indexdef LIKE '%%gin (body)%%')"
        )
        indexes = dict(cursor.fetchall())
    assert len(indexes) == 4
    for name, definition in indexes.items():
        kind = (
            "(is_page IS NOT FALSE)" if name.startswith("search_page_") else "(is_page IS NOT TRUE)"
        )
        assert definition.endswith(f"WHERE {kind}"), definition


def test_indexing_an_unchanged_page_again_leaves_its_row_where_it_is(long_guide):
    page = long_guide("Muuttumaton opas", "Kaskelotti ui.")

    def row():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ctid::text FROM wagtailsearch_indexentry WHERE content_type_id = %s AND "
                "object_id = %s",
                [page.content_type_id, str(page.pk)],
            )
            return cursor.fetchone()

    # An update_index that changes nothing writes nothing: no dead copies spread the table.
    written = row()
    get_search_backend().add(page)
    assert row() == written
    page.intro = "Kaskelotti laulaa."
    page.save_revision().publish()
    assert row() != written
    assert page.title in result_titles(Client(), "laulaa")


def test_a_page_with_every_word_comes_before_pages_with_some_however_often(client, long_guide):
    long_guide("Kaskelotti kaskelotti kaskelotti", "Kaskelotti, kaskelotti ja kaskelotti.")
    long_guide("Matkaopas", f"{FILLER} Kaskelotti ja valaslaulu mainitaan vasta lopussa.")

    assert result_titles(client, "kaskelotti valaslaulu")[0] == "Matkaopas"


def test_a_row_written_without_the_mark_still_counts_as_a_pages(client, long_guide):
    page = long_guide("Merkitsemätön opas", "Kaskelotti ui.")
    with connection.cursor() as cursor:  # as a process running the previous version writes it
        cursor.execute(
            "UPDATE wagtailsearch_indexentry SET is_page = NULL WHERE content_type_id = %s AND "
            "object_id = %s",
            [page.content_type_id, str(page.pk)],
        )

    assert result_titles(client, "kaskelotti") == ["Merkitsemätön opas"]
