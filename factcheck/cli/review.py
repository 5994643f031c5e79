"""`factcheck review CLAIM_ID --verdict V --note ... --by NAME`: append a verdict to the review log."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import say, settings
from factcheck.models import VERDICTS

Verdict = Enum("Verdict", {name.replace("-", "_"): name for name in VERDICTS}, type=str)


def review(
    ctx: typer.Context,
    claim_id: str = typer.Argument(..., help="A claim id, or enough of its start to be unique."),
    verdict: Verdict = typer.Option(..., "--verdict", "-v", help="The reviewer's finding."),
    note: Optional[str] = typer.Option(None, "--note", "-n", help="Why: the evidence, sources checked."),
    by: str = typer.Option(..., "--by", metavar="NAME", help="Who reviewed the claim."),
) -> None:
    """Record a verdict on a claim. Reviews are appended, never edited: see `factcheck history`."""
    from factcheck import api

    entry = api.review_claim(settings(ctx).db, claim_id, verdict.value, note=note, by=by)
    say(ctx, f"claim {entry.claim_id}: {entry.verdict} (by {entry.by}, {entry.at})")
