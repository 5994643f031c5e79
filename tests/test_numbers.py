"""Numbers: case table in tests/cases/numbers.jsonl; each expectation is [value, unit, qualifier, text]."""

from __future__ import annotations

import pytest

from factcheck.pipeline.numbers import find_quantities, normalise_unit
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("numbers.jsonl"))
def test_number_cases(case):
    found = [[q.value, q.unit, q.qualifier, q.text] for q in find_quantities(case["text"])]
    expect = [[pytest.approx(v), u, q, t] for v, u, q, t in case["expect"]]
    assert found == expect


def test_offsets_are_shifted_into_the_document():
    document = "Intro. Iran has sent about 2,000 drones."
    start = document.index("Iran")
    (quantity,) = find_quantities(document[start:], start)
    assert document[quantity.start:quantity.end] == quantity.text == "about 2,000 drones"


@pytest.mark.parametrize("unit, normal", [
    ("kilometers", "km"), ("kilometres", "km"), ("km", "km"), ("kg", "kg"), ("kilograms", "kg"),
    ("hours", "hour"), ("$", "USD"), ("USD", "USD"), ("dollars", "USD"), ("percent", "%"), ("per cent", "%"),
    ("%", "%"), ("drones", "drone"), ("batteries", "battery"), ("troops", "person"), ("year", "year"),
    (None, None),
])
def test_normalise_unit(unit, normal):
    assert normalise_unit(unit) == normal
