"""`factcheck history CLAIM_ID`: the review log of a claim, oldest first."""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, settings, write_data
from factcheck.cli.output import print_view


def history(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text for people, json for programs."),
) -> None:
    """Show every review of a claim, oldest first; the last is the verdict in force."""
    from factcheck import api
    from factcheck.render.audit import history_record, history_view

    claim, reviews = api.claim_history(settings(ctx).db, claim_id)
    if fmt is TextFormat.json:
        from factcheck.render.formats import to_json

        write_data(to_json(history_record(claim, reviews)))
        return
    print_view(history_view(claim, reviews))
