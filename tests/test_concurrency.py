"""Concurrent writers and interrupted runs, with real processes and signals (issue 18, defects
1-3 and 8): the analysis always ends over everything stored, an interrupted one is redone, and a
writer waits for another instead of failing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def seed_parts(folder: Path, parts: int = 3) -> list[Path]:
    """The seed articles cut into parts of whole paragraphs: small articles whose claims deny,
    contradict and repeat each other across files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for seed in sorted(SEEDS.glob("002_*.txt")):    # the seed whose claims deny each other
        paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
        size = -(-len(paragraphs) // parts)
        for n in range(parts):
            path = folder / f"{seed.stem}_{n}.txt"
            path.write_text("\n\n".join(paragraphs[n * size:(n + 1) * size]) + "\n", encoding="utf-8")
            files.append(path)
    return files


def factcheck(db: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "factcheck", "--db", str(db), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=db.parent, **kwargs)


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=300)
    return process.returncode, stdout, stderr


def analysis_of(db: Path) -> tuple[set, dict]:
    """The relations (type, from, to, origin) and each claim's status and grade, as exported."""
    from factcheck import api

    records = api.export_records(db)
    relations = {(r["relation"], r["from"], r["to"], r["origin"]) for r in records if r["type"] == "relation"}
    return relations, {r["id"]: (r["status"], r["grade"]) for r in records if r["type"] == "claim"}


def listed(db: Path, *args: str):
    """`factcheck list` (or another command) in this process, with its stdout and stderr apart."""
    from typer.testing import CliRunner

    from factcheck.cli import app

    return CliRunner().invoke(app, ["--db", str(db), *(args or ("list",))])


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_end_as_one_analysis_of_everything(tmp_path, writers):
    """Every writer asks for a complete analysis (`--reanalyse`): an ingest that only adds documents
    otherwise analyses their neighbourhood, which is not always a complete run's result
    (tests/test_growing.py says what is); what is tested here is that no writer's analysis is lost."""
    files = seed_parts(tmp_path / "articles", parts=writers)
    db = tmp_path / "claims.db"
    shares = [files[n::writers] for n in range(writers)]
    processes = [factcheck(db, "ingest", "--reanalyse", *share) for share in shares]
    results = [finished(process) for process in processes]
    assert [code for code, _, _ in results] == [0] * writers, [err for _, _, err in results]
    relations, statuses = analysis_of(db)
    assert len(statuses) > 100 and len(relations) > 20
    result = listed(db)
    assert result.exit_code == 0 and "out of date" not in result.stderr
    assert listed(db, "analyse").exit_code == 0
    assert analysis_of(db) == (relations, statuses)


def test_an_analysis_killed_before_it_is_saved_is_redone_by_the_next_ingest(tmp_path):
    files = seed_parts(tmp_path / "articles")
    db = tmp_path / "claims.db"
    assert listed(db, "ingest", *map(str, files[:2])).exit_code == 0
    killer = textwrap.dedent(f"""
        import os, signal, sys
        import factcheck.api.analysing as analysing
        def killed(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)
        analysing._run = killed
        from factcheck.cli import main
        sys.argv = ["factcheck", "--db", {str(db)!r}, "ingest", *{[str(f) for f in files[2:]]!r}]
        main()
    """)
    process = subprocess.run([sys.executable, "-c", killer], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert process.returncode == -signal.SIGKILL
    result = listed(db)
    assert result.exit_code == 0 and "relations and statuses are out of date" in result.stderr
    result = listed(db, "report")
    assert result.exit_code == 0 and "out of date" in result.stderr

    result = listed(db, "ingest", *map(str, files))              # nothing new to store
    assert result.exit_code == 0 and "0 new" in result.stderr, result.stderr
    assert "out of date" not in listed(db).stderr
    redone = analysis_of(db)
    assert len(redone[0]) > 20
    assert listed(db, "analyse").exit_code == 0
    assert analysis_of(db) == redone


def test_a_writer_waits_while_another_extracts(tmp_path, monkeypatch):
    """Extraction holds no lock: while an ingest reads a slow file, a review (waiting at most a
    second for the lock) goes through."""
    from factcheck import config

    files = seed_parts(tmp_path / "articles")
    db = tmp_path / "claims.db"
    assert listed(db, "ingest", str(files[0])).exit_code == 0
    claim = json.loads(listed(db, "list", "--format", "json").stdout)[0]["id"]
    started = tmp_path / "extracting"
    slow = textwrap.dedent(f"""
        import pathlib, sys, time
        import factcheck.pipeline as pipeline
        real = pipeline.extract
        def slow(document, aliases=None):
            pathlib.Path({str(started)!r}).touch()
            time.sleep(4)
            return real(document, aliases=aliases)
        pipeline.extract = slow
        from factcheck.cli import main
        sys.argv = ["factcheck", "--db", {str(db)!r}, "ingest", {str(files[1])!r}]
        main()
    """)
    ingest = subprocess.Popen([sys.executable, "-c", slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 60
    while not started.exists() and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists()
    monkeypatch.setattr(config, "LOCK_WAIT_SECONDS", 1.0)
    review = listed(db, "review", claim, "--verdict", "true", "--by", "desk")
    code, _, stderr = finished(ingest)
    assert review.exit_code == 0, review.stderr
    assert code == 0, stderr


def test_ctrl_c_during_ingest_always_exits_cleanly(tmp_path):
    files = seed_parts(tmp_path / "articles")
    for trial, delay in enumerate((0.8, 1.2, 1.6, 2.0)):
        db = tmp_path / f"claims{trial}.db"
        process = factcheck(db, "ingest", *files)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        code, _, stderr = finished(process)
        assert code in (0, 130, -signal.SIGINT), stderr     # a shell shows 130 for either
        assert "Traceback" not in stderr and "Error" not in stderr.replace("factcheck: error:", ""), stderr
        if db.exists() and db.stat().st_size:
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            result = listed(db, "verify")
            assert result.exit_code == 0, result.stderr


def test_ctrl_c_in_the_middle_of_an_insert_exits_cleanly(tmp_path):
    files = seed_parts(tmp_path / "articles")
    db = tmp_path / "claims.db"
    interrupted = textwrap.dedent(f"""
        import os, signal, sys
        from sqlalchemy.engine.default import DefaultDialect
        real = DefaultDialect.do_executemany
        calls = []
        def do_executemany(self, cursor, statement, parameters, context=None):
            calls.append(statement)
            real(self, cursor, statement, parameters, context)
            if "INSERT INTO claim_actor" in statement and len(calls) > 6:
                os.kill(os.getpid(), signal.SIGINT)     # Ctrl-C arrives while rows go in
        DefaultDialect.do_executemany = do_executemany
        from factcheck.cli import main
        sys.argv = ["factcheck", "--db", {str(db)!r}, "ingest", *{[str(f) for f in files]!r}]
        main()
    """)
    process = subprocess.run([sys.executable, "-c", interrupted], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert process.returncode == 130, process.stderr
    assert "Traceback" not in process.stderr and "interrupted" in process.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM document").fetchone()[0]
    assert stored > 0
    result = listed(db, "verify")
    assert result.exit_code == 0, result.stderr
    assert "out of date" in listed(db).stderr          # the analysis never ran: it is redone
    assert listed(db, "ingest", *map(str, files)).exit_code == 0
    assert "out of date" not in listed(db).stderr
