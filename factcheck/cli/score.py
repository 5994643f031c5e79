"""`factcheck score [CLAIM_ID]`: claims ranked by corroboration, or one claim's score explained."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import TableJsonFormat, say, settings, stdout_console, write_data


def score(
    ctx: typer.Context,
    claim_id: Optional[str] = typer.Argument(None, help="A claim id (or unique prefix): explain its score and grade."),
    limit: Optional[int] = typer.Option(None, min=1, help="At most this many claims in the ranking."),
    fmt: TableJsonFormat = typer.Option(TableJsonFormat.table, "--format", "-f",
                                        help="table for people, json for programs."),
) -> None:
    """Rank claims by corroboration score, then credibility grade; or explain one claim's."""
    from factcheck import api
    from factcheck.render import standing as render
    from factcheck.render.formats import to_json

    db = settings(ctx).db
    if claim_id is not None:
        item = api.claim_score(db, claim_id)
        if fmt is TableJsonFormat.json:
            write_data(to_json(render.score_detail_record(item)))
        else:
            stdout_console().print(render.score_detail(item))
        return
    ranked = api.scores(db, limit=limit)
    if fmt is TableJsonFormat.json:
        write_data(to_json([render.score_record(item) for item in ranked]))
        return
    stdout_console().print(render.scores_table(ranked))
    say(ctx, f"{len(ranked)} claims")
