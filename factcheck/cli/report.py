"""`factcheck report`: the Markdown fact-check report, to stdout or a file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import settings, warn_if_stale, write_output
from factcheck.cli.list import _iso_date


def report(
    ctx: typer.Context,
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False, metavar="FILE",
                                          help="Write the report to FILE instead of stdout."),
    actor: Optional[str] = typer.Option(None, help="Only claims by or about this actor (name or alias)."),
    since: Optional[str] = typer.Option(None, callback=_iso_date, help="Only claims about events on or after this date."),
    until: Optional[str] = typer.Option(None, callback=_iso_date, help="Only claims about events on or before this date."),
) -> None:
    """Write a Markdown report: findings, denials and contradictions, sources, grades, timeline."""
    from factcheck import api

    from factcheck.render.safe import escape_controls

    text = escape_controls(api.build_report(settings(ctx).db, actor=actor, since=since, until=until))
    warn_if_stale(ctx)
    write_output(ctx, text, output)
