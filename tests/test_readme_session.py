"""The README's console session is what the shipped claims.db gives: `.ci/readme_session.py`
regenerates it, and this test runs the same commands and compares (timestamps aside)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "readme_session.py"
# what changes on every run: when a document was ingested
STAMP = re.compile(r'"ingested_at": "[^"]*"')


def _load():
    spec = importlib.util.spec_from_file_location("readme_session", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("bash") is None or not SCRIPT.is_file(), reason="needs bash and .ci/readme_session.py")
def test_the_readme_session_is_what_the_shipped_database_gives(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    module = _load()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = module.BLOCK.search(text).group(2)
    assert STAMP.sub('"ingested_at": ""', module.session(text)) == STAMP.sub('"ingested_at": ""', shown), (
        "the README's session is out of date: run `python .ci/readme_session.py`")
