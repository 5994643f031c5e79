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


# "postgresql://host/db", or the same after pathlib folded "//" into "/"; not "C:/" on Windows
_DATABASE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:/")


def resolve_db_path(option: str | None) -> Path:
    """The database path the user asked for, by precedence: --db, then FACTCHECK_DB, then ./claims.db.

    A database URL is refused rather than taken for a file path (which could create a SQLite file
    in a folder named "postgresql:"): only SQLite files are supported so far."""
    value = option or os.environ.get(DB_ENV) or DEFAULT_DB
    if _DATABASE_URL.match(value):
        from factcheck.errors import UsageError

        scheme = value.split(":", 1)[0]
        raise UsageError(f"a database URL ({scheme}://...) is not a database this version can use: it "
                         "stores claims in an SQLite file only; pass a file path with --db or FACTCHECK_DB")
    return Path(value)
