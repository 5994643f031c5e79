"""`factcheck trace CLAIM_ID`: a claim's proposition across documents, in date order."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings, stdout_console, write_data


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
    if fmt is TextFormat.json:
        from factcheck.render.formats import to_json
        from factcheck.render.trace import trace_record

        write_data(to_json(trace_record(result)))
        return
    from factcheck.render.trace import trace_view

    stdout_console().print(trace_view(result))
