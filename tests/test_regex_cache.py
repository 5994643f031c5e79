"""Large patterns' compiled code is kept between runs: a pattern read back from the cache matches
as one compiled anew, and a damaged, foreign or unwritable cache only costs a compile."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from factcheck import regex_cache
from tests.conftest import ROOT

WORDS = [f"name{number}x" for number in range(300)]
PATTERN = r"(?<!\w)(?P<word>" + "|".join(WORDS) + r")(?!\w)"
TEXT = "name7x met NAME12x, name299x and name3000x near name45x."

PROBE = """
from factcheck.regex_cache import compile_cached
import sys
pattern = compile_cached(sys.argv[1], int(sys.argv[2]))
print([(m.start(), m.group("word")) for m in pattern.finditer(sys.argv[3])])
"""


def _run(cache_dir, flags=0) -> str:
    env = {"PATH": "", "FACTCHECK_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, PATTERN, str(int(flags)), TEXT], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _expected(flags=0) -> str:
    return str([(m.start(), m.group("word")) for m in re.compile(PATTERN, flags).finditer(TEXT)]) + "\n"


@pytest.mark.skipif(regex_cache._compiler is None, reason="Python before 3.11 compiles as usual")
def test_a_pattern_read_back_from_the_cache_matches_as_one_compiled_anew(tmp_path):
    for flags in (0, re.IGNORECASE):
        assert _run(tmp_path, flags) == _expected(flags)      # compiled, then kept
        assert _run(tmp_path, flags) == _expected(flags)      # read back
    kept = json.loads(next(tmp_path.glob("regex-*.json")).read_text(encoding="utf-8"))
    assert len(kept) == 2 and all(entry[0] == PATTERN for entry in kept.values())


@pytest.mark.skipif(regex_cache._compiler is None, reason="Python before 3.11 compiles as usual")
def test_a_damaged_cache_is_compiled_anew_and_replaced(tmp_path):
    _run(tmp_path)
    path = next(tmp_path.glob("regex-*.json"))
    kept = json.loads(path.read_text(encoding="utf-8"))
    for entry in kept.values():
        entry[2] = [999] * len(entry[2])                     # code the engine refuses
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert _run(tmp_path) == _expected()
    path.write_text("{not json", encoding="utf-8")
    assert _run(tmp_path) == _expected()
    assert _run(tmp_path) == _expected()
    assert json.loads(path.read_text(encoding="utf-8"))


def test_an_unwritable_cache_folder_only_costs_a_compile(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _run(blocker / "cache") == _expected()


def test_short_patterns_are_compiled_as_usual(tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(tmp_path))
    assert regex_cache.compile_cached(r"\bsaid\b") is re.compile(r"\bsaid\b")
