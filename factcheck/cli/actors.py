"""`factcheck actors` (list, with aliases and claim counts) and `factcheck actors alias`."""

from __future__ import annotations

import typer

from factcheck.cli.common import FORMAT_HELP, TableFormat, print_table, say, settings, write_data

app = typer.Typer(no_args_is_help=False, add_completion=False)


@app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """List actors with their aliases and how many claims name them or come from them."""
    if ctx.invoked_subcommand is not None:
        return
    from factcheck import api
    from factcheck.render.tables import actor_record, actors_table

    infos = api.actors(settings(ctx).db)
    if fmt is TableFormat.table:
        print_table(actors_table(infos))
        return
    from factcheck.render.formats import to_csv, to_json

    records = [actor_record(info) for info in infos]
    write_data(to_json(records) if fmt is TableFormat.json else to_csv(records, ["actor", "type", "claims", "aliases"]))


@app.command("alias")
def alias(
    ctx: typer.Context,
    canonical: str = typer.Argument(..., help="The actor's canonical name, e.g. Russia."),
    name: str = typer.Argument(..., metavar="ALIAS", help="Another name for it, e.g. Moscow (any case)."),
) -> None:
    """Make ALIAS another name for the actor CANONICAL in filters and future ingests."""
    from factcheck import api

    canonical = api.add_alias(settings(ctx).db, canonical, name)
    say(ctx, f"{name!r} now names {canonical}")
