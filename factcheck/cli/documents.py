"""`factcheck documents`: the stored articles with their metadata and claim counts."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import settings
from factcheck.cli.output import ListFormat, emit_listing, format_option


def documents(
    ctx: typer.Context,
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List stored documents: published date, claims, characters, title and author."""
    from factcheck import api
    from factcheck.render.records import document_record
    from factcheck.render.tables import documents_listing

    infos = api.documents(settings(ctx).db)
    emit_listing(ctx, documents_listing(infos, [document_record(info) for info in infos]), fmt)
