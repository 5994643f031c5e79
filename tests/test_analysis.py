"""Analysis case tables (tests/cases/analysis.jsonl): short invented news claims in, relations,
statuses and grades out. Each case lists its claims and what `analyze` must (not) find."""

from __future__ import annotations

import pytest

from factcheck.analysis import analyze
from factcheck.models import Claim, Relation
from tests.casetables import cases

SENTENCE_CHARS = 1000       # synthetic offsets: each sentence starts SENTENCE_CHARS after the last


def make_claims(rows: list[dict]) -> list[Claim]:
    claims, seen = [], {}
    for row in rows:
        key = (row["doc"], row["sent"])
        offset = seen.get(key, row["sent"] * SENTENCE_CHARS)
        seen[key] = offset + len(row["quote"]) + 2
        claims.append(Claim(
            id=row["id"], document=row["doc"], start=offset, end=offset + len(row["quote"]),
            quote=row["quote"], text=row.get("text", row["quote"]), kind=row.get("kind", "fact"),
            source=row.get("source", "author"), source_type=row.get("source_type", "author"),
            cue=row.get("cue"), certainty=row.get("certainty", "certain"),
            polarity=row.get("polarity", "positive"), actors=tuple(row.get("actors", ())),
            when=row.get("when"), paragraph=row.get("para", 0), sentence=row["sent"],
            trace=tuple(row.get("trace", ()))))
    return claims


def run(case):
    manual = [Relation(kind, a, b, "set by hand", origin="manual") for kind, a, b in case.get("manual", [])]
    suppressed = {frozenset(pair) for pair in case.get("suppressed", [])}
    relations, assessments = analyze(make_claims(case["claims"]), manual, suppressed)
    return relations, {a.claim_id: a for a in assessments}


def has(relations, kind, a, b):
    """Directed for denies, either way round for the symmetric relations."""
    for r in relations:
        if r.relation == kind and ((r.source_id, r.target_id) == (a, b)
                                   or kind != "denies" and (r.source_id, r.target_id) == (b, a)):
            return r
    return None


@pytest.mark.parametrize("case", cases("analysis.jsonl"))
def test_analysis_case(case):
    relations, assessed = run(case)
    expect = case["expect"]
    shown = [(r.relation, r.source_id, r.target_id, r.reason) for r in relations]
    for kind, a, b in expect.get("relations", []):
        assert has(relations, kind, a, b), f"missing {kind} {a}->{b}; found {shown}"
    for kind, a, b in expect.get("absent", []):
        assert not has(relations, kind, a, b), f"unexpected {kind} {a}->{b}: {shown}"
    if expect.get("none"):
        assert relations == [], shown
    for cid, status in expect.get("status", {}).items():
        assert assessed[cid].status == status, assessed[cid].explanation
    for cid, grade in expect.get("grade", {}).items():
        assert assessed[cid].grade == grade, assessed[cid].explanation
    for cid, score in expect.get("score", {}).items():
        assert assessed[cid].score == pytest.approx(score), assessed[cid].explanation
    for pair, words in expect.get("reason_has", {}).items():
        a, b = pair.split(">")
        found = next(r for r in relations if {r.source_id, r.target_id} == {a, b})
        for word in words:
            assert word in found.reason, found.reason
    for cid, words in expect.get("explanation_has", {}).items():
        for word in words:
            assert word in assessed[cid].explanation, assessed[cid].explanation


def test_every_claim_is_assessed_and_relations_are_automatic():
    case = next(c.values[0] for c in cases("analysis.jsonl") if c.values[0]["id"] == "deny-by-topic")
    claims = make_claims(case["claims"])
    relations, assessments = analyze(claims)
    assert [a.claim_id for a in assessments] == [c.id for c in claims]
    assert all(r.origin == "auto" and r.reason for r in relations)
    assert all(0.0 <= a.score <= 1.0 and 1 <= a.grade <= 6 and a.explanation for a in assessments)


def test_output_is_deterministic():
    case = next(c.values[0] for c in cases("analysis.jsonl") if c.values[0]["id"] == "corroborates-independent")
    claims = make_claims(case["claims"])
    assert analyze(claims) == analyze(list(claims))


def test_symmetric_relations_run_from_earlier_to_later_claim():
    case = next(c.values[0] for c in cases("analysis.jsonl") if c.values[0]["id"] == "corroborates-independent")
    claims = make_claims(case["claims"])
    order = {c.id: (c.document, c.start) for c in claims}
    relations, _ = analyze(list(reversed(claims)))
    assert relations and all(order[r.source_id] < order[r.target_id] for r in relations)


def test_no_claims():
    assert analyze([]) == ([], [])
