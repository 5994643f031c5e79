"""Use cases over the analysis: contradictions, corroboration scores and the user's own links.

Part of the public API (`factcheck.api` re-exports every name here). Functions take a database
path, return values and never print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.models import CONTRADICTION_TYPES, RELATIONS, Assessment, Claim, Relation, contradiction_type

OPPOSING = ("denies", "contradicts")
MANUAL_REASON = "linked by the user"


@dataclass(frozen=True)
class Contradiction:
    """A denies or contradicts relation with the claims at both ends."""

    type: str                   # one of CONTRADICTION_TYPES, see `contradiction_type`
    relation: Relation
    source: Claim               # the denying or contradicting claim (the relation's `from`)
    target: Claim


@dataclass(frozen=True)
class ScoredClaim:
    """A claim with its stored assessment; None before the claim has been analysed."""

    claim: Claim
    assessment: Assessment | None
    grade_name: str | None


@dataclass(frozen=True)
class ClaimScore(ScoredClaim):
    """One claim's score, grade and explanation with the relations they rest on."""

    relations: tuple = ()       # api.RelatedClaim, as `show` has them


@dataclass(frozen=True)
class LinkResult:
    """What `link` or `unlink` did: the two claims as they stand after the analysis re-ran."""

    source: Claim
    target: Claim
    relation: Relation | None   # the manual link made; None for an unlink
    removed: int = 0            # relations removed by an unlink


# ---------------------------------------------------------------- contradictions

def contradictions(db: Path | str, actor: str | None = None, type: str | None = None) -> list[Contradiction]:
    """Every denies/contradicts relation, with both claims, in reading order of the opposing claim.

    `actor` (canonical name or alias) keeps those where either claim is by or about that actor;
    `type` keeps one of CONTRADICTION_TYPES.
    """
    from factcheck.api.common import open_store, resolve_actor

    if type is not None and type not in CONTRADICTION_TYPES:
        raise UsageError(f"unknown contradiction type {type!r}; use one of {', '.join(CONTRADICTION_TYPES)}")
    with open_store(db) as store:   # only the claims at either end of a denial or contradiction are read
        wanted = store.claim_ids(actors=[resolve_actor(store, actor)]) if actor else None
        relations = store.relations_of_kinds(OPPOSING)
        claims = store.claims_by_id([end for r in relations for end in (r.source_id, r.target_id)])
    found = []
    for relation in relations:
        source, target = claims.get(relation.source_id), claims.get(relation.target_id)
        if source is None or target is None:    # a manual link to a claim since replaced
            continue
        if wanted is not None and not {source.id, target.id} & wanted:
            continue
        kind = contradiction_type(relation)
        if type is None or kind == type:
            found.append(Contradiction(kind, relation, source, target))
    return sorted(found, key=lambda c: (c.source.document, c.source.start, c.target.document,
                                        c.target.start, c.relation.relation))


# ---------------------------------------------------------------- scores

def _grade_name(assessment: Assessment | None) -> str | None:
    from factcheck.analysis.grade import GRADE_NAMES

    return GRADE_NAMES.get(assessment.grade) if assessment else None


def scores(db: Path | str, limit: int | None = None) -> list[ScoredClaim]:
    """Claims ranked by corroboration score (highest first), then grade (1 best), then reading
    order; claims not yet analysed come last."""
    from factcheck.api.common import open_store

    with open_store(db) as store:
        claims = store.claims()
        assessments = store.assessments()
    scored = [ScoredClaim(claim, assessments.get(claim.id), _grade_name(assessments.get(claim.id)))
              for claim in claims]
    # store.claims() is already in reading order and sorted() is stable, so ties keep it.
    ranked = sorted(scored, key=_rank)
    return ranked[:limit] if limit else ranked


def _rank(item: ScoredClaim) -> tuple:
    assessment = item.assessment
    return (1, 0.0, 0) if assessment is None else (0, -assessment.score, assessment.grade)


def claim_score(db: Path | str, claim_id: str) -> ClaimScore:
    """One claim (id or unique prefix): its score, grade, explanation and relations."""
    from factcheck.api.queries import show_claim

    detail = show_claim(db, claim_id)
    return ClaimScore(detail.claim, detail.assessment, _grade_name(detail.assessment), detail.relations)


# ---------------------------------------------------------------- manual links

def link(db: Path | str, a: str, b: str, relation: str, note: str | None = None) -> LinkResult:
    """Record that claim `a` <relation> claim `b` (ids or unique prefixes), replacing whatever
    linked the pair before, and re-run the analysis so statuses and grades follow at once.

    The link is stored with origin "manual": re-ingest and re-analysis keep it and never add an
    automatic relation between the same two claims.
    """
    from factcheck.api.analysing import run_analysis
    from factcheck.api.common import open_store

    if relation not in RELATIONS:
        raise UsageError(f"unknown relation {relation!r}; use one of {', '.join(RELATIONS)}")
    with open_store(db, write=True) as store:
        source, target = _two_claims(store, a, b)
        made = Relation(relation, source.id, target.id, reason=(note or "").strip() or MANUAL_REASON,
                        origin="manual")
        store.add_manual_relation(made)
        run_analysis(store)
        return LinkResult(store.claim(source.id), store.claim(target.id), made)


def unlink(db: Path | str, a: str, b: str) -> LinkResult:
    """Remove every relation between claims `a` and `b`, keep the analysis from linking them
    again, and re-run it."""
    from factcheck.api.analysing import run_analysis
    from factcheck.api.common import open_store

    with open_store(db, write=True) as store:
        source, target = _two_claims(store, a, b)
        removed = store.remove_relation(source.id, target.id)
        run_analysis(store)
        return LinkResult(store.claim(source.id), store.claim(target.id), None, removed)


def _two_claims(store, a: str, b: str) -> tuple[Claim, Claim]:
    """Both claims by id or prefix (NotFound for either), refusing one claim named twice."""
    source, target = store.claim(a), store.claim(b)
    if source.id == target.id:
        raise UsageError(f"{a} and {b} are the same claim ({source.id}); give two different claims")
    return source, target
