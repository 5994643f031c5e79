"""Opening a database: an SQLite file or a PostgreSQL URL, checked before anything writes to it.

A file that is not ours, or is newer or corrupt, is refused without a byte changed (see
`schema.inspect_file`); so is a PostgreSQL database holding another application's tables. A
database still without tables gets the current schema, and an older one is upgraded, in one
write transaction.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from factcheck.errors import StoreError
from factcheck.store import postgres, schema
from factcheck.store.engine import open_engine, reading, writing


def open_database(location: Path | str, *, create: bool, lock_wait: float,
                  check: bool) -> tuple[Engine, Path | str, Path]:
    """(the engine, the database as messages name it, the folder stored source paths are
    relative to) of an SQLite file (a Path) or a PostgreSQL database (a URL).

    An SQLite database keeps paths relative to its own folder, so that it travels with the
    articles beside it; a shared database, to the working folder, so that a team working from
    clones of one folder of articles stores (and finds) the same paths.
    """
    if isinstance(location, Path):
        version = _file_version(location, create, lock_wait)
        if check and version is not None:
            schema.check_integrity(location, lock_wait)
        where, folder = location, location.resolve().parent
    else:
        where, folder = postgres.shown(location), Path.cwd()
    engine = open_engine(location, lock_wait)
    try:
        if not isinstance(location, Path):
            version = _server_version(engine, where, create)
        if version is None or version < schema.schema_version():
            with writing(engine, where) as conn:
                schema.prepare_schema(conn, where)
    except BaseException:
        engine.dispose()
        raise
    return engine, where, folder


def _server_version(engine: Engine, where: str, create: bool) -> int | None:
    """The schema version of the factcheck database on a server, None for one still to be made."""
    with reading(engine, where) as conn:
        meta = postgres.stored_meta(conn, where, create)
    return None if meta is None else schema.check_meta(where, meta)


def _file_version(path: Path, create: bool, lock_wait: float) -> int | None:
    """The schema version stored at `path`, None for a database still to be made; read-only."""
    if path.is_dir():
        raise StoreError(f"database path {path} is a folder; pass a file path with --db")
    if path.exists():
        version = schema.inspect_file(path, lock_wait)
        if version is not None or create:
            return version
    elif create:
        if not path.parent.is_dir():
            raise StoreError(
                f"cannot create database {path}: folder {path.parent} does not exist; "
                "create it or pass another --db"
            )
        return None
    raise StoreError(f"no database at {path}; run `factcheck ingest` first or pass --db")
