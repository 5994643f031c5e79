"""`factcheck export`: the whole database as JSON Lines (the interchange format), JSON or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import ExportFormat, settings, write_output


def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                     help="jsonl: documents, claims, relations one a line; json: one object; csv: claims; "
                                          "claimreview: reviewed claims as schema.org ClaimReview JSON-LD."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False, metavar="FILE",
                                          help="Write to FILE instead of stdout."),
) -> None:
    """Export documents, claims and relations."""
    from factcheck import api

    write_output(ctx, api.export(settings(ctx).db, fmt.value), output)
