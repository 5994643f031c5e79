"""`factcheck sources`: who asserts how many claims, and how those claims stand."""

from __future__ import annotations

import typer

from factcheck.cli.common import FORMAT_HELP, TableFormat, print_table, settings, write_data


def sources(
    ctx: typer.Context,
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """List sources with their type and claim counts by status."""
    from factcheck import api
    from factcheck.render.tables import source_record, sources_table

    summaries = api.sources(settings(ctx).db)
    if fmt is TableFormat.table:
        print_table(sources_table(summaries))
        return
    from factcheck.render.formats import to_csv, to_json

    records = [source_record(summary) for summary in summaries]
    write_data(to_json(records) if fmt is TableFormat.json else to_csv(records))
