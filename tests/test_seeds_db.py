"""The shipped claims.db is what `factcheck ingest seeds/` builds now, and the eval scorers run on the tool.

Claims and relations are compared through the export, not as bytes: SQLite files differ in
page layout and times even when they hold the same data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

SHIPPED_DB = ROOT / "claims.db"
EVAL = ROOT.parent / "shared" / "eval"
VOLATILE = {"document": ("path", "ingested_at")}  # differ between machines and runs, not in content
REBUILD = ("the shipped claims.db no longer matches what the code extracts from seeds/; rebuild it: "
           "rm claims.db && factcheck --db claims.db ingest seeds/")


def exported(cli, db) -> list[dict]:
    result = cli("export", "--format", "jsonl", db=db)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        for field in VOLATILE.get(record["type"], ()):
            record.pop(field, None)
    return records


def difference(old: list[dict], new: list[dict]) -> str:
    """A short account of how two exports differ: counts, then the first record that changed."""
    if len(old) != len(new):
        return f"{len(old)} shipped, {len(new)} now"
    for before, after in zip(old, new):
        if before != after:
            changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
            return f"first change in {before.get('id') or before.get('document')}: {', '.join(changed)}"
    return "same"


def test_shipped_database_matches_the_seeds(cli, tmp_path):
    assert SHIPPED_DB.exists(), REBUILD
    copy = tmp_path / "shipped.db"  # a copy, so that nothing (a schema upgrade) touches the shipped file
    shutil.copyfile(SHIPPED_DB, copy)
    rebuilt = tmp_path / "rebuilt.db"
    result = cli("ingest", SEEDS, db=rebuilt)
    assert result.exit_code == 0, result.stderr
    shipped, fresh = exported(cli, copy), exported(cli, rebuilt)
    for kind in ("document", "claim", "relation"):
        old = [r for r in shipped if r["type"] == kind]
        new = [r for r in fresh if r["type"] == kind]
        assert old == new, f"{REBUILD} ({kind}s: {difference(old, new)})"


def test_shipped_database_answers_the_quick_start(cli, tmp_path):
    assert SHIPPED_DB.exists(), REBUILD
    copy = tmp_path / "shipped.db"
    shutil.copyfile(SHIPPED_DB, copy)
    result = cli("list", "--actor", "Russia", "--format", "json", db=copy)
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.stdout)
    assert claims and all(SEEDS.joinpath(c["document"]).read_text(encoding="utf-8")[c["start"]:c["end"]]
                          == c["quote"] for c in claims)


def _run_scorer(script: str, *args: str) -> subprocess.CompletedProcess:
    if not (EVAL / script).exists():
        pytest.skip(f"{EVAL / script} is not beside this checkout")
    tool = f"{sys.executable} -m factcheck --db {{db}}"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, str(EVAL / script), "--ingest-cmd", tool + " ingest {dir}",
                           "--export-cmd", tool + " export --format jsonl", *args],
                          capture_output=True, text=True, env=env, timeout=900)


def test_claim_scorer_runs_on_the_tool():
    done = _run_scorer("score_claims.py")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "coverage" in done.stdout


def test_attribution_scorer_runs_on_the_tool():
    done = _run_scorer("score_polnear.py", "--split", "dev", "--limit", "5")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip()
