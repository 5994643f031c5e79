"""Running the analysis over a database: incrementally after an ingest, link or unlink, or
completely on request.

Part of the public API (`factcheck.api` re-exports `analyse`). An incremental run reuses the
profiles and pair findings kept by earlier runs and compares only pairs that involve claims
stored since; denials, inferred relations, statuses and grades are still worked out over all
claims. A run is complete (everything compared afresh) when asked for, when the analysis rules
changed since the kept results were made, and when the database has grown past
COMPLETE_RUN_GROWTH times the claims of the last complete run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Kept findings were weighed with the word weights of the claims then stored; once the database
# has doubled, a complete run weighs every pair against all of it again. Complete runs then come
# at doublings, so their cost stays proportional to the claims added.
COMPLETE_RUN_GROWTH = 2.0


@dataclass(frozen=True)
class AnalysisSummary:
    """What one analysis run did."""

    claims: int
    compared: int               # claims whose pairs were compared in this run
    complete: bool              # every pair compared afresh
    relations: int              # automatic relations now stored


def analyse(db: Path | str) -> AnalysisSummary:
    """Analyse every claim of the database afresh, whatever earlier runs kept."""
    from factcheck.api import open_store

    with open_store(db) as store:
        return run_analysis(store, complete=True)


def run_analysis(store, *, complete: bool = False, claims: list | None = None) -> AnalysisSummary:
    """Relations and assessments of all stored claims, reusing what earlier runs kept unless
    `complete`. `claims`, when given, are all the store's claims as `store.claims()` would read
    them: an ingest into an empty database has them already."""
    from factcheck.analysis import collector_paused

    with collector_paused():
        return _run(store, complete, claims)


def _run(store, complete: bool, claims: list | None) -> AnalysisSummary:
    from factcheck.analysis import update_analysis
    from factcheck.analysis.state import fingerprint

    claims = store.claims() if claims is None else claims
    marks = store.analysis_marks()
    base = int(marks.get("analysis_base") or 0)
    complete = (complete or marks.get("analysis_rules") != fingerprint()
                or len(claims) > COMPLETE_RUN_GROWTH * base)
    profiles, findings = ({}, []) if complete else store.kept_analysis()
    manual = [relation for relation in store.relations() if relation.origin == "manual"]
    publishers = {d.name: d.publisher for d in store.documents() if d.publisher}
    result = update_analysis(claims, profiles=profiles, findings=findings, manual=manual,
                             suppressed=store.suppressed_pairs(), publishers=publishers,
                             aliases=store.aliases())
    new_base = len(claims) if result.complete else base
    stored = store.assessments()
    changed = [a for a in result.assessments if stored.get(a.claim_id) != a]
    store.save_analysis(result.relations, changed, profiles=result.profiles,
                        findings=result.findings, replace=result.complete, terms=result.terms,
                        marks={"analysis_rules": fingerprint(), "analysis_base": str(new_base)})
    return AnalysisSummary(len(claims), len(result.profiles), result.complete, len(result.relations))
