"""Where settings come from, in one place: --db > FACTCHECK_DB > ./claims.db."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "claims.db"
DB_ENV = "FACTCHECK_DB"
MAX_FILE_BYTES = 5_000_000  # default --max-bytes for ingest: larger files are refused
LOCK_WAIT_SECONDS = 10.0    # how long a writer waits for another writer before giving up
DOCUMENT_SECONDS = 60.0     # default ingest --time-budget: reading and extracting one document


def resolve_db_path(option: str | None) -> Path:
    """The database path the user asked for, by precedence: --db, then FACTCHECK_DB, then ./claims.db."""
    if option:
        return Path(option)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(DEFAULT_DB)
