"""The engine and its transactions, and the one place where driver errors become StoreErrors.

SQLite specifics live here, PostgreSQL ones in `postgres`. Python's sqlite3 driver, in its legacy mode, neither
begins a transaction before DDL nor lets a writer take the write lock up front; so we switch its
own transaction handling off and emit BEGIN ourselves: `BEGIN IMMEDIATE` for writes, so that a
second writer waits on the busy timeout at the start instead of failing half-way through, and a
plain BEGIN for reads. On PostgreSQL, a write transaction takes the database's write lock as its
first statement (`postgres.lock_writers`), and a read runs in REPEATABLE READ, one snapshot
throughout, as an SQLite read transaction sees.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc

from factcheck.errors import StoreError, StoreLocked
from factcheck.store import postgres

_WRITE_OPTION = "factcheck_write"   # execution option read by the BEGIN hook below
_LOCKED_MESSAGES = ("database is locked", "database table is locked", "database is busy")


def sqlite_engine(path: Path, lock_wait: float) -> Engine:
    """An engine on the SQLite file at `path`; writers wait `lock_wait` seconds for the lock."""
    # URL.create keeps characters such as "?" or "#" in a file name from being parsed as URL parts
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"timeout": lock_wait})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
        dbapi_connection.isolation_level = None      # we emit BEGIN ourselves (see module doc)
        # SQLite's own lower() folds ASCII only; case-insensitive search must also match "Ärger"
        # for "ärger", as PostgreSQL's lower() does.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")   # enforced by default elsewhere; match it
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def open_engine(location: Path | str, lock_wait: float) -> Engine:
    """An engine on an SQLite file (a Path) or a PostgreSQL database (a URL)."""
    if isinstance(location, Path):
        return sqlite_engine(location, lock_wait)
    return postgres.postgres_engine(location, lock_wait)


@contextmanager
def reading(engine: Engine, where: Path | str) -> Iterator[Connection]:
    """A connection inside a read transaction."""
    with translate_errors(where), engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while the block runs, and raise it once the block is done.

    A KeyboardInterrupt raised in the middle of a statement leaves the driver's connection in a
    state SQLAlchemy can neither commit nor roll back cleanly (a PendingRollbackError), so a
    write transaction, which lasts milliseconds to a second or two, finishes first. Only the
    main thread receives signals; elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


@contextmanager
def writing(engine: Engine, where: Path | str) -> Iterator[Connection]:
    """A connection inside a write transaction: all of it is committed, or none of it.

    Any exception rolls the transaction back before it propagates; Ctrl-C waits for its end.
    """
    with interrupts_deferred(), translate_errors(where), engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            _lock_writers(conn)
            yield conn


@contextmanager
def writing_batch(engine: Engine, where: Path | str) -> Iterator[Connection]:
    """A write transaction over a run of units of work, each in a savepoint of its own
    (`Connection.begin_nested`). It is committed at the end, and also when an exception
    propagates: the unit in progress was rolled back to its savepoint, and the units finished
    before it are kept. Ctrl-C waits for the commit."""
    with interrupts_deferred(), translate_errors(where), engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        transaction = conn.begin()
        try:
            _lock_writers(conn)
            yield conn
        except BaseException:
            if transaction.is_active:
                transaction.commit()
            raise
        transaction.commit()


def _lock_writers(conn: Connection) -> None:
    """Wait for the other writers (SQLite's BEGIN IMMEDIATE has done so already)."""
    if conn.dialect.name == "postgresql":
        postgres.lock_writers(conn)


@contextmanager
def translate_errors(where: Path | str) -> Iterator[None]:
    """Turn driver errors about the database file into one-line StoreErrors that say what to do."""
    try:
        yield
    except sa_exc.DBAPIError as error:
        raise store_error(where, error.orig) from error
    except sqlite3.DatabaseError as error:
        raise store_error(where, error) from error


def is_locked(error: BaseException | None) -> bool:
    return error is not None and (postgres.is_lock_timeout(error)
                                  or any(message in str(error).lower() for message in _LOCKED_MESSAGES))


def locked_error(where: Path | str) -> StoreLocked:
    return StoreLocked(f"database {where} is locked by another process; try again when it finishes")


def store_error(where: Path | str, error: BaseException | None) -> StoreError:
    """The StoreError kind and message for a driver error."""
    detail = " ".join(str(error).split()) if error is not None else "unknown error"
    if is_locked(error):
        return locked_error(where)
    if postgres.is_driver_error(error) and (found := postgres.driver_error(str(where), error)):
        return found
    if isinstance(error, sqlite3.IntegrityError) or "constraint" in detail.lower():
        return StoreError(f"database {where} refused a write ({detail}); nothing was saved")
    return StoreError(
        f"database {where} cannot be used ({detail}); if it is corrupt, restore it from a "
        "backup or rebuild it with `factcheck ingest`"
    )
