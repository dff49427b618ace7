"""On PostgreSQL, the search index marks the rows of documents, images and other
non-pages (``is_page`` false) and gets GIN indexes on the title and text of the other
rows alone. The site search looks for pages only: through these indexes it no longer
reads the rows of the documents and images that match the same words (four in ten of
the matches of a common word), only to drop them. The rows already indexed are marked
here. A row written without the mark (by a process still running the previous version
during an upgrade) is left unmarked (null) and still counts as a page's, so no page
drops out of the search; ``update_index`` marks it."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
INDEXES = {"search_page_title_gin": "title", "search_page_body_gin": "body"}


def add_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS is_page boolean")
    # The content types of pages are those of the rows of Wagtail's page table.
    schema_editor.execute(
        f"UPDATE {TABLE} SET is_page = content_type_id IN (SELECT DISTINCT content_type_id FROM wagtailcore_page)"  # noqa: S608
    )
    for name, column in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin ({column}) WHERE is_page IS NOT FALSE")


def drop_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS is_page")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_ranking_vector"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(add_page_indexes, drop_page_indexes)]
