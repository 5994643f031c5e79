"""`factcheck verify`: do stored quotes still match their documents, and files their hashes?"""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import say, settings
from factcheck.cli.output import ListFormat, emit_listing, format_option


def verify(
    ctx: typer.Context,
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """Check stored quotes against their documents and source files against their sha256.

    Lists every mismatch and exits 7 if there is any; files no longer at their path are skipped."""
    from factcheck import api
    from factcheck.errors import VerifyError
    from factcheck.render.audit import mismatches_listing

    result = api.verify(settings(ctx).db)
    if result.mismatches or fmt in (ListFormat.json, ListFormat.jsonl, ListFormat.csv):
        emit_listing(ctx, mismatches_listing(result.mismatches), fmt, count=False)
    if not result.ok:
        raise VerifyError(result.summary() + "; re-ingest changed files with `factcheck ingest`")
    say(ctx, result.summary())
