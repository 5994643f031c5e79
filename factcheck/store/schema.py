"""Schema version, migrations, and the checks that keep factcheck from writing to foreign files.

A new database gets the current tables (`METADATA.create_all`) and is stamped with
`schema_version()`. An older one is upgraded by `MIGRATIONS`, one function per step, all inside
one write transaction, so an upgrade that fails leaves the file as it was.

Before anything opens a file for writing, `inspect_file` reads it read-only: the 16-byte SQLite
header, then the `meta` table. A file that is not ours, or is newer or corrupt, is refused
without a byte changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Table, insert, inspect, select, text, update
from sqlalchemy.schema import AddConstraint

from factcheck.errors import StoreError
from factcheck.store import postgres, search
from factcheck.store.engine import is_locked, locked_error
from factcheck.store.paths import stored_path
from factcheck.store.tables import DOCUMENT, FINDING, META, METADATA, PROFILE, TERM

APPLICATION = "factcheck"
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_BYTES = 100   # a valid database file is at least one header long

# MIGRATIONS[i] upgrades a database from version i + 1 to version i + 2. Append a function
# here (never edit a shipped one) whenever the tables in tables.py change; it must only use
# portable DDL/DML, since the same steps will run on PostgreSQL.
Migration = Callable[[Connection], None]


def _add_analysis_tables(conn: Connection) -> None:
    """Schema 2: the profiles and pair findings the analysis keeps between runs."""
    PROFILE.create(conn, checkfirst=True)
    FINDING.create(conn, checkfirst=True)


def _relative_document_paths(conn: Connection) -> None:
    """Schema 3: source paths under the database's folder stored relative to it (see `paths`)."""
    database = conn.engine.url.database
    if conn.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    folder = Path(database).resolve().parent
    for document_id, path in conn.execute(select(DOCUMENT.c.id, DOCUMENT.c.path)).all():
        relative = stored_path(path, folder)
        if relative != path:
            conn.execute(update(DOCUMENT).where(DOCUMENT.c.id == document_id).values(path=relative))


def _add_claim_terms(conn: Connection) -> None:
    """Schema 4: the analysis' retrieval index (claim terms), filled by the next complete
    analysis; until then a look-up reads the kept profiles."""
    TERM.create(conn, checkfirst=True)


def _claim_relay(conn: Connection) -> None:
    """Schema 5: a claim's relaying outlet ("the agency quoted the minister as saying")."""
    if "relay" not in {column["name"] for column in inspect(conn).get_columns("claim")}:
        conn.execute(text("ALTER TABLE claim ADD COLUMN relay VARCHAR"))


def _claim_foreign_keys(conn: Connection) -> None:
    """Schema 6: what the analysis keeps of a claim (profile, index terms, pair findings)
    references the claim, deleted with it; rows of claims no longer stored are dropped (the next
    analysis would not read them). Reviews and relations keep no key: see `tables`."""
    for table in (PROFILE, TERM, FINDING):
        if conn.dialect.name == "sqlite":
            _rebuild_with_keys(conn, table)
        else:
            _delete_orphans(conn, table, table.name)
            for constraint in table.foreign_key_constraints:
                conn.execute(AddConstraint(constraint))


def _rebuild_with_keys(conn: Connection, table: Table) -> None:
    """SQLite adds a foreign key only by building the table anew (its "12 steps", in the
    caller's transaction): the old one renamed, its indexes dropped (their names stay taken),
    the current one created, the rows copied, the old one dropped."""
    old = f"{table.name}_before_keys"
    conn.exec_driver_sql(f'ALTER TABLE "{table.name}" RENAME TO "{old}"')
    for index in inspect(conn).get_indexes(old):
        conn.exec_driver_sql(f'DROP INDEX "{index["name"]}"')
    table.create(conn)
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} FROM "{old}" '
                         f"WHERE {_claims_stored(table)}")
    conn.exec_driver_sql(f'DROP TABLE "{old}"')


def _delete_orphans(conn: Connection, table: Table, name: str) -> None:
    conn.exec_driver_sql(f'DELETE FROM "{name}" WHERE NOT ({_claims_stored(table)})')


def _claims_stored(table: Table) -> str:
    """SQL: every claim id the row of `table` holds is a stored claim's."""
    return " AND ".join(f'"{column.name}" IN (SELECT id FROM claim)'
                        for column in table.columns if column.foreign_keys)


def _claim_search_index(conn: Connection) -> None:
    """Schema 7: `list --search` through an FTS5 trigram index of claims kept by triggers (see
    `search`), built here from the claims stored; SQLite with FTS5 only, a no-op elsewhere."""
    search.create_search_index(conn)


MIGRATIONS: list[Migration] = [_add_analysis_tables, _relative_document_paths, _add_claim_terms,
                               _claim_relay, _claim_foreign_keys, _claim_search_index]


def schema_version() -> int:
    """The version this code writes: 1 for the first schema, plus one per migration."""
    return 1 + len(MIGRATIONS)


def inspect_file(path: Path, lock_wait: float) -> int | None:
    """The schema version of the factcheck database at `path`, or None when it holds nothing yet.

    Reads only. Raises StoreError for a file that is not SQLite, an SQLite database of another
    application, a newer factcheck database, or a corrupt one.
    """
    try:
        with path.open("rb") as file:
            header = file.read(SQLITE_HEADER_BYTES)
    except OSError as error:
        raise StoreError(
            f"cannot read database {path} ({error.strerror}); check the path and its permissions"
        ) from error
    if not header:
        return None                     # an empty file, e.g. from `touch`: nothing to lose
    if len(header) < SQLITE_HEADER_BYTES or not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not a factcheck database (not an SQLite file); it was left untouched; "
            "pass another --db"
        )
    meta = _read_meta_readonly(path, lock_wait)
    if meta is None:
        return None
    return check_meta(path, meta)


def _read_meta_readonly(path: Path, lock_wait: float) -> dict[str, str] | None:
    """The meta table's key/values; None for an SQLite file without any table."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=lock_wait)
    except sqlite3.Error as error:
        raise StoreError(
            f"cannot open database {path} ({error}); check the path and its permissions"
        ) from error
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "meta" not in tables:
            raise _foreign(path)
        try:
            return {str(key): str(value) for key, value in conn.execute("SELECT key, value FROM meta")}
        except sqlite3.OperationalError as error:   # a `meta` table of another shape
            raise _foreign(path) from error
    except sqlite3.DatabaseError as error:
        if is_locked(error):    # a writer holds the file exclusively while it commits
            raise locked_error(path) from error
        raise StoreError(
            f"database {path} is corrupt ({error}); it was left untouched; restore it from a "
            "backup or pass another --db"
        ) from error
    finally:
        conn.close()


def check_integrity(path: Path, lock_wait: float) -> None:
    """Refuse a database whose pages are damaged (`PRAGMA quick_check`), reading only: a write
    into a damaged file can spread the damage, and what it stores may not be read back."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=lock_wait)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if is_locked(error):
            raise locked_error(path) from error
        problems = [str(error)]
    if problems != ["ok"]:
        raise StoreError(
            f"database {path} is damaged ({'; '.join(' '.join(p.split()) for p in problems)[:200]}); "
            "nothing was written to "
            "it; restore it from a backup, or rebuild it with `factcheck ingest` into a new --db"
        )


def check_meta(path: Path | str, meta: dict[str, str]) -> int:
    if meta.get("application") != APPLICATION:
        raise _foreign(path) if isinstance(path, Path) else postgres.foreign(path)
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError:
        raise StoreError(
            f"database {path} has no readable schema_version; it was left untouched; "
            "rebuild it with `factcheck ingest` into a new --db"
        ) from None
    if version > schema_version():
        raise StoreError(
            f"database {path} was written by a newer factcheck (schema {version}; this version "
            f"reads up to {schema_version()}); it was left untouched; upgrade factcheck to use it"
        )
    if version < 1:
        raise StoreError(
            f"database {path} has schema {version}, which this factcheck cannot upgrade; "
            "rebuild it with `factcheck ingest` into a new --db"
        )
    return version


def _foreign(path: Path) -> StoreError:
    return StoreError(
        f"{path} is an SQLite database but not a factcheck one (no factcheck meta table); "
        "it was left untouched; pass another --db"
    )


def prepare_schema(conn: Connection, path: Path | str) -> None:
    """Create the tables in a new database or upgrade an older one, in the caller's transaction."""
    # Checked again under the write lock: another process may have created it meanwhile.
    if inspect(conn).has_table(META.name):
        upgrade_schema(conn, path)
    else:
        create_schema(conn)


def create_schema(conn: Connection) -> None:
    """Create the current tables in an empty database and stamp it."""
    METADATA.create_all(conn)
    search.create_search_index(conn)
    conn.execute(
        insert(META),
        [
            {"key": "application", "value": APPLICATION},
            {"key": "schema_version", "value": str(schema_version())},
        ],
    )


def upgrade_schema(conn: Connection, path: Path | str) -> None:
    """Run the migrations from the stored version to the current one, in the caller's transaction."""
    # Re-read under the write lock: another process may have upgraded it since inspect_file.
    stored = int(conn.execute(select(META.c.value).where(META.c.key == "schema_version")).scalar_one())
    for version in range(stored, schema_version()):
        try:
            MIGRATIONS[version - 1](conn)
        except Exception as error:  # noqa: BLE001 - any failure aborts the whole upgrade
            raise StoreError(
                f"upgrading database {path} from schema {version} to {version + 1} failed "
                f"({error}); it was left as it was; report this with the database attached"
            ) from error
    conn.execute(
        update(META).where(META.c.key == "schema_version").values(value=str(schema_version()))
    )
