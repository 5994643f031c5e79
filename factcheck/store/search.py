"""`list --search` through SQLite's FTS5: a trigram index over each claim's quote and text.

The index is an external-content FTS5 table (`claim_search`): it holds the trigrams only, and
reads the text back from `claim` by rowid. Triggers on `claim` keep it in step with every insert,
update and delete, whoever writes. A trigram index answers "contains this text", the meaning of
`--search`, for any string of three characters or more; the index picks the candidate claims and
the same case-insensitive substring test as without it decides, so the index changes the speed
of a search, never its answer.

It is optional: a database without it (an SQLite built without FTS5, a search shorter than a
trigram or not in ASCII, whose case folding SQLite and Python may not share) is searched by a
plain scan.

On PostgreSQL the same test is `ILIKE '%...%'`, and the index is pg_trgm's: a GIN index of the
trigrams of `claim.quote` and of `claim.text`, which the server keeps in step itself and its
planner uses for ILIKE without a change to the query. It is made when the server has the pg_trgm
extension and the role may create it (it is a trusted extension: a database owner may);
otherwise searches scan.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Connection, literal_column, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.sql.elements import ColumnElement

SEARCH_TABLE = "claim_search"
MIN_SEARCH_CHARS = 3        # the trigram tokenizer matches strings of three characters or more

_CREATE = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(quote, text, content='claim', "
    "content_rowid='rowid', tokenize='trigram')",
    f"CREATE TRIGGER {SEARCH_TABLE}_insert AFTER INSERT ON claim BEGIN "
    f"INSERT INTO {SEARCH_TABLE}(rowid, quote, text) VALUES (new.rowid, new.quote, new.text); END",
    f"CREATE TRIGGER {SEARCH_TABLE}_delete AFTER DELETE ON claim BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, quote, text) "
    "VALUES ('delete', old.rowid, old.quote, old.text); END",
    f"CREATE TRIGGER {SEARCH_TABLE}_update AFTER UPDATE OF quote, text ON claim BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, quote, text) "
    "VALUES ('delete', old.rowid, old.quote, old.text); "
    f"INSERT INTO {SEARCH_TABLE}(rowid, quote, text) VALUES (new.rowid, new.quote, new.text); END",
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')",
)


def fts5_available() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer (SQLite 3.34 or later)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(a, tokenize='trigram')")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def create_search_index(conn: Connection) -> None:
    """The index, its triggers, and the index of the claims already stored; nothing on another
    engine or without FTS5 (searches then scan); on PostgreSQL, pg_trgm's indexes if it can."""
    if conn.dialect.name == "postgresql":
        create_trigram_indexes(conn)
        return
    if conn.dialect.name != "sqlite" or not fts5_available() or has_search_index(conn):
        return
    for statement in _CREATE:
        conn.exec_driver_sql(statement)


TRIGRAM_INDEXES = {"quote": "claim_quote_trigrams", "text": "claim_text_trigrams"}


def create_trigram_indexes(conn: Connection) -> bool:
    """pg_trgm's GIN indexes over claims' quotes and texts, in a savepoint: a server without the
    extension, or a role that may not create it, leaves the search a scan (False)."""
    if conn.execute(text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first() is None:
        return False
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa_exc.DBAPIError:
        return False
    for column, index in TRIGRAM_INDEXES.items():
        conn.exec_driver_sql(f'CREATE INDEX IF NOT EXISTS {index} ON claim USING gin ("{column}" gin_trgm_ops)')
    return True


def has_search_index(conn: Connection) -> bool:
    """Whether the FTS5 index is there (SQLite only: PostgreSQL's planner picks its own)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
                         {"name": SEARCH_TABLE}).first()
    return found is not None


def indexed(search: str) -> bool:
    """Whether the index can pick the candidates for this search (see the module doc)."""
    return len(search) >= MIN_SEARCH_CHARS and search.isascii()


def candidates(search: str) -> ColumnElement:
    """SQL: the claim is among those whose quote or text holds every trigram of `search`."""
    phrase = '"' + search.replace('"', '""') + '"'
    matching = select(literal_column("rowid")).select_from(text(SEARCH_TABLE)).where(
        text(f"{SEARCH_TABLE} MATCH :phrase").bindparams(phrase=phrase))
    return literal_column("claim.rowid").in_(matching)

