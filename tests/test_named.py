"""Actors the text names beyond the gazetteer: the case table tests/cases/named.jsonl, each
text's own names as {alias: canonical}, and the actors of its claims where "claims" is given."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import extract
from factcheck.pipeline.names.named import named_actors
from factcheck.pipeline.segment import split_sentences
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("named.jsonl"))
def test_named_actors(case):
    sentences = [(s.start, s.text) for s in split_sentences(case["text"]) if s.role == "body"]
    assert named_actors(sentences) == case["expect"]
    if "claims" in case:
        document = Document(name="a.txt", path="a.txt", sha256="0" * 64, text=case["text"], published="2024-03-01")
        assert [[c.quote, list(c.actors)] for c in extract(document).claims] == case["claims"]
