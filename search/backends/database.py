"""The embedded default search backend: Tarjotin's analysed SQLite FTS5 or PostgreSQL
full-text backend, whichever database is in use (``SEARCH_URL`` unset)."""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    if connection.vendor == "postgresql":
        from search.backends.postgres import SearchBackend as PostgresBackend

        return PostgresBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import SearchBackend as SQLiteBackend

        return SQLiteBackend(params)
    raise NotImplementedError(
        f"Tarjotin's search needs SQLite or PostgreSQL, not {connection.vendor}."
    )
