"""A database travels with its articles: source paths under its folder are stored relative to it."""

from __future__ import annotations

import json
import shutil
import sqlite3

from tests.conftest import ROOT, SEEDS


def stored_paths(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(path for (path,) in conn.execute("SELECT path FROM document"))


def schema_version(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]


def test_paths_under_the_database_folder_are_stored_relative(cli, ingested, db_path):
    assert stored_paths(db_path) == ["articles/drones.txt", "articles/strike.txt"]
    result = cli("documents", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(d["path"] for d in json.loads(result.stdout)) == [
        str(ingested / "drones.txt"), str(ingested / "strike.txt")]


def test_paths_elsewhere_stay_absolute(cli, articles, tmp_path):
    path = articles("drones.txt")
    db = tmp_path / "elsewhere" / "claims.db"
    db.parent.mkdir()
    result = cli("ingest", path, db=db)
    assert result.exit_code == 0, result.stderr
    assert stored_paths(db) == [str(path)]


def assert_travels(cli, db, articles) -> None:
    """A database copied with its articles verifies both source files and finds them stored."""
    result = cli("verify", db=db)
    assert result.exit_code == 0, result.stderr
    assert "2 source files: all match" in result.stderr and "not checked" not in result.stderr
    result = cli("ingest", articles, db=db)
    assert result.exit_code == 0, result.stderr
    assert "0 new, 0 replaced, 2 unchanged" in result.stderr


def test_a_copied_database_verifies_and_finds_its_articles_stored(cli, ingested, db_path, tmp_path):
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.copytree(ingested, moved / "articles")
    shutil.copyfile(db_path, moved / "claims.db")
    assert_travels(cli, moved / "claims.db", moved / "articles")
    result = cli("list", "--doc", str(moved / "articles" / "drones.txt"), "--format", "json", db=moved / "claims.db")
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_an_older_database_is_upgraded_to_relative_paths(cli, ingested, db_path):
    with sqlite3.connect(db_path) as conn:   # as schema 2 stored them: absolute
        conn.execute("UPDATE document SET path = ? || '/' || path", (str(db_path.parent),))
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    assert all(path.startswith("/") for path in stored_paths(db_path))
    result = cli("verify")
    assert result.exit_code == 0, result.stderr
    assert stored_paths(db_path) == ["articles/drones.txt", "articles/strike.txt"]
    from factcheck.store import schema_version as current

    assert schema_version(db_path) == str(current())


def test_a_schema_4_database_gains_the_relay_column(cli, ingested, db_path):
    from factcheck.store import schema_version as current

    with sqlite3.connect(db_path) as conn:   # as schema 4 stored claims: no relay
        conn.execute("ALTER TABLE claim DROP COLUMN relay")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert all(record["relay"] is None for record in json.loads(result.stdout))
    with sqlite3.connect(db_path) as conn:
        assert "relay" in {row[1] for row in conn.execute("PRAGMA table_info(claim)")}
    assert schema_version(db_path) == str(current())


def test_the_shipped_database_verifies_in_a_fresh_copy_of_the_repository(cli, tmp_path):
    clone = tmp_path / "clone"
    shutil.copytree(SEEDS, clone / "seeds")
    shutil.copyfile(ROOT / "claims.db", clone / "claims.db")
    assert_travels(cli, clone / "claims.db", clone / "seeds")
