"""`factcheck list`: claims, filtered, as a table, JSON array or CSV."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from factcheck.cli.common import iso_date, settings, warn_if_stale
from factcheck.cli.output import ListFormat, emit_listing, emit_records, format_option
from factcheck.models import KINDS, STATUSES

Status = Enum("Status", {name: name for name in STATUSES}, type=str)
Kind = Enum("Kind", {name: name for name in KINDS}, type=str)


def list_claims(
    ctx: typer.Context,
    actor: Optional[str] = typer.Option(None, help="Claims about or by this actor: canonical name or any alias, "
                                                   "any case."),
    source: Optional[str] = typer.Option(None, help="Claims whose source contains this text."),
    status: Optional[Status] = typer.Option(None, help="Only claims with this status."),
    kind: Optional[Kind] = typer.Option(None, help="Only claims of this kind."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only claims of this document "
                                                          "(file name, path or sha256 prefix)."),
    since: Optional[str] = typer.Option(None, callback=iso_date, help="Claims about events on or after this date."),
    until: Optional[str] = typer.Option(None, callback=iso_date, help="Claims about events on or before this date."),
    search: Optional[str] = typer.Option(None, help="Claims whose quote or text contains this text."),
    grade: Optional[int] = typer.Option(None, min=1, max=6, help="Only claims with this credibility grade (1-6)."),
    limit: Optional[int] = typer.Option(None, min=1, help="At most this many claims."),
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List claims, with who asserts them and how they stand."""
    from factcheck import api
    from factcheck.render.records import CLAIM_FIELDS, claim_record
    from factcheck.render.tables import claims_listing

    filters = api.ClaimFilters(actor=actor, source=source, status=status and status.value,
                               kind=kind and kind.value, document=doc, since=since, until=until,
                               search=search, grade=grade, limit=limit)
    if fmt in (ListFormat.json, ListFormat.jsonl, ListFormat.csv):   # for programs: streamed, row by row
        stream = api.iter_claims(settings(ctx).db, filters)
        warn_if_stale(ctx)
        emit_records(fmt, (claim_record(i.claim, i.score, i.grade, i.review) for i in stream), CLAIM_FIELDS[1:])
        return
    listed = api.list_claims(settings(ctx).db, filters)
    warn_if_stale(ctx)
    records = [claim_record(i.claim, i.score, i.grade, i.review) for i in listed]
    emit_listing(ctx, claims_listing(listed, records), fmt)
