"""`factcheck report`: the Markdown fact-check report, to stdout or a file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import iso_date, settings, warn_if_stale, write_output


def report(
    ctx: typer.Context,
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False, metavar="FILE",
                                          help="Write the report to FILE instead of stdout."),
    actor: Optional[str] = typer.Option(None, help="Only claims by or about this actor (name or alias)."),
    since: Optional[str] = typer.Option(None, callback=iso_date,
                                        help="Only claims about events on or after this date."),
    until: Optional[str] = typer.Option(None, callback=iso_date,
                                        help="Only claims about events on or before this date."),
    full: bool = typer.Option(False, "--full",
                              help="Also every claim by source, with its grade, and the whole timeline."),
) -> None:
    """Write a Markdown briefing: key findings, denied and contested claims with who disputes them,
    corroboration, sources, timeline; every quote footnoted with its article and offsets."""
    from factcheck import api
    from factcheck.render.safe import escape_controls

    text = escape_controls(api.build_report(settings(ctx).db, actor=actor, since=since, until=until, full=full))
    warn_if_stale(ctx)
    write_output(ctx, text, output)
