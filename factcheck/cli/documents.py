"""`factcheck documents`: the stored articles with their metadata and claim counts."""

from __future__ import annotations

import typer

from factcheck.cli.common import FORMAT_HELP, TableFormat, print_table, settings, write_data


def documents(
    ctx: typer.Context,
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """List stored documents: published date, title, author, claims."""
    from factcheck import api
    from factcheck.render.records import document_record

    infos = api.documents(settings(ctx).db)
    if fmt is TableFormat.table:
        from factcheck.render.tables import documents_table

        print_table(documents_table(infos))
        return
    from factcheck.render.formats import to_csv, to_json

    records = [document_record(info) for info in infos]
    write_data(to_json(records) if fmt is TableFormat.json else to_csv(records))
