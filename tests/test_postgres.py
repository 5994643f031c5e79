"""A team database on PostgreSQL (issue 18, item 13): the same commands, the same answers as on
SQLite, writers that take turns. Run against a throwaway server (the `postgres_server` fixture),
and skipped, with the reason, where none can be started; the driver-less and URL checks need no
server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEEDS
from tests.test_concurrency import seed_parts

STORE, LOCKED = 5, 6


def run(db: str | Path, *args: str):
    from factcheck.cli import app

    return CliRunner().invoke(app, ["--db", str(db), *map(str, args)])


def ok(db: str | Path, *args: str):
    result = run(db, *args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


def assert_one_line_error(result, code: int, *words: str) -> None:
    assert result.exit_code == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def comparable(export: str) -> list[str]:
    """The JSONL export without what depends on where and when it was made: timestamps, source
    paths and document row ids."""
    out = []
    for line in export.splitlines():
        record = json.loads(line)
        kept = {key: value for key, value in record.items()
                if not key.endswith("_at") and key != "path" and not (record["type"] == "document" and key == "id")}
        out.append(json.dumps(kept, sort_keys=True, ensure_ascii=False))
    return out


def timeless(output: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<time>", output)


def session(db: str | Path) -> dict[str, str]:
    """The stdout of the important commands after ingesting the seeds into `db`."""
    ok(db, "ingest", SEEDS)
    claims = json.loads(ok(db, "list", "--format", "json").stdout)
    denied = next(c["id"] for c in claims if c["status"] == "denied")
    ok(db, "review", denied, "--verdict", "false", "--by", "desk")
    outputs = {name: timeless(output) for name, output in {
        "list": ok(db, "list", "--actor", "Russia").stdout,
        "show": ok(db, "show", denied, "--format", "json").stdout,
        "search": ok(db, "list", "--search", "DRONES", "--format", "json").stdout,
        "contradictions": ok(db, "contradictions", "--format", "json").stdout,
        "report": ok(db, "report", "--full").stdout,
        "sources": ok(db, "sources", "--format", "json").stdout,
        "verify": ok(db, "verify").stderr,
    }.items()}
    before = ok(db, "export", "--format", "jsonl").stdout
    ok(db, "analyse")
    outputs["export"] = comparable(before)
    outputs["export after analyse"] = comparable(ok(db, "export", "--format", "jsonl").stdout)
    return outputs


def test_the_seeds_give_the_same_answers_on_postgresql_as_on_sqlite(pg_url, tmp_path):
    on_sqlite = session(tmp_path / "claims.db")
    on_postgres = session(pg_url)
    assert len(on_postgres["export"]) > 200
    assert '"status": "denied"' in on_postgres["show"] and "drone" in on_postgres["search"].lower()
    for name, output in on_sqlite.items():
        assert on_postgres[name] == output, name
    assert on_postgres["export after analyse"] == on_postgres["export"]


def test_search_folds_case_beyond_ascii_and_uses_trigram_indexes(pg_url, articles):
    from sqlalchemy import create_engine, text

    ok(pg_url, "ingest", articles("a.txt", "The minister said that the ÄRGER over prices was growing.\n"))
    found = json.loads(ok(pg_url, "list", "--search", "ärger", "--format", "json").stdout)
    assert [claim["quote"] for claim in found] == ["the ÄRGER over prices was growing"]
    assert json.loads(ok(pg_url, "list", "--search", "50%_", "--format", "json").stdout) == []
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'claim'")).scalars())
    engine.dispose()
    assert {"claim_quote_trigrams", "claim_text_trigrams"} <= names


def test_a_writer_waits_for_the_lock_and_gives_up_after_the_configured_wait(pg_url, corpus, monkeypatch):
    import psycopg

    from factcheck import config
    from factcheck.store.postgres import WRITE_LOCK_KEY

    ok(pg_url, "ingest", corpus)
    claim = json.loads(ok(pg_url, "list", "--format", "json").stdout)[0]["id"]
    monkeypatch.setattr(config, "LOCK_WAIT_SECONDS", 0.5)
    with psycopg.connect(pg_url) as holder:             # another writer, mid-transaction
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        assert_one_line_error(run(pg_url, "review", claim, "--verdict", "true", "--by", "desk"), LOCKED, "is locked")
        assert ok(pg_url, "list").stdout                # readers do not wait
    ok(pg_url, "review", claim, "--verdict", "true", "--by", "desk")  # released at the holder's commit
    assert "true" in ok(pg_url, "history", claim).stdout


def factcheck(url: str, cwd: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "factcheck", "--db", url, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)


def analysis_of(db: str) -> tuple[set, dict]:
    from factcheck import api

    records = api.export_records(db)
    relations = {(r["relation"], r["from"], r["to"], r["origin"]) for r in records if r["type"] == "relation"}
    return relations, {r["id"]: (r["status"], r["grade"]) for r in records if r["type"] == "claim"}


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_end_as_one_analysis_of_everything(pg_url, tmp_path, writers):
    """As on SQLite (tests/test_concurrency.py): writers into a new database, schema included,
    take turns, and no writer's analysis is lost."""
    files = seed_parts(tmp_path / "articles", parts=writers)
    processes = [factcheck(pg_url, tmp_path, "ingest", "--reanalyse", *files[n::writers]) for n in range(writers)]
    results = [process.communicate(timeout=300) + (process.returncode,) for process in processes]
    assert [code for _, _, code in results] == [0] * writers, [err for _, err, _ in results]
    relations, statuses = analysis_of(pg_url)
    assert len(statuses) > 100 and len(relations) > 20
    assert "out of date" not in ok(pg_url, "list").stderr
    ok(pg_url, "analyse")
    assert analysis_of(pg_url) == (relations, statuses)
    documents = json.loads(ok(pg_url, "documents", "--format", "json").stdout)
    assert sorted(d["document"] for d in documents) == sorted(f.name for f in files)


def test_source_paths_are_stored_relative_to_the_working_folder(pg_url, corpus, monkeypatch):
    from sqlalchemy import create_engine, text

    monkeypatch.chdir(corpus.parent)
    ok(pg_url, "ingest", "articles")
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        stored = sorted(conn.execute(text("SELECT path FROM document")).scalars())
    engine.dispose()
    assert stored == ["articles/drones.txt", "articles/strike.txt"]
    assert "all match" in ok(pg_url, "verify").stderr
    assert "0 new" in ok(pg_url, "ingest", "articles").stderr


def test_a_database_of_another_application_or_without_tables_is_refused(pg_url, postgres_server):
    import psycopg

    assert_one_line_error(run(pg_url, "list"), STORE, "no factcheck tables", "run `factcheck ingest`")
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    assert_one_line_error(run(pg_url, "ingest", SEEDS), STORE, "another application", "untouched")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 1


def test_a_server_that_does_not_answer_is_one_line_with_the_password_hidden(tmp_path):
    url = f"postgresql://team:secret@/claims?host={tmp_path}&port=1"
    result = run(url, "list")
    assert_one_line_error(result, STORE, "cannot connect", "team:***@")
    assert "secret" not in result.stderr


def test_without_the_driver_a_url_is_one_line_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)      # `import psycopg` now fails
    for args, env in ((("--db", "postgresql://team@db.example/claims", "list"), {}),
                      (("list",), {"FACTCHECK_DB": "postgresql+psycopg://team@db.example/claims"})):
        from factcheck.cli import app

        result = CliRunner().invoke(app, list(args), env=env)
        assert_one_line_error(result, STORE, "psycopg", "pip install 'factcheck[postgres]'")


def test_an_older_schema_is_upgraded_on_postgresql_and_a_newer_one_refused(pg_url, corpus):
    """Migrations 5-7 (relay column, foreign keys of what the analysis keeps, search index) run on
    PostgreSQL too, in one transaction, keeping the rows of stored claims."""
    import psycopg

    from factcheck.store import schema_version

    ok(pg_url, "ingest", corpus)
    with psycopg.connect(pg_url) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claim_profile", "finding")}
        for table, name in conn.execute("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f' "
                                        "AND conrelid::regclass::text IN ('claim_profile', 'claim_term', 'finding')").fetchall():
            conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        conn.execute("DROP INDEX claim_quote_trigrams, claim_text_trigrams")
        conn.execute("ALTER TABLE claim DROP COLUMN relay")
        conn.execute("INSERT INTO claim_profile VALUES ('gone', '{}')")     # of a claim no longer stored
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    assert "drone" in ok(pg_url, "list", "--search", "drone").stdout.lower()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(schema_version())
        keys = conn.execute("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text "
                            "IN ('claim_profile', 'claim_term', 'finding')").fetchone()[0]
        assert keys == 4
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'claim_%_trigrams'").fetchone()[0] == 2
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    assert_one_line_error(run(pg_url, "ingest", corpus), STORE, "newer factcheck", "untouched")
