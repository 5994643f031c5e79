"""Speakers apart from the outlets that relay them, and source phrases cut to who speaks: the case
table tests/cases/relays.jsonl, each claim of the text as [quote, source, relay]."""

from __future__ import annotations

import pytest

from tests.casetables import cases

from factcheck.models import Document
from factcheck.pipeline import extract


@pytest.mark.parametrize("case", cases("relays.jsonl"))
def test_relays_and_sources(case):
    document = Document(name="a.txt", path="a.txt", sha256="0" * 64, text=case["text"], published="2024-03-01")
    found = [[c.quote, c.source, c.relay] for c in extract(document).claims]
    assert found == case["expect"]
