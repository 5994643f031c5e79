"""Who claims are about: offices, pair phrases, pronouns and shared subjects
(tests/cases/claim_actors.jsonl)."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract
from tests.casetables import cases


def _claims(text: str, published: str | None):
    document = Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text + "\n", published=published)
    return extract(document).claims


@pytest.mark.parametrize("case", cases("claim_actors.jsonl"))
def test_claim_actors(case):
    """`quote` names the claim looked at; without it, the claim of the whole (one-sentence) text."""
    claims = _claims(case["text"], case.get("published"))
    quote = case.get("quote") or case["text"].rstrip(".")
    found = [c for c in claims if c.quote == quote]
    assert found, [c.quote for c in claims]
    assert sorted(found[0].actors) == sorted(case["expect"])
