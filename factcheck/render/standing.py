"""Contradictions, scores and manual links as tables, text and records.

Each function returns a renderable, strings or plain records; the CLI decides where they go.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from factcheck.render.layout import Column, Listing


def contradictions_listing(found) -> Listing:
    """One row per contradiction: its type, the opposing claim, the claim opposed, and why."""
    columns = (Column("type"), Column("claim"), Column("source", text=True, min_width=12, max_width=24),
               Column("document", drop=2), Column("quote", text=True),
               Column("against"), Column("source", text=True, min_width=12, max_width=24),
               Column("document", drop=1), Column("quote", text=True), Column("reason", text=True))
    rows = []
    for item in found:
        reason = item.relation.reason + (" [manual]" if item.relation.origin == "manual" else "")
        rows.append((item.type, item.source.id, item.source.source, item.source.document, item.source.quote,
                     item.target.id, item.target.source, item.target.document, item.target.quote, reason))
    return Listing(columns, rows, [contradiction_record(item) for item in found], noun="contradiction")


def _claim_end(claim) -> dict:
    return {"id": claim.id, "document": claim.document, "source": claim.source,
            "source_type": claim.source_type, "quote": claim.quote, "status": claim.status,
            "start": claim.start, "end": claim.end}


def contradiction_record(item) -> dict:
    """`contradictions --format json`: the relation, its type and reason, and both claims."""
    return {"type": item.type, "relation": item.relation.relation, "reason": item.relation.reason,
            "origin": item.relation.origin, "score": round(float(item.relation.score), 3),
            "from": _claim_end(item.source), "to": _claim_end(item.target)}


def scores_listing(ranked) -> Listing:
    """One row per claim, best supported first: id, who says it, score, grade, status, quote."""
    columns = (Column("id"), Column("source", text=True, min_width=12, max_width=24), Column("score", right=True),
               Column("grade", right=True), Column("grade name", drop=2), Column("status", drop=1),
               Column("quote", text=True, min_width=30))
    rows = []
    for item in ranked:
        assessment = item.assessment
        rows.append((item.claim.id, item.claim.source, "" if assessment is None else f"{assessment.score:.2f}",
                     "" if assessment is None else str(assessment.grade), item.grade_name or "",
                     item.claim.status, item.claim.quote))
    return Listing(columns, rows, [score_record(item) for item in ranked], noun="claim")


def score_record(item) -> dict:
    """`score --format json`: a claim's place, its score, grade and the stored explanation."""
    assessment = item.assessment
    return {"id": item.claim.id, "document": item.claim.document, "source": item.claim.source,
            "source_type": item.claim.source_type, "quote": item.claim.quote, "status": item.claim.status,
            "score": None if assessment is None else round(float(assessment.score), 3),
            "grade": None if assessment is None else assessment.grade, "grade_name": item.grade_name,
            "explanation": None if assessment is None else assessment.explanation}


def score_detail_record(item) -> dict:
    """`score CLAIM_ID --format json`: the score record and the relations behind it."""
    record = score_record(item)
    record["relations"] = [
        {"relation": r.relation.relation, "direction": "out" if r.outgoing else "in",
         "other": r.relation.target_id if r.outgoing else r.relation.source_id,
         "other_source": r.other.source if r.other else None, "other_quote": r.other.quote if r.other else None,
         "reason": r.relation.reason, "origin": r.relation.origin} for r in item.relations]
    return record


def score_detail(item) -> Group:
    """`score CLAIM_ID`: the claim, its score, grade and why, then each relation behind them."""
    from factcheck.render.claim import relations_grid

    claim, assessment = item.claim, item.assessment
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    fields.add_row("claim", f"{claim.source}: \"{claim.quote}\" ({claim.document})")
    fields.add_row("status", claim.status)
    if assessment is None:
        fields.add_row("score", "not analysed yet; run `factcheck ingest` again")
    else:
        fields.add_row("score", f"{assessment.score:.2f} corroboration")
        fields.add_row("grade", f"{assessment.grade} ({item.grade_name})")
        fields.add_row("why", assessment.explanation)
    parts = [Text(f"claim {claim.id}", style="bold"), fields]
    if item.relations:
        parts += [Text(""), Text("relations behind it:", style="bold"), relations_grid(item)]
    else:
        parts += [Text(""), Text("no relations: no other claim backs, repeats, denies or contradicts it")]
    return Group(*parts)
