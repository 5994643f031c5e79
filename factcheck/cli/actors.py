"""`factcheck actors` (list, with aliases and claim counts) and `factcheck actors alias`."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import say, settings
from factcheck.cli.output import ListFormat, emit_listing, format_option

app = typer.Typer(no_args_is_help=False, add_completion=False)


@app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    fmt: Optional[ListFormat] = format_option(),
) -> None:
    """List actors with their aliases and how many claims name them or come from them."""
    if ctx.invoked_subcommand is not None:
        return
    from factcheck import api
    from factcheck.render.tables import actors_listing

    emit_listing(ctx, actors_listing(api.actors(settings(ctx).db)), fmt)


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
