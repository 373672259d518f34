"""The directory's search index: actor names, accent- and case-insensitive, by substring.

`Actor.search_name` holds each name folded (lower case, no accents). On SQLite an FTS5 table
with the trigram tokenizer indexes it, kept in step by triggers on the actors table (so that
every write — ORM, bulk, raw — updates it); on PostgreSQL a trigram GIN index (pg_trgm) serves
the same substring and prefix lookups. Either way a search reads the matches, not every name.
"""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

FTS_TABLE = "actors_actor_fts"
_SQLITE_TRIGGERS = {
    "actors_actor_fts_ai": """
        CREATE TRIGGER IF NOT EXISTS actors_actor_fts_ai AFTER INSERT ON actors_actor BEGIN
            INSERT INTO actors_actor_fts(rowid, search_name) VALUES (new.id, new.search_name);
        END""",
    "actors_actor_fts_ad": """
        CREATE TRIGGER IF NOT EXISTS actors_actor_fts_ad AFTER DELETE ON actors_actor BEGIN
            INSERT INTO actors_actor_fts(actors_actor_fts, rowid, search_name)
            VALUES ('delete', old.id, old.search_name);
        END""",
    "actors_actor_fts_au": """
        CREATE TRIGGER IF NOT EXISTS actors_actor_fts_au AFTER UPDATE OF search_name ON actors_actor
        BEGIN
            INSERT INTO actors_actor_fts(actors_actor_fts, rowid, search_name)
            VALUES ('delete', old.id, old.search_name);
            INSERT INTO actors_actor_fts(rowid, search_name) VALUES (new.id, new.search_name);
        END""",
}
MIN_INDEXED = 3  # trigrams: shorter words are looked for without the index


def ensure_search_index(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Create the search index where it is missing, and fill it when it was.

    Run by the migration that introduced it and after every `migrate`: on SQLite, Django
    rebuilds a table to alter it, which drops its triggers; this puts them back.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') "
                "AND name LIKE %s",
                [f"{FTS_TABLE}%"],
            )
            present = {row[0] for row in cursor.fetchall()}
            if "actors_actor" not in connection.introspection.table_names(cursor):
                return
            if FTS_TABLE not in present:
                cursor.execute(
                    "CREATE VIRTUAL TABLE actors_actor_fts USING fts5(search_name, "
                    "content='actors_actor', content_rowid='id', tokenize='trigram')"
                )
            for sql in _SQLITE_TRIGGERS.values():
                cursor.execute(sql)
            if not set(_SQLITE_TRIGGERS) | {FTS_TABLE} <= present:
                cursor.execute("INSERT INTO actors_actor_fts(actors_actor_fts) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS actor_search_name_trgm ON actors_actor "
                "USING gin (search_name gin_trgm_ops)"
            )


def fts_expression(words: list[str]) -> str:
    """Return an FTS5 query matching every word (each a quoted phrase of trigrams)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
