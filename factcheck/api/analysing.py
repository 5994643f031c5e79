"""Running the analysis over a database: incrementally after an ingest, link or unlink, or
completely on request.

Part of the public API (`factcheck.api` re-exports `analyse`). An incremental run reuses the
profiles and pair findings kept by earlier runs and compares only pairs that involve claims
stored since; after an ingest that only added documents it reads no more than their
neighbourhood (`growing`), otherwise denials, inferred relations, statuses and grades are worked
out over all claims. A run is complete (everything compared afresh) when asked for, when the analysis rules
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


# Another writer may store documents while a run computes; the run then starts again over what is
# stored now. Past this many tries, the last writer's own run (every writer runs one after its
# writes) or the next command that writes brings the analysis up to date.
MAX_ANALYSIS_TRIES = 5


@dataclass(frozen=True)
class AnalysisSummary:
    """What one analysis run did."""

    claims: int
    compared: int               # claims whose pairs were compared in this run
    complete: bool              # every pair compared afresh
    relations: int              # automatic relations now stored (a run over new claims' neighbourhood: those it added)
    current: bool = True        # the results saved cover everything stored (False: left stale)


def analyse(db: Path | str) -> AnalysisSummary:
    """Analyse every claim of the database afresh, whatever earlier runs kept."""
    from factcheck.api.common import open_store

    with open_store(db, write=True) as store:
        return run_analysis(store, complete=True)


def is_stale(db: Path | str) -> bool:
    """True when documents or links were stored after the stored analysis was made (an analysis
    interrupted, or still running in another process)."""
    from factcheck.api.common import open_store

    with open_store(db) as store:
        return store.analysis_state().stale


def run_analysis(store, *, complete: bool = False, claims: list | None = None,
                 claims_generation: int | None = None, only_if_stale: bool = False,
                 prepared: dict | None = None, added: list | None = None) -> AnalysisSummary:
    """Relations and assessments of all stored claims, reusing what earlier runs kept unless
    `complete`, saved in one transaction once the documents are committed.

    `claims`, when given, are all the store's claims as `store.claims()` would read them at data
    generation `claims_generation` (an ingest into an empty database has them already); they are
    used only if no other writer has stored anything since. With `only_if_stale`, nothing is
    done when the stored analysis is up to date. A run whose inputs change while it computes (a
    concurrent writer) starts again over what is stored then. `prepared` holds profiles made
    beside the extraction (claim id -> (profile text, index terms)), used instead of building
    them again. `added`, when given, are the claims of documents just added to a database whose
    analysis was up to date before (at `claims_generation` nothing else has changed): only their
    neighbourhood is analysed (`growing`), unless a complete run is due."""
    from factcheck.analysis import collector_paused

    with collector_paused():
        for _ in range(MAX_ANALYSIS_TRIES):
            state = store.analysis_state()
            if only_if_stale and not state.stale:
                return AnalysisSummary(0, 0, False, 0)
            mine = claims_generation is not None and state.data == claims_generation
            summary = _run(store, complete, claims if mine else None, state, prepared or {},
                           added if mine else None)
            if summary is not None:
                return summary
            only_if_stale, claims, added = not complete, None, None  # another run may have done the work meanwhile
        return AnalysisSummary(0, 0, False, 0, current=False)


def _run(store, complete: bool, claims: list | None, state, prepared: dict,
         added: list | None) -> AnalysisSummary | None:
    from factcheck.analysis import update_analysis
    from factcheck.analysis.state import fingerprint

    marks = store.analysis_marks()
    base = int(marks.get("analysis_base") or 0)
    if added and not complete and marks.get("analysis_rules") == fingerprint():
        total = store.kept_claims() + len(added)
        if 0 < base and total <= COMPLETE_RUN_GROWTH * base:
            return _run_part(store, added, prepared, state, total, marks)
    claims = store.claims() if claims is None else claims
    complete = (complete or marks.get("analysis_rules") != fingerprint()
                or len(claims) > COMPLETE_RUN_GROWTH * base)
    profiles, findings = ({}, []) if complete else store.kept_analysis()
    manual = [relation for relation in store.relations() if relation.origin == "manual"]
    publishers = {d.name: d.publisher for d in store.documents() if d.publisher}
    result = update_analysis(claims, profiles=profiles, findings=findings, manual=manual,
                             suppressed=store.suppressed_pairs(), publishers=publishers,
                             aliases=store.aliases(), prepared=prepared)
    new_base = len(claims) if result.complete else base
    stored = store.assessments()
    changed = [a for a in result.assessments if stored.get(a.claim_id) != a]
    saved = store.save_analysis(result.relations, changed, profiles=result.profiles,
                                findings=result.findings, replace=result.complete, made_from=state,
                                terms=result.terms,
                                marks={"analysis_rules": fingerprint(), "analysis_base": str(new_base)})
    if not saved:
        return None
    return AnalysisSummary(len(claims), len(result.profiles), result.complete, len(result.relations))


def _run_part(store, added: list, prepared: dict, state, total: int, marks: dict) -> AnalysisSummary | None:
    """The new claims analysed in their neighbourhood (`growing`); None when the database changed meanwhile."""
    from factcheck.api.growing import analyse_new

    done = analyse_new(store, added, prepared, state,
                       {"analysis_rules": marks["analysis_rules"], "analysis_base": marks["analysis_base"]})
    return None if done is None else AnalysisSummary(total, len(added), False, done[1])
