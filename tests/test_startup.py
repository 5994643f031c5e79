"""Cheap start: `factcheck --help` must not import the database or fuzzy-matching libraries."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("sqlmodel", "sqlalchemy", "rapidfuzz", "numpy")

PROBE = """
import sys
from typer.testing import CliRunner
from factcheck.cli import app
for args in (["--help"], ["ingest", "--help"], ["list", "--help"], ["--version"]):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
print(" ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def test_help_imports_no_heavy_library():
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"imported at start-up: {done.stdout.strip()}"


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "factcheck", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("factcheck ")
