"""`factcheck link A B --relation ...` and `factcheck unlink A B`: the user's own relations,
which survive re-ingest and re-analysis and win over automatic ones."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import say, settings
from factcheck.models import RELATIONS

RelationName = Enum("RelationName", {name: name for name in RELATIONS}, type=str)


def link(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="The claim that denies, contradicts, corroborates or repeats (id or prefix)."),
    b: str = typer.Argument(..., help="The claim it relates to (id or prefix)."),
    relation: RelationName = typer.Option(..., "--relation", "-r", help="How A relates to B."),
    note: Optional[str] = typer.Option(None, help="Why: kept as the reason that show and contradictions give."),
) -> None:
    """Link two claims by hand; replaces any relation between them and re-runs the analysis."""
    from factcheck import api

    result = api.link(settings(ctx).db, a, b, relation.value, note)
    say(ctx, f"linked {result.source.id} {relation.value} {result.target.id}; {_standing(result)}")


def unlink(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="A claim id or prefix."),
    b: str = typer.Argument(..., help="Another claim id or prefix."),
) -> None:
    """Remove every relation between two claims and keep the analysis from adding one back."""
    from factcheck import api

    result = api.unlink(settings(ctx).db, a, b)
    plural = "" if result.removed == 1 else "s"
    say(ctx, f"unlinked {result.source.id} and {result.target.id} ({result.removed} relation{plural} removed); "
             f"{_standing(result)}")


def _standing(result) -> str:
    """Both claims' statuses after the analysis re-ran, so the effect shows at once."""
    return f"now {result.source.id} is {result.source.status}, {result.target.id} is {result.target.status}"
