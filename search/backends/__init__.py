"""Wagtail search backends that analyse text the Finnish way (see ``search.analysis``).

``search.backends.database`` is the embedded default (SQLite FTS5 or PostgreSQL
full-text, by the database in use)."""
