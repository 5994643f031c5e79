"""`factcheck sources`: who asserts how many claims, and how those claims stand."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import settings
from factcheck.cli.output import ListFormat, emit_listing, format_option


def sources(
    ctx: typer.Context,
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List sources with their type and claim counts by status."""
    from factcheck import api
    from factcheck.render.tables import sources_listing

    emit_listing(ctx, sources_listing(api.sources(settings(ctx).db)), fmt)
