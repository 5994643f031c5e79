"""`factcheck verify`: do stored quotes still match their documents, and files their hashes?"""

from __future__ import annotations

import typer

from factcheck.cli.common import TextFormat, print_table, say, settings, write_data


def verify(
    ctx: typer.Context,
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", "-f",
                                   help="text: a table of mismatches; json: an array of them."),
) -> None:
    """Check stored quotes against their documents and source files against their sha256.

    Lists every mismatch and exits 7 if there is any; files no longer at their path are skipped."""
    from factcheck import api
    from factcheck.errors import VerifyError
    from factcheck.provenance import mismatch_record

    result = api.verify(settings(ctx).db)
    if fmt is TextFormat.json:
        from factcheck.render.formats import to_json

        write_data(to_json([mismatch_record(item) for item in result.mismatches]))
    elif result.mismatches:
        from factcheck.render.audit import mismatches_table

        print_table(mismatches_table(result.mismatches))
    if not result.ok:
        raise VerifyError(result.summary() + "; re-ingest changed files with `factcheck ingest`")
    say(ctx, result.summary())
