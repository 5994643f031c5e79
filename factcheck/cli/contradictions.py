"""`factcheck contradictions`: every denial and conflict, with both claims and the reason."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import settings
from factcheck.cli.output import ListFormat, emit_listing, format_option
from factcheck.models import CONTRADICTION_TYPES

ContradictionType = Enum("ContradictionType", {name: name for name in CONTRADICTION_TYPES}, type=str)


def contradictions(
    ctx: typer.Context,
    actor: Optional[str] = typer.Option(None, help="Only those where either claim is by or about this actor "
                                                   "(any alias)."),
    kind: Optional[ContradictionType] = typer.Option(
        None, "--type", help="Only this kind: a denial, a clash of figures, dates, yes/no, characterisations "
                             "or of who is responsible, a denier's counter-assertion, or a manual link."),
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List denials and contradictions: both claims with their sources and quotes, and the reason."""
    from factcheck import api
    from factcheck.render.standing import contradictions_listing

    found = api.contradictions(settings(ctx).db, actor=actor, type=kind and kind.value)
    emit_listing(ctx, contradictions_listing(found), fmt)
