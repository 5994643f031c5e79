"""Speakers apart from the outlets that relay them, and source phrases cut to who speaks: the case
table tests/cases/relays.jsonl, each claim of the text as [quote, source, relay]."""

from __future__ import annotations

import json

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("relays.jsonl"))
def test_relays_and_sources(case):
    document = Document(name="a.txt", path="a.txt", sha256="0" * 64, text=case["text"], published="2024-03-01")
    found = [[c.quote, c.source, c.relay] for c in extract(document).claims]
    assert found == case["expect"]


def test_show_and_export_carry_the_relay(cli, articles):
    path = articles("wire.txt", "Trade minister Ines Varga told Reuters on Monday that exports would recover by June.\n")
    assert cli("ingest", path.parent).exit_code == 0
    exported = cli("export")
    assert exported.exit_code == 0, exported.stderr
    claim = next(json.loads(line) for line in exported.stdout.splitlines() if '"type": "claim"' in line)
    assert (claim["source"], claim["relay"]) == ("Ines Varga", "Reuters")
    shown = cli("show", claim["id"])
    assert (shown.exit_code, shown.stderr) == (0, "")
    assert "relayed by Reuters" in " ".join(shown.stdout.split())
