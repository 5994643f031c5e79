"""Dates: case table in tests/cases/dates.jsonl, resolved against the publication date."""

from __future__ import annotations

import pytest

from factcheck.pipeline.dates import date_spans, find_dates, parse_published, resolve_when
from tests.casetables import cases


@pytest.mark.parametrize("case", cases("dates.jsonl"))
def test_date_cases(case):
    assert resolve_when(case["text"], case["published"], default=case.get("default")) == case["expect"]


def test_mentions_carry_their_text_and_whether_they_are_relative():
    text = "On 7 January, two days after the strike of January 3, 2020, Moscow moved."
    mentions = find_dates(text, "2020-01")
    assert [(m.text, m.value, m.relative) for m in mentions] == [
        ("7 January", "2020-01-07", True), ("January 3, 2020", "2020-01-03", False)]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_never_resolved_against_today():
    assert resolve_when("It happened last July.", "2001-03") == "2000-07"
    assert resolve_when("It happened in late December.", "1999-12-31") == "1999-12"


def test_date_spans_do_not_need_a_publication_date():
    text = "The pact of March 12 was signed in 2001."
    assert [text[s:e] for s, e in date_spans(text)] == ["March 12", "2001"]


def test_invalid_days_give_no_date():
    assert resolve_when("It was signed on February 30, 2021.", None) is None


@pytest.mark.parametrize("published, expect", [
    ("2022-08-09", (2022, 8, 9)), ("2022-08", (2022, 8, None)), ("2022", (2022, None, None)),
    ("2022-08-09T10:00:00Z", (2022, 8, 9)), ("", None), (None, None), ("2022-13", None), ("sometime", None),
])
def test_parse_published(published, expect):
    assert parse_published(published) == (tuple(expect) if expect else None)
