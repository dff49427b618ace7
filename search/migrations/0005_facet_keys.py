"""The search index entries get a facet key (``search.facet_keys``): what the site
search's facets need of each page, handed over by the ranking query with its id. The
keys of the entries already there are filled in from the pages table."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"

FILL = {
    "postgresql": f"""
        UPDATE {TABLE} AS entry SET facet_key = page.content_type_id || ' ' || page.locale_id || ' ' || page.path
            || ' ' || COALESCE((SELECT string_agg(topic.topic_id::text, ',') FROM materials_materialpage_topics AS topic
                                WHERE topic.materialpage_id = page.id), '')
        FROM wagtailcore_page AS page
        WHERE entry.object_id = page.id::text AND entry.content_type_id = page.content_type_id
    """,
    "sqlite": f"""
        UPDATE {TABLE} SET facet_key = COALESCE((
            SELECT page.content_type_id || ' ' || page.locale_id || ' ' || page.path || ' ' || COALESCE((
                SELECT group_concat(topic.topic_id, ',') FROM materials_materialpage_topics AS topic
                WHERE topic.materialpage_id = page.id), '')
            FROM wagtailcore_page AS page
            WHERE page.id = CAST({TABLE}.object_id AS integer) AND page.content_type_id = {TABLE}.content_type_id
        ), '')
    """,
}


def add_facet_keys(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in FILL:
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN facet_key text NOT NULL DEFAULT ''")
    schema_editor.execute(FILL[vendor])


def drop_facet_keys(apps, schema_editor):
    if schema_editor.connection.vendor in FILL:
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN facet_key")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_postgres_ranking_vector"),
        ("materials", "0005_material_file_relation"),
    ]

    operations = [migrations.RunPython(add_facet_keys, drop_facet_keys)]
