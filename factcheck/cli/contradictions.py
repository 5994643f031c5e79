"""`factcheck contradictions`: every denial and conflict, with both claims and the reason."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import TableJsonFormat, say, settings, stdout_console, write_data
from factcheck.standing import CONTRADICTION_TYPES

ContradictionType = Enum("ContradictionType", {name: name for name in CONTRADICTION_TYPES}, type=str)


def contradictions(
    ctx: typer.Context,
    actor: Optional[str] = typer.Option(None, help="Only those where either claim is by or about this actor (any alias)."),
    kind: Optional[ContradictionType] = typer.Option(
        None, "--type", help="Only this kind: a denial, a clash of figures, dates, yes/no or characterisations, "
                             "a denier's counter-assertion, a backer of a denial, or a manual link."),
    fmt: TableJsonFormat = typer.Option(TableJsonFormat.table, "--format", "-f",
                                        help="table for people, json for programs."),
) -> None:
    """List denials and contradictions: both claims with their sources and quotes, and the reason."""
    from factcheck import api
    from factcheck.render.standing import contradiction_record, contradictions_table

    found = api.contradictions(settings(ctx).db, actor=actor, type=kind and kind.value)
    if fmt is TableJsonFormat.json:
        from factcheck.render.formats import to_json

        write_data(to_json([contradiction_record(item) for item in found]))
        return
    stdout_console().print(contradictions_table(found))
    say(ctx, f"{len(found)} contradiction{'' if len(found) == 1 else 's'}")
