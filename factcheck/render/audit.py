"""The audit trail for people and programs: a claim's review history and `verify`'s mismatches.

Each function returns a Rich renderable or plain records; the CLI decides where they go.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from factcheck.provenance import mismatch_record
from factcheck.render.layout import Column, Listing


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold", ratio=1 if column in ("note", "detail") else None)
    return table


def review_record(review) -> dict:
    return {"id": review.id, "claim": review.claim_id, "verdict": review.verdict, "note": review.note,
            "by": review.by, "at": review.at}


def history_record(claim, reviews) -> dict:
    """`history --format json`: the claim, its latest verdict and the whole log, oldest first."""
    return {"claim": claim.id, "document": claim.document, "source": claim.source, "quote": claim.quote,
            "verdict": reviews[-1].verdict if reviews else None,
            "reviews": [review_record(review) for review in reviews]}


def history_view(claim, reviews) -> Group:
    """The claim in a line, then one row per review, oldest first; the last row is the verdict in force."""
    heading = Text(f"claim {claim.id} ({claim.source}, {claim.document}): ", style="bold")
    heading.append(claim.quote, style="")
    if not reviews:
        return Group(heading, Text("not reviewed yet; add a verdict with `factcheck review`"))
    table = _table("at", "verdict", "by", "note")
    for review in reviews:
        table.add_row(review.at, review.verdict, review.by or "", review.note or "")
    return Group(heading, Text(""), table, Text(""), Text(f"verdict in force: {reviews[-1].verdict}"))


def mismatches_listing(mismatches) -> Listing:
    columns = (Column("kind"), Column("document"), Column("claim"), Column("stored", text=True),
               Column("found", text=True), Column("detail", text=True))
    rows = [(item.kind, item.document, item.claim_id or "", item.expected, item.found, item.detail)
            for item in mismatches]
    return Listing(columns, rows, [mismatch_record(item) for item in mismatches], noun="mismatch", nouns="mismatches",
                   csv_fields=("kind", "document", "path", "claim", "expected", "found", "detail"))
