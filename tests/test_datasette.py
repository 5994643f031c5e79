"""datasette.json, shipped beside claims.db, names tables the database has: the five a reader
browses first, the internal ones hidden."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_datasette_metadata_names_the_databases_tables():
    metadata = json.loads((ROOT / "datasette.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["claims"]["tables"]
    with sqlite3.connect(ROOT / "claims.db") as conn:
        stored = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(tables) == stored
    shown = [name for name, table in tables.items() if not table.get("hidden")]
    assert shown == ["document", "claim", "actor", "relation", "review"]
