"""On PostgreSQL, the general GIN indexes on the title and text of the search index
(Wagtail's own) keep the rows of documents, images and other non-pages alone, as the
page indexes of 0005 keep the pages'. With both kinds of rows in them, the planner could
match the site search through them and then read and drop thousands of document rows:
it chose so on a freshly packed table, where it judged that cheaper (a three-word search
8 ms slower). The indexes keep their names; unmarked rows (null) are in both kinds."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMNS = ("title", "body")


def general_indexes(schema_editor, column, partial):
    """Names of Wagtail's GIN indexes on ``column`` of the table, partial or not."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [TABLE, f"%USING gin ({column})%"],
        )
        rows = cursor.fetchall()
    return [
        name for name, definition in rows if (" WHERE " in definition) == partial and not name.startswith("search_page_")
    ]


def recreate(schema_editor, partial, where_after):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        for name in general_indexes(schema_editor, column, partial):
            schema_editor.execute(f"DROP INDEX {name}")
            schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({column}){where_after}")


def keep_other_rows(apps, schema_editor):
    recreate(schema_editor, False, " WHERE is_page IS NOT TRUE")


def keep_every_row(apps, schema_editor):
    recreate(schema_editor, True, "")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_postgres_page_indexes")]

    operations = [migrations.RunPython(keep_other_rows, keep_every_row)]
