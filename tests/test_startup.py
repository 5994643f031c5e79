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


def test_show_completion_prints_the_script_of_the_shell_it_runs_in():
    """The shell is found from the process that runs factcheck: here bash, whatever runs the tests."""
    # "; exit": bash would otherwise replace itself with the command and no longer be its parent
    done = subprocess.run(["bash", "-c", f"'{sys.executable}' -m factcheck --show-completion; exit $?"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "_FACTCHECK_COMPLETE=complete_bash" in done.stdout
    assert "complete -o default -F _factcheck_completion factcheck" in done.stdout


def test_completion_offers_commands_and_option_values():
    import os

    env = {**os.environ, "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck li", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-m", "factcheck"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["list", "link"]
    env.update(_FACTCHECK_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="factcheck list --format ")
    done = subprocess.run([sys.executable, "-m", "factcheck"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and '"jsonl"' in done.stdout
