"""Contradictions, scores and manual links as tables, text and records.

Each function returns a renderable, strings or plain records; the CLI decides where they go.
"""

from __future__ import annotations

from rich import box
from rich.table import Table

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
