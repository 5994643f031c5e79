"""Foreign keys to claims: what the analysis keeps of a claim references it, in a new database and
in one upgraded from schema 4; reviews and relations take none, since they outlive their claims."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from factcheck.store import Store, schema_version
from tests.conftest import ROOT

KEYED = {
    "claim_profile": {("claim_id", "claim", "id", "CASCADE")},
    "claim_term": {("claim_id", "claim", "id", "CASCADE")},
    "finding": {("source_id", "claim", "id", "CASCADE"), ("target_id", "claim", "id", "CASCADE")},
}
UNKEYED = ("relation", "review")    # kept for claims no longer stored: see tables.py


def foreign_keys(db: Path, table: str) -> set[tuple[str, str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
    conn.close()
    # (id, seq, table, from, to, on_update, on_delete, match)
    return {(row[3], row[2], row[4], row[6]) for row in rows}


def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def assert_keyed(db: Path) -> None:
    for table, keys in KEYED.items():
        assert foreign_keys(db, table) == keys, table
    for table in UNKEYED:
        assert foreign_keys(db, table) == set(), table
    assert query(db, "PRAGMA foreign_key_check") == []


def test_a_new_database_has_the_keys(cli, ingested, db_path):
    assert_keyed(db_path)
    assert query(db_path, "SELECT count(*) FROM finding")[0][0] >= 0
    assert query(db_path, "SELECT count(*) FROM claim_profile")[0][0] > 0


def unkey_to_schema_4(db: Path) -> None:
    """Rebuild the three tables as schema 4 had them (no foreign keys) and mark the file 4."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("PRAGMA foreign_keys = OFF")
        with conn:
            for table, create in {
                "claim_profile": "CREATE TABLE claim_profile (claim_id VARCHAR NOT NULL, data TEXT NOT NULL, "
                                 "PRIMARY KEY (claim_id))",
                "claim_term": "CREATE TABLE claim_term (term VARCHAR NOT NULL, claim_id VARCHAR NOT NULL, "
                              "PRIMARY KEY (term, claim_id))",
                "finding": "CREATE TABLE finding (id INTEGER NOT NULL, kind VARCHAR NOT NULL, source_id VARCHAR "
                           "NOT NULL, target_id VARCHAR NOT NULL, reason TEXT NOT NULL, score FLOAT NOT NULL, "
                           "PRIMARY KEY (id))",
            }.items():
                conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
                conn.execute(create)
                conn.execute(f"INSERT INTO {table} SELECT * FROM old_{table}")
                conn.execute(f"DROP TABLE old_{table}")
            conn.execute("CREATE INDEX ix_claim_term_claim_id ON claim_term (claim_id)")
            conn.execute("CREATE INDEX ix_finding_source_id ON finding (source_id)")
            conn.execute("CREATE INDEX ix_finding_target_id ON finding (target_id)")
            # what a schema 4 database could hold: rows of a claim no longer stored
            conn.execute("INSERT INTO claim_profile VALUES ('gone', '{}')")
            conn.execute("INSERT INTO claim_term VALUES ('t', 'gone')")
            conn.execute("INSERT INTO finding (kind, source_id, target_id, reason, score) "
                         "SELECT 'repeats', id, 'gone', 'r', 1.0 FROM claim LIMIT 1")
            conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    finally:
        conn.close()


def test_an_upgraded_database_has_the_keys_and_keeps_its_rows(cli, ingested, db_path):
    counts = {table: query(db_path, f"SELECT count(*) FROM {table}")[0][0] for table in KEYED}
    unkey_to_schema_4(db_path)
    assert foreign_keys(db_path, "finding") == set()
    with Store.open(db_path):
        pass
    assert query(db_path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema_version()),)]
    assert_keyed(db_path)
    assert {table: query(db_path, f"SELECT count(*) FROM {table}")[0][0] for table in KEYED} == counts
    indexed = {row[0] for row in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_claim_term_claim_id", "ix_finding_source_id", "ix_finding_target_id"} <= indexed
    result = cli("verify")
    assert result.exit_code == 0, result.stderr


def test_the_shipped_database_has_the_keys(tmp_path):
    copy = tmp_path / "claims.db"
    shutil.copy(ROOT / "claims.db", copy)
    assert_keyed(copy)


def test_a_replaced_document_takes_what_was_kept_of_its_claims_and_leaves_reviews(cli, ingested, db_path):
    claim = json.loads(cli("list", "--format", "json").stdout)[0]
    assert cli("review", claim["id"], "--verdict", "false", "--by", "Desk").exit_code == 0
    [path] = [row[0] for row in query(db_path, f"SELECT d.path FROM document d JOIN claim c "
                                               f"ON c.document_id = d.id WHERE c.id = '{claim['id']}'")]
    target = Path(path) if Path(path).is_absolute() else db_path.parent / path
    target.write_text("Nothing was said here.\n", encoding="utf-8")
    result = cli("ingest", target)
    assert result.exit_code == 0, result.stderr
    assert query(db_path, f"SELECT count(*) FROM claim_profile WHERE claim_id = '{claim['id']}'") == [(0,)]
    assert query(db_path, f"SELECT count(*) FROM claim_term WHERE claim_id = '{claim['id']}'") == [(0,)]
    assert query(db_path, f"SELECT count(*) FROM review WHERE claim_id = '{claim['id']}'") == [(1,)]
    assert query(db_path, "PRAGMA foreign_key_check") == []
