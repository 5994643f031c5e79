"""`factcheck trace CLAIM_ID`: a claim's proposition across documents, in date order."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings
from factcheck.cli.output import emit_record


def trace(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
) -> None:
    """Follow a claim's proposition across all documents in date order: its first appearance and
    origin, repeats of that origin, independent corroborations, and who denies or contradicts it,
    each with source, outlet, date, offsets and quote."""
    from factcheck import api

    result = api.trace(settings(ctx).db, claim_id)
    from factcheck.render.trace import trace_record, trace_view

    emit_record(fmt, lambda: trace_record(result), lambda: [trace_view(result)], fitted=True)
