"""`factcheck export`: the whole database as JSON Lines (the interchange format), JSON or CSV,
or the reviewed claims as ClaimReview markup."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import ExportFormat, settings, write_chunks


def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                     help="jsonl: documents, claims, relations one a line; json: one object; "
                                          "csv: claims; claimreview: reviewed claims as schema.org ClaimReview "
                                          "JSON-LD."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False, metavar="FILE",
                                          help="Write to FILE instead of stdout."),
    review_url: Optional[str] = typer.Option(
        None, "--review-url", metavar="URL",
        help="claimreview: where each review is published, {id} standing for the claim id "
             "(required), e.g. https://example.org/checks/{id}."),
    publisher: Optional[str] = typer.Option(
        None, "--publisher", metavar="NAME",
        help="claimreview: the organisation publishing the reviews (their author); default: each reviewer."),
) -> None:
    """Export documents, claims and relations, or reviewed claims as ClaimReview."""
    from factcheck import api

    write_chunks(ctx, api.export_chunks(settings(ctx).db, fmt.value, review_url, publisher), output)
