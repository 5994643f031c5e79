"""`factcheck list`: claims, filtered, as a table, JSON array or CSV."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import FORMAT_HELP, TableFormat, iso_date, say, settings, stdout_console, warn_if_stale, write_data
from factcheck.models import KINDS, STATUSES

Status = Enum("Status", {name: name for name in STATUSES}, type=str)
Kind = Enum("Kind", {name: name for name in KINDS}, type=str)
_iso_date = iso_date  # the name `report` imports


def list_claims(
    ctx: typer.Context,
    actor: Optional[str] = typer.Option(None, help="Claims about or by this actor: canonical name or any alias, any case."),
    source: Optional[str] = typer.Option(None, help="Claims whose source contains this text."),
    status: Optional[Status] = typer.Option(None, help="Only claims with this status."),
    kind: Optional[Kind] = typer.Option(None, help="Only claims of this kind."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only claims of this document (file name, path or sha256 prefix)."),
    since: Optional[str] = typer.Option(None, callback=iso_date, help="Claims about events on or after this date."),
    until: Optional[str] = typer.Option(None, callback=iso_date, help="Claims about events on or before this date."),
    search: Optional[str] = typer.Option(None, help="Claims whose quote or text contains this text."),
    grade: Optional[int] = typer.Option(None, min=1, max=6, help="Only claims with this credibility grade (1-6)."),
    limit: Optional[int] = typer.Option(None, min=1, help="At most this many claims."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """List claims, with who asserts them and how they stand."""
    from factcheck import api
    from factcheck.render.records import claim_record

    filters = api.ClaimFilters(actor=actor, source=source, status=status and status.value,
                               kind=kind and kind.value, document=doc, since=since, until=until,
                               search=search, grade=grade, limit=limit)
    listed = api.list_claims(settings(ctx).db, filters)
    warn_if_stale(ctx)
    if fmt is TableFormat.table:
        from factcheck.render.tables import claims_table

        console = stdout_console()
        console.print(claims_table(listed, console.width))
        say(ctx, f"{len(listed)} claims")
        return
    from factcheck.render.formats import to_csv, to_json

    records = [claim_record(i.claim, i.score, i.grade, i.review) for i in listed]
    write_data(to_json(records) if fmt is TableFormat.json else to_csv(records))
