"""Case tables: tests/cases/*.jsonl, one {"id", "text", "expect", ...} object a line.

An entry with "xfail": REASON is a known failure: it stays in the table and runs as a strict
xfail, so the suite reports when it starts to pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def cases(name: str) -> list:
    """The entries of tests/cases/NAME as pytest params, named by their ids."""
    params = []
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params
