"""Contradictions, scores and manual links as tables, text and records.

Each function returns a renderable, strings or plain records; the CLI decides where they go.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

def _claim_cell(claim) -> str:
    return f"{claim.id} {claim.source} ({claim.document})\n\"{claim.quote}\""


def contradictions_table(found) -> Table:
    """One row per contradiction: its type, the opposing claim, the claim opposed, and why."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("type", no_wrap=True)
    table.add_column("claim", overflow="fold", ratio=2)
    table.add_column("against", overflow="fold", ratio=2)
    table.add_column("reason", overflow="fold", ratio=3)
    for item in found:
        reason = item.relation.reason + (" [manual]" if item.relation.origin == "manual" else "")
        table.add_row(item.type, _claim_cell(item.source), _claim_cell(item.target), reason)
    return table


def _claim_end(claim) -> dict:
    return {"id": claim.id, "document": claim.document, "source": claim.source,
            "source_type": claim.source_type, "quote": claim.quote, "status": claim.status,
            "start": claim.start, "end": claim.end}


def contradiction_record(item) -> dict:
    """`contradictions --format json`: the relation, its type and reason, and both claims."""
    return {"type": item.type, "relation": item.relation.relation, "reason": item.relation.reason,
            "origin": item.relation.origin, "score": round(float(item.relation.score), 3),
            "from": _claim_end(item.source), "to": _claim_end(item.target)}


def _grade(item) -> str:
    return "" if item.assessment is None else f"{item.assessment.grade} {item.grade_name}"


def scores_table(ranked) -> Table:
    """One row per claim, best supported first: id, who says it, grade, score, status, quote."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("id", "source", "grade", "score", "status"):
        table.add_column(column, no_wrap=column != "source", justify="right" if column == "score" else "left")
    table.add_column("quote", overflow="fold")
    for item in ranked:
        score = "" if item.assessment is None else f"{item.assessment.score:.2f}"
        table.add_row(item.claim.id, item.claim.source, _grade(item), score, item.claim.status, item.claim.quote)
    return table


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
