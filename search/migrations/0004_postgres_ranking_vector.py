"""On PostgreSQL, the search index gets a small vector that ranking reads: the analysed
title is in ``title``, the opening of the text in ``ranking``. Both stay in the table's
own rows (storage MAIN), so ranking thousands of matches reads no long text stored
apart (TOAST); the whole text (``body``) is only matched, through its GIN index. See
``search.backends.postgres``. The new vector is empty until ``update_index`` fills it
(until then the text ranks nothing, only the title). Other databases have nothing to
change."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def add_ranking_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS ranking tsvector NOT NULL DEFAULT ''")
    # With the opening in the row, the row is over TOAST's 2 kB target: without MAIN, the
    # title vector would be moved out first.
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN ranking SET STORAGE MAIN, ALTER COLUMN title SET STORAGE MAIN")


def drop_ranking_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS ranking")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN title SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_indexedterm_without_length"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_ranking_vector, drop_ranking_vector)]
