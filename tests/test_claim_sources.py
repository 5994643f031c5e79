"""Who each claim is credited to, read in its document: tests/cases/claim_sources.jsonl.

Each case lists [quote, source] pairs that the document's claims must hold (other claims may exist)."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("claim_sources.jsonl"))
def test_claim_sources(case):
    document = Document(name="a.txt", path="/a.txt", sha256="0" * 64, text=case["text"], published="2024-03-14")
    found = {claim.quote.strip('"“”,'): claim.source for claim in extract(document).claims}
    assert {quote: found.get(quote) for quote, _ in case["expect"]} == dict(case["expect"])
