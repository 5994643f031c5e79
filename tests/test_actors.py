"""Actors and source phrases: case tables in tests/cases/actors.jsonl and sources.jsonl."""

from __future__ import annotations

import pytest

from factcheck.lexicon import load_table
from factcheck.pipeline.names.actors import (
    actor_types,
    demonym_plurals,
    find_actors,
    find_mentions,
    gazetteer,
    is_country,
    resolve_actor_name,
)
from factcheck.pipeline.names.sources import canonical_source
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("actors.jsonl"))
def test_actor_cases(case):
    if case.get("function") == "resolve_actor_name":
        assert resolve_actor_name(case["text"], case.get("extra_aliases")) == case["expect"]
    else:
        assert list(find_actors(case["text"], case.get("extra_aliases"))) == case["expect"]


@pytest.mark.parametrize("case", cases("sources.jsonl"))
def test_source_cases(case):
    assert list(canonical_source(case["text"], case.get("extra_aliases"))) == case["expect"]


def test_mentions_point_at_the_names_in_the_text():
    text = "Talks between Tehran and the Kremlin resumed."
    spans = [text[m.start:m.end] for m in find_mentions(text)]
    assert spans == ["Tehran", "Kremlin"]


def test_every_demonym_names_a_country_of_the_gazetteer():
    types = actor_types()
    for demonym, country, *_ in load_table("demonyms.txt"):
        assert country in types, demonym


def test_no_alias_is_shared_between_a_country_and_another_kind():
    """A shared alias resolves by mention order, which only makes sense between people."""
    gaz = gazetteer()
    for alias, names in gaz.owners.items():
        kinds = {gaz.actors[name].kind for name in names}
        assert len(names) == 1 or kinds == {"person"}, (alias, names)


def test_demonym_plurals_follow_english_endings():
    assert demonym_plurals("Iranian") == ("Iranians",)
    assert demonym_plurals("Iraqi") == ("Iraqis",)
    assert demonym_plurals("British") == ()
    assert demonym_plurals("Chinese") == ()
    assert demonym_plurals("Swiss") == ()


def test_is_country_and_types():
    assert is_country("Iran") and not is_country("Vladimir Putin") and not is_country("Gulf of Oman")
    types = actor_types()
    assert types["Vladimir Putin"] == "person"
    assert types["Reuters"] == "media"
    assert types["Iranian Space Agency"] == "government_body"
    assert "Gulf of Oman" not in types


def test_sources_are_of_the_schema_types():
    from factcheck.models import SOURCE_TYPES
    for case in cases("sources.jsonl"):
        assert case.values[0]["expect"][1] in SOURCE_TYPES
