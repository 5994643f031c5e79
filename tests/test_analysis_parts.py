"""The pieces analysis rests on, from tests/cases/analysis_parts.jsonl: amounts, periods, named
months, stances, denial cues and content words."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from factcheck.analysis.amounts import claim_amounts
from factcheck.analysis.denial_cues import detect_denial
from factcheck.analysis.periods import calendars_agree, parse_period, periods_overlap, stated_calendar
from factcheck.analysis.profile import build_profile, find_stances
from factcheck.analysis.text import content_words
from factcheck.models import Claim

CASES = [json.loads(line) for line in (Path(__file__).parent / "cases" / "analysis_parts.jsonl")
         .read_text(encoding="utf-8").splitlines() if line.strip()]
# a known failure ("xfail": REASON) stays in the table and runs as a strict xfail
PARAMS = [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else [])
          for c in CASES]


def claim(text: str, cue: str | None = None, source: str = "author") -> Claim:
    return Claim(id="c", document="d.txt", start=0, end=len(text), quote=text, text=text, cue=cue,
                 source=source, source_type="author" if source == "author" else "official")


def check_amounts(case):
    got = [(a.low, a.high, a.unit, a.casualty) for a in claim_amounts(claim(case["text"]))]
    want = [(low, math.inf if high == "inf" else high, unit, kind) for low, high, unit, kind in case["expect"]]
    assert got == pytest.approx(want) if not want else got == want


def check_periods(case):
    a, b = (part.strip() or None for part in case["text"].split("|"))
    assert periods_overlap(parse_period(a), parse_period(b)) is case["expect"]


def check_calendar(case):
    a, b = case["text"].split("|")
    assert calendars_agree(stated_calendar(a), stated_calendar(b)) is case["expect"]


def check_stances(case):
    assert [[dim, side] for dim, side, _ in find_stances(case["text"])] == case["expect"]


def check_denial(case):
    cue = detect_denial(build_profile(0, claim(case["text"], case.get("cue"), case.get("source", "author"))))
    if case["expect"] is None:
        assert cue is None
        return
    assert cue is not None
    for field, value in case["expect"].items():
        assert (list(cue.names) if field == "names" else getattr(cue, field)) == value, field


def check_words(case):
    assert content_words(case["text"]) == case["expect"]


CHECKS = {"amounts": check_amounts, "periods": check_periods, "calendar": check_calendar,
          "stances": check_stances, "denial": check_denial, "words": check_words}


@pytest.mark.parametrize("case", PARAMS)
def test_part(case):
    CHECKS[case["part"]](case)
