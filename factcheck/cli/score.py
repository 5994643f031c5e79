"""`factcheck score [CLAIM_ID]`: claims ranked by corroboration, or one claim's score explained."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import settings, write_data
from factcheck.cli.output import ListFormat, emit_listing, format_option, print_view


def score(
    ctx: typer.Context,
    claim_id: Optional[str] = typer.Argument(None, help="A claim id (or unique prefix): explain its score and grade."),
    limit: Optional[int] = typer.Option(None, min=1, help="At most this many claims in the ranking."),
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """Rank claims by corroboration score, then credibility grade; or explain one claim's."""
    from factcheck import api
    from factcheck.render import standing as render

    db = settings(ctx).db
    if claim_id is not None:
        item = api.claim_score(db, claim_id)
        if fmt in (ListFormat.json, ListFormat.jsonl):
            from factcheck.render.formats import to_json, to_jsonl

            record = render.score_detail_record(item)
            write_data(to_json(record) if fmt is ListFormat.json else to_jsonl([record]))
        elif fmt is ListFormat.csv:
            raise typer.BadParameter("one claim's score is a record with its relations; use json",
                                     param_hint="--format")
        else:
            print_view(render.score_detail(item))
        return
    emit_listing(ctx, render.scores_listing(api.scores(db, limit=limit)), fmt)
