"""A team's shared database on PostgreSQL: what differs from an SQLite file, and only that.

- The driver is psycopg (version 3), an optional extra (`pip install 'factcheck[postgres]'`);
  `postgresql://` URLs are read as `postgresql+psycopg://`. Without it, opening a URL is a
  one-line StoreError that names the extra.
- Writers take turns as on SQLite, where `BEGIN IMMEDIATE` takes the file's one write lock: each
  write transaction first takes one transaction-level advisory lock (`pg_advisory_xact_lock`),
  released at commit or rollback, and waits for it at most the configured lock wait (the
  session's `lock_timeout`), then fails as StoreLocked. The statements after it run in READ
  COMMITTED, so they see everything the writer before committed: the analysis' generation check
  and its write stay one transaction, as on SQLite.
- Reads run in REPEATABLE READ: one snapshot for the whole read, as an SQLite read transaction
  has; readers never wait for writers.
- There is no file: the schema check reads the `meta` table through the server, the integrity
  check (SQLite's `PRAGMA quick_check`) is left to the server, which refuses to read a damaged
  page, and source paths are stored relative to the working folder (see `Store.open`).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from factcheck.errors import StoreError, UsageError

DRIVER = "postgresql+psycopg"
EXTRA = "postgres"                   # pip install 'factcheck[postgres]'
# One lock for all of factcheck's writers on a database: "fact" in ASCII, a key no other
# application is likely to use on the same database.
WRITE_LOCK_KEY = 0x66616374
CONNECT_SECONDS = 10                 # how long to wait for the server to answer at all
_LOCK_TIMEOUT = "55P03"              # SQLSTATE lock_not_available: lock_timeout ran out


def database_url(value: str) -> URL:
    """The SQLAlchemy URL of a `postgresql://` or `postgresql+psycopg://` URL."""
    try:
        url = make_url(value)
    except (sa_exc.ArgumentError, ValueError) as error:
        raise UsageError(f"cannot read the database URL {shown(value)} ({error}); write it as "
                         "postgresql://USER:PASSWORD@HOST:PORT/DATABASE") from None
    return url.set(drivername=DRIVER)


def shown(value: str) -> str:
    """The URL as messages show it: the password, if any, hidden."""
    try:
        return make_url(value).render_as_string(hide_password=True)
    except (sa_exc.ArgumentError, ValueError):
        return value.split("@")[-1]


def postgres_engine(value: str, lock_wait: float) -> Engine:
    """An engine on the PostgreSQL database at URL `value`; writers wait `lock_wait` seconds."""
    try:
        engine = create_engine(database_url(value), connect_args={"connect_timeout": CONNECT_SECONDS})
    except ImportError:
        raise StoreError(f"database {shown(value)} is a PostgreSQL URL, and its driver (psycopg) is not "
                         f"installed; install it with: pip install 'factcheck[{EXTRA}]'") from None
    wait_ms = max(1, int(lock_wait * 1000))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {wait_ms}")
        dbapi_connection.commit()

    return engine


def lock_writers(conn: Connection) -> None:
    """Wait for the database's write lock, held until the caller's transaction ends."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def stored_meta(conn: Connection, where: str, create: bool) -> dict[str, str] | None:
    """The `meta` table of the factcheck database behind `conn`; None when the database holds no
    table yet (and `create`). Raises StoreError for a database of another application."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        if create:
            return None
        raise StoreError(f"no factcheck tables in database {where}; run `factcheck ingest` first or pass --db")
    if "meta" not in tables:
        raise foreign(where)
    try:
        with conn.begin_nested():
            return {str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM meta"))}
    except sa_exc.DBAPIError as error:      # a `meta` table of another shape
        raise foreign(where) from error


def foreign(where: str) -> StoreError:
    return StoreError(f"database {where} holds tables of another application (no factcheck meta table); "
                      "it was left untouched; pass another --db")


def is_lock_timeout(error: BaseException | None) -> bool:
    return getattr(error, "sqlstate", None) == _LOCK_TIMEOUT


def driver_error(where: str, error: BaseException) -> StoreError | None:
    """The StoreError for a psycopg error that says more than "cannot be used"; None otherwise."""
    detail = " ".join(str(error).split())
    if getattr(error, "sqlstate", None) is None and "connection" in detail.lower():
        return StoreError(f"cannot connect to database {where} ({detail}); check the URL, that the "
                          "server is running and that the role may log in")
    if getattr(error, "sqlstate", "") in ("3D000", "28000", "28P01", "42501"):
        return StoreError(f"database {where} cannot be used ({detail}); ask its administrator "
                          "for a database and a role that may create tables in it")
    return None


def is_driver_error(error: BaseException | None) -> bool:
    return error is not None and type(error).__module__.startswith("psycopg")
