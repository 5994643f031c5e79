"""`factcheck history CLAIM_ID`: the review log of a claim, oldest first."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings
from factcheck.cli.output import emit_record


def history(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
) -> None:
    """Show every review of a claim, oldest first; the last is the verdict in force."""
    from factcheck import api
    from factcheck.render.audit import history_record, history_view

    claim, reviews = api.claim_history(settings(ctx).db, claim_id)
    emit_record(fmt, lambda: history_record(claim, reviews), lambda: [history_view(claim, reviews)])
