"""Where settings come from, in one place: --db > FACTCHECK_DB > ./claims.db."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_DB = "claims.db"
DB_ENV = "FACTCHECK_DB"
MAX_FILE_BYTES = 5_000_000  # default --max-bytes for ingest: larger files are refused
LOCK_WAIT_SECONDS = 10.0    # how long a writer waits for another writer before giving up
DOCUMENT_SECONDS = 60.0     # default ingest --time-budget: reading and extracting one document

# The database URLs factcheck opens: PostgreSQL through psycopg (version 3), spelled either way.
DATABASE_URL_SCHEMES = ("postgresql", "postgresql+psycopg")
# "postgresql://host/db", or the same after pathlib folded "//" into "/"; not "C:/" on Windows
_DATABASE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:/")


def is_database_url(value: Path | str) -> bool:
    """Whether `value` names a database by URL (`scheme://...`) rather than a file path."""
    return isinstance(value, str) and _DATABASE_URL.match(value) is not None


def resolve_db_path(option: str | None) -> Path | str:
    """The database the user asked for, by precedence: --db, then FACTCHECK_DB, then ./claims.db:
    a Path for an SQLite file, the string itself for a PostgreSQL URL.

    A URL of any other scheme is refused rather than taken for a file path (which could create
    an SQLite file in a folder named "mysql:")."""
    value = option or os.environ.get(DB_ENV) or DEFAULT_DB
    if not is_database_url(value):
        return Path(value)
    scheme = value.split(":", 1)[0]
    if scheme.lower() in DATABASE_URL_SCHEMES and value[len(scheme):].startswith("://"):
        return value
    from factcheck.errors import UsageError

    raise UsageError(f"a database URL ({scheme}://...) is not a database this version can use: pass "
                     "an SQLite file path or a postgresql:// URL with --db or FACTCHECK_DB")
