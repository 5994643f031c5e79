"""One function per use case: what the CLI (or any Python caller) can ask of factcheck.

Functions take plain values and a database path, return values, and never print. Errors are
`FactcheckError` kinds whose messages say what failed and what to do. This module only re-exports:
each use case lives in the module of its group, and none of them imports this one.
"""

from __future__ import annotations

from factcheck.api.queries import (
    ClaimDetail,
    ClaimFilters,
    ListedClaim,
    RelatedClaim,
    SourceSummary,
    actors,
    add_alias,
    build_report,
    claim_history,
    documents,
    explain_file,
    export,
    export_claimreview,
    export_records,
    list_claims,
    open_store,
    resolve_actor,
    review_claim,
    show_claim,
    sources,
    verify,
)
from factcheck.api.standing import CONTRADICTION_TYPES, Contradiction, contradiction_type, contradictions
from factcheck.api.standing import ClaimScore, ScoredClaim, claim_score, scores
from factcheck.api.standing import LinkResult, link, unlink
from factcheck.api.analysing import AnalysisSummary, analyse, is_stale
from factcheck.api.tracing import Trace, TraceEntry, trace
from factcheck.api.checking import CheckResult, CheckedClaim, MatchedProposition, check
from factcheck.api.ingesting import IngestSummary, Progress, ingest

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
    "list_claims",
    "open_store",
    "resolve_actor",
    "review_claim",
    "scores",
    "show_claim",
    "sources",
    "trace",
    "unlink",
    "verify",
]
