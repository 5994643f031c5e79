"""One function per use case: what the CLI (or any Python caller) can ask of factcheck.

Functions take plain values and a database path, return values, and never print. Errors are
`FactcheckError` kinds whose messages say what failed and what to do. This module only re-exports:
each use case lives in the module of its group, and none of them imports this one.
"""

from __future__ import annotations

from factcheck.api.analysing import AnalysisSummary, analyse, is_stale
from factcheck.api.checking import CheckedClaim, CheckResult, MatchedProposition, check
from factcheck.api.common import RelatedClaim, open_store, resolve_actor
from factcheck.api.explain import rules
from factcheck.api.ingesting import IngestSummary, Progress, ingest
from factcheck.api.queries import (
    ClaimDetail,
    ClaimFilters,
    ListedClaim,
    SourceSummary,
    actors,
    add_alias,
    claim_history,
    documents,
    explain_file,
    export_claimreview,
    review_claim,
    show_claim,
    verify,
)
from factcheck.api.querying import (
    build_report,
    export,
    export_chunks,
    export_records,
    iter_claims,
    list_claims,
    sources,
)
from factcheck.api.standing import (
    CONTRADICTION_TYPES,
    ClaimScore,
    Contradiction,
    LinkResult,
    ScoredClaim,
    claim_score,
    contradiction_type,
    contradictions,
    link,
    scores,
    unlink,
)
from factcheck.api.tracing import Trace, TraceEntry, trace

__all__ = [
    "AnalysisSummary",
    "CONTRADICTION_TYPES",
    "CheckResult",
    "CheckedClaim",
    "ClaimDetail",
    "ClaimFilters",
    "ClaimScore",
    "Contradiction",
    "IngestSummary",
    "LinkResult",
    "ListedClaim",
    "MatchedProposition",
    "Progress",
    "RelatedClaim",
    "ScoredClaim",
    "SourceSummary",
    "Trace",
    "TraceEntry",
    "actors",
    "add_alias",
    "analyse",
    "build_report",
    "check",
    "claim_history",
    "claim_score",
    "contradiction_type",
    "contradictions",
    "documents",
    "explain_file",
    "export",
    "export_claimreview",
    "export_records",
    "ingest",
    "is_stale",
    "link",
    "export_chunks",
    "iter_claims",
    "list_claims",
    "open_store",
    "resolve_actor",
    "review_claim",
    "rules",
    "scores",
    "show_claim",
    "sources",
    "trace",
    "unlink",
    "verify",
]
